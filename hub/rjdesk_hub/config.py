"""The hub's data folder: its settings (``hub.json``) and its keys (``hub-keys.json``).

``hub-keys.json`` holds the hub's three secrets (docs/sync-protocol.md, "Keys"): the Ed25519
signing key, the age identity that opens laptops' bundles, and the data key that encrypts case
data at rest in the hub database. It is written once, atomically, owner-only (0600), and no
function here logs it, prints it or puts it into an error message.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import platformdirs

from rjdesk_hub.errors import HubDamaged, HubExists, HubNotFound
from rjdesk_protocol.atomic import atomic_write
from rjdesk_protocol.errors import InvalidKey, UsageError
from rjdesk_protocol.keys import AgeIdentity, SigningKey

DATA_DIR_ENV = "RJDESK_HUB_DATA_DIR"
DB_ENV = "RJDESK_HUB_DB"
SETTINGS_FILE = "hub.json"
KEYS_FILE = "hub-keys.json"
DB_FILE = "hub.db"
UPLOADS_DIR = "uploads"
SETTINGS_FORMAT = "rjdesk_hub/1"
KEYS_FORMAT = "rjdesk_hub-keys/1"
DEFAULT_NAME = "RJ hub"
DEFAULT_URL = "http://127.0.0.1:8765"
DEFAULT_KEEP_BUNDLES_DAYS = 400
MIB = 2**20
# Per device: unfinished uploads (how many, and their bytes), and bytes uploaded per UTC day.
DEFAULT_MAX_UNFINISHED_UPLOADS = 4
DEFAULT_MAX_UNFINISHED_UPLOAD_MIB = 512
DEFAULT_MAX_UPLOAD_MIB_PER_DAY = 2048
DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 32
FORMS_PORT = 8767  # the referral forms' own port, by default (docs/hub.md)
DEFAULT_UNTRIAGED_REFERRAL_DAYS = 30  # UK GDPR storage limitation: an untriaged referral goes
DATA_KEY_BYTES = 32


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir``, else ``RJDESK_HUB_DATA_DIR``, else the platform's user data folder."""
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return platformdirs.user_data_path("rjdesk-hub", appauthor=False)


def normalise_db_url(url: str) -> str:
    """A database URL SQLAlchemy can open: ``postgresql://`` (and ``postgres://``) get the
    psycopg 3 driver, which is the one the hub installs; ``sqlite:///FILE`` is taken as it is."""
    url = url.strip()
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if url.startswith(("postgresql+psycopg://", "sqlite://")):
        return url
    raise UsageError(
        "the database URL must start with postgresql:// (PostgreSQL) or sqlite:/// (a file)"
    )


