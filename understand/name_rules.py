"""Rules that find a role's title and its hiring organisation (candidates for `understand.title`).

Title, first that applies: the record's own title; a "Job title:" field (several numbered ones
are joined with "; "); a headline such as "Vacancy at ORG: TITLE", "ORG is looking for TITLE",
"TITLE at ORG", "We're hiring: TITLE"; a sentence "... recrute un·e TITLE", "... para el cargo de
TITLE"; the first short header line naming a role ("Officer", "Coordinator", "Chargé-e",
"Beca"...); the role named most often in the body ("the Protection Officer will ..."). Titles
lose "Vacancy:"-style prefixes ("Poste vacant :", "Vaga:"), a leading place name and a trailing
" at ORG"; titles found in the text (`trim_title`, not a record's own) also lose a reference
number before or after them ("VA/2031/044 – ", " (Ref. HR-2031-17)") and a trailing place set
off by a comma, dash, parentheses or "in" ("Field Monitor, Gulu, Uganda").
Role and organisation words are looked up per word from a cache (`WordPattern`).

Organisation, first that applies: the record's; one named in the headline; an "Organization:"
field; the short title-case line under the title; the subject of "... is hiring / recrute /
lancent un appel"; "About ORG"; a name with an organisation word opening one of the first
sentences ("Baltic Freedom Network supports ..."); a name given with its acronym that recurs; a
well-known organisation named repeatedly (`data/organizations.csv`: about 180 bodies of the
sector, UN agencies to national groups, with their names in the languages they use); a
CamelCase brand named repeatedly; in scripts without capitals, the first phrase headed by an
organisation noun.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TypeVar

from understand.dates import find_dates
from understand.factor import factored
from understand.lexicon import Hit, NameIndex, load_table, name_mode, stem
from understand.places import is_city, places_in
from understand.text import ROLE_COMPOUND, ROLE_WORDS, Doc, clip, fold, tokens

_T = TypeVar("_T")


class WordPattern:
    """Alternatives that match whole words ("officer", "fond\\w*", also "non-profit"), answered
    per distinct word from a cache: `search(folded)` is true when a word of `folded` matches, as
    `re.search(r"\\b(?:...)\\b", folded)` would, at a fraction of its cost."""

    def __init__(self, alternatives: str, compound: re.Pattern[str] | None = None) -> None:
        self.pattern = re.compile(rf"(?:{alternatives})")
        self.compound = compound  # also a word that this fully matches (a compound's head)
        self.fullmatch = lru_cache(maxsize=65536)(self._fullmatch)

    def _fullmatch(self, word: str) -> bool:
        if self.pattern.fullmatch(word) is not None:
            return True
        return self.compound is not None and self.compound.fullmatch(word) is not None

    def search(self, folded: str) -> bool:
        """Whether a word of `folded` (or two joined by a hyphen) is one of the alternatives."""
        words = _WORD_RUN.findall(folded)
        if any(map(self.fullmatch, words)):
            return True
        return "-" in folded and any(map(self.fullmatch, _HYPHEN_PAIR.findall(folded)))


_WORD_RUN = re.compile(r"\w+")
_HYPHEN_PAIR = re.compile(r"(?=\b(\w+-\w+)\b)")

_ROLE = ROLE_WORDS
_ROLE_RE = WordPattern(_ROLE, ROLE_COMPOUND)
_ROLE_NOUN = (
    r"Officer|Coordinator|Manager|Director|Assistant|Associate|Consultant|Campaigner|Researcher"
    r"|Adviser|Advisor|Specialist|Analyst|Lawyer|Counsel|Expert|Representative"
)
_ROLE_PHRASE = re.compile(rf"\b((?:[A-Z][\w'’-]*\s+){{0,4}}(?:{_ROLE_NOUN}))\b")
_HAS_ROLE_NOUN = factored(re.compile(_ROLE_NOUN))  # a sentence without one has no role phrase
_TITLE_LABEL = re.compile(
    r"(?:job\s+title|position\s+title|post\s+title|title\s+of\s+(?:the\s+)?(?:post|position)"
    r"|position|post|title|role|vacancy|intitule(?:\s+(?:du\s+poste|publication))?|poste"
    r"|titre\s+du\s+poste|titulo(?:\s+del\s+puesto)?|puesto|cargo|должность|вакансия|позиция"
    r"|tjanst|befattning|stelle|stellenbezeichnung|pozice|pozicia|pozycja|stanowisko)"
    r"(?:\s+\d{1,2})?\s*[:|]"
)
_PREFIX = re.compile(
    r"^(?:(?:new\s+)?(?:vacancy|job)(?:\s+(?:announcement|notice|opening|opportunity|offer|posting"
    r"|vacancy))?(?:\s+at\s+[^:]{2,80})?|we(?:'|’)?re\s+hiring|we\s+are\s+hiring|now\s+hiring"
    r"|hiring|apply\s+(?:now|today)|se\s+busca|se\s+solicita|se\s+requiere|call\s+for\s+applications|open\s+call|recrutement(?:\s+d'(?:un[.\-·]e|une|un))?"
    r"|offre\s+d'emploi|offre\s+de\s+stage|oferta\s+de\s+practicas|vaga\s+de\s+estagio"
    r"|praktikumsangebot|internship\s+(?:offer|opportunity)|avis\s+de\s+vacance"
    r"|appel\s+a\s+candidatures|convocatoria(?:\s+(?:abierta|publica))?|vacante"
    r"|oferta\s+de\s+empleo|вакансия|вакансія|ledig\s+tjanst|stellenausschreibung|poste\s+vacant"
    r"|poste\s+a\s+pourvoir|open\s+position|vaga|oferta\s+de\s+trabajo|stellenangebot|vacature"
    # "job advert" in more languages: tr, ro, el, no/da, fi, hu, id, pl, cs/sk, it, sq
    r"|is\s+ilan[ıi]|anunt\s+de\s+(?:angajare|recrutare)|θεση\s+εργασιας|ledig\s+stilling"
    r"|stillingsannonce|avoin\s+tyopaikka|allas(?:ajanlat|hirdetes)|lowongan(?:\s+kerja)?"
    r"|oferta\s+pracy|volne\s+(?:pracovni\s+)?misto|pracovna\s+ponuka|offerta\s+di\s+lavoro"
    r"|pracovni\s+pozice|pracovna\s+pozicia|vyberove\s+(?:rizeni|konanie)|stanowisko"
    r"|posizione\s+aperta|njoftim\s+(?:per\s+)?(?:pune|vend\s+pune)|اعلان\s+(?:عن\s+)?وظيفة"
    r"|وظيفة\s+شاغرة|فرصة\s+عمل|مطلوب|personel\s+al[ıi]m[ıi]|is[əe]\s+q[əe]bul(?:\s+elan[ıi])?"
    r"|javni\s+(?:oglas|konkurs)|оглас\s+за\s+вработување)"
    r"\s*(?:[:\-–—|]|!+)\s*"  # "Vacancy: ", "We're hiring! "
)
# Persian and Arabic "hiring" before the role, with or without a colon: "آگهی استخدام کارشناس
# حقوقی", "توظيف: محاسب".
_HIRING = re.compile(r"^(?:اگهی\s+)?(?:استخدام|توظيف)\s*[:\-–—|]?\s*(?=\S)")
# A reference number before or after a title ("VA/2031/044 – ", " (Ref. HR-2031-17)").
_CODE = r"(?:ref(?:erence)?\.?\s*(?:no\.?|n°|#|number)?\s*:?\s*)?[A-Za-z]{0,8}[-/.#]?\d[\w/.#-]*"
_LEADING_CODE = re.compile(rf"^(?:{_CODE})\s*[:\-–—|]\s+(?=\w)", re.I)
_TRAILING_CODE = re.compile(rf"\s*(?:[:\-–—|,]\s*|\()(?:{_CODE})\)?$", re.I)
# A title's trailing place: "Protection Officer – Gulu, Uganda", "Legal Adviser (Tbilisi)",
# "Field Monitor in Gulu", "Юрист у Харкові".
_AT_PLACE = r"in|at|en|à|в|во|у"  # prepositions before a place
_PART = r"(?:[^,()|–—\s]|\s(?!-\s))"  # a character of one part: never across " - "
_TRAILING_PART = re.compile(
    rf"(?:\s*(?:[,\-–—|]\s+|\()|\s+(?:{_AT_PLACE})\s+)({_PART}+(?:,\s*{_PART}+)?)\)?$"
)
# A head count or a list number before a title: "1 SPECIALISTE EN FORMATION", "02 Juristes",
# "1. Specialist".
_LEADING_COUNT = re.compile(r"^0?\d[.)]?\s+(?=[^\W\d_]{2})")
_CALL_FOR = re.compile(r"^call\s+for\s+(?=consultan|proposals?\s+for\s+consultan)")
# A gender marker after a role: "(m/w/d)", "(H/F/X)", "(all genders)".
_GENDER_MARK = re.compile(
    r"\s*\((?:(?:[mwfdhx*]|div)(?:\s*/\s*(?:[mwfdhx*]|div)){1,3}|all\s+genders|alle\s+geschlechter)\)",
    re.I,
)
# Working time before or after a role: "Full-time Officer", "Officer (part-time)", "Projektleitung
# in Teilzeit", "Juriste à temps partiel", "Abogada a tiempo completo", "Officer (0.8 FTE)".
_WORK_TIME = (
    r"(?:full|part)[-\s]?time|(?:in\s+)?(?:teilzeit|vollzeit)|(?:a|à)\s+(?:temps\s+(?:plein|partiel)"
    r"|tiempo\s+(?:completo|parcial))|\d+(?:[.,]\d+)?\s*(?:fte|%)"
    r"|\d+(?:\s*[-–]\s*\d+)?\s*(?:uur|stunden|std\.?|hours?|hrs?|heures|horas|timmar)"
    r"(?:\s*(?:per|pro|a|/)\s*(?:week|woche|semaine|semana|vecka|wk))?"
)
_LEADING_WORK_TIME = re.compile(rf"^(?:{_WORK_TIME})\s+", re.I)
_TRAILING_WORK_TIME = re.compile(rf"\s*(?:[-–—,]\s*|\(\s*)?(?:{_WORK_TIME})\s*\)?$", re.I)
# Where the job is, after a role: "Monitor - Based in Phnom Penh", "Juriste (basée à Lyon)".
_TRAILING_BASED = re.compile(
    r"\s*[-–—,(|]\s*(?:based\s+in|bas[ée]e?\s+[àa]|con\s+sede\s+en|com\s+sede\s+em"
    r"|located\s+in|mit\s+(?:dienst|arbeits)ort)\s.*$"
    # without a separator: "Assistant(e) de programme basé(e) à Bamako", "Officer based in Kyiv"
    r"|\s+(?:based(?:\s+in\s.*)?|basé(?:e|\(e\)|[·.]e)?(?:\s+[àa]\s.*)?)$",
    re.I,
)
# A public call or competition for a role, in the Slavic languages: "Конкурс за координатора",
# "Оглас за избор на извршен директор", "Javni poziv za medijatore", "Konkurs na stanowisko".
_CALL_FOR_ROLE = re.compile(
    r"^(?:javni\s+|јавни\s+|otvoreni\s+)?(?:konkurs|oglas|poziv|natjecaj|natječaj|конкурс|оглас"
    r"|повик)\s+(?:za|na|за|на)\s+(?:(?:izbor|избор|prijem|пријем|замещение|stanowisko)\s+"
    r"(?:na\s+|на\s+|za\s+|за\s+)?(?:(?:должности|позиции|radno\s+mjesto)\s+)?"
    r"|(?:poziciju|позицију|radno\s+mj?esto|радно\s+место)\s+)?",
    re.I,
)
# An indefinite article before a role: "Un·e accompagnateur·trice", "Une déléguée", "Una abogada".
_LEADING_ARTICLE = re.compile(
    r"^(?:un[·.\-]?e|une|un|una|uno|ein|eine|einen|un\s*/\s*(?:una|une|a)|una\s*/\s*un"
    r"|um\s*/\s*(?:uma|a)|uma\s*/\s*um|un\(e\)|um\(a\)|un\(a\))\s+",
    re.I,
)
_VACANCY_AT = re.compile(
    r"^(?:vacancy|job(?:\s+opening)?|position)\s+at\s+(?P<org>[^:]{2,80}?)(?:\s*:|\s+[-–—|])\s*"
    r"(?P<title>.+)$",
    re.I,
)
_SEEKS_VERB = (
    r"\s+(?:is\s+|are\s+)?(?:looking\s+for|seeking|seeks|(?:is|are|now)\s+hiring|recruiting"
    r"|recruits|wants|recrute|recherche|cherche\s+a\s+recruter|busca|contrata|ищет|набирает"
    r"|шукає|soker|sucht|procura)"
)
# An indefinite article before a role, paired forms first ("un(e)", "un/a", "eine*n").
_INDEFINITE = (
    r"(?:un\s*(?:[.\-·]\s*e|\(\s*e\s*\)|/\s*(?:une|una|a))|una\s*/\s*(?:un|o)|um\s*(?:/\s*(?:uma|a)"
    r"|\(\s*a\s*\))|uma\s*/\s*um|eine?\s*[*:/_]\s*n|a|an|one|une|un|una|uno|uma|um|en|ett|eine?n?)"
)
# Words of time between the verb and the role ("sucht ab sofort", "recherche dès maintenant").
_AT_ONCE = (
    r"(?:ab\s+sofort|(?:zum\s+)?nachstmoglichen\s+zeitpunkt|urgently|immediately|des\s+maintenant)"
)
_SEEKS = re.compile(
    rf"^(?P<org>(?:(?<!\w{{4}}[.!?]\s).){{2,120}}?){_SEEKS_VERB}(?:\s+{_AT_ONCE})?\s+(?:{_INDEFINITE}\s+)?[:\s]?\s*"
    r"(?P<title>.+)$"
)
_HAS_SEEKS_VERB = re.compile(_SEEKS_VERB + r"\s")
# "Join the Coalition for Open Courts as our next Communications Lead!", "Rejoignez X en tant
# que Y", "Únete a X como Y".
_JOIN_AS = re.compile(
    r"^(?:join|rejoignez|rejoins|unete\s+a|sumate\s+a|junte-se\s+(?:a|ao|a\s+)"
    r"|werde\s+teil\s+(?:von|des|der))\s+(?:the\s+|l'|la\s+|le\s+|el\s+|o\s+)?(?P<org>.{2,80}?)"
    r"\s+(?:as|en\s+tant\s+que|comme|como|als)\s+(?:(?:an?|our|its|the|their|notre|nuestr[oa]"
    r"|nosso|nossa|unser\w*|une?|una?|um|uma)\s+)?(?:(?:next|new|prochaine?|nouvel(?:le)?"
    r"|nuev[oa]|nov[oa]|neue?n?)\s+)?"
    r"(?P<title>.+?)[!.]?$"
)


def seeks(folded: str) -> re.Match[str] | None:
    """`_SEEKS.match(folded)` ("ORG is looking for TITLE"), tried only when one of its verbs
    stands between spaces: the pattern's lazy start is slow to fail."""
    return _SEEKS.match(folded) if _HAS_SEEKS_VERB.search(folded) else None


