"""Fast at any size: every row of issue #12's table, as a ratio to a baseline measured in the same run.

Usage: python bench/speed.py [--sizes 1000 10000] [--with-30k] [--repeat 3] [--commits 1000]

Repositories are generated into a temporary folder from BOTH corpus snapshots in ../shared/corpus (real
documents of 2024 and 2026, copied under unique file names with unique ids and titles, ~1,000 commits of
ten changed files each, in the 2026 layout and schema). Each measure alternates with its baseline
(interleaved), `--repeat` times, and reports medians. Nothing generated is kept.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from common import run_measured

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SCHEMA = ROOT / "resources" / "schemas" / "algoritmekader-2026.yaml"
TYPES = {"vereisten": "vereisten", "maatregelen": "maatregelen", "hulpmiddelen": "hulpmiddelen"}
GIT_ENV = {"GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "bench@example.org", "GIT_COMMITTER_NAME": "Bench",
           "GIT_COMMITTER_EMAIL": "bench@example.org"}
BARE = ("import sys; from PySide6.QtWidgets import QApplication, QMainWindow; app=QApplication(sys.argv[:1]); "
        "w=QMainWindow(); w.resize(1320,820); w.show(); app.processEvents(); w.repaint(); app.processEvents()")
BARE_EXIT = (BARE + "; import time; print(time.time(), flush=True); w.close(); app.quit()")
PYYAML_BASELINE = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.md")):
    text = path.read_bytes().decode("utf-8", "replace")
    if text.startswith("---"):
        end = text.find("\\n---", 3)
        if end > 0:
            try:
                yaml.load(text[3:end], Loader=yaml.CSafeLoader)
            except yaml.YAMLError:
                pass
"""


# -- generating --------------------------------------------------------------------------------------------

def corpus_documents() -> list[tuple[str, Path]]:
    """(type folder, file) for every real document of both snapshots."""
    found: list[tuple[str, Path]] = []
    new = CORPUS / "algoritmekader-2026" / "docs" / "voldoen-aan-wetten-en-regels"
    old = CORPUS / "algoritmekader-2024" / "docs"
    for folder in TYPES:
        for base in (new / folder, old / folder):
            if base.is_dir():
                found += [(folder, p) for p in sorted(base.glob("*.md")) if p.name != "index.md"]
    if not found:
        raise SystemExit(f"the corpus is not at {CORPUS}")
    return found


def _copy_text(text: str, copy: int) -> str:
    """A document made unique: its id and title carry the copy number (the first copy is the original)."""
    if copy == 0:
        return text
    # The line's end may be CRLF: the copy number goes before it (a bare CR inside a value is no real file's).
    text = re.sub(r"(?m)^(id:[ \t]*\S+?)([ \t\r]*)$", lambda m: f"{m.group(1)}-{copy}{m.group(2)}", text, count=1)
    return re.sub(r"(?m)^(title:[ \t]*)(.+?)([ \t\r]*)$",
                  lambda m: f"{m.group(1)}{m.group(2)} ({copy}){m.group(3)}", text, count=1)


def generate(root: Path, documents: int, commits: int) -> list[str]:
    """Build the repository with `git fast-import`; returns the document paths."""
    sources = corpus_documents()
    files: dict[str, bytes] = {"redactie-schema.yaml": SCHEMA.read_bytes()}
    support = CORPUS / "algoritmekader-2026" / "docs"
    for folder in ("levenscyclus", "onderwerpen", "rollen"):
        for path in sorted((support / folder).glob("*.md")):
            files[f"docs/{folder}/{path.name}"] = path.read_bytes()
    names: set[str] = set()
    paths: list[str] = []
    for n in range(documents):
        folder, source = sources[n % len(sources)]
        copy = n // len(sources)
        stem = source.stem if copy == 0 else f"{source.stem}-{copy}"
        if f"{folder}/{stem}" in names:  # the same name in both snapshots
            stem = f"{stem}-2024"
        names.add(f"{folder}/{stem}")
        rel = f"docs/voldoen-aan-wetten-en-regels/{folder}/{stem}.md"
        text = source.read_bytes().decode("utf-8", "surrogateescape")
        files[rel] = _copy_text(text, copy).encode("utf-8", "surrogateescape")
        paths.append(rel)
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    chunks: list[bytes] = []

    def blob(path: str, data: bytes) -> None:
        chunks.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path.encode(), len(data), data))

    for c in range(commits):
        message = b"Commit %d" % c
        chunks.append(b"commit refs/heads/main\ncommitter Bench <bench@example.org> %d +0000\ndata %d\n%s\n"
                      % (1_700_000_000 + c * 60, len(message), message))
        if c == 0:
            for path, data in files.items():
                blob(path, data)
        else:
            for k in range(10):
                path = paths[(c * 10 + k) % len(paths)]
                files[path] = files[path] + b"\n<!-- revisie %d -->\n" % c
                blob(path, files[path])
        chunks.append(b"\n")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=b"".join(chunks), check=True)
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=root, check=True)
    for key, value in (("user.name", "Bench"), ("user.email", "bench@example.org")):
        subprocess.run(["git", "config", key, value], cwd=root, check=True)
    time.sleep(2.1)  # past the index's and git's racy-timestamp windows, so neither re-reads for that reason
    subprocess.run(["git", "status", "--porcelain"], cwd=root, check=True, capture_output=True)
    return paths


