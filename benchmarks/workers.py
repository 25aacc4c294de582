"""Requests per second of ``GET /api/v1/health`` with 1, 2 and 4 worker processes.

    .venv/bin/python -m benchmarks.workers                 # 1, 2 and 4 workers, 3 rounds
    .venv/bin/python -m benchmarks.workers --workers 1 2   # a subset

``nightlegs serve --workers N`` runs on 127.0.0.1 with PostgreSQL and Redis (SQLite and
memory rate limits refuse more than one worker): a database of its own is created on
the PostgreSQL of ``NIGHTLEGS_BENCH_POSTGRES_URL`` (default
``postgresql+psycopg://postgres@127.0.0.1:5432/test``, which must be allowed to create
databases) and dropped afterwards; the rate limits count in ``NIGHTLEGS_BENCH_REDIS_URL``
(default ``redis://127.0.0.1:6379/12``). The load comes from 2 processes of this
benchmark with 4 keep-alive connections each (so that the load generator is not held
by one interpreter's lock), all started at the same instant; the figure is all their
requests over the time from the first start to the last finish. Each worker count is
measured ``--rounds`` times, after a warm-up, and the median is reported. Only loopback
is ever contacted. Results go to ``benchmarks/workers-results.json``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.http_bench import HOST, free_port
from benchmarks.run import machine

HEALTH = "/api/v1/health"
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
REDIS = "redis://127.0.0.1:6379/12"


@contextmanager
def database() -> Iterator[str]:
    """A new PostgreSQL database for the run (dropped afterwards): its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = make_url(os.environ.get("NIGHTLEGS_BENCH_POSTGRES_URL", POSTGRES))
    name = f"nightlegs_bench_{secrets.token_hex(4)}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def server(env: dict[str, str], workers: int) -> Iterator[int]:
    """``nightlegs serve --workers N`` on a free port, answering: its port."""
    port = free_port()
    cli = [sys.executable, "-m", "nightlegs"]
    command = [*cli, "serve", "--host", HOST, "--port", str(port), "--workers", str(workers)]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            _wait_ready(port, process, log)
            yield port
        finally:
            process.terminate()
            process.wait(timeout=30)


def _wait_ready(port: int, process: subprocess.Popen[bytes], log: Any) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the server stopped:\n{log.read().decode(errors='replace')}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=1)
            connection.request("GET", HEALTH)
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not start within 90 s")


def _load_process(port: int, requests: int, connections: int, start: Any, results: Any) -> None:
    """One load process: ``connections`` threads share ``requests`` requests."""
    per_connection = requests // connections
    errors: list[str] = []

    def work() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        for _ in range(per_connection):
            connection.request("GET", HEALTH)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(str(response.status))
        connection.close()

    threads = [threading.Thread(target=work) for _ in range(connections)]
    start.wait()
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put((per_connection * connections, began, time.monotonic(), len(errors)))


def load(port: int, requests: int, processes: int = 2, connections: int = 4) -> float:
    """Requests per second of ``requests`` health requests from all load processes."""
    context = multiprocessing.get_context("fork")
    start = context.Event()
    results = context.Queue()
    workers = [
        context.Process(
            target=_load_process,
            args=(port, requests // processes, connections, start, results),
        )
        for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    time.sleep(0.5)  # every load process is waiting on the event
    start.set()
    done = [results.get(timeout=600) for _ in workers]
    for worker in workers:
        worker.join()
    failed = sum(item[3] for item in done)
    if failed:
        raise RuntimeError(f"{failed} requests did not answer 200")
    total = sum(item[0] for item in done)
    return float(total / (max(item[2] for item in done) - min(item[1] for item in done)))


def measure(env: dict[str, str], workers: int, requests: int, rounds: int) -> dict[str, Any]:
    with server(env, workers) as port:
        # Workers start one after the other: give each time to load, then warm them all.
        time.sleep(2.0 * workers)
        load(port, max(requests // 5, 400))
        figures = [load(port, requests) for _ in range(rounds)]
    return {
        "workers": workers,
        "rounds_rps": [round(value, 1) for value in figures],
        "median_rps": round(statistics.median(figures), 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.workers")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--requests", type=int, default=6000, help="per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--output", type=Path, default=Path(__file__).with_name("workers-results.json")
    )
    args = parser.parse_args(argv)
    results: dict[str, Any] = {"machine": machine(), "requests_per_round": args.requests}
    with database() as url:
        env = {
            **os.environ,
            "NIGHTLEGS_DATABASE_URL": url,
            "NIGHTLEGS_RATE_LIMIT_STORAGE": os.environ.get("NIGHTLEGS_BENCH_REDIS_URL", REDIS),
            "NIGHTLEGS_LOG_LEVEL": "warning",
        }
        subprocess.run(
            [sys.executable, "-m", "nightlegs", "db", "upgrade"],
            env=env,
            check=True,
            capture_output=True,
        )
        runs = []
        for workers in args.workers:
            print(f"{workers} worker(s) ...", flush=True)
            runs.append(measure(env, workers, args.requests, args.rounds))
            print(f"  {runs[-1]['median_rps']:.0f} requests/s {runs[-1]['rounds_rps']}")
    results["runs"] = runs
    args.output.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    print(f"\nmachine: {results['machine']}")
    base = runs[0]["median_rps"]
    for run in runs:
        print(
            f"{run['workers']} worker(s): {run['median_rps']:8.0f} requests/s"
            f"  ({run['median_rps'] / base:.2f}x the first)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
