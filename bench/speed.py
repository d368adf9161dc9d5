#!/usr/bin/env python3
"""How fast the annotator is: milliseconds of one core per article, over the shared corpus
and the PolNeAR gold texts (or the project's fixtures without ../shared).

    python bench/speed.py [--repeat 3]

Prints each repeat and the best, per set, and the load time of the word lists. The issue
15 budget: no slower than ~3 ms per article per core on the corpus.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def sets() -> dict[str, list[str]]:
    out = {}
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        out["corpus"] = [p.read_bytes().decode("utf-8", "replace").split("\n", 1)[-1] for p in sorted(corpus.glob("[0-9]*.txt"))]
    gold = SHARED / "quotes" / "polnear_quotes_tune.jsonl"
    if gold.is_file():
        out["polnear"] = [json.loads(line)["text"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not out:
        out["fixtures"] = [p.read_text(encoding="utf-8").split("\n", 1)[-1] for p in sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))]
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    t0 = time.perf_counter()
    from pressroom.nlp.annotate import annotate_text

    annotate_text("Warm-up: \"a quote,\" said Jo Roe of Acme Inc. in Paris.")
    print(f"import and word lists: {time.perf_counter() - t0:.2f} s")
    for name, texts in sets().items():
        runs = []
        for _ in range(a.repeat):
            t = time.process_time()
            for text in texts:
                annotate_text(text)
            runs.append((time.process_time() - t) / len(texts) * 1000)
        words = sum(len(t.split()) for t in texts) / len(texts)
        print(f"{name}: {len(texts)} articles of {words:.0f} words on average: "
              f"{min(runs):.2f} ms per article (CPU time; runs {', '.join(f'{r:.2f}' for r in runs)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
