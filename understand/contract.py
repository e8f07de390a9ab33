"""Contract type and seniority.

Contract type, strongest evidence first: the title ("Intern", "Consultant", "Fellowship"), a
contract field ("Contract type: Consultancy"), the body's wording, the URL's path
("/volunteer/"). A stated contract length counts as fixed-term only when it is the job's
("Two-year contract", "Duration of contract: 1 year"), not a project's or a commitment's. A role
joined to "consultant" by a hyphen ("Юрист-консультант") is a staff role, not a consultancy.

Seniority: a UN-style grade (P-4, D-1, GS-5, NO-B, SB-2) wins; then level words in the title
("Senior", "Director", "Chief", "Associate", "Assistant", "Officer", "Adviser", "Manager"...; a
director's deputy is senior), a "mid" title asking for six years of experience or more counting
as senior; internships and fellowships are entry level. A function alone ("Coordinator",
"Specialist", "Researcher", "Trainer") names no level unless three years of experience or more
are asked (mid; six, senior), and volunteer roles, postings with several roles and bare
"Consultant" titles stay unknown: the learned tagger (`understand.fields`) speaks for them.

Platforms' own labels (an employment type such as `fulltime_fixed_term` or `CONTRACTOR`, an
experience level such as `Mid-Senior level` or a UN grade) are read by `contract_of_label` and
`seniority_of_label`; a contract field in the text is read as such a label too.
"""

from __future__ import annotations

import re

from rightsjobs import profiles
from understand.text import Doc, clip, first_matches, fold, names_role, sentence_at

CONTRACT_TYPES = (*profiles.CONTRACT_TYPES, "unknown")
SENIORITIES = (*profiles.SENIORITIES, "unknown")

