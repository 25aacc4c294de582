"""The ``nightlegs`` command line."""

from nightlegs.cli.main import app, main

__all__ = ["app", "main"]
