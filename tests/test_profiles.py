"""Profile YAML validation: every error names the profile and the key."""

import pytest

from rightsjobs.errors import InputError
from rightsjobs.profiles import load_profiles

GOOD = """
- id: aigul
  name: Aigul Example
  email: aigul@example.org
  about: Campaigner on freedom of expression.
  keywords: [campaigning, advocacy]
  regions: [central asia, Eastern Europe]
  countries: [kz, KG]
  languages: {en: fluent, RU: native}
  years_experience: 6
  contract_types: [permanent]
"""


def write(tmp_path, text):
    path = tmp_path / "people.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_good_profiles_are_normalised_with_defaults(tmp_path):
    [profile] = load_profiles(write(tmp_path, GOOD))
    assert profile["regions"] == ["Central Asia", "Eastern Europe"]
    assert profile["countries"] == ["KZ", "KG"]
    assert profile["languages"] == {"en": "fluent", "ru": "native"}
    assert profile["remote"] == "ok" and profile["max_items"] == 10 and profile["exclude"] == []


def test_a_single_profile_mapping_is_accepted(tmp_path):
    assert load_profiles(write(tmp_path, "id: solo\nabout: Lawyer\n"))[0]["id"] == "solo"


@pytest.mark.parametrize(
    ("line", "key", "problem"),
    [
        ("  languages: {xx: fluent}", "languages", "'xx' is not an ISO 639-1"),
        ("  languages: {en: superb}", "languages", "level 'superb'"),
        ("  regions: [Atlantis]", "regions", "'Atlantis' is not a region"),
        ("  years_experience: -2", "years_experience", "whole number ≥ 0"),
        ("  remote: sometimes", "remote", "'sometimes' is not one of"),
        ("  countries: [XX]", "countries", "'XX' is not an ISO 3166-1"),
        ("  seniority: [guru]", "seniority", "'guru' is not one of"),
        ("  favourite_colour: blue", "favourite_colour", "unknown key"),
        ("  email: not-an-address", "email", "is not an e-mail address"),
    ],
)
def test_bad_values_name_profile_and_key(tmp_path, line, key, problem):
    path = write(tmp_path, f"- id: bob\n  about: Researcher\n{line}\n")
    with pytest.raises(InputError) as err:
        load_profiles(path)
    message = str(err.value)
    assert "profile 'bob'" in message and f": {key}:" in message and problem in message
    assert str(path) in message and "\n" not in message


def test_duplicate_ids_and_missing_id_are_errors(tmp_path):
    with pytest.raises(InputError, match="duplicate profile id 'a'"):
        load_profiles(write(tmp_path, "- id: a\n- id: a\n"))
    with pytest.raises(InputError, match="missing required key 'id'"):
        load_profiles(write(tmp_path, "- about: x\n"))


def test_invalid_yaml_names_the_line(tmp_path):
    with pytest.raises(InputError, match=r"people.yaml:3: invalid YAML"):
        load_profiles(write(tmp_path, "- id: a\n  keywords: [x, y\n  about: z\n"))
