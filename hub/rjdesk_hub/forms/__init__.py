"""The public and partner referral forms (issue 15): their own app on their own port, safe to
publish on the internet behind the TLS proxy (docs/hub.md, "The referral forms")."""