# -- measuring ---------------------------------------------------------------------------------------------

def run_process(args: list[str], env: dict[str, str]) -> tuple[float, float, str, float]:
    """Wall ms, peak MB, standard output and the epoch time it ended, of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read().decode() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    ended = time.time()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{args} failed with {status}")
    return (time.perf_counter() - start) * 1000, usage.ru_maxrss / 1024, out, ended


def timed(work: Callable[[], object]) -> float:
    """Milliseconds that `work` takes."""
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def med(values: list[float]) -> float:
    """The median."""
    return statistics.median(values)


class Table:
    """Rows of the issue's table: measure, our figure, the baseline, the ratio and the goal."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str, str]] = []

    def add(self, measure: str, ours: str, baseline: str, ratio: float | str, goal: str) -> None:
        text = f"{ratio:.2f}×" if isinstance(ratio, float) else ratio
        self.rows.append((measure, ours, baseline, text, goal))
        print(f"  {measure}: {ours} | baseline {baseline} | {text} | goal {goal}", flush=True)

    def markdown(self) -> str:
        lines = ["| measure | Redactie | baseline (same run) | ratio | goal |", "| --- | --- | --- | --- | --- |"]
        lines += [f"| {' | '.join(row)} |" for row in self.rows]
        return "\n".join(lines)


