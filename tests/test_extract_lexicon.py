import re

from understand.lexicon import NameIndex, kept_index
from understand.text import Doc


def _index() -> NameIndex:
    index = NameIndex()
    index.add("The Gambia", "GM")
    index.add("the State of Palestine", "PS", "any")
    index.add("Kyiv", "UA")
    index.add("UK", "GB", "exact")
    return index


def test_may_name_needs_the_longest_word_of_a_name():
    index = _index()
    assert index.may_name("Offices in Banjul, The Gambia")
    assert index.may_name("recognised the state of palestine")  # mode "any": any case
    assert not index.may_name("The team and the state of the art")  # "the" alone names nothing
    assert not index.may_name("a kyiv-born writer")  # a capital-mode name needs its capital
    assert index.may_name("Based in the UK")


def test_find_gives_the_same_hits_with_the_quick_test():
    index = _index()
    text = "From Kyiv to The Gambia, the state of palestine and the UK (not the uk)."
    hits = [(h.value, h.raw) for h in index.find(text)]
    assert hits == [
        ("UA", "Kyiv"),
        ("GM", "The Gambia"),
        ("PS", "the state of palestine"),
        ("GB", "UK"),
    ]
    assert index.find("The state of the art") == []
    assert index.find("Lviv office") == []
    index.add("Lviv", "UA")  # a name added later is found in a text seen before
    assert [h.value for h in index.find("Lviv office")] == ["UA"]


def test_sentences_matching_finds_every_sentence_a_search_finds():
    doc = Doc("Intro line. Based in Kyiv.\nNo cue here. We are based\nin Lviv? Yes.")
    pattern = re.compile(r"based\s+in")
    found = doc.sentences_matching(pattern)
    searched = {i for i, s in enumerate(doc.folded_sentences) if pattern.search(s)}
    assert searched <= found
    assert searched == {1}
    assert found == {1, 3, 4}  # a match across a line end touches both sentences


def test_arabic_words_with_a_prefix_and_the_article_find_their_name():
    index = NameIndex()
    index.add("المملكة المتحدة", "GB", "any")
    index.add("مصر", "EG", "any")
    text = "يعمل الفريق في مصر والمملكة المتحدة منذ سنوات"
    hits = [(h.value, h.raw) for h in index.find(text)]
    assert hits == [("EG", "مصر"), ("GB", "والمملكة المتحدة")]
    assert index.find("المملكة وحدها") == []  # the first word alone names nothing


def _index_of(*names: str) -> NameIndex:
    index = NameIndex()
    for name in names:
        index.add(name, name[:2].upper())
    return index


def test_a_kept_index_is_read_back_until_what_it_was_built_from_changes(tmp_path):
    inputs, folder, builds = tmp_path / "table.csv", tmp_path / "kept", []
    inputs.write_text("Nairobi\n", encoding="utf-8")

    def build() -> NameIndex:
        builds.append(1)
        return _index_of(*inputs.read_text(encoding="utf-8").split())

    first = kept_index("cities", build, [inputs], folder)
    again = kept_index("cities", build, [inputs], folder)
    assert len(builds) == 1 and vars(again) == vars(first)
    assert [h.value for h in again.find("Based in Nairobi.")] == ["NA"]
    inputs.write_text("Nairobi\nBishkek\n", encoding="utf-8")
    grown = kept_index("cities", build, [inputs], folder)
    assert len(builds) == 2 and [h.value for h in grown.find("in Bishkek")] == ["BI"]
    assert len(list(folder.glob("cities-*.pickle"))) == 1  # the stale one is gone


def test_an_index_that_cannot_be_kept_is_built_each_time(tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")  # a file where the folder would be
    builds = []

    def build() -> NameIndex:
        builds.append(1)
        return _index_of("Lima")

    for _ in range(2):
        assert [h.value for h in kept_index("x", build, [], blocked).find("Lima")] == ["LI"]
    assert len(builds) == 2


def test_the_kept_place_index_is_the_one_built_from_the_tables():
    from understand import places

    def tables(index: NameIndex) -> dict:  # without the words of texts looked up so far
        return {k: v for k, v in vars(index).items() if k not in {"_seen", "_anchored"}}

    assert tables(places._place_index()) == tables(places._build_place_index())
