"""The role's title and the hiring organisation, chosen by learned taggers.

A record that carries its own title (and organisation) keeps it, read by the rules of
`understand.name_rules`. For text alone, candidates are gathered from every rule, from the first
`HEAD_LINES` lines and their parts, from title fields in many languages, from what follows a
recruiting verb (and its shorter cuts before a preposition), from the URL's slug and, for
organisations, from capitalised names holding an organisation word, names given with their
acronym and names spelled by the site's host, an e-mail domain or an acronym the text uses.
Each candidate is described by general features (position, length, casing, digits, punctuation,
role and organisation words, overlap with the URL, repetition, being a part of the page's
title-like first line, ending in a function word, for organisations a host name or an e-mail
address's domain that spells the name, being a place, a job board or a part of a longer
candidate, which rules proposed it and whether it is their own answer) and
scored by a logistic model trained on the corpus's train split (`python -m eval.train_title`,
weights in `understand/data/title_model.json`). The best candidate wins when the model gives it
at least the model's threshold; otherwise the field is null rather than a fragment. An
organisation candidate never ends with a function word ("Programme de", "O Instituto sobre").
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from itertools import chain, compress, islice, repeat
from operator import mul
from urllib.parse import unquote, urlsplit

from understand import name_rules as rules
from understand.factor import factored
from understand.name_rules import _NO_WORDS, Names
from understand.places import places_in
from understand.text import Doc, fold, split_sentences

HEAD_LINES = 30  # title candidates come from this many first lines
ORG_CHARS = 4000  # organisation candidates come from this much of the text
MODEL_FILE = "title_model.json"

_WORD = re.compile(r"[^\W_]+")
# The parts of a line: "ROLE – ORG", "ROLE | ORG", "Label: ROLE", a breadcrumb's "Jobs > ROLE".
_PART_SPLIT = re.compile(r"\s+[-–—|•>›»]\s+|\s*\|\s*|:\s+")
_DATE_LIKE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b(?:19|20)\d\d\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun"
    r"|jul|aug|sep|oct|nov|dec|janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec|ene|abr|ago"
    r"|dic|янв|фев|мар|апр|мая|июн|июл|авг|сен|окт|ноя|дек)"
)
_FUNCTION_START = re.compile(
    r"^(?:the|a|an|we|our|you|your|this|it|if|in|for|to|nous|notre|vous|le|la|les|l'|un|une|nous"
    r"|el|los|las|una|somos|buscamos|мы|наш|ми|наша)\b"
)
_FIRST_PERSON = {"i", "we", "je", "nous", "yo", "nosotros", "я", "мы", "ми", "ich", "wir"}
_PRONOUN_START = re.compile(
    r"^(?:we|our|you|nous|notre|nos|vous|nosotros|nuestr[oa]s?|noss[oa]s?|nostr[oa]|unser\w*"
    r"|onze|мы|ми|наш\w*|ваш\w*|nase(?:ho|mu|m)?|nasi|nasz\w*|it|this|they)\b"
)
_SLUG_NOISE = re.compile(r"^(?:\d+|[0-9a-f]{6,}|[a-z]*\d[a-z\d]*|html?|php|aspx?|jobs?|view)$")
_CAP_WORD = r"[A-ZÀ-ÞА-ЯЁІЇЄ][\w'’&-]*"
_CAP_SPAN = factored(  # the optional article opened: found twice as fast
    re.compile(
        rf"(?:(?:The|La|Le|El|L['’])[ \t]+)?{_CAP_WORD}(?:[ \t]+(?:(?:of|for|on|and|the|de|des|du"
        rf"|la|le|del|los|las|y|et|in|pour|per|against|to|für|und|для|по|и|з|із|di|dei|della|delle"
        rf"|degli|do|da|dos|das)[ \t]+)*"
        rf"(?:(?:d|l|dell|dall|nell|sull)['’])?{_CAP_WORD}){{0,9}}"  # "Terre d'Asile", "dell'Uomo"
        rf"(?:[ \t]*\([A-ZÀ-ÞА-Я][\w./&-]{{1,12}}\))?"
    )
)
_SLUG_TOKEN = re.compile(r"[^\W_]+(?:[’'./-][^\W_]+)*|\S")
_PAREN_NAME = re.compile(r"\(([A-ZА-Я][\w./&-]{1,12})\)")
_ELISION = re.compile(r"^[LlDd]['’]")
_NEWLINE = re.compile(r"\n")
_TOKEN = re.compile(r"[^\W_]+(?:[’'-][^\W_]+)*|[^\w\s]")
_QUOTES = set("«»“”„\"'‘’")
_OPENING_QUOTES = set("«„")
_CONNECTORS = {
    "of", "for", "the", "and", "on", "de", "des", "du", "la", "le", "del", "y", "et", "pour",
    "fur", "und", "i", "и", "за", "на", "по", "per", "do", "da", "dos",
}  # fmt: skip
# Words a name never ends with (prepositions, articles, auxiliaries): "Programme de", "O Instituto
# sobre", "(DDP) a été" are fragments of a sentence.
_NAME_NEVER_ENDS = _CONNECTORS | {
    "in", "to", "by", "at", "with", "from", "a", "an", "o", "e", "em", "en", "al", "con", "para",
    "sobre", "se", "non", "di", "della", "das", "der", "die", "den", "ete", "est", "is", "was",
    "has", "are", "s", "los", "las", "les", "el", "il", "au", "aux", "v", "z", "w", "з", "у", "в",
    "მიერ",
}  # fmt: skip
# Web-mail and placeholder domains say nothing about who is hiring.
_MAIL_PROVIDERS = {"gmail", "yahoo", "hotmail", "outlook", "mail", "example", "proton", "yandex"}
_MAIL_DOMAIN = re.compile(r"@(?<=[\w.+-]@)([\w-]+(?:\.[\w-]+)+)")  # "@" first: found fast
ORG_SPAN_WORDS = 5  # at most this many words follow an organisation noun in a name
# "\b[A-ZА-Я][A-ZА-Я&\-]{1,9}\b", its "\b" tested behind the capital: `re` skips to capitals fast
_ACRONYM = re.compile(r"[A-ZА-Я](?<=\b[A-ZА-Я])[A-ZА-Я&\-]{1,9}\b")
# Verbs and nouns that introduce the role in a sentence ("... recrute un", "Hledáme", "шукає").
_RECRUIT = factored(  # merged by first letter: searched in every candidate
    re.compile(
        r"\b(?:recrute|recrutons|recherche|recrutement|recruiting|recruits|recruit|seeks|seleciona"
        r"|seeking|looking\s+for|hiring|busca|buscamos|contrata|convoca|procura|procuramos"
        r"|recrutamento\s+de|cerca|cercasi|cerchiamo|sucht|suchen|hledame|prijmeme|ищет|ищем|набирает"
        r"|набира|шукає|шукаємо|потрібні|требуются|cauta|recruteaza|s[oø][kg]er|for\s+the\s+(?:post|position)"
        r"\s+of|pour\s+le\s+poste\s+de|para\s+el\s+cargo\s+de|на\s+должность|на\s+посаду"
        r"|avis\s+de\s+recrutement|appel\s+a\s+candidatures?\s+pour|is\s+inviting\s+applications\s+for"
        r"|invites\s+applications\s+for|szukamy|zatrudni|zoekt|zoeken|aranıyor"
        r"|arıyor|for\s+the\s+role\s+of|to\s+recruit|au\s+poste\s+de|pour\s+le\s+poste\s+d['’]"
        # announcements: "anunță concurs pentru postul de", "abre edital para", "na stanowisko"
        r"|(?:pentru|pe)\s+(?:postul|pozitia|functia)\s+de|abre\s+(?:edital|selecao|inscricoes"
        r"|processo\s+seletivo|convocatoria|vagas?)\s+(?:para|de)(?:\s+(?:o\s+cargo|a\s+vaga"
        r"|a\s+funcao)\s+de)?|para\s+(?:o\s+cargo|a\s+vaga|a\s+funcao|la\s+posicion|el\s+puesto"
        r"|la\s+plaza)\s+de|конкурс\s+(?:для\s+відбору|на\s+заміщення\s+посади"
        r"|на\s+замещение\s+должности)|na\s+stanowisko|nabor\s+na(?:\s+stanowisko)?"
        r"|poszukuje|poszukujemy|hleda"
        r"|na\s+pozici|per\s+(?:la\s+posizione|il\s+ruolo)\s+di|fur\s+die\s+stelle\s+als"
        r"|offers?\s+(?:the\s+|a\s+)?(?:position|post|role)\s+of|(?:vacancy|vacancies|opening)\s+for"
        r"(?:\s+(?:the\s+)?(?:post|position)\s+of)?|trazimo|trazi|ζητειται|ζητουνται|αναζητει"
        r"|αναζητουμε)"
        r"(?:\s+(?:to\s+(?:its|our|the)\s+team|(?:in|into|for|to)\s+(?:its|our|the)\s+team"
        r"|в\s+команду|у\s+команду|в\s+нашу\s+команду|do\s+(?:naseho\s+)?tymu))?"
        r"\s+(?:(?:a|an|one|un[.\-·(]?e?\)?|une|una|uno|um|uma|en|een|ett|eine?n?|d['’]un[.\-·(]?e?\)?"
        r"|des|the|our|new)\s+)?"
    )
)
# Where a title found in a sentence may stop short: before a preposition that starts what the
# role is for or where it sits ("Consultant national chargé de ... | pour ...", "Officer | in ...").
_TITLE_STOP = re.compile(
    r"\s+(?:au\s+sein|pour|for|with|in|within|at|to|aupres|en|dans|a|à|para|con|no|na|em|por"
    r"|per|presso|для|в|у|на|по|з|із|bei|fur|im|w|we|do|pro|v|voor|bij|om)\s+"
)
_CUTS = 4  # at most this many shorter versions of a title found in a sentence
# Labels of a title field, in many languages: a short label holding a title word, then ":", "|"
# or the end of the line ("Intitulé de la mission :", "Título de la contratación", "Job:").
_TITLE_FIELD = re.compile(
    r"^(?:[^\W\d_]+\s+){0,3}?(?:title|titre|intitule\w*|titulo|titolo|titel|tytul|nazev"
    r"|position|post|poste|puesto|cargo|vaga|role|job|vacancy|stelle|функция|должность|посада"
    r"|вакансия|вакансія|позиция|позиція|наименование|назва|عنوان|المسمى|الوظيفة|پست|عنوان"
    r"|vəzifə|pozicij\w*|pozicion\w*|pozita|pozice|pozicia|pozycja|stanowisko|radno\s+mjesto"
    r"|длъжност|tjanst"
    r"|befattning|պաշտոն\w*)"
    r"(?:\s+[^\W\d_]+){0,4}?\s*(?:[:|]\s*|$)"
)
# Georgian names the role in the genitive before "position/vacancy" ("ექსპერტის პოზიციაზე"):
# its nominative ends in "ი" where the genitive ends in "ის".
_GEORGIAN_POST = re.compile(
    r"((?:[\u10d0-\u10ff-]+\s+){0,2}[\u10d0-\u10ff-]+)ის\s+(?:ვაკანტური\s+)?(?:პოზიცი|თანამდებობ|ვაკანსი)"
)
# Georgian words announcing a vacancy before its role: "announces", "announce", "announced",
# "opens", "starts", and "competition" as their object
_GEORGIAN_ANNOUNCING = frozenset(
    [
        "აცხადებს",
        "აცხადებენ",
        "გამოაცხადა",
        "გამოაცხადეს",
        "ხსნის",
        "იწყებს",
        "კონკურსს",
        "კონკურსი",
    ]
)
_HAS_QUOTE = re.compile(r"[«“„\"]")
_QUOTED = re.compile(r"[«“„\"]([^«»“”„\"]{3,80})[»”\"“]")  # a quoted role names the role
_TRAILING_PAREN = re.compile(r"\s*\([^()]{1,40}\)$")  # "Legal Adviser (1.0 fte)"
_LABEL_WORDS = 6  # a title field's label has at most this many words


# Words that name the posting rather than the role ("vacancy", "offre d'emploi", "ვაკანსია").
_POSTING_WORD = re.compile(
    r"\b(?:vacanc\w*|job|jobs|hiring|recruit\w*|recrut\w*|offre|emploi|oferta|empleo|vacante"
    r"|convocatoria|vaga|edital|вакансі\w*|ваканси\w*|конкурс\w*|ვაკანსი\w*|stelle\w*"
    r"|announcement|avis|appel|call|terms\s+of\s+reference|termes\s+de\s+reference"
    r"|terminos\s+de\s+referencia|termos\s+de\s+referencia|termeni\s+de\s+referinta)\b"
)
_SLUG_LEAD = re.compile(
    r"^(?:(?:vacancy|vacancies|job|jobs|offre|offres|emploi|oferta|empleo|vaga|stelle|detail|view"
    r"|opportunity|cdd|cdi|de|d|page)\s+)+"
)


@dataclass
class Candidate:
    """One proposed value with the features that describe it."""

    text: str
    features: dict[str, float] = field(default_factory=dict)
    line: int | None = None
    evidence: str = ""
    chain: bool = False  # the answer of the rules alone, first that applies


@dataclass(frozen=True)
class LinearModel:
    """A logistic model as plain numbers: weights per feature name, intercept and threshold;
    with `prefer_rules`, the rules' own answer wins whenever the model accepts it."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    prefer_rules: bool = False

    def probability(self, features: dict[str, float]) -> float:
        weights = map(self.weights.get, features, repeat(0.0))
        z = self.intercept + sum(map(mul, weights, features.values()))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def models() -> dict[str, LinearModel]:
    """The shipped title and organisation models (`understand/data/title_model.json`)."""
    data = json.loads(files("understand.data").joinpath(MODEL_FILE).read_text("utf-8"))
    return {
        name: LinearModel(m["weights"], m["intercept"], m["threshold"], m["prefer_rules"])
        for name, m in data["models"].items()
    }


