"""Make the app icon files from resources/icon.svg: PNG, Windows .ico and macOS .icns (no hand-made binaries).

Usage: python packaging/icons.py [OUTPUT_FOLDER]   (default: packaging/build/icons)
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "resources" / "icon.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# .icns entry types that hold PNG data, by pixel size
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09", 1024: b"ic10"}


def render(size: int) -> bytes:
    """The SVG rendered as a square PNG of `size` pixels."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication(["icons"])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows icon holding PNG images (supported since Windows Vista)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = 6 + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS icon family of PNG entries."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", len(png) + 8) + png for size, png in sorted(pngs.items()))
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def main(out: Path) -> None:
    """Write redactie.png, redactie.ico and redactie.icns."""
    out.mkdir(parents=True, exist_ok=True)
    pngs = {size: render(size) for size in sorted(set(ICO_SIZES) | set(ICNS_TYPES))}
    (out / "redactie.png").write_bytes(pngs[256])
    (out / "redactie.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (out / "redactie.icns").write_bytes(icns({s: pngs[s] for s in ICNS_TYPES}))
    print(f"icons written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "packaging" / "build" / "icons")
