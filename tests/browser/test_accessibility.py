"""axe-core (vendored, tests only) on every page type in every language: WCAG 2.2 AA."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page

from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from tests.browser.conftest import NewContext
from tests.browser.flow import Visit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""


def violations(page: Page) -> list[dict[str, object]]:
    if page.evaluate("typeof window.axe") == "undefined":
        page.add_script_tag(path=AXE)
    found: list[dict[str, object]] = page.evaluate(RUN_AXE, WCAG)
    return found


def readable(found: dict[str, list[dict[str, object]]]) -> str:
    lines = []
    for where, items in found.items():
        for v in items:
            lines.append(f"{where}: {v['id']} ({v['impact']}): {v['help']}")
            for node in v["nodes"]:  # type: ignore[attr-defined]
                lines.append(f"    at {node['target']}: {json.dumps(node['summary'])}")
    return "\n".join(lines)


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_axe_finds_nothing_on_any_page_type(
    new_context: NewContext, lang: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    # The app's CSP (script-src 'self') would block the injected axe script.
    page = new_context(js=True, bypass_csp=True).new_page()
    found: dict[str, list[dict[str, object]]] = {}
    kinds: set[str] = set()

    def check(visit: Visit, kind: str) -> None:
        where = f"{kind} page ({lang}) {visit.page.url}"
        if kind == "question":
            where += f" question {visit.question_id()}"
        kinds.add(kind)
        if problems := violations(visit.page):
            found[where] = problems

    for case_id in ("dvt-after-flight", "rls-mild-intermittent"):
        visit = Visit(page, lang, True, kb, cases[case_id])
        page.goto(f"/{lang}/")
        check(visit, "start")
        visit.start()
        if case_id == "rls-mild-intermittent":
            visit.answer()
            visit.back()  # a question with its earlier answer filled in
            check(visit, "question")
        visit.run(on_page=check)
        page.context.clear_cookies()

    assert kinds == {"start", "question", "emergency", "check", "results"}
    assert not found, "axe found violations:\n" + readable(found)
