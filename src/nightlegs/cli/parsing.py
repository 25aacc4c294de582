"""``nightlegs parse "TEXT"`` and ``nightlegs eval-parse FILE``: the complaint parser in the
terminal, and its figures on a labelled set (docs/parsing.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from nightlegs.cli.texts import Language, words
from nightlegs.languages import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from nightlegs.complaints.models import ParseResult
    from nightlegs.complaints.parser import Parser
    from nightlegs.complaints.scoring import LabelledComplaint, ParseScore
    from nightlegs.knowledge import KnowledgeBase

#: The targets of issue 10 on the labelled set: (figure, at least or at most, target).
TARGETS = (
    ("precision", "min", 0.90),
    ("recall", "min", 0.80),
    ("urgent_recall", "min", 0.95),
    ("urgent_absent", "max", 0),
    ("polarity_error_share", "max", 0.02),
)
MEDICINE_TARGETS = (("inn_accuracy", "min", 0.97), ("finding_precision", "min", 0.97))


def register(app: typer.Typer) -> None:
    app.command("parse")(parse_text)
    app.command("eval-parse")(eval_parse)


def parse_text(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="A complaint in the person's words.")],
    lang: Annotated[
        Language | None, typer.Option("--lang", help="The page's language [default: uk].")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the API's answer.")] = False,
    uk_dictionary: Annotated[
        bool | None,
        typer.Option(
            "--uk-dictionary/--no-uk-dictionary",
            help=(
                "Read Ukrainian with its dictionary (default: NIGHTLEGS_UK_DICTIONARY, "
                "as the API and the pages; its licence: docs/licences.md)."
            ),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read a complaint (Ukrainian, Russian or English, mixed too) for findings to confirm."""
    from nightlegs.cli.main import _settings
    from nightlegs.complaints import MAX_CHARACTERS, parse
    from nightlegs.knowledge import load_kb

    if len(text) > MAX_CHARACTERS:
        typer.echo(f"error: at most {MAX_CHARACTERS} characters ({len(text)} given)", err=True)
        raise typer.Exit(2)
    if uk_dictionary is None:
        # The deployment's setting, so that the terminal reads a complaint as its API
        # does (a wrong NIGHTLEGS_* value is reported as every command reports it).
        uk_dictionary = _settings().uk_dictionary
    language = str(lang or DEFAULT_LANGUAGE)
    kb = load_kb()
    result = parse(text, language, kb, uk_dictionary=uk_dictionary)
    if as_json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        show_result(Console(highlight=False), result, kb)


def show_result(console: Console, result: ParseResult, kb: KnowledgeBase) -> None:
    """The candidates as the person would confirm them, in the page's language."""
    say = words(result.language)
    if not result.candidates and not result.medicines:
        console.print(
            say.gettext("We did not recognise anything. The questions will ask about everything.")
        )
    else:
        console.print(say.gettext("We understood it like this:"))
        table = Table(show_header=False, box=None, padding=(0, 2, 0, 0))
        for candidate in result.candidates:
            value = _value(candidate.value, candidate.unit, say.gettext)
            table.add_row(
                _label(kb, candidate.finding, result.language), value, f"«{candidate.text}»"
            )
        for medicine in result.medicines:
            table.add_row(medicine.name, medicine.atc, f"«{medicine.text}»")
        console.print(table)
    if result.unrecognised:
        console.print(say.gettext("We did not understand:") + " " + "; ".join(result.unrecognised))


def _label(kb: KnowledgeBase, finding: str, language: str) -> str:
    item = kb.items.get(finding)
    return f"{item.label.get(language)} ({finding})" if item is not None else finding


def _value(value: str | float, unit: str | None, gettext: Any) -> str:
    if value == "present":
        return str(gettext("yes"))
    if value == "absent":
        return str(gettext("no"))
    if isinstance(value, float):
        number = f"{value:g}"
        return f"{number} {unit}" if unit else number
    return value


