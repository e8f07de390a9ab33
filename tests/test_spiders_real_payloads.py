"""Each spider once on the real recorded payloads of the shared fixtures (../shared beside the
checkout).

Those files are not part of the repository (their prose is not ours), so the tests skip when the
folder is absent. They check that the spiders read the real structure: counts and key fields.
"""

import json
from dataclasses import asdict
from pathlib import Path

import pytest
from scrapy import Request

from tests.spider_helpers import file_response, make_spider, run_callbacks

REAL = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "platforms"
pytestmark = pytest.mark.skipif(
    not REAL.is_dir(),
    reason=f"the shared fixtures are not beside this checkout (looked for {REAL})",
)


def crawl(platform, url, filename, follow=None, settings=None):
    """Items and unanswered follow-up requests from one real payload (plus mapped follow-ups)."""
    spider = make_spider(platform, url, settings)
    request = Request(url, callback=spider.parse)

    def resolve(req):
        name = (follow or {}).get(req.url)
        return file_response(REAL / name, req.url, req) if name else None

    items, unanswered = run_callbacks(
        spider, [(request, file_response(REAL / filename, url))], resolve
    )
    assert spider.failure is None, spider.failure
    return [asdict(item) for item in items], unanswered


def test_greenhouse_list():
    items, _ = crawl(
        "greenhouse",
        "https://boards-api.greenhouse.io/v1/boards/codepath/jobs",
        "greenhouse_jobs.json",
    )
    assert [i["source_job_id"] for i in items] == ["4426096007", "4035993007", "4426707007"]
    assert items[2]["remote"] == "yes" and items[2]["locations"][0]["country"] == "US"
    assert items[0]["date_posted"] == "2024-07-08"  # updated_at, as the board wrote it


def test_greenhouse_double_escaped_content(tmp_path):
    detail = json.loads((REAL / "greenhouse_job_detail.json").read_text())
    board = tmp_path / "board.json"
    board.write_text(json.dumps({"jobs": [detail], "meta": {"total": 1}}))
    url = "https://boards-api.greenhouse.io/v1/boards/codepath/jobs?content=true"
    spider = make_spider("greenhouse", url)
    [item] = spider.parse(file_response(board, url))
    assert "&lt;" not in item.description_html and "<p>" in item.description_html
    assert "CodePath" in item.description and "style=" not in item.description_html


def test_lever():
    items, _ = crawl(
        "lever", "https://api.lever.co/v0/postings/GoToGroup?mode=json", "lever_postings.json"
    )
    assert len(items) == 3
    assert {i["remote"] for i in items} == {"no"}
    assert [i["locations"][0]["country"] for i in items] == ["IN", "IN", "ID"]
    assert all(i["url"].startswith("https://jobs.lever.co/GoToGroup/") for i in items)
    assert all("<ul><li>" in i["description_html"] for i in items)
    assert items[0]["date_posted"] == "2024-07-22" and items[0]["hints"] == {
        "contract_type": "permanent"
    }


def test_workable():
    items, _ = crawl(
        "workable",
        "https://apply.workable.com/api/v1/widget/accounts/kroo?details=true",
        "workable_widget_jobs.json",
    )
    assert len(items) == 3
    assert {i["organization"] for i in items} == {"Kroo Bank Ltd"}
    assert items[0]["locations"][0] == {
        "raw": "London, England, United Kingdom",
        "city": "London",
        "country": "GB",
    }
    assert items[1]["date_posted"] == "2024-07-02"  # published_on, not the older created_at
    assert all(i["description"] for i in items)


