"""Installing Qt translators: the app's own and Qt's (`qtbase_`), Dutch by default."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources import resource

_installed: list[QTranslator] = []


def install(app: QCoreApplication, language: str) -> str:
    """Install translators for `language` ("nl" or "en"); returns the language in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Dutch if language == "nl" else QLocale.Language.English))
    # The source strings are Dutch; English comes from redactie_en.qm. Qt's own dialogs need qtbase_nl.
    if language == "nl":
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(QLocale(QLocale.Language.Dutch), "qtbase", "_", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
        plurals = QTranslator(app)  # only the Dutch forms of "%n ..." strings: "1 versie", "2 versies"
        if plurals.load(str(resource("i18n", "redactie_nl.qm"))):
            app.installTranslator(plurals)
            _installed.append(plurals)
    else:
        own = QTranslator(app)
        if own.load(str(resource("i18n", "redactie_en.qm"))):
            app.installTranslator(own)
            _installed.append(own)
    return language
