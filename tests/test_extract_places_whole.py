"""Countries and remote status on whole postings: names that hold a place, partial home working,
remote work within a country, eligibility and front matter."""

import pytest

from understand.places import find_places, places_in
from understand.text import Doc, normalise


def places(text: str, url: str | None = None):
    return find_places(Doc(normalise(text)), {}, None, None, url)


@pytest.mark.parametrize(
    "text",
    [
        "Knowledge of the Rome Statute is essential.",
        "She worked on the follow-up to the Beijing Platform for Action.",
        "Graduates of New York University are welcome.",
        "Conocimiento del Estatuto de Roma y de la Convención de Estambul.",
        "The project defends Roma rights in schools.",
        "Outreach to Sinti and Roma families.",
        # "Roma" outside a place's context names the people
        "The network works to empower Roma and to fight antigypsyism.",
        "Roma face evictions across the region.",
        "Mediators support the rights of Roma in municipal services.",
    ],
)
def test_place_inside_a_name_is_no_place(text):
    assert places_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Sede di lavoro: Roma",
        "L'incarico si svolge presso la sede di Roma.",
        "Il lavoro è basato a Roma, con trasferte.",
        "Via dei Mille 3, 00100 Roma",
        "Roma, Italia",
    ],
)
def test_roma_in_a_place_s_context_is_rome(text):
    assert [h.value for h in places_in(text)][:1] == ["IT"]


def test_roma_in_a_url_slug_beside_sinti_is_the_people():
    url = "https://jobs.example.org/adviser-on-roma-and-sinti-issues-ngo"
    assert places("The adviser leads our policy work.", url).countries == []


@pytest.mark.parametrize(
    "text", ["ABOUT US:", "JOIN US!", "CONTACT US", "WORK WITH US", "SUPPORT US TODAY"]
)
def test_us_in_a_heading_in_capitals_is_the_pronoun(text):
    assert places_in(f"{text}\nWe are a network of defenders.") == []


@pytest.mark.parametrize(
    "text", ["Location: US (remote)", "Position based in the US.", "WORK IN THE US"]
)
def test_us_as_a_place_still_counts(text):
    assert [h.value for h in places_in(text)] == ["US"]


def test_place_beside_a_name_still_counts():
    assert [h.value for h in places_in("The office in Rome opens in May.")] == ["IT"]


@pytest.mark.parametrize(
    "text",
    [
        "Location: Nairobi, Kenya.\nYou can work from home two days a week.",
        "Místo výkonu práce: Brno.\nNabízíme možnost práce z domova a pružnou pracovní dobu.",
        "A vaga é em Recife, em modalidade presencial ou remota.",
        "Arbeitsort: Hamburg.\nWir bieten Homeoffice nach Absprache.",
        # partly remote, in several languages
        "Lugar: Porto Alegre. Trabalho parcialmente remoto, com reuniões mensais no escritório.",
        "Sede di lavoro: Torino; attività parzialmente da remoto.",
        "Poste basé à Lille, partiellement à distance.",
        "Место работы: Бишкек, частично удаленная работа.",
        "Based in Dublin; the role is semi-remote.",
        "Arbeitsort: Berlin, mobiles Arbeiten ist teilweise möglich.",
    ],
)
def test_partial_home_working_is_hybrid(text):
    assert places(text).remote == "hybrid"


@pytest.mark.parametrize(
    "text",
    [
        "Volunteers can help remotely or from one of our offices.",
        "The role can be done remotely or in our office in Lyon.",
        "You may work from our Tallinn office or remotely.",
        "The job is done either out of our office in Quito or remotely.",
        "يمكن التطوع عن بعد أو في مكتبنا.",
    ],
)
def test_remote_or_an_office_at_the_persons_choice_is_remote(text):
    assert places(text).remote == "yes"


def test_home_working_refused_is_no():
    p = places("Location: Tbilisi, Georgia.\nWorking from home is not possible in this role.")
    assert (p.countries, p.remote) == (["GE"], "no")


