"""Credentials never shown: `https://user:token@host` loses its user part in every text the app shows."""

from __future__ import annotations

import re

# scheme://userinfo@ — userinfo holds no "/", "@" or whitespace.
_USERINFO = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)(?P<userinfo>[^/@\s]+)@")
_SECRET_SCHEMES = ("http://", "https://", "ftp://", "ftps://")


def _replace(match: re.Match[str]) -> str:
    scheme, userinfo = match.group("scheme"), match.group("userinfo")
    if scheme.lower() in _SECRET_SCHEMES:
        return scheme  # over https the user part is often the token itself (`https://ghp_…@github.com`)
    user = userinfo.split(":", 1)[0]
    return f"{scheme}{user}@"  # ssh://git@host keeps its user name, never a password


def redact(text: str) -> str:
    """The text with the credentials of every URL in it removed."""
    return _USERINFO.sub(_replace, text) if "@" in text else text
