"""The hub's console (issue 14), and the operations beside the sync API."""
