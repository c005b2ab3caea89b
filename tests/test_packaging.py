"""Packaging pieces that can be checked here: icons from the SVG, the git pins, the spec and installer scripts.

The full Linux build (`make package`) runs in CI (.ci/run); Windows and macOS builds run in the release workflow.
"""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import fetch_git  # noqa: E402
import icons  # noqa: E402


def test_icons_are_made_from_the_svg(tmp_path: Path) -> None:
    icons.main(tmp_path)
    ico = (tmp_path / "redactie.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for n in range(count):
        width, _, _, _, _, _, size, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * n: 22 + 16 * n])
        assert ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and size > 0
    icns = (tmp_path / "redactie.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns and b"ic07" in icns
    assert (tmp_path / "redactie.png").read_bytes()[:4] == b"\x89PNG"


def test_git_is_pinned_for_every_platform_with_a_sha256() -> None:
    assert set(fetch_git.PINS) == {"windows-x64", "macos-x64", "macos-arm64", "linux-x64"}
    for name, digest in fetch_git.PINS.values():
        assert name.endswith(".tar.gz") and re.fullmatch(r"[0-9a-f]{64}", digest)
    for _, url, digest in fetch_git.LICENCES:
        assert url.startswith("https://") and re.fullmatch(r"[0-9a-f]{64}", digest)


def test_a_download_with_the_wrong_checksum_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "bron.tar.gz"
    source.write_bytes(b"not what was pinned")
    target = tmp_path / "download.tar.gz"
    with pytest.raises(SystemExit, match="checksum mismatch"):
        fetch_git.download(source.as_uri(), target, "0" * 64)
    assert not target.exists()


def test_installer_scripts_name_what_the_issue_asks_for() -> None:
    iss = (ROOT / "packaging/windows/redactie.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss and "PrivilegesRequiredOverridesAllowed=commandline" in iss
    assert re.search(r"AppId=\{\{[0-9A-F-]{36}\}", iss)
    spec = (ROOT / "packaging/redactie.spec").read_text(encoding="utf-8")
    assert "upx=False" in spec and "exclude_binaries=True" in spec and "PySide6.QtNetwork" in spec
    dmg = (ROOT / "packaging/macos/make_dmg.sh").read_text(encoding="utf-8")
    assert "ln -s /Applications" in dmg and "hdiutil create" in dmg
