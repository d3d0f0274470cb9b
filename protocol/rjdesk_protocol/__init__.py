"""What rjdesk's laptops and hub share (DESIGN §3): the enums, the rules of DESIGN §2 over plain
facts of a case, the London calendar, the declared record schema with its own version, the
bundle format, keys and errors. It imports neither the laptop app (``rjdesk``) nor the hub
(``rjdesk_hub``), and no Qt, SQLCipher or HTTP client."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rjdesk-protocol")
except PackageNotFoundError:  # a frozen build or a bare checkout
    __version__ = "0.2.0"
