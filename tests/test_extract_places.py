import pytest

from understand.places import (
    LOCATION_LABEL,
    city_and_country,
    country_code,
    find_places,
    places_in,
    remote_of,
)
from understand.text import Doc, normalise


def places(text: str, title: str | None = None, hints: dict | None = None, url: str | None = None):
    return find_places(Doc(normalise(text)), hints or {}, title, None, url)


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Our team in Tbilisi", ["GE"]),  # English city
        ("Le poste est à Genève", ["CH"]),  # French city name
        ("Oficina en Ciudad de Guatemala", ["GT"]),  # Spanish multi-word city
        ("работа в Бишкеке и Алматы", ["KG", "KZ"]),  # Russian inflected forms
        ("в Казахстане", ["KZ"]),  # Russian inflected country
        ("პროექტი საქართველოში", ["GE"]),  # Georgian locative suffix
        ("يعمل في بيروت", ["LB"]),  # Arabic city
        ("Rhode Island and New Jersey", []),  # translated country names that are English words
        ("Того, кто подаст заявку", []),  # the Russian word "того" is not Togo
        ("the US office and us", ["US"]),  # acronyms match only in capitals
        ("Θέση εργασίας στην Αθήνα", ["GR"]),  # Greek city (CLDR)
        ("Closing date: 27 May 2025Ethiopia", ["ET"]),  # a layout glued a date to the name
        ("Battambang, CambodiaGrade: G5", ["KH"]),  # ... or the next field's label
        ("Follow us on LinkedIn and YouTube", []),  # words in two capitals stay whole
        ("Munkavégzés helye: Németország", ["DE"]),  # Hungarian country (ISO 3166 names)
        ("Lokasi kerja: Jerman", ["DE"]),  # Indonesian country
        ("Mahali pa kazi: Ufaransa", ["FR"]),  # Swahili country
    ],
)
def test_place_names_in_many_languages(text, codes):
    assert list(dict.fromkeys(h.value for h in places_in(text))) == codes


def test_location_field_is_the_duty_station():
    p = places(
        "Field Researcher\nLocation: Yerevan, Armenia\nWe also have partners in Paris and Berlin."
    )
    assert (p.countries, p.remote, p.regions) == (["AM"], "no", ["South Caucasus"])


def test_based_in_cue_beats_other_mentions():
    p = places("The analyst will be based in Nairobi and will travel to Juba and Khartoum.")
    assert p.countries == ["KE"]


def test_based_in_our_office_cue():
    text = (
        "We have offices in London, New York and Geneva. This role is based in our London office."
    )
    assert places(text).countries == ["GB"]


def test_x_based_cue():
    assert places("An Oslo-based foundation seeks a grants officer.").countries == ["NO"]


def test_french_and_spanish_cues():
    assert places("Poste basé à Dakar, avec des missions au Mali.").countries == ["SN"]
    assert places("Organización con sede en Lima busca abogada.").countries == ["PE"]


def test_list_of_offices_is_not_a_duty_station():
    p = places(
        "We have staff based in London, Paris, Berlin, Madrid and Rome.\nThe "
        "role supports our members."
    )
    assert p.countries == []


def test_headquarters_sentence_is_ignored():
    assert (
        places(
            "Its headquarters are in Paris. The intern supports the documentation team."
        ).countries
        == []
    )


def test_dateline_is_not_a_duty_station():
    p = places("Lima, 3 de junio de 2024.- La red anunció un nuevo programa regional de formación.")
    assert p.countries == []


@pytest.mark.parametrize(
    "line",
    ["Accra, 14 February 2025", "Lyon, le 2 mai 2023", "Montevideo, 9 de agosto de 2022"],
)
def test_a_place_and_date_line_is_not_a_duty_station(line):
    body = (
        "The clinic needs a paralegal to follow asylum files, keep in touch with the families "
        "and prepare the hearings with the lawyers of the network."
    )
    p = places(f"{body}\n{line}")
    assert (p.countries, p.remote) == ([], "unknown")