# "Two-year contract": the one body phrase that may start with any word, the costliest to look for
# (a text with neither "year" nor "month" is read without it).
_UNIT_CONTRACT = (
    r"(?:\w+|\d+)[-\s](?:year|month)s?\s+(?:renewable\s+|full[-\s]time\s+|part[-\s]time\s+)?"
    r"(?:contract|appointment|position|post)"
)
# (kind, words that name it in a title or contract field, phrases that name it in the body)
_KINDS: list[tuple[str, str, str]] = [
    (
        "internship",
        r"intern|internships?|traineeships?|trainee|stages?|stagiaire\w*|pasantia\w*|pasante"
        r"|practicantes?"
        r"|practicas|estagio|estagiario|tirocinio|praktikum|praktikant\w*|стажировк\w*|стажер\w*"
        r"|praktik|praktyk\w*|stazyst\w*|სტაჟირებ\w*|სტაჟიორ\w*|تدريب|متدرب|staj|stajyer\w*"
        r"|πρακτικ\w*\s+ασκησ\w*|практикант\w*|студентск\w+\s+практик\w*"
        r"|стажант\w*|стажист\w*|gyakornok\w*|کاراموز\w*|պրակտիկանտ\w*"
        r"|ստաժոր\w*",
        r"internships?|traineeships?|(?:un|le|du|au|ce|de)\s+stage|pasantia\w*"
        # not interns the person will manage ("gérer des stagiaires")
        r"|(?<!gerer\sdes\s)(?<!encadrer\sdes\s)(?<!superviser\sdes\s)(?<!gestion\sdes\s)stagiaire\w*"
        r"|practicas\s+profesionales|practicantes?"
        r"|estagio|tirocinio|praktikum|стажировк\w*|praktyki\s+(?:zawodowe"
        r"|studenckie)|praktykant\w*|stazyst\w*|stazist(?:a|ka|ku|u)\b|staz\b(?!\s+pracy)|სტაჟირებ\w*|staj\s+(?:program[ıi]|ilan[ıi]"
        r"|basvuru\w*)|stajyer\w*|πρακτικ\w*\s+ασκησ\w*|практикант\w*"
        r"|студентск\w+\s+практик\w*|стажант\w*|стажист\w*|стажуванн\w*|strucn\w+\s+praks\w+"
        r"|gyakornok\w*|کاراموزی|պրակտիկա\w*|ստաժավորում\w*",
    ),
    (
        "fellowship",
        r"fellows?|fellowships?|beca|becas|becari[oa]s?|bourse|boursier\w*|стипенди\w*|زمالة",
        r"fellowships?|fellowship\s+programme|becas?|becari[oa]s?|стипенди\w*|زمالة",
    ),
    (
        "volunteer",
        r"volunteers?|volunteering|voluntari[oa]s?|voluntariado|benevole\w*|volontaire\w*"
        r"|volontariat|волонтер\w*|доброволец|ideell|ehrenamt\w*|wolontari\w*|vrijwilliger\w*"
        r"|volonter\w*|تطوع\w*|gonullu\w*|εθελοντ\w*|vullnetar\w*|доброволц\w*|onkentes\w*"
        r"|կամավոր\w*|მოხალისე\w*|متطوع\w*|داوطلب\w*|konullu\w*",
        r"volunteer\s+(?:position|role|post|opportunity|basis)|voluntary\s+basis"
        r"|unpaid\s+(?:position|role)|benevolat|a\s+titre\s+benevole|voluntariado|волонтерск\w*"
        r"|wolontariat\w*|vrijwilligerswerk|на\s+общественных\s+началах|(?:the|an?)\s+ideal\s+volunteer"
        r"|gonullu\w*|εθελοντ\w*|vullnetar\w*|доброволц\w*|onkentes\w*|կամավոր\w*"
        r"|მოხალისე\w*|متطوع\w*|داوطلب\w*|konullu\w*",
    ),
    (
        "consultancy",
        r"consultants?|consultancy|consultancies|consultoria|consultor\w*|консультант\w*"
        r"|konsult\w*|konsulent\w*|iica\d?|ica|(?:individual\s+|independent\s+)?contractors?|freelancer?s?"
        r"|special\s+service\s+agreement|ssa|консултант\w*|dan[ıi]sman\w*|m[əe]sl[əe]h[əe]tci\w*"
        r"|კონსულტანტ\w*|խորհրդատու\w*|مشاور|استشاري\w*",
        r"(?:hiring|seeking|looking\s+for|recruit\w*|engage)\s+(?:a|an|\d+|two"
        r"|three)?\s*(?:\w+\s+)?consultants?|consultancy\s+(?:contract|assignment|services)"
        r"|call\s+for\s+consultan\w*|the\s+consultants?\s+will|iica\d?"
        r"|individual\s+contractor\s+agreement|(?:individuals?|individer|individus)\s+(?:or|och|ou"
        r"|o|and|et)\s+(?:teams?|firms?|companies|equipes|consultancies)\s+(?:may|can|kan|peuvent"
        r"|pueden)|(?:recherch\w+|recrute\w*)\s+(?:un|une|un·e|un\.e|un\(e\))\s+consultant\w*"
        r"|(?:as|als|en\s+tant\s+que|como)\s+(?:an?\s+|un\s+|une\s+)?(?:independent\s+)?(?:consultants?"
        r"|contractors?|freelancers?|consultor\w*)|independent\s+contractors?|freelance\w*"
        r"|(?<!drafting\s)(?<!draft\s)(?<!prepare\s)(?<!develop\s)terms\s+of\s+reference|termes\s+de\s+reference|terminos\s+de\s+referencia"
        r"|termos\s+de\s+referencia|termat\s+e\s+references|(?:auf\s+)?honorarbasis|honorarvertrag\w*"
        r"|honorarios|microempreendedor\s+individual|prestac(?:ao|ion)\s+de"
        r"\s+servicos|prestac(?:ao|ion)\s+de\s+servicios|prest[a-z]+\s+(?:de\s+)?servicii"
        r"|achizitionarea\s+serviciilor|umow\w*\s+(?:zlecen\w*|o\s+dzielo)|werkvertrag\w*"
        r"|технічн\w+\s+завданн\w*|техническ\w+\s+задани\w*|տեխնիկական\s+առաջադրանք"
        r"|закупівл\w*\s+послуг|закупк\w*\s+услуг|external\s+evaluators?|evaluateur\w*\s+externe\w*"
        r"|evaluador\w*\s+extern\w*|extern\w*\s+(?:evaluator\w*|hodnotitel\w*|gutachter\w*)"
        r"|(?:مدة|عقد)\s+(?:ال)?استشار\w*|خبير\w*\s+استشاري\w*|قرارداد\s+مشاوره"
        r"|bag[ıi]ms[ıi]z\s+dan[ıi]sman\w*|eksternog\s+(?:evaluator\w*|konsultant\w*)"
        # a civil-law service contract, not employment (ru, uk)
        r"|договор\w*\s+гражданско-правов\w+|гражданско-правов\w+\s+договор\w*|договор\w*\s+гпх"
        r"|цивільно-правов\w+\s+догов\w+|догов\w+\s+цивільно-правов\w+"
        r"|договор\w*\s+(?:возмездного\s+)?оказания\s+услуг|(?:по|оформление\s+по)\s+гпх"
        # self-employed, invoicing: Czech "na IČO", Polish "B2B"
        r"|na\s+ico|(?:wsp\w+praca|umow\w+|kontrakt\w*)\s+(?:na\s+podstawie\s+|w\s+formie\s+)?b2b",
    ),
    (
        "fixed-term",
        r"fixed[-\s]term|(?<![\w ])temporary|temporary\s+(?:position|post|contract|role|job"
        r"|appointment)|temporaire|cdd|plazo\s+fijo|срочн\w*|временн\w*|visstid\w*|befristet\w*"
        r"|(?:\w+|\d+)[-\s](?:year|month)s?\s+contract|short[-\s]term",
        r"fixed[-\s]term|temporary\s+(?:position|post|contract|role|job|appointment|employment"
        r"|assignment)|cdd|duree\s+determinee|plazo\s+fijo|termino\s+fijo|duracion\s+determinada"
        r"|contrato\s+temporal|por\s+obra\s+(?:y|o)\s+servicio|obra\s+(?:o|y)\s+labor"
        r"|tiempo\s+determinado|срочн\w+\s+(?:трудов\w+\s+)?(?:договор|контракт)\w*"
        r"|visstidsanstallning|befristet\w*|maternity\s+(?:cover|leave)|"
        + _UNIT_CONTRACT
        + r"|contract\s+(?:of|for)\s+(?:\w+|\d+)\s+(?:years?"
        r"|months?)\s*,?\s+(?:renewable|with\s+(?:a\s+)?possibility)"
        r"|(?:contrat|contrato)\s+(?:de|d'une\s+duree\s+de)\s+(?:\d+|\w+)\s+(?:mois|meses|ans?|anos?)"
        r"|(?:договор|контракт)\w*\s+на\s+(?:\d+|\w+)\s+(?:месяц\w*|год\w*|лет)"
        r"|lasting\s+(?:at\s+least\s+)?until|short[-\s]term\s+(?:contract|position|post|assignment"
        r"|employment)|(?:employment|contract|appointment|position)\s+(?:is|will\s+be)\s+limited\s+to"
        r"\s+the\s+duration|(?:contract|appointment)\s+(?:will\s+be|is)\s+(?:valid\s+)?for\s+(?:a"
        r"\s+period\s+of\s+)?(?:\w+|\d+)\s+(?:years?|months?)|contract\s*,?\s+initially\s+for\s+(?:\w+"
        r"|\d+)\s+(?:years?|months?)|na\s+dobu\s+urci(?:tou|tu)|na\s+czas\s+okreslony"
        r"|na\s+odre[dđ]eno|tempo\s+determinato|prazo\s+determinado|bepaalde\s+tijd"
        r"|tijdelijk\s+contract|(?:arbeidsovereenkomst|contract|aanstelling)\s+(?:voor|van)\s+(?:\w+"
        r"|\d+)\s+(?:jaar|maanden)|projektanstallning|tidsbegransad\s+anstallning|vikariat"
        r"|belirli\s+sureli|ορισμενου\s+χρονου|me\s+afat\s+(?:te\s+)?caktuar"
        r"|на\s+определено\s+време|на\s+одређено|(?<!غير\s)محدد\s+المدة|قرارداد\s+موقت"
        r"|m[uü]dd[əe]tli\s+[əe]m[əe]k|hatarozott\s+ideju|ვადიან\w*\s+ხელშეკრულებ\w*"
        r"|որոշակի\s+ժամկետով",
    ),
    (
        "permanent",
        r"permanent|open[-\s]ended|indefinite|cdi|indefinido|бессрочн\w*|tillsvidare\w*"
        r"|unbefristet\w*",
        r"permanent(?:\s*,?\s*(?:and\s+)?(?:full|part)[-\s]time)?\s+(?:position|contract|post|role"
        r"|employment|basis|job|appointment)|open[-\s]ended\s+contract|indefinite\s+(?:contract"
        r"|duration)|cdi|duree\s+indeterminee|contrato\s+indefinido|(?:a|por)\s+(?:termino|tiempo"
        r"|plazo)\s+indefinido"
        r"|бессрочн\w+|безстроков\w+|на\s+неопредел[её]нн\w+\s+срок|tillsvidareanstallning"
        r"|unbefristet\w*|na\s+dobu\s+neurci(?:tou|tu)"
        r"|na\s+czas\s+nieokreslony|na\s+neodre[dđ]eno|tempo\s+indeterminato|prazo\s+indeterminado"
        r"|onbepaalde\s+tijd|vast\s+contract|vaste\s+aanstelling|fast\s+(?:stilling|ansettelse"
        r"|anstallning|ans(?:æ|ae)ttelse)|fastans(?:æ|ae)t\w*|постійн\w+\s+(?:робот\w*|посад\w*|контракт\w*"
        r"|трудов\w+\s+договор\w*)|belirsiz\s+sureli|αοριστου\s+χρονου|pe\s+perioada\s+nedeterminata"
        r"|hatarozatlan\s+ideju|toistaiseksi\s+voimassa\w*|vakituinen|на\s+неопределено\s+време"
        r"|на\s+неодређено|غير\s+محدد\s+المدة|عقد\s+دايم|قرارداد\s+دايم|m[uü]dd[əe]tsiz"
        r"|უვადო|անժամկետ\w*",
    ),
]
_TITLE_KINDS = [(kind, re.compile(rf"\b(?:{title})\b")) for kind, title, _ in _KINDS]
# Platforms' employment-type words beyond the title words (`CONTRACTOR`, `Contract - Full-Time`,
# `Regular`), after those.
_LABEL_KINDS = [
    ("internship", re.compile(r"intern|trainee|stagi")),
    ("volunteer", re.compile(r"volunt")),
    ("fellowship", re.compile(r"fellow")),
    (
        "consultancy",
        re.compile(
            r"consult|freelan|contractor|individual contract|service contract|sherbim|honorar"
            r"|prestac|werkvertrag|zlecen"
        ),
    ),
    ("fixed-term", re.compile(r"fixed|temporar|contract|seasonal|short[-_ ]term")),
    ("permanent", re.compile(r"permanent|indefinite|open[-_ ]ended|regular")),
]
_BODY_KINDS = [(kind, re.compile(rf"\b(?:{body})\b")) for kind, _, body in _KINDS]
_BODY_PATTERNS = tuple(pattern for _, pattern in _BODY_KINDS)
_UNITLESS_BODY = tuple(
    re.compile(p.pattern.replace(f"|{_UNIT_CONTRACT}", "")) for p in _BODY_PATTERNS
)
_CONTRACT_LABEL = re.compile(
    r"(?:contract\s+type|type\s+of\s+(?:contract|appointment|position|employment)|contract"
    r"|appointment\s+type|employment\s+type|duration(?:\s+of\s+(?:contract|assignment"
    r"|appointment))?|contract\s+duration|type\s+de\s+contrat|duree(?:\s+du\s+contrat)?"
    r"|tipo\s+de\s+contrato|duracion(?:\s+del\s+contrato)?|тип\s+(?:договора|контракта)"
    r"|срок\s+(?:договора|контракта)|anstallningsform|staff\s+member\s*/\s*affiliate\s+type"
    r"|vertragsart|(?:vertrags)?laufzeit|vertragsdauer|befristung|tipi\s+i\s+kontrates"
    r"|tipologia\s+(?:di\s+)?contratto|durata(?:\s+del(?:l'incarico|\s+contratto))?"
    r"|duracao(?:\s+do\s+contrato)?|trajanje(?:\s+ugovora|\s+angazmana)?|czas\s+trwania(?:\s+umowy)?"
    r"|okres\s+zatrudnienia|kohezgjatja(?:\s+e\s+kontrates)?|продолжительность|длительность"
    r"|тривалість|looptijd|مدة\s+(?:التوظيف|العقد|التعاقد|العمل))\s*[:|]?"
)
_DURATION = re.compile(
    r"\b(?:(?:\d+|one|two|three|six|un|une|deux|trois|uno|dos|tres|seis|ein\w*|zwei|drei"
    r"|sechs|due|tre|sei|dwa|trzy|jedan|jedna|dva|tri|nje|dy|doi|trei|ett|en|tva)\s*-?\s*"
    r"(?:years?|months?|ans?|mois|anos?|meses|лет|год\w*|месяц\w*|місяц\w*|рок\w*|jahre?n?"
    r"|monate?n?|anni|anno|mesi|lata?|roku|miesi\w+|godin\w*|mjesec\w*|mesec\w*|vjet|muaj\w*"
    r"|ani|luni|ar|manad\w*|jaar|maanden|ay|y[ıi]l|თვ\w*|წლ\w*)|halvar"
    r"|سنة|سنتين|عام|عامين|(?:\d+\s+)?(?:اشهر|شهرا?))\b"
)
# An end date in a contract field ("to 31 December 2025", "April bis September 2016").
_END_DATE = re.compile(
    r"\b(?:until|till|to|through|bis|jusqu'?\s*(?:au|a|en)|hasta|ate|fino\s+al?|до|do)\s+(?:\w+\s+){0,3}?"
    r"\d{4}\b"
)
_URL_KINDS = {
    "volunteer": "volunteer", "volunteering": "volunteer", "internship": "internship",
    "internships": "internship", "stages": "internship", "stage": "internship",
    "consultancy": "consultancy", "consultancies": "consultancy",
    "fellowship": "fellowship", "fellowships": "fellowship", "becas": "fellowship",
}  # fmt: skip

