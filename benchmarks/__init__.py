"""Benchmarks of nightlegs: run with `.venv/bin/python -m benchmarks` (see docs/performance.md)."""
