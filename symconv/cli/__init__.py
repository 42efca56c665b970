"""The ``symconv`` command line: :mod:`~symconv.cli.main` parses, one module per subcommand."""
