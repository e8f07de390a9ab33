"""Vacancy or not: a logistic regression learned from real postings, read with plain code.

The model (`data/vacancy_model.json`, written by `python -m eval.train_vacancy` from the corpus's
train split and `data/vacancy_train.jsonl`) weighs three kinds of features of a posting's title
and opening (`HEAD_CHARS`), all read from the folded text:

- character n-grams and word uni/bigrams, TF-IDF (sublinear tf, smoothed idf, each block
  L2-normalised): they carry any language's wording; Cyrillic letters are read as Latin ones
  (`_LATIN`), so that Cyrillic and Latin spellings of a word ("вакансія", "vakansiya") share them;
- readable cues (`_CUES`): "says it is a vacancy", "tells how to apply", "grant call", "says there
  is no vacancy now", "invites members", and the state of the page: "says the selection is
  closed", "career advice", "selection of office holders" (special rapporteurs, mandate holders),
  "news byline", "reports in the past tense"; each a binary feature whose weight was learned;
- structure (`_HEADINGS`, `_structure`, read on the first 200 lines): section headings on
  their own line or as "Heading: text" ("Requirements", "How to apply", "Profil recherché",
  "Requisitos", "Требования", "Background", "Duty station", "Titre du poste"), a "Deadline:"
  field, lists of duties or of requirements, several lines each saying a role is closed.

The sum goes through the Platt calibration fitted on out-of-fold scores (grouped by site), which
gives the text's probability; `understand.verdict` weighs it with the fields found into the
posting's `vacancy_score`. The evidence is the sentence of the cue that pushed hardest towards the
decision.

Speed (`vacancy_scores(docs)` scores a batch at once): character n-grams become 64-bit keys
(four 16-bit code points) looked up in hash tables with numpy for the whole batch, `CHUNK`
postings at a time (`_CharIndex`, `_KeyTable`; n-grams with a wider character go through the
dict); a cue is searched for only with the literal starts of its alternatives that begin a
word of the text (`_BY_START`), each search holding the alternatives that open with it, literal
first (`_located`); the few alternatives opening with a class are searched as residual patterns
(`factored`), skipped when the text lacks the literals they hold. All give exactly what the
plain computation gives.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import chain, repeat
from re import _parser  # type: ignore[attr-defined]
from re._constants import LITERAL  # type: ignore[import-not-found]

import numpy as np

from understand.factor import factored
from understand.text import Doc, clip, fold, sentence_at

HEAD_CHARS = 1500  # the n-grams and cues read the title and this much of the opening
CHUNK = 256  # postings scored together: their arrays stay in the CPU's cache (a corpus's do not)
# Cyrillic letters (Russian, Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian, Kyrgyz and
# Kazakh) as Latin ones, for the n-grams and words: "вакансія" and "vakansiya", "координатор" and
# "koordinator", "konkurs" in Serbian's two scripts then share n-grams, so that what is learned
# from postings in one script carries to the other (the cues read the folded text unchanged).
_LATIN = str.maketrans(
    dict(
        zip(
            "абвгґдеёзиіїйјклмнопрстуўфхцъыэћөүңқғұһә",
            "abvggdeeziiiijklmnoprstuufhcayecounkguha",
            strict=True,
        )
    )
    | {"є": "ie", "ж": "zh", "ч": "ch", "ш": "sh", "щ": "sht", "ю": "iu", "я": "ia", "ѕ": "dz"}
    | {"ђ": "dj", "ќ": "kj", "ѓ": "gj", "љ": "lj", "њ": "nj", "џ": "dz", "ь": ""}
)
_CYRILLIC = re.compile(f"[{''.join(map(chr, _LATIN))}]")  # a text without them is its own Latin
MODEL_FILE = "vacancy_model.json"
_WORD = re.compile(r"[^\W_]+")
_SPACES = re.compile(r"\s+")

# What each cue catches is its name; its weight is learned (`eval/train_vacancy.py`).
_CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "says it is a vacancy",
        re.compile(
            r"\b(?:vacanc(?:y|ies)|job\s+(?:opening|offer|opportunity|posting|alert)|we(?:'"
            r"|’)?re\s+hiring|we\s+are\s+hiring|now\s+hiring|is\s+hiring|(?:is|are"
            r"|now)\s+recruiting|position\s+(?:available|announcement)|recrut\w+|offre\s+d'emploi"
            r"|poste\s+a\s+pourvoir|avis\s+de\s+vacance|vacante|oferta\s+de\s+(?:empleo|trabajo)"
            r"|convocatoria\s+(?:a|para)\s+(?:un\s+)?(?:concurso|el\s+cargo)"
            r"|concurso\s+publico|proceso\s+de\s+seleccion|avviso\s+di\s+selezione|вакансия|вакансии"
            r"|вакансі\w+|конкурс\s+на\s+замещение|ვაკანსი\w*|وظيفة\s+شاغرة|stellenausschreibung"
            r"|ledig\s+tjanst|oferta\s+pracy|is\s+ilan\w*|vaga\b|offerta\s+di\s+lavoro|vacatures?"
            r"|volne\s+(?:pracovni\s+)?misto|nabor\s+na\s+stanowisko|stellenangebot\w*"
            r"|obyava\s+za\s+rabota|обява\s+за\s+работа|свободн\w+\s+(?:работн\w+\s+)?(?:позиция|място)"
            r"|конкурс\s+на\s+посаду|оголошує\s+конкурс|объявляет\s+конкурс|обявява\s+конкурс"
            r"|კონკურს\w*|فرصة\s+عمل|oferta\s+de\s+treball|bolsa\s+de\s+trabajo|vakansiya\w*"
            r"|vend(?:e|i|et|eve)?\s+(?:(?:te\s+)?lir[ae]\s+)?pune|pozicion\w*\s+(?:e|te)\s+lir\w+"
            r"|radno\s+mj?est\w+"
            r"|radnog\s+mj?esta|oglas\s+za\s+(?:posao|radno|zaposlen\w+)|թափուր\s+(?:աշխատատեղ|պաշտոն)\w*"
            # el, hu, fi, sk, sl, da/no, ro, id
            r"|θεση\s+εργασιας|προκηρυξη\s+θεσ\w+|για\s+τη\s+θεση|αγγελια\s+εργασιας|allashirdetes"
            r"|allasajanlat"
            r"|allaspalyazat|avoin\s+tyopaikka|tyopaikkailmoitus|vyberove\s+konanie"
            r"|volne\s+pracovne\s+miesto|prosto\s+delovno\s+mesto|stillingsopslag|ledig\s+stilling"
            r"|stillingsannonse|anunt\s+de\s+angajare|post\s+vacant|lowongan(?:\s+kerja)?"
            # sr/hr/bs/mk, ar, fa/prs, sq, tr, az, ka, hy
            r"|prijem\s+u\s+radni\s+odnos|(?:oglas|konkurs)\s+za\s+(?:prijem|popunjavanje)"
            r"|пријем\s+у\s+радни\s+однос|(?:оглас|конкурс)\s+за\s+(?:пријем|попуњавање)"
            r"|радн(?:о|ог|их)\s+мест\w*|оглас\s+за\s+вработување|работно\s+место"
            r"|(?:اعلان|عرض)\s+(?:عن\s+)?(?:توظيف|وظيفة|وظايف|عمل)|فرص\s+عمل|شاغر\w*"
            r"|لشغل\s+(?:منصب|وظيفة)|مسابقة\s+(?:لشغل|للتوظيف|لتوظيف)|فتح\s+باب\s+(?:الترشح|الترشيح|التوظيف|التقديم)"
            r"|اگهی\s+استخدام|(?:اعلان|فراخوان)\s+(?:وظیفه|استخدام)|فرصت\s+شغلی|موقعیت\s+شغلی"
            r"|جذب\s+نیرو|shpall\w*\s+konkurs\w*"
            r"|(?:personel|eleman)\s+al[ıi]m\w*|al[ıi]m\s+ilan\w*|is[əe]\s+q[əe]bul"
            r"|isci\s+q[əe]bul\w*|bos\s+is\s+yer\w*"
            r"|հայտարարում\s+(?:է|են)\s+մրցույթ|աշխատանքի\s+հայտարարություն)"
        ),
    ),
    (
        "an employer seeks someone",
        re.compile(
            r"\b(?:(?:is|are)\s+(?:currently\s+|now\s+|still\s+)?(?:looking\s+for|seeking)|looking\s+for\s+(?:an?\s+)?[A-Za-z]"
            r"|seeks\s+(?:an?|to\s+recruit)|soker|ищет|ищем|шукає|шукаємо|busca(?:mos)?\s+(?:una?"
            r"|a\s+una?)|se\s+busca|se\s+necesita|recherche\s+(?:un|une)|recherchons"
            r"|cherche\s+a\s+recruter|sucht|suchen|procura(?:mos)?|will\s+appoint"
            r"|invites\s+applications|accepts\s+applications|applications\s+are\s+invited"
            r"|wishes\s+to\s+recruit|требуется|приглашаем\s+на|запрошуємо\s+на\s+посаду|ეძებს"
            r"|مطلوب|تعلن\s+.{0,30}\s+عن\s+حاجتها|poszukujemy|szukamy|hledame|zoeken\s+(?:een|we)"
            r"|wij\s+zoeken|zoekt\s+(?:een|per)|cerchiamo|cercasi|набира|търси|потрібн(?:і|ий|а)"
            r"|нужен|нужна|нужны|(?:esta|estamos)\s+a\s+contratar|(?:esta|estamos)\s+contratando"
            r"|arıyoruz|ariyoruz|نبحث\s+عن|ეძებს|ვეძებთ|kerkim\s+te|trazimo"
            r"|(?:trazi|trazimo|trazu)\s+\d+\s|potrazi\s+za|axtar[ıi]r|փնտրում\s+(?:է|ենք)"
            # first-person and passive forms: "hakee" or "keres" alone also seek asylum or suspects
            r"|αναζητουμε|ζητ(?:ειται|ουνται)|keresunk|munkatarsat\s+keres|haemme|haetaan|etsimme"
            r"|hladame|soger\s+(?:en|et|nye?)\s|søger\s+(?:en|et|nye?)\s|søker\s+(?:en|et|nye?)\s"
            r"|angajeaza|cautam|dibutuhkan"
            r"|[يت]بحث\s+(?:\S+\s+){0,2}?عن|potreban|potrebna|potrebni|тражимо|потребан|потребна|потребни|бараме"
            r"|دعوت\s+به\s+همکاری|نیازمند(?:یم)?|kerkojme|kerkon\s+te\s+(?:punesoje|rekrutoje|angazhoje)"
            r"|запрошу(?:є|ємо)\s+(?:до\s+команди|на\s+роботу)|приєднуй(?:ся|тесь)\s+до\s+команди"
            r"|приглаша(?:ет|ем)\s+(?:в\s+команду|на\s+работу)|присоединяйтесь\s+к\s+команде)"
        ),
    ),
    (
        "tells how to apply",
        re.compile(
            r"\b(?:how\s+to\s+apply|to\s+apply|apply\s+(?:here|now|online|by|before|through|via)"
            r"|deadline\s+for\s+applications|application\s+deadline|closing\s+date"
            r"|job\s+posting\s+end\s+date|date\s+limite\s+de\s+candidature"
            r"|appel\s+a\s+candidatures|envoyez\s+votre|fecha\s+limite|postular|postulacion"
            r"|plazo\s+de\s+postulacion|срок\s+подачи|подать\s+заявку|sista\s+ansokningsdag"
            r"|kan\s+ansoka|ansok\w*|bewerbungsfrist|bewerbung|send\s+(?:your|a)\s+(?:cv|resume"
            r"|application)|cover\s+letter|lettre\s+de\s+motivation|hoja\s+de\s+vida|резюме"
            r"|надсилайте\s+резюме|التقديم|السيرة\s+الذاتية|candidatura|zgloszenia|sollicit(?:eer|eren|atie\w*)"
            r"|enviar?\s+(?:el\s+)?cv|envie\s+(?:o\s+)?(?:seu\s+)?(?:cv|curriculo)|cv\s+(?:a|na|to)"
            r"|aplikace|prihlask\w+|kandydat\w+|aplikuj|basvur\w+|кандидатстван\w+|заявк\w+\s+на\s+участие"
            r"|rok\s+za\s+(?:prijav|podnosenje)\w*|afati\s+(?:i\s+)?(?:fundit\s+)?(?:per\s+)?aplikim\w*"
            r"|aplikoni|muraci[əe]t|դիմել|դիմումներ\w*|βιογραφικ\w*|υποβολη\s+αιτησεων|jelentkez\w*"
            r"|oneletrajz\w*|hakemu\w*|hakuaika|zivotopis\w*|ansogning\w*|ansøgning\w*|soknad\w*|søknad\w*"
            r"|lamaran|prijave\s+(?:slati|se\s+podnose|dostaviti)|пријаве\s+(?:слати|се\s+подносе"
            r"|доставити)|пријавите\s+се\s+доставуваат|rok\s+za\s+prijav\w*|рок\s+за\s+пријав\w*"
            r"|(?:ل|لل)?تقديم\s+الطلبات|للتقديم|رزومه|مهلت\s+(?:ارسال|ثبت\s*نام)|متقاضیان"
            r"|ozgecmis\w*|cv-?(?:ni|nizi|ne)|რეზიუმე|განაცხად\w*|ինքնակենսագր\w*)\b"
        ),
    ),
    (
        "has job-advert fields",
        re.compile(
            r"(?:^|\n)\W*(?:job\s+title|position|post|duty\s+station|contract\s+type"
            r"|type\s+of\s+contract|reports\s+to|lieu\s+d'affectation|intitule\s+\w+|grade|salary"
            r"|remuneration|start\s+date|target\s+start\s+date|puesto|lugar\s+de\s+destino"
            r"|tipo\s+de\s+contrato|должность|место\s+работы)\s*[:|]"
        ),
    ),
    (
        "has job-advert sections",
        re.compile(
            r"\b(?:responsibilities|qualifications|requirements|duties|key\s+tasks|competencies"
            r"|person\s+specification|about\s+you|what\s+you(?:'|’)?ll\s+do|profil\s+recherche"
            r"|missions|requisitos|funciones|deberes|обязанности|требования|вимоги|kvalifikationer"
            r"|aufgaben|purpose\s+of\s+the\s+(?:position|post|job)|wymagania|obowiazki|zakres"
            r"\s+obowiazkow|functie-?eisen|functieomschrijving|requisits|funcions|requisiti|mansioni"
            r"|изисквания|задължения|отговорности|aranan\s+nitelikler|gorev\s+tan[ıi]m[ıi]"
            r"|objetivo\s+do\s+cargo|atribuicoes|المسووليات|المتطلبات|καθηκοντα|αρμοδιοτητες"
            r"|απαιτουμενα\s+προσοντα|elvarasok|feladatok|tehtavat|edellytamme|poziadavky"
            r"|arbejdsopgaver|arbeidsoppgaver|cerinte|responsabilitati|atributii|kualifikasi"
            r"|persyaratan|opis\s+(?:posla|radnog\s+mj?esta)|potrebne\s+kvalifikacije|опис\s+посла"
            r"|потребни\s+квалификации|работни\s+задачи|المهام|الموهلات|الشروط\s+المطلوبة"
            r"|متطلبات\s+الوظيفة|الوصف\s+الوظيفي|شرح\s+وظایف|شرایط\s+احراز|detyrat|pergjegjesit\w*"
            r"|kualifikimet|kerkesat|sorumluluklar\w*|is\s+tan[ıi]m[ıi]|v[əe]zif[əe]\s+ohd[əe]likl[əe]ri"
            r"|t[əe]l[əe]bl[əe]r|ohd[əe]likl[əe]r\w*|მოთხოვნები|მოვალეობები|ფუნქციები"
            r"|պարտականություններ\w*|պահանջներ\w*|обов'язки)\b"
        ),
    ),
    (
        "names a contract kind",
        re.compile(
            r"\b(?:internships?|traineeships?|stage|stagiaire\w*|fellowships?|becas?|pasantia\w*"
            r"|consultancy|consultoria|terms\s+of\s+reference|termes\s+de\s+reference"
            r"|terminos\s+de\s+referencia|volunteer\s+(?:role|position|opportunity)|voluntariado"
            r"|стажировк\w*|زمالة|تدريب\w*|tdr|becari[oa]s?|стажуванн\w*|стажант\w*|pripravni\w*|приправни\w*"
            r"|strucn\w+\s+praks\w+|пракса|staj\w*|gyakornok\w*|کاراموزی|სტაჟირებ\w*"
            r"|պրակտիկա\w*|ստաժավորում\w*)\b"
        ),
    ),
    (
        "grant call",
        re.compile(
            r"\b(?:call\s+for\s+proposals|appel\s+a\s+(?:propositions|projets)"
            r"|convocatoria\s+de\s+propuestas|grants?\s+(?:of|up\s+to|round|range)|subvencion\w*"
            r"|sub-?grants?|co-?financ\w*|sofinanc\w*|razpis\w*|покана\s+за\s+представяне"
            r"|конкурс\s+грантов|грант\w*|forderaufruf|organi[sz]ations?\s+(?:may|can)\s+apply"
            r"|eligible\s+applicants|lead\s+applicants?|concept\s+notes?|apply\s+for\s+funding"
            r"|small\s+grants?|grants?\s+programme|project\s+proposals?|budgets?\s+(?:of|between"
            r"|up\s+to)|funds?\s+(?:projects|initiatives)|საგრანტო\s+კონკურს\w*)\b"
        ),
    ),
    (
        "reports on a vacancy elsewhere",
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
        re.compile(
            r"\b(?:other\s+titles|similar\s+occupations|career\s+path|isco|how\s+to\s+become"
            r"|typical\s+salary|career\s+outlook)\b"
        ),
    ),
    (
        "call for submissions",
        re.compile(
            r"\b(?:call\s+for\s+(?:papers|inputs|submissions|nominations|participants)"
            r"|submit\s+your\s+stor\w*|share\s+your\s+stor\w*|collecting\s+(?:submissions|audio"
            r"|stories)|nominations\s+close|photo\s+competition)\b"
        ),
    ),
    (
        "statement",
        re.compile(
            r"\b(?:joint\s+statement|open\s+letter|the\s+undersigned|declaration\s+conjointe"
            r"|comunicado\s+conjunto|совместное\s+заявление|بيان\s+مشترك)\b"
        ),
    ),
    (
        "news reporting",
        re.compile(
            r"\b(?:said|told\s+reporters|press\s+release|read\s+the\s+rest|read\s+more"
            r"|leave\s+a\s+comment|no\s+comments|posted\s+in|ont\s+appele|призвал\w*|заявил\w*)\b"
        ),
    ),
    (
        # also in a human-rights employer's description of its work, hence a cue of its own
        "names arrests, sentences or condemnation",
        re.compile(
            r"\b(?:condemn\w*|sentenced|detained|arrested|denunci\w*|приговор\w*|задержан\w*"
            r"|арестован\w*|осужден\w*)"
        ),
    ),
    (
        "event",
        re.compile(
            r"\b(?:webinar|register\s+(?:now|here)|side\s+event|film\s+screening|seminar\s+(?:on"
            r"|will))\b"
        ),
    ),
    (
        "job-market news",
        re.compile(
            r"\b(?:hiring\s+freeze|froze\s+(?:hiring|recruitment)|recruitment\s+freeze|job\s+cuts"
            r"|layoffs|redundancies|staff\s+cuts|despidos|congel\w+\s+(?:las\s+)?contrataciones"
            r"|сокращени\w+\s+(?:сотрудников|штата)|замороз\w+\s+найм|einstellungsstopp"
            r"|stellenabbau|suppressions?\s+de\s+postes|suppriment\s+des\s+postes)\b"
        ),
    ),
    (
        "course for participants",
        re.compile(
            r"\b(?:summer\s+school|winter\s+school|training\s+course|tuition\s+fee|course\s+fee"
            r"|participation\s+fee|ecole\s+d'ete|universite\s+d'ete|curso\s+de\s+verano"
            r"|летняя\s+школа)\b"
        ),
    ),
    (
        "says there is no vacancy now",
        re.compile(
            r"\b(?:no\s+(?:current\s+|open\s+)?(?:vacancies|openings|open\s+positions|job\s+openings"
            r"|positions\s+(?:available|open))|(?:not|no\s+longer)\s+(?:currently\s+)?(?:recruiting"
            r"|hiring|advertising\s+any)|there\s+are\s+(?:currently\s+)?no\s+(?:vacancies|open"
            r"|positions|jobs)|(?:aucun|pas\s+de)\s+(?:poste|offre)s?\s+(?:vacant|ouvert|a\s+pourvoir"
            r"|disponible|d'emploi)|no\s+(?:hay|tenemos)\s+(?:vacantes|ofertas|puestos)"
            r"|нет\s+(?:открытых\s+|актуальных\s+)?вакансий|вакансий\s+нет|немає\s+(?:відкритих\s+)?"
            r"вакансій|keine\s+(?:offenen\s+|freien\s+)?(?:stellen|stellenangebote)"
            r"|zadne\s+volne\s+(?:pozice|mista)|nemame\s+volne|nao\s+ha\s+vagas)"
        ),
    ),
    (
        "invites members",
        re.compile(
            r"\b(?:become\s+a\s+member|membership\s+(?:fee|application|form|is\s+open|benefits)"
            r"|join\s+(?:us\s+|the\s+network\s+)?as\s+a\s+member|call\s+for\s+(?:new\s+)?members"
            r"|new\s+members|devenir\s+membre|adhesion|adherer|hazte\s+soci[oa]|hacerse\s+soci[oa]"
            r"|membresia|стать\s+членом|членск\w+\s+взнос|вступить\s+в|стати\s+членом"
            r"|mitglied\s+werden|stat\s+se\s+clenem|clenstvi|torne-se\s+membro)"
        ),
    ),
    (
        "invites participants to a training",
        re.compile(
            r"\b(?:participants\s+will|selected\s+participants|(?:training|course|workshop)"
            r"\s+(?:for|of)\s+(?:young|journalists|activists|lawyers|human\s+rights\s+defenders"
            r"|trainers)|apply\s+to\s+(?:attend|participate)|participation\s+is\s+free"
            r"|places\s+are\s+limited|certificate\s+of\s+(?:completion|participation)"
            r"|\w+-day\s+(?:course|training|workshop)|(?:travel|accommodation|meals)\s+(?:and\s+"
            r"\w+\s+)?(?:are|will\s+be)\s+covered"
            r"|formation\s+(?:des|pour\s+les|a\s+l'intention)|participants?\s+selectionne\w*"
            r"|capacitacion\s+(?:para|dirigida)|participantes\s+seleccionad\w+|тренинг\w*"
            r"|обучени\w+\s+для|набор\s+(?:участников|слушателей|на\s+курс)|участник\w*\s+тренинг\w*"
            r"|навчанн\w+\s+для|skoleni|kurz\s+pro|ucastnic\w+)"
        ),
    ),
    (
        "words a job advert uses",
        re.compile(
            r"\b(?:volne\s+pracovni\s+misto|pracovni\s+pozic\w+|hledame|nabizime|pozadujeme"
            r"|vyberove\s+rizeni|napln\s+prace|nastup|uvazek|pracovni\s+smlouv\w+"
            r"|опыт\s+работы|заработн\w+\s+плат\w+|зарплат\w+|условия\s+работы|мы\s+предлагаем"
            r"|полная\s+занятость|трудоустройств\w+|досвід\s+роботи|заробітн\w+\s+плат\w+"
            r"|full[-\s]time|part[-\s]time|temps\s+(?:plein|partiel)|tiempo\s+completo"
            r"|oferujemy|umowa\s+o\s+prace|pelny\s+etat|wij\s+bieden|uur\s+per\s+week|\d+(?:[.,]\d)?\s*fte"
            r"|salari\b|jornada|заплата|трудов\s+договор|работно\s+време|retribuzione|tempo\s+pieno"
            r"|remuneracao|carga\s+horaria|tam\s+zamanl\w+|الراتب|دوام\s+كامل|ხელფასი|სამუშაო\s+საათები"
            r"|jornada\s+(?:completa|laboral)|vollzeit|teilzeit|salary\s+range|annual\s+salary"
            r"|radno\s+iskustvo|radnog\s+iskustva|na\s+odre(?:dj|d)eno\s+vrijeme|radni\s+odnos"
            r"|радно\s+искуство|радног\s+искуства|работно\s+искуство|радни\s+однос|سابقه\s+کار"
            r"|حقوق\s+و\s+مزایا|تمام\s*وقت|pervoj\w*\s+pune|tecrube\w*|deneyim\w*"
            r"|is\s+t[əe]crub[əe]\w*|əmək\s+haqq\w*|სამუშაო\s+გამოცდილება|աշխատավարձ\w*"
            r"|ми\s+пропонуємо|умови\s+роботи|працевлаштуванн\w+)"
        ),
    ),
]

_MORE_CUES: list[tuple[str, re.Pattern[str]]] = [
    (
        "says the selection is closed",
        re.compile(
            r"\b(?:applications?\s+(?:are\s+|is\s+)?(?:now\s+)?closed|(?<!until\sthe\s)(?<!once\sthe\s)"
            r"(?<!when\sthe\s)(?:position|post|role|vacancy|job|selection|recruitment|call)s?\s+"
            r"(?:is|are|has\s+been|have\s+been)\s+(?:now\s+)?(?:closed|filled)"
            r"|no\s+longer\s+accepting|closed\s+for\s+applications"
            r"|(?:inscricoes|candidaturas|selecao)\s+encerrad\w+|encerrad[ao]s?\s+em"
            r"|(?:convocatoria|postulaciones?|inscripciones?)\s+cerrad\w+|candidatures?\s+(?:sont\s+)?closes?"
            r"|прием\s+(?:заявок|документов)\s+(?:завершен|закрыт)\w*|набір\s+завершено"
            r"|конкурс\s+(?:завершен|закрыт|завершено)\w*|abgelaufen|uzavren\w*|zakonczon\w+"
            r"|(?:poste|offre)(?:\s+d[e']\s*\w+)?\s+(?:a\s+ete|est(?:\s+deja)?)\s+pourvu\w*"
            r"|(?:plaza|puesto|vacante)(?:\s+de\s+\w+)?\s+(?:ya\s+)?(?:ha\s+sido|fue|esta)\s+cubiert[ao]"
            r"|stelle\s+(?:ist|wurde)\s+(?:bereits\s+)?besetzt)"
        ),
    ),
    (
        "career advice",
        re.compile(
            r"\b(?:\d+\s+(?:top\s+)?(?:tips|ways|best|professions|careers|jobs\s+for|profisso\w*"
            r"|profesiones|metiers|советов|професий|профессий)|top\s+tips|career\s+advice"
            r"|how\s+to\s+(?:get|find|land|write|start)|para\s+quem\s+(?:quer|deseja|sonha)"
            r"|if\s+you(?:'|’)?re\s+considering|\d+\s+min(?:ute)?s?\s+read)\b"
        ),
    ),
    (
        "selection of office holders",
        re.compile(
            r"\b(?:special\s+rapporteurs?|mandate[-\s]holders?|independent\s+experts?|rapporteurs?\s+speci"
            r"|relator(?:es|as?)?\s+(?:especia\w+|independentes?)|titulares\s+de\s+mandato"
            r"|специальн\w+\s+докладчик\w*|спеціальн\w+\s+доповідач\w*|sonderberichterstatter\w*)"
        ),
    ),
    (
        "news byline",
        re.compile(
            r"\b(?:posted\s+on|published\s+(?:on|in|by)|publie\s+le|publicado\s+(?:em|el|en|por)"
            r"|опубликовано|опубліковано|veroffentlicht\s+am|share\s+this\s+(?:article|story|post)"
            r"|leia\s+mais|lire\s+la\s+suite|leer\s+mas|читать\s+далее|читати\s+далі)\b"
        ),
    ),
    (
        "reports in the past tense",
        re.compile(
            r"\b(?:announced|reported|explained|stated|noted|a\s+(?:declare|annonce|explique)"
            r"|explico|declaro|afirmou|disse|explicou|сообщил\w*|рассказал\w*|пояснил\w*"
            r"|повідомив\w*|розповів\w*|erklarte|sagte|uvedl\w*|powiedzial\w*)\b"
        ),
    ),
]
_MORE_CUES.append(
    (
        "calls for volunteers",
        re.compile(
            r"\b(?:become\s+a\s+volunteer|volunteers?\s+(?:wanted|needed)|need\s+volunteers"
            r"|call\s+for\s+volunteers|volunteer\s+with\s+us|devenez\s+benevole|benevoles?\s+recherches?"
            r"|recherch\w+\s+(?:des\s+)?benevoles|buscan\s+voluntari\w+|hazte\s+voluntari\w+"
            r"|freiwillige\s+gesucht|werde\s+freiwillige\w*|потрібні\s+волонтер\w*|нужны\s+волонтер\w*"
            r"|стан(?:ь|ьте)\s+волонтер\w*|ищем\s+волонтер\w*|шукаємо\s+волонтер\w*|доброволци"
            r"|търсим\s+доброволц\w*|volontiraj\w*|postani\s+volonter\w*|trazimo\s+volonter\w*"
            r"|kerkojme\s+vullnetar\w*|behet\s+vullnetar\w*|կամավոր\w*|szukamy\s+wolontariusz\w*"
            r"|zostan\s+wolontariusz\w*|hledame\s+dobrovolnik\w*|torne-se\s+voluntari\w+"
            r"|diventa\s+volontari\w+|cerchiamo\s+volontari\w*|gonullu\s+ar\w+|konullu\w*"
            r"|повик\s+за\s+волонтер\w*|potrebn\w+\s+volonter\w*|потребн\w+\s+волонтер\w*"
            r"|onkentes\w*|მოხალისე\w*|متطوع\w*)"
        ),
    )
)
_CUES += _MORE_CUES
_CLOSED = dict(_MORE_CUES)["says the selection is closed"]
_CUES.append(
    (
        # "(m/w/d)", "(H/F)", "Referent*in", "Técnica/o", "asistent/ka", "abogado(a)", and in
        # Cyrillic "координатор/ка", "юрист(ка)", "працівник/ця", "(м/ж)": a job title
        "names the role for all genders",
        re.compile(
            # each branch opens with a plain character, so that the search skips ahead quickly
            r"[/*_](?<=[^\W\d_]{3}[/*_])(?:in|innen|a|o|ka|ica|e|ne|ice|as|os|ка|ку|ки|кою|ця|цю"
            r"|иня|иню|ня|а|ая|ой)(?![\w/])"
            r"|\((?:(?<=[^\W\d_]{3}\()(?:in|innen|a|e|ne|trice|euse|ka|ка|ця|иня|а)\)"
            r"|(?:[mwfdhxмж]\s*/\s*){1,3}[mwfdhxмж]\))"
            r"|[hfm](?<![\w/][hfm])(?:(?<=h)\s*/\s*f|(?<=f)\s*/\s*h|(?<=m)\s*/\s*[wf])(?![\w/])"
        ),
    )
)


def _alternatives(pattern: str) -> tuple[list[str], str] | None:
    """The alternatives and the tail of a pattern `\\b(?:a|b|...)tail`; None for other shapes."""
    if not pattern.startswith(r"\b(?:"):
        return None
    alts, current, depth, i = [], [], 0, 5
    while i < len(pattern):
        c = pattern[i]
        step = 2 if c == "\\" else pattern.index("]", i + 2) + 1 - i if c == "[" else 1
        if c == ")" and depth == 0:
            return [*alts, "".join(current)], pattern[i + 1 :]
        if c == "|" and depth == 0:
            alts.append("".join(current))
            current = []
        else:
            depth += {"(": 1, ")": -1}.get(c, 0)
            current.append(pattern[i : i + step])
        i += step
    return None


_START = 4  # letters of an alternative's literal start that index its cue
_LOOKBEHINDS = re.compile(r"(?:\(\?<[=!][^()]*\))*")  # the look-behinds opening an alternative
_QUANTIFIERS = ("?", "*", "+", "{")


def _literal_start(alt: str) -> str:
    """The first letters every match of an alternative begins with, past its look-behinds
    ("" if it opens otherwise)."""
    body = alt[_LOOKBEHINDS.match(alt).end() :]
    run = _WORD.match(body)
    letters = run.group() if run else ""
    if body[len(letters) : len(letters) + 1] in _QUANTIFIERS:
        letters = letters[:-1]  # "ab?c" only promises "a"
    return letters[:_START]


def _expanded(alt: str) -> list[str]:
    """An alternative opening with a plain group, "(?:a|b)c", as "ac" and "bc" (else itself);
    look-behinds before the group go with each part ("(?<!x)(?:a|b)" as "(?<!x)a", "(?<!x)b")."""
    behind = _LOOKBEHINDS.match(alt).group()
    body = alt[len(behind) :]
    split = _alternatives(rf"\b{body}") if body.startswith("(?:") else None
    if split is None or split[1][:1] in _QUANTIFIERS:
        return [alt]
    inner, tail = split
    return [out for a in inner for out in _expanded(behind + a + tail)]


def _located(start: str, alts: list[str], tail: str) -> re.Pattern[str]:
    """`\\b(?:alts)tail` for alternatives that all open with `start` (past their look-behinds),
    written with the literal first, so that `re` looks for it as fast as `str.find` and checks
    the word boundary and look-behinds only where it is found."""
    literal = re.escape(start)
    branches = []
    for alt in alts:
        behind = _LOOKBEHINDS.match(alt).group()
        branches.append(rf"(?<={behind}\b{literal}){alt[len(behind) + len(start) :]}")
    return re.compile(rf"{literal}(?:{'|'.join(branches)}){tail}")


def _needed_literal(regex: str) -> str:
    """The longest run of plain characters that every match of `regex` holds ("" for none)."""
    runs, run = [], ""
    for op, av in _parser.parse(regex).data:
        run = run + chr(av) if op is LITERAL else ""
        runs.append(run)
    return max(runs, key=len, default="")


Residual = tuple[int, re.Pattern[str], tuple[str, ...]]


def _cue_index() -> tuple[dict[int, dict[str, list[tuple[int, re.Pattern[str]]]]], list[Residual]]:
    """Cues by the literal starts of their alternatives (by length), each start with a search
    for the cue's alternatives opening with it (`_located`); and the residual searches, each
    with the literals of its alternatives (a text lacking all of them holds no match).

    A cue `\\b(?:a|b|...)tail` can only match where a word begins with one of its alternatives'
    literal starts; its alternatives without one make a residual pattern searched as usual, as
    does any cue of another shape."""
    by_start: dict[tuple[str, int], list[str]] = {}
    tails: dict[int, str] = {}
    residual: list[Residual] = []
    for k, (_, pattern) in enumerate(_CUES):
        split = _alternatives(pattern.pattern) if pattern.groups == 0 else None
        if split is None:
            residual.append((k, factored(pattern), (_needed_literal(pattern.pattern),)))
            continue
        alts, tails[k] = split
        others = []
        for alt in (a for whole in alts for a in _expanded(whole)):
            if start := _literal_start(alt):
                by_start.setdefault((start, k), []).append(alt)
            else:
                others.append(alt)
        if others:
            searched = factored(re.compile(rf"\b(?:{'|'.join(others)}){tails[k]}"))
            residual.append((k, searched, tuple(map(_needed_literal, others))))
    index: dict[int, dict[str, list[tuple[int, re.Pattern[str]]]]] = {}
    for (start, k), alts in by_start.items():
        located = _located(start, alts, tails[k])
        index.setdefault(len(start), {}).setdefault(start, []).append((k, located))
    return index, residual


_BY_START, _RESIDUAL = _cue_index()

# Section headings: a short line that is only a heading, or a line "Heading: its text".
_HEADINGS: list[tuple[str, re.Pattern[str]]] = [
    (
        "heading: duties",
        re.compile(
            r"(?:key\s+|main\s+|principal\s+)?(?:responsibilities|duties|tasks|accountabilities"
            r"|what\s+you(?:'|’)?ll\s+do|what\s+you\s+will\s+do|your\s+role|the\s+role"
            r"|role\s+description|job\s+description|vos\s+missions|tus\s+funciones|ваши\s+задачи"
            r"|задачи|чем\s+(?:предстоит|нужно|вы\s+будете)\s+заниматься|что\s+(?:нужно|предстоит)"
            r"\s+делать|що\s+(?:потрібно|треба)\s+робити|co\s+budete\s+delat|vase\s+ukoly"
            r"|missions?(?:\s+principales)?|taches|responsabilites|funciones|responsabilidades"
            r"|atribuicoes|principais\s+atividades|обязанности|функциональные\s+обязанности"
            r"|обов'язки|aufgaben|ihre\s+aufgaben|napln\s+prace|pracovni\s+napln|المهام"
            r"|ძირითადი\s+მოვალეობები|მოვალეობები|zakres\s+obowiazkow|obowiazki|wat\s+ga\s+je\s+doen"
            r"|taken|functieomschrijving|funcions|mansioni|compiti|задължения|отговорности"
            r"|gorev\s+tan[ıi]m[ıi]|is\s+tan[ıi]m[ıi]|objetivo\s+do\s+cargo|المسووليات)"
        ),
    ),
    (
        "heading: requirements",
        re.compile(
            r"(?:(?:required|preferred|desired|desirable|essential|minimum)\s+)?(?:qualifications"
            r"|requirements|skills(?:\s+and\s+(?:experience|competencies))?|experience|competencies"
            r"|person\s+specification|about\s+you|who\s+you\s+are|profile|candidate\s+profile"
            r"|education)|what\s+we(?:'|’)?re\s+looking\s+for|what\s+we\s+are\s+looking\s+for"
            r"|votre\s+profil|tu\s+perfil|что\s+(?:для\s+нас\s+)?важно|мы\s+ожидаем|мы\s+ждем"
            r"|что\s+мы\s+(?:ждем|ожидаем)|що\s+ми\s+очікуємо|co\s+ocekavame"
            r"|profil(?:\s+recherche|\s+du\s+candidat)?|qualifications\s+requises"
            r"|competences|requisitos(?:\s+minimos)?|perfil(?:\s+requerido)?|требования(?:\s+к\s+\w+)?"
            r"|квалификационные\s+требования|вимоги|anforderungen|ihr\s+profil|pozadujeme|pozadavky"
            r"|الموهلات|მოთხოვნები|საკვალიფიკაციო\s+მოთხოვნები|wymagania|oczekujemy|functie-?eisen"
            r"|wat\s+vragen\s+wij|wie\s+zoeken\s+we|requisits|requisiti|изисквания|aranan\s+nitelikler"
            r"|المتطلبات|الشروط(?:\s+المطلوبة)?"
        ),
    ),
    (
        "heading: how to apply",
        re.compile(
            r"(?:how\s+to\s+apply|to\s+apply|application\s+(?:process|procedure)|applications?"
            r"|comment\s+postuler|candidature|dossier\s+de\s+candidature|como\s+postular"
            r"|postulaciones?|como\s+se\s+candidatar|candidaturas?|как\s+(?:подать\s+заявку"
            r"|откликнуться)|как\s+податься|як\s+подати\s+заявку|bewerbung|jak\s+se\s+prihlasit"
            r"|sollicitatie|solliciteren|jak\s+aplikowac|aplikacja|basvuru"
            r"|кандидатстване|كيفية\s+التقديم)"
        ),
    ),
    ("heading: contact", re.compile(r"kontakt\w*|contact(?:\s+us|o|os)?|контакты|контакти")),
    (
        "heading: background",
        re.compile(
            r"(?:general\s+)?(?:background|context|contexte|contexto(?:\s+y\s+antecedentes)?"
            r"|antecedentes|mission\s+and\s+objectives|about\s+(?:us|the\s+organi[sz]ation)"
            r"|qui\s+sommes-nous|quienes\s+somos|о\s+нас|про\s+нас|контекст|предыстория"
            r"|uber\s+uns|o\s+nas|sobre\s+nos|sobre\s+nosotros)"
        ),
    ),
    (
        "heading: post details",
        re.compile(
            r"(?:job|post|position|vacancy)\s+title|title\s+of\s+(?:the\s+)?(?:post|position)"
            r"|titre\s+du\s+poste|intitule\s+du\s+poste|titulo\s+del?\s+(?:puesto|cargo"
            r"|la\s+contratacion)|duty\s+station|location|lieu(?:\s+d'affectation)?"
            r"|lugar(?:\s+de\s+trabajo)?|duration(?:\s+of\s+(?:assignment|contract))?|duree"
            r"|duracion|start\s+date|date\s+de\s+debut|fecha\s+de\s+inicio|название\s+должности"
            r"|место\s+работы|посада|місце\s+роботи|dienstort|einsatzort"
        ),
    ),
    (
        "heading: what we offer",
        re.compile(
            r"(?:what\s+we\s+offer|we\s+offer|benefits|conditions|terms\s+and\s+conditions|salary"
            r"|remuneration|nous\s+offrons|ce\s+que\s+nous\s+offrons|conditions\s+d'emploi"
            r"|ofrecemos|condiciones|мы\s+предлагаем|условия(?:\s+работы)?|ми\s+пропонуємо"
            r"|умови|wir\s+bieten|nabizime|oferecemos|oferujemy|wij\s+bieden|wat\s+bieden\s+wij"
            r"|offriamo|oferim|предлагаме|ние\s+предлагаме)"
        ),
    ),
]
_HEADING_LINE = 80  # longer lines are sentences, not headings
_LABEL = 50  # "Heading: text" on one line counts when the colon comes this early
_DEADLINE_FIELD = re.compile(
    r"(?:application\s+deadline|deadline(?:\s+for\s+applications)?|closing\s+date|apply\s+by"
    r"|date\s+limite(?:\s+de\s+candidature)?|fecha\s+limite|plazo(?:\s+de\s+postulacion)?"
    r"|prazo|срок\s+подачи(?:\s+\w+)?|крайний\s+срок|термін\s+подачі|bewerbungsfrist"
    r"|uzaverka|termin\s+pro\s+podani)\s*[:|-]"
)
_IMPERATIVE = re.compile(
    r"^(?:build|maintain|assist|provide|support|develop|coordinate|lead|manage|ensure|conduct"
    r"|prepare|monitor|draft|review|organi[sz]e|represent|liaise|contribute|advise|oversee"
    r"|facilitate|identify|implement|assess|assurer|coordonner|elaborer|participer|appuyer"
    r"|rediger|suivre|coordinar|elaborar|apoyar|realizar|garantizar|participar|preparar"
    r"|подготовка|организация|координация|разработка|участие|обеспечение|ведение|підготовка"
    r"|організація|координація|zajistovani|priprava|koordinace)\b"
)
_PROFILE = re.compile(
    r"^(?:experience|knowledge|ability|availability|good\s+level|proficiency|fluency|degree"
    r"|commitment|excellent|strong|proven|familiarity|capacity|minimum|at\s+least|solid"
    r"|experience|connaissance|maitrise|capacite|diplome|titulo|conocimiento|experiencia"
    r"|dominio|опыт|знание|высшее|умение|досвід|знання|вища|vs\s+vzdelani|znalost|zkusenost)\b"
)


def _structure(doc: Doc, says_closed: bool) -> list[tuple[str, str]]:
    """Headings, a deadline field and lists of duties, requirements or closed roles (looked for
    only when the opening `says_closed`), with the line of each."""
    out: dict[str, str] = {}
    duties: list[str] = []
    profile: list[str] = []
    for line in doc.lines[:200]:
        folded = fold(line)
        label = folded.split(":", 1)[0] if ":" in folded[:_LABEL] else folded
        if len(label) <= _HEADING_LINE:
            bare = label.strip(" :.-–—|#*").strip()
            for name, pattern in _HEADINGS:
                if name not in out and pattern.fullmatch(bare):
                    out[name] = line
            if "deadline field" not in out and _DEADLINE_FIELD.match(folded):
                out["deadline field"] = line
        if _IMPERATIVE.match(folded):
            duties.append(line)
        if len(line) < 200 and _PROFILE.match(folded):
            profile.append(line)
    closed = sorted(doc.lines_matching(_CLOSED)) if says_closed else []
    closed = [i for i in closed if i < 200 and len(doc.lines[i]) < 200]
    if len(closed) >= 2:  # several roles, each marked closed: a careers page, not one posting
        out["lists closed roles"] = doc.lines[closed[0]]
    if len(duties) >= 3:
        out["lists duties"] = duties[0]
    if len(profile) >= 3:
        out["lists candidate requirements"] = profile[0]
    return list(out.items())


CUE_NAMES = tuple(
    [name for name, _ in _CUES]
    + [name for name, _ in _HEADINGS]
    + ["deadline field", "lists duties", "lists candidate requirements", "lists closed roles"]
)


@dataclass
class Features:
    """What the model reads of one posting."""

    flat: str  # the folded title and opening in Latin letters, spaces collapsed: its n-grams
    words: list[str]  # every word and word bigram (in Latin letters)
    cues: dict[str, str]  # cue name -> the sentence or line it fired on


def head(doc: Doc, title: str | None = None) -> str:
    """The text the model reads: the title, then the opening of the posting (past a leading block
    of page furniture)."""
    title, opening = title or doc.title, doc.text[doc.start_char :][:HEAD_CHARS]
    return f"{title}\n{opening}" if title else opening


def features(doc: Doc, title: str | None = None) -> Features:
    """Folded text, words and fired cues of a posting (the same code trains and scores)."""
    text = head(doc, title)
    folded = fold.__wrapped__(text)
    tokens = _WORD.findall(folded)
    latin = folded.translate(_LATIN) if _CYRILLIC.search(folded) else folded
    grams = tokens if latin == folded else _WORD.findall(latin)
    words = grams + list(map(" ".join, zip(grams, grams[1:], strict=False)))
    flat = f" {_SPACES.sub(' ', latin).strip()} "
    return Features(flat, words, cue_lines(doc, text, folded, tokens))


def char_grams(flat: str, char_n: tuple[int, ...]) -> list[str]:
    """Every character n-gram of `flat`, for each n of `char_n` (training counts these)."""
    out: list[str] = []
    for n in char_n:  # map and slice objects keep the loop in C
        out += map(flat.__getitem__, map(slice, range(len(flat) - n + 1), range(n, len(flat) + 1)))
    return out


def cue_lines(doc: Doc, text: str, folded: str, tokens: list[str]) -> dict[str, str]:
    """Each fired cue (`_CUES`, then `_structure`) with the sentence of its first match.

    `tokens` are the words of `folded` (`_WORD`)."""
    first = {
        k: m.start()
        for k, pattern, needs in _RESIDUAL
        if any(literal in folded for literal in needs) and (m := pattern.search(folded))
    }
    words = set(tokens)
    for n, index in _BY_START.items():
        for start in {w[:n] for w in words} & index.keys():  # a shorter word matches no key
            for k, located in index[start]:
                if (m := located.search(folded)) and m.start() < first.get(k, len(folded)):
                    first[k] = m.start()
    cues = {_CUES[k][0]: sentence_at(text, first[k]) for k in sorted(first)}
    cues.update(_structure(doc, "says the selection is closed" in cues))
    return cues


_WIDE = 0xFFFF  # code points from here on do not fit a 16-bit slot of an n-gram key
_MAX_N = 4  # four 16-bit code points make one 64-bit key


def _gram_key(gram: str) -> int:
    """The integer of an n-gram of narrow characters: its code points as 16-bit digits."""
    key = 0
    for ch in gram:
        key = key << 16 | ord(ch)
    return key


_EMPTY = np.uint64(2**64 - 1)  # a free slot: all 16-bit digits 0xFFFF, no vocabulary key
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing's multiplier


class _KeyTable:
    """Integer keys and their values in an open-addressing hash table (linear probing, at most
    a quarter full), looked up for a whole array of keys at once."""

    def __init__(self, keys: np.ndarray, values: np.ndarray):
        self.bits = max(4, int(len(keys)).bit_length() + 2)
        self.mask = (1 << self.bits) - 1
        self.keys = np.full(1 << self.bits, _EMPTY, dtype=np.uint64)
        self.values = np.zeros(1 << self.bits, dtype=np.intp)
        todo, slots = np.arange(len(keys)), self._slots(keys)
        while len(todo):  # each round, the first key claiming a free slot takes it
            free = self.keys[slots] == _EMPTY
            _, first = np.unique(slots[free], return_index=True)
            placed = np.flatnonzero(free)[first]
            self.keys[slots[placed]] = keys[todo[placed]]
            self.values[slots[placed]] = values[todo[placed]]
            rest = np.ones(len(todo), dtype=bool)
            rest[placed] = False
            todo, slots = todo[rest], (slots[rest] + 1) & self.mask

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        return ((keys * _MIX) >> np.uint64(64 - self.bits)).astype(np.intp)

    def find(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The indices of `keys` found in the table (in no particular order), and their values."""
        slots, todo = self._slots(keys), np.arange(len(keys))
        found, values = [todo[:0]], [todo[:0]]
        while len(todo):
            held = self.keys[slots]
            hit = held == keys[todo]
            found.append(todo[hit])
            values.append(self.values[slots[hit]])
            more = ~hit & (held != _EMPTY)  # another key sits there: probe the next slot
            todo, slots = todo[more], (slots[more] + 1) & self.mask
        return np.concatenate(found), np.concatenate(values)


