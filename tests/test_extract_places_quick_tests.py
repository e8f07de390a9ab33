"""The quick tests `understand.places` runs before a costly pattern pass over no text where the
pattern matches."""

import pytest

from understand import places
from understand.text import fold

TEXTS = [
    "Duty station: Austin, TX 78701, with regular travel to Brussels",
    "Based in Salvador/BA or Recife - PE; trips to Lima - PE",
    "Cambridge, MA 02139 (hybrid: two days a week from home)",
    "Possibilità di smart working; teilweise im Homeoffice; presencial ou remota",
    "Робота частково дистанційно.",
    "Удаленная работа; العمل عن بعد",
    "This is a fully remote position, work from anywhere (Remote)",
    "Location: Remote - flexible location, home-based; prace z domova",
    "Travel to Geneva and field missions including visits to Kyiv",
    "No place here, nor any cue at all.",
]
# (pattern, its quick test): a text where the pattern matches passes the test.
PAIRS = [
    (places._CITY_STATE, lambda text: bool(places._STATE_CODE.search(text))),
    (places._CITY_UF, lambda text: any(mark in text for mark in "/-–")),
    (places._TRAVEL, lambda text: bool(places._TRAVEL_WORDS.search(text))),
    (places._HYBRID, lambda text: bool(places._REMOTE_WORDS.search(text))),
    (places._PARTLY_REMOTE, lambda text: bool(places._REMOTE_WORDS.search(text))),
    (places._REMOTE, lambda text: bool(places._REMOTE_WORDS.search(text))),
]


@pytest.mark.parametrize(
    ("pattern", "quick"),
    PAIRS,
    ids=["city-state", "city-uf", "travel", "hybrid", "partly-remote", "remote"],
)
def test_a_text_the_pattern_matches_passes_its_quick_test(pattern, quick) -> None:
    matched = 0
    for text in TEXTS + [fold(t) for t in TEXTS]:
        if pattern.search(text):
            matched += 1
            assert quick(text), text
    assert matched  # the texts test the pair
