"""The Qt-free core never imports Qt (also enforced by import-linter in `make lint`)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "redactie"
CORE = ["document", "schema", "validation", "gitservice", "repository.py", "fileio.py", "workspace.py", "summary.py",
        "spelling", "index.py", "macros.py", "catalogue.py"]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            names.add(("." * node.level) + (node.module or ""))
    return names


def test_core_modules_do_not_import_qt_or_gui() -> None:
    files = [p for item in CORE for p in ((SRC / item).rglob("*.py") if (SRC / item).is_dir() else [SRC / item])]
    assert len(files) > 10
    for path in files:
        for name in _imports(path):
            assert not name.startswith("PySide6"), f"{path} imports {name}"
            assert "gui" not in name.split("."), f"{path} imports {name}"


def test_the_qt_bindings_survive_many_item_changes() -> None:
    """PySide6 6.12.0 drops a reference to None on every item-model change and aborts at exit; it is excluded."""
    import os
    import subprocess
    import sys

    script = ("import sys\nfrom PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem\n"
              "from PySide6.QtCore import Qt\napp = QApplication(sys.argv[:1])\ntree = QTreeWidget()\n"
              "group = QTreeWidgetItem(tree, ['g'])\nfor n in range(5000):\n"
              "    item = QTreeWidgetItem(group, [str(n)])\n    item.setData(0, Qt.ItemDataRole.UserRole, str(n))\n"
              "print('ok')\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stdout.strip() == "ok", result.stderr[-500:]
