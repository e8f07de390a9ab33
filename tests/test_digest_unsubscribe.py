"""Unsubscribe tokens: signed round trip, tampering rejected, profile made inactive."""

import pytest

from digest import make_token, unsubscribe, verify_token
from rightsjobs.errors import InputError
from rightsjobs.store import active_profiles, open_db, upsert_profiles

SECRET = "s3cret"


@pytest.mark.parametrize("profile_id", ["aigul", "Жанна-7", "a.b/c?d=e"])
def test_token_round_trip_is_url_safe(profile_id):
    token = make_token(profile_id, SECRET)
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
    assert verify_token(token, SECRET) == profile_id


def test_tampered_or_foreign_tokens_are_rejected():
    token = make_token("aigul", SECRET)
    payload, signature = token.split(".")
    other_payload = make_token("bolat", SECRET).split(".")[0]
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    for bad in (
        f"{other_payload}.{signature}",
        f"{payload}.{flipped}",
        payload,
        "",
        "not-a-token",
        f"{payload}.{signature}x",
        "Жанна.abc",
    ):
        with pytest.raises(InputError):
            verify_token(bad, SECRET)
    with pytest.raises(InputError):
        verify_token(token, "another secret")


def test_unsubscribe_marks_the_profile_inactive(tmp_path):
    db = open_db(tmp_path / "t.db")
    upsert_profiles(
        db, [{"id": "aigul", "email": "a@example.org"}, {"id": "bo", "email": "b@x.org"}]
    )
    assert unsubscribe(db, make_token("aigul", SECRET), SECRET) == "aigul"
    assert unsubscribe(db, make_token("aigul", SECRET), SECRET) == "aigul"  # idempotent
    assert [p["id"] for p in active_profiles(db)] == ["bo"]
    with pytest.raises(InputError):
        unsubscribe(db, make_token("nobody", SECRET), SECRET)
    with pytest.raises(InputError):
        unsubscribe(db, make_token("bo", "wrong"), SECRET)
    assert [p["id"] for p in active_profiles(db)] == ["bo"]
