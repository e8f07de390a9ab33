"""Upgrading a store to m005: subscription versions, and `pending` digests put in doubt."""

from sqlite_utils import Database

from digest import digests_in_doubt, token_for, verify_token
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
