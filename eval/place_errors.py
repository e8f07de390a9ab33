"""Per-item errors of `countries` and `remote` on corpus splits, with the extractor's evidence.

    python -m eval.place_errors [--split train] [--split validation]

One block per wrong item: id, site, field, predicted and gold values, the evidence sentence the
extractor used, and the gold duty station. For reading errors by kind; tune on train and
validation only.
"""

from __future__ import annotations

from eval import field_report, script


def _describe(item: dict, out: dict, name: str, said: str) -> str:
    gold = item["gold"]
    return (
        f"{item['id']} [{item['source_site']}] {name}: {out.get(name)} != "
        f"{gold.get(name)} (duty station: {gold.get('duty_station')})\n"
        f"    evidence: {said!r}"
    )


place_errors = field_report.listing(("countries", "remote"), _describe)


def main(argv: list[str] | None = None) -> int:
    return field_report.main("python -m eval.place_errors", place_errors, argv)


if __name__ == "__main__":
    script(main)
