"""Languages the posting requires, those it names as an asset, and "at least N of" rules.

Only sentences about language skills count: they carry a proficiency, preference or requirement
cue ("fluency in", "excellent", "knowledge of", "is an asset", "capable de travailler en",
"dominio del", "владение", "English is required", "are both essential", "a must") or sit under a
"Languages" heading. A list of languages before "is desirable" ("Nepali, Hindi or Urdu is
desirable"), after a "Desirable:" label or under a "Desirable"/"Assets" section heading is
desirable as a whole; "A cover letter in English is required" asks for a document, not a skill.
A language name followed by an ordinary noun ("Belarusian issues", "Russian authorities") or in a
compound ("Russian-speaking") is a demonym, not a language.

Strength comes from the language's own clause and the section it sits in, never from words far off:
a list continued after a comma keeps the strength of its start ("Fluency in English, Georgian and
Russian, and knowledge of Armenian is an asset": only Armenian is an asset); a clause whose cue
comes before its language, or that follows a semicolon, decides for itself alone; a "Required
languages" heading makes the short lines under it required, and any requirements or languages
heading ends an assets section. A short label ending with a colon that states a preference ("Будет
плюсом:", "Von Vorteil sind:") opens an assets section, one that states a requirement ("Cerințe
obligatorii:") a requirements section; for 15 lines a line naming languages and little else
("Portuguese") is then desirable or required, until a details line ("Location: Maputo") ends the
list. Lines of a language switcher ("English", "Français", "Русский") and statements of an
organisation's working languages are no skills, but a label of the job's own working language
("Working language: English", "Langue de travail : Français") requires it. A lower-case Latin-script
name after a noun is an adjective ("legislación española", "prawa polskiego"), not the language.
"English and either French or Spanish" and "English and Russian or Ukrainian" are English plus a
choice of one, as is "one of the official languages (English, French)". A list in brackets keeps the
strength of its clause ("(Swahili, Lingala) would be an asset"). A name after "non-", "other than"
or "without" (and the names joined to it) is put aside; a lower-case name joined by "and" to an
adjective of the same ending ("der deutschen und europäischen Politik") is an adjective. Besides the
table's names, the index holds the CLDR names (Babel) of its languages in the corpus's newer
languages (Albanian, Armenian, Bulgarian, Serbian, Croatian, Bosnian, Azerbaijani, Kyrgyz,
Hungarian, Greek, Romanian, ...), with their case forms. A title line that names a role whose work
is a language ("Tercüman (Arapça)", "Interprète pachto", "Arabic speaker") requires that language,
or one of the several it names. Rules, not a learned model: the language mentions are too few to
learn or to choose a classifier on; `python -m eval.languages` lists the wrong items of the train
and validation splits.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pycountry
from babel import Locale

from understand.lexicon import Hit, NameIndex, load_table, name_mode
from understand.text import Doc, clip, fold, tokens

_CUE = re.compile(
    r"fluen|proficien|knowledge\s+of|command\s+of|excellent|excelen|uitsteken"
    r"|good\s+(?:level|command|knowledge)"
    r"|\b(?:strong|solid|good|perfect|advanced|conversational)\s|\b(?:alt|medi|avanzad|nativ)[oa]\b"
    r"|written\s+and\s+(?:spoken|oral)|spoken\s+and\s+written|oral\s+and\s+written|native"
    r"|mother\s+tongue|working\s+(?:knowledge|level)|(?:ability|able)\s+to\s+(?:work|communicate"
    r"|write|speak)|must\s+speak|speak|language\s+(?:skills|requirements?)|skills\s+in"
    r"|capables?\s+de\s+travailler\s+en|maitrise|connaissance|courant|couramment|bilingue|dominio"
    r"|conocimiento|manejo|fluidez|nivel|владени|знани|свободн|владеть|kunskaper|flytande"
    r"|kenntnisse|flie(?:ss|ß)end|знання|володіння|вільн|اجاد|اتقان|معرفة|طلاق|اللغة|اللغات|اللغتين|ცოდნ|ფლობ|znalost"
    r"|znajomosc|znac\b|biegl|w\s+stopniu|\bcunoa|\bcunost|yabanci\s+dil|dil\s+bilgisi|dil\s+yeterli"
    r"|dilinden|bilmek|bilgisi|derecede|beheers|kennis\s+van|vaardig|vloeiend|ovlad"
    r"|slovem\s+i\s+pismem|conoscenza|padronanza|w\s+mowie|scritt[oa]\s+e\s+parlat|parlat[oa]\s+e\s+scritt"
    r"|hablad[oa]\s+y\s+escrit|escrit[oa]\s+y\s+hablad|falad[oa]\s+e\s+escrit|escrit[oa]\s+e\s+falad"
    r"|ecrite?s?\s+et\s+orale?s?|orale?s?\s+et\s+ecrite?s?"
    r"|trabajar\s+en|trabalhar\s+em|lavorare\s+in|\b(?:languages|langues"
    r"|idiomas|lenguas|linguas|lingue|языки|мови|jezyki|jazyky|limbi|sprachen|talen)\s*:"
    r"|\b(?:working\s+languages?|langues?\s+de\s+travail|(?:idiomas?|lenguas?)\s+de\s+trabajo"
    r"|linguas?\s+de\s+trabalho|lingu[ae]\s+di\s+lavoro|arbeitssprachen?|рабочи[йе]\s+язык\w*"
    r"|робоч[аі]\s+мов[аи])\s*:"  # a label of the job's working language(s): "Langue de travail :"
    r"|conhecimento|beherrsch|verhandlungssicher|sprech|spricht|تسلط|مسلط|اشنایی|bilm[əe]k"
    r"|mukəmməl|menguasai|fasih|познавање|познавањето|njohuri|njohja|zoterim|γνωση"
    r"|\b(?:parler|parlez|hablar|falar|parlare|ecrire|escribir|escrever|scrivere|connait"
    r"|connaitre)\b|\b(?:bon(?:ne)?|buen[oa]?|buon[oa]?)\s|nyelvtudas|nyelvismeret|njohuri|zoterim|владеене|познаван|poznavan|znanj"
    r"|tecn[oa]\b|intermedi|avansat|avanzad|avancad|advanced|γνωσ|αριστ|իմացությ|տիրապետ|bilik|biliy|s[eə]lis|билүү|билим|эркин|еркін|kunnig|знањ"
)
# Cues that make the languages of their segment required, whatever the segments around say.
_REQUIRED = re.compile(
    r"\b(?:required|requires?|requiere|requerid[oa]|essential|mandatory|compulsory|must|excellen\w*"
    r"|strong|solid"
    r"|fluen\w*|native|nativ[oa]|natif|mother\s+tongue|langue\s+maternelle|lengua\s+materna"
    r"|couramment|vyborn\w*|aktivni"
    r"|obligatoire|requis(?:es?)?|exig\w*|indispensable|imprescindible|obligatori[oa]|necesari[oa]"
    r"|dominio|maitrise|требуется|свободн\w*|вільн\w*|досконал\w*|відмінн\w*|совершенств\w*|обязательн\w*|необходим\w*|родн\w+|krav|kravs"
    r"|erforderlich|capables?\s+de\s+travailler|مطلوب\w*|المطلوب\w*|الزامي\w*|الالزامي\w*"
    r"|ضروري\w*|الضروري\w*"
    r"|اجاد\w*|اتقان"
    r"|სავალდებულ\w*|აუცილებ\w*|obligatoriu|wymagan\w*|obowiazkow\w*|niezbedn\w*|biegl\w*"
    r"|vereist|verplicht|uitstekend\w*|nutn\w*|nezbytn\w*|pozadujem\w*|pozadovan\w*"
    r"|vyzadovan\w*|vyzaduje\w*|wymagamy|zorunlu|gerekli|richiest\w*"
    r"|obbligatori\w*|exigid\w*|excelent\w*|obrigatori\w*|necessari[oa]s?"
    r"|imprescindive(?:l|is)|обов'язков\w*|الزامی|ضروری"
    r"|задължителн\w*|отличн\w*|obavezn\w*|обавезн\w*|odlicn\w*|одличн\w*|stabil\w*|kivalo"
    r"|szukseges|detyrueshme|shkelqyer\w*|պարտադիր"
    r"|mutl[eə]q\w*|t[eə]l[eə]b\s+olunur|милдеттүү|kotelezo|elvaras|απαραιτητ\w*|αριστ\w*"
    r"|αψογ\w*|flie(?:ss|ß)end\w*|verhandlungssicher\w*|գերազանց\w*)\b"
)
# Words that make a sentence naming a language a language requirement even without a proficiency
# cue ("English is required", "Russian and English are both essential").
_REQUIREMENT_WORD = re.compile(
    r"\b(?:required|essential|mandatory|compulsory|indispensable|a\s+must|obligatoire|requis(?:es?)?"
    r"|exigee?s?|imprescindible|obligatori[oa]s?|requerid[oa]s?|necesari[oa]s?|обязательн\w*"
    r"|необходим\w*|требуется|مطلوب\w*|المطلوب\w*|الزامي\w*|الالزامي\w*|ضروري\w*|الضروري\w*"
    r"|სავალდებულ\w*"
    r"|აუცილებ\w*|obligatoriu|wymagan\w*|obowiazkow\w*|niezbedn\w*|vereist|verplicht|nutn\w*"
    r"|zorunlu|richiest\w*|obbligatori\w*|exigid\w*|obrigatori[oa]s?|necessari[oa]s?"
    r"|imprescindive(?:l|is)|обов'язков\w*|الزامی|ضروری"
    r"|задължителн\w*|obavezn\w*|обавезн\w*|szukseges|detyrueshme|պարտադիր|mutl[eə]q\w*|t[eə]l[eə]b\s+olunur|милдеттүү"
    r"|kotelezo|απαραιτητ\w*)\b"
)
# Cues that make the languages of their segment (and of the segments before it) desirable.
_DESIRABLE = re.compile(
    r"\b(?:assets?|desirable|advantage\w*|preferred|a\s+plus|added\s+value|beneficial"
    r"|nice\s+to\s+have|would\s+be\s+useful|helpful|valued|desired|preferable|a\s+bonus|atouts?"
    r"|souhaitable|un\s+plus|apprecie\w*|avantage"
    r"|deseable|valorar\w*|valorad\w*|preferible|ventaja|желател\w*|преимуществ\w*|плюсом|приветству\w*"
    r"|перевагою|бажан\w*|вітається|merit|meriterande|von\s+vorteil|wunschenswert|و?يفضل|و?يُفضل|ميزة|مرغوب\w*"
    r"|vyhodou|preference"
    r"|სასურველ\w*|უპირატესობ\w*|mile\s+widzian\w*|atut\w*|avantaj\w*|pre(?!-)|pluspunt\w*"
    r"|wenselijk|strekt\s+tot\s+aanbeveling|vitan[aoy]|tercih\s+(?:sebebi|edil|nedeni)\w*|souhaitee?s?|bonus|would\s+be\s+great|good\s+to\s+have|المفضل\w*|مفضل\w*"
    r"|(?:a|an|ein|un)\s+(?:\w+\s+)?plus|appreciated|priority|prioridad|priorite|مزیت|ترجیح\w*"
    r"|preferenzial\w*|gradit[oa]|desejave(?:l|is)|diferencia(?:l|is)|valorizad\w*"
    r"|hilfreich|elony\w*|желателн\w*|предимств\w*|pozeljn\w*|prednost\w*|perparesi\w*"
    r"|deshirueshme|ցանկալի|առավելությ\w*|ustunluk\w*|arzuolunan|артыкчылык\w*|επιθυμητ\w*"
    r"|θα\s+εκτιμηθει|πλεονεκτημα\w*|προσον|nilai\s+(?:tambah|plus)|امتیاز\w*|предност\w*"
    r"|avantazh\w*)\b"
)
# Adverbs that make only the language right after them desirable ("and preferably Belarusian").
_PREFERABLY = re.compile(
    r"\s*(?:preferably|ideally|de\s+preference|preferentemente|preferiblemente|желательно|preferabil"
    r"|bij\s+voorkeur|idealerweise|preferibilmente|preferencialmente|najlepiej|tercihen)\b"
)
# "... e inglés intermedio deseable": a conjunction, then one language with its own preference.
# Only after "and": in "X or Y is desirable" and "X and Y are desirable" (a verb between the
# language and the preference) the preference is the whole list's.
_LOCAL_DESIRABLE = re.compile(
    r"\s(?:and|et|y|e|и|och|und)\s+(?=\S+\s+(?:(?!(?:is|are|est|sont|es|son|ist|sind|would|will"
    r"|serait|seria|sera|будет|является)\b)\S+\s+)?(?:desirable|deseable|souhaitable|preferred"
    r"|preferable|preferible|желател\w*|бажан\w*|valorad[oa]|desejave(?:l|is)|wunschenswert"
    r"|von\s+vorteil)\b)"
)
_SEGMENT = re.compile(
    r"[;,:،؛]|\b(?:and|et|y|и|och|und)\s+(?=(?:preferably|ideally|de\s+preference|preferentemente"
    r"|preferiblemente|желательно)\b)|\b(?:while|whereas|but|mais|pero|но|men|aber)\b"
)
_RULE = re.compile(
    r"\b(?:at\s+least|a\s+minimum\s+of|minimum\s+of|any|au\s+moins|al\s+menos|pelo\s+menos"
    r"|no\s+minimo|como\s+minimo"
    r"|не\s+менее|как\s+минимум|минимум|minst|mindestens|cel\s+putin|co\s+najmniej|en\s+az"
    r"|ten\s+minste|almeno|alespon|nejmene)\s+(one|two|three|four|1|2|3|4|deux|trois"
    r"|dos|tres|uno|una|um|uma|dois|duas|одним|одного|двумя|двух|тремя|трех|два|три|ett|tva|tre"
    r"|zwei|drei|unu|doua|doi|trei|jednego|jednym|dwoch|dwoma|trzech|jednoho|dvou|dvema|twee|drie"
    r"|iki|uc|due)\b"
    # not a count of years ("almeno 2 anni di esperienza", "mindestens zwei Jahre")
    r"(?!\s*\+?\s*(?:years?|yrs|anni|anno|jahre?n?|ans?|annees?|anos?|lata?|let|roky?|лет|года?"
    r"|рок\w*|yil|ar|vuo\w*|godin\w*|месяц\w*|months?|mois|meses|mesi|monate?)\b)"
)
# "one of the two official languages (English, French)": a choice among the languages after it,
# up to the end of its clause.
_N_OF = re.compile(
    r"\b(one|two|una|unul|doua|doi|jednego|jednym|dwoch|jednoho|dvou|twee|un|une|deux|uno|dos"
    r"|uma|duas)\s+(?:of|dintre|z|ze|van|des|de|das)\b"
)
# "one other UN language (French or Spanish)", "another official language (Arabic, French)": a
# choice of one among the languages in the brackets.
_ANOTHER = re.compile(
    r"\b(?:one|a|an|another)\s+(?:(?:other|second|additional|further)\s+)?(?:(?:un|official)\s+)?"
    r"language\s*\(([^()]*)\)"
)
_NUMBERS = {
    "one": 1, "1": 1, "uno": 1, "una": 1, "um": 1, "uma": 1, "одним": 1, "одного": 1, "ett": 1,
    "two": 2, "2": 2, "deux": 2, "dos": 2, "dois": 2, "duas": 2, "двумя": 2, "двух": 2, "два": 2,
    "tva": 2, "zwei": 2,
    "three": 3, "3": 3, "trois": 3, "tres": 3, "тремя": 3, "трех": 3, "три": 3, "tre": 3, "drei": 3,
    "four": 4, "4": 4, "unu": 1, "un": 1, "une": 1, "jednego": 1, "jednym": 1, "jednoho": 1,
    "iki": 2, "doua": 2, "doi": 2, "dwoch": 2, "dwoma": 2, "dvou": 2, "dvema": 2, "twee": 2,
    "due": 2, "trei": 3, "trzech": 3, "drie": 3, "uc": 3,
}  # fmt: skip
_OR = re.compile(
    r"^\s*(?:,\s*)?(?:and/or|et/ou|y/o|e/ou|e/o|und/oder|i/lub|и/или|і/або|or|ou|o|или|либо|або|eller"
    r"|oder|lub|albo|sau|nebo|of|veya"
    r"|ya\s+da|oppure|atau|/)\s*$"
)
# "English and Russian or Ukrainian": an "and" before a choice of languages joined by "or".
_AND = re.compile(r"^\s*(?:and|et|y|e|i|a|si|und|en|ve|oraz|и|і|та|dhe|və|და|και|dan)\s*$")
# "English and either French or Spanish": the languages after it are a choice of one.
_EITHER = re.compile(r"\b(?:either|soit|o\s+bien|ya\s+sea|либо|entweder)\s*$")
_HEADING = re.compile(
    r"^(?:(?:required|essential|mandatory|working)\s+)?(?:languages?|language\s+(?:skills"
    r"|requirements?)|langues?|competences\s+linguistiques|idiomas?|lenguas?|linguas?|языки"
    r"|знание\s+языков|sprak|sprachen|jazyky|jazykove\s+znalosti)(?:\s+(?:required|requises?"
    r"|requeridos|requeridas|exigidos|exigidas|obligatoires|necesarios|необходимы))?\W*$"
)
# Words that may follow a language name when it means the language.
_NEXT_OK = {
    "language", "languages", "langue", "langues", "idioma", "idiomas", "lengua", "lenguas",
    "язык", "языка", "языком", "языке", "языков", "мова", "мови", "мовою", "мовами", "spraket",
    "sprache", "and", "or", "et", "ou", "y", "o", "e", "и", "или", "та", "і", "och", "eller",
    "und", "oder", "و", "is", "are", "est", "sont", "es", "son", "je", "skills", "proficiency",
    "speaker", "speakers", "fluency", "required", "essential", "mandatory", "desirable",
    "preferred", "an", "a", "would", "will", "at", "as", "both", "in", "plus", "also",
    "knowledge", "level", "nivel", "niveau", "obligatoire", "souhaitable", "requis", "un",
    "une", "el", "la", "le", "serait", "sera", "seria", "intermediate", "intermedio",
    "intermediaire", "basic", "basico", "advanced", "avanzado", "avance", "fluent", "fluido",
    "courant", "native", "nativo", "c1", "c2", "b1", "b2", "de", "del", "du", "w", "i", "lub",
    "oraz", "albo", "na", "si", "sau", "en", "of", "ve", "veya", "ya", "nebo", "op", "ed",
    "oppure", "slovem", "nivelul", "seviye", "seviyesi", "costituisce", "constituie",
    "intermediario", "intermediaria", "avancado", "avancada", "fluente", "mediu",
    "avanzata", "avanzato", "ottimo", "ottima", "buono", "buona",
    "constitui", "jest", "bedzie", "bude", "wordt", "bilmek", "bilgisi", "derecede", "seviyesinde",
    "reprezinta", "este", "sunt", "sind", "ist", "highly", "hablado", "escrito", "escrita",
    "falado", "falada", "scritto", "parlato", "ecrit", "ecrite", "oral", "orale", "parle", "parlee",
    "written", "spoken", "avansat", "con", "com", "mit", "avec", "with", "but", "usage", "als",
    "spricht", "sprechen", "ar", "ili", "dhe", "ose", "jane", "eshte", "vagy", "və", "жана", "же",
    "և", "կամ", "being", "და", "ან", "και", "ή", "bahasa", "bilmək", "dengan", "menjadi", "dan",
    "atau", "yang", "alto", "alta", "medio", "media", "будет", "будут", "буде", "будуть",
    "является", "є", "на", "не", "ще", "бъде",
}  # fmt: skip
_NEXT_OK = {fold(word) for word in _NEXT_OK}  # as tokens key them: "և" (and) folds to "ե"

# A heading that opens a section of assets ("Desirable", "Desirable qualifications:", "Atouts"):
# the languages under it are desirable, whatever proficiency they ask for.
_DESIRABLE_HEADING = re.compile(
    r"^(?:(?:desirable|desired|preferred|additional|optional)(?:\s+(?:qualifications?"
    r"|requirements?|skills|criteria|experience|competenc\w+|profile|attributes)(?:\s+(?:and|&)"
    r"\s+\w+)?)?(?:\s+(?:include"
    r"|includes|are|would\s+be))?|assets?"
    r"|nice\s+to\s+have|(?:it\s+)?would\s+be\s+(?:an?\s+)?(?:advantage|plus|asset|nice)\w*"
    r"|(?:an?\s+)?(?:advantages?|plus|assets?)|(?:additional|other|further)\s+(?:assets|advantages)|bonus(?:\s+points)?|atouts?|(?:competences|qualifications"
    r"|criteres)\s+souhaitee?s|souhaitee?s?|un\s+plus|deseables?|(?:requisitos|competencias"
    r"|criterios)\s+deseables|se\s+valorara|valorable|желательно|будет\s+преимуществом"
    r"|преимуществом\s+будет|meriterande|wunschenswert|von\s+vorteil|mile\s+widzian\w*"
    r"|(?:dodatkowym\s+)?atutem\s+bedzie|dodatkowe\s+atuty|vyhodou(?:\s+je)?|vitame"
    r"|(?:constituie|reprezinta)\s+(?:un\s+)?avantaj|(?:een\s+)?pre|pluspunten|wenselijk"
    r"|(?:requisiti|titoli)\s+preferenziali|pluses|plus|extra\s+points?|(?:what\s+)?we(?:'d|\s+would)\s+(?:love|like)\s+to\s+see|desejaveis|diferenciais|tercih\s+sebebi)\s*[:.]?\s*$"
)
# Headings that end such a section: any other requirements, tasks, terms or application heading,
# or a short line ending with a colon.
_SECTION_HEADING = re.compile(
    r"^(?:(?:essential|minimum|required|key|mandatory|core|general|technical)\s+)?(?:requirements?"
    r"|qualifications?|skills|criteria|competenc\w+|experience|education|profile|person"
    r"\s+specification|responsibilities|duties|tasks|main\s+tasks|key\s+tasks|terms|conditions"
    r"|benefits|remuneration|salary|application|how\s+to\s+apply|to\s+apply|about\s+(?:us|the\s+\w+"
    r"|you)|what\s+(?:we|you)(?:'\w+)?(?:\s+\w+){1,3}|who\s+(?:we|you)(?:'\w+)?(?:\s+\w+){1,3}"
    r"|you\s+(?:will|have|are)|(?:your|our|votre|ton|tu|su)\s+\w+|(?:the\s+)?ideal\s+(?:candidate"
    r"|profile|person)|profil\s+(?:souhaite|requis|du\s+poste)|perfil(?:\s+(?:requerido|buscado"
    r"|del\s+puesto|profesional))?"
    r"|essential|required|must[-\s]haves?|exigences|profil(?:\s+recherche)?|missions?|conditions"
    r"|candidature|comment\s+postuler|requisitos(?:\s+minimos)?|responsabilidades|funciones"
    r"|condiciones|postulacion|como\s+postular|требования|обязанности|условия|wymagania|wymagamy"
    r"|oczekujemy|oferujemy|(?:zakres\s+)?obowiazk\w*|pozadujeme|pozadavky|nabizime|cerinte"
    r"|responsabilitati|beneficii|(?:functie-?)?eisen|wat\s+(?:vragen|bieden)\s+wij"
    r"|anforderungen|aufgaben|wir\s+bieten|requisiti|mansioni|aranan\s+nitelikler"
    r"|basvuru\s+sartlari)"
    r"(?:\s+(?:and|&|et|y|и)\s+\w+(?:\s+\w+)?)?\s*[:.]?\s*$"  # "Qualifications and experience"
)
# Headings of the required part of a posting: a bare language line under one is required.
_REQUIRED_HEADING = re.compile(
    r"^(?:(?:essential|minimum|required|key|mandatory|core)\s+)?(?:requirements?|qualifications?"
    r"|criteria|skills|required|essential|must[-\s]haves?|profile|exigences|profil\s+(?:requis"
    r"|recherche)|requisitos(?:\s+minimos)?|perfil\s+requerido|требования|вимоги|wymagania"
    r"|wymagamy|pozadujeme|pozadavky|cerinte|anforderungen|ihr\s+profil|requisiti"
    r"|aranan\s+nitelikler|wat\s+vragen\s+wij|obligatoire|obligatorio|обязательно"
    r"|(?:das|was)\s+(?:bringen\s+sie\s+mit|sie\s+mitbringen))"
    r"(?:\s+(?:and|&|et|y|и)\s+\w+(?:\s+\w+)?)?\s*[:.]?\s*$"
)
# Names of languages written in themselves, as a page's language switcher shows them.
_ENDONYM = re.compile(
    r"\b(?:english|francais|espanol|portugues|deutsch|italiano|русский|українська|العربية|中文"
    r"|polski|turkce|romana|nederlands|cestina|ქართული|հայերեն|فارسی|қазақша|кыргызча|o'zbek"
    r"|беларуская|български|ελληνικά|magyar|svenska|en|fr|es|ru|uk|ar|de|pt)\b"
)
_ENDONYMS = re.compile(rf"(?:{_ENDONYM.pattern}[\s|/·•,-]*)+")
# Words after which a lower-case language name is the language: speaking, writing, quality and
# level words, and a Polish adjective ending ("dobry angielski"; Czech ones are read unfolded).
_BEFORE_NAME = re.compile(
    r"parl|habl|fal[ae]|speak|spoke|mowi|vorb|sprech|spric|говор|розмов|mluv|writ|escri|ecri"
    r"|read|lire|leer|ler\b|nivel|niveau|livello|level|poziom|uroven|stopni|spoken|oral|parle"
    r"|buen|buon|ottim|perfe|parfai|fluid|corrent|solid|basi|discret|elevat|avanza|avance"
    r"|intermedi|advanced|\w+y$|tambi|tambe|aussi|auch|anche"
)
# A lower-case name in Latin script: it may be an adjective after its noun. (In Russian and
# Ukrainian a name after a noun is the language: "уровень английского", "знание русского".)
_LATIN_LOWER = re.compile(r"[a-zß-ÿā-ž]")
# A statement of an organisation's languages, not of a skill it asks for.
_WORKING_LANGUAGES = re.compile(
    r"\b(?:are|is)\s+the\s+(?:\w+\s+)?(?:working|official)\s+languages?\b|\blangues?\s+(?:de"
    r"\s+travail|officielles?)\s+(?:de|du|des)\b|\bidiomas?\s+(?:de\s+trabajo|oficiales?)\s+de\b"
)
# A CEFR level after a language ("English (C1)"): the clause states its own requirement.
_LEVEL = re.compile(r"\b[abc][12]\b")
_ENDS_WITH_COLON = re.compile(r"^(?:\S+\s+){0,5}\S+\s?:$")
_COLON_LABEL = re.compile(r"^(?:\S+\s+){0,4}\S+\s?:$")
# A line of a details block ("Location: Maputo"): it ends a list of requirements or assets.
_FIELD = re.compile(
    r"^(?:location|duty\s+station|place|deadline|closing\s+date|salary|contract(?:\s+type)?|grade"
    r"|start(?:ing)?\s+date|duration|department|reports?\s+to|posted(?:\s+on)?|date|lieu"
    r"|date\s+limite|lugar|ubicacion|fecha\s+limite|salario|место|срок|dienstort|standort)\s*:\s+\S"
)

_SKILL_WORD = re.compile(rf"(?:{_REQUIRED.pattern}|{_DESIRABLE.pattern})")
# "A cover letter in English is required" asks for a document, not a language skill.
_DOCUMENTS = re.compile(
    r"\b(?:cvs?|resumes?|(?:cover|motivation)\s+letters?|applications?|documents?|proposals?"
    r"|reports?|submissions?|candidatures?|lettre|dossier|solicitud|carta|заявк\w*|резюме)\b"
)
_STRENGTH = re.compile(f"{_CUE.pattern}|{_DESIRABLE.pattern}|{_REQUIRED.pattern}")
_KIND = re.compile(f"{_DESIRABLE.pattern}|{_REQUIRED.pattern}")
# Every cue starts with a letter: the look-ahead skips other positions fast (same matches).
_ANY_CUE = re.compile(
    rf"(?=[^\W\d_])(?:{_CUE.pattern}|{_DESIRABLE.pattern}|{_REQUIREMENT_WORD.pattern}"
    rf"|{_LEVEL.pattern})"
)
# Roles whose work is a language: interpreters, translators, language mediators, "speakers".
_LANGUAGE_ROLE = re.compile(
    r"\b(?:interpret\w*|translat\w*|traduct\w*|tradut\w*|traduttor\w*|dolmetsch\w*"
    r"|ubersetzer\w*|sprachmittler\w*|tercuman\w*|mutercim\w*|tlumocn\w*|tlumacz\w*|prevodil\w*"
    r"|переводчик\w*|перекладач\w*|преводач\w*|преводилац\w*|διερμηνε\w*|μεταφραστ\w*|مترجم\w*"
    r"|speakers?)\b"
)
# Locales whose CLDR language names the index adds: the languages of the corpus's newer parts and
# of written probes, whose names the table does not list or lists only for the most asked-for
# languages.
CLDR_LOCALES = (
    "sq", "hy", "bg", "sr", "sr_Latn", "hr", "bs", "az", "ky", "ka", "sv", "pl", "cs", "tr",
    "pt", "it", "hu", "uk", "ru", "el", "ro", "sk", "sl", "mk", "nl", "da", "nb", "de", "es", "fr",
    "id", "fa",
)  # fmt: skip
# Language sentences read per posting, and their characters (a real posting has a handful).
MAX_SENTENCES, MAX_SENTENCE_CHARS = 100, 10_000
# Lines after a requirements or assets heading whose bare language names ("Portuguese") count.
SECTION_LINES = 15
_COMPOUND = re.compile(r"-[^\W\d_]")
# A compound whose second part is a skill ("Englisch-Kenntnisse", "English-proficiency"): the
# language itself, unlike "Russian-speaking regions".
_SKILL_COMPOUND = re.compile(r"-(?:sprach)?(?:kenntnis|skill|proficien|fluen)")
# Nouns of a skill after a language name ("English knowledge", "Անգլերենի իմացություն"; Arabic
# puts them after the name: "العربية والإنجليزية كتابة ومحادثة", writing and speaking).
_SKILL_NOUN = re.compile(
    r"knowledge|proficien|fluen|kenntnis|nyelvtudas|nyelvismeret|իմացությ|տիրապետ|bilgi|bilik"
    r"|و?(?:كتاب|محادث|تحدث|قراء|نطق|شفه|شفوي|تحرير)"
    r"|biliy|znajomos|znalost|znanj|знани|знањ|владени|владеене|ცოდნ"
)
# "a non-English language", "languages other than English", "without German": the name is
# one not asked for.
_EXCLUDED = re.compile(
    r"(?:\bnon[-\s]?|\bother\s+than\s+|\bautres?\s+qu(?:e\s+|')(?:l'|le\s+|la\s+)?"
    r"|\b(?:distint|diferent)[oa]s?\s+(?:del?|al)\s+(?:idioma\s+)?"
    r"|\b(?:kein\w*|ohne|without|sans|sin|senza|без)\s+(?:l')?)$"
)
_LANGUAGE_WORDS = (
    "langu", "idiom", "lengu", "язык", "мов", "sprach", "sprak", "ენ", "لغ", "jazyk", "jezyk",
    "limb", "lingu", "taal", "dil", "nyelv", "gjuh", "език", "jezik", "језик", "լեզու", "тил",
    "јазик", "bahasa", "γλωσσ", "زبان",
)  # fmt: skip


@dataclass
class Languages:
    """Result of `find_languages`."""

    required: list[str] = field(default_factory=list)
    desirable: list[str] = field(default_factory=list)
    rule: dict | None = None
    evidence: dict[str, str] = field(default_factory=dict)


@cache
def _index() -> NameIndex:
    """The table's names, with the CLDR names (Babel) in `CLDR_LOCALES` of its languages."""
    index = NameIndex()
    table = load_table("languages.csv")
    for code, names in table:
        for name in names:
            index.add(name, code, name_mode(name))
    for name, code in _cldr_names({code for code, _ in table}).items():
        index.add(name, code, name_mode(name))
    return index


