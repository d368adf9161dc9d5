"""Frozen records passed between the stages.

Every annotation carries ``start``/``end`` offsets into ``Article.body`` (the decoded text
after the title line, line endings as ``\\n``), so ``body[start:end]`` is what it names.
Repairs that change characters are one-for-one, so the offsets hold in the repaired text too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date


@dataclass(frozen=True)
class Metadata:
    date: Date | None = None
    publisher: str | None = None
    url: str | None = None
    author: str | None = None
    tags: tuple[str, ...] = ()
    lang: str | None = None


@dataclass(frozen=True)
class Source:
    """A source file as read from disk: decoded, title split from body."""

    path: str  # as shown to the user, e.g. "sources/x.txt"
    name: str  # file stem, e.g. "x"
    sha256: str  # of the original bytes
    title: str
    body: str
    body_line: int  # line number in the file where the body starts (1-based)
    meta: Metadata = field(default_factory=Metadata)
    encoding: str = "utf-8"
    repairs: tuple[str, ...] = ()  # what decoding changed, said to the user
    notes: "NotesFile | None" = None  # the sidecar NAME.notes.yml, when there is one


@dataclass(frozen=True)
class NotesFile:
    """A sidecar's parsed YAML, kept raw: checking it against the text is annotate's job."""

    path: str
    data: object


@dataclass(frozen=True)
class Mention:
    start: int
    end: int


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None = None
    mentions: tuple[Mention, ...] = ()
    gender: str | None = None  # "m", "f" or None; only used to resolve pronouns


@dataclass(frozen=True)
class Organization:
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Place:
    name: str
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Entities:
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[Place, ...] = ()


@dataclass(frozen=True)
class Quote:
    start: int  # offset of the opening mark (or of the paragraph start if unopened)
    end: int  # offset just after the closing mark (or paragraph end if unclosed)
    text: str  # words inside the marks, after repair
    kind: str  # "speech" or "scare"
    speaker: str | None = None
    speaker_start: int | None = None  # the mention the speaker was read from
    speaker_end: int | None = None
    cue: str | None = None  # the reporting verb, when one was found
    run: int = 0  # quotes running over several paragraphs share a run number


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int
    place: str | None
    date: Date | None
    agency: str | None


@dataclass(frozen=True)
class Note:
    """An editor's note anchored to an exact phrase of the body."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TimeRef:
    """A relative date in the text ("on Wednesday") resolved against the article's date."""

    start: int
    end: int
    date: Date  # the day, or the first day of a month/year meant
    label: str  # what the reader is shown on hover, e.g. "Wednesday 19 April 2023"


@dataclass(frozen=True)
class Article:
    source: Source
    title: str  # after repair
    body: str  # after repair (same length as source.body)
    slug: str
    meta: Metadata
    quotes: tuple[Quote, ...]
    entities: Entities
    dateline: Dateline | None = None
    apostrophes: tuple[int, ...] = ()  # body offsets where a typed '"' was an apostrophe
    notes: tuple[Note, ...] = ()
    times: tuple[TimeRef, ...] = ()
    problems: tuple = ()  # Problems found while annotating (a broken note), said to the user
    word_count: int | None = None  # counted once when annotated (and cached with it)
    title_slug: str = ""  # the source title's slug before it is made unique: made once, cached with the rest
    annotated: bool = True  # False: the annotator failed on it, and its text is shown as written

    @property
    def words(self) -> int:
        return self.word_count if self.word_count is not None else len(self.body.split())

    @property
    def lede(self) -> str:
        for para in self.body.split("\n"):
            if para.strip():
                return para.strip()
        return ""


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, with forward slashes
    text: str


@dataclass(frozen=True)
class Links:
    """Where each person, organisation and place is shown, relative to the site root.

    Decided once for the whole archive (see ``indexes.plan``): a person quoted or named
    often has a page of their own, everyone else a section of a page grouped by letter.
    """

    people: dict = field(default_factory=dict)
    organizations: dict = field(default_factory=dict)
    places: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Manifest:
    """What pressroom generated in docs/ last time: page -> sha256 of what it wrote (None
    when unknown), and each source's URL slug, so that URLs stay put."""

    pages: dict = field(default_factory=dict)
    slugs: dict = field(default_factory=dict)
