"""Minimum years of experience: the main general requirement, in digits or words.

A number counts only when the sentence ties it to experience ("5 years of working experience",
"au moins trois ans d'expérience", "опыт работы не менее 3 лет", "Minst 3 års yrkeserfarenhet").
Ages, contract durations, dates and "additional years ... in lieu of a degree" never count. When a
posting states several minimums, the first general one wins over specialised ones such as
"at least 2 years of management experience" or "two years supervising staff". With no sentence
about experience, a stated minimum of years of some practice counts ("at least 7 years of legal
practice", "a minimum of 3 years of human rights research"), and without one, years of work
asked of the applicant ("five or more years working with NGOs"). A platform's experience range
(`5-9 years`) is read by `years_of_label`.
"""

from __future__ import annotations

import re

from understand.factor import factored
from understand.text import Doc, Guarded, clip, fold

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "dix": 10, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "diez": 10,
    "um": 1, "dois": 2, "quatro": 4, "sete": 7, "oito": 8, "dez": 10,
    "один": 1, "одного": 1, "двух": 2, "два": 2, "трех": 3, "три": 3, "четырех": 4, "пяти": 5,
    "пять": 5,
    "шести": 6, "семи": 7, "десяти": 10, "двох": 2, "трьох": 3, "п'яти": 5,
    "ett": 1, "tva": 2, "fem": 5, "sex": 6, "sju": 7, "tio": 10,
    "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "sechs": 6, "sieben": 7, "zehn": 10,
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "dieci": 10,
    "twee": 2, "drie": 3, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "tien": 10,
    "fyra": 4, "fire": 4, "seks": 6, "syv": 7, "atta": 8, "otte": 8, "atte": 8,
    "kahden": 2, "kaksi": 2, "kolmen": 3, "kolme": 3, "nelja": 4, "neljan": 4, "viisi": 5,
    "viiden": 5, "iki": 2, "uc": 3, "dort": 4, "bes": 5, "doi": 2, "trei": 3, "patru": 4,
    "cinci": 5, "dve": 2, "tri": 3, "cetiri": 4, "pet": 5, "dvije": 2,
    # bg/mk/sr in Cyrillic, sq, az, hu, fa, ka, hy (folded)
    "една": 1, "еден": 1, "две": 2, "четири": 4, "пет": 5, "шест": 6, "десет": 10,
    "nje": 1, "dy": 2, "kater": 4, "pese": 5, "gjashte": 6, "dhjete": 10, "bir": 1, "dord": 4,
    "ket": 2, "ketto": 2, "harom": 3, "negy": 4, "ot": 5, "tiz": 10,
    "یک": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "هفت": 7, "هشت": 8, "ده": 10,
    "ერთი": 1, "ორი": 2, "სამი": 3, "ოთხი": 4, "ხუთი": 5, "ექვსი": 6, "ათი": 10,
    "մեկ": 1, "երկու": 2, "երեք": 3, "չորս": 4, "հինգ": 5, "վեց": 6, "տաս": 10, "տասը": 10,
}  # fmt: skip
# Arabic number words, folded (hamza dropped), read with or without a "li-"/"bi-" prefix.
_ARABIC = {
    "سنة": 1, "سنتين": 2, "سنتان": 2, "ثلاث": 3, "ثلاثة": 3, "اربع": 4, "اربعة": 4, "خمس": 5,
    "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمان": 8, "عشر": 10,
}  # fmt: skip
_NUMBER = r"\d{1,2}|" + "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
_NUM = f"({_NUMBER})"
_PAREN = r"(?:\s*\(\d{1,2}\))?"
_YEARS = (
    r"(?:years?|yrs?|ans?|anys|annees?|anos?|anni|ani|jahre?n?|ars?|jaar|jaren|lat|lata|let|roky"
    r"|roku|rok|yil|yıl|лет|года?|рок(?:и|ів|у)?|рік|سنوات|سنة|اعوام|عاما|aar|vuoden|vuotta|ev|tahun"
    r"|godin[aeu]?|годин[аеуи]?|χρονι\w*|ετ(?:ων|η|ους)|vjet|vite|il|سال|წლის|წელი|տարի\w*"
    r"|տարվա)"
)
# Words for experience; Swedish compounds ("arbetslivserfarenhet") cost a scan of every word, so
# the lines they are looked for in skip them where the text lacks "erfarenhet".
_EXPERIENCE_CUE = Guarded(
    (
        (r"experience|experiencia|experient\w*|esperienza|erfahrung|berufserfahrung", ""),
        (r"doswiadczen\w*|zkusenost\w*|deneyim\w*", ""),
        (r"\b\w*erfarenhet", "erfarenhet"),
        (r"\b\w*ervaring", "ervaring"),
        (r"\b\w*erfaring", "erfaring"),
        (r"\b\w*kokemu\w*", "kokemu"),
        (r"\w*tapasztalat\w*|pengalaman|iskustv\w*|искуств\w*|εμπειρι\w*|προυπηρεσι\w*", ""),
        (r"\b\w*prax(?:is|e|i)?\b", "prax"),
        (r"опыт\w*|досвід\w*|опит\w*|خبر\w*|سابقه|تجربه|pervoj\w*|t[əe]crub[əe]\w*", ""),
        (r"გამოცდილ\w*", ""),
        (r"փորձ(?:ը|ի|ով)?\b", ""),
    )
)
_EXPERIENCE = f"(?:{_EXPERIENCE_CUE.full.pattern})"
_PATTERNS = [
    # "5 years of (relevant) experience", "three (3) years' experience", "5+ years experience"
    re.compile(
        rf"\b{_NUM}{_PAREN}\s*\+?\s*(?:or\s+more\s+)?{_YEARS}'?\s+(?:\S+\s+){{0,8}}?{_EXPERIENCE}"
    ),
    # "au moins 3 ans d'expérience", "5 años de experiencia"
    re.compile(
        rf"\b{_NUM}{_PAREN}\s*{_YEARS}\s+(?:d'|de\s+|of\s+)?(?:\S+\s+){{0,3}}?{_EXPERIENCE}"
    ),
    # "experience of at least 3 years", "опыт работы не менее 3 лет", "expérience d'au moins 5 ans"
    re.compile(
        rf"{_EXPERIENCE}:?\s+(?:\S+\s+){{0,4}}?(?:of\s+|de\s+|d'|от\s+|від\s+|не\s+менее\s+"
        rf"|не\s+менше\s+|щонайменше\s+|понад\s+|более\s+"
        rf"|минимум\s+|at\s+least\s+|minimum\s+|au\s+moins\s+|al\s+menos\s+|عن\s+"
        rf"|minima\s+de\s+|minimo\s+|minim\s+|minimaal\s+|ten\s+minste\s+|najmniej\s+"
        rf"|alespon\s+|en\s+az\s+|mindestens\s+|min\.\s*|nejmene\s+|minimalne\s+|aspon\s+"
        rf"|di\s+|almeno\s+|cel\s+putin\s+|minimal\s+|τουλαχιστον\s+|najmanje\s+|minst\s+"
        rf"|mindst\s+|vahintaan\s+|legalabb\s+)+"
        rf"{_NUM}{_PAREN}\s*{_YEARS}\b"
    ),
    # "Expérience professionnelle 3 ans minimum", "experience 5 years minimum"
    re.compile(
        rf"{_EXPERIENCE}:?\s+(?:\S+\s+){{0,3}}?{_NUM}\s*\+?\s*{_YEARS}\s+(?:minimum|minimo|min)\b"
    ),
    # a labelled field: "Experience: 4+ years", "Expérience requise : 3 ans", "Years of
    # experience: 5"
    re.compile(rf"{_EXPERIENCE}(?:\s+\S+)?\s*:\s*{_NUM}{_PAREN}\s*\+?\s*{_YEARS}\b"),
    re.compile(rf"\b{_YEARS}\s+(?:of\s+|de\s+|d')?{_EXPERIENCE}\s*:\s*{_NUM}\b"),
    # "Minst 3 års yrkeserfarenhet", "3 Jahre Berufserfahrung"
    re.compile(rf"\b{_NUM}\s*(?:ars|jahre)\s+\w*(?:erfarenhet|erfahrung)"),
    # "щонайменше 2 роки досвіду", "не менее 3 лет опыта"
    re.compile(rf"\b{_NUM}\s*{_YEARS}\s+(?:\S+\s+)?(?:опыта|досвіду|стажа)"),
    # "خبرة عملية لثلاث سنوات": experience, then "for three years" in words
    re.compile(
        r"خبر\w*\s+(?:\S+\s+){0,2}?(?:ل|ب)?("
        + "|".join(sorted(_ARABIC, key=len, reverse=True))
        + rf")\s+{_YEARS}"
    ),
]
# A parenthesis with words in it ("(eight years with a first degree)") is an aside.
_ASIDE = re.compile(r"\((?=[^()]*[^\W\d_])[^()]{0,200}\)")
# A parenthesis that holds only the minimum ("Berufserfahrung (mindestens 4 Jahre)", "experience
# (minimum 3 years)", "expérience (3 ans minimum)") is no aside: it is read without its brackets.
_MINIMUM_ASIDE = re.compile(
    rf"\(\s*((?:minimum|at\s+least|mindestens|minimo|au\s+moins|al\s+menos|min\.)?\s*"
    rf"(?:{_NUMBER})\s*\+?\s*{_YEARS}(?:\s+(?:minimum|minimo|min\.?))?)\s*\)"
)
_HAS_YEARS = re.compile(_YEARS)
_HAS_EXPERIENCE = re.compile(_EXPERIENCE)
# Sentences that state something other than the main minimum: ages, years in lieu of a degree,
# and the organisation's own experience ("The organisation has 20 years of experience").
_NOT_MAIN = re.compile(
    r"\b(?:age[sd]?|years\s+old|jahre\s+alt|lebensjahr\w*|edad|возраст\w*|in\s+lieu|additional"
    r"|en\s+lieu|adicionales"
    r"|supplementaires|дополнительн\w*"
    r"|(?:we|our\s+\w+|(?:the|this)\s+(?:organi[sz]ation|ngo|foundation|network|cent(?:re|er)"
    r"|association|institute|project|programme|program))\s+(?:has|have|brings?|boasts?)"
    r"|nous\s+avons|(?:l'organisation|l'association)\s+a|(?:la\s+organizacion|la\s+fundacion)"
    r"\s+(?:tiene|cuenta\s+con)|tenemos|contamos\s+con"
    # de, pt, it, ru, uk, cs, pl, sq: a body has, or "we look back on" a number of years
    r"|(?:die|der|das|unser\w*)\s+(?:organisation|stiftung|verein|netzwerk|zentrum|institut"
    r"|team)\s+(?:hat|verfugt|blickt)|wir\s+(?:verfugen\s+uber|blicken\s+auf)"
    r"|(?:a|o|nossa|nosso)\s+(?:organizacao|associacao|fundacao|instituto|rede|centro|equipe)"
    r"\s+(?:tem|possui|conta\s+com)|(?:l'organizzazione|l'associazione|la\s+fondazione"
    r"|il\s+centro|la\s+rete)\s+(?:ha|vanta)|vantiamo"
    r"|(?:организация|фонд|центр|ассоциация|сеть)\s+(?:имеет|обладает)"
    r"|(?:організація|фонд|центр|асоціація|мережа)\s+(?:має|володіє)"
    r"|(?:organizace|nadace|spolek|centrum|sdruzeni)\s+ma|(?:organizacja|fundacja"
    r"|stowarzyszenie|centrum|siec)\s+(?:ma|posiada)"
    r"|(?:qendra|organizata|shoqata|fondacioni|rrjeti)\s+ka)\b"
)
# Experience of a specialised kind: a secondary requirement when a general one is stated too.
_SPECIALISED = re.compile(
    r"\b(?:management|managerial|supervis\w*|leadership|team\s+lead\w*|teaching|managing"
    r"\s+(?:staff|teams?|people)|gestion|encadr\w*|direccion|gerencial|руковод\w*|управлен\w*"
    r"|ledarskap|fuhrung)\b"
)
# "at least 7 years of legal practice": a stated minimum of years without the word "experience",
# used when no sentence ties years to experience.
_MINIMUM = re.compile(
    rf"\b(?:at\s+least|a\s+minimum\s+of|minimum(?:\s+of)?|no\s+less\s+than|not\s+less\s+than"
    rf"|au\s+moins|al\s+menos|almenys|como\s+minimo|minimo|mindestens|не\s+менее|минимум"
    rf"|almeno|minimaal|minst|mindst|vahintaan|legalabb|τουλαχιστον|cel\s+putin|najmanje"
    rf"|en\s+az)\s+"
    rf"{_NUM}{_PAREN}\s*\+?"
    rf"\s*{_YEARS}'?\s+(?:of\s+|in\s+|de\s+|d')?(?P<rest>(?:\S+\s+){{0,4}}\S+)"
)
_MINIMUM_CUE = re.compile(
    r"\b(?:at\s+least|minimum|no\s+less|not\s+less|au\s+moins|al\s+menos|almenys|como\s+minimo"
    r"|minimo|mindestens|almeno|minimaal|minst|mindst|vahintaan|legalabb|τουλαχιστον"
    r"|cel\s+putin|najmanje|en\s+az"
    r"|не\s+менее|минимум|or\s+more|ou\s+plus|o\s+mas)\b|\d\s*\+"
)
# "5+ years", "five or more years", "3 ans ou plus": a stated minimum, read as "at least 5 years".
_OR_MORE = re.compile(
    rf"\b{_NUM}{_PAREN}\s*(?:(?:\+|or\s+more|ou\s+plus|o\s+mas)\s*({_YEARS})\b"
    rf"|({_YEARS})\s+(?:or\s+more|ou\s+plus|o\s+mas)\b)"
)
# "3 years of human rights work", "five or more years working with NGOs": years of work, read
# like `_MINIMUM` when no sentence ties years to experience (never a work plan or permit).
_WORK_CUE = re.compile(r"\b(?:work\w*|travail\w*|trabaj\w*|trabalh\w*|lavor\w*)\b")
_WORKED = re.compile(
    rf"\b{_NUM}{_PAREN}\s*\+?\s*(?:or\s+more\s+)?{_YEARS}'?\s+(?:of\s+|de\s+|d'|di\s+)?"
    rf"(?P<rest>(?:\S+\s+){{0,4}}?)(?:work|working|travail|travaille\w*|trabajo|trabajando"
    rf"|trabalho|trabalhando|lavoro)\b(?!\s*(?:plans?|programmes?|programs?|permits?|visas?))"
)
# Words before years of work that ask them of the applicant (an organisation's or a project's
# years of work are not asked: "our team has 10 years of work in the region").
_ASKS_APPLICANT = re.compile(
    r"\b(?:you|your|candidates?|applicants?|requir\w*|must|should|ideally|proven|demonstrated"
    r"|vous|candidat\w*|postulantes?|tienes|requis\w*|requerid\w*|exig\w*)\b"
)
# What such a minimum may be about other than experience.
_NOT_EXPERIENCE = re.compile(
    r"\b(?:existence|history|operations?|age|old|stud(?:y|ies)|universit\w*|education|degree"
    r"|contract|commitment|funding|registration|residence|residency|membership|duration|service"
    r"|employment\s+with\s+us|period)\b"
)
# A minimum that is a duration ("for at least 20 years"), and words of a requirement.
_DURATION_BEFORE = re.compile(
    r"\b(?:for|since|during|within|after|over|in|the\s+past|lasts?|lasting|runs?|spans?)\s*$"
)
_ASKS = re.compile(
    r"\b(?:requir\w*|must|should|need\w*|have|has|bring|possess|candidates?|applicants?|you"
    r"|ideally|including|plus|with)\b"
)