@pytest.mark.parametrize(
    "text",
    [
        "Oferecemos uma bolsa para trabalho remoto de seis meses.",
        "O consultor vai trabalhar de forma remota.",
        "Oferujemy pracę zdalną w niepełnym wymiarze.",
        "Місце роботи: в домашніх умовах",
        "Local | Remoto",
        "الوظيفة تتيح العمل عن بعد بالكامل.",
        "Trabajo 100% remoto desde cualquier país de la región.",
        # a work-mode field
        "Modelo de trabalho: home office.",
        "Формат работы: удалённо.",
        "Формат роботи: дистанційно.",
        "Çalışma şekli: uzaktan.",
        # wholly from home, though "Homeoffice" alone would be part of the work
        "Die Stelle kann vollständig im Homeoffice ausgeübt werden.",
        # Serbian, Macedonian, Persian, Albanian, Azerbaijani, Georgian, Armenian, Hungarian,
        # Greek and Indonesian
        "Posao se obavlja na daljinu.",
        "Работата е целосно далечинска.",
        "همکاری به صورت دورکاری خواهد بود.",
        "Puna kryhet në distancë.",
        "Vəzifə distant formada icra olunur.",
        "პოზიცია დისტანციურია.",
        "Աշխատանքը հեռավար ձևաչափով է։",
        "A munka távmunkában végezhető.",
        "Η θέση είναι εξ αποστάσεως.",
        "Bekerja dari rumah selama masa kontrak.",
    ],
)
def test_remote_work_in_more_languages(text):
    assert places(text).remote == "yes"


@pytest.mark.parametrize(
    "text",
    [
        "Kancelarija u Nišu, uz mogućnost rada od kuće dva dana nedeljno.",
        "Ankara ofisi; hibrit çalışma.",
        "Budapesti iroda, heti két nap home office.",
        "Το γραφείο είναι στην Αθήνα, με υβριδικό μοντέλο εργασίας.",
        "مقر العمل في بيروت مع إمكانية العمل الهجين.",
    ],
)
def test_part_of_the_work_from_home_in_more_languages_is_hybrid(text):
    assert places(text).remote == "hybrid"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("مكان العمل: بيروت", ["LB"]),
        ("Munkavégzés helye: Szeged", ["HU"]),
        ("Lokasi: Makassar", ["ID"]),
    ],
)
def test_location_labels_in_more_languages(text, codes):
    assert places(text).countries == codes


def test_remote_role_takes_no_country_from_the_site_address():
    p = places("Bolsa para trabalho remoto sobre direitos humanos.", url="https://exemplo.org.br/x")
    assert (p.countries, p.remote) == ([], "yes")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Location: Anywhere in the United Kingdom", ["GB"]),
        ("Location: Remote (Brazil)", ["BR"]),
        ('location = "Ohio, Remote"', ["US"]),
        ("Location: Remote (must be based in Kenya)", ["KE"]),
    ],
)
def test_remote_within_a_country_stays_remote(text, codes):
    p = places(text)
    assert (p.countries, p.remote) == (codes, "yes")


def test_front_matter_location_is_a_location_field():
    p = places('title = "Paralegal"\nlocation = "Lusaka, Zambia"\n')
    assert (p.countries, p.remote) == (["ZM"], "no")


def test_a_header_ending_with_a_place_beats_a_name_that_starts_with_one():
    p = places(
        "Printable page\n\nU.S. Department of Labor\n\nProtection Officer: Baku, Azerbaijan\n\n"
        "The officer will document the cases of displaced families."
    )
    assert p.countries == ["AZ"]


def test_header_place_before_a_share_of_time():
    p = places(
        "Juriste (Maroc/UE), Genève (60%)\n\nNous travaillons à Rabat et à Tunis depuis 2010."
    )
    assert p.countries == ["CH"]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Présente à Abidjan et Lomé, la Fondation recrute au sein de son équipe à Dakar.", ["SN"]),
        ("Join our advocacy team in Nairobi to work on land rights in Uganda and Rwanda.", ["KE"]),
    ],
)
def test_joining_a_team_in_a_city_is_the_duty_station(text, codes):
    assert places(text).countries == codes


