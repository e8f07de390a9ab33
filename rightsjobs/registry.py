"""The sources registry (CONTRACT §4): load and validate a YAML list of sources."""

import re
from pathlib import Path

import yaml

from rightsjobs.errors import InputError

BUNDLED_REGISTRY = Path(__file__).resolve().parent.parent / "spiders" / "sources.yaml"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
KEYS = {"id", "organization", "platform", "url", "enabled", "verified", "notes"}


def platforms() -> tuple[str, ...]:
    """The platform names a registry may use (one generic spider each)."""
    from spiders.platforms import SPIDERS

    return tuple(sorted(SPIDERS))


def load_yaml(path: str | Path) -> object:
    """Parse a YAML file, turning every failure into a one-line InputError."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", where=str(path))
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(f"invalid YAML ({problem})", where=where) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", where=str(path)) from None
    except RecursionError:
        raise InputError("invalid YAML (nested too deeply)", where=str(path)) from None


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


def load_registry(path: str | Path) -> list[dict]:
    """Load and validate a sources registry; errors name the file, entry and key."""
    data = load_yaml(path)
    if not isinstance(data, list):
        raise InputError("a registry is a YAML list of sources", where=str(path))
    known = platforms()
    sources, seen = [], set()
    for number, entry in enumerate(data, 1):
        source = validate_source(entry, f"{path}: source {number}", known)
        if source["id"] in seen:
            raise InputError(f"duplicate id {source['id']!r}", where=f"{path}: source {number}")
        seen.add(source["id"])
        sources.append(source)
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
