"""Before `make run` on Linux: are the system libraries Qt's xcb platform needs installed? Says what is missing.

Qt's own message ("could not load the Qt platform plugin xcb") names the wrong library. This asks `ldd`
which libraries the installed PySide6's xcb plugin and its libQt6XcbQpa cannot find, and names the Debian/
Ubuntu packages that hold them. Exit 0 when nothing is missing (or not on Linux), 1 otherwise.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

# Shared library -> the Debian/Ubuntu package that installs it.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-shape.so.0": "libxcb-shape0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1", "libxcb-xfixes.so.0": "libxcb-xfixes0", "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-util.so.1": "libxcb-util1", "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1", "libX11-xcb.so.1": "libx11-xcb1", "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0", "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0", "libOpenGL.so.0": "libopengl0", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3", "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
}


def xcb_binaries() -> list[Path]:
    """The installed PySide6's xcb platform plugin and the Qt library behind it (found without importing Qt)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return []
    qt = Path(spec.origin).parent / "Qt"
    return [p for p in (qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6") if p.exists()]


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries `ldd` reports as "not found"."""
    return sorted({line.split()[0] for line in ldd_output.splitlines() if "not found" in line})


def packages_for(libraries: list[str]) -> list[str]:
    """The packages to install for the missing libraries (the library's own name when the package is unknown)."""
    return sorted({PACKAGES.get(lib, lib) for lib in libraries})


def main() -> int:
    """Print what is missing in plain words; exit 1 when something is."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM", "") == "offscreen":
        return 0
    if not shutil.which("ldd"):
        return 0
    output = "".join(subprocess.run(["ldd", str(b)], capture_output=True, text=True).stdout for b in xcb_binaries())
    missing = missing_libraries(output)
    if not missing:
        return 0
    packages = " ".join(packages_for(missing))
    print("Redactie kan geen venster openen: deze systeembibliotheken ontbreken: " + ", ".join(missing) + ".\n"
          f"Installeer ze (Debian/Ubuntu): sudo apt-get install {packages}\n"
          "Redactie cannot open a window: these system libraries are missing: " + ", ".join(missing) + ".\n"
          f"Install them (Debian/Ubuntu): sudo apt-get install {packages}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
