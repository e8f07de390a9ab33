"""A training script's command line, and writing its artefact or checking that a retrain
reproduces the shipped one."""

import argparse
from pathlib import Path


def training_args(
    argv: list[str] | None, prog: str, doc: str | None, artefact: Path
) -> argparse.Namespace:
    """`--search` (grouped cross-validation over the grid, nothing written), `--check` (fail
    unless a retrain reproduces the shipped artefact) and `--out` (default: `artefact`)."""
    parser = argparse.ArgumentParser(prog=f"python -m {prog}", description=doc)
    parser.add_argument("--search", action="store_true", help="grouped CV over GRID, no writing")
    parser.add_argument("--check", action="store_true", help="fail unless retraining matches")
    parser.add_argument("--out", type=Path, default=artefact)
    return parser.parse_args(argv)


def write_or_check(path: Path, text: str, *, check: bool) -> int:
    """With `check`, 0 when `path` holds exactly `text` (else 1); otherwise write it. Says which."""
    if check:
        same = path.is_file() and path.read_text(encoding="utf-8") == text
        print("shipped artefact reproduced" if same else f"{path} differs from a retrain")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(text) // 1024} KiB)")
    return 0