_TITLE_AT = re.compile(
    r"^(?P<title>.{3,100}?)\s+(?:at|@|chez)\s+(?P<org>[A-Z][\w .'’&()-]{2,80})$", re.I
)
_HAS_AT = re.compile(r"\s(?:at|@|chez)\s", re.I)


def title_at(text: str) -> re.Match[str] | None:
    """`_TITLE_AT.match(text)` ("TITLE at ORG"), tried only when " at ", " @ " or " chez "
    occurs: the pattern's lazy start is slow to fail."""
    return _TITLE_AT.match(text) if _HAS_AT.search(text) else None


_BODY_TITLE = re.compile(
    r"(?:recrutons|recrute|recruiting|recruits|seeks|is\s+seeking|is\s+looking\s+for"
    r"|cherche\s+a\s+recruter|applications\s+for\s+the\s+(?:post|position)\s+of(?:\s+the)?"
    r"|candidatures\s+pour|para\s+el\s+cargo\s+de|pour\s+le\s+poste\s+de|на\s+должность"
    r"|will\s+appoint|appoint)\s*(?:a|an|un[.\-·]e|une|un|una|one)?\s*[:\s]\s*"
)
_TITLE_END = re.compile(
    r"\s+(?:afin\s+de|pour\s+(?:son|sa|ses|notre|nos|\w+(?:er|ir|re))|in\s+order\s+to"
    r"|to\s+(?:support|join|lead|work|help|conduct|develop|carry|design|manage|coordinate|provide"
    r"|undertake|assist|strengthen)|who\s+will|qui\s+sera|que\s+|based\s+in|basee?\s+a"
    r"|para\s+(?:apoyar|fortalecer|trabajar|atuar|trabalhar|su|sus|nuestr[oa]s?"
    r"|(?:o\s+|a\s+)?(?:seu|sua|nosso|nossa))"
    r"|en\s+cd[di])\b|[.;!?](?:\s|$)"
)
_COMMA_END = re.compile(r",\s+(?=[^\W\d_A-ZÀ-ÞА-Я])")
# Page furniture: anywhere in a line ("Accept cookies") or as the whole line or its start.
_BOILERPLATE_ANY = re.compile(
    r"cookie|privacy|password|user\s+name|log\s?in|sign\s+in|register|skip\s+to|category"
    r"|posts\s+tagged|job\s+opportunit"
)
_BOILERPLATE_START = re.compile(
    r"menu$|home\b|print$|share\b|header$|archive\s+for|description$|overview$"
    r"|job\s+description$|summary$|details$|vacancies$|careers?$"
)


