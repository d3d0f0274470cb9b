"""The referral forms' questions and their checks, in plain English (issue 15 items 1 and 2).

``check_public`` and ``check_partner`` take what was posted (each field's text) and return what
to keep and the errors, field by field, in the order the page asks. The public form asks only
what a first call needs and no offence details; the partner form adds the crime reference, the
incident's date and place, the people involved, the risks known and the referrer's contact.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from rjdesk_protocol.enums import CaseType


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


WHO = (
    Choice("myself", "I am referring myself"),
    Choice("someone_else", "I am referring someone else, who has agreed to it"),
    Choice("professional", "I am referring someone as part of my job"),
)
CONTACT_HOW = (
    Choice("phone", "Phone call"),
    Choice("text", "Text message"),
    Choice("email", "Email"),
)
YES_NO = (Choice("yes", "Yes"), Choice("no", "No"))
# The case types in the words a member of the public uses.
PROBLEMS = (
    Choice(CaseType.NEIGHBOUR_DISPUTE, "A falling out with a neighbour"),
    Choice(CaseType.NOISE_NUISANCE, "Noise or other nuisance"),
    Choice(CaseType.ANTI_SOCIAL_BEHAVIOUR, "Anti-social behaviour in the area"),
    Choice(CaseType.CRIME, "A crime, such as a theft, a burglary or an assault"),
    Choice(CaseType.HATE_CRIME, "Something done because of who someone is (a hate crime)"),
    Choice(CaseType.BULLYING, "Bullying"),
    Choice(CaseType.SCHOOL_INCIDENT, "Something that happened at a school or college"),
    Choice(
        CaseType.OFFENDER_MANAGEMENT,
        "Someone who has been convicted and wants to put things right",
    ),
    Choice(CaseType.COMMUNITY_INITIATIVE, "A problem within a group or a community"),
    Choice(CaseType.OTHER, "Something else"),
)
# The longest each field may be, in characters (the pages say so; the server checks).
MAX = {
    "name": 100,
    "contact_detail": 120,
    "contact_when": 200,
    "description": 1000,
    "referrer_name": 100,
    "referrer_role": 100,
    "referrer_phone": 40,
    "referrer_email": 120,
    "crime_reference": 40,
    "incident_place": 200,
    "people": 2000,
    "risks": 2000,
}
PUBLIC_FIELDS = (
    "who",
    "name",
    "contact_how",
    "contact_detail",
    "contact_when",
    "message_ok",
    "problem",
    "description",
    "consent",
)
PARTNER_FIELDS = (
    "referrer_name",
    "referrer_role",
    "referrer_phone",
    "referrer_email",
    "name",
    "contact_how",
    "contact_detail",
    "contact_when",
    "message_ok",
    "problem",
    "crime_reference",
    "incident_date-day",
    "incident_date-month",
    "incident_date-year",
    "incident_place",
    "people",
    "risks",
    "description",
    "agreed",
)
PHONE = re.compile(r"^\+?[0-9 ()\-]{7,20}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
PHONE_MESSAGE = "Enter a phone number, like 01632 960 001 or 07700 900 982"
EMAIL_MESSAGE = "Enter an email address in the correct format, like name@example.com"


@dataclass
class Checked:
    """What was posted, cleaned (``values``: shown again when refused), and the errors by field
    (the id the error summary links to, and the message)."""

    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)

    def error(self, name: str, message: str) -> None:
        self.errors.setdefault(name, message)


def clean(text: str) -> str:
    """``text`` without control characters (but new lines) and surrounding space."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = (c for c in text if c == "\n" or unicodedata.category(c)[0] != "C")
    return "".join(kept).strip()


def _values(posted: dict[str, str], names: tuple[str, ...]) -> dict[str, str]:
    return {name: clean(posted.get(name, "")) for name in names}


def _length(checked: Checked, name: str, what: str) -> None:
    limit = MAX[name]
    if len(checked.values[name]) > limit:
        checked.error(name, f"{what} must be {limit:,} characters or fewer")


def _required(checked: Checked, name: str, message: str) -> bool:
    if not checked.values[name]:
        checked.error(name, message)
        return False
    return True


def _choice(checked: Checked, name: str, choices: tuple[Choice, ...], message: str) -> None:
    if checked.values[name] not in {c.value for c in choices}:
        checked.values[name] = ""
        checked.error(name, message)


