"""Dedup: the same_job rules one by one, find_posting against a store, and the labelled eval."""

import random
import time
from datetime import UTC, datetime

import pytest
from sqlite_utils import Database

from eval.dedup import score
from rightsjobs.store import encode, migrations, open_db
from rightsjobs.store.crawls import posting_fields, record_run
from rightsjobs.store.dedup import bands, find_posting, match_key, org_key, org_relation, same_job
from rightsjobs.urls import url_key

ABOUT = (
    "Amnesty International is a global movement of more than ten million people who campaign "
    "for a world where human rights are enjoyed by all. "
)
CRISIS = (
    "You will lead rapid investigations into attacks affecting civilians in Ukraine, gather and "
    "assess testimonies, work with our Evidence Lab on satellite imagery and weapons analysis, "
    "and turn findings into research outputs, advocacy briefings and media work. You need field "
    "research experience in conflict settings and fluency in Ukrainian or Russian. The role is "
    "based in Kyiv."
)
ATS = "https://amnesty.wd3.myworkdayjobs.com/en-US/Careers/job/Kyiv/Researcher_R-2024-117"


def job(**fields) -> dict:
    """A posting as same_job compares it, with defaults for Amnesty's crisis researcher."""
    return {
        "title": "Researcher, Crisis Response (Ukraine)",
        "organization": "Amnesty International - International Secretariat",
        "description": ABOUT + CRISIS,
        "url": ATS,
        "apply_url": None,
        "countries": ["UA"],
        "regions": ["Eastern Europe"],
        "deadline": "2024-11-03",
        "posted_date": "2024-10-07",
        **fields,
    }


def copy(**fields) -> dict:
    """A re-published copy: its own page, no link back, unless given."""
    return job(url="https://reliefweb.int/job/4101001/researcher", **fields)


def test_a_shared_apply_link_without_tracking_is_the_same_job():
    same, score_, reason = same_job(job(), copy(apply_url=ATS + "?utm_source=reliefweb"))
    assert same and score_ == 1.0 and reason.startswith("same link")


def test_the_same_ats_id_in_two_url_shapes_is_the_same_job():
    ats = job(url="https://boards.greenhouse.io/humanrightswatch/jobs/4501001")
    board = copy(apply_url="https://www.hrw.org/careers?gh_jid=4501001&utm_campaign=rw")
    assert same_job(ats, board)[2] == "same link greenhouse:4501001"


def test_a_shared_link_a_year_apart_is_a_new_advertisement():
    again = copy(apply_url=ATS, posted_date="2025-10-06", deadline="2025-11-02")
    same, _, reason = same_job(job(), again)
    assert not same and "deadlines" in reason


def test_a_generic_careers_page_is_not_a_shared_link():
    a = job(apply_url="https://www.nrc.no/careers/", title="Protection Officer")
    b = copy(apply_url="https://www.nrc.no/careers/?utm_source=x", title="Legal Officer")
    assert not same_job(a, b)[2].startswith("same link")


@pytest.mark.parametrize(
    ("a", "b", "relation"),
    [
        ("Amnesty International - International Secretariat", "Amnesty International", "same"),
        ("HRW", "Human Rights Watch", "same"),
        ("Civil Rights Defenders", "CRD", "same"),
        ("International Federation for Human Rights", "FIDH", "same"),
        ("The Norwegian Refugee Council (NRC)", "NRC", "same"),
        ("Amnesty International UK", "Amnesty International", "related"),
        ("Access Now", "Privacy International", "different"),
        (None, "Access Now", None),
    ],
)
def test_organisation_names_aliases_and_acronyms(a, b, relation):
    assert org_relation(a, b) == relation


def test_match_key_is_canonical_organisation_then_role_words():
    assert org_key("ARTICLE 19: Global Campaign for Free Expression") == "article 19"
    assert match_key("HRW", "Researcher, Asia Division") == (
        "human rights watch|asia division researcher"
    )
    assert match_key("Amnesty International", "Senior Legal Advisor – Amnesty International") == (
        match_key("Amnesty International - International Secretariat", "Senior Legal Adviser")
    )


def test_a_post_linking_to_the_ad_is_the_same_job():
    text = f"Our friends at Amnesty need a researcher in Kyiv. Apply at {ATS}?utm_source=blog."
    blog = copy(title="Amnesty seeks a Crisis Researcher", description=text, deadline=None)
    same, _, reason = same_job(job(), blog)
    assert same and reason == f"linked from the text: {ATS.split('//')[1]}"


def test_a_retitled_truncated_copy_is_the_same_job():
    blog = copy(
        title="Amnesty is hiring a Crisis Researcher in Kyiv",
        organization="Amnesty International",
        description=" ".join((ABOUT + CRISIS).split()[:50]) + " … Read more",
        deadline=None,
    )
    same, score_, _ = same_job(job(), blog)
    assert same and score_ >= 0.7


