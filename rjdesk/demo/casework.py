"""One demo case worked the way a facilitator works one — referral, people, calls and visits,
risk assessment, consent, conference or shuttle, agreement, signatures, follow-up, closing —
through the real services, so that they check every rule of DESIGN §2 and audit every write;
nothing here writes rows itself."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from functools import partial

from rjdesk.demo import outcomes as demo_outcomes
from rjdesk.demo.identities import Identities, mailbox, signature_png
from rjdesk.demo.notes import (
    AGREEMENT_SUMMARIES,
    CHECK_NOTES,
    CLOSURE_NOTES,
    NEXT_STEPS,
    NOTES,
    day_words,
)
from rjdesk.demo.people import LANGUAGE_NAMES
from rjdesk.demo.planning import CHANNELS, OUTCOMES, Plan
from rjdesk.demo.referrals import DEALS_WITH, REFERRERS, SUMMARY_TAILS
from rjdesk.demo.risk import (
    GENERAL_FACTORS,
    HIGH_FACTORS,
    INTERPRETER_FACTOR,
    RISK_NOTES,
    SAFEGUARDING,
)
from rjdesk.demo.story import Cast, Story
from rjdesk.domain.models import Agreement, Case, Participant
from rjdesk.services import agreements, assessment, contacts, people
from rjdesk.services import cases as case_service
from rjdesk.services.agreements import ActionInput
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.calendar import LONDON, add_working_days
from rjdesk_protocol.enums import (
    ActionStatus,
    CaseType,
    Channel,
    ClosureReason,
    ConsentScope,
    ContactKind,
    Flag,
    ReferralSource,
    RiskLevel,
    Role,
    SafeguardingKind,
    SignatureMethod,
    Stage,
)

C, K = ClosureReason, ContactKind
_ALL_SCOPES = tuple(ConsentScope)


def _day(moment: datetime) -> date:
    """The day in England of a contact's time (what the rules judge it by)."""
    return moment.astimezone(LONDON).date()


