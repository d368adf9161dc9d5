"""The review queue as a page: shown by the live preview (`pressroom serve`, `mkdocs serve`),
never in a built site nor in its search (issue 16); its text from sources shown as text."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import markdown
import yaml

from pressroom import pipeline, review

from .conftest import skeleton
from .test_review import FIXTURES
from .test_serve import PRESSROOM, free_port, wait_for

HOSTILE = 'Jo <script>alert(1)</script> ```\n\n# {{ config }} [x](javascript:alert(1)) <b>bold</b>'


def test_text_from_sources_is_shown_as_text():
    item = review.Item("no speaker", ("sources/a<b>.txt",), HOSTILE, "sources/a<b>.notes.yml",
                       yaml.safe_dump({"corrections": [{"quote": HOSTILE, "speaker": None}]}), 1)
    text = review.page([item], {"sources/a<b>.txt": ("../articles/a/", "A <i>title</i>")})
    front, body = text.split("---\n", 2)[1:]
    assert yaml.safe_load(front) == {"title": "Review queue", "search": {"exclude": True}}
    html = markdown.markdown(body, extensions=["md_in_html", "attr_list"])
    for markup in ("<script", "<b>", "<i>", 'href="javascript', "{{ config }}"):
        assert markup not in html, markup
    assert "&lt;script&gt;" in html and "A &lt;i&gt;title&lt;/i&gt;" in html
    # the YAML stays one block, with its blank line: what a browser shows, pasted, is the item's YAML
    assert html.count("<pre>") == 1 and "&#10;&#10;" in html
    assert "Nothing to review" in review.page([], {})


def _archive(root: Path) -> Path:
    skeleton(root)
    for path in FIXTURES.glob("*.txt"):
        shutil.copy(path, root / "sources" / path.name)
    return root


def _queue(root: Path) -> list[review.Item]:
    g = pipeline.gather(root / "sources", root / "docs", root / "mkdocs.yml", cache_dir=root / ".pressroom-cache")
    return review.queue(pipeline.whole(g, g.articles, root / ".pressroom-cache"))


def _pagefind_urls(site: Path) -> set[str]:
    """The page of every fragment of the Pagefind index (gzip: "pagefind_dcd" + JSON)."""
    out = set()
    for f in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(f.read_bytes())
        out.add(json.loads(data[len(b"pagefind_dcd"):])["url"])
    return out


def test_a_built_site_and_its_search_leave_the_queue_out(tmp_path: Path):
    root = _archive(tmp_path / "archive")
    items = _queue(root)
    assert len(items) >= 5
    subprocess.run([str(PRESSROOM), "build"], cwd=root, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root, check=True, capture_output=True,
                   env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    site = root / "site"
    assert (site / "articles").is_dir() and not (site / "review").exists()
    texts = {p: p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.suffix in (".html", ".json", ".xml")}
    assert not [p for p, t in texts.items() if "Review queue" in t or "review/" in t]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d for d in index["docs"] if "review" in d["location"] or "Paste into" in d["text"]]
    urls = _pagefind_urls(site)  # the articles, and the pages of the names they give
    assert sum(u.startswith("/articles/") for u in urls) == 3, urls
    assert all(u.split("/")[1] in ("articles", "people", "organizations", "places") for u in urls), urls


def test_the_preview_shows_the_queue_and_follows_curation_yml(tmp_path: Path):
    root = _archive(tmp_path / "archive")
    items = _queue(root)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([str(PRESSROOM), "serve", "--dev-addr", f"127.0.0.1:{port}"], cwd=root, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    try:
        html, _ = wait_for(f"{base}/review/", lambda h: "Review queue" in h, timeout=40)
        assert html is not None, (tmp_path / "serve.log").read_text()
        assert html.count('<li id="item-') == len(items)
        first = items[0]  # "Robert Lund" and "Bobby Lund": one person?
        assert first.kind == "one person?" and "Bobby Lund" in html
        assert 'href="../articles/harbour-plan-approved/"' in html  # each item links to its article
        # out of the preview's search too: MkDocs' index, and Pagefind's (articles only)
        index, _ = wait_for(f"{base}/search/search_index.json", lambda h: '"docs"' in h, timeout=5)
        assert "Review queue" not in index and "Paste into" not in index
        entry, _ = wait_for(f"{base}/pagefind/pagefind-entry.json", lambda h: "page_count" in h, timeout=30)
        assert entry is not None and json.loads(entry)["languages"]["en"]["page_count"] == _built_page_count(root, tmp_path)
        # the editor pastes the first item's YAML into curation.yml: the preview rebuilds, and
        # the queue no longer has it
        (root / "curation.yml").write_text(first.yaml + "\n", encoding="utf-8")
        html, seconds = wait_for(f"{base}/review/", lambda h: h.count('<li id="item-') == len(items) - 1, timeout=20)
        assert html is not None and "Bobby Lund" not in html, (tmp_path / "serve.log").read_text()
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        log.close()


def _built_page_count(root: Path, tmp_path: Path) -> int:
    """How many pages Pagefind indexes in a built site of the same archive (no review page)."""
    built = tmp_path / "built-site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(built)], cwd=root, check=True,
                   capture_output=True, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    entry = json.loads((built / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert not (built / "review").exists()
    return entry["languages"]["en"]["page_count"]
