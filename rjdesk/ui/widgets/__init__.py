"""Reusable widgets of the window that are not a page or a pane (e.g. the signature pad)."""
