#!/usr/bin/env python3
"""Annotate a gold JSONL (../shared/quotes format), write predictions, score with score.py.

    python bench/quotes_eval.py ../shared/quotes/polnear_quotes_tune.jsonl [--dirty]

--dirty scores a copy made on the fly with the sample's defects: curly double quotes
typed as '"' and every apostrophe typed as '"' (one character for one, offsets hold).
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pressroom.evaluate import dirty, predict


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--dirty", action="store_true")
    ap.add_argument("--scorer", default=str(Path(__file__).resolve().parents[2] / "shared/quotes/score.py"))
    ap.add_argument("--out")
    a = ap.parse_args()
    records = [json.loads(line) for line in open(a.gold, encoding="utf-8") if line.strip()]
    if a.dirty:
        records = [dict(r, text=dirty(r["text"])) for r in records]
    t0 = time.perf_counter()
    preds = [predict(r["id"], r["text"]) for r in records]
    secs = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        gold = Path(tmp) / "gold.jsonl"
        pred = Path(a.out) if a.out else Path(tmp) / "pred.jsonl"
        gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        pred.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
        print(f"annotated {len(records)} articles in {secs:.2f} s ({'dirty' if a.dirty else 'clean'})")
        return subprocess.call([sys.executable, a.scorer, str(gold), str(pred), "--min-words", "4"])


if __name__ == "__main__":
    sys.exit(main())
