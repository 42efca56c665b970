"""``python -m symconv``: the command line."""

from symconv.cli import entry_point

entry_point()