def boilerplate(folded: str) -> bool:
    """Whether a folded line is page furniture (menus, cookie banners, "Job description")."""
    return bool(_BOILERPLATE_START.match(folded) or _BOILERPLATE_ANY.search(folded))


_ABBREVIATIONS = {
    "assc": "Associate",
    "asst": "Assistant",
    "snr": "Senior",
    "sr": "Senior",
    "mgr": "Manager",
    "coord": "Coordinator",
}
_ORG_WORDS = WordPattern(
    r"organi[sz]ation|organisation|foundation|fondation|fundacion|federation|federacion"
    r"|institute|institut|instituto|initiative|commission|comision|committee|comite|council"
    r"|conseil|consejo|office|bureau|oficina|mission|centre|center|centro|network|reseau|red|union"
    r"|association|asociacion|alliance|watch|defenders|international|internacional|fund|fonds"
    r"|fondo|programme|agency|agence|agencia|endowment|society|league|ligue|service|provedoria"
    r"|ombudsman|defensoria|ministry|ministere|ministerio|secretariat|secretaria|coalition"
    r"|coalicion|trust|helsinki|amnesty|ngo|ong|collective|colectivo|collectif|lab|laboratory"
    r"|consortium|platform|plataforma|plateforme|forum|foro|movement|movimiento|mouvement"
    r"|observatory|observatorio|observatoire|charity|non-profit|nonprofit|организаци\w*|фонд"
    r"|центр|комитет|институт"
    r"|ассоциаци\w*|сеть|ინსტიტუტი|ორგანიზაცია|ცენტრი|ასოციაცია|ფონდი|kancelar|urad|bureau|бюро"
    r"|комитет\w*|асоциаци\w*|інститут\w*|організаці\w*|асоціаці\w*|фундаци\w*|associacao"
    r"|associazione|defensoria|procuradoria|observatori|federacao|fundacao|instituicao|verein"
    r"|stiftung|comissao|commissione|agentia|asociatia|fundatia|منظمة|مركز|مؤسسة|شبكة|جمعية"
    r"|التحالف|تحالف|ასოციაცი\w*|ქსელი|კავშირი|გაერთიანება|палата|палати|палаты"
    # sr/hr/bs/mk, tr, az, fa, hy, hu, sq, uk
    r"|centar|центар|udruzenj\w*|удружењ\w*|здружени\w*|organizacij\w*|организациј\w*"
    r"|fondacij\w*|фондациј\w*|komitet\w*|mrez\w*|inicijativ\w*|dernek\w*|vakf\w*|vak[ıi]f"
    r"|merkez\w*|m[əe]rk[əe]z\w*|t[əe]skilat\w*|سازمان|انجمن|بنیاد|مرکز|شبکه|کمیسیون"
    r"|կենտրոն\w*|կազմակերպությ\w*|հիմնադրամ\w*|միությ\w*|ասոցիացիա\w*|egyesulet\w*"
    r"|alapitvany\w*|kozpont\w*|tarsasag\w*|bizottsag\w*|qendr\w*|shoqat\w*|fondacion\w*"
    r"|organizat(?:a|e|es)|rrjet\w*|спілк\w*|об'єднанн\w*|c[əe]miyy[əe]t\w*"
)
_SUBJECT_VERB = re.compile(
    r"\s+(?:\([^)]{2,15}\)\s*)?(?:,[^,]{3,80},\s*)?(?:is\s+hiring|is\s+recruiting"
    r"|is\s+looking\s+for|is\s+seeking|seeks|invites\s+applications|accepts\s+applications"
    r"|announces|cherche\s+a\s+recruter|recrute|lance\w*|lancent|invite\w*|busca|convoca|abre"
    r"|comunico|anuncia|ищет|объявляет|приглашает|soker|sucht|will\s+recruit|wishes\s+to\s+recruit"
    r"|est\s+une?|is\s+an?|es\s+una?|является|raspisuje|расписује|objavljuje|објављује|објавува"
    r"|trazi|тражи|փնտրում|kerkon|шукає|оголошує|запрошує|يبحث|تبحث"
    r"|تعلن)\b"
)
_ABOUT = re.compile(
    r"^(?:about|a\s+propos\s+de|acerca\s+de|sobre|о\s+нас|om)\s+(?:l'|la\s+|le\s+"
    r"|the\s+)?(.{3,80})$",
    re.I,
)
_ORG_LABEL = re.compile(
    r"(?:(?:hiring\s+)?organi[sz]ation(?:al\s+unit)?|employer|company|agency"
    r"|departement\s*/\s*bureau|department\s*/\s*office|organisme|organismo|organizacion"
    r"|организация|работодатель|arbetsgivare|arbeitgeber|გამომცხადებელი|zamestnavatel\w*"
    r"|pracodawca|empleador|employeur|institucion|instituicao|organizacao|organizace|organizacja"
    r"|organizacia|структура"
    r"|host(?:ing)?\s+organi[sz]ation|departament\s*/\s*idar\w*)\s*[:|]"
)
_LEADING_ORG_NOISE = re.compile(
    r"^(?:(?:the|le|la|les|el|los|las|o|os|il|lo|die|der|das)\s+|l['’]\s*)(?:(?:office|bureau|secretariat|secretariado"
    r"|oficina)\s+(?:of|de|du|des|de\s+la|de\s+l['’])\s*(?:the\s+|l['’])?)?",
    re.I,
)
_ACRONYM_NAME = re.compile(
    r"((?:[A-Z][\w'’-]+\s+(?:(?:of|for|on|and|the|de|des|du|la|le|pour|del|los|y|et"
    r"|in)\s+)*){1,8})\(([A-Z][A-Za-z]{1,9})\)"
)
# What every `_ACRONYM_NAME` ends with: an acronym of two capitals or more ("(MdM)", not "(Kyiv)").
_PAREN_CAPS = re.compile(r"\([A-Z][A-Za-z]{1,9}\)")


