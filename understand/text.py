"""Text plumbing: html to text, cleaning, normalisation, lines, sentences, folding, tokens,
labelled fields. The spiders clean their text with the same functions.

Everything downstream works on a `Doc`, built once per posting.
"""

from __future__ import annotations

import html as htmllib
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any, NamedTuple

from bs4 import BeautifulSoup

from understand.factor import factored

# Postings are truncated to this many characters before any analysis (a long posting has 20,000;
# the rest of a longer text is page furniture, and analysing it would cost time, not accuracy).
MAX_CHARS = 50_000
MAX_HTML_CHARS = 400_000  # HTML is read up to this many characters (markup is most of a page)
MAX_LINE = 2_000  # longer lines (text without line breaks) are cut into lines at sentence ends
EVIDENCE_CHARS = 300

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
_SPACES = re.compile(rf"{_SPACE}+")
# Runs of spaces other than a single plain space.
_SPACE_RUNS = re.compile(rf"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]{_SPACE}*| {_SPACE}+")
# Every character but the newline that `\s` (and str.isspace) takes for white space.
_LINE_SPACE = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Bullets, dashes, table bars, and arrows, symbols and emoji used as bullets ("📍 Lieu : Lomé").
_BULLET = re.compile(
    r"^[\s•·▪◦●○■□►▸\-–—*|>\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\U0001f000-\U0001faff]+"
)
# Full stops: Latin, Arabic "؟", Armenian "։", Devanagari "।" and Ethiopic "።".
_SENTENCE_END = re.compile(r"(?<=[.!?؟։।።])[\"”»)]?\s+(?=\S)")
# Abbreviations that end with a dot but do not end a sentence.
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|No|Nr|St|approx|incl|Art|p|pp|vs|cf|Jan|Feb|Mar|Apr|Jun"
    r"|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Prof|Sr|Jr|Ltd|Inc|Co|U\.S|U\.K|D\.C|[A-Z]"
    r"|(?i:min|max|cca|ca|aprox|env|bzw|ggf|napr|např|tzn|tj))\.)$"
)
_BLOCK_TAGS = "p div br li tr h1 h2 h3 h4 h5 h6 section article header footer ul ol table dt dd"
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # C0 but tab, LF (and CR: made LF)


def strip_controls(text: str) -> str:
    """`text` without NUL and the other C0 control characters except tab and newline (a CR,
    alone or before LF, becomes one newline as in HTML)."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def html_to_text(html: str | None) -> str:
    """Readable plain text of an HTML page or fragment: one line per block element, list items
    as "• ", spaces folded within lines, blank lines collapsed; scripts, styles and the head
    left out."""
    if not html:
        return ""
    soup = BeautifulSoup(strip_controls(html[:MAX_HTML_CHARS]), "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "svg", "head"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCK_TAGS.split()):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for li in soup.find_all("li"):
        li.insert(0, "• ")
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in soup.get_text().splitlines())
    text = re.sub(r"^•\n+", "• ", "\n".join(lines), flags=re.M)  # <li><p>...</p></li>
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def clean_text(value: str | None, limit: int = 500) -> str:
    """A one-line field (title, organisation, place): entities decoded, control characters out,
    whitespace folded, at most `limit` characters."""
    text = strip_controls(htmllib.unescape(value or ""))
    return re.sub(r"\s+", " ", text).strip()[:limit]


_BLANK_LINES = re.compile(r"\n{3,}")


def normalise(text: str) -> str:
    """NFC, no zero-width or control characters, single spaces, unix newlines, at most
    MAX_CHARS."""
    text = _ZERO_WIDTH.sub("", unicodedata.normalize("NFC", strip_controls(text[:MAX_CHARS])))
    lines = _SPACE_RUNS.sub(" ", text).split("\n")
    text = "\n".join(line.strip(_LINE_SPACE) for line in lines)  # no space around a line break
    return (_BLANK_LINES.sub("\n\n", text) if "\n\n\n" in text else text).strip()


class _FoldTable(dict):
    """str.translate table: lower case, accents stripped, one character in, one character out."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        low = ch.lower()
        if len(low) != 1:
            low = ch
        base = unicodedata.normalize("NFKD", low)
        out = base[0] if base and not unicodedata.combining(base[0]) else low
        if len(out) != 1:
            out = low
        self[code] = out
        return out


