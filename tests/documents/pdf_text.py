"""Reading a generated PDF back as a person (or a test) would: the text of each page."""

from __future__ import annotations

import re
from io import BytesIO

from pypdf import PdfReader


def pages(pdf: bytes) -> list[str]:
    """The text layer of every page, whitespace folded to single spaces."""
    return [squash(page.extract_text()) for page in PdfReader(BytesIO(pdf)).pages]


def text(pdf: bytes) -> str:
    return " ".join(pages(pdf))


def squash(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def images_on(pdf: bytes) -> int:
    """How many images are drawn, over all pages."""
    return sum(len(page.images) for page in PdfReader(BytesIO(pdf)).pages)
