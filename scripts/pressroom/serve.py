"""Live preview: ``pressroom serve`` = one ``pressroom build``, then MkDocs' dev server plus
a watcher on sources/ (with the notes sidecars), mkdocs.yml and curation.yml. The preview
also has the editor's review queue at /review/ (preview.py), which a built site leaves out.

The watcher polls those files' modification times (every half second; no extra
dependency) and reruns the build when a file is added, changed or removed. The build only
rewrites the pages that changed, MkDocs' own watcher on docs/ sees them, rebuilds the site
and reloads the browser.

MkDocs runs as a child process with ``--livereload`` passed explicitly: with click
8.2.2-8.3.x, ``mkdocs serve`` without the flag silently runs with live reload off
(mkdocs/mkdocs#4032). pyproject.toml also keeps those click versions out.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from .read import is_notes, is_source

POLL_SECONDS = 0.5


# What a build reads: the sources and their notes sidecars (read.is_source, read.is_notes),
# mkdocs.yml (its site_url) and the editor's curation.yml beside it.
WATCHED = (Path("mkdocs.yml"), Path("curation.yml"))
# The sources folder, for the MkDocs child: its pressroom plugin makes the review page from
# them (preview.py); without it, sources/ beside mkdocs.yml.
SOURCES_ENV = "PRESSROOM_SOURCES"


def snapshot(sources: Path, *files: Path) -> dict[str, tuple[int, int]]:
    """Name → (mtime_ns, size) of every file the build reads (the sources, their notes, and
    ``files``: mkdocs.yml, curation.yml); any difference means "rebuild"."""
    state = {}
    try:
        entries = list(os.scandir(sources))
    except FileNotFoundError:
        entries = []
    for entry in entries:
        if (is_source(entry.name) or is_notes(entry.name)) and entry.is_file():
            try:
                st = entry.stat()
            except FileNotFoundError:  # removed between scandir and stat
                continue
            state[entry.name] = (st.st_mtime_ns, st.st_size)
    for path in files:
        try:
            st = path.stat()
            state[f"//{path}"] = (st.st_mtime_ns, st.st_size)  # no source name starts with //
        except FileNotFoundError:
            pass
    return state


def rebuild(sources: Path, docs: Path) -> None:
    """One ``pressroom build``; a failure is printed and the server keeps running."""
    from .lock import project_lock
    from .pipeline import build

    try:
        # the same inputs as `pressroom build`: mkdocs.yml's site_url and the annotation
        # cache, so a preview shows the pages a build writes and a save re-annotates one file
        config = Path("mkdocs.yml")
        with project_lock(docs):  # a `make site` of this project at the same time goes first
            report = build(sources, docs, config if config.exists() else None, cache_dir=Path(".pressroom-cache"))
    except Exception as err:  # noqa: BLE001 - a preview must survive a bad edit
        print(f"pressroom: build failed: {err}", file=sys.stderr, flush=True)
        return
    for p in report.problems:
        print(p, file=sys.stderr)
    print(report.summary(), flush=True)


def parse_address(dev_addr: str) -> tuple[str, int] | None:
    """("127.0.0.1", 8000) from "127.0.0.1:8000" ("[::1]:8000" for IPv6); None if malformed."""
    host, sep, port = dev_addr.rpartition(":")
    if not sep or not host or not port.isdigit() or int(port) > 65535:
        return None
    return host.strip("[]"), int(port)


def address_problem(dev_addr: str) -> str | None:
    """Why MkDocs could not listen on dev_addr, said in one line before it prints a traceback.

    The trial bind reuses the address as MkDocs' server (an HTTPServer) does: a port whose
    last server stopped a moment ago, its connections still in TIME_WAIT, is free for both;
    a port another server listens on is not (Linux refuses that bind even so)."""
    address = parse_address(dev_addr)
    if address is None:
        return f"--dev-addr {dev_addr}: expected HOST:PORT, e.g. 127.0.0.1:8000"
    host, port = address
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind((host, port))
    except OSError as err:
        return f"{dev_addr}: cannot serve there ({err.strerror}); stop the other server or pass --dev-addr HOST:PORT"
    return None


def mkdocs_command(dev_addr: str, dirty: bool = False) -> list[str]:
    """``dirty``: MkDocs rebuilds only the pages whose file changed (the build rewrites only
    those), 0.7 s instead of 40 s at 10,000 articles. MkDocs warns on every dirty build, which
    strict mode would turn into a failed build: the preview then runs without it."""
    extra = ["--dirty", "--no-strict"] if dirty else []
    return [sys.executable, "-m", site_builder(), "serve", "--dev-addr", dev_addr, "--livereload", *extra]


def site_builder() -> str:
    """MkDocs, or where only its fork ProperDocs is installed, ProperDocs (the same command
    line, the same plugins; see the README's "After Material")."""
    import importlib.util

    return "mkdocs" if importlib.util.find_spec("mkdocs") or not importlib.util.find_spec("properdocs") else "properdocs"


def serve(args) -> int:
    sources, docs = Path(args.sources), Path(args.docs)
    if not sources.is_dir():
        print(f"{sources}: no such folder; put your articles (.txt) there or pass --sources", file=sys.stderr)
        return 1
    if not Path("mkdocs.yml").is_file():
        print("mkdocs.yml: not found; run pressroom serve in the archive's folder", file=sys.stderr)
        return 1

    problem = address_problem(args.dev_addr)
    if problem:
        print(problem, file=sys.stderr)
        return 1

    rebuild(sources, docs)
    # (the pressroom plugin reads the same sources for the review page: preview.py)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **{SOURCES_ENV: str(sources.resolve())})
    server = subprocess.Popen(mkdocs_command(args.dev_addr, getattr(args, "dirty", False)), env=env)
    print(f"pressroom: watching {sources}/ for changes; Ctrl-C stops", flush=True)

    # SIGTERM (e.g. from a test or a process manager) stops us like Ctrl-C does.
    terminated = []

    def _term(signum, frame):
        terminated.append(signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _term)
    seen = snapshot(sources, *WATCHED)
    try:
        while server.poll() is None and not terminated:  # (an exception raised in a fork is lost)
            time.sleep(POLL_SECONDS)
            now = snapshot(sources, *WATCHED)
            if now != seen:
                seen = now
                rebuild(sources, docs)
        return server.returncode or 0
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        stop(server, forward_interrupt=bool(terminated))


def stop(server: subprocess.Popen, forward_interrupt: bool) -> None:
    """End the MkDocs child: Ctrl-C already reached it (same process group); a SIGTERM of
    ours is passed on as SIGINT, MkDocs' clean shutdown; terminate/kill if it lingers."""
    if server.poll() is not None:
        return
    if forward_interrupt:
        server.send_signal(signal.SIGINT)
    for step in (server.terminate, server.kill):
        try:
            server.wait(timeout=3)
            return
        except subprocess.TimeoutExpired:
            step()
    server.wait()
