"""`pressroom serve`: a changed source shows up in the served page within 5 seconds, and
the page carries MkDocs' live-reload script (off without a word under click 8.2.2-8.3.x)."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import skeleton

ROOT = Path(__file__).resolve().parents[1]
PRESSROOM = Path(sys.executable).with_name("pressroom")

ARTICLE = """\
Harbour town opens lighthouse museum
PORTVALE, March 3, 2024 -- The town of Portvale opened a museum in its old lighthouse on Sunday.
"We kept the lamp and the logbooks," said Mayor Anna Berg.
"""
SLUG = "harbour-town-opens-lighthouse-museum"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(url: str, predicate, timeout: float) -> tuple[str | None, float]:
    """Poll url until predicate(html) holds; (html, seconds waited) or (None, timeout)."""
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        html = fetch(url)
        if html is not None and predicate(html):
            return html, time.monotonic() - t0
        time.sleep(0.1)
    return None, timeout


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    skeleton(tmp_path)
    (tmp_path / "sources" / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


# --dirty: MkDocs rebuilds only the pages whose files changed (see README, Live preview)
@pytest.mark.parametrize("extra", [[], ["--dirty"]], ids=["full", "dirty"])
def test_serve_shows_a_changed_source_within_5_seconds(archive: Path, extra):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    page = f"{base}/articles/{SLUG}/"
    log = (archive / "serve.log").open("w")
    proc = subprocess.Popen(
        [str(PRESSROOM), "serve", "--dev-addr", f"127.0.0.1:{port}", *extra],
        cwd=archive, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )
    try:
        html, _ = wait_for(page, lambda h: "Portvale" in h, timeout=30)
        assert html is not None, f"the article was never served; log:\n{(archive / 'serve.log').read_text()}"
        # MkDocs injects its live-reload poller only when live reload is on.
        assert "livereload" in html, "live reload is off (click 8.2.2-8.3.x?): no livereload script in the page"

        source = archive / "sources" / "harbour.txt"
        source.write_text(ARTICLE + "Visitors may climb to the quillowick gallery.\n", encoding="utf-8")
        html, seconds = wait_for(page, lambda h: "quillowick" in h, timeout=5)
        assert html is not None, f"the change was not served within 5 s; log:\n{(archive / 'serve.log').read_text()}"
        print(f"source change served after {seconds:.2f} s")

        # A new source gets its page too.
        (archive / "sources" / "ferry.txt").write_text(
            "Ferry line to Portvale resumes\nThe ferry runs twice a day again, the harbour office said.\n",
            encoding="utf-8",
        )
        html, _ = wait_for(f"{base}/articles/ferry-line-to-portvale-resumes/", lambda h: "twice a day" in h, timeout=5)
        assert html is not None, "a new source was not served within 5 s"
        # and the listing pages follow (with --dirty too: the build rewrote them)
        html, _ = wait_for(f"{base}/", lambda h: "Ferry line to Portvale resumes" in h, timeout=5)
        assert html is not None, "the home page did not list the new article within 5 s"

        # A note added beside a source is a change to its page as well.
        (archive / "sources" / "harbour.notes.yml").write_text(
            "notes:\n  - phrase: old lighthouse\n    note: Built in 1871 by the zorbleton guild.\n", encoding="utf-8")
        html, _ = wait_for(page, lambda h: "zorbleton" in h, timeout=5)
        assert html is not None, "a new note was not served within 5 s"
    finally:
        # pressroom stops MkDocs cleanly on SIGTERM; then the whole group goes, whatever is left.
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()
        log.close()
