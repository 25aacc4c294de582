"""Requests per second of the real server, and its peak memory.

A uvicorn server (one process, as `nightlegs serve` runs it) is started on
127.0.0.1 with a throwaway SQLite database; a bounded load of keep-alive
connections from this process measures GET /api/v1/health and
POST /api/v1/assessments on the same server. Only loopback is ever contacted.
"""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

HOST = "127.0.0.1"

ASSESSMENT = {
    "language": "uk",
    "evidence": [
        {"finding": "age", "value": 54},
        {"finding": "sex", "value": "female"},
        {"finding": "leg_symptoms", "value": "present"},
        {"finding": "urge_to_move", "value": "present"},
        {"finding": "worse_at_rest", "value": "present"},
        {"finding": "relief_with_movement", "value": "present"},
        {"finding": "evening_night_predominance", "value": "present"},
        {"finding": "nights_per_week", "value": 4},
        {"finding": "ferritin", "value": 40, "unit": "ng/mL"},
    ],
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@contextmanager
def server() -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "NIGHTLEGS_DATABASE_URL": f"sqlite:///{Path(tmp) / 'bench.db'}",
            "NIGHTLEGS_LOG_LEVEL": "warning",
        }
        cli = [sys.executable, "-m", "nightlegs"]
        subprocess.run([*cli, "db", "upgrade"], env=env, check=True, capture_output=True)
        process = subprocess.Popen(
            [*cli, "serve", "--host", HOST, "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_ready(port, process)
            yield port, process
        finally:
            process.terminate()
            process.wait(timeout=10)


def _wait_ready(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the server stopped while starting")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=1)
            connection.request("GET", "/api/v1/health")
            if connection.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start within 30 s")


def load(port: int, method: str, path: str, body: Any, requests: int, workers: int) -> float:
    """Requests per second over ``requests`` requests from ``workers`` connections."""
    payload = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if payload else {}
    per_worker = requests // workers
    errors: list[str] = []

    def work() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        for _ in range(per_worker):
            connection.request(method, path, body=payload, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                errors.append(f"{path}: {response.status}")
        connection.close()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    if errors:
        raise RuntimeError(f"{len(errors)} failed requests, first: {errors[0]}")
    return per_worker * workers / elapsed


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def http_throughput(requests: int = 3000, workers: int = 4) -> dict[str, Any]:
    with server() as (port, process):
        # Warm up both paths (imports, first database connection).
        load(port, "GET", "/api/v1/health", None, 200, workers)
        load(port, "POST", "/api/v1/assessments", ASSESSMENT, 200, workers)
        health = load(port, "GET", "/api/v1/health", None, requests, workers)
        assessments = load(port, "POST", "/api/v1/assessments", ASSESSMENT, requests, workers)
        rss = peak_rss_mb(process.pid)
    return {
        "requests_each": requests,
        "connections": workers,
        "health_rps": health,
        "assessments_rps": assessments,
        "ratio": assessments / health,
        "server_peak_rss_mb": rss,
    }