_FOLD = _FoldTable()
_FOLD.update(
    {
        ord("İ"): "i",
        ord("й"): "й",
        ord("Й"): "й",
        ord("ї"): "ї",
        ord("Ї"): "ї",
        ord("’"): "'",
        ord("‘"): "'",
        ord("ʼ"): "'",
        ord("´"): "'",
        ord("`"): "'",
    }
)


# Blocks of the scripts postings use (Latin, IPA, Greek, Cyrillic, Armenian, Arabic, Georgian,
# punctuation): their characters that fold to themselves are listed once, so that `fold` looks up
# only the others (accented letters, quotes, characters of other blocks) in `_FOLD`.
_BLOCKS = (
    (0x80, 0x2FF), (0x370, 0x58F), (0x600, 0x6FF), (0x10A0, 0x10FF), (0x1C90, 0x1CBF),
    (0x1E00, 0x1EFF), (0x2000, 0x206F),
)  # fmt: skip
_STABLE = "".join(chr(c) for a, b in _BLOCKS for c in range(a, b + 1) if _FOLD[c] == chr(c))
# A lower-cased character that may fold to another: not ASCII (but the backtick), not stable.
_UNSTABLE = re.compile(f"[^\x00-\x5f\x61-\x7f{re.escape(_STABLE)}]")


def _fold_match(m: re.Match[str]) -> str:
    return _FOLD[ord(m.group())]


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Lower-cased, accent-free copy of `text` with the same length (offsets stay valid).

    Each character folds on its own, as `_FOLD` says: lower-casing the whole text first (fast)
    gives the same result, since a character folds as its lower case does."""
    if text.isascii():
        return text.lower().replace("`", "'")
    if "İ" in text or "Σ" in text:  # `str.lower` makes two characters of "İ", "ς" of a final "Σ"
        return text.translate(_FOLD)
    return _UNSTABLE.sub(_fold_match, text.lower())


WORD = re.compile(r"[^\W_]+")  # a token: letters and digits


class Token(NamedTuple):
    """A word: its folded form, its original form and its offsets in the text."""

    key: str
    raw: str
    start: int
    end: int


@lru_cache(maxsize=4096)
def tokens(text: str) -> tuple[Token, ...]:
    """Word tokens of `text` (letters and digits; punctuation and spaces separate words)."""
    folded = fold(text)
    spans = [m.span() for m in WORD.finditer(text)]
    return tuple([Token(folded[a:b], text[a:b], a, b) for a, b in spans])


def clip(text: str, limit: int = EVIDENCE_CHARS) -> str:
    """`text` on one line, cut to at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def sentence_at(text: str, pos: int) -> str:
    """The line or sentence of `text` around offset `pos`."""
    start = max(text.rfind("\n", 0, pos), text.rfind(". ", 0, pos)) + 1
    ends = [i for i in (text.find("\n", pos), text.find(". ", pos)) if i >= 0]
    return text[start : min(ends, default=len(text)) + 1].strip()


def strip_bullet(line: str) -> str:
    """A line without its leading bullet, dash, table bar or emoji."""
    return _BULLET.sub("", line).strip(" |")


def _wrap(line: str) -> list[str]:
    """A line of at most MAX_LINE characters, or pieces of a longer one cut after a sentence end
    (or a semicolon, or a space) so that no analysis ever reads a huge line."""
    out = []
    while len(line) > MAX_LINE:
        head = line[:MAX_LINE]
        cut = max(head.rfind(". "), head.rfind("; "), head.rfind("! "), head.rfind("? ")) + 1
        if cut < MAX_LINE // 4:
            cut = head.rfind(" ") if head.rfind(" ") > MAX_LINE // 4 else MAX_LINE
        out.append(line[:cut].strip())
        line = line[cut:].strip()
    out.append(line)
    return [part for part in out if part]


def split_sentences(line: str) -> list[str]:
    """Sentences of one line (abbreviations such as "e.g." do not end a sentence)."""
    parts: list[str] = []
    for piece in _SENTENCE_END.split(line):
        if parts and _ABBREVIATIONS.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
    return [p.strip() for p in parts if p.strip()]


