"""The ``nightlegs`` command: serve, interview, assess, eval, db and kb."""

from __future__ import annotations

import json
import time
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console

from nightlegs.cli import parsing
from nightlegs.cli.texts import Language, say

if TYPE_CHECKING:
    from nightlegs.settings import Settings

app = typer.Typer(
    name="nightlegs",
    help="Explainable assessment of night leg discomfort.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="The database: migrations.", no_args_is_help=True)
kb_app = typer.Typer(help="The knowledge base.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(kb_app, name="kb")
parsing.register(app)  # parse, eval-parse (issue 10)


class WayOption(StrEnum):
    direct = "direct"
    interview = "interview"
    both = "both"


def main() -> None:
    """The console script's entry point."""
    app(prog_name="nightlegs")


def _settings() -> Settings:
    from nightlegs.settings import Settings

    try:
        return Settings()
    except ValidationError as exc:
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"]) or "settings"
            typer.echo(f"error: NIGHTLEGS_{where.upper()}: {error['msg']}", err=True)
        raise typer.Exit(2) from exc


def _fail(message: str, code: int = 2) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


# -- serve and db ------------------------------------------------------------------


@app.command()
def serve(
    host: Annotated[
        str | None, typer.Option(help="Address to listen on (default: NIGHTLEGS_HOST).")
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(min=1, max=65535, help="Port to listen on (default: NIGHTLEGS_PORT)."),
    ] = None,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            help=(
                "Worker processes. More than 1 needs PostgreSQL and "
                "NIGHTLEGS_RATE_LIMIT_STORAGE=redis://... (refused otherwise)."
            ),
        ),
    ] = 1,
) -> None:
    """Run the web service with uvicorn."""
    import uvicorn

    from nightlegs.app import create_app

    settings = _settings()
    if workers > 1:
        _check_workers(settings, workers)
    trusted = settings.trust_forwarded_for
    options: dict[str, Any] = {
        "host": host or settings.host,
        "port": port or settings.port,
        "log_level": settings.log_level,
        # uvicorn would believe X-Forwarded-For and -Proto from loopback
        # (FORWARDED_ALLOW_IPS), whatever the app was told: anyone on this machine
        # could rotate the header past every per-address limit. Proxy headers
        # count exactly when NIGHTLEGS_TRUST_FORWARDED_FOR says.
        "proxy_headers": trusted,
        "forwarded_allow_ips": "*" if trusted else [],
    }
    if workers > 1:
        # Each worker builds its app from the same environment (nightlegs/cli/workers.py).
        from nightlegs.cli import workers as several

        several.run(workers, **options)
    else:
        uvicorn.run(create_app(settings), **options)


def _check_workers(settings: Settings, workers: int) -> None:
    """Refuse more than one worker where they would not work together."""
    if settings.database_url.startswith("sqlite"):
        raise _fail(
            f"--workers {workers} needs PostgreSQL: SQLite is for one server process "
            "(NIGHTLEGS_DATABASE_URL is a SQLite database). Run one worker, or set "
            "NIGHTLEGS_DATABASE_URL=postgresql+psycopg://... (docs/deployment.md)."
        )
    limited = settings.start_rate is not None or settings.diary_rate is not None
    if settings.rate_limit_storage.startswith("memory://") and limited:
        raise _fail(
            f"--workers {workers} with NIGHTLEGS_RATE_LIMIT_STORAGE=memory:// would let "
            f"each worker count on its own ({workers} times the rate limits). Set "
            "NIGHTLEGS_RATE_LIMIT_STORAGE=redis://host:6379/0 (docs/deployment.md), "
            "or run one worker."
        )


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply every pending migration."""
    from nightlegs.store.migrate import upgrade

    settings = _settings()
    upgrade(settings)
    typer.echo(f"upgraded: {_safe_url(settings.database_url)}")


@db_app.command("current")
def db_current() -> None:
    """Show the database's migration revision."""
    from nightlegs.store import migrate

    settings = _settings()
    revision = migrate.current(settings)
    head = migrate.head()
    state = "up to date" if revision == head else f"behind {head}: run nightlegs db upgrade"
    typer.echo(f"{revision or 'none'} ({state}): {_safe_url(settings.database_url)}")


