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