_GRADE = re.compile(
    r"\b(?:(?P<p>p)[-\s]?(?P<pn>[1-5])|(?P<d>d)[-\s]?(?P<dn>[12])|(?P<asg>asg|usg)|(?P<g>g"
    r"|gs)[-\s]?(?P<gn>[1-7])|(?P<no>no)[-\s]?(?P<nol>[a-e])|(?P<sb>sb|sc)[-\s]?(?P<sbn>[1-5]))\b"
)
_TITLE_LEVELS: list[tuple[str, re.Pattern[str]]] = [
    (
        "director",
        re.compile(
            r"\b(?:director\w*|directeur\w*|directrice|directora?|chief|executive\s+director"
            r"|secretary[-\s]general|president|head\s+of\s+(?:department|division|programmes?"
            r"|programs?|secretariat|mission|unit|office|delegation)|special\s+rapporteur|relator\w*\s+especial|relatoria\s+especial"
            r"|rapporteur\w*\s+special\w*|директор\w*|руководител\w*\s+(?:программ|департамент)"
            r"|chef\s+de\s+(?:division|departement)|drejtor(?:i|e|esh\w*)?"
            r"|direktor(?:ka|ica|in|a)?|igazgato\w*|mudur\w*"
            r"|დირექტორ\w*|տնօրեն\w*|مدير\s+(?:عام|تنفيذي)|مدیر\s*(?:عامل|اجرایی))\b"
        ),
    ),
    (
        "entry",
        re.compile(
            r"\b(?:intern|interns|trainee|stagiaire\w*|stage|junior|associate|assistant|assistante"
            r"|asistente|assc|asst|entry[-\s]level|graduate|fellow|becari[oa]|pasante|beca"
            r"|ассистент\w*|младш\w*|стажер\w*|asistent\w*|assistente|\w*assistenz|assistenti"
            r"|yardımcısı|помощник\w*|помічник\w*|უმცროს\w*|asistan\w*|koməkci\w*|ასისტენტ\w*"
            r"|օգնական\w*|دستیار\w*|مساعد\w*|asszisztens\w*|stajyer\w*|gyakornok\w*|стажист\w*"
            r"|стажант\w*|pripravni\w*|приправни\w*|mla(?:đ|dj|d)i|млађи|младши)\b"
        ),
    ),
    (
        "senior",
        re.compile(
            r"\b(?:senior|sr|snr|lead|team\s+leader|principal|head|manager|representative|representant\w*"
            r"|representante|conseiller\s+principal|старш\w*|ведущ\w*|руководител\w*|менеджер\w*"
            r"|chef(?:·?f?e)?s?\s+(?:de\s+(?:service|l'equipe|equipe)|d'equipe)"
            r"|jef[ea]s?(?:/a)?\s+de\s+(?:equipo|area|oficina|unidad)"
            r"|responsable\s+(?:du|de\s+la|de\s+l'|de)\s*(?:pole|service|departement|unite|bureau)"
            r"|chefe\s+de\s+equipe|visi|виши|kıdemli|უფროს\w*"
            r"|ավագ|ارشد|vezeto\w*|مدير\w*|مدیر\w*|اول(?=\s*$)"
            r"|vedouc\w*|veduc\w*|kierownik\w*)\b"  # cs, sk, pl: the head of a team or unit
        ),
    ),
    (
        "mid",
        re.compile(
            r"\b(?:officer|advisor|adviser|conseill\w*|charge\S*\s+de"
            r"|charge-e|oficial|analyst|аналитик\w*|lawyer|counsel|abogad[oa]|юрист\w*"
            r"|chef(?:\W?f?e)?s?\W*\s+de\s+(?:projets?"
            r"|programmes?)|jef[ea]s?\s+de\s+(?:proyectos?|programas?)|chefe\s+de\s+(?:projetos?"
            r"|programas?)|capo\s+progett\w+|sluzbeni\w+|службени\w+|zyrtar\w*|sorumlu\w*"
            r"|مسوول\w*|sav(?:j)?etni\w+|саветни\w+|советник\w*|მრჩეველ\w*|مستشار\w*|tanacsado\w*)\b"
        ),
    ),
]


