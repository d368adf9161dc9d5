from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "sources" / "000_47605877143c161c.txt"


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


def shared_path(*parts: str) -> Path:
    """A path in ../shared, or a skip that says plainly that the data is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the team's shared data, not part of this repository); it is absent here")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh archive in a temporary folder: mkdocs.yml, hand-written docs, empty sources/."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    # only the hand-written part of docs/ (the generated pages of this checkout stay out)
    shutil.copytree(ROOT / "docs" / "assets", tmp_path / "docs" / "assets")
    shutil.copy(ROOT / "docs" / "about.md", tmp_path / "docs" / "about.md")
    (tmp_path / "sources").mkdir()
    return tmp_path
