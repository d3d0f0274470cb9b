"""The case workspace: the header and one tab (pane) per part of the case."""
