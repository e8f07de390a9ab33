"""Dates: a small multilingual date reader, dates as platforms write them (`iso_date`), the
application deadline and the posting date.

A date without a year ("Closing date: 8 September") takes the first such day on or after the
reference date (the posting date, else `as_of`); with no reference it stays unknown. Dates of the
solar calendar of Iran and Afghanistan ("۱۵ اردیبهشت ۱۴۱۰", "۲۰ حمل ۱۴۱۰") are converted with
`convertdate`.

The deadline is the date a closing cue governs, in the languages the sector writes in (labels
such as "Clôture des candidatures", "Prazo limite", "ბოლო ვადა"; "antes del", "pour le", "до",
"até", "entro il", "do", "fins el" before the date in a sentence about applying). A date that the
words just before it name a start, an event, a publication or a contract is not the deadline,
and the end of a period ("desde el 1 de marzo hasta el 31 de diciembre") is read with the words
before its start.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo
from email.utils import parsedate_to_datetime
from functools import cache
from importlib import import_module

from convertdate import persian

from understand.text import Doc, fold

# The languages whose month and weekday names dates are read in: those the sector publishes in.
LANGUAGES = (
    "en", "fr", "es", "pt", "it", "de", "nl", "sv", "nb", "da", "fi", "pl", "cs", "sk", "sl",
    "hr", "sr-Latn", "sr-Cyrl", "bs-Latn", "ro", "hu", "sq", "tr", "ru", "uk", "be", "bg", "mk",
    "ka", "hy", "az-Latn", "kk", "ky", "uz-Latn", "ar", "fa", "id", "sw", "el",
)  # fmt: skip
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


# Abbreviations ("Sep", "janv.", "ago", "дек") are read only in these languages: elsewhere short
# forms collide with words ("out", "set", "led", "pro") and are rare in postings' prose.
ABBREVIATING = ("en", "fr", "es", "de", "ru", "uk")


def _locale_names(keys: tuple[str, ...]) -> dict[str, int]:
    """Folded names of `keys` in every language of LANGUAGES, from dateparser's locale data
    (CLDR), with abbreviations of three letters or more in the ABBREVIATING languages:
    name -> 1-based index in `keys`."""
    names: dict[str, int] = {}
    for language in LANGUAGES:
        info = import_module(f"dateparser.data.date_translation_data.{language}").info
        for number, key in enumerate(keys, 1):
            forms = {fold(name).rstrip(".") for name in info.get(key, [])}
            for form in forms:
                short = any(other != form and other.startswith(form) for other in forms)
                roman = re.fullmatch(r"[ivxlc]+", form)  # "iii": a numeral, not a month name
                if len(form) >= 3 and not roman and (not short or language in ABBREVIATING):
                    names.setdefault(form, number)
    return names


def _alternation(names: Iterable[str]) -> str:
    """A regex for any of `names`, longest first, written as a tree of their letters: the same
    matches as `a|b|c...` sorted longest first, but the engine tests one letter at a time
    instead of every name at every position."""
    tree: dict = {}
    for name in names:
        node = tree
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict) -> str:
    """The regex of one node of `_alternation`'s tree (a longer name is tried first)."""
    alts = [re.escape(ch) + _branches(child) for ch, child in node.items() if ch]
    if not alts:
        return ""
    either = alts[0] if len(alts) == 1 else f"(?:{'|'.join(alts)})"
    return f"(?:{either})?" if "" in node else either


