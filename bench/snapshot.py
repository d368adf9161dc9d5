#!/usr/bin/env python3
"""Every annotation of the tune texts, to tell what a change of the rules changed.

    python bench/snapshot.py OUT.jsonl              # annotate, write one JSON line per text
    python bench/snapshot.py --compare A.jsonl B.jsonl [--show 20]

The texts: the PolNeAR gold file's tune part, the corpus articles outside the entity dev part,
and the project's own fixtures. The dev parts are left out on purpose: their output is not
read while rules are written (scripts/pressroom/quality/dev_split.yml).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pressroom.nlp.annotate import annotate_text
from pressroom.quality.split import entity_part, quote_part

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def texts():
    gold = SHARED / "quotes" / "polnear_quotes_tune.jsonl"
    if gold.is_file():
        for line in gold.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            if quote_part(r["id"]) == "tune":
                yield r["id"], r["text"]
    corpus = SHARED / "corpus"
    for path in sorted(corpus.glob("*.txt")) if corpus.is_dir() else ():
        if entity_part(path.name) == "tune":
            text = path.read_bytes().decode("utf-8", "replace")
            yield f"corpus/{path.name}", text.split("\n", 1)[1] if "\n" in text else ""
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.txt")):
        yield f"fixtures/{path.name}", path.read_text(encoding="utf-8").split("\n", 1)[1]


def record(doc_id: str, text: str) -> dict:
    a = annotate_text(text)
    e = a.entities
    return {
        "id": doc_id,
        "quotes": [[q.start, q.end, q.kind, q.speaker, q.cue] for q in a.quotes],
        "people": [[p.name, p.role, [[m.start, m.end] for m in p.mentions]] for p in e.people],
        "organizations": [[o.name, [[m.start, m.end] for m in o.mentions]] for o in e.organizations],
        "places": [[p.name, [[m.start, m.end] for m in p.mentions]] for p in e.places],
    }


def compare(a: Path, b: Path, show: int) -> int:
    old = {r["id"]: r for r in map(json.loads, a.read_text(encoding="utf-8").splitlines())}
    new = {r["id"]: r for r in map(json.loads, b.read_text(encoding="utf-8").splitlines())}
    changed = [k for k in old if k in new and old[k] != new[k]]
    print(f"{len(changed)} of {len(old)} texts changed ({len(set(new) - set(old))} new, {len(set(old) - set(new))} gone)")
    for k in changed[:show]:
        for field in ("quotes", "people", "organizations", "places"):
            if old[k][field] != new[k][field]:
                gone = [x for x in old[k][field] if x not in new[k][field]]
                came = [x for x in new[k][field] if x not in old[k][field]]
                print(f"{k} {field}:\n   - {gone}\n   + {came}")
    return 1 if changed else 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", nargs="?")
    ap.add_argument("--compare", nargs=2, metavar=("A", "B"))
    ap.add_argument("--show", type=int, default=20)
    a = ap.parse_args()
    if a.compare:
        return compare(Path(a.compare[0]), Path(a.compare[1]), a.show)
    if not a.out:
        ap.error("give OUT.jsonl or --compare A B")
    with open(a.out, "w", encoding="utf-8") as f:
        n = 0
        for doc_id, text in texts():
            f.write(json.dumps(record(doc_id, text), ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} texts annotated into {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
