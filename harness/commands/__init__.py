"""Subcommands of ``socklab`` besides ``grade``: each module has ``register(subparsers)``
that adds its parser and sets ``func`` (returning the exit status)."""
