"""rjdesk: the desktop case file of a restorative justice facilitator."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("rjdesk")
except PackageNotFoundError:  # a frozen build or a bare checkout
    __version__ = "0.1.0"
