"""The public and partner referral forms over the real app and a real database (issue 15 items
1 to 4): each field's checks, a referral kept sealed, every abuse refusal storing nothing and
keeping what was typed, the canary that must reach no file outside the encrypted store, and the
clean-up of untriaged referrals."""

from __future__ import annotations

import dataclasses
import html
import logging
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from rjdesk_hub import Hub
from rjdesk_hub.forms.protect import MAX_BODY_BYTES, Limits
from rjdesk_hub.forms.web import create_forms_app
from rjdesk_hub.referrals import partners, retention, store
from rjdesk_hub.referrals.models import Referral

TOKEN = re.compile(r'name="form_token" value="([^"]+)"')
REFERENCE = re.compile(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}")


class Ticker:
    """The forms' token clock: a test moves it past the minimum time to fill."""

    def __init__(self) -> None:
        self.now = 1_900_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    hub = Hub.init(tmp_path / "hub", name="North RJ hub", url="https://hub.example.org")
    try:
        yield hub
    finally:
        hub.close()


@pytest.fixture
def ticker() -> Ticker:
    return Ticker()


def client_for(hub: Hub, ticker: Ticker, **kwargs: Any) -> TestClient:
    return TestClient(create_forms_app(hub, token_clock=ticker, **kwargs))


@pytest.fixture
def client(hub: Hub, ticker: Ticker) -> TestClient:
    return client_for(hub, ticker)


def public_answers(**changes: str) -> dict[str, str]:
    answers = {
        "who": "myself",
        "name": "Ann",
        "contact_how": "phone",
        "contact_detail": "07700 900982",
        "contact_when": "Weekday mornings",
        "message_ok": "no",
        "problem": "neighbour_dispute",
        "description": "Please call before noon.",
        "consent": "yes",
        "website": "",
    }
    answers.update(changes)
    return answers


def fresh_token(client: TestClient, ticker: Ticker, path: str = "/") -> str:
    page = client.get(path)
    assert page.status_code == 200
    match = TOKEN.search(page.text)
    assert match
    ticker.now += 10
    return match.group(1)


def send(
    client: TestClient, ticker: Ticker, answers: dict[str, str], path: str = "/", **kw: Any
) -> Any:
    return client.post(
        path, data={**answers, "form_token": fresh_token(client, ticker, path)}, **kw
    )


def stored(hub: Hub) -> int:
    with hub.db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Referral)) or 0)


def shown_again(page_text: str, answers: dict[str, str]) -> None:
    text = html.unescape(page_text)
    for name in ("name", "contact_detail", "contact_when", "description"):
        if answers.get(name):
            assert answers[name][:200] in text, name


# -- the public form --------------------------------------------------------------------------


