"""Roles: a title before a name ("Senate Majority Leader Jan Novak"), a role noun before
it ("analyst Jan Novak"), a role in apposition after it ("Jan Novak, a spokesman for the
ministry,"), and "of/at X" completing a role."""
from __future__ import annotations

import re

from ..lexicon import entity_words, load
from .organizations import org_like, place_or_org, strip_the
from .persons import HEADLINE_VERBS, add_person, evidence, given_name, match_person, name_word, particle, surname_word
from .places import starts_with_place
from .tokens import KEEP_DOT, text_of, trie_alternation

W = entity_words()
# "Organization for Economic Cooperation and Development Secretary-General": lower-case
# words inside the name of an organisation in a role
_NAME_CONNECTORS = W.connectors
MODIFIERS = W.role_modifiers
_AUXILIARIES = W.auxiliaries
_APPOS_STOP = W.apposition_stop
_KINDS = W.org_kinds | W.org_kinds_of_people
_CLAUSE_WORDS = W.apposition_stop | {"while", "whose", "although", "though", "because", "since", "if", "unless"}


def _verb_like(t: str) -> bool:
    """A lower-case word in "-ed" ("listened", "chosen" aside): a clause's verb."""
    return t.islower() and t.endswith("ed") and t not in ("red", "bed", "led")
_DETERMINER = re.compile(r"^(?:" + W.alternation("role_determiners") + r")\s+")
# within the paragraph: "analyst Jason Kenney at ING.\nThe disappointments..." ends at ING.
ROLE_AFTER = re.compile(r"[^\S\n]+(" + W.alternation("role_prepositions") + r")[^\S\n]+((?:the[^\S\n]+)?[A-Z][\w’'&.\-]*(?:[^\S\n]+(?:[A-Z][\w’'&.\-]*|of|and|&))*)")


def title_starts(words, lex) -> dict[int, int]:
    """Where a title starts in the words, and how many words it takes (longest first); a
    plural title counts ("State Representatives John Lesch and Rod Hamilton")."""
    out = {}
    heads = lex.title_heads
    for i in range(len(words)):
        low = words[i].text.lower()
        if not words[i].capital or low not in heads and not (low.endswith("s") and low[:-1] in heads):
            continue
        for n in lex.title_lengths:
            if i + n <= len(words) and title_of(words[i:i + n], lex):
                out[i] = n
                break
    return out


def title_of(words, lex):
    """The title these words are, in the singular or the plural (a job's: not a party's,
    "Democrats Abroad"), or None."""
    key = tuple([w.text.lower() for w in words])
    hit = lex.titles.get(key)
    if hit is None and key[-1].endswith("s") and len(key[-1]) > 3 and key[-1][:-1] not in W.not_plural_titles:
        hit = lex.titles.get(key[:-1] + (key[-1][:-1],))
    return hit


def _plural_title(words, lex) -> bool:
    key = tuple([w.text.lower() for w in words])
    return key not in lex.titles and title_of(words, lex) is not None


_NON_SPACE = re.compile(r"\S+")


def role_before(text: str, start: int, lex) -> str | None:
    """"Yukos chief executive Jan Novak", "said analyst Jan Novak": the role just before."""
    seg = text[max(0, start - 90):start]
    if not seg.endswith(" "):
        return None
    # (str.split() cuts where r"\S+" does: most calls end at the last word, not a role)
    parts = seg.split()
    if not parts:
        return None
    head = parts[-1]
    # a role noun, or one capitalised because it opens the sentence ("Singer Sam Endicott")
    opens = len(parts) == 1 and start - 90 <= 0 or len(parts) > 1 and parts[-2][-1] in ".!?\"”"
    single = singular(head, lex) or opens and singular(head.lower(), lex)
    if single:  # "former city officers Tom Reyes, ...": each one is a former city officer
        role = role_before(seg[:len(seg.rstrip()) - len(head)] + single + " ", len(seg) - len(head) + len(single), lex)
        return role
    if len(parts) > 1 and head in W.role_nouns_also_verbs and parts[-2].lower() in _AUXILIARIES:
        return None  # "to judge Mr. Roe fairly": a verb after "to", not a role
    if head not in lex.role_words:
        # capitalised only because it opens the sentence: nothing before it is the role's
        return head.lower() if opens and head[:1].isupper() and head.lower() in lex.role_words else None
    toks = list(_NON_SPACE.finditer(seg))
    j = len(toks) - 1
    while j > 0 and len(toks) - j < 6:
        t = toks[j - 1].group()
        low = t.lower()
        if t[-1] in ",.;:!?\"“”()’'" or t.endswith(("’s", "'s")) or low in lex.speech_verbs:
            break
        if t in ("-", "--", "—", "–"):
            break  # a dateline's dash: "NEW YORK, March 26 - USX Corp chairman Jo Roe"
        if t in lex.demonyms or low in MODIFIERS:
            j -= 1
            continue
        if low in lex.non_names or (t[0].islower() and (low.endswith("ed") or low.endswith("ly") or low.endswith("ing"))):
            break
        if j >= 2 and toks[j - 2].group().lower() in _AUXILIARIES:
            break  # "does not surprise analyst Jo Roe": a word after "not"/"to"/"will" is a verb
        j -= 1
    return seg[toks[j].start():toks[-1].end()]


