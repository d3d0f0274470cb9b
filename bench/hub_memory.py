"""The hub's peak memory for one large bundle (issue 11: at most twice the bundle's size plus a
constant), measured at two sizes so that the slope and the constant can be told apart. Run by
bench/hub_ingest.py, or alone:

    python bench/hub_memory.py [--mib 120]

A laptop vault gets attachments of random bytes (incompressible, like scans) until its first
bundle is about ``--mib`` MiB; the bundle is written to a throw-away folder as the ciphertext it
is. A fresh process then opens the hub, notes its resident memory (VmRSS), ingests the bundle
from the file, and reads its peak resident memory (VmHWM): the difference is what ingesting the
bundle cost, the bundle's own bytes included.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSPHRASE = "bench passphrase for hub memory"
# Scans of 20 MiB (below the largest attachment a laptop accepts, 50 MB): the same size at
# both measured sizes, so that the largest attachment (which sets the constant) is the same.
_PIECE = 20 * 2**20


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def make(folder: Path, mib: int) -> None:
    """Make the hub, a laptop enrolled at it, and the laptop's first bundle (``bundle.age``)."""
    from rjdesk.services import documents, importer, sync
    from rjdesk.services.cases import load_case
    from rjdesk.store.vault import Vault
    from rjdesk.sync import outgoing
    from rjdesk_hub import Hub

    example = ROOT / "tests" / "fixtures" / "examples" / "neighbour-dispute.json"
    hub = Hub.init(folder / "hub", name="Bench hub", url="http://127.0.0.1:9")
    vault, _ = Vault.create(
        folder / "laptop", facilitator_name="Alex Morgan", passphrase=PASSPHRASE
    )
    config = hub.enroll(sync.enrollment_request(vault))
    hub.close()
    sync.import_hub_config(vault, json.dumps(config).encode())
    with vault.unit_of_work() as uow:
        case_id = importer.import_case(uow, example.read_bytes()).id
    left = mib * 2**20
    number = 0
    while left > 0:
        number += 1
        size = min(_PIECE, left)
        with vault.unit_of_work() as uow:
            documents.add_attachment(
                uow,
                load_case(uow.session, case_id),
                filename=f"scan-{number}.bin",
                content=os.urandom(size),
            )
        left -= size
    with vault.unit_of_work() as uow:
        bundle = outgoing.build_bundle(uow)
        assert bundle is not None
        (folder / "bundle.age").write_bytes(bundle.content)
    vault.lock()


def ingest(folder: Path) -> None:
    """In this (fresh) process: open the hub, ingest the bundle, print the memory it took."""
    from rjdesk_hub import Hub

    hub = Hub.open(folder / "hub")
    before = _status_kib("VmRSS")
    data = (folder / "bundle.age").read_bytes()
    hub.ingest(data, via="file")
    size = len(data)
    del data
    peak = _status_kib("VmHWM")
    hub.close()
    print(json.dumps({"bundle_bytes": size, "before_kib": before, "peak_kib": peak}))


def measure(mib: int) -> dict[str, float]:
    """Make and ingest a ``mib`` MiB bundle in child processes; the figures in MiB."""
    paths = os.pathsep.join(str(ROOT / part) for part in ("", "protocol", "hub"))
    env = {**os.environ, "RJDESK_INSECURE_FAST_KDF": "1", "PYTHONPATH": paths}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        script = str(Path(__file__).resolve())
        subprocess.run(
            [sys.executable, script, "--make", str(folder), "--mib", str(mib)], env=env, check=True
        )
        answer = subprocess.run(
            [sys.executable, script, "--ingest", str(folder)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    figures = json.loads(answer.stdout.strip().splitlines()[-1])
    bundle = figures["bundle_bytes"] / 2**20
    extra = (figures["peak_kib"] - figures["before_kib"]) / 1024
    return {"bundle_mib": bundle, "extra_mib": extra, "ratio": extra / bundle}


def report(mib: int) -> None:
    """The peak for a ``mib`` MiB bundle and for one half its size: the difference is what each
    further byte of bundle costs (at most 2), the rest is the constant (the attachments are
    sealed one at a time, so the largest attachment, not the bundle, sets it)."""
    small, large = measure(mib // 2), measure(mib)
    slope = (large["extra_mib"] - small["extra_mib"]) / (large["bundle_mib"] - small["bundle_mib"])
    constant = large["extra_mib"] - slope * large["bundle_mib"]
    for figures in (small, large):
        label = f"hub ingest of one {figures['bundle_mib']:.0f} MiB bundle: peak memory"
        print(f"{label:52} {figures['extra_mib']:9.0f} MiB  ({figures['ratio']:.2f}x the bundle)")
    label = "  memory per MiB of bundle (slope), and the constant"
    print(f"{label:52} {slope:9.2f}x {constant:7.0f} MiB")
    verdict = "ok  " if slope <= 2.05 else "MISS"  # 2, within the measurement's noise
    print(f"  {verdict} peak memory <= 2x the bundle plus a constant")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=120)
    parser.add_argument("--make", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--ingest", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        make(args.make, args.mib)
    elif args.ingest:
        ingest(args.ingest)
    else:
        report(args.mib)
    return 0


if __name__ == "__main__":
    sys.exit(main())
