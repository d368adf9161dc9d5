#!/usr/bin/env python3
"""Fuzz the annotator: recombined real paragraphs, shuffled words, stray marks, titles and
suffixes (tests/fuzztext.py), for a number of seconds. Prints the texts tried and every
crash site (exception type and the innermost line of pressroom it was raised from), with the
shortest text found for each; writes them to bench/out/fuzz/ to reproduce.

    python bench/fuzz.py [--seconds 600] [--seed 1] [--corpus ../shared/corpus]

Without ../shared the paragraphs come from the project's own fixtures.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pressroom.nlp.annotate import annotate_text  # noqa: E402
from tests.fuzztext import mutate, paragraphs_of  # noqa: E402


def texts(corpus: Path, quotes: Path) -> list[str]:
    found = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.glob("[0-9]*.txt"))] if corpus.is_dir() else []
    if quotes.is_file():
        found += [json.loads(line)["text"] for line in quotes.read_text(encoding="utf-8").splitlines()[:300] if line.strip()]
    if not found:
        print(f"(no {corpus}: using the project's own fixtures)")
        found = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))]
    return found


def site(err: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(err.__traceback__) if "/pressroom/" in f.filename]
    f = frames[-1] if frames else traceback.extract_tb(err.__traceback__)[-1]
    return f"{type(err).__name__} at {f.filename.split('/pressroom/')[-1]}:{f.lineno} ({f.name})"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=600)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--quotes", default=str(ROOT.parent / "shared" / "quotes" / "polnear_quotes_tune.jsonl"))
    a = ap.parse_args()
    paragraphs = paragraphs_of(texts(Path(a.corpus), Path(a.quotes)))
    rng = random.Random(a.seed)
    crashes: dict[str, tuple[int, str]] = {}
    tried, chars, t0 = 0, 0, time.perf_counter()
    while time.perf_counter() - t0 < a.seconds:
        text = mutate(rng, paragraphs)
        tried += 1
        chars += len(text)
        try:
            annotate_text(text)
        except Exception as err:  # noqa: BLE001 - every crash is a finding
            key = site(err)
            n, shortest = crashes.get(key, (0, text))
            crashes[key] = (n + 1, min(shortest, text, key=len))
    secs = time.perf_counter() - t0
    print(f"fuzz: {tried} texts tried ({chars / max(tried, 1):.0f} characters on average) in {secs:.0f} s, "
          f"seed {a.seed}, from {len(paragraphs)} paragraphs; {len(crashes)} crash sites")
    out = ROOT / "bench" / "out" / "fuzz"
    for i, (key, (n, text)) in enumerate(sorted(crashes.items())):
        print(f"  {key}: {n} texts; shortest ({len(text)} characters): {text[:160]!r}")
        out.mkdir(parents=True, exist_ok=True)
        (out / f"crash-{i}.txt").write_text(text, encoding="utf-8")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
