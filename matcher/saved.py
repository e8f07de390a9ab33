"""An `Index` kept on disk between runs, so that a weekly match only analyses what changed.

A saved index is a folder of generations: `CURRENT` names the generation in use, and each
generation is a folder of numpy arrays (the posting vectors, the term-presence matrix, role
families, fit records), the vocabulary and document frequencies, how the postings write the
features their vectors keep (`matcher.surfaces`), and each row's posting id, language and
fingerprint. A generation is written under a temporary name, renamed, and only
then named in `CURRENT` (replaced atomically), so a reader sees a whole generation or none.

A generation records the format version and the analyser's version (a hash of the code and
data that decide what an index holds); a different one, like a missing or unreadable folder,
means a rebuild. Posting texts are not saved: the caller passes the postings at every load.
"""

import hashlib
import os
import shutil
import time
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import numpy as np
import orjson
import scipy.sparse as sp

from matcher.compiled import package_stamp
from matcher.memory import Entry, Memory
from matcher.rank import KEEP_TERMS, Index
from matcher.surfaces import UNKNOWN, Forms
from matcher.text import Vectoriser

FORMAT = 4
ANALYSER_FILES = ("text.py", "lexicon.py", "relevance.py", "fit.py", "rank.py")
LEGACY = ("surfaces.json",)  # what older versions kept beside the generations
MEMORY = "memory.npz"
STALE = 1.0  # rebuild once the postings added since the fit outnumber the fitted ones this much
ARRAYS = ("x_data", "x_indices", "x_indptr", "x_forms", "p_indices", "p_indptr", "families")
ARRAYS += ("records", "alive", "df_columns", "df_counts", "form_data", "form_ends")


class Unusable(Exception):
    """A saved index that cannot serve: its reason is the exception's message."""


def analyser_version() -> str:
    """A hash of the matcher code and data that decide what an index holds."""
    digest = hashlib.sha256(f"format {FORMAT} keep {KEEP_TERMS}".encode())
    package = files("matcher")
    for name in ANALYSER_FILES:
        digest.update(package.joinpath(name).read_bytes())
    data = package.joinpath("data")
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.is_file():
            digest.update(entry.name.encode() + entry.read_bytes())
    digest.update(files("rightsjobs.data").joinpath("regions.csv").read_bytes())
    return digest.hexdigest()[:16]


def save(index: Index, folder: Path, fingerprints: dict[str, str]) -> None:
    """Write the index as a new generation of `folder` and make it current; older generations
    are removed (a reader that loses its generation so rebuilds: never a stale index).
    `fingerprints` maps each indexed posting id to its fingerprint."""
    index.write()  # how every live posting writes its features, saved with it
    folder.mkdir(parents=True, exist_ok=True)
    name = f"g{time.time_ns()}-{os.getpid()}"
    tmp = folder / f"tmp-{name}"
    tmp.mkdir()
    vec = index.vectoriser
    x, present = index._x, index._present
    seen = np.flatnonzero(vec.df)
    arrays = {
        "x_data": x.data,
        "x_indices": x.indices,
        "x_indptr": x.indptr,
        "x_forms": index._written,
        "p_indices": present.indices,
        "p_indptr": present.indptr,
        "families": index._families,
        "records": index._records,
        "alive": index._alive,
        "df_columns": seen,
        "df_counts": vec.df[seen],
        "form_data": index.forms.data,
        "form_ends": index.forms.ends,
    }
    for key, value in arrays.items():
        np.save(tmp / f"{key}.npy", value, allow_pickle=False)
    (tmp / "vocabulary.txt").write_text("\n".join(vec.vocabulary), encoding="utf-8")
    rows = [
        [p["id"], index._langs[j], fingerprints.get(p["id"]) if index._alive[j] else None]
        for j, p in enumerate(index.postings)
    ]
    meta = {
        "format": FORMAT,
        "analyser": analyser_version(),
        "fitted": vec.n,
        "width": vec.width,
        "lineage": index.lineage,
        "rows": rows,
    }
    (tmp / "meta.json").write_bytes(orjson.dumps(meta))
    tmp.rename(folder / name)
    pointer = folder / f"tmp-CURRENT-{name}"
    pointer.write_text(name, encoding="utf-8")
    pointer.replace(folder / "CURRENT")
    for old in LEGACY:
        (folder / old).unlink(missing_ok=True)
    for old in folder.iterdir():  # older generations, and what crashed writers left
        left = old.name.startswith("tmp-") and time.time() - old.stat().st_mtime > 3600
        if left or (old.name.startswith("g") and old.name < name and old.is_dir()):
            shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)


