"""The two Makefiles (this project's, and the one `pressroom new` writes): the same targets,
doing the same thing, and a Python too old for pressroom stopped at once with what to do."""
from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT = (ROOT / "Makefile").read_text(encoding="utf-8")
ARCHIVE = (ROOT / "scripts" / "pressroom" / "templates" / "Makefile.in").read_text(encoding="utf-8")
# what an archive's owner runs; test, goldens and lock are for developing pressroom itself
USER_TARGETS = ["site", "view", "build", "serve", "deploy"]

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


def rule(makefile: str, target: str) -> str:
    """A target's rule: its line and recipe, up to the next blank line."""
    m = re.search(rf"^{re.escape(target)}:.*?(?=\n\n|\Z)", makefile, re.M | re.S)
    assert m, f"no rule for {target}"
    return m.group(0)


def define(makefile: str, name: str) -> str:
    return re.search(rf"^define {name}\n.*?^endef$", makefile, re.M | re.S).group(0)


@pytest.mark.parametrize("target", USER_TARGETS)
def test_an_archive_has_this_projects_targets_doing_the_same(target):
    assert f"## {target}:" in PROJECT and f"## {target}:" in ARCHIVE
    assert rule(ARCHIVE, target) == rule(PROJECT, target)


@pytest.mark.parametrize("name", ["build_site", "check_python"])
def test_the_shared_steps_are_the_same(name):
    assert define(ARCHIVE, name) == define(PROJECT, name)


def _old_python(folder: Path) -> Path:
    """An interpreter that says it is Python 3.10 and fails the version check, as one does."""
    fake = folder / "python3.10"
    fake.write_text('#!/bin/sh\n[ "$1" = --version ] && { echo "Python 3.10.12"; exit 0; }\n'
                    'exec "$REAL" "$@"\n', encoding="utf-8")
    fake.chmod(0o755)
    return fake


def _pythons(tmp_path: Path) -> list[tuple[str, dict]]:
    """(PYTHON=, env) of old Pythons: a stand-in, and real ones where installed."""
    found = [(str(_old_python(tmp_path)), {"REAL": "false"})]
    pyenv = sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.[89]*/bin/python3"))
                   + glob.glob(os.path.expanduser("~/.pyenv/versions/3.10*/bin/python3")))
    for path in [shutil.which("python3.10"), shutil.which("python3.9"), *pyenv]:
        if path and subprocess.run([path, "--version"], capture_output=True).returncode == 0:
            found.append((path, {}))
    return found


@pytest.mark.parametrize("which", ["project", "new-archive"])
def test_an_old_python_stops_make_at_once(tmp_path, which):
    work = tmp_path / "w"
    work.mkdir()
    if which == "project":
        (work / "Makefile").write_text(PROJECT, encoding="utf-8")
        for name in ("pyproject.toml", "constraints.txt"):
            (work / name).write_text("", encoding="utf-8")
    else:
        (work / "Makefile").write_text(ARCHIVE.replace("@PRESSROOM_SRC@", str(ROOT)), encoding="utf-8")
    for python, env in _pythons(tmp_path):
        r = subprocess.run(["make", "site", f"PYTHON={python}"], cwd=work, capture_output=True, text=True,
                           env={"PATH": "/usr/bin:/bin", **env}, timeout=60)
        assert r.returncode != 0
        version = subprocess.run([python, "--version"], capture_output=True, text=True).stdout.strip()
        assert f"make: pressroom needs Python 3.11 or newer; {python} is {version}." in r.stderr, r.stderr
        assert "make PYTHON=python3.12" in r.stderr
        assert not (work / ".venv").exists(), "no venv is made with a Python that cannot run pressroom"


def test_this_python_passes_the_check(tmp_path):
    (tmp_path / "Makefile").write_text(define(PROJECT, "check_python") + "\n\ncheck:\n\t@$(check_python)\n\t@echo ok\n",
                                       encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL")}  # (under make test)
    r = subprocess.run(["make", "check", f"PYTHON={sys.executable}"], cwd=tmp_path, capture_output=True, text=True,
                       env=env)
    assert r.returncode == 0 and r.stdout == "ok\n", r.stderr
    assert sys.version_info >= (3, 11)  # the tests run on a Python the project claims
