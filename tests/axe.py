"""axe-core (the accessibility engine, from npm) for the browser tests.

The pinned version is fetched once with npm (``npm pack``) into a cache folder
(``$PRESSROOM_CACHE``, else ``~/.cache/pressroom``) and its ``axe.min.js`` injected into the
pages under test. Without npm, or when the registry cannot be reached, the accessibility
tests are skipped with one line saying why; under ``PRESSROOM_REQUIRE_BROWSER=1`` (set by
.ci/run) that is a failure, as a missing browser is.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

import pytest

from .browser import REQUIRE

VERSION = "4.14.1"  # the axe-core the audit used (4.14)
SERIOUS = ("serious", "critical")


def cache_dir() -> Path:
    root = os.environ.get("PRESSROOM_CACHE") or Path.home() / ".cache" / "pressroom"
    return Path(root) / f"axe-core-{VERSION}"


def _unavailable(why: str):
    message = f"accessibility tests: {why}; install npm (Debian: apt-get install npm) with access to the npm registry"
    if os.environ.get(REQUIRE, "") not in ("", "0"):
        pytest.fail(f"{message} ({REQUIRE} is set: a missing axe-core is a failure)", pytrace=False)
    pytest.skip(message)


def _fetch(target: Path) -> str | None:
    """axe.min.js of the pinned axe-core into ``target``; None when done, else why not."""
    npm = shutil.which("npm")
    if not npm:
        return "npm not found"
    with tempfile.TemporaryDirectory() as tmp:
        try:
            r = subprocess.run([npm, "pack", f"axe-core@{VERSION}", "--pack-destination", tmp],
                               capture_output=True, text=True, timeout=300, cwd=tmp)
        except subprocess.TimeoutExpired:
            return f"npm pack axe-core@{VERSION} took over 300 s"
        packed = sorted(Path(tmp).glob("axe-core-*.tgz"))
        if r.returncode != 0 or not packed:
            return f"npm pack axe-core@{VERSION} failed: " + " / ".join((r.stderr or r.stdout).strip().splitlines()[-2:])
        with tarfile.open(packed[0]) as tar:
            source = tar.extractfile("package/axe.min.js")
            data = source.read() if source else b""
    if not data:
        return f"axe-core@{VERSION} has no axe.min.js"
    target.mkdir(parents=True, exist_ok=True)
    part = target / "axe.min.js.part"
    part.write_bytes(data)
    part.replace(target / "axe.min.js")  # whole or not at all, should two runs fetch at once
    return None


@functools.lru_cache(maxsize=1)
def _source() -> tuple[str | None, str]:
    path = cache_dir() / "axe.min.js"
    if not path.is_file():
        why = _fetch(cache_dir())
        if why:
            return None, why
    return path.read_text(encoding="utf-8"), ""


def axe_source() -> str:
    """The axe-core script; or a skip (a failure in CI) saying why there is none."""
    source, why = _source()
    if source is None:
        _unavailable(why)
    return source


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each:
    the rule, and the first few elements it names."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source())
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}, {len(v['nodes'])} nodes): "
            + "; ".join(" ".join(n["target"][-1:]) if isinstance(n["target"][-1], str) else str(n["target"])
                        for n in v["nodes"][:4])
            for v in result["violations"] if v["impact"] in SERIOUS]