def app_env(tmp: Path, home: Path) -> dict[str, str]:
    """The children's environment: offscreen, an own home, and bytecode caches as an installed app has them (the
    standard `__pycache__` folders: the libraries' and the standard library's are there, `main` compiles ours)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REDACTIE_HOME": str(home), "REDACTIE_NO_UPDATE_CHECK": "1",
           "PYTHONPATH": str(ROOT / "src"), "XDG_CONFIG_HOME": str(tmp / "config")}
    for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX"):
        env.pop(name, None)
    return env


def measure_size(size: int, tmp: Path, args: argparse.Namespace, table: Table, memory: dict[int, float]) -> None:
    """Every row for a generated repository of `size` documents."""
    root = tmp / f"repo-{size}"
    t0 = time.perf_counter()
    paths = generate(root, size, args.commits)
    count = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=root, capture_output=True, text=True).stdout
    print(f"{size} documents, {count.strip()} commits, generated in {time.perf_counter() - t0:.0f} s", flush=True)
    home = tmp / f"home-{size}"
    env = app_env(tmp, home)
    app = [sys.executable, "-m", "redactie", "--quit-when-listed", str(root)]  # ends when the list is painted
    app_document = [sys.executable, "-m", "redactie", "--quit-when-loaded", str(root)]  # its first document painted
    bare = [sys.executable, "-c", BARE]
    cold, warm, base, colds, warm_document = [], [], [], [], []
    in_window = [sys.executable, str(HERE / "session.py"), str(root), "--list-only"]
    for _ in range(args.repeat):  # interleaved: bare window, cold cache, cold in the window, warm cache
        base.append(run_process(bare, env)[0])
        shutil.rmtree(home / "cache", ignore_errors=True)
        cold.append(run_process(app, env)[0])
        # The smoke mode quits once the list is shown, before the index is complete (and saved): the cache
        # for the warm start is the one a session leaves, and this one waits until the index is complete.
        shutil.rmtree(home / "cache", ignore_errors=True)
        colds.append(json.loads(run_process(in_window, env)[2].strip().splitlines()[-1]))
        warm.append(run_process(app, env)[0])
        warm_document.append(run_process(app_document, env)[0])
    table.add(f"{size}: start to listed, cold cache", f"{med(cold):.0f} ms", f"bare window {med(base):.0f} ms",
              med(cold) / med(base), "≤ 4×")
    table.add(f"{size}: start to listed, warm cache", f"{med(warm):.0f} ms", f"bare window {med(base):.0f} ms",
              med(warm) / med(base), "≤ 2×")
    table.add(f"{size}: start to the first document opened and painted, warm cache", f"{med(warm_document):.0f} ms",
              f"bare window {med(base):.0f} ms", med(warm_document) / med(base), "—")
    table.add(f"{size}: cold cache, in the window: listed / index complete (from the window's creation)",
              f"{med([c['listed_ms'] for c in colds]):.0f} / {med([c['complete_ms'] for c in colds]):.0f} ms",
              "—", "—", "listed as above")
    table.add(f"{size}: cold cache, longest event-loop stall / GUI-thread CPU until the index is complete",
              f"{max(c['stall_list_ms'] for c in colds)} / {max(c['cpu_list_ms'] for c in colds)} ms",
              "10 ms heartbeat", "—", "never > 50 ms")

    sessions, exits, bare_exits = [], [], []
    session = [sys.executable, str(HERE / "session.py"), str(root), "--opens", str(args.opens)]
    for _ in range(args.repeat):
        _, _, out, ended = run_process([sys.executable, "-c", BARE_EXIT], env)
        bare_exits.append((ended - float(out.strip().splitlines()[-1])) * 1000)
        _, _, out, ended = run_process(session, env)
        figures = json.loads(out.strip().splitlines()[-1])
        sessions.append(figures)
        exits.append((ended - figures["closing_at"]) * 1000)
    rss = med([s["rss_mb"] for s in sessions])
    memory[size] = rss
    table.add(f"{size}: memory after background validation", f"{rss:.0f} MB", "—", "—", "≤ 250 MB")
    table.add(f"{size}: open a document (median / p95 / max)",
              f"{med([s['open_median_ms'] for s in sessions]):.0f} / {med([s['open_p95_ms'] for s in sessions]):.0f}"
              f" / {max(s['open_max_ms'] for s in sessions):.0f} ms", "—", "—", "median ≤ 50 ms, p95 ≤ 100 ms")
    stalls = {k: max(s[k] for s in sessions) for k in ("stall_list_ms", "stall_validation_ms", "stall_opens_ms")}
    table.add(f"{size}: longest event-loop stall (list / validation / opens)",
              " / ".join(f"{v} ms" for v in stalls.values()), "10 ms heartbeat", "—", "never > 50 ms")
    own = {k: max(s[k] for s in sessions) for k in ("cpu_list_ms", "cpu_validation_ms", "cpu_opens_ms")}
    table.add(f"{size}: most GUI-thread CPU between two beats (list / validation / opens)",
              " / ".join(f"{v} ms" for v in own.values()), "the stall's own work, without waiting for a core",
              "—", "never > 50 ms")
    table.add(f"{size}: exit after the window closes (background validation running)", f"{med(exits):.0f} ms",
              f"bare window {med(bare_exits):.0f} ms", med(exits) / max(med(bare_exits), 1.0), "≤ 0.5 s")

    measure_git(root, paths, home, table, size, args.repeat)

    ours, baseline, ours_mem, base_mem = [], [], [], []
    validate = [sys.executable, "-m", "redactie", "validate", "--format", "json", str(root)]
    pyyaml = [sys.executable, "-c", PYYAML_BASELINE, str(root)]
    for _ in range(args.repeat):  # through a small launcher: see common.run_measured on the peak memory
        wall, _, peak = run_measured(pyyaml, env)
        baseline.append(wall)
        base_mem.append(peak)
        wall, _, peak = run_measured(validate, env)
        ours.append(wall)
        ours_mem.append(peak)
    table.add(f"{size}: `redactie validate`", f"{med(ours):.0f} ms, {med(ours_mem):.0f} MB",
              f"PyYAML C loader {med(baseline):.0f} ms", med(ours) / med(baseline), "≤ 3×; ≤ 150 MB")


def measure_git(root: Path, paths: list[str], home: Path, table: Table, size: int, repeat: int) -> None:
    """The review of one changed file and the commit of one file, against the git CLI."""
    os.environ["REDACTIE_HOME"] = str(home)
    sys.path.insert(0, str(ROOT / "src"))
    from redactie.gitservice.service import GitService
    from redactie.repository import ContentRepository
    from redactie.review import collect
    from redactie.validation import validate_repository
    from redactie.validation.rules import prepare_id_check

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env={**os.environ, **GIT_ENV})

    service = GitService(root)
    repo = ContentRepository(root)
    repo.sync_index()  # as the window has it after listing
    prepare_id_check(repo)  # and after its background validation (which builds the id table, see validation/ids.py)
    target = paths[len(paths) // 2]
    original = (root / target).read_bytes()
    (root / target).write_bytes(original.replace(b"\n## ", b"\nEen gewijzigde zin.\n\n## ", 1))

    def review() -> None:  # what the review dialog does in the background for one changed file
        with service.lock:
            reviews = collect(service, repo, "nl")
        documents = {ref.path for ref in repo.documents}
        validate_repository(repo, [r.path for r in reviews if r.new is not None and r.path in documents])

    def cli_review() -> None:
        git("status", "--porcelain=v2", "-z", "--untracked-files=all")
        git("diff", "HEAD", "--", target)

    ours, theirs = [], []
    for _ in range(repeat * 2):
        theirs.append(timed(cli_review))
        ours.append(timed(review))
    table.add(f"{size}: review dialog, 1 changed file", f"{med(ours):.0f} ms",
              f"git status + git diff {med(theirs):.0f} ms", med(ours) / med(theirs), "≤ 2×")
    counter = iter(range(100_000))

    def change() -> bytes:
        data = original + b"\n<!-- bench %d -->\n" % next(counter)
        (root / target).write_bytes(data)
        return data

    def commit() -> None:
        service.commit({target: change()}, "Een document aangepast")

    def cli_commit() -> None:
        change()
        git("add", "--", target)
        git("commit", "--quiet", "-m", "Een document aangepast")

    ours, theirs = [], []
    for _ in range(repeat * 2):
        theirs.append(timed(cli_commit))
        ours.append(timed(commit))
    table.add(f"{size}: commit of 1 file", f"{med(ours):.0f} ms", f"git add + git commit {med(theirs):.0f} ms",
              med(ours) / med(theirs), "≤ 1.2×")
    service.close()


def measure_sample(tmp: Path, repeat: int, table: Table) -> None:
    """Start on the sample content, whole process, against a bare PySide6 window (shown, painted, ended): to the
    window's first paint (`--quit-when-painted`) and to the first document opened and painted (`--quit-when-loaded`)."""
    env = app_env(tmp, tmp / "home-sample")
    sample = tmp / "sample"
    shutil.copytree(ROOT / "content", sample)
    subprocess.run(["git", "init", "-q", str(sample)], check=True)
    frame = [sys.executable, "-m", "redactie", "--quit-when-painted", str(sample)]
    document = [sys.executable, "-m", "redactie", "--quit-when-loaded", str(sample)]
    painted, opened, base = [], [], []
    run_process(document, env)  # writes the bytecode
    for _ in range(repeat * 2):  # interleaved
        base.append(run_process([sys.executable, "-c", BARE], env)[0])
        painted.append(run_process(frame, env)[0])
        opened.append(run_process(document, env)[0])
    table.add("sample: start to the window's first paint, whole process", f"{med(painted):.0f} ms",
              f"bare window {med(base):.0f} ms", med(painted) / med(base), "≤ 1.5×")
    table.add("sample (13 documents): start to the first document open and painted, whole process",
              f"{med(opened):.0f} ms", f"bare window {med(base):.0f} ms", med(opened) / med(base),
              "(the issue's row 1, measured to the document: ≤ 1.5×)")