def _words(values: tuple) -> str:
    """Folded text of label values (strings, or lists of them); blanks left out."""
    words: list[object] = []
    for value in values:
        words.extend(value if isinstance(value, list | tuple) else [value])
    return fold(" ".join(str(w) for w in words if w))


def contract_of_label(*values: object) -> str | None:
    """permanent | fixed-term | consultancy | internship | fellowship | volunteer from a
    platform's employment type or a contract field, or None when it says nothing about the
    contract (`Full-time`, `Job`)."""
    text = _words(values)
    if not text:
        return None
    return _kind(text.replace("_", " "), _TITLE_KINDS) or _kind(text, _LABEL_KINDS)


# A role joined to "consultant" by a hyphen names a staff role that advises, not a consultancy
# ("Юрист-консультант", "психолог-консультант", "Jurist-Konsultant").
_ADVISING_ROLE = re.compile(r"\w+-(?:консультант|consultant|consultor|konsultant|კონსულტანტ)\w*")


# Interns and volunteers the person will manage ("encadrera des stagiaires", "coordinará el
# voluntariado", "руководит волонтерской программой") say nothing of the person's own contract.
MANAGED_KINDS = {"internship", "volunteer"}
_MANAGING = re.compile(
    r"\b(?:manag\w*|supervis\w*|oversee\w*|coordinat\w*|coordon\w*|coordin\w*|coorden\w*"
    r"|koordin\w*|koordyn\w*|координ\w*|encadr\w*|ger(?:er|ez|era|erez|ant|ait)|gestion\w*"
    r"|gerenci\w*|recrut\w*|recruit\w*|mentor\w*|dirig\w*|руковод\w*|курир\w*|керув\w*"
    r"|курув\w*|betreu\w*|anleit\w*|leite\w*|nadzor\w*|zarzadz\w*|vest|vedeni\w*|anim\w*)"
    r"[^\s.!?;:]*(?:\s+[^\s.!?;:]+){0,3}\s+$"
)
# ... or the role right after them manages them ("Volunteer Coordinator", "Internship Manager").
_MANAGER_AFTER = re.compile(
    r"(?:\s+(?:programme|program|project|engagement|services?|network))?\s+(?:co-?ordinator"
    r"|manager|officer|lead|leader|supervisor|organi[sz]er|recruiter|mentor)\b"
)
_MANAGING_SPAN = 60  # characters before the word, within its sentence, read for such a verb