@pytest.mark.parametrize(
    "event",
    [
        "Shortlisted candidates will sit a written test in Kampala on 3 June.",
        "Les entretiens auront lieu à Dakar la semaine suivante.",
        "You will present the findings at the annual assembly of members in Oslo.",
    ],
)
def test_the_place_of_an_event_is_not_the_duty_station(event):
    body = (
        "The clinic needs a paralegal to follow asylum files, keep in touch with the families "
        "and prepare the hearings with the lawyers of the network."
    )
    p = places(f"{body} {event}")
    assert (p.countries, p.remote) == ([], "unknown")


@pytest.mark.parametrize(
    "sentence",
    [
        "Fair Voices is an independent NGO based in Windhoek that trains local reporters.",
        "Mujeres Unidas es una organización feminista con sede en Asunción.",
        "Terre Solidaire est une association basée à Niamey.",
    ],
)
def test_a_sentence_saying_what_the_organisation_is_places_it_not_the_job(sentence):
    p = places(f"{sentence} We are hiring a remote data analyst to work from home.")
    assert (p.countries, p.remote) == ([], "yes")


def test_global_in_a_programme_name_is_no_focus():
    text = "Location: Nairobi, Kenya"
    fellowship = places(text, title="Jane Doe Global Justice Fellowship")
    assert fellowship.regions == ["Sub-Saharan Africa"]
    # a stated focus adds to the regions of the duty stations
    assert places(text, title="Global Campaigns Adviser").regions == [
        "Global",
        "Sub-Saharan Africa",
    ]


def test_location_sentence_takes_every_place():
    p = places(
        "The location of the assignment is flexible, with visits to Kigali, "
        "Rwanda and Goma, DR Congo."
    )
    assert (sorted(p.countries), p.remote) == (["CD", "RW"], "hybrid")


def test_home_based_is_remote_without_countries():
    p = places("This is a home-based position.")
    assert (p.countries, p.remote, p.regions) == ([], "yes", [])


@pytest.mark.parametrize(
    "text",
    [
        "This is a home-based position open to candidates worldwide.",
        "Fully remote: the analyst may live anywhere in the world.",
        "The job is remote, and you can be based anywhere with a good connection.",
    ],
)
def test_remote_open_anywhere_is_global(text):
    p = places(text)
    assert (p.countries, p.remote, p.regions) == ([], "yes", ["Global"])


@pytest.mark.parametrize(
    ("text", "regions"),
    [
        (
            "This is a fully remote position; you can be based anywhere in Europe.",
            ["Western Europe", "Eastern Europe"],
        ),
        ("Remote role, open to candidates based anywhere in Central Asia.", ["Central Asia"]),
        ("Puesto remoto desde cualquier país de América Latina.", ["Latin America and Caribbean"]),
    ],
)
def test_remote_anywhere_in_a_region_is_that_region(text, regions):
    p = places(text)
    assert (p.countries, p.remote, p.regions) == ([], "yes", regions)


def test_negated_home_based_is_not_remote():
    p = places("Hardship level (not applicable for home-based): B\nThe officer is based in Amman.")
    assert (p.countries, p.remote) == (["JO"], "no")


@pytest.mark.parametrize(
    "text",
    [
        "Місце роботи: Львів. Робота частково дистанційно, два дні на тиждень в офісі.",
        "Место работы: Бишкек. Работа частично дистанционная.",
    ],
)
def test_partly_remote_in_ukrainian_and_russian_is_hybrid(text):
    """Ukrainian "дистанційно" passes the quick test for remote words as Russian
    "дистанционно" does."""
    p = places(f"Координатор проєкту\n{text}")
    assert p.remote == "hybrid"


def test_telework_then_office_is_hybrid():
    p = places("Initially the work will be by telework. Later the person will work in Brussels.")
    assert p.remote == "hybrid"


def test_empty_remote_field_is_unknown():
    p = places("Location: Kampala\nRemote work accepted\n\nStart date")
    assert (p.countries, p.remote) == (["UG"], "unknown")


