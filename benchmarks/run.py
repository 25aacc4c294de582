"""Run every benchmark, print the figures and write them to benchmarks/results.json."""

from __future__ import annotations

import argparse
import json
import os
import platform
from pathlib import Path
from typing import Any

from benchmarks import engine_bench, http_bench, web_bench

TARGETS = {
    "direct assessment median": ("direct.median_ms", "<=", 1.0, "ms"),
    "interview step median": ("interview.median_ms", "<=", 5.0, "ms"),
    "cached knowledge-base load": ("kb_load.cached_ms", "<=", 200.0, "ms"),
    "assessments / health throughput": ("http.ratio", ">=", 0.5, "x"),
    "server peak RSS": ("http.server_peak_rss_mb", "<=", 200.0, "MB"),
    "question page server time median": ("web.question_page.median_ms", "<=", 20.0, "ms"),
    "PDF render median": ("web.pdf.median_ms", "<=", 1000.0, "ms"),
}


def machine() -> dict[str, Any]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def pick(results: dict[str, Any], dotted: str) -> float:
    node: Any = results
    for part in dotted.split("."):
        node = node[part]
    return float(node)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer repeats (for a smoke run)")
    parser.add_argument("--output", type=Path, default=Path(__file__).with_name("results.json"))
    args = parser.parse_args(argv)
    repeats = 20 if args.quick else 200
    results: dict[str, Any] = {"machine": machine()}
    print("direct assessment ...", flush=True)
    results["direct"] = engine_bench.direct_assessment(repeats)
    print("interview steps ...", flush=True)
    results["interview"] = engine_bench.interview_steps(1 if args.quick else 5)
    print("knowledge-base load ...", flush=True)
    results["kb_load"] = engine_bench.knowledge_base_load(2 if args.quick else 5)
    print("HTTP throughput and memory ...", flush=True)
    results["http"] = http_bench.http_throughput(500 if args.quick else 3000)
    print("question page and PDF ...", flush=True)
    results["web"] = {
        "question_page": web_bench.question_page(50 if args.quick else 300),
        "pdf": web_bench.pdf_render(1 if args.quick else 5),
    }
    args.output.write_text(json.dumps(results, indent=2, sort_keys=True) + "\n")
    failed = 0
    print(f"\nmachine: {results['machine']}")
    for name, (path, op, limit, unit) in TARGETS.items():
        try:
            value = pick(results, path)
        except KeyError:
            failed += 1
            print(f"FAIL  {name}: not measured (see {path.rsplit('.', 1)[0]} in the results)")
            continue
        ok = value <= limit if op == "<=" else value >= limit
        failed += not ok
        print(
            f"{'PASS' if ok else 'FAIL'}  {name}: {value:.3f} {unit} (target {op} {limit} {unit})"
        )
    http = results["http"]
    print(
        f"      health {http['health_rps']:.0f} req/s, assessments "
        f"{http['assessments_rps']:.0f} req/s; kb cold {results['kb_load']['cold_ms']:.0f} ms"
    )
    page, pdf = results["web"]["question_page"], results["web"]["pdf"]
    if page["available"]:
        print(
            f"      question page ({page['mode']}): p95 {page['p95_ms']:.1f} ms, "
            f"{page['bytes']} bytes uncompressed"
        )
    if pdf["available"]:
        print(
            f"      PDF: CPU median {pdf['cpu_median_ms']:.0f} ms, slowest case "
            f"{pdf['max_case_ms']:.0f} ms, first render {pdf['first_render_ms']:.0f} ms, "
            f"at most {pdf['max_pages']} pages"
        )
    return 1 if failed else 0