def _contact(checked: Checked) -> None:
    _choice(checked, "contact_how", CONTACT_HOW, "Select how we should contact them")
    how, detail = checked.values["contact_how"], checked.values["contact_detail"]
    if not detail:
        checked.error("contact_detail", "Enter a phone number or an email address")
    elif len(detail) > MAX["contact_detail"]:
        _length(checked, "contact_detail", "The phone number or email address")
    elif how == "email" and not EMAIL.match(detail):
        checked.error("contact_detail", EMAIL_MESSAGE)
    elif how in {"phone", "text"} and not (
        PHONE.match(detail) and 7 <= sum(c.isdigit() for c in detail) <= 15
    ):
        checked.error("contact_detail", PHONE_MESSAGE)
    if _required(checked, "contact_when", "Enter when it is safe to contact them"):
        _length(checked, "contact_when", "When it is safe to contact them")
    _choice(checked, "message_ok", YES_NO, "Select whether we may leave a message")


def _common(checked: Checked) -> None:
    if _required(checked, "name", "Enter the name of the person we should contact"):
        _length(checked, "name", "The name")
    _contact(checked)
    _choice(checked, "problem", PROBLEMS, "Select what the problem is about")
    _length(checked, "description", "The description")


def check_public(posted: dict[str, str]) -> Checked:
    checked = Checked(_values(posted, PUBLIC_FIELDS))
    _choice(checked, "who", WHO, "Select who is making the referral")
    _common(checked)
    if checked.values["consent"] != "yes":
        checked.values["consent"] = ""
        checked.error("consent", "Confirm that we may contact them about this referral")
    return checked


def check_partner(posted: dict[str, str], *, today: date) -> Checked:
    checked = Checked(_values(posted, PARTNER_FIELDS))
    if _required(checked, "referrer_name", "Enter your name"):
        _length(checked, "referrer_name", "Your name")
    if _required(checked, "referrer_role", "Enter your job title or role"):
        _length(checked, "referrer_role", "Your job title or role")
    phone, email = checked.values["referrer_phone"], checked.values["referrer_email"]
    if not phone and not email:
        checked.error("referrer_phone", "Enter your phone number or your email address")
    if phone and not (PHONE.match(phone) and 7 <= sum(c.isdigit() for c in phone) <= 15):
        checked.error("referrer_phone", PHONE_MESSAGE)
    if len(email) > MAX["referrer_email"]:
        _length(checked, "referrer_email", "Your email address")
    elif email and not EMAIL.match(email):
        checked.error("referrer_email", EMAIL_MESSAGE)
    _common(checked)
    _length(checked, "crime_reference", "The crime reference")
    _incident_date(checked, today)
    _length(checked, "incident_place", "Where it happened")
    if _required(checked, "people", "Enter the people involved and their roles"):
        _length(checked, "people", "The people involved")
    if _required(checked, "risks", "Enter the risks you know of, or write ‘None known’"):
        _length(checked, "risks", "The risks")
    if checked.values["agreed"] != "yes":
        checked.values["agreed"] = ""
        checked.error("agreed", "Confirm that the person agreed to be referred")
    return checked


def _incident_date(checked: Checked, today: date) -> None:
    parts = [checked.values[f"incident_date-{p}"] for p in ("day", "month", "year")]
    if not any(parts):
        return
    try:
        day, month, year = (int(p) for p in parts)
        when = date(year, month, day)
    except ValueError:
        checked.error("incident_date", "The date it happened must be a real date, like 27 3 2026")
        return
    if year < 1900:
        checked.error("incident_date", "The year it happened must have 4 numbers, like 2026")
    elif when > today:
        checked.error("incident_date", "The date it happened must be today or in the past")
    else:
        checked.values["incident_date"] = when.isoformat()


def label_of(choices: tuple[Choice, ...], value: str) -> str:
    return next((c.label for c in choices if c.value == value), "")


def kept(checked: Checked, names: tuple[str, ...]) -> dict[str, str]:
    """What is sealed: each field's text (the date as one ISO date), blanks left out."""
    skip = {"incident_date-day", "incident_date-month", "incident_date-year"}
    doc = {n: checked.values[n] for n in names if n not in skip and checked.values.get(n)}
    if checked.values.get("incident_date"):
        doc["incident_date"] = checked.values["incident_date"]
    return doc