def test_regional_focus_in_title_adds_to_country_regions():
    p = places("Location: London", title="Campaigner for Eastern Europe and Central Asia")
    assert (p.countries, p.regions) == (
        ["GB"],
        ["Eastern Europe", "Central Asia", "Western Europe"],
    )


def test_regional_focus_phrase_in_body():
    p = places("Location: Berlin\nYou will lead our Sub-Saharan Africa programme.")
    assert p.regions == ["Sub-Saharan Africa", "Western Europe"]


@pytest.mark.parametrize(
    ("text", "countries", "regions"),
    [
        ("Location: Global (remote)\nThe adviser supports member groups.", [], ["Global"]),
        ("Location: Remote, International\nThe associate joins our research team.", [], ["Global"]),
        ("Lieu : Afrique de l'Ouest\nLe chargé suit les partenaires.", [], ["Sub-Saharan Africa"]),
        ("Location: Nairobi, Kenya\nTravel across West Africa.", ["KE"], ["Sub-Saharan Africa"]),
    ],
)
def test_a_location_field_naming_a_region_gives_it(text, countries, regions):
    """A location field that names a region or says "international" states the role's reach;
    one naming a city keeps the city's region."""
    p = places(text)
    assert (p.countries, p.regions) == (countries, regions)


def test_region_in_requirements_is_not_a_focus():
    p = places("Location: Berlin\nExperience in the South Caucasus region is an asset.")
    assert p.regions == ["Western Europe"]


def test_weak_evidence_leaves_remote_unknown():
    p = places(
        "Our Ukraine programme documents abuses. The coordinator supports partners across Ukraine."
    )
    assert (p.countries, p.remote) == (["UA"], "unknown")


def test_city_in_application_url_slug():
    p = places("Apply online.", url="https://jobs.example.org/vacancy/policy-officer-nairobi-12/")
    assert (p.countries, p.remote) == (["KE"], "unknown")


def test_hints_win():
    p = places("Location: Kabul", hints={"countries": ["fr"], "remote": "hybrid"})
    assert (p.countries, p.remote) == (["FR"], "hybrid")
    assert places("x", hints={"locations": ["Remote (Asia)"]}).remote == "yes"


@pytest.mark.parametrize(
    ("text", "codes", "remote"),
    [
        # travel named in a location field is not a duty station
        ("Location: Nairobi, Kenya, with regular travel to Addis Ababa and Kigali.", ["KE"], "no"),
        ("Duty station: Lima, Peru, with two missions a year to Bogotá.", ["PE"], "no"),
        ("Where: our Tunis office, Tunisia, with frequent trips to Rabat.", ["TN"], "no"),
        # a remote option for some candidates leaves the duty station on site
        (
            "Based in: Dakar, Senegal (remote work from elsewhere may be considered).",
            ["SN"],
            "no",
        ),
        ("Duty station: Quito\nCandidates in Peru may work from home.", ["EC"], "no"),
        # "remote interviews" and "remote areas" are not remote work
        ("Duty station: Kabul\nYou will run remote interviews in remote areas.", ["AF"], "no"),
    ],
)
def test_duty_station_and_remote_phrasings(text, codes, remote):
    p = places(text)
    assert (p.countries, p.remote) == (codes, remote)


def test_the_post_holders_station_wins_over_the_teams():
    text = "The team is based in Washington DC; the person will be based in Lima, Peru."
    assert places(text).countries == ["PE"]


@pytest.mark.parametrize(
    "text",
    [
        "The Coalition, whose secretariat is based in Dakar, Senegal, works in twelve countries.",
        "L'association, dont le siège est basé à Lyon, recrute un chargé de plaidoyer.",
        "La red, cuya sede está radicada en Quito, busca una coordinadora.",
    ],
)
def test_a_relative_clause_about_the_organisation_says_where_it_sits_not_the_job(text):
    assert places(text).remote == "unknown"  # as "our team is based in": no duty station


