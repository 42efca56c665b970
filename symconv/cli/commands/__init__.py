"""One module per ``symconv`` subcommand; each defines ``register(subparsers)``.

``register`` adds the subcommand's parser and sets ``run=function(args) -> exit status``.
Shared flags live in :mod:`symconv.cli.options`, writing in :mod:`symconv.cli.output`.
"""
