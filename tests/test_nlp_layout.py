"""The annotator's layout: what the annotation cache key hashes must be all the code an
annotation is made with. ``read.ANNOTATION_CODE`` lists it; these tests fail when one of its
modules imports a module of pressroom that is not listed (a change there would then leave
stale annotations in the cache), and when nlp/ reaches outside itself."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pressroom import read

PACKAGE = Path(read.__file__).parent


def _pressroom_imports(path: Path) -> set[str]:
    """The modules of pressroom a file imports (as paths relative to the package)."""
    here = path.parent.relative_to(PACKAGE).parts
    found: set[str | None] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                if node.level - 1 > len(here):
                    continue  # above the package: not pressroom
                base = list(here[: len(here) - node.level + 1])
            elif (node.module or "").split(".")[0] == "pressroom":
                base = []
            else:
                continue
            parts = base + (node.module.split(".") if node.module else [])
            if not node.level:
                parts = parts[1:]
            # "from . import marks" names a module; "from .model import Quote" a name in one
            found |= {_module(parts + [a.name]) or _module(parts) for a in node.names}
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == "pressroom":
                    assert a.name != "pressroom", f"{path}: import pressroom's modules by name"
                    found.add(_module(a.name.split(".")[1:]))
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) in ("import_module", "__import__"):
            pytest.fail(f"{path}:{node.lineno}: a module imported by name cannot be checked")
    return {f for f in found if f}


def _module(parts: list[str]) -> str | None:
    """The file (or package folder) that a dotted name inside pressroom stands for."""
    path = PACKAGE.joinpath(*parts) if parts else PACKAGE
    if path.with_suffix(".py").is_file():
        return path.with_suffix(".py").relative_to(PACKAGE).as_posix()
    if (path / "__init__.py").is_file():
        return (path / "__init__.py").relative_to(PACKAGE).as_posix()
    return None


def _listed(module: str) -> bool:
    return any(module == part or module.startswith(part + "/") for part in read.ANNOTATION_CODE) or module == "__init__.py"


def _files(part: str) -> list[Path]:
    path = PACKAGE / part
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def test_the_annotation_code_is_closed_under_import():
    outside = {}
    for part in read.ANNOTATION_CODE:
        for path in _files(part):
            missing = {m for m in _pressroom_imports(path) if not _listed(m)}
            if missing:
                outside[path.relative_to(PACKAGE).as_posix()] = sorted(missing)
    assert not outside, f"modules the annotation cache key does not hash: {outside}"


def test_nlp_reaches_only_the_records_and_the_errors():
    allowed = {"model.py", "errors.py", "__init__.py"}
    for path in _files("nlp"):
        for module in _pressroom_imports(path):
            assert module.startswith("nlp/") or module in allowed, f"{path.relative_to(PACKAGE)} imports {module}"


@pytest.mark.parametrize("text, expected", [
    ("from ..model import Quote\n", {"model.py"}),
    ("from ...errors import Problem\n", None),  # above the package: nothing of pressroom
    ("from . import marks\n", {"nlp/marks.py"}),
    ("from .entities import rules\n", {"nlp/entities/rules.py"}),
    ("from .entities import extract\n", {"nlp/entities/__init__.py"}),
    ("from pressroom.render import esc\n", {"render.py"}),
    ("import pressroom.render\n", {"render.py"}),
    ("import json\nfrom yaml import safe_load\n", set()),
])
def test_the_import_reader_sees_each_form(tmp_path, text, expected, monkeypatch):
    path = PACKAGE / "nlp" / "_probe_for_test.py"
    path.write_text(text, encoding="utf-8")
    try:
        assert _pressroom_imports(path) == (expected or set())
    finally:
        path.unlink()


def test_a_change_of_the_annotator_changes_the_key_and_a_change_of_the_look_does_not(monkeypatch):
    before = read.annotation_fingerprint()
    read.annotation_fingerprint.cache_clear()
    original = Path.read_bytes

    def altered(self):
        data = original(self)
        return data + b"\n# changed" if self.name in ("marks.py", "render.py") and self.parent.name in ("nlp", "pressroom") else data

    monkeypatch.setattr(Path, "read_bytes", altered)
    try:
        changed = read.annotation_fingerprint()
    finally:
        read.annotation_fingerprint.cache_clear()
    monkeypatch.undo()
    assert changed != before
    # render.py alone: the same key
    monkeypatch.setattr(Path, "read_bytes", lambda self: original(self) + (b"#" if self.name == "render.py" else b""))
    try:
        assert read.annotation_fingerprint() == before
    finally:
        read.annotation_fingerprint.cache_clear()
