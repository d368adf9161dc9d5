"""The classifier: each capitalised run of an article is tried against the rules of
``CASCADE`` in order, and the first that answers decides what the run is (a person, an
organisation, a place, several of them, or nothing). A rule may hand pieces of the run
back to the classifier ("the African Development Bank and the World Bank": two runs).

    extract(text) -> Entities   runs -> CASCADE -> merge (singles, acronyms, organisations)
"""
from __future__ import annotations

from ..dates import WEEKDAYS
from ..lexicon import Lexicon, entity_words, load
from ...model import Entities
from . import kinds, merge, orgnames, organizations, persons, places, roles
from .context import Ctx
from .organizations import org_like, plain_word, place_or_org, strip_the
from .persons import HEADLINE_VERBS, chinese_name, given_name, name_like, non_person, particle
from .places import place_lead
from .roles import singular
from .tokens import runs_of, text_of, word

# No name or title runs to 60 capitalised words (25 is the longest in the shared corpus and
# PolNeAR); the rules re-read a run once per word they peel off it, so a hostile run of
# thousands is classified in pieces.
MAX_RUN = 60
_WEEKDAY_NAMES = frozenset(d.capitalize() for d in WEEKDAYS)
W_NAMES = entity_words()
_HEADLINE_ADVERBS = frozenset(w.capitalize() for w in W_NAMES.headline_adverbs)  # as a title-case headline writes them


def extract(text: str, lex: Lexicon | None = None) -> Entities:
    """The people, organisations and places the text names, with every mention's offsets."""
    ctx = Ctx(text, lex or load(), classify)
    persons.photo_credits(text, ctx)
    places.party_seats(text, ctx)
    for run in runs_of(text):
        if len(run.words) <= MAX_RUN:  # (all runs but hostile ones; classify makes a list of the words)
            classify(run.words, run.sentence_start, ctx)
            continue
        for k in range(0, len(run.words), MAX_RUN):
            classify(run.words[k:k + MAX_RUN], run.sentence_start and k == 0, ctx)
    kinds.pending_companies(ctx)
    persons.resolve_pending(ctx)
    merge.singles(ctx)
    roles.copular_roles(ctx)
    places.states_after_cities(text, ctx)
    merge.bare_acronyms(ctx)
    merge.defined_acronyms(ctx)
    merge.acronyms_alone(ctx)
    merge.same_orgs(ctx)
    merge.prefix_orgs(ctx)
    merge.placed_orgs(ctx)
    return merge.entities(ctx)


def classify(words, sentence_start: bool, ctx) -> None:
    """Try the rules of ``CASCADE`` on the run, in order, until one answers (a run of one
    word, most of them: the rules of ``CASCADE`` that may answer for one word,
    ``ONE_WORD``, in the same order)."""
    words = list(words)
    if len(words) > 1:  # (one word: nothing to trim)
        words, sentence_start = _trimmed(words, sentence_start, ctx)
    if not words:
        return
    ctx.run, ctx.run_text = words, words[0].text if len(words) == 1 else " ".join([w.text for w in words])
    ctx.run_set = None  # (made when a rule asks: see Ctx.words_of)
    for rule in ONE_WORD if len(words) == 1 else CASCADE:
        if rule(words, sentence_start, ctx):
            return


def _trimmed(words, sentence_start, ctx):
    """Without a leading "The" and without the weekday wire copy puts after an
    organisation ("at the Chicago Mercantile Exchange Monday")."""
    if words and words[0].text in ("The", "the") and len(words) > 1:
        words, sentence_start = words[1:], False
    if len(words) > 1 and words[-1].text in _WEEKDAY_NAMES and org_like(words[:-1], ctx.lex):
        words = words[:-1]
    return words, sentence_start


# -- the rules of the cascade that only cut the run or drop it


def common_word(words, sentence_start, ctx) -> bool:
    """"The", "He", "However": one common word (data/non_names.txt) is nothing to list; read
    first, as most runs are one ("US", "WHO", "Will" are not dropped here)."""
    if len(words) != 1:
        return False
    t = words[0].text
    lex = ctx.lex
    return t.lower() in lex.non_names and not t.isupper() and t not in lex.places and t.lower() not in lex.organizations \
        and t not in W_NAMES.given_names_also_words and t not in lex.demonyms