def test_same_title_in_another_country_is_another_job():
    same, _, reason = same_job(job(), copy(countries=["PL"]))
    assert not same and reason == "countries UA vs PL"


def test_same_title_and_country_in_another_city_is_another_job():
    kyiv = job(locations=[{"raw": "Kyiv, Ukraine", "city": "Kyiv", "country": "UA"}])
    lviv = copy(locations=[{"raw": "Lviv", "city": "Lviv", "country": "UA"}])
    assert same_job(kyiv, lviv)[2] == "cities kyiv vs lviv"


def test_same_title_a_year_later_is_another_job():
    same, _, reason = same_job(job(), copy(posted_date="2025-10-06", deadline="2025-11-02"))
    assert not same and reason == "deadlines 2024-11-03 vs 2025-11-02"


def test_senior_and_junior_roles_are_different_jobs():
    senior = job(title="Senior Researcher, Crisis Response")
    junior = copy(title="Junior Researcher, Crisis Response")
    assert same_job(senior, junior)[2] == "roles researcher senior vs junior researcher"


def test_the_same_title_at_another_organisation_is_another_job():
    other = copy(organization="Human Rights Watch")
    assert same_job(job(), other)[2] == "different organisations"


def test_titles_naming_what_the_other_never_mentions_are_different_jobs():
    campaign = (
        "You will design global campaigns on fossil fuel phase-out and loss and damage finance, "
        "work with sections and partners, plan mobilisation moments around the climate "
        "conferences and shape digital actions that reach millions of supporters. "
    )
    climate = job(title="Campaigner – Climate Justice", description=ABOUT + campaign * 2)
    snippet = " ".join(ABOUT.split()[:40]) + " … Read more"
    gender = copy(title="Campaigner, Gender Justice", description=snippet)
    same, _, reason = same_job(climate, gender)
    assert not same and reason == "titles differ: climate gender"


def test_one_source_lists_two_jobs_unless_their_text_is_the_same():
    lviv = CRISIS.replace("Evidence Lab on satellite imagery and weapons analysis", "refugee team")
    lviv = lviv.replace("The role is based in Kyiv.", "The role is based in Lviv, near Poland.")
    same, _, reason = same_job(job(source="rw"), copy(source="rw", description=ABOUT + lviv))
    assert not same and reason == "both listed by rw"
    moved = job(source="rw", url="https://reliefweb.int/job/4101001/researcher-kyiv")
    assert same_job(job(source="rw"), moved)[0]  # the source changed the job's URL


def item(url: str, title: str, description: str, **understood) -> dict:
    """A crawl item as the pipeline hands it to the store."""
    return {
        "url": url,
        "title": title,
        "description": description,
        "description_html": "",
        "organization": "Amnesty International",
        "apply_url": None,
        "locations": [],
        "source_job_id": None,
        "understood": {
            "is_vacancy": True,
            "title": title,
            "organization": "Amnesty International",
            "countries": ["UA"],
            "regions": ["Eastern Europe"],
            "deadline": "2024-11-03",
            **understood,
        },
    }


def crawl(db, source: str, items: list[dict]) -> None:
    for it in items:
        it["source"] = source
    record_run(db, {"id": source, "platform": "feed", "url": "u"}, items, started=datetime.now(UTC))


def test_find_posting_merges_copies_and_keeps_hard_negatives_apart(db):
    crawl(
        db,
        "amnesty",
        [
            item(ATS, "Researcher, Crisis Response (Ukraine)", ABOUT + CRISIS),
            item(ATS + "-pl", "Researcher, Crisis Response (Ukraine)", ABOUT, countries=["PL"]),
        ],
    )
    ukraine, poland = (
        r["posting_id"] for r in db.query("select posting_id from sightings order by url")
    )
    blog = item("https://blog.example/amnesty-kyiv", "Crisis Researcher, Kyiv", CRISIS)
    assert find_posting(db, {**blog, "source": "blog"}) == ukraine
    poland_copy = item(
        "https://board.example/9", "Researcher – Crisis Response", ABOUT, countries=["PL"]
    )
    assert find_posting(db, {**poland_copy, "source": "board"}) == poland
    senior = item("https://board.example/10", "Senior Researcher, Crisis Response", CRISIS)
    assert find_posting(db, {**senior, "source": "board"}) is None
    moved = item("https://amnesty.example/new-url", "Researcher, Crisis Response (Ukraine)", ABOUT)
    assert (
        find_posting(
            db,
            {
                **moved,
                "source": "amnesty",
                "understood": {**moved["understood"], "countries": ["PL"]},
            },
        )
        == poland
    )


