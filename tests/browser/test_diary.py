"""The night diary in a real browser, through its stable hooks only.

Issue 4's "Done when": create a diary, add a night in under 30 seconds of
clicking, see the chart, share a link and open it as the doctor, revoke it
(the link then answers 404), delete everything. Also: signing out and back in
with the recovery code on another device, and axe-core on every diary page.

Issue 9: the recovery code of 25 digits with copy, a .txt file and print; the share
link with copy, a QR code and Telegram/Viber links, the only links to another origin,
and nothing fetched from one; the charts' text at least 12 px on a 390 px phone; axe on
the diary pages in uk, ru and en; no page wider than a 320 px screen.

Hooks (docs/diary.md, "Pages"): ``main[data-page=diary-start|diary-code|diary|
diary-entry|diary-share|shared|diary-delete]``, ``[data-action=...]``,
``[data-recovery-code]``, ``[data-night][data-recorded]``,
``form[data-entry-date]`` and its named inputs, ``figure[data-chart]``,
``[data-share-url]``, ``[data-share-id]`` and ``[data-share-views]``. Nights
beyond the first go in through the JSON API (a bearer token from signing in
with the recovery code), to give the charts weeks of data without minutes of
clicking.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import APIRequestContext, Locator, Page

from tests.browser.conftest import ARTIFACTS, PHONE, NewContext
from tests.browser.flow import follow
from tests.browser.test_accessibility import readable, violations
from tests.browser.test_flows import console_errors

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

API = "/api/v1/diaries"
#: Issue 4: "fast to fill in on a phone: one screen, sensible defaults, under 30 seconds".
ENTRY_SECONDS = 30
NOTE = "Судома в лівій литці, розтягування допомогло"
CODE = re.compile(r"\d{5}(-\d{5}){4}")
#: The clinic's calendar of the live server (NIGHTLEGS_TIMEZONE's default).
CLINIC = ZoneInfo("Europe/Kyiv")
#: Nights added through the API before the one clicked in (4 weeks in all).
MORE_NIGHTS = 27
CHARTS = ("nights", "severity")
SCREENSHOTS = ARTIFACTS / "screenshots"


# --- the owner's browser ------------------------------------------------------------------


@dataclass
class Owner:
    """The person keeping the diary, in one browser page."""

    page: Page
    lang: str
    js: bool
    code: str = ""

    @property
    def where(self) -> str:
        return f"({self.lang}, JS {'on' if self.js else 'off'}) at {self.page.url}"

    def kind(self) -> str:
        kind = self.page.locator("main[data-page]").get_attribute("data-page")
        assert kind, f"no main[data-page] {self.where}"
        return kind

    def expect(self, kind: str) -> None:
        assert self.kind() == kind, f"expected the {kind} page {self.where}"

    def follow(self, target: Locator) -> None:
        """Click a link or button that leads to another page, and wait for that page."""
        assert target.count() == 1, f"{target.count()} of {target} {self.where}"
        follow(self.page, self.js, target)

    def action(self, name: str) -> Locator:
        return self.page.locator(f"[data-action={name}]")

    # -- the steps ---------------------------------------------------------------------

    def create(self) -> str:
        """Make a diary from the start page; the recovery code it shows once."""
        self.page.goto(f"/{self.lang}/diary/")
        self.expect("diary-start")
        self.follow(self.action("create-diary"))
        self.expect("diary-code")
        shown = self.page.locator("[data-recovery-code]")
        assert shown.count() == 1, f"the code shown {shown.count()} times {self.where}"
        code = shown.get_attribute("data-recovery-code") or ""
        assert CODE.fullmatch(code), f"the recovery code is not 5 groups of 5 digits: {code!r}"
        groups = shown.locator(".code-groups__group").all_inner_texts()
        assert groups == code.split("-"), self.where
        self.code = code
        assert shows(self.page, self.code), self.where
        return self.code

    def continue_to_diary(self) -> None:
        self.follow(self.action("continue"))
        self.expect("diary")

    def record_last_night(self) -> tuple[str, float]:
        """From the diary page, the whole night by clicking: its date and the seconds taken."""
        self.expect("diary")
        started = time.monotonic()
        self.follow(self.action("record-night"))
        self.expect("diary-entry")
        form = self.page.locator("form[data-entry-date]")
        night = form.get_attribute("data-entry-date") or ""
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", night), f"data-entry-date={night!r}"
        for symptom in ("cramp", "urge_to_move"):
            form.locator(f'input[type=checkbox][name=symptoms][value="{symptom}"]').check()
        form.locator("input[name=episodes]").fill("2")
        set_scale(form.locator("input[name=severity]"), 6)
        form.locator("input[name=minutes_awake]").fill("30")
        form.locator('input[type=checkbox][name=triggers][value="long_sitting_standing"]').check()
        form.locator('input[type=checkbox][name=tried][value="stretching"]').check()
        form.locator('input[type=checkbox][name=helped][value="stretching"]').check()
        form.locator("textarea[name=note]").fill(NOTE)
        self.follow(form.locator("[data-action=save-entry]"))
        self.expect("diary")
        return night, time.monotonic() - started

    def open_share_page(self) -> None:
        self.page.goto(f"/{self.lang}/diary")
        self.follow(self.action("share"))
        self.expect("diary-share")

    def share(self) -> str:
        """Make a link of the default 14 days; its absolute URL, shown once."""
        self.open_share_page()
        assert self.page.locator("input[name=days]").input_value() == "14", self.where
        self.follow(self.action("create-share"))
        self.expect("diary-share")
        shown = self.page.locator("[data-share-url]")
        assert shown.count() == 1, f"{shown.count()} share URLs {self.where}"
        url = (shown.get_attribute("data-share-url") or "").strip()
        assert re.fullmatch(rf"https?://[^/]+/{self.lang}/shared/[A-Za-z0-9_-]{{32,}}", url), url
        assert url in shown.inner_text(), f"the link is not shown as text {self.where}"
        return url

    def views(self) -> int:
        """The number in the view log of the one link."""
        self.page.goto(f"/{self.lang}/diary/share")
        self.expect("diary-share")
        rows = self.page.locator("[data-share-id]")
        assert rows.count() == 1, f"{rows.count()} share rows {self.where}"
        count = rows.locator("[data-share-views]").get_attribute("data-share-views") or ""
        assert count.isdigit(), f"data-share-views={count!r} {self.where}"
        return int(count)

    def revoke(self) -> None:
        self.follow(self.page.locator("[data-share-id] [data-action=revoke]"))
        self.expect("diary-share")
        assert self.page.locator("[data-share-id] [data-action=revoke]").count() == 0

    def delete_everything(self) -> None:
        self.page.goto(f"/{self.lang}/diary")
        self.follow(self.action("delete-diary"))
        self.expect("diary-delete")
        confirm = self.page.locator("input[name=confirm]")
        confirm.fill("ні")  # a wrong word deletes nothing
        self.follow(self.action("confirm-delete"))
        self.expect("diary-delete")
        confirm.fill(confirmation_word(self.page))
        self.follow(self.action("confirm-delete"))


def confirmation_word(page: Page) -> str:
    """The word the delete page asks for: ``[data-confirm-word]``, else the one set in bold
    in the confirm field's label."""
    marked = page.locator("[data-confirm-word]")
    shown = marked if marked.count() else page.locator("label[for=confirm] strong")
    assert shown.count() == 1, f"no confirmation word shown at {page.url}"
    word = shown.inner_text().strip()
    assert word, page.url
    return word


