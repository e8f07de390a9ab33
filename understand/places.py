"""Where the job is: duty-station countries, regional focus and remote status.

Evidence is weighed in tiers, the first tier that names a place wins:

1. strong — a location field ("Location:", "Duty station:", "Lieu d'affectation:"), a cue phrase
   ("based in", "stationed in", "basé à", "con sede en", "Stockholm-based", "12 months of work
   in", "para trabajar en", "com atuação em", "pour son antenne de"), a sentence about the
   job's location, or a place at the start or end of a header line;
2. medium — cities named in the body (not in a dateline, a list of offices or a headquarters
   sentence), when they point at one country;
3. weak — one country named in the opening, or one country named repeatedly; a city in the
   application URL's slug; the national domain of the posting's or application's URL, or a
   country its host name spells ("afrodescolombia.org").

Places are countries, their cities (data/cities.csv, with the names CLDR gives them in other
languages) and their states, provinces and regions (pycountry's ISO 3166-2 names), a city with a
US, Canadian or Australian state code ("Austin, TX"), a city's office by its German adjective
("im Wiener Büro") and, only right after a cue or as a location field's value, any town of 15,000
people GeoNames knows (data/towns.tsv: "com atuação em Campo Grande", "Location: Gelsenkirchen";
read anywhere, such names find more wrong places than duty stations), with the case forms of
languages that inflect them ("u Hrvatskoj", "Shqipërisë", "Bakıda", "Հայաստանում", "Бишкекте",
"Sveriges", "w Gruzji"). A place that sets a clock ("midnight New York") or where the
organisation was founded is no duty station.

Places inside names ("the Rome Statute", "New York University"), the Roma ("Roma rights", "za
Rome") and countries named as who may apply ("open to citizens of Moldova") are none; nor are a
line of a place and a date ("Banjul, 26 October 2020"), the place of an event in the body ("the
written test in Liège", "the interviews in Dakar") or the seat in a sentence saying what the
organisation is ("X is an NGO based in Y"), which a remote role never takes as its country. A
"Global" naming a programme in the title ("Global Justice Fellowship") is no regional focus. A
role's regions are its stated focus ("Campaigner for Eastern Europe and Central Asia", a location
field naming a region or saying "international": "Location: Global - Remote") and the regions of
its duty stations, as the corpus and the dev set label them.

`remote` is "no" only for strong or medium evidence; weak evidence leaves it "unknown". Part of
the work from home ("two days a week from home", "možnost práce z domova") is "hybrid"; a place
named as where remote work is done ("Location: Remote, Kenya") or an office offered as the other
choice ("remotely or in our office in Lyon") or a job said to be wholly remote ("This is a remote
position", "can be based anywhere") keeps it "yes", and a location
field saying only remote leaves `countries` empty (the places named still give regions). Travel
in a location field ("Almaty, with regular travel to Brussels") is not a duty station; a remote
option for some candidates ("remote work from elsewhere may be considered") and remote tasks
("remote interviews") do not make a role remote; a remote role open to candidates anywhere
("anywhere in the world") gets the region "Global".

Platforms' own values are read here too: `country_code` (a country name or code),
`city_and_country` (a location string such as "Geneva, Switzerland") and `remote_of` (location
strings and workplace types).
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib.resources import files
from itertools import product
from urllib.parse import urlsplit

import pycountry
from babel import Locale
from babel.core import get_global

from rightsjobs.regions import GLOBAL, country_names, country_regions, region_of
from understand.factor import factored
from understand.lexicon import Hit, NameIndex, kept_index, load_table, name_mode, stem
from understand.text import Doc, Guarded, clip, fold, tokens

FOCUS_SENTENCES = 80  # a stated regional focus is looked for in this many opening sentences
# Languages whose country names (pycountry's ISO 3166 translations) are recognised.
_LOCALES = (
    "fr", "es", "pt", "it", "de", "nl", "sv", "nb", "da", "ru", "uk", "bg", "sl", "pl", "ar",
    "ka", "hy", "tr", "kk", "ky", "uz", "tg", "az", "ro", "cs", "hr", "sr", "fa", "sq", "bs",
    "sr@latin", "mk", "el", "hu", "fi", "sk", "ca", "id", "ms", "sw", "hi", "ur", "bn", "ne",
    "am", "km", "be", "si",
)  # fmt: skip
# Translated names that are ordinary words in English text.
_NOT_PLACES = {"island", "jersey", "того"}

LOCATION_LABEL = re.compile(
    r"(?:(?:job|work|office|duty|primary)\s+)?(?:location|duty\s+station|place\s+of\s+(?:work"
    r"|assignment)|lieu\s+d'affectation|lieu\s+de\s+travail|lieu\s+d'execution|lieu|localisation"
    r"|lugar\s+de\s+(?:destino|trabajo)|ubicacion|sede|city|country|pays|pais|ville|ciudad"
    r"|local(?=\s*[:|])"
    r"|место\s+работы|местоположение|город|страна|місце\s+роботи|ort|arbetsort|placering"
    r"|tjanstgoringsort|dienstort|arbeitsort|based\s+in|where"
    # Serbian, Croatian and Bosnian; Albanian; Azerbaijani; Bulgarian; Kyrgyz; Georgian; Armenian
    r"|mj?esto\s+rada|место\s+рада|lokacija|vendndodhja|vendi\s+i\s+punes|is\s+yeri"
    r"|м[яе]сто\s+на\s+работа|иш\s+орду|სამუშაო\s+ადგილი|ადგილმდებარეობა|աշխատավայր\w*"
    # Arabic, Persian, Hungarian, Greek, Indonesian, Turkish
    r"|(?:مقر|مكان|موقع)\s+العمل|محل\s+(?:کار|خدمت)|munkavegzes\s+helye|helyszin"
    r"|τοποθεσια|τοπος\s+εργασιας|lokasi(?:\s+kerja)?|penempatan|lokasyon"
    # Czech, Slovak, Polish
    r"|mist[oa]\s+(?:vykonu\s+)?prace|miesto\s+(?:vykonu\s+)?prace|pracoviste"
    r"|miejsce\s+(?:wykonywania\s+)?pracy|lokalizacja)"
    r"\s*(?:\([^)]*\))?\s*(?:[:|=]|$)"
)
# Where a location's travel begins ("Almaty, with regular travel to Brussels"): not duty stations.
_TRAVEL = re.compile(
    r"[,;(]?\s*\b(?:with|including|plus|and|avec|con|y|et|с)\s+(?:\S+\s+){0,5}?(?:travel\w*|trips?"
    r"|missions?|visits?|deplacements?|viajes?|поездк\w*|командировк\w*)\b"
    r"|[,;(]?\s*\btravel\w*\s+(?:to|in|across|within)\b"
)
# Every match of _TRAVEL holds one of these words.
_TRAVEL_WORDS = re.compile(r"travel|trip|mission|visit|deplacement|viaje|поездк|командировк")


def _travel(folded: str) -> re.Match[str] | None:
    """Where travel begins in folded text (`_TRAVEL`, searched only where a travel word is)."""
    return _TRAVEL.search(folded) if _TRAVEL_WORDS.search(folded) else None


# Phrases followed directly by the duty station.
_CUE = re.compile(
    r"\b(?:based\s+(?:in|at|out\s+of)|stationed\s+in|located\s+in|relocate\s+to|(?:position|post"
    r"|role|job)\s+(?:is|will\s+be)\s+(?:in|at)|(?:months?|years?|weeks?)\s+of\s+work\s+in|(?:will"
    r"|to)\s+work\s+(?:from|in)\s+(?:our\s+\w+\s+in\s+)?|basee?s?\s+(?:a|en|au)\b|en\s+poste\s+a"
    r"|affectee?\s+a|con\s+sede\s+en|basad[oa]\s+en|ubicad[oa]\s+en|radicad[oa]\s+en"
    r"|destinad[oa]\s+en|с\s+местом\s+работы\s+в|в\s+офисе\s+в|базирующ\w*\s+в|placerad\s+i"
    r"|com\s+atuacao\s+(?:em|no|na)|para\s+atuar\s+(?:em|no|na)|lotad[oa]\s+(?:em|no|na)"
    r"|para\s+(?:trabajar|laborar)\s+en|a\s+pourvoir\s+a|(?:son|notre)\s+antenne\s+(?:de|d'|a)"
    r"|con\s+(?:sede|base)\s+(?:a|di)"
    r"|stationerad\s+i|baserad\s+i|mit\s+sitz\s+in|(?:join(?:ing)?|within)\s+(?:our|its|their|the)"
    r"\s+(?:\w+\s+)?team\s+(?:in|at)|(?:au\s+sein\s+de|rejoindre|integrer)\s+(?:son|notre|l')"
    r"\s*(?:\w+\s+)?equipe\s+(?:a|de|en)|(?:unirse|integrarse)\s+a\s+(?:nuestro|su)\s+equipo\s+en"
    r"|(?:in\s+)?(?:unser\w*|im|ins|am|zum)\s+(?=\w+er\s+(?:buro|team|office|standort"
    r"|geschaftsstelle|sekretariat|niederlassung)s?\b))"
    r"\s*(?:the\s+|la\s+|le\s+|l'|el\s+)?"
)
# Words allowed between a cue and the place ("based in our regional office in Dakar", "based in
# an HRW office in Brussels").
_CUE_GAP = re.compile(
    r"\s*(?:(?:our|its|their|the|an?|either|one\s+of\s+our|[\w'’]+\s+offices?|regional|country"
    r"|field|main|office|offices"
    r"|in|at|of|notre|nos|son|sa|nuestra|nuestro|su|la|le|l'|de|du|oficina|bureau|bureaux"
    r"|cidade|ciudad|ville|citta|city|municipio|municipality|comune"
    r"|офисе)\b\s*){0,6}"
    # the employer's premises and their street address ("at our head office, 10 Main Street,",
    # "au siège de l'association – 59 rue de la Paix – 75019")
    r"(?:(?:siege|head\s+office|headquarters|hq|sede|secretariat|secretariado)(?:\s+(?:of|de|du"
    r"|des|d')\s*(?:the\s+|la\s+|l')?[\w-]+(?:\s+[\w-]+){0,2}?)?\s*[,;–—-]?\s*"
    r"(?:(?:\d{1,4}(?:\s*(?:bis|ter))?,?\s+"
    r"(?:[\w'.-]+\s+){0,4}?[\w'.-]+|[\w'.-]+\s+\d{1,4}[a-z]?)\s*[,;–—-]\s*(?:\d{4,5}\s+)?)?"
    r"(?:(?:in|at|en|a|au|de|du|of)\s+)?)?"
)
# Cues whose subject is the one who works ("to work in", "para trabajar en", "com atuação em"):
# never the organisation's seat, whoever the clause names first.
_WORKER_CUE = re.compile(r"(?:will|to)\s+work|para\s+(?:trabajar|laborar|atuar)|com\s+atuacao")
_BASED_SUFFIX = re.compile(r"^[-\s]?based\b")
# Who a location cue speaks of: the organisation ("the team is based in", "we are located in",
# "nuestra organizacion con sede en") rather than the job ("the post holder will be based in").
_ORG_SUBJECT = re.compile(
    r"\b(?:we|we're|our|us|the\s+(?:team|organi[sz]ation|secretariat|company|ngo|network"
    r"|foundation|charity|headquarters|office|department|unit|programme|program|project)|it|its"
    r"|nous|notre|nos|l'organisation|l'equipe|le\s+(?:secretariat|bureau)|nuestr[oa]s?|la\s+(?:"
    r"organizacion|fundacion|oficina)|el\s+equipo|мы|наш\w*|организаци\w*|команда)\b"
    # a relative clause about a body named before it ("the Coalition, whose secretariat is
    # based in", "l'association, dont le siège est basé à", "la red, cuya sede está en")
    r"|\b(?:whose|dont|cuy[oa]s?|cujo|cuja)\b"
    # "X is an international NGO based in", "X est une organisation ... basée à", "X es una
    # instancia ... con sede en": a sentence saying what the organisation is.
    r"|\b(?:is|est|es|e|ist)\s+(?:an?|une?|una|uma|eine?)\s+(?:[\w'-]+\s+){0,4}?(?:organi[sz]ation"
    r"|organizacion|organizacao|ngo|ong|non[-\s]?profit|charity|network|reseau|red|rede"
    r"|foundation|fondation|fundacion|fundacao|stiftung|verein|association|asociacion|associacao"
    r"|institution|institucion|instituicao|instancia|instance|body|organisme|organismo)\b"
)
_JOB_SUBJECT = re.compile(
    r"\b(?:you|your|position|post|role|job|person|candidate|incumbent|holder|consultant|intern"
    r"|fellow|he|she|they\s+will|successful|selected|staff\s+member|vous|poste|titulaire"
    r"|candidat\w*|puesto|persona|consultor\w*|candidat[oa]|должност\w*|кандидат\w*)\b"
)
# "a US-based NGO": "-based" describing an organisation, not a post.
_ORG_NOUN = re.compile(
    r"\s*(?:\w+\s+){0,2}?(?:ngos?|non[-\s]?profits?|organi[sz]ations?|charit(?:y|ies)|foundations?"
    r"|networks?|groups?|think[-\s]tanks?|companies|company|firms?|institutes?|coalitions?"
    r"|associations?|movements?|initiatives?|platforms?)\b"
)
_ORG_SEAT = re.compile(r"\w[-\s]based" + _ORG_NOUN.pattern)
# A sentence about the job's location: every place in it counts.
_LOCATION_SENTENCE = re.compile(
    r"\b(?:location\s+of\s+the\s+(?:assignment|position|post|job|work)|the\s+(?:assignment"
    r"|position|post|job)\s+(?:is|will\s+be)\s+located|lieu\s+de\s+la\s+mission"
    r"|ubicacion\s+del\s+puesto)\b"
)
# Sentences `_strong` reads: a location sentence, a cue, or "-based".
_STRONG_SENTENCE = re.compile(f"{_LOCATION_SENTENCE.pattern}|{_CUE.pattern}|based")
# The organisation's seat or its founding ("created in 1992 in Brussels"): not the job's place.
_HEADQUARTERS = re.compile(
    r"\b(?:headquarter\w*|head\s+office|hq|siege|sede\s+central|sede\s+principal|штаб-квартир\w*"
    r"|(?:founded|established|created|creee?|fondee?|fundad[oa]|cread[oa]|основан\w*|создан\w*"
    r"|заснован\w*)\s+(?:in|en|em|в|у)\s+\d{4})\b"
)
# A seat's clause inside a longer sentence: "headquartered in Geneva, Switzerland," (up to a
# comma that more follows).
_SEAT_CLAUSE = re.compile(r"[^,;]{0,60},(?:\s*[^,;]{1,25},)?(?=\s*\w)")
# What the rest of such a sentence says of the job: then only the seat's clause is dropped.
_JOB_AFTER = re.compile(
    r"\b(?:recruit\w*|hiring|seeks?|seeking|looking\s+for|recrute|recherche|busca|contrata|ищет"
    r"|position|post|role|vacancy|poste|puesto|plaza|vacante)\b"
)
# (A "-based" seat costs a look at every word: only texts saying "based" pay for it.)
_SEAT = Guarded(((_HEADQUARTERS.pattern, ""), (_ORG_SEAT.pattern, "based")))
# Cities from these are not duty stations: e-mail/message headers.
_MAIL_HEADER = re.compile(r"^(?:from|to|sender|reply-to|message-id|subject|cc)\s*:", re.I)
_DATELINE = re.compile(r"^\W*(\w[\w\s.'-]{1,40}?)\s*(?:,\s*\d|[-–—]\s|\()")
# A sentence about an event the applicant or the post holder takes part in (a written test, an
# interview, a workshop, a session of a council): its place is where that happens.
_EVENT = factored(
    re.compile(
        r"\b(?:interviews?|entretiens?|entrevistas?|vorstellungsgesprach\w*|собеседовани\w*"
        r"|(?:written\s+)?tests?|examens?|exams?|ecrit|prueba|workshops?|ateliers?|talleres?"
        r"|conferences?|conferencias?|sessions?|sesion\w*|assembl(?:y|ies|ee)|summits?|sommet"
        r"|events?|evenements?|eventos?|veranstaltung\w*|мероприяти\w*)\b"
    )
)
# A line of a place and a date alone, as a letter or a notice is signed ("Banjul, 26 October
# 2020", "Paris, le 3 mars 2021", "Quito, March 3, 2022"): where it was written.
_PLACE_DATE_LINE = re.compile(
    r"^\W*[^\W\d][\w\s.'-]{1,40}?,\s*(?:(?:le|el|den|am)\s+)?(?:\d{1,2}(?:st|nd|rd|th|er)?"
    r"\.?\s+(?:de\s+)?\w+|\w+\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}[./]\d{1,2})\s*,?\s*(?:de\s+)?[./]?"
    r"\d{2,4}\W*$"
)
# Remote work, said of the work itself: "remote" or its translations next to a word for work,
# a post or an arrangement ("fully remote", "remote position", "work remotely", "teletrabajo",
# "удаленная работа"), or alone as a location ("Location: Remote", "(Remote)"). "Remote areas",
# "a sometimes remote environment" or "в удаленных районах" describe places, not the job.
_REMOTE_WORK = (
    r"work\w*|position|post|role|job|basis|option|contract|first|friendly|arrangement|setting"
    r"|consultan\w*|assignment|internship|volunteer\w*|opportunit\w*|employment|team\s+member"
    r"|staff|hire|worker|employee|modality|modalidad"
)
_REMOTE = re.compile(
    r"\b(?:home[-\s]based|remotely|(?:fully|100\s*%|completely|entirely|full[-\s]time|part[-\s]time"
    rf")\s+remote|remote\s+(?:\w+\s+)?(?:{_REMOTE_WORK})|work(?:ing)?[-\s](?:from[-\s]home|remote)"
    r"|(?:positions?|roles?|jobs?|posts?)\s+(?:is|are|will\s+be)\s+(?:fully\s+|100\s*%\s+)?remote"
    r"|(?:location|duty\s+station|lieu|ubicacion|based)\s*[:|]?\s*(?:fully\s+)?remote"
    r"|telework\w*|teletrabajo|teletravail|a\s+distance"
    r"|^remote\s*(?:\(|\||–|—|-\s)"  # a line of its own: "Remote (UK-based)", "Remote – Kenya"
    r"|a\s+distancia|trabajo\s+remoto|remoto\s*\)"
    r"|(?:modalidad|modalidade|modalite|modalita|modality|work\s+mode|mode\s+de\s+travail)"
    r"(?:\s+de\s+(?:trabajo|trabalho|travail))?\s*[:|]?\s*(?:100\s*%\s+)?(?:remot[oae]|virtual"
    r"|a\s+distance|a\s+distancia|en\s+teletravail|teletrabajo|da\s+remoto)|удаленн\w*\s+работ\w*"
    r"|работ\w*\s+удаленн\w*|удаленно|дистанционн\w*\s+работ\w*|дистанционно"
    r"|віддален\w*\s+робот\w*|віддалено|дистанційн\w*\s+робот\w*|дистанційно|distansarbete"
    r"|(?:trabalho|trabajo|lavoro)\s+(?:100\s*%\s+)?remoto|uzaktan\s+cal[iı]sma"
    # a work-mode field: "Modelo de trabalho: home office", "Формат работы: удаленно"
    r"|(?:modelo|formato|regime)\s+de\s+(?:trabalho|trabajo)\s*:\s*(?:100\s*%\s+)?(?:home\s+office"
    r"|remot[oa]|virtual)|(?:формат|режим)\s+работы\s*:\s*удален\w*"
    r"|cal[iı]sma\s+sekl[iı]\s*:\s*uzaktan"
    r"|(?:de\s+forma|em\s+regime|de\s+manera)\s+remota?|da\s+remoto"
    r"|(?:puesto|posicion|cargo|empleo|vaga|poste|emploi)\s+(?:(?:100\s*%|totalmente"
    r"|completamente)\s+)?(?:remot[oa]|en\s+teletravail)"
    r"|prac\w*\s+(?:w\s+pe\w+\s+|calkowicie\s+)?zdaln\w*|zdalnie|thuiswerk\w*"
    r"|(?:prace|pracovat)\s+(?:je\s+)?(?:plne\s+|zcela\s+)?z\s+domova|العمل\s+عن\s+بعد|location\s+(?:of\s+the\s+\w+\s+)?is"
    r"\s+flexible|flexible\s+location|(?:work|based|live|located|performed|done)\s+(?:from\s+)?anywhere"
    r"|عن\s+بعد\s+او"
    # sr/hr/bs, mk, fa, sq, tr, az, ka, hy, hu, el, id
    r"|(?:rad|posao|radi)\s+(?:se\s+\w+\s+)?na\s+daljinu|(?:obavlja|odvija)\s+na\s+daljinu"
    r"|prac\w*\s+na\s+dalku"  # Czech and Slovak
    r"|(?:рад|посао)\s+(?:се\s+\w+\s+)?на\s+даљину|далечинск\w*|دورکاری|(?:کار|همکاری)\s+از\s+راه\s+دور"
    r"|(?:kryhet|pune)\s+ne\s+distance|uzaqdan\s+is|distant\s+(?:formada|is\w*|rejim\w*)"
    r"|დისტანციურ\w*|հեռավար\w*|tavmunka\w*|εξ\s+αποστασεως|τηλεργασια|bekerja\s+dari\s+rumah"
    r"|kerja\s+jarak\s+jauh)\b"
    r"|[(\[]\s*(?:fully\s+)?remote\s*[)\]]|^\W*(?:fully\s+)?remote(?:\W*$|\s*[,;:–-])"
    r"|[-–|]\s*remote\s*$",
    re.M,
)
# A location value that says remote ("Remote (Asia)", "Home-based", "Anywhere").
_REMOTE_LOCATION = re.compile(
    r"\b(?:remote\w*|home[-\s]?based|anywhere|telecommut\w*|work(?:ing)?\s+from\s+home"
    r"|telework\w*|teletrabajo|teletravail|remoto|удаленн\w*|дистанционн\w*|віддален\w*"
    r"|a\s+domicile|в\s+домашн\w+\s+(?:умовах|условиях))\b"
)
# Part of the work from home, said as a benefit or a mix ("possibility of working from home two
# days a week", "možnost práce z domova", "Homeoffice", "presencial ou remota"): hybrid.
_HOME_WORK = (
    r"(?:work(?:ing)?\s+(?:from\s+home|remotely)|home[-\s]?office|remote\s+work\w*|telework\w*"
    r"|teletravail|teletrabajo|teletrabalho|prace\s+z\s+domova|pracy\s+zdalnej|smart\s+working"
    r"|mobile[sn]?\s+arbeit\w*|thuiswerk\w*|rad[ae]?\s+od\s+kuce|рад[ае]?\s+од\s+куће|работа\s+од\s+дома"
    r"|pune\s+nga\s+shtepia|evden\s+cal[ıi]sma|სახლიდან\s+მუშაობ\w*)"
)
_FEW = r"(?:\d+|one|two|three|four|deux|trois|quatre|dos|tres|cuatro|zwei|drei|vier|ket|harom)"
_PARTLY_REMOTE = re.compile(
    r"\b(?:(?:possibilit\w*|option|moznost|mogucnost|могућност|moglichkeit|possibilite|posibilidad|possibilidade"
    r"|mozliwosc|possibilita)\s+(?:of\s+|de\s+|d'|z\s+|zur\s+|zum\s+|di\s+)?(?:\w+\s+){0,2}?"
    rf"{_HOME_WORK}|{_FEW}\s+(?:\w+\s+){{0,2}}?(?:days?|dn[uy]|tage?n?|jours?|dias?|giorni|dni|nap)\b"
    rf".{{0,30}}?{_HOME_WORK}|{_HOME_WORK}.{{0,30}}?\b{_FEW}\s+(?:\w+\s+){{0,2}}?(?:days?|dn[uy]|tage?n?"
    r"|jours?|dias?|giorni|dni|nap)\b|homeoffice|home[-\s]office\s+(?:moglich|possible|option|days?"
    r"|tage?)|(?:partly|partially|partial|semi)[-\s]?remote|(?:parcialmente|parcialment|parzialmente"
    r"|partiellement|en\s+partie|teilweise|czesciowo|castecne|частично|частково)\s+(?:remot\w*"
    r"|(?:a|en|da|im)\s+(?:distancia|distance|remoto|homeoffice)|zdaln\w*|удаленн\w*|віддален\w*"
    r"|дистанц\w*)"
    r"|presencial\s+(?:ou|o|e|y)\s+(?:remot[oa]|virtual)|(?:remot[oa]|virtual)\s+(?:ou|o|e|y)"
    r"\s+presencial"
    # "mobiles Arbeiten ist teilweise möglich", "remote work is partly possible"
    rf"|{_HOME_WORK}\s+(?:\w+\s+){{0,2}}?(?:teilweise|anteilig|partly|partially|partiellement"
    r"|parcialmente|lehetoseg\w*)\b)"
)
# Remote work or an office at the person's choice ("can be done remotely or in our office in
# Seattle", "from our Tallinn office or remotely"): remote, though the office names a place.
_REMOTE_CHOICE = re.compile(
    r"\b(?:(?:remote(?:ly)?|a\s+distance)\s+or\s+(?:in|from|at)\s+(?:\w+\s+){0,3}?offices?"
    r"|(?:in|from|at|out\s+of)\s+(?:\w+\s+){0,3}?offices?(?:\s+\w+){0,3}?\s+or\s+remote(?:ly)?"
    r"|عن\s+بعد\s+او)\b"
)
# Platforms' workplace types.
WORKPLACE = {
    "onsite": "no", "on-site": "no", "on_site": "no", "office": "no", "remote": "yes",
    "hybrid": "hybrid",
}  # fmt: skip
# Parts of a location string that name no city: remote markers, regions, placeholders.
_NOT_A_CITY = re.compile(
    r"(remote|hybrid|home[- ]?based|telecommut\w*|anywhere|worldwide|global|multiple( locations)?|"
    r"various|flexible|international|europe|africa|asia|americas|emea|apac|latam|mena|tbd|n/?a|-)"
    r"( \w+)?",
    re.I,
)
# Every match of _REMOTE, _HYBRID, _PARTLY_REMOTE or _REMOTE_FIELD holds one of these words: a
# text or a sentence without them says nothing about remote work.
_REMOTE_WORDS = factored(
    re.compile(
        r"remot|home|telework|teletrabajo|teletravail|teletrabalho|distanc|удален|дистанц"
        r"|віддален|distansarbete|flexible|anywhere|hybrid|hybryd|hibri|гибридн|гібридн|domov|domicile"
        r"|домашн|zdaln|thuiswerk|virtual|smart\s+working|mobile[sn]?\s+arbeit|عن\s+بعد|uzaktan"
        r"|daljin|даљин|далечин|دورکاری|راه\s+دور|uzaqdan|distant|დისტანციურ|հեռավար|tavmunk"
        r"|αποστασ|τηλεργασ|dari\s+rumah|jarak\s+jauh|хибрид|υβριδ|الهجين|ჰიბრიდ|հիբրիդ|kuce|куће"
        r"|од\s+дома|shtepi|evden|სახლიდან|na\s+dalku"
    )
)
_NOT_REMOTE = re.compile(
    r"\b(?:not\s+(?:applicable\s+for\s+|be\s+)?(?:home[-\s]based|remote)|no\s+remote"
    r"|(?:remote\s+work(?:ing)?|work(?:ing)?\s+from\s+home|home[-\s]?office|telework\w*)\s+(?:is\s+)?"
    r"not\s+(?:possible|accepted|allowed|available|an\s+option)"
    r"|not\s+a\s+remote"
    # ru, uk, fr, es, cs, pl: "удалённая работа невозможна", "télétravail non possible"
    r"|(?:удален\w*|дистанционн\w*|віддален\w*|дистанційн\w*)\s+(?:работ\w*|робот\w*)\s+"
    r"(?:невозможн\w*|не\s+(?:предусмотрен\w*|возможн\w*|передбачен\w*|можлив\w*)|неможлив\w*)"
    r"|(?:teletravail|teletrabajo|trabajo\s+remoto|home\s+office|prace\s+z\s+domova"
    r"|praca\s+zdalna)\s+(?:n'est\s+pas\s+possible|non\s+possible|impossible|no\s+es\s+posible"
    r"|no\s+posible|neni\s+mozn\w*|nie\s+jest\s+mozliw\w*))\b"
)
_REMOTE_FIELD = re.compile(
    r"(?:remote\s+work\s+accepted|remote(?:\s+work)?|home[-\s]based|teletrabajo)\s*:?$"
)
# An option for some candidates ("remote work from elsewhere may be considered", "candidates
# living elsewhere may work from home"): the duty station stands.
_REMOTE_OPTION = re.compile(
    r"\b(?:may|might|could|can)\s+(?:also\s+|exceptionally\s+)?(?:be\s+)?(?:considered"
    r"|discussed|negotiated|negotiable|possible|work\s+(?:from\s+home|remotely))\b"
    r"|\b(?:negotiable|a\s+discuter|a\s+convenir|negociable)\b"
)
# The job itself said to be remote ("This is a remote position", "can be done remotely", "can be
# based anywhere"): remote even beside a named office or country.
_WHOLLY_REMOTE = re.compile(
    r"\b(?:(?:is|are|be)\s+(?:an?\s+)?(?:flexible\s*,\s*)?(?:fully\s+|100\s*%\s+)?remote"
    r"|(?:fully|100\s*%|completely|entirely)\s+remote|remote\s+(?:position|role|job|post)"
    r"|can\s+be\s+(?:done|performed|carried\s+out)\s+remotely|work[-\s]from[-\s]home\s+(?:position"
    r"|role|job)|(?:based|performed|done|work)\s+(?:from\s+)?anywhere"
    r"|(?:vollstandig|komplett|ausschliesslich|100\s*%)\s+(?:im\s+|in\s+)?(?:homeoffice"
    r"|home\s+office|mobil\w*\s+arbeit\w*|remote))\b"
)
# A remote role open to candidates anywhere: its region is "Global" (not "anywhere in Europe",
# "any country of the region": their region is the place named).
_ANYWHERE = re.compile(
    r"\b(?:(?:based|work|live|located|candidates|applicants|open\s+to)\b.{0,40}\b(?:anywhere"
    r"|any\s+country|any\s+location)(?!\s+(?:in|within|across|of)\s+(?!the\s+world))|worldwide"
    r"|anywhere\s+in\s+the\s+world|partout\s+dans\s+le\s+monde|cualquier\s+(?:lugar|pais)\s+del"
    r"\s+mundo|из\s+любой\s+страны)\b"
)
_HYBRID = re.compile(
    r"\b(?:hybrid\w*|hybride|hibri[dt]\w*|гибридн\w*|гібридн\w*|хибрид\w*|υβριδικ\w*|الهجين"
    r"|ჰიბრიდულ\w*|հիբրիդային|hybrydow\w*)\b"
)
# A clock time said by a place: the place is no duty station.
_CLOCK_BEFORE = re.compile(
    r"(?:\b(?:midnight|minuit|medianoche|meia-noite|heure|hora|horario|время)(?:\s+(?:de|d'|in"
    r"|of|at|по))?|\b\d{1,2}(?:[:h.]\d{2}|\s*(?:am|pm|h))|\b(?:gmt|utc|cet))\s*[(,]?\s*$"
)
_CLOCK_AFTER = re.compile(r"^,?\s*(?:\(?(?:local\s+)?time\b|standard\s+time|hour)")
_LIST_WORD = re.compile(
    r"^(?:\s*(?:,|/|;|and|or|et|ou|y|o|e|и|или|і|та|або|och|und|oder|a|i|ve|ja|og|&)(?:\s+the)?"
    r"\s*)+$"
)
_REGION_CUE_AFTER = re.compile(
    r"^\s*(?:region|regional|programme|program|department|team|desk|office|portfolio|unit|division"
    r"|countries|region\w*|programa|departamento|региона?|регионе)\b"
)
_REGION_CUE_BEFORE = re.compile(
    r"(?:\bfor(?:\s+the)?|\bcovering(?:\s+the)?|\bin\s+charge\s+of"
    r"|\bresponsible\s+for|\bpour\s+l'|\bpour\s+la|\bpour\s+le|\bpara(?:\s+el|\s+la)?|\bпо"
    r"|\bfor\s+the\s+whole|\bdealing\s+(?:\w+\s+)?with|\bfocus(?:ed|es|ing)?\s+on(?:\s+the)?"
    r"|\bregions?\s+(?:of(?:\s+the)?|du|de\s+la|de\s+l'|des)|\bregiones\s+de(?:l|\s+la)?|منطقة"
    # where a remote role may be done: "anywhere in Europe", "cualquier país de América Latina"
    r"|\banywhere\s+(?:in|within|across)(?:\s+the)?|\bany\s+country\s+(?:in|of)(?:\s+the)?"
    r"|\bcualquier\s+(?:pais|lugar)\s+(?:de|en)(?:\s+la|\s+el)?|\bpartout\s+en)\s*$"
)
_REQUIREMENT = re.compile(
    r"\b(?:experience|knowledge|familiarity|understanding|experiencia|опыт|erfarenhet)"
)


REMOTE = ("yes", "no", "hybrid", "unknown")  # the values of a posting's `remote`


@dataclass
class Places:
    """Result of `find_places`."""

    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    remote: str = "unknown"
    evidence: dict[str, str] = field(default_factory=dict)
    # The answer of the explicit remote, hybrid or on-site cue (`none` when none fired), which the
    # remote tagger reads (`understand.fields`).
    remote_cue: str = "none"


@cache
def _place_index() -> NameIndex:
    """Country and city names (English, regions.csv, pycountry translations, bundled tables),
    built once per installation and change (`kept_index`)."""
    return kept_index("places", _build_place_index)


@cache
def _words_of_people() -> frozenset[str]:
    """Folded words that name a language or a people, which another language's form of a place
    can spell ("Pakistani", the Albanian "the Pakistan"; "Azerbaijani", Azerbaijani case forms
    written without the dotless ı; "Somali", Albanian for Somalia; "Romani", an Azerbaijani form
    of Rome): English demonyms made with "-i" ("Nepali", "Omani") and English language names (a
    language's own name may be its country's: "Polska")."""
    names = {fold(aliases[0]) for _, aliases in load_table("languages.csv")}  # the English name
    english = [
        *country_names().values(),
        *(a for _, al in load_table("country_aliases.csv") for a in al),
    ]
    names.update(fold(n) + "i" for n in english if n[-1:].isalpha() and n[-1] not in "aeiouy")
    names.add("romani")  # the Roma's language, which has no two-letter code in the table
    return frozenset(names)


def _build_place_index() -> NameIndex:
    index = NameIndex()
    known = set(country_regions())
    for code, name in country_names().items():
        if fold(name) not in _NOT_PLACES:
            index.add(name, code)
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[loc], fallback=True)
        for loc in _LOCALES
    ]
    for country in pycountry.countries:
        code = country.alpha_2
        if code not in known:
            continue
        names = dict.fromkeys(  # in this order: a set's would change with the hash seed
            [
                country.name,
                getattr(country, "common_name", None),
                getattr(country, "official_name", None),
            ]
        )
        for name in filter(None, names):
            for loc, tr in [("en", None), *zip(_LOCALES, translations, strict=True)]:
                local = tr.gettext(name) if tr else name
                if "," not in local and len(local) >= 4 and fold(local) not in _NOT_PLACES:
                    base = local if loc == "en" else None
                    for form in _spellings([local, *_inflections(local, loc)], base):
                        index.add(form, code, name_mode(form))
    for code, names in load_table("country_aliases.csv"):
        for name in names:
            for form in _spellings([name, *_local_forms(name, code)], name):
                index.add(form, code, name_mode(form))
    for form, code in _city_forms():
        index.add(form, code, name_mode(form))
    for name, code in _subdivisions().items():
        for form in _spellings([name, *_local_forms(name, code)], name):
            index.add(form, code, "capital")
    for name, code in _city_offices():
        index.add(name, code, "capital")
    return index


@cache
def _city_forms() -> list[tuple[str, str]]:
    """Names of the cities in data/cities.csv and their countries: the table's names, the names
    CLDR gives them in our languages (its time-zone cities: "Berlino", "Romë", "کابل"), and the
    inflected forms of both."""
    out = []
    table = set()
    for code, names in load_table("cities.csv"):
        for name in names:
            table.add((code, fold(name)))
            forms = _spellings([name, *_local_forms(name, code)], name)
            out += [(form, code) for form in forms]
    english = Locale("en").time_zones
    locales = [(loc, Locale.parse(loc.replace("sr@latin", "sr_Latn"))) for loc in _LOCALES]
    for zone, code in get_global("zone_territories").items():
        city = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        if (code, fold(city)) not in table:
            continue
        for loc, locale in locales:
            name = locale.time_zones.get(zone, {}).get("city")
            if name and len(name) >= 4 and fold(name) not in _NOT_PLACES:
                forms = _spellings([name, *_inflections(name, loc)])
                out += [(form, code) for form in forms]
    return list(dict.fromkeys(out))


def _spellings(forms: list[str], keep: str | None = None) -> list[str]:
    """`forms` and, for those with the dotless "ı", their spelling in capitals ("Bakı": "BAKI"),
    without those that name a language or a people (`_words_of_people`); `keep`, a name as a
    table or the English list gives it, stays."""
    forms = forms + [f.replace("ı", "i") for f in forms if "ı" in f]
    people = _words_of_people()
    return [f for f in forms if f == keep or fold(f) not in people]


def _local_forms(name: str, code: str) -> list[str]:
    """Inflected forms of a place of country `code` in the country's own languages."""
    return [f for loc in _LANGUAGES_OF.get(code, ()) for f in _inflections(name, loc)]


