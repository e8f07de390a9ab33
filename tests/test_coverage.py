"""Coverage: each posting's sources and lag, open/closed, gaps, reach; per-source figures."""

import csv
import io
import json
from datetime import UTC, date, datetime

import pytest

from rightsjobs.coverage import coverage, to_csv, to_html, to_json, to_table
from rightsjobs.store import record_deliveries
from rightsjobs.store.crawls import record_run

AS_OF = date(2024, 11, 20)
CRISIS = (
    "Amnesty International is looking for a researcher to document violations of international "
    "humanitarian law in Ukraine. Based in Kyiv, you will lead rapid investigations into attacks "
    "affecting civilians, gather testimonies and turn findings into research and advocacy."
)
ATS = "https://amnesty.wd3.myworkdayjobs.com/en-US/Careers/job/Kyiv/Researcher_R-117"


def item(url: str, title: str, organization: str, **understood) -> dict:
    return {
        "url": url,
        "title": title,
        "description": CRISIS if "Crisis" in title else f"{title} at {organization}.",
        "description_html": "",
        "organization": organization,
        "apply_url": None,
        "locations": [],
        "source_job_id": None,
        "understood": {"is_vacancy": True, "title": title, "organization": organization}
        | understood,
    }


CRISIS_FACTS = {
    "countries": ["UA"],
    "deadline": "2024-12-01",
    "languages_required": ["en", "uk"],
    "min_years_experience": 3,
}


def crawl(db, monkeypatch, source: str, at: str, items: list, failure: str | None = None):
    """Record one run of `source` as if it happened at `at` (UTC)."""
    for module in ("rightsjobs.store.crawls", "rightsjobs.store.dedup"):
        monkeypatch.setattr(f"{module}.now_iso", lambda: f"{at}+00:00")
    for it in items:
        it["source"] = source
    record_run(
        db,
        {"id": source, "platform": "feed", "url": f"https://{source}.example/"},
        items,
        started=datetime.fromisoformat(at).replace(tzinfo=UTC),
        failure=failure,
    )


@pytest.fixture
def store(db, monkeypatch):
    """Amnesty's ATS, ReliefWeb a day later, a blog three days later; one HRW job elsewhere."""
    amnesty = "Amnesty International"
    crawl(
        db,
        monkeypatch,
        "amnesty-ats",
        "2024-11-01T08:00:00",
        [
            item(ATS, "Researcher, Crisis Response (Ukraine)", amnesty, **CRISIS_FACTS),
            item(ATS + "-2", "Campaigner – Gender Justice", amnesty),
            item(ATS + "-3", "Legal Adviser", amnesty, countries=["GB"], deadline="2024-11-05"),
        ],
    )
    rw_copy = item(
        "https://reliefweb.int/job/1", "Researcher, Crisis Response (Ukraine)", amnesty
    ) | {"apply_url": ATS + "?utm_source=reliefweb"}
    hrw = item("https://reliefweb.int/job/2", "Researcher, Asia Division", "Human Rights Watch")
    crawl(db, monkeypatch, "reliefweb", "2024-11-02T06:00:00", [rw_copy, hrw])
    blog = item("https://blog.example/kyiv", "Crisis Researcher, Kyiv", amnesty, **CRISIS_FACTS)
    crawl(db, monkeypatch, "rights-blog", "2024-11-04T09:00:00", [blog])
    crawl(db, monkeypatch, "rights-blog", "2024-11-06T09:00:00", [], failure="timeout")
    crisis = next(db.query("select posting_id from sightings where url = ?", [ATS]))["posting_id"]
    # Sent to aigul, and again once its deadline was extended; sent to bolat once.
    record_deliveries(db, "aigul", "d1", [{"id": crisis}], "2024-11-04T10:00:00+00:00")
    record_deliveries(db, "aigul", "d2", [{"id": crisis}], "2024-11-11T10:00:00+00:00")
    record_deliveries(db, "bolat", "d3", [{"id": crisis}], "2024-11-11T10:00:00+00:00")
    return db


def by_title(report: dict) -> dict:
    return {p["title"]: p for p in report["postings"]}


def test_each_posting_lists_its_sources_with_the_lag_after_the_first(store):
    report = coverage(store, org="amnesty", as_of=AS_OF)
    crisis = by_title(report)["Researcher, Crisis Response (Ukraine)"]
    assert [(s["source"], s["lag_hours"]) for s in crisis["sources"]] == [
        ("amnesty-ats", 0.0),
        ("reliefweb", 22.0),
        ("rights-blog", 73.0),
    ]
    assert crisis["first_seen"] == "2024-11-01T08:00:00+00:00"


def test_org_filter_is_a_case_insensitive_substring(store):
    titles = set(by_title(coverage(store, org="AMNESTY INTERN", as_of=AS_OF)))
    assert titles == {
        "Researcher, Crisis Response (Ukraine)",
        "Campaigner – Gender Justice",
        "Legal Adviser",
    }
    assert len(coverage(store, org=None, as_of=AS_OF)["postings"]) == 4


def test_open_closed_missing_fields_and_digests(store):
    postings = by_title(coverage(store, org="amnesty", as_of=AS_OF))
    crisis, campaigner, legal = (
        postings["Researcher, Crisis Response (Ukraine)"],
        postings["Campaigner – Gender Justice"],
        postings["Legal Adviser"],
    )
    assert (crisis["status"], campaigner["status"], legal["status"]) == ("open", "open", "closed")
    assert crisis["missing"] == []
    assert campaigner["missing"] == ["deadline", "location", "languages", "experience"]
    assert legal["missing"] == ["languages", "experience"]
    assert (crisis["digests"], campaigner["digests"]) == (3, 0)  # two to aigul, one to bolat


def test_source_summary_share_freshness_and_median_lag(store):
    report = coverage(store, org="amnesty", as_of=AS_OF)
    sources = {s["source"]: s for s in report["sources"]}
    assert report["totals"]["sector_open"] == 3  # crisis, campaigner, HRW's researcher
    ats, rw, blog = sources["amnesty-ats"], sources["reliefweb"], sources["rights-blog"]
    assert (ats["postings"], ats["open"], ats["sector_share"]) == (3, 2, 0.667)
    assert (rw["postings"], rw["open"], rw["sector_share"]) == (1, 1, 0.667)
    assert (blog["postings"], blog["sector_share"]) == (1, 0.333)
    assert (ats["median_lag_hours"], rw["median_lag_hours"], blog["median_lag_hours"]) == (
        0.0,
        22.0,
        73.0,
    )
    assert blog["last_run_status"] == "failed" and blog["last_ok_crawl"]
    assert report["totals"]["missing"] == {
        "deadline": 1,
        "location": 1,
        "languages": 2,
        "experience": 2,
    }


def test_formats(store):
    report = coverage(store, org="amnesty", as_of=AS_OF)
    assert json.loads(to_json(report)) == report
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert len(rows) == 5
    assert {r["source"] for r in rows} == {"amnesty-ats", "reliefweb", "rights-blog"}
    table = to_table(report)
    assert table.startswith('Coverage of "amnesty" as of 2024-11-20: 3 postings (2 open)')
    assert "reliefweb" in table and "+22h" in table and "+3d 1h" in table
    assert "missing: deadline, location, languages, experience" in table
    report["postings"][0]["title"] = "<script>alert(1)</script>"
    html = to_html(report)
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "rights-blog" in html and "67%" in html
