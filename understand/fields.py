"""Contract type, seniority and remote status as learned taggers, read with plain code.

Each field is a multinomial logistic regression (`data/fields_model.json`, written by
`python -m eval.train_fields` from the corpus's train split) over binary features of a posting
that hold across languages:

- what the rules of `understand.contract` say (`rc:`/`rs:` their answer, `rc-title` when the
  contract came from the title);
- the title's words, folded and cut to their first `STEM` letters (`t:coord` for coordinator,
  coordinateur, coordinador, coordenador); the first line stands in for a missing title;
- the minimum years of experience asked, in bands (`y:none`, `y:0-2`, `y:3-5`, `y:6+`);
- cues in the opening of the text past its page furniture (`_CUES`, a menu's "Volunteer" is
  none): words naming an internship, a fellowship, a volunteer role, a consultancy's terms, a
  length in months, one in days, a fixed or open-ended contract, students or graduates, seniority
  words, a salary, in the corpus's languages.

`tag_fields(doc, title, hints, years)` gives both fields with their evidence; a platform's label
(`hints`) wins, and the taggers speak only where the rules find nothing (`decide`).
The evidence is the rules' when the model agrees with them, else the sentence of the cue that
pushed hardest towards the chosen class, else the title.

`remote` (yes | no | hybrid | unknown) is tagged over the answers of `understand.places` (the
rules' `remote`, and which explicit remote, hybrid or on-site cue fired, if any) and cues about
where the work is done anywhere in the text (`_REMOTE_CUES`: remote or home work, hybrid work,
an office or on-site presence, field work, words for a place of work, relocation, travel,
working hours). Unlike the other two it may overrule the rules (chosen by grouped
cross-validation); a platform's remote label still wins (`tag_remote`). A tagger is used only
where it beat the rules alone in grouped cross-validation on train by more than the standard
error of the difference (`beats_rules`, set by `eval.train_fields`): else the field is the
rules' answer. Its evidence is the
rules' when it agrees with them, else the sentence of the cue that pushed hardest, else the
duty station's for "no".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from understand.contract import (
    CONTRACT_TYPES,
    MANAGED_KINDS,
    SENIORITIES,
    contract_type,
    managed,
    seniority,
)
from understand.places import REMOTE, Places
from understand.text import Doc, first_matches, fold, sentence_at

MODEL_FILE = "fields_model.json"
FIELDS = ("contract_type", "seniority", "remote")
STEM = 5  # title words are cut to this many letters
OPENING = 3000  # the cues read this much of the text
_WORD = re.compile(r"[^\W\d_]{3,}")

# A count in words or digits, for lengths.
_COUNT = (
    r"(?:\d+|one|two|three|four|six|twelve|un|deux|trois|douze|uno|dos|tres|seis|doce|zwei|drei"
    r"|sechs|zwolf|due|tre|sei|dodici|dwa|trzy|szesc|dva|tri|sest|dy|gjashte|doi|trei|sase|tva"
    r"|sex)"
)
# What each cue catches is its name; its weight per class is learned (`eval/train_fields.py`).
_CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "internship",
        re.compile(
            r"\b(?:intern(?:s|ship\w*)?|trainee\w*|stagiaire\w*|stages?|pasant\w+|practicas"
            r"|estagi\w+|tirocin\w+|praktik\w*|стаж\w+|практикант\w*|студентск\w+\s+практик\w*|تدريب"
            r"|متدرب|staj\w*|πρακτικ\w*\s+ασκησ\w*)\b"
        ),
    ),
    (
        "fellowship",
        re.compile(
            r"\b(?:fellowship\w*|fellows?(?!\s+(?!(?:program\w*|position|role|post|will|would|is|was|to"
            r"|at|in|for|with|of|and|or|must|should|the|an?|who|on|based|from)\b)[a-z])|becas?|becari\w+"
            # a residency programme, not where one lives ("residente en", "immigration-residency")
            r"|bolsas?|bolsista\w*|bourses?|(?<!-)residency|residen(?:cia|te)s?\s+juridic\w+"
            r"|стипенди\w+|زمالة)\b"
        ),
    ),
    (
        "volunteer",
        re.compile(
            r"\b(?:volunt\w+|volont\w+|benevol\w+|unpaid|non\s+remunere\w*|no\s+remunerad\w+"
            r"|волонт\w+|доброво\w+|неплат\w+|wolontari\w+|vrijwillig\w*|ehrenamt\w*|freiwillig\w*"
            r"|dobrovol\w+|volonter\w*|تطوع\w*|gonullu\w*|εθελοντ\w*|vullnetar\w*)\b"
        ),
    ),
    (
        "consultancy terms",
        re.compile(
            r"\b(?:consult(?:ants?|anc(?:y|ies)|or(?:es|as?)?|oria|ant(?:e|es|a|as))|консультант\w*"
            r"|konsulent\w*|terms\s+of\s+reference|termes\s+de\s+reference|технічн\w+\s+завданн\w*"
            r"|техническ\w+\s+задани\w*|տեխնիկական\s+առաջադրանք|закупівл\w*\s+послуг"
            r"|external\s+evaluators?|extern\w*\s+(?:evaluator\w*|hodnotitel\w*|gutachter\w*)"
            r"|terminos\s+de\s+referencia|termos\s+de\s+referencia|deliverables|livrables"
            r"|productos\s+esperados|daily\s+(?:rate|fee)|honorair\w+|honorarios"
            r"|(?:call\s+for|invitation\s+to)\s+tender|appel\s+d'offres|financial\s+proposal"
            r"|offre\s+financiere|propuesta\s+economica)\b"
        ),
    ),
    (
        "length in months",
        re.compile(
            rf"\b{_COUNT}\s*(?:-\s*)?(?:months?|mois|meses|месяц\w*|місяц\w*|monate?n?|mesi|miesi\w+"
            r"|mjesec\w*|mesec\w*|muaj\w*|luni|manad\w*|maanden|ay|თვ\w*)\b"
            r"|\b(?:halvar|(?:\d+\s+)?(?:اشهر|شهرا))\b"
        ),
    ),
    (
        "length in days",
        re.compile(
            rf"\b{_COUNT}\s*(?:-\s*)?(?:days|jours|dias|дн\w+|tage?n?|giorni|dni|dana|dite|zile"
            r"|dagar|dagen|gun|დღ\w*)\b|\b(?:\d+\s+)?يوما\b"
        ),
    ),
    (
        "fixed or temporary",
        re.compile(
            r"\b(?:fixed[-\s]term|cdd|duree\s+determinee|temporary|temporaire|temporal|срочн\w+"
            r"|befristet\w*|maternity|replacement|remplacement|renewable|renouvelable"
            r"|renovable|tempo\s+determinato|prazo\s+determinado|na\s+czas\s+okreslony"
            r"|na\s+odre[dđ]eno|na\s+dobu\s+urcitou|perioada\s+determinata|visstid\w*"
            r"|bepaalde\s+tijd|(?:elternzeit|mutterschafts|krankheits)vertretung|rinnovabile|قابل\w*\s+للتجديد"
            r"|belirli\s+sureli|ορισμενου\s+χρονου|me\s+afat\s+(?:te\s+)?caktuar"
            r"|قابل\w*\s+للتمديد|موقت\w*)\b"
        ),
    ),
    (
        "a stated end",
        re.compile(
            r"\b(?:duration|contract|appointment|assignment|employment|position|post|initially"
            r"|period|duree|contrat|duracion|contrato|dauer|vertrag|срок|тривалість|договір"
            r"|договор)\b[^.\n]{0,80}?\b(?:until|till|through|to|ending|jusqu'(?:au|a|en)"
            r"|hasta|bis|до|по)\s+(?:the\s+)?(?:end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th|er)?"
            r"\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4}|\w+\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
            r"|\d{4})"
        ),
    ),
    (
        "extension",
        re.compile(
            r"\b(?:possib\w+\s+(?:of\s+)?(?:an\s+)?(?:extension|renewal)|(?:could|may|can)\s+be"
            r"\s+(?:extended|renewed)|subject\s+to\s+(?:funding|the\s+availability\s+of\s+funds)"
            r"|prolong\w+|prorrog\w+|verlanger\w*|продлен\w+|продовжен\w+|forlang\w*"
            r"|prelungi\w*|produz\w*|przedluz\w*|rinnov\w+)\b"
        ),
    ),
    (
        "open-ended",
        re.compile(
            r"\b(?:permanent|cdi|indeterminee|indefinid\w+|бессрочн\w+|безстрок\w+|unbefristet\w*"
            r"|open[-\s]ended|tempo\s+indeterminato|prazo\s+indeterminado|na\s+czas\s+nieokreslony"
            r"|na\s+neodre[dđ]eno|na\s+dobu\s+neurcitou|perioada\s+nedeterminata|tillsvidare\w*"
            r"|onbepaalde\s+tijd|kadro\w*)\b"
        ),
    ),
    (
        "students or graduates",
        re.compile(
            r"\b(?:students?|etudiant\w*|estudiant\w+|estudante\w*|студент\w*|graduates?"
            r"|jeunes\s+diplome\w*|recien\s+egresad\w+|recem[-\s]formad\w+|undergraduate\w*)\b"
        ),
    ),
    (
        "senior words",
        re.compile(
            r"\b(?:senior|head\s+of|chef\s+de|jefe\s+de|manag(?:e|es|ing)\s+(?:a\s+)?team"
            r"|supervis\w+|line\s+management|encadre\w+|руковод\w+|керівн\w+|старш\w+)\b"
        ),
    ),
    (
        "junior words",
        re.compile(r"\b(?:junior|entry[-\s]level|assistant\w*|asistente|ассистент\w*|младш\w+)\b"),
    ),
    (
        "director words",
        re.compile(
            r"\b(?:director\w*|directeur\w*|directrice|директор\w*|secretary[-\s]general"
            r"|deputy\s+head|executive\s+head)\b"
        ),
    ),
    (
        "salary",
        re.compile(r"\b(?:salary|salaire|salario|remuneration|зарплат\w+|заробітн\w+)\b"),
    ),
]
CUE_NAMES = tuple(name for name, _ in _CUES)
_CUE_PATTERNS = tuple(pattern for _, pattern in _CUES)


@dataclass
class Cues:
    """The binary features of one posting, with the sentence each cue fired on."""

    names: set[str]
    sentences: dict[str, str]  # feature -> sentence (cues only)


@dataclass
class Features(Cues):
    """What the contract and seniority taggers read, with the rules' answers and evidence."""

    rule_contract: tuple[str, str]
    rule_seniority: tuple[str, str]


