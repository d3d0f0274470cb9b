"""Which facts a return over one period can reach, worked out from its definition, so that
``store.load_facts`` reads only those (docs/returns.md, "Speed").

The engine counts a unit (a case, a person, a contact, each joined to its case) in a figure only
when the day its figure places it by (``placed_by``) falls within the period, and every other
field a figure reads (``where``, ``by``, a rate's numerator, the days ``from``/``to``) is the
unit's own or its case's. So the result is the same over these facts as over all of them:

- the cases one of whose case days that some figure places by falls in the period;
- the people and contacts of those cases, when a figure counts them;
- the people (or contacts) whose own placing day falls in the period, with their cases;
- no people (or contacts) at all when no figure counts them.

People's own days (feedback given) are sealed with their answers: a definition placing people
by one of them needs every case's people opened to find those in the period.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rjdesk_hub.returns.definition import Definition
from rjdesk_hub.returns.result import Period


@dataclass(frozen=True)
class Reach:
    """What ``store.load_facts`` reads for one definition and period."""

    start: date
    end: date
    case_days: frozenset[str]  # the case days placing some unit: the cases reached by them
    people: bool  # some figure counts people
    people_days: frozenset[str]  # people's own placing days (every people record opened)
    contacts: bool  # some figure counts contacts
    contact_days: frozenset[str]  # contacts' own placing days

    def within(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end


def reach(definition: Definition, period: Period) -> Reach:
    """The facts ``definition`` can count over ``period``."""
    case_days: set[str] = set()
    own: dict[str, set[str]] = {"people": set(), "contacts": set()}
    counted: set[str] = set()
    for figure in definition.figures:
        counted.add(figure.counts)
        placed_by = figure.placed_by
        if figure.counts == "cases" or placed_by.of_case:
            case_days.add(placed_by.attribute)
        else:
            own[figure.counts].add(placed_by.attribute)
    return Reach(
        start=period.start,
        end=period.end,
        case_days=frozenset(case_days),
        people="people" in counted,
        people_days=frozenset(own["people"]),
        contacts="contacts" in counted,
        contact_days=frozenset(own["contacts"]),
    )
