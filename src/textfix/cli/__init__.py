"""The ``textfix`` command line: one module per subcommand, shared I/O in ``io``."""
