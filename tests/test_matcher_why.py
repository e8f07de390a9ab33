"""What a match shows and needs: matched terms are the posting's own words, and a match needs
topical evidence, not only a shared place or generic words."""

from datetime import date

from matcher import rank

AS_OF = date(2025, 6, 2)


def posting(id: str, title: str, text: str, **fields) -> dict:
    return {
        "id": id,
        "is_vacancy": True,
        "title": title,
        "organization": "Rights Org",
        "text": text,
        "countries": ["KE"],
        "regions": ["Sub-Saharan Africa"],
        "remote": "no",
        **fields,
    }


def person(about: str, keywords: list[str], **fields) -> dict:
    return {
        "id": "p",
        "about": about,
        "keywords": keywords,
        "regions": ["Sub-Saharan Africa"],
        "languages": {"en": "fluent"},
        **fields,
    }


def results(postings: list[dict], profile: dict) -> list[dict]:
    return rank(postings, [profile], as_of=AS_OF)[0]


def test_matched_terms_are_written_as_the_posting_writes_them():
    finance = posting(
        "fin",
        "Finance Officer",
        "The Finance Officer keeps the accounts, runs payroll and prepares budgets.",
    )
    profile = person("I ran the office: accounts, payroll and budgets.", ["office"])
    [result] = results([finance], profile)
    terms = result["why"]["matched_terms"]
    assert "officer" in terms
    assert "office" not in terms
    text = f"{finance['title']} {finance['text']}".lower()
    assert all(term in text for term in terms), terms
    assert result["why"]["summary"].endswith(", ".join(terms[:3]))


def test_a_keyword_phrase_shows_the_postings_own_run_of_words():
    legal = posting(
        "law",
        "Lawyer",
        "You will defend Freedom of Expression cases before national courts.",
    )
    profile = person("Lawyer defending journalists.", ["freedom of expression"])
    [result] = results([legal], profile)
    assert "freedom of expression" in result["why"]["matched_terms"]


def test_capitals_are_kept_for_acronyms_only():
    legal = posting("un", "Lawyer", "Litigation for LGBTI defenders before national courts.")
    profile = person("Lawyer for LGBTI defenders in litigation.", ["LGBTI", "litigation"])
    terms = results([legal], profile)[0]["why"]["matched_terms"]
    assert "LGBTI" in terms and "litigation" in terms


def test_a_shared_place_alone_is_no_match():
    accountant = posting(
        "acc",
        "Accountant",
        "Bookkeeping and payroll for our Nairobi office in Kenya.",
    )
    lawyer = posting("law", "Lawyer", "Strategic litigation in Nairobi, Kenya.")
    profile = person("Human rights lawyer in Nairobi, Kenya, doing strategic litigation.", [])
    assert [r["id"] for r in results([accountant, lawyer], profile)] == ["law"]


def test_generic_words_alone_are_no_match():
    driver = posting(
        "drv",
        "Driver",
        "A team member for our international organisation, helping staff and colleagues.",
    )
    profile = person(
        "A team member of an international organisation, helping staff: a campaigner.",
        ["campaigning"],
    )
    assert results([driver], profile) == []


def test_terms_of_a_posting_in_another_language_are_its_own_words():
    french = posting(
        "fr",
        "Juriste",
        "Juriste pour le contentieux stratégique et l'aide juridique devant la Commission "
        "africaine des droits de l'homme et des peuples.",
    )
    profile = person("Lawyer doing strategic litigation and legal aid.", ["litigation"])
    terms = results([french], profile)[0]["why"]["matched_terms"]
    text = f"{french['title']} {french['text']}".lower()
    assert terms and all(term in text for term in terms), terms
