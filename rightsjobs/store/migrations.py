"""Every schema change of the store, in order: each runs once, in its own transaction
(sqlite-utils `Migrations`), when `open_db` opens a database that has not had it yet."""

import orjson
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from rightsjobs.store.dedup import content_bands, match_key

migrations = Migrations("rightsjobs")


@migrations()
def m001_initial(db: Database) -> None:
    db["sources"].create(
        {
            "id": str,
            "organization": str,
            "platform": str,
            "url": str,
            "enabled": int,
            "verified": str,
            "added": str,
        },
        pk="id",
    )
    db["postings"].create(
        {
            "id": str,
            "title": str,
            "organization": str,
            "description": str,
            "description_html": str,
            "url": str,
            "apply_url": str,
            "locations": str,
            "is_vacancy": int,
            "vacancy_score": float,
            "countries": str,
            "regions": str,
            "remote": str,
            "languages_required": str,
            "languages_desirable": str,
            "language_rule": str,
            "min_years_experience": int,
            "contract_type": str,
            "seniority": str,
            "deadline": str,
            "posted_date": str,
            "apply_contact": str,
            "evidence": str,
            "first_seen": str,
            "last_seen": str,
            "status": str,
            "updated_at": str,
            "reopened_at": str,
            "content_hash": str,
            "match_key": str,
        },
        pk="id",
    )
    db["postings"].create_index(["match_key"])
    db["sightings"].create(
        {
            "id": str,
            "posting_id": str,
            "source": str,
            "url": str,
            "url_key": str,
            "apply_key": str,
            "source_job_id": str,
            "title": str,
            "first_seen": str,
            "last_seen": str,
            "status": str,
        },
        pk="id",
        foreign_keys=[("posting_id", "postings", "id"), ("source", "sources", "id")],
    )
    db["sightings"].create_index(["posting_id"])
    db["sightings"].create_index(["url_key"])
    db["sightings"].create_index(["apply_key"])
    db["sightings"].create_index(["source", "status"])
    db["crawl_runs"].create(
        {
            "id": int,
            "source": str,
            "started": str,
            "finished": str,
            "status": str,
            "items": int,
            "vacancies": int,
            "news_skipped": int,
            "new_postings": int,
            "closed": int,
            "requests": int,
            "errors": int,
            "duration": float,
            "error": str,
            "stats": str,
        },
        pk="id",
    )
    db["crawl_runs"].create_index(["source", "started"])
    db["profiles"].create(
        {"id": str, "name": str, "email": str, "data": str, "active": int, "updated": str},
        pk="id",
    )
    db["matches"].create(
        {
            "profile_id": str,
            "posting_id": str,
            "rank": int,
            "score": float,
            "why": str,
            "as_of": str,
            "matched_at": str,
        },
        pk=("profile_id", "posting_id"),
    )
    db["digests"].create(
        {
            "id": str,
            "profile_id": str,
            "period": str,
            "posting_ids": str,
            "message_id": str,
            "status": str,
            "created": str,
            "sent_at": str,
            "attempts": int,
            "error": str,
            "path": str,
        },
        pk="id",
    )
    db["deliveries"].create(
        {
            "profile_id": str,
            "posting_id": str,
            "digest_id": str,
            "deadline": str,
            "status": str,
            "sent_at": str,
        },
        pk=("profile_id", "posting_id"),
    )
    db["hidden"].create(
        {"profile_id": str, "posting_id": str, "at": str}, pk=("profile_id", "posting_id")
    )


@migrations()
def m002_postings_fts(db: Database) -> None:
    """Full-text search on postings, kept current by triggers (web view search, dedup blocking).

    The update trigger re-indexes only when an indexed column changed: every crawl rewrites
    each posting it sees (last_seen), and re-indexing long descriptions each time is slow.
    """
    db["postings"].enable_fts(
        ["title", "organization", "description"],
        create_triggers=True,
        tokenize="porter unicode61 remove_diacritics 2",
    )
    db.execute("drop trigger postings_au")
    db.execute(
        "create trigger postings_au after update on postings when "
        "old.title is not new.title or old.organization is not new.organization "
        "or old.description is not new.description begin "
        "insert into postings_fts (postings_fts, rowid, title, organization, description) "
        "values ('delete', old.rowid, old.title, old.organization, old.description); "
        "insert into postings_fts (rowid, title, organization, description) "
        "values (new.rowid, new.title, new.organization, new.description); end"
    )


@migrations()
def m003_dedup_keys(db: Database) -> None:
    """Sightings found by a platform's job id; match keys recomputed as dedup's blocking keys."""
    db["sightings"].create_index(["source_job_id"])
    for row in list(db.query("select id, organization, title from postings")):
        key = match_key(row["organization"], row["title"])
        db.execute("update postings set match_key = ? where id = ?", [key, row["id"]])


@migrations()
def m004_posting_provider(db: Database) -> None:
    """Which source's fields a merged posting shows, and how authoritative that source is."""
    db["postings"].add_column("provider", str)
    db["postings"].add_column("provider_rank", int)
    db.execute(
        "update postings set provider = (select source from sightings s where s.posting_id = "
        "postings.id order by first_seen, id limit 1), provider_rank = 0"
    )


