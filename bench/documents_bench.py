"""Document benchmark: a 10-action outcome agreement, warm, against reportlab's own time for a
one-paragraph document in the same run (issue 4: under 150 ms warm). Measured twice: the PDF
alone (data in, bytes out), and as the facilitator waits for it through the vault (read the
case, word it, build the PDF, file it as a new document version, commit).

    .venv/bin/python bench/documents_bench.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["RJDESK_INSECURE_FAST_KDF"] = "1"  # the vault's unlock is not what is measured

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate

from rjdesk.documents.agreement import agreement_pdf
from rjdesk.documents.model import (
    ActionLine,
    AgreementDocument,
    CaseSummaryDocument,
    ContactLine,
    Letterhead,
    PartyLine,
    SignatureBlock,
)
from rjdesk.documents.summary import case_summary_pdf

RUNS = 30
ROOT = Path(__file__).resolve().parent.parent


def one_paragraph() -> bytes:
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=1)
    doc.build(
        [Paragraph("Both households agree to keep the peace.", getSampleStyleSheet()["Normal"])]
    )
    return out.getvalue()


HEAD = Letterhead(
    "Castle Vale Restorative Justice Hub",
    "1 High Street\nBirmingham B35 7AA",
    "0121 496 0000",
    "hub@example.org",
)
AGREEMENT = AgreementDocument(
    letterhead=HEAD,
    reference="RJ-26-K7QXM-0042",
    version=1,
    state="Signed",
    date=date(2026, 11, 4),
    participants=(
        PartyLine("Marcia Bennett", "Harmed and responsible"),
        PartyLine("Łukasz Nowak", "Harmed and responsible"),
        PartyLine("Zoë Nowak", "Supporter of Łukasz Nowak (partner)"),
    ),
    actions=tuple(
        ActionLine(
            "Łukasz Nowak" if n % 2 else "Marcia Bennett",
            f"Action {n + 1}: keep the shared path clear of bins except on collection day.",
            "Ongoing" if n % 3 else f"{n + 10} Nov 2026",
        )
        for n in range(10)
    ),
    signatures=(
        SignatureBlock(
            "Marcia Bennett", "Harmed and responsible", date(2026, 11, 4), on_paper=True
        ),
        SignatureBlock("Łukasz Nowak", "Harmed and responsible", date(2026, 11, 4), on_paper=True),
        SignatureBlock("Alex Morgan", "Facilitator", date(2026, 11, 4), on_paper=True),
    ),
    summary="Both households agree to the following to keep the peace on Farnborough Road.",
    review_on=date(2026, 11, 25),
    facilitator="Alex Morgan",
)
SUMMARY = CaseSummaryDocument(
    letterhead=HEAD,
    reference="RJ-26-K7QXM-0042",
    case_type="Neighbour dispute",
    stage="Follow-up",
    generated_on=date(2026, 11, 20),
    generated_by="Alex Morgan",
    referral=(("Received", "14 Oct 2026, Housing provider, Phone"),),
    people=AGREEMENT.participants,
    risk="Low, assessed 21 Oct 2026 by Alex Morgan",
    contacts=tuple(
        ContactLine(
            f"Mon {n + 1} Oct 2026, 10:00",
            "Phone call",
            "",
            "Marcia Bennett",
            "Alex Morgan",
            "Talked about the music after 11pm. " * 8,
        )
        for n in range(30)
    ),
)


def timed(make: Callable[[], bytes]) -> list[float]:
    for _ in range(5):
        make()
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        make()
        times.append((time.perf_counter() - started) * 1000)
    return times


def through_the_vault(folder: Path) -> Callable[[], bytes]:
    """The neighbour dispute example with a 10-action draft: each call changes the draft's
    summary and files its PDF as the next document version, in one unit of work."""
    from rjdesk.services import agreements, importer, printing
    from rjdesk.services.cases import load_case
    from rjdesk.store.vault import Vault

    vault, _ = Vault.create(folder, facilitator_name="Alex Morgan", passphrase=PASSPHRASE)
    example = ROOT.parent / "shared" / "examples" / "neighbour-dispute.json"
    if not example.exists():
        example = ROOT / "tests" / "fixtures" / "examples" / "neighbour-dispute.json"
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, example.read_bytes())
        draft = agreements.new_version(uow, case)
        owner = case.participants[0]
        agreements.update_draft(
            uow,
            draft,
            actions=[
                agreements.ActionInput(a.what, owner, date(2026, 12, n + 1))
                for n, a in enumerate(AGREEMENT.actions)
            ],
        )
        case_id = case.id
    calls = iter(range(1_000_000))
    versions = [0]

    def make() -> bytes:
        with vault.unit_of_work() as uow:
            case = load_case(uow.session, case_id)
            draft = case.agreements[-1]
            agreements.update_draft(uow, draft, summary=f"Both households agree ({next(calls)}).")
            filed = printing.file_agreement_pdf(uow, case, draft)
        assert filed.document.version == versions[-1] + 1, "a changed draft is filed anew"
        versions.append(filed.document.version)
        return filed.content

    return make


PASSPHRASE = "bench passphrase for documents"


def main() -> int:
    baseline = statistics.median(timed(one_paragraph))
    agreement = statistics.median(timed(lambda: agreement_pdf(AGREEMENT)))
    summary = statistics.median(timed(lambda: case_summary_pdf(SUMMARY)))
    with tempfile.TemporaryDirectory() as folder:
        filed = statistics.median(timed(through_the_vault(Path(folder) / "vault")))
    print(f"{'warm median of ' + str(RUNS):52} {'ms':>8} {'x baseline':>11}")
    rows = (
        ("reportlab, one paragraph (baseline)", baseline),
        ("outcome agreement, 10 actions: the PDF", agreement),
        ("outcome agreement, 10 actions: edited and filed", filed),
        ("case summary, 30 contacts: the PDF", summary),
    )
    for label, value in rows:
        print(f"{label:52} {value:8.1f} {value / baseline:11.1f}")
    worst = max(agreement, filed)
    print(f"\n  {'ok  ' if worst < 150 else 'MISS'} 10-action agreement under 150 ms warm")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
