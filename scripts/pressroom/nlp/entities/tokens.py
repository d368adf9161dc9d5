"""Words and capitalised runs: the candidates every entity rule reads.

``runs_of(text)`` splits a text into runs of capitalised words (connectors such as "of",
"and" and name particles allowed inside): "Attorney General’s Office" keeps its possessive,
"Acme Group Co., Ltd." its suffix. Every word keeps its offsets into the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ..lexicon import entity_words, load, name_vocabulary

W = entity_words()

# A word that may be part of a name: capitalised, with inner apostrophes, hyphens, dots.
# "&" joins "AT&T" but not an HTML entity left in a pasted text ("Ellison&rsquo;s",
# "Ellison&#8217;s", "Ellison&#x2019;s").
_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF][\w’'.\-]*(?:&(?![A-Za-z]+;|#\d+;|#[xX][0-9A-Fa-f]+;)[\w’'.\-]*)*"
                   r"|(?<= )&(?= )")  # (the loop unrolled: a quarter faster, the same words)
# "Bill de Blasio", "Ursula von der Leyen", "Luigi di Maio": lower-case particles inside a name
PARTICLES = name_vocabulary()["particles"]  # nameparser's
CONNECTORS = set(W.connectors | PARTICLES)
# a dot ends an initial ("J."), an abbreviation in capitals ("U.S.") or a listed one ("Sen.")
KEEP_DOT = re.compile(r"^(?:[A-Z]\.|(?:[A-Z]\.){2,}|" + W.alternation("abbreviations") + ")$")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_BREAK = re.compile(r"[,;:()\[\]\"“”!?\n—–/.]")
_STOPS = frozenset(".!?")  # (a character, or the empty string at the end: not a stop)
_SENT_END = re.compile(r"[.!?][\"”’]?\s*$")
_POSS_GAP = re.compile(r"(['’]s?)\s+")
SUFFIXES = W.after_comma
_POSS_NOUNS = W.possessive_nouns
_POSS_OWNERS = W.possessive_owners
_OPENERS = W.sentence_openers
# "McDonald's Corp", "Wendy's International Inc": a possessive inside a company's name,
# told by the legal form that ends it
_LEGAL_AHEAD = re.compile(r"(?:[A-Z][\w&\-]*[^\S\n]+){0,3}?(?:" + W.alternation("legal_forms") + r")(?![\w&])")
# "Joe's Diner", "Patrick McGovern's Pub", "Spaulding's Sports Bar": a shop's name, told by
# the word of a business that ends it
_BUSINESS_AHEAD = re.compile(r"(?:[A-Z][\w&\-]*[^\S\n]+){0,3}?(?:" + W.alternation("shop_words") + r")(?![\w&])")


# "Abu Bakr al-Baghdadi", "Bashar al-Assad": the Arabic article before a capitalised
# name is part of the name, written in lower case
_ARTICLE_NAME = re.compile(r"(?:" + W.alternation("article_prefixes") + r")-[A-Z]")
_ARTICLE_IN_TEXT = re.compile(r"[a-z]-[A-Z]")  # (a fast test of the text first: most have none)


def trie_alternation(words) -> str:
    """A regex alternation of the words as a trie ("analyst|author" -> "a(?:nalyst|uthor)"):
    the same matches as the words joined longest first, tried a letter at a time instead
    of a word at a time (the role nouns are read around every name)."""
    trie: dict = {}
    for w in words:
        node = trie
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(c) + _trie_pattern(child) for c, child in sorted(node.items()) if c]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # a longer word first, then the word that ends here
        body = "(?:" + body + ")?"
    return body


class Word(NamedTuple):
    start: int
    end: int
    text: str
    capital: bool  # the first letter is upper case: computed once, read ~500 times per article


# Word(...) by tuple's own constructor: the same Word, without NamedTuple's Python-level
# __new__ (thousands are made per article)
_new = tuple.__new__


def word(start: int, end: int, text: str) -> Word:
    return _new(Word, (start, end, text, text[:1].isupper()))


def text_of(words) -> str:
    return " ".join([w.text for w in words])


@dataclass(frozen=True)
class Run:
    """Capitalised words with no break between them: a candidate name."""

    words: tuple[Word, ...]
    sentence_start: bool

    @property
    def start(self) -> int:
        return self.words[0].start

    @property
    def end(self) -> int:
        return self.words[-1].end

    def text(self, i: int = 0, j: int | None = None) -> str:
        return text_of(self.words[i:j])


# "Joy Division.Those songs": a full stop with no space after it, between a word in lower
# case and a capitalised one, ends a sentence (not "U.S.", "St.Louis", "Mr.Smith")
_GLUED_STOP = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
_GLUED_ANYWHERE = re.compile(r"[a-z]\.[A-Z]")


def _glued(m):
    """The words of a token that holds a full stop with no space after it, each with its
    offsets ("Division.Those": "Division." and "Those")."""
    s, token = m.start(), m.group()
    cuts = [0] + [c.end() for c in _GLUED_STOP.finditer(token)] + [len(token)]
    return [(s + a, s + b, token[a:b]) for a, b in zip(cuts, cuts[1:])]


def _tokens(text: str, idle: list[bool]):
    """(start, end, token) of each word, trailing dots (outside abbreviations) and
    possessives cut off; a sentence glued to the next by a stop is two words.

    ``idle[0]``, set by the reader after each word: no run is open. Then the plain
    lower-case words that follow ("the", "said") only move the reader's state on to the
    last of them: that one alone is given (``_PLAIN_WORDS``, one match for them all)."""
    glued = _GLUED_ANYWHERE.search(text) is not None  # (one search of the text spares a test per word)
    search, pos = _WORD.search, 0
    while True:
        m = search(text, pos)
        if m is None:
            return
        token, pos = m.group(), m.end()
        if glued and "." in token and _GLUED_STOP.search(token):
            for s, e, t in _glued(m):
                word = _trimmed(s, e, t)
                if word:
                    yield word
            continue
        last = token[-1]
        # most words end in a letter: only the others need the rules of ``_trimmed``
        if last not in ".-'’" and not (last == "s" and token[-2:-1] in ("'", "’")):
            yield m.start(), pos, token
        else:
            word = _trimmed(m.start(), pos, token)
            if word:
                yield word
        plain = idle[0] and _PLAIN_WORDS.match(text, pos)
        if plain:
            yield plain.start(1), plain.end(1), plain.group(1)
            pos = plain.end()  # (the words from there on)


# Plain lower-case words and what separates them: where no word can start (no letter, no
# "&"), then letters a-z that end the word (no letter, digit, stop, hyphen, apostrophe or
# "&" after them). The last of them is group 1.
_PLAIN_WORDS = re.compile(r"(?:[^A-Za-z\u00C0-\u024F\u0400-\u04FF&]+([a-z]+)(?![\w’'.\-&]))+")


def _trimmed(s: int, e: int, token: str):
    """(start, end, word) without a trailing dot (outside abbreviations and initials) and
    without a possessive; None when nothing is left."""
    while token.endswith((".", "-")) and not KEEP_DOT.match(token):
        token, e = token[:-1], e - 1
    poss = _POSSESSIVE.search(token)
    if poss and len(token) > poss.end() - poss.start():
        token, e = token[: poss.start()], e - (poss.end() - poss.start())
    return (s, e, token) if token else None


def _company_possessive(current: list[Word], text: str, s: int) -> bool:
    """"McDonald's Corp", "Joe's Diner": a legal form or a shop's word ends the name after
    the possessive, and the owner is neither a company of its own ("Chrysler Corp's") nor
    a place ("Japan's Toshiba Corp")."""
    owner = current[-1].text
    return bool(_LEGAL_AHEAD.match(text, s) or _BUSINESS_AHEAD.match(text, s)) and owner not in W.legal_forms \
        and owner not in load().places


def _close(current: list[Word], sentence_start: bool, runs: list[Run]) -> list[Word]:
    """End the run being read (without trailing connectors); the next one starts empty."""
    while current and not current[-1].capital:
        current.pop()
    if current:
        runs.append(Run(tuple(current), sentence_start))
    return []


def _joined_across(current: list[Word], text: str, gap: str, prev_end: int, w: Word) -> str | None:
    """A word that joins the run across a gap other than one space: after a possessive
    ("Attorney General’s Office": the possessive joins the word before), or a suffix after
    a comma ("Acme Group Co., Ltd."). Which one ("possessive", "suffix"), or None."""
    if not current[-1].capital:
        return None
    poss = _POSS_GAP.fullmatch(gap)
    if poss and (w.text in _POSS_NOUNS or w.capital and (current[-1].text in _POSS_OWNERS or _company_possessive(current, text, w.start))):
        last = current[-1]
        current[-1] = word(last.start, prev_end + len(poss.group(1)), text[last.start:prev_end + len(poss.group(1))])
        current.append(w)
        return "possessive"
    if gap in (", ", ",") and w.text in SUFFIXES:
        current.append(w)
        return "suffix"
    return None


def _ends_sentence(stripped: str) -> bool:
    """``_SENT_END`` found in the text this is the stripped end of: a stop, or a stop and a
    closing quote, before the space (the same answer without a pattern)."""
    return stripped[-1:] in _STOPS or stripped[-1:] in _CLOSERS and stripped[-2:-1] in _STOPS


_CLOSERS = frozenset("\"”’")


def runs_of(text: str) -> list[Run]:
    """Split the text into runs of capitalised words (connectors allowed inside).

    "Attorney General’s Office" keeps its possessive; "Acme Group Co., Ltd." its suffix.
    The loop runs once per word of every article: the common case (one space before the
    word) skips the gap rules, and only words that join a run become ``Word``s."""
    runs: list[Run] = []
    current: list[Word] = []
    starts_sentence = True
    current_sentence_start = True
    prev_end = 0
    prev_text = ""
    articles = _ARTICLE_IN_TEXT.search(text) is not None  # "al-Assad" anywhere: test the words
    idle = [False]  # no run open after the word: see ``_tokens``
    for s, e, t in _tokens(text, idle):
        # (an article name holds a hyphen: "al-Assad")
        capital = t[0].isupper() or articles and "-" in t and _ARTICLE_NAME.match(t) is not None
        if not capital and not current:
            # outside a run a lower-case word only moves the sentence state on (KEEP_DOT
            # matches only a word that begins with a capital)
            prev_end, prev_text = e, t
            starts_sentence = text[e:e + 1] in _STOPS
            idle[0] = True
            continue
        if s == prev_end + 1 and text[prev_end] == " ":  # gap == " "
            if current and prev_text.endswith(".") and prev_text in SUFFIXES and t in _OPENERS:
                starts_sentence = True
                current = _close(current, current_sentence_start, runs)
            if prev_text.endswith(".") and _SENT_END.search(text, max(0, prev_end - 3), s) or prev_end == 0:
                starts_sentence = True
        else:
            gap = text[prev_end:s]
            joined = _joined_across(current, text, gap, prev_end, Word(s, e, t, capital)) if current else None
            if joined:
                idle[0] = False
                prev_end, prev_text = e, t
                if joined == "suffix" and text[e:e + 1] in _STOPS and not KEEP_DOT.match(t):
                    starts_sentence = True
                continue
            breaks = bool(_BREAK.search(gap) or (gap.strip(" ") and not gap.isspace()))
            if current and prev_text.endswith(".") and prev_text in SUFFIXES and t in _OPENERS:
                breaks, starts_sentence = True, True
            if breaks or (current and not gap.isspace()):
                current = _close(current, current_sentence_start, runs)
            if ("\n" in gap or _ends_sentence(text[max(0, prev_end - 3):s].rstrip())) or prev_end == 0:
                starts_sentence = True
        if capital:
            if not current:
                current_sentence_start = starts_sentence
            current.append(_new(Word, (s, e, t, True)))
        elif current and t in CONNECTORS:
            current.append(_new(Word, (s, e, t, False)))
        elif current:
            current = _close(current, current_sentence_start, runs)
        prev_end, prev_text = e, t
        starts_sentence = text[e:e + 1] in _STOPS and not KEEP_DOT.match(t)
        idle[0] = not current
    _close(current, current_sentence_start, runs)
    return runs