def shown_db_url(url: str) -> str:
    """The URL without its password, for printing."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    credentials, at, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}{':***' if ':' in credentials else ''}{at}{host}"


@dataclass(frozen=True)
class HubSettings:
    """``hub.json``: what the coordinator chose at ``rjdesk-hub init`` (nothing secret).

    An empty ``db_url`` means the default: the SQLite file ``hub.db`` in the data folder. The
    upload limits apply to each device (docs/hub.md, "Limits"); a ``hub.json`` without them
    gets the defaults.
    """

    name: str
    url: str
    db_url: str = ""
    keep_bundles_days: int = DEFAULT_KEEP_BUNDLES_DAYS
    max_unfinished_uploads: int = DEFAULT_MAX_UNFINISHED_UPLOADS
    max_unfinished_upload_mib: int = DEFAULT_MAX_UNFINISHED_UPLOAD_MIB
    max_upload_mib_per_day: int = DEFAULT_MAX_UPLOAD_MIB_PER_DAY
    max_connections_per_address: int = DEFAULT_MAX_CONNECTIONS_PER_ADDRESS
    # The reverse proxy's address, whose X-Forwarded-For is believed ("": no proxy).
    trusted_proxy: str = ""
    # A referral no coordinator has triaged is deleted after this many days (issue 15).
    untriaged_referral_days: int = DEFAULT_UNTRIAGED_REFERRAL_DAYS
    # The referral forms' public address ("": the hub's url on port ``FORMS_PORT``); a partner's
    # link is this address with ``/partner/<token>``.
    forms_url: str = ""
    # The prices of non-crime referrals to the organisations that made them, as hub.json has
    # them (read and checked by ``returns.billing.rules_from`` when a statement is made, so a
    # mistake there names itself without stopping the hub; docs/hub.md, "Billing").
    billing: Mapping[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @property
    def forms_address(self) -> str:
        """Where the public and partner referral forms are served (no trailing slash)."""
        if self.forms_url:
            return self.forms_url.rstrip("/")
        parts = urlsplit(self.url)
        host = parts.hostname or "localhost"
        if ":" in host:  # an IPv6 literal
            host = f"[{host}]"
        return urlunsplit((parts.scheme or "https", f"{host}:{FORMS_PORT}", "", "", ""))

    def to_json(self) -> bytes:
        doc = {
            "format": SETTINGS_FORMAT,
            "name": self.name,
            "url": self.url,
            "db_url": self.db_url,
            "keep_bundles_days": self.keep_bundles_days,
            "max_unfinished_uploads": self.max_unfinished_uploads,
            "max_unfinished_upload_mib": self.max_unfinished_upload_mib,
            "max_upload_mib_per_day": self.max_upload_mib_per_day,
            "max_connections_per_address": self.max_connections_per_address,
            "trusted_proxy": self.trusted_proxy,
            "untriaged_referral_days": self.untriaged_referral_days,
            "forms_url": self.forms_url,
        }
        if self.billing:
            doc["billing"] = dict(self.billing)
        return (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> HubSettings:
        doc = _read_json(data, SETTINGS_FILE, SETTINGS_FORMAT)
        try:
            days = int(doc.get("keep_bundles_days", DEFAULT_KEEP_BUNDLES_DAYS))
            limits = {
                "max_unfinished_uploads": DEFAULT_MAX_UNFINISHED_UPLOADS,
                "max_unfinished_upload_mib": DEFAULT_MAX_UNFINISHED_UPLOAD_MIB,
                "max_upload_mib_per_day": DEFAULT_MAX_UPLOAD_MIB_PER_DAY,
                "max_connections_per_address": DEFAULT_MAX_CONNECTIONS_PER_ADDRESS,
                "untriaged_referral_days": DEFAULT_UNTRIAGED_REFERRAL_DAYS,
            }
            for key, default in limits.items():
                value = doc.get(key, default)
                if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                    raise HubDamaged(f"{SETTINGS_FILE}: {key} must be a whole number above 0.")
                limits[key] = value
            return cls(
                name=str(doc["name"]),
                url=str(doc["url"]),
                db_url=str(doc.get("db_url") or ""),
                keep_bundles_days=days,
                trusted_proxy=str(doc.get("trusted_proxy") or ""),
                forms_url=str(doc.get("forms_url") or ""),
                billing=doc.get("billing") or {},
                **limits,
            )
        except (KeyError, TypeError, ValueError):
            raise HubDamaged(f"{SETTINGS_FILE} is malformed.") from None


class HubKeys:
    """The hub's secrets. Its ``repr`` names the key id and recipient, never a key."""

    __slots__ = ("age_identity", "data_key", "signing_key")

    def __init__(self, signing_key: SigningKey, age_identity: AgeIdentity, data_key: bytes) -> None:
        if len(data_key) != DATA_KEY_BYTES:
            raise HubDamaged(f"{KEYS_FILE} is malformed (the data key is not 32 bytes).")
        self.signing_key = signing_key
        self.age_identity = age_identity
        self.data_key = data_key

    @classmethod
    def generate(cls) -> HubKeys:
        return cls(SigningKey.generate(), AgeIdentity.generate(), os.urandom(DATA_KEY_BYTES))

    def __repr__(self) -> str:
        return (
            f"HubKeys(key id {self.signing_key.public.key_id_hex}, "
            f"recipient {self.age_identity.recipient})"
        )

    def to_json(self) -> bytes:
        doc = {
            "format": KEYS_FORMAT,
            "signing_key": base64.b64encode(self.signing_key.raw()).decode("ascii"),
            "age_identity": self.age_identity.text(),
            "data_key": base64.b64encode(self.data_key).decode("ascii"),
        }
        return (json.dumps(doc, indent=1) + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> HubKeys:
        doc = _read_json(data, KEYS_FILE, KEYS_FORMAT)
        try:
            return cls(
                SigningKey.from_raw(base64.b64decode(str(doc["signing_key"]), validate=True)),
                AgeIdentity.from_text(str(doc["age_identity"])),
                base64.b64decode(str(doc["data_key"]), validate=True),
            )
        except (KeyError, binascii.Error, ValueError, InvalidKey):
            raise HubDamaged(f"{KEYS_FILE} is malformed.") from None


def _read_json(data: bytes, name: str, expected_format: str) -> dict[str, Any]:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise HubDamaged(f"{name} is not valid JSON.") from None
    if not isinstance(doc, dict) or doc.get("format") != expected_format:
        raise HubDamaged(f"{name} is not a {expected_format} file.")
    return doc


def exists(data_dir: Path) -> bool:
    """Whether a hub lives in ``data_dir`` (its keys file is what makes it one)."""
    return (data_dir / KEYS_FILE).exists()


def create(data_dir: Path, settings: HubSettings) -> HubKeys:
    """Make the data folder (0700) with new keys and these settings; refuse an existing hub."""
    if exists(data_dir) or (data_dir / SETTINGS_FILE).exists():
        raise HubExists(f"a hub already exists in {data_dir}; it was left as it is")
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        data_dir.chmod(0o700)
    keys = HubKeys.generate()
    atomic_write(data_dir / SETTINGS_FILE, settings.to_json())
    # The keys file last: a hub exists once it does, so an interrupted init leaves no hub.
    atomic_write(data_dir / KEYS_FILE, keys.to_json())
    return keys


def load(data_dir: Path) -> tuple[HubSettings, HubKeys]:
    """Read the settings and keys of the hub in ``data_dir``."""
    if not exists(data_dir):
        raise HubNotFound(f"no hub in {data_dir}: create one with `rjdesk-hub --data-dir DIR init`")
    try:
        settings = HubSettings.from_json((data_dir / SETTINGS_FILE).read_bytes())
        keys = HubKeys.from_json((data_dir / KEYS_FILE).read_bytes())
    except OSError as exc:
        raise HubDamaged(
            f"the hub's files in {data_dir} cannot be read ({exc.strerror})."
        ) from None
    return settings, keys


def db_url_for(data_dir: Path, settings: HubSettings, override: str | None = None) -> str:
    """The database to open: ``override`` (``--db``), else ``RJDESK_HUB_DB``, else the one in
    ``hub.json``, else ``hub.db`` in the data folder."""
    chosen = override or os.environ.get(DB_ENV) or settings.db_url
    if chosen:
        return normalise_db_url(chosen)
    return f"sqlite:///{(data_dir / DB_FILE).resolve()}"
