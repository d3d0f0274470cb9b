"""Screenshots of every main screen, to look at: ``make screenshots`` (build/screenshots/).

    QT_QPA_PLATFORM=offscreen python -m tests.ui.screenshots OUT_DIR [CASES] [--screen NAME]

Builds a demo vault (synthetic cases plus the two example case files) in OUT_DIR/vault, opens
the real window at a 13-inch laptop's size and saves a PNG of the first run, the lock screen,
Today, My work, Cases, every tab of a case, an agreement's preview, the new referral wizard,
Settings, and Sync: not enrolled, enrolled with the hub offline, and with conflicts to resolve.

With ``--screen 1366x768`` or ``--screen 1920x1080@150`` (``screen_sizes.SCREENS``) the same
screens are taken in a child process whose only screen is that one (less its taskbar), with
every window at the size rjdesk gives it there, into OUT_DIR/NAME.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RJDESK_INSECURE_FAST_KDF", "1")

from PySide6.QtWidgets import QApplication, QWidget

from rjdesk.app import outcomes as app_outcomes
from rjdesk.demo import fill_demo
from rjdesk.services import importer, printing
from rjdesk.services.cases import load_case
from rjdesk.services.people import PersonDetails
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk.ui.app import make_application
from rjdesk.ui.case.outcomes.equality_dialog import EqualityDialog
from rjdesk.ui.case.outcomes.feedback_dialog import FeedbackDialog
from rjdesk.ui.case.people.participant_dialog import ParticipantEntry
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.pages.cases import CasesPage
from rjdesk.ui.pages.sync.page import SyncPage
from rjdesk.ui.referral.wizard import ReferralWizard
from rjdesk.ui.toolkit.pdf_preview import PdfPreviewDialog
from rjdesk_protocol.enums import (
    AgeBand,
    Answer,
    FeedbackMoment,
    InterventionType,
    JusticeStage,
    Role,
    Satisfaction,
    StartedBy,
)
from tests.ui.screen_sizes import environment, screen_named
from tests.ui.sync_helpers import (
    enrol_with_stand_in,
    field_conflict,
    receive_conflicts,
    reference_of,
    rule_conflict,
    slow_hub,
)

EXAMPLES = Path(__file__).resolve().parents[1] / "fixtures" / "examples"
PASSPHRASE = "screenshots passphrase"
TODAY = date(2026, 11, 20)
SIZE = (1280, 760)  # a 13-inch laptop at 100-125% scaling, less the taskbar


def _settle(app: QApplication, window: MainWindow, seconds: float = 0.3) -> None:
    deadline = time.perf_counter() + 15
    while window.tasks.busy and time.perf_counter() < deadline:
        app.processEvents()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()


def take(out: Path, cases: int = 200, *, own_size: bool = False) -> list[Path]:
    """The screenshots, in ``out``; ``own_size``: leave every window at the size rjdesk gives
    it on this process's screen (as on a small screen) instead of a fixed laptop size."""
    app = make_application()

    def resize(widget: QWidget, size: tuple[int, int]) -> None:
        if not own_size:
            widget.resize(*size)

    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []

    def shot(name: str, widget: QWidget) -> None:
        path = out / f"{len(shots) + 1:02d}-{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    first_run = MainWindow(Vault(out / "empty-vault"))
    resize(first_run, SIZE)
    first_run.show()
    app.processEvents()
    shot("first-run", first_run)
    first_run.close()

    data_dir = out / "vault"
    shutil.rmtree(data_dir, ignore_errors=True)
    clock = _clock_at_noon(TODAY)
    vault, _ = Vault.create(
        data_dir, facilitator_name="Alex Morgan", passphrase=PASSPHRASE, clock=clock
    )
    for _ in fill_demo(vault, cases=cases, seed=2026):
        pass
    ids = {}
    for example in ("neighbour-dispute", "hate-crime-early"):
        with vault.unit_of_work() as uow:
            ids[example] = importer.import_case(uow, (EXAMPLES / f"{example}.json").read_bytes()).id
    _outcomes_to_show(vault, ids["neighbour-dispute"])
    vault.lock()

    window = MainWindow(Vault(data_dir, clock=clock))
    resize(window, SIZE)
    window.show()
    page = window.unlock_page
    page.ui.passphrase.setText("not the passphrase")
    page.unlock()
    _settle(app, window)
    shot("unlock-wrong-passphrase", window)
    page.ui.passphrase.setText(PASSPHRASE)
    page.unlock()
    _settle(app, window, 0.6)
    workspace = window.workspace
    assert workspace is not None
    workspace.show_page("today")
    _settle(app, window)
    shot("today", window)
    workspace.show_page("mywork")
    _settle(app, window)
    shot("mywork", window)
    workspace.show_page("cases")
    _settle(app, window)
    shot("cases", window)
    cases_page = workspace.pages["cases"]
    assert isinstance(cases_page, CasesPage)
    cases_page.ui.search.setText("nowak")
    cases_page.apply_filters()
    _settle(app, window)
    shot("cases-search", window)
    cases_page.ui.search.clear()

    case_page = workspace.pages["case"]
    assert isinstance(case_page, CaseWorkspace)
    for example, prefix in (("neighbour-dispute", "case"), ("hate-crime-early", "hate-crime")):
        workspace.open_case(ids[example], "overview")
        _settle(app, window)
        for pane in case_page.panes:
            if example == "hate-crime-early" and pane.key not in ("overview", "people", "risk"):
                continue
            case_page.show_pane(pane.key)
            _settle(app, window)
            shot(f"{prefix}-{pane.key}", window)

    with window.ctx.vault.unit_of_work() as uow:
        case = load_case(uow.session, ids["neighbour-dispute"])
        filed = printing.latest_agreement_pdf(uow, case)
    preview = PdfPreviewDialog(filed.content, filed.document.title, filed.document.filename)
    resize(preview, (1000, 720))
    preview.show()
    _settle(app, window, 0.6)
    shot("agreement-preview", preview)
    preview.reject()
    for name, dialog in (
        (
            "feedback",
            FeedbackDialog(window, name="Grace Okafor", moment=FeedbackMoment.END, today=TODAY),
        ),
        (
            "equality-monitoring",
            EqualityDialog(window, name="Grace Okafor", from_birth=AgeBand.FROM_45_TO_54),
        ),
    ):
        dialog.show()
        _settle(app, window)
        shot(name, dialog)
        dialog.reject()

    wizard = ReferralWizard(window.ctx, window)
    resize(wizard, (900, 640))
    wizard.show()
    fill_referral(wizard)
    for index in range(len(wizard.pageIds())):
        _settle(app, window)
        shot(f"new-referral-{index + 1}", wizard)
        wizard.next()
    wizard.close()

    for key in ("settings", "sync"):
        workspace.show_page(key)
        _settle(app, window)
        shot(key, window)
    _sync_states(app, window, ids["neighbour-dispute"], shot)
    window.lock()
    app.processEvents()
    shot("locked", window)
    window.close()
    return shots


