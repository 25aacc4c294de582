"""Rich rendering of an assessment and of evaluation figures."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from nightlegs.cli.texts import words
from nightlegs.engine.models import Assessment
from nightlegs.evaluation.report import Report
from nightlegs.i18n import Translator

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
    t = words(result.language)
    _triage(console, result)
    if result.warnings:
        _heading(console, t.gettext("Important"))
        _bullets(console, [Text(w, style="bold red") for w in result.warnings], mark="!")
    if result.out_of_scope:
        _heading(console, t.gettext("Outside what this tool covers"))
        _bullets(console, [Text(reason) for reason in result.out_of_scope_reasons])
    if result.conditions:
        _heading(console, t.gettext("What it may be"))
        _conditions(console, result, t)
    if result.factors:
        _heading(console, t.gettext("What may contribute"))
        _bullets(console, [_named(f.name, f.detail) for f in result.factors])
    if result.specialists:
        _heading(console, t.gettext("Whom to see"))
        first = " (" + t.gettext("first") + ")"
        _bullets(
            console,
            [
                _named(s.name + (first if i == 0 else ""), s.why)
                for i, s in enumerate(result.specialists)
            ],
        )
    if result.tests:
        _heading(console, t.gettext("Tests to ask about"))
        _bullets(console, [_named(test.name, test.why) for test in result.tests])
    if result.advice:
        _heading(console, t.gettext("What you can do"))
        _advice(console, result, t)
    if result.withheld_advice:
        _heading(console, t.gettext("Not advised for now"))
        _withheld(console, result)
    console.print()
    console.print(Text(result.disclaimer, style="dim"))
    console.print(Text(t.gettext("knowledge base") + f" {result.kb_version}", style="dim"))


def _triage(console: Console, result: Assessment) -> None:
    """The triage level in a panel of its colour: its reasons and the safety net."""
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


def _conditions(console: Console, result: Assessment, t: Translator) -> None:
    """Each likely condition with its likelihood, then its criteria marked."""
    likelihoods = {
        "high": t.gettext("likely"),
        "moderate": t.gettext("possible"),
        "low": t.gettext("less likely"),
    }
    for rank, condition in enumerate(result.conditions, 1):
        line = Text(f"{rank}. ")
        line.append(condition.name, style="bold")
        likelihood = likelihoods[condition.likelihood]
        line.append(f" — {likelihood} ({condition.likelihood}, {condition.score:.2f})")
        console.print(line)
        criteria = Table.grid(padding=(0, 1))
        criteria.add_column(width=4, justify="right")
        criteria.add_column()
        for criterion in condition.criteria:
            mark, colour = CRITERION_MARK[criterion.status]
            criteria.add_row(Text(mark, style=colour), Text(criterion.text))
        console.print(criteria)


def _advice(console: Console, result: Assessment, t: Translator) -> None:
    items = []
    for advice in result.advice:
        text = Text(advice.text)
        sources = t.gettext("sources")
        text.append(f" ({sources}: {', '.join(advice.sources)})", style="dim")
        items.append(text)
    _bullets(console, items)


def _withheld(console: Console, result: Assessment) -> None:
    items = []
    for withheld in result.withheld_advice:
        text = Text(withheld.text, style="strike")
        text.append(" — ")
        text.append(withheld.why, style="bold")
        items.append(text)
    _bullets(console, items, mark="✗")


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
