"""The Audit page, ``/audit``: the console's audit log newest first, filtered and paged, whether
its chain is whole, and its export (``/audit/export``) as CSV or JSON Lines, for those who may
read it (``Action.READ_AUDIT``). Viewing it and exporting it are recorded too.

Filters are query parameters, so a filtered page can be bookmarked and its export link carries
the same filter: ``person`` (an account's id), ``action`` (a ledger action), ``case`` (a case's
reference or id), ``laptop`` (a device id or code), ``from`` and ``to`` (days in the UK, both
included), ``page``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy import or_, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from rjdesk_hub import models as m
from rjdesk_hub.console import ledger, ledger_query
from rjdesk_hub.console.accounts_web import actor_of, console_router, permission
from rjdesk_hub.console.ledger import Action as Done
from rjdesk_hub.console.overview_web import uk_time
from rjdesk_hub.console.permissions import Action
from rjdesk_hub.console.sessions import SessionView
from rjdesk_hub.console.templating import page
from rjdesk_hub.service import Hub
from rjdesk_protocol.calendar import LONDON

PER_PAGE = 50
FILTERS = ("person", "action", "case", "laptop", "from", "to")

# Each action of the log in words, as the page lists and filters it.
ACTION_WORDS: dict[str, str] = {
    Done.SIGN_IN: "Signed in",
    Done.SIGN_IN_FAILED: "Sign-in refused",
    Done.SIGN_OUT: "Signed out",
    Done.SESSION_EXPIRED: "Session ran out",
    Done.LOCKED_OUT: "Locked out",
    Done.VIEW_OVERVIEW: "Viewed the overview",
    Done.VIEW_CASE: "Viewed a case",
    Done.OPEN_DOCUMENT: "Opened a document",
    Done.SEARCH: "Searched the cases",
    Done.ASSIGN: "Assigned a case",
    Done.UNASSIGN: "Unassigned a case",
    Done.REASSIGN: "Reassigned a case",
    Done.ENROL_CODE_CREATED: "Made an enrolment code",
    Done.LAPTOP_ENROLLED: "Enrolled a laptop",
    Done.LAPTOP_RETIRED: "Retired a laptop",
    Done.LAPTOP_LOST: "Reported a laptop lost",
    Done.LAPTOP_REVOKED: "Revoked a laptop",
    Done.LAPTOP_AUDIT_RESET: "Accepted a laptop's restored audit log",
    Done.CONFLICT_SETTLED: "Settled a conflict",
    Done.VIEW_BREACH: "Opened a breach-log entry",
    Done.BREACH_DECIDED: "Recorded a breach decision",
    Done.VIEW_REFERRAL: "Opened a referral",
    Done.REFERRAL_TYPED: "Typed in a phone referral",
    Done.REFERRAL_ACCEPTED: "Accepted a referral",
    Done.REFERRAL_DECLINED: "Declined a referral",
    Done.PARTNER_LINK_ISSUED: "Issued a partner's link",
    Done.PARTNER_LINK_REVOKED: "Revoked a partner's link",
    Done.RETURN_PRODUCED: "Produced a return",
    Done.RETURN_DOWNLOADED: "Downloaded a return",
    Done.BILLING_STATEMENT: "Made a billing statement",
    Done.ACCOUNT_ADDED: "Added an account",
    Done.ACCOUNT_RESET: "Reset an account",
    Done.ACCOUNT_DISABLED: "Disabled an account",
    Done.VIEW_AUDIT: "Viewed the audit log",
    Done.EXPORT_AUDIT: "Exported the audit log",
    Done.SUBJECT_ACCESS: "Subject access request",
    Done.ERASURE: "Erasure",
    Done.LEGAL_HOLD: "Legal hold",
}
OUTCOME_WORDS = {"ok": "Done", "refused": "Refused", "failed": "Failed"}
OUTCOME_TAGS = {
    "ok": "govuk-tag--green",
    "refused": "govuk-tag--red",
    "failed": "govuk-tag--orange",
}
EXPORT_TYPES = {
    ledger_query.ExportFormat.CSV: ("text/csv; charset=utf-8", "csv"),
    ledger_query.ExportFormat.JSONL: ("application/x-ndjson; charset=utf-8", "jsonl"),
}


@dataclass
class AuditRequest:
    """The Audit page's query string, read and checked: ``errors`` holds one sentence per
    field that could not be read (by field name), and the filter leaves that field out."""

    values: dict[str, str]
    where: ledger_query.AuditFilter
    page: int
    errors: dict[str, str] = field(default_factory=dict)

    def link(self, **changes: str) -> str:
        """The query string of this filter with ``changes`` (a page, or nothing)."""
        params = {key: value for key, value in self.values.items() if value}
        params.update({key: value for key, value in changes.items() if value})
        return urlencode(params)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def read_request(params: Mapping[str, str]) -> AuditRequest:
    """The filter a query string asks for (``person``, ``action``, ``case``, ``laptop``,
    ``from``, ``to``, ``page``). A field that cannot be read is named in ``errors``."""
    values = {key: params.get(key, "").strip()[:128] for key in FILTERS}
    errors: dict[str, str] = {}
    if values["action"] and values["action"] not in ACTION_WORDS:
        errors["action"] = "Choose an action from the list"
    start = end = None
    if values["from"]:
        start = _day(values["from"])
        if start is None:
            errors["from"] = "Enter the 'from' date as a date, for example 2027-01-12"
    if values["to"]:
        end = _day(values["to"])
        if end is None:
            errors["to"] = "Enter the 'to' date as a date, for example 2027-01-12"
    if start and end and end < start:
        errors["to"] = "The 'to' date must be the same as or after the 'from' date"
        end = None
    try:
        number = max(1, int(params.get("page", "1") or "1"))
    except ValueError:
        number = 1
    where = ledger_query.AuditFilter(
        account_id=values["person"] or None,
        action=values["action"] if "action" not in errors else None,
        case=values["case"] or None,
        device_id=values["laptop"] or None,
        start=datetime.combine(start, time(), LONDON) if start else None,
        end=datetime.combine(end + timedelta(days=1), time(), LONDON) if end else None,
    )
    return AuditRequest(values, where, number, errors)


def _laptop_by_code(session: Session, where: ledger_query.AuditFilter) -> ledger_query.AuditFilter:
    """A laptop typed as its device code is looked up as its device id."""
    if not where.device_id:
        return where
    found = session.scalar(
        select(m.Device.id).where(
            or_(m.Device.id == where.device_id, m.Device.device_code == where.device_id.upper())
        )
    )
    if found is None:
        return where
    return ledger_query.AuditFilter(
        where.account_id, where.action, where.case, found, where.start, where.end
    )


def _detail(asked: AuditRequest, **extra: str | int) -> dict[str, str | int | list[str]]:
    """What the audit log keeps of a view or export of itself: which filters were used (their
    names, never what was typed) and counts."""
    used = sorted(key for key in FILTERS if asked.values[key] and key not in asked.errors)
    detail: dict[str, str | int | list[str]] = dict(extra)
    if used:
        detail["fields"] = used
    return detail


@dataclass(frozen=True)
class AuditView:
    found: ledger_query.AuditPage
    problems: tuple[ledger.ChainProblem, ...]
    events: int
    people: tuple[tuple[str, str], ...]  # (account id, name) of every account
    laptops: dict[str, str]  # device id -> device code


def _read(hub: Hub, actor: ledger.Actor, asked: AuditRequest) -> AuditView:
    with hub.db.transaction() as tx:
        session = tx.session
        where = _laptop_by_code(session, asked.where)
        found = ledger_query.query(session, where, page=asked.page, per_page=PER_PAGE)
        if found.entries == () and asked.page > found.pages:
            asked.page = found.pages
            found = ledger_query.query(session, where, page=found.pages, per_page=PER_PAGE)
        problems = tuple(ledger.verify(session))
        events = ledger.count(session)
        people = tuple(
            (user_id, display or name)
            for user_id, name, display in session.execute(
                select(m.ConsoleUser.id, m.ConsoleUser.name, m.ConsoleUser.display_name).order_by(
                    m.ConsoleUser.display_name, m.ConsoleUser.name
                )
            )
        )
        devices = sorted({entry.device_id for entry in found.entries if entry.device_id})
        laptops: dict[str, str] = {}
        if devices:
            query = select(m.Device.id, m.Device.device_code).where(m.Device.id.in_(devices))
            laptops = {device_id: code for device_id, code in session.execute(query)}
        # Recorded after reading: a page does not list its own viewing.
        ledger.record(
            session, actor, Done.VIEW_AUDIT, at=tx.now,
            detail=_detail(asked, results=found.total, page=asked.page),
        )  # fmt: skip
    return AuditView(found, problems, events, people, laptops)


def _export(
    hub: Hub, actor: ledger.Actor, asked: AuditRequest, fmt: ledger_query.ExportFormat
) -> str:
    with hub.db.transaction() as tx:
        where = _laptop_by_code(tx.session, asked.where)
        text = "".join(ledger_query.export(tx.session, where, fmt))
        lines = text.count("\n") - (1 if fmt is ledger_query.ExportFormat.CSV else 0)
        ledger.record(
            tx.session, actor, Done.EXPORT_AUDIT, at=tx.now,
            detail=_detail(asked, format=fmt.value, events=lines),
        )  # fmt: skip
    return text


def router() -> APIRouter:
    """``GET /audit`` and ``GET /audit/export``."""
    routes = console_router()

    @routes.get("/audit", response_class=HTMLResponse)
    async def audit(
        request: Request,
        view: SessionView = Depends(permission(Action.READ_AUDIT)),  # noqa: B008
    ) -> HTMLResponse:
        hub: Hub = request.app.state.hub
        asked = read_request(request.query_params)
        actor = actor_of(request, view)
        shown = await run_in_threadpool(_read, hub, actor, asked)
        return page(
            request, view, "audit/audit.html",
            status_code=400 if asked.errors else 200,
            asked=asked, shown=shown, words=ACTION_WORDS, outcome_words=OUTCOME_WORDS,
            outcome_tags=OUTCOME_TAGS, when=uk_time, pages=_pages(asked, shown.found),
        )  # fmt: skip

    @routes.get("/audit/export")
    async def export(
        request: Request,
        view: SessionView = Depends(permission(Action.READ_AUDIT)),  # noqa: B008
    ) -> Response:
        hub: Hub = request.app.state.hub
        asked = read_request(request.query_params)
        try:
            fmt = ledger_query.ExportFormat(request.query_params.get("format", "csv"))
        except ValueError:
            fmt = ledger_query.ExportFormat.CSV
        if asked.errors:
            return await audit(request, view)
        text = await run_in_threadpool(_export, hub, actor_of(request, view), asked, fmt)
        media_type, suffix = EXPORT_TYPES[fmt]
        return Response(
            text.encode("utf-8"),
            media_type=media_type,
            headers={"Content-Disposition": f'attachment; filename="console-audit.{suffix}"'},
        )

    return routes


def _pages(asked: AuditRequest, found: ledger_query.AuditPage) -> dict[str, Any]:
    """GOV.UK pagination: previous, next and the numbered pages around this one."""
    numbers = sorted(
        {1, found.pages, *range(max(1, found.page - 2), min(found.pages, found.page + 2) + 1)}
    )
    items: list[dict[str, Any]] = []
    last = 0
    for number in numbers:
        if number - last > 1:
            items.append({"ellipsis": True})
        items.append(
            {
                "number": number,
                "href": f"/audit?{asked.link(page=str(number))}",
                "current": number == found.page,
            }
        )
        last = number
    result: dict[str, Any] = {"items": items if found.pages > 1 else []}
    if found.page > 1:
        result["previous"] = {"href": f"/audit?{asked.link(page=str(found.page - 1))}"}
    if found.page < found.pages:
        result["next"] = {"href": f"/audit?{asked.link(page=str(found.page + 1))}"}
    return result
