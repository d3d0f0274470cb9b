"""Sync with the hub, as the facilitator's laptop does it (DESIGN §7, docs/sync-protocol.md).

``sync_now`` sends what is waiting and takes what the hub has for this laptop. It never holds
a transaction open across the network: each bundle is sealed in one unit of work, uploaded,
and marked sent in another once the hub's receipt verifies, so the laptop can die at any point
and the next sync simply carries on (the hub answers a repeated bundle with the same receipt).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rjdesk.domain.models import VaultInfo
from rjdesk.domain.sync_models import OutboxBundle, SyncConflict
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.sync import authority, outgoing, set_aside
from rjdesk.sync import client as hub_client
from rjdesk.sync.client import HubClient
from rjdesk.sync.incoming import apply_hub_bundle
from rjdesk.sync.set_aside import SetAside
from rjdesk_protocol import wire as protocol
from rjdesk_protocol.bundle import open_bundle
from rjdesk_protocol.errors import (
    BadSignature,
    BundleRefused,
    InvalidBundle,
    InvalidKey,
    SyncError,
    ValidationError,
    VaultLocked,
)
from rjdesk_protocol.keys import PublicKey, sign_document, verify_document

ENROLL_REQUEST_FORMAT = "rjdesk.enroll-request/1"
HUB_CONFIG_FORMAT = "rjdesk_hub-config/1"
# Test setting (README): die like a killed process right after the hub took a bundle and
# before the laptop recorded it, to show the next sync completes without duplicates.
FAULT_ENV = "RJDESK_FAULT"

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    hub_name: str
    hub_url: str
    pending_changes: int
    pending_bundles: int
    open_conflicts: int
    last_sync_at: datetime | None
    last_ok: bool
    last_result: str
    # Records from the hub this laptop could not apply (rjdesk.sync.set_aside), newest first.
    set_aside: tuple[SetAside, ...] = ()


@dataclass
class SyncReport:
    sent_bundles: int = 0
    sent_records: int = 0
    conflicts_at_hub: int = 0
    received_records: int = 0
    received_cases: set[str] = field(default_factory=set)
    kept_local: int = 0
    new_conflicts: int = 0
    resolved_conflicts: int = 0
    restored: bool = False  # this vault turned out older than what it had sent
    hub_behind: bool = False  # the hub turned out to have lost work it had confirmed
    renumbered: list[tuple[str, str]] = field(default_factory=list)  # (old, new) references
    refused: list[authority.Refusal] = field(default_factory=list)  # changes the hub refused
    taken_off: list[str] = field(default_factory=list)  # cases withdrawn from this laptop
    set_aside: int = 0  # records from the hub it could not apply, kept aside

    def summary(self) -> str:
        """One line for the facilitator: what went, what came, what needs them."""
        parts = []
        if self.sent_bundles:
            parts.append(
                f"sent {_count(self.sent_records, 'change')} "
                f"in {_count(self.sent_bundles, 'bundle')}"
            )
        else:
            parts.append("nothing to send")
        if self.received_records:
            parts.append(
                f"received {_count(self.received_records, 'update')} "
                f"to {_count(len(self.received_cases), 'case')}"
            )
        else:
            parts.append("nothing new from the hub")
        if self.new_conflicts:
            parts.append(f"{_count(self.new_conflicts, 'conflict')} to resolve on the Sync page")
        if self.set_aside:
            parts.append(
                f"{_count(self.set_aside, 'record')} from the hub set aside (see the Sync page); "
                "the hub is told"
            )
        text = "; ".join(parts)
        text = text[:1].upper() + text[1:] + "."
        for old, new in self.renumbered:
            text += f" Case {old} of this laptop is now {new}: the hub already had a case {old}."
        if self.refused:
            shown = "; ".join(refusal.text() for refusal in self.refused[:3])
            more = len(self.refused) - 3
            text += f" {_count(len(self.refused), 'change')} refused by the hub: {shown}"
            text += f"; and {more} more." if more > 0 else "."
        for reference in self.taken_off:
            text += f" {reference} was taken off this laptop: you are no longer assigned to it."
        if self.hub_behind:
            text = (
                "The hub had lost work it had confirmed (restored from a backup?): this "
                "laptop sent it all again. " + text
            )
        if self.restored:
            text = (
                "This case file is older than the work it had sent (restored from a backup?): "
                "the hub is sending back every case. " + text
            )
        return text


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def status(session: Session) -> SyncStatus:
    state = outgoing.sync_state(session)
    config = state.hub_config or {}
    open_conflicts = session.scalar(
        select(func.count()).select_from(SyncConflict).where(SyncConflict.status == "open")
    )
    return SyncStatus(
        enrolled=bool(config),
        hub_name=str(config.get("hub_name", "")),
        hub_url=str(config.get("hub_url", "")),
        pending_changes=outgoing.pending_change_count(session),
        pending_bundles=len(outgoing.pending_bundles(session)),
        open_conflicts=int(open_conflicts or 0),
        last_sync_at=state.last_sync_at,
        last_ok=state.last_ok,
        last_result=state.last_result,
        set_aside=tuple(set_aside.listed(session)),
    )


# -- enrolment ------------------------------------------------------------------------------


def enrollment_request(vault: Vault) -> dict[str, Any]:
    """This laptop's request to join a hub: its public keys and the facilitator's name, signed
    by its key. It holds no case data."""
    with vault.unit_of_work() as uow:
        session = uow.session
        info = session.scalars(select(VaultInfo)).one()
        key = outgoing.signing_key(session)
        identity = outgoing.age_identity(session)
        request = {
            "format": ENROLL_REQUEST_FORMAT,
            "device_id": info.device_id,
            "device_code": info.device_code,
            "facilitator_name": info.facilitator_name,
            "signing_key": key.public.to_minisign(f"rjdesk device {info.device_code}"),
            "age_recipient": identity.recipient,
            "created_at": uow.now.isoformat().replace("+00:00", "Z"),
        }
        uow.audit("enroll_request", entity="device", entity_id=info.device_id)
    return sign_document(request, key, f"rjdesk enrolment request {info.device_code}")


def import_hub_config(vault: Vault, content: bytes) -> outgoing.HubLink:
    """Take the hub's answer to the enrolment request: it must name this laptop and be signed
    by the hub key it names. From then on this laptop trusts only that hub key."""
    try:
        config = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        raise ValidationError("is not a hub configuration (not JSON)", field="file") from None
    if not isinstance(config, dict) or config.get("format") != HUB_CONFIG_FORMAT:
        raise ValidationError("is not an rjdesk hub configuration", field="file")
    try:
        hub_key = PublicKey.from_minisign(str(config.get("hub_signing_key", "")))
        verify_document(config, hub_key)
    except (InvalidKey, BadSignature) as exc:
        raise SyncError(
            f"the hub configuration does not verify ({exc}); ask for a new one"
        ) from None
    if config.get("hub_key_id") != hub_key.key_id_hex:
        raise SyncError("the hub configuration names another key than the one it carries")
    body = {k: v for k, v in config.items() if k != "signature"}
    with vault.unit_of_work() as uow:
        session = uow.session
        info = session.scalars(select(VaultInfo)).one()
        if body.get("device_id") != info.device_id:
            raise SyncError(
                "this hub configuration is for another laptop: import it on the laptop that "
                "made the enrolment request"
            )
        state = outgoing.sync_state(session)
        known = state.hub_config or {}
        if known and known.get("hub_key_id") != body["hub_key_id"]:
            raise SyncError(
                f"this laptop is already enrolled with {known.get('hub_name') or 'another hub'}; "
                "a laptop syncs with one hub"
            )
        link = outgoing.HubLink.from_config(body)
        state.hub_config = body
        uow.audit("enrolled", entity="hub", entity_id=link.hub_key_id, detail=link.url)
    return link


def enrol_with_code(
    vault: Vault, hub_url: str, code: str, *, transport: Any = None
) -> outgoing.HubLink:
    """Enrol with the hub at ``hub_url`` using a one-time ``code`` from the coordinator: this
    laptop's request goes to the hub, and its answer is verified and kept exactly as
    ``import_hub_config`` does with the file. ``ValidationError`` (field ``hub_url`` or
    ``code``) for what was typed; ``CodeRefused`` for a code the hub refused."""
    url = hub_address(hub_url)
    if not code.strip():
        raise ValidationError("type the code your coordinator gave you", field="code")
    with vault.reader() as session:
        known = outgoing.sync_state(session).hub_config
    if known:
        raise SyncError(
            f"this laptop is already enrolled with {known.get('hub_name') or 'a hub'}; "
            "a laptop syncs with one hub"
        )
    request = enrollment_request(vault)
    config = hub_client.enrol_with_code(url, code.strip(), request, transport=transport)
    return import_hub_config(vault, json.dumps(config).encode())


def hub_address(typed: str) -> str:
    """A hub address as typed (``hub.example.org``, ``https://hub.example.org/``) made whole."""
    text = typed.strip().rstrip("/")
    if not text:
        raise ValidationError("type the hub address your coordinator gave you", field="hub_url")
    if "://" not in text:
        text = "https://" + text
    scheme, _, rest = text.partition("://")
    if scheme.lower() not in ("http", "https") or not rest or any(c.isspace() for c in rest):
        raise ValidationError(
            "is not a web address: type it as your coordinator gave it, like "
            "https://hub.example.org",
            field="hub_url",
        )
    return f"{scheme.lower()}://{rest}"


# -- sync -----------------------------------------------------------------------------------


def sync_now(
    vault: Vault,
    *,
    client: HubClient | None = None,
    progress: Progress | None = None,
) -> SyncReport:
    """Send every pending bundle, then take every update the hub has; a one-line summary of
    the result is kept for the Sync page. SyncError (and its kinds) say what stopped it."""
    with vault.reader() as session:
        link = outgoing.hub_link(session)
        key = outgoing.signing_key(session)
    own = client is None
    hub = client or HubClient(
        link.url, link.device_id, key, should_stop=lambda: not vault.is_unlocked
    )
    report = SyncReport()
    try:
        info = hub.hub_info()
        if info.get("hub_key_id") != link.hub_key_id:
            raise SyncError(f"the server at {link.url} is not the hub this laptop is enrolled with")
        _compare_numbering(vault, hub, report)
        _push(vault, hub, link, report, progress)
        _pull(vault, hub, link, report, progress)
        if report.renumbered:  # the new references go to the hub now, not at the next sync
            _push(vault, hub, link, report, progress)
        with vault.unit_of_work() as uow:  # cases withdrawn, once their changes are receipted
            report.taken_off += authority.take_off_withdrawn(uow)
    except SyncError as exc:
        _remember(vault, ok=False, result=str(exc))
        raise
    finally:
        if own:
            hub.close()
    _remember(vault, ok=True, result=report.summary())
    return report


def _compare_numbering(vault: Vault, hub: HubClient, report: SyncReport) -> None:
    """One of the two was put back from an older copy if the hub's numbering of this laptop's
    bundles is ahead of the laptop's (the laptop was: number on after the hub's, and have it
    send back every case) or behind what it confirmed (the hub was: send everything again).
    docs/sync-protocol.md, "Restored from a backup"."""
    state = hub.device_state()
    if state is None:
        return
    hub_sequence = state["last_sequence"]
    with vault.unit_of_work() as uow:
        confirmed = outgoing.last_confirmed_sequence(uow.session)
        if hub_sequence < confirmed:
            report.hub_behind = outgoing.send_everything_again(uow, hub_sequence) > 0
            return
        if hub_sequence < outgoing.sync_state(uow.session).next_sequence:
            return
        outgoing.continue_after(uow, hub_sequence)
    report.restored = True
    hub.resend_everything()


def _push(
    vault: Vault,
    hub: HubClient,
    link: outgoing.HubLink,
    report: SyncReport,
    progress: Progress | None,
) -> None:
    for _ in range(10_000):  # a bound, not a plan: each round sends one bundle
        with vault.unit_of_work() as uow:
            pending = outgoing.pending_bundles(uow.session)
            bundle = pending[0] if pending else outgoing.build_bundle(uow)
            if bundle is None:
                return
            bundle_id, sha, content = bundle.bundle_id, bundle.sha256, bundle.content
        try:
            receipt_text = hub.upload(
                content, (lambda done, total: progress("send", done, total)) if progress else None
            )
        except BundleRefused as exc:
            restored = exc.last_sequence is not None
            with vault.unit_of_work() as uow:
                refused = uow.session.get(OutboxBundle, bundle_id)
                if refused is not None:
                    outgoing.mark_refused(uow, refused, str(exc))
                if restored:
                    outgoing.continue_after(uow, int(exc.last_sequence or 0))
            if not restored:
                raise
            # This vault is older than what it sent (restored from a backup): carry on after
            # the hub's numbering, and have the hub send back every case it should hold.
            if not report.restored:
                report.restored = True
                hub.resend_everything()
            continue
        try:
            receipt = protocol.verify_receipt(
                receipt_text, link.hub_key, bundle_id=bundle_id, bundle_sha256=sha
            )
        except (BadSignature, ValueError) as exc:
            raise SyncError(
                f"the hub's receipt for a bundle does not verify ({exc}); the bundle stays "
                "queued and will be sent again"
            ) from None
        if os.environ.get(FAULT_ENV) == "after-upload":
            os._exit(137)  # test setting: as if the laptop died right here
        with vault.unit_of_work() as uow:
            sent = uow.session.get(OutboxBundle, bundle_id)
            if sent is None or sent.state != "pending":
                continue
            outgoing.mark_sent(uow, sent, receipt, signed=json.loads(receipt_text))
            report.refused += authority.note_refused(uow, bundle_id, receipt)
            report.sent_bundles += 1
            report.sent_records += sent.changes
            report.conflicts_at_hub += len(receipt.get("conflicts", []))


def _pull(
    vault: Vault,
    hub: HubClient,
    link: outgoing.HubLink,
    report: SyncReport,
    progress: Progress | None,
) -> None:
    for _ in range(10_000):
        with vault.unit_of_work() as uow:  # a writer: the age identity may be made here
            state = outgoing.sync_state(uow.session)
            after = state.inbox_after
            identity = outgoing.age_identity(uow.session)
        received = hub.inbox(after)
        if received is None:
            return
        sequence, data = received
        try:
            opened = open_bundle(
                data,
                identity=identity,
                sender_key=lambda _manifest: link.hub_key,
                expect_kind="hub",
                expect_recipient=link.device_id,
                expect_hub_key_id=link.hub_key_id,
            )
        except InvalidBundle as exc:
            raise SyncError(
                f"an update from the hub was refused: {exc} Nothing was changed here."
            ) from None
        with vault.unit_of_work() as uow:
            applied = apply_hub_bundle(uow, opened)
            outgoing.sync_state(uow.session).inbox_after = sequence
        report.received_records += applied.records
        report.received_cases |= applied.cases
        report.kept_local += applied.kept_local
        report.new_conflicts += applied.new_conflicts
        report.resolved_conflicts += applied.resolved_conflicts
        report.renumbered += applied.renumbered
        report.set_aside += applied.set_aside
        if progress is not None:
            progress("receive", report.received_records, report.received_records)


def _remember(vault: Vault, *, ok: bool, result: str) -> None:
    """Keep the outcome for the Sync page; a locked vault just does not get it."""
    try:
        with vault.unit_of_work() as uow:
            state = outgoing.sync_state(uow.session)
            state.last_sync_at, state.last_ok, state.last_result = uow.now, ok, result[:2000]
    except (SyncError, VaultLocked):
        pass


# -- export for no network --------------------------------------------------------------------


@dataclass(frozen=True)
class Exported:
    content: bytes
    bundle_id: str
    sequence: int
    records: int
    cases: int


def export_bundle(vault: Vault, references: Sequence[str] = ()) -> Exported:
    """A bundle for a USB stick: every change the hub has not confirmed, and every row of the
    named cases. It stays pending: the next online sync sends it, and the hub, which may have
    imported it already, answers with the same receipt."""
    with vault.unit_of_work() as uow:
        case_ids = [load_case(uow.session, reference).id for reference in references]
        outgoing.hub_link(uow.session)  # NotEnrolled before anything changes
        outgoing.fold_pending(uow)
        bundle = outgoing.build_bundle(uow, kind="export", case_ids=case_ids)
        if bundle is None:
            raise SyncError(
                "there is nothing to export: the hub has every change already; name a case "
                "with --case to export it whole"
            )
        return Exported(
            bundle.content, bundle.bundle_id, bundle.sequence, bundle.changes, bundle.cases
        )
