"""The facts of a case that the funders' returns count and both sides work out the same way
(issue 16, DESIGN §11): the laptop shows them in the window and "My work", the hub keeps them for
its returns (``rjdesk_hub.returns.extract``). Plain functions of plain values: no database.

- First contact: attempted on the day of the case's earliest contact of any kind; made on the
  day of its earliest contact at which a party (a harmed or responsible person) was present. A
  date the facilitator recorded on the case (``case_file.first_contact_attempted_on`` and
  ``first_contact_made_on``) corrects what the contacts say; a contact made is an attempt too.
- The furthest stage a case reached, from its stage history, before it closed.
- An age band, given or from the date of birth on a day (the referral's receipt).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date

from rjdesk_protocol.enums import DIRECT_INTERVENTIONS, AgeBand, InterventionType, Stage
from rjdesk_protocol.rules import age_on


@dataclass(frozen=True)
class ContactSeen:
    """One contact as first contact counts it: its day (in Europe/London) and who was present
    (participant ids)."""

    on: date
    present: Collection[str] = ()


@dataclass(frozen=True)
class FirstContact:
    attempted_on: date | None
    made_on: date | None


def first_contact(
    contacts: Iterable[ContactSeen],
    parties: Collection[str],
    *,
    attempted_on: date | None = None,
    made_on: date | None = None,
) -> FirstContact:
    """When a case's first contact was attempted and made. ``parties``: the ids of its harmed
    and responsible participants (``Role.is_party``); ``attempted_on``/``made_on``: the
    corrections recorded on the case, each used instead of what the contacts say when given."""
    days = list(contacts)
    if made_on is None:
        made_on = min((c.on for c in days if any(p in parties for p in c.present)), default=None)
    if attempted_on is None:
        tried = [c.on for c in days] + ([made_on] if made_on is not None else [])
        attempted_on = min(tried, default=None)
    return FirstContact(attempted_on, made_on)


def stage_reached(history: Iterable[str], now: str) -> str:
    """The furthest stage of the process (referral to follow-up) a case reached: the highest of
    its stage history's stages (``stage_change`` from and to) and its stage now, closing left
    out; "referral" for a case closed straight from its referral."""
    reached = Stage.REFERRAL
    for name in [*history, now]:
        try:
            stage = Stage(name)
        except ValueError:
            continue
        if stage is not Stage.CLOSED and stage.order > reached.order:
            reached = stage
    return reached.value


def is_direct(intervention_type: str | None) -> bool | None:
    """Whether an intervention was direct (a conference); None when no type is recorded."""
    if intervention_type is None:
        return None
    try:
        return InterventionType(intervention_type) in DIRECT_INTERVENTIONS
    except ValueError:
        return None


# The first age of each band, oldest first.
_BANDS: tuple[tuple[int, AgeBand], ...] = (
    (65, AgeBand.FROM_65),
    (55, AgeBand.FROM_55_TO_64),
    (45, AgeBand.FROM_45_TO_54),
    (35, AgeBand.FROM_35_TO_44),
    (25, AgeBand.FROM_25_TO_34),
    (18, AgeBand.FROM_18_TO_24),
)


def age_band(born: date, day: date) -> AgeBand:
    """The age band of a person born on ``born``, on ``day`` (one born on 29 February is a
    year older on 1 March in a common year)."""
    age = age_on(born, day)
    for first, band in _BANDS:
        if age >= first:
            return band
    return AgeBand.UNDER_18