@pytest.mark.parametrize(
    ("text", "code"),
    [("Szkolenie w Gruzji", "GE"), ("Projekt na Ukrainie", "UA"), ("Praca w Tadżykistanie", "TJ")],
)
def test_polish_locatives_of_countries(text, code):
    assert [h.value for h in places_in(text)] == [code]


def test_citizenship_required_is_no_duty_station():
    text = (
        "Researcher\n\nThe post is open to citizens of Armenia only. "
        "You will support our research on detention."
    )
    assert places(text).countries == []


def test_remote_location_field_takes_no_country_from_the_rest():
    text = "Data Analyst\nRegional data work across Ukraine\nLocation: Remote\nTrips to Odesa."
    p = places(text)
    assert (p.countries, p.remote) == ([], "yes")


def test_place_glued_to_a_date_by_the_layout():
    p = places("Protection Officer\n\nMarch 3, 2026April 30, 2026Senegal\n\nDuties follow.")
    assert (p.countries, p.remote) == (["SN"], "no")


def test_cue_through_a_named_office():
    text = "The fellow will be based in an ACME office in Berlin or Vienna. Partners sit in Oslo."
    assert sorted(places(text).countries) == ["AT", "DE"]


def test_remote_location_field_keeps_the_region_of_the_places_named():
    text = "Data Analyst\nRegional data work across Ukraine\nLocation: Remote\nTrips to Odesa."
    assert places(text).regions == ["Eastern Europe"]


def test_lieu_d_execution_at_home_and_in_a_country_is_hybrid():
    p = places("Consultant juridique\nLieu d'exécution : à domicile et au Niger")
    assert (p.countries, p.remote) == (["NE"], "hybrid")


def test_the_home_office_ministry_is_no_home_working():
    text = "Location: London, UK\nYou will brief the Home Office on asylum cases."
    assert places(text).remote == "no"


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        (
            "Programme Officer\n\nBased in Lyon, our NGO works for minority rights in the regions "
            "of the Caucasus and West Africa.",
            ["South Caucasus", "Sub-Saharan Africa", "Western Europe"],
        ),
        (
            "Senior Adviser\n\nReporting to the Head of Section dealing primarily with Eastern "
            "Europe and Central Asia, the adviser is based in Vienna.",
            ["Eastern Europe", "Central Asia", "Western Europe"],
        ),
        (
            "Researcher\n\nBased in London. The researcher will focus on Southeast Asia.",
            ["South-East Asia", "Western Europe"],
        ),
        (
            "Legal Officer\n\nBased in Geneva. Experience of work in the regions of Africa is an "
            "asset.",
            ["Western Europe"],  # a requirement, not the role's focus
        ),
    ],
)
def test_a_stated_focus_gives_the_regions(text, regions):
    assert places(text).regions == regions


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("The coordinator will be based in Boulder, CO 80302, with some travel.", ["US"]),
        ("The coordinator will be based in Boise, ID 83702.", ["US"]),
        ("Our organiser works from our offices in Burlington, VT 05401.", ["US"]),
        ("The fellow will be based in Halifax, NS.", ["CA"]),
        ("The analyst will be based in Hobart, TAS.", ["AU"]),
        ("The analyst will be based in Perth, WA.", ["AU"]),
        ("The role is based in Arlington, VA or Washington, DC.", ["US"]),
        # the code is also a country's, and the city is known there: the country stays
        ("The officer will be based in Bonn, DE.", ["DE"]),
        ("The officer will be based in Tunis, TN.", ["TN"]),
        ("The officer will be based in Tirana, AL.", ["AL"]),
        # the code is also a country's and nothing says which: no state is read
        ("The officer will be based in Agadez, NE.", ["NE"]),
        ("The officer will be based in Cambridge, MA.", []),
    ],
)
def test_a_city_and_a_state_code_give_the_states_country(text, codes):
    assert places(text).countries == codes


