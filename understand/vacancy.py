"""Vacancy or not: a small text classifier plus readable cue rules, combined in log-odds.

The classifier (character and word TF-IDF n-grams, logistic regression) is trained on first use
from `data/vacancy_train.jsonl`, short texts written for this project in a dozen languages:
vacancies of every contract kind against news, statements, reports, events, grant calls, news
about vacancies, internship reports, appointment news and career guides. Its log-odds (clipped
to ±3) are added to the weights of the cue rules below that fire on the posting's opening; the
sum through a logistic function is `vacancy_score`.
"""

from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib.resources import files

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_union

from understand.text import Doc, clip, fold, sentence_at

HEAD_CHARS = 3000  # the rules read the title and this much of the opening
CLASSIFIER_CHARS = 1500  # the classifier reads the title and this much
_CLASSIFIER_CLIP = 3.0

# (name, weight, pattern on folded text): what each rule catches is its name.
_RULES: list[tuple[str, float, re.Pattern[str]]] = [
    (
        "says it is a vacancy",
        2.5,
        re.compile(
            r"\b(?:vacanc(?:y|ies)|job\s+(?:opening|offer|opportunity|posting|alert)|we(?:'"
            r"|’)?re\s+hiring|we\s+are\s+hiring|now\s+hiring|is\s+hiring|(?:is|are"
            r"|now)\s+recruiting|position\s+(?:available|announcement)|recrut\w+|offre\s+d'emploi"
            r"|poste\s+a\s+pourvoir|avis\s+de\s+vacance|vacante|oferta\s+de\s+(?:empleo|trabajo)"
            r"|convocatoria\s+(?:a|para)\s+(?:un\s+)?(?:concurso|el\s+cargo)"
            r"|concurso\s+publico\s+para\s+el\s+cargo|proceso\s+de\s+seleccion|вакансия|вакансии"
            r"|вакансі\w+|конкурс\s+на\s+замещение|ვაკანსი\w*|وظيفة\s+شاغرة|stellenausschreibung"
            r"|ledig\s+tjanst|oferta\s+pracy|is\s+ilani|vaga\b|offerta\s+di\s+lavoro)"
        ),
    ),
    (
        "an employer seeks someone",
        2.0,
        re.compile(
            r"\b(?:(?:is|are)\s+(?:looking\s+for|seeking)|looking\s+for\s+(?:an?\s+)?[A-Za-z]"
            r"|seeks\s+(?:an?|to\s+recruit)|soker|ищет|ищем|шукає|шукаємо|busca(?:mos)?\s+(?:una?"
            r"|a\s+una?)|se\s+busca|se\s+necesita|recherche\s+(?:un|une)|recherchons"
            r"|cherche\s+a\s+recruter|sucht|suchen|procura(?:mos)?|will\s+appoint"
            r"|invites\s+applications|accepts\s+applications|applications\s+are\s+invited"
            r"|wishes\s+to\s+recruit|требуется|приглашаем\s+на|запрошуємо\s+на\s+посаду|ეძებს"
            r"|مطلوب|تعلن\s+.{0,30}\s+عن\s+حاجتها)"
        ),
    ),
    (
        "tells how to apply",
        2.0,
        re.compile(
            r"\b(?:how\s+to\s+apply|to\s+apply|apply\s+(?:here|now|online|by|before|through|via)"
            r"|deadline\s+for\s+applications|application\s+deadline|closing\s+date"
            r"|job\s+posting\s+end\s+date|date\s+limite\s+de\s+candidature"
            r"|appel\s+a\s+candidatures|envoyez\s+votre|fecha\s+limite|postular|postulacion"
            r"|plazo\s+de\s+postulacion|срок\s+подачи|подать\s+заявку|sista\s+ansokningsdag"
            r"|kan\s+ansoka|ansok\w*|bewerbungsfrist|bewerbung|send\s+(?:your|a)\s+(?:cv|resume"
            r"|application)|cover\s+letter|lettre\s+de\s+motivation|hoja\s+de\s+vida|резюме"
            r"|надсилайте\s+резюме|التقديم|السيرة\s+الذاتية|candidatura|zgloszenia)\b"
        ),
    ),
    (
        "has job-advert fields",
        1.5,
        re.compile(
            r"(?:^|\n)\W*(?:job\s+title|position|post|duty\s+station|contract\s+type"
            r"|type\s+of\s+contract|reports\s+to|lieu\s+d'affectation|intitule\s+\w+|grade|salary"
            r"|remuneration|start\s+date|target\s+start\s+date|puesto|lugar\s+de\s+destino"
            r"|tipo\s+de\s+contrato|должность|место\s+работы)\s*[:|]"
        ),
    ),
    (
        "has job-advert sections",
        1.0,
        re.compile(
            r"\b(?:responsibilities|qualifications|requirements|duties|key\s+tasks|competencies"
            r"|person\s+specification|about\s+you|what\s+you(?:'|’)?ll\s+do|profil\s+recherche"
            r"|missions|requisitos|funciones|deberes|обязанности|требования|вимоги|kvalifikationer"
            r"|aufgaben|purpose\s+of\s+the\s+(?:position|post|job))\b"
        ),
    ),
    (
        "names a contract kind",
        1.5,
        re.compile(
            r"\b(?:internships?|traineeships?|stage|stagiaire\w*|fellowships?|becas?|pasantia\w*"
            r"|consultancy|consultoria|terms\s+of\s+reference|termes\s+de\s+reference"
            r"|terminos\s+de\s+referencia|volunteer\s+(?:role|position|opportunity)|voluntariado"
            r"|стажировк\w*|زمالة|تدريب\w*)\b"
        ),
    ),
    (
        "grant call",
        -4.0,
        re.compile(
            r"\b(?:call\s+for\s+proposals|appel\s+a\s+(?:propositions|projets)"
            r"|convocatoria\s+de\s+propuestas|grants?\s+(?:of|up\s+to|round|range)|subvencion\w*"
            r"|sub-?grants?|co-?financ\w*|sofinanc\w*|razpis\w*|покана\s+за\s+представяне"
            r"|конкурс\s+грантов|грант\w*|forderaufruf|organi[sz]ations?\s+(?:may|can)\s+apply"
            r"|eligible\s+applicants|lead\s+applicants?|concept\s+notes?|apply\s+for\s+funding)\b"
        ),
    ),
    (
        "reports on a vacancy elsewhere",
        -6.0,
        re.compile(
            r"\b(?:according\s+to\s+the\s+(?:job\s+description|vacancy|job\s+advert"
            r"|vacancy\s+notice|announcement)|in\s+the\s+job\s+(?:advert|description|announcement)"
            r"|the\s+announcement\s+of\s+the\s+position|(?:vacancy|job\s+advert"
            r"|advertisement)\s+(?:appeared|was\s+posted|was\s+published)|в\s+описании\s+вакансии"
            r"|согласно\s+вакансии|вакансия\s+появилась|в\s+описі\s+вакансії"
            r"|згідно\s+з\s+вакансією|вакансія\s+(?:вже\s+)?з'явилася)"
        ),
    ),
    (
        "looks back on an internship or fellowship",
        -3.0,
        re.compile(
            r"\b(?:my\s+(?:internship|fellowship|stage|time\s+at)|i\s+(?:started|spent|learned"
            r"|interned|worked)|mon\s+stage|mi\s+pasantia|моя\s+стажировка|alumni\s+stor\w*"
            r"|(?:a|our|the)\s+former\s+(?:interns?|fellows?)|looking\s+back|as\s+(?:their|her|his|my"
            r"|our)\s+(?:internship|fellowship|placement|stage)\s+(?:ends|ended|comes\s+to\s+an\s+end)"
            r"|we\s+asked\s+(?:them|her|him|our\s+\w+))\b"
        ),
    ),
    (
        "appointment news",
        -3.0,
        re.compile(
            r"\b(?:(?:has\s+been|was|were|has|have)\s+appointed|appoints|appointment\s+of"
            r"|pleased\s+to\s+(?:announce|welcome)|delighted\s+to\s+welcome|(?:takes?|take|took)"
            r"\s+up\s+(?:her|his|their|the)\s+(?:post|position|role)|outgoing\s+director|nomme\w*"
            r"|nombr(?:o|ado|ada)|назначен\w*|ny\s+leder|ny\s+direktor|neue[rn]?\s+(?:leiter\w*"
            r"|direktor\w*))\b"
        ),
    ),
    (
        "career guide",
        -3.0,
        re.compile(
            r"\b(?:other\s+titles|similar\s+occupations|career\s+path|isco|how\s+to\s+become"
            r"|typical\s+salary|career\s+outlook)\b"
        ),
    ),
    (
        "call for submissions",
        -2.5,
        re.compile(
            r"\b(?:call\s+for\s+(?:papers|inputs|submissions|nominations|participants)"
            r"|submit\s+your\s+stor\w*|share\s+your\s+stor\w*|collecting\s+(?:submissions|audio"
            r"|stories)|nominations\s+close|photo\s+competition)\b"
        ),
    ),
    (
        "statement",
        -2.0,
        re.compile(
            r"\b(?:joint\s+statement|open\s+letter|the\s+undersigned|declaration\s+conjointe"
            r"|comunicado\s+conjunto|совместное\s+заявление|بيان\s+مشترك)\b"
        ),
    ),
    (
        "news reporting",
        -1.5,
        re.compile(
            r"\b(?:said|told\s+reporters|press\s+release|condemn\w*|sentenced|detained|arrested"
            r"|read\s+the\s+rest|read\s+more|leave\s+a\s+comment|no\s+comments|posted\s+in"
            r"|ont\s+appele|denunci\w*|призвал\w*|заявил\w*|приговор\w*|задержан\w*)\b"
        ),
    ),
    (
        "event",
        -1.5,
        re.compile(
            r"\b(?:webinar|register\s+(?:now|here)|side\s+event|film\s+screening|seminar\s+(?:on"
            r"|will))\b"
        ),
    ),
    (
        "job-market news",
        -3.0,
        re.compile(r"\b(?:hiring\s+freeze|job\s+cuts|layoffs|redundancies|staff\s+cuts)\b"),
    ),
    (
        "course for participants",
        -3.0,
        re.compile(
            r"\b(?:summer\s+school|winter\s+school|training\s+course|tuition\s+fee|course\s+fee"
            r"|participation\s+fee|ecole\s+d'ete|universite\s+d'ete|curso\s+de\s+verano"
            r"|летняя\s+школа)\b"
        ),
    ),
]
_IMPERATIVE = re.compile(
    r"^(?:build|maintain|assist|provide|support|develop|coordinate|lead|manage|ensure|conduct"
    r"|prepare|monitor|draft|review|organi[sz]e|represent|liaise|contribute|advise|oversee"
    r"|facilitate|identify|implement|assess)\b"
)
_PROFILE = re.compile(
    r"^(?:experience|knowledge|ability|availability|good\s+level|proficiency|fluency|degree"
    r"|commitment|excellent|strong|proven|familiarity|capacity|minimum|at\s+least|solid)\b"
)


