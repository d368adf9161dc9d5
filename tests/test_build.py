"""The build as a user runs it: bad files named, the rest built, rebuilds, hand-written pages."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLE


def run_build(project: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pressroom.cli", "build", *extra], cwd=project, capture_output=True, text=True)


def test_bad_files_are_named_and_the_rest_is_built(project: Path):
    (project / "sources" / "good.txt").write_bytes(SAMPLE.read_bytes())
    (project / "sources" / "empty.txt").write_bytes(b"")
    (project / "sources" / "title-only.txt").write_text("Just a title\n", encoding="utf-8")
    (project / "sources" / "binary.txt").write_bytes(b"Title\nsome\x00bytes\n")
    (project / "sources" / "Release.docx").write_bytes(b"PK\x03\x04")
    (project / "sources" / "UPPER.TXT").write_text("Upper case name\nRead like any other.\n", encoding="utf-8")
    r = run_build(project)
    assert r.returncode == 1
    assert "sources: warning: not read, as only its .txt files are articles (1): Release.docx;" in r.stderr
    assert (project / "docs" / "articles" / "upper-case-name.md").exists()
    assert "sources/empty.txt: file is empty" in r.stderr
    assert "sources/title-only.txt:1: file has a title but no text" in r.stderr
    assert "sources/binary.txt:2: file holds NUL bytes" in r.stderr
    assert "Traceback" not in r.stderr
    assert (project / "docs" / "articles" / "china-russia-mutual-trust-improving.md").exists()
    assert "2 articles (" in r.stdout and "3 errors" in r.stdout


def _makefile(project: Path, which: str) -> list[str]:
    """This project's Makefile, or the one `pressroom new` writes, in ``project``, set up with
    the test venv (no venv of its own to create and fill): the make command to run."""
    root = Path(__file__).resolve().parents[1]
    venv = Path(sys.executable).parent.parent
    if which == "project":
        shutil.copy(root / "Makefile", project / "Makefile")
        for name in ("pyproject.toml", "constraints.txt"):
            (project / name).write_text("", encoding="utf-8")
        (project / ".venv").mkdir()
        (project / ".venv" / ".installed-stamp").write_text("", encoding="utf-8")  # newer: set-up is done
        return ["make", f"BIN={venv / 'bin'}"]
    text = (root / "scripts" / "pressroom" / "templates" / "Makefile.in").read_text(encoding="utf-8")
    (project / "Makefile").write_text(text.replace("@PRESSROOM_SRC@", str(root)), encoding="utf-8")
    return ["make", f"VENV={venv}"]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
@pytest.mark.parametrize("which", ["project", "new-archive"])
def test_make_site_builds_the_site_from_the_good_sources_and_still_fails(project: Path, which):
    # One empty file uploaded by mistake must not leave the owner without a site to look
    # at; make still ends with an error, so that CI does not publish past it unseen. A
    # `pressroom new` archive's Makefile does the same.
    make = _makefile(project, which)
    # nothing can be built (no sources/): exit 2, and MkDocs is not run on what docs/ holds
    (project / "sources").rename(project / "elsewhere")
    r = subprocess.run([*make, "site"], cwd=project, capture_output=True, text=True)
    assert r.returncode == 2 and "sources: no such folder" in r.stderr and not (project / "site").exists()
    (project / "elsewhere").rename(project / "sources")
    (project / "sources" / "good.txt").write_bytes(SAMPLE.read_bytes())
    (project / "sources" / "empty.txt").write_bytes(b"")
    r = subprocess.run([*make, "site"], cwd=project, capture_output=True, text=True)
    assert r.returncode != 0
    assert "sources/empty.txt: file is empty" in r.stderr
    assert (project / "site" / "articles" / "china-russia-mutual-trust-improving" / "index.html").is_file()
    assert (project / "site" / "pagefind" / "pagefind-entry.json").is_file()
    # make view on a port another server holds: the site is built, then one line, no traceback
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        r = subprocess.run([*make, "view", f"PORT={port}"], cwd=project, capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "Traceback" not in r.stderr
    assert f"127.0.0.1:{port}: cannot serve there (Address already in use)" in r.stderr.splitlines()[-2], r.stderr
    (project / "sources" / "empty.txt").unlink()
    assert subprocess.run([*make, "site"], cwd=project, capture_output=True).returncode == 0


def test_rebuild_writes_nothing_and_removes_pages_of_deleted_sources(project: Path):
    (project / "sources" / "a.txt").write_text("First article\nAlice Example said \"we are ready for this,\" on Monday.\n", encoding="utf-8")
    (project / "sources" / "b.txt").write_text("Second article\nBob Example said nothing.\n", encoding="utf-8")
    assert run_build(project).returncode == 0
    docs = project / "docs"
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    second = run_build(project)
    assert "0 files written" in second.stdout
    assert before == {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    (project / "sources" / "b.txt").unlink()
    third = run_build(project)
    # the article's page and the page of the person only it named
    assert "2 removed" in third.stdout
    assert not (docs / "articles" / "second-article.md").exists()
    assert not (docs / "people" / "bob-example.md").exists()
    assert (docs / "articles" / "first-article.md").exists()


def test_hand_written_pages_are_never_touched(project: Path):
    mine = project / "docs" / "articles" / "first-article.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("# My own page\n", encoding="utf-8")
    (project / "docs" / "notes.md").write_text("hand-written\n", encoding="utf-8")
    (project / "sources" / "a.txt").write_text("First article\nSome text.\n", encoding="utf-8")
    r = run_build(project)
    assert r.returncode == 1
    assert "docs/articles/first-article.md: exists and was not generated by pressroom" in r.stderr
    assert mine.read_text(encoding="utf-8") == "# My own page\n"
    assert (project / "docs" / "notes.md").read_text(encoding="utf-8") == "hand-written\n"


def test_same_titles_get_distinct_stable_urls(project: Path):
    for name in ("x.txt", "y.txt"):
        (project / "sources" / name).write_text("Press release\nText of " + name + ".\n", encoding="utf-8")
    assert run_build(project).returncode == 0
    pages = sorted(p.name for p in (project / "docs" / "articles").glob("press-release*.md"))
    assert len(pages) == 2
    assert run_build(project).returncode == 0
    assert pages == sorted(p.name for p in (project / "docs" / "articles").glob("press-release*.md"))


def test_strict_fails_on_warnings(project: Path):
    import os

    (project / "sources" / "legacy.txt").write_bytes("Caf\u00e9 news\nThe caf\u00e9 opened.\n".encode("cp1252"))
    env = dict(os.environ, SITE_URL="https://example.org/")
    plain = subprocess.run([sys.executable, "-m", "pressroom.cli", "build"], cwd=project, capture_output=True, text=True, env=env)
    assert plain.returncode == 0
    assert "sources/legacy.txt: warning: decoded as" in plain.stderr
    strict = subprocess.run([sys.executable, "-m", "pressroom.cli", "build", "--strict"], cwd=project, capture_output=True, text=True, env=env)
    assert strict.returncode == 1


def test_missing_site_url_is_said_clearly(project: Path):
    import os

    (project / "sources" / "a.txt").write_text("A title\nSome text.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    r = subprocess.run([sys.executable, "-m", "pressroom.cli", "build"], cwd=project, capture_output=True, text=True, env=env)
    assert "no site_url: the feed (feed.xml)" in r.stderr
    assert not (project / "docs" / "feed.xml").exists()
    env["SITE_URL"] = "https://example.org/archive/"
    subprocess.run([sys.executable, "-m", "pressroom.cli", "build"], cwd=project, check=True, capture_output=True, env=env)
    feed = (project / "docs" / "feed.xml").read_text(encoding="utf-8")
    assert "<rss" in feed


def test_an_impossible_header_date_is_named_and_the_rest_is_built(project: Path):
    (project / "sources" / "bad.txt").write_text("---\ndate: 2024-02-30\n---\nBad date\nText.\n", encoding="utf-8")
    (project / "sources" / "good.txt").write_text("Good one\nText.\n", encoding="utf-8")
    r = run_build(project)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "sources/bad.txt:2: header value is not valid" in r.stderr
    assert (project / "docs" / "articles" / "good-one.md").exists()


def test_a_lost_manifest_does_not_lock_the_build(project: Path):
    (project / "sources" / "a.txt").write_text("First article\nSome text.\n", encoding="utf-8")
    assert run_build(project).returncode == 0
    (project / "docs" / ".pressroom-manifest.json").unlink()
    (project / "sources" / "a.txt").write_text("First article\nOther text now.\n", encoding="utf-8")
    r = run_build(project)
    assert r.returncode == 0, r.stderr  # its own pages are recognised and taken back
    assert "Other text now." in (project / "docs" / "articles" / "first-article.md").read_text(encoding="utf-8")


def test_a_page_failing_the_check_is_not_written(project: Path, monkeypatch):
    """A hole in escaping would be caught before the page reaches docs/ (simulated here)."""
    from pressroom import pipeline, render

    (project / "sources" / "a.txt").write_text("First article\nSome text.\n", encoding="utf-8")
    real = render._meta_block
    monkeypatch.setattr(render, "_meta_block", lambda article: real(article) + "<script>alert(1)</script>")
    report = pipeline.build(project / "sources", project / "docs")
    assert any("unexpected markup <script>" in str(p) for p in report.errors)
    assert len([p for p in report.errors if "<script>" in str(p)]) == 1  # once, not again for </script>
    assert not (project / "docs" / "articles" / "first-article.md").exists()
    again = pipeline.build(project / "sources", project / "docs")
    assert again.errors  # still refused on the next build, not forgotten


def test_feed_is_valid_xml_whatever_the_title(project: Path):
    import os
    import xml.dom.minidom

    (project / "sources" / "a.txt").write_text("---\ndate: 2024-01-02\n---\nBell \x07 and <esc> & co\nText \x1b here.\n", encoding="utf-8")
    env = dict(os.environ, SITE_URL="https://example.org/")
    subprocess.run([sys.executable, "-m", "pressroom.cli", "build"], cwd=project, check=True, capture_output=True, env=env)
    doc = xml.dom.minidom.parse(str(project / "docs" / "feed.xml"))
    assert doc.getElementsByTagName("title")[1].firstChild.data == "Bell  and <esc> & co"


def test_pages_deleted_by_hand_come_back_and_the_next_build_writes_nothing(project: Path):
    (project / "sources" / "a.txt").write_text("First article\nSome text.\n", encoding="utf-8")
    assert run_build(project).returncode == 0
    import shutil

    shutil.rmtree(project / "docs" / "articles")
    again = run_build(project)
    assert "1 file written" in again.stdout
    assert (project / "docs" / "articles" / "first-article.md").exists()
    assert "0 files written" in run_build(project).stdout  # the manifest knows what it wrote


def test_one_changed_source_is_annotated_and_cached_alone(project: Path):
    # A large archive's rebuild after one edit must not redo or rewrite the rest: the
    # annotation of only that source is made again, and only the cache files holding it change.
    for i in range(12):
        (project / "sources" / f"s{i:02d}.txt").write_text(
            f"Release number {i}\nOla Brandt{i} said \"we will open berth {i} in May,\" on Monday.\n", encoding="utf-8")
    assert run_build(project).returncode == 0
    cache = project / ".pressroom-cache"
    before = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    assert any(n.startswith("pages-") for n in before) and any(n.startswith("annotations-") for n in before)
    with (project / "sources" / "s03.txt").open("a", encoding="utf-8") as f:
        f.write("The berth opened a week early.\n")
    r = run_build(project)
    assert "12 articles (1 annotated)" in r.stdout
    after = {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}
    changed = {n for n in after if before.get(n) != after[n]}
    assert len(changed) <= 5, changed  # one annotation shard (its two parts), one page shard, the listings, the page keys
    assert "opened a week early" in (project / "docs" / "articles" / "release-number-3.md").read_text(encoding="utf-8")


def test_a_rebuild_from_the_cache_still_reports_repairs_and_rereads_edits(project: Path):
    # An unchanged source is taken from the cache without decoding it again; what decoding
    # said (a repair to check) must still be said on every build, and an edit is read anew.
    text = "Mojibake release\nThe minister said \u201cwe will act now\u201d on Monday.\n"
    (project / "sources" / "m.txt").write_bytes(text.encode("utf-8").decode("latin-1").encode("utf-8"))
    first, second = run_build(project), run_build(project)
    for r in (first, second):
        assert r.returncode == 0 and "sources/m.txt" in r.stderr and "mojibake" in r.stderr
    assert "(0 annotated)" in second.stdout
    (project / "sources" / "m.txt").write_text(text.replace("Monday", "Tuesday"), encoding="utf-8")
    third = run_build(project)
    assert "(1 annotated)" in third.stdout and "mojibake" not in third.stderr
    assert "Tuesday" in (project / "docs" / "articles" / "mojibake-release.md").read_text(encoding="utf-8")


def test_several_cores_build_the_same_site_as_one(tmp_path: Path, project: Path, monkeypatch):
    # Annotation, rendering and checking run on worker processes once an archive is large;
    # the site must not depend on how many there were. The threshold is lowered so that a
    # dozen articles take the parallel path.
    from pressroom import parallel, pipeline, render

    monkeypatch.setattr(parallel, "MINIMUM", 2)
    shutil.copy(SAMPLE, project / "sources" / SAMPLE.name)
    for i in range(12):
        (project / "sources" / f"s{i:02d}.txt").write_text(
            f"Harbour release {i}\n\"We will open berth {i} in May,\" said Ola Brandt, a spokeswoman for the Port "
            f"Authority, in Bergen.\nShe added: \"The Port Authority thanks the city.\"\n", encoding="utf-8")
    trees, reports = [], []
    for jobs in (1, 2):
        work = tmp_path / f"jobs{jobs}"
        shutil.copytree(project, work)
        reports.append(pipeline.build(work / "sources", work / "docs", work / "mkdocs.yml", workers=jobs,
                                      cache_dir=work / ".cache"))
        trees.append({p.relative_to(work).as_posix(): p.read_bytes() for p in (work / "docs").rglob("*") if p.is_file()})
    assert reports[1].articles == 13 and reports[1].quotes == reports[0].quotes >= 5 + 24
    assert trees[0] == trees[1]
    # a page that fails its check in a worker is reported and held back, as on one core
    real = render._meta_block
    monkeypatch.setattr(render, "_meta_block", lambda article: real(article) + "<script>x</script>")
    work = tmp_path / "failing"
    shutil.copytree(project, work)
    report = pipeline.build(work / "sources", work / "docs", work / "mkdocs.yml", workers=2)
    assert len([p for p in report.errors if "<script>" in str(p)]) == 13
    assert not list((work / "docs" / "articles").glob("*.md"))


def test_a_cache_holding_something_else_is_a_miss_not_a_crash(project: Path):
    # A cache file that unpickles fine but to the wrong kind of data (written by hand, by
    # another version of a tool, a bad disk) must not stop every later build.
    import pickle

    from pressroom.read import code_fingerprint

    for i in range(6):
        (project / "sources" / f"s{i}.txt").write_text(f"Release {i}\n\"We act,\" said Ola Brandt{i}.\n", encoding="utf-8")
    assert run_build(project).returncode == 0
    before = {p.name: p.read_bytes() for p in (project / "docs" / "articles").glob("*.md")}
    cache = project / ".pressroom-cache"
    for shard in cache.glob("*.pickle"):
        junk = {"zz": 1} if shard.name.startswith("annotations-") else {"code": code_fingerprint(), "items": {"k": 1}}
        shard.write_bytes(pickle.dumps(junk))
    again = run_build(project)
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stderr
    assert "6 articles (6 annotated)" in again.stdout
    assert {p.name: p.read_bytes() for p in (project / "docs" / "articles").glob("*.md")} == before
    assert "(0 annotated)" in run_build(project).stdout  # the cache was rewritten whole


@pytest.fixture
def fresh_keys():
    """Cache keys are memoised per process by file: a test that changes the code's
    fingerprints must not leave keys made with its fingerprints to the next test."""
    from pressroom import read

    read._key_of.cache_clear()
    yield
    read._key_of.cache_clear()


def test_a_change_to_how_pages_look_keeps_every_annotation(project: Path, monkeypatch, fresh_keys):
    # Changing render, indexes or export changes the pages, not what was found in the
    # articles: the rebuild makes every page again from the cache and annotates nothing.
    # A change to the code that annotates annotates every article again.
    from pressroom import pipeline, read, render

    for i in range(5):
        (project / "sources" / f"s{i}.txt").write_text(f"Release {i}\n\"We act,\" said Ola Brandt{i} in Oslo.\n", encoding="utf-8")

    def build():
        return pipeline.build(project / "sources", project / "docs", project / "mkdocs.yml", workers=1, cache_dir=project / ".cache")

    assert build().annotated == 5
    real = render._meta_block
    monkeypatch.setattr(render, "_meta_block", lambda article: real(article) + "\n\nPages have a new look.")
    monkeypatch.setattr(read, "code_fingerprint", lambda: "render-changed")
    read._key_of.cache_clear()  # as in a new process
    report = build()
    assert report.annotated == 0 and len([p for p in report.written if p.startswith("articles/")]) == 5
    assert all("Pages have a new look." in p.read_text(encoding="utf-8") for p in (project / "docs" / "articles").glob("*.md"))
    assert build().written == ()  # and the new pages are cached in their turn
    monkeypatch.setattr(read, "annotation_fingerprint", lambda: "annotator-changed")
    read._key_of.cache_clear()
    again = build()
    assert again.annotated == 5 and again.written == ()  # the same annotations: the same pages


def test_listing_lines_never_show_another_article(project: Path):
    # Listing lines are memoised by article during a build; called one article at a time
    # (as a library user or a long-running preview would), a freed article's id is reused
    # by the next one and must not bring back its line.
    from pressroom import indexes
    from pressroom.annotate import annotate
    from pressroom.read import parse_source

    for i in range(60):
        article = annotate(parse_source(f"Title number {i}\nBody.\n".encode(), f"sources/s{i}.txt", "x"), f"title-number-{i}")
        text = "".join(p.text for p in indexes.archive([article]))
        assert f"Title number {i}<" in text, i


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_that_breaks_annotation_is_published_unannotated_and_the_rest_is_built(project: Path, monkeypatch, jobs):
    # A bug met in one article (simulated: the entity rules raise on it) must not stop a
    # 10,000-article build with a traceback, on one core or on worker processes, nor cost
    # that article: it is published with its text as written, and a warning names it.
    from pressroom import parallel, pipeline
    from pressroom.nlp import entities

    monkeypatch.setattr(parallel, "MINIMUM", 2)
    real = entities.extract

    def extract(text, lex=None):
        if "zyzzyva" in text:
            raise ValueError("simulated bug")
        return real(text, lex)

    monkeypatch.setattr(entities, "extract", extract)
    for i in range(6):
        (project / "sources" / f"s{i}.txt").write_text(f"Release {i}\nPlain text {i}.\n", encoding="utf-8")
    (project / "sources" / "bad.txt").write_text('Bad release\nA zyzzyva ate the text, "said" Jo Roe.\n', encoding="utf-8")
    report = pipeline.build(project / "sources", project / "docs", workers=jobs, cache_dir=project / ".cache")
    assert not report.errors
    [problem] = [p for p in report.warnings if p.path.endswith("bad.txt")]
    assert "internal error while annotating (ValueError: simulated bug)" in str(problem)
    assert "published unannotated" in str(problem)
    assert report.articles == 7 and len(list((project / "docs" / "articles").glob("*.md"))) == 7
    page = (project / "docs" / "articles" / "bad-release.md").read_text(encoding="utf-8")
    assert "A zyzzyva ate the text" in page and "<mark" not in page and "could not be annotated" in page
    # it is not cached: the next build tries again (and says so again)
    again = pipeline.build(project / "sources", project / "docs", workers=jobs, cache_dir=project / ".cache")
    assert again.annotated == 1 and [p for p in again.warnings if p.path.endswith("bad.txt")]


def test_a_prolific_speaker_gets_the_newest_quotes_and_a_page_per_year(project: Path, monkeypatch):
    # An attorney general quoted in every release of a large archive had thousands of quotes
    # on one page. Past QUOTES_SPLIT (lowered here), the person's page shows the newest
    # QUOTES_SHOWN and links to a page per year that lists every quote of that year, each once.
    import re

    from pressroom import directory, indexes, pipeline

    monkeypatch.setattr(directory, "QUOTES_SPLIT", 2)
    monkeypatch.setattr(directory, "QUOTES_SHOWN", 2)
    for i, day in enumerate(["2022-03-01", "2023-05-02", "2023-07-09", "2024-01-15", "2024-02-20"]):
        (project / "sources" / f"r{i}.txt").write_text(
            f"---\ndate: {day}\n---\nRelease {i}\n\"Berth {i} is open,\" said Ola Brandt, a spokeswoman for the Port Authority.\n",
            encoding="utf-8")
    (project / "sources" / "undated.txt").write_text("Undated release\n\"No date on this one,\" said Ola Brandt.\n", encoding="utf-8")
    report = pipeline.build(project / "sources", project / "docs", project / "mkdocs.yml", workers=1, cache_dir=project / ".cache")
    assert not report.errors
    people = project / "docs" / "people"
    main = (people / "ola-brandt.md").read_text(encoding="utf-8")
    assert "Quotes (6)" in main and re.findall(r"Berth (\d) is open", main) == ["4", "3"]  # the newest two
    assert re.findall(r'href="(\w+)/">', main) == ["2024", "2023", "2022", "undated"]
    seen = []
    for year, berths in [("2024", ["4", "3"]), ("2023", ["2", "1"]), ("2022", ["0"]), ("undated", [])]:
        page = (people / "ola-brandt" / f"{year}.md").read_text(encoding="utf-8")
        assert re.findall(r"Berth (\d) is open", page) == berths, year
        assert f"<strong>{year.capitalize()}</strong>" in page and f'href="../{year}/"' not in page  # where the reader is
        assert 'href="../../../articles/release-' in page or year == "undated"
        seen += re.findall(r"<q>(.*?)</q>", page)
    assert len(seen) == len(set(seen)) == 6
    # nothing changed: no listing page is made again (they are kept as they are on disk)
    made = []
    monkeypatch.setattr(indexes, "_page", lambda *a, real=indexes._page: made.append(a[0]) or real(*a))
    again = pipeline.build(project / "sources", project / "docs", project / "mkdocs.yml", workers=1, cache_dir=project / ".cache")
    assert again.written == () and made == []
    # below the threshold again: the year pages go, the person's page lists every quote
    monkeypatch.setattr(directory, "QUOTES_SPLIT", 100)
    report = pipeline.build(project / "sources", project / "docs", project / "mkdocs.yml", workers=1)
    assert not (people / "ola-brandt").exists() and len(report.removed) == 4
    assert len(re.findall(r"<q>", (people / "ola-brandt.md").read_text(encoding="utf-8"))) == 6


def test_a_person_named_like_a_letter_page_does_not_take_its_place(project: Path):
    # "Letter B" (quoted twice) would have had people/letter-b.md, the page of the people
    # under B: the two pages took turns on every rebuild. The person stays in the sections.
    from pressroom import pipeline

    (project / "sources" / "a.txt").write_text(
        "---\ndate: 2024-01-02\n---\nCouncil vote\n\"We agree,\" said Letter B, a councillor, in Oslo.\n"
        "\"We agree again,\" said Letter B, a councillor.\n", encoding="utf-8")
    (project / "sources" / "b.txt").write_text("---\ndate: 2024-01-03\n---\nHarbour news\nBo Lind, a pilot, attended the opening in Bergen.\n", encoding="utf-8")
    for _ in range(2):
        report = pipeline.build(project / "sources", project / "docs", project / "mkdocs.yml", workers=1, cache_dir=project / ".cache")
    assert report.written == ()
    people = project / "docs" / "people"
    assert "title: 'People: B'" in (people / "letter-b.md").read_text(encoding="utf-8")
    assert 'id="letter-b">Letter B<' in (people / "letter-l.md").read_text(encoding="utf-8")


def test_a_letter_page_lists_a_person_only_named_by_their_articles(project: Path):
    # Hundreds of people are only named; each section of a letter page said "Quotes (0)"
    # and "No direct quotes", making the page three times as long as what it tells.
    from pressroom import pipeline

    (project / "sources" / "a.txt").write_text(
        "---\ndate: 2024-01-03\n---\nHarbour news\nBo Lind, a pilot, attended the opening in Bergen. "
        "\"It went well,\" said Ben Lund, a harbour master.\n", encoding="utf-8")
    pipeline.build(project / "sources", project / "docs", project / "mkdocs.yml", workers=1)
    page = (project / "docs" / "people" / "letter-b.md").read_text(encoding="utf-8")  # by given name
    named, quoted = page.split('id="bo-lind"')[1].split("<h2")[0], page.split('id="ben-lund"')[1].split("<h2")[0]
    assert "Harbour news" in named
    assert "Quotes (" not in named and "No direct quotes" not in named
    assert "Quotes (1)" in quoted and "It went well" in quoted
