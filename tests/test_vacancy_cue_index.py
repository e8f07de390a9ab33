"""The cue index (literal word starts + residual searches) finds what one search per cue finds."""

import pytest

from understand.text import Doc, fold, normalise, sentence_at
from understand.vacancy import _CUES, _RESIDUAL, _WORD, _structure, cue_lines, head

TEXTS = [
    "",
    "x",
    "The network is recruiting two trainers. Our former interns wrote the guide.",
    "Rights_is recruiting nothing; it_was appointed? No: she has been appointed director.",
    "Applications are now closed. The post has been filled. A 3-day workshop for lawyers.",
    "Field Monitor (1.0 fte)\nSalary: grade P3\n5 tips for applicants, 4 min read.",
    "La asociación está a contratar; estamos contratando a una abogada para Lisboa.",
    "Ассоциация ищет юриста. В описании вакансии сказано, что опыт работы обязателен.",
    "Basketball coach wanted; a cover letter helps. Our work, my time at the clinic.",
    "ﬁeld 🌍 vacancy: we're hiring! Deadline for applications: 2 May.",
    "Once the position is filled we write. Until the post is closed, the roles are filled.",
    "A three_day course; a 2-day training and 3 fte; 10 min read.",
]


def plain(text: str) -> dict[str, str]:
    doc = Doc(normalise(text))
    shown, folded = head(doc), fold(head(doc))
    out = {n: sentence_at(shown, m.start()) for n, p in _CUES if (m := p.search(folded))}
    return out | dict(_structure(doc, "says the selection is closed" in out))


@pytest.mark.parametrize("text", TEXTS)
def test_the_index_finds_the_first_match_of_every_cue(text):
    doc = Doc(normalise(text))
    shown = head(doc)
    folded = fold(shown)
    assert cue_lines(doc, shown, folded, _WORD.findall(folded)) == plain(text)


def test_most_cues_are_indexed_by_word_starts():
    assert len(_RESIDUAL) <= len(_CUES) // 4  # the rest are found through the index


def test_residual_searches_know_the_literals_they_need():
    needs = {_CUES[k][0]: literals for k, _, literals in _RESIDUAL}
    assert needs["words a job advert uses"] == ("fte",)
    assert "" in needs["career advice"]  # its "5 tips" alternative holds no literal