def main() -> None:
    """Print every row, then the table in Markdown for the README."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10_000],
                        help="generated repository sizes; give none (`--sizes`) for the sample row only")
    parser.add_argument("--with-30k", action="store_true", help="also 30,000 documents (slow on a shared machine)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--commits", type=int, default=1000)
    parser.add_argument("--opens", type=int, default=40)
    args = parser.parse_args()
    sizes = args.sizes + ([30_000] if args.with_30k else [])
    table = Table()
    memory: dict[int, float] = {}
    print(f"load average at start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    table.add("load average (1 min) at start", f"{os.getloadavg()[0]:.1f}", f"{os.cpu_count()} cores", "—", "—")
    with tempfile.TemporaryDirectory(prefix="redactie-bench-") as name:
        tmp = Path(name)
        # Every module of ours compiled before anything is measured, as an installed app has them: a module first
        # imported in a session (validation, the editor) was compiled there, and `compile` holds the interpreter
        # lock throughout (a 68 ms stall of the window in a session, seen while measuring).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "src")],
                       env=app_env(tmp, tmp / "home-compile"), check=True)
        measure_sample(tmp, args.repeat, table)
        for size in sizes:
            measure_size(size, tmp, args, table, memory)
    if len(memory) > 1:
        small, big = min(memory), max(memory)
        per = (memory[big] - memory[small]) * 1024 / (big - small)
        table.add(f"memory growth {small}→{big}", f"{per:.1f} KB per document", "—", "—", "≤ 25 KB per document")
    table.add("load average (1 min) at end", f"{os.getloadavg()[0]:.1f}", f"{os.cpu_count()} cores", "—", "—")
    print()
    print(table.markdown())


if __name__ == "__main__":
    main()