def _cldr_names(codes: set[str]) -> dict[str, str]:
    """Names of the languages `codes` in `CLDR_LOCALES` (4 letters or more), with the case
    forms of South Slavic ones ("engleskog", "engleskom") and the Armenian genitive and
    instrumental ("անգլերենի", "անգլերենով"); a name two languages share, or a country's
    ("belarus" in Azerbaijani), is left out."""
    countries = _country_names()
    found: dict[str, set[str]] = {}
    for locale in CLDR_LOCALES:
        names = Locale.parse(locale).languages
        for code in codes:
            name = names.get(code)
            if name and len(name) >= 4:
                for form in _forms(name):
                    found.setdefault(form, set()).add(code)
    return {
        name: next(iter(c))
        for name, c in found.items()
        if len(c) == 1 and fold(name) not in countries
    }


def _country_names() -> set[str]:
    """Folded country names: ISO 3166 (pycountry) and the bundled aliases."""
    names = {fold(n) for _, aliases in load_table("country_aliases.csv") for n in aliases}
    for country in pycountry.countries:
        names.update(fold(getattr(country, a, "")) for a in ("name", "common_name"))
    return names


def _forms(name: str) -> list[str]:
    """A CLDR name and the inflected forms the index needs beside it: South Slavic cases
    ("engleskog", "енглеском"), Albanian definite forms ("anglishtes"), the Greek and Romanian
    genitives ("αγγλικών", "engleze"), Czech, Slovak and Slovene cases ("angličtiny") and the Czech
    and Slovak adjective ("ukrajinského"), the Polish genitive ("niemieckiego"), the
    Armenian genitive and instrumental ("անգլերենի") and the Kyrgyz base before "тили" ("орус"
    of "орусча")."""
    if re.search(r"[sčš]ki$", name):  # and the Polish genitive and instrumental ("niemieckiego")
        ends = ("og", "oga", "om", "oj", "a", "u", "e", "iego", "im")
        return [name] + [name[:-1] + end for end in ends]
    if re.search(r"[счш]ки$", name):
        return [name] + [name[:-1] + end for end in ("ог", "ога", "ом", "ој", "а", "у", "е")]
    if name.endswith("isht"):
        return [name] + [name + end for end in ("ja", "en", "es", "e")]
    if name.endswith("ικά"):  # Greek: the genitive "Αγγλικών", and both in prose's lower case
        return [form for f in (name, name[:-1] + "ών") for form in (f, f.lower())]
    if name.endswith("ă"):  # Romanian: the genitive "limbii engleze"
        return [name, name[:-1] + "e"]
    if m := re.search(r"([čš])(t?)ina$", name):  # Czech, Slovak, Slovene: "angličtiny"
        # and the Czech and Slovak adjective: "ukrajinského jazyka", "anglického", "maďarského"
        adjective = name[: m.start()] + ("ck" if m.group(0) == "čtina" else "sk")
        return (
            [name]
            + [name[:-1] + end for end in ("y", "u", "ou", "e", "o", "i")]
            + [adjective + end for end in ("ý", "ého", "ém", "ou", "y")]
        )
    if re.search(r"[\u0530-\u058f]$", name):
        return [name, name + "ի", name + "ով"]
    if re.search(r"[а-яүөң]ч[аеоө]$", name) and len(name) >= 6:
        return [name, name[:-2]]
    return [name]


