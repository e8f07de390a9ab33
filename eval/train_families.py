"""Learn role-family cue words of every language and write `matcher/data/learned_cues.json`.

    python -m eval.train_families            # learn, print accuracies, write the artefact
    python -m eval.train_families --search   # grouped cross-validation over the grid only
    python -m eval.train_families --check    # relearn and fail unless the artefact is identical

The listed cues (`matcher/data/families.yaml`) are English; a posting in another language
reaches them only through the glossary. This learns more from the corpus's train split: each
vacancy's words (as the matcher analyses them: folded, glossary-mapped, stemmed; title and body)
are counted against its gold `family`, and a family's cue words are those far more frequent in
its postings than in the others' (smoothed log-odds of the share of postings holding the word),
seen in at least MIN_DOCS postings from MIN_SITES sites. Listed cues, place names and
sector-generic words (`matcher.topics.untopical_words`) are left out. Each learned word weighs
WEIGHT in the family scores `matcher.relevance` computes.

The grid was searched with `--search`: top-1 family accuracy of `matcher.relevance`'s scores
over a cross-validation grouped by site group within train; the validation split is printed as
a check and the test split is never read here. Same data, same artefact; the words depend on
the glossary, so relearn after changing it (a test fails until then).
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import product

import numpy as np

from eval import corpus, script
from eval.artefacts import training_args, write_or_check
from eval.paths import REPO
from eval.rankers import gold_posting
from matcher.lexicon import LEARNED_CUES, families, family_cues
from matcher.relevance import cue_matrix
from matcher.text import Vectoriser, posting_document, tokens
from matcher.topics import untopical_words

ARTEFACT = REPO / "matcher" / "data" / LEARNED_CUES
FOLDS = 5
SMOOTH = 1.0  # added to each count of the log-odds
# Chosen by grouped cross-validation within the train split (`--search`).
TOP = 40  # learned words per family at most
MIN_DOCS = 3
MIN_SITES = 2
MIN_LOG_ODDS = 1.0
WEIGHT = 0.15
GRID = {
    "top": (20, 40, 80),
    "min_docs": (2, 3),
    "min_log_odds": (0.5, 1.0, 1.5),
    "weight": (0.15, 0.3, 0.6),
}


@dataclass
class Example:
    """A vacancy of the corpus: its analysed title and document, words, family and group."""

    title: list[list[str]]
    document: list[list[str]]
    words: frozenset[str]
    family: str
    site: str
    group: str


def examples(items: list[dict], groups: dict[str, str]) -> list[Example]:
    """The vacancies of `items` whose gold family is one of the matcher's families."""
    out = []
    for item in items:
        family = (item.get("gold") or {}).get("family")
        if not item["is_vacancy"] or family not in families():
            continue
        _, title, document = posting_document(gold_posting(item))
        words = frozenset(w for segment in document for w in segment)
        site = item["source_site"]
        out.append(Example(title, document, words, family, site, groups[site]))
    return out


def excluded_words() -> frozenset[str]:
    """Words never learned: one-word listed cues and untopical words."""
    listed = {w for cues in family_cues().values() for cue, _ in cues for w in tokens(cue, "en")}
    return frozenset(listed | untopical_words())


def learn(
    train: list[Example], top: int, min_docs: int, min_log_odds: float, weight: float
) -> dict[str, dict[str, float]]:
    """Family -> {word: weight}: the `top` words of each family by log-odds."""
    skip = excluded_words()
    docs: dict[str, Counter[str]] = defaultdict(Counter)
    sites: dict[tuple[str, str], set[str]] = defaultdict(set)
    per_family = Counter(e.family for e in train)
    for e in train:
        for w in e.words:
            if w not in skip and len(w) > 2:
                docs[e.family][w] += 1
                sites[(e.family, w)].add(e.site)
    total = Counter()
    for counts in docs.values():
        total.update(counts)
    out: dict[str, dict[str, float]] = {}
    for family in sorted(docs):
        inside, outside = per_family[family], len(train) - per_family[family]
        scored = []
        for w, a in docs[family].items():
            if a < min_docs or len(sites[(family, w)]) < MIN_SITES:
                continue
            b = total[w] - a
            odds = math.log((a + SMOOTH) / (inside - a + SMOOTH)) - math.log(
                (b + SMOOTH) / (outside - b + SMOOTH)
            )
            if odds >= min_log_odds:
                scored.append((-odds, w))
        chosen = sorted(scored)[:top]
        if chosen:
            out[family] = {w: weight for _, w in sorted(chosen, key=lambda x: x[1])}
    return out


