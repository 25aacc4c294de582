"""Engine timings: direct assessment per case, one interview step, knowledge-base load."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from nightlegs.engine import assess, load_kb
from nightlegs.engine.interview import InterviewState, localize, next_step

CASES = Path(__file__).resolve().parents[1] / "tests" / "cases" / "public.yaml"


def load_cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = YAML(typ="safe").load(CASES.read_text(encoding="utf-8"))
    return cases


def as_values(profile: dict[str, Any]) -> dict[str, Any]:
    return {k: float(v) if isinstance(v, int | float) else v for k, v in profile.items()}


def direct_assessment(repeats: int = 200) -> dict[str, Any]:
    kb = load_kb()
    per_case: dict[str, float] = {}
    for case in load_cases():
        values = as_values(case["profile"])
        timings = []
        for _ in range(repeats):
            start = time.perf_counter()
            assess(kb, values, "uk")
            timings.append(time.perf_counter() - start)
        per_case[case["id"]] = statistics.median(timings) * 1000
    return {
        "median_ms": statistics.median(per_case.values()),
        "max_case_ms": max(per_case.values()),
        "per_case_ms": per_case,
    }


def interview_steps(rounds: int = 5) -> dict[str, Any]:
    """Time next_step + localising the question, along the simulated interviews."""
    kb = load_kb()
    timings: list[float] = []
    for _ in range(rounds):
        for case in load_cases():
            profile = as_values(case["profile"])
            state = InterviewState({})
            while True:
                start = time.perf_counter()
                step = next_step(kb, state)
                if step.planned is not None:
                    localize(kb, step.planned, "uk")
                timings.append(time.perf_counter() - start)
                if step.done or step.planned is None:
                    break
                values = dict(state.values)
                for finding in step.planned.findings:
                    boolean = kb.findings[finding].type == "boolean"
                    default = "absent" if boolean and finding != "family_history_rls" else "unknown"
                    values[finding] = profile.get(finding, default)
                state = InterviewState(values, (*state.asked, step.planned.record()))
    ordered = sorted(timings)
    return {
        "steps": len(timings),
        "median_ms": statistics.median(timings) * 1000,
        "p95_ms": ordered[int(len(ordered) * 0.95)] * 1000,
        "max_ms": ordered[-1] * 1000,
    }


_LOAD = (
    "import time; t=time.perf_counter(); from nightlegs.knowledge import load_kb; "
    "t1=time.perf_counter(); load_kb(); t2=time.perf_counter(); load_kb(); t3=time.perf_counter(); "
    "print(t2-t1, t3-t2)"
)


def knowledge_base_load(repeats: int = 5) -> dict[str, Any]:
    """Cold: a new process with an empty cache parses the YAML. Cached: a new process
    finds the parsed YAML in its cache directory. In-process: the second call."""
    cold, cached, again = [], [], []
    with tempfile.TemporaryDirectory() as cache:
        for _ in range(repeats):
            for entry in Path(cache).iterdir():
                entry.unlink()
            cold.append(_time_load(cache)[0])
            first, second = _time_load(cache)
            cached.append(first)
            again.append(second)
    return {
        "cold_ms": statistics.median(cold) * 1000,
        "cached_ms": statistics.median(cached) * 1000,
        "in_process_ms": statistics.median(again) * 1000,
    }


def _time_load(cache: str) -> tuple[float, float]:
    env = {**os.environ, "NIGHTLEGS_CACHE_DIR": cache}
    out = subprocess.run(
        [sys.executable, "-c", _LOAD], env=env, check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1])