def singular(word: str, lex) -> str | None:
    """The role noun a plural is of ("officers", "secretaries", "attorneys"), or None."""
    if word in lex.role_words or not word.endswith("s") or len(word) < 4:
        return None
    for form in (word[:-3] + "y" if word.endswith("ies") else None, word[:-2] if word.endswith("es") else None, word[:-1]):
        if form and form in lex.role_words:
            return form
    return None


def list_role(text: str, start: int, ctx) -> str | None:
    """The role a plural role noun gave the names of a list before this one ("former
    officers J.A. Kueng, Thomas Lane, and Tou Thao"): the text between the last name and
    this one is a comma or "and" (a legislator's "(DFL-Blaine)" allowed)."""
    last = ctx.list_role
    if not last or last[0] > start:
        return None
    return last[1] if _LIST_GAP.fullmatch(text, last[0], start) else None


_LIST_NEXT = re.compile(r"(?:[^\S\n]*\([^()\n]{1,40}\))?(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)[A-Z]")
_LIST_GAP = re.compile(r"(?:[^\S\n]*\([^()\n]{1,40}\))?(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)")
_APPOS_CACHE: dict = {}
# a dot inside a complement: after a title's abbreviation or an initial ("adviser to Mr.
# Clinton", "director of the A.F.L.-C.I.O.", "U.S. Chamber"); any other dot ends it
_ABBR_DOT = "|".join(rf"(?<=\b{a})\." for a in ("Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col",
                                                 "Maj", "Capt", "Adm", "Sgt", "Prof", "Rev", "Jr", "Sr")) + r"|(?<=\b[A-Z])\."
_END_DOT = r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<![A-Z])\.(?=\s|$)"


def _appos_re(lex, lead=r",\s+", determiner="?"):
    """The apposition pattern of these role words (built once per lexicon and form)."""
    key = (id(lex), lead, determiner)
    hit = _APPOS_CACHE.get(key)
    if hit is None or hit[0] is not lex:
        hit = _APPOS_CACHE[key] = (lex, _appos_build(lex, lead, determiner))
    return hit[1]


def _appos_build(lex, lead=r",\s+", determiner="?"):
    heads = trie_alternation(lex.role_words)
    return re.compile(
        lead + r"((?:(?:" + W.alternation("role_determiners") + r")\s+)" + determiner + r"((?:[\w’'.\-&]+\s+){0,6}?)(?:" + heads + r")s?)"
        # "of the Ministry of X", "of operations", "at the Kashgar station": to the next comma
        r"((?:\s+(?:" + W.alternation("apposition_prepositions") + r")\s+(?:[^,;:.()\n]|\.(?=\S)|" + _ABBR_DOT + r")+?)?)"
        r"(?=\s*[,;:()]|" + _END_DOT + r"|\s+(?:" + W.alternation("apposition_followers") + r")\b|\s*$)")


# "Mr. Roe is a partner ...", "was now the chair ...": a copula, then a determiner
_COPULA_LEAD = r"[^\S\n]+(?:is|was)[^\S\n]+(?:now[^\S\n]+)?"


def copular(text: str, end: int, lex) -> str | None:
    """``Mr. Roe is a partner with Kelvo LLP, one of ...``: the role a copula and a
    determiner give the name right before them, read as an apposition is."""
    if not text.startswith((" is ", " was "), end):
        return None  # (most mentions: no copula after them)
    return apposition(text, end, lex, _appos_re(lex, _COPULA_LEAD, ""))


def copular_roles(ctx) -> None:
    """A person the article gives no role before or in apposition takes the role of the
    first mention that a copula follows ("Mr. Roe is a partner with ...")."""
    for person in ctx.people.values():
        if person.role:
            continue
        for m in sorted(person.mentions, key=lambda m: m.start):
            role = copular(ctx.text, m.end, ctx.lex)
            if role:
                person.role = role
                break


