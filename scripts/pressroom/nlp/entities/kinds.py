"""What the words around a name say it is: a kind of organisation named right before it
("used-car dealer Midwest Car Search", "German magazine Der Spiegel"), or in apposition
after it ("News Corp, the media company controlled by ..."); what only a company has, next
to a one-word name ("Yukos shares", "a stake in Clearnet")."""
from __future__ import annotations

import re

from ..lexicon import entity_words
from .persons import evidence, given_name, match_person, name_word
from .tokens import text_of, trie_alternation

W = entity_words()
_KINDS = W.org_kinds | W.org_kinds_of_people
_KIND = r"(?:" + "|".join(re.escape(k) for k in sorted(_KINDS, key=len, reverse=True)) + r")"
# "exchange Liffe", "German magazine Der Spiegel"; "the company — EDU Doc Support"; "another
# financial firm, China Life, is" (a comma only when one closes the name too)
_KIND_BEFORE = re.compile(r"(?:^|[^\w’'\-])(?:(\w[\w\-]*)[^\S\n]+)?(" + _KIND + r")([^\S\n]*[,—–][^\S\n]*|[^\S\n]+-[^\S\n]+|[^\S\n]+)$")
# ", the media company controlled by", ", one of Europe's biggest video game publishers,"
_KIND_AFTER = re.compile(
    r",[^\S\n]+(?:(?:the|a|an)[^\S\n]+|one[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?)?((?:[\w’'\-&]+[^\S\n]+){0,5}?)" + _KIND
    + r"s?(?=[^\S\n]*[,.;:)]|[^\S\n]+(?:that|which|whose|controlled|owned|based|run|founded|headed|led|with)\b)")
# "the group Fiorina addressed", "a group Barack Obama won": after a determiner, a name
# right after the kind begins a relative clause
_DETERMINERS = frozenset(W.role_determiners | {"this", "that", "our", "whose", "which", "every", "each", "any", "no"})
# words inside an apposition that make it a clause or a person's role ("a partner at the
# law firm", "while Mateen's role within the company"): prepositions, conjunctions, verbs
_CLAUSE = frozenset(W.apposition_stop | W.clause_words)
# "Kelvo shares", "Kelvo - whose market capitalisation is", "Kelvo has a stock market value of"
_THINGS_AFTER = re.compile(r"(?:[^\S\n]*[,—–-][^\S\n]+whose|[^\S\n]+(?:has|had|with)[^\S\n]+an?(?:[^\S\n]+stock)?(?=[^\S\n]+market))?"
                           r"[^\S\n]+(?:" + W.alternation("company_things_after") + r")\b")
_POSS_THINGS = re.compile(r"['’]s?[^\S\n]+(?:" + W.alternation("company_things_after") + r")\b")
_ROLE_OF_CACHE: dict = {}
_PREPOSITION_BEFORE = re.compile(r"\b(?:of|at|for|with)[^\S\n]+(?:the[^\S\n]+)?$")
_AFTER_ROLE_ORG = re.compile(r"(?:[^\S\n]*[,.;:)\n]|[^\S\n]*$|[^\S\n]+(?:" + W.alternation("after_role_org") + r")\b)")
_THINGS_BEFORE = re.compile(r"\b(?:" + W.alternation("company_things_before") + r")[^\S\n]+(?:the[^\S\n]+)?$", re.I)


def kind_before(text: str, start: int, end: int) -> str | None:
    """The noun of a kind of organisation right before the name ("exchange Liffe"), or
    None."""
    m = _KIND_BEFORE.search(text, max(0, start - 40), start)
    if not m:
        return None
    before, kind, gap = (m.group(1) or "").lower(), m.group(2), m.group(3)
    if before in W.org_kinds_not_after or before in _DETERMINERS and gap.isspace():
        return None
    if "," in gap and (before in W.role_determiners - {"a", "an", "the"} or text[end:end + 1] != ","):
        return None  # "In an interview with Time magazine, Khan said": no apposition
    return kind


def kind_after(text: str, end: int) -> bool:
    """A phrase in apposition whose head noun is a kind of organisation: "News Corp, the
    media company controlled by"; not "Jo Roe, a partner at the law firm,"."""
    m = _KIND_AFTER.match(text, end)
    if not m:
        return False
    mods = [t.lower() for t in m.group(1).split()]
    return not any(t in _CLAUSE for t in mods) and not (mods and mods[-1] in W.org_kinds_not_after)


def company_things(text: str, start: int, end: int) -> bool:
    """What only a company has, next to the name: "Yukos shares", "Yukos's chief executive",
    "a stake in Clearnet", "the sale of Yuganskneftegas"."""
    return bool(_THINGS_AFTER.match(text, end) or _POSS_THINGS.match(text, end)
                or _THINGS_BEFORE.search(text, max(0, start - 30), start))