class Guarded(NamedTuple):
    """A regex `a|b|...` given as its alternatives, each with a literal it cannot match without
    ("" for none). A text that lacks an alternative's literal is scanned without it: the same
    matches (an alternative that never matches changes nothing), without its cost."""

    parts: tuple[tuple[str, str], ...]
    flags: int = 0

    @property
    def full(self) -> re.Pattern[str]:
        """The whole regex."""
        return _alternatives(tuple(regex for regex, _ in self.parts), self.flags)

    def for_text(self, text: str) -> re.Pattern[str]:
        """The regex without the alternatives whose literal `text` lacks."""
        return _alternatives(tuple(r for r, needs in self.parts if needs in text), self.flags)


@lru_cache(maxsize=256)
def _alternatives(parts: tuple[str, ...], flags: int) -> re.Pattern[str]:
    return re.compile("|".join(parts) or "(?!)", flags)


# Words that name a role (folded), in the languages of the postings.
ROLE_WORDS = (
    r"officers?|coordinators?|managers?|directors?|assistants?|associates?|consultants?"
    r"|consultancy|interns?|internship|trainee|fellows?|fellowship|campaigners?|researchers?"
    r"|advis[eo]rs?|specialists?|analysts?|lawyers?|counsel|attorney|experts?|representative|head"
    r"|chief|lead|editor|writer|accountant|administrator|secretary|translator|interpreter|driver"
    r"|monitors?|observers?|investigator|trainer|facilitator|organi[sz]er|strategist|developer"
    r"|engineer|designer|producer|journalist|rapporteur|brigadista|volunteers?|worker|clerk"
    r"|paralegal|caseworker|psychologist|educator|president|charge\w*|responsable|directeur"
    r"|directrice|coordinat\w+|coordonnat\w+|conseill\w+|juriste|avocat\w*|stagiaire\w*|stage|chercheu\w+"
    r"|specialiste|administrat\w+|expert\w*|consultant\w*|benevole|volontaire|delegue\w*|chef"
    r"|coordinador\w*|director\w*|oficial|asistente|asesor\w*|abogad\w+|consultor\w*|especialista"
    r"|investigador\w*|pasant\w+|practicante\w*|bolsista\w*"
    r"|becas?|becari\w+|voluntari\w+|titular|relator\w*|jef[ae]s?|gerente"
    r"|tecnic\w+|analista|experto|специалист\w*|координатор\w*|менеджер\w*|директор\w*|юрист\w*"
    r"|консультант\w*|ассистент\w*|помощник\w*|руководител\w*|аналитик\w*|эксперт\w*|стажер\w*"
    r"|стажировк\w*|стажировок|стажуванн\w*|волонтер\w*|исследовател\w*|сотрудник\w*|experter"
    r"|handlaggare|samordnare"
    r"|jurist|praktikant|radgivare|koordinator|referent\w*|leiter\w*|berater\w*|coordenador\w*"
    r"|assessor\w*|estagiari\w+|assistente|advogad\w+|psicolog\w+|pesquisador\w*|gestor\w*"
    r"|residente|responsabile|osservator\w+|tirocin\w+|stagist\w+|volontari\w*|esperto"
    r"|ricercator\w+|avvocat\w+|consulente|pravni\w+|koordinator\w*|asistent\w*|stazist\w*"
    r"|analyti\w+|vedouc\w+|медиатор\w*|експерт\w*|стажант\w*|доброволц\w*|доброволец"
    r"|сътрудник\w*|консултант\w*|спостерігач\w*|фахів\w*|аналітик\w*|помічник\w*"
    r"|керівник\w*|ექსპერტ\w*|კონსულტანტ\w*|იურისტ\w*|სტაჟიორ\w*|სტაჟირებ\w*"
    r"|კოორდინატორ\w*|ადვოკატ\w*|მენეჯერ\w*|ასისტენტ\w*|მკვლევარ\w*|منسق\w*|مستشار\w*|باحث\w*|خبير\w*"
    r"|متطوع\w*|حقوقي\w*|محام\w*|مساعد\w*|mitarbeiter\w*|sachbearbeiter\w*|coordonator\w*"
    r"|consilier\w*|voluntar\w*|advocat\w*|ofiter\w*"
    # more roles, and the role nouns of more languages (nl, sv/no/da, pl, cs/sk, the Balkans, sq,
    # el, tr, hu, fi, it, es/pt, fr, ru/uk, ar)
    r"|counsell?ors?|therapists?|tutors?|mentors?"
    r"|evaluators?|auditors?|technicians?|fundraisers?|planners?|economists?"
    r"|medewerker\w*|beleidsmedewerker\w*|projectleider\w*|adviseur\w*|stagiair\w*"
    r"|vrijwilliger\w*|onderzoeker\w*|projektledare|generalsekreterare|sakkunnig|utredare"
    r"|medarbetare|projektleder|radgiver\w*|frivillig\w*|projektleit\w+|projektkoordinat\w+"
    r"|fachkr[ae]ft\w*|sozialarbeiter\w*|sprachmittler\w*|dolmetscher\w*|jurist\w*"
    r"|koordynator\w*|specjalist\w*|prawni\w+|asystent\w*|stazyst\w*|wolontariusz\w*"
    r"|praktykant\w*|dyrektor\w*|kierownik\w*|tlumacz\w*|obserwator\w*|pracowni\w+"
    r"|pracovnik\w*|pracovnic\w+|manazer\w*|odbornik\w*|garant\w*|lektor\w*|dobrovolni\w+"
    r"|savjetni\w+|savetni\w+|saradni\w+|suradni\w+|strucnjak\w*|prevodila\w*|volonter\w*"
    r"|posmatrac\w*|promatrac\w*|mediator\w*|menadzer\w*|direktor\w*|советник\w*|соработник\w*|преведувач\w*|правник\w*"
    r"|menaxher\w*|drejtor\w*|zyrtar\w*|vullnetar\w*|perkthyes\w*|konsulent\w*"
    r"|συντονιστ\w+|διαμεσολαβητ\w+|διερμηνε\w+|δικηγορ\w+|ψυχολογ\w+|βοηθ\w+|υπευθυν\w+"
    r"|εθελοντ\w+|συμβουλ\w+|uzman\w*|stajyer\w*|avukat\w*|gonullu\w*|asistan\w*|sorumlu\w*"
    r"|dan[ıi]sman\w*|mudur\w*|tercuman\w*|arast[ıi]rmac[ıi]\w*|munkatars\w*|jogasz\w*|gyakornok\w*"
    r"|onkentes\w*|szakerto\w*|tanacsado\w*|igazgato\w*|tolmacs\w*|koordinaattori\w*"
    r"|asiantuntija\w*|harjoittelija\w*|projektipaallikko\w*|toiminnanjohtaja\w*"
    r"|operator\w+|educator\w+|addett\w+|mediador\w*|promotor\w*|facilitador\w*"
    r"|educador\w*|articulador\w*|mobilizador\w*|acompanante\w*|metodolog\w+|traductor\w*"
    r"|tradutor\w*|auxiliar\w*|animat(?:eur|rice)\w*|mediat(?:eur|rice)\w*"
    r"|educat(?:eur|rice)\w*|traduct(?:eur|rice)\w*|gestionnaire\w*|переводчик\w*|психолог\w*"
    r"|бухгалтер\w*|редактор\w*|журналист\w*|разработчик\w*|перекладач\w*|розробник\w*"
    r"|адвокат\w*|асистент\w*|працівник\w*|مدير\w*|موظف\w*|مسوول\w*|مترجم\w*|مقيم\w*"
    # sr/mk Cyrillic, az, hy, fa, ka, ar
    r"|саветни\w+|сарадни\w+|приправни\w+|pripravni\w+|m[əe]sl[əe]h[əe]tci\w*|huquqsunas\w*"
    r"|mut[əe]x[əe]ssis\w*|խորհրդատու\w*|համակարգող\w*|իրավաբան\w*|փորձագետ\w*|կամավոր\w*"
    r"|հաշվապահ\w*|մասնագետ\w*|مشاور\w*|کارشناس\w*|هماهنگ\W?کننده|کاراموز\w*|وکیل|پژوهشگر\w*"
    r"|مدیر\w*|داوطلب\w*|حسابدار\w*|მრჩეველ\w*|ბუღალტერ\w*|მოხალისე\w*|სპეციალისტ\w*"
    r"|محاسب\w*|اخصايي\w*|asszisztens\w*|kom[əe]kci\w*|օգնական\w*|دستیار\w*"
)
# Role nouns that end compounds in the Germanic and Finnic languages (folded): "Projektreferentin",
# "Programhandläggare", "Kommunikationsmedarbetare", "Teamassistenz", "projektikoordinaattori".
ROLE_HEADS = (
    r"(?:referent|berater|leiter|mitarbeiter|assistent|koordinator|manager|jurist|praktikant"
    r"|fachkraft|bearbeiter)(?:in|innen|en|e)?|assistenz|leitung|handlaggare|medarbetare"
    r"|medewerker|medewerkster|samordnare|radgivare|radgiver|sekreterare|ansvarig|ansvarlig"
    r"|ledare|leder|adviseur|coordinator|koordinaattori|asiantuntija|harjoittelija"
)
ROLE_COMPOUND = re.compile(rf"[^\W\d_]{{3,}}(?:{ROLE_HEADS})")  # fullmatch on one folded word
_ROLE_WORD = re.compile(rf"\b(?:{ROLE_WORDS})\b")


