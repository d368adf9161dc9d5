"""curation.yml: table tests of each key, their conflicts, and the errors (file and line)."""
from __future__ import annotations

import pytest

from pressroom.curation import apply, parse, touches, unmatched
from pressroom.model import Article, Entities, Mention, Organization, Person, Place, Quote, Source
from pressroom.nlp.annotate import annotate_text


def _article(people=(), orgs=(), places=(), quotes=()) -> Article:
    src = Source("sources/x.txt", "x", "0", "T", "body", 2)
    return Article(src, "T", "body", "x", src.meta, tuple(quotes), Entities(tuple(people), tuple(orgs), tuple(places)))


# (YAML, expected problems as "line: words in the message"), comment
PARSE_ROWS = [
    ("same:\n  - [Robert C. Scott, Bobby Scott]\n", [], "the shape of the issue"),
    ("", [], "an empty file decides nothing"),
    ("same: [[A, B]]\nnot: {people: [C]}\nroles: {D: Mayor}\nkind: {E: place}\n", [], "flow style"),
    ("colour: blue\n", ["1: unknown key 'colour'"], "unknown key"),
    ("not:\n  bands: [Scissor Sisters]\n", ["2: unknown kind 'bands'"], "unknown kind under not:"),
    ("kind:\n  Yukos: company\n", ["2: unknown kind 'company'"], "unknown kind under kind:"),
    ("same:\n  - [Solo]\n", ["2: a group needs two names"], "a group of one"),
    ("same: Bobby Scott\n", ["1: same: a list of groups"], "same: not a list"),
    ("roles:\n  Keith Ellison:\n", ["2: the role must be text"], "a role left empty"),
    ("not:\n  people: Scissor Sisters\n", ["2: not: people: a list of names"], "a name where a list belongs"),
    ("same: [[A, B]\n", ["not valid YAML"], "broken YAML"),
    ("- a\n- b\n", ["1: must be a mapping"], "a list at the top"),
    ("same:\n  - [Robert C. Scott, Bobby Scott]\nnot:\n  people: [Bobby Scott]\n",
     ["4: not.people: 'Bobby Scott' is also in same:"], "same and not on one name: not wins, and says so"),
]


@pytest.mark.parametrize("text, expected, comment", PARSE_ROWS, ids=[r[2] for r in PARSE_ROWS])
def test_parse(text, expected, comment):
    _, problems = parse(text, "curation.yml")
    got = [str(p) for p in problems]
    assert len(got) == len(expected), got
    for want, have in zip(expected, got):
        line, _, words = want.partition(": ") if want[0].isdigit() else ("", "", want)
        assert have.startswith(f"curation.yml:{line}:" if line else "curation.yml"), have
        assert words in have, have


def test_unknown_keys_and_kinds_are_warnings_and_the_rest_still_applies():
    cur, problems = parse("colour: blue\nroles: {Jo Roe: Mayor}\n")
    assert [p.severity for p in problems] == ["warning"]
    a = apply(_article(people=[Person("Jo Roe", "mayor of X", (Mention(0, 6),))]), cur)
    assert a.entities.people[0].role == "Mayor"


def test_same_merges_people_and_quotes_follow():
    cur, _ = parse("same:\n  - [Robert C. Scott, Bobby Scott, Rep. Robert C.]\n")
    a = _article(people=[Person("Bobby Scott", "congressman", (Mention(0, 11),)), Person("Rep. Robert C.", None, (Mention(20, 34),))],
                 quotes=[Quote(40, 50, "x", "speech", "Bobby Scott", 0, 11, "said")])
    out = apply(a, cur)
    assert [(p.name, p.role, len(p.mentions)) for p in out.entities.people] == [("Robert C. Scott", "congressman", 2)]
    assert out.quotes[0].speaker == "Robert C. Scott"


def test_same_merges_organisations_and_places_too():
    cur, _ = parse("same: [[Federal Bureau of Investigation, FBI], [United States, U.S.]]\n")
    out = apply(_article(orgs=[Organization("FBI", (), (Mention(0, 3),))], places=[Place("U.S.", (Mention(5, 9),))]), cur)
    assert [o.name for o in out.entities.organizations] == ["Federal Bureau of Investigation"]
    assert [p.name for p in out.entities.places] == ["United States"]


def test_an_article_the_curation_does_not_concern_is_the_same_object():
    cur, _ = parse("same: [[A B, C D]]\nroles: {E F: Mayor}\n")
    a = _article(people=[Person("Jo Roe", None, (Mention(0, 6),))])
    assert apply(a, cur) is a and touches(a, cur) == ""
    assert touches(_article(people=[Person("C D", None, (Mention(0, 3),))]), cur) != ""


TEXT = ('"We are back," said Jake Shears, the band\'s singer. "It was fun," Scissor Sisters said. '
        '"We will appeal," Yukos said. "He was held there," Guantanamo Bay said.')