# The Levantine (Syriac) month names of Arabic in Syria, Lebanon, Jordan, Iraq and Palestine, which
# CLDR's Arabic lacks, folded ("شباط", "تشرين الأول").
LEVANTINE_MONTHS = (
    "كانون الثاني", "شباط", "اذار", "نيسان", "ايار", "حزيران", "تموز", "اب", "ايلول",
    "تشرين الاول", "تشرين الثاني", "كانون الاول",
)  # fmt: skip
# Georgian months in the terminative case, "until May" ("20 მაისამდე"), which CLDR lacks.
GEORGIAN_UNTIL = (
    "იანვრამდე", "თებერვლამდე", "მარტამდე", "აპრილამდე", "მაისამდე", "ივნისამდე", "ივლისამდე",
    "აგვისტომდე", "სექტემბრამდე", "ოქტომბრამდე", "ნოემბრამდე", "დეკემბრამდე",
)  # fmt: skip
# Serbian, Bosnian and Montenegrin months in the genitive of dates ("20. marta"), which CLDR
# gives only in the nominative ("mart").
SERBIAN_GENITIVE = (
    "januara", "februara", "marta", "aprila", "maja", "juna", "jula", "avgusta", "septembra",
    "oktobra", "novembra", "decembra",
)  # fmt: skip
_CYRILLIC = str.maketrans("abcdefgijklmnoprstuv", "абцдефгијклмнопрстув")
_MONTH_OF = (
    _locale_names(MONTHS)
    | {name: n for n, name in enumerate(LEVANTINE_MONTHS, 1)}
    | {name: n for n, name in enumerate(GEORGIAN_UNTIL, 1)}
    | {name: n for n, name in enumerate(SERBIAN_GENITIVE, 1)}
    | {name.translate(_CYRILLIC): n for n, name in enumerate(SERBIAN_GENITIVE, 1)}
)
_MONTH = f"({_alternation(_MONTH_OF)})" + r"\.?(?!\w)"
_WEEKDAY = _alternation(_locale_names(WEEKDAYS))
_DAY = r"(\d{1,2})(?:st|nd|rd|th|er|eme|º|°|-?го)?\.?"
_YEAR = r"(\d{4})"
_WORDY = re.compile(
    rf"\b{_DAY}(?:\s+de|\s+of)?[\s\-/]*{_MONTH}(?:[\s,\-/]*(?:de\s+|del\s+)?{_YEAR})?(?!\w)"
    rf"|\b{_MONTH}\s+{_DAY},?(?:\s+{_YEAR})?(?!\w)"
    rf"|\b{_YEAR}\.\s*{_MONTH}\s+{_DAY}(?!\w)"  # year first, in Hungarian: "2027. március 1."
    rf"|\b{_YEAR}\s+წლის\s+{_DAY}\s+{_MONTH}(?!\w)"  # and in Georgian: "2027 წლის 1 მარტი"
    rf"|\b{_YEAR}\s*թ\.?\s*{_MONTH}\s+{_DAY}(?!\w)"  # and in Armenian: "2027 թ. մարտի 1"
)
# Year first: "2027-03-01", and with slashes or dots ("2027/03/01", Persian and East Asian use).
_ISO = re.compile(r"\b(\d{4})([-/.])(\d{1,2})\2(\d{1,2})\b")
# The solar calendar of Iran and Afghanistan, with its Persian and its Dari month names
# ("۱۵ اردیبهشت ۱۴۱۰", "15 حمل 1410"); a year-first date of a solar year ("۱۴۱۰/۰۲/۱۵") is one
# too. convertdate gives the Gregorian day.
SOLAR_MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن",
    "اسفند",
)  # fmt: skip
DARI_SOLAR_MONTHS = (
    "حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت",
)  # fmt: skip
SOLAR_YEARS = range(1300, 1500)  # solar years of 1921-2121: a four-digit year there is solar
_SOLAR_MONTH_OF = {
    fold(name): n for names in (SOLAR_MONTHS, DARI_SOLAR_MONTHS) for n, name in enumerate(names, 1)
}
_SOLAR = re.compile(
    rf"(?<!\w)(\d{{1,2}})\s+({_alternation(_SOLAR_MONTH_OF)})(?:\u200c?\s*ماه)?\s+(?:سال\s+)?"
    r"(\d{4})(?!\w)"
)


@cache
def _new_year(y: int) -> date:
    """The Gregorian day of 1 Farvardin of solar year y (an astronomical reckoning: once a year)."""
    return date(*persian.to_gregorian(y, 1, 1))