def names_role(folded: str) -> bool:
    """Whether folded text holds a word that names a role ("coordinator", "juriste")."""
    return bool(_ROLE_WORD.search(folded))


def _word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(words.split())


# Page furniture before a posting: menu labels in many languages (folded), a line that only says
# "skip to content" or speaks of cookies, a breadcrumb ("Home > Jobs > ..."), a language list.
_NAV_WORDS = _word_set(
    """home about news blog press media contact contacts
    search menu donate support login register subscribe newsletter documentation
    download downloads publications resources reports events library projects programmes
    programs team partners faq help join shop privacy policy terms
    accueil actualites contactez recherche inicio noticias contacto donar buscar publicaciones
    contato doar startseite aktuelles kontakt spenden suche presse impressum
    datenschutz notizie contatti dona cerca aktualnosci szukaj uvod aktualne kontakty
    hledani programy главная новости контакты поиск публикации проекты главна новини контакти
    """
)
_NAV_PHRASES = re.compile(
    r"(?:about us|who we are|what we do|our work|get involved|take action|log in|sign in"
    r"|qui sommes nous|faire un don|quienes somos|quem somos|uber uns|chi siamo|o nas|о нас"
    r"|про нас)$"
)
# Menu entries that may also name the posting ("Volunteer"): inside a menu, not at its end.
_NAV_ROLES = _word_set("jobs careers vacancies volunteer volunteers internships")
_LANGUAGE_NAMES = _word_set(
    "english francais espanol deutsch italiano portugues русский українська العربية"
)
_STRONG_FURNITURE = re.compile(
    r"(?:skip|jump)\s+to\b|aller\s+au\s+contenu|zum\s+inhalt|saltar\s+al\s+contenido"
    r"|ir\s+al\s+contenido|перейти\s+к|cookie|consent"
)
_CRUMB_SPLIT = re.compile(r"\s*[»›>/|]\s*")
FURNITURE_LABEL = 40  # a menu label is at most this many characters
FURNITURE_LINES = 60  # a leading furniture block is looked for in this many first lines


