"""Everything that can go wrong with git, explained in plain Dutch and English, with a way forward."""

from __future__ import annotations

import re

from .redact import redact

# code -> (Dutch explanation, English explanation, Dutch way forward, English way forward)
EXPLANATIONS: dict[str, tuple[str, str, str, str]] = {
    "not-a-repository": (
        "Deze map hoort niet bij een git-repository.",
        "This folder is not part of a git repository.",
        "Kies een map met gedeelde documenten, of haal ze op met 'Gedeelde documenten ophalen…' in het menu Bestand.",
        "Choose a folder with shared documents, or get them with 'Get shared documents…' in the File menu."),
    "no-commits": (
        "Deze documenten hebben nog geen enkele opgeslagen versie (commit).",
        "These documents have no saved version (commit) yet.",
        "Leg de huidige bestanden vast als eerste versie.",
        "Record the current files as the first version."),
    "detached-head": (
        "U kijkt naar een oude versie, niet naar een werkversie; nieuwe wijzigingen horen dan bij geen enkele versie.",
        "You are looking at an old version, not a working version; new changes would belong to no version.",
        "Maak een eigen versie van deze stand, of ga terug naar de hoofdversie.",
        "Make a working version from this state, or go back to the main version."),
    "merge-in-progress": (
        "Er is een samenvoeging van twee versies begonnen maar niet afgerond.",
        "Combining two versions was started but not finished.",
        "Los de conflicten op en rond af, of breek de samenvoeging af om terug te gaan naar uw eigen versie.",
        "Resolve the conflicts and finish, or abort to go back to your own version."),
    "rebase-in-progress": (
        "Uw wijzigingen worden bovenop de nieuwste versie gezet, maar dat is niet afgerond.",
        "Your changes are being placed on top of the newest version, but that did not finish.",
        "Los de conflicten op en ga verder, of breek af om terug te gaan naar de toestand van voor het "
        "synchroniseren.",
        "Resolve the conflicts and continue, or abort to go back to how things were before syncing."),
    "conflicts": (
        "Dezelfde plek in een bestand is zowel door u als door een ander gewijzigd.",
        "The same place in a file was changed both by you and by someone else.",
        "Kies per bestand: mijn versie houden, de andere versie nemen, of het bestand als tekst openen.",
        "For each file choose: keep mine, take theirs, or open the file as text."),
    "push-rejected": (
        "Iemand anders heeft intussen wijzigingen gedeeld; die moeten eerst worden opgehaald.",
        "Someone else shared changes in the meantime; those must be fetched first.",
        "Kies 'Synchroniseren' en deel daarna opnieuw. Er wordt nooit iets van een ander overschreven.",
        "Choose 'Synchronise' and share again afterwards. Nothing of anyone else is ever overwritten."),
    "no-remote": (
        "Deze documenten zijn niet gekoppeld aan een gedeelde plek (remote).",
        "These documents are not linked to a shared place (remote).",
        "Uw wijzigingen blijven op deze computer. Vraag de beheerder om het adres van de gedeelde plek.",
        "Your changes stay on this computer. Ask the maintainer for the address of the shared place."),
    "no-upstream": (
        "Deze versie bestaat nog niet op de gedeelde plek.",
        "This version does not exist in the shared place yet.",
        "Kies 'Delen' om deze versie voor het eerst te delen.",
        "Choose 'Share' to share this version for the first time."),
    "network": (
        "De gedeelde plek is niet bereikbaar; misschien is er geen internetverbinding.",
        "The shared place cannot be reached; perhaps there is no internet connection.",
        "Uw werk blijft bewaard op deze computer. Probeer het later opnieuw.",
        "Your work is kept on this computer. Try again later."),
    "authentication": (
        "Aanmelden bij de gedeelde plek is mislukt.",
        "Signing in to the shared place failed.",
        "Controleer of u toegang hebt en meld u opnieuw aan via het aanmeldvenster van uw organisatie.",
        "Check that you have access and sign in again through your organisation's sign-in window."),
    "git-missing": (
        "Git is niet gevonden op deze computer.",
        "Git was not found on this computer.",
        "Installeer Redactie opnieuw (git zit erin) of vraag uw beheerder om git te installeren.",
        "Reinstall Redactie (it includes git) or ask your administrator to install git."),
    "git-too-old": (
        "De git op deze computer is te oud (versie %1; nodig is 2.25 of nieuwer).",
        "The git on this computer is too old (version %1; 2.25 or newer is needed).",
        "Installeer Redactie opnieuw (git zit erin) of vraag uw beheerder om git bij te werken.",
        "Reinstall Redactie (it includes git) or ask your administrator to update git."),
    "index-locked": (
        "Een ander programma is met deze repository bezig, of is daarmee gestopt zonder op te ruimen.",
        "Another program is working with this repository, or stopped without cleaning up.",
        "Sluit andere git-programma's en probeer opnieuw. Werkt er zeker geen ander programma meer mee, "
        "verwijder dan de vergrendeling.",
        "Close other git programs and try again. If no other program is working with it, remove the lock."),
    "changed-during-review": (
        "Een bestand is door een ander programma gewijzigd terwijl u de wijzigingen bekeek: %1",
        "A file was changed by another program while you were reviewing: %1",
        "Bekijk de wijzigingen opnieuw; er is niets vastgelegd.",
        "Review the changes again; nothing was committed."),
    "nothing-to-commit": (
        "Er is niets gekozen om vast te leggen.",
        "Nothing was chosen to commit.",
        "Vink ten minste één bestand aan.",
        "Tick at least one file."),
    "empty-message": (
        "Een beschrijving van de wijziging is verplicht.",
        "A description of the change is required.",
        "Beschrijf in een paar woorden wat u hebt veranderd.",
        "Describe in a few words what you changed."),
    "author-missing": (
        "Uw naam en e-mailadres zijn nog niet bekend; die worden bij elke vastlegging bewaard.",
        "Your name and e-mail address are not known yet; they are recorded with every commit.",
        "Vul uw naam en e-mailadres in.",
        "Fill in your name and e-mail address."),
    "branch-exists": (
        "Er bestaat al een versie met de naam %1.",
        "A version named %1 already exists.",
        "Kies een andere naam.",
        "Choose another name."),
    "bad-branch-name": (
        "%1 kan niet als naam van een versie worden gebruikt.",
        "%1 cannot be used as the name of a version.",
        "Gebruik letters, cijfers en streepjes.",
        "Use letters, digits and dashes."),
    "uncommitted-changes": (
        "Er zijn wijzigingen die nog niet zijn vastgelegd; daardoor kan dit nu niet.",
        "There are changes that have not been committed; that prevents this for now.",
        "Leg uw wijzigingen eerst vast (of zet ze terug) en probeer het opnieuw.",
        "Commit (or revert) your changes first and try again."),
    "destination-exists": (
        "De gekozen map bestaat al en is niet leeg: %1",
        "The chosen folder already exists and is not empty: %1",
        "Kies een lege of nieuwe map.",
        "Choose an empty or new folder."),
    "cancelled": (
        "Afgebroken; er is niets achtergelaten.",
        "Cancelled; nothing was left behind.",
        "",
        ""),
    "unknown-hosting": (
        "Voor deze gedeelde plek is niet bekend hoe een voorstel wordt ingediend.",
        "It is not known how to submit a proposal for this shared place.",
        "Uw versie is gedeeld; vraag de beheerder om haar over te nemen.",
        "Your version was shared; ask the maintainer to take it over."),
    "git-failed": (
        "Git kon deze handeling niet uitvoeren.",
        "Git could not carry out this action.",
        "Probeer het opnieuw; blijft het misgaan, geef de details dan aan uw beheerder.",
        "Try again; if it keeps failing, give the details to your administrator."),
}


