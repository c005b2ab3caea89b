"""Build the app with PyInstaller and check it: `python packaging/build.py [--git PLATFORM] [--archive]`.

Steps: icons from resources/icon.svg; the licence texts of everything shipped (licences.py); the version
(from the release tag when given); optionally the pinned git (fetch_git.py); PyInstaller on redactie.spec;
then git is copied in *after* PyInstaller's analysis (so none of git's libraries are pulled into
`_internal/`) and libpython is stripped (Linux). Checks on the frozen app, with `PATH` holding no git:
  - `--quit-when-loaded` offscreen exits 0 with its JSON line, finding its documents, translations and
    licence texts; a missing folder exits 2;
  - `check-git` (open, status, review, commit, sync, share against a local bare remote) succeeds, and every
    git call went through the bundled git. Without a real bundled git (a plain `make package`) a logging
    git is put where the bundled git goes; it logs each call and runs the system's git.
Sizes are printed and held (unpacked, and compressed with --archive). Without a real git the sizes count
a stand-in of random (incompressible) bytes of git's size (--stand-in-git-mb), a worst case for compression.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "build"
DIST = HERE / "dist"
MAX_UNPACKED_MB = 200
MAX_COMPRESSED_MB = 80
# git for this platform as dugite-native ships it, unpacked, after fetch_git.prune (the figure #13 measured).
STAND_IN_GIT_MB = 27
EXPECTED_GIT_CALLS = {"version", "init", "clone", "status", "cat-file", "add", "commit", "fetch", "rebase", "push"}


def folder_size(folder: Path) -> int:
    """Bytes of all files under `folder` (symlinks not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def app_folder() -> Path:
    """The built app: the .app bundle on macOS, else the one folder."""
    return DIST / ("Redactie.app" if sys.platform == "darwin" else "Redactie")


def frozen_executable(name: str = "Redactie") -> Path:
    """The built app's executable."""
    if sys.platform == "darwin":
        return app_folder() / "Contents" / "MacOS" / name
    return app_folder() / (f"{name}.exe" if sys.platform == "win32" else name)


def git_destination() -> Path:
    """Where the bundled git goes (see redactie.gitservice.gitenv.bundled_root)."""
    if sys.platform == "darwin":
        return app_folder() / "Contents" / "Resources" / "git"
    return app_folder() / "_internal" / "git"


def data_folder() -> Path:
    """Where the app's data files (resources, licences, certifi) are: Contents/Resources on macOS."""
    if sys.platform == "darwin":
        return app_folder() / "Contents" / "Resources"
    return app_folder() / "_internal"


SHIPPED = ("resources/i18n/redactie_en.qm", "resources/i18n/redactie_nl.qm",
           "resources/icon.svg", "resources/schemas/algoritmekader-2026.yaml",
           "licenses/index.json", "licenses/LGPL-3.0.txt", "licenses/Qt-replacing-the-libraries.txt",
           "licenses/git-SOURCE-OFFER.txt", "certifi/cacert.pem", "VERSION", "content/redactie-schema.yaml",
           "resources/help/hoe-werkt-het.nl.md", "resources/help/hoe-werkt-het.en.md")


def os_name() -> str:
    """The archive's system name: windows, macos or linux."""
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")


def archive_name(version: str) -> str:
    """Redactie-VERSION-OS-ARCH.tar.xz (.zip on Windows).

    xz (LZMA2) is what the installers compress with too (Inno Setup's lzma2, the DMG's), so the archive's
    size is the download size a user sees.
    """
    arch = platform.machine().lower().replace("amd64", "x64").replace("x86_64", "x64").replace("aarch64", "arm64")
    return f"Redactie-{version}-{os_name()}-{arch}" + (".zip" if sys.platform == "win32" else ".tar.xz")


def no_git_path() -> str:
    """PATH without any folder that holds a git, so only the bundled git can be found."""
    names = ("git", "git.exe")
    return os.pathsep.join(p for p in os.environ.get("PATH", "").split(os.pathsep)
                           if p and not any((Path(p) / n).exists() for n in names))


def frozen_command(home: Path) -> tuple[list[str], dict[str, str]]:
    """The frozen app's executable and an environment: offscreen, its own home, no git on PATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "REDACTIE_"))}
    env.update({"QT_QPA_PLATFORM": "offscreen", "REDACTIE_HOME": str(home), "HOME": str(home),
                "XDG_CONFIG_HOME": str(home / "config"), "PATH": no_git_path(), "GIT_CONFIG_NOSYSTEM": "1",
                "REDACTIE_NO_UPDATE_CHECK": "1"})
    # On Windows the GUI executable has no standard output; its console twin runs the same code.
    executable = frozen_executable("redactie-cli" if sys.platform == "win32" else "Redactie")
    return [str(executable)], env


def run_frozen(args: list[str], home: Path, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    """Run the frozen app offscreen with its own home and no git on PATH."""
    command, env = frozen_command(home)
    return subprocess.run([*command, *args], env=env, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def check_index_worker(home: Path) -> str:
    """The frozen app's `index-worker` (a first start's reading of a large repository, see index_worker.py)
    reads a folder and saves its index while its input stays open, as the editor keeps it."""
    folder = home / "index-folder"
    folder.mkdir(parents=True)
    (folder / "a.md").write_text("---\ntitle: Een\n---\n", encoding="utf-8")
    command, env = frozen_command(home / "index-worker")
    cache = home / "index.cache"
    with subprocess.Popen([*command, "index-worker", str(folder), str(cache)], env=env, stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write(json.dumps({"paths": ["a.md"], "quick": ["a.md"]}) + "\n")
        child.stdin.flush()
        said = []
        for line in child.stdout:  # ends when the child does
            said.append(line)
            if '"complete"' in line:
                break
        child.stdin.close()
        code = child.wait(timeout=60)
        errors = child.stderr.read() if child.stderr else ""
    if code != 0 or not any('"complete": 1' in line for line in said) or not cache.is_file():
        raise SystemExit(f"the frozen app's index process does not work: {code} {''.join(said)[-500:]} "
                         f"{errors[-2000:]}")
    return "complete"


def install_logging_git(log: Path) -> bool:
    """Put a git that logs each call and runs the system's git where the bundled git goes (POSIX only)."""
    system_git = shutil.which("git")
    if os.name == "nt" or not system_git:
        return False
    real = Path(system_git).resolve()
    exec_path = subprocess.run([real, "--exec-path"], capture_output=True, text=True, check=True).stdout.strip()
    root = git_destination()
    (root / "bin").mkdir(parents=True)
    (root / "libexec").mkdir()
    (root / "libexec" / "git-core").symlink_to(exec_path)
    wrapper = root / "bin" / "git"
    wrapper.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{log}'\nexec '{real}' \"$@\"\n", encoding="utf-8")
    wrapper.chmod(0o755)
    return True


