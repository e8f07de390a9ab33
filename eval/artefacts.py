"""Writing a trained model's artefact, or checking that a retrain reproduces the shipped one."""

from pathlib import Path


def write_or_check(path: Path, text: str, *, check: bool) -> int:
    """With `check`, 0 when `path` holds exactly `text` (else 1); otherwise write it. Says which."""
    if check:
        same = path.is_file() and path.read_text(encoding="utf-8") == text
        print("shipped artefact reproduced" if same else f"{path} differs from a retrain")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(text) // 1024} KiB)")
    return 0
