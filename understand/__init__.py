"""Understanding postings: `extract(record, as_of)` gives CONTRACT §1's output fields and evidence.

`record` is a CONTRACT §1 input line (`id`, `url`, `title`, `organization`, `posted_date`, `text`,
`html`) with optional `hints` from a job platform, which win over what the text says. Missing or
malformed fields are tolerated; text is truncated to `text.MAX_CHARS` (HTML to `MAX_HTML_CHARS`)
and never evaluated. `extract_many(records, as_of)` does the same for a batch, scoring all of
its postings' vacancy features at once, and shares a large batch out to one forked process per
CPU. Whether a posting is a vacancy is decided last (`understand.verdict`): the text
classifier's score weighed with the fields found.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import partial
from typing import Any

from rightsjobs.forked import cpus, in_parts
from understand.contact import apply_contact
from understand.dates import deadline, iso_date, posted_date
from understand.experience import min_years
from understand.fields import tag_fields, tag_remote
from understand.languages import find_languages
from understand.name_rules import Names
from understand.places import find_places
from understand.text import MAX_CHARS, MAX_HTML_CHARS, Doc, clip, html_to_text, normalise
from understand.title import find_title_and_org
from understand.vacancy import vacancy_scores
from understand.verdict import strongest_signal, vacancy_probability

__all__ = ["extract", "extract_many", "FIELDS"]

FIELDS = (
    "id", "is_vacancy", "vacancy_score", "title", "organization", "countries", "regions",
    "remote", "languages_required", "languages_desirable", "language_rule",
    "min_years_experience", "contract_type", "seniority", "deadline", "posted_date",
    "apply_contact",
)  # fmt: skip
PARALLEL_FROM = 200  # records from which `extract_many` shares the work out to every CPU


def _str(value: Any, limit: int = MAX_CHARS) -> str | None:
    return value[:limit] if isinstance(value, str) and value.strip() else None


def _iso(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    found = iso_date(value[:100]) if isinstance(value, str) else None
    return date.fromisoformat(found) if found else None


def _doc(record: dict) -> Doc:
    text = _str(record.get("text"))
    if text is None and (html := _str(record.get("html"), MAX_HTML_CHARS)):
        text = html_to_text(html)
    return Doc(
        normalise(text or ""),
        title=_str(record.get("title"), 500),
        organization=_str(record.get("organization"), 500),
        url=_str(record.get("url"), 2000),
    )


def _text_names(doc: Doc) -> Names:
    """Title and organisation as the text alone gives them (the record's own left out, its
    title put first when the text lacks it): what the verdict's signals were learned on."""
    text = doc.text
    if doc.title and not text.lstrip().startswith(doc.title):
        text = f"{doc.title}\n\n{text}"
    return find_title_and_org(Doc(text, url=doc.url))


def extract(record: dict, as_of: date | None = None) -> dict:
    """Contract §1 output for one input record, plus `evidence: {field: sentence}`."""
    return extract_many([record], as_of)[0]


def extract_many(
    records: list[dict], as_of: date | None = None, processes: int | None = None
) -> list[dict]:
    """`extract` of each record, in order, with the vacancy classifier run once per batch.

    Many records (PARALLEL_FROM or more, by default) are shared out in parts to `processes`
    forked processes (default: one per CPU; `rightsjobs.forked`), which inherit the models and
    tables this process loaded on the first record; each record's output is the same either
    way."""
    if processes is None:
        processes = cpus() if len(records) >= PARALLEL_FROM else 1
    if processes < 2:
        return _extract_batch(records, as_of)
    first = _extract_batch(records[:1], as_of)  # loads every model and table before the fork
    parts = in_parts(partial(_extract_batch, as_of=as_of), records[1:], processes)
    return first + [out for part in parts for out in part]


def _extract_batch(records: Sequence[dict], as_of: date | None) -> list[dict]:
    """`extract` of each record, in this process."""
    docs = [_doc(record) for record in records]
    return [
        _extract(record, doc, vacancy, as_of)
        for record, doc, vacancy in zip(records, docs, vacancy_scores(docs), strict=True)
    ]


def _title_line(doc: Doc, names: Names) -> str | None:
    """The line a title was read from, brackets and all ("Interpreter (Arabic)"), else the
    title."""
    line = names.title_line
    if names.title and line is not None and line < len(doc.lines):
        return doc.lines[line] if len(doc.lines[line]) <= 200 else names.title
    return names.title


def _extract(record: dict, doc: Doc, vacancy: tuple[float, str], as_of: date | None) -> dict:
    """One record's output, given its Doc and its vacancy score and evidence."""
    hints = record.get("hints") if isinstance(record.get("hints"), dict) else {}
    evidence: dict[str, str] = {}

    names = find_title_and_org(doc)
    text_score, evidence["is_vacancy"] = vacancy

    posted = _iso(hints.get("posted_date")) or _iso(record.get("posted_date"))
    if posted:
        evidence["posted_date"] = "(record)"
    else:
        posted, evidence["posted_date"] = posted_date(doc)
    closing = _iso(hints.get("deadline"))
    if closing:
        evidence["deadline"] = "(platform data)"
    else:
        closing, evidence["deadline"] = deadline(doc, posted or as_of)

    contact, evidence["apply_contact"] = apply_contact(doc, _str(hints.get("apply_url"), 2000))
    places = find_places(doc, hints, names.title, names.title_line, contact)
    languages = find_languages(doc, _title_line(doc, names))
    years = hints.get("min_years_experience")
    if isinstance(years, int) and not isinstance(years, bool):
        evidence["min_years_experience"] = "(platform data)"
    else:
        years, evidence["min_years_experience"] = min_years(doc)
    (contract, evidence["contract_type"]), (level, evidence["seniority"]) = tag_fields(
        doc, names.title, hints, years if isinstance(years, int) else None
    )
    evidence.update(places.evidence)
    remote, evidence["remote"] = tag_remote(doc, hints, places)
    evidence.update(languages.evidence)
    evidence["title"], evidence["organization"] = names.title_evidence, names.org_evidence

    out = {
        "id": str(record.get("id", "")),
        "is_vacancy": False,
        "vacancy_score": 0.0,
        "title": names.title,
        "organization": names.organization,
        "countries": places.countries,
        "regions": places.regions,
        "remote": remote,
        "languages_required": languages.required,
        "languages_desirable": languages.desirable,
        "language_rule": languages.rule,
        "min_years_experience": years,
        "contract_type": contract,
        "seniority": level,
        "deadline": closing.isoformat() if closing else None,
        "posted_date": posted.isoformat() if posted else None,
        "apply_contact": contact,
    }
    if hints.get("is_vacancy") is True:
        score, evidence["is_vacancy"] = max(text_score, 0.9), "(platform data)"
    else:
        read = names if doc.title is None and doc.organization is None else _text_names(doc)
        found = {**out, "title": read.title, "organization": read.organization}
        score = vacancy_probability(text_score, found)
        if score >= 0.5 > text_score and (field := strongest_signal(found)):
            evidence["is_vacancy"] = evidence.get(field) or evidence["is_vacancy"]
        elif score < 0.5 <= text_score:
            evidence["is_vacancy"] = ""  # the text's cue spoke for a vacancy: no evidence now
    out["is_vacancy"], out["vacancy_score"] = score >= 0.5, score
    out["evidence"] = {k: clip(v) for k, v in evidence.items() if v and k in out}
    return out