# Names of the activity rather than the person ("Voluntariado", "Volunteering"): after another
# role they name its field ("Oficial de Programa - Voluntariado", "officer for internships").
_ACTIVITY = re.compile(
    r"volunteering|voluntariado|volontariat|wolontariat\w*|benevolat|vrijwilligerswerk"
    r"|internships?|pasantias|stages"
)


def managed(folded: str, start: int, end: int) -> bool:
    """Whether the interns or volunteers named at `start:end` are managed by the person, or
    the volunteering or internships there are the field of a role before them."""
    before = re.split(r"[.!?;:\n]", folded[max(0, start - _MANAGING_SPAN) : start])[-1]
    return bool(
        _MANAGING.search(before)
        or _MANAGER_AFTER.match(folded, end)
        or (_ACTIVITY.fullmatch(folded, start, end) and names_role(before))
    )


def contract_type(doc: Doc, title: str | None, hint: str | None) -> tuple[str, str]:
    """The contract type and the text it came from."""
    if hint in CONTRACT_TYPES:
        return hint, "(platform data)"
    if title and (kind := _title_kind(_ADVISING_ROLE.sub(" ", fold(title)))):
        return kind, title
    fields = list(doc.fields(_CONTRACT_LABEL))
    for value, line in fields:
        if kind := contract_of_label(value):
            return kind, line
    for value, line in fields:
        if _DURATION.search(fold(value)) or _END_DATE.search(fold(value)):
            return "fixed-term", line
    # In order: an internship that mentions a contract length is an internship.
    # A title naming a senior level is no internship or fellowship, whatever the body says
    # ("we run fellowship programmes").
    levelled = bool(title) and _title_level(fold(title)) in {"senior", "director"}
    text = doc.folded
    patterns = _BODY_PATTERNS if "year" in text or "month" in text else _UNITLESS_BODY
    found = first_matches(patterns, text)
    for (kind, _), pattern, m in zip(_BODY_KINDS, patterns, found, strict=True):
        if m and kind in MANAGED_KINDS and managed(text, m.start(), m.end()):
            m = next(
                (x for x in pattern.finditer(text, m.end()) if not managed(text, *x.span())),
                None,
            )
        if m and not (levelled and kind in {"internship", "fellowship"}):
            return kind, sentence_at(doc.text, m.start())
    for part in re.split(r"[/?&=]+", fold(doc.url or "")):
        if part in _URL_KINDS:
            return _URL_KINDS[part], doc.url or ""
    return "unknown", ""


