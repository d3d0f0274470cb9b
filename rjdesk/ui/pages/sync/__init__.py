"""The Sync page, the sync indicator and the background sync."""
