"""The sources registry (CONTRACT §4): load and validate a YAML list of sources."""

import re
from pathlib import Path

from rightsjobs.errors import InputError
from rightsjobs.yamlfile import load_yaml
from spiders.platforms import SPIDERS

BUNDLED_REGISTRY = Path(__file__).resolve().parent / "sources.yaml"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KEYS = {"id", "organization", "platform", "url", "enabled", "verified", "notes"}


def platforms() -> tuple[str, ...]:
    """The platform names a registry may use (one generic spider each)."""
    return tuple(sorted(SPIDERS))


def validate_source(entry: object, where: str, known: tuple[str, ...]) -> dict:
    """Check one registry entry; returns it with defaults filled."""
    if not isinstance(entry, dict):
        raise InputError("each source must be a mapping", where=where)
    sid = entry.get("id")
    if not isinstance(sid, str) or not ID_RE.match(sid):
        raise InputError(f"id must match [a-z0-9-], got {sid!r}", where=f"{where}: id")
    where = f"{where} ({sid})"
    unknown = sorted(set(entry) - KEYS)
    if unknown:
        raise InputError(f"unknown key {unknown[0]!r}", where=where)
    if entry.get("platform") not in known:
        raise InputError(
            f"unknown platform {entry.get('platform')!r} (one of: {', '.join(known)})",
            where=f"{where}: platform",
        )
    url = entry.get("url")
    if not isinstance(url, str) or not re.match(r"^https?://[^\s/]+", url):
        raise InputError(f"must be an http(s) URL, got {url!r}", where=f"{where}: url")
    if not isinstance(entry.get("enabled", True), bool):
        raise InputError("must be true or false", where=f"{where}: enabled")
    org = entry.get("organization")
    if org is not None and not isinstance(org, str):
        raise InputError("must be text", where=f"{where}: organization")
    return {"enabled": True, "organization": None, "verified": None, **entry}


def check_registry(path: str | Path) -> tuple[list[dict], list[InputError]]:
    """Every valid source of a registry, and one error per bad entry (ids and URLs unique)."""
    data = load_yaml(path)
    if not isinstance(data, list):
        raise InputError("a registry is a YAML list of sources", where=str(path))
    known = platforms()
    sources: list[dict] = []
    errors: list[InputError] = []
    ids: dict[str, int] = {}
    urls: dict[str, str] = {}
    for number, entry in enumerate(data, 1):
        where = f"{path}: source {number}"
        try:
            source = validate_source(entry, where, known)
            if source["id"] in ids:
                raise InputError(
                    f"duplicate id {source['id']!r} (also source {ids[source['id']]})", where=where
                )
            if source["url"] in urls:
                raise InputError(
                    f"same url as source {urls[source['url']]!r}", where=f"{where}: url"
                )
        except InputError as exc:
            errors.append(exc)
            continue
        ids[source["id"]] = number
        urls[source["url"]] = source["id"]
        sources.append(source)
    return sources, errors


def load_registry(path: str | Path) -> list[dict]:
    """Load and validate a sources registry; errors name the file, entry and key."""
    sources, errors = check_registry(path)
    if errors:
        more = f" (and {len(errors) - 1} more: see `rightsjobs sources check`)" * (len(errors) > 1)
        raise InputError(f"{errors[0]}{more}")
    return sources


def select(sources: list[dict], ids: tuple[str, ...] | list[str]) -> list[dict]:
    """The enabled sources, or exactly the named ones (enabled or not)."""
    if not ids:
        return [s for s in sources if s["enabled"]]
    by_id = {s["id"]: s for s in sources}
    missing = [i for i in ids if i not in by_id]
    if missing:
        raise InputError(f"unknown source {missing[0]!r}", where="crawl")
    return [by_id[i] for i in ids]
