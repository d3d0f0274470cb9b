"""Characters that are not plain text, as regular-expression classes: what a record's fields
(``rjdesk_protocol.schema``) and an imported case file (``rjdesk.services.case_text``) refuse."""

from __future__ import annotations

# Lone surrogates: not text at all (they cannot be stored or printed).
SURROGATES = "\ud800-\udfff"
# Bidirectional embeddings, overrides and isolates: they make text read as something else.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
# C0 controls, DEL and C1 controls.
CONTROLS = "\x00-\x1f\x7f-\x9f"
# The same but tab, line feed and carriage return (the line breaks of text written on Windows):
# what several lines of text may not hold.
CONTROLS_BUT_LINE_BREAKS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
