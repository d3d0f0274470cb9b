"""The referral wizard: a new case from a phone call, a form or an email."""