def _solar(y: int, m: int, d: int) -> date | None:
    """The Gregorian day of a solar-calendar date, or None: months 1-6 have 31 days, 7-12 30."""
    if y not in SOLAR_YEARS or not (1 <= m <= 12 and 1 <= d <= (31 if m <= 6 else 30)):
        return None
    return _new_year(y) + timedelta(days=31 * min(m - 1, 6) + 30 * max(m - 7, 0) + d - 1)


# "7/01/2021", "10.11.24" and, with spaces after the dots, "10. 11. 2024" (cs, sk, de, pl).
_NUMERIC = re.compile(r"\b(\d{1,2})(?:[./]|\.\s)(\d{1,2})(?:[./]|\.\s)(\d{4}|\d{2})\b")

DEADLINE_LABEL = re.compile(
    r"(?:application[\s_]+)?(?:deadline|closing[\s_]+date)(?:\s+(?:for|of)\s+(?:applications?"
    r"|submissions?))?(?:\s*\([^)]*\))?\s*(?:[:|=-]|$|(?=\d|[a-z]{3,9}\s+\d))|(?:apply\s+by"
    r"|applications?\s+(?:close|due|ends?)|last\s+date\s+(?:for|of)\s+\w+|closes|closing"
    r"|job\s+posting\s+end\s+date|au\s+plus\s+tard|echeance|date\s+de\s+validite|valid\s+until"
    r"|expiry\s+date|date\s+d'expiration|cloture\s+des\s+(?:candidatures|inscriptions)"
    r"|(?:\S+\s+)?(?:prazo|data\s+limite|scadenza|termini|termen\s+limita|uzaverka|uzavierka|ბოლო\s+ვადა)"
    r"(?:\s+[^\s:|=]+){0,5}?"
    r"|date\s+limite(?:\s+de\s+\w+)?|fecha\s+(?:limite|de\s+cierre)(?:\s+de\s+\w+)?|plazo(?:\s+de"
    r"|\s+para)?(?:\s+\w+)?|срок\s+подачи(?:\s+\w+)?|крайний\s+срок|краен\s+срок"
    r"|(?:кінцевий\s+)?термін\s+пода(?:чі|ння)(?:\s+\w+)?"
    r"|sista\s+ansokningsdag|bewerbungsfrist|bewerbungsschluss|einsendeschluss|дедлайн"
    r"|rok\s+za\s+prijav\w*|afati(?:\s+\w+){0,2}"
    r"|son\s+basvuru(?:\s+tarihi)?|son\s+muraci[eə]t\s+tarixi|sluitingsdatum|ans[øo]gningsfrist"
    r"|s[øo]knadsfrist|hakuaika\s+paattyy|viimeinen\s+hakupaiva|(?:jelentkezesi\s+|beadasi\s+)?hatarido"
    r"|batas\s+akhir(?:\s+\w+){0,2}|προθεσμια(?:\s+\w+){0,2}|termin\s+(?:na\s+)?(?:nadsy[lł]ani|sk[lł]adani|wys[lł]ani)\w*"
    r"(?:\s+\w+)?|termin\s+(?:pro\s+|na\s+)?(?:zaslani|podani|odevzdani|doruceni)\w*"
    r"(?:\s+\w+)?|срок\s+за\s+\w+|դիմելու\s+վերջնաժամկետ|مهلت(?:\s+\S+){0,3}?"
    r"|تاریخ\s+ختم(?:\s+\S+)?)\s*(?:\([^)]*\))?\s*(?:[:|=\-–—]|$)"
)
POSTED_LABEL = re.compile(
    r"(?:date(?:\s+posted)?|posted(?:\s+on)?|published(?:[\s_]+(?:on|at))?|publication[\s_]+date"
    r"|posting[\s_]+date|created[\s_]+(?:at|on)|date[\s_]+created"
    r"|date\s+of\s+(?:issuance|issue|publication|posting)|job\s+posting\s+(?:start\s+)?date"
    r"|publie\s+le|date\s+de\s+publication|fecha(?:\s+de\s+publicacion)?|publicado"
    r"|дата(?:\s+публикации)?|опубликовано|publicerad|datum|elan\s+tarixi"
    r"|(?:call\s+|date\s+)?issued(?:\s+on)?)\s*[:|=]"
)
PERIOD_LABEL = re.compile(
    r"(?:periode\s+de\s+candidature|application\s+period|posting\s+period"
    r"|(?:recebimento|periodo|prazo)\s+(?:de|das)\s+(?:inscricoes|candidaturas)"
    r"|periodo\s+de\s+inscripcion(?:es)?|bewerbungszeitraum"
    r"|periodo\s+de\s+(?:postulacion|convocatoria|aplicacion))\s*[:|]?"
)
_DEADLINE_SENTENCE = re.compile(
    r"\b(?:deadline|closing\s+date|(?:no|not)\s+later\s+than|apply\s+(?:by|before)"
    r"|applications?\s+(?:must|should)\s+be\s+(?:received|submitted|sent)\s+(?:by|before)"
    r"|applications?\s+(?:will\s+)?(?:close|closes|closing|are\s+due|due)"
    r"|(?:vacancy|call|position|post|advert\w*|posting|recruitment)\s+(?:will\s+)?closes?\b"
    r"|(?:postular|postularse|aplicar|presentar\w*)\s+hasta|hasta\s+el|a\s+mas\s+tardar"
    r"|(?:postulaciones|candidatur[ae]s?|inscripciones|inscricoes|solicitudes|convocatoria)\s+(?:se\s+"
    r"|seront\s+)?(?:cierra\w*|encerra\w*|closes?|clotur\w*)|clotur\w+\s+des\s+candidatures"
    r"|encerramento\s+das\s+inscricoes"
    r"|fecha\s+(?:limite|de\s+cierre)|cierre\s+de\s+(?:la\s+)?convocatoria|date\s+de\s+cloture"
    r"|date\s+limite|avant\s+le|au\s+plus\s+tard|jusqu'au|до\s+\d|не\s+позднее|срок"
    r"|sista\s+ansokningsdag|bewerbungsfrist|bewerbungsschluss|einsendeschluss|bewerbung\w*(?:\s+\S+){0,4}"
    r"\s+bis|spatestens|дедлайн|do\s+dnia|اخر\s+موعد|الموعد\s+النهايي|موعد\s+اقصاه"
    r"|prazo|data\s+limite|(?:inscri\w+|candidaturas?)(?:\s+\S+){0,2}\s+ate|scadenza|entro\s+il"
    r"|uzaverka|uzavierka|termin\s+(?:pro\s+|na\s+)?(?:zaslani|podani|odevzdani|doruceni)"
    r"|termen\s+limita|pana\s+la|rok\s+za\s+prijav\w*|afati|brenda\s+dates|uiterlijk"
    r"|sluitingsdatum|προθεσμια|ans[øo]gningsfrist|s[øo]knadsfrist|viimeistaan"
    r"|hatarido|batas\s+akhir|paling\s+lambat|ბოლო\s+ვადა|термін\s+пода\w*|مهلت|تاریخ\s+ختم)"
)
# Words before a date that make it a start, an event, a publication or a contract's date.
_NOT_DEADLINE = re.compile(
    r"\b(?:start\w*|commenc\w*|begin\w*|sessions?|training|workshops?|webinars?|events?|interviews?"
    r"|meetings?|conferences?|published|posted|contracts?|duration|entree\s+en\s+fonction|prise\s+de"
    r"\s+poste|debut|formations?|reunion|inicio|comienzo|capacitacion|taller|entrevistas?|contrato"
    r"|duracion|formacao|inicio|начал\w*|собеседован\w*|тренинг\w*|семинар\w*|договор\w*"
    r"|контракт\w*|formazione|colloqu\w*|inizio|nastup\w*|pohovor\w*|cdd|cdi|a\s+pourvoir|cursus)\b"
)
# What joins the two dates of a period ("from 1 May until 31 May", "del 1 al 5 de marzo").
_PERIOD_JOIN = re.compile(
    r"^\s*(?:-|–|—|until|till|to|through|au|a|al|hasta(?:\s+el)?|по|до|bis|ate|fino\s+al)\s*$"
)
# Words after a date that make it the last day ("24 Ocak 2025 tarihine kadar", "4 iyun
# 2025 tarixinədək"): Turkish, Azerbaijani, Hungarian and Georgian put "until" after the date.
_UNTIL_AFTER = re.compile(
    r"\s*(?:'?[a-z]{0,3}\s+)?(?:tarih\w*\s+kadar|tarix\w*d[eə]k|tarix\w*\s+q[eə]d[eə]r)"
    r"|-?ig\b|(?<=მდე)|(?<=მდე\.)"  # Hungarian "május 20-ig", Georgian "20 მაისამდე" (until May 20)
)
# A clause about applying ("Send your CV to ...", "Apply through this page ...") ...
_APPLY_SENTENCE = re.compile(
    r"\b(?:apply|applying|applications?|candidat\w*|cvs?|resumes?|(?:cover|motivation)\s+letter"
    r"|expressions?\s+of\s+interest|postul\w*|solicitud\w*|hoja\s+de\s+vida|write\s+to"
    r"|proposals?|propuestas?|propostas?|offres?|ofertas?|tenders?|bids?"
    r"|заявк\w*|резюме|ansok\w*|bewerb\w*|inscri\w*|curricul\w*|zivotopis\w*|napis\w*"
    r"|prihlas\w*|aspirant\w*|basvuru\w*|muraci[eə]t\w*|zgłosze\w*|aplikacj\w*|sollicit\w*|reage\w+"
    r"|ans[øo]g\w*|s[øo]knad\w*|hakemu\w*|jelentkez\w*|palyaz\w*|lamaran|αιτησ\w*|βιογραφικ\w*"
    r"|ال?طلبات|ال?تقديم|السيرة\s+الذاتية|prijav\w*|пријав\w*|kandidat\w*|кандидат\w*"
    r"|ozgecmis\w*|aplikim\w*|رزومه|რეზიუმე|განაცხად\w*|դիմում\w*)"
)
# ... whose date follows "by", "before", "until", "avant le", "hasta el", "до" (with a time and a
# weekday between: "by 9am on Monday 14 April") is its deadline.
_BEFORE_DATE = re.compile(
    r"\b(?:by|before|until|till|through|on\s+or\s+before|prior\s+to|(?:no|not)\s+later\s+than"
    r"|(?:received|submitted)\s+after|avant(?:\s+le)?|au\s+plus\s+tard(?:\s+le)?|jusqu'(?:au|a)"
    r"|pour\s+le|d'ici(?:\s+le)?|hasta\s+el|antes\s+del?|до|не\s+позднее|bis(?:\s+zum|\s+spatestens)?"
    r"|senast|senest|innen|tot\s+en\s+met|uiterlijk(?:\s+op)?|voor|viimeistaan|paling\s+lambat(?:\s+tanggal)?"
    r"|εως(?:\s+τις|\s+την)?|μεχρι(?:\s+τις|\s+την)?|deri\s+(?:me|ne)|մինչե|حتى|قبل|ate(?:\s+(?:o\s+)?dia)?|entro(?:\s+e\s+non\s+oltre)?(?:\s+il)?|do|fins\s+(?:el|al|a)"
    r"|pana\s+la|a\s+mas\s+tardar(?:\s+el)?|(?:del|du|from)\s+\d{1,2}\s+(?:al|au|to|a))\s+(?:(?:\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm|hrs?|h)?|midnight|noon|minuit"
    r"|medianoche|close\s+of\s+business)\s*(?:\(?[a-z]{2,5}(?:[+-]\d{1,2})?\)?\s*)?(?:on\s+"
    r"|,\s*|le\s+|el\s+|del\s+)?)?(?:the\s+|le\s+|el\s+)?"
    rf"(?:{_WEEKDAY})?\.?,?\s*$"
)


