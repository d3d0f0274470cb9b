"""Realistic document data: the neighbour dispute of the shared examples (Marcia Bennett and
Łukasz Nowak, with Zoë Nowak as his supporter), names from across Latin scripts, a 40-action
agreement, a long case, and a hand-drawn signature as a PNG made here (no imaging library)."""

from __future__ import annotations

import math
import struct
import zlib
from dataclasses import replace
from datetime import date

from rjdesk.documents.model import (
    ActionLine,
    AgreementDocument,
    AgreementSummary,
    CaseSummaryDocument,
    ContactLine,
    Letterhead,
    PartyLine,
    SignatureBlock,
    StageLine,
)

REFERENCE = "RJ-26-K7QXM-0042"
FACILITATOR = "Alex Morgan"
AGREED_ON = date(2026, 11, 4)
REVIEW_ON = date(2026, 11, 25)
INTERNATIONAL_NAMES = (
    "Zoë Nowak",
    "Łukasz Nowak",
    "Siobhán Ní Bhriain",
    "Ayşe Yılmaz",
    "Nguyễn Văn An",
)

NEIGHBOUR_PEOPLE = (
    PartyLine("Marcia Bennett", "Harmed and responsible"),
    PartyLine("Łukasz Nowak", "Harmed and responsible"),
    PartyLine("Zoë Nowak", "Supporter of Łukasz Nowak (partner)"),
)
NEIGHBOUR_ACTIONS = (
    ActionLine(
        "Łukasz Nowak",
        "Keep music at a level that cannot be heard next door after 11pm, every night.",
        "Ongoing",
    ),
    ActionLine(
        "Marcia Bennett",
        "Text Łukasz directly if noise is a problem before contacting the housing provider.",
        "Ongoing",
    ),
    ActionLine("Łukasz Nowak", "Fit a spring closer to the shared side gate.", "18 Nov 2026"),
    ActionLine(
        "Marcia Bennett",
        "Keep the shared path clear of bins except on collection day.",
        "Ongoing",
    ),
)


def letterhead() -> Letterhead:
    return Letterhead(
        service_name="Birmingham Restorative Justice Hub",
        address="Second floor, 10 Example Street\nBirmingham B1 1AA",
        phone="0121 496 0000",
        email="rj.hub@example.org",
    )