def _range(num: str) -> str:
    """A regex for a range of years whose figures match `num`."""
    return (
        rf"\b{num}(?:{_PAREN}\s*(?:-|–|—|/|to|and|or|a|à|y|et|e|und|och|до|и|або|чи|или)\s*|-)"
        rf"{num}{_PAREN}(?=\s*\+?\s*{_YEARS})"
    )


# A range of years ("3-6 years", "between 5 and 8 years", "de 3 a 5 años", "от 3 до 5 лет")
# states its lower bound as the minimum: the upper figure is dropped before matching.
_RANGE = re.compile(_range(_NUM))
_HAS_RANGE = factored(re.compile(_range(f"(?:{_NUMBER})")))  # `_RANGE` without groups: faster
# "at least a year", "a year's experience" are one year.
_A_YEAR = re.compile(
    r"\b(?:(at\s+least|a\s+minimum\s+of|minimum\s+of|over|more\s+than)\s+an?\s+year\b"
    r"|(^|[,;:(])\s*an?\s+year(?:'s|s')?(?=\s+(?:of\s+)?(?:\w+\s+)?experience))"
)
# ... and "от года", "не менее года", "від року", "minimálně rok" (ru, uk, cs, sk).
_A_YEAR_SLAVIC = re.compile(
    r"\b(от|не\s+менее|минимум|более|від|не\s+менше|щонайменше|minimalne|alespon|nejmene"
    r"|aspon|min\.)\s+(?=(?:года|году|року|рік|rok|roku)\b)"
)


