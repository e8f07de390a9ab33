"""`python -m eval.tune_ranker` rescores pair parts as the search does, with grouped folds."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "eval.tune_ranker", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_rescored_shipped_weights_reproduce_the_search():
    done = run("--rounds", "0")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("shipped: train 0.")
    assert "NOT REPRODUCED" not in lines[0]
    rescored, searched = lines[0].removeprefix("shipped: train ").split(" (the search: ")
    assert searched.rstrip(")") == rescored
    shipped, tuned = lines[-2:]
    assert shipped.startswith("shipped: train 0.") and ", validation 0." in shipped
    assert tuned.split("  ")[0] == shipped.split("  ")[0].replace("shipped", "tuned")


def test_folds_hold_profiles_out_and_compare_on_them():
    done = run("--rounds", "0", "--folds", "2")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [x.split(":")[0] for x in lines[1:4]] == ["fold 1", "fold 2", "folds"]
    shipped, tuned = lines[3].removeprefix("folds: shipped ").split(", tuned ")
    assert tuned.startswith(shipped)  # no rounds: nothing moves
