"""Upgrading a store: m005 (subscription versions, `pending` digests put in doubt) and m010
(the sent digests that carried each delivery counted)."""

import json

from sqlite_utils import Database

from digest import digests_in_doubt, token_for, verify_token
from rightsjobs import coverage
from rightsjobs.store import migrations, open_db

SECRET = "0123456789abcdef0123456789abcdef-test"


def test_m005_adds_versions_and_puts_old_pending_digests_in_doubt(tmp_path):
    old = Database(tmp_path / "t.db")
    migrations.apply(old, stop_before="m005_delivery_safety")
    old["profiles"].insert({"id": "aigul", "email": "aigul@example.org", "active": 1})
    for status in ("pending", "sent", "failed-temporary"):
        old["digests"].insert({"id": f"aigul:{status}", "profile_id": "aigul", "status": status})
    old.close()

    db = open_db(tmp_path / "t.db")
    assert db["profiles"].get("aigul")["token_version"] == 1
    assert verify_token(db, token_for(db, "aigul", SECRET), SECRET) == "aigul"
    statuses = {r["id"]: r["status"] for r in db["digests"].rows}
    assert statuses == {
        "aigul:pending": "unknown",  # the old version could not tell whether it went out
        "aigul:sent": "sent",
        "aigul:failed-temporary": "failed-temporary",
    }
    assert [r["id"] for r in digests_in_doubt(db)] == ["aigul:pending"]


def test_m010_counts_the_sent_digests_that_carried_each_delivery(tmp_path):
    old = Database(tmp_path / "t.db")
    migrations.apply(old, stop_before="m010_delivery_sends")
    digests = [  # sent twice to aigul (the second after its deadline moved), once to bolat
        ("a1", "aigul", "sent", ["p1", "p2"]),
        ("a2", "aigul", "sent", ["p1"]),
        ("a3", "aigul", "outbox", ["p1", "p2"]),  # written to a file, never sent
        ("b1", "bolat", "sent", ["p2"]),
        ("b2", "bolat", "sent", []),
    ]
    old["digests"].insert_all(
        {"id": i, "profile_id": who, "status": status, "posting_ids": json.dumps(ids)}
        for i, who, status, ids in digests
    )
    old["deliveries"].insert_all(
        {"profile_id": who, "posting_id": pid, "digest_id": last, "status": "sent"}
        for who, pid, last in [("aigul", "p1", "a2"), ("aigul", "p2", "a1"), ("bolat", "p2", "b1")]
    )
    old.close()

    db = open_db(tmp_path / "t.db")
    sends = {(r["profile_id"], r["posting_id"]): r["sends"] for r in db["deliveries"].rows}
    assert sends == {("aigul", "p1"): 2, ("aigul", "p2"): 1, ("bolat", "p2"): 1}
    reached = dict(
        db.execute(coverage.DIGESTS_REACHED, [json.dumps(["p1", "p2", "p3"])]).fetchall()
    )
    assert reached == {"p1": 2, "p2": 2}
