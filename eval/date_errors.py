"""Per-item errors of `deadline` and `posted_date` on corpus splits, with the extractor's evidence.

    python -m eval.date_errors [--split train] [--split validation]

One block per wrong item: id, language, field, predicted and gold values and the sentence the
extractor read the date from. For reading errors by kind; tune on train and validation only.
"""

from __future__ import annotations

from eval import field_report, script


def _describe(item: dict, out: dict, name: str, said: str) -> str:
    return (
        f"{item['id']} [{item['lang']}] {name}: {out.get(name)} != {item['gold'].get(name)}\n"
        f"    evidence: {said[:300]!r}"
    )


date_errors = field_report.listing(("deadline", "posted_date"), _describe)


def main(argv: list[str] | None = None) -> int:
    return field_report.main("python -m eval.date_errors", date_errors, argv)


if __name__ == "__main__":
    script(main)
