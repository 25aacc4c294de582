"""The complaint parser's speed and the server's memory with its dictionaries loaded.

    .venv/bin/python -m benchmarks.parse_bench           # full run, about a minute
    .venv/bin/python -m benchmarks.parse_bench --quick   # smoke run

Texts: 300-character complaints made of the labelled complaints (tests/parsing/, both
files) in their language, each a different mix. Measured:

- in the process: ``parse()`` per text, with the word caches emptied before each text
  (every word read afresh: lemmas, typo search) and warm (a server's steady state);
- over HTTP: one ``nightlegs serve`` process (uvicorn, one worker, SQLite) on 127.0.0.1,
  one keep-alive connection sending ``POST /api/v1/complaints/parse`` for every text, each
  round's words new to the first round only; the latency as the client sees it;
- the server's own CPU time per request (``/proc/<pid>/stat``), which other work on the
  machine does not stretch as it does wall-clock latency; the load average is recorded;
- the server's peak RSS (``VmHWM``) after the load, the dictionaries and the medicine
  table loaded. Figures against the targets of issue 10; the numbers go to
  benchmarks/parse-results.json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import time
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from benchmarks.http_bench import HOST, peak_rss_mb, server
from benchmarks.run import machine

ROOT = Path(__file__).resolve().parents[1]
LABELLED = (ROOT / "tests/parsing/complaints.yaml", ROOT / "tests/parsing/complaints-holdout.yaml")
RESULTS = Path(__file__).with_name("parse-results.json")
LENGTH = 300
TARGETS = {
    "median_ms": 5.0,
    "p95_ms": 15.0,
    "server_peak_rss_mb": 250.0,
}


def texts(count: int) -> list[tuple[str, str]]:
    """``count`` different (language, text) pairs of at most 300 characters, each at
    least 280, made of labelled complaints of one language."""
    by_language: dict[str, list[str]] = {}
    for path in LABELLED:
        for item in YAML(typ="safe").load(path.read_text(encoding="utf-8")):
            by_language.setdefault(item["language"], []).append(item["text"])
    made: list[tuple[str, str]] = []
    languages = sorted(by_language)
    for index in range(count):
        language = languages[index % len(languages)]
        pool = by_language[language]
        start = (index // len(languages)) * 3
        pieces, size = [], 0
        for offset in range(len(pool)):
            piece = pool[(start + offset) % len(pool)]
            pieces.append(piece)
            size += len(piece) + 2
            if size >= LENGTH:
                break
        text = ". ".join(pieces)[:LENGTH]
        made.append((language, text.rsplit(" ", 1)[0] if len(text) == LENGTH else text))
    return made


def summary(timings: list[float]) -> dict[str, float]:
    ordered = sorted(timings)
    return {
        "median_ms": statistics.median(ordered) * 1000,
        "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000,
        "max_ms": ordered[-1] * 1000,
    }


def cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_average() -> float:
    return os.getloadavg()[0]


def in_process(corpus: list[tuple[str, str]]) -> dict[str, Any]:
    from nightlegs.complaints import parser

    started = time.perf_counter()
    reader = parser()
    reader.parse("судомии", "uk")  # the typo vocabulary is made on the first typo
    built = time.perf_counter() - started
    fresh, warm, fresh_cpu, warm_cpu = [], [], [], []
    for language, text in corpus:
        reader.morphology.cyrillic_forms.cache_clear()
        reader.morphology.latin_forms.cache_clear()
        reader.morphology.known.cache_clear()
        start, cpu = time.perf_counter(), time.process_time()
        reader.parse(text, language)
        fresh.append(time.perf_counter() - start)
        fresh_cpu.append(time.process_time() - cpu)
    for language, text in corpus:
        start, cpu = time.perf_counter(), time.process_time()
        reader.parse(text, language)
        warm.append(time.perf_counter() - start)
        warm_cpu.append(time.process_time() - cpu)
    return {
        "first_use_s": built,
        "fresh_words": summary(fresh),
        "warm": summary(warm),
        # CPU time: what the parse costs, whatever else the machine runs.
        "fresh_words_cpu": summary(fresh_cpu),
        "warm_cpu": summary(warm_cpu),
    }


def over_http(corpus: list[tuple[str, str]], rounds: int) -> dict[str, Any]:
    with server() as (port, process):
        connection = http.client.HTTPConnection(HOST, port, timeout=30)

        def post(language: str, text: str) -> float:
            body = json.dumps({"language": language, "text": text}).encode()
            start = time.perf_counter()
            connection.request(
                "POST", "/api/v1/complaints/parse", body, {"Content-Type": "application/json"}
            )
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - start
            if response.status != 200:
                raise RuntimeError(f"complaints/parse answered {response.status}")
            return elapsed

        first = post("uk", "судомии в литках")  # loads the dictionaries and the tables
        cpu = cpu_seconds(process.pid)
        timings = [post(language, text) for _ in range(rounds) for language, text in corpus]
        server_cpu_ms = (cpu_seconds(process.pid) - cpu) / len(timings) * 1000
        rss = peak_rss_mb(process.pid)
        connection.close()
    return {
        "first_request_s": first,
        "requests": len(timings),
        "first_round": summary(timings[: len(corpus)]),
        **summary(timings),
        # The server's own CPU time per request (HTTP, JSON and the parse).
        "server_cpu_ms_per_request": server_cpu_ms,
        "server_peak_rss_mb": rss,
    }


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--quick", action="store_true", help="fewer texts and rounds")
    arguments = options.parse_args()
    corpus = texts(30 if arguments.quick else 150)
    lengths = [len(text) for _, text in corpus]
    load_before = load_average()
    report: dict[str, Any] = {
        "machine": machine(),
        "texts": len(corpus),
        "characters": {"min": min(lengths), "max": max(lengths)},
        "in_process": in_process(corpus),
        "http": over_http(corpus, rounds=1 if arguments.quick else 3),
    }
    # Other work on the machine stretches the wall-clock times, not the CPU times.
    report["load_average"] = {"before": load_before, "after": load_average()}
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    failed = 0
    for name, target in TARGETS.items():
        value = report["http"][name]
        ok = value <= target
        failed += not ok
        print(f"{'ok  ' if ok else 'MISS'} {name}: {value:.2f} (target <= {target})")
    process = report["in_process"]
    print(
        f"in process: fresh words median {process['fresh_words']['median_ms']:.2f} ms "
        f"p95 {process['fresh_words']['p95_ms']:.2f} ms; warm median "
        f"{process['warm']['median_ms']:.2f} ms; first use {process['first_use_s']:.1f} s"
    )
    print(
        f"server CPU per request {report['http']['server_cpu_ms_per_request']:.2f} ms; "
        f"load average {report['load_average']['before']:.1f} -> "
        f"{report['load_average']['after']:.1f}"
    )
    print(f"first request {report['http']['first_request_s']:.1f} s; written {RESULTS.name}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