# German adjectives of cities in data/cities.csv, naming an office or a team there ("in unserem
# Berliner Büro", "unser Genfer Team").
_CITY_ADJECTIVES = {
    "DE": "Berliner Bonner Hamburger Münchner Frankfurter Kölner Stuttgarter Düsseldorfer",
    "AT": "Wiener Grazer Salzburger",
    "CH": "Genfer Zürcher Berner Basler",
    "BE": "Brüsseler",
    "FR": "Pariser Straßburger",
    "GB": "Londoner",
    "NL": "Haager Amsterdamer",
    "US": "Washingtoner",
}
_OFFICE_NOUNS = (
    "Büro", "Büros", "Team", "Teams", "Office", "Standort", "Standorts", "Geschäftsstelle",
    "Sekretariat", "Sekretariats",
)  # fmt: skip


@cache
def _city_offices() -> list[tuple[str, str]]:
    """Names of an office in a city by its German adjective ("Wiener Büro") and their country."""
    return [
        (f"{adjective} {noun}", code)
        for code, adjectives in _CITY_ADJECTIVES.items()
        for adjective in adjectives.split()
        for noun in _OFFICE_NOUNS
    ]


# "Austin, TX", "Cambridge, MA 02139", "Perth, WA": a city and a US, Canadian or Australian
# state code, not followed by a word in lower case ("Maria, OR the team lead" is none).
_CITY_STATE = re.compile(
    r"\b([A-Z][a-z'.]+(?:[ -][A-Z][a-z'.]+){0,2}),\s?([A-Z]{2,3})\b(?![-'])"
    r"(?!\s+(?!(?:and|or|et|y)\b)[a-z])"
)