@lru_cache(maxsize=4096)
def _languages(text: str) -> tuple[Hit, ...]:
    """Language names in `text` that stand for the language asked for: not a demonym before a
    noun, also when it leads a list ("Roma and Kurdish communities"), nor a language put aside
    ("without German or English" puts both aside)."""
    hits = _index().find(text)
    starts = {h.start for h in hits}
    kept: list[bool | None] = []  # None: put aside
    aside = -1  # end of the last name put aside
    for h in hits:
        joined = aside >= 0 and _joins(fold(text[aside : h.start]))
        if joined or _EXCLUDED.search(fold(text[max(0, h.start - 30) : h.start])):
            aside = h.end
            kept.append(None)
        else:
            kept.append(_stands_for_language(text, h, hits, starts))
    for i in range(len(hits) - 2, -1, -1):
        after = hits[i + 1]
        if (
            kept[i]
            and kept[i + 1] is False
            and not text[after.end :].startswith("-")
            and _joins(fold(text[hits[i].end : after.start]))
        ):
            kept[i] = False  # the list's last name is a demonym: so are the others
    return tuple(h for h, keep in zip(hits, kept, strict=True) if keep)


def _joins(gap: str) -> bool:
    """True when the text between two names joins them into one list ("and", "or", ",")."""
    return gap.strip() in ("", ",") or bool(_AND.match(gap) or _OR.match(gap))


