"""The README documents every command, option and make target there is.

Commands and options come from the real parser (pressroom.cli.build_parser), make targets
from the Makefile's `## target: what it does` help lines; each must appear in README.md.
An option must appear in a paragraph of the README that names its command.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from pressroom.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PARAGRAPHS = re.split(r"\n\s*\n", README)


def subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def options(parser: argparse.ArgumentParser) -> list[str]:
    return [
        opt
        for action in parser._actions
        if not isinstance(action, argparse._HelpAction)
        for opt in action.option_strings
        if opt.startswith("--")
    ]


def make_targets() -> list[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return re.findall(r"^## ([\w.-]+):", text, flags=re.M)


COMMANDS = subcommands(build_parser())
OPTIONS = [(None, opt) for opt in options(build_parser())] + [
    (name, opt) for name, sub in COMMANDS.items() for opt in options(sub)
]


def test_the_parser_and_makefile_are_found():
    assert {"build", "annotate", "serve", "new"} <= set(COMMANDS)
    assert {"site", "test", "serve"} <= set(make_targets())


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_readme_names_every_command(command):
    assert re.search(rf"\bpressroom {re.escape(command)}\b", README), (
        f"README.md never shows `pressroom {command}`: document the command"
    )


@pytest.mark.parametrize("command,option", OPTIONS, ids=[f"{c or 'pressroom'} {o}" for c, o in OPTIONS])
def test_readme_names_every_option(command, option):
    name = f"pressroom {command}" if command else "pressroom"
    pattern = re.compile(rf"(?<![\w-]){re.escape(option)}(?![\w-])")
    assert any(name in p and pattern.search(p) for p in PARAGRAPHS), (
        f"README.md has no paragraph that shows `{name}` with `{option}`: document the option"
    )


@pytest.mark.parametrize("target", make_targets())
def test_readme_names_every_make_target(target):
    assert re.search(rf"\bmake {re.escape(target)}\b", README), (
        f"README.md never shows `make {target}` (a `## {target}:` line of the Makefile): document it"
    )


# -- every command of the README works as written, from a fresh clone ---------------------
#
# The README's shell blocks are run in a copy of the repository's tracked files (a fresh
# clone), with `.venv` standing for the one `make` creates (the test venv): `pressroom`
# commands for real (a server only parsed), `make` targets as dry runs (`make -n`: the
# rules exist and parse; what they do is tested by test_build, test_makefiles and
# test_routes), `. .venv/bin/activate` by the file it sources. Inline commands (`make ...`,
# `pressroom ...`, `mkdocs ...` in backticks) are checked the same way, but not run.

import os  # noqa: E402
import shlex  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402

VENV = Path(sys.executable).parent.parent
SERVERS = {"serve", "view"}


def shell_lines() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    return [line.split("#")[0].strip() for b in blocks for line in b.splitlines() if line.split("#")[0].strip()]


def inline_commands() -> list[str]:
    spans = re.findall(r"`([^`\n]+)`", README)
    return sorted({s for s in spans if re.match(r"(\.venv/bin/)?(make|pressroom|mkdocs)( |$)", s)
                   and not re.search(r"\.\.\.|\[|/path/to|^make:", s) and s not in ("pressroom", "mkdocs")})


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    if not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout (the README's commands are run on a copy of its tracked files)")
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    clone = tmp_path_factory.mktemp("clone")
    for rel in filter(None, files.decode().split("\0")):
        if (ROOT / rel).is_file():
            (clone / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, clone / rel)
    (clone / ".venv").symlink_to(VENV)  # what `make` makes
    return clone


def _run(words: list[str], cwd: Path, env: dict) -> subprocess.CompletedProcess:
    assign = [w for w in words[: next((i for i, w in enumerate(words) if "=" not in w), len(words))]]
    words = words[len(assign):]
    env = {**env, **dict(a.split("=", 1) for a in assign)}
    if words[0] == "make":
        words = ["make", "-n", *words[1:]]
    elif words[0] in (".", "source"):
        assert (cwd / words[1]).is_file(), f"{words[1]} is not there to source"
        return subprocess.CompletedProcess(words, 0, "", "")
    elif words[0].endswith("pressroom") and words[1:2] and words[1] in SERVERS:
        _parses(words)  # a server runs until stopped: its command line is checked
        return subprocess.CompletedProcess(words, 0, "", "")
    return subprocess.run(words, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_every_shell_command_of_the_readme_works_in_a_fresh_clone(fresh, tmp_path):
    lines = shell_lines()
    assert "make site" in lines and "make test" in lines and any(l.startswith("pressroom new") for l in lines)
    home = tmp_path / "home"
    home.mkdir()
    # after `. .venv/bin/activate`, bare `pressroom` is the venv's (that is all activation does here)
    env = {**{k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL")},
           "HOME": str(home), "PATH": f"{fresh / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    for line in lines:
        cwd = fresh
        for part in line.split("&&"):
            words = [os.path.expanduser(w).replace(str(Path("~").expanduser()), str(home)) if w.startswith("~") else w
                     for w in shlex.split(part)]
            words = [str(home / w[2:]) if w.startswith("~/") else w for w in words]
            if words[0] == "cd":
                cwd = cwd / words[1]
                assert cwd.is_dir(), f"{line}: {words[1]} does not exist"
                continue
            r = _run(words, cwd, env)
            assert r.returncode == 0, f"`{line}` failed: {r.stdout}{r.stderr}"


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> Path:
    """A `pressroom new` archive: the README's `make update` is one of its targets."""
    from pressroom.cli import main

    folder = tmp_path_factory.mktemp("archive") / "a"
    assert main(["new", str(folder)]) == 0
    return folder


def _parses(words: list[str]) -> None:
    """A pressroom command line the parser takes (`pressroom new` alone names a command)."""
    if len(words) == 2 and words[1] in COMMANDS:
        return
    try:
        build_parser().parse_args(words[1:])
    except SystemExit as done:  # --version and --help end here, successfully
        assert done.code == 0, " ".join(words)


def _names_real_options(words: list[str]) -> None:
    """An inline mention (`pressroom annotate --json`) may leave out arguments, but its
    command and options are real, and a complete one parses."""
    command = words[1] if len(words) > 1 and not words[1].startswith("-") else None
    parser = COMMANDS[command] if command else build_parser()
    known = set(options(parser)) | {"--help", "-h"} | (set() if command else {"--version"})
    assert command is None or command in COMMANDS, f"no command {command}"
    assert {w.split("=")[0] for w in words if w.startswith("--")} <= known, " ".join(words)
    if not any(w.isupper() for w in words):  # a placeholder (FILE, DIR) stands for an argument
        try:
            parser.parse_known_args(words[2:] if command else words[1:])
        except SystemExit as done:
            assert done.code == 0 or len(words) <= 3, " ".join(words)


@pytest.mark.parametrize("command", inline_commands())
def test_every_inline_command_of_the_readme_is_a_real_one(fresh, archive, command):
    words = shlex.split(command)
    words = words[next(i for i, w in enumerate(words) if "=" not in w):]  # VAR=... make ...
    if words[0] == "make":
        runs = [subprocess.run(["make", "-n", *words[1:]], cwd=where, capture_output=True, text=True)
                for where in (fresh, archive)]  # this project's Makefile, or an archive's
        assert any(r.returncode == 0 for r in runs), runs[0].stderr
    elif words[0].endswith("pressroom"):
        _names_real_options(words)
    else:  # mkdocs: its own parser checks the options
        r = subprocess.run([sys.executable, "-m", "mkdocs", *words[1:], "--help"], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
