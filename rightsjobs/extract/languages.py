"""Languages the posting requires, those it names as an asset, and "at least N of" rules.

Only sentences about language skills count: they carry a proficiency or preference cue
("fluency in", "excellent", "knowledge of", "is an asset", "capable de travailler en",
"dominio del", "владение") or sit under a "Languages" heading. A language name followed by an
ordinary noun ("Belarusian issues", "Russian authorities") is a demonym, not a language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rightsjobs.extract.lexicon import Hit, NameIndex, load_table, name_mode
from rightsjobs.extract.text import Doc, clip, fold, split_sentences, tokens

_CUE = re.compile(
    r"fluen|proficien|knowledge\s+of|command\s+of|excellent|good\s+(?:level|command|knowledge)"
    r"|written\s+and\s+(?:spoken|oral)|spoken\s+and\s+written|oral\s+and\s+written|native"
    r"|mother\s+tongue|working\s+(?:knowledge|level)|(?:ability|able)\s+to\s+(?:work|communicate"
    r"|write|speak)|must\s+speak|speak|language\s+(?:skills|requirements?)|skills\s+in"
    r"|capables?\s+de\s+travailler\s+en|maitrise|connaissance|courant|bilingue|dominio"
    r"|conocimiento|manejo|fluidez|nivel|владени|знани|свободн|владеть|kunskaper|flytande"
    r"|kenntnisse|fliessend|знання|володіння|вільн"
)
# Cues that make the languages of their segment required, whatever the segments around say.
_REQUIRED = re.compile(
    r"\b(?:required|requires?|requiere|requerid[oa]|essential|mandatory|must|excellen\w*|fluen\w*"
    r"|native|mother\s+tongue|obligatoire|requis|exig\w*|indispensable|imprescindible|obligatorio"
    r"|требуется|свободн\w*|обязательн\w*|необходим\w*|krav|kravs|erforderlich"
    r"|capables?\s+de\s+travailler)\b"
)
# Cues that make the languages of their segment (and of the segments before it) desirable.
_DESIRABLE = re.compile(
    r"\b(?:asset|desirable|advantage\w*|preferred|a\s+plus|added\s+value|beneficial"
    r"|nice\s+to\s+have|would\s+be\s+useful|atout|souhaitable|un\s+plus|apprecie\w*|avantage"
    r"|deseable|valorar\w*|valorad\w*|preferible|ventaja|желательн\w*|преимуществ\w*|плюсом"
    r"|перевагою|бажано|merit|meriterande|von\s+vorteil|wunschenswert)\b"
)
# Adverbs that make only the language right after them desirable ("and preferably Belarusian").
_PREFERABLY = re.compile(
    r"\s*(?:preferably|ideally|de\s+preference|preferentemente|preferiblemente|желательно)\b"
)
# "... e inglés intermedio deseable": a conjunction, then one language with its own preference.
_LOCAL_DESIRABLE = re.compile(
    r"\s(?:and|or|et|ou|y|e|o|и|или|och|und)\s+(?=\S+\s+(?:\S+\s+)?(?:desirable|deseable"
    r"|souhaitable|preferred|preferable|preferible|желательн\w*|valorad[oa])\b)"
)
_SEGMENT = re.compile(
    r"[;,:]|\b(?:and|et|y|и|och|und)\s+(?=(?:preferably|ideally|de\s+preference|preferentemente"
    r"|preferiblemente|желательно)\b)|\b(?:while|whereas|but|mais|pero|но|men|aber)\b"
)
_RULE = re.compile(
    r"\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of|any|au\s+moins|al\s+menos|como\s+minimo"
    r"|не\s+менее|как\s+минимум|минимум|minst|mindestens)\s+(one|two|three|four|1|2|3|4|deux|trois"
    r"|dos|tres|uno|una|одним|одного|двумя|двух|тремя|трех|два|три|ett|tva|tre|zwei|drei)\b"
)
_NUMBERS = {
    "one": 1, "1": 1, "uno": 1, "una": 1, "одним": 1, "одного": 1, "ett": 1,
    "two": 2, "2": 2, "deux": 2, "dos": 2, "двумя": 2, "двух": 2, "два": 2, "tva": 2, "zwei": 2,
    "three": 3, "3": 3, "trois": 3, "tres": 3, "тремя": 3, "трех": 3, "три": 3, "tre": 3, "drei": 3,
    "four": 4, "4": 4,
}  # fmt: skip
_OR = re.compile(r"^\s*(?:,\s*)?(?:and/or|et/ou|y/o|or|ou|o|или|або|eller|oder)\s*$")
_HEADING = re.compile(
    r"^(?:languages?|language\s+(?:skills|requirements?)|langues?|competences\s+linguistiques"
    r"|idiomas?|языки|знание\s+языков|sprak|sprachen)\W*$"
)
# Words that may follow a language name when it means the language.
_NEXT_OK = {
    "language", "languages", "langue", "langues", "idioma", "idiomas", "lengua", "lenguas",
    "язык", "языка", "языком", "языке", "языков", "мова", "мови", "мовою", "мовами", "spraket",
    "sprache", "and", "or", "et", "ou", "y", "o", "e", "и", "или", "та", "і", "och", "eller",
    "und", "oder", "is", "are", "est", "sont", "es", "son", "je", "skills", "proficiency",
    "speaker", "speakers", "fluency", "required", "essential", "mandatory", "desirable",
    "preferred", "an", "a", "would", "will", "at", "as", "both", "in", "plus", "also",
    "knowledge", "level", "nivel", "niveau", "obligatoire", "souhaitable", "requis", "un",
    "une", "el", "la", "le", "serait", "sera", "seria", "intermediate", "intermedio",
    "intermediaire", "basic", "basico", "advanced", "avanzado", "avance", "fluent", "fluido",
    "courant", "native", "nativo", "c1", "c2", "b1", "b2",
}  # fmt: skip


_SKILL_WORD = re.compile(rf"(?:{_REQUIRED.pattern}|{_DESIRABLE.pattern})")
_LANGUAGE_WORDS = ("langu", "idiom", "lengu", "язык", "мов", "sprach", "sprak")


@dataclass
class Languages:
    """Result of `find_languages`."""

    required: list[str] = field(default_factory=list)
    desirable: list[str] = field(default_factory=list)
    rule: dict | None = None
    evidence: dict[str, str] = field(default_factory=dict)


@cache
def _index() -> NameIndex:
    index = NameIndex()
    for code, names in load_table("languages.csv"):
        for name in names:
            index.add(name, code, name_mode(name))
    return index


def _languages(text: str) -> list[Hit]:
    """Language names in `text` that stand for the language (not a demonym before a noun)."""
    hits = _index().find(text)
    starts = {h.start for h in hits}
    out = []
    for h in hits:
        rest = text[h.end :]
        gap = rest[: len(rest) - len(rest.lstrip())]
        nxt = tokens(rest[:40])
        if (
            not nxt
            or rest.lstrip()[:1] in ",.;:)(/-–"
            or h.end + len(gap) in starts
            or gap.strip()
            or (
                nxt[0].key in _NEXT_OK
                or nxt[0].key.startswith(_LANGUAGE_WORDS)
                or _SKILL_WORD.match(fold(rest.lstrip()))
            )
        ):
            out.append(h)
    return out


def _rule(folded: str, sentence: str) -> dict | None:
    m = _RULE.search(folded)
    if not m:
        return None
    codes = list(dict.fromkeys(h.value for h in _languages(sentence[m.end() :])))
    n = _NUMBERS[m.group(1)]
    return {"at_least": n, "of": codes} if len(codes) > n else None


def _segments(sentence: str) -> list[tuple[str, bool]]:
    """Clauses of a sentence, each with a flag for a preference that stays local: "preferably X"
    and "X (intermedio) deseable" after another language make X alone desirable."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _SEGMENT.finditer(fold(sentence)):
        out.append((sentence[pos : m.start()], False))
        pos = m.end()
    out.append((sentence[pos:], False))
    split: list[tuple[str, bool]] = []
    for seg, _ in out:
        m = _LOCAL_DESIRABLE.search(fold(seg))
        if m and _languages(seg[: m.start()]):
            split += [(seg[: m.start()], False), (seg[m.end() :], True)]
        else:
            split.append((seg, bool(_PREFERABLY.match(fold(seg)))))
    return [(s, local) for s, local in split if s.strip()]


