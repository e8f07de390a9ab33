"""Unsubscribe tokens: bound to the profile's address and subscription, forgeries refused."""

import pytest

from digest import make_token, subscribe, unsubscribe, verify_token
from digest.unsubscribe import token_for
from rightsjobs.errors import InputError
from rightsjobs.store import active_profiles, open_db, upsert_profiles

SECRET = "0123456789abcdef0123456789abcdef-test"


@pytest.fixture
def db(tmp_path):
    database = open_db(tmp_path / "t.db")
    upsert_profiles(
        database,
        [
            {"id": "aigul", "email": "aigul@example.org"},
            {"id": "bo", "email": "bo@example.org"},
            {"id": "Жанна-7", "email": "zh@example.org"},
            {"id": "a.b/c?d=e", "email": "abc@example.org"},
        ],
    )
    yield database
    database.close()


@pytest.mark.parametrize("profile_id", ["aigul", "Жанна-7", "a.b/c?d=e"])
def test_token_round_trip_is_url_safe(db, profile_id):
    token = token_for(db, profile_id, SECRET)
    assert set(token) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.")
    assert verify_token(db, token, SECRET) == profile_id


def test_tampered_forged_or_foreign_tokens_are_refused(db):
    token = token_for(db, "aigul", SECRET)
    payload, version, signature = token.split(".")
    other_payload = token_for(db, "bo", SECRET).split(".")[0]
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    for bad in (
        f"{other_payload}.{version}.{signature}",  # aigul's signature on bo's id
        f"{payload}.{int(version) + 1}.{signature}",
        f"{payload}.{version}.{flipped}",
        f"{payload}.{signature}",
        payload,
        "",
        "not-a-token",
        f"{token}x",
        "Жанна.1.abc",
        make_token("aigul", "change-me", email="aigul@example.org", version=1),  # the old default
        make_token("aigul", SECRET, email="attacker@example.net", version=1),  # other address
    ):
        with pytest.raises(InputError, match="unsubscribe token"):
            verify_token(db, bad, SECRET)
    with pytest.raises(InputError):
        verify_token(db, token, "another secret of quite some length, 32+")
    assert [p["id"] for p in active_profiles(db)] == ["a.b/c?d=e", "aigul", "bo", "Жанна-7"]


def test_unsubscribe_marks_the_profile_inactive_idempotently(db):
    token = token_for(db, "aigul", SECRET)
    assert unsubscribe(db, token, SECRET) == "aigul"
    assert unsubscribe(db, token, SECRET) == "aigul"  # a second click still answers
    assert "aigul" not in [p["id"] for p in active_profiles(db)]
    with pytest.raises(InputError):
        unsubscribe(db, make_token("nobody", SECRET, email="n@example.org", version=1), SECRET)


def test_an_old_token_cannot_unsubscribe_a_resubscribed_profile(db):
    old = token_for(db, "aigul", SECRET)
    unsubscribe(db, old, SECRET)
    assert subscribe(db, "aigul") is True
    assert "aigul" in [p["id"] for p in active_profiles(db)]
    with pytest.raises(InputError, match="unsubscribe token"):
        unsubscribe(db, old, SECRET)
    assert "aigul" in [p["id"] for p in active_profiles(db)]
    new = token_for(db, "aigul", SECRET)
    assert new != old and unsubscribe(db, new, SECRET) == "aigul"


def test_subscribing_an_active_profile_keeps_its_links(db):
    token = token_for(db, "aigul", SECRET)
    assert subscribe(db, "aigul") is False
    assert verify_token(db, token, SECRET) == "aigul"
    with pytest.raises(InputError, match="no profile"):
        subscribe(db, "nobody")


def test_a_token_for_a_changed_address_is_refused(db):
    old = token_for(db, "aigul", SECRET)
    upsert_profiles(db, [{"id": "aigul", "email": "aigul@new.example.org"}])
    with pytest.raises(InputError, match="unsubscribe token"):
        unsubscribe(db, old, SECRET)
    assert verify_token(db, token_for(db, "aigul", SECRET), SECRET) == "aigul"


def test_a_token_stays_refused_when_the_address_changes_back(db):
    old = token_for(db, "aigul", SECRET)
    upsert_profiles(db, [{"id": "aigul", "email": "aigul@new.example.org"}])
    upsert_profiles(db, [{"id": "aigul", "email": "aigul@example.org"}])
    with pytest.raises(InputError, match="unsubscribe token"):
        unsubscribe(db, old, SECRET)
    upsert_profiles(db, [{"id": "aigul", "email": "aigul@example.org", "name": "Aigul"}])
    assert verify_token(db, token_for(db, "aigul", SECRET), SECRET) == "aigul"
