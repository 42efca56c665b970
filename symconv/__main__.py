"""``python -m symconv``: the command line."""

from symconv.cli.main import entry_point

entry_point()
