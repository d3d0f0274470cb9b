"""Use cases of the facilitator's work: one unit of work each (DESIGN §3)."""
