"""Rich rendering of an assessment and of evaluation figures."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from nightlegs.cli.texts import say
from nightlegs.engine.models import Assessment
from nightlegs.evaluation.report import Report

LEVEL_STYLE = {
    "self_care": "green",
    "consultation": "yellow",
    "consultation_24": "dark_orange",
    "emergency": "red",
    "emergency_ambulance": "bold red",
}
CRITERION_MARK = {"met": ("✓", "green"), "not_met": ("✗", "red"), "unknown": ("?", "yellow")}


def assessment(console: Console, result: Assessment) -> None:
    """The whole assessment, most urgent first."""
    lang = result.language
    style = LEVEL_STYLE.get(result.triage.level, "white")
    body = Table.grid(padding=(0, 1))
    body.add_column(width=1)
    body.add_column()
    for reason in result.triage.reasons:
        body.add_row("•", Text(reason))
    body.add_row("", Text(result.triage.safety_net, style="italic"))
    console.print(
        Panel(
            body,
            title=Text(result.triage.name, style=f"bold {style}"),
            subtitle=result.triage.level,
            border_style=style,
        )
    )
    if result.warnings:
        _heading(console, say("warnings", lang))
        _bullets(console, [Text(w, style="bold red") for w in result.warnings], mark="!")

    if result.out_of_scope:
        _heading(console, say("out_of_scope", lang))
        _bullets(console, [Text(reason) for reason in result.out_of_scope_reasons])

    if result.conditions:
        _heading(console, say("conditions", lang))
        for rank, condition in enumerate(result.conditions, 1):
            likelihood = say(f"likelihood_{condition.likelihood}", lang)
            line = Text(f"{rank}. ")
            line.append(condition.name, style="bold")
            line.append(f" — {likelihood} ({condition.likelihood}, {condition.score:.2f})")
            console.print(line)
            criteria = Table.grid(padding=(0, 1))
            criteria.add_column(width=4, justify="right")
            criteria.add_column()
            for criterion in condition.criteria:
                mark, colour = CRITERION_MARK[criterion.status]
                criteria.add_row(Text(mark, style=colour), Text(criterion.text))
            console.print(criteria)

    if result.factors:
        _heading(console, say("factors", lang))
        _bullets(console, [_named(f.name, f.detail) for f in result.factors])

    if result.specialists:
        _heading(console, say("specialists", lang))
        first = f" ({say('first', lang)})"
        _bullets(
            console,
            [
                _named(s.name + (first if i == 0 else ""), s.why)
                for i, s in enumerate(result.specialists)
            ],
        )

    if result.tests:
        _heading(console, say("tests", lang))
        _bullets(console, [_named(t.name, t.why) for t in result.tests])

    if result.advice:
        _heading(console, say("advice", lang))
        items = []
        for advice in result.advice:
            text = Text(advice.text)
            text.append(f" ({say('sources', lang)}: {', '.join(advice.sources)})", style="dim")
            items.append(text)
        _bullets(console, items)

    if result.withheld_advice:
        _heading(console, say("withheld", lang))
        items = []
        for withheld in result.withheld_advice:
            text = Text(withheld.text, style="strike")
            text.append(" — ")
            text.append(withheld.why, style="bold")
            items.append(text)
        _bullets(console, items, mark="✗")

    console.print()
    console.print(Text(result.disclaimer, style="dim"))
    console.print(Text(f"{say('kb_version', lang)} {result.kb_version}", style="dim"))


def _named(name: str, text: str) -> Text:
    line = Text(name, style="bold")
    line.append(f": {text}")
    return line


def _bullets(console: Console, items: list[Text], mark: str = "•") -> None:
    """A list whose wrapped lines hang under their text, not under the mark."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3, justify="right")
    grid.add_column()
    for item in items:
        grid.add_row(mark, item)
    console.print(grid)


def _heading(console: Console, title: str) -> None:
    console.print()
    console.print(Text(title, style="bold underline"))


def figures_table(report: Report) -> Table:
    """Figures per way, one column per way, in the README's order."""
    table = Table(title=f"Evaluation of {report.source}" if report.source else "Evaluation")
    table.add_column("figure")
    for way in report.ways:
        table.add_column(way.figures.way, justify="right")
    names = [name for name, _ in report.ways[0].figures.rows()] if report.ways else []
    values = [dict(way.figures.rows()) for way in report.ways]
    for name in names:
        table.add_row(name, *(v[name] for v in values))
    return table
