"""How the Cases pages write stored values: enum values as words, dates as "1 Oct 2026", times
in Europe/London, sizes, and which media types a browser may show in the page. Plain functions:
a record's fields come from laptops, so each takes anything and answers text (or "")."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.victims_code import format_day

# Words for the stored values whose plain form reads badly; the rest are "snake_case" spelled out.
_WORDS = {
    "anti_social_behaviour": "Anti-social behaviour",
    "follow_up": "Follow-up",
    "self": "Self-referral",
    "both": "Harmed and responsible",
    "take_part": "Take part",
    "share_with_other_party": "Share with the other party",
    "feedback_contact": "Be contacted for feedback",
    "not_done": "Not done",
    "agreement_pdf": "Agreement (PDF)",
    "case_summary_pdf": "Case summary (PDF)",
    "no_contact": "No contact",
}
# The media types a browser may show in the page itself (the rest are downloaded).
INLINE_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp"})
_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}")
STAGE_TAG = {
    "referral": "govuk-tag--light-blue",
    "assessment": "govuk-tag--purple",
    "preparation": "govuk-tag--yellow",
    "intervention": "govuk-tag--orange",
    "agreement": "govuk-tag--pink",
    "follow_up": "govuk-tag--turquoise",
    "closed": "govuk-tag--grey",
}


def words(value: object) -> str:
    """A stored enum value as words ("hate_crime" → "Hate crime"); "" for nothing."""
    if value is None or value == "":
        return ""
    text = str(value)
    return _WORDS.get(text) or text.replace("_", " ").capitalize()


def day(value: object) -> str:
    """A stored date (YYYY-MM-DD) as "1 Oct 2026"; "" when there is none or it is malformed."""
    parsed = as_date(value)
    return format_day(parsed) if parsed else ""


def moment(value: object) -> str:
    """A stored UTC time as "20 Oct 2026, 18:00" in Europe/London."""
    if not isinstance(value, str) or not value:
        return ""
    try:
        parsed = datetime.fromisoformat(value.removesuffix("Z") + "+00:00")
    except ValueError:
        return ""
    local = parsed.astimezone(LONDON)
    return f"{format_day(local.date())}, {local:%H:%M}"


def stamp(value: datetime | None) -> str:
    """A time the hub keeps (aware, or naive UTC) as ``moment`` shows it."""
    if value is None:
        return ""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return moment(aware.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))


def media_type(value: object) -> str:
    """A document's stored media type if it is one, else ``application/octet-stream``: it
    comes from a laptop, and goes into a header."""
    text = value.strip().lower() if isinstance(value, str) else ""
    return text if _MEDIA_TYPE.fullmatch(text) else "application/octet-stream"


def size(count: object) -> str:
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        return ""
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count / (1024 * 1024):.1f} MB"


def as_date(value: object) -> date | None:
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def as_text(value: object) -> str:
    return value if isinstance(value, str) else ""


def as_int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def as_lines(value: object) -> tuple[str, ...]:
    return tuple(item for item in value if isinstance(item, str)) if isinstance(value, list) else ()