def _stands_for_language(text: str, h: Hit, hits: Sequence[Hit], starts: set[int]) -> bool:
    """Whether the name `h` means the language, not a demonym or an adjective."""
    rest = text[h.end :]
    gap = rest[: len(rest) - len(rest.lstrip())]
    nxt = tokens(rest[:40])
    if _COMPOUND.match(rest) and h.end + 1 not in starts and not _SKILL_COMPOUND.match(fold(rest)):
        return False  # "Russian-speaking regions", "French-language media"
    if _LATIN_LOWER.match(h.raw):
        if not _named(rest) and not _may_precede(text[: h.start], hits):
            return False  # "legislación española", "prawa polskiego": an adjective after its noun
        if _coordinated_adjective(h, rest, starts):
            return False  # "der deutschen und europäischen Politik"
    return (
        not nxt
        or rest.lstrip()[:1] in ",.;:)(/-–—،؛"
        or h.end + len(gap) in starts
        or bool(gap.strip())
        or nxt[0].key in _NEXT_OK
        or nxt[0].key.startswith(_LANGUAGE_WORDS)
        or bool(_SKILL_WORD.match(fold(rest.lstrip())))
        or bool(_SKILL_NOUN.match(fold(rest.lstrip())))
    )


def _named(rest: str) -> bool:
    """True when a language word follows a name, maybe after joining words and other names
    ("angol és német nyelvtudás"): the name is the language's, not an adjective of a noun."""
    for word in tokens(rest[:60])[:4]:
        if word.key.startswith(_LANGUAGE_WORDS):
            return True
        if word.key not in _NEXT_OK and not _index().find(word.raw):
            return False
    return False


