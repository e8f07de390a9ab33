"""`python -m eval [--dev PATH]`: every figure `make eval` prints, skipping absent data cleanly.

1. extraction on the test split of the corpus of real postings (`eval/corpus/`): the headline,
   postings of sites nothing here was tuned on; then its validation split; then ranking on both
   splits (`eval.ranking`: the ranker beside TF-IDF and BM25, for the corpus's own profiles);
2. extraction on the embedded demo's labelled postings;
3. extraction and ranking on the shared development set, when it is beside the checkout;
4. dedup precision and recall on eval/data/dedup_pairs.jsonl.
"""

import argparse
from pathlib import Path

from eval import corpus, dedup, extract, script
from eval import ranking as corpus_ranking
from eval.paths import DEV_SET


def section(title: str) -> None:
    print(f"\n== {title}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__.split("\n")[0])
    parser.add_argument("--dev", type=Path, default=DEV_SET, help="a labelled dev-set folder")
    args = parser.parse_args(argv)

    if corpus.assign_splits(corpus.load_items()):
        for split in ("test", "validation"):
            items = corpus.split_items(split)
            sites = len({i["source_site"] for i in items})
            section(f"Extraction: corpus {split} split ({len(items)} real postings, {sites} sites)")
            print(extract.format_scores(extract.score(items, extract.run(items))))
        if corpus_ranking.JUDGMENTS.is_file():
            for split in ("test", "validation"):
                section(f"Ranking: corpus {split} split (profiles and judgments in eval/corpus/)")
                print(corpus_ranking.format_report(corpus_ranking.evaluate(split)), flush=True)
    else:
        section("Corpus: no items in eval/corpus/parts yet")
    section("Extraction: the demo's labelled postings")
    extract.main(["--demo"])
    dev = args.dev
    if (dev / "postings.jsonl").is_file():
        from eval import rankers as ranking

        files = [str(p) for p in (dev / "postings.jsonl", dev / "seed-blog.jsonl") if p.is_file()]
        section(f"Extraction: development set ({dev})")
        extract.main(files)
        section(f"Ranking: development set ({dev})")
        ranking.main(
            ["--profiles", str(dev / "profiles.yaml"), "--judgments", str(dev / "judgments.json")]
            + files
        )
    else:
        section(f"Development set: not found at {dev}, skipped")
    section("Dedup: eval/data/dedup_pairs.jsonl")
    dedup.main([])
    return 0


if __name__ == "__main__":
    script(main)
