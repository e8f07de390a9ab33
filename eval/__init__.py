"""Measuring the project (`make eval`): extraction, ranking and dedup against labelled data.

Not part of the installed package: run from a checkout as `python -m eval` (or `make eval`).
Every script takes its data paths as arguments; `paths.py` says where the shared development
set is expected (beside the checkout) and each script skips it cleanly when it is absent.
"""
