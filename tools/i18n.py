"""Refresh the translation source and compile it: `python tools/i18n.py` (also `make i18n`).

The user interface's source strings are Dutch. English lives in resources/i18n/redactie_en.ts, where
translators edit it (Qt Linguist or any editor); this script updates it from the code and compiles the .qm.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "redactie_en.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """A Qt tool from the PySide6 installation next to this Python."""
    return str(Path(sys.executable).with_name(name))


def sources() -> list[str]:
    """Every Python file with translatable strings."""
    return [str(p) for p in sorted((ROOT / "src" / "redactie" / "gui").glob("*.py"))]


def _known(ts: Path) -> dict[str, str]:
    """Every finished translation in `ts`, by source text."""
    if not ts.exists():
        return {}
    known = {}
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.text and translation.get("type") != "unfinished":
            known[message.findtext("source") or ""] = translation.text
    return known


def update(ts: Path = TS) -> str:
    """Run lupdate over the sources into `ts`, keeping translations (also when code moved to another class)."""
    known = _known(ts)
    out = subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts",
                          str(ts)], check=True, capture_output=True, text=True).stdout
    tree = ET.parse(ts)
    reused = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and translation.get("type") == "unfinished" and source in known:
            translation.text = known[source]
            del translation.attrib["type"]
            reused += 1
    if reused:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return out + f"reused {reused} translations of the same text\n"


def release(ts: Path = TS, qm: Path = QM) -> None:
    """Compile the .ts into the .qm the application loads."""
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)


if __name__ == "__main__":
    print(update())
    release()
    print(f"wrote {QM.relative_to(ROOT)}")