def _safe_url(url: str) -> str:
    """A database URL without its password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # only for display; never fail on it
        return "(database url)"


# -- interview and assess -------------------------------------------------------------


@app.command()
def interview(
    lang: Annotated[
        Language | None,
        typer.Option("--lang", help="Language (default: NIGHTLEGS_DEFAULT_LANGUAGE)."),
    ] = None,
) -> None:
    """The whole interview in the terminal, then the assessment (nothing is stored)."""
    from nightlegs.cli import show
    from nightlegs.cli.terminal import TerminalInterview
    from nightlegs.engine import assess
    from nightlegs.knowledge import load_kb

    settings = _settings()
    language = str(lang or settings.default_language)
    kb = load_kb()
    console = Console(highlight=False)
    state = TerminalInterview(kb, console, language, console.input).run()
    if state is None:
        console.print()
        console.print(say("stopped", language))
        return
    result = assess(kb, state.values, language, emergency_numbers=settings.emergency_numbers)
    console.print()
    console.rule(say("result", language))
    show.assessment(console, result)


@app.command("assess")
def assess_file(
    file: Annotated[
        Path,
        typer.Argument(
            help="JSON or YAML: {finding: value, ...} or {evidence: [{finding, value, unit}]}."
        ),
    ],
    lang: Annotated[Language | None, typer.Option("--lang", help="Language [default: en].")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the assessment as JSON.")] = False,
) -> None:
    """Assess the evidence in FILE."""
    from nightlegs.cli import show
    from nightlegs.cli.files import InputError, read_evidence
    from nightlegs.engine import EvidenceError, assess, merge
    from nightlegs.engine.evidence import check_consistent
    from nightlegs.knowledge import load_kb

    settings = _settings()
    kb = load_kb()
    try:
        evidence = read_evidence(file)
        values = merge(kb, evidence.answers)
        check_consistent(kb, values)
    except InputError as exc:
        raise _fail(str(exc)) from exc
    except EvidenceError as exc:
        raise _fail(f"{file}: {exc.message}") from exc
    language = str(lang or evidence.language or "en")
    if language not in Language.__members__:
        raise _fail(f"{file}: language must be uk, ru or en, not {language!r}")
    result = assess(kb, values, language, emergency_numbers=settings.emergency_numbers)
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        show.assessment(Console(highlight=False), result)


# -- evaluation ---------------------------------------------------------------------


@app.command("eval")
def eval_cases(
    cases_file: Annotated[Path, typer.Argument(metavar="CASES.yaml", help="Evaluation cases.")],
    way: Annotated[WayOption, typer.Option(help="Which way to run the cases.")] = WayOption.both,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Run evaluation cases direct and/or through the interview; print the figures.

    Exit code 1 when any case is critically under-triaged or advised against
    its never_advise list, else 0.
    """
    from nightlegs.cli import show
    from nightlegs.evaluation import WAYS, CaseError, Way, evaluate, load_cases
    from nightlegs.evaluation.ways import EvaluationError
    from nightlegs.knowledge import load_kb

    started = time.perf_counter()
    kb = load_kb()
    try:
        cases = load_cases(cases_file, kb)
    except OSError as exc:
        raise _fail(f"{cases_file}: cannot read: {exc.strerror or exc}") from exc
    except CaseError as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        raise _fail(f"{cases_file}: {len(exc.problems)} problem(s); no case was run") from exc
    ways: tuple[Way, ...] = WAYS if way == WayOption.both else (WAYS[WAYS.index(way.value)],)
    try:
        report = evaluate(kb, cases, ways, source=str(cases_file))
    except EvaluationError as exc:
        raise _fail(f"the interview broke the contract: {exc}", code=1) from exc
    seconds = time.perf_counter() - started
    if as_json:
        typer.echo(json.dumps({**report.to_json(), "seconds": round(seconds, 3)}, indent=2))
    else:
        console = Console(highlight=False)
        console.print(show.figures_table(report))
        for line in report.failure_lines():
            typer.echo(line)
        typer.echo(f"summary: {cases_file}, {len(cases)} cases, {seconds:.1f} s")
        for way_report in report.ways:
            typer.echo(way_report.figures.summary())
        critical = sum(w.figures.critical_under_triage for w in report.ways)
        violations = sum(w.figures.advice_violations for w in report.ways)
        failing_cases = sum(w.figures.failing for w in report.ways)
        verdict = "safe" if report.safe else "UNSAFE"
        typer.echo(
            f"verdict: {verdict} (critical under-triage {critical}, "
            f"advice violations {violations}), failing cases {failing_cases}"
        )
    if not report.safe:
        raise typer.Exit(1)


# -- knowledge base -------------------------------------------------------------------


@kb_app.command("check")
def kb_check(
    directory: Annotated[
        Path | None,
        typer.Option(
            "--dir",
            exists=True,
            file_okay=False,
            help="Knowledge-base directory (default: the packaged one).",
        ),
    ] = None,
) -> None:
    """Load and lint the knowledge base (medicines.yaml and phrases/*.yaml too); print
    every issue as file:line: message."""
    from nightlegs.cli.kb_files import check_directory
    from nightlegs.knowledge import default_kb_dir

    kb, issues = check_directory(directory or default_kb_dir())
    if kb is None:
        for issue in sorted(issues, key=lambda i: (i.file, i.line, i.message)):
            typer.echo(str(issue))
        typer.echo(f"{len(issues)} issue(s) in {directory or default_kb_dir()}", err=True)
        raise typer.Exit(1)
    typer.echo(
        f"ok: kb_version {kb.version}, hash {kb.content_hash}, {len(kb.questions)} questions, "
        f"{len(kb.conditions)} conditions, {len(kb.sources)} sources"
    )