def _coordinated_adjective(h: Hit, rest: str, starts: set[int]) -> bool:
    """True when a lower-case name is joined by "and" to a word of the same ending that is no
    language ("deutschen und europäischen"): both are adjectives of the noun after them."""
    words = tokens(rest[:60])
    if len(words) < 2 or not _AND.match(words[0].key) or h.end + words[1].start in starts:
        return False
    other = words[1].key
    return other[-3:] == fold(h.raw)[-3:] and not other.startswith(_LANGUAGE_WORDS)


def _may_precede(before: str, hits: Sequence[Hit]) -> bool:
    """Whether the word before a lower-case Latin-script language name lets it stand for the
    language: none, punctuation, a short or joining word ("del", "i"), a language or language
    word ("języka"), a skill, level or speaking word ("dominio", "nivel", "hablar"), or an
    adjective of Slavic form ("dobry", "pokročilá"); after any other word ("legislación
    española") the name is an adjective of that word."""
    tail = before[-40:]
    words = tokens(tail)
    if not words or tail[words[-1].end :].strip():
        return True
    prev = words[-1]
    end = len(before) - len(tail) + prev.end
    return (
        len(prev.key) <= 3
        or prev.key in _NEXT_OK
        or bool(_OR.match(prev.key) or _EITHER.search(prev.key))
        or prev.key.startswith(_LANGUAGE_WORDS)
        or any(h.end == end for h in hits)
        or bool(_STRENGTH.search(prev.key) or _BEFORE_NAME.match(prev.key))
        or prev.raw.endswith(("í", "ý", "á"))
    )