def set_scale(fields: Locator, value: int) -> None:
    """A range by keyboard (as a person would), a number box by typing."""
    visible = [field for field in fields.all() if field.is_visible()]
    assert visible, "no visible severity input"
    for field in visible:
        if field.get_attribute("type") == "range":
            field.focus()
            field.press("Home")
            for _ in range(value):
                field.press("ArrowRight")
        else:
            field.fill(str(value))
        assert field.input_value() == str(value)


def sign_in_api(request: APIRequestContext, code: str) -> tuple[str, str]:
    """Sign in with the code through the JSON API: the diary's id and a bearer token."""
    response = request.post(f"{API}/session", data={"recovery_code": code})
    assert response.status == 200, response.text()
    body = response.json()
    return body["id"], body["token"]


def night_body(days_before: int) -> dict[str, Any]:
    """A synthetic night: symptoms two nights in three, severity rising towards now."""
    if days_before % 3 == 0:
        return {"symptoms": []}
    return {
        "symptoms": ["cramp"] if days_before % 2 else ["cramp", "urge_to_move"],
        "episodes": 1 + days_before % 3,
        "severity": max(1, 8 - days_before // 4),
        "minutes_awake": 15 * (days_before % 4),
        "triggers": ["caffeine"] if days_before % 5 == 0 else [],
        "tried": [{"measure": "stretching", "helped": days_before % 2 == 0}],
        "note": "",
    }


def add_nights(request: APIRequestContext, diary: str, token: str, last: str) -> None:
    """``MORE_NIGHTS`` nights before ``last`` through the JSON API."""
    night = dt.date.fromisoformat(last)
    for days in range(1, MORE_NIGHTS + 1):
        date = (night - dt.timedelta(days=days)).isoformat()
        response = request.put(
            f"{API}/{diary}/entries/{date}",
            data=night_body(days),
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.status == 201, (date, response.status, response.text())


def shows(page: Page, code: str) -> bool:
    """Whether the page's text holds the recovery code's digits in a row."""
    return code.replace("-", "") in re.sub(r"\D", "", page.locator("body").inner_text())


def yesterday() -> str:
    """Last night, as the date of its evening on the clinic's calendar."""
    return (dt.datetime.now(CLINIC).date() - dt.timedelta(days=1)).isoformat()


def recorded(page: Page) -> set[str]:
    """The nights the diary page lists as recorded."""
    nights = page.locator("[data-night][data-recorded]").evaluate_all(
        "els => els.map(e => e.getAttribute('data-night'))"
    )
    return set(nights)


def check_chart(page: Page, name: str, where: str) -> None:
    """``figure[data-chart=name]``: an SVG image named by its <title>, and its data table
    (possibly folded away: opening it shows the numbers)."""
    where = f"the {name} chart {where}"
    figure = page.locator(f"figure[data-chart={name}]")
    assert figure.count() == 1, f"{figure.count()} of {where}"
    svg = figure.locator("svg")
    assert svg.count() == 1, f"{svg.count()} svg in {where}"
    assert svg.get_attribute("role") == "img", where
    title = (svg.locator("title").first.text_content() or "").strip()
    assert title, f"empty <title> in {where}"
    labelled = (svg.get_attribute("aria-labelledby") or "").split()
    assert labelled, f"no aria-labelledby on the svg of {where}"
    for ref in labelled:
        assert page.locator(f"[id='{ref}']").count() == 1, f"aria-labelledby {ref!r}: {where}"
    assert page.get_by_role("img", name=title).count() >= 1, f"no image named {title!r}: {where}"

    table = figure.locator("table")
    assert table.count() == 1, f"{table.count()} tables in {where}"
    if not table.is_visible():
        figure.locator("summary").click()
    assert table.is_visible(), f"the table of {where} cannot be opened"
    assert table.locator("thead th").count() >= 2, f"no column headers in {where}"
    rows = table.locator("tbody tr")
    assert rows.count() >= 1, f"no rows in the table of {where}"
    cells = " ".join(rows.all_inner_texts())
    assert re.search(r"[1-9]", cells), f"the table of {where} shows no data: {cells!r}"


def check_shared(doctor: Page, night: str, where: str) -> str:
    """The doctor's read-only view: summary, charts, the night, a PDF link (its href)."""
    kind = doctor.locator("main[data-page]").get_attribute("data-page")
    assert kind == "shared", f"{kind} instead of the shared page {where}"
    for chart in CHARTS:
        check_chart(doctor, chart, where)
    assert doctor.locator("[data-triage-level]").count() >= 1, f"no assessment {where}"
    assert doctor.locator(f'[data-night="{night}"]').count() == 1, f"no night {night} {where}"
    assert NOTE in doctor.locator("main").inner_text(), f"the note is missing {where}"
    for owner_only in ("delete-diary", "create-share", "revoke", "save-entry", "record-night"):
        assert doctor.locator(f"[data-action={owner_only}]").count() == 0, (owner_only, where)
    report = doctor.locator("[data-action=report]")
    assert report.count() == 1, f"{report.count()} report links {where}"
    href = report.get_attribute("href")
    assert href, where
    return href


def fetch_pdf(doctor: Page, href: str, where: str) -> None:
    response = doctor.request.get(href)
    assert response.status == 200, (href, response.status, response.text()[:300], where)
    assert response.headers["content-type"].split(";")[0] == "application/pdf", where
    assert response.body().startswith(b"%PDF-"), where


# --- the tests ------------------------------------------------------------------------------


def test_a_diary_from_creation_to_deletion(new_context: NewContext, js: bool) -> None:
    lang = "uk"
    owner = Owner(new_context(js=js).new_page(), lang, js)
    page, api = owner.page, owner.page.context.request
    errors = console_errors(page)

    code = owner.create()
    owner.continue_to_diary()
    assert not shows(page, code), "the recovery code is shown on the diary page"
    page.goto(f"/{lang}/diary/code")  # shown once: never again
    owner.expect("diary-code")
    assert page.locator("[data-recovery-code]").count() == 0, "the code is shown again"
    assert not shows(page, code), "the code is shown again"
    page.goto(f"/{lang}/diary")

    night, seconds = owner.record_last_night()
    assert page.locator("html").get_attribute("lang") == lang
    assert seconds < ENTRY_SECONDS, f"recording a night took {seconds:.1f} s {owner.where}"
    assert night in recorded(page), f"the night {night} is not listed {owner.where}"
    check_chart(page, "nights", owner.where)

    # The page's own cookie reads the night back through the API, as it was clicked in.
    diary, token = sign_in_api(api, code)
    (stored,) = api.get(f"{API}/{diary}/entries").json()["entries"]
    assert {k: stored[k] for k in ("date", "symptoms", "episodes", "severity")} == {
        "date": night,
        "symptoms": ["cramp", "urge_to_move"],
        "episodes": 2,
        "severity": 6,
    }
    assert (stored["minutes_awake"], stored["triggers"], stored["note"]) == (
        30,
        ["long_sitting_standing"],
        NOTE,
    )
    assert stored["tried"] == [{"measure": "stretching", "helped": True}]

    add_nights(api, diary, token, night)
    page.goto(f"/{lang}/diary")
    assert len(recorded(page)) == MORE_NIGHTS + 1, owner.where
    for chart in CHARTS:
        check_chart(page, chart, owner.where)

    url = owner.share()
    doctor = new_context(js=js).new_page()
    doctor_errors = console_errors(doctor)
    response = doctor.goto(url)
    assert response is not None
    assert response.status == 200, url
    where = f"(the doctor, {lang}, JS {'on' if js else 'off'}) at {url}"
    report = check_shared(doctor, night, where)
    assert doctor.locator("html").get_attribute("lang") == lang
    assert owner.views() == 1, "the doctor's visit is not in the log"
    fetch_pdf(doctor, report, where)
    assert owner.views() == 2, "the PDF download is an opening too"

    # Nothing went wrong in either browser so far (the 404s and the 422 below are meant).
    assert errors == []
    assert doctor_errors == []

    owner.revoke()
    assert doctor.context.request.get(url).status == 404, "a revoked link still opens"
    assert doctor.request.get(report).status == 404, "a revoked link's PDF still opens"
    gone = doctor.goto(url)
    assert gone is not None
    assert gone.status == 404
    assert doctor.locator("figure[data-chart]").count() == 0

    owner.delete_everything()
    assert owner.kind() == "diary-deleted", owner.where
    page.goto(f"/{lang}/diary")
    owner.expect("diary-start")  # signed out: nothing left to show
    bearer = {"Authorization": f"Bearer {token}"}
    assert api.get(f"{API}/{diary}", headers=bearer).status == 404
    assert api.get(f"{API}/{diary}/entries", headers=bearer).status == 404
    assert api.post(f"{API}/session", data={"recovery_code": code}).status == 401


def test_signing_out_and_back_in_with_the_recovery_code(new_context: NewContext) -> None:
    owner = Owner(new_context(js=True).new_page(), "en", True)
    owner.create()
    owner.continue_to_diary()
    owner.follow(owner.action("quiet-night"))  # one tap
    owner.expect("diary")
    nights = recorded(owner.page)
    assert nights == {yesterday()}, nights
    owner.follow(owner.action("sign-out"))
    owner.expect("diary-start")
    owner.page.goto("/en/diary")
    owner.expect("diary-start")  # the old cookie no longer opens the diary

    other = Owner(new_context(js=False).new_page(), "en", False)
    other.page.goto("/en/diary/")
    other.expect("diary-start")
    # Typed as a person might: in groups with spaces, not the dashes shown.
    other.page.locator("[name=recovery_code]").fill(owner.code.replace("-", " "))
    other.follow(other.action("sign-in"))
    other.expect("diary")
    assert recorded(other.page) == nights
    # Signed in to that very diary: its cookie reads it through the API.
    diary, _ = sign_in_api(other.page.context.request, owner.code)
    assert other.page.context.request.get(f"{API}/{diary}").status == 200


def wider_than(page: Page, width: int) -> int:
    """How far the page scrolls sideways at ``width`` px (0: it fits)."""
    page.set_viewport_size({"width": width, "height": 800})
    overflow = int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))
    page.set_viewport_size(PHONE)
    return overflow


