"""Which stored posting an incoming sighting belongs to: shared links first, then near-duplicates.

`same_job(a, b)` is the whole decision, over two plain job dicts with the keys `title`,
`organization`, `description`, `url`, `apply_url`, `countries`, `regions`, `locations`,
`deadline`, `posted_date`, `first_seen`, `last_seen` and `source` (any may be missing).
`find_posting` looks candidates up through indexes only (sightings' URL keys and job ids, the
description's content keys, the organisation's `match_key` range, else full-text search on
titles) and asks `same_job` about each.

Content keys are MinHash-LSH bands over a description's word 3-grams (the shingles
`description_similarity` compares): `content_bands` computes them, ingest stores them in
`postings.content_bands`, and triggers (store migration m006) keep the indexed side table
`posting_bands` in step, so a copy of a stored text is found in one indexed lookup however many
postings its organisation has.
"""

import hashlib
import json
import re
import unicodedata
import zlib
from datetime import date
from functools import lru_cache

import numpy as np
from sqlite_utils import Database

from rightsjobs.regions import country_names
from rightsjobs.store.rows import now_iso
from rightsjobs.urls import url_key


def wordset(text: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(text.split())


THRESHOLD = 0.7  # same_job's score from which two postings are one job
MIN_TITLE = 0.6  # titles sharing less than this (after support) are different roles
SAME_SOURCE_TEXT = 0.98  # one source lists two items as one job only with (nearly) one text
MAX_GAP_DAYS = 120  # dated further apart than this: a re-advertisement, not a copy
MAX_DEADLINE_SHIFT = 45  # deadlines get extended, but not by months
MIN_WORDS = 20  # a shorter description says too little to compare
FULL_WORDS = 100  # a complete description this long names the duty station
WEB_LINK = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
LINK = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
TRUNCATED = re.compile(r"(\.\.\.|…|read more|more info\w*)\W*$", re.IGNORECASE)
MAX_WORDS = 1500  # descriptions are compared on their first words
BLOCK_LIMIT = 200  # most recent postings of one organisation (and of one match key) looked at
FTS_LIMIT = 20  # best title matches from full-text search looked at
BANDS, ROWS = 16, 4  # MinHash-LSH: 16 bands of 4 hashes; a pair is a candidate if a band agrees
CONTENT_LIMIT = 50  # postings sharing the most bands looked at (a text copied 50 times over)
MERSENNE = (1 << 61) - 1


def hash_constants(label: str) -> np.ndarray:
    """BANDS * ROWS fixed 31-bit numbers (from BLAKE2b, so stored keys never change with a
    library's random generator)."""
    digest = (hashlib.blake2b(f"{label}{i}".encode()).digest() for i in range(BANDS * ROWS))
    return np.array([int.from_bytes(d[:4]) >> 1 | 1 for d in digest], dtype=np.uint64)


HASH_A, HASH_B = hash_constants("a"), hash_constants("b")  # h(x) = (a x + b) mod MERSENNE

ORG_ALIASES = {
    "amnesty international": ("amnesty", "amnesty international international secretariat"),
    "human rights watch": ("hrw",),
    "ohchr": (
        "office of the united nations high commissioner for human rights",
        "office of the high commissioner for human rights",
        "un human rights",
        "un human rights office",
        "united nations human rights",
    ),
    "fidh": (
        "international federation for human rights",
        "federation internationale pour les droits humains",
    ),
    "front line defenders": ("frontline defenders", "fld"),
    "article 19": ("article19", "article 19 global campaign for free expression"),
    "icj": ("international commission of jurists",),
    "cpj": ("committee to protect journalists",),
    "rsf": ("reporters without borders", "reporters sans frontieres"),
    "nrc": ("norwegian refugee council",),
    "irc": ("international rescue committee",),
    "msf": ("medecins sans frontieres", "doctors without borders"),
    "icrc": ("international committee of the red cross",),
    "unhcr": ("united nations high commissioner for refugees", "un refugee agency"),
}
ALIAS = {alias: key for key, names in ORG_ALIASES.items() for alias in (key, *names)}
ORG_SEPARATOR = re.compile(r"\s[-–—|/]\s|[(:]")
ORG_STOP = {"the", "of", "for", "and", "in", "on", "de", "des", "la", "le", "du", "pour", "et"}
LEGAL_FORMS = {"inc", "ltd", "llc", "gmbh", "ggmbh", "ev", "asbl", "aisbl", "cic", "plc"}

GRADE = re.compile(r"\b([PDG])\s?-?\s?(\d)\b", re.IGNORECASE)
SPELLING = {
    "advisor": "adviser",
    "programme": "program",
    "organisation": "organization",
    "centre": "center",
    "labour": "labor",
    "defence": "defense",
    "counsellor": "counselor",
    "sr": "senior",
    "jr": "junior",
    "snr": "senior",
    "mgr": "manager",
    "coord": "coordinator",
    "comm": "communication",
    "internship": "intern",
    "fellowship": "fellow",
    "consultancy": "consultant",
    "traineeship": "trainee",
    "intl": "international",
}
ABBREVIATIONS = {
    "mena": "middle east north africa",
    "eca": "europe central asia",
    "lac": "latin america caribbean",
    "apac": "asia pacific",
    "drc": "democratic republic congo",
}
NOISE = wordset(
    "a an the of and for in at to on with by as or is are we re our us be job jobs vacancy "
    "vacancie hiring hire now position post role opportunity opening apply application call "
    "urgent advertised readvertised advertisement new closing deadline date based full part "
    "time fulltime parttime remote home fixed term month year contract temporary join team "
    "looking seeking seek wanted want need recruiting recruit mfd fmd jan feb mar apr may jun "
    "jul aug sep sept oct nov dec january february march april june july august september "
    "october november december"
)
RANKS = wordset(
    "senior junior lead principal chief head deputy associate assistant intern trainee fellow "
    "volunteer director executive ii iii iv p1 p2 p3 p4 p5 p6 d1 d2 g4 g5 g6 g7 officer manager "
    "coordinator adviser specialist analyst researcher consultant lawyer counsel campaigner "
    "administrator editor writer accountant representative investigator monitor translator "
    "interpreter driver clerk secretary strategist organizer trainer developer engineer designer "
    "producer advocate paralegal attorney facilitator economist scientist expert"
)
GENERIC_PATH_WORDS = wordset(
    "careers career jobs job vacancies vacancy opportunities work with us join our team get "
    "involved apply en fr es about employment positions open current hiring index html php"
)
ATS_PATTERNS = {
    platform: re.compile(pattern, re.IGNORECASE)
    for platform, pattern in (
        ("greenhouse", r"greenhouse\.io/(?:.*?/jobs/|embed/job_app\?.*?token=)(\d+)|gh_jid=(\d+)"),
        ("lever", r"lever\.co/[^/]+/([0-9a-f]{8}-[0-9a-f-]{27})"),
        ("workable", r"workable\.com/(?:[^/]+/)?j/([0-9a-f]{10})"),
        ("smartrecruiters", r"smartrecruiters\.com/[^/]+/(\d{6,})"),
        ("bamboohr", r"bamboohr\.com/(?:careers/|jobs/view\.php\?id=)(\d+)"),
        ("personio", r"jobs\.personio\.\w+/job/(\d+)"),
        ("workday", r"myworkdayjobs\.com/.*_([a-z]*r-?\d+)(?:[/?#]|$)"),
        ("reliefweb", r"reliefweb\.int/job/(\d+)"),
        ("uncareers", r"careers\.un\.org/.*?(?:jobsearchdescription/|jobopeningid=)(\d+)"),
    )
}
LIGHT_COLUMNS = (
    "id, title, organization, url, apply_url, countries, regions, locations, deadline, "
    "posted_date, first_seen, last_seen"
)


def norm(text: str | None) -> str:
    """Lowercase, accents folded, punctuation to spaces, whitespace folded."""
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", folded.lower()).strip()


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """One spelling per word: plural 's' dropped, British/American and short forms unified."""
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return SPELLING.get(word, word)


@lru_cache(maxsize=4096)
def org_key(name: str | None) -> str:
    """An organisation's canonical key: sub-unit after a dash/bracket/colon cut, aliases applied."""
    full = norm(name)
    if full in ALIAS:
        return ALIAS[full]
    words = norm(ORG_SEPARATOR.split(name or "", maxsplit=1)[0]).split()
    if words[:1] == ["the"]:
        words = words[1:]
    while words and words[-1] in LEGAL_FORMS:
        words.pop()
    key = " ".join(words)
    return ALIAS.get(key, key)


def acronym(key: str) -> str:
    """Initials of an organisation key's significant words ('human rights watch' -> 'hrw')."""
    return "".join(w[0] for w in key.split() if w not in ORG_STOP)


@lru_cache(maxsize=16384)
def org_relation(a: str | None, b: str | None) -> str | None:
    """'same' (equal key, alias or acronym), 'related' (one name extends the other),
    'different', or None when either is unknown."""
    ka, kb = org_key(a), org_key(b)
    if not ka or not kb:
        return None
    if ka == kb or (" " not in ka and ka == acronym(kb)) or (" " not in kb and kb == acronym(ka)):
        return "same"
    wa, wb = ka.split(), kb.split()
    shorter = min(len(wa), len(wb))
    return "related" if wa[:shorter] == wb[:shorter] else "different"


@lru_cache(maxsize=4096)
def org_names(organization: str | None) -> tuple[str, ...]:
    """Ways the organisation may be written inside a title, longest first."""
    key = org_key(organization)
    if not key:
        return ()
    names = {norm(organization), key, *ORG_ALIASES.get(key, ())}
    if len(acronym(key)) >= 3:
        names.add(acronym(key))
    return tuple(sorted((n for n in names if n), key=len, reverse=True))


@lru_cache(maxsize=4096)
def title_tokens(title: str | None, organization: str | None = None) -> frozenset[str]:
    """The words that name the role: no organisation name, filler, dates or numbers."""
    text = " " + norm(GRADE.sub(r"\1\2", title or "")) + " "
    for name in org_names(organization):
        text = text.replace(f" {name} ", " ")
    words = (canonical(w) for w in " ".join(ABBREVIATIONS.get(w, w) for w in text.split()).split())
    return frozenset(w for w in words if len(w) > 1 and not w.isdigit() and w not in NOISE)


@lru_cache(maxsize=1024)
def words(text: str) -> tuple[str, ...]:
    """A description's first MAX_WORDS words, normalised, without links and e-mail addresses."""
    return tuple(canonical(w) for w in norm(LINK.sub(" ", text)).split()[:MAX_WORDS])


@lru_cache(maxsize=1024)
def shingles(text: str) -> frozenset[str]:
    """Word 3-grams of a description (empty when it is too short to compare)."""
    ws = words(text)
    if len(ws) < MIN_WORDS:
        return frozenset()
    return frozenset(" ".join(ws[i : i + 3]) for i in range(len(ws) - 2))


@lru_cache(maxsize=1024)
def bands(text: str) -> tuple[int, ...]:
    """A description's MinHash-LSH band keys (none when it is too short to compare).

    Two texts whose 3-gram sets have Jaccard similarity J share at least one of the 16 band keys
    with probability 1 - (1 - J^4)^16: 1.0 for a copy, 0.998 at J = 0.75, 0.64 at J = 0.5,
    0.12 at J = 0.3. Keys are signed 63-bit integers, stable across processes and machines.
    """
    grams = shingles(text)
    if not grams:
        return ()
    base = np.fromiter((zlib.crc32(g.encode()) for g in grams), np.uint64, len(grams))
    hashed = (base[:, None] * HASH_A + HASH_B) % np.uint64(MERSENNE)
    signature = hashed.min(axis=0).reshape(BANDS, ROWS)
    return tuple(
        int.from_bytes(hashlib.blake2b(bytes([i]) + row.tobytes(), digest_size=8).digest()) >> 1
        for i, row in enumerate(signature)
    )


def content_bands(text: str | None) -> str | None:
    """A description's band keys as the JSON list stored in `postings.content_bands`."""
    keys = bands(text or "")
    return json.dumps(list(keys)) if keys else None


def description_similarity(a: dict, b: dict) -> float | None:
    """Share of the shorter description's 3-grams found in the other (copes with truncation)."""
    sa, sb = shingles(a.get("description") or ""), shingles(b.get("description") or "")
    if not sa or not sb:
        return None
    return len(sa & sb) / min(len(sa), len(sb))


def specific(key: str) -> bool:
    """Whether a URL key names one job rather than a careers page shared by many."""
    path = key.partition("/")[2]
    if re.search(r"\d", path):
        return True
    last = [w for w in re.split(r"[^a-z]+", path.rsplit("/", 1)[-1]) if w]
    return len([w for w in last if w not in GENERIC_PATH_WORDS]) >= 2


def ats_id(url: str | None) -> str | None:
    """The hiring platform's own job id in a URL ('greenhouse:4012345'), if it shows one."""
    for platform, pattern in ATS_PATTERNS.items():
        if found := pattern.search(url or ""):
            return f"{platform}:{next(g for g in found.groups() if g)}"
    return None


def url_keys(job: dict) -> set[str]:
    """Keys of a job's page and apply URLs (no tracking) that name one job."""
    return {k for k in map(url_key, (job.get("url"), job.get("apply_url"))) if k and specific(k)}


def text_links(job: dict) -> set[str]:
    """Keys of the job-specific links a description contains (a blog linking to the ad)."""
    found = WEB_LINK.findall((job.get("description") or "")[:20000])
    return {k for k in (url_key(u.rstrip(".,;:!?")) for u in found) if k and specific(k)}


def ats_ids(job: dict) -> set[str]:
    """ATS job ids shown in a job's page and apply URLs."""
    return {i for i in map(ats_id, (job.get("url"), job.get("apply_url"))) if i}


def day(value: str | None) -> date | None:
    """The date an ISO date or timestamp string starts with."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def span(job: dict) -> tuple[date, date] | None:
    """When a job was advertised: posted date to deadline, else first to last seen."""
    days = [d for d in (day(job.get("posted_date")), day(job.get("deadline"))) if d]
    days = days or [d for d in (day(job.get("first_seen")), day(job.get("last_seen"))) if d]
    return (min(days), max(days)) if days else None


def time_conflict(a: dict, b: dict) -> str | None:
    """Why two postings cannot be one advertisement in time (deadlines or dates far apart)."""
    da, db = day(a.get("deadline")), day(b.get("deadline"))
    if da and db and abs((da - db).days) > MAX_DEADLINE_SHIFT:
        return f"deadlines {da} vs {db}"
    sa, sb = span(a), span(b)
    if sa and sb and max((sb[0] - sa[1]).days, (sa[0] - sb[1]).days) > MAX_GAP_DAYS:
        return f"advertised {sa[0]:%Y-%m} vs {sb[0]:%Y-%m}"
    return None


def cities(job: dict) -> set[str]:
    """Normalised duty-station cities of a job's structured locations."""
    places = (loc.get("city") for loc in job.get("locations") or () if isinstance(loc, dict))
    return {norm(city) for city in places if city}


def complete(text: str) -> bool:
    """Whether a description is long and not cut short ("…", "Read more")."""
    return len(words(text)) >= FULL_WORDS and not TRUNCATED.search(text)


def place_conflict(a: dict, b: dict) -> str | None:
    """Why two postings are in different places: countries or cities apart, or a full
    description that never names the other's city."""
    ca, cb = set(a.get("countries") or ()), set(b.get("countries") or ())
    if ca and cb and not ca & cb:
        return f"countries {','.join(sorted(ca))} vs {','.join(sorted(cb))}"
    for x, y in ((a, b), (b, a)):
        mine, theirs = cities(x), cities(y)
        if mine and theirs and not mine & theirs:
            return f"cities {', '.join(sorted(mine))} vs {', '.join(sorted(theirs))}"
        if mine and complete(y.get("description") or ""):
            named = vocabulary(y)
            if not any(set(city.split()) <= named for city in mine):
                return f"{', '.join(sorted(mine))} not named in the other posting"
    return None


def conflict(a: dict, b: dict, ta: frozenset[str], tb: frozenset[str]) -> str | None:
    """A reason two postings are different jobs that needs no similarity."""
    if reason := time_conflict(a, b) or place_conflict(a, b):
        return reason
    if org_relation(a.get("organization"), b.get("organization")) == "different":
        return "different organisations"
    ra, rb = ta & RANKS, tb & RANKS
    if ra and rb and ra != rb:
        return f"roles {' '.join(sorted(ra))} vs {' '.join(sorted(rb))}"
    return None


def vocabulary(job: dict) -> frozenset[str]:
    """Words a posting mentions: its description, and the names of its countries and regions."""
    names = [country_names().get(c, "") for c in job.get("countries") or ()]
    places = norm(" ".join([*names, *(job.get("regions") or ())])).split()
    return frozenset(words(job.get("description") or "")) | {canonical(w) for w in places}


def title_similarity(a: dict, b: dict, ta: frozenset[str], tb: frozenset[str]) -> float | None:
    """Title overlap, counting a word one title lacks as shared when the other posting mentions it.

    None when both titles have words of their own and a complete description of one posting
    never mentions the other's ("Campaigner, Climate" vs "Campaigner, Gender"); a truncated
    description's silence proves nothing.
    """
    if not ta or not tb:
        return 0.0
    only_a, only_b = ta - tb - vocabulary(b), tb - ta - vocabulary(a)
    evidence = (only_a and complete(b.get("description") or "")) or (
        only_b and complete(a.get("description") or "")
    )
    if ta - tb and tb - ta and evidence:
        return None
    return 1 - (len(only_a) + len(only_b)) / len(ta | tb)


def regions_disjoint(a: dict, b: dict) -> bool:
    """Both name regional focuses (not Global) and none is shared."""
    ra, rb = set(a.get("regions") or ()), set(b.get("regions") or ())
    return bool(ra and rb and "Global" not in ra | rb and not ra & rb)


def same_job(a: dict, b: dict) -> tuple[bool, float, str]:
    """Whether two postings are the same vacancy, with a score in 0..1 and the reason.

    A shared specific link (apply/page URL without tracking, or ATS job id) decides unless the
    dates rule it out. Otherwise dates, places, organisations, role words and titles can rule a
    pair out; one text linking to the other's page decides; one source listing both rules it
    out unless their texts are (nearly) the same (a source that changed a job's URL). The score
    then weighs title (0.4) and description (0.6) similarity.
    """
    if shared := (url_keys(a) & url_keys(b)) | (ats_ids(a) & ats_ids(b)):
        reason = time_conflict(a, b)
        return (False, 0.0, reason) if reason else (True, 1.0, f"same link {min(shared)}")
    ta = title_tokens(a.get("title"), a.get("organization"))
    tb = title_tokens(b.get("title"), b.get("organization"))
    if reason := conflict(a, b, ta, tb):
        return False, 0.0, reason
    tsim = title_similarity(a, b, ta, tb)
    if tsim is None or tsim < MIN_TITLE:
        return False, 0.0, f"titles differ: {' '.join(sorted(ta ^ tb))}"
    if linked := (text_links(a) & url_keys(b)) | (text_links(b) & url_keys(a)):
        return True, 0.9, f"linked from the text: {min(linked)}"
    dsim = description_similarity(a, b)
    if a.get("source") and a["source"] == b.get("source") and (dsim or 0) < SAME_SOURCE_TEXT:
        return False, 0.0, f"both listed by {a['source']}"
    score = tsim if dsim is None else 0.4 * tsim + 0.6 * dsim
    same_org = org_relation(a.get("organization"), b.get("organization")) == "same"
    if tsim == 1 and same_org and (dsim is None or dsim >= 0.15):
        score = max(score, 0.8)
    if regions_disjoint(a, b):
        score -= 0.15
    score = round(max(score, 0.0), 3)
    described = "no description to compare" if dsim is None else f"description {dsim:.2f}"
    return score >= THRESHOLD, score, f"title {tsim:.2f}, {described}"


def match_key(organization: str | None, title: str | None) -> str | None:
    """The blocking key: canonical organisation, then the title's role words, sorted."""
    org, role = org_key(organization), title_tokens(title, organization)
    return f"{org}|{' '.join(sorted(role))}" if org and role else None


def job_view(item: dict) -> dict:
    """An incoming item (raw fields plus `understood`) as the flat dict `same_job` compares."""
    understood = item.get("understood") or {}
    contact = understood.get("apply_contact") or ""
    stamp = now_iso()
    return {
        "title": understood.get("title") or item.get("title"),
        "organization": understood.get("organization") or item.get("organization"),
        "description": item.get("description") or "",
        "url": item.get("url"),
        "apply_url": item.get("apply_url") or (contact if contact.startswith("http") else None),
        "locations": item.get("locations") or [],
        "countries": understood.get("countries") or [],
        "regions": understood.get("regions") or [],
        "deadline": understood.get("deadline"),
        "posted_date": understood.get("posted_date"),
        "first_seen": stamp,
        "last_seen": stamp,
        "source": item.get("source"),
    }


def posting(db: Database, posting_id: str) -> dict | None:
    """A stored posting's comparable fields, JSON lists decoded."""
    sql = f"select {LIGHT_COLUMNS} from postings where id = ?"
    row = next(iter(db.query(sql, [posting_id])), None)
    return decoded(row) if row else None


def decoded(row: dict) -> dict:
    """The JSON list columns of a stored row (countries, regions, locations) as lists."""
    return {**row, **{k: json.loads(row[k] or "[]") for k in ("countries", "regions", "locations")}}


def linked_posting(db: Database, job: dict) -> str | None:
    """The posting that already has one of the job's specific links, when the dates agree.

    A link that several postings share is a careers page, not a job, and is ignored; ATS ids are
    looked up among the sightings' own job ids. The organisations must not differ.
    """
    by_url = "select distinct posting_id from sightings where url_key = ? or apply_key = ?"
    by_id = "select distinct posting_id from sightings where source_job_id = ?"
    lookups = [(by_url, [key, key]) for key in sorted(url_keys(job))]
    lookups += [(by_id, [jid.split(":", 1)[1]]) for jid in sorted(ats_ids(job))]
    for sql, params in lookups:
        ids = [r["posting_id"] for r in db.query(sql, params)]
        row = posting(db, ids[0]) if len(ids) == 1 else None
        if (
            row
            and org_relation(job["organization"], row["organization"]) != "different"
            and not time_conflict(job, row)
        ):
            return row["id"]
    return None


def fts_query(tokens: frozenset[str]) -> str | None:
    """A full-text query for titles with any of the tokens' topic words (rank words if none)."""
    terms = " OR ".join(f'"{t}"' for t in sorted(tokens - RANKS or tokens))
    return f"title : ({terms})" if terms else None


def content_block(db: Database, job: dict) -> list[dict]:
    """The postings whose description shares content keys with the job's, most shared first.

    Whatever the store's or the organisation's size, an identical text shares all 16 keys and a
    lightly edited one most of them; only CONTENT_LIMIT postings are looked at, so a text must
    have been stored that many times over before its copies could be missed.
    """
    keys = bands(job["description"])
    if not keys:
        return []
    sql = (
        f"select {LIGHT_COLUMNS} from postings where id in (select posting_id from posting_bands "
        f"where band in ({','.join('?' * len(keys))}) group by posting_id "
        "order by count(*) desc, posting_id limit ?)"
    )
    return list(db.query(sql, [*keys, CONTENT_LIMIT]))


def organisation_block(db: Database, job: dict) -> list[dict]:
    """The job's organisation's most recent postings with its role words (its exact `match_key`)
    and its most recent postings of any role (its `match_key` range), BLOCK_LIMIT of each."""
    if not (org := org_key(job["organization"])):
        return []
    # The (match_key, last_seen) index alone picks the rows, so an organisation's size costs
    # index entries, not reads of its postings.
    sql = (
        f"select {LIGHT_COLUMNS} from postings where rowid in (select rowid from postings "
        "where match_key >= ? and match_key < ? order by last_seen desc limit ?)"
    )
    rows = list(db.query(sql, [f"{org}|", f"{org}}}", BLOCK_LIMIT]))
    if key := match_key(job["organization"], job["title"]):
        sql = (
            f"select {LIGHT_COLUMNS} from postings where rowid in (select rowid from postings "
            "where match_key = ? order by last_seen desc limit ?)"
        )
        rows += db.query(sql, [key, BLOCK_LIMIT])
    return rows


def similar_titles(db: Database, job: dict) -> list[dict]:
    """The postings whose titles best match the job's, by full-text search."""
    if not (query := fts_query(title_tokens(job["title"], job["organization"]))):
        return []
    sql = (
        f"select {LIGHT_COLUMNS} from postings where rowid in (select rowid from postings_fts "
        "where postings_fts match ? order by rank limit ?)"
    )
    return list(db.query(sql, [query, FTS_LIMIT]))


def linked_from_text(db: Database, job: dict) -> list[dict]:
    """The postings whose page or apply URL the job's description links to."""
    keys = sorted(text_links(job))[:20]
    if not keys:
        return []
    marks = ",".join("?" * len(keys))
    sql = (
        f"select {LIGHT_COLUMNS} from postings where id in (select posting_id from sightings "
        f"where url_key in ({marks}) or apply_key in ({marks}))"
    )
    return list(db.query(sql, keys + keys))


def plausible(db: Database, job: dict, rows: list[dict]) -> list[dict]:
    """Candidates sharing a title word and no conflict; those the job's own source already
    lists carry that `source` (for `same_job`'s one-source rule)."""
    tokens = title_tokens(job["title"], job["organization"])
    rows = [decoded(r) for r in rows]
    kept = {
        r["id"]: r
        for r in rows
        if tokens & (theirs := title_tokens(r["title"], r["organization"]))
        and not conflict(job, r, tokens, theirs)
    }
    if job.get("source") and kept:
        sql = (
            "select distinct posting_id from sightings where source = ? and status = 'open' "
            f"and posting_id in ({','.join('?' * len(kept))})"
        )
        for r in db.query(sql, [job["source"], *kept]):
            kept[r["posting_id"]]["source"] = job["source"]
    return list(kept.values())


def find_posting(db: Database, item: dict) -> str | None:
    """The id of a stored posting that is the same job as `item`, or None.

    1. a posting with one of the item's specific links (apply/page URL, ATS job id);
    2. the best-scoring near-duplicate among the plausible postings that share content keys
       with the item's description, those of the organisation's block and those the item's
       text links to (or, when none, among the best full-text title matches), compared under
       each title its sources gave it.
    """
    job = job_view(item)
    if found := linked_posting(db, job):
        return found
    near = content_block(db, job) + organisation_block(db, job) + linked_from_text(db, job)
    rows = plausible(db, job, near) or plausible(db, job, similar_titles(db, job))
    sql = (
        "select substr(p.description, 1, 20000) as description, s.title from postings p "
        "join sightings s on s.posting_id = p.id where p.id = ?"
    )
    best: tuple[float, str] | None = None
    for row in rows:
        for copy in db.query(sql, [row["id"]]):
            same, score, _ = same_job(job, {**row, **copy})
            if same and (best is None or score > best[0]):
                best = (score, row["id"])
    return best[1] if best else None
