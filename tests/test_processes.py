"""A build leaves no process behind, however it ends; two builds of one project take turns."""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pressroom.lock import project_lock
from pressroom.parallel import pmap

from .conftest import skeleton

PRESSROOM = Path(sys.executable).with_name("pressroom")
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc (Linux)")


def _slow(i, shared):
    time.sleep(0.1)
    return os.getpid()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie (ended, not yet reaped) is not running
    return Path(f"/proc/{pid}/stat").exists() and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def test_an_interrupted_pmap_ends_its_workers_at_once():
    workers = set()

    def interrupt(results):
        for r in results:
            workers.add(r)
            raise KeyboardInterrupt  # Ctrl-C (or SIGTERM, see cli.run) after the first result

    t0 = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        pmap(_slow, range(400), workers=2, chunksize=1, progress=interrupt)
    # 400 items of 0.1 s on 2 workers: waiting for the rest would take 20 s
    assert time.monotonic() - t0 < 10
    assert workers and multiprocessing.active_children() == []
    assert not any(_alive(pid) for pid in workers)


def test_a_finished_pmap_is_the_plain_loop():
    assert pmap(_square, range(300), workers=2) == [i * i for i in range(300)]
    assert multiprocessing.active_children() == []


def _square(i, shared):
    return i * i


def _session(sid: int) -> list[int]:
    """Processes of a session (the build and any worker it started), from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":  # (state, ppid, pgrp, session, ...)
            found.append(int(stat.parent.name))
    return found


def _many_sources(project: Path, n: int) -> None:
    for i in range(n):
        (project / "sources" / f"r{i:03d}.txt").write_text(
            f"Harbour report {i}\n\"Berth {i} is open again,\" said Maria Ortega, chair of the board. "
            f"The ferry from Portvale docked at {i % 12 + 1} o'clock.\n", encoding="utf-8")


@linux_only
def test_a_build_stopped_with_sigterm_leaves_no_process(project: Path):
    _many_sources(project, 600)
    proc = subprocess.Popen([str(PRESSROOM), "build", "--no-cache", "--jobs", "2"], cwd=project,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while len(_session(proc.pid)) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)  # until its workers are running
    assert proc.poll() is None, "the build ended before its workers were seen; give it more to do"
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 128 + signal.SIGTERM  # stopped, not finished
    left = _session(proc.pid)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert left == [], "worker processes outlived the build"
    assert b"Traceback" not in proc.stderr.read()


def _tree(docs: Path) -> dict[str, str]:
    return {p.relative_to(docs).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(docs.rglob("*")) if p.is_file() and p.name != ".pressroom-lock"}


def test_two_builds_of_one_project_take_turns_and_agree(tmp_path: Path):
    one, two = skeleton(tmp_path / "one"), skeleton(tmp_path / "two")
    _many_sources(one, 300)
    _many_sources(two, 300)
    runs = [subprocess.Popen([str(PRESSROOM), "build", "--jobs", "2"], cwd=one, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [r.communicate(timeout=120) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outputs
    waited = [err for _, err in outputs if "another build of docs/ is running; waiting" in err]
    assert len(waited) == 1, outputs
    alone = subprocess.run([str(PRESSROOM), "build", "--jobs", "2"], cwd=two, capture_output=True, text=True)
    assert alone.returncode == 0
    assert _tree(one / "docs") == _tree(two / "docs")


def test_the_lock_waits_for_another_process_and_says_so(tmp_path: Path):
    docs = tmp_path / "docs"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from pressroom.lock import project_lock\n"
        f"with project_lock(Path({str(docs)!r})):\n    print('held', flush=True); time.sleep(1.5)")],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    said = []
    t0 = time.monotonic()
    with project_lock(docs, say=said.append):
        waited = time.monotonic() - t0
    holder.wait()
    assert said == [f"pressroom: another build of {docs}/ is running; waiting for it to finish"]
    assert waited > 0.5
    # free: no word, no wait
    said.clear()
    with project_lock(docs, say=said.append):
        pass
    assert said == []


def test_a_worker_ended_before_its_start_ends_alone(monkeypatch):
    """A worker forked with the build's SIGTERM handler (before its start sets its own):
    ended then, it exits with SIGTERM's status and does not end its siblings."""
    from pressroom import cli, parallel

    # (in the forked worker, ending "its workers" would be its siblings: exit 99 says so)
    monkeypatch.setattr(parallel, "end_workers", lambda *a, **k: os._exit(99))
    monkeypatch.setattr(cli, "_OWNER", os.getpid(), raising=False)
    pid = os.fork()
    if pid == 0:  # the worker
        try:
            cli._terminate(signal.SIGTERM, None)
        finally:
            os._exit(1)  # (_terminate never returns)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 128 + signal.SIGTERM
