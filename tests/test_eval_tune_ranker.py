"""`python -m eval.tune_ranker` runs the uncompiled search on the corpus and says how to run it."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "NUMBA_DISABLE_JIT"} | env
    return subprocess.run(
        [sys.executable, "-m", "eval.tune_ranker", *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_it_refuses_to_run_with_the_compiler_on():
    done = run("--rounds", "0")
    assert done.returncode == 2
    assert "NUMBA_DISABLE_JIT=1" in done.stderr


def test_uncompiled_it_scores_the_shipped_weights_on_train_and_validation():
    done = run("--rounds", "0", NUMBA_DISABLE_JIT="1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("shipped: train 0.")
    shipped, tuned = lines[-2:]
    assert shipped.startswith("shipped: train 0.") and ", validation 0." in shipped
    assert tuned.split("  ")[0] == shipped.split("  ")[0].replace("shipped", "tuned")