def _outcomes_to_show(vault: Vault, case_id: str) -> None:
    """The neighbour dispute's Outcomes tab as after its follow-up: both parties' feedback at
    the end and at follow-up, one person's equality monitoring, the intervention recorded."""
    view = app_outcomes.outcomes_of(vault, case_id, TODAY)
    marcia, lukasz = (p.participant_id for p in view.participants[:2])
    said = (
        (marcia, FeedbackMoment.END, date(2026, 11, 4), Satisfaction.FIVE, Answer.YES),
        (marcia, FeedbackMoment.FOLLOW_UP, date(2026, 11, 18), Satisfaction.FOUR, Answer.YES),
        (lukasz, FeedbackMoment.END, date(2026, 11, 4), Satisfaction.FOUR, Answer.DECLINED),
        (lukasz, FeedbackMoment.FOLLOW_UP, date(2026, 11, 19), Satisfaction.DECLINED, None),
    )
    for participant_id, moment, given_on, satisfaction, coping in said:
        app_outcomes.record_feedback(
            vault, case_id, participant_id, moment, given_on=given_on,
            satisfaction=satisfaction, coping=coping, feels_safer=Answer.YES,
            would_recommend=Answer.YES, comment=None,
        )  # fmt: skip
    app_outcomes.record_equality(
        vault, case_id, marcia, app_outcomes.EqualityAnswers(age_band=AgeBand.FROM_45_TO_54)
    )
    app_outcomes.set_returns_facts(
        vault, case_id, intervention_type=InterventionType.CONFERENCE,
        started_by=StartedBy.HARMED, justice_stage=JusticeStage.OUT_OF_COURT,
        first_contact_attempted_on=None, first_contact_made_on=None,
    )  # fmt: skip


