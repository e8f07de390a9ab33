"""The sources registry: the bundled one validates; bad ones fail with one-line InputErrors."""

import pytest

from rightsjobs.errors import InputError
from spiders.platforms import SPIDERS
from spiders.registry import BUNDLED_REGISTRY, load_registry, select

BUNDLED = BUNDLED_REGISTRY
GOOD = """\
- id: ngo-board
  organization: Steppe Rights Watch
  platform: greenhouse
  url: https://boards-api.greenhouse.io/v1/boards/steppe/jobs?content=true
"""


def test_bundled_registry_validates():
    sources = load_registry(BUNDLED)
    assert len(sources) >= 25
    assert {s["platform"] for s in sources} <= set(SPIDERS)
    assert all(isinstance(s["verified"], str) and s["verified"] for s in sources)
    assert all(s["enabled"] is False for s in sources if "guess" in s["verified"])
    ids = {s["id"] for s in sources}
    assert {
        "hrw-greenhouse",
        "reliefweb-protection-human-rights",
        "un-careers-secretariat",
        "amnesty-international-careers",
        "idc-bamboohr",
    } <= ids


def test_bundled_registry_names_the_documented_boards():
    urls = {s["id"]: s["url"] for s in load_registry(BUNDLED)}
    assert "/boards/humanrightswatch/jobs" in urls["hrw-greenhouse"]
    assert "Protection%20and%20Human%20Rights" in urls["reliefweb-protection-human-rights"]
    assert urls["idc-bamboohr"] == "https://idc.bamboohr.com/careers/list"


def test_select_takes_enabled_sources_or_the_named_ones():
    sources = load_registry(BUNDLED)
    assert all(s["enabled"] for s in select(sources, []))
    assert [s["id"] for s in select(sources, ["codepath-greenhouse"])] == ["codepath-greenhouse"]


def test_a_good_registry_gets_defaults(tmp_path):
    path = tmp_path / "sources.yaml"
    path.write_text(GOOD)
    [source] = load_registry(path)
    assert source["enabled"] is True and source["verified"] is None


BAD = {
    "unknown platform": (
        GOOD.replace("platform: greenhouse", "platform: taleo"),
        ["source 1 (ngo-board): platform", "unknown platform 'taleo'"],
    ),
    "duplicate id": (
        GOOD + GOOD.replace("Steppe", "Other"),
        ["source 2", "duplicate id 'ngo-board'"],
    ),
    "bad url": (
        GOOD.replace("https://boards-api", "ftp://boards-api"),
        ["source 1 (ngo-board): url", "must be an http(s) URL"],
    ),
    "unknown key": (
        GOOD + "  schedule: daily\n",
        ["source 1 (ngo-board)", "unknown key 'schedule'"],
    ),
    "bad id": (GOOD.replace("id: ngo-board", "id: NGO Board"), ["source 1: id", "id must match"]),
    "not enabled bool": (GOOD + "  enabled: sometimes\n", ["source 1 (ngo-board): enabled"]),
    "not a list": ("id: ngo-board\nplatform: greenhouse\n", ["a registry is a YAML list"]),
    "not a mapping": ("- just a string\n", ["source 1", "must be a mapping"]),
    "invalid YAML": ("- id: ngo-board\n  url: [unclosed\n", ["sources.yaml:", "invalid YAML"]),
}


@pytest.mark.parametrize("name", BAD)
def test_bad_registries_give_one_line_errors(tmp_path, name):
    text, needles = BAD[name]
    path = tmp_path / "sources.yaml"
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        load_registry(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    for needle in needles:
        assert needle in message


def test_a_missing_registry_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_registry(tmp_path / "absent.yaml")


def test_check_lists_every_bad_entry_and_duplicate_urls(tmp_path):
    from spiders.registry import check_registry

    second = GOOD.replace("ngo-board", "second").replace("platform: greenhouse", "platform: x")
    third = GOOD.replace("ngo-board", "third")  # same url as the first
    fourth = GOOD.replace("ngo-board", "fourth").replace("steppe", "other") + "  colour: red\n"
    path = tmp_path / "sources.yaml"
    path.write_text(GOOD + second + third + fourth)
    sources, errors = check_registry(path)
    assert [s["id"] for s in sources] == ["ngo-board"]
    messages = [str(e) for e in errors]
    assert len(messages) == 3
    assert "source 2 (second): platform" in messages[0]
    assert "source 3: url" in messages[1] and "same url as source 'ngo-board'" in messages[1]
    assert "source 4 (fourth)" in messages[2] and "unknown key 'colour'" in messages[2]
    with pytest.raises(InputError, match=r"and 2 more"):
        load_registry(path)


def test_yaml_1_1_booleans_stay_text(tmp_path):
    """Norway (NO), Norwegian (no) and an id `on` are not booleans; true/false still are."""
    from rightsjobs.profiles import load_profiles

    path = tmp_path / "people.yaml"
    path.write_text(
        "- id: on\n  countries: [NO]\n  locations: [no]\n  languages: {no: native, en: fluent}\n"
    )
    [profile] = load_profiles(path)
    assert profile["id"] == "on"
    assert profile["countries"] == ["NO"] and profile["locations"] == ["NO"]
    assert profile["languages"] == {"no": "native", "en": "fluent"}
    registry = tmp_path / "sources.yaml"
    registry.write_text(GOOD + "  enabled: false\n")
    assert load_registry(registry)[0]["enabled"] is False
    registry.write_text(GOOD + "  enabled: no\n")
    with pytest.raises(InputError, match="enabled: must be true or false"):
        load_registry(registry)


def test_bundled_registry_crawls_only_the_sector():
    """Off-sector boards stay in the registry as platform examples but are not crawled."""
    enabled = {s["id"] for s in select(load_registry(BUNDLED), [])}
    off_sector = {"wikimedia-greenhouse", "propublica-greenhouse", "donorschoose-greenhouse"}
    assert not enabled & (off_sector | {"czi-greenhouse", "oneacrefund-greenhouse"})
    assert {"hrw-greenhouse", "un-careers-secretariat"} <= enabled
