"""Running a kept return again after a late change lists that change (issue 16's "done when"):
real laptops fill a real hub with the scripted caseload (``scenario``), ``rjdesk-hub returns``
writes and keeps the 2026-27 Q3 return, a police referral received in October reaches the hub
late, and the same command run again says what moved, in words. Figures stated by hand from the
scenario's table: in Q3 the police referred C1 to C7 (7), schools C8 to C10 (3, "<5"), housing
providers C11 and C12 (2, "<5"), 12 in all."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from rjdesk.services import cases, people
from rjdesk_hub import Hub
from rjdesk_hub.cli import main
from rjdesk_protocol.enums import CaseType, Channel, ReferralSource, Role
from tests.hub.returns import scenario
from tests.laptops import send_changes


def _by_source(path: Path) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    start = rows.index(["Referrals by source"]) + 2
    end = next(i for i in range(start, len(rows)) if rows[i][0] == "Total")
    return rows[start : end + 1]


def test_a_late_referral_is_listed_when_the_return_is_run_again(
    tmp_path: Path, vault_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub_dir = tmp_path / "hub"
    hub = Hub.init(hub_dir, name="Test hub", url="https://hub.example.org")
    alex = scenario.laptop_at(tmp_path / "alex", "Alex Morgan", vault_template)
    sam = scenario.laptop_at(tmp_path / "sam", "Sam Patel", vault_template)
    try:
        scenario.build(hub, alex, sam)

        def returns(*args: str) -> list[str]:
            code = main(["--data-dir", str(hub_dir), "returns", *args])
            captured = capsys.readouterr()
            assert (code, captured.err) == (0, "")
            return captured.out.splitlines()

        first = tmp_path / "q3-first.csv"
        out = returns("--definition", "rj-quarterly", "--period", "2026-27Q3", "-o", str(first))
        assert out[0].endswith("No earlier return of this definition and period was kept.")
        assert [row[:2] for row in _by_source(first)] == [
            ["Police", "7"],
            ["Housing provider", "<5"],
            ["School", "<5"],
            ["Probation", "0"],
            ["Youth justice service", "0"],
            ["Victim services", "0"],
            ["Local authority", "0"],
            ["Self-referral", "0"],
            ["Other", "0"],
            ["Not recorded", "0"],
            ["Total", "12"],
        ]

        # A referral the police made on 14 Oct 2026, typed in and sent only now.
        with alex.vault.unit_of_work() as uow:
            case = cases.create_case(
                uow,
                cases.Referral(
                    case_type=CaseType.CRIME,
                    received_on=date(2026, 10, 14),
                    source=ReferralSource.POLICE,
                    channel=Channel.PHONE,
                    summary="A late referral.",
                ),
            )
            people.add_participant(
                uow,
                case,
                people.PersonDetails(name="Harmed C13", date_of_birth=scenario.HARMED_BORN),
                Role.HARMED,
            )
        send_changes(alex, hub)

        again = tmp_path / "q3-again.csv"
        out = returns(
            "--definition",
            "rj-quarterly",
            "--period",
            "2026-27Q3",
            "-o",
            str(again),
            "--changes",
        )
        assert ["Police", "8"] in [row[:2] for row in _by_source(again)]
        assert ["Total", "13"] in [row[:2] for row in _by_source(again)]
        assert "change(s) since the one kept" in out[0]
        assert "  Referrals by source, Police: 7 → 8" in out[1:]
        assert "  Referrals by source, Total: 12 → 13" in out[1:]
        # Nothing but the changes follows the first line, and no figure moved out of "<5".
        assert all(line.startswith("  ") for line in out[1:])
        assert not any("no longer suppressed" in line for line in out[1:] if "source" in line)
    finally:
        alex.close()
        sam.close()
        hub.close()