def test_the_public_form_says_what_it_must_and_is_never_cached(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "'unsafe-inline'" not in page.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    assert "set-cookie" not in page.headers
    text = page.text
    assert text.count("<h1") == 1
    for words in (
        "If you are in danger now, call 999",
        "voluntary",
        "What happens next",
        'href="/privacy"',
        "Leave this site quickly",
        "https://www.bbc.co.uk/weather",
        "I am referring someone else, who has agreed to it",
        "A falling out with a neighbour",
        "Can we leave a message?",
        "1000",  # the description's visible limit (GOV.UK character count)
    ):
        assert words in text, words
    assert "<script>" not in text and " style=" not in text
    assert "crime_reference" not in text  # no offence details on the public form


def test_a_public_referral_is_kept_sealed_and_answered_with_its_reference_only(
    client: TestClient, ticker: Ticker, hub: Hub
) -> None:
    done = send(client, ticker, public_answers())
    assert done.status_code == 200, done.text
    references = set(REFERENCE.findall(done.text))
    assert len(references) == 1
    assert "Ann" not in done.text and "07700" not in done.text
    with hub.db.reader() as session:
        (referral,) = session.scalars(select(Referral)).all()
        assert referral.reference in references
        assert (referral.channel, referral.problem, referral.status) == (
            "public",
            "neighbour_dispute",
            "new",
        )
        assert referral.partner_id is None
        assert referral.sealed is not None and b"07700" not in referral.sealed
        fields = store.fields_of(store.sealer(hub), referral)
    assert fields["name"] == "Ann" and fields["contact_detail"] == "07700 900982"
    assert "website" not in fields and "form_token" not in fields


@pytest.mark.parametrize(
    "case",
    [
        ({"who": ""}, "who", "Select who is making the referral"),
        ({"who": "boss"}, "who", "Select who is making the referral"),
        ({"name": "  "}, "name", "Enter the name of the person we should contact"),
        ({"name": "A" * 101}, "name", "The name must be 100 characters or fewer"),
        ({"contact_how": "pigeon"}, "contact_how", "Select how we should contact them"),
        ({"contact_detail": ""}, "contact_detail", "Enter a phone number or an email address"),
        ({"contact_detail": "call me"}, "contact_detail", "Enter a phone number, like"),
        (
            {"contact_how": "email", "contact_detail": "ann at home"},
            "contact_detail",
            "Enter an email address in the correct format",
        ),
        ({"contact_when": ""}, "contact_when", "Enter when it is safe to contact them"),
        ({"message_ok": "maybe"}, "message_ok", "Select whether we may leave a message"),
        ({"problem": "murder"}, "problem", "Select what the problem is about"),
        (
            {"description": "x" * 1001},
            "description",
            "The description must be 1,000 characters or fewer",
        ),
        ({"consent": ""}, "consent", "Confirm that we may contact them"),
    ],
)
def test_each_public_field_is_checked_and_the_text_kept(
    client: TestClient,
    ticker: Ticker,
    hub: Hub,
    case: tuple[dict[str, str], str, str],
) -> None:
    changes, field, message = case
    answers = public_answers(**changes)
    refused = send(client, ticker, answers)
    assert refused.status_code == 400
    assert "Your referral has not been sent" in refused.text
    assert f'href="#{field}"' in refused.text
    assert message in html.unescape(refused.text)
    assert refused.text.count(message.split(",", maxsplit=1)[0]) >= 2  # the summary and the field
    shown_again(refused.text, answers)
    assert stored(hub) == 0


def test_hostile_text_is_shown_back_escaped_and_stored_as_typed(
    client: TestClient, ticker: Ticker, hub: Hub
) -> None:
    hostile = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'
    refused = send(client, ticker, public_answers(name=hostile, consent=""))
    assert "<script>alert(1)" not in refused.text and "<img src=x" not in refused.text
    assert html.escape(hostile, quote=True)[:20] in refused.text or "&lt;script&gt;" in refused.text
    done = send(client, ticker, public_answers(name=hostile))
    assert done.status_code == 200
    with hub.db.reader() as session:
        (referral,) = session.scalars(select(Referral)).all()
        assert store.fields_of(store.sealer(hub), referral)["name"] == hostile


# -- abuse ------------------------------------------------------------------------------------


def test_the_honeypot_refuses_and_keeps_the_text(
    client: TestClient, ticker: Ticker, hub: Hub
) -> None:
    answers = public_answers(website="http://spam.example")
    refused = send(client, ticker, answers)
    assert refused.status_code == 400
    assert "This form could not be sent" in refused.text
    shown_again(refused.text, answers)
    assert 'value="http://spam.example"' not in refused.text  # a person can send it again
    assert stored(hub) == 0


def test_a_submission_too_soon_after_the_page_opened_is_refused(
    client: TestClient, ticker: Ticker, hub: Hub
) -> None:
    token = TOKEN.search(client.get("/").text)
    assert token
    ticker.now += 1
    answers = public_answers()
    refused = client.post("/", data={**answers, "form_token": token.group(1)})
    assert refused.status_code == 400
    assert "too quickly" in refused.text
    shown_again(refused.text, answers)
    assert stored(hub) == 0
    ticker.now += 5  # the same page, sent again a moment later, goes through
    again = TOKEN.search(refused.text)
    assert again and again.group(1) == token.group(1)
    assert client.post("/", data={**answers, "form_token": again.group(1)}).status_code == 200
    assert stored(hub) == 1


@pytest.mark.parametrize(
    "token",
    ["", "not-a-token", "1900000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAA", "99999999999999999.x"],
)
def test_a_missing_or_forged_token_is_refused(
    client: TestClient, ticker: Ticker, hub: Hub, token: str
) -> None:
    client.get("/")
    ticker.now += 10
    answers = public_answers()
    data = {**answers, "form_token": token} if token else answers
    refused = client.post("/", data=data)
    assert refused.status_code == 400
    assert "This page was not loaded from this site" in refused.text
    shown_again(refused.text, answers)
    assert stored(hub) == 0


def test_a_token_lasts_a_slow_writer_a_day_but_not_longer(
    client: TestClient, ticker: Ticker, hub: Hub
) -> None:
    token = fresh_token(client, ticker)
    ticker.now += 20 * 3600
    assert client.post("/", data={**public_answers(), "form_token": token}).status_code == 200
    old = fresh_token(client, ticker)
    ticker.now += 25 * 3600
    refused = client.post("/", data={**public_answers(), "form_token": old})
    assert refused.status_code == 400 and "open for more than a day" in refused.text
    assert stored(hub) == 1


def test_a_token_brings_one_referral_only(client: TestClient, ticker: Ticker, hub: Hub) -> None:
    token = fresh_token(client, ticker)
    assert client.post("/", data={**public_answers(), "form_token": token}).status_code == 200
    again = client.post("/", data={**public_answers(), "form_token": token})
    assert again.status_code == 400 and "was sent already" in again.text
    assert stored(hub) == 1


def test_a_public_token_does_not_open_a_partner_form(
    client: TestClient, ticker: Ticker, hub: Hub
) -> None:
    link = issue_link(hub)
    token = fresh_token(client, ticker)
    refused = client.post(f"/partner/{link}", data={**partner_answers(), "form_token": token})
    assert refused.status_code == 400 and "not loaded from this site" in refused.text
    assert stored(hub) == 0


def test_oversized_fields_and_bodies_are_refused(
    client: TestClient, ticker: Ticker, hub: Hub
) -> None:
    answers = public_answers(contact_when="y" * 5000)
    refused = send(client, ticker, answers)
    assert refused.status_code == 400
    assert "must be 200 characters or fewer" in refused.text
    shown_again(refused.text, answers)
    huge = send(client, ticker, public_answers(description="z" * (MAX_BODY_BYTES + 1)))
    assert huge.status_code == 413
    assert "too long" in huge.text and "zzzz" not in huge.text
    assert "Traceback" not in huge.text
    many = client.post("/", data={f"f{i}": "1" for i in range(200)})
    assert many.status_code == 400
    json_body = client.post("/", json=public_answers())
    assert json_body.status_code == 415
    assert stored(hub) == 0


def test_the_rate_limit_per_address_refuses_and_keeps_the_text(hub: Hub, ticker: Ticker) -> None:
    client = client_for(hub, ticker, limits=Limits(per_address=3, overall=100))
    for _ in range(3):
        assert send(client, ticker, public_answers()).status_code == 200
    answers = public_answers(name="Beth")
    for _ in range(5):  # bounded: the limit holds however often it is tried
        refused = send(client, ticker, answers)
        assert refused.status_code == 429
        assert "Too many referrals" in refused.text
        shown_again(refused.text, answers)
    assert stored(hub) == 3


def test_the_overall_rate_limit_holds_for_everyone_together(hub: Hub, ticker: Ticker) -> None:
    limits = Limits(per_address=10, overall=4)
    app = create_forms_app(hub, token_clock=ticker, limits=limits)
    sent = 0
    for i in range(8):  # bounded: eight people, one referral each
        person = TestClient(app, client=(f"192.0.2.{i}", 5000))
        sent += send(person, ticker, public_answers()).status_code == 200
    assert sent == 4 and stored(hub) == 4


def test_x_forwarded_for_is_believed_only_from_the_proxy(hub: Hub, ticker: Ticker) -> None:
    limits = Limits(per_address=2, overall=100)
    hub.settings = dataclasses.replace(hub.settings, trusted_proxy="10.9.9.9")
    stranger = TestClient(
        create_forms_app(hub, token_clock=ticker, limits=limits), client=("198.51.100.7", 4000)
    )
    accepted = 0
    for i in range(6):  # a client that is not the proxy names a new address each time
        stranger.headers["x-forwarded-for"] = f"203.0.113.{i}"
        accepted += send(stranger, ticker, public_answers()).status_code == 200
    assert accepted == 2
    proxy = TestClient(
        create_forms_app(hub, token_clock=ticker, limits=limits), client=("10.9.9.9", 4000)
    )
    accepted = 0
    for i in range(4):  # through the proxy, each client address has its own count
        proxy.headers["x-forwarded-for"] = f"1.2.3.4, 203.0.113.{i}"
        accepted += send(proxy, ticker, public_answers()).status_code == 200
    assert accepted == 4
    assert stored(hub) == 6


# -- the partner form -------------------------------------------------------------------------


def issue_link(hub: Hub, organisation: str = "Northshire Police") -> str:
    with hub.db.transaction() as tx:
        _partner, token = partners.issue(
            tx.session,
            hub,
            organisation=organisation,
            kind="police",
            by="coordinator",
            at=datetime(2027, 1, 1, tzinfo=UTC),
        )
    return token


def partner_answers(**changes: str) -> dict[str, str]:
    answers = {
        "referrer_name": "PC Dee",
        "referrer_role": "Neighbourhood officer",
        "referrer_phone": "01632 960001",
        "referrer_email": "dee@police.example",
        "name": "Carl",
        "contact_how": "email",
        "contact_detail": "carl@example.org",
        "contact_when": "Any time",
        "message_ok": "yes",
        "problem": "crime",
        "crime_reference": "NP/1234/26",
        "incident_date-day": "3",
        "incident_date-month": "1",
        "incident_date-year": "2026",
        "incident_place": "Station Road",
        "people": "Carl (harmed), a neighbour (responsible)",
        "risks": "None known",
        "description": "",
        "agreed": "yes",
        "website": "",
    }
    answers.update(changes)
    return answers


def test_a_partner_refers_through_its_link(client: TestClient, ticker: Ticker, hub: Hub) -> None:
    link = issue_link(hub)
    page = client.get(f"/partner/{link}")
    assert page.status_code == 200 and "Northshire Police" in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "Crime reference" in page.text
    done = send(client, ticker, partner_answers(), f"/partner/{link}")
    assert done.status_code == 200, done.text
    assert REFERENCE.search(done.text)
    with hub.db.reader() as session:
        (referral,) = session.scalars(select(Referral)).all()
        (partner,) = partners.partners(session)
        assert (referral.channel, referral.partner_id) == ("partner", partner.id)
        fields = store.fields_of(store.sealer(hub), referral)
    assert fields["crime_reference"] == "NP/1234/26"
    assert fields["incident_date"] == "2026-01-03"
    assert fields["organisation"] == "Northshire Police"
    assert fields["agreed"] == "yes"


@pytest.mark.parametrize(
    "case",
    [
        ({"referrer_name": ""}, "referrer_name", "Enter your name"),
        (
            {"referrer_phone": "", "referrer_email": ""},
            "referrer_phone",
            "Enter your phone number or your email address",
        ),
        ({"incident_date-day": "31", "incident_date-month": "2"}, "incident_date-day", "real date"),
        ({"incident_date-year": "2999"}, "incident_date-day", "today or in the past"),
        ({"people": ""}, "people", "Enter the people involved"),
        ({"risks": "r" * 2001}, "risks", "2,000 characters or fewer"),
        ({"agreed": ""}, "agreed", "Confirm that the person agreed to be referred"),
    ],
)
def test_each_partner_field_is_checked(
    client: TestClient,
    ticker: Ticker,
    hub: Hub,
    case: tuple[dict[str, str], str, str],
) -> None:
    changes, field, message = case
    link = issue_link(hub)
    answers = partner_answers(**changes)
    refused = send(client, ticker, answers, f"/partner/{link}")
    assert refused.status_code == 400
    assert f'href="#{field}"' in refused.text
    assert message in html.unescape(refused.text)
    assert "Station Road" in refused.text
    assert stored(hub) == 0


def test_a_revoked_or_unknown_link_is_refused_and_stores_nothing(
    client: TestClient, ticker: Ticker, hub: Hub
) -> None:
    link = issue_link(hub)
    token = fresh_token(client, ticker, f"/partner/{link}")
    with hub.db.transaction() as tx:
        (partner,) = partners.partners(tx.session)
        assert partners.revoke(tx.session, partner.id, at=datetime(2027, 1, 2, tzinfo=UTC))
    for path in (f"/partner/{link}", "/partner/forged-token", "/partner/" + "x" * 500):
        page = client.get(path)
        assert page.status_code == 404
        assert "This link does not work" in page.text
        sent = client.post(path, data={**partner_answers(), "form_token": token})
        assert sent.status_code == 404
    assert stored(hub) == 0


def test_the_access_log_never_shows_a_partner_link(
    client: TestClient, ticker: Ticker, hub: Hub, caplog: pytest.LogCaptureFixture
) -> None:
    link = issue_link(hub)
    with caplog.at_level(logging.INFO):
        send(client, ticker, partner_answers(), f"/partner/{link}")
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("rjdesk_hub")]
    assert any("/partner/…" in line for line in ours)
    assert not any(link in line for line in ours)


