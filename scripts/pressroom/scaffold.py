"""``pressroom new DIR``: start a new archive from the templates in ``templates/``.

DIR gets mkdocs.yml, a Makefile (``make site`` creates a venv and installs pressroom from
the pressroom that ran this command: it is not on PyPI), docs/about.md, an overrides/
folder for the user's templates (the stylesheet, search box and page parts are pressroom's
theme, in the package, added by its MkDocs plugin),
one invented sample article, the GitHub Pages workflow, .gitignore and a short README.
"""
from __future__ import annotations

import json
import sys
from importlib import metadata, resources
from pathlib import Path
from urllib.parse import unquote, urlparse

# template name → path in the new archive
FILES = {
    "mkdocs.yml": "mkdocs.yml",
    "Makefile.in": "Makefile",
    "README.md": "README.md",
    "gitignore": ".gitignore",
    "pages.yml": ".github/workflows/pages.yml",
    "about.md": "docs/about.md",
    "overrides-README.md": "overrides/README.md",
    "sample.txt": "sources/2024-05-14-lindenfeld-rain-garden.txt",
}


def pressroom_source() -> str | None:
    """Where pip can install this pressroom from: the source checkout this module runs
    from, else the folder a path install recorded (PEP 610 direct_url.json)."""
    root = Path(__file__).resolve().parents[2]
    pyproject = root / "pyproject.toml"
    if pyproject.is_file() and 'name = "pressroom"' in pyproject.read_text(encoding="utf-8"):
        return str(root)
    try:
        raw = metadata.distribution("pressroom").read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if raw:
        url = json.loads(raw).get("url", "")
        if url.startswith("file://"):
            return unquote(urlparse(url).path)
    return None


def template(name: str) -> str:
    return resources.files("pressroom").joinpath("templates", name).read_text(encoding="utf-8")


def new(args) -> int:
    target = Path(args.dir)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        what = "is not empty" if target.is_dir() else "exists and is not a folder"
        print(f"{target}: {what}; pressroom new needs a new or empty folder", file=sys.stderr)
        return 1

    src = pressroom_source()
    if src is None:
        print("pressroom: cannot tell where this pressroom was installed from; "
              "edit PRESSROOM_SRC in the new Makefile", file=sys.stderr)
    for name, rel in FILES.items():
        text = template(name)
        if name == "Makefile.in":
            text = text.replace("@PRESSROOM_SRC@", src or "pressroom")
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    print(f"pressroom: new archive in {target}/ (pressroom installs from {src or '?'})")
    print(f"next: cd {target} && make site    # or: make serve")
    return 0
