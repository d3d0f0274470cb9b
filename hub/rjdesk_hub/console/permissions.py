"""Who may do what in the console: the roles, the actions, and the one matrix between them.

Every console route states the action it needs (``require``, or ``accounts_web.permission``);
a role without it is refused with one sentence (HTTP 403). Nothing else decides.

- *admin* manages the console's accounts (and reads the audit, to see what accounts did);
- *coordinator* reads cases and triages, assigns, enrols and revokes laptops, settles conflicts;
- *supervisor* does what a coordinator does, plus subject access, erasure and legal holds, and
  records the data protection officer's decision on a breach (a lost laptop);
- *auditor* reads everything and changes nothing.

The funders' returns (issue 16): coordinators, supervisors and auditors read them, kept returns
and billing statements included (READ_RETURNS: downloading is recorded); producing one keeps
it, so only a coordinator or a supervisor does (PRODUCE_RETURNS). An admin, who manages
accounts, sees no figures.
"""

from __future__ import annotations

from enum import StrEnum

from rjdesk_hub.errors import HubError
from rjdesk_protocol.errors import UsageError


class Role(StrEnum):
    ADMIN = "admin"
    COORDINATOR = "coordinator"
    SUPERVISOR = "supervisor"
    AUDITOR = "auditor"


class Action(StrEnum):
    """What a person may be allowed to do. The value is how a refusal names it."""

    MANAGE_ACCOUNTS = "manage the console's accounts"
    READ_CASES = "read cases"
    READ_AUDIT = "read the audit log"
    TRIAGE = "triage referrals"
    ASSIGN = "assign cases"
    ENROL_LAPTOPS = "enrol laptops"
    REVOKE_LAPTOPS = "revoke laptops"
    SETTLE_CONFLICTS = "settle conflicts"
    SUBJECT_ACCESS = "answer subject access requests"
    ERASURE = "erase a person's data"
    LEGAL_HOLDS = "place and lift legal holds"
    DECIDE_BREACHES = "record the data protection officer's decision on a breach"
    READ_RETURNS = "read the funders' returns and billing statements"
    PRODUCE_RETURNS = "produce returns"


_COORDINATING = frozenset(
    {
        Action.READ_CASES,
        Action.TRIAGE,
        Action.ASSIGN,
        Action.ENROL_LAPTOPS,
        Action.REVOKE_LAPTOPS,
        Action.SETTLE_CONFLICTS,
        Action.READ_RETURNS,
        Action.PRODUCE_RETURNS,
    }
)

MATRIX: dict[Role, frozenset[Action]] = {
    Role.ADMIN: frozenset({Action.MANAGE_ACCOUNTS, Action.READ_AUDIT}),
    Role.COORDINATOR: _COORDINATING,
    Role.SUPERVISOR: _COORDINATING
    | {
        Action.READ_AUDIT,
        Action.SUBJECT_ACCESS,
        Action.ERASURE,
        Action.LEGAL_HOLDS,
        Action.DECIDE_BREACHES,
    },
    Role.AUDITOR: frozenset({Action.READ_CASES, Action.READ_AUDIT, Action.READ_RETURNS}),
}

# The actions that change nothing: the only ones an auditor has.
READ_ONLY = frozenset({Action.READ_CASES, Action.READ_AUDIT, Action.READ_RETURNS})


class Forbidden(HubError):
    """A signed-in person asked for something their role does not allow (HTTP 403)."""


def parse_role(text: str) -> Role:
    """The role named ``text``, or UsageError listing the roles."""
    try:
        return Role(text.strip().lower())
    except ValueError:
        roles = ", ".join(role.value for role in Role)
        raise UsageError(f"the role must be one of {roles}") from None


def allows(role: Role | str, action: Action) -> bool:
    """Whether ``role`` may do ``action`` (an unknown role may do nothing)."""
    try:
        return action in MATRIX[Role(role)]
    except ValueError:
        return False


def require(role: Role | str, action: Action) -> None:
    """Refuse (``Forbidden``, one sentence) unless ``role`` may do ``action``."""
    if not allows(role, action):
        article = "an" if str(role)[:1] in "aeiou" else "a"
        raise Forbidden(
            f"You are signed in as {article} {role}, and {role}s may not {action.value}: "
            "ask a coordinator or an administrator if this needs doing."
        )