@migrations()
def m005_delivery_safety(db: Database) -> None:
    """Unsubscribe tokens carry the profile's subscription version (bumped on re-subscribing).

    A digest left `pending` by an earlier version may have reached the relay (that version
    recorded no state between handing over the message and the reply): it becomes `unknown`,
    so it is re-sent only on the maintainer's `digest --resend-unknown`.
    """
    db["profiles"].add_column("token_version", int, not_null_default=1)
    db.execute(
        "update digests set status = 'unknown', error = 'left pending by an earlier version; "
        "it may have been delivered' where status = 'pending'"
    )


@migrations()
def m006_dedup_content_keys(db: Database) -> None:
    """Dedup's content keys: each posting's MinHash-LSH bands (`content_bands`, a JSON list)
    and the side table `posting_bands` (band -> posting, indexed), kept in step by triggers;
    and an index that finds an organisation's most recent postings without reading them."""
    db["postings"].create_index(["match_key", "last_seen"])
    db["postings"].add_column("content_bands", str)
    db.execute("create table posting_bands (band integer not null, posting_id text not null)")
    db.execute("create index posting_bands_band on posting_bands (band)")
    db.execute("create index posting_bands_posting on posting_bands (posting_id)")
    refill = (
        "delete from posting_bands where posting_id = new.id; insert into posting_bands "
        "select value, new.id from json_each(coalesce(new.content_bands, '[]')); end"
    )
    db.execute(f"create trigger posting_bands_ai after insert on postings begin {refill}")
    db.execute(
        "create trigger posting_bands_au after update of id, content_bands on postings when "
        f"old.content_bands is not new.content_bands or old.id is not new.id begin "
        f"delete from posting_bands where posting_id = old.id; {refill}"
    )
    db.execute(
        "create trigger posting_bands_ad after delete on postings begin "
        "delete from posting_bands where posting_id = old.id; end"
    )
    for row in list(db.query("select id, description from postings")):
        keys = content_bands(row["description"])
        db.execute("update postings set content_bands = ? where id = ?", [keys, row["id"]])


@migrations()
def m007_new_address_new_tokens(db: Database) -> None:
    """A profile whose e-mail address changes gets a new subscription version, so links sent
    to an earlier address stay dead even if the address later changes back."""
    db.execute(
        "create trigger profiles_address_au after update of email on profiles "
        "when old.email is not new.email begin "
        "update profiles set token_version = token_version + 1 where id = new.id; end"
    )


@migrations()
def m008_deliveries_by_posting(db: Database) -> None:
    """Deliveries found from their posting: a match reads those of the open postings alone,
    not a history that grows every week (`seen_by_profile`)."""
    db["deliveries"].create_index(["posting_id"])


@migrations()
def m009_digests_by_profile(db: Database) -> None:
    """A profile's digests found from the profile: listing coverage counts the sent digests
    that carried a posting through its deliveries (`coverage.DIGESTS_REACHED`)."""
    db["digests"].create_index(["profile_id"])


@migrations()
def m010_delivery_sends(db: Database) -> None:
    """How many sent digests carried each delivered posting to its profile (`sends`, counted
    by the digest run from now on): listing coverage sums it rather than reading the postings
    of every digest ever sent. Digests already sent are counted here, once."""
    db["deliveries"].add_column("sends", int, not_null_default=0)
    db.execute(
        "update deliveries set sends = (select count(*) from digests d "
        "where d.profile_id = deliveries.profile_id and d.status = 'sent' "
        "and exists (select 1 from json_each(d.posting_ids) j "
        "where j.value = deliveries.posting_id))"
    )


# A match per row, from the shortlists (m011): rank is the place in the list, from 1.
MATCHES = """select s.profile_id, json_extract(j.value, '$[0]') as posting_id,
  j.key + 1 as rank, json_extract(j.value, '$[1]') as score,
  json_extract(j.value, '$[2]') as why, s.as_of, s.matched_at
from shortlists s, json_each(s.results) j"""


@migrations()
def m011_shortlists(db: Database) -> None:
    """Each profile's matches kept as one row, its shortlist (`shortlists.results`, a JSON
    array of `[posting_id, score, why]`, best first): a weekly match rewrites 10,000 rows, not
    200,000. The `matches` view gives them back a match per row, as the table did; a list
    keeps the latest day of its rows."""
    db["shortlists"].create(
        {"profile_id": str, "results": str, "as_of": str, "matched_at": str}, pk="profile_id"
    )
    lists: dict[str, list] = {}
    days: dict[str, tuple[str, str]] = {}
    for pid, posting, score, why, as_of, at in db.execute(
        "select profile_id, posting_id, score, why, as_of, matched_at from matches "
        "order by profile_id, rank, score desc"
    ):
        lists.setdefault(pid, []).append([posting, score, orjson.loads(why) if why else None])
        days[pid] = max(days.get(pid, ("", "")), (as_of or "", at or ""))
    db["shortlists"].insert_all(
        {
            "profile_id": pid,
            "results": orjson.dumps(results).decode(),
            "as_of": days[pid][0] or None,
            "matched_at": days[pid][1] or None,
        }
        for pid, results in lists.items()
    )
    db["matches"].drop()
    db.create_view("matches", MATCHES)
