"""Every route to a site gives one whose search works: the search index is written by MkDocs
itself (the pressroom plugin), so a plain `mkdocs build`, `mkdocs serve`, `mkdocs gh-deploy`
and the make targets that run them all have it. Each route is searched in headless Chromium,
offline (gh-deploy pushes to a local bare repository)."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .browser import browser, serve
from .conftest import SAMPLE, skeleton
from .test_serve import fetch, free_port, wait_for

pytestmark = pytest.mark.browser

BIN = Path(sys.executable).parent
QUOTE = "shared future for mankind"  # words of a quote in the sample
TITLE = "China-Russia mutual trust improving"
GIT_ID = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
          "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}


def _env(**more) -> dict:
    keep = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "SITE_URL")}
    return {**keep, "NO_MKDOCS_2_WARNING": "1", **GIT_ID, **more}


def _run(args, cwd: Path, **kw) -> subprocess.CompletedProcess:
    r = subprocess.run(args, cwd=cwd, env=_env(), capture_output=True, text=True, timeout=300, **kw)
    assert r.returncode == 0, f"{args}: {r.stdout}{r.stderr}"
    return r


@pytest.fixture(scope="module")
def chromium():
    with browser() as b:
        yield b


def search(b, base: str, query: str, tries: float = 0) -> str:
    """Type a query into the header search box; the results' text (retried for ``tries``
    seconds while the index is not there yet, as in a live preview just rebuilt)."""
    from playwright.sync_api import Error as BrowserError

    deadline = time.monotonic() + tries
    while True:
        page = b.new_page(viewport={"width": 1280, "height": 900})
        try:
            page.goto(base + "/about/")
            page.click("input.md-search__input")
            page.keyboard.type(query, delay=10)
            page.wait_for_function("document.querySelector('.md-search-result__meta').textContent"
                                   ".match(/matching|not available/)", timeout=10000)
            if page.inner_text(".md-search-result__meta")[0].isdigit():  # "3 matching documents"
                page.wait_for_selector(".md-search-result__item", timeout=10000)
            text = page.inner_text(".md-search-result")
        except BrowserError:  # a live preview reloaded the page under the query (a rebuild)
            if time.monotonic() > deadline:
                raise
            text = ""
        finally:
            page.close()
        # ("No matching documents" too is an answer, but maybe from the index before a
        # rebuild: tried again until results come or the time is up)
        if re.match(r"\s*\d+ matching document", text) or time.monotonic() > deadline:
            return text
        time.sleep(0.5)


def _project(folder: Path) -> Path:
    skeleton(folder)
    shutil.copy(SAMPLE, folder / "sources" / SAMPLE.name)
    return folder


def _git_with_remote(project: Path) -> Path:
    """The project as a git repository whose origin is a bare repository beside it."""
    remote = project.parent / f"{project.name}-remote.git"
    _run(["git", "init", "-q", "--bare", str(remote)], project.parent)
    _run(["git", "init", "-q"], project)
    _run(["git", "add", "-A"], project)
    _run(["git", "commit", "-q", "-m", "archive"], project)
    _run(["git", "remote", "add", "origin", str(remote)], project)
    return remote


def _checkout_pages(remote: Path, into: Path) -> Path:
    """What GitHub Pages would publish: the gh-pages branch pushed to the remote."""
    into.mkdir()
    archive = subprocess.run(["git", "--git-dir", str(remote), "archive", "gh-pages"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def test_plain_mkdocs_build_after_pressroom_build(tmp_path, chromium):
    project = _project(tmp_path / "p")
    _run([str(BIN / "pressroom"), "build"], project)
    _run([str(BIN / "mkdocs"), "build"], project)  # no --strict, no make: as a Material user would
    with serve(project / "site") as base:
        assert TITLE in search(chromium, base, QUOTE)


def test_mkdocs_gh_deploy_publishes_search(tmp_path, chromium):
    project = _project(tmp_path / "p")
    _run([str(BIN / "pressroom"), "build"], project)
    remote = _git_with_remote(project)
    _run([str(BIN / "mkdocs"), "gh-deploy", "--force"], project)
    pages = _checkout_pages(remote, tmp_path / "pages")
    assert (pages / "pagefind" / "pagefind-entry.json").is_file()
    with serve(pages) as base:
        assert TITLE in search(chromium, base, QUOTE)


def _start(args, cwd: Path, log: Path) -> subprocess.Popen:
    return subprocess.Popen(args, cwd=cwd, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True, env=_env())


def _stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM if proc.args[0].endswith("pressroom") else signal.SIGINT)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # whatever is left of the group
    except ProcessLookupError:
        pass
    proc.wait()


@pytest.mark.parametrize("command", ["mkdocs serve", "pressroom serve"])
def test_live_preview_has_search_and_follows_a_new_source(tmp_path, chromium, command):
    project = _project(tmp_path / "p")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    if command == "mkdocs serve":  # a Material user's own preview, after a pressroom build
        _run([str(BIN / "pressroom"), "build"], project)
        args = [str(BIN / "mkdocs"), "serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}"]
    else:  # = make serve
        args = [str(BIN / "pressroom"), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    log = tmp_path / "serve.log"
    proc = _start(args, project, log)
    try:
        html, _ = wait_for(base + "/pagefind/pagefind-entry.json", lambda h: "languages" in h, timeout=60)
        assert html, log.read_text()
        # (the index is written after each build, in the background: a moment after the page)
        assert TITLE in search(chromium, base, QUOTE, tries=30), log.read_text()
        if command == "pressroom serve":  # the index is made again after a rebuild
            (project / "sources" / "ferry.txt").write_text(
                "Ferry line resumes\n\"The quillowick ferry runs again,\" said Mayor Anna Berg.\n", encoding="utf-8")
            assert "Ferry line resumes" in search(chromium, base, "quillowick", tries=30), log.read_text()
    finally:
        _stop(proc)
    assert fetch(base + "/") is None  # nothing is left serving


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_new_archive_make_site_and_make_deploy(tmp_path, chromium):
    """A `pressroom new` archive's Makefile (the same targets as this project's): `make site`
    and `make deploy` both publish a site whose search works."""
    from pressroom.cli import main

    archive = tmp_path / "a"
    assert main(["new", str(archive)]) == 0
    venv = f"VENV={BIN.parent}"  # the test venv has pressroom: no new venv to fill
    _run(["make", "site", venv], archive)
    with serve(archive / "site") as base:
        assert "Lindenfeld opens its first rain garden" in search(chromium, base, "rain garden")
    remote = _git_with_remote(archive)
    _run(["make", "deploy", venv], archive)
    pages = _checkout_pages(remote, tmp_path / "pages")
    with serve(pages) as base:
        assert "Lindenfeld opens its first rain garden" in search(chromium, base, "rain garden")
