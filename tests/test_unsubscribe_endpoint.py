"""The one-click unsubscribe endpoint (RFC 8058) over real HTTP, in the app `serve` runs."""

import http.client
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from digest.endpoint import is_one_click
from digest.unsubscribe import make_token
from rightsjobs.serve import web_app
from rightsjobs.store import open_db, upsert_profiles

SECRET = "a-test-secret-that-is-long-enough-0123456789"
ONE_CLICK = b"List-Unsubscribe=One-Click"
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def token_for(profile_id: str) -> str:
    """The token a digest to `profile_id` carries (the one place tests make tokens)."""
    return make_token(profile_id, SECRET, email=f"{profile_id}@example.org", version=1)


def tampered(token: str) -> str:
    return token[:-1] + ("A" if token[-1] != "A" else "B")


def active(path: Path) -> dict[str, int]:
    db = open_db(path, create=False)
    try:
        return {row["id"]: row["active"] for row in db.query("select id, active from profiles")}
    finally:
        db.close()


@pytest.fixture()
def store(tmp_path) -> Path:
    path = tmp_path / "rightsjobs.db"
    db = open_db(path)
    upsert_profiles(
        db, [{"id": p, "email": f"{p}@example.org"} for p in ("aigul", "bolat", "chen")]
    )
    db.close()
    return path


@pytest.fixture()
def server(store):
    """The combined app under uvicorn on a free 127.0.0.1 port, in a thread."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    config = uvicorn.Config(web_app(store, SECRET), log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    else:
        pytest.fail("uvicorn did not start")
    yield sock.getsockname()[1]
    srv.should_exit = True
    thread.join(timeout=10)
    sock.close()


def request(
    port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None
) -> tuple[int, dict[str, str], str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        head = {k.lower(): v for k, v in response.getheaders()}
        return response.status, head, response.read().decode("utf-8")
    finally:
        conn.close()


def test_get_shows_a_confirmation_form_and_changes_nothing(server, store):
    status, head, page = request(server, "GET", "/unsubscribe/" + token_for("aigul"))
    assert status == 200 and head["content-type"].startswith("text/html")
    assert 'method="post"' in page and 'name="List-Unsubscribe"' in page
    assert 'value="One-Click"' in page
    assert head["cache-control"] == "no-store" and head["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in head["content-security-policy"]
    status, head, body = request(server, "HEAD", "/unsubscribe/" + token_for("aigul"))
    assert status == 200 and body == "" and int(head["content-length"]) == len(page.encode())
    assert active(store) == {"aigul": 1, "bolat": 1, "chen": 1}


def test_one_click_post_unsubscribes_without_redirect(server, store):
    path = "/unsubscribe/" + token_for("aigul")
    status, head, page = request(server, "POST", path, ONE_CLICK, FORM)
    assert status == 200 and "location" not in head
    assert "unsubscribed" in page.lower()
    assert active(store) == {"aigul": 0, "bolat": 1, "chen": 1}
    assert request(server, "POST", path, ONE_CLICK, FORM)[0] == 200  # idempotent


def test_one_click_post_as_multipart_form_data(server, store):
    boundary = "xYzZY"
    body = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="List-Unsubscribe"\r\n\r\n'
        f"One-Click\r\n--{boundary}--\r\n"
    ).encode()
    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    status, _, _ = request(server, "POST", "/unsubscribe/" + token_for("bolat"), body, headers)
    assert status == 200
    assert active(store) == {"aigul": 1, "bolat": 0, "chen": 1}


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_tampered_token_is_refused_and_changes_nothing(server, store, method):
    forged = make_token(
        "aigul",
        "another-secret-that-is-long-enough-0123456789",
        email="aigul@example.org",
        version=1,
    )
    odd = ["%C3%A9." + token_for("aigul").split(".")[1], "x" * 5000, token_for("aigul") + "/x"]
    for token in (tampered(token_for("aigul")), "nonsense", "a.b", forged, *odd):
        status, _, page = request(server, method, "/unsubscribe/" + token, ONE_CLICK, FORM)
        assert status == 400, token
        assert "not valid" in page and "<form" not in page
    assert request(server, "GET", "/unsubscribe/")[0] == 400
    assert active(store) == {"aigul": 1, "bolat": 1, "chen": 1}


def test_a_post_without_the_one_click_body_is_refused(server, store):
    path = "/unsubscribe/" + token_for("aigul")
    for body in (b"", b"List-Unsubscribe=Other", b"\xff\xfe", b"one-click"):
        assert request(server, "POST", path, body, FORM)[0] == 400, body
    assert active(store)["aigul"] == 1


def test_bodies_are_size_bounded(server, store):
    path = "/unsubscribe/" + token_for("aigul")
    big = ONE_CLICK + b"&pad=" + b"x" * 100_000
    assert request(server, "POST", path, big, FORM)[0] == 413
    # no Content-Length: the body streams in chunks and is cut off at the bound
    chunks = iter([ONE_CLICK, b"&pad=", b"x" * 100_000])
    assert request(server, "POST", path, chunks, FORM)[0] == 413
    assert active(store)["aigul"] == 1


def test_other_methods_are_not_allowed(server, store):
    status, head, _ = request(server, "PUT", "/unsubscribe/" + token_for("aigul"), ONE_CLICK)
    assert status == 405 and head["allow"] == "GET, HEAD, POST"
    assert active(store)["aigul"] == 1


def test_a_missing_database_answers_503_not_a_traceback(server, store):
    store.unlink()
    status, _, page = request(server, "POST", "/unsubscribe/" + token_for("aigul"), ONE_CLICK, FORM)
    assert status == 503 and "Traceback" not in page


def test_one_click_bodies_are_recognised_strictly():
    nested = (
        b'--a\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n'
        b"Content-Type: multipart/mixed; boundary=b\r\n\r\n"
        b"--b\r\n\r\nOne-Click\r\n--b--\r\n--a--\r\n"
    )
    assert not is_one_click(nested, "multipart/form-data; boundary=a")
    assert not is_one_click(b"garbage", "multipart/form-data")
    assert not is_one_click(b"List-Unsubscribe=One-Click&List-Unsubscribe=x", "")
    assert not is_one_click(b"List-Unsubscribe=One-Click", "multipart/form-data; boundary=a")
    assert is_one_click(b"List-Unsubscribe=One-Click", "application/x-www-form-urlencoded")
