"""Qt widgets on top of the Qt-free core."""

from .qtimport import lighten_import_hook

lighten_import_hook()
