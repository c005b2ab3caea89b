"""A validation finding and the texts of every finding code."""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING, INFO = "error", "warning", "info"

# code -> (severity, Dutch template, English template)
MESSAGES: dict[str, tuple[str, str, str]] = {
    "front-matter": (ERROR, "{detail}", "{detail}"),
    "encoding": (ERROR, "{detail}", "{detail}"),
    "unreadable": (ERROR, "{detail}", "{detail}"),
    "trailing-tab": (ERROR, "Regel {line} eindigt met een tab; de website kan de metadata dan niet lezen",
                     "Line {line} ends in a tab; the website cannot read the front matter then"),
    "duplicate-key": (WARNING,
                      "Het veld '{field}' staat er {count} keer in (regels {lines}); alleen de laatste telt",
                      "The field '{field}' occurs {count} times (lines {lines}); only the last one counts"),
    "required": (ERROR, "'{label}' is verplicht maar ontbreekt of is leeg",
                 "'{label}' is required but missing or empty"),
    "vocabulary": (ERROR, "'{value}' is geen toegestane waarde voor '{label}'{hint}",
                   "'{value}' is not an allowed value for '{label}'{hint}"),
    "too-many-values": (ERROR, "'{label}' mag maar één waarde hebben", "'{label}' takes only one value"),
    "id-pattern": (ERROR, "De code '{value}' heeft niet de vaste vorm{example}",
                   "The code '{value}' does not have the required form{example}"),
    "id-duplicate": (ERROR, "De code '{value}' wordt ook gebruikt in {other}",
                     "The code '{value}' is also used in {other}"),
    "file-prefix": (ERROR,
                    "De bestandsnaam moet beginnen met de code '{prefix}' en een streepje (eventueel na een getal "
                    "en een streepje, zoals {example})",
                    "The file name must start with the code '{prefix}' and a dash (optionally after a number and a "
                    "dash, as in {example})"),
    "title-full-stop": (WARNING, "De titel eindigt met een punt; titels hebben geen punt aan het eind",
                        "The title ends with a full stop; titles have no full stop at the end"),
    "word-limit": (WARNING, "'{label}' heeft {count} woorden; het maximum is {limit}",
                   "'{label}' has {count} words; the limit is {limit}"),
    "empty-item": (WARNING, "'{label}' bevat een leeg lijstitem", "'{label}' contains an empty list item"),
    "relation-missing": (ERROR, "'{value}' in '{label}' verwijst naar een document dat niet bestaat",
                         "'{value}' in '{label}' refers to a document that does not exist"),
    "bad-url": (WARNING, "De link '{value}' in Bronnen is geen geldig webadres",
                "The link '{value}' in Bronnen is not a well-formed URL"),
    "unknown-field": (INFO, "Het veld '{field}' is onbekend in het schema; het blijft ongewijzigd bewaard",
                      "The field '{field}' is not in the schema; it is kept as it is"),
    "yaml-boolean": (ERROR, "'{value}' in '{label}' leest de website als {boolean}, niet als tekst; kies een "
                     "waarde uit de lijst", "The website reads '{value}' in '{label}' as {boolean}, not as text; "
                     "choose a value from the list"),
    "expression-name": (ERROR, "'{value}' in de uitdrukking bij '{label}' is geen bekende waarde{hint}",
                        "'{value}' in the expression in '{label}' is not a known value{hint}"),
    "broken-link": (WARNING, "De link '{value}' verwijst naar een document dat niet bestaat",
                    "The link '{value}' refers to a document that does not exist"),
    "wrong-shape": (ERROR, "'{label}' heeft een vorm die niet past (verwacht: {expected})",
                    "'{label}' has a shape that does not fit (expected: {expected})"),
}


@dataclass(frozen=True)
class Finding:
    """One validation finding; `line` is 1-based, `field` the front-matter key or ''."""

    path: str
    line: int
    field: str
    severity: str
    code: str
    message_nl: str
    message_en: str
    suggestion: str | None = None

    def message(self, language: str = "nl") -> str:
        """The message in `language`."""
        return self.message_nl if language.startswith("nl") else self.message_en

    def as_json(self, language: str = "nl") -> dict[str, object]:
        """The documented JSON object of this finding."""
        return {"path": self.path, "line": self.line, "field": self.field, "severity": self.severity,
                "code": self.code, "message": self.message(language)}


def finding(path: str, line: int, field: str, code: str, suggestion: str | None = None, **params: object) -> Finding:
    """Make a finding of `code`, filling its messages with `params`."""
    severity, nl, en = MESSAGES[code]
    params.setdefault("field", field)
    nl_params = {k: (v[0] if isinstance(v, tuple) else v) for k, v in params.items()}
    en_params = {k: (v[1] if isinstance(v, tuple) else v) for k, v in params.items()}
    return Finding(path, line, field, severity, code, _sentence(nl.format(**nl_params)),
                   _sentence(en.format(**en_params)), suggestion)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]
