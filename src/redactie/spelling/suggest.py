"""Corrections ranked for Dutch: accents and ij/y first, then one slip of the finger, then the engine's ideas."""

from __future__ import annotations

from collections.abc import Callable

LETTERS = "abcdefghijklmnopqrstuvwxyzéëèïöüóáêçàäô'"
ACCENTS = {"e": "éëè", "i": "ïí", "o": "öó", "u": "üú", "a": "áä"}


def accent_variants(word: str) -> list[str]:
    """The word with a vowel given or rid of a diacritic (`geind` → `geïnd`, `eén` → `één`, `een`), ij/y swapped."""
    found: list[str] = []
    for i, char in enumerate(word):
        for accented in ACCENTS.get(char, ""):
            one = word[:i] + accented + word[i + 1:]
            found.append(one)
            if char == "e" and i + 1 < len(word) and word[i + 1] == "e":
                found.append(word[:i] + accented * 2 + word[i + 2:])
    plain = {accented: char for char, accents in ACCENTS.items() for accented in accents}
    found += [word[:i] + plain[char] + word[i + 1:] for i, char in enumerate(word) if char in plain]
    for i in range(len(word)):
        if word[i] == "y":
            found.append(word[:i] + "ij" + word[i + 1:])
        elif word[i:i + 2] == "ij":
            found.append(word[:i] + "y" + word[i + 2:])
    return found


_CLASH = {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ij", "oe", "oi", "oo", "ou", "ui", "uu"}


def compound_forms(word: str, known: Callable[[str], bool]) -> list[str]:
    """A compound written as one word that Dutch writes with a hyphen: after an acronym (`AIsysteem` →
    `AI-systeem`) or where two vowels would be read as one (`politieeenheid` → `politie-eenheid`)."""
    found = []
    caps = len(word) - len(word.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    if 2 <= caps < len(word) - 2 and known(word[caps:]):
        found.append(word[:caps] + "-" + word[caps:])
    for i in range(2, len(word) - 2):
        head, tail = word[:i], word[i:]
        if (head[-1] + tail[0]).lower() in _CLASH and known(head) and known(tail):
            found.append(f"{head}-{tail}")
    return found


def one_slip(word: str) -> list[str]:
    """Every word one swap, drop or extra letter away (the commonest typing slips), likeliest kinds first."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1 and b[0] != b[1]]
    extras = [a + b[1:] for a, b in splits if b]  # the typo added a letter: drop one
    missing = [a + c + b for a, b in splits for c in LETTERS]  # the typo dropped a letter: add one
    return swaps + extras + missing


def near_forms(word: str) -> list[str]:
    """The likeliest one-slip neighbours only (a swap, an extra letter, a dropped vowel, common consonant,
    linking s or n, or one of a double letter): cheap enough to ask the dictionary about while checking."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1 and b[0] != b[1]]
    extras = [a + b[1:] for a, b in splits if b]
    missing = [a + c + b for a, b in splits for c in {*"aeiousnrtdl", *a[-1:], *b[:1]}]
    return list(dict.fromkeys(swaps + extras + missing))


def wrong_letter(word: str) -> list[str]:
    """Every word one wrong letter away."""
    return [word[:i] + c + word[i + 1:] for i in range(len(word)) for c in LETTERS if c != word[i]]


def _with_case(original: str, candidate: str) -> str:
    if original.isupper() and len(original) > 1:
        return candidate.upper()
    if original[:1].isupper() and candidate[:1].islower():
        return candidate[:1].upper() + candidate[1:]
    return candidate


def rank(word: str, known: Callable[[str], bool], loosely_known: Callable[[str], bool],
         frequency: Callable[[str], int], engine: Callable[[str], list[str]], limit: int = 6) -> list[str]:
    """Suggestions for an unknown word: diacritics, ij/y and hyphenation, then one slip (most used in the
    repository first), then the engine's own suggestions, in the word's own capitalisation. Only words `known`
    (dictionary or catalogue) are offered; `loosely_known` ones (a compound with a catalogue head) only when
    nothing else is one slip away."""
    lower = word.lower()
    ordered: list[str] = []
    seen = {lower}

    def take(candidates: list[str]) -> None:
        for candidate in candidates:
            if candidate not in seen:
                seen.add(candidate)
                ordered.append(candidate)

    take([c for c in accent_variants(lower) if known(c)])
    take(compound_forms(word, known))
    for kind, test in ((one_slip, known), (wrong_letter, known), (one_slip, loosely_known)):
        slips = [c for c in dict.fromkeys(kind(lower)) if c and c not in seen and test(c)]
        take(sorted(slips, key=lambda c: -frequency(c)))  # stable: the likelier kind of slip first on a tie
        if ordered:
            break
    if not ordered:
        take(list(engine(word)))
    return [_with_case(word, c) for c in ordered[:limit]]
