"""``rjdesk-hub conflicts --show ID``: one conflict with both values, on the server's terminal.

The list (``rjdesk-hub conflicts``) shows ids, references and kinds only; this shows what the
console's conflict page shows (case content: the coordinator asked for it, on the hub itself).
Settling is done in the console (``/conflicts/ID``), where the person is recorded.
"""

from __future__ import annotations

from rjdesk_hub.console import conflicts
from rjdesk_hub.service import Hub
from rjdesk_protocol.errors import NotFound


def show(hub: Hub, conflict_id: str) -> list[str]:
    """The lines that describe one conflict; ``NotFound`` (one sentence) for an unknown id."""
    try:
        found = conflicts.view(hub, conflict_id.strip())
    except conflicts.ConflictNotFound:
        raise NotFound(
            f"no conflict {conflict_id.strip()[:40]} is at the hub: `rjdesk-hub conflicts` "
            "lists the open ones"
        ) from None
    row = found.row
    hub_made = _made(found.hub_side)
    lines = [
        f"Conflict {row.id}",
        f"  case:       {row.reference or row.case_id or '-'}",
        f"  kind:       {row.kind} ({row.kind_words.lower()})",
        f"  about:      {row.about}",
        f"  raised:     {conflicts.when(row.raised_at)}, by a bundle from {row.raised_by.words}",
    ]
    if found.open:
        lines.append("  status:     open")
    else:
        by = f", by {row.settled_by}" if row.settled_by else ""
        settled = f"{conflicts.when(row.settled_at)}: {row.outcome_words}{by}"
        lines.append(f"  status:     settled {settled}")
    if found.message:
        lines.append(f"  {'rule' if row.kind == 'rule' else 'message'}:       {found.message}")
    if found.note:
        lines.append(f"  note:       {found.note}")
    if row.kind == "rule":
        lines.append(f"  recorded:   {hub_made}")
        return lines
    lines.append(f"  at the hub: {hub_made}")
    lines.append(
        f"  other:      {found.laptop_side.words}, received {conflicts.when(found.laptop_side.at)}"
    )
    if row.kind == "delete":
        state = "deleted" if found.deleted_at_hub else "kept"
        lines.append(f"  the row:    {state} at the hub")
    for field in found.fields:
        lines.append(f"  {field.label}:")
        lines.append(f"    at the hub: {field.at_hub}")
        lines.append(f"    other:      {field.incoming}")
    return lines


def _made(maker: conflicts.Maker | None) -> str:
    if maker is None:
        return "unknown"
    return f"{maker.words}, {conflicts.when(maker.at)}"
