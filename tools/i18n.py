"""Refresh the translation source and compile it: `python tools/i18n.py` (also `make i18n`).

The user interface's source strings are Dutch. English lives in resources/i18n/redactie_en.ts, where
translators edit it (Qt Linguist or any editor); this script updates it from the code and compiles the .qm.

Count-based strings use Qt's plural forms (`self.tr("%n gewijzigde bestanden", "", n)`). Qt shows the source
text for every count unless a translation gives the forms, so the Dutch singular comes from
resources/i18n/redactie_nl.ts: only the plural messages (`lupdate -pluralonly`, as Qt's Linguist manual
advises for source texts with plurals), with the Dutch forms for one and for more.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "redactie_en.ts"
QM = TS.with_suffix(".qm")
TS_NL = TS.with_name("redactie_nl.ts")  # the Dutch plural forms of the source strings


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
        if translation is not None and translation.get("type") != "unfinished" and (
                translation.text or translation.find("numerusform") is not None):
            known[message.findtext("source") or ""] = translation
    return known


def update(ts: Path = TS, plurals_only: bool = False) -> str:
    """Run lupdate over the sources into `ts`, keeping translations (also when code moved to another class)."""
    known = _known(ts)
    only = ["-pluralonly", "-target-language", "nl_NL"] if plurals_only else ["-target-language", "en_GB"]
    out = subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *only, *sources(), "-ts",
                          str(ts)], check=True, capture_output=True, text=True).stdout
    tree = ET.parse(ts)
    reused = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is not None and translation.get("type") == "unfinished" and source in known:
            message.remove(translation)
            message.append(known[source])
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
    print(update(TS_NL, plurals_only=True))
    release(TS_NL, TS_NL.with_suffix(".qm"))
    print(f"wrote {QM.relative_to(ROOT)} and {TS_NL.with_suffix('.qm').relative_to(ROOT)}")
