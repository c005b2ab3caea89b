"""The repository's git state in the window: the status-bar text and a bar explaining any hard state."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QBoxLayout, QLabel, QWidget

from ..gitservice.problems import GitProblem
from .banner import Banner
from .monitor import Snapshot

if TYPE_CHECKING:
    from .sharing import SharingController

HARD_STATES = ("index-locked", "no-commits", "detached-head", "rebase-in-progress", "merge-in-progress", "conflicts")


class GitStatus(QObject):
    """Shows the branch and sync state; explains hard states with buttons for the way forward."""

    def __init__(self, sharing: SharingController, banner_area: QBoxLayout, window: QWidget,
                 show_review: Callable[[], None], show_conflicts: Callable[[list[str]], None]) -> None:
        super().__init__(window)
        self.sharing, self.banner_area, self.window = sharing, banner_area, window
        self.show_review, self.show_conflicts = show_review, show_conflicts
        self.label = QLabel(window)
        self.label.setAccessibleName(self.tr("Versie en synchronisatie"))

    @property
    def language(self) -> str:
        """The interface language."""
        return self.sharing.language

    def show(self, snapshot: Snapshot) -> None:
        """Show what a refresh of the repository found."""
        state = snapshot.state
        if state is None:
            problem = snapshot.problem
            self.label.setText(self.tr("Geen versiebeheer") if problem else "")
            self.label.setToolTip(problem.localized(self.language) if problem else "")
            return
        parts = [self.tr("Versie: %1").replace("%1", state.branch or self.tr("losse versie"))]
        if state.ahead:
            parts.append(self.tr("%1 nog te delen").replace("%1", str(state.ahead)))
        if state.behind:
            parts.append(self.tr("%1 nieuw bij anderen").replace("%1", str(state.behind)))
        if state.remote_url is None:
            parts.append(self.tr("alleen op deze computer"))
        self.label.setText(" · ".join(parts))
        self.label.setToolTip(state.remote_url or GitProblem("no-remote").localized(self.language))
        self._banner([p for p in state.problems if p in HARD_STATES], state.conflicts)

    def _actions(self, code: str, conflicts: list[str]) -> list[tuple[str, str, Callable[[], object]]]:
        sharing = self.sharing
        if code == "index-locked":
            return [(self.tr("Vergrendeling verwijderen"),
                     self.tr("Alleen doen als geen ander git-programma meer bezig is"), sharing.remove_lock),
                    (self.tr("Opnieuw kijken"), self.tr("Controleer opnieuw"), sharing.monitor.refresh)]
        if code == "no-commits":
            return [(self.tr("Eerste versie vastleggen"), self.tr("Bekijk de bestanden en leg ze vast"),
                     self.show_review)]
        if code == "detached-head":
            return [(self.tr("Eigen versie maken"), self.tr("Maak een werkversie van deze stand"),
                     sharing.new_branch),
                    (self.tr("Terug naar de hoofdversie"), self.tr("Wissel naar main"),
                     lambda: sharing.switch_branch("main"))]
        if code in ("rebase-in-progress", "merge-in-progress") and not conflicts:
            # Every conflict is resolved: what is left is finishing (or abandoning) the sync.
            return [(self.tr("Afronden"), self.tr("Rond het synchroniseren af nu alle conflicten zijn opgelost"),
                     sharing.finish_operation),
                    (self.tr("Afbreken"), self.tr("Terug naar de toestand van voor het synchroniseren"),
                     sharing.abort_operation)]
        return [(self.tr("Conflicten oplossen"), self.tr("Kies per bestand welke versie blijft"),
                 lambda: self.show_conflicts(conflicts)),
                (self.tr("Afbreken"), self.tr("Terug naar de toestand van voor het synchroniseren"),
                 sharing.abort_operation)]

    def _banner(self, problems: list[str], conflicts: list[str]) -> None:
        old = self.banner()
        if old is not None:
            self.banner_area.removeWidget(old)
            old.close_banner()
        if problems:
            code = problems[0]
            banner = Banner("git-state-banner", GitProblem(code).localized(self.language),
                            self._actions(code, conflicts), self.window, keep_open=True)
            self.banner_area.insertWidget(0, banner)

    def banner(self) -> Banner | None:
        """The bar explaining a hard git state, if one is shown."""
        for banner in self.window.findChildren(Banner, "git-state-banner"):
            if not banner.closed:
                return banner
        return None