def apposition(text: str, end: int, lex=None, pattern=None) -> str | None:
    """``Name, a spokesman for the Ministry of X, said``: the role between the commas; its
    complement when it is a noun phrase ("head of the Kashgar station"), not a clause
    ("a nurse at the hospital where she worked": "nurse")."""
    lex = lex or load()
    m = (pattern or _appos_re(lex)).match(text, end)
    if not m:
        return None
    mods = m.group(2).split()
    if any(t.lower() in _APPOS_STOP or _verb_like(t) for t in mods) or singular(m.group(1).split()[-1], lex):
        return None  # a clause, or a plural ("Museum of Modern Art, 20 summer analysts at ...")
    role, complement = m.group(1).strip(), m.group(3)
    words = complement.split()
    if complement and len(complement) < 90 and not any(t.lower() in _CLAUSE_WORDS or _verb_like(t) for t in words[1:]) \
            and words[-1] not in _KINDS:  # "chief executive of the Frankfurt-based exchange": the name is elsewhere
        role += complement
    while role.endswith((".", "-")) and not KEEP_DOT.match(role.split()[-1]):
        role = role[:-1]
    return _DETERMINER.sub("", role)


_ROLE_COMMA_CACHE: dict = {}
# "Jordon Moses of Duluth, chair of the ...": the home town between the name and its role
_OF_PLACE = re.compile(r"[^\S\n]+(?:of|from)[^\S\n]+(?:the[^\S\n]+)?[A-Z][\w’'.\-]*(?:[^\S\n]+[A-Z][\w’'.\-]*){0,2}(?=,)")


def role_after_comma(text: str, start: int, end: int, lex) -> str | None:
    """"a British lecturer, Dennis Hills, who", "its former chief executive, Mikhail
    Khodorkovsky.": a role and a comma before the name, which a comma or a full stop
    closes."""
    if not text.endswith(", ", 0, start) or not re.match(r"[^\S\n]*[,.;:)]", text[end:end + 2]):
        return None
    hit = _ROLE_COMMA_CACHE.get(id(lex))
    if hit is None or hit[0] is not lex:
        heads = trie_alternation(lex.role_words)
        hit = _ROLE_COMMA_CACHE[id(lex)] = (lex, re.compile(
            r"\b(?:[Aa]|[Aa]n|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[\w\-]+['’]s)[^\S\n]+((?:(?!(?:a|an|the|of|for|at|in|on|to|with|by|from|and|or|but)\b)"
            r"[\w’'\-]+[^\S\n]+){0,4}?(?:ex-|vice-|co-)?(?:" + heads + r")"
            r"(?:[^\S\n]+(?:of|for|at|with)[^\S\n]+(?:[^,;:.()\n]|\.(?=\S)){1,60}?)?),[^\S\n]+$"))
    m = hit[1].search(text, max(0, start - 120), start)
    if not m or any(t.lower() in _APPOS_STOP for t in m.group(1).split()):
        return None
    return m.group(1)


def _after_home(text: str, end: int, lex) -> str | None:
    """The role in apposition after the name's home town ("Jordon Moses of Duluth, chair
    of ...")."""
    m = _OF_PLACE.match(text, end)
    return apposition(text, m.end(), lex) if m else None


# -- rules of the classifier's cascade: (words, sentence_start, ctx) -> True when they answer


def _anchors(words, starts, lex) -> list[tuple[int, int, int]]:
    """(role start, name start, name end) of each name after a title in the run."""
    n = len(words)
    anchors = []
    k, role_start = 0, 0
    while k < n:
        if k not in starts:
            k += 1
            continue
        e = k + starts[k]
        f = e
        # ("Dr. Cornel West": a surname that is also a word, after a given name)
        while f < n and f - e < 4 and f not in starts and words[f].text not in HEADLINE_VERBS \
                and (name_word(words[f], lex) or particle(words, f, e)
                                                            or f > e and words[f].text in W.name_syllables
                                                            or f == e + 1 and surname_word(words[e:f + 1], 1, lex)):
            f += 1
        if f > e and not (f < n and words[f].text in lex.org_words) \
                and not (f < n and words[f].capital and f not in starts and words[f].text not in HEADLINE_VERBS) \
                and (not _plural_title(words[k:e], lex) or given_name(words[e].text, lex)):
            anchors.append((role_start, e, f))
            k = role_start = f
            if k < n and words[k].text in ("and", "&"):
                role_start = k + 1
            continue
        k = e
    return anchors


