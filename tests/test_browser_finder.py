"""Finding a browser for the browser tests, and what happens without one: one skip line
saying how to get one, or, under PRESSROOM_REQUIRE_BROWSER=1 (.ci/run), a failure."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .browser import EXPLICIT, REQUIRE, find_chromium

ROOT = Path(__file__).resolve().parents[1]


def _program(folder: Path, name: str, executable: bool = True) -> str:
    path = folder / name
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755 if executable else 0o644)
    return str(path)


NOWHERE = "/nonexistent/chromium"


@pytest.mark.parametrize("explicit, debian, playwright, expected, why", [
    # PRESSROOM_CHROMIUM decides alone: a wrong one is not replaced by another browser
    ("mine", [NOWHERE], None, "mine", ""),
    (NOWHERE, ["debian"], "pw", None, f"{EXPLICIT}={NOWHERE} is not a program"),
    ("plain-file", ["debian"], None, None, "is not a program"),
    # then Debian's chromium, then Playwright's own download
    (None, ["debian"], "pw", "debian", ""),
    (None, [NOWHERE], "pw", "pw", ""),
    (None, [NOWHERE], None, None, "no Chromium found"),
    (None, [NOWHERE], NOWHERE, None, "no Chromium found"),  # Playwright knows where, never downloaded
    (None, ["plain-file"], None, None, "no Chromium found"),  # not executable
])
def test_find_chromium(tmp_path, explicit, debian, playwright, expected, why):
    made = {name: _program(tmp_path, name) for name in ("mine", "debian", "pw")}
    made["plain-file"] = _program(tmp_path, "plain-file", executable=False)
    env = {EXPLICIT: made.get(explicit, explicit)} if explicit else {}
    path, reason = find_chromium(env=env, debian=[made.get(d, d) for d in debian],
                                 playwright=lambda: made.get(playwright, playwright))
    assert path == (made[expected] if expected else None)
    assert why in reason and (reason == "") == (expected is not None)


def _run_browser_tests(**env) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in (EXPLICIT, REQUIRE)}
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                           "tests/test_browser.py", "tests/test_search_more.py"],
                          cwd=ROOT, env={**environ, **env}, capture_output=True, text=True, timeout=300)


def test_without_a_browser_the_tests_skip_with_one_line():
    r = _run_browser_tests(**{EXPLICIT: NOWHERE})
    assert r.returncode == 0, r.stdout + r.stderr
    skipped = [line for line in r.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 1, r.stdout  # every browser test, in one line
    assert re.match(r"SKIPPED \[5\] tests/browser\.py:\d+: browser tests: ", skipped[0]), skipped[0]
    assert "apt-get install chromium" in skipped[0] and "playwright install chromium" in skipped[0]
    assert "5 skipped" in r.stdout and "passed" not in r.stdout


def test_ci_turns_a_missing_browser_into_a_failure():
    r = _run_browser_tests(**{EXPLICIT: NOWHERE, REQUIRE: "1"})
    assert r.returncode == 1, r.stdout + r.stderr
    assert "skipped" not in r.stdout and re.search(r"\b5 errors?\b", r.stdout), r.stdout
    assert f"{REQUIRE} is set" in r.stdout
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(rf"^export {REQUIRE}=1$", ci, re.M), ".ci/run must make a missing browser a failure"


def test_without_npm_axe_is_a_skip_locally_and_a_failure_in_ci(tmp_path, monkeypatch):
    from . import axe

    monkeypatch.setenv("PRESSROOM_CACHE", str(tmp_path))  # nothing fetched there yet
    monkeypatch.setenv("PATH", str(tmp_path))  # and no npm to fetch it with
    monkeypatch.delenv(REQUIRE, raising=False)
    axe._source.cache_clear()
    try:
        with pytest.raises(pytest.skip.Exception, match=r"accessibility tests: npm not found; install npm"):
            axe.axe_source()
        axe._source.cache_clear()
        monkeypatch.setenv(REQUIRE, "1")
        with pytest.raises(pytest.fail.Exception, match=f"{REQUIRE} is set: a missing axe-core is a failure"):
            axe.axe_source()
    finally:
        axe._source.cache_clear()


def test_axe_is_taken_from_its_cache_once_fetched(tmp_path, monkeypatch):
    from . import axe

    monkeypatch.setenv("PRESSROOM_CACHE", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path))  # no npm: only the cache can answer
    folder = axe.cache_dir()
    folder.mkdir(parents=True)
    (folder / "axe.min.js").write_text("window.axe = {};", encoding="utf-8")
    axe._source.cache_clear()
    try:
        assert axe.axe_source() == "window.axe = {};"
        assert folder.name == f"axe-core-{axe.VERSION}"
    finally:
        axe._source.cache_clear()
