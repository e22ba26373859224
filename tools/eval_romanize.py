"""Evaluate the name romanizers on hadath's own knowledge base: every person's full Arabic name forms against its
English ``name``.

    python tools/eval_romanize.py [--errors 20]

A person's full-name forms are those of its Arabic forms with the most words (several spellings may tie: أنتوني
بلينكن، انتوني بلينكن); the reference is its English name up to a comma ("Tariq Ahmad, Lord Ahmad of Wimbledon"
-> "Tariq Ahmad"). Scores, per romanizer, over all such pairs:

- exact: the romanization equals the reference after normalization: case, accents, hyphens and apostrophes, and
  the article ("Al-Thani", "Al Thani", "al Thani", "Thani" and "El Thani" are one spelling);
- tokens: the share of reference tokens (normalized as above) found in the romanization (multiset overlap over
  the longer of the two);
- CER: mean character error rate (Levenshtein distance over the reference's length), normalized strings;
- names/s over the whole set, first call (model loading) included.

For ``arabic-name-romanizer`` the scores are also split by where the answer came from: its attested-spelling
index (built from Wikidata, where most of these persons are: an optimistic figure) or its character model
(``model``/``mixed``: names it had to spell itself, the case hadath uses it for).
"""

from __future__ import annotations

import argparse
import re
import time
import unicodedata
from collections import Counter
from collections.abc import Callable

from hadath import load_lexicons
from hadath.lang.ar.romanize import ModelRomanizer, RuleRomanizer

_ARTICLE = re.compile(r"\b(?:al|el|ul|ad|an|ar|as|ash|at|az)\s+(?=\w)")


def norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[-'‘’ʿʾ`.]", " ", text)
    text = " ".join(text.split())
    return " ".join(_ARTICLE.sub("", text).split())


def cer(hyp: str, ref: str) -> float:
    prev = list(range(len(ref) + 1))
    for i, a in enumerate(hyp, 1):
        cur = [i]
        for j, b in enumerate(ref, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a != b)))
        prev = cur
    return prev[-1] / max(1, len(ref))


def token_score(hyp: str, ref: str) -> float:
    h, r = Counter(hyp.split()), Counter(ref.split())
    return sum((h & r).values()) / max(1, max(sum(h.values()), sum(r.values())))


def pairs() -> list[tuple[str, str]]:
    out = []
    for person in load_lexicons().persons:
        longest = max(len(f.split()) for f in person.forms)
        ref = person.name.split(",")[0].strip()
        out += [(form, ref) for form in person.forms if len(form.split()) == longest]
    return out


def evaluate(label: str, fn: Callable[[str], str | None], data: list[tuple[str, str]], errors: int) -> list[float]:
    start = time.perf_counter()
    hyps = [fn(ar) or "" for ar, _ in data]
    elapsed = time.perf_counter() - start
    scores = score(hyps, data)
    print(f"{label:<34} n={len(data):4d}  exact {scores[0]:.3f}  tokens {scores[1]:.3f}  CER {scores[2]:.3f}"
          f"  {len(data) / elapsed:8.0f} names/s")  # fmt: skip
    wrong = [(ar, ref, h) for (ar, ref), h in zip(data, hyps, strict=True) if norm(h) != norm(ref)]
    for ar, ref, h in wrong[:errors]:
        print(f"    {ar}  ->  {h}   (KB: {ref})")
    return scores


def score(hyps: list[str], data: list[tuple[str, str]]) -> list[float]:
    n = max(1, len(data))
    exact = sum(norm(h) == norm(r) for h, (_, r) in zip(hyps, data, strict=True)) / n
    tokens = sum(token_score(norm(h), norm(r)) for h, (_, r) in zip(hyps, data, strict=True)) / n
    errors = sum(cer(norm(h), norm(r)) for h, (_, r) in zip(hyps, data, strict=True)) / n
    return [exact, tokens, errors]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", type=int, default=0, help="print this many errors per romanizer")
    args = parser.parse_args()
    data = pairs()
    print(f"{len(data)} full-name forms of {len({r for _, r in data})} persons of the knowledge base")
    evaluate("rules (hadath.lang.ar.romanize)", RuleRomanizer().romanize, data, args.errors)
    if not ModelRomanizer.available():
        print("arabic-name-romanizer is not installed: pip install 'hadath[romanize]'")
        return
    model = ModelRomanizer()
    evaluate("arabic-name-romanizer", model.romanize, data, args.errors)
    from arabic_name_romanizer import transliterate

    by_source: dict[str, list[tuple[str, str]]] = {}
    for ar, ref in data:
        source = transliterate(ar, top_k=1)[0].source
        by_source.setdefault("index" if source in ("dictionary", "user") else "model", []).append((ar, ref))
    for source, subset in sorted(by_source.items()):
        evaluate(f"  answered by its {source}", model.romanize, subset, 0)
        evaluate("  rules on the same names", RuleRomanizer().romanize, subset, 0)


if __name__ == "__main__":
    main()
