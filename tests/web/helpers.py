"""Reading the pages as a form-filling browser without JavaScript would."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from httpx2 import Response
from starlette.testclient import TestClient

from tests.profiles import RLS_CLASSIC

# One person with classic restless legs (tests/cases/public.yaml, rls-classic).
RLS_PROFILE: dict[str, Any] = RLS_CLASSIC
# A clot in the leg (tests/cases/public.yaml, dvt-after-flight, shortened).
DVT_PROFILE: dict[str, Any] = {
    "sudden_unilateral_swelling": "present",
    "calf_tenderness_one_leg": "present",
    "leg_symptoms": "present",
    "age": 45,
    "sex": "male",
}


#: The inputs that are not a typed field.
NOT_TEXT = ("radio", "checkbox", "hidden", "submit")


@dataclass
class Input:
    tag: str
    type: str
    name: str
    value: str
    checked: bool = False
    options: list[tuple[str, bool]] = field(default_factory=list)


@dataclass
class Page:
    html: str
    lang: str | None = None
    kind: str | None = None
    question: str | None = None
    action: str | None = None
    inputs: list[Input] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The HTML with character references resolved."""
        return html.unescape(self.html)

    @property
    def findings(self) -> list[str]:
        """The names of the answer inputs, in order (hidden fields, buttons and the number
        items' companion fields left out)."""
        names = [
            i.name for i in self.inputs if i.type not in ("hidden", "submit") and "__" not in i.name
        ]
        return list(dict.fromkeys(names))

    @property
    def group(self) -> bool:
        """A group of signs asked with checkboxes (``value="present"``)."""
        return any(i.type == "checkbox" and i.value == "present" for i in self.inputs)

    def buttons(self) -> dict[str, str]:
        return {i.name: i.value for i in self.inputs if i.tag == "button"}

    def values(self, name: str) -> list[str]:
        return [i.value for i in self.inputs if i.name == name and i.type != "hidden"]

    def hidden(self) -> dict[str, str]:
        return {i.name: i.value for i in self.inputs if i.type == "hidden"}

    def checked(self, name: str) -> list[str]:
        return [i.value for i in self.inputs if i.name == name and i.checked]

    def number(self, name: str) -> str | None:
        """The text field of a number item (whatever its ``type``)."""
        for i in self.inputs:
            if i.name == name and i.tag == "input" and i.type not in NOT_TEXT:
                return i.value
        return None

    def attr(self, attribute: str) -> list[str]:
        return re.findall(rf'{attribute}="([^"]*)"', self.html)


class _Parser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.in_form = False
        self.select: Input | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.page.lang = a.get("lang")
        elif tag == "main":
            self.page.kind = a.get("data-page")
        elif tag == "form" and "data-question-id" in a:
            self.in_form = True
            self.page.question = a["data-question-id"]
            self.page.action = a.get("action")
        elif tag == "a" and "data-action" in a:
            self.page.links[a["data-action"]] = a.get("href", "")
        elif self.in_form and tag == "input":
            self.page.inputs.append(
                Input(
                    "input",
                    a.get("type", "text"),
                    a.get("name", ""),
                    a.get("value", ""),
                    "checked" in a,
                )
            )
        elif self.in_form and tag == "button" and a.get("name"):
            self.page.inputs.append(Input("button", "submit", a["name"], a.get("value", "")))
        elif self.in_form and tag == "select":
            self.select = Input("select", "select", a.get("name", ""), "")
            self.page.inputs.append(self.select)
        elif self.select is not None and tag == "option":
            self.select.options.append((a.get("value", ""), "selected" in a))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.in_form = False
        elif tag == "select":
            self.select = None


def read(response: Response) -> Page:
    page = Page(response.text)
    _Parser(page).feed(response.text)
    return page


def answers_for(page: Page, profile: Mapping[str, Any]) -> dict[str, str]:
    """The form a person with ``profile`` sends on a page of radios and numbers: their
    answers, else "absent" where that is a choice, else "unknown"."""
    data = {**page.hidden(), "action": "next"}
    for finding in page.findings:
        if finding in profile:
            data[finding] = str(profile[finding])
        elif "absent" in page.values(finding):
            data[finding] = "absent"
        else:
            data[finding] = "unknown"
    return data


def group_values(page: Page, profile: Mapping[str, Any]) -> dict[str, str]:
    """A group's signs as a person with ``profile`` answers them (else "absent")."""
    return {f: str(profile.get(f, "absent")) for f in page.findings}


def ticks_for(page: Page, profile: Mapping[str, Any], button: str = "") -> dict[str, Any]:
    """A checkbox group's form: the signs present ticked, sent with ``button`` (else as
    the person would: Next with ticks, "None of these" without, "Not sure" when a sign
    is not known)."""
    values = group_values(page, profile)
    ticked = [f for f, v in values.items() if v == "present"]
    if not button:
        unknown = "unknown" in values.values()
        button = "not_sure" if unknown else "action" if ticked else "none_of_these"
    data: dict[str, Any] = {**page.hidden(), **dict.fromkeys(ticked, "present")}
    data[button] = "next" if button == "action" else "yes"
    return data


def answer(client: TestClient, page: Page, profile: Mapping[str, Any], **kwargs: Any) -> Response:
    """Answer the question ``page`` shows as a person with ``profile`` does, by its form
    (a group of signs through "Not sure" and the page of each sign when one is not
    known), and follow where it leads."""
    assert page.action, page.html
    if not page.group:
        return client.post(page.action, data=answers_for(page, profile), **kwargs)
    response = client.post(page.action, data=ticks_for(page, profile), **kwargs)
    each = read(response)
    if each.kind == "question" and each.question == page.question and not each.group:
        return client.post(each.action or "", data=answers_for(each, profile), **kwargs)
    return response


def start(client: TestClient, lang: str = "uk") -> Response:
    response = client.post(f"/{lang}/interview", data={"consent": "yes"})
    assert response.status_code == 200, response.text
    return response


def run(
    client: TestClient,
    profile: Mapping[str, Any],
    lang: str = "uk",
    *,
    response: Response | None = None,
    limit: int = 40,
) -> tuple[Page, list[str], list[Page]]:
    """Answer every question until the results page, continuing past emergency pages and
    the check of the answers.

    Answers the results page, the questions answered in order, and the emergency
    pages seen.
    """
    response = response or start(client, lang)
    asked: list[str] = []
    emergencies: list[Page] = []
    for _ in range(limit):
        page = read(response)
        assert response.status_code == 200, (page.kind, response.status_code, response.text)
        if page.kind == "results":
            return page, asked, emergencies
        if page.kind == "emergency":
            emergencies.append(page)
            response = client.post(f"/{lang}/interview/continue")
            continue
        if page.kind == "check":
            response = client.post(f"/{lang}/interview/check", data={"action": "next"})
            continue
        assert page.kind == "question", page.html
        assert page.question is not None
        asked.append(page.question)
        response = answer(client, page, profile)
    raise AssertionError(f"no results after {limit} pages: {asked}")