def subcommands(log: Path) -> set[str]:
    """The git subcommands of every logged call (the first word after the global options)."""
    found = set()
    for line in log.read_text(encoding="utf-8").splitlines():
        words, index = line.split(" "), 0
        while index < len(words) and words[index].startswith("-"):
            index += 2 if words[index] == "-c" else 1
        found.add(words[index] if index < len(words) else "")
    return found


def check_frozen_app(real_git: bool) -> dict[str, object]:
    """Run the frozen app's checks (see the module docstring); SystemExit on any failure."""
    report: dict[str, object] = {}
    missing_files = [name for name in SHIPPED if not (data_folder() / name).is_file()]
    if missing_files:
        raise SystemExit(f"the built app lacks: {', '.join(missing_files)}")
    if sys.platform == "win32" and not frozen_executable("redactie-cli").is_file():
        raise SystemExit("the built app lacks its console entry redactie-cli.exe")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        log = home / "git-calls.log"
        logging = False if real_git else install_logging_git(log)
        try:
            result = run_frozen(["--quit-when-loaded"], home / "smoke")
            if result.returncode != 0:
                raise SystemExit(f"frozen app failed ({result.returncode}):\n{result.stderr[-3000:]}")
            loaded = json.loads([line for line in result.stdout.splitlines() if line.startswith("{")][-1])
            if not loaded.get("documents") or not loaded.get("licence_texts") or not loaded.get("translations"):
                raise SystemExit(f"frozen app misses documents, licence texts or translations: {loaded}")
            report["smoke"] = loaded
            spelled = run_frozen(["spelling", "Een fuot in de tekst"], home / "spelling")
            found = json.loads(([line for line in spelled.stdout.splitlines() if line.startswith("{")] or ["{}"])[-1])
            inside = all(str(path).startswith(str(app_folder())) for path in found.get("dictionaries", {}).values())
            if spelled.returncode != 0 or found.get("misspelled") != ["fuot"] or not found.get("dictionaries") \
                    or not inside:
                raise SystemExit(f"the frozen app's spell check does not work from its own dictionaries: "
                                 f"{spelled.returncode} {found} {spelled.stderr[-2000:]}")
            report["spelling"] = found
            worker = run_frozen(["spell-worker", "--lang", "nl"], home / "spell-worker")  # the editor's speller
            if worker.returncode != 0 or '{"ready": true}' not in worker.stdout:
                raise SystemExit(f"the frozen app's spelling process does not start: {worker.returncode} "
                                 f"{worker.stdout[-500:]} {worker.stderr[-2000:]}")
            report["index_worker"] = check_index_worker(home / "index")
            missing = run_frozen([str(home / "bestaat-niet"), "--quit-when-loaded"], home / "missing")
            if missing.returncode != 2 or "bestaat niet" not in missing.stderr:
                raise SystemExit(f"a missing folder must exit 2 with a message: {missing.returncode} {missing.stderr}")
            if real_git or logging:
                checked = run_frozen(["check-git", str(home / "git-check")], home / "gitcheck")
                if checked.returncode != 0 or "Traceback" in checked.stderr:
                    raise SystemExit(f"check-git failed ({checked.returncode}):\n{checked.stderr[-3000:]}")
                git_report = json.loads(checked.stdout.strip().splitlines()[-1])
                if not git_report.get("bundled") or not str(git_report.get("git", "")).startswith(str(app_folder())):
                    raise SystemExit(f"check-git did not use the bundled git: {git_report}")
                if logging:
                    calls = subcommands(log)
                    if not EXPECTED_GIT_CALLS <= calls:
                        raise SystemExit(f"git calls missing from the bundled git's log: {EXPECTED_GIT_CALLS - calls}")
                    git_report["logged_calls"] = len(log.read_text(encoding="utf-8").splitlines())
                report["check_git"] = git_report
            else:
                print("check-git skipped: no git to wrap on this system")
        finally:
            if logging:
                shutil.rmtree(git_destination())
    return report