def acronym_names(text: str) -> Iterator[re.Match[str]]:
    """`_ACRONYM_NAME.finditer(text)` ("Name Of The Body (NOTB)"), run only when an "(ABC)"
    occurs: two texts in three have none, and the pattern is slow to fail."""
    return _ACRONYM_NAME.finditer(text) if _PAREN_CAPS.search(text) else iter(())


_COPULA = re.compile(r"\s+(?:is\s+an?|est\s+une?|es\s+una?|является)\b")
OPENING_SENTENCES = 8  # an organisation opening a sentence is looked for in this many sentences
_NAME_WORD = r"[A-ZÀ-ÞА-ЯЁ][\w'’&.-]*"
_OPENING_NAME = re.compile(
    rf"^(?P<org>(?:(?:The|El|La|Le|Les|L'|L’)\s*)?{_NAME_WORD}(?:\s+(?:(?:of|for|on|and|the|de|des"
    rf"|du|la|le|del|los|las|y|et|in|pour|per|di|dei|della|delle|degli|do|da|dos|das)\s+)*"
    rf"(?:(?:d|l|dell|dall|nell|sull)['’])?{_NAME_WORD}){{1,7}})(?P<paren>\s*\([^)]{{2,60}}\))?"
    rf"\s+(?!(?:d|l|dell|dall|nell|sull)['’][A-ZÀ-Þ])(?P<next>[a-zà-ÿа-яё][\w'’-]*)"
)
# Words after a name that show it is not the subject of a sentence.
_NOT_VERBS = {
    "of", "for", "on", "in", "at", "to", "from", "with", "by", "and", "or", "the", "a", "an",
    "de", "des", "du", "la", "le", "les", "el", "los", "las", "y", "o", "et", "ou", "en",
    "para", "por", "con", "sur", "dans", "avec", "pour", "и", "в", "на", "с", "по", "для",
}  # fmt: skip
_CAMEL = re.compile(r"[A-Z](?<=\b[A-Z])[a-z]+[A-Z]\w+\b")  # "\b" behind: capitals found fast
_ARABIC_ORG = re.compile(
    r"((?:ال)?(?:مرصد|منظمة|مركز|مؤسسة|شبكة|لجنة|مفوضية|جمعية|المرصد|المنظمة|المركز|المؤسسة|الشبكة"
    r"|اللجنة|المفوضية|الجمعية)(?:\s+\S+){1,4}?\s+(?:الإنسان|الانسان))"
)
_ARABIC_TITLE = re.compile(
    r"((?:برنامج\s+)?(?:زمالة|وظيفة|منصب|تدريب)(?:\s+(?!مطلع|في|الذي|التي|من|على)\S+){0,5})"
)
_ARABIC_LETTER = re.compile(r"[\u0600-\u06ff]")
_GEORGIAN_TITLE = re.compile(r"^(\S+?)ის\s+ვაკანსია$")


KNOWN_ORG_CHARS = 6000  # well-known organisations are counted in this much of the text


@dataclass
class Names:
    """Result of `find_title_and_org`."""

    title: str | None = None
    organization: str | None = None
    title_line: int | None = None
    title_evidence: str = ""
    org_evidence: str = ""