def min_years(doc: Doc) -> tuple[int | None, str]:
    """The main minimum years of experience and its sentence, or (None, "")."""
    found: list[tuple[int, str, bool]] = []
    for sentence in _sentences(doc, _EXPERIENCE_CUE):
        folded_sentence = fold(sentence)
        if not _HAS_EXPERIENCE.search(folded_sentence):
            continue
        for clause in re.split(r"[;•]", sentence):
            folded = fold(clause)
            if _NOT_MAIN.search(folded):
                continue
            years = _years(folded)
            if years is not None:
                found.append((years, clause.strip(), bool(_SPECIALISED.search(folded))))
    if not found:
        found = _minimums(doc)
    general = [f for f in found if not f[2]] or found
    if not general:
        return None, ""
    years, sentence, _ = general[0]
    return years, clip(sentence)


def _sentences(doc: Doc, cue: re.Pattern[str] | Guarded) -> list[str]:
    """The sentences of the lines where `cue` occurs (one scan of the text, not one per line)."""
    return [s for i in sorted(doc.lines_matching(cue)) for s in doc.line_sentences(i)]


def _minimums(doc: Doc) -> list[tuple[int, str, bool]]:
    """Stated minimums of years with no word for experience ("a minimum of 3 years of human
    rights research"), except those about studies, ages, contracts or an organisation's history;
    without one, years of work asked of the applicant ("3 years of human rights work")."""
    found: list[tuple[int, str, bool]] = []
    # (lines, pattern, words that ask, words allowed before the years without asking)
    tiers = ((_MINIMUM_CUE, _MINIMUM, _ASKS, 6), (_WORK_CUE, _WORKED, _ASKS_APPLICANT, 1))
    for cue, pattern, asks, lead in tiers:
        for sentence in _sentences(doc, cue):
            for clause in re.split(r"[;•]", sentence):
                folded = _lower_bound(fold(clause))
                if _NOT_MAIN.search(folded):
                    continue
                m = pattern.search(folded)
                before = folded[: m.start()] if m else ""
                if (
                    m
                    and not _NOT_EXPERIENCE.search(m.group("rest"))
                    and not _DURATION_BEFORE.search(before)
                    and (len(before.split()) <= lead or asks.search(before))
                ):
                    value = m.group(1)
                    n = int(value) if value.isdigit() else _WORDS.get(value)
                    if n is not None and 0 < n <= 30:
                        found.append((n, clause.strip(), bool(_SPECIALISED.search(folded))))
        if found:  # a stated minimum first; years of work only without one
            break
    return found