def png(width: int, height: int, rows: list[bytes]) -> bytes:
    """An 8-bit RGBA PNG from raw rows of width * 4 bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + row for row in rows)  # filter type 0 on every row
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def signature_png(seed: int = 1) -> bytes:
    """A signature as a tablet captures it: dark ink strokes on a transparent background,
    600 x 200 pixels (a loop, a long wave and an underline)."""
    width, height = 600, 200
    pixels = bytearray(width * height * 4)  # transparent
    points: list[tuple[float, float]] = []
    for step in range(400):
        t = step / 399
        x = 40 + 480 * t
        y = 100 + 45 * math.sin(t * (9 + seed) * math.pi) * (1 - 0.5 * t)
        points.append((x, y))
    for step in range(120):  # the loop of a capital letter
        a = step / 119 * 2 * math.pi
        points.append((70 + 28 * math.cos(a), 90 + 55 * math.sin(a)))
    points += [(60 + 5 * i, 165.0) for i in range(90)]  # the underline
    for x, y in points:
        for dx in range(-3, 4):
            for dy in range(-3, 4):
                px, py = int(x) + dx, int(y) + dy
                if dx * dx + dy * dy <= 9 and 0 <= px < width and 0 <= py < height:
                    offset = (py * width + px) * 4
                    pixels[offset : offset + 4] = b"\x10\x18\x40\xff"
    rows = [bytes(pixels[r * width * 4 : (r + 1) * width * 4]) for r in range(height)]
    return png(width, height, rows)


def paper_signatures() -> tuple[SignatureBlock, ...]:
    return (
        SignatureBlock("Marcia Bennett", "Harmed and responsible", AGREED_ON, on_paper=True),
        SignatureBlock("Łukasz Nowak", "Harmed and responsible", AGREED_ON, on_paper=True),
        SignatureBlock(FACILITATOR, "Facilitator", AGREED_ON, on_paper=True),
    )


def neighbour_agreement(**changes: object) -> AgreementDocument:
    """The neighbour dispute's agreement as signed on paper at the conference of 4 Nov 2026."""
    doc = AgreementDocument(
        letterhead=letterhead(),
        reference=REFERENCE,
        version=1,
        state="Signed",
        date=AGREED_ON,
        participants=NEIGHBOUR_PEOPLE,
        actions=NEIGHBOUR_ACTIONS,
        signatures=paper_signatures(),
        summary="Both households agree to the following to keep the peace on Farnborough Road.",
        review_on=REVIEW_ON,
        facilitator=FACILITATOR,
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def captured_signatures() -> tuple[SignatureBlock, ...]:
    """Marcia signed on the tablet; the others on paper."""
    first, *rest = paper_signatures()
    return (replace(first, image_png=signature_png(), on_paper=False), *rest)


def draft_agreement() -> AgreementDocument:
    """The same agreement printed for reading through before anyone signs."""
    return neighbour_agreement(
        state="Draft",
        date=date(2026, 11, 4),
        signatures=(
            SignatureBlock("Marcia Bennett", "Harmed and responsible"),
            SignatureBlock("Łukasz Nowak", "Harmed and responsible"),
            SignatureBlock("Zoë Nowak", "Witness (supporter)"),
            SignatureBlock(FACILITATOR, "Facilitator"),
        ),
    )


def names_agreement() -> AgreementDocument:
    """Five participants whose names use letters beyond Latin-1."""
    people = tuple(PartyLine(name, "Harmed") for name in INTERNATIONAL_NAMES)
    actions = tuple(
        ActionLine(name, f"Write a short letter to the group ({name}).", "1 Dec 2026")
        for name in INTERNATIONAL_NAMES
    )
    signatures = tuple(SignatureBlock(name, "Harmed") for name in INTERNATIONAL_NAMES)
    return neighbour_agreement(participants=people, actions=actions, signatures=signatures)


def action_text(number: int) -> str:
    """Distinct action wording of varying length, some long enough to wrap over several lines."""
    extra = " ".join(
        ["Check in with the facilitator by phone if anything gets in the way."] * (number % 4)
    )
    lead = f"Action {number}: keep to the agreed quiet hours on day {number} of the plan."
    return f"{lead} {extra}".strip()


def many_actions(count: int) -> tuple[ActionLine, ...]:
    owners = ("Marcia Bennett", "Łukasz Nowak", "Zoë Nowak")
    return tuple(
        ActionLine(
            owners[n % 3],
            action_text(n),
            "Ongoing" if n % 5 == 0 else f"{1 + n % 28} Dec 2026",
        )
        for n in range(1, count + 1)
    )


def agreement_with_actions(count: int) -> AgreementDocument:
    return neighbour_agreement(actions=many_actions(count))


def one_action_agreement() -> AgreementDocument:
    return neighbour_agreement(actions=NEIGHBOUR_ACTIONS[2:3])


def neighbour_summary() -> CaseSummaryDocument:
    contacts = (
        ContactLine(
            "Fri 16 Oct 2026, 09:40",
            "Phone call",
            "",
            "Marcia Bennett",
            FACILITATOR,
            "Explained RJ and what a conference involves. Marcia would like the music to stop "
            "after 11pm and the gate to be kept shut.",
            "Home visit 21 Oct.",
        ),
        ContactLine(
            "Tue 20 Oct 2026, 17:10",
            "Phone call",
            "",
            "Łukasz Nowak",
            FACILITATOR,
            "Introduced RJ to Łukasz and sent the leaflet by text. He is open to meeting and asked "
            "for an evening visit.",
            "Home visit 22 Oct, evening.",
        ),
        ContactLine(
            "Wed 21 Oct 2026, 14:30",
            "Home visit",
            "14 Farnborough Road",
            "Marcia Bennett",
            FACILITATOR,
            "Preparation meeting. Marcia described the impact: sleep lost before night shifts, "
            "anxious coming home. Willing to meet.",
            "Visit the Nowak household.",
        ),
        ContactLine(
            "Thu 22 Oct 2026, 18:00",
            "Home visit",
            "16 Farnborough Road",
            "Łukasz Nowak, Zoë Nowak",
            FACILITATOR,
            "Preparation meeting. Łukasz accepts the music has been loud at weekends; says the "
            "gate is left open by the bin collectors. Zoë will attend as his supporter.",
            "Book the community centre.",
        ),
        ContactLine(
            "Wed 4 Nov 2026, 18:30",
            "Conference",
            "Castle Vale Community Centre, room 2",
            "Marcia Bennett, Łukasz Nowak, Zoë Nowak",
            FACILITATOR,
            "Both parties spoke about the effect of the last months. Apologies given on both "
            "sides. Agreement reached on quiet hours and the gate.",
            "Follow-up call in three weeks.",
            ("Addendum 5 Nov 2026 09:10 by Alex Morgan: the room is booked again for the review.",),
        ),
    )
    statuses = ("Pending", "Done (checked 19 Nov 2026)", "Done (checked 19 Nov 2026)", "Pending")
    actions = tuple(replace(a, status=s) for a, s in zip(NEIGHBOUR_ACTIONS, statuses, strict=True))
    return CaseSummaryDocument(
        letterhead=letterhead(),
        reference=REFERENCE,
        case_type="Neighbour dispute",
        stage="Follow-up",
        generated_on=date(2026, 11, 20),
        generated_by=FACILITATOR,
        referral=(
            ("Received", "14 Oct 2026 by phone"),
            ("Source", "Housing provider"),
            ("Referrer", "Dana Whitfield, Pioneer Group housing team, 0121 496 0123"),
            ("Incident", "28 Sep 2026, Farnborough Road, Castle Vale"),
            (
                "Summary",
                "Ongoing dispute between two adjoining households about late-night music and a "
                "shared side gate. Both households have made complaints to the housing provider; "
                "verbal abuse reported on 28 September.",
            ),
        ),
        people=NEIGHBOUR_PEOPLE,
        risk="Low, assessed 21 Oct 2026 by Alex Morgan",
        risk_factors=(
            "No history of violence",
            "Both parties want the dispute to stop",
            "Verbal abuse on one occasion",
        ),
        flags=("Noise nuisance",),
        victims_code=(
            "Marcia Bennett: told about restorative justice on 16 Oct 2026",
            "Łukasz Nowak: told about restorative justice on 20 Oct 2026",
        ),
        stage_history=(
            StageLine("14 Oct 2026", "Referral received", FACILITATOR),
            StageLine("21 Oct 2026", "Referral → Preparation", FACILITATOR, "Risk assessed: low"),
            StageLine("4 Nov 2026", "Preparation → Conference", FACILITATOR),
            StageLine("4 Nov 2026", "Conference → Follow-up", FACILITATOR, "Agreement signed"),
        ),
        contacts=contacts,
        agreements=(AgreementSummary(1, "Signed", "4 Nov 2026", "25 Nov 2026", actions),),
    )


def long_note(number: int) -> str:
    """A long note of several paragraphs, each sentence tagged with its contact so a test can
    find every piece of it."""
    paragraph = " ".join(
        f"Contact {number} sentence {s}: we talked through how the week had gone and what "
        "would help next."
        for s in range(1, 6)
    )
    return "\n\n".join(f"{paragraph} (part {p} of note {number})" for p in range(1, 4))


def long_summary(contacts: int = 30) -> CaseSummaryDocument:
    base = neighbour_summary()
    lines = tuple(
        ContactLine(
            f"Mon {1 + n % 28} Sep 2026, 10:00",
            "Home visit" if n % 2 else "Phone call",
            "14 Farnborough Road" if n % 2 else "",
            "Marcia Bennett",
            FACILITATOR,
            long_note(n),
            f"Next steps for contact {n}: call back in a week.",
            (f"Addendum by Alex Morgan for contact {n}: spelling corrected.",)
            if n % 3 == 0
            else (),
        )
        for n in range(1, contacts + 1)
    )
    return replace(base, contacts=lines)
