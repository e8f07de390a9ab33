"""A search that uses what profiles kept from the last one finds exactly what a full one does."""

import sys
from datetime import timedelta
from pathlib import Path

from matcher import Index
from matcher.memory import Memory

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from synthetic import Corpus  # noqa: E402


def test_week_after_week_the_kept_postings_give_the_full_search_results():
    corpus = Corpus(11)
    postings, profiles = corpus.postings(2600), corpus.profiles(150)
    index = Index(postings[:2000])
    memory, seen, day = Memory(), {}, corpus.as_of
    full = []
    for week in range(6):
        remembered = index.rank(profiles, k=8, as_of=day, seen=seen, memory=memory)
        assert remembered == index.rank(profiles, k=8, as_of=day, seen=seen)
        full.append(memory.searched_in_full)
        for profile, shortlist in zip(profiles, remembered, strict=True):  # a digest went out
            seen.setdefault(profile["id"], set()).update(r["id"] for r in shortlist)
        new = postings[2000 + 100 * week : 2100 + 100 * week]
        rewritten = [{**p, "text": p["text"] + " rewritten"} for p in postings[week::50]]
        index.add(new + rewritten)
        index.remove(p["id"] for p in postings[500 + 40 * week : 520 + 40 * week])
        profiles[week] = {**profiles[week], "about": "litigation before regional courts"}
        day += timedelta(days=7)
    assert full[0] == len(profiles)  # nothing kept yet
    assert full[1] < len(profiles) / 2  # most profiles were spared the full search
    assert full[-1] > full[1]  # later, shown postings used up what many kept: floors decide


def test_memory_is_dropped_for_another_index_an_earlier_day_or_another_k():
    corpus = Corpus(12)
    postings, profiles = corpus.postings(600), corpus.profiles(40)
    index, memory = Index(postings), Memory()
    index.rank(profiles, k=5, as_of=corpus.as_of, memory=memory)
    assert memory.serves(index.lineage, corpus.as_of.toordinal() + 7, 5)
    assert not memory.serves(index.lineage, corpus.as_of.toordinal() - 1, 5)
    assert not memory.serves(index.lineage, corpus.as_of.toordinal(), 6)
    assert not memory.serves(Index(postings).lineage, corpus.as_of.toordinal(), 5)
    later = corpus.as_of - timedelta(days=3)
    got = index.rank(profiles, k=5, as_of=later, memory=memory)
    assert got == index.rank(profiles, k=5, as_of=later)
    assert memory.searched_in_full == len(profiles)


def test_the_lists_of_all_postings_are_built_only_for_a_full_search():
    corpus = Corpus(13)
    postings, profiles = corpus.postings(1100), corpus.profiles(60)
    index, memory = Index(postings[:1000]), Memory()
    index.rank(profiles, k=5, as_of=corpus.as_of, memory=memory)
    assert index._lists.lists.complete  # nothing kept yet: every profile in full
    index.add(postings[1000:])
    later = corpus.as_of + timedelta(days=1)
    spared = index.rank(profiles, k=5, as_of=later, memory=memory)
    assert memory.searched_in_full == 0
    assert not index._lists.lists.complete
    profiles[0] = {**profiles[0], "about": "litigation before regional courts"}  # changed
    got = index.rank(profiles, k=5, as_of=later, memory=memory)
    assert memory.searched_in_full == 1
    assert index._lists.lists.complete
    assert got[1:] == spared[1:]
    assert got == index.rank(profiles, k=5, as_of=later)
