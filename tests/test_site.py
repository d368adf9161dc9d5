"""The real site: pressroom build, then mkdocs build --strict, then look at the HTML."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from .conftest import SAMPLE


def build_site(project: Path) -> Path:
    """`make site`'s two steps; the search index is written by MkDocs (the pressroom plugin)."""
    subprocess.run([sys.executable, "-m", "pressroom.cli", "build"], cwd=project, check=True, capture_output=True)
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project, capture_output=True, text=True,
                       env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    assert (project / "site" / "pagefind" / "pagefind-entry.json").is_file(), r.stderr
    return project / "site"


def test_sample_page_and_search_index(project: Path):
    (project / "sources" / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    site = build_site(project)
    # the home page is titled once by the site's name; a tags page with no tags says why
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Press archive</title>" in home
    assert "No article has tags yet" in (site / "tags" / "index.html").read_text(encoding="utf-8")
    page = (site / "articles" / "china-russia-mutual-trust-improving" / "index.html").read_text(encoding="utf-8")
    marks = re.findall(r'<mark class="quote"[^>]*data-speaker="Tan Kefei"', page)
    assert len(marks) == 5
    assert 'Jinping"s' not in page and "Jinping&quot;s" not in page
    assert "Xi Jinping's" in page or "Xi Jinping&#x27;s" in page
    assert 'class="pr-scare"' in page
    # search is Pagefind's: its index covers the article pages and the pages of people,
    # organisations and places (so a name finds its page), and no other listing;
    # Material's own index is left empty so no reader downloads it
    indexed = sorted(str(p.parent.relative_to(site)) for p in site.rglob("index.html")
                     if "data-pagefind-body" in p.read_text(encoding="utf-8"))
    assert indexed == ["articles/china-russia-mutual-trust-improving", "organizations/letter-m", "people/letter-l",
                       "people/letter-s", "people/letter-v", "people/letter-x", "people/tan-kefei",
                       "places/letter-c", "places/letter-r", "places/letter-t"]
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sum(lang["page_count"] for lang in entry["languages"].values()) == len(indexed)
    material = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(d["location"].startswith(("articles/", "people/")) for d in material["docs"])


def test_header_tags_make_tag_pages(project: Path):
    (project / "sources" / "a.txt").write_text(
        "---\ntags: [defense, russia]\ndate: 2023-04-19\n---\nTagged story\nA short text.\n", encoding="utf-8")
    site = build_site(project)
    page = (site / "articles" / "tagged-story" / "index.html").read_text(encoding="utf-8")
    assert 'class="md-tag' in page and ">defense<" in page
    tags = (site / "tags" / "index.html").read_text(encoding="utf-8")
    assert "Tagged story" in tags and "russia" in tags
    assert "No article has tags yet" not in tags
    # the archive files it under its month
    year = (site / "archive" / "2023" / "index.html").read_text(encoding="utf-8")
    assert 'id="2023-04"' in year and "Tagged story" in year


def test_every_speech_quote_is_counted_on_the_quotes_page(project: Path):
    (project / "sources" / "a.txt").write_text(
        'Budget row\n"We will not sign this," said a senior aide.\n'
        '"Nor will we," the Harbour Board said in a statement.\n'
        '"It is a fair budget," said Mayor Ellen Ashford.\n', encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pressroom.cli", "build"], cwd=project, check=True, capture_output=True)
    page = (project / "docs" / "quotes" / "index.md").read_text(encoding="utf-8")
    data = json.loads((project / "docs" / "data" / "quotes.json").read_text(encoding="utf-8"))
    listed = len(re.findall(r"<li><q>", page))
    unknown = re.search(r"Speaker unknown <small>\((\d+)\)", page)
    assert listed + (int(unknown.group(1)) if unknown else 0) == len(data["quotes"]) == 3


def test_research_data_joins_the_names_of_one_speaker(project: Path):
    # The pages merge "Ellison" into "Keith Ellison"; the data said only "Ellison", so an
    # analyst counting quotes by speaker split one person in two.
    (project / "sources" / "a.txt").write_text(
        '---\ndate: 2024-01-02\n---\nSettlement reached\n"We won," said Attorney General Keith Ellison.\n', encoding="utf-8")
    (project / "sources" / "b.txt").write_text(
        '---\ndate: 2024-01-03\n---\nAppeal filed\n"We will appeal," Ellison said on Tuesday.\n'
        '"The budget is fair," said a senior aide.\n', encoding="utf-8")
    subprocess.run([sys.executable, "-m", "pressroom.cli", "build"], cwd=project, check=True, capture_output=True)
    data = json.loads((project / "docs" / "data" / "quotes.json").read_text(encoding="utf-8"))
    by = {q["speaker"]: q["speaker_url"] for q in data["quotes"]}
    assert by["Ellison"] == by["Keith Ellison"] == "people/keith-ellison/"
    assert by["senior aide"] is None


def test_counts_read_as_english(project: Path):
    # "1 articles" on the People page of a one-article archive; counts agree with their noun
    (project / "sources" / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    subprocess.run([sys.executable, "-m", "pressroom.cli", "build"], cwd=project, check=True, capture_output=True)
    docs = project / "docs"
    people = (docs / "people" / "index.md").read_text(encoding="utf-8")
    assert "5 quotes · 1 article</small>" in people and "1 articles" not in people
    home = (docs / "index.md").read_text(encoding="utf-8")
    assert '"pr-stats">1 article · 5 direct quotes · 1 speaker</p>' in home


def test_mkdocs_before_pressroom_build_says_what_to_run(project: Path):
    # a fresh clone: docs/ has only the hand-written pages; MkDocs would warn once per page
    # of the nav that pressroom writes, then abort in strict mode
    for command in (["build"], ["build", "--no-strict"], ["gh-deploy", "--force"]):
        r = subprocess.run([sys.executable, "-m", "mkdocs", *command], cwd=project, capture_output=True, text=True,
                           env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
        lines = [line for line in (r.stdout + r.stderr).splitlines() if line.strip()]
        assert r.returncode == 1
        assert lines == ["docs/ has no pages from pressroom yet: run `make site` "
                         "(or `pressroom build` before `mkdocs build`)"], command
    assert not (project / "site").exists()
    # and once pressroom has built docs/, the same command builds the site, search included
    (project / "sources" / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    subprocess.run([sys.executable, "-m", "pressroom.cli", "build"], cwd=project, check=True, capture_output=True)
    r = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=project, capture_output=True, text=True,
                       env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0 and (project / "site" / "pagefind").is_dir(), r.stderr
