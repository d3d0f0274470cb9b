"""The History tab: the case's audit trail."""