def _years_band(years: int | None) -> str:
    if years is None:
        return "y:none"
    return "y:0-2" if years <= 2 else "y:3-5" if years <= 5 else "y:6+"


def features(
    doc: Doc, title: str | None, years: int | None, contract_hint: str | None = None
) -> Features:
    """What the taggers read of a posting (the same code trains and tags); a platform's contract
    label stands in for the rules' contract."""
    contract = contract_type(doc, title, contract_hint)
    level = seniority(doc, title, contract[0], None, years)
    names = {f"rc:{contract[0]}", f"rs:{level[0]}", _years_band(years)}
    if title and contract[1] == title:
        names.add("rc-title")
    heading = title or (doc.lines[0] if doc.lines else "")
    names.update(f"t:{w[:STEM]}" for w in _WORD.findall(fold(heading)))
    if not title:
        names.add("t:none")
    start = doc.start_char
    opening = doc.folded[start : start + OPENING]
    sentences = {}
    for name, pattern, m in zip(
        CUE_NAMES, _CUE_PATTERNS, first_matches(_CUE_PATTERNS, opening), strict=True
    ):
        if m and name in MANAGED_KINDS and managed(opening, *m.span()):  # "supervise interns"
            m = next(
                (x for x in pattern.finditer(opening, m.end()) if not managed(opening, *x.span())),
                None,
            )
        if m:
            sentences[f"c:{name}"] = sentence_at(doc.text, start + m.start())
    names.update(sentences)
    return Features(names, sentences, contract, level)


