"""Hostile input speed: previews of bait (10k images, a 200x2000 table, a 10 MB body, a backtracking heading)
and the review of many untracked files, each as a ratio to a normal case measured in the same run.

Usage: python bench/hostile.py
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from redactie.gitservice.service import GitService
from redactie.preview_html import to_html
from redactie.repository import open_repository
from redactie.review import collect

CONTENT = Path(__file__).resolve().parents[1] / "content"
SEED = CONTENT / "docs/vereisten/menselijk_toezicht_hoog_risico.md"


def _time(work: object, repeat: int = 1) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        work()  # type: ignore[operator]
    return (time.perf_counter() - start) / repeat


def previews() -> None:
    """Each bait's preview time against the preview of a real document."""
    normal = SEED.read_text(encoding="utf-8").split("---", 2)[2]
    baseline = _time(lambda: to_html(normal), 20)
    row = "|" + "|".join("x" for _ in range(200)) + "|\n"
    baits = {
        "10k images (80 KB)": "".join(f"![{n}](b)\n" for n in range(10_000)),
        "table 200x2000": row + "|" + "|".join("-" for _ in range(200)) + "|\n" + row * 2000,
        "10 MB body": ("Een zin met wat woorden. " * 40 + "\n\n") * 10_000,
        "heading + 40k spaces": "## T" + " " * 40_000 + "x\n",
    }
    print(f"preview of {SEED.name}: {baseline * 1000:.1f} ms")
    for name, text in baits.items():
        took = _time(lambda text=text: to_html(text))
        print(f"preview {name}: {took * 1000:.0f} ms (ratio {took / baseline:.0f}x)")


def review(count: int = 5000) -> None:
    """Review of `count` untracked files in a tracked folder against `git status` on the same tree."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "repo"
        shutil.copytree(CONTENT, root)
        for args in (["init", "-q", "-b", "main"], ["add", "-A"],
                     ["-c", "user.name=B", "-c", "user.email=b@example.org", "commit", "-qm", "x"]):
            subprocess.run(["git", *args], cwd=root, check=True)
        for n in range(count):
            (root / "docs" / "vereisten" / f"los-{n}.txt").write_bytes(b"x")
        big = root / "export" / "diep"
        big.mkdir(parents=True)
        for n in range(count * 10):
            (big / f"{n}.txt").write_bytes(b"x")
        service, repo = GitService(root), open_repository(root)
        status = _time(lambda: subprocess.run(["git", "status", "--porcelain", "-uall"], cwd=root,
                                              capture_output=True, check=True))
        took = _time(lambda: collect(service, repo))
        print(f"review of {count} loose + {count * 10} files in one new folder: {took * 1000:.0f} ms; "
              f"git status -uall {status * 1000:.0f} ms (ratio {took / status:.2f}x)")
        service.close()


if __name__ == "__main__":
    previews()
    review()