def _title_kind(folded: str) -> str | None:
    """The contract a title names, but not interns or volunteers its role manages."""
    for kind, pattern in _TITLE_KINDS:
        m = pattern.search(folded)
        if m and not (kind in MANAGED_KINDS and managed(folded, *m.span())):
            return kind
    return None


def _kind(folded: str, patterns: list[tuple[str, re.Pattern[str]]]) -> str | None:
    return next((kind for kind, pattern in patterns if pattern.search(folded)), None)


SENIOR_YEARS = 6  # a "mid" title asking for this many years of experience or more is senior
MID_YEARS = 3  # a function asking for this many years or more is mid, 6 or more senior
# Functions, which name no level by themselves ("Coordinator", "Lawyer", "Trainer").
_FUNCTION = re.compile(
    r"\b(?:coordinator|coordinateur\w*|coordinatrice|coordinador\w*|specialist|specialiste"
    r"|researcher|campaigner|juriste|jurist\w*|expert\w*|experto|investigador\w*|chercheur\w*"
    r"|координатор\w*|специалист\w*|эксперт\w*|handlaggare|samordnare|trainer|facilitator"
    r"|formateur|formatrice|capacitador\w*|тренер\w*)\b"
)
# Platforms' experience levels (`mid_senior_level`, `Executive`, `Experienced`), in order.
_LABEL_LEVELS = [
    ("director", re.compile(r"director|executive|chief|head of")),
    ("mid", re.compile(r"mid[-_ ]?senior")),
    ("senior", re.compile(r"senior|principal|lead")),
    ("mid", re.compile(r"mid|experienced|associate|intermediate|professional")),
    ("entry", re.compile(r"intern|entry|junior|student|graduate|trainee")),
]