def test_find_posting_uses_indexes_and_stays_fast_on_a_large_store(db):
    rows = [
        {
            "id": f"p{i}",
            "title": f"Officer {i} for topic {i % 97}",
            "organization": f"Organisation {i % 300}",
            "description": f"Work on topic {i % 97} with partners. " * 30,
            "is_vacancy": 1,
            "countries": '["KE"]',
            "status": "open",
            "first_seen": "2024-10-01T00:00:00+00:00",
            "last_seen": "2024-10-01T00:00:00+00:00",
            "match_key": match_key(f"Organisation {i % 300}", f"Officer {i} for topic {i % 97}"),
        }
        for i in range(3000)
    ]
    db["postings"].insert_all(rows, alter=True)
    plan = " ".join(
        r["detail"]
        for r in db.query(
            "explain query plan select rowid from postings where match_key >= ? and "
            "match_key < ? order by last_seen desc limit 200",
            ["organisation 7|", "organisation 7}"],
        )
    )
    assert "USING COVERING INDEX" in plan
    probe = item("https://x.example/1", "Officer for topic 5", "Work on topic 5. " * 30)
    probe["understood"]["organization"] = "Organisation 7"
    start = time.perf_counter()
    for n in range(100):
        find_posting(db, {**probe, "url": f"https://x.example/{n}", "source": "x"})
    assert time.perf_counter() - start < 3.0


def test_the_labelled_set_meets_the_targets():
    result = score()
    assert result["postings"] >= 60
    assert result["precision"] >= 0.95 and result["recall"] >= 0.95
    assert result["store"]["precision"] >= 0.95 and result["store"]["recall"] >= 0.95


def big_organisation(db, n: int) -> list[str]:
    """A store holding n researcher jobs of one organisation, with texts of their own, written
    as ingest writes them; returns their ids, the least recently seen first."""
    rng = random.Random(12)
    syllables = [c + v for c in "bcdfgklmnprstvz" for v in "aeiou"]
    vocab = ["".join(rng.choices(syllables, k=3)) for _ in range(3000)]
    ids = [f"p{i}" for i in range(n)]
    postings, sightings = [], []
    for i, posting_id in enumerate(ids):
        url = f"https://amnesty.example/jobs/{i}"
        it = item(
            url, f"Researcher, {vocab[i].title()} Programme", " ".join(rng.sample(vocab, 120))
        )
        seen = f"2024-10-{1 + i // 24:02}T{i % 24:02}:00:00+00:00"
        fields = {"id": posting_id, "status": "open", "first_seen": seen, "last_seen": seen}
        postings.append(encode({**posting_fields(it), **fields}))
        sightings.append(
            {"id": f"amnesty:{i}", "posting_id": posting_id, "source": "amnesty", "url": url}
            | {"url_key": url_key(url), "title": it["title"], **fields}
        )
    db["postings"].insert_all(postings)
    db["sightings"].insert_all(sightings)
    return ids


def test_a_copy_is_found_beyond_the_organisations_200_most_recent_postings(db):
    ids = big_organisation(db, 300)
    target = db["postings"].get(ids[300 - 250])  # the 250th most recent
    assert len(set(ids)) == 300
    copied = item("https://board.example/77", target["title"], target["description"])
    assert find_posting(db, {**copied, "source": "board"}) == target["id"]
    edited = target["description"].replace(" ", " and ", 3) + " Apply on our website."
    retouched = item("https://other.example/5", target["title"], edited)
    assert find_posting(db, {**retouched, "source": "other"}) == target["id"]


def test_content_keys_follow_the_stored_description(db):
    crawl(db, "amnesty", [item(ATS, "Researcher, Crisis Response (Ukraine)", ABOUT + CRISIS)])
    (posting_id,) = (r["id"] for r in db.query("select id from postings"))

    def keys() -> set[int]:
        sql = "select band from posting_bands where posting_id = ?"
        return {r["band"] for r in db.query(sql, [posting_id])}

    assert keys() == set(bands(ABOUT + CRISIS)) and len(keys()) == 16
    crawl(db, "amnesty", [item(ATS, "Researcher, Crisis Response (Ukraine)", CRISIS * 2)])
    assert keys() == set(bands(CRISIS * 2)) != set(bands(ABOUT + CRISIS))
    db["postings"].delete(posting_id)
    assert not keys()


def test_upgrading_a_store_gives_its_postings_content_keys(tmp_path):
    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before="m006_dedup_content_keys")
    old["postings"].insert({"id": "p1", "description": ABOUT + CRISIS})
    old["postings"].insert({"id": "p2", "description": "Too short to compare."})
    old.close()
    db = open_db(tmp_path / "old.db")
    rows = db.query("select posting_id, band from posting_bands order by rowid")
    assert [(r["posting_id"], r["band"]) for r in rows] == [
        ("p1", b) for b in bands(ABOUT + CRISIS)
    ]