@pytest.mark.parametrize(
    "text",
    [
        "Caseworker supporting refugees from Syria and Afghanistan with their asylum claims.",
        "Legal adviser for people displaced from Ukraine; you will advise families.",
        "Juriste pour accompagner les personnes réfugiées venant de Syrie.",
        "Trabajadora social para apoyar a personas migrantes procedentes de Venezuela.",
        "Open to citizens of Kenya and Uganda. The officer trains paralegals.",
    ],
)
def test_where_people_come_from_or_who_may_apply_is_not_where_the_job_is(text):
    assert places(text).countries == []


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Programme assistant, working from our office in Kampala.", ["UG"]),
        ("You will work alongside colleagues from our Kenya office.", ["KE"]),
        ("Legal adviser for families who fled Syria, based in Amman.", ["JO"]),
    ],
)
def test_work_from_a_place_still_places_the_job(text, codes):
    assert places(text).countries == codes


def test_a_relative_clause_about_the_post_holder_places_the_job():
    p = places("We seek a consultant whose work will be based in Nairobi, Kenya.")
    assert (p.countries, p.remote) == (["KE"], "no")


def test_an_organisations_seat_yields_to_the_places_of_the_work():
    text = "Rights Now is a US-based NGO. The researcher will document abuses from Bogotá."
    assert places(text).countries == ["CO"]
    assert places(
        "We are a Stockholm-based organisation. The role is based in Tbilisi."
    ).countries == ["GE"]


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("You will work in a sometimes remote environment, based in our Nairobi office.", "no"),
        ("Работа в удаленных районах Таджикистана, офис в Душанбе.", "no"),
        ("This is a fully remote position open to candidates in Europe.", "yes"),
        ("Удаленная работа, полная занятость.", "yes"),
        ("Remote, within African time zones; four days a week.", "yes"),
        ("Home-based, with regular travel to Geneva.", "yes"),
        ("Poste en télétravail, avec des missions au Sénégal.", "yes"),
    ],
)
def test_remote_means_remote_work_not_remote_places(text, remote):
    assert places(text).remote == remote


@pytest.mark.parametrize(
    ("value", "codes", "expected"),
    [
        ("Kenya", True, "KE"),
        ("KEN", True, "KE"),
        ("ke", True, "KE"),
        ("CA", False, None),  # in free text, more likely California
        ("the Netherlands", False, "NL"),
        ("DR Congo", False, "CD"),
        ("Türkiye", False, "TR"),
        ("Côte d'Ivoire", False, "CI"),
        ("Burma", False, "MM"),
        ("Brunei", False, "BN"),
        ("Micronesia", False, "FM"),
        ("UK", False, "GB"),
        ("Virginia", False, None),
        ("", True, None),
        (None, True, None),
    ],
)
def test_country_code(value, codes, expected):
    assert country_code(value, codes=codes) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Geneva, Switzerland", ("Geneva", "CH")),
        ("Remote, United States", (None, "US")),
        ("Arlington, Virginia", ("Arlington", None)),
        ("Hybrid - Nairobi (Kenya)", ("Nairobi", "KE")),
        ("Multiple locations", (None, None)),
        ("Colombia", (None, "CO")),
    ],
)
def test_city_and_country_of_a_location_string(raw, expected):
    assert city_and_country(raw) == expected


@pytest.mark.parametrize(
    ("locations", "workplace", "expected"),
    [
        (["Remote, United States"], None, "yes"),
        (["Home-based"], None, "yes"),
        (["Homebased (Europe)"], None, "yes"),
        (["Working from home"], None, "yes"),
        (["Anywhere"], None, "yes"),
        (["Remotely, Kenya"], None, "yes"),
        (["Hybrid - London"], None, "hybrid"),
        (["Geneva"], None, "unknown"),
        ([None, "Remote areas of Chad"], None, "yes"),  # a location, not a sentence
        (["Remote"], "On-site", "no"),  # the platform's workplace type wins
        (["London"], "hybrid", "hybrid"),
        (["London"], "unspecified", "unknown"),
    ],
)
def test_remote_of_locations_and_workplace(locations, workplace, expected):
    assert remote_of(*locations, workplace=workplace) == expected