def seniority_of_label(*values: object) -> str | None:
    """entry | mid | senior | director from a platform's experience level or a UN grade
    (`P-3`, `D-1`), or None when it says nothing about seniority (`Not Applicable`)."""
    text = _words(values)
    if grade := _grade(text):
        return grade[0]
    return _kind(text, _LABEL_LEVELS) if text else None


def seniority(
    doc: Doc, title: str | None, contract: str, hint: str | None, years: int | None = None
) -> tuple[str, str]:
    """The seniority level and the text it came from; `years` is the minimum experience asked."""
    if hint in SENIORITIES:
        return hint, "(platform data)"
    if contract in {"internship", "fellowship"}:
        return "entry", title or ""
    if contract == "volunteer" or not title or ";" in title:
        return "unknown", ""
    folded = fold(title)
    grade = _grade(folded) or next(
        (g for line in doc.lines[:15] if (g := _grade_field(line))), None
    )
    if grade:
        return grade
    level = _aside_level(doc, title) or _title_level(folded)
    if level is None and years is not None and years >= MID_YEARS and _FUNCTION.search(folded):
        level = "mid"  # a function with the experience asked of a professional
    if level == "mid" and years is not None and years >= SENIOR_YEARS:
        return "senior", f"{title} ({years} years of experience)"
    return (level, title) if level else ("unknown", "")