def _names_before_title(words, rs: int, e: int, ctx) -> int:
    """"prime minister Harold Wilson and Dame Barbara Castle": a name with a given name
    and "and" before a title is a person of its own, not part of the role; where the role
    starts then."""
    lex = ctx.lex
    cut = [k for k in range(rs + 2, e) if words[k].text in ("and", "&")]
    if not cut or not given_name(words[rs].text, lex) or title_starts(words[rs:cut[0]], lex) \
            or not all(name_word(w, lex) for w in words[rs:cut[0]]):
        return rs
    ctx.classify(list(words[rs:cut[0]]), False)
    return cut[0] + 1


def _role_words(words, ctx):
    """The words of a role before a name, without a leading common word; what comes before
    its last "of"/"for" is read apart ("Russia of State Councilor Li")."""
    lex = ctx.lex
    while words and words[0].text.lower() in lex.non_names and words[0].text.lower() not in MODIFIERS \
            and words[0].text not in lex.demonyms and not (0 in title_starts(words, lex)) \
            and not starts_with_place(words, lex):  # "New York Attorney General"
        words = words[1:]
    ts = title_starts(words, lex)
    first = min(ts) if ts else 0
    cut = [c for c in range(first) if words[c].text in ("of", "for", "in", "to")]
    if cut and not org_like(words[:first], lex):
        c = cut[-1]
        if words[:c]:
            ctx.classify(words[:c], False)
        words = strip_the(words[c + 1:]) if first > c + 1 else words[c + 1:]
        while words and words[0].text in ("the", "The"):
            words = words[1:]
    return words


def _names_in_role(chunk, ctx) -> None:
    """An organisation or a place named in a role: the whole ("Organization for Economic
    Cooperation and Development Secretary-General"), else each capitalised piece ("Trump
    and Ohio Gov. John Kasich": Ohio)."""
    if not chunk or place_or_org(chunk, ctx):
        return
    piece = []
    for w in chunk + [None]:
        if w is not None and w.capital:
            piece.append(w)
        elif piece:
            if len(piece) < len(chunk):
                place_or_org(piece, ctx)
            piece = []


def _org_in_title(title, ctx) -> None:
    """"Treasury Secretary", "Senate Majority Leader": a listed organisation that begins a
    title of several words is named too."""
    for n in (2, 1):
        if len(title) > n and text_of(title[:n]).lower() in ctx.lex.organizations:
            ctx.add_org(text_of(title[:n]), title[0].start, title[n - 1].end)
            return


def _read_role(words, ctx) -> tuple[str | None, str | None]:
    """The role (None when it is only honorifics) and the gender its titles tell; the
    organisations and places named inside it are added ("World Bank Group President")."""
    lex = ctx.lex
    ts = title_starts(words, lex)
    chunk, i = [], 0
    honorific_only, gender = True, None
    while i <= len(words):
        inside = chunk and i + 1 < len(words) and words[i].text in _NAME_CONNECTORS and words[i + 1].capital
        if i == len(words) or i in ts or not (words[i].capital or inside):
            _names_in_role(chunk, ctx)
            chunk = []
            if i < len(words) and i in ts:
                title = title_of(words[i:i + ts[i]], lex)
                _org_in_title(words[i:i + ts[i]], ctx)
                honorific_only = honorific_only and title.honorific
                gender = gender or title.gender
                i += ts[i]
                continue
            i += 1
            continue
        chunk.append(words[i])
        i += 1
    return (None if honorific_only else text_of(words) or None), gender


def titled(words, sentence_start, ctx) -> bool:
    """People named after a title in the run: "Senate Majority Leader Jan Novak and ..."."""
    lex = ctx.lex
    starts = title_starts(words, lex)
    anchors = [a for a in _anchors(words, starts, lex) if not _party_noun(words, a, ctx)] if starts else None
    if not anchors:
        return False
    n, consumed = len(words), 0
    for a, (rs, e, f) in enumerate(anchors):
        rs = _names_before_title(words, rs, e, ctx)
        role, gender = _read_role(_role_words(list(words[rs:e]), ctx), ctx)
        name_words = list(words[e:f])
        nxt = anchors[a + 1][0] if a + 1 < len(anchors) else n
        if f < nxt and words[f].text in ("of", "at", "for") and role:
            rest = strip_the(list(words[f + 1:nxt]))
            if rest and org_like(rest, lex):  # "Superintendent Omar Reyes of the Bureau of ..."
                role = f"{role} {ctx.text[words[f].start:rest[-1].end]}"
        if f == n:
            role = ", ".join(r for r in (role, apposition(ctx.text, name_words[-1].end, lex)) if r) or None
        if role is None and rs == 0:  # "Conservative peer Lord Heseltine": the role before the honorific
            role = role_before(ctx.text, words[0].start, lex)
        title_at = max((i for i in starts if i < e), default=None)
        plural = role and title_at is not None and _plural_title(words[title_at:title_at + starts[title_at]], lex)
        if plural:  # "State Representatives John Lesch and Rod Hamilton": each a State Representative
            last = words[title_at + starts[title_at] - 1].text
            role = role.replace(last, last[:-1])
        add_person(name_words, role, gender, ctx, titled=True)
        ctx.list_role = (name_words[-1].end, role) if plural else None
        consumed = f
    rest = strip_the(words[consumed:])
    if rest:
        ctx.classify(rest, False)
    return True