def pending_companies(ctx) -> None:
    """A name of several words with no evidence of a person (``ctx.pending``) that the
    article gives what only a company has at one of its mentions ("Kelvo Boerse - whose
    market capitalisation is", "Harlow Pryce shares") is a company: all its mentions are
    the organisation's, and none waits for a surname alone."""
    names = {text_of(words) for words in ctx.pending
             if len(words) > 1 and company_things(ctx.text, words[0].start, words[-1].end)}
    if not names:
        return
    rest = []
    for words in ctx.pending:
        name = text_of(words)
        if name in names:
            ctx.add_org(name, words[0].start, words[-1].end)
        else:
            rest.append(words)
    ctx.pending = rest


# -- the rule of the classifier's cascade: (words, sentence_start, ctx) -> True when it answers


def described_org(words, sentence_start, ctx) -> bool:
    """A name the words around it call an organisation ("French sugar producer
    Beghin-Say", "law firm Wilson Sonsini", "Ubisoft, one of Europe's biggest video game
    publishers,"); not a person's name already met, nor a common word ("on Wednesday, the
    social media company"), nor a person with a trade before ("developer Jo Roe") or an
    apposition after ("Jo Roe, a company founder")."""
    lex, text, start, end = ctx.lex, ctx.text, words[0].start, words[-1].end
    kind = kind_before(text, start, end) if _word_before(text, start) else None  # (most runs: no kind before)
    after = not kind and text[end:end + 1] == "," and words[0].text not in lex.first_names and kind_after(text, end)
    if not (kind or after) or all(w.text.lower() in lex.non_names or w.text in lex.demonyms for w in words) \
            or match_person(ctx.full(words), ctx.people, lex, full=len(words) > 1):
        return False
    if kind in W.org_kinds_of_people and evidence(words, ctx):
        return False  # "property developer Jo Roe"; still "law firm Wilson Sonsini"
    ctx.add_org(ctx.full(words), start, end)
    return True


def _word_before(text: str, start: int) -> bool:
    """The word before the name (a dash or comma between allowed) is a kind of
    organisation: the test that spares the pattern for most names."""
    i = start
    while i > 0 and (text[i - 1] in ",—–-" or text[i - 1].isspace() and text[i - 1] != "\n"):
        i -= 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "-"):
        j -= 1
    return text[j:i] in _KINDS


def _role_of(lex):
    """"chief executive of ", "an analyst at ", "a spokesman for the ": a role noun and
    its preposition right before a name (one pattern per lexicon, built once)."""
    hit = _ROLE_OF_CACHE.get(id(lex))
    if hit is None or hit[0] is not lex:
        heads = trie_alternation(lex.role_words)
        hit = _ROLE_OF_CACHE[id(lex)] = (lex, re.compile(
            r"\b(" + heads + r")s?[^\S\n]+(of|at|for|with)[^\S\n]+(?:the[^\S\n]+)?$"))
    return hit[1]


def _named_for(words, lex) -> bool:
    """After "for" or "with" a role is held for a person as often as in an organisation
    ("a lawyer for Jo Roe", "a staffer for Barack Obama"): one word, or two or three name
    words with no organisation word, are no organisation there."""
    return len(words) == 1 or len(words) <= 3 and all(name_word(w, lex) for w in words)


def _person_like(words, lex) -> bool:
    """A given name in the words: after "of" or "for" a person's name may follow a role
    ("secretary of State Hillary Clinton", "a lawyer for Jo Roe"); after "at" none does
    (no one works at a person: "an economist at Merrill Lynch" is a firm's)."""
    return given_name(words[0].text, lex) or any(w.text in lex.first_names for w in words[1:])


def role_of_org(words, sentence_start, ctx) -> bool:
    """"president of French sugar producer ...", "general manager of Chongqing Highway
    Logistics Base", "owner of MacAndrews and Forbes": the name after a role and "of"/"at"
    is the organisation the role is held in; not after a role held over a place or a work
    ("mayor of", "author of"), not a name with a given name ("a lawyer for Jo Roe",
    "secretary of State Hillary Clinton") unless after "at", not a one-word name after "for"/"with", not a
    name before a common noun ("head of the Kashgar station")."""
    lex, text, start, end = ctx.lex, ctx.text, words[0].start, words[-1].end
    # (most names: no preposition before; its last letters are looked at first)
    if not text[max(0, start - 10):start].rstrip().endswith(("of", "at", "for", "with", "the")) \
            or not _PREPOSITION_BEFORE.search(text, max(0, start - 10), start):
        return False
    m = _role_of(lex).search(text, max(0, start - 60), start)
    if not m or m.group(1).lower() in W.roles_not_in_organisations or m.group(2) in ("for", "with") and _named_for(words, lex):
        return False
    if _person_like(words, lex) and not (m.group(2) == "at" and len(words) > 1) or not _AFTER_ROLE_ORG.match(text, end):
        return False
    if all(w.text.lower() in lex.non_names or w.text in lex.demonyms for w in words) \
            or match_person(ctx.full(words), ctx.people, lex, full=len(words) > 1):
        return False
    ctx.add_org(ctx.full(words), start, end)
    return True