def strip_libpython() -> None:
    """Strip libpython's symbols on Linux (PyInstaller copies it unstripped)."""
    if not sys.platform.startswith("linux") or not shutil.which("strip"):
        return
    for lib in (app_folder() / "_internal").glob("libpython3*.so*"):
        subprocess.run(["strip", "--strip-unneeded", str(lib)], check=True)


def make_archive(version: str, stand_in: bytes = b"", folder: Path = DIST) -> Path:
    """The app as one archive named per system; `stand_in` (when no real git is inside) is counted in it."""
    archive = folder / archive_name(version)
    app = app_folder()
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(app.rglob("*")):
                zipped.write(path, path.relative_to(app.parent))
            if stand_in:
                zipped.writestr(f"{app.name}/git-stand-in.bin", stand_in)
        return archive
    with tarfile.open(archive, "w:xz", preset=6) as tar:
        tar.add(app, arcname=app.name)
        if stand_in:
            info = tarfile.TarInfo(f"{app.name}/git-stand-in.bin")
            info.size = len(stand_in)
            tar.addfile(info, io.BytesIO(stand_in))
    return archive


def prepare(version: str, git_platform: str | None) -> None:
    """Icons, licence texts, the version file and (optionally) the pinned git, before PyInstaller runs."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    subprocess.run([sys.executable, str(HERE / "icons.py"), str(BUILD / "icons")], check=True, env=env)
    shutil.rmtree(BUILD / "git", ignore_errors=True)
    if git_platform:
        subprocess.run([sys.executable, str(HERE / "fetch_git.py"), git_platform], check=True)
    shutil.rmtree(BUILD / "licenses", ignore_errors=True)
    subprocess.run([sys.executable, str(HERE / "licences.py"), str(BUILD / "licenses")], check=True)
    BUILD.mkdir(exist_ok=True)
    (BUILD / "VERSION").write_text(version + "\n", encoding="utf-8")


def main() -> None:
    """Build, check and measure."""
    from importlib.metadata import version as installed_version

    parser = argparse.ArgumentParser()
    parser.add_argument("--git", help="also bundle the pinned git for this platform (see fetch_git.py)")
    parser.add_argument("--archive", action="store_true", help="also write the archive and hold its size")
    parser.add_argument("--version", default=os.environ.get("REDACTIE_VERSION") or installed_version("redactie"),
                        help="the version the app reports (the release tag, `v` optional)")
    parser.add_argument("--stand-in-git-mb", type=float, default=STAND_IN_GIT_MB,
                        help="size of git counted in the sizes when no real git is bundled")
    args = parser.parse_args()
    version = args.version.removeprefix("v")
    prepare(version, args.git)
    shutil.rmtree(DIST, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD / "pyinstaller"), str(HERE / "redactie.spec")],
                   check=True, cwd=ROOT)
    real_git = (BUILD / "git").is_dir()
    if real_git:  # after analysis: PyInstaller never sees git's binaries or their libraries
        shutil.copytree(BUILD / "git", git_destination(), symlinks=True)
    strip_libpython()
    report = check_frozen_app(real_git)
    print(f"frozen app ok: {json.dumps(report)}")
    stand_in = b"" if real_git else os.urandom(int(args.stand_in_git_mb * 1e6))
    unpacked = folder_size(app_folder()) + len(stand_in)
    note = "" if real_git else f" (with a {len(stand_in) / 1e6:.0f} MB random-bytes stand-in for git)"
    print(f"unpacked size: {unpacked / 1e6:.1f} MB{note} ({app_folder()})")
    if unpacked > MAX_UNPACKED_MB * 1e6:
        raise SystemExit(f"unpacked size {unpacked / 1e6:.1f} MB is over {MAX_UNPACKED_MB} MB")
    if args.archive:
        archive = make_archive(version)
        if stand_in:  # measured with the stand-in in a separate archive; the app's own archive holds none
            measured = make_archive(version, stand_in, BUILD)
            size = measured.stat().st_size
            measured.unlink()
        else:
            size = archive.stat().st_size
        print(f"compressed size: {size / 1e6:.1f} MB{note} ({archive.name})")
        if size > MAX_COMPRESSED_MB * 1e6:
            raise SystemExit(f"compressed size {size / 1e6:.1f} MB is over {MAX_COMPRESSED_MB} MB")


if __name__ == "__main__":
    main()