_ZIP = re.compile(r"\s+\d{5}(?:-\d{4})?\b")
# In every match of _CITY_STATE: a text without it is not scanned.
_STATE_CODE = re.compile(r",\s?[A-Z]{2,3}\b")


@cache
def _state_codes() -> dict[str, tuple[str, ...]]:
    """Codes of US states, Canadian provinces and Australian states -> their countries."""
    out: dict[str, tuple[str, ...]] = {}
    for country in ("US", "CA", "AU"):
        for sub in pycountry.subdivisions.get(country_code=country):
            if sub.type != "Outlying area":
                short = sub.code.split("-")[1]
                out[short] = (*out.get(short, ()), country)
    return out


def _state_hits(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` with each "City, ST" read as the state's country. When ST is also a country's ISO
    code ("MA", "NE", "PE", "CA"), only a city known in the state's country (the city table's, or
    a town GeoNames places there alone: "Fresno, CA") or a ZIP code after it ("Cambridge, MA
    02139") decides for the state; "Rabat, MA", "Agadez, NE" are left alone."""
    if not _STATE_CODE.search(text):
        return hits
    found = []
    for m in _CITY_STATE.finditer(text):
        countries = _state_codes().get(m.group(2))
        if not countries:
            continue
        named = {h.value for h in _place_index().find(m.group(1))}
        named.add(town_country(m.group(1)) or "")  # "Fresno, CA": a town of GeoNames
        code = next((c for c in countries if c in named), None)
        if code is None:
            if region_of(m.group(2)) and not _ZIP.match(text, m.end()):
                continue  # also a country's code, and nothing says which
            code = countries[0]
        found.append(Hit(code, m.start(1), m.end(2), m.group(0)))
    return _instead(hits, found)


def _instead(hits: list[Hit], found: list[Hit]) -> list[Hit]:
    """`hits` with `found` in place of those it overlaps, in text order."""
    if not found:
        return hits
    kept = [h for h in hits if not any(f.start < h.end and h.start < f.end for f in found)]
    return sorted(kept + found, key=lambda h: h.start)


# A Brazilian city and its state's code, as Brazil writes them: "Salvador/BA", "Campo Grande/MS",
# "Recife - PE". The code is no country's here, whatever ISO code it shares (BA, PE, ES, MA).
_CITY_UF = re.compile(
    r"\b([A-ZÀ-Þ][\w'.]+(?:[ -](?:d[aeo]s?[ ])?[A-ZÀ-Þ][\w'.]+){0,3})(/|[ \t][-–][ \t])([A-Z]{2})"
    r"\b(?![\w/-])"
)


@cache
def _uf_codes() -> frozenset[str]:
    """The codes of Brazil's states (BA, SP, RJ, ...)."""
    return frozenset(
        sub.code.split("-")[1] for sub in pycountry.subdivisions.get(country_code="BR")
    )


def _uf_hits(text: str, hits: list[Hit]) -> list[Hit]:
    """`hits` with each "City/UF" read as Brazil, unless the city is one of another country
    ("Sarajevo/BA" stays Bosnian); with a dash ("Recife - PE") only for a place known in
    Brazil, since "Lima - PE" is Peru's."""
    if "/" not in text and "-" not in text and "–" not in text:  # in every match of _CITY_UF
        return hits
    found = []
    for m in _CITY_UF.finditer(text):
        if m.group(3) not in _uf_codes():
            continue
        named = _place_index().find(m.group(1))
        if any(is_city(h) and h.value != "BR" for h in named):
            continue
        if m.group(2) != "/" and not any(h.value == "BR" for h in named):
            continue
        found.append(Hit("BR", m.start(1), m.end(3), m.group(0)))
    return _instead(hits, found)


def _locatives(name: str) -> list[str]:
    """The locative of a one-word Polish name, which Polish uses after "w" and "na" ("w
    Kirgistanie", "na Ukrainie", "w Mołdawii")."""
    if " " in name or len(name) < 5:
        return []
    if name.endswith(("ia", "ja")):
        return [name[:-1] + "i"]
    if name.endswith("a"):
        return [name[:-1] + "ie"]
    return [name + "ie"] if name[-1] in "nmrsłtd" else []


_SOFT = {"k": "c", "g": "z", "h": "s"}  # "Afrika" -> "Africi"


def _south_slavic(word: str) -> list[str]:
    """Serbian, Croatian and Bosnian (Latin) case forms of a word of a name: genitive, dative
    and locative, accusative ("Hrvatske", "u Hrvatskoj", "u Srbiji", "u Zagrebu", "Sarajeva")."""
    if word.endswith("a"):
        stem = word[:-1]
        soft = stem[:-1] + _SOFT.get(stem[-1], stem[-1])
        return [stem + "e", stem + "i", soft + "i", stem + "oj", stem + "u", stem + "om"]
    if word.endswith(("o", "e")):
        return [word[:-1] + "a", word[:-1] + "u", word[:-1] + "om"]
    return [word + "a", word + "u", word + "om"] if word[-1].isalpha() else []


def _albanian(word: str) -> list[str]:
    """Albanian definite and case forms ("Tiranë" -> "Tirana", "Tiranës"; "Shqipëri" ->
    "Shqipëria", "Shqipërisë"; "Durrës" -> "Durrësi", "Durrësit")."""
    if word.endswith("ia"):  # "Maqedonia" -> "Maqedoni", "Maqedonisë"
        return [word[:-1], word[:-1] + "së", word[:-1] + "në"]
    if word.endswith(("ë", "a")):
        stem = word[:-1]
        return [stem + "a", stem + "ë", stem + "ës", stem + "ën"]
    if word.endswith("i"):
        return [word + "a", word + "së", word + "në"]
    if word[-1] in "kgh":
        return [word + "u", word + "ut", word + "un"]
    return [word + "i", word + "it", word + "in"]


_BACK = "aıouАаЫыОоУу"
_ROUNDED = "oöuüОоУуӨөҮү"
_VOICELESS = "пктсшчфхцщ"


def _last_vowel(word: str, vowels: str) -> str:
    return next((c for c in reversed(word.lower()) if c in vowels), "a")


def _azerbaijani(word: str) -> list[str]:
    """Azerbaijani case forms by vowel harmony: locative, ablative, genitive, dative and
    accusative ("Bakıda", "Azərbaycanın", "Tərtərdə")."""
    vowel = _last_vowel(word, "aıoueəiöü")
    two = "a" if vowel in _BACK else "ə"
    four = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}.get(vowel, "i")
    after_vowel = word[-1].lower() in "aıoueəiöü"
    buffer = "n" if after_vowel else ""
    return [
        f"{word}d{two}", f"{word}d{two}n", f"{word}{buffer}{four}n",
        f"{word}{'y' if after_vowel else ''}{two}", f"{word}{buffer}{four}",
    ]  # fmt: skip


def _kyrgyz(word: str) -> list[str]:
    """Kyrgyz case forms by vowel harmony and voicing: locative, ablative, genitive, dative
    ("Бишкекте", "Кыргызстанда", "Оштон", "Нарындын")."""
    vowel = _last_vowel(word, "аыоуеиөү")
    wide = {"а": "а", "ы": "а", "о": "о", "у": "о", "ө": "ө", "ү": "ө"}.get(vowel, "е")
    high = {"а": "ы", "ы": "ы", "о": "у", "у": "у", "ө": "ү", "ү": "ү"}.get(vowel, "и")
    last = word[-1].lower()
    voiceless, after_vowel = last in _VOICELESS, last in "аыоуеиөүэюяё"
    d = "т" if voiceless else "д"
    n = "н" if after_vowel else d
    g = "к" if voiceless else "г"
    return [word + d + wide, word + d + wide + "н", word + n + high + "н", word + g + wide]


def _armenian(word: str) -> list[str]:
    """Armenian case forms and the article: genitive, locative, ablative, instrumental
    ("Հայաստանի", "Հայաստանում", "Երևանից")."""
    glide = "յ" if word[-1] in "աո" else ""
    return [word + glide + end for end in ("ի", "ում", "ից", "ով")] + [
        word + ("ն" if glide or word[-1] == "ի" else "ը")
    ]


def _ukrainian(word: str) -> list[str]:
    """Ukrainian case forms whose stem vowel changes, which a name's stem does not find:
    "Харків" -> "Харкові", "Харкова"; "Миколаїв" -> "Миколаєві"."""
    if word.endswith(("ів", "їв")):
        stem = word[:-2] + ("ов" if word[-2] == "і" else "єв")
        return [stem + "і", stem + "а", stem + "ом"]
    return []


def _swedish(word: str) -> list[str]:
    """The Swedish genitive ("Sveriges", "Göteborgs")."""
    return [] if word[-1] in "sxz" else [word + "s"]


# Languages whose names of places change their ending in a sentence, and the forms of a word.
_INFLECT = {
    "sq": _albanian, "hr": _south_slavic, "bs": _south_slavic, "sr@latin": _south_slavic,
    "az": _azerbaijani, "ky": _kyrgyz, "hy": _armenian, "sv": _swedish, "uk": _ukrainian,
}  # fmt: skip
# The languages of the cities, aliases and regions of these countries in the bundled tables.
_LANGUAGES_OF = {
    "AL": ("sq",), "XK": ("sq", "hr"), "HR": ("hr",), "BA": ("hr",), "RS": ("hr",),
    "ME": ("hr",), "AZ": ("az",), "KG": ("ky",), "AM": ("hy",), "SE": ("sv",), "PL": ("pl",),
    "UA": ("uk",),
}  # fmt: skip


def _inflections(name: str, locale: str) -> list[str]:
    """Other forms of the place `name` in the language `locale`. A Slavic name's words agree,
    each of four letters or more taking its case forms ("Bosna i Hercegovina" -> "Bosni i
    Hercegovini", "Crna Gora" -> "Crnoj Gori"); elsewhere the ending goes on the name's last
    word ("Конго Республикасында"), in Albanian on its first ("Mbretërisë e Bashkuar")."""
    if locale == "pl":
        return _locatives(name)
    inflect = _INFLECT.get(locale)
    words = name.split(" ")
    if inflect is None or len(words) > 3:
        return []
    head = {"sq": 0}.get(locale, len(words) - 1)
    forms = [
        [w, *inflect(w)]
        if len(w) >= 4 and w[-1].isalpha() and (i == head or inflect is _south_slavic)
        else [w]
        for i, w in enumerate(words)
    ]
    return [" ".join(combo) for combo in product(*forms)][1:]


_SUBDIVISION_MARK = re.compile(r"\s*(?:\[[^\]]*\]|†)$")


@cache
def _subdivisions() -> dict[str, str]:
    """Names of countries' first-level subdivisions (states, provinces, regions: pycountry's ISO
    3166-2) -> alpha-2, when the name is one country's only: not a name of several, not a word of
    direction ("Central", "North East"), not part of a country's name ("Somali"). Marks that are
    no part of the name ("Stockholms län [SE-01]", "Aerodrom †") are dropped."""
    known = set(country_regions())
    countries = [fold(n) for n in country_names().values()]
    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.country_code in known:
            name = _SUBDIVISION_MARK.sub("", sub.name)
            seen.setdefault(name, set()).add(sub.country_code)
    out = {}
    for name, codes in seen.items():
        key = fold(name)
        if (
            len(codes) == 1
            and len(key) >= 4
            and not _DIRECTION.search(key)
            and not any(key in c or c in key for c in countries)
        ):
            out[name] = codes.pop()
    return out


# Country code domains widely used by sites anywhere (form and page services among them:
# "tally.so", "notion.so").
_GENERIC_TLDS = {
    "io", "co", "tv", "me", "ai", "ly", "fm", "am", "to", "ws", "cc", "gg", "sh", "ac", "la",
    "nu", "tk", "ml", "ga", "cf", "gq", "so",
}  # fmt: skip
# Subdivision names that say a part of a country, not which one.
_DIRECTION = re.compile(
    r"\b(?:north\w*|south\w*|east\w*|west\w*|central|centrale?|centre|center|centar|centru"
    r"|capital|upper|lower|middle|nord|sud|est|ouest|norte|sur|oeste|este|centro|city|region|district|province|islands?"
    r"|coast\w*|littoral|plateaux?|highlands?|lakes?|lacs|lagunes|savanes|montagnes|rivers?"
    r"|mountains?|valleys?|interior|orient\w*|sahel)\b"
)


@cache
def _region_index() -> NameIndex:
    index = NameIndex()
    for value, names in load_table("regions.csv"):
        for name in names:
            index.add(name, value, name_mode(name))
    return index


# A place inside the name of a treaty, a document, an institution or an event ("the Rome
# Statute", "the Beijing Platform for Action", "New York University", "Estatuto de Roma"), or
# "Roma" naming the people ("Roma rights", "Sinti and Roma"): no place of work.
_NAME_AFTER = re.compile(
    r"^[-\s]*(?:statutes?|charters?|conventions?|declarations?|principles|platforms?|protocols?"
    r"|process|agreements?|accords?|consensus|plan\s+of\s+action|programme\s+of\s+action"
    r"|conferences?|summit|universit\w*|school\s+of|college|rules|guidelines|call\s+to\s+action)\b"
)
_NAME_BEFORE = re.compile(
    r"\b(?:statute|statut|estatuto|statuto|charter|charte|carta|convention|convencion|convencao"
    r"|convenzione|declaration|declaracion|declaracao|dichiarazione|platform|plataforma"
    r"|plateforme|protocol|protocole|protocolo|agreement|acuerdo|acordo|accord|principles"
    r"|principes|principios|conference|conferencia|universit\w*|universidad|universidade)"
    r"(?:\s+\S+){0,3}?\s+(?:of|de|d'|du|do|da|di|von)\s*$"
)
_ROMA_PEOPLE = re.compile(
    r"^\s+(?:and\s+(?:sinti|travell?ers|egyptians)|rights|people|communit\w*|children|women|girls"
    r"|youth|minorit\w*|inclusion|integration|issues|population|famil\w*|settlements?|activists?"
    r"|students?|men|persons?|origin|et\s+gens|y\s+sinti)\b"
)


# "Roma" is the city only where a place is expected: after a preposition of place or a field's
# colon, before a postcode-like number or the country's name ("in Roma", "Sede: Roma",
# "00185 Roma", "Roma, Italia"); elsewhere ("empower Roma and", "Roma under threat") the people.
# "Roma" alone, or first in a list of places ("Roma, Milano"), as a field's value is the city too.
_ROMA_CITY_BEFORE = re.compile(
    r"(?:\b(?:in|at|to|from|en|di|da|nach|sede)\s+|\b(?:sede|lavor\w*|basat\w*|situat\w*"
    r"|uffici\w*)\s+a\s+|[:|]\s*|\d\s+)$"
)
_ROMA_CITY_AFTER = re.compile(r"^\s*(?:[,(/-]\s*(?:ital\w*|lazio|rm\b)|\d{5})")
_ROMA_ALONE = re.compile(r"^\s*(?:$|[,(/|;-])")


# "Rome" names the Roma in Albanian, Croatian, Serbian and Bosnian ("za Rome", "Instituti i
# Kulturës Rome"; their city is "Romë", "Rim"): it is the city only where "Roma" would be, before
# an office ("our Rome office", "Rome-based") or in a list of places or alone on a line ("Geneva
# and Rome", "à Rome, Italie").
_ROME_LISTED_BEFORE = re.compile(r"(?:\b(?:a|and|or|et|ou|y|e)\s+|[,/&]\s*|^\s*|\n\s*)$")
_ROME_LISTED_AFTER = re.compile(r"^(?:\s*[,;(/|&]|\s+(?:and|or|et|ou)\b|\s*$|\s*\n)")
_ROME_OFFICE_AFTER = re.compile(r"^(?:-based|\s+(?:office|offices|based|hq|headquarters|bureau))\b")


def _the_roma(hit: Hit, before: str, after: str) -> bool:
    """Whether "Roma" or "Rome" at `hit` names the people, not the city."""
    if hit.raw not in {"Roma", "Rome"}:
        return False
    if _ROMA_CITY_BEFORE.search(before) or _ROMA_CITY_AFTER.match(after):
        return hit.raw == "Roma" and bool(_ROMA_PEOPLE.match(after))
    if hit.raw == "Roma":
        alone = not before.strip() and _ROMA_ALONE.match(after)
        return bool(_ROMA_PEOPLE.match(after)) or not alone
    listed = _ROME_LISTED_BEFORE.search(before) and _ROME_LISTED_AFTER.match(after)
    return not (listed or _ROME_OFFICE_AFTER.match(after))


def _in_a_name(hit: Hit, folded: str) -> bool:
    """Whether the place `hit` is part of a name (a treaty, an institution) or names a people."""
    after, before = folded[hit.end :], folded[max(0, hit.start - 60) : hit.start]
    if _the_roma(hit, before, after):
        return True
    return bool(_NAME_AFTER.match(after) or _NAME_BEFORE.search(before))


# "ABOUT US", "JOIN US", "WORK WITH US": a heading's pronoun in capitals, not the country.
_PRONOUN_BEFORE = re.compile(
    r"\b(?:ABOUT|JOIN|CONTACT|WITH|FOLLOW|SUPPORT|HELP|E-?MAIL|CALL|VISIT|FOR|TO|TELL|WRITE"
    r"|OF|AMONG|LET|GIVE|SEND|REACH|MEET|DONATE)\s+$"
)


def _the_pronoun(hit: Hit, text: str) -> bool:
    """Whether "US" at `hit` is the pronoun of a heading in capitals ("ABOUT US")."""
    before = text[max(0, hit.start - 12) : hit.start]
    return hit.raw == "US" and bool(_PRONOUN_BEFORE.search(before))


# A digit glued to a name by a page's layout ("December 27, 2025Ethiopia"), or the capital of a
# word glued after one ("Banteay Meanchey, CambodiaGrade"): blanked, so the name stands alone.
_GLUED = re.compile(r"\d(?=[A-Z][a-z])|(?<=[a-z]{3})[A-Z](?=[a-z]{2})")


@lru_cache(maxsize=4096)
def _places_cached(text: str) -> tuple[Hit, ...]:
    hits = _uf_hits(text, _state_hits(text, _place_index().find(_GLUED.sub(" ", text))))
    if not hits:
        return ()
    folded = fold(text)
    hits = [h for h in hits if not (_in_a_name(h, folded) or _the_pronoun(h, text))]
    return tuple(_towns_before_their_country(hits, text))


_COMMA_GAP = re.compile(r"\s*[,،]\s*")


def _towns_before_their_country(hits: list[Hit], text: str) -> list[Hit]:
    """`hits`, where a country's name in another language that is also a town of the country
    named after a comma is that town ("عمان، الأردن": Amman, Jordan, not Oman). A country's
    English names stay countries: "Benin, Nigeria" and "Colombia, Cuba" list countries."""
    out = list(hits)
    for i, (h, nxt) in enumerate(zip(hits, hits[1:], strict=False)):
        if nxt.value == h.value or not _COMMA_GAP.fullmatch(text, h.end, nxt.start):
            continue  # the town table is read only for "X, Y" of two countries
        key = fold(h.raw)
        if _towns().get(key) == nxt.value and key not in _english_country_names():
            out[i] = replace(h, value=nxt.value)
    return out


@cache
def _english_country_names() -> frozenset[str]:
    """Folded English names of countries and their other names (data/country_aliases.csv)."""
    names = {fold(n) for n in country_names().values()}
    return frozenset(names | set(_country_aliases()))


def places_in(text: str) -> list[Hit]:
    """Every country or city named in `text` (values are ISO alpha-2 codes)."""
    return list(_places_cached(text))


@cache
def _country_aliases() -> dict[str, str]:
    """Folded other names of countries ("UK", "DR Congo", "Burma") -> ISO alpha-2."""
    return {fold(n): code for code, names in load_table("country_aliases.csv") for n in names}


@lru_cache(maxsize=2048)
def country_code(value: str | None, *, codes: bool = True) -> str | None:
    """ISO 3166-1 alpha-2 for a country name (or another name of it) or an alpha-2/alpha-3
    code, else None. Pass `codes=False` for free text, where `CA` or `IN` is more likely a US
    state."""
    text = re.sub(r"^the\s+", "", re.sub(r"\s+", " ", (value or "").strip()), flags=re.I)
    key = fold(text)
    if not key or len(key) > 60:
        return None
    if key in _country_aliases():
        return _country_aliases()[key]
    if len(key) <= 3:
        if not codes or not key.isalpha():
            return None
        found = pycountry.countries.get(alpha_2=key.upper()) or pycountry.countries.get(
            alpha_3=key.upper()
        )
        return found.alpha_2 if found else None
    try:
        return pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return None


def city_and_country(raw: str) -> tuple[str | None, str | None]:
    """The city and ISO country of a `City, Region, Country` location string, where it names
    them ("Remote, United States" names no city)."""
    parts = [p.strip() for p in re.split(r",|;|\s[-–|/]\s|\(|\)", raw) if p.strip()]
    named = [p for p in parts if not _NOT_A_CITY.fullmatch(p)]
    code = next(filter(None, (country_code(p, codes=False) for p in reversed(named))), None)
    city = named[0] if named and country_code(named[0], codes=False) is None else None
    return city, code


def remote_of(*locations: object, workplace: object = None) -> str:
    """yes | no | hybrid | unknown from a platform's workplace type (`onsite`, `remote`,
    `hybrid`) when it gives one, else `yes`/`hybrid` when a location string says so."""
    if said := WORKPLACE.get(str(workplace or "").lower()):
        return said
    folded = fold(" ".join(str(t) for t in locations if t))
    if _HYBRID.search(folded):
        return "hybrid"
    return "yes" if _REMOTE_LOCATION.search(folded) else "unknown"


def _codes(hits: list[Hit]) -> list[str]:
    """The countries of `hits`; where they disagree, a subdivision that is not the last place
    named yields to the others ("Mérida, Yucatán": Mérida is also a state of Venezuela)."""
    if len({h.value for h in hits}) > 1:
        last = hits[-1]
        hits = [h for h in hits if h is last or not is_subdivision(h)]
    return list(dict.fromkeys(h.value for h in hits))


def _after_cue(sentence: str, folded: str) -> tuple[list[str], list[str]]:
    """Countries named right after a duty-station cue, or right before "-based": those said of
    the job, and those said of the organisation ("our team is based in", "a US-based NGO")."""
    if "based" not in folded and not _CUE.search(folded):
        return [], []
    hits = places_in(sentence)
    job: list[str] = []
    org: list[str] = []
    for m in _CUE.finditer(folded):
        chain = [h for h in hits if h.start >= m.end()]
        clause = re.split(r"[;:]|\.\s", folded[: m.start()])[-1]
        about_org = (
            _ORG_SUBJECT.search(clause)
            and not _JOB_SUBJECT.search(clause)
            and not _WORKER_CUE.match(m.group())
        )
        if chain and _CUE_GAP.fullmatch(folded[m.end() : chain[0].start]):
            (org if about_org else job).extend(_codes(_chained(chain, folded)))
        elif code := town_country(sentence[_CUE_GAP.match(folded, m.end()).end() :]):
            (org if about_org else job).append(code)
    for h in hits:  # "a Stockholm-based post", "a US-based NGO" (the organisation's seat)
        if m := _BASED_SUFFIX.match(folded[h.end :]):
            (org if _ORG_NOUN.match(folded[h.end + m.end() :]) else job).append(h.value)
    return list(dict.fromkeys(job)), list(dict.fromkeys(org))


@cache
def _towns() -> dict[str, str]:
    """Folded town name -> country: GeoNames' towns of 15,000 people or more (data/towns.tsv,
    built by `python -m eval.build_towns`)."""
    text = files("understand.data").joinpath("towns.tsv").read_text(encoding="utf-8")
    return {
        key: code
        for code, keys in (row.split("\t") for row in text.splitlines())
        for key in keys.split("|")
    }


_TOWN_LINK = {"do", "da", "dos", "das", "de", "del", "di", "la", "le", "sur", "am", "an", "der"}


def town_country(text: str) -> str | None:
    """The country of the town `text` opens with ("Campo Grande, MS", "Juazeiro do Norte"): its
    whole run of up to four capitalised words (do, de, di... between them), when GeoNames knows
    it as a town and it names no region ("Africa" is also a town of Tunisia)."""
    head = re.split(r"[,;:/()|–—\n]|\.\s", text, maxsplit=1)[0]
    run: list[str] = []
    for word in (w.rstrip(".") for w in head.split()[:5]):
        if not (word[:1].isupper() or (run and word in _TOWN_LINK)):
            break
        run.append(word)
    while run and run[-1] in _TOWN_LINK:
        run.pop()
    name = " ".join(run)
    if not run or len(run) > 4 or _region_index().find(name):
        return None
    return _towns().get(fold(name))


def _chained(hits: list[Hit], folded: str, limit: int = 3) -> list[Hit]:
    """The first hit and those joined to it by commas or "and"; a list of `limit`+ is dropped."""
    chain = [hits[0]]
    for h in hits[1:]:
        gap = folded[chain[-1].end : h.start]
        if len(gap) > 6 or not _LIST_WORD.match(gap):
            break
        chain.append(h)
    return chain if len({h.value for h in chain}) < limit else []


def _header_lines(doc: Doc, title_line: int | None) -> list[str]:
    """Short lines before the first paragraph, and the title line with the two lines after it."""
    idx = []
    for i, line in enumerate(doc.lines[:8]):
        if len(line) > 120:
            break
        idx.append(i)
    if title_line is not None:
        idx += [title_line, title_line + 1, title_line + 2]
    lines = [doc.lines[i] for i in sorted(set(idx)) if i < len(doc.lines)]
    return [line for line in lines if len(line) <= 120 and not _MAIL_HEADER.match(line)]


def _edge_places(line: str, at_end: bool) -> list[str]:
    """Countries named at the end (`at_end`) or else at the start of a header line ("Brussels,
    Belgium", or a town of GeoNames its state or country confirms: "Easthampton, Massachusetts,
    United States"); not in a sentence, a list of offices or a dateline."""
    line = line[_dateline_end(line) :]
    if travel := _travel(fold(line)):  # "Home-based, with travel to Geneva"
        line = line[: travel.start()]
    hits = places_in(line)
    if (
        not hits
        or len({h.value for h in hits}) >= 3
        or (line.endswith(".") and len(line.split()) > 6)
    ):
        return []
    core = line.strip(" .:;()[]|-–—")
    first, last = hits[0], hits[-1]
    if not at_end:
        if line.find(core) == first.start:
            return [first.value]
        # a town the city table lacks, then its state or country ("Easthampton, Massachusetts")
        town = town_country(core) if "," in line[: first.start] else None
        return [town] if town and town in {h.value for h in hits} else []
    if re.search(r"[^\W\d_]", line[last.end :]):  # "Brussels (80%)" ends with it
        return []
    return _codes([last, *[h for h in hits if _LIST_WORD.match(line[h.end : last.start] or ",")]])


def _location_fields(doc: Doc) -> Iterator[tuple[str, str]]:
    """Values of location fields ("Location: Nairobi", front matter's `location = "Remote"`)
    and their lines."""
    for value, line in doc.fields(LOCATION_LABEL, inline=True):
        yield value.strip("\"' "), line


def _strong(doc: Doc, title_line: int | None) -> tuple[list[str], str, tuple[list[str], str]]:
    """Duty stations stated outright, their evidence, and the organisation's seat as stated
    ("our team is based in Nairobi", "a US-based NGO"): a fallback weaker than body cities."""
    seat: tuple[list[str], str] = ([], "")
    for value, line in _location_fields(doc):
        if m := _travel(fold(value)):
            value = value[: m.start()]
        if codes := _codes(places_in(value)):
            return codes, line, seat
        if code := town_country(value):
            return [code], line, seat
    for i in sorted(doc.sentences_matching(_STRONG_SENTENCE)):
        sentence, folded = doc.sentences[i], doc.folded_sentences[i]
        if _LOCATION_SENTENCE.search(folded):
            hits = places_in(sentence)
            if hits and len(set(_codes(hits))) < 4:
                return _codes(hits), sentence, seat
        job, org = _after_cue(sentence, folded)
        if job:
            return job, sentence, seat
        if org and not seat[0]:
            seat = (org, sentence)
    lines = _header_lines(doc, title_line)
    for at_end in (True, False):  # "Officer: Baku, Azerbaijan" before "U.S. Department of State"
        for line in lines:
            if codes := _edge_places(line, at_end):
                return codes, line, seat
    return [], "", seat


def _dateline_end(text: str) -> int:
    """Length of a news dateline ("Quito, 10 de marzo de 2023.-", "بيروت -") at the start, or 0."""
    m = _DATELINE.match(text)
    return m.end() if m and places_in(m.group(1)) else 0


def _body_sentences(doc: Doc) -> list[tuple[str, int]]:
    """Sentences for medium/weak evidence, with their offset; datelines, place-and-date lines
    and sentences about the organisation's seat ("headquartered in", "a US-based NGO", "IHRDA
    is an NGO based in Banjul") dropped."""
    out = []
    skip = _dateline_end(doc.text)
    seats = doc.sentences_matching(_SEAT)
    org_seats = {i for i in doc.sentences_matching(_STRONG_SENTENCE) if _org_seat_only(doc, i)}
    travels = set(doc.sentences_matching(_TRAVEL_WORDS))
    pos = 0
    for i, sentence in enumerate(doc.sentences):
        if skip:
            sentence = sentence[skip:] if len(sentence) > skip else ""
            travels.add(i)
            skip = 0
        folded = doc.folded_sentences[i]
        headquarters = _HEADQUARTERS.search(folded) if i in seats else None
        clause = _SEAT_CLAUSE.match(folded, headquarters.end()) if headquarters else None
        if clause and len(sentence) == len(folded) and _JOB_AFTER.search(folded, clause.end()):
            # "The Centre, headquartered in Geneva, is recruiting for Nairobi": the seat's clause
            # goes, the rest stays
            end = clause.end()
            sentence = (
                sentence[: headquarters.start()]
                + " " * (end - headquarters.start())
                + sentence[end:]
            )
            folded, headquarters = fold(sentence), None
        seat = i in org_seats or (i in seats and (headquarters or _ORG_SEAT.search(folded)))
        dated = _PLACE_DATE_LINE.match(folded) or _EVENT.search(folded)
        if sentence and not seat and not dated and not _MAIL_HEADER.match(sentence):
            # "home-based, with travel to Geneva"
            travel = _TRAVEL.search(fold(sentence)) if i in travels else None
            out.append((sentence[: travel.start()] if travel else sentence, pos))
        pos += len(sentence) + 1
    return out


def _org_seat_only(doc: Doc, i: int) -> bool:
    """Whether sentence `i` places the organisation ("IHRDA is an NGO based in Banjul") and
    not the job."""
    job, org = _after_cue(doc.sentences[i], doc.folded_sentences[i])
    return bool(org) and not job


def _not_clock_time(hits: list[Hit], folded: str) -> list[Hit]:
    """`hits` without places that only set a clock ("midnight New York, USA", "18:00 Geneva
    time", "horário de Brasília") and those listed right after them."""
    out: list[Hit] = []
    clock, prev_end = False, 0
    for h in hits:
        before = folded[max(0, h.start - 30) : h.start]
        listed = clock and _LIST_WORD.match(folded[prev_end : h.start] or ",")
        clock = bool(listed or _CLOCK_BEFORE.search(before) or _CLOCK_AFTER.match(folded[h.end :]))
        prev_end = h.end
        if not clock:
            out.append(h)
    return out


# Who may apply ("open to citizens of Moldova", "nationals of Kenya only", "граждане России"):
# an eligibility, not where the job is.
_CITIZENS_OF = re.compile(
    r"\b(?:citizens?|nationals?|nationality|citizenship|passport\s+holders|cetatenii?|citoyens?"
    r"|citoyennete|nationalite|ciudadan\w*|nacionalidad|cidadaos|nacionalidade|граждан\w*"
    r"|громадян\w*|obywatel\w*|staatsburger\w*|staatsangehorig\w*)\s+(?:of\s+|de\s+|du\s+|des\s+"
    r"|d'|do\s+|da\s+|ai\s+|the\s+|la\s+|el\s+)*(?:\w+\s+)?$"
)


# Where people come from ("refugees from Syria", "families who fled Syria", "personnes venant
# de Syrie", "migrantes procedentes de Venezuela"): the people's origin, not where the job is.
# A bare "from" counts only after people or their flight ("document abuses from Bogotá" and
# "working from Nairobi" place the work), and not before an office ("from our Kenya office").
_FROM = re.compile(
    r"\b(?:(?:refugees?|asylum[-\s]seekers?|migrants?|immigrants?|displaced|returnees?|evacuees?"
    r"|deportees?|survivors?|people|persons|families|children|women|men|youth|nationals"
    r"|applicants|candidates|arriving|arrived|coming|who\s+came)(?:\s+[\w-]+){0,3}?\s+from"
    r"|fled|fleeing|escaped|escaping|(?:venant|venus?|originaires?|issus?)\s+d[eu']?"
    r"|en\s+provenance\s+d[eu']?|(?:procedentes?|provenientes?|venid[oa]s|oriund[oa]s|vind[oa]s"
    r"|originari[oa]s)\s+de)\s+(?:the\s+|la\s+|le\s+|l'|el\s+|los\s+|o\s+|a\s+)?$"
)
_AN_OFFICE = re.compile(r"\s*(?:office|offices|team|bureau|headquarters|hq)\b")


def _not_eligibility(hits: list[Hit], folded: str) -> list[Hit]:
    """`hits` without countries named as who may apply ("citizens of the Republic of Moldova")
    and places people come from ("refugees from Syria"), nor the places listed right after
    them ("from Syria and Afghanistan")."""
    out: list[Hit] = []
    dropped, prev_end = False, 0
    for h in hits:
        before = folded[max(0, h.start - 50) : h.start]
        listed = dropped and len(gap := folded[prev_end : h.start]) <= 6 and _LIST_WORD.match(gap)
        dropped = bool(
            listed
            or _CITIZENS_OF.search(before)
            or (_FROM.search(before) and not _AN_OFFICE.match(folded[h.end :]))
        )
        prev_end = h.end
        if not dropped:
            out.append(h)
    return out


def _listed(sentence: str, hits: list[Hit]) -> bool:
    """Whether the places found in `sentence` make one list: only joining words between them."""
    folded = fold(sentence)
    return all(
        _LIST_WORD.match(folded[a.end : b.start]) for a, b in zip(hits, hits[1:], strict=False)
    )


def _medium_and_weak(doc: Doc) -> tuple[list[str], str, str]:
    cities: Counter[str] = Counter()
    countries: Counter[str] = Counter()
    opening: list[str] = []
    listed: list[tuple[list[str], str]] = []  # an opening sentence's list of several countries
    evidence: dict[str, str] = {}
    for sentence, pos in _body_sentences(doc):
        if not (hits := places_in(sentence)):
            continue
        folded = fold(sentence)
        hits = _not_eligibility(_not_clock_time(hits, folded), folded)
        if len(set(_codes(hits))) >= 3:
            continue
        for h in hits:
            evidence.setdefault(h.value, sentence)
            countries[h.value] += 1
            if is_city(h):
                cities[h.value] += 1
            if pos < 400:
                opening.append(h.value)
        codes = list(dict.fromkeys(_codes(hits)))
        if pos < 400 and len(codes) >= 2 and _listed(sentence, hits):
            listed.append((codes, sentence))
    if cities and len(cities) == 1:
        code = next(iter(cities))
        return [code], "medium", evidence[code]
    if len(set(opening)) == 1:
        return opening[:1], "weak", evidence[opening[0]]
    if listed and set(opening) == set(listed[0][0]):  # the opening names one list of countries
        return listed[0][0], "weak", listed[0][1]
    ranked = countries.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return [ranked[0][0]], "weak", evidence[ranked[0][0]]
    return [], "", ""


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    return " ".join(stem(t.key) for t in tokens(name))


@cache
def _city_keys() -> frozenset[str]:
    cities = [form for form, _ in _city_forms()]
    return frozenset(_key(n) for n in [*cities, *(name for name, _ in _city_offices())])


def is_city(hit: Hit) -> bool:
    """True when the place found is a city (the bundled table, "Austin, TX", "Salvador/BA"),
    not a country."""
    return (
        _key(hit.raw) in _city_keys()
        or bool(_CITY_STATE.fullmatch(hit.raw))
        or bool(_CITY_UF.fullmatch(hit.raw))
    )


@cache
def _subdivision_keys() -> frozenset[str]:
    return frozenset(_key(n) for n in _subdivisions()) - _city_keys()


def is_subdivision(hit: Hit) -> bool:
    """True when the place found is a state, province or region of a country (not a city)."""
    return _key(hit.raw) in _subdivision_keys()


def _url_city(urls: list[str]) -> list[str]:
    """A city in the slug of a URL ("/vacancy/senior-campaigner-london-3481/")."""
    for url in urls:
        slug = re.sub(r"[-_/.]+", " ", url.split("//", 1)[-1].split("/", 1)[-1]).title()
        hits = [h for h in places_in(slug) if is_city(h)]
        if hits:
            return _codes(hits)
    return []


def _url_country(urls: list[str]) -> tuple[list[str], str, str] | None:
    """The country of a national domain ("defensoria.gov.br", "ochrance.cz"), else of a country
    the host spells ("jobsnepal.com"): the weakest evidence, for a posting that names no place.
    Country domains used as generic ones (.io, .co, .tv) say nothing."""
    hosts = [(url, urlsplit(url if "//" in url else f"//{url}").hostname or "") for url in urls]
    for url, host in hosts:
        tld = host.rsplit(".", 1)[-1]
        if len(tld) == 2 and tld not in _GENERIC_TLDS and region_of(tld.upper()):
            return [tld.upper()], "weak", url
    for url, host in hosts:
        if code := _host_country(host):
            return [code], "weak", url
    return None


def _host_country(host: str) -> str | None:
    """The country whose English name a label of `host` holds ("afrodescolombia.org",
    "jobsnepal.com"), the longest name first; names of five letters or more, so that "oman"
    in "womankind" or "peru" in "perugia" say nothing."""
    for label in host.split(".")[:-1]:
        for name, code in _host_names().items():
            if name in label:
                return code
    return None


@cache
def _host_names() -> dict[str, str]:
    """Country names, and US states holding one ("indiana"), as letters alone -> country code,
    longest first."""
    states = {s.name: "US" for s in pycountry.subdivisions.get(country_code="US") or []}
    names = {re.sub(r"[^a-z]", "", fold(n)): code for n, code in states.items()}
    names |= {re.sub(r"[^a-z]", "", fold(n)): code for code, n in country_names().items()}
    return dict(sorted(((n, c) for n, c in names.items() if len(n) >= 5), key=lambda p: -len(p[0])))


def _remote(doc: Doc) -> tuple[str | None, str]:
    """ "yes"/"hybrid" from remote-work cues, "unknown" for an empty remote field, else None."""
    if not _REMOTE_WORDS.search(doc.folded):
        return None, ""
    for i, line in enumerate(doc.lines):
        if _REMOTE_FIELD.match(fold(line)) and not _after_location_label(doc.lines, i):
            nxt = fold(doc.lines[i + 1]) if i + 1 < len(doc.lines) else ""
            if nxt.startswith(("yes", "oui", "si", "да")):
                return "yes", f"{line} {doc.lines[i + 1]}"
            if nxt.startswith(("no", "non", "нет")):
                return "no", f"{line} {doc.lines[i + 1]}"
            return "unknown", line
    for value, line in _location_fields(doc):  # "Local: Remoto", "Місце роботи: вдома"
        folded = fold(value)
        if _REMOTE_LOCATION.search(folded) and not _remote_denied(folded):
            return ("hybrid" if _HYBRID.search(folded) else "yes"), line
    for i in sorted(doc.sentences_matching(_REMOTE_WORDS)):
        sentence, folded = doc.sentences[i], doc.folded_sentences[i]
        wholly = _WHOLLY_REMOTE.search(folded) and not _remote_denied(folded)
        if wholly and not _HYBRID.search(folded):
            return "yes", sentence  # "vollständig im Homeoffice": no part of the work
        if _HYBRID.search(folded) or (
            _PARTLY_REMOTE.search(folded) and not _NOT_REMOTE.search(folded)
        ):
            return "hybrid", sentence
        if _REMOTE.search(folded) and not _remote_denied(folded):
            return "yes", sentence
    return None, ""


# Remote work said of a place: "anywhere in Kenya", "Remote (Brazil)", "Delaware, Remote".
_REMOTE_BEFORE_PLACE = re.compile(
    r"(?:remote|remoto|anywhere|home[-\s]?based|teletrabajo|teletrabalho|teletravail"
    r"|a\s+distancia|удален\w*|дистанционн\w*|віддален\w*|дистанційн\w*|zdaln\w*|na\s+dalku"
    r"|desde\s+cualquier\s+(?:lugar|parte)|de\s+n'importe\s+ou|из\s+любой\s+точки)\W{0,3}"
    r"(?:(?:in|within|across|from|en|dans|depuis|em|de|del|desde|из|в|z|ze|w)\s+"
    r"(?:the\s+|la\s+|le\s+|l')?)?$"
    # "Remote (must be based in Kenya)", "remote, candidates residing in Peru"
    r"|(?:remote|remoto|home[-\s]?based)\W{0,3}(?:\w+\s+){0,3}?(?:based|located|resident|residing"
    r"|living)\s+(?:in|within)\s+(?:the\s+)?$"
)
_REMOTE_AFTER_PLACE = re.compile(r"^\W{0,3}(?:remote|remoto|home[-\s]?based)\b")


def _after_location_label(lines: list[str], i: int) -> bool:
    """Whether line `i` is the value of a location label alone on the line before it
    ("Location" / "Remote")."""
    return i > 0 and bool(LOCATION_LABEL.fullmatch(fold(lines[i - 1]).strip()))


def _remote_within(text: str) -> bool:
    """Whether `text` places remote work in a country ("Location: Remote, Kenya")."""
    folded = fold(text)
    return any(
        _REMOTE_BEFORE_PLACE.search(folded[max(0, h.start - 48) : h.start])
        or _REMOTE_AFTER_PLACE.match(folded[h.end :])
        for h in places_in(text)
    )


def _remote_denied(folded: str) -> bool:
    """Whether remote work is refused or only an option for some ("may be considered")."""
    return bool(_NOT_REMOTE.search(folded) or _REMOTE_OPTION.search(folded))


# A location field saying only that the role is international ("Remote, International").
_INTERNATIONAL_VALUE = re.compile(
    r"^\W*(?:(?:remote|remoto|home[-\s]?based)\W+)?(?:international|internacional|internationale?)"
    r"(?:\W+(?:remote|remoto|home[-\s]?based))?\W*$"
)


def _focus_regions(doc: Doc, title: str | None) -> tuple[list[str], str]:
    """Regions the role is for: named in the title or as "for the X region"-style focus."""
    index = _region_index()
    if title and (hits := _not_in_a_programme(index.find(title), fold(title))):
        return _split_regions(hits), title
    for value, line in _location_fields(doc):  # "Location: Global - Remote", "Lieu : Sahel"
        if hits := index.find(value):
            return _split_regions(_chained(hits, fold(value), limit=99)), line
        if _INTERNATIONAL_VALUE.match(fold(value)):
            return [GLOBAL], line
    if not index.may_name(doc.text):
        return [], ""
    for sentence, folded in zip(
        doc.sentences[:FOCUS_SENTENCES], doc.folded_sentences, strict=False
    ):
        if _REQUIREMENT.search(folded):
            continue
        hits = index.find(sentence)
        for i, h in enumerate(hits):
            before = folded[max(0, h.start - 30) : h.start]
            if _REGION_CUE_AFTER.match(folded[h.end :]) or _REGION_CUE_BEFORE.search(before):
                return _split_regions(_chained(hits[i:], folded, limit=99)), sentence
    return [], ""


# "Global" naming a programme, a fund or a prize ("Helton Global Human Rights Fellowship"),
# not the role's reach.
_PROGRAMME_AFTER = re.compile(
    r"^\s+(?:[\w'-]+\s+){0,3}?(?:fellowships?|programmes?|programs?|funds?|initiatives?|awards?"
    r"|prizes?|scholarships?|grants?|summits?|forums?|compacts?|network|alliance"
    r"|coalition|institute|centre|center|festival|conference)\b"
)


def _not_in_a_programme(hits: list[Hit], folded: str) -> list[Hit]:
    """`hits` without a "Global" that names a programme in a title."""
    return [h for h in hits if h.value != GLOBAL or not _PROGRAMME_AFTER.match(folded[h.end :])]


def _split_regions(hits: list[Hit]) -> list[str]:
    return list(dict.fromkeys(r for h in hits for r in h.value.split("|")))


def _text_countries(
    doc: Doc, title_line: int | None, urls: list[str], remote: bool
) -> tuple[list[str], str, str]:
    """Duty stations from the text, tier by tier: countries, strength and evidence. A remote
    role takes none from its site's address or its organisation's seat."""
    countries, evidence, seat = _strong(doc, title_line)
    if countries:
        return countries, "strong", evidence
    countries, strength, evidence = _medium_and_weak(doc)
    if seat[0] and strength != "medium" and not remote:
        return seat[0], "weak", seat[1]
    if countries or remote:
        return countries, strength, evidence
    if countries := _url_city(urls):
        return countries, "weak", urls[0]
    return _url_country(urls) or ([], "", "")


def _placeless_field(line: str) -> bool:
    """Whether `line` is a location field naming no place ("Location: Remote")."""
    return bool(LOCATION_LABEL.match(fold(line))) and not places_in(line)


def find_places(
    doc: Doc, hints: dict, title: str | None, title_line: int | None, apply_url: str | None
) -> Places:
    """Countries, regions and remote status of a posting (hints win over the text)."""
    out = Places()
    remote, remote_evidence = _remote(doc)
    strength, evidence = "", ""
    hinted = [c.upper() for c in hints.get("countries") or [] if region_of(str(c))]
    for raw in hints.get("locations") or []:
        hinted += _codes(places_in(str(raw)))
        if remote is None and (said := remote_of(raw)) != "unknown":
            remote, remote_evidence = said, str(raw)
    area: list[str] = []  # where a remote role's work is, for its regions ("Location: Remote")
    if hinted:
        out.countries, strength, evidence = list(dict.fromkeys(hinted)), "strong", "(platform data)"
    elif remote == "yes" and _placeless_field(remote_evidence):
        area = _text_countries(doc, title_line, [], remote=True)[0]
    else:
        urls = [u for u in (apply_url, doc.url) if u]
        out.countries, strength, evidence = _text_countries(doc, title_line, urls, remote == "yes")
    if out.countries:
        out.evidence["countries"] = clip(evidence)
    out.remote_cue = remote or "none"
    if hints.get("remote") in REMOTE:
        out.remote, remote_evidence = hints["remote"], "(platform data)"
    elif remote in {"yes", "hybrid"}:
        # A duty station beside remote work makes it hybrid, unless the place is where the remote
        # work may be done ("Location: Remote, Kenya", "home-based anywhere in Peru") or the job
        # is said to be wholly remote ("This is a remote position").
        within = remote_evidence == evidence and _remote_within(evidence)
        said = fold(remote_evidence)
        chosen = _REMOTE_CHOICE.search(said) or _WHOLLY_REMOTE.search(said)
        placed = strength in {"strong", "medium"} and not within and not chosen
        out.remote = "hybrid" if remote == "yes" and placed else remote
    elif remote in {"no", "unknown"}:
        out.remote = remote
    else:
        out.remote = "no" if strength in {"strong", "medium"} else "unknown"
        remote_evidence = evidence if out.remote == "no" else ""
    if remote_evidence:
        out.evidence["remote"] = clip(remote_evidence)
    focus, focus_evidence = _focus_regions(doc, title)
    named = out.countries or area
    out.regions = list(dict.fromkeys([*focus, *(r for c in named if (r := region_of(c)))]))
    if focus:
        out.evidence["regions"] = clip(focus_evidence)
    open_to_all = out.remote == "yes" and not out.countries and not focus
    if open_to_all and (
        anywhere := next((s for s in doc.sentences if _ANYWHERE.search(fold(s))), None)
    ):
        out.regions, out.evidence["regions"] = [GLOBAL], clip(anywhere)
    out.regions = [r for r in out.regions if r == GLOBAL or r in set(country_regions().values())]
    return out
