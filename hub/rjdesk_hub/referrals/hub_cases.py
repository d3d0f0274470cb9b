"""Cases the hub makes itself (issue 15): an accepted referral, or a phone call a coordinator
types into the console, becomes a case without an intake laptop.

The case's records are built as the laptop's referral wizard writes them (``rjdesk.app.
referrals.create_case``): the case file at the referral stage, each person and their
participant, and the first stage entry. They are checked as a laptop's bundle is
(``validate.refusals``: the declared schema and the references), and by the wizard's own rules,
then written as the hub's own versions (device ``HUB_INTAKE``, through ``made.write``, the path
a joining referral's note takes too), indexed as every change is (the
store's commit hook), assigned when a facilitator is given (queued whole for their laptops,
which receive it in a hub bundle signed with the hub's key), and the referral is accepted and
the console's audit log records it, all in one transaction: a refusal writes nothing.

The case's reference is from the hub's own series (``series``), never one a laptop hands out.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from rjdesk_hub import authority
from rjdesk_hub import models as m
from rjdesk_hub.console import ledger
from rjdesk_hub.ingest import utc_text
from rjdesk_hub.referrals import made
from rjdesk_hub.referrals import store as referrals
from rjdesk_hub.referrals.made import HUB_INTAKE, CaseRefused
from rjdesk_hub.referrals.models import Partner, Referral
from rjdesk_hub.referrals.series import hub_code, next_hub_reference
from rjdesk_hub.service import Hub
from rjdesk_hub.store import HubStore
from rjdesk_protocol.enums import CaseType, Channel, Flag, Origin, ReferralSource, Role, Stage
from rjdesk_protocol.records import TABLE_ORDER, Record
from rjdesk_protocol.text import address_key, name_key, phone_key, postcode_key

__all__ = ["HUB_INTAKE", "ORIGIN_OF_CHANNEL", "CaseRefused", "create_case"]

ORIGIN_OF_CHANNEL = {
    referrals.PUBLIC: Origin.PUBLIC_FORM,
    referrals.PARTNER: Origin.PARTNER_LINK,
    referrals.PHONE: Origin.HUB_PHONE,
}
_CHANNEL_OF_ORIGIN = {
    Origin.PUBLIC_FORM: Channel.ONLINE,
    Origin.PARTNER_LINK: Channel.ONLINE,
    Origin.HUB_PHONE: Channel.PHONE,
    Origin.FACILITATOR: Channel.PHONE,
}
_TYPE_FLAGS = {CaseType.HATE_CRIME: Flag.HATE_CRIME, CaseType.NOISE_NUISANCE: Flag.NOISE_NUISANCE}
_CASE_TEXTS = (
    "referrer_name",
    "referrer_organisation",
    "referrer_phone",
    "referrer_email",
    "crime_reference",
    "location",
)


@dataclass(frozen=True)
class _Built:
    case_id: str
    reference: str
    records: list[Record]


# -- making the case -----------------------------------------------------------------------


def create_case(
    hub: Hub,
    *,
    referral_id: str | None,
    case: dict[str, Any],
    people: list[dict[str, Any]],
    facilitator_id: str | None,
    actor: ledger.Actor,
) -> str:
    """Make a case at the hub from an accepted referral (or, with no ``referral_id``, a phone
    call typed into the console) and return its id.

    ``case`` holds the wizard's referral fields (``case_type``, ``received_on``, ``source``,
    ``channel``, ``summary``, ``referrer_name``, ``referrer_organisation``, ``referrer_phone``,
    ``referrer_email``, ``crime_reference``, ``incident_date``, ``location``, ``flags``; dates
    as ``date`` or ``YYYY-MM-DD``); ``source``, ``channel`` and the referrer's organisation
    default to what the referral says. ``people``: each a person's details (``name``,
    ``date_of_birth``, ``phone``, ``email``, ``address``, ``language``, ``interpreter``,
    ``access_needs``) with their ``role``, an optional ``key`` and, for a supporter, the
    ``supports`` key of whom they support, ``relationship`` and ``organisation``.

    In one transaction: the records written as the hub's (``HUB_INTAKE``), indexed, assigned to
    ``facilitator_id`` if given (queued whole for their laptops), the referral accepted, and
    ``REFERRAL_ACCEPTED`` (and ``ASSIGN``) recorded. ``CaseRefused`` writes nothing."""
    with hub.db.transaction() as tx:
        session = tx.session
        store = HubStore(tx, hub._at_rest)  # the hub's own sealing, as conflicts_settle uses it
        referral = _referral(session, referral_id)
        origin = _origin(referral, case)
        partner = (
            session.get(Partner, referral.partner_id) if referral and referral.partner_id else None
        )
        person = _facilitator(session, facilitator_id)
        code = hub_code(session, hub.public_key.raw)
        reference = next_hub_reference(session, code, tx.now.year)
        built = _build(
            case,
            people,
            origin=origin,
            partner=partner,
            reference=reference,
            facilitator=person.name if person else "",
            made_by=actor.account_name or "the hub",
            today=tx.now.date(),
            now=utc_text(tx.now),
        )
        made.write(store, built.case_id, built.records)
        found = store.ensure_case(built.case_id)
        detail: dict[str, str | int] = {"people": len(people), "origin": origin.value}
        if referral is not None:
            referrals.accept(
                session, referral, case_id=built.case_id, by=actor.account_id, at=tx.now
            )
            detail["referral_id"] = referral.id
        if person is not None:
            authority.assign(store, found, person, keep_referrer=False, by=actor.account_name)
            laptops = len(store.facilitator_devices(person.id))
            detail["facilitator_id"] = person.id
            assigned: dict[str, str | int] = {"facilitator_id": person.id, "laptops": laptops}
            _record(session, actor=actor, action=ledger.Action.ASSIGN, at=tx.now, built=built,
                    detail=assigned)  # fmt: skip
        _record(session, actor=actor, action=ledger.Action.REFERRAL_ACCEPTED, at=tx.now,
                built=built, detail=detail)  # fmt: skip
        return built.case_id


def _record(
    session: Session,
    *,
    actor: ledger.Actor,
    action: ledger.Action,
    at: datetime,
    built: _Built,
    detail: ledger.Detail,
) -> None:
    ledger.record(
        session,
        actor,
        action,
        at=at,
        case_id=built.case_id,
        case_reference=built.reference,
        detail=detail,
    )


def _referral(session: Session, referral_id: str | None) -> Referral | None:
    if referral_id is None:
        return None
    found = session.get(Referral, referral_id)
    if found is None:
        raise CaseRefused("This referral is no longer at the hub: it may have been deleted.")
    if found.status != referrals.NEW:
        raise CaseRefused("This referral has already been decided: it cannot be accepted again.")
    return found


def _origin(referral: Referral | None, case: Mapping[str, Any]) -> Origin:
    if referral is not None:
        return ORIGIN_OF_CHANNEL.get(referral.channel, Origin.HUB_PHONE)
    try:
        return Origin(case.get("origin") or Origin.HUB_PHONE)
    except ValueError:
        raise CaseRefused("Choose where the referral came from.", "origin") from None


def _facilitator(session: Session, facilitator_id: str | None) -> m.Facilitator | None:
    if not facilitator_id:
        return None
    found = session.get(m.Facilitator, facilitator_id)
    if found is None:
        raise CaseRefused("Choose a facilitator from the list.", "facilitator_id")
    return found


# -- the records, as the laptop's wizard writes them ----------------------------------------


def _build(
    case: Mapping[str, Any],
    people: Sequence[Mapping[str, Any]],
    *,
    origin: Origin,
    partner: Partner | None,
    reference: str,
    facilitator: str,
    made_by: str,
    today: date,
    now: str,
) -> _Built:
    case_id = str(uuid.uuid4())
    case_type = _choice(CaseType, case.get("case_type"), "Choose the kind of case.", "case_type")
    received = _day(case.get("received_on"), "received_on") or today
    incident = _day(case.get("incident_date"), "incident_date")
    if received > today:
        raise CaseRefused(
            "The day the referral was received cannot be in the future.", "received_on"
        )
    if incident is not None and incident > received:
        raise CaseRefused(
            "The incident cannot be after the day the referral was received.", "incident_date"
        )
    default_source = partner.kind if partner is not None else (
        ReferralSource.SELF if origin == Origin.PUBLIC_FORM else ReferralSource.OTHER
    )  # fmt: skip
    source = _choice(
        ReferralSource, case.get("source") or default_source, "Choose who referred.", "source"
    )
    channel = _choice(
        Channel,
        case.get("channel") or _CHANNEL_OF_ORIGIN[origin],
        "Choose how the referral came.",
        "channel",
    )
    texts = {name: _clean(case.get(name)) for name in _CASE_TEXTS}
    if partner is not None and not texts["referrer_organisation"]:
        texts["referrer_organisation"] = partner.organisation
    flags = {
        _choice(Flag, f, "Choose flags from the list.", "flags") for f in case.get("flags") or ()
    }
    if case_type in _TYPE_FLAGS:
        flags.add(_TYPE_FLAGS[case_type])
    stamps = {"created_at": now, "updated_at": now}
    case_fields: dict[str, Any] = {
        **stamps,
        "reference": reference,
        "case_type": case_type.value,
        "stage": Stage.REFERRAL.value,
        "closure_reason": None,
        "closed_on": None,
        "received_on": received.isoformat(),
        "source": source.value,
        "channel": channel.value,
        **texts,
        "incident_date": incident.isoformat() if incident else None,
        "summary": str(case.get("summary") or "").strip(),
        "risk_level": None,
        "flags": sorted(flag.value for flag in flags),
        "facilitators": [facilitator] if facilitator else [],
        "origin": origin.value,
    }
    built = [Record("case_file", case_id, "put", 0, case_id, case_fields)]
    built += _people(case_id, people, stamps, today)
    stage = {
        "case_id": case_id,
        "from_stage": None,
        "to_stage": Stage.REFERRAL.value,
        "changed_at": now,
        "changed_by": made_by[:200],
        "note": "",
    }
    built.append(Record("stage_change", str(uuid.uuid4()), "put", 0, case_id, stage))
    return _Built(case_id, reference, _in_table_order(built))


def _people(
    case_id: str, people: Sequence[Mapping[str, Any]], stamps: dict[str, str], today: date
) -> list[Record]:
    """Each person and their participant; supporters after the people they support (as the
    wizard adds them), each keeping their place in the list."""
    keys: dict[str, str] = {}  # the form's key -> participant id
    roles: dict[str, Role] = {}
    for position, details in enumerate(people):
        key = str(details.get("key") or f"p{position + 1}")[:40]
        if key in keys:
            raise CaseRefused(f"Two people have the key {key}.", f"people.{position}.key")
        keys[key] = str(uuid.uuid4())
        roles[key] = _choice(
            Role, details.get("role"), "Choose this person's role.", f"people.{position}.role"
        )
    found: list[Record] = []
    for position, details in enumerate(people):
        where = f"people.{position}"
        key = str(details.get("key") or f"p{position + 1}")[:40]
        role = roles[key]
        supports = _clean(details.get("supports"))
        if role == Role.SUPPORTER:
            if supports not in keys or not roles[supports].is_party:
                raise CaseRefused(
                    "Choose the harmed or responsible person this supporter supports.",
                    f"{where}.supports",
                )
        elif supports:
            raise CaseRefused("Only a supporter supports someone.", f"{where}.supports")
        person_id = str(uuid.uuid4())
        found.append(
            Record("person", person_id, "put", 0, None, _person(details, where, stamps, today))
        )
        participant = {
            **stamps,
            "case_id": case_id,
            "person_id": person_id,
            "key": key,
            "position": position,
            "role": role.value,
            "supports_id": keys[supports] if supports else None,
            "relationship_to_supported": _clean(details.get("relationship")),
            "organisation": _clean(details.get("organisation")),
            "rj_information_given_on": None,
        }
        found.append(Record("participant", keys[key], "put", 0, case_id, participant))
    return found


def _person(
    details: Mapping[str, Any], where: str, stamps: dict[str, str], today: date
) -> dict[str, Any]:
    name = " ".join(str(details.get("name") or "").split())
    if not name:
        raise CaseRefused("Enter the person's name.", f"{where}.name")
    born = _day(details.get("date_of_birth"), f"{where}.date_of_birth")
    if born is not None and born > today:
        raise CaseRefused("A date of birth cannot be in the future.", f"{where}.date_of_birth")
    phone, address = _clean(details.get("phone")), _clean(details.get("address"))
    return {
        **stamps,
        "name": name,
        "date_of_birth": born.isoformat() if born else None,
        "phone": phone,
        "email": _clean(details.get("email")),
        "address": address,
        "language": _clean(details.get("language")),
        "interpreter": bool(details.get("interpreter")),
        "access_needs": str(details.get("access_needs") or "").strip(),
        "name_key": name_key(name),
        "phone_key": phone_key(phone),
        "postcode_key": postcode_key(address),
        "address_key": address_key(address),
    }


def _in_table_order(found: list[Record]) -> list[Record]:
    return sorted(found, key=lambda record: TABLE_ORDER[record.table])


def _clean(value: Any) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def _day(value: Any, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise CaseRefused("Enter a real date.", field) from None


_E = TypeVar("_E", CaseType, ReferralSource, Channel, Flag, Role)


def _choice(kind: type[_E], value: Any, sentence: str, field: str) -> _E:
    try:
        return kind(value)
    except ValueError:
        raise CaseRefused(sentence, field) from None
