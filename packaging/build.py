"""Build the app with PyInstaller and check it: `python packaging/build.py [--git PLATFORM] [--archive]`.

Steps: make the icons from resources/icon.svg; optionally fetch the pinned git (packaging/fetch_git.py);
run PyInstaller on packaging/redactie.spec; start the frozen app with `--quit-when-loaded` offscreen and
require exit 0 and its JSON line; print the unpacked size and, with --archive, the compressed size.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "build"
DIST = HERE / "dist"


def folder_size(folder: Path) -> int:
    """Bytes of all files under `folder` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def frozen_executable() -> Path:
    """The built app's executable."""
    if sys.platform == "darwin":
        return DIST / "Redactie.app" / "Contents" / "MacOS" / "Redactie"
    return DIST / "Redactie" / ("Redactie.exe" if sys.platform == "win32" else "Redactie")


def smoke_test() -> dict[str, object]:
    """Run the frozen app offscreen on its own sample content; it must print its JSON line and exit 0."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REDACTIE_HOME": home,
               "XDG_CONFIG_HOME": str(Path(home) / "config")}
        result = subprocess.run([str(frozen_executable()), "--quit-when-loaded"], env=env, capture_output=True,
                                text=True, timeout=180)
    if result.returncode != 0:
        raise SystemExit(f"frozen app failed ({result.returncode}):\n{result.stderr[-3000:]}")
    report = json.loads([line for line in result.stdout.splitlines() if line.startswith("{")][-1])
    if not report.get("documents"):
        raise SystemExit(f"frozen app loaded no documents: {report}")
    return report


def main() -> None:
    """Build, check and measure."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--git", help="also bundle the pinned git for this platform (see fetch_git.py)")
    parser.add_argument("--archive", action="store_true", help="also write a .tar.gz and report its size")
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    subprocess.run([sys.executable, str(HERE / "icons.py"), str(BUILD / "icons")], check=True, env=env)
    if args.git:
        subprocess.run([sys.executable, str(HERE / "fetch_git.py"), args.git], check=True)
    shutil.rmtree(DIST, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), str(HERE / "redactie.spec")],
                   check=True, cwd=ROOT)
    report = smoke_test()
    app = DIST / ("Redactie.app" if sys.platform == "darwin" else "Redactie")
    print(f"frozen app ok: {report}")
    print(f"unpacked size: {folder_size(app) / 1e6:.1f} MB ({app})")
    if args.archive:
        archive = DIST / "Redactie-linux.tar.gz"
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(app, arcname=app.name)
        print(f"compressed size: {archive.stat().st_size / 1e6:.1f} MB ({archive.name})")


if __name__ == "__main__":
    main()