def accuracy(learned: dict[str, dict[str, float]], test: list[Example]) -> float:
    """Top-1 family accuracy of `matcher.relevance`'s family scores with these cues (a
    posting showing no family counts as wrong)."""
    vectoriser = Vectoriser()
    counts = vectoriser.counts([e.document for e in test])
    vectoriser.fit_counts(counts)
    vectors = vectoriser.weigh(counts) + vectoriser.transform([e.title for e in test])
    cues = {f: list(words.items()) for f, words in learned.items()}
    scores = (vectors @ cue_matrix(vectoriser, cues)).toarray()
    names = families()
    right = [
        row.max() > 0 and names[int(np.argmax(row))] == e.family
        for row, e in zip(scores, test, strict=True)
    ]
    return float(np.mean(right)) if right else 0.0


def folds(exs: list[Example]) -> list[int]:
    """Fold of each example: site groups dealt out in sorted order, so never split."""
    order = {g: n % FOLDS for n, g in enumerate(sorted({e.group for e in exs}))}
    return [order[e.group] for e in exs]


def cross_validated(exs: list[Example], *params) -> float:
    """Accuracy over the held-out folds, each learned from the other folds."""
    fold = folds(exs)
    right = 0.0
    for k in range(FOLDS):
        held = [e for e, f in zip(exs, fold, strict=True) if f == k]
        rest = [e for e, f in zip(exs, fold, strict=True) if f != k]
        right += accuracy(learn(rest, *params), held) * len(held)
    return right / len(exs)


def dumps(learned: dict[str, dict[str, float]], train: list[Example]) -> str:
    data = {
        "about": "Role-family cue words learned by `python -m eval.train_families` from the "
        "corpus's train split; words as matcher.text.tokens analyses them.",
        "trained_on": len(train),
        "params": {
            "top": TOP,
            "min_docs": MIN_DOCS,
            "min_sites": MIN_SITES,
            "min_log_odds": MIN_LOG_ODDS,
            "weight": WEIGHT,
        },
        "cues": learned,
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = training_args(argv, "eval.train_families", __doc__, ARTEFACT)
    items = corpus.load_items()
    groups = corpus.site_groups(items)
    train = examples(corpus.split_items("train"), groups)
    validation = examples(corpus.split_items("validation"), groups)
    params = (TOP, MIN_DOCS, MIN_LOG_ODDS, WEIGHT)
    if args.search:
        for combo in product(*GRID.values()):
            print(f"{dict(zip(GRID, combo, strict=True))}: {cross_validated(train, *combo):.3f}")
        print(f"listed cues only: {accuracy({}, train):.3f} on train")
        return 0
    learned = learn(train, *params)
    print(
        f"top-1 family accuracy, grouped CV within train: listed cues only"
        f" {cross_validated(train, 0, MIN_DOCS, MIN_LOG_ODDS, WEIGHT):.3f},"
        f" with learned cues {cross_validated(train, *params):.3f}"
    )
    print(
        f"validation: listed cues only {accuracy({}, validation):.3f},"
        f" with learned cues {accuracy(learned, validation):.3f} ({len(validation)} vacancies)"
    )
    return write_or_check(args.out, dumps(learned, train), check=args.check)


if __name__ == "__main__":
    script(main)
