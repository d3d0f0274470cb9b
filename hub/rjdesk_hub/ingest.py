"""Accepting a device bundle (docs/sync-protocol.md, "Acceptance at the hub" and "Receipt").

The checks run in the protocol's order, each refusing the bundle whole with one sentence
(``InvalidBundle``): it decrypts with this hub's key; it is a well-formed device bundle; it is
sealed for this hub; its device is enrolled and not revoked; the device's signature verifies;
every member matches its hash; the bundle id is new (a repeat of the same bytes gets the stored
receipt, byte for byte); its sequence is higher than the device's last. Then one transaction
stores the blobs, merges the records, applies the resolutions, re-checks the rules on every
case the bundle touched, and records the bundle and its signed receipt. A refusal at any point
rolls everything back.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

from sqlalchemy import select

from rjdesk_hub import anchor, validate
from rjdesk_hub import models as m
from rjdesk_hub.config import HubKeys
from rjdesk_hub.db import Database, Tx
from rjdesk_hub.merge import Merger, MergeResult
from rjdesk_hub.rules import Breach, check_case
from rjdesk_hub.store import HubStore
from rjdesk_protocol import records, schema
from rjdesk_protocol.bundle import Manifest, OpenedBundle, open_bundle
from rjdesk_protocol.enums import ContactKind
from rjdesk_protocol.errors import InvalidBundle, StaleSequence
from rjdesk_protocol.keys import PublicKey, bundle_refused, canonical_json, sign_document
from rjdesk_protocol.records import Record
from rjdesk_protocol.wire import RECEIPT_FORMAT

VIAS = ("network", "file")
_MAX_RESOLUTIONS = 100_000


def utc_text(when: Any) -> str:
    return str(when.strftime("%Y-%m-%dT%H:%M:%SZ"))


def _refuse_device(device: m.Device | None, device_id: str) -> None:
    if device is None:
        raise bundle_refused(f"device {device_id} is not enrolled at this hub")
    if device.revoked_at is not None:
        raise bundle_refused(f"device {device_id} was revoked on {device.revoked_at:%d %b %Y}")


def open_device_bundle(
    db: Database, keys: HubKeys, data: bytes, *, expect_sender: str | None = None
) -> OpenedBundle:
    """Decrypt and check a device bundle (everything up to its members' hashes).
    ``expect_sender``: the device that uploaded it, which must be the one that signed it."""
    hub_key_id = keys.signing_key.public.key_id_hex

    def sender_key(manifest: Manifest) -> PublicKey:
        if expect_sender is not None and manifest.sender != expect_sender:
            raise bundle_refused(
                f"it is device {manifest.sender}'s bundle, uploaded by device {expect_sender}"
            )
        with db.reader() as session:
            device = session.get(m.Device, manifest.sender)
            _refuse_device(device, manifest.sender)
            assert device is not None
            return PublicKey.from_minisign(device.signing_key)

    return open_bundle(
        data,
        identity=keys.age_identity,
        sender_key=sender_key,
        expect_kind="device",
        expect_recipient=hub_key_id,
        expect_hub_key_id=hub_key_id,
        views=True,  # blobs stay views of the one decrypted copy until each is sealed
    )


def parse_changes(opened: OpenedBundle) -> tuple[list[Record], list[dict[str, Any]]]:
    """The bundle's records (checked, in table order) and resolutions."""
    try:
        doc = json.loads(opened.changes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise bundle_refused("its changes are not valid JSON") from None
    if not isinstance(doc, dict):
        raise bundle_refused("its changes are malformed (not a JSON object)")
    items, resolutions = doc.get("records", []), doc.get("resolutions", [])
    if not isinstance(items, list) or not isinstance(resolutions, list):
        raise bundle_refused("its changes are malformed (records and resolutions are lists)")
    try:
        # Each record's values are checked against the declared schema later, one by one
        # (validate.refusals): a bad value refuses that record, not the bundle.
        found = [Record.from_json(item) for item in items]
    except InvalidBundle as exc:
        raise bundle_refused(str(exc)) from None
    validate.log_set_aside(opened.manifest.sender, doc.get("set_aside"))
    seen: set[str] = set()
    for record in found:
        if record.id in seen:
            raise bundle_refused(f"record {record.id} appears twice in it")
        seen.add(record.id)
    if len(resolutions) > _MAX_RESOLUTIONS or not all(
        isinstance(item, dict) and isinstance(item.get("conflict"), str) for item in resolutions
    ):
        raise bundle_refused("its resolutions are malformed")
    found.sort(key=lambda record: records.TABLE_ORDER[record.table])
    return found, resolutions


def accept(
    tx: Tx,
    store: HubStore,
    keys: HubKeys,
    opened: OpenedBundle,
    data: bytes,
    *,
    via: str,
    keep_bundles_days: int,
) -> str:
    """The rest of the acceptance, in the caller's transaction; returns the receipt text."""
    session, manifest = tx.session, opened.manifest
    device = session.get(m.Device, manifest.sender)
    _refuse_device(device, manifest.sender)  # again: it may have been revoked meanwhile
    assert device is not None
    known = session.get(m.Bundle, manifest.bundle_id)
    if known is not None:
        if known.sha256 == opened.sha256 and known.device_id == device.id:
            return known.receipt
        raise bundle_refused(
            f"bundle id {manifest.bundle_id} was already used for a different bundle"
        )
    if manifest.sequence <= device.last_sequence:
        refusal = bundle_refused(
            f"sequence {manifest.sequence} is not newer than the last accepted "
            f"({device.last_sequence})"
        )
        raise StaleSequence(str(refusal), device.last_sequence)
    problem = schema.laptop_protocol_problem(manifest.schema_version)
    if problem is not None:
        raise bundle_refused(problem)
    anchor.check(device, manifest.audit_head)
    found, resolutions = parse_changes(opened)
    facilitator = session.get(m.Facilitator, device.facilitator_id)
    sender_name = facilitator.name if facilitator is not None else device.name

    found, refused = validate.split(store, found, opened.blobs)
    store.prefetch(record.id for record in found)
    merger = Merger(store, device, manifest.bundle_id, sender_name)
    for record in found:
        merger.merge(record)
    result = merger.result
    _store_referenced_blobs(store, opened, found, result)
    _apply_resolutions(store, device, resolutions)
    _share_cases(store, device, result.cases, result.new_cases)
    _recheck_rules(store, device, _cases_to_recheck(found, result, store))

    receipt = _receipt(
        keys,
        opened,
        device.id,
        tx,
        applied=result.applied,
        conflicts=result.conflicts,
        audit_head=anchor.record(device, manifest.audit_head),
        refused=refused + result.refused,
    )
    session.add(
        m.Bundle(
            bundle_id=manifest.bundle_id,
            device_id=device.id,
            sequence=manifest.sequence,
            sha256=opened.sha256,
            size=len(data),
            via=via,
            received_at=tx.now,
            receipt=receipt,
            ciphertext=None,
            keep_until=tx.now + timedelta(days=keep_bundles_days),
        )
    )
    session.flush()
    store.keep_bundle(manifest.bundle_id, data)
    device.last_sequence = manifest.sequence
    if schema.adds_records(device.schema_version, manifest.schema_version):
        # An updated laptop was left without what its older protocol did not know: its cases
        # go to it whole again, now with those fields and tables.
        store.resend_everything(device)
    device.schema_version = manifest.schema_version
    return receipt


def _blob_refs(value: Any) -> Iterator[str]:
    """The SHA-256 of every blob a record's field value names (``{"$blob": sha}``)."""
    if isinstance(value, dict):
        if isinstance(value.get("$blob"), str):
            yield value["$blob"]
        for inner in value.values():
            yield from _blob_refs(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _blob_refs(inner)


def _store_referenced_blobs(
    store: HubStore, opened: OpenedBundle, found: list[Record], result: MergeResult
) -> None:
    """Store the bundle's blobs that its accepted records (applied, or kept in a conflict)
    refer to; a blob no such record names is not stored."""
    kept = set(result.applied) | set(result.conflicts)
    wanted = {sha for record in found if record.id in kept for sha in _blob_refs(record.fields)}
    for sha, blob in opened.blobs.items():
        if sha in wanted:
            store.put_blob(sha, blob)


def _apply_resolutions(
    store: HubStore, device: m.Device, resolutions: list[dict[str, Any]]
) -> None:
    """Close the open conflicts the laptop's facilitator decided; a conflict already closed (the
    laptop sends its choices until it hears they are resolved), unknown, or of a case this
    facilitator does not work is left alone."""
    for item in resolutions:
        conflict = store.session.get(m.Conflict, str(item["conflict"])[:36])
        if conflict is None or conflict.resolved_at is not None:
            continue
        if conflict.case_id and not store.visible_to(conflict.case_id, device.facilitator_id):
            continue
        outcome = item.get("outcome", item.get("choice", "resolved"))
        store.resolve(conflict.id, device.id, str(outcome if outcome is not None else "")[:40])


def _share_cases(store: HubStore, device: m.Device, cases: set[str], new_cases: set[str]) -> None:
    """The device holds the cases it wrote (its facilitator holds them: rjdesk_hub.authority,
    which made a new case theirs as its referrer); their other laptops are sent a new one
    whole."""
    for case_id in sorted(cases):
        store.hold(device.id, case_id)
        if case_id not in new_cases:
            continue
        for other in store.facilitator_devices(device.facilitator_id):
            if other.id != device.id and not store.holds(other.id, case_id):
                store.queue_delivery(other.id, case_id)


# What the rules of DESIGN §2 look at: who takes part and their consent, the risk assessment,
# signatures, and conference or shuttle contacts. A bundle of notes, addenda or documents only
# (most bundles) cannot break a rule, so its cases are not checked again.
_RULE_TABLES = frozenset({"participant", "consent", "risk_assessment", "signature"})


def _can_break_a_rule(record: Record) -> bool:
    if record.table == "contact":
        try:
            return ContactKind(str(record.fields.get("kind"))).is_intervention
        except ValueError:
            return True
    return record.table in _RULE_TABLES or record.table == "person"


def _cases_to_recheck(found: list[Record], result: MergeResult, store: HubStore) -> set[str]:
    relevant = [record for record in found if _can_break_a_rule(record)]
    if any(r.case_id is None and r.table != "person" for r in relevant):
        cases = set(result.cases)  # a record naming no case: check everything it touched
    else:
        cases = {r.case_id for r in relevant if r.case_id} & result.cases
    people = {r.id for r in relevant if r.table == "person"} & result.people
    return cases | store.cases_of_people(people)


def _recheck_rules(store: HubStore, device: m.Device, cases: set[str]) -> None:
    for case_id in sorted(cases):
        rows = [
            (record.table_name, record.row_id, store.fields_of(record))
            for record in store.case_records([case_id])
        ]
        for breach in check_case(case_id, rows):
            if not _already_raised(store, case_id, breach):
                store.raise_conflict(
                    case_id=case_id,
                    row_id=breach.row_id,
                    table=breach.table,
                    kind="rule",
                    detail={"message": breach.message},
                    from_device=device.id,
                )


def _already_raised(store: HubStore, case_id: str, breach: Breach) -> bool:
    """Whether the same breach was raised before, open or resolved: a breach a facilitator has
    dealt with stays in the record (contacts are never edited), so raising it again at every
    later bundle of the case would only be noise."""
    query = select(m.Conflict).where(
        m.Conflict.case_id == case_id,
        m.Conflict.kind == "rule",
        m.Conflict.row_id == breach.row_id,
    )
    return any(
        store.conflict_detail(conflict).get("message") == breach.message
        for conflict in store.session.scalars(query)
    )


def _receipt(
    keys: HubKeys,
    opened: OpenedBundle,
    device_id: str,
    tx: Tx,
    *,
    applied: dict[str, int],
    conflicts: list[str],
    audit_head: dict[str, Any] | None = None,
    refused: list[dict[str, Any]] | None = None,
) -> str:
    manifest = opened.manifest
    doc = {
        "format": RECEIPT_FORMAT,
        "bundle_id": manifest.bundle_id,
        "bundle_sha256": opened.sha256,
        "device_id": device_id,
        "sequence": manifest.sequence,
        "accepted_at": utc_text(tx.now),
        "hub_key_id": keys.signing_key.public.key_id_hex,
        "applied": applied,
        "conflicts": conflicts,
    }
    if audit_head is not None:  # the head the hub accepted: the laptop's anchor from now on
        doc["audit_head"] = audit_head
    if refused:
        doc["refused"] = refused
    comment = f"rjdesk receipt {manifest.bundle_id} seq {manifest.sequence} from {device_id}"
    signed = sign_document(doc, keys.signing_key, comment)
    return canonical_json(signed).decode("utf-8")
