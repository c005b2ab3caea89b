"""The spelling process: the dictionary lives outside the editor's process, which only asks it questions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from redactie.gui.section_edit import SectionEdit
from redactie.spelling import REPOSITORY_LIST, DictionaryMissing
from redactie.spelling.worker import RemoteSpeller, worker_command

from .test_spelling_gui import underlined

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture
def remote(content_repo: Path, isolated_home: Path) -> RemoteSpeller:
    for n in range(3):
        (content_repo / "docs" / f"extra{n}.md").write_text("## Toelichting\n\nHet Octobox.\n", encoding="utf-8")
    speller = RemoteSpeller("nl", content_repo, user_list=isolated_home / "eigen.txt").start()
    yield speller
    speller.close()


def test_the_editor_process_never_loads_the_dictionary(content_repo: Path, isolated_home: Path) -> None:
    """hunspell holds the interpreter lock while it loads and answers: it must not be in the editor's process."""
    script = textwrap.dedent(f"""
        import sys
        from redactie.spelling.worker import RemoteSpeller
        speller = RemoteSpeller("nl", {str(content_repo)!r}).start()
        print(speller.misspelled("Een fuot in de tekst"), "hunspell" in sys.modules)
        speller.close()
    """)
    env = {**os.environ, "PYTHONPATH": str(SRC), "REDACTIE_HOME": str(isolated_home)}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120)
    assert out.stdout.split() == ["[(4,", "4)]", "False"], out.stderr


def test_it_knows_dutch_the_repository_words_and_suggests(remote: RemoteSpeller) -> None:
    assert remote.alive
    assert remote.misspelled("Het Octobox.") == [] and remote.misspelled("Het Octobx.") == [(4, 6)]
    assert remote.check("```", 0)[1] != 0  # the prose state (a code fence opened) comes back too
    assert remote.suggestions("verseisten")[0] == "vereisten"


def test_a_run_of_lines_is_answered_as_line_by_line_and_kept(remote: RemoteSpeller, monkeypatch) -> None:  # noqa: ANN001
    """The background asks a section's lines in runs (few round trips); the answers equal asking each line, the
    states carried from line to line (a code fence), and the highlighter then asks the process nothing."""
    from redactie.spelling import worker

    monkeypatch.setattr(worker, "RUN_LINES", 3)  # runs shorter than the section: the state crosses a run's end
    lines = ["Een fuot hier.", "```", "fuot in code", "```", "", "Weer een fuot.", "Goed zo.", "```python", "x fuot"]
    expected, state = [], 0
    asked = RemoteSpeller(remote.language, remote.root, user_list=remote.user_list).start()
    try:
        for line in lines:
            spans, state = asked.check(line, state)
            expected.append(spans)
    finally:
        asked.close()
    assert remote.check_run(lines, 0) == state != 0
    requests = []
    monkeypatch.setattr(remote, "_ask", lambda request: requests.append(request))
    assert [remote.check(line, s)[0] for line, s in zip(lines, _states(remote, lines), strict=True)] == expected
    assert requests == []  # every answer was kept
    assert expected[0] == [(4, 4)] and expected[2] == []  # not a test of nothing: prose and code differ


def _states(speller: RemoteSpeller, lines: list[str]) -> list[int]:
    states, state = [], 0
    for line in lines:
        states.append(state)
        state = speller.check(line, state)[1]
    return states


def test_accepted_words_reach_the_process_and_the_files(qtbot, remote: RemoteSpeller, content_repo: Path,  # noqa: ANN001
                                                         isolated_home: Path) -> None:
    edit = SectionEdit()
    qtbot.addWidget(edit)
    edit.set_speller(remote)
    edit.setPlainText("Het Zwurpel en Blorptang en Quaxel.")
    assert underlined(edit) == ["Zwurpel", "Blorptang", "Quaxel"]
    edit.accept_word("Zwurpel", "repository")
    edit.accept_word("Blorptang", "user")
    edit.accept_word("Quaxel", "session")
    assert underlined(edit) == []
    assert (content_repo / REPOSITORY_LIST).read_text(encoding="utf-8") == "Zwurpel\n"
    assert (isolated_home / "eigen.txt").read_text(encoding="utf-8") == "Blorptang\n"