@cache
def _known_orgs() -> NameIndex:
    index = NameIndex()
    for name, aliases in load_table("organizations.csv"):
        for alias in [name, *aliases]:
            index.add(alias, name, name_mode(alias))
    return index


def _clean_title(title: str, org: str | None = None) -> str | None:
    title = " ".join(title.split()).strip(" |:-–—•")
    for prefix in (_PREFIX, _CALL_FOR, _HIRING):
        if m := prefix.match(fold(title)):
            title = title[m.end() :]
    if org:
        title = _without_leading_org(_without_org(title, org), org)
    hits = places_in(title) if _ROLE_RE.search(fold(title)) else []
    if hits and hits[0].start == 0 and _ROLE_RE.search(fold(title[hits[0].end :])):
        title = title[hits[0].end :].strip(" ,:-–—")
    words = title.split()
    if words and (key := fold(words[0]).strip(".")) in _ABBREVIATIONS:
        words[0] = _ABBREVIATIONS[key]
    title = " ".join(words).strip(" |:-–—•,")
    return title if 2 <= len(title) <= 200 else None


_ORG_SEPARATOR_END = re.compile(r"\s*(?:[-–—|,@]|\bat|\bchez)\s*(?:the\s+)?$", re.I)


def _without_org(title: str, org: str) -> str:
    """`title` without a trailing " – ORG", ", ORG", " at ORG" or " chez ORG"."""
    org = org.strip()
    if not org or len(org) >= len(title) or title[-len(org) :].lower() != org.lower():
        return title
    before = title[: -len(org)]
    if before[-1:].isalnum() and org[:1].isalnum():
        return title  # the name is the end of a longer word
    m = _ORG_SEPARATOR_END.search(before)
    return before[: m.start()] if m else title


# After a leading organisation: its acronym and up to two words (a country), then a separator.
_AFTER_LEADING_ORG = re.compile(r"(?:\s*\([^()]{1,20}\))?((?:\s*[^\s\-–—|:]+){0,2}?)\s*[-–—|:]\s*")


def _without_leading_org(title: str, org: str) -> str:
    """`title` without a leading "ORG – ", "ORG (ACR): " or "ORG Country-", when what follows
    names a role and what stands between does not ("Doctors of the World Greece-Mediator")."""
    org = org.strip()
    if not org or len(org) >= len(title) or fold(title[: len(org)]) != fold(org):
        return title
    if title[len(org) - 1 : len(org) + 1].isalnum():
        return title  # the name is the start of a longer word
    m = _AFTER_LEADING_ORG.match(title, len(org))
    rest = title[m.end() :] if m else ""
    if not rest or _ROLE_RE.search(fold(m.group(1))) or not _ROLE_RE.search(fold(rest)):
        return title
    return rest


# Letters of Slavic languages written in Latin script (Czech, Slovak, Polish; the č, š, ž of the
# South Slavic ones): a Spanish "Coordinadora" must keep its -a.
_WEST_SLAVIC = re.compile(r"[ěščřžýůňťďľĺŕąęćłńśźż]", re.I)
_CYRILLIC_WORD = re.compile(r"[а-яёіїєґ]", re.I)


def _nominative(word: str, slavic: bool) -> str:
    """A Slavic role noun in the accusative or genitive, as a recruiting sentence puts it
    ("Ищем юриста", "Hledáme právníka/právničku"), in the nominative ("юрист", "právník",
    "právnička"); any other word as it is. `slavic`: the posting is in a Slavic language."""
    folded = fold(word)
    if not slavic or len(folded) < 5 or folded.endswith(("ista", "ysta")):
        return word  # a West Slavic "-ista" is nominative: "specialista", "stážista", "stażysta"
    if folded[-1] in "aа" and (not folded.endswith(("ka", "ка")) or folded[-3:-1] in ("ik", "ик")):
        stem = word[:-1]  # masculine animate: "юриста", "koordinátora", "právníka", "prawnika"
        if fold(stem)[-1] not in "aeiouyаеиоуыэюяі" and _ROLE_RE.fullmatch(fold(stem)):
            return stem
    if word[-2:].lower() in ("ku", "ку"):
        stem = word[:-1] + ("а" if word[-1] in "уУ" else "a")  # feminine: "právničku"
        if _ROLE_RE.fullmatch(fold(stem)):
            return stem
    return word


def tidy_title(title: str, text: str = "") -> str:
    """A chosen title without a gender marker ("Referent (m/w/d) für ..." -> "Referent für
    ..."), without where the job is based after it ("Monitor - Based in Phnom Penh"), or an
    indefinite article or the working time before or after its role ("Une déléguée",
    "Full-time Coordinator", "Projektleitung in Teilzeit"), when a role is left; a Slavic role in
    the accusative or genitive in the nominative, when the title or `text` (the posting's
    opening) is Slavic ("Hledáme koordinátora" -> "koordinátor")."""
    if "(" in title:
        title = _GENDER_MARK.sub("", title)
    patterns = (_TRAILING_BASED, _CALL_FOR_ROLE, _LEADING_ARTICLE, _LEADING_WORK_TIME)
    for pattern in (*patterns, _TRAILING_WORK_TIME):
        m = pattern.search(title)
        rest = (title[m.end() :] if m.start() == 0 else title[: m.start()]) if m else ""
        if m and m.group(0).strip() and _ROLE_RE.search(fold(rest)):
            title = rest
    slavic = any(_CYRILLIC_WORD.search(t) or _WEST_SLAVIC.search(t) for t in (title, text))
    return re.sub(r"[^\W\d_]+", lambda m: _nominative(m.group(0), slavic), title)


_PART_MARK = re.compile(rf"[,\-–—|(]|\s(?:{_AT_PLACE})\s")  # what `_TRAILING_PART` needs


def trim_title(title: str | None) -> str | None:
    """A title found in the text without a reference number or a head count before it, a
    reference number after it and without a trailing place (a record's own title keeps them:
    they tell its postings apart)."""
    if not title:
        return title
    codes = ((_LEADING_CODE, False), (_TRAILING_CODE, True))
    # a code holds two digits or more: most titles have none
    for code, end in codes if sum(map(str.isdigit, title)) >= 2 else ():
        m = code.search(title)
        if m and sum(c.isdigit() for c in m.group(0)) >= 2 and (m.start() if end else m.end()):
            title = title[: m.start()] if end else title[m.end() :]
    title = _LEADING_COUNT.sub("", title)
    return _without_trailing_place(_without_trailing_date(title)).strip(" |:-–—•,") or None


# The word that says what a title's trailing date is: "| Closing 12 Jan", "- Deadline: 3 May".
_CLOSING_WORD = re.compile(
    r"\s*(?:[|,\-–—]\s*)?(?:closing(?:\s+date)?|closes(?:\s+on)?|deadline|apply\s+by|until"
    r"|date\s+limite|cierre|fecha\s+l[ií]mite|prazo|срок)\s*:?\s*$",
    re.I,
)