def _rule(folded: str, sentence: str) -> dict | None:
    """ "at least two of X, Y, Z" (the languages after it) or "one of ... (X, Y)" (those of its
    clause) as {"at_least": N, "of": [...]}; None when fewer than N+1 languages follow."""
    m = _RULE.search(folded)
    end = len(sentence)
    if not m and (other := _ANOTHER.search(folded)) and not _DESIRABLE.search(folded):
        codes = list(
            dict.fromkeys(h.value for h in _languages(sentence[other.start(1) : other.end(1)]))
        )
        return {"at_least": 1, "of": codes} if len(codes) > 1 else None
    if not m:
        m = _N_OF.search(folded)
        if not m:
            return None
        semicolon = folded.find(";", m.end())
        end = semicolon if semicolon >= 0 else end
    codes = list(dict.fromkeys(h.value for h in _languages(sentence[m.end() : end])))
    n = _NUMBERS[m.group(1)]
    return {"at_least": n, "of": codes} if len(codes) > n else None


@dataclass
class _Segment:
    """A clause of a language sentence."""

    text: str
    local: bool = False  # a preference that stays local ("preferably X", "X deseable")
    label: bool = False  # a cue before a colon ("Desirable: X, Y") that governs what follows
    comma: bool = False  # it follows a comma: it may continue the list before it
    aside: bool = False  # a bracket with its own strength ("(Arabic is an asset)"): itself alone
    semicolon: bool = False  # it follows a semicolon: its decision does not reach back before it