# A deputy of a director ("Deputy Director", "Directeur adjoint", "Заместитель директора"): one
# level below (a deputy head of a mission or office still heads one).
_DEPUTY = re.compile(
    r"\b(?:deputy|vice|adjoint\w*|adjunt[oa]s?|stellvertret\w*|заместител\w*|заступник\w*"
    r"|zastupce|zastepca)\b"
)


_ASIDE = re.compile(r"\s*[-–—,]?\s*\(([^()]{1,30})\)")
_ASIDE_LINES = 15


def _aside_level(doc: Doc, title: str) -> str | None:
    """A level set in brackets after the title on its line, which the title lost when it was
    trimmed ("Policy Officer (Senior)", "Referent*in (Junior) Menschenrechte")."""
    for line in doc.lines[:_ASIDE_LINES]:
        at = line.find(title)
        if at >= 0 and (m := _ASIDE.match(line, at + len(title))):
            return _title_level(fold(m.group(1)))
    return None


def _title_level(folded: str) -> str | None:
    """The first level whose words the folded title holds; a director's deputy is senior."""
    level = _kind(folded, _TITLE_LEVELS)
    deputy = level == "director" and _DEPUTY.search(folded) and "head of" not in folded
    return "senior" if deputy else level


def _grade(folded: str) -> tuple[str, str] | None:
    m = _GRADE.search(folded)
    if not m:
        return None
    if m["p"]:
        level = "entry" if m["pn"] in "12" else "mid" if m["pn"] == "3" else "senior"
    elif m["d"] or m["asg"]:
        level = "director"
    elif m["no"]:
        level = "entry" if m["nol"] in "ab" else "mid" if m["nol"] == "c" else "senior"
    else:
        level = "entry"
    return level, clip(folded)


def _grade_field(line: str) -> tuple[str, str] | None:
    """A grade written in a "Grade:"/"Level:" field."""
    folded = fold(line)
    m = re.match(r"(?:grade|level|niveau|nivel|classe|categorie)\s*[:|]\s*(.+)", folded)
    return _grade(m.group(1)) if m else None
