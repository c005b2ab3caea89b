"""`redactie validate` on hostile repositories: links, loops, pipes and file names that are not UTF-8."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import CONTENT, ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="links, FIFOs and byte file names are POSIX")


def _run(cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHONIO", "LC_", "LANG"))}
    env.update(LC_ALL="C.UTF-8", PYTHONPATH=str(ROOT / "src"), PYTHONUTF8="0")
    return subprocess.run([sys.executable, "-m", "redactie", "validate", *args], cwd=cwd, env=env,
                          capture_output=True, timeout=60, check=False)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    root = tmp_path / "r"
    shutil.copytree(CONTENT, root)
    folder = root / "docs" / "vereisten"
    sample = folder / "corrigerende_maatregelen_voor_non_conforme_ai.md"  # has a word-limit warning
    (folder / "weg.md").symlink_to(tmp_path / "bestaat-niet.md")
    (folder / "lus.md").symlink_to(folder / "lus.md")
    (folder / "nul.md").symlink_to("/dev/zero")
    os.mkfifo(folder / "pijp.md")
    shutil.copy(sample, os.fsencode(folder) + b"/caf\xe9.md")
    return root


def test_validate_json_stays_valid_with_hostile_files(hostile: Path) -> None:
    result = _run(hostile, "--format", "json")
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1
    findings = json.loads(result.stdout.decode("utf-8"))  # strict: invalid UTF-8 would raise
    unreadable = {f["path"] for f in findings if f["code"] == "unreadable"}
    assert {"docs/vereisten/weg.md", "docs/vereisten/lus.md", "docs/vereisten/nul.md",
            "docs/vereisten/pijp.md"} <= unreadable
    assert any("caf\ufffd.md" in f["path"] for f in findings)


def test_validate_text_output_under_a_strict_utf8_locale(hostile: Path) -> None:
    result = _run(hostile)
    assert b"Traceback" not in result.stderr, result.stderr.decode("utf-8", "replace")
    result.stdout.decode("utf-8")
    assert "caf\ufffd.md" in result.stdout.decode("utf-8")
    assert result.returncode == 1


def test_validate_a_link_loop_argument_is_a_clear_message(hostile: Path) -> None:
    result = _run(hostile, "docs/vereisten/lus.md")
    assert b"Traceback" not in result.stderr
    assert result.returncode == 2
    assert "redactie validate:" in result.stderr.decode("utf-8")


def test_quit_when_loaded_with_a_pipe_and_a_link_to_dev_zero_first(hostile: Path) -> None:
    folder = hostile / "docs" / "vereisten"
    os.mkfifo(folder / "aaa-pijp.md")
    (folder / "aa-nul.md").symlink_to("/dev/zero")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "QT_QPA_PLATFORM": "offscreen",
           "REDACTIE_HOME": str(hostile.parent / "home")}
    result = subprocess.run([sys.executable, "-m", "redactie", "--quit-when-loaded", str(hostile)], env=env,
                            capture_output=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    loaded = json.loads(result.stdout.decode("utf-8").strip().splitlines()[-1])
    assert loaded["first_document"] not in ("docs/vereisten/aaa-pijp.md", "docs/vereisten/aa-nul.md")


def test_validate_text_keeps_one_line_per_finding_and_no_terminal_escapes(hostile: Path) -> None:
    folder = hostile / "docs" / "vereisten"
    sample = folder / "corrigerende_maatregelen_voor_non_conforme_ai.md"
    shutil.copy(sample, folder / "regel\nbreuk\x1b[31m.md")
    result = _run(hostile)
    out = result.stdout.decode("utf-8")
    assert "\x1b" not in out
    assert "regel\\x0abreuk\\x1b[31m.md" in out
    assert all(line.startswith("docs/") for line in out.splitlines())
    findings = json.loads(_run(hostile, "--format", "json").stdout.decode("utf-8"))
    assert any(f["path"] == "docs/vereisten/regel\nbreuk\x1b[31m.md" for f in findings)  # JSON: exact, escaped
