"""Headless Chromium for tests, driven by Playwright (no browser download needed).

The browser is found in this order: ``PRESSROOM_CHROMIUM=/path`` (that one or none),
Debian's ``chromium`` (on PATH, or /usr/bin/chromium), then Playwright's own browser where
``playwright install chromium`` could download it. Without one, the browser tests are
skipped with one line saying how to get one; with ``PRESSROOM_REQUIRE_BROWSER=1`` (set by
.ci/run) they fail instead, so CI never skips them.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

EXPLICIT = "PRESSROOM_CHROMIUM"
REQUIRE = "PRESSROOM_REQUIRE_BROWSER"
DEBIAN = ("chromium", "/usr/bin/chromium")  # a name looked up on PATH, or a path
HOW = ("install one (Debian/Ubuntu: apt-get install chromium; elsewhere: "
       ".venv/bin/python -m playwright install chromium) or set PRESSROOM_CHROMIUM=/path/to/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-quic", "--no-first-run"]


def _runnable(path: str | None) -> bool:
    return bool(path) and Path(path).is_file() and os.access(path, os.X_OK)


def playwright_chromium() -> str | None:
    """The Chromium that ``playwright install chromium`` downloaded, if it did."""
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            return p.chromium.executable_path
    except Exception:  # noqa: BLE001 - no Playwright, or its driver cannot start: no browser from it
        return None


def find_chromium(env=os.environ, debian=DEBIAN, playwright=playwright_chromium) -> tuple[str | None, str]:
    """(path, "") of a browser to test with, or (None, why there is none)."""
    explicit = env.get(EXPLICIT)
    if explicit:
        return (explicit, "") if _runnable(explicit) else (None, f"{EXPLICIT}={explicit} is not a program")
    for name in debian:
        path = shutil.which(name) if os.sep not in name else name
        if _runnable(path):
            return path, ""
    path = playwright()
    if _runnable(path):
        return path, ""
    return None, "no Chromium found"


@functools.lru_cache(maxsize=1)
def _found() -> tuple[str | None, str]:
    return find_chromium()


def need_chromium() -> str:
    """The browser's path; or a skip (a failure under PRESSROOM_REQUIRE_BROWSER=1) that says
    how to get one. Raised from this one line, pytest folds every skip into one summary line."""
    path, why = _found()
    if path:
        return path
    message = f"browser tests: {why}; {HOW}"
    if os.environ.get(REQUIRE, "") not in ("", "0"):
        pytest.fail(f"{message} ({REQUIRE} is set: a missing browser is a failure)", pytrace=False)
    pytest.skip(message)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    sent: list  # bytes of every response body, in order (set per server)

    def log_message(self, *args):
        pass

    def copyfile(self, source, outputfile):
        data = source.read()
        self.sent.append((self.path, len(data)))
        outputfile.write(data)


@contextlib.contextmanager
def serve(folder: Path, sent: list | None = None):
    """Serve a built site on 127.0.0.1 (a free port) for the length of a with-block.
    ``sent`` collects (path, size) of every response body (what a reader downloads)."""
    handler_class = type("_Handler", (_Quiet,), {"sent": sent if sent is not None else []})
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextlib.contextmanager
def browser():
    from playwright.sync_api import sync_playwright

    path = need_chromium()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=FLAGS, headless=True)
        try:
            yield b
        finally:
            b.close()


@contextlib.contextmanager
def served_page(site: Path, width: int = 1280, height: int = 900):
    """A browser page on a built site served on 127.0.0.1; ``page.base`` is the site's URL."""
    with serve(site) as base, browser() as b:
        page = b.new_page(viewport={"width": width, "height": height})
        page.base = base
        try:
            yield page
        finally:
            page.close()