def _kinds(segments: list[tuple[str, bool]]) -> list[str]:
    """ "required" or "desirable" per segment; an undecided segment takes the next decision
    (so "French, Spanish or Arabic would be an asset" makes all three desirable), except from a
    local preference."""
    kinds: list[str | None] = []
    for seg, local in segments:
        folded = fold(seg)
        if local or _DESIRABLE.search(folded):
            kinds.append("desirable")
        elif _REQUIRED.search(folded):
            kinds.append("required")
        else:
            kinds.append(None)
    decided, out = "required", []
    for (_, local), kind in zip(reversed(segments), reversed(kinds), strict=True):
        out.append(kind or decided)
        if kind and not local:
            decided = kind
    return out[::-1]


def _language_sentences(doc: Doc) -> list[str]:
    """Sentences about language skills, and the lines under a "Languages" heading."""
    out: list[str] = []
    heading = False
    for line in doc.lines:
        if _HEADING.match(fold(line)):
            heading = True
            continue
        for sentence in split_sentences(line):
            folded = fold(sentence)
            short = heading and len(sentence.split()) <= 8  # "English - fluent" under "Languages"
            if short or _CUE.search(folded) or _DESIRABLE.search(folded):
                out.append(sentence)
        heading = heading and len(line) < 80
    return out


def find_languages(doc: Doc) -> Languages:
    """Required and desirable languages (ISO 639-1) and a language rule, with evidence."""
    out = Languages()
    for sentence in _language_sentences(doc):
        if not _languages(sentence):
            continue
        folded = fold(sentence)
        if out.rule is None and (rule := _rule(folded, sentence)):
            clause = next(
                c for c in reversed(re.split(r"(?<=;)", sentence)) if _RULE.search(fold(c))
            )
            out.rule, out.evidence["language_rule"] = rule, clip(clause.strip(" ;"))
            continue
        segments = _segments(sentence)
        for (seg, _), kind in zip(segments, _kinds(segments), strict=True):
            hits = _languages(seg)
            codes = [h.value for h in hits]
            if kind == "required" and len(codes) >= 2 and _all_or(seg, hits):
                if out.rule is None:
                    out.rule, out.evidence["language_rule"] = (
                        {"at_least": 1, "of": codes},
                        clip(sentence),
                    )
                continue
            target = out.required if kind == "required" else out.desirable
            for code in codes:
                if code not in target:
                    target.append(code)
                    out.evidence.setdefault(f"languages_{kind}", clip(sentence))
    ruled = set(out.rule["of"]) if out.rule else set()
    out.required = [c for c in out.required if c not in ruled]
    out.desirable = [c for c in out.desirable if c not in ruled and c not in out.required]
    return out


def _all_or(seg: str, hits: list[Hit]) -> bool:
    """True when each language of the segment is joined to the next by "or" ("French or Dari")."""
    return all(_OR.match(fold(seg[a.end : b.start])) for a, b in zip(hits, hits[1:], strict=False))