def sentence_word(words, sentence_start, ctx) -> bool:
    """"Who knows": a word opening a sentence, not the WHO (see ``plain_word``)."""
    return len(words) == 1 and plain_word(words[0].text, ctx)


def clause_before_the(words, sentence_start, ctx) -> bool:
    """"Though the Legislature", "Contact the Department of Labor": a word before "the"
    opens a clause; it is not the first word of a name."""
    if len(words) > 2 and words[1].text == "the":
        ctx.classify(words[2:], False)
        return True
    return False


def lower_case_split(words, sentence_start, ctx) -> bool:
    """A lower-case word splits the run, unless it is a particle of a person's name
    ("Bill de Blasio"), told by the given name before it."""
    lex = ctx.lex
    lower = [k for k, w in enumerate(words) if not w.capital]
    if not lower or (words[0].text in lex.first_names and len(words) <= 5 and all(particle(words, k) for k in lower)):
        return False
    piece = []
    end = words[-1].end
    for w in words + [word(end, end, "and")]:
        if w.capital:
            piece.append(w)
        else:
            if piece:
                ctx.classify(piece, sentence_start and piece[0] is words[0])
            piece = []
    return True


def headline_verb(words, sentence_start, ctx) -> bool:
    """"Hillary Clinton Says Trump ...", "Mike Pence Calls for ...", "Donald Trump Is a ...":
    a headline in title case capitalises the verb after its subject; a verb of
    ``headline_verbs`` after the run's first word (and an adverb of ``headline_adverbs``
    before it: "Jo Roe Just Dropped") ends the name before it. Each piece is read again
    when a given name begins it and it reads as a name; the rest of a headline is no name ("The Democratic
    Primary Is", "Bill Revoking Hillary")."""
    lex = ctx.lex
    for k in range(1, len(words)):
        t = words[k].text
        if t in HEADLINE_VERBS and t not in lex.first_names:
            j = k
            while j > 1 and words[j - 1].text in _HEADLINE_ADVERBS:
                j -= 1
            for piece in (words[:j], words[k + 1:]):
                if piece and given_name(piece[0].text, lex) and name_like(piece, lex, ctx.lower_words):
                    ctx.classify(piece, sentence_start and piece[0] is words[0])
            return True
    return False


def owner_of_known(words, sentence_start, ctx) -> bool:
    """"the Clinton White House", "the Obama Pentagon": a name before a listed
    organisation or place of two words or more ("White House") qualifies it (an
    administration); the name and the organisation are read apart, the name only when it
    reads as a person's (not "Kansas City Federal Reserve")."""
    lex = ctx.lex
    for k in range(1, min(len(words) - 1, 4)):
        tail = words[k:]
        if not words[k - 1].capital or text_of(tail).lower() not in lex.organizations:
            continue
        head = words[:k]
        if text_of(head) in lex.places or not name_like(head, lex, ctx.lower_words) or not_a_name(head, False, ctx):
            return False
        ctx.classify(head, sentence_start)
        ctx.classify(tail, False)
        return True
    return False


def leading_non_names(words, sentence_start, ctx) -> bool:
    """Words that cannot begin a name (sentence openers, months, a sentence-opening "-ing"
    word, a role noun opening the sentence: "Singer Sam Endicott") are cut off."""
    lex = ctx.lex
    i = 0
    while i < len(words) and (words[i].text.lower() in lex.non_names and not (
            words[i].text in W_NAMES.given_names_also_words and not (sentence_start and i == 0)) or (
            sentence_start and i == 0 and words[i].text.endswith("ing") and words[i].text not in lex.first_names)) \
            and words[i].text not in lex.demonyms:
        i += 1
    if not i:
        return False
    if i < len(words):
        if words[i - 1].text.endswith("ing") and words[i - 1].text.lower() not in lex.non_names:
            place_or_org(words[i:], ctx)  # "Fighting Medicaid Fraud": the gerund's object
        else:
            ctx.classify(words[i:], False)
    return True