def _furniture_kind(line: str) -> str:
    """What a line of a page's top is: "strong" (skip link, cookie banner, breadcrumb, language
    list), "nav" (a menu label), "role" (a menu entry such as "Careers"), "label" (another short
    line without digits) or "" (text that may be the posting)."""
    folded = fold(line)
    if len(line) <= 300 and _STRONG_FURNITURE.search(folded):
        return "strong"
    words = WORD.findall(folded)
    if not words or _has_digit(line):
        return ""
    if _ROLE_WORD.search(" ".join(w for w in words if w not in _NAV_ROLES)):
        return ""  # "Project Officer", "Media | Communications Officer": maybe the title
    parts = [p for p in _CRUMB_SPLIT.split(folded) if p]
    if len(parts) >= 2 and all(len(p) <= FURNITURE_LABEL for p in parts):
        if all(len(w) == 2 or w in _LANGUAGE_NAMES for w in words):
            return "strong"  # "EN | FR | ES"
        if any(w in _NAV_WORDS or w in _NAV_ROLES for w in WORD.findall(parts[0])):
            return "strong"  # "Home » About » Jobs"
    if len(line) > FURNITURE_LABEL or len(words) > 4:
        return ""
    if all(len(w) == 2 or w in _LANGUAGE_NAMES for w in words) and len(line) <= 12:
        return "nav"  # "en", "English"
    if all(w in _NAV_ROLES for w in words):
        return "role"
    if _NAV_PHRASES.match(" ".join(words)) or 2 * sum(w in _NAV_WORDS for w in words) >= len(words):
        return "nav"
    return "label"


_DIGIT = re.compile(r"\d")


def _has_digit(line: str) -> bool:
    """Whether a character of `line` is a digit (`str.isdigit`: "²" too), without a Python loop
    over the characters of a line that has a decimal digit or is ASCII."""
    if _DIGIT.search(line):
        return True
    return not line.isascii() and any(ch.isdigit() for ch in line)