class _CharIndex:
    """A character vocabulary as integer keys in hash tables, looked up for a batch of texts at
    once. N-grams holding a wide character (rare: emoji, historic scripts) go through the dict."""

    def __init__(self, vocab: dict[str, int], char_n: tuple[int, ...]):
        if max(char_n) > _MAX_N:
            raise ValueError(f"character n-grams longer than {_MAX_N} are not supported")
        self.vocab, self.char_n = vocab, char_n
        self.tables: dict[int, _KeyTable] = {}
        for n in char_n:
            narrow = [(t, i) for t, i in vocab.items() if len(t) == n and max(t) < chr(_WIDE)]
            keys = np.array([_gram_key(t) for t, _ in narrow], dtype=np.uint64)
            self.tables[n] = _KeyTable(keys, np.array([i for _, i in narrow], dtype=np.intp))

    def lookup(self, flats: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Row (text) and vocabulary id of every known n-gram occurrence in `flats`."""
        codes = np.frombuffer("".join(flats).encode("utf-32-le"), dtype=np.uint32)
        lens = np.array([len(f) for f in flats], dtype=np.intp)
        ends = np.repeat(np.cumsum(lens), lens)  # where each position's text ends
        row_of = np.repeat(np.arange(len(flats)), lens)
        wide = np.flatnonzero(codes >= _WIDE)
        narrow = np.minimum(codes, _WIDE).astype(np.uint64)
        rows, ids = [], []
        for n in self.char_n:
            count = max(len(codes) - n + 1, 0)
            key = np.zeros(count, dtype=np.uint64)
            for i in range(n):
                key = key << np.uint64(16) | narrow[i : i + count]
            starts = np.flatnonzero(np.arange(n, count + n) <= ends[:count])
            key = key[starts]
            # a key with a wide character (clipped to _WIDE) equals no key of the table
            hit, vocab_ids = self.tables[n].find(key)
            rows.append(row_of[starts[hit]])
            ids.append(vocab_ids)
            for start in {int(s) for w in wide for s in range(w - n + 1, w + 1)}:
                if start >= 0 and start + n <= ends[start]:
                    gram = "".join(map(chr, codes[start : start + n]))
                    if max(gram) >= chr(_WIDE) and gram in self.vocab:
                        rows.append(row_of[[start]])
                        ids.append(np.array([self.vocab[gram]], dtype=np.intp))
        return np.concatenate(rows), np.concatenate(ids)


@dataclass(frozen=True)
class Model:
    """The shipped model: vocabularies with idf and weights, cue weights, calibration."""

    char_n: tuple[int, ...]
    chars: _CharIndex
    words: dict[str, int]
    char_idf: np.ndarray
    word_idf: np.ndarray
    char_w: np.ndarray
    word_w: np.ndarray
    cue_w: dict[str, float]
    intercept: float
    platt: tuple[float, float]

    @classmethod
    def from_json(cls, data: dict) -> Model:
        def block(name: str) -> tuple[dict[str, int], np.ndarray, np.ndarray]:
            terms = data[name]
            return (
                {t: i for i, t in enumerate(terms["terms"])},
                np.asarray(terms["idf"], dtype=np.float64),
                np.asarray(terms["weights"], dtype=np.float64),
            )

        chars, char_idf, char_w = block("chars")
        words, word_idf, word_w = block("words")
        char_n = tuple(data["char_n"])
        return cls(
            char_n,
            _CharIndex(chars, char_n),
            words,
            char_idf,
            word_idf,
            char_w,
            word_w,
            dict(data["cues"]),
            float(data["intercept"]),
            (float(data["platt"][0]), float(data["platt"][1])),
        )

    @staticmethod
    def _block(
        n_docs: int, rows: np.ndarray, ids: np.ndarray, idf: np.ndarray, w: np.ndarray
    ) -> np.ndarray:
        """Each document's dot product of its L2-normalised sublinear TF-IDF row with `w`."""
        cells = rows * len(idf) + ids
        if n_docs * len(idf) < 2**31:
            cells = cells.astype(np.int32)  # the same cells, sorted faster
        cells, tfs = np.unique(cells, return_counts=True)
        rows_a, cols_a = np.divmod(cells, len(idf))
        values = (1.0 + np.log(tfs)) * idf[cols_a]
        norms = np.sqrt(np.bincount(rows_a, values**2, minlength=n_docs))
        dots = np.bincount(rows_a, values * w[cols_a], minlength=n_docs)
        return np.divide(dots, norms, out=np.zeros(n_docs), where=norms > 0)

    def _word_ids(self, feats: list[Features]) -> tuple[np.ndarray, np.ndarray]:
        sizes = [len(f.words) for f in feats]
        words = chain.from_iterable(f.words for f in feats)
        ids = np.fromiter(map(self.words.get, words, repeat(-1)), dtype=np.intp, count=sum(sizes))
        rows = np.repeat(np.arange(len(feats)), sizes)
        known = ids >= 0  # terms out of the vocabulary weigh nothing
        return rows[known], ids[known]

    def decision(self, feats: list[Features]) -> np.ndarray:
        """The linear score (log-odds before calibration) of each posting, `CHUNK` at a time
        (each posting's score is computed alone: the chunks change no digit)."""
        if len(feats) > CHUNK:
            chunks = (feats[i : i + CHUNK] for i in range(0, len(feats), CHUNK))
            return np.concatenate([self.decision(chunk) for chunk in chunks])
        n = len(feats)
        z = self._block(n, *self.chars.lookup([f.flat for f in feats]), self.char_idf, self.char_w)
        z += self._block(n, *self._word_ids(feats), self.word_idf, self.word_w)
        z += [sum(self.cue_w.get(name, 0.0) for name in f.cues) for f in feats]
        return z + self.intercept

    def probability(self, z: np.ndarray) -> np.ndarray:
        a, b = self.platt
        return 1.0 / (1.0 + np.exp(-(a * z + b)))


@cache
def model() -> Model:
    """The shipped model, loaded once."""
    path = files("understand.data").joinpath(MODEL_FILE)
    return Model.from_json(json.loads(path.read_text(encoding="utf-8")))


def _evidence(doc: Doc, feats: Features, z: float, cue_w: dict[str, float]) -> str:
    """The sentence of the fired cue that pushed hardest towards the decision, else the opening."""
    sign = 1.0 if z >= 0 else -1.0
    pushing = [(sign * cue_w.get(n, 0.0), s) for n, s in feats.cues.items()]
    pushing = [(w, s) for w, s in pushing if w > 0]
    if pushing:
        return max(pushing, key=lambda p: p[0])[1]
    return doc.lines[0] if doc.lines else ""


def vacancy_scores(docs: list[Doc]) -> list[tuple[float, str]]:
    """For each posting: the calibrated probability that it is a job offer, and its evidence."""
    if not docs:
        return []
    m = model()
    feats = [features(doc) for doc in docs]
    z = m.decision(feats)
    proba = m.probability(z)
    return [
        (round(float(p), 4), clip(_evidence(doc, f, float(zi), m.cue_w)))
        for doc, f, zi, p in zip(docs, feats, z, proba, strict=True)
    ]


def vacancy_score(doc: Doc, title: str | None = None) -> tuple[float, str]:
    """`vacancy_scores` of one posting (`title` stands in for a record title it lacks)."""
    if title and not doc.title:
        doc = Doc(doc.text, title=title, organization=doc.organization, url=doc.url)
    return vacancy_scores([doc])[0]
