"""Partners' links at the console: the organisations that refer through a link of their own,
issuing one (the link is shown once) and revoking one (``referrals.partners``), each recorded
in the console's audit log in the change's own transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console import ledger
from rjdesk_hub.console.case_display import stamp, words
from rjdesk_hub.console.triage import aware
from rjdesk_hub.referrals import partners
from rjdesk_hub.referrals.models import Partner
from rjdesk_hub.service import Hub
from rjdesk_protocol.characters import BIDI_CONTROLS, CONTROLS
from rjdesk_protocol.enums import ReferralSource

MAX_ORGANISATION = 200
# The kinds of organisation that refer (a person referring themselves needs no link).
KINDS = {kind.value: words(kind.value) for kind in ReferralSource if kind != ReferralSource.SELF}
_FORBIDDEN = re.compile(f"[{CONTROLS}{BIDI_CONTROLS}]")


class LinkRefused(ValueError):
    """A link that cannot be issued or revoked: the sentence to show, and its form field."""

    def __init__(self, sentence: str, field: str = "") -> None:
        super().__init__(sentence)
        self.field = field


class PartnerNotFound(LookupError):
    """No partner has that id (the page answers 404)."""


@dataclass(frozen=True)
class PartnerRow:
    id: str
    organisation: str
    kind: str  # in words
    issued: str  # "12 Jan 2027, 09:00"
    issued_by: str  # the console account's name ("" if it is gone)
    revoked: str  # when, "" while live

    @property
    def live(self) -> bool:
        return not self.revoked


@dataclass(frozen=True)
class Issued:
    partner: PartnerRow
    link: str  # shown once: the hub keeps only the token's keyed hash


def _row(partner: Partner, names: dict[str, str]) -> PartnerRow:
    return PartnerRow(
        id=partner.id,
        organisation=partner.organisation,
        kind=KINDS.get(partner.kind, words(partner.kind)),
        issued=stamp(aware(partner.created_at)),
        issued_by=names.get(partner.created_by, ""),
        revoked=stamp(aware(partner.revoked_at)) if partner.revoked_at else "",
    )


def _names(session: Session) -> dict[str, str]:
    query = select(m.ConsoleUser.id, m.ConsoleUser.display_name, m.ConsoleUser.name)
    return {uid: shown or name for uid, shown, name in session.execute(query)}


def listed(hub: Hub) -> list[PartnerRow]:
    """Every partner, live links first, by organisation."""
    with hub.db.reader() as session:
        names = _names(session)
        rows = [_row(partner, names) for partner in partners.partners(session)]
    return sorted(rows, key=lambda row: (not row.live, row.organisation.casefold(), row.id))


def find(hub: Hub, partner_id: str) -> PartnerRow:
    with hub.db.reader() as session:
        partner = session.get(Partner, partner_id) if len(partner_id) <= 36 else None
        if partner is None:
            raise PartnerNotFound(partner_id)
        return _row(partner, _names(session))


def checked_organisation(text: str) -> str:
    organisation = " ".join(text.split())
    if not organisation:
        raise LinkRefused("Enter the organisation's name.", "organisation")
    if len(organisation) > MAX_ORGANISATION:
        raise LinkRefused(
            f"The organisation's name must be {MAX_ORGANISATION} characters or fewer.",
            "organisation",
        )
    if _FORBIDDEN.search(organisation):
        raise LinkRefused("The organisation's name holds a character it cannot.", "organisation")
    return organisation


def issue(hub: Hub, organisation: str, kind: str, actor: ledger.Actor) -> Issued:
    """A new link for ``organisation`` (recorded: PARTNER_LINK_ISSUED)."""
    name = checked_organisation(organisation)
    if kind not in KINDS:
        raise LinkRefused("Choose what kind of organisation it is.", "kind")
    with hub.db.transaction() as tx:
        partner, token = partners.issue(
            tx.session, hub, organisation=name, kind=kind, by=actor.account_id, at=tx.now
        )
        tx.session.flush()
        ledger.record(
            tx.session, actor, ledger.Action.PARTNER_LINK_ISSUED, at=tx.now,
            detail={"partner_id": partner.id, "kind": kind},
        )  # fmt: skip
        row = _row(partner, {actor.account_id: actor.account_name})
    return Issued(row, f"{hub.settings.forms_address}/partner/{token}")


def revoke(hub: Hub, partner_id: str, actor: ledger.Actor) -> PartnerRow:
    """Refuse the partner's link from now on (recorded: PARTNER_LINK_REVOKED)."""
    with hub.db.transaction() as tx:
        partner = tx.session.get(Partner, partner_id) if len(partner_id) <= 36 else None
        if partner is None:
            raise PartnerNotFound(partner_id)
        if not partners.revoke(tx.session, partner_id, at=tx.now):
            raise LinkRefused(f"The link of {partner.organisation} was revoked already.")
        ledger.record(
            tx.session, actor, ledger.Action.PARTNER_LINK_REVOKED, at=tx.now,
            detail={"partner_id": partner.id},
        )  # fmt: skip
        return _row(partner, _names(tx.session))
