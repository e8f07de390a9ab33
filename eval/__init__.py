"""Measuring the project (`make eval`): extraction, ranking and dedup against labelled data.

Not part of the installed package: run from a checkout as `python -m eval` (or `make eval`).
Every script takes its data paths as arguments; `paths.py` says where the shared development
set is expected (beside the checkout) and each script skips it cleanly when it is absent.
"""

import os
import sys
from collections.abc import Callable


def script(main: Callable[[], int | None]) -> None:
    """Run a script's `main` and exit with its code; a closed standard output (`| head`) ends
    the run quietly with exit 1, as the `rightsjobs` command does."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # silence the last flush
        code = 1
    sys.exit(code)
