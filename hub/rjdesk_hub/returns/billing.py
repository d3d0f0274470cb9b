"""Billing statements: what each referring organisation owes for the non-crime referrals it
made that the hub accepted (issue 16; docs/hub.md, "Billing").

An organisation is a partner with a link (``hub_partner``), by its name: several links under one
name are one organisation. A referral is on its statement when it came by one of its links, was
accepted (into a new case, or joining one) and is not a crime (crimes are paid for from
victim-services funds). Whether it is a crime is read from the case's return facts
(``returns.models.ReturnCase``, kept with every change): its type is not ``crime`` and it is not
a hate crime by its type or by its flags (``CaseFacts.hate_crime``), so a neighbour dispute
flagged as a hate crime is not billed. A case whose facts the hub does not hold (it has left the
hub) is judged by its type in the case index, and failing that by the problem the referral
named. The day it
was accepted (London) places it in a period, so a past period's statement does not change.
Each case is billed once, to the first referral accepted into it; a later one that joined it
is listed as not charged. A line holds the referral's and the case's references and the day:
never a name.

Pricing rules are in hub.json's ``billing`` (``rules_from``): per case, or blocks of cases
bought whole. A block is bought when its first case is used: over the period, the number of
blocks billed is the number the organisation's cases have reached by the period's end less the
number they had reached before its start, counting from the rule's ``from`` day (or from its
first case). So a block of 25 begun in one quarter with 20 cases is billed in that quarter, and
its last 5 cases in the next are not billed again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select

from rjdesk_hub import models as m
from rjdesk_hub.referrals.models import Partner, Referral
from rjdesk_hub.referrals.store import ACCEPTED
from rjdesk_hub.returns.models import ReturnCase
from rjdesk_hub.returns.result import Period
from rjdesk_hub.service import Hub
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import CaseType
from rjdesk_protocol.errors import UsageError

NOT_BILLED_TYPES = frozenset({CaseType.CRIME.value, CaseType.HATE_CRIME.value})
JOINED = "Joined a case already billed: not charged"
MAX_PENCE = 100_000_000_00  # a million pounds: a price above is a typing mistake


class BillingRulesRefused(UsageError):
    """hub.json's ``billing`` cannot be read: one sentence naming where."""


@dataclass(frozen=True)
class PerCase:
    price: int  # pence a case

    def describe(self) -> str:
        return f"{money(self.price)} a case"


@dataclass(frozen=True)
class Block:
    cases: int  # cases in a block
    price: int  # pence a block
    counted_from: date | None = None  # cases before this day use no block

    def describe(self) -> str:
        since = f", counted from {self.counted_from.isoformat()}" if self.counted_from else ""
        return f"blocks of {self.cases} cases at {money(self.price)} a block{since}"


Rule = PerCase | Block


@dataclass(frozen=True)
class BillingRules:
    default: Rule | None
    organisations: Mapping[str, Rule]

    def rule_for(self, organisation: str) -> Rule | None:
        return self.organisations.get(organisation, self.default)


def money(pence: int) -> str:
    """``£5,000.00``."""
    return f"£{pence // 100:,}.{pence % 100:02d}"


# -- the rules, from hub.json ---------------------------------------------------------------


def rules_from(doc: Any) -> BillingRules:
    """The rules of hub.json's ``billing`` section (None or {}: no rules), else
    ``BillingRulesRefused`` naming the setting to correct."""
    if doc is None or doc == {}:
        return BillingRules(None, {})
    if not isinstance(doc, dict):
        raise _refused("billing", 'must be an object with "default" and "organisations"')
    unknown = sorted(set(doc) - {"default", "organisations"})
    if unknown:
        raise _refused("billing", f'has an unknown setting "{unknown[0]}"')
    default = _rule(doc["default"], "billing.default") if "default" in doc else None
    organisations = doc.get("organisations", {})
    if not isinstance(organisations, dict):
        raise _refused("billing.organisations", "must map each organisation's name to a rule")
    rules = {}
    for name, rule in organisations.items():
        if not str(name).strip():
            raise _refused("billing.organisations", "has an organisation with no name")
        rules[str(name).strip()] = _rule(rule, f'billing.organisations["{name}"]')
    return BillingRules(default, rules)


def _refused(where: str, problem: str) -> BillingRulesRefused:
    return BillingRulesRefused(f'hub.json\'s {where} {problem} (see docs/hub.md, "Billing").')


def _rule(doc: Any, where: str) -> Rule:
    if not isinstance(doc, dict) or len(set(doc) & {"per_case", "block"}) != 1:
        raise _refused(where, 'must have either "per_case" (a price) or "block"')
    extra = sorted(set(doc) - {"per_case", "block"})
    if extra:
        raise _refused(where, f'has an unknown setting "{extra[0]}"')
    if "per_case" in doc:
        return PerCase(_price(doc["per_case"], f"{where}.per_case"))
    block = doc["block"]
    if not isinstance(block, dict):
        raise _refused(f"{where}.block", 'must be an object with "cases" and "price"')
    extra = sorted(set(block) - {"cases", "price", "from"})
    if extra:
        raise _refused(f"{where}.block", f'has an unknown setting "{extra[0]}"')
    cases = block.get("cases")
    if isinstance(cases, bool) or not isinstance(cases, int) or not 1 <= cases <= 10_000:
        raise _refused(f"{where}.block.cases", "must be a whole number of cases from 1 to 10000")
    counted_from = None
    if "from" in block:
        try:
            counted_from = date.fromisoformat(str(block["from"]))
        except ValueError:
            raise _refused(f"{where}.block.from", "must be a day such as 2026-04-01") from None
    return Block(cases, _price(block.get("price"), f"{where}.block.price"), counted_from)


def _price(value: Any, where: str) -> int:
    """Pounds (225 or 187.50) as pence."""
    problem = "must be a price in pounds above 0, such as 225 or 187.50"
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise _refused(where, problem)
    try:
        pounds = Decimal(str(value))
    except InvalidOperation:
        raise _refused(where, problem) from None
    pence = pounds * 100
    if not pounds.is_finite() or pence != pence.to_integral_value() or not 0 < pence <= MAX_PENCE:
        raise _refused(where, problem)
    return int(pence)


def rules_of(hub: Hub) -> BillingRules:
    """The hub's rules (hub.json's ``billing``)."""
    return rules_from(hub.settings.billing)


# -- statements ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    referral: str  # the referral's reference, as the organisation was given it
    case: str  # the case's reference ("" if the hub does not hold it any more)
    accepted_on: date
    charge: int | None  # pence: per case; None for a case in a block or not charged
    note: str  # "Block 2, case 3 of 25", "Joined a case already billed"


@dataclass(frozen=True)
class Statement:
    organisation: str
    period: Period
    rule: Rule | None  # None: no price set for it (the statement says so)
    lines: tuple[Line, ...]
    cases: int  # cases billed in the period (lines not marked as joining)
    blocks: int  # blocks billed in the period (a block rule)
    block_cases_before: int  # cases that had used blocks before the period (a block rule)
    total: int  # pence

    @property
    def block_left(self) -> int:
        """Cases left in the last block bought, at the period's end (a block rule)."""
        if not isinstance(self.rule, Block):
            return 0
        used = self.block_cases_before + self.cases
        return -used % self.rule.cases


@dataclass(frozen=True)
class _Billable:
    organisation: str
    referral: str
    case: str
    accepted_on: date
    first_of_case: bool