@lru_cache(maxsize=16384)
def _word_tuple(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def _words(text: str) -> list[str]:
    return list(_word_tuple(text))


def _bucket(value: float, edges: Iterable[float]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return "more"


def slug_words(url: str | None) -> list[str]:
    """The words of a URL's last path segment that has two or more words, without ids, file
    endings and leading "vacancy/job/offre" words ("/vacancy/advocacy-officer-123")."""
    for segment in reversed(unquote(urlsplit(url or "").path).split("/")):
        words = [w for w in _words(segment) if not _SLUG_NOISE.match(w)]
        words = _SLUG_LEAD.sub("", " ".join(words)).split()
        if len(words) >= 2:
            return words
    return []


def _slug_title(slug: list[str]) -> str:
    """A URL slug's words as a title, up to an "at ORG" tail and without a trailing place name
    ("adviser-on-roma-issues-at-osce" -> "Adviser on roma issues")."""
    words = slug[: slug.index("at")] if "at" in slug[1:] else slug
    words = words[: words.index("chez")] if "chez" in words[1:] else words
    while len(words) > 2 and (hits := places_in(words[-1].capitalize())) and hits[0].start == 0:
        words = words[:-1]
    return " ".join(words).capitalize()


def _slug_spans(line: str, slug: set[str]) -> list[str]:
    """The longest runs of two or more words of `line` that all occur in the URL's slug."""
    spans, run = [], []
    for m in _SLUG_TOKEN.finditer(line):
        words = _words(m.group(0))
        if words and all(w in slug for w in words):
            run.append(m)
            continue
        if not words and run:
            continue  # punctuation inside a run
        if len(run) >= 2:
            spans.append(line[run[0].start() : run[-1].end()])
        run = []
    if len(run) >= 2:
        spans.append(line[run[0].start() : run[-1].end()])
    return spans


# Host labels that name a service or a section of a site, not whose site it is.
_GENERIC_LABELS = {
    "www", "jobs", "job", "careers", "career", "talents", "talent", "recruit", "recruitment",
    "apply", "app", "blog", "news", "org", "com", "net", "int", "gov", "edu",
}  # fmt: skip


def host_name(url: str | None) -> str:
    """The distinctive label of a URL's host: "https://jobs.amnesty.org.uk/x" -> "amnesty",
    "https://blog.wikimedia.es/y" -> "wikimedia"."""
    host = (urlsplit(url or "").hostname or "").split(".")
    labels = [p for p in host if p not in _GENERIC_LABELS]
    labels = [p for p in labels if len(p) > 2]
    return labels[0] if labels else ""


def host_labels(url: str | None) -> set[str]:
    """Every distinctive label of a URL's host ("contenu.terredesjeunes.org" -> "contenu",
    "terredesjeunes")."""
    host = (urlsplit(url or "").hostname or "").split(".")
    return {p for p in host[:-1] if p not in _GENERIC_LABELS and len(p) > 2}


_PAIRED = re.compile(r"[()«»“”„\[\]]")


def balanced(text: str) -> bool:
    """Whether parentheses and paired quotes open and close in `text` (a name or a title never
    leaves one open: "Fonds «Droit" is a fragment)."""
    if not _PAIRED.search(text):
        return True
    pairs = ("()", "«»", "“”", "„“", "[]")
    return all(text.count(a) == text.count(b) for a, b in pairs if a[0] != "„") and (
        text.count("„") <= text.count("“")
    )


def _merge(candidates: list[Candidate]) -> list[Candidate]:
    """One candidate per distinct word sequence, its features the maxima of its copies'."""
    out: dict[tuple[str, ...], Candidate] = {}
    for c in candidates:
        key = tuple(_words(c.text))
        if not key:
            continue
        if key not in out:
            out[key] = c
            continue
        kept = out[key]
        for k, v in c.features.items():
            kept.features[k] = max(kept.features.get(k, v), v)
        kept.chain = kept.chain or c.chain
        if kept.text[:1].islower() and c.text[:1].isupper():
            kept.text = c.text  # the capitalised spelling, as a heading writes it
        if kept.line is None:
            kept.line, kept.evidence = c.line, c.evidence
    return list(out.values())


_HYPHEN_PAIRS = re.compile(r"(?=\b(\w+-\w+)\b)")


def _any_word(pattern: rules.WordPattern, words: Iterable[str], hyphens: Iterable[str]) -> bool:
    """`pattern.search` on a text given as its folded words and hyphenated pairs."""
    return any(map(pattern.fullmatch, words)) or any(map(pattern.fullmatch, hyphens))


_SHAPE_NAMES = ("upper", "lower_start", "digit", "date", "end_stop", "comma", "paren")
_SHAPE_LATER = ("function_start", "role", "org_word", "boilerplate", "long")
# Feature names per prefix, built once: {prefix: (words=..., capital=..., flags, later flags)}.
_SHAPE_KEYS = {
    prefix: (
        [f"{prefix}words={_bucket(n, (1, 2, 4, 8, 14))}" for n in range(16)],
        {edge: f"{prefix}capital={edge}" for edge in ("0.3", "0.7", "more")},
        tuple(prefix + n for n in _SHAPE_NAMES),
        tuple(prefix + n for n in _SHAPE_LATER),
    )
    for prefix in ("", "o_")
}


def _shape(text: str, prefix: str) -> dict[str, float]:
    """Length, casing, digit and punctuation features of a candidate's text."""
    by_words, by_capital, flags, later = _SHAPE_KEYS[prefix]
    words = text.split()
    capital = sum(map(str.isupper, [w[0] for w in words])) / len(words) if words else 0.0
    folded = fold(text)
    digit = any(map(str.isdigit, text))
    keys = _word_tuple(text)
    hyphens = _HYPHEN_PAIRS.findall(folded) if "-" in folded else ()
    f = {
        by_words[min(len(words), 15)]: 1.0,
        by_capital["0.3" if capital <= 0.3 else "0.7" if capital <= 0.7 else "more"]: 1.0,
    }
    upper = sum(map(str.isupper, text))
    values = (
        upper and upper > 0.8 * max(1, sum(map(str.isalpha, text))),
        text[:1].islower(),
        digit,
        digit and _DATE_LIKE.search(folded),
        text.rstrip().endswith((".", "!", "?")),
        "," in text,
        "(" in text,
        _FUNCTION_START.match(folded),
        _any_word(rules._ROLE_RE, keys, hyphens),
        _any_word(rules._ORG_WORDS, keys, hyphens),
        rules.boilerplate(folded),
        len(text) > 100,
    )
    f.update(dict.fromkeys(compress(flags + later, values), 1.0))
    return f


def _title_features(
    c: Candidate, slug: set[str], later: str, head: set[str], first: set[str]
) -> None:
    words = _words(c.text)
    f = c.features
    sources = float(sum(1 for k in f if k.startswith("src=")))  # only sources are set yet
    f.update(_shape(c.text, ""))
    folded_words = words  # already folded
    if folded_words and rules._ROLE_RE.fullmatch(folded_words[-1]):
        f["role_last"] = 1.0
    if any(map(rules._ROLE_RE.fullmatch, folded_words[:3])):
        f["role_first3"] = 1.0
    if folded_words and folded_words[-1] in _CONNECTORS:
        f["end_connector"] = 1.0
    if folded_words and folded_words[-1] in _NAME_NEVER_ENDS:
        f["end_function"] = 1.0  # "Consultant international pour la"
    if folded_words and folded_words[0] in _FIRST_PERSON:
        f["first_person"] = 1.0  # "Je deviens bénévole ...", "We are hiring"
    folded = fold(c.text)
    if _RECRUIT.search(folded + " ") or rules.seeks(folded):
        f["verb_inside"] = 1.0  # also a verb at the end: "Avocats Sans Frontières recrute"
    if "src=after_verb" in f and "role" in f:
        f["role_after_verb"] = 1.0  # a role word in what follows a recruiting verb
    if rules.title_at(c.text) or rules._VACANCY_AT.match(c.text):
        f["at_org_inside"] = 1.0
    if _POSTING_WORD.search(folded):
        f["posting_word"] = 1.0
    if slug and words:
        share = sum(w in slug for w in words) / len(words)
        f[f"slug={_bucket(share, (0.0, 0.49, 0.99))}"] = 1.0
    if "src=slug" in f and words:
        share = sum(w in head for w in words) / len(words)
        f[f"slug_in_text={_bucket(share, (0.49, 0.99))}"] = 1.0
    f[f"pos={_bucket(c.line, (0, 1, 2, 4, 7, 12)) if c.line is not None else 'none'}"] = 1.0
    if words and set(words) < first:
        f["in_first_line"] = 1.0  # a part of the page's title-like first line ("ROLE | ORG")
    if len(words) >= 2:
        repeats = later.count(" ".join(words))
        f[f"repeat={_bucket(repeats, (0, 1))}"] = 1.0
    f["sources"] = sources
    if c.chain:
        f["chain"] = 1.0  # the rules' own answer


def title_cuts(text: str) -> list[str]:
    """A title found in a sentence, up to where it stops (`name_rules._cut`), then shorter
    versions of it that end before a preposition, longest first ("Consultant national chargé de
    l'étude pour le PNUD" -> also "Consultant national chargé de l'étude")."""
    whole = rules._cut(text)
    cuts = [whole]
    for m in _TITLE_STOP.finditer(whole):
        if len(cuts) > _CUTS:
            break
        if m.start() > 0:
            cuts.append(whole[: m.start()])
    return [cuts[0], *reversed(cuts[1:])]


def georgian_titles(folded: str) -> list[str]:
    """Roles a Georgian sentence names in the genitive before "position" or "vacancy", in the
    nominative, from the last word alone to the last three ("აკადემიური წერის ექსპერტის
    პოზიციაზე" -> "ექსპერტი", "წერის ექსპერტი", "აკადემიური წერის ექსპერტი")."""
    out = []
    for m in _GEORGIAN_POST.finditer(folded):
        words = m.group(1).split()
        words = words[_last_announcing(words) + 1 :]
        out += [" ".join(words[-k:]) + "ი" for k in range(1, len(words) + 1)]
    return out


def _last_announcing(words: list[str]) -> int:
    """The position of the last announcing word ("აცხადებს", "announces") among words, or -1:
    the role's words come after it ("... აცხადებს უმცროსი ექსპერტის ვაკანსიას")."""
    return max((i for i, w in enumerate(words) if w in _GEORGIAN_ANNOUNCING), default=-1)


def title_candidates(
    doc: Doc, headline: tuple[str | None, str | None, int | None, str] | None = None
) -> list[Candidate]:
    """Every title a rule, a head line, a part of one or the URL proposes, with its features
    (`headline`: `name_rules._headline(doc)` when the caller has it)."""
    found: list[Candidate] = []
    cleaned_of: dict[str, tuple[str | None, str | None]] = {}  # a line is proposed by many rules

    def add(source: str, text: str | None, line: int | None, evidence: str = "") -> None:
        if not text:
            return
        if text not in cleaned_of:
            cleaned = rules.trim_title(rules._clean_title(text))
            cleaned = cleaned if cleaned and balanced(cleaned) else None
            bare = _TRAILING_PAREN.sub("", cleaned) if cleaned and cleaned[-1] == ")" else None
            cleaned_of[text] = cleaned, (bare if bare != cleaned else None)
        cleaned, bare = cleaned_of[text]
        if cleaned:
            found.append(Candidate(cleaned, {f"src={source}": 1.0}, line, evidence or text))
        if bare:
            found.append(Candidate(bare, {f"src={source}": 1.0, "no_paren": 1.0}, line, text))

    title, line, evidence = rules._labelled_titles(doc)
    add("label", title, line, evidence)
    title, _, line, evidence = headline or rules._headline(doc)
    add("headline", title, line, evidence)
    title, evidence = rules._body_title(doc)
    add("body", title, None, evidence)
    title, line, evidence = rules._role_line(doc)
    add("role_line", title, line, evidence)
    title, evidence = rules._frequent_role(doc)
    add("frequent", title, None, evidence)
    if found:
        found[0].chain = True
    content = 0
    slug = slug_words(doc.url)
    slug_set = set(slug)
    for i, line in enumerate(doc.lines[:HEAD_LINES]):
        if len(line) > 200:
            continue
        folded = fold(line)
        if content == 0 and not rules.boilerplate(folded) and not _NO_WORDS.fullmatch(line):
            add("first_content", line, i)
            content = 1
        add("line", line, i)
        parts = [p for p in _PART_SPLIT.split(line) if len(p) >= 3]
        for part in parts if len(parts) > 1 else []:
            add("part", part, i, line)
        if ", " in line:
            add("before_comma", line.split(", ")[0], i, line)
        if _HAS_QUOTE.search(line):
            for quoted in _QUOTED.findall(line):
                if rules._ROLE_RE.search(fold(quoted)):
                    add("quoted", quoted, i, line)  # "Benefits of the «Volunteer» project"
        if len(slug_set.intersection(_word_tuple(line))) >= 2:
            for span in _slug_spans(line, slug_set):
                add("slug_span", span, i, line)
        if (m := _TITLE_FIELD.match(folded)) and len(line[: m.end()].split()) <= _LABEL_WORDS:
            value = line[m.end() :].strip()
            if not value and i + 1 < len(doc.lines):
                value, line_of_value = doc.lines[i + 1], i + 1
            else:
                line_of_value = i
            if len(value) <= 200:
                add("field", value, line_of_value, line)
    for sentence, folded in list(zip(doc.sentences, doc.folded_sentences, strict=True))[:15]:
        # every cue of the sentence: "poszukuje osoby na stanowisko koordynatora" has two
        for m in _RECRUIT.finditer(folded):
            for cut in title_cuts(sentence[m.end() :]):
                add("after_verb", cut, None, sentence)
        if "ის " in folded:
            for title in georgian_titles(folded):
                add("genitive", title, None, sentence)
    if slug:
        add("slug", _slug_title(slug), None, doc.url or "")
    merged = _merge(found)
    # the words of the lines, each line folded once (folding a whole text is slow)
    line_words = [_word_tuple(line) for line in doc.lines]
    later = " ".join(w for words in line_words[3:] for w in words)
    head = {w for words in line_words[:HEAD_LINES] for w in words}
    first = set(line_words[0]) if doc.lines else set()
    for c in merged:
        _title_features(c, slug_set, later, head, first)
    return merged


@dataclass
class _OrgContext:
    """What organisation features look up in the posting, computed once."""

    head: str
    host: str
    mail_hosts: set[str]
    first_line: str
    title_line: int | None
    acronyms: Counter[str]
    folded_head: str


def _names_host(words: list[str], acronyms: list[str], host: str) -> bool:
    """Whether a name's words, initials or acronym spell a host name ("amnesty", "hrw")."""
    initials = "".join(w[0] for w in words if w not in {"of", "for", "the", "and", "de", "la"})
    return (
        host in "".join(words)
        or host == initials
        or any(fold(a) == host or fold(a) in host.split("-") for a in acronyms)
    )


def mail_hosts(text: str) -> set[str]:
    """The distinctive host labels of the e-mail addresses in `text`, web-mail left out
    ("jobs@hrw.org" -> "hrw")."""
    hosts = {host_name("//" + m.group(1)) for m in _MAIL_DOMAIN.finditer(text)}
    return {h for h in hosts if h and h not in _MAIL_PROVIDERS}


_LETTER_OR_DIGIT = re.compile(r"[^\W_]")  # what `_WORD` matches runs of


def _word_count(word: str, folded: str) -> int:
    """How many of the words of `folded` (`_WORD`) are `word`: its occurrences that no letter or
    digit adjoins (counting all words of a text is slower)."""
    if not _WORD.fullmatch(word):
        return 0
    count, at = 0, folded.find(word)
    while at >= 0:
        end = at + len(word)
        if not (
            at and _LETTER_OR_DIGIT.match(folded, at - 1) or _LETTER_OR_DIGIT.match(folded, end)
        ):
            count += 1
        at = folded.find(word, end)
    return count


def _is_place(name: str) -> bool:
    """Whether place names cover most of the letters of `name`."""
    letters = sum(map(str.isalpha, name))
    covered = sum(h.end - h.start for h in places_in(name))
    return letters > 0 and covered >= 0.8 * letters


def _org_features(c: Candidate, ctx: _OrgContext) -> None:
    head, host = ctx.head, ctx.host
    f = c.features
    f.update(_shape(c.text, "o_"))
    name = c.text
    count = head.count(name) if len(name) >= 3 else 0
    f[f"o_count={_bucket(count, (0, 1, 2, 5))}"] = 1.0
    first = head.find(name)
    f[f"o_first={_bucket(first, (-1, 200, 1000, 2500)) if first >= 0 else 'none'}"] = 1.0
    acronyms = _PAREN_NAME.findall(name) + _ACRONYM.findall(name)
    if acronyms:
        f["o_acronym"] = 1.0
        uses = max(ctx.acronyms[a] for a in acronyms)
        f[f"o_acronym_uses={_bucket(uses, (1, 3))}"] = 1.0
    words = _words(name)
    if host and _names_host(words, acronyms, host):
        f["o_host"] = 1.0
    if any(_names_host(words, acronyms, h) for h in ctx.mail_hosts):
        f["o_mail"] = 1.0
    if len(name) >= 3 and name in ctx.first_line and name != ctx.first_line.strip():
        f["o_in_first_line"] = 1.0  # a part of the page's title-like first line ("ROLE | ORG")
    if len(words) == 1:
        word = name.strip("()")
        if rules._ORG_WORDS.fullmatch(words[0]):
            f["o_single_noun"] = 1.0
        if word.isupper():
            f[f"o_single_upper={_bucket(len(word), (3, 5, 7))}"] = 1.0
            if _word_count(fold(word), ctx.folded_head) > ctx.acronyms[word]:
                f["o_single_upper_also_lower"] = 1.0
    if words and words[-1] in _CONNECTORS:
        f["o_end_connector"] = 1.0
    if first >= 0:  # where the name's first mention is: does the name seem to go on?
        after = head[first + len(name) : first + len(name) + 2].lstrip(" ")
        before = head[max(0, first - 30) : first].split()
        if after[:1] in _OPENING_QUOTES or after[:1] in '(“"':
            f["o_continues_quote"] = 1.0
        elif after[:1].isalpha():
            f[f"o_continues_{'upper' if after[:1].isupper() else 'lower'}"] = 1.0
        if before and before[-1][:1].isupper() and not before[-1].endswith((".", ":")):
            f["o_after_capital"] = 1.0
    if _PRONOUN_START.match(fold(name)):
        f["o_pronoun"] = 1.0
    if len(words) >= 2 and name.split()[-1][:1].islower():
        f["o_lower_last"] = 1.0  # "Fondo de Justicia se están": a sentence goes on
    if _POSTING_WORD.search(fold(name)):
        f["o_posting_word"] = 1.0  # "Humanitarian Jobs": a job board, not an employer
    if first >= 0 and _funded(ctx.folded_head, first, name):
        f["o_funder"] = 1.0  # "supported by the National Endowment for Democracy"
    if _is_place(name):
        f["o_place"] = 1.0  # "République Démocratique du Congo"
    if ctx.title_line is not None and c.line is not None and 0 < c.line - ctx.title_line <= 2:
        f["o_after_title"] = 1.0
    f["o_sources"] = float(sum(1 for k in f if k.startswith("src=")))
    if c.chain:
        f["o_chain"] = 1.0  # the rules' own answer


_PAREN_ACRONYM = re.compile(r"\(([A-ZА-Я][A-Za-zА-Яа-я&]{1,9})\)")
_SEGMENT_END = re.compile(r"[\n()][^\n()]*\Z")


def _expansions(text: str) -> dict[str, str]:
    """Acronyms given in parentheses after their full name, the nearest run of words before
    them that starts with the acronym's letter and holds about as many words as it has letters:
    {"OSDH": "Observatoire sahélien des droits humains (OSDH)"}."""
    out: dict[str, str] = {}
    for m in _PAREN_ACRONYM.finditer(text):
        acronym = m.group(1)
        if acronym in out:
            continue
        # the words before the parenthesis, back to the line start or another parenthesis
        before = text[max(0, m.start() - 161) : m.start()]
        if cut := _SEGMENT_END.search(before):
            before = before[cut.start() + 1 :]
        words = before.rstrip()[-160:].split()[-12:]
        for k in range(1, len(words) + 1):
            span = words[-k:]
            content = [w for w in span if fold(w) not in _CONNECTORS]
            first = _ELISION.sub("", span[0])
            if fold(first[:1]) == fold(acronym[:1]) and len(content) >= len(acronym) - 1:
                if len(content) <= len(acronym) + 2:
                    out[acronym] = f"{' '.join(span)} ({acronym})"
                break
    return out


_GEORGIAN = re.compile(r"[\u10d0-\u10ff\u1c90-\u1cbf]")


def _caseless(word: str) -> bool:
    """Whether `word` is of a script written without capitals (Arabic, Georgian: its Mtavruli
    capitals are for headings, so Python calls every ordinary Georgian letter lower case)."""
    first = word[:1]
    return first.isalpha() and (first.lower() == first.upper() or bool(_GEORGIAN.match(first)))


# Verbs that follow a name as its predicate ("Центр ищет координатора", "Nadace hledá"): a
# name never runs on into them.
_SPAN_VERB = re.compile(
    r"ищет|ищем|набирает|объявляет|приглашает|шукає|оголошує|запрошує|hleda|hledame|vyhlasuje"
    r"|poszukuje|szuka|zatrudni|oglasza|trazi|trazimo|тражи|busca|contrata|selecciona"
    r"|convoca|recrute|recherche|lance|procura|seleciona|sucht|seeks|hires|invites|announces"
    # auxiliaries, copulas and what an organisation does ("X is", "X defends", "X works")
    r"|is|are|was|were|has|have|will|est|sont|es|son|ist|sind|je|jest|defends|works|supports"
    r"|promotes|provides|protects|advocates|aims|believes|helps|fights|monitors|operates|runs"
    r"|offers|defend|defiende|trabaja|promueve|soutient|travaille|promeut|lutte|حاجتها|حاجته"
)


def _noun_spans(line: str, folded: str) -> list[str]:
    """Names of two or more words built around an organisation noun that may continue in lower
    case: from the furthest capitalised word of an unbroken run before the noun (at most four
    words back), to 0-5 words after it, never across punctuation other than quotes, never holding
    a role word ("Национално бюро за правна помощ", "Фонд «Право и защита»"); in scripts without
    capitals, also the one to four words before the noun ("ახალგაზრდა იურისტთა ასოციაცია"), and
    in Georgian only those."""
    if not rules._ORG_WORDS.search(folded) and "_" not in line:
        return []  # no organisation noun: the common case, answered from the word cache
    found = list(_TOKEN.finditer(line))
    tokens = [t.group(0) for t in found]
    starts = [t.start() for t in found]
    ends = [t.end() for t in found]
    keys = [folded[a:b] for a, b in zip(starts, ends, strict=True)]  # folding keeps offsets
    spans: list[tuple[int, int]] = []  # offsets of the names
    heads: list[str] = []  # names ending in a noun of a script without capitals may name a role
    for n in [n for n, key in enumerate(keys) if rules._ORG_WORDS.fullmatch(key)]:
        word = tokens[n]
        start = n if word[:1].isupper() or _caseless(word) else None
        for back in range(n - 1, max(-1, n - 5), -1):
            if tokens[back][:1].isupper():
                start = back
            elif keys[back] not in _CONNECTORS:
                break
        back = n - 1
        while _caseless(word) and back >= max(0, n - 4) and _caseless(tokens[back]):
            heads.append(line[starts[back] : ends[n]])  # head-final: "... იურისტთა ასოციაცია"
            back -= 1
        if start is None or _GEORGIAN.match(word):
            continue  # Georgian puts a name's words before its noun, a verb after it
        end = n
        while end + 1 < len(tokens) and end - n < ORG_SPAN_WORDS:
            nxt = tokens[end + 1]
            if not nxt[:1].isalnum() and nxt not in _QUOTES or _SPAN_VERB.fullmatch(keys[end + 1]):
                break
            end += 1
            if end > start and nxt not in _OPENING_QUOTES:
                spans.append((starts[start], ends[end]))
        quoted = n + 1 < len(tokens) and tokens[n + 1] in _OPENING_QUOTES
        if n > start and not quoted:  # "Фонд «Право и защита»" goes on into its quoted name
            spans.append((starts[start], ends[n]))
    return heads + [
        line[a:b]
        for a, b in spans
        if len(rules._LEADING_ORG_NOISE.sub("", line[a:b]).split()) >= 2
        and not rules._ROLE_RE.search(folded[a:b])  # folding keeps offsets
    ]


_NAME_RUN = re.compile(
    rf"{_CAP_WORD}(?:[ \t]+(?:(?:of|for|on|and|the|de|des|du|la|le|del|y|et|pour|für|und)[ \t]+)*"
    rf"{_CAP_WORD}){{0,6}}"
)
SPELLED_NAMES = 3  # at most this many names spelled by a host or an acronym are proposed


def _spelled_names(head: str, hosts: set[str], uses: Counter[str]) -> list[str]:
    """Runs of capitalised words (or their first words) that a host name or an e-mail domain
    spells ("Educo" for educo.org), or whose initials are an acronym the text uses twice or more
    ("Avocats Sans Frontières" for "ASF"; `uses` counts the acronyms of `head`): names a posting
    gives without an organisation word."""
    hosts = {h for h in hosts if len(h) >= 3}
    acronyms = {a for a, n in uses.items() if n >= 2 and len(a) >= 3}
    if not hosts and not acronyms:
        return []
    found: list[str] = []
    firsts = {h[0] for h in hosts} | {fold(a[0]) for a in acronyms}
    for m in _NAME_RUN.finditer(head):
        words = m.group(0).split()
        lead = _word_tuple(words[0])
        if lead and lead[0][0] not in firsts and lead[0] not in _CONNECTORS:
            continue  # the common case, told by the first word alone
        parts = [_word_tuple(w) for w in words]  # a name's folded words, space by space
        keys = [key for part in parts for key in part]
        content = [w for w in keys if w not in _CONNECTORS]
        if not keys or (keys[0][0] not in firsts and (not content or content[0][0] not in firsts)):
            continue  # starts neither a host name nor an acronym
        # spelled with its article ("La Cimade", lacimade.org), else from its first word that
        # is no article ("The Guardian Project", guardianproject.info)
        first = next((i for i, part in enumerate(parts) if not set(part) <= _CONNECTORS), 0)
        name = _spelled_from(0, words, parts, hosts, acronyms)
        if name is None and first:
            name = _spelled_from(first, words, parts, hosts, acronyms)
        if name is not None and name not in found:
            found.append(name)
        if len(found) >= SPELLED_NAMES:
            break
    return found


def _spelled_from(
    start: int, words: list[str], parts: list[tuple[str, ...]], hosts: set[str], acronyms: set[str]
) -> str | None:
    """The longest run of `words` from `start` that a host spells, or whose initials are one of
    the `acronyms` (two words or more, not all capitals); None when none is."""
    for k in range(len(words), start, -1):
        folded = [key for part in parts[start:k] for key in part]
        initials = "".join(w[0] for w in folded if w not in _CONNECTORS)
        name = " ".join(words[start:k])
        if any(h == "".join(folded) or h == initials for h in hosts) or (
            k - start >= 2 and initials.upper() in acronyms and not name.isupper()
        ):
            return name
    return None


HOST_SPAN_WORDS = 6  # a name a host spells word for word has at most this many words
_HOST_ARTICLES = ("the", "les", "los", "las", "la", "le", "el", "il")  # "La Cimade", lacimade.org
_SPAN_WORD = re.compile(r"[^\W_][^\s,;:()/|]*")


def host_spans(head: str, hosts: set[str], folded: str | None = None) -> list[str]:
    """Names a host spells word for word, lower-case words and articles included: "Défenseur
    des droits" (defenseurdesdroits.fr), "Terre des jeunes" (terredesjeunes.org); for a
    hyphenated host, its content words ("Les Territoires de la Mémoire", territoires-memoire.be),
    or its start ("Access Info" of "Access Info Europe", access-info.org). Only the words where
    the host's first three letters, or its leading article, start a word are read (`folded`:
    `head` folded)."""
    joined = {h.replace("-", "") for h in hosts if len(h.replace("-", "")) >= 6}
    if not joined:
        return []
    folded = fold(head) if folded is None else folded
    prefixes = {next((a for a in _HOST_ARTICLES if h.startswith(a)), h[:3]) for h in joined}
    starts = sorted(
        {m.start() for p in prefixes for m in re.finditer(rf"(?<![^\W_]){re.escape(p)}", folded)}
    )
    found: list[str] = []
    for start in starts:
        words = islice(_SPAN_WORD.finditer(head, start), HOST_SPAN_WORDS)
        first = next(words, None)
        if first is None or first.start() != start:
            continue
        if not (first.group(0)[:1].isupper() or first.group(0)[:1].isdigit()):
            continue
        spelled = content = ""
        for last in chain([first], words):
            keys = _word_tuple(last.group(0))
            spelled += "".join(keys)
            content += "".join(k for k in keys if k not in _CONNECTORS)
            if not any(h.startswith(spelled) or h.startswith(content) for h in joined):
                break
            if spelled in joined or content in joined:
                name = head[first.start() : last.end()]
                if name not in found:
                    found.append(name)
                break
    return found


# A lower-case word for a kind of body before a capitalised name ("l'association Droits Devant",
# "la fundación Derechos Ya", "de stichting Rechtenwacht").
_KIND_OF_BODY = re.compile(
    r"(?:association|associazione|asociacion|associacao|fondation|fundacion|fundacao|fondazione"
    r"|organizacion|organizacao|organizzazione|collectif|colectivo|coletivo"
    r"|cooperative|cooperativa|stichting|verein|stiftung|foundation|organi[sz]ation|ong|ngo)"
    r"\s+"
)


def _org_name(text: str) -> str | None:
    """`text` as an organisation's name, or None when it cannot be one."""
    # a name holds no "LABEL:" before it ("JOB DESCRIPTION: The Office of ...")
    cleaned = rules._clean_org(text.split(": ")[-1], drop_place=True)
    m = cleaned and cleaned[:1].islower() and _KIND_OF_BODY.match(fold(cleaned))
    if m and cleaned[m.end() :][:1].isupper():
        cleaned = cleaned[m.end() :]  # "l'association Droits Devant" -> "Droits Devant"
    if (
        cleaned
        and (not cleaned[:1].islower() or _caseless(cleaned))  # capitalised where letters have case
        and not _PRONOUN_START.match(fold(cleaned))  # "We are ..." names nobody
        and balanced(cleaned)
        and (last := _words(cleaned)[-1:])
        and last[0] not in _NAME_NEVER_ENDS
    ):
        return cleaned
    return None


# Verbs that announce a vacancy after the organisation's name ("... აცხადებს კონკურსს",
# "ОПОРА оголошує конкурс", "Asociația X anunță concurs").
_ANNOUNCES = re.compile(
    r"\s(?:აცხადებს|оголошує|объявляет|anunta|anunca|anuncia|annonce|announces|ogłasza|oglasza"
    r"|vyhlasuje|abre|lance|lanseaza|duyurur|ilan\s+ediyor)\s"
)
ANNOUNCER_WORDS = 8  # the subject of an announcing verb has at most this many words


def _announcers(doc: Doc) -> list[tuple[str, str]]:
    """(subject, sentence) of the first sentences whose subject announces something."""
    found = []
    for sentence, folded in list(zip(doc.sentences, doc.folded_sentences, strict=True))[:15]:
        m = _ANNOUNCES.search(folded)
        if m and len(sentence[: m.start()].split()) <= ANNOUNCER_WORDS:
            found.append((sentence[: m.start()], sentence))
    return found


# Verbs of an organisation that is recruiting, after its name ("Guardian Project is looking for",
# "Informativno pravni centar traži", "Demokraci Plus (D+) është në kërkim të", "UPP sta
# selezionando", "Fundacja X ogłosiła nabór").
_SEEKING = re.compile(
    r"\s(?:is\s+|are\s+)?(?:looking\s+for|seeking|seeks|hiring|recruiting|recrute|recrut"
    r"|recherche|sucht|trazi|kerkon|eshte\s+ne\s+kerkim|търси|ищет|шукає|cerca|sta\s+selezionando"
    r"|seleziona|apre\s+una\s+(?:nuova\s+)?selezione|busca|procura|poszukuje|og[lł]asza"
    r"|og[lł]osi[lł]a?|raspisuje|objavljuje|shpall\w*|обявява|elan\s+edir|soker|zoekt|hleda"
    r"|esta\s+com\s+vagas?|esta\s+contratando|abre\s+(?:vagas?|processo\s+seletivo)"
    r"|offering|invites\s+applications|is\s+accepting\s+applications|propose\s+une?\s+(?:stage"
    r"|poste|mission|service\s+civique)|ofrece\s+una?\s+(?:plaza|puesto|pasantia|practica))\s"
)
_CLAUSE_END = re.compile(r"[,;]\s|\.\s+(?=[A-ZÀ-ÞА-ЯЁІЇЄ])")
SEEKER_WORDS = 12  # a recruiting subject's name has at most this many words


def _seekers(doc: Doc) -> list[tuple[str, str]]:
    """(name, sentence) for the subject of a recruiting verb in the first sentences: the whole
    subject, its part before the first comma and its part after the last comma or full stop
    ("TERMOLI. La Cooperativa X apre una selezione" -> "La Cooperativa X")."""
    found = []
    for sentence, folded in list(zip(doc.sentences, doc.folded_sentences, strict=True))[:15]:
        m = _SEEKING.search(folded)
        if not m:
            continue
        subject = sentence[: m.start()]
        cuts = list(_CLAUSE_END.finditer(subject))
        parts = [subject]
        if cuts:
            parts += [subject[: cuts[0].start()], subject[cuts[-1].end() :]]
        found += [(p, sentence) for p in parts if 0 < len(p.split()) <= SEEKER_WORDS]
    return found


# What sets a funder apart from the employer: "funded by NAME", "NAME მიერ მხარდაჭერილი".
_FUNDED_BY = re.compile(
    r"(?:(?:funded|supported|sponsored|financed)\s+by|support\s+(?:of|from)|grant\s+from"
    r"|financ\w*\s+(?:par|por|de|by|da)|soutien\s+d[eu]|apoyo\s+de|apoio\s+d[aoe]|sprijinul"
    r"|wsparciu|підтримки|поддержке|gefordert\s+(?:von|durch)|unterstutzung\s+(?:von|der|des))"
    r"\s+(?:the\s+|la\s+|le\s+|l'|el\s+|o\s+|a\s+)?$"
)
_FUNDED_AFTER = re.compile(r"^\s*მიერ\s+(?:მხარდაჭერილ|დაფინანსებულ)|^\s*\(?(?:-funded|funded)")


def _funded(folded_head: str, first: int, name: str) -> bool:
    """Whether the first mention of `name` (at `first`) is as a funder of the work."""
    if "მიერ" in name:
        return True
    before = folded_head[max(0, first - 40) : first]
    after = folded_head[first + len(name) : first + len(name) + 30]
    return bool(_FUNDED_BY.search(before) or _FUNDED_AFTER.match(after))


def _at_headline(doc: Doc, org: str) -> bool:
    """Whether the headline named `org` after "at" ("Vacancy at ORG: TITLE", "TITLE at ORG"),
    a surer form than a subject before a verb ("ORG seeks ..."), which often takes a fragment."""
    for _, line in rules._header(doc)[:6]:
        m = rules._VACANCY_AT.match(line) or rules.title_at(line)
        if m and m["org"].strip() == org:
            return True
    return False


def org_candidates(doc: Doc, head_org: str | None, title_line: int | None) -> list[Candidate]:
    """Every organisation a rule or a name in the text proposes, with its features."""
    found: list[Candidate] = []
    cleaned_of: dict[str, str | None] = {}  # a name is proposed by many rules

    def add(source: str, text: str | None, evidence: str, line: int | None = None) -> None:
        if not text:
            return
        if text not in cleaned_of:
            cleaned_of[text] = _org_name(text)
        if cleaned := cleaned_of[text]:
            found.append(Candidate(cleaned, {f"src={source}": 1.0}, line, evidence or text))

    source = "o_headline_at" if head_org and _at_headline(doc, head_org) else "o_headline"
    add(source, head_org and rules._clean_org(head_org, drop_place=True), "")
    for value, line in doc.fields(rules._ORG_LABEL):
        add("o_label", value, line)
        break
    add("o_after", *rules._org_after_title(doc, title_line))
    add("o_subject", *rules._subject_org(doc))
    add("o_opening", *rules._opening_org(doc))
    add("o_acronym_rule", *rules._acronym_org(doc))
    add("o_known", *rules._known_org(doc))
    add("o_fallback", *rules._fallback_org(doc))
    for subject, sentence in _announcers(doc):
        add("o_announcer", subject, sentence)
    for subject, sentence in _seekers(doc):
        add("o_seeker", subject, sentence)
    if found:
        found[0].chain = True
    head, folded_head = doc.text[:ORG_CHARS], doc.folded[:ORG_CHARS]
    line_starts = [0, *(m.end() for m in _NEWLINE.finditer(head))]
    for m in _CAP_SPAN.finditer(head):
        span = m.group(0)
        if rules._ORG_WORDS.search(folded_head[m.start() : m.end()]) and (
            len(rules._LEADING_ORG_NOISE.sub("", span).split()) >= 2
        ):
            line = bisect_right(line_starts, m.start()) - 1
            add("o_span", span, span, line)
    expansions = _expansions(head)
    for m in rules.acronym_names(head):
        if not rules._ROLE_RE.search(fold(m.group(1))):  # "Field Researcher (Myanmar)" names a role
            add("o_acronym_name", f"{m.group(1).strip()} ({m.group(2)})", m.group(0))
    for expansion in expansions.values():
        add("o_expansion", expansion, expansion)
    for name, line_text in rules.legal_names(head):
        add("o_legal", name, line_text)
    acronyms = Counter(_ACRONYM.findall(head))
    for acronym in sorted(acronyms):
        if len(acronym) >= 3:
            add("o_acronym_alone", expansions.get(acronym, acronym), acronym)
    for i, (line, folded) in enumerate(zip(head.split("\n"), folded_head.split("\n"), strict=True)):
        for span in _noun_spans(line, folded):
            add("o_noun_span", span, line, i)
    host, mails = host_name(doc.url), mail_hosts(head)
    for name in _spelled_names(head, {host, *mails}, acronyms):
        add("o_spelled", name, name)
    for name in host_spans(head, host_labels(doc.url) | mails, folded_head):
        add("o_spelled", name, name)
    merged = _merge(found)
    ctx = _OrgContext(
        head,
        host,
        mails,
        doc.lines[0] if doc.lines else "",
        title_line,
        acronyms,
        folded_head,
    )
    keys = [" ".join(_word_tuple(c.text)) for c in merged]
    for c, key in zip(merged, keys, strict=True):
        _org_features(c, ctx)
        if any(key != other and f" {key} " in f" {other} " for other in keys):
            c.features["o_part_of_other"] = 1.0  # "Forum" beside "Rights Forum"
        if any(key != other and f" {other} " in f" {key} " for other in keys):
            c.features["o_holds_other"] = 1.0  # "Rights Forum" beside "Forum"
    return merged


def best(candidates: list[Candidate], model: LinearModel) -> tuple[Candidate | None, float]:
    """The highest-scoring candidate and its probability; None below the model's threshold."""
    scored = [(model.probability(c.features), -n, c) for n, c in enumerate(candidates)]
    if not scored:
        return None, 0.0
    p, _, top = max(scored, key=lambda s: s[:2])
    if model.prefer_rules:
        chain = next(((q, c) for q, _, c in scored if c.chain), None)
        if chain and chain[0] >= model.threshold:
            return chain[1], chain[0]
    return (top if p >= model.threshold else None), p


_ROLE_END = re.compile(rf"(?:{rules._ROLE_NOUN})\W*", re.IGNORECASE)


def _a_role(name: str, title: str | None) -> bool:
    """Whether an organisation candidate names a role: the posting's title ("Programme
    Manager" on the first line), or a name ending with a role ("Programme Officer")."""
    words = _words(name)
    return bool(words) and (
        (title is not None and words == _words(title))
        or bool(_ROLE_END.fullmatch(name.split()[-1]))
    )


# A place's office or team in lower case ("our Berlin office", "the Nairobi team"): no name.
_PLACE_UNIT = re.compile(
    r"(?:office|offices|team|bureau|hub|branch|desk|headquarters|buro|oficina|escritorio|equipe"
    r"|equipo|офис|офіс)"
)


# A work arrangement given as a location ("Remote (Europe)", "Home-based", "Hybrid - Berlin").
_WORK_MODE = re.compile(r"(?:remote|hybrid|home[-\s]?based|anywhere|worldwide|on[-\s]?site)\b")


_TRAILING_BRACKET = re.compile(r"\s*\([^()]{1,30}\)$")


def _a_place_unit(name: str) -> bool:
    """Whether an organisation candidate is a place, a place's office or team ("Berlin office",
    "Nairobi office with ...") or a work arrangement given as a location ("Remote (Europe)")."""
    if _WORK_MODE.match(name.lower()) or _is_place(name):
        return True
    if name.endswith(")") and _is_place(_TRAILING_BRACKET.sub("", name)):
        return True  # "Recife (PE)", "Gulu (Uganda)"
    words = name.split()
    return any(  # "Berlin office", "Nairobi office with up to two"
        word.islower() and _PLACE_UNIT.fullmatch(fold(word)) and _is_place(" ".join(words[:i]))
        for i, word in enumerate(words[1:4], 1)
    )


def _a_reference(c: Candidate, candidates: list[Candidate]) -> bool:
    """Whether a candidate is a bare organisation noun that refers back to a longer candidate
    holding it ("the Forum" after "Rights Forum"): not a name of its own."""
    if " " in c.text.strip() or not rules._ORG_WORDS.fullmatch(word := fold(c.text.strip())):
        return False
    return any(other is not c and word in _words(other.text) for other in candidates)


def find_title_and_org(doc: Doc) -> Names:
    """The title and organisation of a posting, with the lines they came from."""
    if doc.title:
        out = rules.find_title_and_org(doc)
        if out.organization and not doc.organization:
            out.organization = _org_name(out.organization)  # "We", "JOB DESCRIPTION: The X"
        return out
    out = Names()
    trained = models()
    headline = rules._headline(doc)
    title, _ = best(title_candidates(doc, headline), trained["title"])
    if title:
        out.title, out.title_line, out.title_evidence = title.text, title.line, title.evidence
    _, head_org, head_line, _ = headline
    if out.title_line is None:
        out.title_line = head_line
    if doc.organization:
        out.organization, out.org_evidence = doc.organization.strip(), doc.organization
    else:
        candidates = org_candidates(doc, head_org, out.title_line)
        candidates = [
            c
            for c in candidates
            if not _a_role(c.text, out.title)
            and not _a_place_unit(c.text)
            and not _a_reference(c, candidates)
        ]
        org, _ = best(candidates, trained["organization"])
        if org:
            out.organization, out.org_evidence = org.text, org.evidence
    if out.title:
        out.title = finished_title(out.title, doc)
    if out.title and out.organization:
        cleaned = rules._clean_title(out.title, out.organization)
        out.title = rules.trim_title(cleaned) if cleaned != out.title else cleaned
    return out


def finished_title(title: str, doc: Doc) -> str:
    """A chosen title candidate as extraction gives it: the role after a recruiting verb, its
    first sentence, tidied (a gender mark, an article or the working time dropped, a Slavic role
    in the nominative). The trainer labels each candidate by this text, the one a user would
    see."""
    title = role_after_verb(title)
    sentences = split_sentences(title)
    if len(sentences) > 1 and _SENTENCE_LAST_WORD.search(sentences[0]):
        title = sentences[0].rstrip(" .")
    return rules.tidy_title(title, doc.text[:ORG_CHARS])


# The end of a whole sentence, not of an abbreviation ("ds.", "Dkt.") or an acronym ("NZME."):
# a word of four letters or more, not all capitals, before the full stop.
_SENTENCE_LAST_WORD = re.compile(r"\w*[^\W\d_A-Z](?<=\w{4})\.$")


def role_after_verb(title: str) -> str:
    """A chosen headline's role after its recruiting verb, when what follows names a role
    ("Hacks/Hackers seeks Community Coordinator" -> "Community Coordinator", "Wir suchen
    Jurist*in!" -> "Jurist*in"); else the title as it is."""
    m = _RECRUIT.search(fold(title) + " ")
    if m is None or m.end() >= len(title):
        return title
    rest = title[m.end() :].strip(" :!–—-.;")
    if not rules._ROLE_RE.search(fold(rest)):
        return title
    return rules._clean_title(rest) or title