def chart_text_sizes(page: Page) -> list[float]:
    """Each chart text's size as shown: its computed font size times the drawing's scale."""
    sizes: list[float] = page.evaluate(
        """() => [...document.querySelectorAll("figure[data-chart] svg")].flatMap(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll("text")].map(
                t => parseFloat(getComputedStyle(t).fontSize) * scale);
        })"""
    )
    return sizes


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_axe_and_a_narrow_screen_on_every_diary_page(new_context: NewContext, lang: str) -> None:
    # The app's CSP (script-src 'self') would block the injected axe script.
    owner = Owner(new_context(js=True, bypass_csp=True).new_page(), lang, True)
    found: dict[str, list[dict[str, object]]] = {}
    wide: dict[str, int] = {}
    seen: list[str] = []

    def check(page: Page) -> None:
        kind = page.locator("main[data-page]").get_attribute("data-page") or "?"
        seen.append(kind)
        if problems := violations(page):
            found[f"{kind} ({lang}) {page.url}"] = problems
        if overflow := wider_than(page, 320):
            wide[f"{kind} ({lang}) {page.url}"] = overflow

    owner.page.goto(f"/{lang}/diary/")
    check(owner.page)
    owner.create()
    check(owner.page)
    owner.continue_to_diary()
    check(owner.page)  # empty
    diary, token = sign_in_api(owner.page.context.request, owner.code)
    add_nights(owner.page.context.request, diary, token, yesterday())
    owner.page.goto(f"/{lang}/diary")
    for summary in owner.page.locator("figure[data-chart] summary").all():
        summary.click()  # the tables open
    check(owner.page)
    owner.follow(owner.action("record-night"))
    check(owner.page)
    url = owner.share()
    check(owner.page)  # with the new link, its QR code and the messengers' links
    doctor = new_context(js=True, bypass_csp=True).new_page()
    doctor.goto(url)
    check(doctor)
    assert owner.views() == 1
    check(owner.page)  # the log of openings
    owner.page.goto(f"/{lang}/diary/delete")
    check(owner.page)

    assert seen == [
        "diary-start",
        "diary-code",
        "diary",
        "diary",
        "diary-entry",
        "diary-share",
        "shared",
        "diary-share",
        "diary-delete",
    ]
    assert not found, "axe found violations:\n" + readable(found)
    assert not wide, f"pages scroll sideways at 320 px (by px): {wide}"