def _party_noun(words, anchor, ctx) -> bool:
    """"Democratic Primary", "Republican Establishment", "GOP Nomination": one word after a
    party's name is what the party word qualifies, no surname, unless the article has
    named someone so ("Sen. Todd Young ... Republican Young")."""
    _, e, f = anchor
    return f == e + 1 and e > 0 and words[e - 1].text.lower() in W.party_titles \
        and match_person(words[e].text, ctx.people, ctx.lex) is None


def _role_next(lex):
    """" chief executive Jo", " frontwoman Ana": role modifiers, a role noun, then a
    capitalised word (one pattern per lexicon, built once)."""
    hit = _ROLE_NEXT_CACHE.get(id(lex))
    if hit is None or hit[0] is not lex:
        heads = trie_alternation(lex.role_words)
        mods = "|".join(sorted((re.escape(w) for w in MODIFIERS), key=len, reverse=True))
        hit = _ROLE_NEXT_CACHE[id(lex)] = (lex, re.compile(
            r"[^\S\n]+(?:(?:" + mods + r")[^\S\n]+){0,2}(?:" + heads + r")[^\S\n]+[A-Z]"))
    return hit[1]


_ROLE_NEXT_CACHE: dict = {}


def role_owner(words, sentence_start, ctx) -> bool:
    """"Scissor Sisters frontwoman Ana Matronic", "Kestrel Arms chief executive Jo Roe": a
    name right before a role noun and another name owns the role: a band, a team, a
    company, not a person (unless a given name begins it, "Hillary Clinton adviser Jo
    Roe", or the article named the person). Listed as an organisation when it has an
    organisation word; a band's or a team's bare name is not listed."""
    lex, end = ctx.lex, words[-1].end
    if len(words) < 2 or not ctx.text[end + 1:end + 2].islower() or not _role_next(lex).match(ctx.text, end) \
            or given_name(words[0].text, lex) \
            or match_person(ctx.full(words), ctx.people, lex, full=True):
        return False
    if org_like(words, lex):
        ctx.add_org(ctx.full(words), words[0].start, words[-1].end)
    return True


def named_person(words, sentence_start, ctx) -> bool:
    """The last rule: a name, with the role before it ("analyst Jan Novak at Crest Bank")
    or in apposition after it ("Jan Novak, a nurse,"): a person when the role or other
    evidence says so (``persons.evidence``); else it waits for its surname alone."""
    lex, text = ctx.lex, ctx.text
    start, end = words[0].start, words[-1].end
    role = role_before(text, start, lex)
    if role:
        after = ROLE_AFTER.match(text, end)
        if after:
            role = f"{role} {after.group(1)} {after.group(2)}".rstrip(".") if not KEEP_DOT.match(after.group(2).split()[-1]) \
                else f"{role} {after.group(1)} {after.group(2)}"
        plural = re.search(r"(\S+)\s+$", text[max(0, start - 40):start])
        if plural and singular(plural.group(1).lower(), lex):
            if not _LIST_NEXT.match(text, end):
                role = None  # "It champions Planned Parenthood": a verb, not a role over a list
            ctx.list_role = (end, role) if role else None
        else:
            ctx.list_role = None
    else:
        role = list_role(text, start, ctx) or apposition(text, end, lex) or role_after_comma(text, start, end, lex) \
            or _after_home(text, end, lex)
        ctx.list_role = (end, role) if role and role == list_role(text, start, ctx) else None
    if role or evidence(words, ctx):
        add_person(words, role, lex.first_names.get(words[0].text), ctx)
    else:
        ctx.pending.append(words)
    return True