def test_smartrecruiters_list_then_detail():
    base = "https://api.smartrecruiters.com/v1/companies/Gousto1/postings"
    detail = {f"{base}/744000005051195": "smartrecruiters_posting_detail.json"}
    items, unanswered = crawl("smartrecruiters", base, "smartrecruiters_postings.json", detail)
    assert [r.url for r in unanswered] == [
        f"{base}/744000005631445",
        f"{base}/744000005227870",
        f"{base}?offset=3",
    ]
    [item] = items
    assert item["url"].startswith("https://jobs.smartrecruiters.com/Gousto1/744000005051195")
    assert item["organization"] == "Gousto" and item["locations"][0]["country"] == "GB"
    assert "Bento" in item["description"] and item["date_posted"] == "2024-08-05"


def test_recruitee_never_keeps_mailbox_addresses():
    items, _ = crawl(
        "recruitee", "https://radishlab.recruitee.com/api/offers/", "recruitee_offers.json"
    )
    assert len(items) == 3
    assert "job.redacted@example.org" not in json.dumps(items)
    assert {i["remote"] for i in items} == {"yes"}
    assert items[0]["date_posted"] == "2023-07-25"
    assert items[0]["locations"][0]["country"] == "US"


def test_ashby():
    items, _ = crawl(
        "ashby", "https://api.ashbyhq.com/posting-api/job-board/lightdash", "ashby_job_board.json"
    )
    assert len(items) == 2
    assert all(i["remote"] == "yes" and i["locations"][0]["country"] == "GB" for i in items)
    assert all(i["url"].startswith("https://jobs.ashbyhq.com/lightdash/") for i in items)


def test_bamboohr_asks_for_every_detail():
    items, unanswered = crawl(
        "bamboohr", "https://avidbots.bamboohr.com/careers/list", "bamboohr_careers_list.json"
    )
    assert items == []
    assert [r.url for r in unanswered] == [
        f"https://avidbots.bamboohr.com/careers/{i}/detail" for i in (693, 792, 795, 796, 798)
    ]
    assert unanswered[0].cb_kwargs["listed"]["location"]["state"] == "Colombia"


def test_personio():
    items, _ = crawl("personio", "https://demo.jobs.personio.de/xml?language=en", "personio.xml")
    assert [i["url"] for i in items] == [
        f"https://demo.jobs.personio.de/job/{i}" for i in (2140231, 2140224, 2140235)
    ]
    assert items[0]["hints"] == {
        "contract_type": "permanent",
        "seniority": "mid",
        "min_years_experience": 2,
    }
    assert items[1]["remote"] == "yes" and "visa" in items[0]["description"]


def test_reliefweb_envelope_pages_by_links_next():
    url = "https://api.reliefweb.int/v2/disasters?appname=ocha_hdx_vocabulary--566454"
    items, unanswered = crawl("reliefweb", url, "reliefweb_api_v2_envelope_disasters.json")
    assert items == []  # disasters have no job title
    assert [r.url for r in unanswered] == [
        "https://api.reliefweb.int/v2/disasters?appname=ocha_hdx_vocabulary--566454"
        "&limit=1000&preset=external&offset=1000"
    ]


def test_wordpress_feed():
    items, unanswered = crawl("feed", "https://appsemble.com/feed/", "wordpress_feed.xml")
    assert [i["title"] for i in items] == ["low-code", "Laatste nieuws – Juni"]
    assert items[0]["url"] == "https://appsemble.com/low-code/"
    assert items[0]["source_job_id"] == "https://appsemble.com/?p=1190"
    assert items[0]["date_posted"] == "2019-07-05" and items[0]["is_job"] is None
    assert [r.url for r in unanswered] == ["https://appsemble.com/feed/?paged=2"]


def test_jsonld_example_page():
    items, unanswered = crawl(
        "jsonld", "https://www.example.com/jobs/software-engineer", "jobposting_jsonld.html"
    )
    [item] = items
    assert unanswered == []
    assert item["title"] == "Software Engineer" and item["source_job_id"] == "1234567"
    assert item["valid_through"] == "2024-03-18" and item["organization"] == "Google"
    assert (
        item["locations"][0]["country"] == "US" and item["locations"][0]["city"] == "Mountain View"
    )
    assert item["hints"] == {"contract_type": "consultancy"}
