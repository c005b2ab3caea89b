"""Spell checking that knows Dutch and the catalogue (Qt-free): hunspell with OpenTaal, plus the repository's words."""

from __future__ import annotations

from .dictionaries import DictionaryMissing
from .speller import Speller, user_list_path
from .wordlists import REPOSITORY_LIST

__all__ = ["REPOSITORY_LIST", "DictionaryMissing", "Speller", "user_list_path"]
