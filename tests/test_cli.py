"""The command line: helpful one-line errors, exit codes, documented commands."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from rightsjobs.cli import cli

README = Path(__file__).resolve().parent.parent / "README.md"


def invoke(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input)


def one_line_error(result, *needles):
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    error = [line for line in lines if line.startswith("Error:")]
    assert len(error) == 1, result.output
    for needle in needles:
        assert needle in error[0], error[0]


def test_every_command_is_documented_in_the_readme():
    readme = README.read_text(encoding="utf-8")
    names = []
    for name, command in cli.commands.items():
        subs = getattr(command, "commands", None)
        names += [f"{name} {sub}" for sub in subs] if subs else [name]
    missing = [n for n in names if not re.search(rf"rightsjobs {n}\b", readme)]
    assert not missing


def test_every_command_has_help():
    for name in cli.commands:
        result = invoke(name, "--help")
        assert result.exit_code == 0 and "Usage:" in result.output


def test_missing_input_file(tmp_path):
    one_line_error(
        invoke("profiles", "load", str(tmp_path / "nope.yaml"), "--db", str(tmp_path / "x.db")),
        "nope.yaml",
    )


def test_malformed_jsonl_names_the_line(tmp_path):
    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": "a", "text": "Vacancy"}\n{"id": "b", "text": \n', encoding="utf-8")
    one_line_error(invoke("extract", str(path)), "posts.jsonl:2", "invalid JSON")


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"text": "Vacancy"}', "'id'"),
        ('{"id": "x"}', "neither 'text' nor 'html'"),
        ("[1, 2]", "JSON object"),
    ],
)
def test_bad_postings_lines(tmp_path, line, problem):
    path = tmp_path / "posts.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    one_line_error(invoke("extract", str(path)), "posts.jsonl:1", problem)


def test_unwritable_database_location(tmp_path):
    profiles = tmp_path / "p.yaml"
    profiles.write_text("- id: a\n", encoding="utf-8")
    one_line_error(
        invoke("profiles", "load", str(profiles), "--db", str(tmp_path / "no" / "dir" / "x.db")),
        "x.db",
    )


def test_not_a_database(tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("this is not sqlite " * 100, encoding="utf-8")
    one_line_error(invoke("status", "--db", str(bogus)), "bogus.db")


def test_commands_reading_the_store_need_one(tmp_path):
    one_line_error(invoke("export", "--db", str(tmp_path / "none.db")), "none.db", "no database")


def test_unknown_source_id(tmp_path):
    registry = tmp_path / "s.yaml"
    registry.write_text(
        "- id: a\n  organization: X\n  platform: greenhouse\n  url: http://127.0.0.1:9/x\n",
        encoding="utf-8",
    )
    one_line_error(
        invoke("crawl", "--sources", str(registry), "zzz", "--db", str(tmp_path / "x.db")), "zzz"
    )


def test_profiles_load_then_list(tmp_path):
    db = str(tmp_path / "x.db")
    profiles = tmp_path / "p.yaml"
    profiles.write_text("- id: amina\n  email: amina@example.org\n- id: bo\n", encoding="utf-8")
    assert invoke("profiles", "load", str(profiles), "--db", db).exit_code == 0
    assert invoke("profiles", "load", str(profiles), "--db", db).exit_code == 0
    listing = invoke("profiles", "list", "--db", db)
    assert listing.exit_code == 0
    assert "amina" in listing.output and "loaded 2 profiles" not in listing.output
    assert "2 profiles" in listing.output


def test_bad_week(tmp_path):
    db = str(tmp_path / "x.db")
    invoke("profiles", "list", "--db", db)
    one_line_error(invoke("digest", "--week", "2026-48", "--db", db), "--week")


def test_rank_reads_html_only_postings(tmp_path):
    profiles = tmp_path / "p.yaml"
    profiles.write_text(
        "- id: lawyer\n  about: Human rights lawyer, litigation.\n", encoding="utf-8"
    )
    postings = tmp_path / "h.jsonl"
    html = (
        "<h1>Legal Officer</h1><p>Vacancy: Legal Officer for strategic litigation, based in "
        "Nairobi, Kenya. Deadline 10 January 2099.</p>"
    )
    postings.write_text(json.dumps({"id": "h1", "html": html}) + "\n", encoding="utf-8")
    result = invoke("rank", "--profiles", str(profiles), "--postings", str(postings))
    assert result.exit_code == 0, result.output
    line = json.loads(result.output.splitlines()[0])
    assert line["profile"] == "lawyer" and [r["id"] for r in line["results"]] == ["h1"]
    assert "litigation" in line["results"][0]["why"]["matched_terms"]


def test_extract_writes_each_batch_and_says_how_far_it_is(tmp_path, monkeypatch):
    monkeypatch.setattr("rightsjobs.cli.EXTRACT_BATCH", 2)
    monkeypatch.setenv("RIGHTSJOBS_PROGRESS_SECONDS", "0")  # a progress line for every batch
    path = tmp_path / "posts.jsonl"
    text = "Legal Officer, Nairobi. Three years of experience. Apply by 3 May 2027."
    lines = [{"id": f"p{i}", "text": text} for i in range(5)]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [
        f"p{i}" for i in range(5)
    ]
    progress = [line.split(" (")[0] for line in result.stderr.splitlines()]
    assert progress == [
        "extracting: 2/5 posts",
        "extracting: 4/5 posts",
        "extracting: 5/5 posts",
        "extracted 5 posts: 5 vacancies",
    ]


def test_extract_needs_no_mail_settings(tmp_path, monkeypatch):
    monkeypatch.setenv("RIGHTSJOBS_FROM", "not an address")  # `digest` refuses it; not `extract`
    path = tmp_path / "posts.jsonl"
    path.write_text('{"id": "a", "text": "Legal Officer, Nairobi."}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"] == "a"