def _without_trailing_date(title: str) -> str:
    """A title without a date that ends it, when what is left still names a role ("Chef(fe)
    de pôle 4 mai 2031" -> "Chef(fe) de pôle", "Legal Officer - 12/03/2031")."""
    dates = find_dates(title) if sum(map(str.isdigit, title)) >= 2 else []
    if not dates or title[dates[-1][2] :].strip(" .") or dates[-1][1] == 0:
        return title
    head = _CLOSING_WORD.sub("", title[: dates[-1][1]].rstrip(" ,-–—|:"))
    closed = head.count("(") == head.count(")")
    return head if closed and _ROLE_RE.search(fold(head)) else title


def _without_trailing_place(title: str) -> str:
    """A title without a trailing place set off by a comma, dash or parentheses, when what is
    left still names a role ("Field Monitor, Gulu, Uganda" -> "Field Monitor")."""
    m = _TRAILING_PART.search(title) if _PART_MARK.search(title) else None
    if not m or not _ROLE_RE.search(fold(title[: m.start()])):
        return title
    tail = m.group(1)
    covered = sum(h.end - h.start for h in places_in(tail))
    letters = len(_NOT_LETTERS.sub("", tail))
    return title[: m.start()] if covered and covered >= letters else title


def _cut(text: str) -> str:
    """`text` up to where a title stops ("... afin de", "... to support", ", con sede", ". ")."""
    ends = [e.start() for e in (_TITLE_END.search(fold(text)), _COMMA_END.search(text)) if e]
    return text[: min(ends)] if ends else text


def per_doc(doc: Doc, key: str, make: Callable[[], _T]) -> _T:
    """`make()`, computed once per posting and kept on its Doc (the title and organisation
    rules share what they read of the same lines)."""
    memo = doc.__dict__.setdefault("_names_memo", {})
    if key not in memo:
        memo[key] = make()
    return memo[key]


def _header(doc: Doc) -> list[tuple[int, str]]:
    """Short lines near the top that are neither boilerplate nor dates."""
    return per_doc(doc, "header", lambda: _read_header(doc))


def _read_header(doc: Doc) -> list[tuple[int, str]]:
    out = []
    for i, line in enumerate(doc.lines[:25]):
        folded = fold(line)
        if len(line) > 160 or boilerplate(folded):
            continue
        if _NO_WORDS.fullmatch(folded):
            continue
        out.append((i, line))
    return out


def _without_place(text: str) -> str:
    """A headline's title before its trailing place: "Monitor in Gulu, [Uganda]" -> "Monitor"."""
    if m := re.search(rf"\s+(?:{_AT_PLACE}|a)\s+[^,]+,\s*$", text):
        text = text[: m.start()]
    return re.sub(rf"\s+(?:{_AT_PLACE}|a)$", "", text.rstrip(" ,–—-"))


def _headline(doc: Doc) -> tuple[str | None, str | None, int | None, str]:
    """(title, org, line index, evidence) from a headline pattern in the first lines."""
    for i, line in _header(doc)[:6]:
        folded = fold(line)
        if m := _VACANCY_AT.match(line):
            return _clean_title(m["title"]), m["org"].strip(), i, line
        if m := _JOIN_AS.match(folded):
            return (
                _clean_title(line[m.start("title") : m.end("title")]),
                line[m.start("org") : m.end("org")],
                i,
                line,
            )
        if (m := seeks(folded)) and len(m["org"].split()) <= 12:
            raw_title = _cut(line[m.start("title") :])
            hits = places_in(raw_title)
            if hits and not re.search(r"\w", raw_title[hits[-1].end :]):
                raw_title = _without_place(raw_title[: hits[-1].start]) or raw_title
            return _clean_title(raw_title), line[: m.end("org")].strip(), i, line
        if (m := title_at(line)) and _ROLE_RE.search(fold(m["title"])) and len(line.split()) <= 12:
            return _clean_title(m["title"]), m["org"].strip(), i, line
        if m := _GEORGIAN_TITLE.match(line):
            return m.group(1) + "ი", None, i, line
    return None, None, None, ""


def _labelled_titles(doc: Doc) -> tuple[str | None, int | None, str]:
    titles, evidence, index = [], [], None
    for i, line in enumerate(doc.lines[:60]):
        m = _TITLE_LABEL.match(fold(line))
        if not m:
            continue
        value = line[m.end() :].strip(" :|")
        if not value and i + 1 < len(doc.lines):
            value = doc.lines[i + 1]
        if (
            value
            and len(value) <= 150
            and (cleaned := _clean_title(value))
            and cleaned not in titles
        ):
            titles.append(cleaned)
            evidence.append(line)
            index = i if index is None else index
    if not titles:
        return None, None, ""
    return "; ".join(titles), index, " / ".join(evidence)


def _body_title(doc: Doc) -> tuple[str | None, str]:
    for sentence, folded in list(zip(doc.sentences, doc.folded_sentences, strict=True))[:12]:
        m = _BODY_TITLE.search(folded)
        if not m:
            continue
        candidate = _cut(sentence[m.end() :])
        plausible = 2 <= len(candidate.split()) <= 20 or _ROLE_RE.search(fold(candidate))
        if plausible and (title := _clean_title(candidate)):
            return title, sentence
    return None, ""


def _role_line(doc: Doc) -> tuple[str | None, int | None, str]:
    for i, line in _header(doc)[:10]:
        folded = fold(line)
        if _FIELD_START.match(line) and not _PREFIX.match(folded):
            continue  # a field such as "Duty station: Kabul"
        if len(line.split()) <= 14 and _ROLE_RE.search(folded) and not line.rstrip().endswith("."):
            return _clean_title(line), i, line
    if not _ARABIC_LETTER.search(doc.text):
        return None, None, ""
    for i, line in enumerate(doc.lines[:3]):
        if m := _ARABIC_TITLE.search(line):
            return m.group(1), i, line
    for sentence in doc.sentences[:10]:
        if m := _ARABIC_TITLE.search(sentence):
            return m.group(1), None, sentence
    return None, None, ""


def _frequent_role(doc: Doc) -> tuple[str | None, str]:
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for sentence in filter(_HAS_ROLE_NOUN.search, doc.sentences):
        for m in _ROLE_PHRASE.finditer(sentence):
            phrase = _PHRASE_ARTICLE.sub("", m.group(1))
            counts[phrase] += 1
            first.setdefault(phrase, sentence)
    if not counts:
        return None, ""
    phrase, n = counts.most_common(1)[0]
    return (phrase, first[phrase]) if n >= 2 else (None, "")


