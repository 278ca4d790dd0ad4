"""Web addresses taken from the inputs (a registry entry's ``url``, a release header's
``source``, a publisher's ``url``) are shown as links: only ``http`` and ``https`` ones."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def is_web_address(value: object) -> bool:
    """Whether *value* is an ``http://`` or ``https://`` address with a host (no
    ``javascript:``, ``data:`` or relative address can become a link)."""
    if not isinstance(value, str) or _SPACE_OR_CONTROL.search(value):
        return False
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)
