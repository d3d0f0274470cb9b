"""The hub's expected errors: each one sentence a coordinator can act on (no key, no case text).

A refused bundle is ``rjdesk_protocol.errors.InvalidBundle``, as on the laptop; these are the rest.
"""

from __future__ import annotations

from rjdesk_protocol.errors import RjdeskError


class HubError(RjdeskError):
    """Base of the hub's own expected errors."""


class HubNotFound(HubError):
    """There is no hub in the data folder (run ``rjdesk-hub init`` first)."""


class HubExists(HubError):
    """``rjdesk-hub init`` would overwrite an existing hub."""


class HubDamaged(HubError):
    """A hub file is unreadable, or data at rest fails its authentication."""


class EnrollmentRefused(HubError):
    """An enrollment request cannot be approved; the sentence says why."""


class UnknownDevice(HubError):
    """No enrolled device has this id or code."""


class UnknownCase(HubError):
    """No case at the hub has this reference or id."""


class AuthRefused(HubError):
    """An HTTP request does not authenticate (HTTP 403)."""