class CaseWork:
    """One case, worked from referral to where its plan says it ends."""

    def __init__(self, ids: Identities, latest: datetime, uow: UnitOfWork, plan: Plan) -> None:
        """``latest``: nothing is recorded after this time (a little before now)."""
        self.ids, self.latest, self.uow, self.plan, self.rng = ids, latest, uow, plan, ids.rng
        self.story = story = Story(ids, plan)
        self.scenario, self.ctx, self.side = story.scenario, story.ctx, story.side
        self.parties, self.pros = story.parties, story.pros
        self.case: Case
        shape = OUTCOMES[plan.outcome]
        extras = self.rng.randint(*shape.extras)
        # Everyday contacts come after the introductions (phase 1 on).
        first = min(1, shape.reach)
        self.extras = Counter(self.rng.randint(first, shape.reach) for _ in range(extras))
        # Spread the work over the time the case has had, with some jitter; the next piece of
        # work is drawn ahead so that notes can name its day.
        self.gap = max(0.3, (plan.end - plan.received_on).days / (extras + 3 * shape.reach + 2))
        self.day = plan.received_on
        self.upcoming = self.draw()

    # -- time -----------------------------------------------------------------------------------

    def draw(self) -> date:
        day = self.day + timedelta(round(self.gap * self.rng.uniform(0.4, 1.6)))
        if day.weekday() >= 5 and self.rng.random() < 0.8:  # most work is on weekdays
            day += timedelta(7 - day.weekday())
        return day

    def step(self) -> date:
        self.day = max(self.day, min(self.upcoming, self.plan.end))
        self.upcoming = self.draw()
        return self.day

    def at(self, day: date, hours: tuple[int, int]) -> datetime:
        minute = self.rng.choice((0, 10, 15, 20, 30, 40, 45, 50))
        moment = datetime.combine(day, time(self.rng.randint(*hours), minute), LONDON)
        if moment > self.latest:  # only ever today: keep it before now
            return self.latest - timedelta(minutes=self.rng.randint(0, 90))
        return moment

    # -- the case -------------------------------------------------------------------------------

    def build(self) -> None:
        outcome, rng, uow = self.plan.outcome, self.rng, self.uow
        self.rj_information()
        self.create()
        self.enter_people(named_only=outcome == Stage.REFERRAL)
        if outcome == Stage.REFERRAL:
            return  # logged with the people the referrer named; nobody called yet
        if rng.random() < 0.5:
            self.note("referrer", K.PHONE, [], day=self.plan.received_on)
        case_service.change_stage(uow, self.case, Stage.ASSESSMENT, "parties identified")
        if outcome == C.NO_CONTACT:
            return self.no_contact()
        self.introductions()
        self.fill(1)
        if outcome == Stage.ASSESSMENT or (outcome == C.DECLINED and rng.random() < 0.5):
            return self.decline() if outcome == C.DECLINED else None
        level = self.risk(unsuitable=outcome == C.UNSUITABLE)
        if outcome == C.UNSUITABLE:
            self.note("unsuitable", K.PHONE, [pro.p for pro in self.pros[:1]])
            return self.close(C.UNSUITABLE)
        case_service.change_stage(uow, self.case, Stage.PREPARATION, "risk assessed")
        # Open cases in preparation may still wait for a visit or a consent.
        partial = outcome in (Stage.PREPARATION, C.DECLINED) and rng.random() < 0.5
        self.preparation(partial)
        self.fill(2)
        if outcome == C.DECLINED:
            return self.decline()
        if outcome == C.WITHDRAWN and rng.random() < 0.5:
            return self.withdraw(close=True)
        # Some cases in preparation got further and came back when consent was withdrawn.
        if outcome == Stage.PREPARATION and (partial or rng.random() < 0.8):
            return None
        case_service.change_stage(uow, self.case, Stage.INTERVENTION, "everyone has consented")
        self.note("venue", K.EMAIL, [])
        self.fill(3)
        if outcome in (Stage.PREPARATION, C.WITHDRAWN):
            return self.withdraw(close=outcome == C.WITHDRAWN)
        for party in self.parties:
            self.note("arrange", K.PHONE, [party.p], party)
        if outcome == Stage.INTERVENTION:
            return None
        shuttle = rng.random() < (0.6 if level == RiskLevel.HIGH else 0.2)
        when = self.intervention(shuttle)
        self.fill(4)
        agreement = self.agreement(when, shuttle, complete=outcome != Stage.AGREEMENT)
        if agreement is not None:
            self.follow_up(agreement, final=outcome == C.COMPLETED)
        demo_outcomes.record(uow, self.case, when, shuttle=shuttle)
        if outcome == C.COMPLETED:
            for party in self.parties:
                if rng.random() < 0.6:
                    self.note("closing", K.LETTER, [party.p], party)
            self.close(C.COMPLETED)
        return None

    def rj_information(self) -> None:
        """Victims' Code: mostly within five working days, some late, some not yet."""
        outcome, received, end = self.plan.outcome, self.plan.received_on, self.plan.end
        for party in self.parties:
            if not party.role.is_harmed:
                continue
            late = self.rng.random() < 0.12
            day = add_working_days(received, self.rng.randint(6, 14) if late else 1)
            if not late or day > end:
                day = add_working_days(received, self.rng.randint(1, 4))
            waiting = outcome == Stage.REFERRAL or (
                outcome == Stage.ASSESSMENT and self.rng.random() < 0.2
            )
            party.rj_info = None if waiting or day > end else day

    def create(self) -> None:
        plan, rng, ctx, ids = self.plan, self.rng, self.ctx, self.ids
        source = plan.source or ReferralSource.OTHER
        channel = plan.channel or ids.pick(CHANNELS)
        summary = self.scenario.summary.format(**ctx)
        tails = SUMMARY_TAILS.get(source.value, ())
        if tails and rng.random() < 0.5:
            summary += " " + rng.choice(tails)
        referrer, organisation = self.side(True).made.details.name, None
        if source != ReferralSource.SELF:
            name_form, organisation_form = rng.choice(REFERRERS[source.value])
            name = ids.person(plan.received_on).details.name
            referrer = name_form.format(name=name, n=rng.randint(1000, 9999))
            organisation = organisation_form.format(**ctx)
        ctx.update(referrer=referrer, org=DEALS_WITH.get(source.value, "council"))
        crime = plan.case_type in (CaseType.CRIME, CaseType.HATE_CRIME) or (
            source == ReferralSource.POLICE and rng.random() < 0.5
        )
        incident: date = ctx["incident_day"]
        referral = case_service.Referral(
            case_type=plan.case_type,
            received_on=plan.received_on,
            source=source,
            channel=channel,
            summary=summary,
            referrer_name=referrer,
            referrer_organisation=organisation,
            referrer_phone=ids.office_phone() if channel == Channel.PHONE else None,
            referrer_email=None if channel == Channel.PHONE else mailbox(organisation),
            crime_reference=f"20/{rng.randint(100000, 999999)}/{incident:%y}" if crime else None,
            incident_date=incident,
            location=f"{ctx['street']}, {ctx['area']}",
            flags=[Flag.NOISE_NUISANCE] if self.scenario.noise else [],
        )
        self.case = case_service.create_case(self.uow, referral)

    def enter_people(self, *, named_only: bool) -> None:
        """Everyone in the story, or only the people a referral names: the parties and those
        with them (professionals and interpreters join once the work begins)."""
        joining_later = (Role.PROFESSIONAL, Role.INTERPRETER) if named_only else ()
        for person in self.story.everyone():
            if person.role not in joining_later:
                self.add(person)
        for party in self.parties:  # people who may come back in later cases
            if party.role.is_responsible or self.rng.random() < 0.3:
                self.ids.known[party.young].append(party.made.details)

    def add(self, person: Cast) -> None:
        person.row, _ = people.add_participant(
            self.uow,
            self.case,
            person.made.details,
            person.role,
            supports=person.supports.p if person.supports else None,
            relationship=person.relationship,
            organisation=person.organisation,
            rj_information_given_on=person.rj_info,
        )

    # -- contacts -------------------------------------------------------------------------------

    def note(
        self,
        situation: str,
        kind: ContactKind,
        present: Sequence[Participant],
        about: Cast | None = None,
        *,
        day: date | None = None,
        hours: tuple[int, int] = (9, 17),
    ) -> datetime:
        """Record a contact written from the templates of ``situation``; returns its time."""
        rng = self.rng
        day = day or self.step()
        about = about or self.side(True)
        other = self.side(not about.role.is_harmed)
        other = self.side(True) if other is about else other
        pro = self.pros[0] if self.pros else None
        upcoming = add_working_days(max(self.upcoming, day + timedelta(1)) - timedelta(1), 1)
        fields = {
            **self.ctx,
            "first": about.first,
            "other": other.first,
            "next": day_words(upcoming),
            "supporter": about.supporters[0].first if about.supporters else "",
            "pro": f"{pro.first} ({pro.title})" if pro else self.ctx["referrer"],
            "lang": LANGUAGE_NAMES.get(about.made.details.language or "en", "English"),
        }
        # Templates that name a supporter or a professional only fit when there is one.
        missing = [] if about.supporters else ["{supporter}"]
        missing += [] if pro else ["{pro}"]
        notes = [t for t in NOTES[situation] if not any(m in t for m in missing)]
        location = ""
        if kind in (K.HOME_VISIT, K.SHUTTLE):
            location = (about.made.details.address or "").split(", Birmingham")[0]
        elif kind in (K.CONFERENCE, K.PREPARATION_MEETING):
            location = self.ctx["venue"]
        at = self.at(day, hours)
        contacts.record_contact(
            self.uow,
            self.case,
            kind=kind,
            at=at,
            present=present,
            notes=rng.choice(notes or NOTES[situation]).format(**fields),
            next_steps=rng.choice(NEXT_STEPS[situation]).format(**fields),
            location=location,
        )
        return at

    def fill(self, phase: int) -> None:
        """Everyday contacts between the milestones: updates, texts, emails, no answers."""
        for _ in range(self.extras[phase]):
            person = self.rng.choice(self.parties)
            choices = ["update", "update", "no_answer"] + (["email_pro"] if self.pros else [])
            situation = self.rng.choice(choices)
            if situation == "email_pro":
                self.note(situation, K.EMAIL, [self.pros[0].p], person)
            else:
                present = [person.p] if situation == "update" else []
                self.note(situation, K.PHONE, present, person)

    def introductions(self) -> None:
        for party in self.parties:
            if party.role.is_harmed and party.rj_info is None:
                continue  # not reached yet: the Victims' Code clock is running
            day = party.rj_info or self.step()
            if self.rng.random() < 0.3:
                self.note("no_answer", K.PHONE, [], party, day=day)
            if self.rng.random() < 0.15:
                self.note("letter", K.LETTER, [party.p], party, day=day)
            else:
                situation = "intro_h" if party is self.side(True) else "intro_r"
                self.note(situation, K.PHONE, [party.p], party, day=day)
            self.day = max(self.day, day)

    def no_contact(self) -> None:
        for party in self.parties:
            self.note("no_answer", K.PHONE, [], party, day=party.rj_info)
            self.note("letter", K.LETTER, [party.p], party, day=party.rj_info)
        self.fill(1)
        self.note("no_visit", K.HOME_VISIT, [], self.parties[-1], hours=(10, 19))
        self.close(C.NO_CONTACT)

    def risk(self, *, unsuitable: bool) -> RiskLevel:
        rng, factors = self.rng, list(self.scenario.factors)
        weights = {RiskLevel.LOW: 60, RiskLevel.MEDIUM: 32, RiskLevel.HIGH: 8}
        level = RiskLevel.HIGH if unsuitable else self.ids.pick(weights)
        chosen = rng.sample(factors, k=min(3, len(factors)))
        chosen += rng.sample(GENERAL_FACTORS, k=rng.randint(0, 2))
        if any(party.interpreter for party in self.parties):
            chosen.append(INTERPRETER_FACTOR)
        if level == RiskLevel.HIGH:
            chosen += rng.sample(HIGH_FACTORS, k=rng.randint(1, 2))
        notes = rng.choice(RISK_NOTES[level.value])
        day = self.step()
        assessment.record_risk_assessment(
            self.uow, self.case, assessed_on=day, level=level, factors=chosen, notes=notes
        )
        return level

    def preparation(self, partial: bool) -> None:
        """A visit or meeting with each party, where they (and those with them) consent."""
        rng, uow = self.rng, self.uow
        for index, party in enumerate(self.parties):
            if partial and index > 0 and rng.random() < 0.6:
                break
            if party.interpreter:
                self.note("interpreter", K.EMAIL, [party.interpreter.p], party)
            if rng.random() < 0.75:
                harmed = party is self.side(True) or party.role == Role.HARMED
                situation = "visit_y" if party.young else ("visit_h" if harmed else "visit_r")
                at = self.note(situation, K.HOME_VISIT, party.company(), party, hours=(10, 19))
            else:
                present = party.company() + [pro.p for pro in self.pros[:1]]
                at = self.note("prep_meeting", K.PREPARATION_MEETING, present, party)
            day, scopes = _day(at), _ALL_SCOPES[: rng.choice((1, 2, 3, 3))]
            parent = party.parent.p if party.young and party.parent else None
            for given_by in [None, parent] if parent else [None]:  # a parent's for under-18s
                assessment.give_consent(
                    uow, party.p, scopes=scopes, given_on=day, given_by=given_by
                )
            for supporter in party.supporters:
                assessment.give_consent(uow, supporter.p, scopes=_ALL_SCOPES[:1], given_on=day)
            if self.plan.safeguarding and index == 0:
                self.safeguarding(party, at)

    def safeguarding(self, party: Cast, at: datetime) -> None:
        kind = self.plan.safeguarding
        young = next((c for c in self.parties if c.young), None)
        if kind in ("any", "child"):
            kind = "child" if young and (kind == "child" or self.rng.random() < 0.6) else ""
        kind = kind or self.rng.choice(("adult", "domestic_abuse"))
        person = young if kind == "child" else party
        concern, action, passed_to = self.rng.choice(SAFEGUARDING[kind])
        assessment.record_safeguarding_concern(
            self.uow,
            self.case,
            kind=SafeguardingKind(kind),
            concern=concern,
            action_taken=action,
            passed_to=passed_to,
            participant=person.p if person else None,
            raised_at=at,
        )
        if self.rng.random() < 0.5:
            self.note("safeguarding", K.PHONE, [], party)

    def withdraw(self, *, close: bool) -> None:
        party = self.rng.choice(self.parties)
        self.note("withdrawn" if close else "moved_back", K.PHONE, [party.p], party)
        note = "Told the facilitator by phone."
        assessment.withdraw_consent(self.uow, party.p, withdrawn_on=self.day, note=note)
        if close:
            return self.close(C.WITHDRAWN)
        case_service.change_stage(self.uow, self.case, Stage.PREPARATION, "consent withdrawn")
        return None

    def decline(self) -> None:
        party = self.rng.choice(self.parties)
        self.note("declined", K.PHONE, [party.p], party)
        other = next(c for c in self.parties if c is not party)
        self.note("closing", K.LETTER, [other.p], other)
        self.close(C.DECLINED)

    def close(self, reason: ClosureReason) -> None:
        note = CLOSURE_NOTES[reason.value]
        case_service.close_case(self.uow, self.case, reason, closed_on=self.step(), note=note)

    # -- intervention, agreement, follow-up ------------------------------------------------------

    def intervention(self, shuttle: bool) -> date:
        """A conference with everyone, or shuttle visits to each side in turn."""
        if not shuttle:
            present = [p for c in self.parties for p in c.company()]
            present += [pro.p for pro in self.pros if self.rng.random() < 0.6]
            return _day(self.note("conference", K.CONFERENCE, present, hours=(10, 18)))
        turns = ("shuttle_ask", "shuttle_answer", "shuttle_hear")
        for turn in range(self.rng.randint(2, 4)):
            party = self.side(turn % 2 == 0)
            at = self.note(turns[min(turn, 2)], K.SHUTTLE, party.company(), party)
        return _day(at)

    def actions(self, agreed_on: date) -> list[ActionInput]:
        """1 to 8 actions: who does what by when (no date: ongoing)."""
        rng, responsible = self.rng, self.side(False)
        owners = {"h": self.side(True), "r": responsible, "p": responsible.parent or responsible}
        chosen = rng.sample(self.scenario.actions, k=len(self.scenario.actions))
        count = min(len(chosen), rng.choice((1, 2, 3, 3, 4, 4, 5, 8)))
        result = []
        for owner, wording, dated in chosen[:count]:
            who = owners.get(owner) or (rng.choice(self.parties) if rng.random() < 0.3 else None)
            due = agreed_on + timedelta(rng.randint(7, 42)) if dated else None
            result.append(ActionInput(wording.format(**self.ctx), who.p if who else None, due))
        return result

    def sign_all(self, agreement: Agreement, day: date, shuttle: bool) -> None:
        """Every party signs (on paper mostly), some supporters witness, the facilitator last."""
        # Demo vaults hold thousands of cases: their PDFs are filed when first printed.
        rng, sign = self.rng, partial(agreements.sign_agreement, self.uow, file_pdf=False)
        for party in self.parties:
            if shuttle:
                day = _day(self.note("sign", K.HOME_VISIT, party.company(), party))
            captured = rng.random() < 0.1
            method = SignatureMethod.CAPTURED if captured else SignatureMethod.PAPER
            image = signature_png(rng.randint(0, 5)) if captured else None
            sign(agreement, signer=party.p, signed_on=day, method=method, image=image)
            for supporter in party.supporters:
                if rng.random() < 0.2:  # a witness
                    sign(agreement, signer=supporter.p, signed_on=day)
        sign(agreement, signer=None, signed_on=day)

    def agreement(self, day: date, shuttle: bool, *, complete: bool) -> Agreement | None:
        """The outcome agreement; for cases still at the agreement stage, not yet (fully)
        signed."""
        rng = self.rng
        if not complete and rng.random() < 0.3:
            return None  # to be written up
        summary = rng.choice(AGREEMENT_SUMMARIES).format(**self.ctx)
        review_on = day + timedelta(rng.randint(21, 42))
        agreement = agreements.draft_agreement(
            self.uow,
            self.case,
            actions=self.actions(day),
            summary=summary,
            agreed_on=day,
            review_on=review_on,
        )
        if complete:
            self.sign_all(agreement, day, shuttle)
            return agreement
        if rng.random() < 0.6:  # one party has signed; the other is still to
            agreements.sign_agreement(
                self.uow, agreement, signer=self.parties[0].p, signed_on=day, file_pdf=False
            )
        return None

    def follow_up(self, agreement: Agreement, *, final: bool) -> None:
        """Follow-up calls and checks of the actions; now and then a revised version 2."""
        rng = self.rng
        self.fill(5)
        if rng.random() < 0.12:
            self.note("revision", K.FOLLOW_UP, [self.parties[-1].p], self.parties[-1])
            revised = agreements.new_version(self.uow, self.case)
            changed = [ActionInput(a.description, a.owner, a.due_on) for a in revised.actions]
            moved = next((a for a in changed if a.due_on), changed[0])  # a date moved on
            moved.due_on = (moved.due_on or self.day) + timedelta(rng.randint(14, 28))
            agreements.update_draft(self.uow, revised, actions=changed, agreed_on=self.day)
            self.sign_all(revised, self.day, shuttle=False)
            agreement = revised
        for party in self.parties:
            good = rng.random() < 0.8
            self.note("follow_good" if good else "follow_bad", K.FOLLOW_UP, [party.p], party)
        for action in agreement.actions:
            due = action.due_on
            if final or (due is not None and due <= self.day and rng.random() < 0.8):
                status = ActionStatus.DONE if rng.random() < 0.85 else ActionStatus.NOT_DONE
                note = rng.choice(CHECK_NOTES[status.value]).format(**self.ctx)
                agreements.check_action(
                    self.uow, action, status=status, checked_on=self.day, note=note
                )
