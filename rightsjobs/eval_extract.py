"""Score extraction against labelled postings (dev-set format: `is_vacancy` and `gold` per line).

    python -m rightsjobs.eval_extract FILE.jsonl [FILE.jsonl ...] [--errors]

Scores:
- is_vacancy: F1 of the vacancy class over every line.
- accuracy over the gold vacancies of: title, organization, countries, remote, language_rule,
  min_years_experience, contract_type, seniority, deadline, posted_date, apply_contact.
- micro-F1 over the gold vacancies of: regions, languages_required, languages_desirable.

Comparison rules:
- title: normalised (case, accents and punctuation ignored, spaces collapsed) equal, or one is a
  contiguous word sequence of the other covering at least half of the longer one's words
  ("Associate Legal Officer" matches "Hungary Associate Legal Officer", not "Officer").
- organization: normalised as titles, small function words (the, of, de, la, et, y...) dropped;
  equal, or one a contiguous word sequence of the other that is at least two words or one word of
  four or more letters (an acronym or a brand: "UNHCR" matches "UNHCR - United Nations High
  Commissioner for Refugees").
- countries: equal sets. language_rule: equal `at_least` and equal sets of `of`.
- apply_contact: equal after lower-casing and dropping "mailto:", the scheme, "www." and a
  trailing slash.
- every other field: equal values (null equals null only).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from rightsjobs.extract import extract

ACCURACY_FIELDS = (
    "title", "organization", "countries", "remote", "language_rule", "min_years_experience",
    "contract_type", "seniority", "deadline", "posted_date", "apply_contact",
)  # fmt: skip
SET_FIELDS = ("regions", "languages_required", "languages_desirable")
INPUT_KEYS = ("id", "url", "title", "organization", "posted_date", "text", "html", "hints")
_STOPWORDS = {
    "the", "of", "for", "and", "a", "an", "in", "on", "at", "de", "des", "du", "la", "le",
    "les", "l", "d", "et", "y", "el", "los", "las", "del", "da", "do", "dos", "und", "der",
    "die",
}  # fmt: skip


def _words(text: str | None) -> list[str]:
    if not text:
        return []
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.findall(r"[^\W_]+", text)


def _contains(long: list[str], short: list[str]) -> bool:
    n = len(short)
    return any(long[i : i + n] == short for i in range(len(long) - n + 1))


def same_title(pred: str | None, gold: str | None) -> bool:
    a, b = _words(pred), _words(gold)
    if not a or not b:
        return not a and not b
    short, long = sorted((a, b), key=len)
    return a == b or (_contains(long, short) and 2 * len(short) >= len(long))


def same_organization(pred: str | None, gold: str | None) -> bool:
    a = [w for w in _words(pred) if w not in _STOPWORDS]
    b = [w for w in _words(gold) if w not in _STOPWORDS]
    if not a or not b:
        return not a and not b
    short, long = sorted((a, b), key=len)
    return a == b or (_contains(long, short) and (len(short) >= 2 or len(short[0]) >= 4))


def _contact(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip().lower()
    value = re.sub(r"^(?:mailto:|https?://)", "", value)
    return re.sub(r"^www\.", "", value).rstrip("/")


def same(field: str, pred, gold) -> bool:
    """Whether a predicted field value matches the gold one (module docstring: comparison rules)."""
    if field == "title":
        return same_title(pred, gold)
    if field == "organization":
        return same_organization(pred, gold)
    if field == "countries":
        return set(pred or []) == set(gold or [])
    if field == "language_rule":
        if not pred or not gold:
            return not pred and not gold
        return pred.get("at_least") == gold.get("at_least") and set(pred.get("of", [])) == set(
            gold.get("of", [])
        )
    if field == "apply_contact":
        return _contact(pred) == _contact(gold)
    return pred == gold


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def score(records_with_gold: Iterable[dict], outputs: Iterable[dict]) -> dict:
    """Per-field scores: is_vacancy_f1, <field>_accuracy, <set field>_micro_f1, n, n_vacancies."""
    pairs = list(zip(records_with_gold, outputs, strict=True))
    tp = sum(1 for r, o in pairs if r["is_vacancy"] and o["is_vacancy"])
    fp = sum(1 for r, o in pairs if not r["is_vacancy"] and o["is_vacancy"])
    fn = sum(1 for r, o in pairs if r["is_vacancy"] and not o["is_vacancy"])
    result: dict = {"n": len(pairs), "is_vacancy_f1": _f1(tp, fp, fn)}
    vacancies = [(r["gold"], o) for r, o in pairs if r["is_vacancy"] and r.get("gold")]
    result["n_vacancies"] = len(vacancies)
    for field in ACCURACY_FIELDS:
        hits = sum(same(field, o.get(field), g.get(field)) for g, o in vacancies)
        result[f"{field}_accuracy"] = hits / len(vacancies) if vacancies else 0.0
    for field in SET_FIELDS:
        counts = [0, 0, 0]
        for g, o in vacancies:
            p, t = set(o.get(field) or []), set(g.get(field) or [])
            counts[0] += len(p & t)
            counts[1] += len(p - t)
            counts[2] += len(t - p)
        result[f"{field}_micro_f1"] = _f1(*counts) if any(counts) else 1.0
    return result


def errors(records_with_gold: Iterable[dict], outputs: Iterable[dict]) -> list[str]:
    """One line per wrong field: id, field, predicted and gold values."""
    lines = []
    for r, o in zip(records_with_gold, outputs, strict=True):
        if bool(r["is_vacancy"]) != bool(o["is_vacancy"]):
            lines.append(
                f"{r['id']}\tis_vacancy\t{o['is_vacancy']} ({o['vacancy_score']})"
                f"\t{r['is_vacancy']}"
            )
        if not r["is_vacancy"] or not r.get("gold"):
            continue
        for field in ACCURACY_FIELDS + SET_FIELDS:
            pred, gold = o.get(field), r["gold"].get(field)
            ok = (
                set(pred or []) == set(gold or [])
                if field in SET_FIELDS
                else same(field, pred, gold)
            )
            if not ok:
                lines.append(
                    f"{r['id']}\t{field}\t{json.dumps(pred, ensure_ascii=False)}"
                    f"\t{json.dumps(gold, ensure_ascii=False)}"
                )
    return lines


def load(paths: Iterable[str | Path]) -> list[dict]:
    records = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            records += [json.loads(line) for line in fh if line.strip()]
    return records


def format_scores(result: dict) -> str:
    rows = [
        f"postings: {result['n']}, gold vacancies: {result['n_vacancies']}",
        f"{'is_vacancy F1':34} {result['is_vacancy_f1']:.3f}",
    ]
    for field in ACCURACY_FIELDS:
        rows.append(f"{field + ' accuracy':34} {result[field + '_accuracy']:.3f}")
    for field in SET_FIELDS:
        rows.append(f"{field + ' micro-F1':34} {result[field + '_micro_f1']:.3f}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m rightsjobs.eval_extract", description=__doc__.split("\n")[0]
    )
    parser.add_argument("files", nargs="+", help="labelled JSONL files")
    parser.add_argument("--errors", action="store_true", help="also list every wrong field")
    args = parser.parse_args(argv)
    records = load(args.files)
    outputs = [extract({k: r[k] for k in INPUT_KEYS if k in r}) for r in records]
    print(format_scores(score(records, outputs)))
    if args.errors:
        print("\n".join(["", "id\tfield\tpredicted\tgold", *errors(records, outputs)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