def test_a_code_word_after_a_name_is_no_state():
    assert places_in("HUMAN RIGHTS FIRST, IN PARTNERSHIP WITH Us") == []
    assert places_in("Contact Maria, OR the team lead") == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Le poste est basé au siège de l'ONG – 12 avenue des Lilas – 69003 Lyon.", ["FR"]),
        ("Poste basé au siège du Collectif Droits Ici – 4 rue Verte – 13001 Marseille.", ["FR"]),
        ("The role is based at our head office, 4 Harbour Road, Dublin.", ["IE"]),
        ("The role is based at the secretariat in Nairobi.", ["KE"]),
        ("The post is based at HQ, Ringstrasse 7, 1010 Vienna.", ["AT"]),
    ],
)
def test_a_cue_then_premises_and_an_address_give_the_duty_station(text, codes):
    assert places(text).countries == codes


def test_a_cue_then_other_words_gives_no_place():
    text = "The adviser will be based in the field with frequent travel to Kenya and Uganda."
    assert places(text).countries == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Die Stelle ist in unserem Kölner Büro angesiedelt.", ["DE"]),
        ("Sie arbeiten im Grazer Büro mit drei Kolleginnen.", ["AT"]),
        ("Zur Verstärkung unseres Basler Teams suchen wir eine Juristin.", ["CH"]),
        ("Sie verstärken unser Brüsseler Team ab März.", ["BE"]),
    ],
)
def test_a_german_city_adjective_before_an_office_is_the_duty_station(text, codes):
    assert places(text).countries == codes


def test_a_german_city_adjective_alone_is_no_place():
    assert places_in("Die Berliner Mauer und der Wiener Kongress") == []


@pytest.mark.parametrize(
    "text",
    [
        # the job itself said to be remote stays remote beside the country or office named
        "Based in Canada. This is a remote position with some travel.",
        "Our office is in Nairobi, Kenya, but the role can be done remotely.",
        "We have an office in Lisbon, Portugal. This post can be based anywhere.",
        "All of our positions are remote; we hire only in Germany.",
    ],
)
def test_a_wholly_remote_job_beside_a_place_stays_remote(text):
    assert places(text).remote == "yes"


def test_work_from_home_position_is_remote():
    assert places("This is a work-from-home position for the editorial team.").remote == "yes"


def test_remote_as_the_value_of_a_bare_location_label_is_remote():
    p = places("Location\nRemote\nThe coordinator supports our partners.")
    assert (p.countries, p.remote) == ([], "yes")


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Consultant\n\nWe seek a consultant to evaluate a project in Tajikistan and Uzbekistan.",
         ["TJ", "UZ"]),
        ("Консультант\n\nИщем консультанта для оценки проекта в Таджикистане и Узбекистане.",
         ["TJ", "UZ"]),
        # two countries that make no list: where people come from is no duty station
        ("Caseworker\n\nWe support refugees from Syria who now live in Lebanon.", ["LB"]),
    ],
)  # fmt: skip
def test_an_opening_list_of_countries_gives_them_all(text, countries):
    assert places(text).countries == countries


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # the seat's clause goes, the job's place in the same sentence stays
        ("Researcher\n\nThe Centre, headquartered in Geneva, Switzerland, is recruiting a "
         "researcher for its office in Nairobi, Kenya.", ["KE"]),
        # a sentence about the seat alone names no duty station
        ("Researcher\n\nOur headquarters are in Geneva, Switzerland. We seek a researcher.", []),
    ],
)  # fmt: skip
def test_a_seat_clause_inside_a_recruiting_sentence(text, countries):
    assert places(text).countries == countries


@pytest.mark.parametrize(
    "text",
    [
        "Fundraising Officer\nRemote (UK-based), with occasional travel to London\n\nWe seek one.",
        "Fundraising Officer\nRemote – Kenya\n\nWe seek one.",
    ],
)
def test_a_line_that_opens_with_remote_and_a_place(text):
    assert places(text).remote == "yes"


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("Koordinátor\n\nPráce je plně z domova.", "yes"),
        ("Koordynator\n\nPraca w pełni zdalna.", "yes"),
        ("Koordynator\n\nPraca w trybie hybrydowym (Warszawa).", "hybrid"),
        ("Координатор\n\nРабота в офисе в Бишкеке, удалённая работа невозможна.", "no"),
        ("Chargé\n\nBureau à Paris, télétravail non possible.", "no"),
    ],
)
def test_remote_work_said_and_refused_in_more_languages(text, remote):
    assert places(text).remote == remote
