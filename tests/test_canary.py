"""The leak scans tolerate other programs' files vanishing mid-scan (the system temp folder)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

from tests.canary import files_holding, forms, readable_files

NEEDLES = forms("Qzxscan canary")


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "temp"
    (root / "theirs" / "deep").mkdir(parents=True)
    (root / "ours.txt").write_text("a leak: Qzxscan canary", "utf-8")
    (root / "gone.txt").write_text("Qzxscan canary, briefly", "utf-8")
    (root / "theirs" / "deep" / "x.tmp").write_text("Qzxscan canary", "utf-8")
    return root


def test_files_and_folders_that_vanish_between_listing_and_reading_are_skipped(
    tmp_path: Path,
) -> None:
    root = _folder(tmp_path)
    seen: list[Path] = []

    def another_program(folder: Path, dirnames: list[str], filenames: list[str]) -> None:
        seen.append(folder)
        if folder == root:  # listed, then deleted before the scan reads or enters them
            (root / "gone.txt").unlink()
            shutil.rmtree(root / "theirs")

    found = files_holding(root, NEEDLES, listed=another_program)
    assert found == [str(root / "ours.txt")]
    assert seen[0] == root


def test_without_the_deletion_the_same_scan_finds_every_file(tmp_path: Path) -> None:
    # The test above can fail: the same folder, left alone, holds three canaries.
    root = _folder(tmp_path)
    assert len(files_holding(root, NEEDLES)) == 3


def test_a_folder_that_cannot_be_listed_and_special_files_are_skipped(tmp_path: Path) -> None:
    root = _folder(tmp_path)
    (root / "link").symlink_to(root / "ours.txt")
    (root / "dangling").symlink_to(root / "nowhere")
    found = sorted(str(path) for path, _ in readable_files(root))
    assert str(root / "link") not in found and str(root / "dangling") not in found
    assert str(root / "ours.txt") in found


def test_a_thread_deleting_files_while_scanning_never_fails_the_scan(tmp_path: Path) -> None:
    root = tmp_path / "busy"
    root.mkdir()
    stop = threading.Event()

    def churn() -> None:
        index = 0
        while not stop.is_set():
            folder = root / f"d{index % 7}"
            folder.mkdir(exist_ok=True)
            (folder / f"f{index}").write_bytes(b"x" * 64)
            shutil.rmtree(root / f"d{(index + 3) % 7}", ignore_errors=True)
            index += 1

    worker = threading.Thread(target=churn)
    worker.start()
    try:
        for _ in range(200):
            files_holding(root, NEEDLES)
    finally:
        stop.set()
        worker.join()
