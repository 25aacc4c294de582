"""The HTTP API, version 1 (shared/contract/interview-api.md); the app is assembled in
:mod:`nightlegs.app`."""