@dataclass(frozen=True)
class Tagger:
    """One field's model: its classes, intercepts and each feature's weight per class, and
    whether it beat the rules alone in grouped cross-validation on train (`eval.train_fields`);
    a tagger that did not is not used, and the field is the rules' answer."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    beats_rules: bool = True

    @classmethod
    def from_json(cls, data: dict) -> Tagger:
        return cls(
            tuple(data["classes"]),
            tuple(float(v) for v in data["intercept"]),
            {k: tuple(float(v) for v in w) for k, w in data["weights"].items()},
            bool(data.get("beats_rules", True)),
        )

    def scores(self, names: set[str]) -> list[float]:
        """Each class's linear score (summed in name order: the same floats whatever the
        string hashes, so that a near tie never goes one way in one process and the other in
        the next)."""
        out = list(self.intercept)
        for name in sorted(names):
            for i, w in enumerate(self.weights.get(name, ())):
                out[i] += w
        return out

    def tag(self, names: set[str]) -> str:
        scores = self.scores(names)
        return self.classes[max(range(len(scores)), key=scores.__getitem__)]


@cache
def taggers() -> dict[str, Tagger]:
    """The shipped taggers, loaded once."""
    data = json.loads(files("understand.data").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return {field: Tagger.from_json(data[field]) for field in FIELDS}


def decide(tagger: Tagger, names: set[str], rule: str) -> str:
    """The rules' answer when they find one, else the tagger's label. Chosen by grouped
    cross-validation over letting the tagger overrule them: classes the corpus holds a few of
    (permanent contracts, directors) are the rules' to name."""
    return rule if rule != "unknown" or not tagger.beats_rules else tagger.tag(names)