def test_a_dead_process_turns_spelling_off_without_an_error(remote: RemoteSpeller) -> None:
    process = remote._process  # noqa: SLF001 - the test kills the child as a crash would
    assert process is not None
    process.kill()
    process.wait()
    assert remote.misspelled("Een fuot die niemand meer ziet") == []
    assert remote.suggestions("fuot") == []
    assert not remote.alive and remote._process is None  # noqa: SLF001 - reaped, not left a zombie


def test_closing_ends_the_process_at_once(remote: RemoteSpeller) -> None:
    process = remote._process  # noqa: SLF001
    remote.close()
    assert process is not None and process.returncode is not None
    assert remote.misspelled("Een fuot") == []


def test_the_process_leaves_when_its_input_closes_even_while_learning(content_repo: Path, isolated_home: Path) -> None:
    """The editor's process may end without a word (a crash, os._exit): the closed pipe ends the child too."""
    program, env = worker_command("nl", content_repo, isolated_home / "eigen.txt")
    child = subprocess.Popen(program, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(json.dumps({"op": "check", "line": "Een fuot", "state": 0}).encode() + b"\n")
    child.stdin.close()
    answers = [json.loads(line) for line in child.stdout]
    assert child.wait(60) == 0
    assert answers == [{"ready": True}, {"spans": [[4, 4]], "state": 0}]


def test_a_missing_dictionary_is_reported_as_such(isolated_home: Path) -> None:
    with pytest.raises(DictionaryMissing) as caught:
        RemoteSpeller("xx", None, user_list=isolated_home / "eigen.txt").start()
    assert "xx" in caught.value.localized("en")


def test_a_cancelled_start_ends_the_process(content_repo: Path, isolated_home: Path) -> None:
    speller = RemoteSpeller("nl", content_repo, user_list=isolated_home / "eigen.txt").start(lambda: True)
    assert not speller.alive and speller._process is None  # noqa: SLF001


def test_the_session_state_leaves_the_collectors_full_passes_after_validation(qtbot, content_repo: Path,  # noqa: ANN001
                                                                               isolated_home: Path) -> None:
    """A full collection walks every object alive holding the interpreter lock (75-140 ms at 10k documents):
    the index and list built before the background validation are frozen out of those passes."""
    import gc

    from redactie.gui.main_window import MainWindow

    gc.unfreeze()
    window = MainWindow("nl")
    qtbot.addWidget(window)
    assert window.load_repository(content_repo)
    qtbot.waitUntil(lambda: window.documents.ready, timeout=20000)
    alive = window.repo.index if hasattr(window.repo, "index") else window.repo
    found: list[object] = []
    window.monitor.validated.connect(found.append)
    window.monitor.validate()
    qtbot.waitUntil(lambda: bool(found), timeout=20000)
    assert gc.get_freeze_count() > 0
    assert not any(obj is alive for obj in gc.get_objects())  # frozen objects are not in any generation
    window.runner.wait()
    window.close()
    gc.unfreeze()


def test_what_is_alive_is_frozen_once_per_repository_not_at_every_validation(qtbot, content_repo: Path,  # noqa: ANN001
                                                                             isolated_home: Path) -> None:
    """Each freeze keeps the cyclic garbage of that moment for good: validations after the first freeze nothing."""
    import gc

    from redactie.gui.main_window import MainWindow

    gc.unfreeze()
    window = MainWindow("nl")
    qtbot.addWidget(window)
    assert window.load_repository(content_repo)
    qtbot.waitUntil(lambda: window.documents.ready, timeout=20000)
    found: list[object] = []
    window.monitor.validated.connect(found.append)
    window.monitor.validate()
    qtbot.waitUntil(lambda: bool(found), timeout=20000)
    gc.unfreeze()
    window.monitor.validate()  # a later validation (after a save, files changed): nothing is frozen again
    qtbot.waitUntil(lambda: len(found) == 2, timeout=20000)
    assert gc.get_freeze_count() == 0
    window.runner.wait()
    window.close()
    gc.unfreeze()
