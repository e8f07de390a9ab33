"""The small helpers spiders share: tolerant JSON, places, paging bounds; odd payloads.

Reading values (dates, countries, labels, HTML) is tested with `understand` (test_extract_*)."""

import pytest
from scrapy.http import TextResponse, XmlResponse

from spiders.items import Location, Posting
from spiders.platforms import SPIDERS
from spiders.platforms.common import place, posting_of, with_query
from spiders.platforms.feed import MAX_PAGE
from spiders.platforms.jsonld import loads_tolerant
from tests.spider_helpers import make_spider, run_callbacks, start_requests
from understand.text import html_to_text


@pytest.mark.parametrize(
    "raw",
    [
        '{"a": [1, 2,], "b": {"c": "d",},}',  # trailing commas
        '{"a": [1, 2], "b": {"c": "d"}}}\n}',  # stray closing braces
        '{"a": [1, 2], "b": {"c": "d"',  # cut short
        '<!--\n{"a": [1, 2], "b": {"c": "d"}}\n-->',  # HTML comment wrapper
        '{"a": [1, 2], "b": {"c": "d"}};',
    ],
)
def test_loads_tolerant_repairs_common_breakage(raw):
    assert loads_tolerant(raw) == {"a": [1, 2], "b": {"c": "d"}}


def test_loads_tolerant_accepts_control_characters_and_rejects_garbage():
    assert loads_tolerant('{"t": "line\none\ttab\x0b"}') == {"t": "line\none\ttab "}
    with pytest.raises(ValueError):
        loads_tolerant("not json at all")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Geneva, Switzerland", Location("Geneva, Switzerland", "Geneva", "CH")),
        ("Remote, United States", Location("Remote, United States", None, "US")),
        ("Arlington, Virginia", Location("Arlington, Virginia", "Arlington", None)),
        ("Remote job", Location("Remote job", None, None)),
        ("Multiple locations", Location("Multiple locations", None, None)),
        ("Colombia", Location("Colombia", None, "CO")),
    ],
)
def test_place_guesses_city_and_country(raw, expected):
    assert place(raw) == expected


def test_place_is_none_without_anything_to_show():
    assert place(None) is None and place("  ") is None


def test_posting_of_cleans_the_record_and_reads_its_html():
    html = "<p>Monitor trial hearings.</p><ul><li>Report weekly.</li></ul>"
    posting = posting_of(
        "https://jobs.example.org/77?utm_source=board#apply",
        "  Trial   Monitor &amp; Reporter ",
        html,
        source_job_id="77",
    )
    assert (posting.url, posting.title) == (
        "https://jobs.example.org/77",
        "Trial Monitor & Reporter",
    )
    assert posting.description == html_to_text(html) and posting.description_html == html
    assert posting.source_job_id == "77"


def test_with_query_keeps_the_other_parameters_as_spelled():
    url = "https://api.example.org/v2/jobs?filter%5Bvalue%5D=Protection%20and%20Human%20Rights"
    assert with_query(url, appname="x") == f"{url}&appname=x"
    assert (
        with_query("https://b.example/feed/?paged=2", paged=3) == "https://b.example/feed/?paged=3"
    )


def test_wordpress_paging_stops_at_page_five_even_if_items_keep_coming():
    url = "https://blog.example/tag/vacancy/feed/"
    spider = make_spider("feed", url)

    def page(request):
        number = request.cb_kwargs.get("page", 1)
        body = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>b</title>'
            "<generator>https://wordpress.org/?v=6.6</generator>"
            f"<item><title>Post {number}</title><link>https://blog.example/p{number}/</link>"
            f"<guid>https://blog.example/?p={number}</guid></item></channel></rss>"
        )
        return XmlResponse(url=request.url, body=body.encode(), request=request)

    [first] = start_requests(spider)
    items, unanswered = run_callbacks(spider, [(first, page(first))], page)
    assert [item.title for item in items] == [f"Post {n}" for n in range(1, MAX_PAGE + 1)]
    assert unanswered == []


ODD_BODIES = [
    b"{}",
    b"[]",
    b"null",
    b'"text"',
    b'{"jobs": [1, null, {"title": null}, {"title": "x"}], "offers": [{}], "result": [{"id": "1"}],'
    b' "content": [{}], "data": [{"fields": {}}, 3]}',
    b'{"data": {"list": [{}, null, {"jobId": 1}], "count": "many"}}',
    b"<html><body><p>Maintenance</p></body></html>",
    b"<?xml version='1.0'?><workzag-jobs><position><id/></position></workzag-jobs>",
    b"\xff\xfe not text",
    # a timestamp beyond the calendar (Lever's `createdAt`, Ashby's `publishedAt`)
    b'[{"text": "x", "hostedUrl": "https://example.org/x", "createdAt": 99999999999999999999}]',
    b'{"jobs": [{"title": "x", "jobUrl": "https://example.org/x", "publishedAt": 1e300}]}',
]


@pytest.mark.parametrize("platform", sorted(SPIDERS))
@pytest.mark.parametrize("body", ODD_BODIES, ids=range(len(ODD_BODIES)))
def test_odd_payloads_never_raise(platform, body):
    """Wrong shapes and junk end in no items or a recorded failure, never an exception."""
    spider = make_spider(platform, "https://example.org/list", {"RELIEFWEB_APPNAME": "t"})
    for request in start_requests(spider):
        response = TextResponse(url=request.url, body=body, request=request, encoding="utf-8")
        items, _ = run_callbacks(spider, [(request, response)], lambda r: None)
        assert all(isinstance(item, Posting) and item.title and item.url for item in items)


def test_rss_1_items_are_read():
    spider = make_spider("feed", "https://blog.example/index.rdf")
    body = (
        b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        b' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        b'<channel rdf:about="https://blog.example/"><title>Blog</title></channel>'
        b'<item rdf:about="https://blog.example/a"><title>Vacancy: Paralegal</title>'
        b"<link>https://blog.example/a?utm_source=rss</link><dc:date>2026-09-01T10:00:00Z</dc:date>"
        b"</item></rdf:RDF>"
    )
    [first] = start_requests(spider)
    response = XmlResponse(url=first.url, body=body, request=first)
    [item], _ = run_callbacks(spider, [(first, response)], lambda r: None)
    assert (item.url, item.title, item.date_posted) == (
        "https://blog.example/a",
        "Vacancy: Paralegal",
        "2026-09-01",
    )
