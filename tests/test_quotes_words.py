"""The quote rules' vocabulary: every word list in data/quotes/ (one loader), patterns built
from the lists, and no vocabulary left in the rule modules."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pressroom.nlp import lexicon
from pressroom.nlp.quotes import words
from pressroom.nlp.quotes.words import alternation, listed, rx

QUOTES = Path(words.__file__).parent


@pytest.mark.parametrize("template, text, found", [
    (r"\b<articles>\s", "saw the man", True),
    (r"\b<articles>\s", "saw them", False),
    (r"<opening_inverted_verbs:cap>\s", "Said Roe", True),
    (r"<opening_inverted_verbs:cap>\s", "said Roe", False),  # :cap is capitalised only
    (r"\b<speaker_pronouns:both>\b", "He said", True),
    (r"\b<speaker_pronouns:both>\b", "he said", True),
    (r"\b<articles+possessives>\s", "his aide", True),  # two lists joined
    (r"<parentheticals>", "for\u00a0his   part", True),  # a multi-word entry: any blanks between words
])
def test_a_pattern_is_filled_from_the_data(template, text, found):
    assert bool(rx(template).search(text)) is found


def test_an_empty_list_never_matches():
    assert alternation([]) == "(?!x)x"
    assert re.search(alternation([]), "anything at all") is None
    assert re.search("a" + alternation([]) + "|b", "b")  # the rest of a pattern still works


def test_a_yaml_boolean_is_refused(monkeypatch):
    # an unquoted `on` or `no` in YAML is a boolean: refused, not a silent True in a pattern
    monkeypatch.setattr(words, "quote_words", lambda: {"broken": ["in", True]})
    with pytest.raises(ValueError, match="quote it in the YAML"):
        listed("broken")


def test_every_list_is_loaded_through_the_one_loader():
    data = lexicon.quote_words()
    files = sorted((lexicon.DATA / "quotes").glob("*.yml"))
    assert files and all(data[name] for name in data)
    for path in files:
        for name in (lexicon._yaml(f"quotes/{path.name}") or {}):
            assert name in data, (path.name, name)


def _sources() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(QUOTES.glob("*.py")))


def test_every_data_list_is_read_by_a_rule():
    code = _sources()
    unread = [name for name in lexicon.quote_words()
              if not re.search(r"[<+\"]" + name + r"[>:+\"]", code) and name not in str(words.ALIASES)]
    assert not unread, f"lists of data/quotes/ no rule reads: {unread}"


# Three lower-case words or more joined by "|" inside a string: vocabulary in a pattern.
_ALTERNATION = re.compile(r"\b[a-z]{2,}\|[a-z]{2,}\|[a-z]{2,}\b")


def test_no_vocabulary_in_the_rule_modules():
    found = []
    for path in sorted(QUOTES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _ALTERNATION.search(node.value):
                found.append(f"{path.name}:{node.lineno}: {node.value[:60]!r}")
            if isinstance(node, (ast.Set, ast.Tuple)) and len(node.elts) >= 3 and all(
                    isinstance(e, ast.Constant) and isinstance(e.value, str) and e.value.isalpha() and e.value.islower()
                    for e in node.elts):
                found.append(f"{path.name}:{node.lineno}: a set of words")
    assert not found, "word lists belong in data/quotes/:\n" + "\n".join(found)
