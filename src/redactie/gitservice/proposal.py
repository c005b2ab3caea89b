"""The hosting site's "new pull request" page for a pushed branch, derived from the remote URL."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote, urlencode

GITHUB, GITLAB, GITEA, AZURE = "github", "gitlab", "gitea", "azure"


@dataclass(frozen=True)
class Remote:
    """A remote URL taken apart: host, and the repository path without `.git`."""

    host: str
    path: str

    @property
    def web(self) -> str:
        """The repository's web address."""
        return f"https://{self.host}/{self.path}"


def parse_remote(url: str) -> Remote | None:
    """Understand https, ssh:// and scp-like (`git@host:owner/repo.git`) remote URLs."""
    url = url.strip()
    match = re.match(r"^(?:https?|ssh|git)://(?:[^@/]+@)?(?P<host>[^/:]+)(?::\d+)?/(?P<path>.+?)/?$", url)
    if not match:
        match = re.match(r"^(?:[^@/]+@)?(?P<host>[^/:]+):(?P<path>[^/].*?)/?$", url)
    if not match:
        return None
    path = match.group("path")
    path = path[:-4] if path.endswith(".git") else path
    return Remote(match.group("host").lower(), path)


def hosting_kind(host: str) -> str:
    """Which kind of hosting site a host name is (Gitea/Forgejo for self-hosted sites we do not recognise)."""
    if host == "github.com" or host.endswith(".ghe.com") or host.startswith("github."):
        return GITHUB
    if "gitlab" in host:
        return GITLAB
    if host.endswith("dev.azure.com") or host.endswith("visualstudio.com"):
        return AZURE
    return GITEA


def proposal_url(remote_url: str, branch: str, base: str, kind: str | None = None) -> str | None:
    """The page where the user opens a proposal to merge `branch` into `base`; None for an unusable URL."""
    remote = parse_remote(remote_url)
    if remote is None:
        return None
    kind = kind or hosting_kind(remote.host)
    if kind == GITHUB:
        return f"{remote.web}/compare/{quote(base, safe='/')}...{quote(branch, safe='/')}?expand=1"
    if kind == GITLAB:
        query = urlencode({"merge_request[source_branch]": branch, "merge_request[target_branch]": base})
        return f"{remote.web}/-/merge_requests/new?{query}"
    if kind == AZURE:
        return _azure(remote, branch, base)
    return f"{remote.web}/compare/{quote(base, safe='/')}...{quote(branch, safe='/')}"


def _azure(remote: Remote, branch: str, base: str) -> str | None:
    parts = remote.path.split("/")
    if remote.host == "ssh.dev.azure.com" and len(parts) == 4 and parts[0] == "v3":
        org, project, repo = parts[1:]
        web = f"https://dev.azure.com/{org}/{project}/_git/{repo}"
    elif "_git" in parts:
        web = f"https://{remote.host}/{remote.path}"
    else:
        return None
    query = urlencode({"sourceRef": branch, "targetRef": base})
    return f"{web}/pullrequestcreate?{query}"
