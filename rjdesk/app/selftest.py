"""``rjdesk --self-test``, as the desktop window runs it (``rjdesk.ui.pages.selftest`` adds the
check of the window itself to the headless checks of ``rjdesk.services.selftest``)."""

from rjdesk.services.selftest import (
    FACILITATOR,
    VAULT_CREATED,
    SelfTestFailure,
    SelfTestRun,
    Step,
    reason,
    run_self_test,
    steps,
)

__all__ = [
    "FACILITATOR",
    "VAULT_CREATED",
    "SelfTestFailure",
    "SelfTestRun",
    "Step",
    "reason",
    "run_self_test",
    "steps",
]
