"""Images that go into documents: checked before they are kept, so a bad file cannot stop
every later agreement from printing."""

from __future__ import annotations

from io import BytesIO

from PIL import Image, UnidentifiedImageError

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MAX_PIXELS = 4000 * 4000


def check_png(data: bytes) -> str | None:
    """Why these bytes cannot be used as a PNG image, or None when they can."""
    if not data.startswith(PNG_MAGIC):
        return "is not a PNG image"
    try:
        with Image.open(BytesIO(data)) as image:
            image.verify()
            width, height = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return "is a damaged PNG image"
    if width * height > MAX_PIXELS:
        return "is too large an image: use one under 4000 by 4000 pixels"
    return None
