"""Help a person grade the corpus's (profile, vacancy) pairs that `judgments.json` lacks.

    python -m eval.grading --split train            # print the pairs left to grade by hand
    python -m eval.grading --split train --zeros    # also record 0 for the pairs failing a rule
    python -m eval.grading --split train --grades G # record hand grades: `profile item grade` lines

A pair whose posting fails a CONTRACT §3 hard requirement on its gold labels is 0 without
reading (`matcher.fit.failures`, deadlines ignored since the postings are old, as in
`eval.ranking`). The others are printed one posting at a time, with its gold labels, the start
of its text and the profiles it passes, so a person can grade them 0, 1 or 2 by the conventions
at the top of `eval/corpus/profiles.yaml`. Only vacancies are graded; existing grades are never
changed.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from eval import script
from eval.corpus import split_items
from eval.rankers import contains, gold_posting
from eval.ranking import JUDGMENTS, PROFILES
from matcher import fit
from rightsjobs.profiles import load_profiles

SHOWN = 600  # characters of posting text printed
LABELS = ("countries", "regions", "remote", "languages_required", "language_rule")
LEVEL = ("min_years_experience", "contract_type", "seniority", "family")


def failing(posting: dict, profile: dict) -> list[str]:
    """The hard requirements a gold posting fails for a profile (exclude terms included)."""
    text = f"{posting.get('title') or ''}\n{posting['text']}"
    excluded = any(contains(text, t) for t in profile.get("exclude") or [])
    return fit.failures(posting, profile, date.today(), True, excluded)


def pending(
    items: list[dict], profiles: list[dict], judgments: dict[str, dict]
) -> list[tuple[dict, list[dict], dict[str, list[str]]]]:
    """Per ungraded vacancy: its gold posting, the profiles it passes, the others' failures."""
    out = []
    for item in items:
        if not item["is_vacancy"]:
            continue
        posting = gold_posting(item)
        todo = [p for p in profiles if item["id"] not in judgments.get(p["id"], {})]
        failed = {p["id"]: failing(posting, p) for p in todo}
        passing = [p for p in todo if not failed[p["id"]]]
        if todo:
            out.append((posting, passing, {k: v for k, v in failed.items() if v}))
    return out


def describe(posting: dict, lang: str, passing: list[dict]) -> str:
    """One posting's block: labels, text start, and the profiles to grade it for."""
    labels = ", ".join(f"{k}={posting.get(k)}" for k in LABELS + LEVEL if posting.get(k))
    lines = [
        f"### {posting['id']} [{lang}] {posting.get('title')} | {posting.get('organization')}",
        labels,
        posting["text"][:SHOWN].replace("\n", " / "),
    ]
    for p in passing:
        speaks = "" if lang in p["languages"] else f" (does not speak {lang})"
        lines.append(f"  ? {p['id']}{speaks}: {', '.join(p.get('keywords') or [])}")
    return "\n".join(lines)


def read_grades(path: Path, profiles: set[str], items: set[str]) -> list[tuple[str, str, int]]:
    """`profile item grade` lines (blank lines and # comments skipped); a line that is not three
    fields, names an unknown profile or item, or grades other than 0, 1 or 2 stops the run with
    its file and line."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        problem = (
            "expected `profile item grade`" if len(fields) != 3
            else f"no profile {fields[0]!r}" if fields[0] not in profiles
            else f"no item {fields[1]!r} in the split" if fields[1] not in items
            else f"grade {fields[2]!r} is not 0, 1 or 2" if fields[2] not in {"0", "1", "2"}
            else ""
        )  # fmt: skip
        if problem:
            raise SystemExit(f"{path}:{n}: {problem}")
        rows.append((fields[0], fields[1], int(fields[2])))
    return rows


def record(judgments: dict[str, dict], pid: str, item_id: str, grade: int) -> None:
    """Add one grade; an existing grade is never changed."""
    grades = judgments.setdefault(pid, {})
    if item_id in grades and grades[item_id] != grade:
        raise SystemExit(f"{pid} {item_id}: already graded {grades[item_id]}, not {grade}")
    grades[item_id] = grade


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.grading", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--split", choices=("train", "validation", "test"), default="train")
    parser.add_argument("--profiles", type=Path, default=PROFILES)
    parser.add_argument("--judgments", type=Path, default=JUDGMENTS)
    parser.add_argument("--zeros", action="store_true", help="record 0 for failing pairs")
    parser.add_argument("--grades", type=Path, help="record hand grades from this file")
    args = parser.parse_args(argv)

    items = split_items(args.split)
    profiles = load_profiles(args.profiles)
    judgments = json.loads(args.judgments.read_text(encoding="utf-8"))
    langs = {i["id"]: i["lang"] for i in items}
    known = ({p["id"] for p in profiles}, {i["id"] for i in items if i["is_vacancy"]})
    for pid, item_id, grade in read_grades(args.grades, *known) if args.grades else []:
        record(judgments, pid, item_id, grade)
    todo = pending(items, profiles, judgments)
    for posting, passing, failed in todo:
        for pid in failed if args.zeros else ():
            record(judgments, pid, posting["id"], 0)
        if passing:
            print(describe(posting, langs[posting["id"]], passing), end="\n\n")
    left = sum(len(passing) for _, passing, _ in todo)
    print(f"{left} pairs left to grade by hand in {args.split}")
    if args.zeros or args.grades:
        text = json.dumps(judgments, indent=1, ensure_ascii=True)
        args.judgments.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    script(main)
