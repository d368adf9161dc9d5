from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "sources" / "000_47605877143c161c.txt"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/ from the current output")


def pytest_runtest_setup(item):
    """A browser test without a browser is skipped (or fails in CI) before its fixtures build
    anything; every such skip is raised from one line, so pytest reports them as one."""
    if item.get_closest_marker("browser"):
        from .browser import need_chromium

        need_chromium()


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or a skip that says plainly that the data is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the team's shared data, not part of this repository); it is absent here")
    return path


def skeleton(folder: Path) -> Path:
    """This project's configuration and hand-written pages (not its generated pages or
    sources) copied into a new folder, with an empty sources/."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    (folder / "docs").mkdir(exist_ok=True)
    shutil.copy(ROOT / "docs" / "about.md", folder / "docs" / "about.md")
    shutil.copytree(ROOT / "overrides", folder / "overrides")
    (folder / "sources").mkdir()
    return folder


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh archive in a temporary folder: mkdocs.yml, hand-written docs, empty sources/."""
    return skeleton(tmp_path)
