"""Fixtures shared by the tests (plain helpers live in support modules such as
:mod:`tests.tex_tools`)."""

from __future__ import annotations

import pytest


@pytest.fixture
def cli(capsys):
    """Run the command line in this process: ``cli(*argv) -> (status, stdout, stderr)``.

    ``argv`` starts with the subcommand, as typed after ``symconv``.
    """
    from symconv.cli.main import main

    def run(*argv: str) -> tuple[int, str, str]:
        status = main(list(argv))
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    return run