def opener_before_name(words, sentence_start, ctx) -> bool:
    """The word opening a sentence before a given name is no part of the name when it is
    no given name itself and either names a trade ("Singer Sam Endicott", "Novelist Ivo
    Pask") or is glued to the given name of a person the article names in full ("Sure
    Robbie is talented" after "Robbie Vance"); the rest is read alone."""
    lex = ctx.lex
    if not sentence_start or len(words) < 2:
        return False
    first, second = words[0].text, words[1].text
    trade = len(words) > 2 and (first.lower() in lex.role_words or singular(first.lower(), lex))
    known = len(words) == 2 and any(d.name.split()[0] == second and " " in d.name for d in ctx.people.values())
    if not (trade or known) or given_name(first, lex) or first in lex.places or first.lower() in lex.organizations \
            or (first.lower(),) in lex.titles or first in lex.demonyms or not given_name(second, lex):
        return False
    ctx.classify(words[1:], False)
    return True


def demonym_first(words, sentence_start, ctx) -> bool:
    """"Belgian Jan Novak": the nationality is no part of the name."""
    if words[0].text in ctx.lex.demonyms and len(words) > 1:
        ctx.classify(words[1:], False)
        return True
    return False


def not_a_name(words, sentence_start, ctx) -> bool:
    """A run holding a word that names no person ("Plan", "Avenue"), an organisation word,
    a business word; a demonym alone ("Puerto Ricans"): nothing to list."""
    lex = ctx.lex
    if len(words) == 1:  # (most runs: the rules below for one word)
        return words[0].text in lex.non_person_words or words[0].text in lex.org_words
    return non_person(words, lex) or any(w.text in lex.org_words for w in words) or organizations.business(words, lex)


def demonym(words, sentence_start, ctx) -> bool:
    return ctx.full(words) in ctx.lex.demonyms


def not_name_like(words, sentence_start, ctx) -> bool:
    """Words that are not a name's (see ``persons.name_like``): nothing to list; a Chinese
    name is one however its given name reads in English ("Liu He", ``persons.chinese_name``)."""
    return not name_like(words, ctx.lex, ctx.lower_words) and not chinese_name(words)


def single_word(words, sentence_start, ctx) -> bool:
    """One word: resolved when all full names are known (a surname, or a place after "in")."""
    if len(words) != 1:
        return False
    w, text = words[0], ctx.text
    lead = place_lead(text, w.start) and w.text not in ctx.lex.first_names and text[w.end:w.end + 2] not in ("'s", "’s")
    ctx.singles.append((w, lead))
    return True


CASCADE = (
    organizations.numbered_station,
    common_word,
    sentence_word,
    clause_before_the,
    places.based_place,
    organizations.known_org,
    places.known_place,
    owner_of_known,
    organizations.defined_acronym,
    places.place_form,
    organizations.state_of,
    orgnames.titled_office,
    roles.titled,
    orgnames.joined_names,
    orgnames.person_and_org,
    orgnames.place_then_parens,
    orgnames.thing_of_org,
    orgnames.person_of_org,
    orgnames.people_of_org,
    orgnames.org_then_person,
    organizations.org_run,
    kinds.described_org,
    kinds.role_of_org,
    lower_case_split,
    headline_verb,
    places.hyphenated_places,
    opener_before_name,
    leading_non_names,
    demonym_first,
    not_a_name,
    places.place_first_word,
    demonym,
    places.place_prefix,
    not_name_like,
    persons.relative,
    single_word,
    places.place_after_in,
    places.city_and_state,
    places.landmark,
    roles.role_owner,
    roles.named_person,
)

# The rules of CASCADE that may answer for a run of one word (the others need two words
# or more: a title and a name, "and", "of", a lower-case word inside, a legal form).
ONE_WORD = tuple(rule for rule in CASCADE if rule not in (
    clause_before_the, owner_of_known, places.place_form, organizations.defined_acronym, organizations.state_of, orgnames.titled_office,
    orgnames.joined_names, orgnames.person_and_org, orgnames.place_then_parens, orgnames.thing_of_org, orgnames.person_of_org, orgnames.people_of_org, orgnames.org_then_person,
    lower_case_split, headline_verb, opener_before_name, demonym_first, places.place_prefix, places.place_after_in, places.landmark, roles.titled, roles.role_owner,
    organizations.org_run))