# (curation, speaker of each quote, people, organisations, places), comment
EXCLUSION_ROWS = [
    ("", None, None, None, None, "no curation: the rules' own answer (the reference row)"),
    ("not: {people: [Scissor Sisters]}", ["Jake Shears", None, "Yukos", "Guantanamo Bay"], "-Scissor Sisters", None, None,
     "not: the person goes, and their quote falls back to no speaker"),
    ("kind: {Yukos: organization}", ["Jake Shears", "Scissor Sisters", "Yukos", "Guantanamo Bay"], "-Yukos", "+Yukos", None,
     "a person moved to the organisations still speaks"),
    ("kind: {Guantanamo Bay: place}", ["Jake Shears", "Scissor Sisters", "Yukos", None], "-Guantanamo Bay", None, "+Guantanamo Bay",
     "a kind change that frees a quote's speaker: a place does not speak"),
]


@pytest.mark.parametrize("yaml_text, speakers, people, orgs, places, comment", EXCLUSION_ROWS, ids=[r[5] for r in EXCLUSION_ROWS])
def test_not_and_kind_are_applied_before_quotes_are_attributed(yaml_text, speakers, people, orgs, places, comment):
    plain = annotate_text(TEXT)
    cur, problems = parse(yaml_text)
    assert not problems
    got = annotate_text(TEXT, cur.exclusions(TEXT))
    if speakers is None:
        assert got == plain
        return
    assert [q.speaker for q in got.quotes if q.kind == "speech"] == speakers
    for kind, change in (("people", people), ("organizations", orgs), ("places", places)):
        names = {x.name for x in getattr(got.entities, kind)}
        before = {x.name for x in getattr(plain.entities, kind)}
        if change is None:
            assert names == before, kind
        elif change[0] == "-":
            assert change[1:] in before and change[1:] not in names, kind
        else:
            assert change[1:] in names, kind


def test_exclusions_are_only_those_of_names_the_text_has():
    cur, _ = parse("not: {people: [Scissor Sisters, Capitol Hill]}\nkind: {Yukos: organization}\n")
    assert cur.exclusions("Capitol  hill was quiet.").drop == {("people", "capitol hill")}
    assert not cur.exclusions("Nothing named here.")



def test_a_name_the_rules_wrote_without_its_punctuation_is_still_excluded():
    # found on the shared corpus by pasting each review item: "David Nelson, Jr." in the text,
    # "David Nelson Jr." as the rules name him, and not: had no effect
    text = "Under a consent judgment filed in Ramsey County, David Nelson, Jr. will pay a $4,000 fine."
    assert [p.name for p in annotate_text(text).entities.people] == ["David Nelson Jr."]
    cur, _ = parse("not: {people: [David Nelson Jr.]}\n")
    assert cur.exclusions(text).drop == {("people", "david nelson jr")}
    assert annotate_text(text, cur.exclusions(text)).entities.people == ()
    # words only: a name inside a longer word is no match; one before 's is
    jo = parse("not: {people: [Jo Roe]}\n")[0]
    assert not jo.exclusions("Jo Roeland spoke.") and jo.exclusions("Jo Roe\u2019s dog barked.")


def test_names_that_match_nothing_are_warnings_with_their_line():
    # (the first name of a group is the editor's choice of how to show it: it need not occur)
    cur, _ = parse("same:\n  - [Joanna Roe, Jo Roe]\nroles:\n  Nobody Here: Mayor\n")
    problems = unmatched(cur, [_article(people=[Person("Jo Roe", None, (Mention(0, 6),))])], set())
    assert [str(p) for p in problems] == ["curation.yml:4: warning: roles: 'Nobody Here' matches nothing in the archive; check its spelling"]


def test_the_sample_curated_then_uncurated(project, monkeypatch):
    """Issue 16's acceptance on the sample: Sergei Shoigu is not listed (nor linked), Xi's
    names are one, Tan Kefei has the editor's role; without the file all of it comes back;
    an edit that concerns no article makes no page again."""
    import shutil

    from pressroom import pipeline

    from .conftest import SAMPLE

    monkeypatch.delenv("SITE_URL", raising=False)
    shutil.copy(SAMPLE, project / "sources" / SAMPLE.name)
    page = project / "docs" / "articles" / "china-russia-mutual-trust-improving.md"

    def build():
        return pipeline.build(project / "sources", project / "docs", project / "mkdocs.yml", cache_dir=project / ".cache")

    def listed(text):  # the page's list of names, between the article's text and "Cite this"
        return text.split('class="pr-entities"')[1].split('class="pr-cite"')[0]

    build()
    plain = page.read_text(encoding="utf-8")
    assert "Sergei Shoigu" in listed(plain) and "letter-s/#sergei-shoigu" in plain
    (project / "curation.yml").write_text("same: [[Xi Jinping, President Xi]]\nnot: {people: [Sergei Shoigu]}\n"
                                          "roles: {Tan Kefei: Defense ministry spokesman}\n", encoding="utf-8")
    report = build()
    curated = page.read_text(encoding="utf-8")
    assert "Sergei Shoigu" not in listed(curated) and "sergei-shoigu" not in curated
    assert "Sergei Shoigu" in curated  # his name is still in the text: nothing of the source is lost
    assert "Defense ministry spokesman" in (project / "docs" / "people" / "tan-kefei.md").read_text(encoding="utf-8")
    assert [str(p) for p in report.warnings if "curation.yml" in p.path] == [
        f"{project / 'curation.yml'}:1: warning: same: 'President Xi' matches nothing in the archive; check its spelling"]
    # an edit of a decision no article concerns: nothing is made again
    with (project / "curation.yml").open("a", encoding="utf-8") as f:
        f.write("kind: {Nowhere Town: place}\n")
    assert build().written == ()
    (project / "curation.yml").unlink()
    build()
    assert page.read_text(encoding="utf-8") == plain


