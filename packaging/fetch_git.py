"""Fetch the pinned, self-contained git for one platform and check it against its SHA-256.

Usage: python packaging/fetch_git.py PLATFORM [--out packaging/build/git]
PLATFORM: windows-x64, macos-x64, macos-arm64, linux-x64.

The builds are desktop/dugite-native's (the portable git that GitHub Desktop embeds: MinGit on Windows; on
Windows and macOS with Git Credential Manager). Git's GPLv2 licence and dugite-native's licence are fetched
too, checked against their SHA-256, into `git-licenses/` (licences.py adds them to the app's licence texts).
A download whose checksum does not match is deleted and the build stops.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tarfile
import urllib.request
from pathlib import Path

RELEASE = "https://github.com/desktop/dugite-native/releases/download/v2.53.0-4/"
PINS = {
    "windows-x64": ("dugite-native-v2.53.0-4098283-windows-x64.tar.gz",
                    "7b76bc5c32c0d7c5984efdc2a8a32697cf1e8a43bc55176fbf9869c0ee995130"),
    "macos-x64": ("dugite-native-v2.53.0-4098283-macOS-x64.tar.gz",
                  "ae6686718aa34f4140424db16b92a47dcffd6d1f312eb8b5f3b267f7404e2680"),
    "macos-arm64": ("dugite-native-v2.53.0-4098283-macOS-arm64.tar.gz",
                    "f9dc64635a5b62fbd7ad95db73268bbb8912255ac516d65d37bf7af22fcb8ffe"),
    "linux-x64": ("dugite-native-v2.53.0-4098283-ubuntu-x64.tar.gz",
                  "cca76aa31ad9e835e771ee7f55b73934777fbd8d16757a10d307ba06de860901"),
}
LICENCES = [
    ("git-GPL-2.0.txt", "https://raw.githubusercontent.com/git/git/67ad42147a7acc2af6074753ebd03d904476118f/COPYING",
     "5b2198d1645f767585e8a88ac0499b04472164c0d2da22e75ecf97ef443ab32e"),
    ("dugite-native-LICENSE.txt",
     "https://raw.githubusercontent.com/desktop/dugite-native/4098283a7ecb8a227b9d43580336c78a06f90e5d/LICENSE.md",
     "db296f2f7f35bca3a174efb0eb392b3b17bd94b341851429a3dff411b1c2fc73"),
]
SOURCE_OFFER = """Redactie ships git, which is licensed under the GNU General Public License version 2.
The git it ships is desktop/dugite-native release v2.53.0-4 (git 2.53.0); its complete source is at
https://github.com/git/git/tree/v2.53.0 and https://github.com/desktop/dugite-native/tree/v2.53.0-4.
On request the maintainers of Redactie provide the same source for three years from the release.
"""


def download(url: str, target: Path, sha256: str) -> None:
    """Download `url` to `target` unless a file with the right checksum is already there; verify it."""
    if target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == sha256:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with urllib.request.urlopen(url, timeout=120) as response, open(target, "wb") as handle:  # noqa: S310
        shutil.copyfileobj(response, handle)
    actual = hashlib.sha256(target.read_bytes()).hexdigest()
    if actual != sha256:
        target.unlink()
        raise SystemExit(f"checksum mismatch for {url}: expected {sha256}, got {actual}")


def safe_extract(archive: Path, destination: Path) -> None:
    """Extract a tar.gz, refusing members that would land outside `destination`."""
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            target = (destination / member.name).resolve()
            if not target.is_relative_to(destination.resolve()):
                raise SystemExit(f"unsafe path in {archive.name}: {member.name}")
        tar.extractall(destination)  # noqa: S202 - members checked above


def prune(root: Path) -> None:
    """Leave out what Redactie never runs (Git LFS, manuals) to keep the installer small."""
    for pattern in ("**/git-lfs", "**/git-lfs.exe", "**/share/doc", "**/share/man", "**/share/gitk",
                    "**/share/git-gui", "**/libexec/git-core/git-gui*", "**/libexec/git-core/gitk*"):
        for path in root.glob(pattern):
            shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()


def main() -> None:
    """Fetch, verify and unpack git plus its licences."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("platform", choices=sorted(PINS))
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "build" / "git")
    args = parser.parse_args()
    name, sha256 = PINS[args.platform]
    cache = args.out.parent / "downloads" / name
    download(RELEASE + name, cache, sha256)
    shutil.rmtree(args.out, ignore_errors=True)
    args.out.mkdir(parents=True)
    safe_extract(cache, args.out)
    prune(args.out)
    licences = args.out.parent / "git-licenses"
    licences.mkdir(exist_ok=True)
    for file_name, url, digest in LICENCES:
        download(url, licences / file_name, digest)
    (licences / "git-SOURCE-OFFER.txt").write_text(SOURCE_OFFER, encoding="utf-8")
    print(f"git for {args.platform} in {args.out} (sha256 {sha256} verified)")


if __name__ == "__main__":
    sys.exit(main())
