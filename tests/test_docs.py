"""The README is the user's manual: every command and option of the CLI must appear in it."""

from __future__ import annotations

from pathlib import Path

import typer.main

from eventwire.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text()


def command_names() -> list[str]:
    group = typer.main.get_group(app)
    names = []
    for name, command in group.commands.items():
        if hasattr(command, "commands"):  # a sub-group such as `eval`
            names += [f"{name} {sub}" for sub in command.commands]
        else:
            names.append(name)
    return names


def test_every_command_is_documented():
    missing = [n for n in command_names() if f"eventwire {n}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_option_is_documented():
    group = typer.main.get_group(app)
    options = {
        opt
        for command in group.commands.values()
        for sub in getattr(command, "commands", {"": command}).values()
        for param in sub.params
        for opt in param.opts
        if opt.startswith("--")
    }
    missing = sorted(o for o in options if o not in README)
    assert not missing, f"options missing from README.md: {missing}"


def test_readme_opens_with_the_two_commands():
    head = README[:1500]
    assert "make run" in head and "make test" in head
