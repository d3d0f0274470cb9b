"""The hub's web console for coordinators, supervisors and auditors (issue 14, DESIGN §10)."""
