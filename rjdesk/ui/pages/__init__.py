"""The window's pages: unlock and first run, Today, Cases, Sync, Settings, the self-test."""
