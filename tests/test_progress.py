"""Long steps say they are alive: a live line on a terminal, plain lines in a log."""

import io
import os
import subprocess
import sys

import yaml

from rightsjobs.demo.server import Answer, LocalSite
from rightsjobs.progress import Progress
from tests.test_crawl_faults import GOOD, board


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_log_gets_a_plain_line_at_most_every_interval():
    now = [0.0]
    log = io.StringIO()
    with Progress("matching", 100, every=10, stream=log, clock=lambda: now[0]) as bar:
        for done in range(0, 100, 5):
            now[0] += 3  # 3 s per step: a line every fourth step
            bar.update(done, "profiles ranked")
    lines = log.getvalue().splitlines()
    assert lines == [
        "matching: 15/100 profiles ranked (12 s)",
        "matching: 35/100 profiles ranked (24 s)",
        "matching: 55/100 profiles ranked (36 s)",
        "matching: 75/100 profiles ranked (48 s)",
        "matching: 95/100 profiles ranked (60 s)",
    ]


def test_a_terminal_gets_one_line_rewritten_and_cleared():
    now = [0.0]
    screen = Terminal()
    with Progress("digests", 3, stream=screen, clock=lambda: now[0]) as bar:
        now[0] = 1
        bar.update(1)
        bar.echo("aigul: sent")
        now[0] = 2
        bar.update(2)
    out = screen.getvalue()
    assert out == (
        "\r\x1b[Kdigests: 1/3 (1 s)\r\x1b[Kaigul: sent\n\r\x1b[Kdigests: 2/3 (2 s)\r\x1b[K"
    )


def test_a_crawl_waiting_on_a_slow_site_says_so(tmp_path):
    routes = {"/slow/jobs": Answer(200, board("Field Researcher"), GOOD, delay=4)}
    with LocalSite(routes=routes) as site:
        registry = [{"id": "slow", "platform": "greenhouse", "url": site.url("/slow/jobs")}]
        path = tmp_path / "sources.yaml"
        path.write_text(yaml.safe_dump(registry), encoding="utf-8")
        env = {**os.environ, "RIGHTSJOBS_PROGRESS_SECONDS": "1"}
        args = [sys.executable, "-m", "rightsjobs", "crawl", "--sources", str(path)]
        args += ["--db", str(tmp_path / "t.db"), "--set", "DOWNLOAD_DELAY=0"]
        done = subprocess.run(args, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    waiting = [n for n, line in enumerate(lines) if "waiting on slow" in line]
    finished = next(n for n, line in enumerate(lines) if line.startswith("✓ slow: ok"))
    assert waiting and waiting[0] < finished
    assert lines[waiting[0]].startswith(
        "crawling: 0/1 sources done, 0 items so far; waiting on slow"
    )