def _sync_states(
    app: QApplication, window: MainWindow, case_id: str, shot: Callable[[str, QWidget], None]
) -> None:
    """The Sync page once enrolled (with a hub that does not answer: offline), then with a
    field conflict and a rule conflict to resolve."""
    workspace = window.workspace
    assert workspace is not None
    vault = window.ctx.vault
    with slow_hub(1.5) as url:  # a hub at the end of a slow link, which then hangs up
        hub, request = enrol_with_stand_in(vault, url)
        window.sync.refresh(then=window.sync.sync_soon)
        workspace.show_page("sync")
        _settle(app, window)
        shot("sync-running", window)
        deadline = time.perf_counter() + 15
        while window.sync.view.running and time.perf_counter() < deadline:
            app.processEvents()
    _settle(app, window)
    shot("sync-offline", window)
    reference = reference_of(vault, case_id)
    receive_conflicts(
        vault,
        hub,
        request,
        [
            field_conflict(
                "c0ffee00-0000-4000-8000-000000000001",
                case_id,
                reference,
                {"location": ("Farnborough Road, Castle Vale", "Farnborough Rd (by the shops)")},
            ),
            rule_conflict(
                "c0ffee00-0000-4000-8000-000000000002",
                case_id,
                reference,
                "A conference was recorded after Łukasz Nowak withdrew consent to take part.",
            ),
        ],
    )
    workspace.show_page("sync")
    _settle(app, window)
    shot("sync-rule-conflict", window)
    page = workspace.pages["sync"]
    assert isinstance(page, SyncPage)
    page.ui.conflicts.selectRow(1)
    _settle(app, window)
    shot("sync-field-conflict", window)


def fill_referral(wizard: ReferralWizard) -> None:
    """A phone referral from a housing officer, as a facilitator would type it."""
    ui = wizard.ui
    for combo, value in (
        (ui.caseType, "noise_nuisance"),
        (ui.source, "housing_provider"),
        (ui.channel, "phone"),
    ):
        combo.setCurrentIndex(combo.findData(value))
    ui.referrerName.setText("Tom Allen")
    ui.referrerOrganisation.setText("Castle Vale housing team")
    ui.location.setText("Tangmere Drive")
    ui.summary.setPlainText("Complaints about a dog barking through the night in a flat above.")
    for name, role in (("Grace Okafor", Role.HARMED), ("Daniel Hughes", Role.RESPONSIBLE)):
        wizard.people.add(ParticipantEntry(PersonDetails(name=name), role))


def take_on_screen(out: Path, screen_name: str, cases: int = 200) -> list[Path]:
    """The screenshots on the screen ``screen_name``, taken in a child process, in
    ``out/screen_name``."""
    screen = screen_named(screen_name)
    folder = out / screen.name
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.screenshots", str(folder), str(cases), "--own-size"],
        env=environment(screen, out),
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"screenshots at {screen.name} failed:\n{done.stderr[-4000:]}")
    return [Path(line) for line in done.stdout.splitlines() if line.endswith(".png")]


def main(argv: list[str]) -> int:
    own_size = "--own-size" in argv
    screens = [argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg == "--screen"]
    positional = [
        arg for i, arg in enumerate(argv)
        if not arg.startswith("--") and (i == 0 or argv[i - 1] != "--screen")
    ]  # fmt: skip
    out = Path(positional[0]) if positional else Path("build/screenshots")
    cases = int(positional[1]) if len(positional) > 1 else 200
    shots = (
        [path for name in screens for path in take_on_screen(out, name, cases)]
        if screens
        else take(out, cases, own_size=own_size)
    )
    for path in shots:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