def furniture_end(lines: list[str]) -> int:
    """How many first `lines` are page furniture: the lines up to the last menu label, skip link,
    cookie line, breadcrumb or language list of the leading run of short lines, when that run
    holds a strong one or three menu labels. Lines with digits (dates) or longer than a label,
    and labels after the last menu entry (a posting's short fields), are kept."""
    end, nav, strong = 0, 0, False
    for i, line in enumerate(lines[:FURNITURE_LINES]):
        kind = _furniture_kind(line)
        if not kind:
            break
        if kind in ("nav", "strong"):
            end, nav, strong = i + 1, nav + 1, strong or kind == "strong"
    return end if (strong or nav >= 3) and end < len(lines) else 0


@dataclass
class Doc:
    """One posting's text, split and folded once for every extractor."""

    text: str
    title: str | None = None
    organization: str | None = None
    url: str | None = None
    lines: list[str] = field(init=False)
    start: int = field(init=False)  # the first line past a leading block of page furniture
    _scans: dict[tuple[str, int], frozenset[int]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )  # `lines_matching` and `sentences_matching`, by the id of the pattern
    _scanned: list[object] = field(init=False, repr=False, compare=False, default_factory=list)
    # the patterns of `_scans`, kept alive so that no other object takes their ids

    def __post_init__(self) -> None:
        lines = (strip_bullet(line) for line in self.text.split("\n"))
        self.lines = [part for line in lines if line for part in _wrap(line)]
        self.start = furniture_end(self.lines)

    @cached_property
    def start_char(self) -> int:
        """The offset in `text` of line `start` (0 when the page opens with the posting)."""
        pos = 0
        for line in self.lines[: self.start]:
            pos = max(pos, self.text.find(line, pos) + len(line))
        return max(pos, self.text.find(self.lines[self.start], pos)) if self.start else 0

    @cached_property
    def _split(self) -> tuple[list[str], list[int]]:
        """Every sentence of every line, in order, and the index of each line's first sentence
        (then their count): one list each, not one per line, for the garbage collector."""
        sentences: list[str] = []
        starts = []
        for line in self.lines:
            starts.append(len(sentences))
            sentences.extend(split_sentences(line))
        starts.append(len(sentences))
        return sentences, starts

    @property
    def sentences(self) -> list[str]:
        """Every sentence of every line, in order."""
        return self._split[0]

    def line_sentences(self, i: int) -> list[str]:
        """The sentences of line `i` (`split_sentences`, split once for every extractor)."""
        sentences, starts = self._split
        return sentences[starts[i] : starts[i + 1]]

    @cached_property
    def folded_sentences(self) -> list[str]:
        """`sentences`, folded."""
        return [fold(s) for s in self.sentences]

    @cached_property
    def folded(self) -> str:
        """The whole text, folded."""
        return fold(self.text)

    @cached_property
    def _folded_lines(self) -> tuple[str, list[int]]:
        """`lines` folded and joined with newlines, and the offset where each line starts (each
        line folded through `fold`'s cache, which `fields` shares)."""
        return _joined([fold(line) for line in self.lines])

    @cached_property
    def _folded_sentences_joined(self) -> tuple[str, list[int]]:
        """`folded_sentences` joined with newlines, and the offset where each one starts."""
        return _joined(self.folded_sentences)

    def lines_matching(self, pattern: re.Pattern[str] | Guarded) -> frozenset[int]:
        """Indices of the lines that a match of `pattern` (on folded text) touches: one scan of
        the whole text instead of one search per line."""
        return self._scan("lines", pattern)

    def sentences_matching(self, pattern: re.Pattern[str] | Guarded) -> frozenset[int]:
        """Indices of the sentences that a match of `pattern` (on folded text) touches: every
        sentence where `pattern.search` finds a match is among them when the pattern reads no
        `^`/`$` without re.M. One scan instead of one search per sentence (once per pattern)."""
        return self._scan("sentences", pattern)

    def _scan(self, parts: str, pattern: re.Pattern[str] | Guarded) -> frozenset[int]:
        """`_touched` of the folded lines or sentences, once per pattern (found by identity: a
        compiled pattern's hash hashes its whole code)."""
        key = (parts, id(pattern))
        if (found := self._scans.get(key)) is None:
            joined = self._folded_lines if parts == "lines" else self._folded_sentences_joined
            found = self._scans[key] = _touched(pattern, *joined)
            self._scanned.append(pattern)
        return found

    def fields(
        self, label: re.Pattern[str], *, max_value: int = 160, inline: bool = False
    ) -> Iterator[tuple[str, str]]:
        """Values of lines starting with a label matching `label` (matched on folded text).

        Accepts "Label: value", "Label | value", "Labelvalue" and a label alone on its line with the
        value on the next line. Yields (value, evidence line). With `inline`, then also a
        "Label: value" opening a sentence inside a line ("Our office is in Madrid. Place of work:
        Lima, Peru."), the value up to the sentence's end.
        """
        for i, line in enumerate(self.lines):
            m = label.match(fold(line))
            if not m:
                continue
            value = line[m.end() :].strip(" :|\t-–—").strip()
            if not value and i + 1 < len(self.lines) and len(self.lines[i + 1]) <= max_value:
                yield self.lines[i + 1], f"{line} {self.lines[i + 1]}"
            elif value and len(value) <= max_value:
                yield value, line
        if inline:
            for line in self.lines:
                folded = fold(line)  # folding keeps offsets
                for start in _SENTENCE_END.finditer(folded):
                    m = label.match(folded, start.end())
                    if m and ":" in m.group(0):
                        sentence = _SENTENCE_END.split(line[m.end() :], maxsplit=1)[0]
                        value = sentence.strip(" :|\t-–—").strip()
                        if value and len(value) <= max_value:
                            yield value, line[start.end() : m.end()] + sentence


