"""The sources registry: the bundled one validates; bad ones fail with one-line InputErrors."""

import pytest

from rightsjobs.errors import InputError
from rightsjobs.registry import BUNDLED_REGISTRY, load_registry, select
from spiders.platforms import SPIDERS

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