def tag_fields(
    doc: Doc, title: str | None, hints: dict, years: int | None
) -> tuple[tuple[str, str], tuple[str, str]]:
    """(contract type, evidence) and (seniority, evidence) of a posting; platform labels win."""
    feats = features(doc, title, years, hints.get("contract_type"))
    out = []
    for field, allowed, rule in (
        ("contract_type", CONTRACT_TYPES, feats.rule_contract),
        ("seniority", SENIORITIES, feats.rule_seniority),
    ):
        hint = hints.get(field)
        if hint in allowed:
            out.append((hint, "(platform data)"))
            continue
        tagger = taggers()[field]
        label = decide(tagger, feats.names, rule[0])
        out.append((label, evidence(tagger, feats, label, rule, title or "")))
    return out[0], out[1]


def evidence(tagger: Tagger, feats: Cues, label: str, rule: tuple[str, str], title: str) -> str:
    """The rules' evidence when the model agrees with them; else the sentence of the cue that
    pushed hardest towards `label`; else the title."""
    if label == rule[0]:
        return rule[1]
    if label == "unknown":
        return ""
    i = tagger.classes.index(label)
    pushing = [(tagger.weights[n][i], s) for n, s in feats.sentences.items() if n in tagger.weights]
    best = max(pushing, default=(0.0, ""), key=lambda p: p[0])
    return best[1] if best[0] > 0 else title


