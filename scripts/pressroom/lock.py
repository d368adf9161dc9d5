"""One build of a project at a time: ``make serve`` and ``make site`` can start a build each.

Two ``pressroom build`` runs on one docs/ (or a ``pressroom build`` and a ``mkdocs build``
of the same project, through the pressroom plugin) take turns: the second waits, saying so
once, then builds from what the first left. The lock is an advisory ``flock`` on
``docs/.pressroom-lock`` (MkDocs leaves dot files out of the site), released by the system
when its process ends, however it ends. Without ``fcntl`` (Windows) builds do not wait.
"""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

LOCK = ".pressroom-lock"


@contextlib.contextmanager
def project_lock(docs: Path, say=None):
    """Hold the project's build lock for a with-block; ``say`` gets one line if it must wait."""
    if fcntl is None:
        yield
        return
    docs.mkdir(parents=True, exist_ok=True)
    with open(docs / LOCK, "a+b") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            (say or _stderr)(f"pressroom: another build of {docs}/ is running; waiting for it to finish")
            fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)
