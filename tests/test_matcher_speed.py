"""The matcher's shortcuts for speed give the same results as the plain way."""

import subprocess
import sys
import threading
from pathlib import Path

from matcher import Index
from matcher.text import Vectoriser, posting_document, posting_documents, profile_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import Corpus  # noqa: E402

PARALLEL_CHECK = """
import sys, threading
sys.path.insert(0, sys.argv[1])
from synthetic import Corpus
from matcher.text import posting_document, posting_documents
postings = Corpus(5).postings(300)
postings[7] = {**postings[7], "text": "Défenseur des droits humains à Genève. " * 40}
alone = list(map(posting_document, postings))
assert threading.active_count() == 1  # else the processes would not be used
assert posting_documents(postings, processes=2) == alone
assert posting_documents(postings) == alone  # few postings: this process
"""


def test_postings_analysed_in_processes_are_analysed_alike():
    # In a fresh interpreter: threads left by other tests would keep the work in one process.
    bench = Path(__file__).resolve().parents[1] / "bench"
    run = subprocess.run([sys.executable, "-c", PARALLEL_CHECK, str(bench)], capture_output=True)
    assert run.returncode == 0, run.stderr.decode()


def test_postings_are_analysed_in_this_process_while_other_threads_run():
    postings = Corpus(5).postings(50)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert posting_documents(postings, processes=2) == list(map(posting_document, postings))
    finally:
        stop.set()
        other.join()


def test_new_words_are_numbered_in_order_of_first_appearance():
    vec = Vectoriser()
    first = vec._ids(["legal", "aid", "legal", "rights"]).tolist()
    again = vec._ids(["rights", "campaign", "aid", "campaign", "media"]).tolist()
    assert first == [0, 1, 0, 2] and again == [2, 3, 1, 3, 4]
    assert list(vec.vocabulary) == ["legal", "aid", "rights", "campaign", "media"]


def test_profile_words_remembered_by_spelling_analyse_alike():
    profile = {
        "about": "UN Campaigner; campaigns, CAMPAIGNING and NGO rights. Droits humains",
        "keywords": ["Legal aid"],
    }
    expected = (
        [
            ["campaign", "campaign", "campaign", "ngo", "right", "droit", "humain"],
            ["legal", "aid"],
            ["legal", "aid"],
        ],
        {
            "legal": "legal",
            "aid": "aid",
            "aid legal": "Legal aid",
            "campaign": "campaigner",
            "ngo": "NGO",
            "right": "rights",
            "droit": "droits",
            "humain": "humains",
        },
    )
    assert profile_document(profile) == expected
    assert profile_document(profile) == expected  # again, from what was remembered


def test_an_index_built_in_processes_ranks_alike(monkeypatch):
    corpus = Corpus(11)
    postings, profiles = corpus.postings(400), corpus.profiles(30)
    alone = Index(postings).rank(profiles, 10, corpus.as_of)
    monkeypatch.setattr("matcher.text.PARALLEL_FROM", 100)
    assert Index(postings).rank(profiles, 10, corpus.as_of) == alone
