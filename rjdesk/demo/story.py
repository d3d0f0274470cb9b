"""The story of one demo case: who is in it (parties, supporters, professionals,
interpreters), where it happened, and the fields its templates use."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from rjdesk.demo import scenarios_harm, scenarios_neighbourhood
from rjdesk.demo.identities import Identities, Made
from rjdesk.demo.notes import date_words
from rjdesk.demo.people import (
    COMMUNITIES,
    INTERPRETING,
    PARENT_RELATIONSHIPS,
    PROFESSIONALS,
    RELATIONSHIP_FEMALE,
    SUPPORTER_RELATIONSHIPS,
)
from rjdesk.demo.places import AREAS, PLACES, SCHOOL_VENUE, YOUTH_VENUE
from rjdesk.demo.planning import SOURCE_PROFESSIONALS, SOURCES, Plan
from rjdesk.demo.scenario import Scenario
from rjdesk.domain.models import Participant
from rjdesk.services.people import PersonDetails
from rjdesk_protocol.enums import PARENT_OR_CARER, CaseType, Role

SCENARIOS: dict[CaseType, tuple[Scenario, ...]] = {
    **scenarios_neighbourhood.SCENARIOS,
    **scenarios_harm.SCENARIOS,
}


@dataclass(eq=False)
class Cast:
    """Someone in a case as the generator sees them, and later their participant row."""

    made: Made
    role: Role
    young: bool = False
    supports: Cast | None = None
    relationship: str | None = None
    organisation: str | None = None
    title: str = ""
    rj_info: date | None = None
    supporters: list[Cast] = field(default_factory=list)
    interpreter: Cast | None = None
    row: Participant | None = None

    @property
    def p(self) -> Participant:
        assert self.row is not None, "added to the case first"
        return self.row

    @property
    def first(self) -> str:
        return self.made.first

    @property
    def parent(self) -> Cast | None:
        return next((s for s in self.supporters if s.relationship in PARENT_OR_CARER), None)

    def company(self) -> list[Participant]:
        """The person with whoever comes with them: supporters and interpreter."""
        extra = [self.interpreter] if self.interpreter else []
        return [self.p, *(s.p for s in [*self.supporters, *extra])]


_SCHOOL_TYPES = (CaseType.SCHOOL_INCIDENT, CaseType.BULLYING)


def _age(born: date | None, on: date) -> int:
    return (on - born).days // 365 if born else 15


class Story:
    """Who is in one case and where it happened, and the fields its templates use."""

    def __init__(self, ids: Identities, plan: Plan) -> None:
        self.ids, self.rng, self.plan = ids, ids.rng, plan
        self.scenario = self.rng.choice(SCENARIOS[plan.case_type])
        self.parties: list[Cast] = []
        self.pros: list[Cast] = []
        area, district, streets = self.rng.choice(AREAS)
        self.ctx: dict[str, Any] = {"area": area, "street": self.rng.choice(streets)}
        self._cast(district)
        self._fields()
        plan.source = plan.source or ids.pick(SOURCES[plan.case_type])
        self._professionals()

    def side(self, harmed: bool) -> Cast:
        """The first harmed (or responsible) party; in two-household cases the first (or
        second) household, whose words the scenario gives as harmed (or responsible)."""
        if self.parties[0].role == Role.BOTH:
            return self.parties[0] if harmed else self.parties[1]
        return next(c for c in self.parties if c.role.is_harmed == harmed)

    def everyone(self) -> list[Cast]:
        """In the order they are added: parties, supporters, professionals, interpreters."""
        supporters = [s for party in self.parties for s in party.supporters]
        interpreters = [party.interpreter for party in self.parties if party.interpreter]
        return [*self.parties, *supporters, *self.pros, *interpreters]

    def _cast(self, district: str) -> None:
        ids, rng, on, scenario = self.ids, self.rng, self.plan.received_on, self.scenario
        pattern, number = scenario.pattern, rng.randint(1, 200)
        homes = [ids.address(self.ctx["street"], district, number)]
        both = pattern in ("bb", "yb")
        if both:  # neighbours: next door, same postcode
            homes.append(homes[0].replace(f"{number} ", f"{number + 2} ", 1))
        else:
            _, elsewhere, streets = rng.choice(AREAS)
            homes.append(ids.address(rng.choice(streets), elsewhere))
        roles = (Role.BOTH, Role.BOTH) if both else (Role.HARMED, Role.RESPONSIBLE)
        youth = (pattern in ("yy", "yb"), pattern in ("hy", "yy", "yb"))
        for index, (home, role, young) in enumerate(zip(homes, roles, youth, strict=True)):
            family = self.parties[0].made if scenario.family and index else None
            years = ((50, 82), (19, 45))[index] if scenario.family else (19, 78)
            if young:  # secondary school age for school cases
                years = (12, 16) if self.plan.case_type in _SCHOOL_TYPES else (11, 17)
            made = ids.person(on, years=years, young=young, like=family, address=home)
            if self.plan.repeat and index == 1:
                made = ids.returning(made, young)
            party = Cast(made, role, young)
            self.parties.append(party)
            self._supporter(party)
            if made.details.interpreter:
                self._interpreter(party)
        if pattern == "hr" and rng.random() < 0.1:  # a partner harmed too
            harmed = self.parties[0].made
            partner = ids.person(on, like=harmed, address=harmed.details.address)
            self.parties.insert(1, Cast(partner, Role.HARMED))

    def _supporter(self, party: Cast) -> None:
        """A parent or carer for everyone under 18; a partner, relative or friend for some."""
        rng, on = self.rng, self.plan.received_on
        if party.young:
            relationship = rng.choice(PARENT_RELATIONSHIPS)
            age = _age(party.made.details.date_of_birth, on)
            years = (age + 20, age + 42)
        elif rng.random() < 0.3:
            relationship, years = rng.choice(SUPPORTER_RELATIONSHIPS), (19, 78)
        else:
            return
        female = RELATIONSHIP_FEMALE.get(relationship)
        kin = party.made if relationship != "friend" else None
        home = kin.details.address if kin else None
        made = self.ids.person(on, years=years, like=kin, female=female, address=home)
        party.supporters.append(
            Cast(made, Role.SUPPORTER, supports=party, relationship=relationship)
        )

    def _interpreter(self, party: Cast) -> None:
        """Someone who speaks the party's language, from an interpreting service."""
        language = party.made.details.language
        community = next(c for c in COMMUNITIES if c.language == language)
        made = self.ids.person(self.plan.received_on, community=community)
        phone = self.ids.office_phone()
        details = PersonDetails(made.details.name, phone=phone, language=language)
        made, service = replace(made, details=details), self.rng.choice(INTERPRETING)
        party.interpreter = Cast(made, Role.INTERPRETER, organisation=service)

    def _fields(self) -> None:
        rng, ctx, on = self.rng, self.ctx, self.plan.received_on
        ctx["amount"] = rng.choice((18, 35, 62))
        for key, choices in PLACES.items():
            ctx[key] = rng.choice(choices).format(**ctx)
        if any(party.young for party in self.parties) and rng.random() < 0.6:
            school = self.plan.case_type in _SCHOOL_TYPES
            ctx["venue"] = (SCHOOL_VENUE if school else YOUTH_VENUE).format(**ctx)
        harmed, responsible = self.side(True), self.side(False)
        born = responsible.made.details.date_of_birth
        ctx.update(hn=harmed.made.details.name, hf=harmed.first, age=_age(born, on) or "")
        ctx.update(rn=responsible.made.details.name, rf=responsible.first)
        incident = on - timedelta(rng.randint(1, 30))
        if self.plan.case_type == CaseType.OFFENDER_MANAGEMENT:
            incident -= timedelta(rng.randint(90, 500))
        ctx.update(incident=date_words(incident), incident_day=incident)
        for key in ("issue", "impact", "account"):
            ctx[key] = getattr(self.scenario, key).format(**ctx)

    def _professionals(self) -> None:
        """Youth Justice or school staff for young people; a PCSO, housing officer, probation
        officer or Victim Support worker for some cases referred by them."""
        kinds, source = [], self.plan.source
        if any(party.young for party in self.parties):
            school = self.plan.case_type in _SCHOOL_TYPES
            kinds.append("school" if school else "youth")
        if source in SOURCE_PROFESSIONALS and self.rng.random() < 0.5:
            kinds.append(SOURCE_PROFESSIONALS[source])
        for kind in dict.fromkeys(kinds):
            organisation, title = self.rng.choice(PROFESSIONALS[kind])
            made = self.ids.person(self.plan.received_on)
            name = f"{title} {made.details.name}" if title in ("PC", "PCSO") else made.details.name
            details = PersonDetails(name, phone=self.ids.office_phone())
            made, organisation = replace(made, details=details), organisation.format(**self.ctx)
            self.pros.append(Cast(made, Role.PROFESSIONAL, title=title, organisation=organisation))
