"""The hub's web console for coordinators, supervisors, auditors and admins (issue 14)."""
