"""A reproducible synthetic corpus of postings and profiles in the sector's vocabulary.

Texts mix words of the role's family, a few themes, boilerplate, places and a long Zipf-like
tail of made-up names (organisations, places, jargon), so that term frequencies look like real
job adverts rather than a small closed vocabulary. Structured fields follow CONTRACT §1 and §3.
"""

from datetime import date, timedelta

import numpy as np

from rightsjobs import profiles
from rightsjobs.regions import GLOBAL, country_names, country_regions

FAMILY_WORDS = {
    "campaigns": (
        "campaigner campaign campaigns campaigning advocacy advocate communications "
        "media press social digital messaging outreach mobilisation audience "
        "storytelling spokesperson journalist editor content lobbying public "
        "engagement activism activists influence visibility newsletter video "
        "narrative petition supporters online "
        "slogans hashtags rallies actions mobilising webinars podcasts op-eds talking-points "
        "media-monitoring "
        "press-releases interviews infographics reach engagement-rate members volunteers "
    ),
    "research": (
        "researcher research monitoring investigation investigator documentation "
        "analyst analysis evidence interviews violations findings fieldwork "
        "observer observation reporting fact-finding verification testimony "
        "database methodology situation trends briefings data sources abuses "
        "witnesses "
        "reports country-reports thematic-reports open-source satellite imagery archives "
        "statistics sampling questionnaires focus-groups casefiles incident-logs geolocation "
    ),
    "legal": (
        "lawyer legal litigation counsel attorney jurist paralegal court tribunal "
        "jurisprudence judicial legislation justice submissions treaty complaints "
        "prosecution defence appeal strategic cases amicus legal-aid clients rulings "
        "constitutional criminal law "
        "pleadings briefs hearings petitions domestic-remedies admissibility jurisdiction "
        "injunctions advocates bar-association tribunals litigants precedents statutes "
    ),
    "programme": (
        "programme project manager coordinator officer implementation planning "
        "budget workplan partners donors reporting deliverables grants logframe "
        "activities capacity-building coordination schedule milestones "
        "procurement consortium subgrants oversight delivery "
        "proposals work-plans timelines quarterly-reports donor-compliance inception "
        "partner-visits indicators-tracking risk-register steering-committee "
    ),
    "protection": (
        "protection refugees refugee asylum casework caseworker resettlement "
        "displaced migrants shelter relocation humanitarian psychosocial "
        "survivors vulnerable camps reception accompaniment safety security "
        "referral emergency assistance children gender-based "
        "registration case-files hotline safe-houses temporary-relocation security-plans "
        "risk-assessments evacuation legal-referral medical-referral trauma "
    ),
    "fundraising": (
        "fundraising fundraiser donors partnerships philanthropy proposals "
        "funding foundations trusts major-gifts income donations stewardship "
        "prospects pipeline grant-writing sponsors cultivation supporters "
        "crm donor-database appeals campaigns-income legacies corporate-partners "
        "events sponsorship reporting-to-donors grant-cycle "
    ),
    "finance": (
        "finance accountant accounting bookkeeping payroll procurement logistics "
        "administration administrative office human-resources recruitment ict "
        "systems software database auditor invoices compliance contracts audit "
        "budgets reconciliation treasury operations "
        "ledgers cash-flow vat expense-claims vendor-payments fixed-assets laptops "
        "helpdesk networks backups onboarding contracts-management "
    ),
    "leadership": (
        "director head chief executive leadership strategy strategic board "
        "governance management senior deputy regional country vision oversight "
        "representation organisation-wide budgets teams "
        "fundraising-targets board-meetings senior-team culture change-management "
        "external-relations spokesperson-role risk-oversight annual-plan "
    ),
    "evaluation": (
        "evaluation monitoring indicators baseline learning accountability impact "
        "assessment results outcomes survey data-collection theory-of-change "
        "meal framework quantitative qualitative reviews evaluator "
        "midterm-review endline sampling-frames dashboards kobo learning-agenda "
        "case-studies outcome-harvesting most-significant-change "
    ),
}
TITLES = {
    "campaigns": [
        "Campaigner",
        "Advocacy Officer",
        "Communications Officer",
        "Media Manager",
        "Digital Campaigns Lead",
        "Press Officer",
    ],
    "research": [
        "Researcher",
        "Human Rights Officer",
        "Monitoring Officer",
        "Investigator",
        "Research Analyst",
        "Field Monitor",
    ],
    "legal": ["Legal Officer", "Lawyer", "Legal Adviser", "Litigation Counsel", "Paralegal"],
    "programme": [
        "Programme Manager",
        "Project Officer",
        "Project Coordinator",
        "Programme Officer",
        "Project Assistant",
    ],
    "protection": [
        "Protection Officer",
        "Caseworker",
        "Protection Coordinator",
        "Resettlement Officer",
        "Relocation Coordinator",
    ],
    "fundraising": [
        "Fundraising Officer",
        "Partnerships Manager",
        "Grants Writer",
        "Major Gifts Manager",
    ],
    "finance": [
        "Finance Officer",
        "Accountant",
        "HR Officer",
        "IT Officer",
        "Operations Assistant",
        "Office Manager",
    ],
    "leadership": [
        "Executive Director",
        "Regional Director",
        "Head of Office",
        "Country Director",
        "Deputy Director",
    ],
    "evaluation": ["MEAL Officer", "Evaluation Specialist", "M&E Coordinator"],
}
THEMES = " ".join(
    (
        "freedom-of-expression torture detention gender equality women children migrants land "
        "indigenous peoples environment climate business accountability elections democracy "
        "civic-space defenders journalists minorities discrimination disability lgbti health "
        "housing labour workers digital privacy surveillance transitional justice conflict peace "
        "corruption religion belief education youth",
    )
).split(" ")
GENERIC = [
    "organisation",
    "team",
    "support",
    "international",
    "national",
    "local",
    "partners",
    "human",
    "rights",
    "civil",
    "society",
    "work",
    "ensure",
    "develop",
    "provide",
    "coordinate",
    "contribute",
    "strong",
    "ability",
    "experience",
    "years",
    "knowledge",
    "skills",
    "excellent",
    "written",
    "spoken",
    "english",
    "degree",
    "relevant",
    "candidate",
    "position",
    "office",
    "based",
    "contract",
    "salary",
    "benefits",
    "apply",
    "application",
    "deadline",
    "environment",
    "values",
    "diversity",
    "inclusion",
    "staff",
    "colleagues",
    "responsible",
    "including",
    "related",
    "ensure",
    "high",
    "quality",
    "timely",
    "effective",
    "regional",
    "global",
    "network",
    "members",
]
LANGS = ["fr", "es", "ru", "ar", "pt", "uk", "ka", "sw", "de", "zh"]
EXCLUDES = [
    "fundraising",
    "finance",
    "internship",
    "volunteer",
    "driver",
    "accounting",
    "litigation",
    "social media",
    "procurement",
    "security",
]
SENIORITY = [*profiles.SENIORITIES, "unknown"]
CONTRACTS = [*profiles.CONTRACT_TYPES, "unknown"]
LEVELS = ["native", "fluent", "working", "basic"]


