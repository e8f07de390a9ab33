"""Bad input through the real `rightsjobs` console script: one line on stderr naming the file,
line or option, exit code 1, never a traceback; a closed output pipe ends the run silently."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

RIGHTSJOBS = str(Path(sys.executable).with_name("rightsjobs"))
DEEP = "[" * 100_000


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([RIGHTSJOBS, *args], capture_output=True, text=True, timeout=120, cwd=cwd)


def one_line_error(done: subprocess.CompletedProcess, *needles: str) -> str:
    """Assert exit 1 and a single stderr line without a traceback that holds every needle."""
    assert done.returncode == 1, (done.returncode, done.stderr[-2000:])
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr[-2000:]
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_deeply_nested_jsonl_names_the_line(tmp_path):
    posts = write(tmp_path / "deep.jsonl", '{"id": "a", "text": "Officer"}\n' + DEEP + "\n")
    one_line_error(run("extract", posts), "deep.jsonl:2", "nested")


def test_oversized_number_in_jsonl_names_the_line(tmp_path):
    posts = write(tmp_path / "big.jsonl", '{"id": "a", "text": "x", "n": ' + "9" * 5000 + "}\n")
    one_line_error(run("extract", posts), "big.jsonl:1", "invalid JSON")


def test_deeply_nested_jsonl_feed_for_ingest(tmp_path):
    feed = write(tmp_path / "feed.jl", DEEP + "\n")
    one_line_error(run("ingest", feed, "--db", str(tmp_path / "x.db")), "feed.jl:1", "nested")


@pytest.mark.parametrize("command", [("sources", "check"), ("profiles", "load")])
def test_deeply_nested_yaml_names_the_file(tmp_path, command):
    path = write(tmp_path / "deep.yaml", DEEP + "\n")
    one_line_error(run(*command, path, cwd=tmp_path), "deep.yaml", "nested")


def test_demo_with_a_bad_date_names_the_option(tmp_path):
    line = one_line_error(run("demo", "--as-of", "banana", cwd=tmp_path), "--as-of", "banana")
    assert line.startswith("Error:")
    assert not (tmp_path / "demo.db").exists()


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("extract", "--as-of", "2026-02-30"), "--as-of"),
        (("rank", "--profiles", "p.yaml", "--postings", "x", "--top", "0"), "--top"),
        (("coverage", "--format", "xml"), "--format"),
        (("ingest", "."), "FEEDS"),
        (("export", "--no-such-option"), "--no-such-option"),
        (("no-such-command",), "no-such-command"),
        (("serve", "--port", "99999"), "--port"),
    ],
)
def test_usage_errors_are_one_line_with_exit_1(tmp_path, args, needle):
    one_line_error(run(*args, cwd=tmp_path), needle)


def test_ingest_item_with_a_non_string_url_is_dropped_not_a_crash(tmp_path):
    registry = write(
        tmp_path / "s.yaml",
        "- id: srw\n  organization: Steppe Rights Watch\n  platform: greenhouse\n"
        "  url: http://127.0.0.1:9/jobs\n",
    )
    good = {"source": "srw", "url": "https://jobs.example.org/1", "title": "Legal Officer"}
    feed = write(
        tmp_path / "feed.jl",
        json.dumps({**good, "description": "Vacancy: Legal Officer in Almaty."})
        + "\n"
        + json.dumps({"source": "srw", "url": 123, "title": "Number"})
        + "\n",
    )
    done = run("ingest", feed, "--sources", registry, "--db", str(tmp_path / "x.db"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_closed_output_pipe_is_silent(tmp_path):
    line = {"id": "a", "text": "Vacancy: Legal Officer in Almaty, Kazakhstan. " * 20}
    posts = write(tmp_path / "many.jsonl", (json.dumps(line) + "\n") * 400)
    done = subprocess.run(
        f"'{RIGHTSJOBS}' extract '{posts}' | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert json.loads(done.stdout)["id"] == "a"
    assert done.stderr == ""


@pytest.mark.parametrize("args", [(), ("sources",)])
def test_a_group_alone_shows_its_help(args):
    done = run(*args)
    assert done.stderr.startswith("Usage: rightsjobs")
    assert "Error" not in done.stderr and "Traceback" not in done.stderr
