"""The HTTP API, version 1 (shared/contract/interview-api.md)."""

from nightlegs.api.app import create_app

__all__ = ["create_app"]
