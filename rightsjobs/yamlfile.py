"""Reading the project's YAML files (registry, profiles) with YAML 1.2 booleans.

PyYAML follows YAML 1.1, where `NO`, `no`, `on`, `off`, `yes` and `y` are booleans: Norway
(`countries: [NO]`), Norwegian (`languages: {no: native}`) and a profile called `on` would be
read as true/false. Here only `true` and `false` are booleans, as in YAML 1.2's core schema.
"""

import re
from pathlib import Path

import yaml

from rightsjobs.errors import InputError

BOOL_TAG = "tag:yaml.org,2002:bool"


class Loader(yaml.SafeLoader):
    """SafeLoader whose only booleans are true/True/TRUE and false/False/FALSE."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != BOOL_TAG]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


Loader.add_implicit_resolver(
    BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def load_yaml(path: str | Path) -> object:
    """Parse a YAML file, turning every failure into a one-line InputError."""
    path = Path(path)
    if not path.is_file():
        raise InputError("no such file", where=str(path))
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506 (safe)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(f"invalid YAML ({problem})", where=where) from None
    except UnicodeDecodeError:
        raise InputError("not UTF-8 text", where=str(path)) from None
    except RecursionError:
        raise InputError("invalid YAML (nested too deeply)", where=str(path)) from None