# A bracketed aside: its languages and strength are its own, not its clause's.
_ASIDE = re.compile(r"\(([^()]*)\)")


def _asides(sentence: str) -> tuple[str, list[_Segment]]:
    """The sentence with each bracket that names a language and states a strength of its own
    ("Fluent French (knowledge of Arabic is desirable)") blanked out, and those brackets as
    segments of their own."""
    asides = []
    for m in _ASIDE.finditer(sentence):
        inner = m.group(1)
        if _KIND.search(fold(inner)) and _languages(inner):
            asides.append(_Segment(inner, aside=True))
            sentence = f"{sentence[: m.start()]}{' ' * len(m.group())}{sentence[m.end() :]}"
    return sentence, asides


def _segments(sentence: str) -> list[_Segment]:
    """Clauses of a sentence: "preferably X" and "X (intermedio) deseable" after another language
    make X alone desirable; a clause without languages before a colon is a label; a bracket
    with its own strength is a clause of its own (`_asides`), put last."""
    sentence, asides = _asides(sentence)
    out: list[_Segment] = []
    pos = 0
    folded = fold(sentence)
    comma = semicolon = False
    for m in _SEGMENT.finditer(folded):
        if _in_brackets(folded, m.start()):
            continue  # "(Swahili, Lingala) would be an asset": one list
        text = sentence[pos : m.start()]
        out.append(_Segment(text, label=m.group() == ":", comma=comma, semicolon=semicolon))
        pos, comma, semicolon = m.end(), m.group() == ",", m.group() in ";؛"
    out.append(_Segment(sentence[pos:], comma=comma, semicolon=semicolon))
    split: list[_Segment] = []
    for seg in out:
        text = seg.text
        m = _LOCAL_DESIRABLE.search(fold(text))
        if m and _languages(text[: m.start()]):
            split += [
                _Segment(text[: m.start()], comma=seg.comma, semicolon=seg.semicolon),
                _Segment(text[m.end() :], local=True),
            ]
        else:
            local = bool(_PREFERABLY.match(fold(text)))
            label = seg.label and not _languages(text)
            split.append(_Segment(text, local, label, seg.comma, semicolon=seg.semicolon))
    return [s for s in split if s.text.strip()] + asides


def _in_brackets(text: str, pos: int) -> bool:
    """True when `pos` lies inside round brackets opened earlier in `text`."""
    before = text[:pos]
    return before.count("(") > before.count(")")


def _kinds(segments: list[_Segment]) -> list[str]:
    """ "required" or "desirable" per segment. An undecided segment takes the decision of a label
    before it ("Desirable: X, Y"), else "required" when it gives a CEFR level ("English (C1)"),
    else that of a list it continues after a comma ("Fluency in English, Georgian and Russian,
    ...; Spanish is an asset"), else the next decision (so "French, Spanish or Arabic would be an
    asset" makes all three desirable) except from a local preference or from a clause whose cue
    comes before its language ("..., and a working knowledge of Armenian is an asset"), else the
    previous one, else "required". A bracketed aside decides for itself alone."""
    kinds: list[str | None] = []
    label: str | None = None
    for seg in segments:
        folded = fold(seg.text)
        if seg.local or _DESIRABLE.search(folded):
            kind: str | None = "desirable"
        elif _REQUIRED.search(folded):
            kind = "required"
        else:
            kind = None
        if seg.label:
            label = kind
        level = "required" if _LEVEL.search(folded) and _languages(seg.text) else None
        kinds.append(kind or (None if seg.label else label) or level)
    for i in range(1, len(segments)):
        before, seg = segments[i - 1], segments[i]
        if (
            kinds[i] is None
            and seg.comma
            and kinds[i - 1]
            and not before.local
            and _languages(before.text)
            and _languages(seg.text)
        ):
            kinds[i] = kinds[i - 1]
    decided: str | None = None
    after: list[str | None] = []
    for seg, kind in zip(reversed(segments), reversed(kinds), strict=True):
        after.append(kind or decided)
        if seg.aside:
            continue  # an aside's decision reaches no other clause
        if seg.label or seg.semicolon or (kind and _opens(seg.text)):
            decided = None  # a label's, a clause's own or a decision after a semicolon does not
            # reach back before it ("Good command of English; Arabic is an asset")
        elif kind and not seg.local:
            decided = kind
    out: list[str] = []
    previous: str | None = None
    for seg, kind in zip(segments, after[::-1], strict=True):
        out.append(kind or previous or "required")
        if kind and not seg.local and not seg.aside:
            previous = kind
    return out


def _opens(text: str) -> bool:
    """True when a strength or skill cue comes before the clause's first language ("knowledge of
    Armenian is an asset"), or, in a clause naming no language, a skill cue before its strength
    ("knowledge of a second UN language is an asset"): the clause decides for itself, not for the
    list before it."""
    hits = _languages(text)
    folded = fold(text)
    if not hits:
        skill, strength = _CUE.search(folded), _KIND.search(folded)
        return bool(skill and strength and skill.start() < strength.start())
    m = _STRENGTH.search(folded)
    return bool(m and m.start() < hits[0].start)


def _language_sentences(doc: Doc) -> list[tuple[str, bool]]:
    """Sentences about language skills, and the lines under a "Languages" heading; each with a
    flag for a "Desirable"/"Assets" section it sits in."""
    out: list[tuple[str, bool]] = []
    heading = desirable = False
    section_start: int | None = None  # line of the last requirements or assets heading
    cued = doc.lines_matching(_ANY_CUE)
    switcher = _switcher(doc.lines)
    for i, line in enumerate(doc.lines):
        if i in switcher:
            continue
        if len(line) <= 80:
            folded_line = fold(line)
            if _desirable_heading(line, folded_line):
                desirable, section_start = True, i
                continue
            if (
                _SECTION_HEADING.match(folded_line)
                or _ENDS_WITH_COLON.match(folded_line)
                or _FIELD.match(folded_line)
            ):
                desirable = False
                section_start = i if _required_heading(line, folded_line) else None
            if _HEADING.match(folded_line):
                heading, desirable = True, False
                continue
        listed = section_start is not None and i - section_start <= SECTION_LINES
        if i not in cued and not heading and not listed:
            heading = heading and len(line) < 80
            continue
        if len(out) >= MAX_SENTENCES or sum(len(s) for s, _ in out) >= MAX_SENTENCE_CHARS:
            break
        for sentence in doc.line_sentences(i):
            folded = fold(sentence)
            short = len(sentence.split()) <= 8  # "English - fluent", "Russian or Ukrainian"
            if _WORKING_LANGUAGES.search(folded) and not _KIND.search(folded):
                continue  # "English and French are the working languages of ...": no skill
            if (
                (short and heading)
                or (short and listed and _bare(sentence))
                or _CUE.search(folded)
                or _LEVEL.search(folded)
                or _DESIRABLE.search(folded)
                or any(
                    _REQUIREMENT_WORD.search(clause) and not _DOCUMENTS.search(clause)
                    for clause in folded.split(";")
                )
            ):
                out.append((sentence, desirable))
        heading = heading and len(line) < 80
    return out[:MAX_SENTENCES]


