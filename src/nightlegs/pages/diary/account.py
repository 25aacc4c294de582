"""The diary's start page, a new diary and its recovery code, sign-in and sign-out, and
deleting everything.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nightlegs.diary.codes import RecoveryCodeError, groups, normalise_code
from nightlegs.http import cookies
from nightlegs.http.diary_access import keys_of, signed_in_diary
from nightlegs.pages import common as page
from nightlegs.pages.common import ContextDep, FormDep, LangDep, WebDep
from nightlegs.pages.diary import common as diary_common
from nightlegs.services import diaries
from nightlegs.services.hashing import hashing

router = APIRouter(include_in_schema=False)


DIARY_START_PAGE = page.Screen(
    "diary/start.html", "diary-start", "/diary/", diary_common.TITLES["start"]
)
DIARY_CODE_PAGE = page.Screen(
    "diary/code.html", "diary-code", "/diary/code", diary_common.TITLES["code"]
)
DIARY_DELETE_PAGE = page.Screen(
    "diary/delete.html", "diary-delete", "/diary/delete", diary_common.TITLES["delete"]
)


@router.get("/{lang}/diary/")
def diary_start(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    with context.sessions() as session, session.begin():
        diary_id = signed_in_diary(session, request)
    if diary_id is not None:
        return page.redirect(f"/{lang}/diary")
    if keys_of(web.context) is None:
        return diary_common.off_page(web, request, lang)
    return _start_response(web, request, lang)


def _start_response(
    web: page.Web,
    request: Request,
    lang: str,
    *,
    problem: str | None = None,
    status: int = 200,
    code: str = "",
) -> HTMLResponse:
    # The problem's message id: the template translates it.
    message = diary_common.MESSAGES[problem] if problem else None
    return page.render(
        web, request, lang, DIARY_START_PAGE, status=status, problem=message, code=code
    )


def _too_many(web: page.Web, request: Request, lang: str, wait: str) -> HTMLResponse:
    response = _start_response(web, request, lang, problem="too_many", status=429)
    response.headers["Retry-After"] = wait
    return response


@router.post("/{lang}/diary/new")
async def create_diary(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep
) -> Response:
    """A new diary: sign in, and show its recovery code once."""
    keys = keys_of(web.context)
    if keys is None:
        return diary_common.off_page(web, request, lang)
    wait = diary_common.limited(request)
    if wait is not None:
        return _too_many(web, request, lang, wait)
    with context.sessions() as session:
        created = await hashing(diaries.create_diary, session, keys, context.settings)
    response = page.redirect(f"/{lang}/diary/code")
    diary_common.sign_in_cookie(response, request, web, created.token)
    cookies.put(
        response, request, diary_common.CODE_COOKIE, created.recovery_code, diary_common.ONCE_AGE
    )
    return response


@router.post("/{lang}/diary/sign-in")
async def sign_in(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep, form: FormDep
) -> Response:
    keys = keys_of(web.context)
    if keys is None:
        return diary_common.off_page(web, request, lang)
    text = next(iter(form.get("recovery_code", [])), "")[:200]
    wait = diary_common.limited(request)
    if wait is not None:
        return _too_many(web, request, lang, wait)
    try:
        with context.sessions() as session:
            signed = await hashing(diaries.sign_in, session, keys, context.settings, text)
    except RecoveryCodeError:
        return _start_response(web, request, lang, problem="code_malformed", status=422, code=text)
    if signed is None:
        return _start_response(web, request, lang, problem="code_unknown", status=401, code=text)
    response = page.redirect(f"/{lang}/diary")
    diary_common.sign_in_cookie(response, request, web, signed.token)
    return response


@router.get("/{lang}/diary/code")
def code_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    """The new diary's recovery code, this once; afterwards the page says it was shown."""
    code = (cookies.read(request, diary_common.CODE_COOKIE) or "").strip()
    with context.sessions() as session, session.begin():
        diary_id = signed_in_diary(session, request)
    if diary_id is None and not code:
        return diary_common.to_start(request, web, lang)
    response = page.render(
        web, request, lang, DIARY_CODE_PAGE, code=code, groups=groups(code) if code else []
    )
    if cookies.read(request, diary_common.CODE_COOKIE) is not None:
        cookies.forget(response, request, diary_common.CODE_COOKIE)
    return response


@router.post("/{lang}/diary/code.txt")
def code_file(lang: LangDep, request: Request, web: WebDep, form: FormDep) -> Response:
    """The recovery code just shown, as a text file to keep (works without JavaScript).

    The server no longer has the code: the code page posts it back from its form. Only a
    well-formed code is written, and only in its own digits or words, so this cannot be
    made to hand out a file of someone else's text.
    """
    try:
        code = normalise_code(next(iter(form.get("code", [])), "")[:200])
    except RecoveryCodeError:
        return page.redirect(f"/{lang}/diary/code")
    t = web.pages.translators[lang]
    start = str(request.base_url).rstrip("/") + f"/{lang}/diary/"
    shown = "-".join(groups(code)) if code.isdigit() else code
    text = diary_common.code_file_text(t, shown, start)
    return Response(
        text.encode("utf-8"),
        media_type="text/plain; charset=utf-8",
        headers={
            "Content-Disposition": 'attachment; filename="nightlegs-recovery-code.txt"',
            "Cache-Control": "no-store",
        },
    )


@router.post("/{lang}/diary/sign-out")
def sign_out(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    token = cookies.read(request, diaries.SESSION_COOKIE)
    if token:
        with context.sessions() as session, session.begin():
            diaries.sign_out(session, token)
    return diary_common.to_start(request, web, lang)


@router.get("/{lang}/diary/delete")
def delete_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    with context.sessions() as session, session.begin():
        if signed_in_diary(session, request) is None:
            return diary_common.to_start(request, web, lang)
    return _delete_response(web, request, lang)


def _delete_response(
    web: page.Web, request: Request, lang: str, *, typed: str = "", wrong: bool = False
) -> HTMLResponse:
    status = 422 if wrong else 200
    # The word to type, as a message id: the template translates it.
    word = diary_common.CONFIRM_WORD
    return page.render(
        web, request, lang, DIARY_DELETE_PAGE, status=status, word=word, typed=typed, wrong=wrong
    )


@router.post("/{lang}/diary/delete")
def delete_everything(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep, form: FormDep
) -> Response:
    t = web.pages.translators[lang]
    typed = next(iter(form.get("confirm", [])), "")[:100]
    with diary_common.signed_in(context, request, lang) as (session, diary_id):
        if _confirmed(typed, t(diary_common.CONFIRM_WORD)):
            diaries.delete_diary(session, diary_id)
        else:
            return _delete_response(web, request, lang, typed=typed, wrong=True)
    response = page.redirect(f"/{lang}/diary/deleted")
    cookies.forget(response, request, diaries.SESSION_COOKIE)
    return response


def _confirmed(typed: str, word: str) -> bool:
    """Whether the person typed the word (case, spaces and quotes aside)."""
    cleaned = typed.strip().strip("\"'«»“”„").strip().casefold()
    return cleaned == word.casefold()


@router.get("/{lang}/diary/deleted")
def deleted_page(lang: LangDep, request: Request, web: WebDep) -> HTMLResponse:
    return diary_common.message_page(
        web,
        request,
        lang,
        page="diary-deleted",
        here="/diary/deleted",
        key="deleted",
        status=200,
        home=True,
    )
