"""``rjdesk-hub billing --period 2026-27Q3 [--organisation NAME] -o FILE.csv|.pdf``: the billing
statements of a period (``returns.billing``), written atomically; recorded in the console's
audit log as BILLING_STATEMENT by the command line."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from rjdesk_hub.cli_common import AddCommand
from rjdesk_hub.cli_common import open_hub as _open
from rjdesk_protocol.errors import UsageError


def add_command(
    hub_sub: argparse._SubParsersAction[argparse.ArgumentParser],
    hub_command: AddCommand,
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``billing`` to ``rjdesk-hub``'s parser."""
    p = hub_command(
        "billing", "write the billing statements of referring organisations for a period", hub_sub
    )
    p.add_argument(
        "--period", required=True, metavar="PERIOD",
        help="a financial-year quarter (2026-27Q3), a year (2026-27) or two days "
        "(2026-04-01..2026-09-30)",
    )  # fmt: skip
    p.add_argument("--organisation", metavar="NAME", help="only this organisation's statement")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="FILE.csv or FILE.pdf")
    db_option(p)
    p.set_defaults(run=hub_billing)


def hub_billing(args: argparse.Namespace) -> int:
    from rjdesk_hub.console import ledger  # noqa: PLC0415 - see rjdesk_hub.cli's doc
    from rjdesk_hub.returns import billing, billing_files, periods  # noqa: PLC0415
    from rjdesk_protocol.atomic import atomic_write  # noqa: PLC0415

    output = Path(args.output)
    kind = output.suffix.lower()
    if kind not in {".csv", ".pdf"}:
        raise UsageError("the output file must end in .csv or .pdf")
    period = periods.parse_period(args.period)
    with _open(args) as hub:
        made = billing.statements(hub, period, organisation=args.organisation)
        if kind == ".csv":
            data = billing_files.to_csv(made)
        else:
            data = billing_files.to_pdf(made, hub_name=hub.settings.name)
        atomic_write(output, data)
        with hub.db.transaction() as tx:
            ledger.record(
                tx.session, ledger.COMMAND_LINE, ledger.Action.BILLING_STATEMENT, at=tx.now,
                detail={"period": period.start.isoformat(), "statements": len(made)},
            )  # fmt: skip
    for statement in made:
        print(f"{statement.organisation}: {len(statement.lines)} referral(s), "
              f"{billing.money(statement.total)}")  # fmt: skip
    if not made:
        print(f"No organisation has a billable referral in {period.label}.")
    print(f"Wrote {output}")
    return 0
