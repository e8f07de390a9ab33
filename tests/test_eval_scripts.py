"""The measuring scripts behave like the CLI at a closed pipe (`python -m eval.dedup | head`)."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_a_closed_standard_output_ends_a_script_quietly():
    run = subprocess.Popen(
        [sys.executable, "-m", "eval.dedup"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    run.stdout.close()  # the reader went away before the first line
    errors = run.stderr.read().decode()
    assert run.wait() == 1
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors
