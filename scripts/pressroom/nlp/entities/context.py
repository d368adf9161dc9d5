"""What one article has found so far: the state the entity rules add to."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from ...model import Mention
from ..lexicon import Lexicon


@dataclass
class Draft:
    """A person being collected: the name grows to its fullest form as mentions join."""

    name: str
    role: str | None
    gender: str | None
    mentions: list[Mention]
    first: int | None = None  # where the earliest mention starts: asked for every bare surname
    spans: set = field(default_factory=set)  # (start, end) of the mentions: a photo credit is also a run

    def add(self, mention: Mention) -> None:
        if (mention.start, mention.end) in self.spans:
            return
        self.spans.add((mention.start, mention.end))
        self.mentions.append(mention)
        self.first = mention.start if self.first is None else min(self.first, mention.start)


# a word in lower case (as r"\b[a-z][a-z’'\-]+\b", its first letter found first: faster)
_LOWER_WORD = re.compile(r"[a-z](?<!\w[a-z])[a-z’'\-]+\b")


class Ctx:
    """What one article has found so far, and the classifier its rules hand pieces back to."""

    def __init__(self, text: str, lex: Lexicon, classify: Callable):
        self.text = text
        self.lex = lex
        self.classify = lambda words, sentence_start: classify(words, sentence_start, self)
        self.lower_words = set(_LOWER_WORD.findall(text))
        self.people: dict[str, Draft] = {}
        self.singles: list = []  # (Word, place_lead): one-word names, resolved once full names are known
        self.orgs: dict[str, list[Mention]] = {}
        self.org_forms: dict[str, set[str]] = {}
        self.places: dict[str, list[Mention]] = {}
        self.place_forms: dict[str, set[str]] = {}
        self.not_orgs: set[str] = set()  # acronyms the article defines as a law or a plan
        self.run, self.run_text = None, ""  # the run classify() is trying, and its text
        self.run_set: set[str] | None = None  # ... and its words, once a rule that needs "of" or "and" asks
        self.pending: list = []  # names with no evidence yet: a person if the article uses the surname alone
        self.list_role: tuple[int, str] | None = None  # (end of the last name, role) of a plural role over a list

    def words_of(self, words) -> set[str]:
        """The words of the run being classified (computed once per run), or of any words."""
        if words is not self.run:
            return {w.text for w in words}
        if self.run_set is None:
            self.run_set = set(self.run_text.split(" "))
        return self.run_set

    def full(self, words) -> str:
        """The text of the run being classified (computed once per run), or of any words."""
        if words is self.run:
            return self.run_text
        return " ".join([w.text for w in words])

    def add_place(self, name: str, s: int, e: int):
        canonical = self.lex.places.get(name, name)
        self.places.setdefault(canonical, []).append(Mention(s, e))
        self.place_forms.setdefault(canonical, set()).add(name)

    def add_org(self, name: str, s: int, e: int):
        canonical = self.lex.organizations.get(name.lower(), name)
        self.orgs.setdefault(canonical, []).append(Mention(s, e))
        self.org_forms.setdefault(canonical, set()).add(name)
