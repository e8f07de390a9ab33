"""The web view: Datasette over the store, read-only, with titled tables and canned queries.

Datasette opens the file in read-only mode (`?mode=ro`), so it sees new crawls as they commit;
`immutable=True` serves a frozen snapshot instead (`-i`: only for a file no one writes to, since
immutable mode ignores the WAL). Arbitrary SQL and the database download are off, and the tables
holding candidates' data (profiles, matches, hidden, digests, deliveries) are denied: the view
is for recruiters and maintainers, not for browsing people's CVs.
"""

import json
import sys
import tempfile
from pathlib import Path

import yaml

METADATA = Path(__file__).with_name("datasette_metadata.yaml")
SETTINGS = {"default_allow_sql": "off", "allow_download": "off"}


def metadata(db_name: str) -> dict:
    """Datasette metadata for the store served under the database name `db_name`."""
    spec = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    database = spec.pop("database")
    return {**spec, "databases": {db_name: database}}


def serve_command_args(
    db_path: str | Path, host: str = "127.0.0.1", port: int = 8001, *, immutable: bool = False
) -> list[str]:
    """The `datasette serve` command line for the store at `db_path`.

    Writes the metadata for this database's name to a temporary JSON file that the command
    names (Datasette reads metadata from a file).
    """
    path = Path(db_path).resolve()
    with tempfile.NamedTemporaryFile(
        "w", prefix="rightsjobs-datasette-", suffix=".json", delete=False, encoding="utf-8"
    ) as fh:
        json.dump(metadata(path.stem), fh)
    args = [sys.executable, "-m", "datasette", "serve"]
    args += ["-i", str(path)] if immutable else [str(path)]
    args += ["--host", host, "--port", str(port), "--metadata", fh.name]
    for name, value in SETTINGS.items():
        args += ["--setting", name, value]
    return args
