"""Score extraction against labelled postings (dev-set format: `is_vacancy` and `gold` per line).

    python -m eval.extract FILE.jsonl [FILE.jsonl ...] [--errors]
    python -m eval.extract --demo [--errors]

`--demo` scores the embedded demo site's postings (`rightsjobs/demo/site/`) against the per-item
labels of `rightsjobs/demo/expected.json`. Each item's extraction input is built from the snapshot
files with no platform hints, so the text rules are measured: `title` and `posted_date` from the
feed's own fields, and as text the title plus the body (Greenhouse `content`, Lever description,
lists and `additional`, the blog's `content:encoded`, the careers pages' JSON-LD `description`).
Fields the labels do not carry (apply_contact) are not scored.

Scores:
- is_vacancy: F1 of the vacancy class over every line.
- accuracy over the gold vacancies of: title, organization, countries, remote, language_rule,
  min_years_experience, contract_type, seniority, deadline, posted_date, apply_contact.
- micro-F1 over the gold vacancies of: regions, languages_required, languages_desirable.
A field counts only on the lines whose labels carry it; one that no label carries is left out.

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
import html
import json
import re
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from xml.etree import ElementTree

from eval import script
from eval.paths import DEMO
from understand import extract_many
from understand.text import html_to_text

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
        labelled = [(g, o) for g, o in vacancies if field in g]
        if vacancies and not labelled:
            continue  # a field the labels do not carry
        hits = sum(same(field, o.get(field), g.get(field)) for g, o in labelled)
        result[f"{field}_accuracy"] = hits / len(labelled) if labelled else 0.0
    for field in SET_FIELDS:
        counts = [0, 0, 0]
        for g, o in vacancies:
            if field not in g:
                continue
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
            if field not in r["gold"]:
                continue
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


def run(records: list[dict]) -> list[dict]:
    """Extraction on each labelled record, given only its input fields (never its labels)."""
    return extract_many([{k: r[k] for k in INPUT_KEYS if k in r} for r in records])


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
        if field + "_accuracy" in result:
            rows.append(f"{field + ' accuracy':34} {result[field + '_accuracy']:.3f}")
    for field in SET_FIELDS:
        if field + "_micro_f1" in result:
            rows.append(f"{field + ' micro-F1':34} {result[field + '_micro_f1']:.3f}")
    return "\n".join(rows)


# --- the demo site's postings, for `--demo` -------------------------------------------------

GOLD_FIELDS = ("title", "organization", "countries", "regions", "remote", "languages_required",
    "languages_desirable", "language_rule", "min_years_experience", "contract_type", "seniority",
    "deadline", "posted_date")  # fmt: skip


def _unescape(text: str) -> str:
    """HTML entities decoded until nothing changes (Greenhouse escapes `content` twice)."""
    for _ in range(3):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    return text


def _record(key: str, title: str, body_html: str, posted: str | None, url: str) -> dict:
    title = _unescape(title).strip()
    body = html_to_text(body_html)
    return {"id": key, "url": url, "title": title, "posted_date": posted,
            "text": f"{title}\n\n{body}"}  # fmt: skip


def _greenhouse(site: Path) -> Iterable[dict]:
    for path in sorted(site.glob("greenhouse/boards/*/jobs.json")):
        for job in json.loads(path.read_text("utf-8"))["jobs"]:
            key = f"{path.relative_to(site)}:{job['id']}"
            posted = (job.get("first_published") or "")[:10] or None
            body = _unescape(job.get("content") or "")
            yield _record(key, job["title"], body, posted, job.get("absolute_url") or "")


def _lever(site: Path) -> Iterable[dict]:
    for path in sorted(site.glob("lever/*.json")):
        for job in json.loads(path.read_text("utf-8")):
            key = f"{path.relative_to(site)}:{job['id']}"
            parts = [job.get("description") or ""]
            for block in job.get("lists") or []:
                parts.append(f"<h3>{block.get('text') or ''}</h3><ul>{block.get('content')}</ul>")
            parts.append(job.get("additional") or "")
            created = job.get("createdAt")
            posted = (
                datetime.fromtimestamp(int(created) / 1000, UTC).date().isoformat()
                if created
                else None
            )
            yield _record(key, job["text"], "\n".join(parts), posted, job.get("hostedUrl") or "")


def _blog(site: Path) -> Iterable[dict]:
    encoded = "{http://purl.org/rss/1.0/modules/content/}encoded"
    for path in sorted(site.glob("blog/**/*.xml")):
        for item in ElementTree.parse(path).getroot().iter("item"):
            native = (item.findtext("guid") or "").rsplit("?p=", 1)[-1]
            pub = item.findtext("pubDate")
            posted = parsedate_to_datetime(pub).date().isoformat() if pub else None
            body = item.findtext(encoded) or item.findtext("description") or ""
            title = item.findtext("title") or ""
            link = item.findtext("link") or ""
            yield _record(f"{path.relative_to(site)}:{native}", title, body, posted, link)


def _json_ld(page: str) -> Iterable[dict]:
    """JobPosting objects of a page's ld+json blocks (raw control characters and trailing
    commas tolerated; `@graph` and `@type` lists followed)."""
    blocks = re.findall(r"<script[^>]+ld\+json[^>]*>(.*?)</script>", page, re.S | re.I)
    for raw in blocks:
        try:
            data = json.loads(re.sub(r",\s*([}\]])", r"\1", raw), strict=False)
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack += node
            elif isinstance(node, dict):
                kind = node.get("@type")
                if "JobPosting" in (kind if isinstance(kind, list) else [kind]):
                    yield node
                stack += node.get("@graph") or []


def _careers(site: Path) -> Iterable[dict]:
    for path in sorted(site.glob("careers/jobs/*.html")):
        for job in _json_ld(path.read_text("utf-8")):
            key = f"careers/index.html:{path.stem}"
            body = _unescape(job.get("description") or "")
            posted = (job.get("datePosted") or "")[:10] or None
            yield _record(key, job.get("title") or "", body, posted, job.get("url") or "")
            break


def demo_records(demo: Path = DEMO) -> list[dict]:
    """The demo site's items as labelled records (`id`, input fields, `is_vacancy`, `gold`), in
    the order of `expected.json`; an item the snapshot does not yield is left out."""
    site = demo / "site"
    inputs = {r["id"]: r for f in (_greenhouse, _lever, _blog, _careers) for r in f(site)}
    expected = json.loads((demo / "expected.json").read_text("utf-8"))
    records = []
    for item in expected["items"]:
        if item["key"] not in inputs:
            continue
        vacancy = item.get("kind") == "vacancy"
        gold = {f: item[f] for f in GOLD_FIELDS if f in item} if vacancy else None
        records.append({**inputs[item["key"]], "is_vacancy": vacancy, "gold": gold})
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.extract", description=__doc__.split("\n")[0]
    )
    parser.add_argument("files", nargs="*", help="labelled JSONL files")
    parser.add_argument("--demo", action="store_true", help="score the demo site's postings")
    parser.add_argument("--errors", action="store_true", help="also list every wrong field")
    args = parser.parse_args(argv)
    if not args.files and not args.demo:
        parser.error("give labelled JSONL files, --demo, or both")
    records = load(args.files) + (demo_records() if args.demo else [])
    outputs = run(records)
    print(format_scores(score(records, outputs)))
    if args.errors:
        print("\n".join(["", "id\tfield\tpredicted\tgold", *errors(records, outputs)]))
    return 0


if __name__ == "__main__":
    script(main)
