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


# -- binding like MkDocs, and `pressroom view` (make view) ------------------------------

from pressroom.serve import address_problem, parse_address  # noqa: E402


@pytest.mark.parametrize("dev_addr, expected", [
    ("127.0.0.1:8000", ("127.0.0.1", 8000)),
    ("localhost:8001", ("localhost", 8001)),
    ("[::1]:8000", ("::1", 8000)),
    ("127.0.0.1", None),
    (":8000", None),
    ("127.0.0.1:port", None),
    ("127.0.0.1:70000", None),
])
def test_parse_address(dev_addr, expected):
    assert parse_address(dev_addr) == expected
    if expected is None:
        assert address_problem(dev_addr) == f"--dev-addr {dev_addr}: expected HOST:PORT, e.g. 127.0.0.1:8000"


def _time_wait_port() -> int:
    """A port whose server just stopped, its side of a connection left in TIME_WAIT (the
    server closed first, as an HTTP server does)."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port))
    conn, _ = listener.accept()
    conn.close()  # the server's side closes first: TIME_WAIT is on its port
    client.recv(1)
    client.close()
    listener.close()
    return port


def test_a_port_in_time_wait_is_free_to_serve_on():
    port = _time_wait_port()
    with socket.socket() as plain, pytest.raises(OSError):
        plain.bind(("127.0.0.1", port))  # the old check's bind, without address reuse, failed here
    assert address_problem(f"127.0.0.1:{port}") is None


def test_a_port_truly_taken_is_one_line(built):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert address_problem(f"127.0.0.1:{port}") == (
            f"127.0.0.1:{port}: cannot serve there (Address already in use); "
            "stop the other server or pass --dev-addr HOST:PORT")
        for command in (["serve"], ["view"]):
            r = subprocess.run([str(PRESSROOM), *command, "--dev-addr", f"127.0.0.1:{port}"], cwd=built,
                               capture_output=True, text=True, timeout=30)
            assert r.returncode == 1
            assert r.stderr.splitlines() == [f"127.0.0.1:{port}: cannot serve there (Address already in use); "
                                             "stop the other server or pass --dev-addr HOST:PORT"], r.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A folder with sources/, mkdocs.yml and a built site/ (index.html and 404.html)."""
    root = tmp_path_factory.mktemp("view")
    (root / "site").mkdir()
    (root / "sources").mkdir()
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (root / "site" / "index.html").write_text("<h1>Home</h1>", encoding="utf-8")
    (root / "site" / "404.html").write_text("<h1>Not here: zorbleton</h1>", encoding="utf-8")
    return root


def _stopped_by_ctrl_c(proc) -> str:
    """Send Ctrl-C's signal; the server's stderr once it has stopped. One that goes on
    serving is made to print where each of its threads is (faulthandler), then killed."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGABRT)
        proc.wait(timeout=10)
        pytest.fail(f"still serving 10 s after SIGINT; its threads:\n{proc.stderr.read()}")
    return proc.stderr.read()


def test_view_serves_404_html_for_unknown_paths(built):
    port = free_port()
    proc = subprocess.Popen([str(PRESSROOM), "view", "--dev-addr", f"127.0.0.1:{port}"], cwd=built,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONFAULTHANDLER="1"))
    try:
        assert proc.stdout.readline().startswith("pressroom: serving site/")
        assert fetch(f"http://127.0.0.1:{port}/") == "<h1>Home</h1>"
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/no/such/page/", timeout=5)
        assert err.value.code == 404 and err.value.read() == b"<h1>Not here: zorbleton</h1>"
        err.value.close()
    finally:
        stderr = _stopped_by_ctrl_c(proc)
    assert proc.returncode == 0 and "Traceback" not in stderr
    # a port whose server just stopped is served on at once (address reuse, as MkDocs does)
    port = _time_wait_port()
    proc = subprocess.Popen([str(PRESSROOM), "view", "--dev-addr", f"127.0.0.1:{port}"], cwd=built,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONFAULTHANDLER="1"))
    try:
        assert proc.stdout.readline().startswith("pressroom: serving"), proc.stderr.read()
    finally:
        _stopped_by_ctrl_c(proc)


def test_view_without_a_built_site_says_what_to_run(tmp_path):
    r = subprocess.run([str(PRESSROOM), "view", "--site", "nowhere"], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr == "nowhere: no built site here; run `make site` first\n"


@pytest.mark.parametrize("installed, expected", [
    ({"mkdocs", "properdocs"}, "mkdocs"),
    ({"mkdocs"}, "mkdocs"),
    ({"properdocs"}, "properdocs"),  # only MkDocs' fork: pressroom serve runs it
    (set(), "mkdocs"),  # neither: MkDocs' own "No module named mkdocs" says what is missing
])
def test_serve_runs_mkdocs_or_its_fork(monkeypatch, installed, expected):
    import importlib.util

    from pressroom.serve import mkdocs_command

    monkeypatch.setattr(importlib.util, "find_spec", lambda name: object() if name in installed else None)
    assert mkdocs_command("127.0.0.1:8000")[1:3] == ["-m", expected]
