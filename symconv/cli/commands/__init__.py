"""One module per ``symconv`` subcommand; each defines ``register(subparsers)``.

``register`` adds the subcommand's parser and sets ``run=function(args) -> exit status``.
Shared flags and file output live in :mod:`symconv.cli.commands.common`.
"""