# (text, curation, places listed), comment
NAMED_ROWS = [
    ("Senators met on Capitol Hill. Capitol  hill was quiet.", "kind: {Capitol Hill: place}", [("Capitol Hill", 2)],
     "a name the rules list as nothing is listed as the kind the editor gave it, at each mention"),
    ("Senators met on Capitol Hill.", "kind: {Capitol Hill: place}\nnot: {places: [Capitol Hill]}", [],
     "negative: a kind and a 'not' of that same kind: the 'not' wins"),
    ("Senators met on Capitol Hillside.", "kind: {Capitol Hill: place}", [],
     "negative: a name inside a longer word is not a mention"),
    ("We sailed on the david nelson, jr. last year.", "kind: {David Nelson Jr.: place}",
     [("david nelson, jr", 1)], "the editor's name found with other punctuation between its words, as in exclusions"),
    ("crews reached port o’malley at dawn.", "kind: {Port O'Malley: place}", [("port o’malley", 1)],
     "either apostrophe"),
    ("crews left port\nmalley at dawn.", "kind: {Port Malley: place}", [],
     "negative: a name's words on two lines are not a mention"),
]


@pytest.mark.parametrize("text, yaml_text, places, comment", NAMED_ROWS, ids=[r[3] for r in NAMED_ROWS])
def test_a_kind_lists_a_name_the_rules_left_out(text, yaml_text, places, comment):
    cur, problems = parse(yaml_text)
    assert not problems
    got = annotate_text(text, cur.exclusions(text))
    assert [(p.name, len(p.mentions)) for p in got.entities.places] == places


# (curation.yml as the editor saves it, the articles whose annotation is made again, the
# article pages made again), comment: each step starts from the step before
EDIT_ROWS = [
    ("roles: {Anna Berg: Head teacher}\n", set(), {"school"}, "a role: the one article naming her"),
    ("roles: {Anna Berg: Head teacher}\nnot: {people: [Erik Lund]}\n", {"harbour", "budget"}, {"harbour", "budget"},
     "not: the articles whose text has the name are annotated again, no others"),
    ("roles: {Anna Berg: Head teacher}\nnot: {people: [Erik Lund]}\nsame: [[Ola K. Brandt, Ola Brandt]]\n", set(),
     {"harbour", "ferry"}, "same: the articles naming one of the names"),
    ("roles: {Anna Berg: Head teacher}\nnot: {people: [Erik Lund]}\nsame: [[Ola K. Brandt, Ola Brandt]]\n"
     "kind: {Nowhere Town: place}\n", set(), set(), "a decision about a name no article has: nothing"),
    ("# nothing decided yet\n", {"harbour", "budget"}, {"school", "harbour", "budget", "ferry"}, "everything undone"),
]


def test_an_edit_of_curation_yml_makes_again_only_the_pages_it_changes(project, monkeypatch):
    """Issue 16: "Editing curation.yml rebuilds only the pages it changes": the articles it
    concerns are annotated and rendered again, no others, and the files written are exactly
    the files whose text changed."""
    from pressroom import pipeline, render

    from .test_incremental import RELEASES

    monkeypatch.delenv("SITE_URL", raising=False)
    for name, text in RELEASES.items():
        (project / "sources" / name).write_text(text, encoding="utf-8")
    made = []
    real = render.render_article
    monkeypatch.setattr(render, "render_article", lambda a, *args: made.append(a.source.path) or real(a, *args))

    def build():
        made.clear()
        return pipeline.build(project / "sources", project / "docs", project / "mkdocs.yml", cache_dir=project / ".cache", workers=1)

    def tree():
        return {p.relative_to(project / "docs").as_posix(): p.read_bytes() for p in (project / "docs").rglob("*")
                if p.is_file() and not p.name.startswith(".")}

    build()
    stems = {f"sources/{name}": name.removesuffix(".txt") for name in RELEASES}
    for text, annotated, rendered, comment in EDIT_ROWS:
        before = tree()
        (project / "curation.yml").write_text(text, encoding="utf-8")
        report = build()
        after = tree()
        changed = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
        assert report.annotated == len(annotated), comment
        assert {stems[p] for p in made} == rendered, comment
        assert set(report.written) | set(report.removed) == changed, comment
        # and none made again in vain: every article page made is one whose text changed
        assert len([p for p in changed if p.startswith("articles/")]) == len(made), comment
