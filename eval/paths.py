"""Where evaluation data lives, relative to this checkout (never an absolute path)."""

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "eval" / "data"
SHARED = REPO.parent / "shared"  # the shared folder laid beside the checkout, when there is one
DEV_SET = SHARED / "dev-set"
DEMO = REPO / "rightsjobs" / "demo"