def test_a_hybrid_location_hint_makes_the_job_hybrid():
    got = places(
        "Legal Officer\n\nWe seek a legal officer.", hints={"locations": ["Hybrid - London"]}
    )
    assert (got.countries, got.remote) == (["GB"], "hybrid")


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Programme Assistant\nLocation: Gusau field office, Sokoto", ["NG"]),  # a state
        ("Legal Fellow\nLocation: Columbus, Ohio", ["US"]),  # a US state
        ("The officer will be based in Mérida, Yucatán.", ["MX"]),  # Mérida is also in Venezuela
        ("Coordinator for the Khatlon province team", ["TJ"]),  # a province in the body
    ],
)
def test_states_and_provinces_name_their_country(text, codes):
    assert places(text).countries == codes


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Vaga de mobilizador em Salvador/BA", ["BR"]),  # BA is Bahia here, not Bosnia
        ("Assistente técnico, Vitória da Conquista/BA", ["BR"]),
        ("Educadora social em Campo Grande/MS", ["BR"]),  # a city not in the table
        ("Oficial de projetos - Recife - PE", ["BR"]),  # a Brazilian city with a dash
        ("Oficial de proyectos - Lima - PE", ["PE"]),  # Lima is Peru's: PE is Peru
        ("Koordinator projekta, Sarajevo/BA", ["BA"]),  # Sarajevo is Bosnia's
        ("Program Officer - PA", []),  # a dash and a code after no known place
    ],
)
def test_a_brazilian_city_with_its_state_code_is_in_brazil(text, codes):
    assert sorted({h.value for h in places_in(text)}) == codes


def test_words_of_direction_among_subdivisions_are_not_places():
    assert places_in("Central, North East and Centre teams; the Sahel and the Lacs") == []
    # "Centar" (a Skopje municipality) is the South Slavic word for a centre, "Centrale" French
    assert places_in("Centar za ljudska prava; Région Centrale") == []


def test_a_national_domain_is_the_last_resort():
    text = "Lawyer\nWe are looking for a lawyer to join our equality team."
    p = places(text, url="https://www.ombudsman.example.cz/jobs/lawyer")
    assert (p.countries, p.remote, p.evidence["countries"]) == (
        ["CZ"],
        "unknown",
        "https://www.ombudsman.example.cz/jobs/lawyer",
    )
    assert places(text, url="https://jobs.example.io/lawyer").countries == []
    assert places(text, url="https://tally.so/r/lawyer-form").countries == []  # a form service
    assert places(f"{text}\nLocation: Tbilisi", url="https://example.cz/x").countries == ["GE"]


@pytest.mark.parametrize(
    ("url", "countries"),
    [
        ("https://www.afrodesecuador.example.org/convocatoria", ["EC"]),
        ("https://jobsuganda.example.com/post/77", ["UG"]),
        ("https://indianalegalaid.example.org/jobs", ["US"]),  # a state, not India
        ("https://www.womankind.example.org/jobs", []),  # "oman": too short a name to trust
        ("https://perugiarights.example.org/jobs", []),  # "peru" likewise
    ],
)
def test_a_country_spelled_in_the_host_name_is_weak_evidence(url, countries):
    text = "Lawyer\nWe are looking for a lawyer to join our equality team."
    assert places(text, url=url).countries == countries
    assert places(f"{text}\nLocation: Tbilisi", url=url).countries == ["GE"]


@pytest.mark.parametrize(
    "text",
    [
        "Send your application before 30 June (midnight Nairobi, Kenya).",
        "Applications close at 17:00 Geneva time on the last Friday of May.",
        "Inscrições até as 18h, horário de Brasília.",
    ],
)
def test_a_place_that_sets_a_clock_is_no_duty_station(text):
    p = places(f"Communications intern\nWe welcome applications.\n{text}")
    assert (p.countries, p.remote) == ([], "unknown")


def test_a_place_next_to_a_clock_still_counts_elsewhere():
    p = places("Deadline: 5 May, 17:00 Geneva time.\nThe intern will work in our Kampala office.")
    assert p.countries == ["UG"]