def _tail(rng: np.random.Generator, size: int) -> np.ndarray:
    syllables = np.array(
        [
            "ka",
            "ro",
            "mi",
            "sa",
            "tu",
            "le",
            "no",
            "vi",
            "da",
            "ze",
            "po",
            "ra",
            "chi",
            "ban",
            "dor",
            "el",
            "im",
            "ost",
        ]
    )
    lengths = rng.integers(2, 5, size)
    picks = rng.integers(0, len(syllables), (size, 4))
    return np.array(["".join(syllables[picks[i, : lengths[i]]]) for i in range(size)])


class Corpus:
    """Seeded generator of postings and profiles."""

    def __init__(self, seed: int = 7, as_of: date = date(2025, 6, 2)) -> None:
        self.rng = np.random.default_rng(seed)
        self.as_of = as_of
        self.families = list(FAMILY_WORDS)
        self.words = {f: np.array(w.split()) for f, w in FAMILY_WORDS.items()}
        self.tail = _tail(self.rng, 30_000)
        self.tail_cdf = np.cumsum(1 / np.arange(1, len(self.tail) + 1) ** 1.1)
        self.tail_cdf /= self.tail_cdf[-1]
        self.generic = np.array(GENERIC)
        self.countries = sorted(country_regions())
        self.names = country_names()

    def _pick(self, words: np.ndarray, n: int) -> list[str]:
        """n words, the first ones of the list more often (Zipf-like)."""
        cdf = np.cumsum(1 / np.arange(1, len(words) + 1) ** 0.8)
        return words[np.searchsorted(cdf, self.rng.random(n) * cdf[-1])].tolist()

    def _languages(self) -> dict[str, str]:
        out = {"en": str(self.rng.choice(LEVELS[:3], p=[0.2, 0.6, 0.2]))}
        for code in self.rng.choice(LANGS, self.rng.integers(0, 3), replace=False):
            out[str(code)] = str(self.rng.choice(LEVELS))
        return out

    def posting(self, i: int) -> dict:
        rng = self.rng
        fam = self.families[rng.integers(len(self.families))]
        other = self.families[rng.integers(len(self.families))]
        country = self.countries[rng.integers(len(self.countries))]
        regions = [country_regions()[country]]
        if rng.random() < 0.1:
            regions.append(GLOBAL)
        seniority = str(rng.choice(SENIORITY, p=[0.2, 0.35, 0.25, 0.1, 0.1]))
        n = int(rng.integers(120, 260))
        tail = self.tail[np.searchsorted(self.tail_cdf, rng.random(int(n * 0.15)))]
        words = (
            self._pick(self.words[fam], int(n * 0.45))
            + self._pick(self.words[other], n // 10)
            + [THEMES[t] for t in rng.integers(len(THEMES), size=3)] * int(n * 0.02)
            + self._pick(self.generic, int(n * 0.2))
            + tail.tolist()
            + [self.names[country]] * 2
        )
        rng.shuffle(words)
        required = ["en"] if rng.random() < 0.6 else []
        if rng.random() < 0.2:
            required.append(str(rng.choice(LANGS)))
        posted = self.as_of - timedelta(days=int(rng.integers(0, 60)))
        return {
            "id": f"p{i}",
            "is_vacancy": True,
            "title": f"{rng.choice(TITLES[fam])}, {self.names[country]}",
            "organization": f"{str(rng.choice(self.tail[:500])).title()} Rights Network",
            "text": " ".join(words),
            "countries": [country],
            "regions": regions,
            "remote": str(rng.choice(["no", "yes", "hybrid", "unknown"], p=[0.5, 0.1, 0.1, 0.3])),
            "languages_required": required,
            "languages_desirable": [str(rng.choice(LANGS))] if rng.random() < 0.2 else [],
            "language_rule": None,
            "min_years_experience": int(rng.integers(0, 12)) if rng.random() < 0.5 else None,
            "contract_type": str(rng.choice(CONTRACTS)),
            "seniority": seniority,
            # open on `as_of` and a week later, as the open postings of a store are
            "deadline": (self.as_of + timedelta(days=int(rng.integers(8, 68)))).isoformat(),
            "posted_date": posted.isoformat(),
            "first_seen": posted.isoformat(),
        }

    def profile(self, i: int) -> dict:
        rng = self.rng
        fam = self.families[rng.integers(len(self.families))]
        about = (
            self._pick(self.words[fam], 18)
            + [THEMES[t] for t in rng.integers(len(THEMES), size=4)]
            + self._pick(self.generic, 8)
        )
        place = rng.random()
        region_names = sorted(set(country_regions().values()))
        return {
            "id": f"u{i}",
            "email": f"u{i}@example.org",
            "about": " ".join(about),
            "keywords": self._pick(self.words[fam], int(rng.integers(3, 7))),
            "exclude": [str(rng.choice(EXCLUDES))] if rng.random() < 0.2 else [],
            "regions": list(rng.choice(region_names, int(rng.integers(1, 3)), replace=False))
            if place < 0.7
            else [],
            "countries": [self.countries[rng.integers(len(self.countries))]]
            if 0.7 <= place < 0.8
            else [],
            "locations": [self.countries[rng.integers(len(self.countries))]]
            if rng.random() < 0.2
            else [],
            "remote": str(rng.choice(["ok", "only", "no"], p=[0.8, 0.05, 0.15])),
            "languages": self._languages(),
            "years_experience": int(rng.integers(0, 20)),
            "contract_types": ["permanent", "fixed-term"] if rng.random() < 0.2 else [],
            "seniority": ["mid", "senior"] if rng.random() < 0.2 else [],
        }

    def postings(self, n: int, start: int = 0) -> list[dict]:
        return [self.posting(start + i) for i in range(n)]

    def profiles(self, n: int) -> list[dict]:
        return [self.profile(i) for i in range(n)]


def organisations(corpus: Corpus, n: int = 2000, exponent: float = 1.0) -> tuple[list, np.ndarray]:
    """n organisation names and the cumulative odds of each posting being theirs (Zipf: at
    100,000 postings the largest has about 12,000, the median a dozen)."""
    names = [f"{name.title()} Rights Network" for name in dict.fromkeys(corpus.tail)][:n]
    cdf = np.cumsum(1 / np.arange(1, len(names) + 1) ** exponent)
    return names, cdf / cdf[-1]


def stored_posting(corpus: Corpus, i: int, names: list[str], cdf: np.ndarray) -> dict:
    """A synthetic posting with a Zipf-drawn organisation, its page URL and its description."""
    posting = corpus.posting(i)
    org = names[int(np.searchsorted(cdf, corpus.rng.random()))]
    slug = org.lower().replace(" ", "-")
    return {
        **posting,
        "organization": org,
        "description": posting["text"],
        "url": f"https://{slug}.example/jobs/{i}",
    }


def light_edit(corpus: Corpus, text: str, share: float = 0.03) -> str:
    """A re-publisher's copy: a heading, `share` of the words replaced, the last words cut and
    a closing line added."""
    words = text.split()
    for j in corpus.rng.choice(len(words), int(len(words) * share), replace=False):
        words[j] = str(corpus.rng.choice(corpus.generic))
    return "About the role: " + " ".join(words[:-5]) + ". Apply on the organisation's website."
