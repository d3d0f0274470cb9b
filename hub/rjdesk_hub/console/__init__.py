"""The hub's web console for coordinators (issue 14)."""