_NOT_LETTERS = re.compile(r"[\W\d_]|\b(?:and|et|y|e|и)\b")
_NO_WORDS = re.compile(r"[\W\d]*")
_FIELD_START = re.compile(r"^[\w\s/-]{1,30}:")
_PHRASE_ARTICLE = re.compile(r"^(?:The|A|An|Our|This|Under|As)\s+")
_DATELINE = re.compile(r"\.\s*[-–—]\s*|\s[-–—]\s(?=[A-Z])")
_APPOSITION = re.compile(r",\s+(?:a|an|the|which|who|un|une|una|el|la|le)\s")
# "... à Genève", "... iz Beograda", "... из Москвы", "... z Krakowa": a place may follow.
_PLACE_PREPOSITION = r"a|à|in|en|в|iz|из|z|ze"
_BEFORE_PLACE = re.compile(rf"\s(?:{_PLACE_PREPOSITION})\s")
_PLACE_PREPOSITION_END = re.compile(rf"\s(?:{_PLACE_PREPOSITION})\s*$")


# A legal form after a name ("Flüchtlingsrat Nordhafen e.V.", "Centro Prodh, A.C.", "Open Law
# gGmbH", "Justice Works, Inc."): the name is complete without it.
_LEGAL_FORM = re.compile(
    r"[,\s]+(?:e\.\s?V|g?GmbH|gUG|Inc|Ltd|LLC|A\.\s?C|a\.\s?s\.\s?b\.\s?l|asbl|z\.\s?s"
    r"|o\.\s?p\.\s?s|z\.\s?ú)\.?$",
    re.I,
)
# A legal form inside a line, which marks the words before it as a name ("Poradna pro občanská
# práva, z. s. – Brno", "Il CeSPI – Centro Studi di Politica Internazionale ETS"): those above,
# Belgium's vzw, Italy's APS, ODV, ETS and Onlus, the UK's CIC and Brazil's Ltda too. A form
# written as a word ends the line or comes before punctuation: "the APS data" names nothing.
_LEGAL_SUFFIX = re.compile(
    r"(?<=[\w)»”\"])[,\s]+(?:(?:e\.\s?V|Inc|A\.\s?C|a\.\s?s\.\s?b\.\s?l|z\.\s?s|o\.\s?p\.\s?s|z\.\s?ú)\."
    r"|(?:g?GmbH|gUG|Ltda?|LLC|asbl|vzw|APS|ODV|ETS|Onlus|CIC)\.?(?=\s*(?:$|[,;:()–—-])))",
    re.I,
)
_NAME_BREAK = re.compile(r"[,:;|(]\s*|\s[-–—]\s|[.!?]\s+")
# A name's first word, then a word of the name's lower case ("Büro des Open Knowledge
# Foundation"): the name proper may start after it.
_HEAD_OF_NAME = re.compile(r"^\S+\s+(?:des|der|of|de|du|di|del|della|do|da)\s+(?=[A-ZÀ-ÞА-Я])")
LEGAL_NAMES = 6  # names read before a legal form, at most, per text
_LEGAL_NAME_WORDS = 12


def legal_names(text: str) -> list[tuple[str, str]]:
    """Names written before a legal form, with their line: the clause before it, the two clauses
    before it ("Miteinander – Netzwerk für Demokratie e.V.") and the clause without a head noun
    ("Büro des Open Knowledge Foundation Deutschland e.V.")."""
    out: list[tuple[str, str]] = []
    for line in text.splitlines():
        for m in _LEGAL_SUFFIX.finditer(line):
            before = line[: m.start()]
            starts = [0, *(b.end() for b in _NAME_BREAK.finditer(before))]  # of its clauses
            for start in dict.fromkeys(reversed(starts[-2:])):
                name = before[start:].strip()
                if 1 <= len(name.split()) <= _LEGAL_NAME_WORDS:
                    out.append((name, line))
            last = before[starts[-1] :].strip()
            if (head := _HEAD_OF_NAME.match(last)) and len(last[head.end() :].split()) >= 2:
                out.append((last[head.end() :], line))
            if len(out) >= LEGAL_NAMES:
                return out[:LEGAL_NAMES]
    return out


def _clean_org(org: str, *, drop_place: bool = False) -> str | None:
    """An organisation name without a leading dateline or "The office of", a trailing legal form
    ("e.V.", "A.C.") and (with `drop_place`) a trailing "à Genève"."""
    org = " ".join(org.split())
    org = _DATELINE.split(org)[-1]
    org = _APPOSITION.split(org)[0]  # an apposition
    org = _LEADING_ORG_NOISE.sub("", org.strip(" ,.:;-–—|\"'“”"))
    hits = places_in(org) if drop_place and _BEFORE_PLACE.search(org) else []
    if hits and is_city(hits[-1]) and not re.search(r"\w", org[hits[-1].end :]):
        before = org[: hits[-1].start]
        if _PLACE_PREPOSITION_END.search(before):
            org = _PLACE_PREPOSITION_END.sub("", before)
    org = _LEGAL_FORM.sub("", org).strip(" ,.:;-–—")
    return org if 2 <= len(org) <= 200 else None


def _org_after_title(doc: Doc, title_line: int | None) -> tuple[str | None, str]:
    if title_line is None:
        return None, ""
    for line in doc.lines[title_line + 1 : title_line + 3]:
        words = line.split()
        folded = fold(line)
        if not 1 <= len(words) <= 10 or ":" in line or _ROLE_RE.search(folded.split(",")[0]):
            continue
        if not _ORG_WORDS.search(folded) or boilerplate(folded) or find_dates(line):
            continue
        if all(
            w[0].isupper()
            or not w[0].isalpha()
            or w in {"of", "for", "the", "and", "on", "de", "des", "la"}
            for w in words
        ):
            hits = places_in(line)
            if hits and hits[0].start == 0:
                continue
            return _clean_org(line), line
    return None, ""


def _subject_org(doc: Doc) -> tuple[str | None, str]:
    for sentence in doc.sentences[:15]:
        m = _SUBJECT_VERB.search(fold(sentence))
        if not m or m.start() == 0:
            continue
        subject = sentence[: m.start()]
        first = _LEADING_ORG_NOISE.sub("", subject.split(".-")[-1].strip())
        # the subject names an organisation, or is one: "Civic Futures is an independent charity"
        named = _ORG_WORDS.search(fold(subject)) or (
            _COPULA.match(fold(sentence[m.start() :]))
            and _ORG_WORDS.search(fold(" ".join(sentence[m.end() :].split()[:4])))
            and len(subject.split()) <= 6
        )
        if len(subject.split()) <= 24 and named and first[:1].isupper():
            if "(" in sentence[m.start() : m.end()]:
                subject += " " + sentence[m.start() : m.end()].split(")")[0].strip() + ")"
            return _clean_org(subject, drop_place=True), sentence
    for line in doc.lines[:40]:
        if (m := _ABOUT.match(line)) and m.group(1)[:1].isupper():
            return _clean_org(m.group(1)), line
    return None, ""


