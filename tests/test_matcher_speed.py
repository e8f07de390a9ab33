"""The matcher's shortcuts for speed give the same results as the plain way."""

import subprocess
import sys
import threading
from pathlib import Path

import numpy as np

from matcher import Index
from matcher.text import Vectoriser, analyse_postings, posting_document, profile_document

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import Corpus  # noqa: E402

PARALLEL_CHECK = """
import sys, threading
import numpy as np
sys.path.insert(0, sys.argv[1])
from synthetic import Corpus
from matcher import fit
from matcher.text import analyse_postings
postings = Corpus(5).postings(300)
postings[7] = {**postings[7], "text": "Défenseur des droits humains à Genève. " * 40}
(alone,) = analyse_postings(postings, fit.posting_records)  # few postings: this process
assert threading.active_count() == 1  # else the processes would not be used
parts = analyse_postings(postings, fit.posting_records, processes=2)
assert len(parts) == 8
assert [lang for part in parts for lang in part.langs] == alone.langs
assert np.concatenate([part.extra for part in parts]).tobytes() == alone.extra.tobytes()
for name in ("title", "body"):
    together = np.concatenate([getattr(part, name) for part in parts])
    assert together.tolist() == getattr(alone, name).tolist()
words = [w for part in parts for w in np.array(part.words, dtype=object)[part.ids].tolist()]
assert words == np.array(alone.words, dtype=object)[alone.ids].tolist()
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
        (part,) = analyse_postings(postings, processes=2)
    finally:
        stop.set()
        other.join()
    assert part.langs == [posting_document(p)[0] for p in postings]


def test_counts_of_analysed_postings_are_those_of_their_documents():
    postings = Corpus(9).postings(60)
    postings[3] = {**postings[3], "title": ""}
    postings[4] = {**postings[4], "text": ""}
    postings[5] = {**postings[5], "title": "Legal officer", "text": "Officier juridique. " * 5}
    split = [analyse_postings(postings[:25])[0], analyse_postings(postings[25:])[0]]
    plain = Vectoriser()
    documents = list(map(posting_document, postings))
    expected = (
        plain.counts([d for _, _, d in documents]),
        plain.counts([t for _, t, _ in documents]),
    )
    numbered = Vectoriser()
    got = numbered.stacked(map(numbered.part_counts, split))
    assert list(numbered.vocabulary) == list(plain.vocabulary)
    for matrix, want in zip(got, expected, strict=True):
        assert matrix.has_canonical_format and want.has_canonical_format
        assert np.array_equal(matrix.indptr, want.indptr)
        assert np.array_equal(matrix.indices, want.indices)
        assert np.array_equal(matrix.data, want.data) and matrix.data.dtype == want.data.dtype


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