def eval_parse(
    file: Annotated[Path, typer.Argument(metavar="FILE", help="Labelled complaints (YAML).")],
    medicines: Annotated[
        Path | None,
        typer.Option(
            help=(
                "Labelled medicine strings (default: medicines.yaml beside FILE, "
                "medicines-holdout.yaml for a holdout file)."
            )
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    misses: Annotated[
        bool, typer.Option("--misses", help="List each complaint read wrong.")
    ] = False,
) -> None:
    """Precision, recall and F1 on (finding, value) pairs, urgent signs and polarity.

    Exit code 1 when a target of issue 10 is missed, 2 when FILE cannot be read.
    """
    from nightlegs.cli.parsing_files import LabelError, read_labelled
    from nightlegs.complaints import parser

    reader = parser()
    try:
        items = read_labelled(file, reader.kb)
    except LabelError as exc:
        for problem in exc.problems:
            typer.echo(problem, err=True)
        raise typer.Exit(2) from exc
    report, figures = _report(file, items, reader)
    report.update(_medicine_report(file, medicines))
    missed = _missed(report)
    if as_json:
        typer.echo(json.dumps({**report, "missed": missed}, ensure_ascii=False, indent=2))
    else:
        _print(report, missed)
        if misses:
            for miss in figures.misses:
                typer.echo(f"- [{miss.language}] {miss.text}")
                typer.echo(f"    missing {list(miss.missing)}  extra {list(miss.extra)}")
    if missed:
        raise typer.Exit(1)


def _report(
    file: Path, items: list[LabelledComplaint], reader: Parser
) -> tuple[dict[str, Any], ParseScore]:
    from nightlegs.complaints.scoring import ParseScore, score

    by_language = {}
    figures = ParseScore()
    for language in sorted({item.language for item in items}):
        some = [item for item in items if item.language == language]
        part = score(reader.parse, some, reader.urgent)
        figures = figures.plus(part)
        by_language[language] = {
            "complaints": part.complaints,
            "precision": round(part.precision, 3),
            "recall": round(part.recall, 3),
            "f1": round(part.f1, 3),
        }
    report = {
        "file": str(file),
        "complaints": figures.complaints,
        "pairs_expected": figures.expected,
        "pairs_given": figures.predicted,
        "precision": round(figures.precision, 3),
        "recall": round(figures.recall, 3),
        "f1": round(figures.f1, 3),
        "urgent_expected": figures.urgent_expected,
        "urgent_recall": round(figures.urgent_recall, 3),
        "urgent_absent": figures.urgent_absent,
        "polarity_compared": figures.polarity_compared,
        "polarity_errors": figures.polarity_errors,
        "polarity_error_share": round(figures.polarity_error_share, 4),
        "by_language": by_language,
    }
    return report, figures


def _medicine_report(file: Path, chosen: Path | None) -> dict[str, Any]:
    path = chosen or _medicine_file(file)
    if path is None or not path.exists():
        return {}
    from nightlegs.complaints.medicine_list import taken_list
    from nightlegs.medicines import load_table, score_file

    result = score_file(load_table(), path, taken_list)
    return {
        "medicines_file": str(path),
        "medicine_strings": result.strings,
        "inn_accuracy": round(result.inn_accuracy, 3),
        "finding_precision": round(result.finding_precision, 3),
        "class_descriptions_taken": result.class_descriptions_taken,
    }


def _medicine_file(file: Path) -> Path | None:
    paired = file.with_name(file.name.replace("complaints", "medicines"))
    if paired != file and paired.exists():
        return paired
    beside = file.with_name("medicines.yaml")
    return beside if beside.exists() else None


def _missed(report: dict[str, Any]) -> list[str]:
    missed = []
    targets = [*TARGETS, *(MEDICINE_TARGETS if "inn_accuracy" in report else ())]
    for name, kind, target in targets:
        value = report[name]
        if (kind == "min" and value < target) or (kind == "max" and value > target):
            missed.append(f"{name} {value} (target {'≥' if kind == 'min' else '≤'} {target})")
    if report.get("class_descriptions_taken"):
        missed.append(f"class_descriptions_taken {report['class_descriptions_taken']} (target 0)")
    return missed


def _print(report: dict[str, Any], missed: list[str]) -> None:
    typer.echo(f"{report['file']}: {report['complaints']} complaints")
    typer.echo(
        f"pairs: precision {report['precision']:.3f}, recall {report['recall']:.3f}, "
        f"F1 {report['f1']:.3f} ({report['pairs_given']} given, "
        f"{report['pairs_expected']} labelled)"
    )
    for language, part in report["by_language"].items():
        typer.echo(
            f"  {language}: {part['complaints']} complaints, precision {part['precision']:.3f}, "
            f"recall {part['recall']:.3f}, F1 {part['f1']:.3f}"
        )
    typer.echo(
        f"urgent signs: recall {report['urgent_recall']:.3f} of {report['urgent_expected']}, "
        f"turned absent {report['urgent_absent']}"
    )
    typer.echo(
        f"polarity errors: {report['polarity_errors']} of {report['polarity_compared']} "
        f"({report['polarity_error_share']:.1%})"
    )
    if "inn_accuracy" in report:
        typer.echo(
            f"medicines ({report['medicines_file']}, {report['medicine_strings']} strings): "
            f"INN right {report['inn_accuracy']:.1%}, class findings precision "
            f"{report['finding_precision']:.3f}, class descriptions taken "
            f"{report['class_descriptions_taken']}"
        )
    typer.echo("targets: " + ("all met" if not missed else "MISSED " + "; ".join(missed)))