def test_a_long_travel_clause_in_a_location_field_names_no_duty_station():
    p = places(
        "Programme Officer\nLocation: Armenia, with roughly 8 weeks of regional travel "
        "(Tbilisi and Baku)"
    )
    assert p.countries == ["AM"]


def test_the_city_where_the_organisation_was_founded_is_not_the_job():
    p = places(
        "Créée en 2004 à Paris, notre association défend les droits des migrants. "
        "Nous recrutons un chargé de plaidoyer pour notre programme au Maroc."
    )
    assert p.countries == ["MA"]


@pytest.mark.parametrize(
    "text",
    [
        "Modalidad: remota, con viajes ocasionales.",
        "Modalidade de trabalho: remota.",
        "Modalité : à distance.",
    ],
)
def test_a_remote_work_mode_field_is_remote(text):
    assert places(text).remote == "yes"


def test_an_on_site_work_mode_field_is_not_remote():
    assert places("Modalidad: presencial en Quito.").remote != "yes"


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("مكان العمل: عمان، الأردن", {"JO"}),  # Amman, Jordan
        ("مكان العمل: مسقط، عمان", {"OM"}),  # Muscat, Oman
        ("المنطقة: عمان والأردن", {"OM", "JO"}),  # Oman and Jordan, a list
        ("Countries: Benin, Nigeria", {"BJ", "NG"}),  # English names stay countries
        ("Countries: Colombia, Cuba", {"CO", "CU"}),
    ],
)
def test_a_country_name_that_is_a_town_of_the_next_country_is_that_town(text, codes):
    assert {h.value for h in places_in(text)} == codes


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        # a location field opening a sentence inside a line, after the organisation's seat
        ("Coordinador\n\nNuestra sede está en Madrid. Lugar de trabajo: Lima, Perú.", ["PE"]),
        ("Координатор\n\nМы базируемся в Вильнюсе. Место работы: Бишкек, Кыргызстан.", ["KG"]),
        # Czech and Polish location labels
        ("Právník\n\nMísto výkonu práce: Ostrava\n\nPožadujeme VŠ vzdělání.", ["CZ"]),
        ("Prawnik\n\nMiejsce pracy: Kraków\n\nWymagania: wykształcenie prawnicze.", ["PL"]),
    ],
)
def test_location_fields_inside_a_line_and_in_more_languages(text, countries):
    out = find_places(Doc(normalise(text)), {}, None, None, None)
    assert (out.countries, out.remote) == (countries, "no")


def test_a_label_inside_a_sentence_is_no_field():
    # the line holds a sentence end, so its later sentences are read for fields: none opens one
    text = "Coordinador\n\nTrabajamos en red. Buscamos el lugar de trabajo: una oficina en Madrid."
    assert list(Doc(normalise(text)).fields(LOCATION_LABEL, inline=True)) == []


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("Abogado\n\nModalidad: teletrabajo desde cualquier lugar de México.", ["MX"]),
        ("Юрист\n\nФормат работы: удалённо из любой точки Казахстана.", ["KZ"]),
        ("Juriste\n\nTélétravail depuis la France.", ["FR"]),
        ("Právník\n\nPráce na dálku z České republiky.", ["CZ"]),
    ],
)
def test_remote_work_within_a_country_stays_remote(text, countries):
    out = find_places(Doc(normalise(text)), {}, None, None, None)
    assert (out.countries, out.remote) == (countries, "yes")


@pytest.mark.parametrize(
    ("title", "regions"),
    [
        ("Koordinátor programu pro východní Evropu", ["Eastern Europe"]),  # Czech accusative
        ("Koordinátor programu pro Střední Asii", ["Central Asia"]),
        ("Koordynator programu na Europę Wschodnią", ["Eastern Europe"]),  # Polish
        ("Koordynator ds. Kaukazu Południowego", ["South Caucasus"]),
        ("Koordinátor pro Latinskou Ameriku", ["Latin America and Caribbean"]),
    ],
)
def test_regions_named_in_czech_slovak_and_polish_case_forms(title, regions):
    doc = Doc(normalise(f"{title}\n\nHledáme kolegu."))
    assert find_places(doc, {}, title, 0, None).regions == regions