def load(folder: Path) -> tuple[Index, dict[str, str]]:
    """The current generation of `folder` as an Index whose postings are stubs ({"id"}), and
    the fingerprint of each live posting; raises Unusable."""
    try:
        name = (folder / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        raise Unusable("no saved index") from None
    gen = folder / name
    try:
        meta = orjson.loads((gen / "meta.json").read_bytes())
        if meta.get("format") != FORMAT:
            raise Unusable(f"saved in format {meta.get('format')}, not {FORMAT}")
        if meta.get("analyser") != analyser_version():
            raise Unusable("the text analysis changed since it was saved")
        a = {key: np.load(gen / f"{key}.npy", allow_pickle=False) for key in ARRAYS}
        words = (gen / "vocabulary.txt").read_text(encoding="utf-8")
        return _restore(meta, a, words.split("\n") if words else [])
    except Unusable:
        raise
    except Exception as exc:  # whatever a damaged file makes numpy or json raise
        raise Unusable(f"unreadable ({type(exc).__name__}: {exc})") from None


def _restore(meta: dict, a: dict[str, np.ndarray], words: list[str]) -> tuple[Index, dict]:
    """An Index from a generation's arrays (checking that they fit together)."""
    rows, width = meta["rows"], meta["width"]
    n = len(rows)
    vec = Vectoriser()
    if width != vec.width or len(set(words)) != len(words):
        raise ValueError("vocabulary or width does not match")
    vec.vocabulary = {w: i for i, w in enumerate(words)}
    df = np.zeros(vec.width, dtype=np.int64)
    df[a["df_columns"]] = a["df_counts"]
    vec.set_frequencies(df, int(meta["fitted"]))
    x = sp.csr_matrix((a["x_data"], a["x_indices"], a["x_indptr"]), shape=(n, vec.width))
    present = sp.csr_matrix(
        (np.ones(len(a["p_indices"]), dtype=bool), a["p_indices"], a["p_indptr"]),
        shape=(n, vec.width),
    )
    x.check_format(full_check=False)
    present.check_format(full_check=False)
    sizes = {len(a["families"]), len(a["records"]), len(a["alive"])}
    if sizes != {n} or len(a["x_forms"]) != x.nnz:
        raise ValueError("arrays of different lengths")
    ends = a["form_ends"]
    if len(ends) and (ends[-1] != len(a["form_data"]) or (np.diff(ends) < 0).any() or ends[0] < 0):
        raise ValueError("forms do not fit their buffer")
    if len(a["x_forms"]) and not UNKNOWN <= a["x_forms"].min() <= a["x_forms"].max() < len(ends):
        raise ValueError("form numbers out of range")
    index = Index([], vectoriser=vec)
    index.lineage = meta["lineage"]
    index.postings = [{"id": row[0]} for row in rows]
    index._langs = [row[1] for row in rows]
    index._why_keys = [None] * n
    index._alive = a["alive"].astype(bool)
    index._written_rows = index._alive.copy()  # saved with their forms (`save`)
    index.position = {row[0]: j for j, row in enumerate(rows) if index._alive[j]}
    index.forms = Forms(a["form_data"], ends)
    index._parts = [(x, a["x_forms"], present, a["families"], a["records"])]
    index._stack()
    fingerprints = {row[0]: row[2] for j, row in enumerate(rows) if index._alive[j]}
    return index, fingerprints


def current(
    folder: Path | None,
    postings: list[dict],
    fingerprint: Callable[[dict], str],
    notify: Callable[[str], None],
) -> tuple[Index, dict[str, str]]:
    """An Index of exactly these postings and their fingerprints: the index saved in
    `folder`, brought up to date (changed postings re-analysed, gone ones removed) and saved
    again; or a new one when none can serve (`notify` then says why in one line). Without a
    folder, a new one, unsaved."""
    vacancies = [p for p in postings if p.get("is_vacancy")]
    marks = {p["id"]: fingerprint(p) for p in vacancies}
    if folder is None:
        return Index(vacancies), marks
    try:
        index, stored = load(folder)
        index = _update(index, stored, vacancies, marks)
    except Unusable as exc:
        notify(f"rebuilding the match index {folder}: {exc}")
        index = Index(vacancies)
        changed = True
    else:
        changed = stored != marks
    if changed and len(index):
        save(index, folder, marks)
    return index, marks


def _update(index: Index, stored: dict, vacancies: list[dict], marks: dict[str, str]) -> Index:
    """The loaded index with the postings changed or gone since it was saved taken out and
    the new or changed ones added; raises Unusable when so much changed that the document
    frequencies are stale (or dead rows outnumber live ones)."""
    fresh = [p for p in vacancies if stored.get(p["id"]) != marks[p["id"]]]
    gone = [i for i in stored if i not in marks or stored[i] != marks[i]]
    if index.dead + len(gone) > len(index) + len(fresh) or (
        len(index.postings) + len(fresh) - index.vectoriser.n > STALE * index.vectoriser.n
    ):
        raise Unusable("most of it changed since it was built")
    index.remove(gone)
    for p in vacancies:
        j = index.position.get(p["id"])
        if j is not None:
            index.postings[j] = p
    index.add(fresh)
    return index


def load_memory(folder: Path | None) -> Memory:
    """What each profile's last search found, as `save_memory` kept it; an empty Memory when
    there is none, or it is damaged or was made by other matcher code."""
    try:
        with np.load(folder / MEMORY, allow_pickle=False) as a:  # type: ignore[operator]
            meta = orjson.loads(a["meta"].tobytes())
            if meta["stamp"] != _memory_stamp():
                return Memory()
            posting, p_start, seen, s_start = a["posting"], a["p_start"], a["seen"], a["s_start"]
            entries = {
                pid: Entry(
                    mark,
                    posting[p_start[r] : p_start[r + 1]],
                    float(score),
                    int(at),
                    seen[s_start[r] : s_start[r + 1]],
                    bool(full),
                )
                for r, (pid, mark, score, at, full) in enumerate(
                    zip(
                        meta["ids"],
                        meta["fingerprints"],
                        a["floor_score"].tolist(),
                        a["floor_posting"].tolist(),
                        a["full"].tolist(),
                        strict=True,
                    )
                )
            }
        fields = (meta["lineage"], meta["rows"], meta["day"], meta["k"])
        return Memory(*fields, entries=entries)
    except Exception:  # a cache: a missing or damaged one only costs a full search
        return Memory()


def save_memory(folder: Path | None, memory: Memory) -> None:
    """Keep what each profile's search found (`matcher.memory`) for the next run, beside the
    generations (replaced atomically)."""
    if folder is None or not folder.is_dir():
        return
    entries = list(memory.entries.values())
    meta = {
        "stamp": _memory_stamp(),
        "lineage": memory.lineage,
        "rows": memory.rows,
        "day": memory.day,
        "k": memory.k,
        "ids": list(memory.entries),
        "fingerprints": [e.fingerprint for e in entries],
    }
    arrays = {
        "meta": np.frombuffer(orjson.dumps(meta), dtype=np.uint8),
        "posting": np.concatenate([np.zeros(0, np.int64), *(e.posting for e in entries)]),
        "p_start": np.cumsum([0, *(len(e.posting) for e in entries)], dtype=np.int64),
        "seen": np.concatenate([np.zeros(0, np.int64), *(e.seen for e in entries)]),
        "s_start": np.cumsum([0, *(len(e.seen) for e in entries)], dtype=np.int64),
        "floor_score": np.array([e.floor_score for e in entries], dtype=np.float32),
        "floor_posting": np.array([e.floor_posting for e in entries], dtype=np.int64),
        "full": np.array([e.full for e in entries], dtype=bool),
    }
    tmp = folder / f"tmp-{MEMORY}-{os.getpid()}"
    with tmp.open("wb") as out:
        np.savez(out, **arrays)
    tmp.replace(folder / MEMORY)


def _memory_stamp() -> str:
    """The matcher code and data a Memory was made with."""
    return f"{package_stamp()}-{analyser_version()}"