# -- nothing leaks; retention -----------------------------------------------------------------


def test_a_canary_reaches_no_file_outside_the_encrypted_store(
    hub: Hub, ticker: Ticker, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    canary = "CANARY-7f3a9c-Quokka"
    client = client_for(hub, ticker)
    with caplog.at_level(logging.DEBUG):
        assert (
            send(client, ticker, public_answers(name=canary, description=canary)).status_code == 200
        )
        refused = send(client, ticker, public_answers(name=canary, consent=""))
        assert refused.status_code == 400
    assert canary not in caplog.text
    hub.db.dispose()
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert canary.encode() not in path.read_bytes(), path
    assert stored(hub) == 1


def test_the_clean_up_deletes_untriaged_referrals_past_their_age(hub: Hub) -> None:
    today = date(2027, 3, 1)
    old = datetime(2027, 1, 1, 12, tzinfo=UTC)
    with hub.db.transaction() as tx:
        sealer = store.sealer(hub)
        gone = store.receive(tx.session, sealer, at=old, channel="public", fields={"name": "A"})
        young_at = datetime.combine(today - timedelta(days=5), datetime.min.time(), UTC)
        young = store.receive(tx.session, sealer, at=young_at, channel="public", fields={})
        decided = store.receive(tx.session, sealer, at=old, channel="phone", fields={})
        referral = tx.session.get(Referral, decided.id)
        assert referral is not None
        store.decline(tx.session, referral, reason="duplicate", by="someone", at=old)
    assert retention.clean_up(hub, today=today) == 1
    with hub.db.reader() as session:
        left = set(session.scalars(select(Referral.id)))
    assert left == {young.id, decided.id} and gone.id not in left
    assert retention.clean_up(hub, today=today) == 0
