"""Build the NER tagger's word clusters from the raw SaudiNewsNet articles (no labels used).

The event coder's clusters (``tools/build_word_clusters.py``) cover the 30,000 most frequent stems; names are rarer
than that, and most of the NER tagger's misses are names it never saw in training. These clusters cover every light
stem (``hadath.coding.words.stem``) seen at least :data:`MIN_COUNT` times, and tell left from right context (a name
follows «الرئيس» and precedes «،» or «وزير»):

1. each stem is described by the PPMI of the :data:`CONTEXTS` most frequent stems one and two words to its left and
   to its right (four blocks of columns, context distribution smoothed with the power 0.75);
2. a truncated SVD to :data:`DIMS` dimensions (fixed seed), rows unit-normalized;
3. k-means at several granularities (:data:`SIZES` clusters, fixed seeds): a word's cluster at each size is a
   feature, from coarse (a word class) to fine (a few near-synonyms or names of one kind).

Deterministic: the same corpus gives the same file. Writes ``src/hadath/resources/ner/word_clusters.tsv.gz``
(``stem<TAB>cluster at each size``), read by ``hadath.ner.features``. Needs
numpy, scipy and scikit-learn.

  python tools/build_ner_clusters.py [../shared/data/saudinewsnet/saudinewsnet.jsonl.gz] [--min-count N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans, MiniBatchKMeans

from hadath.coding.words import stem, words
from hadath.ner.features import NER_CLUSTER_SIZES, NER_CLUSTERS_FILE

# the PPMI and SVD of the event coder's clusters (tools/build_word_clusters.py), not a copy of them
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_word_clusters import ppmi_vectors

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
MIN_COUNT = 5
CONTEXTS = 10_000
DIMS = 100
SIZES = NER_CLUSTER_SIZES


def main(path: Path, output: Path = NER_CLUSTERS_FILE, min_count: int = MIN_COUNT) -> None:
    started = time.perf_counter()
    docs: list[list[str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for rec in map(json.loads, fh):
            docs.append([stem(w) for w in words(rec["text"])])
    freq = Counter(w for d in docs for w in d)
    ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
    vocab = [w for w, c in ranked if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    context = {w: i for i, (w, _) in enumerate(ranked[:CONTEXTS])}
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    for d in docs:
        ids = np.array([index.get(w, -1) for w in d], dtype=np.int64)
        ctx = np.array([context.get(w, -1) for w in d], dtype=np.int64)
        for block, off in enumerate((-2, -1, 1, 2)):
            if len(d) <= abs(off):
                continue
            a, c = (ids[-off:], ctx[:off]) if off < 0 else (ids[:-off], ctx[off:])
            keep = (a >= 0) & (c >= 0)
            rows.append(a[keep])
            cols.append(c[keep] + block * CONTEXTS)
    r, c = np.concatenate(rows), np.concatenate(cols)
    n, m = len(vocab), 4 * CONTEXTS
    co = sparse.coo_matrix((np.ones(len(r)), (r, c)), shape=(n, m)).tocsr()
    vec = ppmi_vectors(co, DIMS)
    print(f"{n} stems, {len(r)} co-occurrences, SVD done in {time.perf_counter() - started:.0f} s", flush=True)
    labels = []
    for size in SIZES:
        if size <= 512:
            km = KMeans(n_clusters=size, n_init=1, random_state=0, max_iter=100)
        else:
            km = MiniBatchKMeans(n_clusters=size, n_init=1, random_state=0, batch_size=4096, max_iter=50)
        labels.append(km.fit_predict(vec))
        print(f"k={size} done in {time.perf_counter() - started:.0f} s", flush=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(output, "wb", mtime=0) as raw:
        out = raw
        header = (
            f"# NER word clusters of {len(docs)} SaudiNewsNet articles (CC BY-NC-SA 4.0), {n} stems seen at least "
            f"{min_count} times, k-means into {'/'.join(map(str, SIZES))} clusters: tools/build_ner_clusters.py\n"
        )
        out.write(header.encode("utf-8"))
        for i, w in enumerate(vocab):
            out.write(("\t".join([w, *(str(lab[i]) for lab in labels)]) + "\n").encode("utf-8"))
    print(f"wrote {output} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT, help=f"default: {DEFAULT}")
    parser.add_argument("--output", type=Path, default=NER_CLUSTERS_FILE, help="default: the packaged file")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT, help="rarest stem clustered")
    args = parser.parse_args()
    main(args.corpus, args.output, args.min_count)
