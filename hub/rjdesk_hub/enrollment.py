"""Enrolling and revoking laptops (docs/sync-protocol.md, "Enrollment").

A laptop's request carries its public keys and is signed by its own key, which proves the
request was made by the holder of that key. The hub files the device under its facilitator and
answers with its configuration, signed by the hub key: the laptop trusts that key from then on.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from sqlalchemy import delete, select

from rjdesk_hub import models as m
from rjdesk_hub.config import HubKeys, HubSettings
from rjdesk_hub.console.laptop_models import is_retired
from rjdesk_hub.db import Tx
from rjdesk_hub.errors import EnrollmentRefused, HubError, UnknownDevice
from rjdesk_hub.ingest import utc_text
from rjdesk_hub.referrals.series import hub_code
from rjdesk_hub.store import HubStore, device_named
from rjdesk_protocol.errors import BadSignature, InvalidKey, UsageError
from rjdesk_protocol.keys import PublicKey, encrypt, sign_document, verify_document
from rjdesk_protocol.references import device_code_for

REQUEST_FORMAT = "rjdesk.enroll-request/1"
CONFIG_FORMAT = "rjdesk_hub-config/1"
_REQUEST_FIELDS = (
    "device_id",
    "device_code",
    "facilitator_name",
    "signing_key",
    "age_recipient",
    "created_at",
    "signature",
)
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_DEVICE_CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{5}")


def _refuse(reason: str) -> EnrollmentRefused:
    return EnrollmentRefused(f"The enrollment request was refused: {reason.rstrip('.')}.")


def check_request(request: Any) -> PublicKey:
    """Check a request's shape and signature; return the device's public key."""
    if not isinstance(request, dict) or request.get("format") != REQUEST_FORMAT:
        raise EnrollmentRefused(f"This is not an rjdesk enrollment request ({REQUEST_FORMAT}).")
    for name in _REQUEST_FIELDS:
        if not isinstance(request.get(name), str) or not request[name].strip():
            raise _refuse(f"{name} is missing")
    if not _IDENTIFIER.fullmatch(request["device_id"]):
        raise _refuse("its device_id is not a valid id")
    if not _DEVICE_CODE.fullmatch(request["device_code"]):
        raise _refuse("its device_code is not five Crockford base32 characters")
    name = request["facilitator_name"]
    if len(name) > 200 or "\n" in name or "\r" in name:
        raise _refuse("its facilitator_name is not a name on one line")
    try:
        key = PublicKey.from_minisign(request["signing_key"])
        encrypt(b"", request["age_recipient"])
    except InvalidKey as exc:
        raise _refuse(f"a key in it is malformed ({str(exc).rstrip('.')})") from None
    try:
        verify_document(request, key)
    except BadSignature:
        raise _refuse(
            "its signature does not verify: it was changed after it was made, or it was not "
            "made by the laptop whose key it carries"
        ) from None
    if device_code_for(key.raw) != request["device_code"]:
        raise _refuse("its device code does not belong to its key")
    return key


def enroll(
    tx: Tx,
    store: HubStore,
    keys: HubKeys,
    settings: HubSettings,
    request: dict[str, Any],
    *,
    facilitator: str | None,
    url: str | None,
    same_facilitator: str | None = None,
    new_facilitator: bool = False,
) -> dict[str, Any]:
    """File the device under its facilitator and return the signed hub configuration.

    Facilitators are accounts, not names: a name that an account already has is refused unless
    the coordinator says whose laptop it is, ``same_facilitator`` (that account's id: another
    laptop of the same person, sent their open cases) or ``new_facilitator`` (a different
    person of the same name, who starts with no cases)."""
    if same_facilitator is not None and new_facilitator:
        raise UsageError("give either --same-facilitator ID or --new-facilitator, not both")
    key = check_request(request)
    session = tx.session
    device_id, code = request["device_id"], request["device_code"]
    existing = session.get(m.Device, device_id)
    if existing is not None:
        if existing.revoked_at is not None:
            raise _refuse(
                f"device {device_id} was revoked on {existing.revoked_at:%d %b %Y}, and a revoked "
                "laptop is never enrolled again: make a new vault on it"
            )
        if is_retired(session, device_id):
            raise _refuse(
                f"device {device_id} was retired, and a retired laptop is never enrolled again: "
                "make a new vault on it"
            )
        if PublicKey.from_minisign(existing.signing_key).raw != key.raw:
            raise _refuse(f"device {device_id} is already enrolled with another key")
        # The same laptop asking again (its first answer was lost): the same enrollment.
        return hub_config(keys, settings, existing, url=url)
    if code == hub_code(session, keys.signing_key.public.raw):
        raise _refuse(
            f"device code {code} is the hub's own series of case references: this laptop's key "
            "collides; make a new vault on it"
        )
    taken = session.scalars(select(m.Device).where(m.Device.device_code == code)).first()
    if taken is not None:
        raise _refuse(
            f"device code {code} is already used by {taken.name}'s laptop (device {taken.id}): "
            "this laptop's key collides; make a new vault on it"
        )
    person = _facilitator_for(
        tx,
        (facilitator or request["facilitator_name"]).strip(),
        same_facilitator=same_facilitator,
        new_facilitator=new_facilitator,
    )
    device = m.Device(
        id=device_id,
        facilitator_id=person.id,
        device_code=code,
        name=request["facilitator_name"].strip(),
        signing_key=key.to_minisign(f"rjdesk device {device_id}"),
        age_recipient=request["age_recipient"].strip(),
        enrolled_at=tx.now,
        revoked_at=None,
        last_sequence=0,
        inbox_sequence=0,
        # A new laptop starts from now: what came before reaches it as whole cases.
        inbox_cursor=tx.lock(),
        schema_version="",
    )
    session.add(device)
    session.flush()
    # Another laptop of the same person (a replacement, or a second one) is sent their open
    # cases whole; a new account has none.
    for case_id in store.open_cases_of(person.id):
        store.queue_delivery(device.id, case_id)
    return hub_config(keys, settings, device, url=url)


def _facilitator_for(
    tx: Tx, wanted: str, *, same_facilitator: str | None, new_facilitator: bool
) -> m.Facilitator:
    """The facilitator account a new device is filed under (see ``enroll``)."""
    session = tx.session
    if same_facilitator is not None:
        person = session.get(m.Facilitator, same_facilitator.strip())
        if person is None:
            raise _refuse(
                f"there is no facilitator with id {same_facilitator.strip()[:64]} "
                "(rjdesk-hub devices lists their ids)"
            )
        return person
    if not wanted or len(wanted) > 200:
        raise _refuse("the facilitator's name is empty or too long")
    if not new_facilitator:
        query = select(m.Facilitator.id).where(m.Facilitator.name == wanted)
        same_name = list(session.scalars(query.order_by(m.Facilitator.created_at)))
        if same_name:
            raise _refuse(
                f"a facilitator named {wanted} already has an account "
                f"(id {', '.join(same_name)}): say --same-facilitator ID if this is another "
                "laptop of that person, or --new-facilitator if it is a different person"
            )
    person = m.Facilitator(id=str(uuid.uuid4()), name=wanted, created_at=tx.now)
    session.add(person)
    session.flush()
    return person


def hub_config(
    keys: HubKeys, settings: HubSettings, device: m.Device, *, url: str | None
) -> dict[str, Any]:
    public = keys.signing_key.public
    doc = {
        "format": CONFIG_FORMAT,
        "hub_url": (url or settings.url).rstrip("/"),
        "hub_name": settings.name,
        "hub_key_id": public.key_id_hex,
        "hub_signing_key": public.to_minisign(f"rjdesk hub key {public.key_id_hex}"),
        "hub_age_recipient": keys.age_identity.recipient,
        "device_id": device.id,
        "facilitator_id": device.facilitator_id,
        "enrolled_at": utc_text(device.enrolled_at),
    }
    return sign_document(doc, keys.signing_key, f"rjdesk hub config for {device.id}")


def find_device(tx: Tx, device: str) -> m.Device:
    """A device by its id or its five-character code."""
    found = device_named(tx.session, device)
    if found is None:
        raise UnknownDevice(f"no device with id or code {device.strip()[:64]} is enrolled here")
    return found


def revoke(tx: Tx, device: str) -> m.Device:
    """End a device: its requests and bundles are refused from now on."""
    found = find_device(tx, device)
    if found.revoked_at is not None:
        raise HubError(f"device {found.id} was already revoked on {found.revoked_at:%d %b %Y}")
    found.revoked_at = tx.now
    tx.session.execute(delete(m.Delivery).where(m.Delivery.device_id == found.id))
    return found
