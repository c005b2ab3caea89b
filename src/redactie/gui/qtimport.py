"""A cheaper answer to PySide6's question "does this module use PySide6?", asked on every import.

Once PySide6 is imported, its `__feature__` import hook (PYSIDE-2029) inspects every module imported
afterwards: it calls `inspect.getsource(module)` and looks for the text "PySide6". That reads, decodes
and keeps (in `linecache`) the source of all ~300 modules the application imports, which costs more
start-up time than importing them. The same question is answered here by reading the file's bytes: the
answer is the same (the name is ASCII, so it has the same bytes in any source encoding) and nothing is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - installs the hook this module replaces the check of

_MARK = "_redactie_light"


def uses_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """True when the module's source file mentions PySide6; `fallback` answers for modules without one."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return fallback(module)


def lighten_import_hook() -> bool:
    """Replace the hook's source check with `uses_pyside`; False when this PySide6 has no such check."""
    import sys

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, _MARK, False):
        return True

    def check(module: ModuleType) -> bool:
        return uses_pyside(module, original)

    setattr(check, _MARK, True)
    feature._mod_uses_pyside = check  # type: ignore[attr-defined]  # noqa: SLF001
    return True
