"""The hub's web console for coordinators, supervisors, auditors and admins (DESIGN §10,
issue 14), and the operations beside the sync API."""