class GitProblem(Exception):
    """A git failure the user can understand: a stable code, an explanation and a way forward."""

    def __init__(self, code: str, detail: str = "", files: list[str] | None = None, argument: str = "") -> None:
        detail, argument = redact(detail), redact(argument)  # never a token in a message
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.files = files or []
        self.argument = argument

    def explanation(self, language: str) -> str:
        """What happened, in the user's language."""
        nl, en, _, _ = EXPLANATIONS[self.code]
        return (en if language == "en" else nl).replace("%1", self.argument)

    def way_forward(self, language: str) -> str:
        """What the user can do now."""
        _, _, nl, en = EXPLANATIONS[self.code]
        return (en if language == "en" else nl).replace("%1", self.argument)

    def localized(self, language: str) -> str:
        """Explanation and way forward in one message."""
        return " ".join(part for part in (self.explanation(language), self.way_forward(language)) if part)


_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("index-locked", re.compile(r"index\.lock': File exists|Unable to create '.*\.lock'", re.I)),
    ("authentication", re.compile(r"Authentication failed|could not read Username|terminal prompts disabled|"
                                  r"Permission denied \(publickey|HTTP Basic: Access denied|403|401", re.I)),
    ("network", re.compile(r"Could not resolve host|unable to access|Connection refused|Connection timed out|"
                           r"Network is unreachable|Failed to connect|Could not read from remote repository|"
                           r"does not appear to be a git repository|unable to look up", re.I)),
    ("push-rejected", re.compile(r"\[rejected\]|non-fast-forward|fetch first|failed to push some refs", re.I)),
    ("uncommitted-changes", re.compile(r"would be overwritten|Please commit your changes or stash them|"
                                       r"cannot (pull|rebase) with rebase: You have unstaged changes|"
                                       r"Your local changes", re.I)),
    ("conflicts", re.compile(r"CONFLICT|could not apply|Merge conflict", re.I)),
    # git's own refusal when no name or e-mail address is configured (`user.useConfigOnly`)
    ("author-missing", re.compile(r"Please tell me who you are|auto-detection is disabled|empty ident name", re.I)),
]


def classify(stderr: str) -> str:
    """The problem code for a git error message (`git-failed` when none fits)."""
    for code, pattern in _PATTERNS:
        if pattern.search(stderr):
            return code
    return "git-failed"
