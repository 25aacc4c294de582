"""The diary's start page, a new diary and its recovery code, sign-in and sign-out, and
deleting everything.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nightlegs.diary.codes import RecoveryCodeError
from nightlegs.http import cookies
from nightlegs.i18n import N_
from nightlegs.pages.common import ContextDep, FormDep, LangDep, Web, WebDep, redirect, render
from nightlegs.pages.diary.common import (
    CODE_COOKIE,
    CONFIRM_WORD,
    MESSAGES,
    ONCE_AGE,
    TITLES,
    _diary_of,
    _forget_cookie,
    _keys,
    _limited,
    _message,
    _off,
    _set_cookie,
    _signed_in,
    _to_start,
)
from nightlegs.services import diaries
from nightlegs.services.hashing import hashing

router = APIRouter(include_in_schema=False)


@router.get("/{lang}/diary/")
def diary_start(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
    if diary_id is not None:
        return redirect(f"/{lang}/diary")
    if _keys(request) is None:
        return _off(web, request, lang)
    return _start_response(web, request, lang)


def _start_response(
    web: Web,
    request: Request,
    lang: str,
    *,
    problem: str | None = None,
    status: int = 200,
    code: str = "",
) -> HTMLResponse:
    t = web.pages.translators[lang]
    return render(
        web,
        request,
        lang,
        "diary/start.html",
        page="diary-start",
        here="/diary/",
        title=t(TITLES["start"]),
        status=status,
        problem=t(MESSAGES[problem]) if problem else None,
        code=code,
    )


def _too_many(web: Web, request: Request, lang: str, wait: str) -> HTMLResponse:
    response = _start_response(web, request, lang, problem="too_many", status=429)
    response.headers["Retry-After"] = wait
    return response


@router.post("/{lang}/diary/new")
async def create_diary(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep
) -> Response:
    """A new diary: sign in, and show its recovery code once."""
    keys = _keys(request)
    if keys is None:
        return _off(web, request, lang)
    wait = _limited(request)
    if wait is not None:
        return _too_many(web, request, lang, wait)
    with context.sessions() as session:
        created = await hashing(diaries.create_diary, session, keys, context.settings)
    response = redirect(f"/{lang}/diary/code")
    _signed_in(response, request, web, created.token)
    _set_cookie(
        response, request, web, CODE_COOKIE, created.recovery_code.replace(" ", "-"), ONCE_AGE
    )
    return response


@router.post("/{lang}/diary/sign-in")
async def sign_in(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep, form: FormDep
) -> Response:
    keys = _keys(request)
    if keys is None:
        return _off(web, request, lang)
    text = next(iter(form.get("recovery_code", [])), "")[:200]
    wait = _limited(request)
    if wait is not None:
        return _too_many(web, request, lang, wait)
    try:
        with context.sessions() as session:
            signed = await hashing(diaries.sign_in, session, keys, context.settings, text)
    except RecoveryCodeError:
        return _start_response(web, request, lang, problem="code_malformed", status=422, code=text)
    if signed is None:
        return _start_response(web, request, lang, problem="code_unknown", status=401, code=text)
    response = redirect(f"/{lang}/diary")
    _signed_in(response, request, web, signed.token)
    return response


@router.get("/{lang}/diary/code")
def code_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    """The new diary's recovery code, this once; afterwards the page says it was shown."""
    code = (cookies.read(request, CODE_COOKIE) or "").replace("-", " ").strip()
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
    if diary_id is None and not code:
        return _to_start(request, web, lang)
    t = web.pages.translators[lang]
    response = render(
        web,
        request,
        lang,
        "diary/code.html",
        page="diary-code",
        here="/diary/code",
        title=t(TITLES["code"]),
        words=code.split(),
    )
    if cookies.read(request, CODE_COOKIE) is not None:
        _forget_cookie(response, request, web, CODE_COOKIE)
    return response


@router.post("/{lang}/diary/sign-out")
def sign_out(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    token = cookies.read(request, diaries.SESSION_COOKIE)
    if token:
        with context.sessions() as session, session.begin():
            diaries.sign_out(session, token)
    return _to_start(request, web, lang)


@router.get("/{lang}/diary/delete")
def delete_page(lang: LangDep, request: Request, web: WebDep, context: ContextDep) -> Response:
    with context.sessions() as session, session.begin():
        if _diary_of(session, request) is None:
            return _to_start(request, web, lang)
    return _delete_response(web, request, lang)


def _delete_response(
    web: Web, request: Request, lang: str, *, typed: str = "", wrong: bool = False
) -> HTMLResponse:
    t = web.pages.translators[lang]
    return render(
        web,
        request,
        lang,
        "diary/delete.html",
        page="diary-delete",
        here="/diary/delete",
        title=t(TITLES["delete"]),
        status=422 if wrong else 200,
        word=t(CONFIRM_WORD),
        typed=typed,
        wrong=wrong,
    )


@router.post("/{lang}/diary/delete")
def delete_everything(
    lang: LangDep, request: Request, web: WebDep, context: ContextDep, form: FormDep
) -> Response:
    t = web.pages.translators[lang]
    typed = next(iter(form.get("confirm", [])), "")[:100]
    with context.sessions() as session, session.begin():
        diary_id = _diary_of(session, request)
        if diary_id is None:
            return _to_start(request, web, lang)
        if _confirmed(typed, t(CONFIRM_WORD)):
            diaries.delete_diary(session, diary_id)
        else:
            return _delete_response(web, request, lang, typed=typed, wrong=True)
    response = redirect(f"/{lang}/diary/deleted")
    _forget_cookie(response, request, web, diaries.SESSION_COOKIE)
    return response


def _confirmed(typed: str, word: str) -> bool:
    """Whether the person typed the word (case, spaces and quotes aside)."""
    cleaned = typed.strip().strip("\"'«»“”„").strip().casefold()
    return cleaned == word.casefold()


@router.get("/{lang}/diary/deleted")
def deleted_page(lang: LangDep, request: Request, web: WebDep) -> HTMLResponse:
    t = web.pages.translators[lang]
    return _message(
        web,
        request,
        lang,
        page="diary-deleted",
        here="/diary/deleted",
        key="deleted",
        status=200,
        back=(f"/{lang}/", t(N_("Go to the start page"))),
    )
