"""Build word clusters of Arabic news stems from the raw SaudiNewsNet articles (no labels used).

Deterministic: stems of the 27,501 articles (``hadath.coding.words``), PPMI of co-occurrence in a +-2 window over the
30,000 most frequent stems, a truncated SVD to 100 dimensions (fixed seed), unit-normalized, then k-means into 64
coarse and 512 fine clusters (fixed seeds). Writes ``src/hadath/resources/models/word_clusters.tsv``
(``stem<TAB>coarse<TAB>fine``), which the trigger, argument and factuality models use for words their annotated
training data never saw. Needs numpy, scipy and scikit-learn (``pip install scikit-learn``).

  python3 tools/build_word_clusters.py [../shared/data/saudinewsnet/saudinewsnet.jsonl.gz]
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD

from hadath.coding.words import CLUSTERS_FILE, stem, words

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "data" / "saudinewsnet" / "saudinewsnet.jsonl.gz"
VOCAB, WINDOW, DIMS = 30_000, 2, 100


def ppmi_vectors(co: sparse.csr_matrix, dims: int) -> np.ndarray:
    """Unit-length word vectors from a word-by-context count matrix: positive PMI (context counts smoothed by the
    power 0.75), reduced by truncated SVD (fixed seed). Shared with ``tools/build_ner_clusters.py``."""
    co.sum_duplicates()
    total = co.sum()
    row_sum = np.asarray(co.sum(axis=1)).ravel()
    col_sum = np.asarray(co.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total
    coo = co.tocoo()
    pmi = np.log(coo.data * total / (row_sum[coo.row] * col_sum[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=co.shape)
    vec: np.ndarray = TruncatedSVD(n_components=dims, random_state=0).fit_transform(ppmi)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    return vec


def main(path: Path) -> None:
    docs: list[list[str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for rec in map(json.loads, fh):
            docs.append([stem(w) for w in words(rec["text"])])
    freq = Counter(w for d in docs for w in d)
    vocab = [w for w, _ in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:VOCAB]]
    index = {w: i for i, w in enumerate(vocab)}
    rows: list[int] = []
    cols: list[int] = []
    for d in docs:
        ids = [index.get(w, -1) for w in d]
        for i, a in enumerate(ids):
            if a < 0:
                continue
            for j in range(max(0, i - WINDOW), min(len(ids), i + WINDOW + 1)):
                if j != i and ids[j] >= 0:
                    rows.append(a)
                    cols.append(ids[j])
    n = len(vocab)
    co = sparse.coo_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(n, n)).tocsr()
    vec = ppmi_vectors(co, DIMS)
    coarse = KMeans(n_clusters=64, n_init=3, random_state=0).fit_predict(vec)
    fine = KMeans(n_clusters=512, n_init=1, random_state=0).fit_predict(vec)
    CLUSTERS_FILE.parent.mkdir(parents=True, exist_ok=True)
    with CLUSTERS_FILE.open("w", encoding="utf-8") as out:
        out.write(
            f"# word clusters of {len(docs)} SaudiNewsNet articles (CC BY-NC-SA 4.0): tools/build_word_clusters.py\n"
        )
        for w, c, f in zip(vocab, coarse, fine, strict=True):
            out.write(f"{w}\t{c}\t{f}\n")
    print(f"{n} stems, {len(rows)} co-occurrences -> {CLUSTERS_FILE}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