def _year(y: str | None) -> int | None:
    if not y:
        return None
    n = int(y)
    return n + 2000 if n < 50 else n + 1900 if n < 100 else n


def _make(y: int | None, m: int, d: int, ref: date | None) -> date | None:
    try:
        if y is not None:
            return date(y, m, d) if 1990 <= y <= 2100 else None
        if ref is None:
            return None
        found = date(ref.year, m, d)
        return found if found >= ref else date(ref.year + 1, m, d)
    except ValueError:
        return None


def find_dates(text: str, ref: date | None = None) -> list[tuple[date, int, int]]:
    """Every date in `text`, in order: (date, start, end)."""
    folded = fold(text)
    if not _DIGIT.search(folded):  # every date has a digit
        return []
    found: list[tuple[date, int, int]] = []
    for m in _ISO.finditer(folded):
        y, month, day = int(m[1]), int(m[3]), int(m[4])
        if y not in SOLAR_YEARS:
            d = _make(y, month, day, None)
        else:  # a solar year in Persian or Dari text; in Arabic, "1447/05/10" is a lunar one
            d = _solar(y, month, day) if _PERSIAN_LETTER.search(folded) else None
        if d:
            found.append((d, m.start(), m.end()))
    for m in _SOLAR.finditer(folded) if _SOLAR_WORD.search(folded) else ():
        if d := _solar(int(m[3]), _SOLAR_MONTH_OF[m[2]], int(m[1])):
            found.append((d, m.start(), m.end()))
    for m in _NUMERIC.finditer(folded) if "." in folded or "/" in folded else ():
        a, b = int(m[1]), int(m[2])
        day, month = (b, a) if b > 12 >= a else (a, b)  # day first unless that is impossible
        if d := _make(_year(m[3]), month, day, None):
            found.append((d, m.start(), m.end()))
    for m in _WORDY.finditer(folded):
        if m[1]:
            day, month, y = int(m[1]), _MONTH_OF[m[2]], m[3]
        elif m[4]:
            day, month, y = int(m[5]), _MONTH_OF[m[4]], m[6]
        elif m[7]:
            day, month, y = int(m[9]), _MONTH_OF[m[8]], m[7]
        elif m[10]:
            day, month, y = int(m[11]), _MONTH_OF[m[12]], m[10]
        else:
            day, month, y = int(m[15]), _MONTH_OF[m[14]], m[13]
        if d := _make(_year(y), month, day, ref):
            found.append((d, m.start(), m.end()))
    found.sort(key=lambda x: x[1])
    out: list[tuple[date, int, int]] = []
    for item in found:
        if not out or item[1] >= out[-1][2]:
            out.append(item)
    return out


