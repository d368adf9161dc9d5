"""Texts that try the annotator where it is weakest, for the fuzz harness (bench/fuzz.py)
and the Hypothesis test (tests/test_totality.py).

Real sentences are cut, recombined and shuffled, and the marks the rules read are strewn in:
quote marks of every kind (straight, curly, guillemets, a lone one), honorifics and titles
(``Mr.``, ``Sen.``, ``Attorney General``), suffixes (``Jr.``, ``III``, ``Inc.``), colons,
parentheses, dashes, datelines, capitals, markup and odd spaces. A mutation is a small named
function of a random generator and a list of tokens; ``mutate`` applies a few at random.
"""
from __future__ import annotations

import random
import re

MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", '""', "''", "`"]
TITLES = ["Mr.", "Mrs.", "Ms.", "Dr.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "President", "Attorney General",
          "Secretary of State", "spokesman", "Judge", "Prof.", "Rev.", "Sir", "King", "Queen", "Prince", "Chief Executive"]
SUFFIXES = ["Jr.", "Sr.", "Jr", "II", "III", "IV", "Inc.", "Ltd.", "Co.", "Corp.", "AG", "SA", "PLC", "LLC", "Esq."]
PUNCT = [":", ";", ",", ".", "(", ")", "[", "]", "—", "–", "--", " - ", "...", "…", "!", "?", "/", "&"]
ODD = ["\u00a0", "\t", "  ", "\u200b", "\u2028", "<b>", "</p>", "&amp;", "&rsquo;", "&#8220;", "#", "*", "_", "\\", "|",
       "é", "ß", "Ж", "中", "🙂", "\ufeff", "''", "(R-Texas)", "(D-Calif.)", "(Xinhua/Li Ming)", "AP", "(Reuters) -"]
VERBS = ["said", "says", "told", "added", "asked", "according to", "said:", "wrote", "tweeted", "continued", "saying",
         "he said", "she said", "they said", "the spokesman said", "said Mr.", "said Jr."]
NAMES = ["Jo Roe", "Tan Kefei", "Keith Ellison", "Carter", "King", "Xi", "Roe", "Ellison", "Ana de la Cruz", "O'Neill",
         "McDonald", "AT&T", "U.S.", "U.N.", "WASHINGTON", "NEW YORK, Feb 26 -", "BEIJING, April 19 (Xinhua) --"]


def words_of(paragraphs: list[str]) -> list[str]:
    return [w for p in paragraphs for w in p.split()]


def _insert(rng: random.Random, tokens: list[str], pool: list[str], times: int) -> None:
    for _ in range(times):
        tokens.insert(rng.randrange(len(tokens) + 1), rng.choice(pool))


def stray_marks(rng, tokens):
    """Quote marks where none belong: unpaired, doubled, inside words."""
    for _ in range(rng.randint(1, 6)):
        if tokens and rng.random() < 0.5:
            k = rng.randrange(len(tokens))
            w = tokens[k]
            at = rng.randrange(len(w) + 1)
            tokens[k] = w[:at] + rng.choice(MARKS) + w[at:]
        else:
            _insert(rng, tokens, MARKS, 1)


def titles_and_suffixes(rng, tokens):
    _insert(rng, tokens, TITLES + SUFFIXES, rng.randint(1, 6))


def punctuation(rng, tokens):
    _insert(rng, tokens, PUNCT, rng.randint(1, 8))


def odd_characters(rng, tokens):
    _insert(rng, tokens, ODD, rng.randint(1, 4))


def speech(rng, tokens):
    """Reporting clauses and names, dropped anywhere."""
    _insert(rng, tokens, VERBS + NAMES, rng.randint(1, 6))


def shuffle_window(rng, tokens):
    if len(tokens) > 2:
        a = rng.randrange(len(tokens) - 1)
        b = min(len(tokens), a + rng.randint(2, 12))
        window = tokens[a:b]
        rng.shuffle(window)
        tokens[a:b] = window


def capitals(rng, tokens):
    for _ in range(rng.randint(1, 5)):
        if tokens:
            k = rng.randrange(len(tokens))
            tokens[k] = rng.choice([str.upper, str.title, str.lower, str.capitalize])(tokens[k])


def cut(rng, tokens):
    if len(tokens) > 3:
        a = rng.randrange(len(tokens))
        del tokens[a:a + rng.randint(1, 5)]


MUTATIONS = (stray_marks, titles_and_suffixes, punctuation, odd_characters, speech, shuffle_window, capitals, cut)


def mutate(rng: random.Random, paragraphs: list[str]) -> str:
    """A text of a few paragraphs drawn from ``paragraphs``, each mutated a few times."""
    out = []
    for _ in range(rng.randint(1, 4)):
        tokens = rng.choice(paragraphs).split() if paragraphs else []
        if rng.random() < 0.3 and paragraphs:  # two sentences spliced
            other = rng.choice(paragraphs).split()
            tokens = tokens[: rng.randint(0, len(tokens))] + other[rng.randint(0, len(other)):]
        for mutation in rng.sample(MUTATIONS, rng.randint(1, 4)):
            mutation(rng, tokens)
        sep = rng.choice([" ", " ", " ", "", "  "])
        out.append(sep.join(tokens))
    return rng.choice(["\n", "\n\n", "\n \n"]).join(out)


def paragraphs_of(texts: list[str]) -> list[str]:
    return [p.strip() for t in texts for p in re.split(r"\n+", t) if len(p.split()) >= 3]