# Cues about where the work is done, read over the whole text (`_REMOTE_TEXT` characters): their
# weight per remote class is learned (`eval/train_fields.py`), as the contract cues' are.
_REMOTE_TEXT = 20000
_REMOTE_CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "remote words",
        re.compile(
            r"\b(?:remote(?:ly)?|remot[oa]|telework\w*|teletrabaj\w*|teletravail\w*|teletrabalh\w*"
            r"|zdaln\w*|thuiswerk\w*|удаленн\w*|удаленно|дистанционн\w*|віддален\w*|дистанційн\w*"
            r"|a\s+distan(?:ce|cia)|home[-\s]?based|distansarbete|عن\s+بعد)\b"
        ),
    ),
    (
        "work from home",
        re.compile(
            r"\b(?:(?:work\w*|job)\s+from\s+home|home[-\s]?office|smart\s+working|mobile[sn]?\s+arbeit\w*"
            r"|(?:de|a)\s+domicile|desde\s+(?:casa|el\s+hogar)|de\s+casa|z\s+domova|z\s+domu"
            r"|von\s+zu\s+hause|da\s+casa|из\s+дома|з\s+дому|вдома|на\s+дому)\b"
        ),
    ),
    (
        "hybrid words",
        re.compile(
            r"\b(?:hybrid\w*|hibrid\w*|гибридн\w*|гібридн\w*|flexible\s+working|flexible\s+work"
            r"|travail\s+flexible|trabajo\s+flexible|flexibl\w+\s+arbeit\w*)\b"
        ),
    ),
    (
        "office or on site",
        re.compile(
            r"\b(?:on[-\s]?site|in[-\s]person|office[-\s]based|(?:in|at|from)\s+(?:our|the)\s+(?:\w+\s+)?"
            r"office|sur\s+(?:site|place)|au\s+(?:sein\s+de\s+notre\s+)?bureau|dans\s+nos\s+locaux"
            r"|presencial\w*|en\s+(?:la|nuestra)\s+oficina|vor\s+ort|im\s+buro|in\s+ufficio"
            r"|in\s+presenza|w\s+biurze|stacjonarn\w*|в\s+офисе|в\s+офісі|no\s+escritorio"
            r"|op\s+kantoor|u\s+uredu|на\s+месте|на\s+місці)\b"
        ),
    ),
    (
        "field work",
        re.compile(
            r"\b(?:in\s+the\s+field|field\s+(?:office|operation|mission|visit|work|based|presence)\w*"
            r"|hardship|peace\w*\s+operations?|(?:political|field|peacekeeping|observation)"
            r"\s+missions?|entry\s+on\s+duty|sur\s+le\s+terrain|mission\s+terrain|en\s+terreno"
            r"|trabajo\s+de\s+campo|trabalho\s+de\s+campo|no\s+terreno|lavoro\s+sul\s+campo"
            r"|im\s+feld|vor\s+ort\s+im|на\s+местах|на\s+місцях|в\s+полев\w+|у\s+польов\w+)\b"
        ),
    ),
    (
        "place of work words",
        re.compile(
            r"\b(?:duty\s+stations?|place\s+of\s+(?:work|assignment|execution)|work\s+location"
            r"|lieu\s+(?:de\s+travail|d'affectation|d'execution)|lugar\s+de\s+(?:trabajo|destino)"
            r"|local\s+de\s+trabalho|luogo\s+di\s+lavoro|sede\s+di\s+lavoro|dienstort|arbeitsort"
            r"|miejsce\s+pracy|mjesto\s+rada|место\s+работы|місце\s+роботи|arbetsort|standplaats"
            r"|vendi\s+i\s+punes|is\s+yeri|cal[ıi]sma\s+yeri)\b"
        ),
    ),
    (
        "relocation",
        re.compile(
            r"\b(?:relocat\w+|reubica\w+|relocaliz\w+|demenag\w+|umzug\w*|umzieh\w*|trasferi\w+"
            r"|mudarse|mudar-se|przeprowadz\w+|переезд\w*|переїзд\w*|переехать|переїхати)\b"
        ),
    ),
    (
        "travel",
        re.compile(
            r"\b(?:travel\w*|voyag\w+|deplacement\w*|viaj\w+|viag(?:em|ens|gi\w*)|reisen|reisetatig\w*"
            r"|dienstreise\w*|podroz\w*|wyjazd\w*|командировк\w*|поездк\w*|відрядж\w*|поїздк\w*"
            r"|putovan\w*|sluzbena\s+putovanja|udhetim\w*|seyahat\w*)\b"
        ),
    ),
    (
        "full-time hours",
        re.compile(
            r"\b(?:full[-\s]time|part[-\s]time|temps\s+(?:plein|partiel)|tiempo\s+(?:completo|parcial)"
            r"|tempo\s+(?:pieno|parziale|integral)|vollzeit|teilzeit|pelny\s+etat|pol\s+etatu"
            r"|полн\w+\s+(?:рабоч\w+\s+)?(?:день|занятост\w*)|повн\w+\s+(?:робоч\w+\s+)?(?:день|зайнят\w*)"
            r"|heltid|deltid|voltijd|deeltijd|\d{2}\s*(?:hours|heures|horas|stunden|ore|godzin)"
            r"\s+(?:a|per|par|por|pro|a\s+la|alla|na)\s+(?:week|semaine|semana|woche|settimana|tydzien))\b"
        ),
    ),
]
REMOTE_CUE_NAMES = tuple(name for name, _ in _REMOTE_CUES)
_REMOTE_CUE_PATTERNS = tuple(pattern for _, pattern in _REMOTE_CUES)


def remote_features(doc: Doc, places: Places) -> Cues:
    """What the remote tagger reads: the rules' answer (`rr:`), the answer of their explicit
    remote, hybrid or on-site cue (`rq:`, `rq:none` when none fired) and cues about where the work
    is done (`w:`, `_REMOTE_CUES`)."""
    names = {f"rr:{places.remote}", f"rq:{places.remote_cue}"}
    text = doc.folded[:_REMOTE_TEXT]
    sentences = {}
    for name, m in zip(REMOTE_CUE_NAMES, first_matches(_REMOTE_CUE_PATTERNS, text), strict=True):
        if m:
            sentences[f"w:{name}"] = sentence_at(doc.text, m.start())
    names.update(sentences)
    return Cues(names, sentences)


def tag_remote(doc: Doc, hints: dict, places: Places) -> tuple[str, str]:
    """(remote, evidence) of a posting whose places the rules found (`find_places`); a platform's
    remote label wins (`find_places` took it)."""
    rule = (places.remote, places.evidence.get("remote", ""))
    tagger = taggers()["remote"]
    if hints.get("remote") in REMOTE or not tagger.beats_rules:
        return rule
    cues = remote_features(doc, places)
    label = tagger.tag(cues.names)
    fallback = places.evidence.get("countries", "") if label == "no" else ""
    return label, evidence(tagger, cues, label, rule, fallback)