def first_date(text: str, ref: date | None = None) -> date | None:
    found = find_dates(text, ref)
    return found[0][0] if found else None


def iso_date(value: object, zone: tzinfo | None = None) -> str | None:
    """A date as `YYYY-MM-DD` from epoch ms/s, ISO-8601 (with or without zone), RFC 822,
    `2023-07-25 17:53:46 UTC`, or any date `find_dates` reads (`8 September 2026`, `8 sept.
    2026`, `September 8, 2026`). A value with an offset keeps the calendar date it was written
    in (a deadline of `2027-01-31T23:59:00-05:00` is the 31st where the employer is), unless
    `zone` is given: then the moment is read in that zone (UN deadlines are New York days).
    Epoch numbers are read in `zone`, else UTC."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, int | float) or (isinstance(value, str) and value.isdigit()):
        number = float(value)
        seconds = number / 1000 if number > 1e11 else number
        try:
            return datetime.fromtimestamp(seconds, zone or UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):  # beyond the calendar
            return None
    text = str(value).strip()
    if text.endswith(" UTC"):
        text = text[:-4].replace(" ", "T") + "+00:00"
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            found = first_date(text[:200])
            return found.isoformat() if found else None
    if zone is not None and parsed.tzinfo is not None:
        parsed = parsed.astimezone(zone)
    return parsed.date().isoformat()


def posted_date(doc: Doc) -> tuple[date | None, str]:
    """The posting date: a date field, an application period's start, a byline ("(Posted 5 June
    2018)", "Posted by admin on 05/31/07"), a date line near the top that no deadline label or
    "by" introduces, or a news dateline."""
    for label in (POSTED_LABEL, PERIOD_LABEL):
        for value, line in doc.fields(label):
            if d := first_date(value):
                return d, line
    for i in sorted(doc.lines_matching(_DIGIT_ON)):  # every date has a digit
        if i >= BYLINE_LINES:
            break
        line = doc.lines[i]
        if not (found := find_dates(line)):
            continue
        folded, (day, start, end) = fold(line), found[0]
        if _BYLINE.search(folded[:start]) or (i < 8 and _REFERENCE.search(folded[:start])):
            return day, line
        previous = fold(doc.lines[i - 1]) if i else ""
        if _date_line(folded, start, end) and not _introduces_date(previous):
            return day, line
    head = doc.text[:80]
    found = find_dates(head)
    if found and found[0][1] < 40 and re.match(r"^\W*[\w\s.'-]{2,40},\s*$", head[: found[0][1]]):
        return found[0][0], doc.sentences[0] if doc.sentences else head
    return None, ""


# How far down bylines are looked for (pages kept whole start with their site's navigation).
BYLINE_LINES = 25
# What a byline says before its date: "Posted", "(Posted on", "Published by Jane Doe on", "Date".
_BYLINE = re.compile(
    r"^\W*(?:posted|published|publie|publicado|publicada|date)(?:\s+by\s+\D{1,40}?)?"
    r"(?:\s+(?:on|le|el|em))?\s*$"
)
# A document's number and date near the top ("REF: 10 din 22.11.2019", "Nr. 085/2017 vom").
_REFERENCE = re.compile(
    r"\b(?:ref\w*|nr|no|nº|n°|№|broj)\.?\s*[:.]?\s*[\w/.-]{1,20}\s+(?:din|de|del|vom|of|dated|от|од|від)\s*$"
)
# After a date that opens a line: a category ("Oct 23, 2021 | News") or the rest of a dateline.
_AFTER_LINE_DATE = re.compile(r"\s*[|•]")
_DATELINE_PLACE = re.compile(r"^\W*[\w\s.'-]{2,40},\s*$")
_DATELINE_DASH = re.compile(r"\s*[-–—]\s")


def _date_line(folded: str, start: int, end: int) -> bool:
    """Whether a line is a posting's date line: the date alone (a weekday may precede it), the
    date then a category after "|", or a dateline ("Brasil, 04 de julho de 2023 – ...")."""
    stripped = re.sub(r"^\W*(?:[a-z]+day|[a-z]{3}),?\s*", "", folded)
    if len(stripped) - (end - start) <= 4:
        return True
    if start <= 4 and _AFTER_LINE_DATE.match(folded, end):
        return True
    return bool(_DATELINE_PLACE.match(folded[:start]) and _DATELINE_DASH.match(folded, end))


def _introduces_date(folded: str) -> bool:
    """Whether a line introduces the date on the next one as another date than the posting's:
    a label that names a date ("Target start date", "Fecha de inicio"), a deadline label alone
    ("Deadline") or an unfinished "... by"."""
    label = DEADLINE_LABEL.match(folded)
    return (
        bool(label and not folded[label.end() :].strip())
        or bool(_BEFORE_DATE.search(folded[-40:] + " "))
        or bool(_DATE_WORD.search(folded) or _NOT_DEADLINE.search(folded))
    )


_DATE_WORD = re.compile(r"\b(?:dates?|fecha|datum|дата)\b")


def deadline(doc: Doc, ref: date | None) -> tuple[date | None, str]:
    """The application deadline: a deadline field, an application period's end, a sentence
    such as "Deadline for applications is 20 January 2014" or "Applications close on 5 May", or
    a sentence about applying with a date after "by", "before", "until", "hasta el", "до"..."""
    for value, line in doc.fields(DEADLINE_LABEL):
        if d := first_date(value, ref):
            return d, line
    for value, line in doc.fields(PERIOD_LABEL):
        if len(found := find_dates(value, ref)) >= 2:
            return found[1][0], line
    sentences = _sentences(doc)
    for sentence, folded in sentences:
        m = _DEADLINE_SENTENCE.search(folded)
        if m and (found := _closing_dates(sentence, folded, ref, m.start())):
            return found[0], sentence
    for sentence, folded in sentences:
        if _APPLY_SENTENCE.search(folded):
            for found, start, end in find_dates(sentence, ref):
                clause = folded[folded.rfind(";", 0, start) + 1 : start]
                if _BEFORE_DATE.search(clause[-40:]) and _APPLY_SENTENCE.search(clause):
                    return found, sentence
                if _UNTIL_AFTER.match(folded, end):
                    return found, sentence
    return None, ""


def _sentences(doc: Doc) -> list[tuple[str, str]]:
    """The posting's sentences that hold a digit (every date does), with their folded forms; a
    sentence after one that ends with a day written with a dot ("do 3." / "června 2024") or that
    starts with a date after an unfinished one ("Send your CV to ..." / "Until 3 May 2024") is
    joined to it, up to three sentences back ("do" / "25." / "5." / "2025 na adresu")."""
    sentences, folds = doc.sentences, doc.folded_sentences
    out: list[tuple[str, str]] = []
    for i in sorted(doc.sentences_matching(_DIGIT_ON)):
        folded = folds[i]
        if i + 1 < len(folds) and _DOTTED_DAY.search(folded):
            continue  # read with the next sentence
        first = i
        while first > i - 3 and first > 0 and _joined(folds[first - 1], folds[first]):
            first -= 1
        out.append((" ".join(sentences[first : i + 1]), " ".join(folds[first : i + 1])))
    return out


def _joined(before: str, folded: str) -> bool:
    """Whether `folded` continues the sentence `before`: a day with a dot ends `before`, a year
    with a dot ends it and `folded` starts with a month, or `before` is unfinished and `folded`
    starts with a date or is a day with a dot."""
    if _DOTTED_DAY.search(before) or (_DOTTED_YEAR.search(before) and _MONTH_FIRST.match(folded)):
        return True
    if before.endswith((".", "!", "?", ":")) or not _EARLY_DIGIT.match(folded):
        return False
    found = find_dates(folded[:40])
    return _DOTTED_DAY.match(folded) is not None or (bool(found) and found[0][1] <= 12)


_DOTTED_DAY = re.compile(r"(?<![\d.])\d{1,2}\.$")
# A year that ends a "sentence" before a month: Hungarian "2031. május 20", Armenian "2031 թ."
_DOTTED_YEAR = re.compile(r"(?<![\d.])\d{4}(?:\s*թ)?\.$")
_MONTH_FIRST = re.compile(_MONTH)
_EARLY_DIGIT = re.compile(r"\D{0,12}\d")
_DIGIT = re.compile(r"\d")
_SOLAR_WORD = re.compile(r"[\u0600-\u06ff]")  # solar dates are read in Arabic script only
_PERSIAN_LETTER = re.compile(r"[پچژگیک]")  # letters Persian and Dari write and Arabic does not
_DIGIT_ON = re.compile(r"\d.*")  # a line from its first digit on: one match per line with one


def _closing_dates(sentence: str, folded: str, ref: date | None, after: int) -> list[date]:
    """Dates of a deadline sentence from offset `after` on, but those that words just before
    them (since the previous date) name a start, an event, a publication or a contract; the end
    of a period ("from 1 March until 31 December") is read with the words before its start."""
    out: list[date] = []
    previous_end = 0
    window_start = 0
    for found, start, end in find_dates(sentence, ref):
        if not _PERIOD_JOIN.match(folded[previous_end:start]) or not previous_end:
            window_start = max(previous_end, start - 60)
        previous_end = end
        if start >= after and not _NOT_DEADLINE.search(folded[window_start:start]):
            out.append(found)
    return out