class _ByIdentity(dict):
    """`func(key)` once per key object, looked up by identity: hashing a compiled pattern hashes
    its whole compiled code, which costs more than a scan of a short text. Each entry keeps its key
    alive, so that no other object takes its id while the entry lasts."""

    def __init__(self, func: Callable[[Any], Any], size: int = 1024):
        super().__init__()
        self.func, self.size = func, size

    def __call__(self, key: Any) -> Any:
        entry = self.get(id(key))
        if entry is None or entry[0] is not key:
            if len(self) >= self.size:
                self.clear()
            entry = self[id(key)] = (key, self.func(key))
        return entry[1]


def _scanner(
    patterns: tuple[re.Pattern[str], ...],
) -> tuple[re.Pattern[str], list[re.Pattern[str]]]:
    """A pattern matching wherever one of `patterns` matches, and each of them factored."""
    if len({p.flags for p in patterns}) > 1:
        raise ValueError("first_matches: the patterns must share their flags")
    either = re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    return factored(either), [_factored(p) for p in patterns]


_scanners = _ByIdentity(_scanner)
_factored = _ByIdentity(factored)  # the alternations `_touched` and `first_matches` scan


def first_matches(patterns: tuple[re.Pattern[str], ...], text: str) -> list[re.Match[str] | None]:
    """`[p.search(text) for p in patterns]` in one scan of `text` (for patterns without
    back-references): the alternation of them all finds, left to right, each position where one
    of them matches, and only there is each pattern tried."""
    out: list[re.Match[str] | None] = [None] * len(patterns)
    either, each = _scanners(patterns)
    missing, pos = len(patterns), 0
    while missing and (m := either.search(text, pos)):
        at = m.start()
        for i, pattern in enumerate(each):
            if out[i] is None and (found := pattern.match(text, at)):
                out[i] = found
                missing -= 1
        pos = at + 1
    return out


def _joined(parts: list[str]) -> tuple[str, list[int]]:
    """`parts` joined with newlines, and the offset where each starts."""
    starts, pos = [], 0
    for part in parts:
        starts.append(pos)
        pos += len(part) + 1
    return "\n".join(parts), starts


def _touched(pattern: re.Pattern[str] | Guarded, text: str, starts: list[int]) -> frozenset[int]:
    """Indices of the parts (starting at `starts` in `text`) that a match of `pattern` touches."""
    if isinstance(pattern, Guarded):
        pattern = pattern.for_text(text)
    out: set[int] = set()
    for m in _factored(pattern).finditer(text):
        first = bisect_right(starts, m.start()) - 1
        last = bisect_right(starts, max(m.start(), m.end() - 1)) - 1
        out.update(range(first, last + 1))
    return frozenset(out) if out else _NONE


_NONE: frozenset[int] = frozenset()  # one object for every scan that finds nothing