@cache
def _classifier() -> Pipeline:
    path = files("understand.data").joinpath("vacancy_train.jsonl")
    rows = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    features = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=1),
        TfidfVectorizer(
            analyzer="word", ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"
        ),
    )
    model = Pipeline(
        [
            ("features", features),
            ("lr", LogisticRegression(C=4.0, class_weight="balanced", max_iter=1000)),
        ]
    )
    model.fit([fold(r["text"]) for r in rows], [bool(r["is_vacancy"]) for r in rows])
    return model


def _structure(doc: Doc) -> list[tuple[str, float, str]]:
    """Duty and candidate-profile lists: three or more lines starting like a job advert's."""
    duties = [line for line in doc.lines if _IMPERATIVE.match(fold(line))]
    profile = [line for line in doc.lines if _PROFILE.match(fold(line)) and len(line) < 200]
    out = []
    if len(duties) >= 3:
        out.append(("lists duties", 1.5, duties[0]))
    if len(profile) >= 3:
        out.append(("lists candidate requirements", 1.5, profile[0]))
    return out


def vacancy_score(doc: Doc, title: str | None) -> tuple[float, str]:
    """Probability that the posting is a job offer, and the sentence that weighed most."""
    head = f"{title or ''}\n{doc.text[:HEAD_CHARS]}"
    folded = fold(head)
    proba = float(_classifier().predict_proba([folded[:CLASSIFIER_CHARS]])[0][1])
    proba = min(max(proba, 1e-6), 1 - 1e-6)
    logit = max(-_CLASSIFIER_CLIP, min(_CLASSIFIER_CLIP, math.log(proba / (1 - proba))))
    fired: list[tuple[str, float, str]] = []
    for name, weight, pattern in _RULES:
        if m := pattern.search(folded):
            fired.append((name, weight, sentence_at(head, m.start())))
    fired += _structure(doc)
    total = logit + sum(w for _, w, _ in fired)
    score = 1 / (1 + math.exp(-total))
    evidence = (
        max(fired, key=lambda f: abs(f[1]))[2] if fired else (doc.lines[0] if doc.lines else "")
    )
    return round(score, 4), clip(evidence)