def _lower_bound(clause: str) -> str:
    """The clause with every range of years cut to its lower figure."""
    if "(" in clause:
        clause = _ASIDE.sub(" ", _MINIMUM_ASIDE.sub(r" \1 ", clause))
    if "year" in clause:  # what `_A_YEAR` looks ahead to
        clause = _A_YEAR.sub(lambda m: f"{m[1] or m[2]} 1 year", clause)
    if "год" in clause or "рок" in clause or "rok" in clause:
        clause = _A_YEAR_SLAVIC.sub(r"\1 1 ", clause)
    if "+" in clause or " o" in clause:  # what `_OR_MORE` needs ("+", "or", "ou", "o")
        clause = _OR_MORE.sub(lambda m: f"at least {m[1]} {m[2] or m[3]}", clause)
    return _RANGE.sub(r"\1", clause) if _HAS_RANGE.search(clause) else clause


def _years(clause: str) -> int | None:
    clause = _lower_bound(clause)
    if not _HAS_YEARS.search(clause):
        return None
    for pattern in _PATTERNS:
        if m := pattern.search(clause):
            value = m.group(1)
            n = int(value) if value.isdigit() else _WORDS.get(value, _ARABIC.get(value))
            if n is not None and 0 <= n <= 30:  # "0-2 years": none required
                return n
    return None


def years_of_label(value: object) -> int | None:
    """The lower bound of a platform's experience range: `5-9 years` -> 5, `10+` -> 10, `three
    years` -> 3, `lt-1` (less than one) -> 0; None when it names no number."""
    text = fold(str(value or ""))
    if re.search(r"\blt\b|less than|under|<", text):
        return 0
    if match := re.search(r"\d+", text):
        return int(match.group())
    words = (_WORDS.get(word) for word in re.findall(r"[^\W\d_]+", text))
    return next(filter(None, words), None)
