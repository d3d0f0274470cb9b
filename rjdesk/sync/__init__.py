"""Case bundles, the outbox and the hub client (DESIGN §7)."""
