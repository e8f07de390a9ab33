"""JSON Lines input with errors that name the file and line."""

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from rightsjobs.errors import InputError

MAX_LINE = 5_000_000


def read_jsonl(path: str) -> Iterator[tuple[str, dict]]:
    """Yield (where, object) for each non-blank line of `path` ('-' reads standard input)."""
    name = "<stdin>" if path == "-" else path
    if path == "-":
        lines = sys.stdin
    else:
        if not Path(path).is_file():
            raise InputError("no such file", where=name)
        lines = open(path, encoding="utf-8", errors="replace")  # noqa: SIM115 - closed below
    try:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{name}:{number}"
            if len(line) > MAX_LINE:
                raise InputError(f"line longer than {MAX_LINE} characters", where=where)
            obj = parse_line(line, where)
            if not isinstance(obj, dict):
                raise InputError("each line must be a JSON object", where=where)
            yield where, obj
    finally:
        if lines is not sys.stdin:
            lines.close()


def parse_line(line: str, where: str) -> object:
    """One JSON value; too deep a nesting or too long a number is an InputError at `where`."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON ({exc.msg})", where=where) from None
    except RecursionError:
        raise InputError("invalid JSON (nested too deeply)", where=where) from None
    except ValueError as exc:  # e.g. an integer of more than 4300 digits
        raise InputError(f"invalid JSON ({str(exc).split(';')[0]})", where=where) from None


def read_postings_input(path: str) -> list[dict]:
    """Read CONTRACT §1 input lines: `id` required, and `text` or `html`."""
    records = []
    for where, obj in read_jsonl(path):
        if not isinstance(obj.get("id"), str | int) or obj.get("id") in ("", None):
            raise InputError("missing required field 'id'", where=where)
        if not obj.get("text") and not obj.get("html"):
            raise InputError("line has neither 'text' nor 'html'", where=where)
        obj["id"] = str(obj["id"])
        records.append(obj)
    return records


def dumps(obj: dict) -> str:
    """One compact UTF-8 JSON line."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
