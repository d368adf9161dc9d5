"""Headless Chromium for tests: Debian's chromium driven by Playwright (no browser download)."""
from __future__ import annotations

import contextlib
import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-quic", "--no-first-run"]


def need_chromium() -> str:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"browser tests need Debian's chromium at {CHROMIUM}; .ci/run installs it (apt-get install chromium)")
    return CHROMIUM


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

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=need_chromium(), args=FLAGS, headless=True)
        try:
            yield b
        finally:
            b.close()
