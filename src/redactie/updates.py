"""The opt-in check for a newer version (off until the user switches it on): at most once a day, it only
learns the latest version number.

It asks the project's release feed (GitHub's "latest release" API) and sends nothing but the request.
"""

from __future__ import annotations

import json
import re
import ssl
import time
import urllib.request

from . import SOURCE_URL

DAY = 24 * 60 * 60
LATEST_URL = SOURCE_URL.replace("https://github.com/", "https://api.github.com/repos/") + "/releases/latest"


def due(last_check: float | None, now: float | None = None) -> bool:
    """True when the last check is more than a day ago (or never happened)."""
    now = time.time() if now is None else now
    return last_check is None or now - last_check >= DAY or now < last_check


def _parts(version: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3])


def newer(latest: str, current: str) -> bool:
    """True when `latest` (like `v1.4.0`) is a higher version than `current`."""
    return bool(_parts(latest)) and _parts(latest) > _parts(current)


def tls_context() -> ssl.SSLContext:
    """The system's trusted certificates plus certifi's bundle (a built app on macOS finds no system bundle)."""
    context = ssl.create_default_context()
    try:
        import certifi

        context.load_verify_locations(cafile=certifi.where())
    except (ImportError, OSError):
        pass
    return context


def latest_version(url: str = LATEST_URL, timeout: float = 5.0) -> tuple[str, str] | None:
    """(version, page URL) of the latest release, or None when the feed cannot be read (offline, for one)."""
    request = urllib.request.Request(url, headers={"Accept": "application/vnd.github+json",
                                                   "User-Agent": "Redactie"})
    try:
        context = tls_context() if url.startswith("https:") else None
        with urllib.request.urlopen(request, timeout=timeout, context=context) as response:  # noqa: S310
            data = json.loads(response.read().decode("utf-8"))
    except (OSError, ValueError):
        return None
    tag = data.get("tag_name") if isinstance(data, dict) else None
    page = data.get("html_url") if isinstance(data, dict) else None
    return (str(tag), str(page or SOURCE_URL + "/releases")) if tag else None