def _billables(hub: Hub, until: date) -> list[_Billable]:
    """Every accepted non-crime partner referral accepted on or before ``until``, oldest
    first."""
    query = (
        select(
            Referral,
            Partner.organisation,
            m.CaseIndex.case_type,
            m.CaseIndex.reference,
            ReturnCase.case_type,
            ReturnCase.hate_crime,
        )
        .join(Partner, Partner.id == Referral.partner_id)
        .outerjoin(m.CaseIndex, m.CaseIndex.case_id == Referral.case_id)
        .outerjoin(ReturnCase, ReturnCase.case_id == Referral.case_id)
        .where(Referral.status == ACCEPTED)
        .order_by(Referral.decided_at, Referral.id)
    )
    billed_cases: set[str] = set()
    found = []
    with hub.db.reader() as session:
        for row in session.execute(query):
            referral, organisation, case_type, case_reference, facts_type, hate_crime = row
            if referral.decided_at is None:
                continue
            accepted_on = _london_day(referral.decided_at)
            if accepted_on > until:
                break
            if not _billed(facts_type, hate_crime, case_type or referral.problem):
                continue
            case_id = referral.case_id or referral.id
            first = case_id not in billed_cases
            billed_cases.add(case_id)
            found.append(
                _Billable(
                    organisation.strip(), referral.reference, case_reference or "", accepted_on,
                    first,
                )
            )  # fmt: skip
    return found


def _billed(facts_type: str | None, hate_crime: bool | None, indexed_type: str | None) -> bool:
    """Whether a case is billed: not a crime nor a hate crime by its return facts (type and
    flags), or, with no facts kept, by its indexed type or the referral's problem."""
    if facts_type is not None:
        return facts_type != CaseType.CRIME.value and not hate_crime
    return indexed_type not in NOT_BILLED_TYPES


def _london_day(at: datetime) -> date:
    if at.tzinfo is None:  # SQLite gives back naive UTC
        at = at.replace(tzinfo=UTC)
    return at.astimezone(LONDON).date()


def statements(hub: Hub, period: Period, *, organisation: str | None = None) -> list[Statement]:
    """A statement for each organisation with a billable referral in ``period`` (or for
    ``organisation`` alone, empty if it had none), by name."""
    return make_statements(_billables(hub, period.end), period, rules_of(hub), organisation)


def make_statements(
    billables: Sequence[_Billable],
    period: Period,
    rules: BillingRules,
    organisation: str | None = None,
) -> list[Statement]:
    names = sorted(
        {b.organisation for b in billables if period.start <= b.accepted_on <= period.end}
    )
    if organisation is not None:
        names = [organisation.strip()]
    return [
        _statement(name, [b for b in billables if b.organisation == name], period, rules)
        for name in names
    ]


def _statement(
    name: str, billables: list[_Billable], period: Period, rules: BillingRules
) -> Statement:
    rule = rules.rule_for(name)
    counted_from = rule.counted_from if isinstance(rule, Block) else None
    before = sum(
        1
        for b in billables
        if b.first_of_case
        and b.accepted_on < period.start
        and (counted_from is None or b.accepted_on >= counted_from)
    )
    lines, used = [], before
    for b in billables:
        if not period.start <= b.accepted_on <= period.end:
            continue
        if not b.first_of_case:
            lines.append(Line(b.referral, b.case, b.accepted_on, None, JOINED))
            continue
        if isinstance(rule, PerCase):
            lines.append(Line(b.referral, b.case, b.accepted_on, rule.price, "Per case"))
        elif isinstance(rule, Block) and (counted_from is None or b.accepted_on >= counted_from):
            used += 1
            block, place = (used - 1) // rule.cases + 1, (used - 1) % rule.cases + 1
            note = f"Block {block}, case {place} of {rule.cases}"
            lines.append(Line(b.referral, b.case, b.accepted_on, None, note))
        elif isinstance(rule, Block):
            note = f"Before the block agreement of {counted_from}: not charged"
            lines.append(Line(b.referral, b.case, b.accepted_on, None, note))
        else:
            lines.append(Line(b.referral, b.case, b.accepted_on, None, "No price set"))
    cases = sum(1 for line in lines if line.note != JOINED)
    blocks, total = 0, 0
    if isinstance(rule, PerCase):
        total = sum(line.charge or 0 for line in lines)
    elif isinstance(rule, Block):
        blocks = -(-used // rule.cases) - (-(-before // rule.cases))
        total = blocks * rule.price
        cases = used - before
    return Statement(name, period, rule, tuple(lines), cases, blocks, before, total)