def test_the_charts_text_is_at_least_12_px_on_a_phone(new_context: NewContext) -> None:
    owner = Owner(new_context(js=True).new_page(), "uk", True)
    owner.create()
    diary, token = sign_in_api(owner.page.context.request, owner.code)
    add_nights(owner.page.context.request, diary, token, yesterday())
    doctor = new_context(js=False).new_page()
    for page, path in ((owner.page, "/uk/diary"), (doctor, None)):
        page.goto(path if path is not None else owner.share())
        assert page.viewport_size == PHONE
        sizes = chart_text_sizes(page)
        assert len(sizes) > 20, sizes
        assert min(sizes) >= 12, f"chart text of {min(sizes):.1f} px at {page.url}"


def test_the_recovery_code_is_copied_saved_and_printed(new_context: NewContext) -> None:
    context = new_context(js=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    owner = Owner(context.new_page(), "uk", True)
    errors = console_errors(owner.page)
    code = owner.create()
    copy, printing = owner.action("copy-code"), owner.action("print-code")
    # diary.js shows them once it runs (after an htmx swap, a moment later).
    copy.wait_for(state="visible")
    printing.wait_for(state="visible")
    copy.click()
    status = owner.page.locator("#copy-code-status")
    status.wait_for(state="visible")
    assert status.inner_text() == "Скопійовано"
    assert owner.page.evaluate("navigator.clipboard.readText()") == code
    owner.page.evaluate("window.print = () => { document.body.dataset.printed = 'yes'; }")
    printing.click()
    assert owner.page.locator("body").get_attribute("data-printed") == "yes"
    with owner.page.expect_download() as download:
        owner.action("download-code").click()
    saved = download.value
    assert saved.suggested_filename == "nightlegs-recovery-code.txt"
    text = Path(saved.path()).read_text(encoding="utf-8")
    assert code in text.splitlines()
    assert owner.kind() == "diary-code"  # still on the page, the code still shown
    assert errors == []

    plain = Owner(new_context(js=False).new_page(), "ru", False)
    code = plain.create()
    assert not plain.action("copy-code").is_visible()  # needs JavaScript
    assert not plain.action("print-code").is_visible()
    with plain.page.expect_download() as download:
        plain.action("download-code").click()
    assert code in Path(download.value.path()).read_text(encoding="utf-8")


def test_the_share_link_reaches_no_other_origin_but_the_messengers(
    new_context: NewContext, live_server: str
) -> None:
    context = new_context(js=True)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    owner = Owner(context.new_page(), "uk", True)
    fetched: list[str] = []
    owner.page.on("request", lambda request: fetched.append(request.url))
    owner.create()
    owner.continue_to_diary()
    url = owner.share()
    page = owner.page
    qr = page.locator("[data-share-qr] svg")
    assert qr.get_attribute("role") == "img"
    assert qr.is_visible()
    box = qr.bounding_box()
    assert box is not None
    assert box["width"] >= 150, box
    owner.action("copy-link").click()
    page.locator("#copy-link-status").wait_for(state="visible")
    assert page.evaluate("navigator.clipboard.readText()") == url

    links = page.evaluate(
        """() => [...document.querySelectorAll("[href], [src], [action], [srcset], [poster]")]
            .flatMap(e => ["href", "src", "action", "srcset", "poster"]
                .filter(a => e.hasAttribute(a)).map(a => new URL(e.getAttribute(a), location.href)))
            .filter(u => !["tel:", "data:"].includes(u.protocol))
            .filter(u => u.origin !== location.origin)
            .map(u => u.href)"""
    )
    telegram = page.locator("[data-action=share-telegram]").get_attribute("href") or ""
    viber = page.locator("[data-action=share-viber]").get_attribute("href") or ""
    assert telegram.startswith("https://t.me/share/url?url=" + quote(url, safe=""))
    assert viber.startswith("viber://forward?text=")
    assert quote(url, safe="") in viber
    assert sorted(links) == sorted([telegram, viber]), links
    foreign = [u for u in fetched if not u.startswith(live_server)]
    assert foreign == [], foreign


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_screenshots_of_the_diary_on_a_phone(new_context: NewContext, lang: str) -> None:
    """Phone-sized pictures of each diary page, for a person to look at
    (test-artifacts/screenshots/diary-*.png)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    owner = Owner(new_context(js=True).new_page(), lang, True)
    taken: list[str] = []

    def shoot(page: Page, name: str) -> None:
        page.screenshot(path=SCREENSHOTS / f"diary-{name}-{lang}.png", full_page=True)
        taken.append(name)

    owner.page.goto(f"/{lang}/diary/")
    shoot(owner.page, "start")
    owner.create()
    shoot(owner.page, "code")
    owner.continue_to_diary()
    diary, token = sign_in_api(owner.page.context.request, owner.code)
    add_nights(owner.page.context.request, diary, token, yesterday())
    owner.page.goto(f"/{lang}/diary")
    shoot(owner.page, "diary")
    owner.follow(owner.action("record-night"))
    shoot(owner.page, "entry")
    url = owner.share()
    shoot(owner.page, "share-new")
    doctor = new_context(js=True).new_page()
    doctor.goto(url)
    shoot(doctor, "shared")
    owner.views()
    shoot(owner.page, "share-log")
    owner.page.goto(f"/{lang}/diary/delete")
    shoot(owner.page, "delete")
    assert len(taken) == 8