def _desirable_heading(line: str, folded_line: str) -> bool:
    """An assets heading: a known one ("Nice to have", "Atouts") or a short label ending with a
    colon that states a preference and names no language ("Будет плюсом:", "Von Vorteil sind:")."""
    if _DESIRABLE_HEADING.match(folded_line):
        return True
    return bool(
        _COLON_LABEL.match(folded_line)
        and (_DESIRABLE.search(folded_line) or _PREFERABLY.match(folded_line))
        and not _languages(line)
    )


def _required_heading(line: str, folded_line: str) -> bool:
    """A requirements heading: a known one ("Requirements", "Wymagania") or a short label ending
    with a colon that states a requirement and names no language ("Cerințe obligatorii:")."""
    if _REQUIRED_HEADING.match(folded_line):
        return True
    return bool(
        _COLON_LABEL.match(folded_line)
        and (_REQUIRED_HEADING.match(folded_line.split()[0]) or _REQUIRED.search(folded_line))
        and not _languages(line)
    )


def _switcher(lines: Sequence[str]) -> set[int]:
    """Lines of a language switcher: languages written in themselves ("English", "Français",
    "Русский"), alone on their lines or joined by separators, two or more in a row."""
    endonymic = [bool(_ENDONYMS.fullmatch(fold(line).strip())) for line in lines]
    out = set()
    for i, flag in enumerate(endonymic):
        if not flag:
            continue
        several = len(_ENDONYM.findall(fold(lines[i]))) > 1
        if several or (i > 0 and endonymic[i - 1]) or (i + 1 < len(lines) and endonymic[i + 1]):
            out.add(i)
    return out


def _bare(sentence: str) -> bool:
    """True when a line names languages and little else ("Russian or Ukrainian", "Arabic
    (spoken)"): a list item of a requirements or assets section, not prose that names one."""
    hits = _languages(sentence)
    if not hits:
        return False
    covered = [(h.start, h.end) for h in hits]
    other = [
        t
        for t in tokens(sentence)
        if not any(a <= t.start < b for a, b in covered)
        and t.key not in _NEXT_OK
        and not t.key.startswith(_LANGUAGE_WORDS)
    ]
    return len(other) <= 2


def find_languages(doc: Doc, title: str | None = None) -> Languages:
    """Required and desirable languages (ISO 639-1) and a language rule, with evidence; `title`,
    the posting's title, when it is known."""
    out = Languages()
    if not _index().may_name("\n".join(doc.lines)):
        return out  # no line names a language, so no sentence does: nothing to read
    _read_sentences(doc, out)
    if title:
        _add_title_languages(title, out)
    ruled = set(out.rule["of"]) if out.rule else set()
    out.required = [c for c in out.required if c not in ruled]
    out.desirable = [c for c in out.desirable if c not in ruled and c not in out.required]
    return out


def _add_title_languages(title: str, out: Languages) -> None:
    """The languages a title names with a role whose work is a language ("Interpreter
    (Arabic)", "Tercüman (Arapça)"): one is required, several are a choice of one."""
    if not _LANGUAGE_ROLE.search(fold(title)):
        return
    # after such a role a lower-case name is the language, not an adjective ("interprète pachto")
    hits = _languages(title) or _index().find(title)
    codes = list(dict.fromkeys(h.value for h in hits))
    if len(codes) == 1 and codes[0] not in out.required:
        out.required.append(codes[0])
        out.evidence.setdefault("languages_required", clip(title))
    elif len(codes) > 1 and out.rule is None and not set(codes) & set(out.required):
        out.rule, out.evidence["language_rule"] = {"at_least": 1, "of": codes}, clip(title)


def _read_sentences(doc: Doc, out: Languages) -> None:
    """What the sentences about language skills say, into `out`."""
    for sentence, in_desirable_section in _language_sentences(doc):
        if not _languages(sentence):
            continue
        folded = fold(sentence)
        if out.rule is None and (rule := _rule(folded, sentence)):
            clause = next(
                c
                for c in reversed(re.split(r"(?<=;)", sentence))
                if _RULE.search(fold(c)) or _N_OF.search(fold(c)) or _ANOTHER.search(fold(c))
            )
            out.rule, out.evidence["language_rule"] = rule, clip(clause.strip(" ;"))
        if out.rule is None and (choice := _either(sentence, in_desirable_section)):
            out.rule, out.evidence["language_rule"] = {"at_least": 1, "of": choice}, clip(sentence)
        segments = _segments(sentence)
        for segment, kind in zip(segments, _kinds(segments), strict=True):
            seg = segment.text
            if in_desirable_section and not _REQUIREMENT_WORD.search(fold(seg)):
                kind = "desirable"
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


def _either(sentence: str, in_desirable_section: bool = False) -> list[str]:
    """The languages of "either French or Arabic" ("либо английским, либо французским"), of
    "French or Arabic" right after "English and" (in a sentence stating no preference), or of a
    list "Ukrainian, Russian or English" (outside an assets section): a choice of one; [] when
    the sentence has none."""
    hits = _languages(sentence)
    choice_after_and = not _DESIRABLE.search(fold(sentence))
    for i in range(1, len(hits) - 1):
        gap = fold(sentence[hits[i - 1].end : hits[i].start])
        if (_EITHER.search(gap) or (choice_after_and and _AND.match(gap))) and _all_or(
            sentence, hits[i:]
        ):
            return list(dict.fromkeys(h.value for h in hits[i:]))
    serial = choice_after_and and not in_desirable_section
    return _serial_choice(sentence, hits) if serial else []


def _serial_choice(sentence: str, hits: Sequence[Hit]) -> list[str]:
    """The languages of a list joined by commas whose last two are joined by "or" ("Ukrainian,
    Russian or English", "inglês, francês, espanhol e/ou árabe"): a choice of one; [] when the
    sentence has no such list of three or more."""
    gaps = [fold(sentence[a.end : b.start]).strip() for a, b in zip(hits, hits[1:], strict=False)]
    start = 0
    for i, gap in enumerate(gaps):
        if gap == ",":
            continue
        if _OR.match(gap) and i - start >= 1:
            return list(dict.fromkeys(h.value for h in hits[start : i + 2]))
        start = i + 1
    return []


def _all_or(seg: str, hits: Sequence[Hit]) -> bool:
    """True when each language of the segment is joined to the next by "or" ("French or Dari"),
    unless the segment asks for both ("bilingual English/French")."""
    return not _BILINGUAL.search(fold(seg)) and all(
        _OR.match(fold(seg[a.end : b.start])) for a, b in zip(hits, hits[1:], strict=False)
    )


_BILINGUAL = re.compile(r"\b(?:bilingu\w*|билингв\w*|dvojjazy\w*|dwujezy\w*|zweisprachig\w*)")
