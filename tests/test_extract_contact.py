import pytest

from understand.contact import apply_contact, email_in
from understand.text import Doc, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("write to anna.berg[at]example.org", "anna.berg@example.org"),
        ("jobs (at) example (dot) org", "jobs@example.org"),
        ("hr AT rights-ngo DOT net", "hr@rights-ngo.net"),
        ("maria.lopez at example.org", "maria.lopez@example.org"),
        ("Recruitment@Example.ORG", "recruitment@example.org"),
        ("biuro(arobase)example.org", "biuro@example.org"),  # French "arobase"
        ("prace(zavináč)example.cz", "prace@example.cz"),  # Czech
        ("biuro (małpa) example (kropka) pl", "biuro@example.pl"),  # Polish
        ("hr (собака) example.org", "hr@example.org"),  # Russian
        ("allas (kukac) example (pont) hu", "allas@example.hu"),  # Hungarian
        ("lavoro(chiocciola)example.it", "lavoro@example.it"),  # Italian
        ("Meet us at example.org", None),  # prose, not an address
    ],
)
def test_email_deobfuscation(text, expected):
    assert email_in(text) == expected


def contact(text: str):
    return apply_contact(Doc(normalise(text)), None)[0]


def test_apply_sentence_with_email():
    assert (
        contact("Please send your CV and cover letter to vacancies[at]example.org by Friday.")
        == "vacancies@example.org"
    )


def test_apply_heading_with_url_on_next_line():
    assert (
        contact("APPLY HERE\n\nhttps://jobs.example.org/role/42/")
        == "https://jobs.example.org/role/42/"
    )


def test_spanish_apply_sentence_with_bare_domain():
    assert (
        contact("Las bases para postular están en www.example.org/empleos.")
        == "www.example.org/empleos"
    )


def test_non_application_links_and_mail_headers_are_ignored():
    text = (
        "From: list moderator <list@example.org>\n"
        "For information on our benefits visit https://example.org/benefits"
    )
    assert contact(text) is None


def test_apply_url_hint_wins():
    assert (
        apply_contact(Doc("Apply to a@b.org"), "https://ats.example/1")[0]
        == "https://ats.example/1"
    )


def test_an_address_with_every_part_spelled_out_is_restored():
    assert email_in("Please send your CV to jobs at example dot org.") == "jobs@example.org"
    assert email_in("Applications to recruitment AT rights-group DOT org") == (
        "recruitment@rights-group.org"
    )
    assert email_in("Our team meets at example.org every week") is None
    assert email_in("Write to hr+vacancies@example.org") == "hr+vacancies@example.org"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zgłoszenia prosimy kierować na adres rekrutacja@example.org.", "rekrutacja@example.org"),
        ("Životopis zasílejte na adresu nabor@example.org.", "nabor@example.org"),
        ("Başvurularınızı ik@example.org adresine iletebilirsiniz.", "ik@example.org"),
        ("Документи надсилайте на kadry@example.org.", "kadry@example.org"),
        (
            "Si prega di inviare la propria candidatura a selezione@example.org.",
            "selezione@example.org",
        ),
    ],
)
def test_apply_sentences_in_more_languages(text, expected):
    assert contact(text) == expected


def test_the_address_alone_on_the_line_after_a_cue_ending_in_a_colon():
    text = "Please send your application to the following address:\n\n  hiring@example.org\n"
    assert contact(text) == "hiring@example.org"


def test_a_link_inside_a_sentence_after_a_colon_is_not_taken():
    text = (
        "The candidate must have:\n"
        "* a work permit (for more on this: https://example.org/permits) and a driving licence"
    )
    assert contact(text) is None


def test_a_link_field_is_the_fallback():
    text = 'title = "Field Researcher"\nlink = "https://jobs.example.org/42"\n\nWe work in Peru.'
    assert contact(text) == "https://jobs.example.org/42"
    assert contact("Link: https://jobs.example.org/7\n\nApply at https://apply.example.org/7") == (
        "https://apply.example.org/7"
    )


def test_a_link_shortened_for_display_is_not_a_contact():
    assert contact("Apply online: https://example.org/…/vacancy-17") is None


def test_the_sentence_that_says_to_apply_gives_the_contact():
    text = (
        "Officer\n\nFor questions contact info@example.org. Applications must be submitted via "
        "https://example.org/careers."
    )
    assert apply_contact(Doc(normalise(text)), None)[0] == "https://example.org/careers"
