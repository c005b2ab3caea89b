"""The daily update check: only when allowed, at most once a day, and only a newer version is reported."""

from __future__ import annotations

import http.server
import json
import threading

from PySide6.QtCore import QSettings

from redactie.gui.about import UPDATES_KEY
from redactie.gui.tasks import TaskRunner
from redactie.gui.update_check import LAST_KEY, check_for_update
from redactie.updates import DAY, due, latest_version, newer


class _Feed(http.server.BaseHTTPRequestHandler):
    tag = "v99.0.0"
    requests = 0

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        type(self).requests += 1
        body = json.dumps({"tag_name": self.tag, "html_url": "https://example.org/releases/v99"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_versions_and_the_daily_rhythm() -> None:
    assert newer("v1.2.0", "1.1.9") and not newer("v1.2.0", "1.2.0") and not newer("garbage", "1.0")
    assert newer("v0.2.0", "0.1.0+source")
    assert due(None) and due(0.0, DAY + 1) and not due(1000.0, 1000.0 + DAY - 1)


def test_offline_is_quiet() -> None:
    assert latest_version("http://127.0.0.1:9/releases/latest", timeout=2) is None


def test_check_runs_once_a_day_and_reports_a_newer_version(qtbot, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.delenv("REDACTIE_NO_UPDATE_CHECK")
    server = http.server.HTTPServer(("127.0.0.1", 0), _Feed)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/releases/latest"
    settings = QSettings("Redactie", "Redactie")
    settings.remove(LAST_KEY)
    settings.setValue(UPDATES_KEY, True)
    runner = TaskRunner()
    found: list[tuple[str, str]] = []
    try:
        assert check_for_update(runner, lambda v, p: found.append((v, p)), url)
        qtbot.waitUntil(lambda: bool(found))
        assert found == [("v99.0.0", "https://example.org/releases/v99")]
        assert not check_for_update(runner, lambda v, p: found.append((v, p)), url)  # not again today
        settings.remove(LAST_KEY)
        settings.setValue(UPDATES_KEY, False)
        assert not check_for_update(runner, lambda v, p: found.append((v, p)), url)  # the user said no
        assert _Feed.requests == 1
    finally:
        settings.remove(LAST_KEY)
        settings.remove(UPDATES_KEY)
        runner.wait()
        server.shutdown()


def test_the_update_check_trusts_certifis_bundle_as_well() -> None:
    import certifi

    from redactie.updates import tls_context

    context = tls_context()
    assert context.verify_mode.name == "CERT_REQUIRED" and context.check_hostname
    assert context.cert_store_stats()["x509_ca"] >= 100 and certifi.where()
