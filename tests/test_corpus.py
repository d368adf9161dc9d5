"""The real corpus of ../shared/corpus (read there, never copied into this repository):
every article built into a strict MkDocs site, and every edge_* file handled as it should be."""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLE, shared_path, skeleton
from .test_site import build_site


def _manifest(corpus: Path) -> dict[str, dict]:
    return {r["file"]: r for r in map(json.loads, (corpus / "manifest.jsonl").read_text(encoding="utf-8").splitlines())}


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    corpus = shared_path("corpus")
    manifest = _manifest(corpus)

    project = tmp_path_factory.mktemp("corpus")
    skeleton(project)
    sources = project / "sources"
    shutil.copy(SAMPLE, sources / SAMPLE.name)
    reuters = None
    for path in sorted(corpus.glob("[0-9]*.txt")):
        data = path.read_bytes()
        meta = manifest[path.name]
        if reuters is None and "Reuters" in (meta.get("publisher") or "") and meta.get("date"):
            # A wire story's dateline has no year: its owner gives the date in a header,
            # the way README's source format says.
            data = f"---\ndate: {meta['date']}\npublisher: Reuters\n---\n".encode() + data
            reuters = (path.name, meta)
        (sources / path.name).write_bytes(data)
    site = build_site(project)
    return project, site, reuters


def test_every_article_is_built_and_strict_mkdocs_passes(corpus_site):
    project, site, _ = corpus_site
    n = len(list((project / "sources").glob("*.txt")))
    assert len(list((site / "articles").glob("*/index.html"))) == n


def test_tan_kefei_page_lists_his_five_quotes(corpus_site):
    _, site, _ = corpus_site
    page = (site / "people" / "tan-kefei" / "index.html").read_text(encoding="utf-8")
    assert "Quotes (5)" in page
    assert len(re.findall(r'<li><q>', page.split('id="articles"')[0])) == 5


def test_dated_reuters_story_appears_under_its_month(corpus_site):
    _, site, (name, meta) = corpus_site
    year, month = meta["date"][:4], meta["date"][5:7]
    page = (site / "archive" / year / "index.html").read_text(encoding="utf-8")
    section = page.split(f'id="{year}-{month}"')[1].split("<h2")[0]
    title_words = meta["title"].split()[:3]
    assert all(html.escape(w) in section for w in title_words), section[:500]


def test_quotes_json_holds_every_speech_quote(corpus_site):
    project, site, _ = corpus_site
    data = json.loads((site / "data" / "quotes.json").read_text(encoding="utf-8"))
    out = subprocess.run([sys.executable, "-m", "pressroom.cli", "annotate", "--json", *sorted(str(p) for p in (project / "sources").glob("*.txt"))],
                         capture_output=True, text=True, check=True).stdout
    expected = sorted((q["text"], q["start"]) for line in out.splitlines() for q in json.loads(line)["quotes"] if q["kind"] == "speech")
    assert sorted((q["text"], q["start"]) for q in data["quotes"]) == expected
    assert len(expected) > 300  # the corpus is quote-rich: an empty export would be a bug


def _build_one(tmp_path: Path, corpus: Path, name: str) -> tuple[subprocess.CompletedProcess, Path]:
    (tmp_path / "sources").mkdir(parents=True, exist_ok=True)
    shutil.copy(corpus / name, tmp_path / "sources" / name)
    r = subprocess.run([sys.executable, "-m", "pressroom.cli", "build"], cwd=tmp_path, capture_output=True, text=True)
    return r, tmp_path / "docs" / "articles"


def test_edge_files(tmp_path: Path):
    corpus = shared_path("corpus")
    r, _ = _build_one(tmp_path / "empty", corpus, "edge_empty.txt")
    assert r.returncode == 1 and "sources/edge_empty.txt: file is empty" in r.stderr
    r, _ = _build_one(tmp_path / "title", corpus, "edge_title_only.txt")
    assert r.returncode == 1 and "sources/edge_title_only.txt:1: file has a title but no text" in r.stderr

    r, out = _build_one(tmp_path / "gb", corpus, "edge_gb18030_encoded.txt")
    assert r.returncode == 0 and "decoded as gb18030" in r.stderr
    (page,) = out.glob("*.md")
    assert "José" in page.read_text(encoding="utf-8")

    r, out = _build_one(tmp_path / "moji", corpus, "edge_mojibake.txt")
    assert r.returncode == 0 and "repaired mojibake" in r.stderr
    text = next(out.glob("*.md")).read_text(encoding="utf-8").split('<details class="pr-original">')[0]
    assert "â€" not in text and "\u0080" not in text and "’" in text

    r, out = _build_one(tmp_path / "html", corpus, "edge_html_script_tags.txt")
    assert r.returncode == 0
    text = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert "&lt;script" in text and "<script" not in text

    r, out = _build_one(tmp_path / "apos", corpus, "edge_mangled_apostrophes.txt")
    text = next(out.glob("*.md")).read_text(encoding="utf-8").split('<details class="pr-original">')[0]
    assert r.returncode == 0 and not re.search(r"\w&quot;s\b", text) and "China&#x27;s" in text

    for name in ("edge_crlf_line_endings.txt", "edge_utf8_bom.txt", "edge_very_long.txt", "edge_title_colon_quotes.txt"):
        r, out = _build_one(tmp_path / name, corpus, name)
        assert r.returncode == 0, r.stderr
        assert len(list(out.glob("*.md"))) == 1