def _opening_org(doc: Doc) -> tuple[str | None, str]:
    """The name that opens one of the first sentences ("Baltic Freedom Network supports ...",
    "El Colectivo de Defensores Andinos (Andean Defenders Collective) acompaña ...")."""
    for sentence in doc.sentences[:OPENING_SENTENCES]:
        m = _OPENING_NAME.match(sentence)
        if not m or fold(m.group("next")) in _NOT_VERBS or not _ORG_WORDS.search(fold(m["org"])):
            continue
        if boilerplate(fold(m["org"])) or _ROLE_RE.search(fold(m["org"])):
            continue
        return _clean_org(m.group("org") + (m.group("paren") or "")), sentence
    return None, ""


def _acronym_org(doc: Doc) -> tuple[str | None, str]:
    head = doc.text[:3000]
    uses: Counter[str] | None = None
    for m in acronym_names(head):
        name, acronym = m.group(1).strip(), m.group(2)
        uses = uses if uses is not None else Counter(_WORD_RUN.findall(doc.text))
        if uses[acronym] >= 3 and _ORG_WORDS.search(fold(name)):
            return _clean_org(f"{name} ({acronym})"), clip(
                doc.text[max(0, m.start() - 60) : m.end() + 60]
            )
    return None, ""


@cache
def _known_first_words() -> re.Pattern[str]:
    """Any first word of a well-known organisation's name, as its lookup key: a whole word, or
    for Cyrillic and Georgian its stem (a prefix of the word), after an Arabic one-letter prefix
    and article as the lexicon looks up. A text without two of them names no organisation twice."""
    keys = {
        stem(tokens(a)[0].key)
        for n, aliases in load_table("organizations.csv")
        for a in [n, *aliases]
        if tokens(a)
    }
    stemmed = {k for k in keys if _STEMMED_SCRIPT.match(k)}

    def alternatives(words: set[str]) -> str:
        return "|".join(sorted(map(re.escape, words), key=len, reverse=True)) or "(?!)"

    return factored(
        re.compile(
            rf"(?<![^\W_])[وبلف]?(?:ال)?(?:(?:{alternatives(keys - stemmed)})(?![^\W_])"
            rf"|{alternatives(stemmed)})"
        )
    )


_STEMMED_SCRIPT = re.compile(r"[\u0400-\u04ff\u10a0-\u10ff]")


@cache
def _longest_known() -> int:
    """The length of the longest well-known organisation's name or alias."""
    return max(len(a) for n, aliases in load_table("organizations.csv") for a in [n, *aliases])


def _known_hits(text: str, folded: str) -> list[Hit]:
    """`_known_orgs().find(text)`, looked for only in the stretches that start with a known first
    word (as long as the longest name, merged where they overlap): the rest names nothing."""
    starts = [m.start() for m in _known_first_words().finditer(folded)]
    if len(starts) < 2:
        return []  # no organisation named twice
    reach = _longest_known()
    windows: list[list[int]] = []
    for start in starts:
        if windows and start <= windows[-1][1]:
            windows[-1][1] = start + reach
        else:
            windows.append([start, start + reach])
    hits = []
    for a, b in windows:
        b = m.start() if (m := _SPACE.search(text, min(b, len(text)))) else len(text)
        hits += [Hit(h.value, h.start + a, h.end + a, h.raw) for h in _known_orgs().find(text[a:b])]
    return hits


_SPACE = re.compile(r"\s")


def _known_org(doc: Doc) -> tuple[str | None, str]:
    hits = _known_hits(doc.text[:KNOWN_ORG_CHARS], doc.folded[:KNOWN_ORG_CHARS])
    counts = Counter(h.value for h in hits)
    if not counts:
        return None, ""
    name, n = counts.most_common(1)[0]
    if n < 2:
        return None, ""
    hit = max((h for h in hits if h.value == name), key=lambda h: len(h.raw))
    return hit.raw, clip(doc.text[max(0, hit.start - 80) : hit.end + 80])


_LATIN = re.compile(r"[a-zA-Z]")
_SENTENCE_STOP = re.compile(r"[.!?؟]\s|[.!?؟]$")


def _fallback_org(doc: Doc) -> tuple[str | None, str]:
    """Scripts without capitals: an opening line or phrase headed by an organisation noun;
    else a CamelCase brand named three times or more."""
    for line in doc.lines[:3]:
        if (
            not _LATIN.search(line)
            and len(line) <= 120
            and len(line.split()) <= 8
            and not _SENTENCE_STOP.search(line)  # a name, not a sentence
            and _ORG_WORDS.search(fold(line))
        ):
            return line, line
    if _ARABIC_LETTER.search(doc.text, 0, 3000) and (m := _ARABIC_ORG.search(doc.text[:3000])):
        return m.group(1), clip(m.group(0))
    camel = Counter(_CAMEL.findall(doc.text))
    if camel and (top := camel.most_common(1)[0])[1] >= 3:
        return top[0], top[0]
    return None, ""


def find_title_and_org(doc: Doc) -> Names:
    """The title and organisation of a posting, with the lines they came from."""
    out = Names()
    head_title, head_org, head_line, head_evidence = _headline(doc)
    if doc.title:  # a record title may be a headline too ("ORG seeks a Protection Officer")
        title_head, title_org, _, _ = _headline(Doc(doc.title))
        out.title = title_head or _clean_title(doc.title, doc.organization)
        out.title_evidence, head_org = doc.title, title_org or head_org
    if not out.title:
        out.title, out.title_line, out.title_evidence = _labelled_titles(doc)
    if not out.title and head_title:
        out.title, out.title_line, out.title_evidence = head_title, head_line, head_evidence
    if not out.title:
        out.title, out.title_evidence = _body_title(doc)
    if not out.title:
        out.title, out.title_line, out.title_evidence = _role_line(doc)
    if not out.title:
        out.title, out.title_evidence = _frequent_role(doc)
    if out.title_line is None and head_line is not None:
        out.title_line = head_line
    if doc.organization:
        out.organization, out.org_evidence = doc.organization.strip(), doc.organization
        return out
    if head_org:
        out.organization, out.org_evidence = _clean_org(head_org, drop_place=True), head_evidence
    for finder in (
        lambda: next(((_clean_org(v), line) for v, line in doc.fields(_ORG_LABEL)), (None, "")),
        lambda: _org_after_title(doc, out.title_line),
        lambda: _subject_org(doc),
        lambda: _opening_org(doc),
        lambda: _acronym_org(doc),
        lambda: _known_org(doc),
        lambda: _fallback_org(doc),
    ):
        if out.organization:
            break
        out.organization, out.org_evidence = finder()
    if out.title and out.organization:
        out.title = _clean_title(out.title, out.organization)
    return out
