"""Where the CLI gets passphrases and recovery keys (DESIGN §8).

In order: an environment variable, a file named on the command line, an interactive prompt on
the terminal. A passphrase never appears on the command line itself, where other users of the
machine could read it from the process list.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from rjdesk_protocol.errors import UsageError

# Names of environment variables, not secrets.
PASSPHRASE_ENV = "RJDESK_PASSPHRASE"  # noqa: S105
NEW_PASSPHRASE_ENV = "RJDESK_NEW_PASSPHRASE"  # noqa: S105
RECOVERY_KEY_ENV = "RJDESK_RECOVERY_KEY"


def _from_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"passphrase file not found: {path}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(
            f"cannot read the passphrase file {path}: {exc.__class__.__name__}"
        ) from None
    # Only the line ending an editor adds is dropped: spaces may be part of a passphrase.
    return text.rstrip("\r\n")


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise UsageError(
            f"no {label}: set {PASSPHRASE_ENV}, use --passphrase-file, or run in a terminal"
        )
    return getpass.getpass(f"{label[0].upper()}{label[1:]}: ")


def passphrase(passphrase_file: str | None) -> str:
    """The passphrase of an existing vault."""
    if os.environ.get(PASSPHRASE_ENV):
        return os.environ[PASSPHRASE_ENV]
    if passphrase_file:
        return _from_file(passphrase_file)
    return _prompt("passphrase")


def new_passphrase(env: str, passphrase_file: str | None, label: str = "new passphrase") -> str:
    """A passphrase being set: from ``env``, a file, or typed twice to catch a slip."""
    if os.environ.get(env):
        return os.environ[env]
    if passphrase_file:
        return _from_file(passphrase_file)
    first = _prompt(label)
    if _prompt(f"{label} again") != first:
        raise UsageError("the two passphrases differ; nothing was changed")
    return first


def recovery_key() -> str:
    if os.environ.get(RECOVERY_KEY_ENV):
        return os.environ[RECOVERY_KEY_ENV]
    if not sys.stdin.isatty():
        raise UsageError(f"no recovery key: set {RECOVERY_KEY_ENV} or run in a terminal")
    return getpass.getpass("Recovery key (from the hub's safe): ")
