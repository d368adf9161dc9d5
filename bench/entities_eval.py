#!/usr/bin/env python3
"""Score the entity annotator on the hand-labelled corpus articles.

    python bench/entities_eval.py [--corpus ../shared/corpus] [--errors]
"""
import argparse
import sys
from pathlib import Path

import yaml

from pressroom.annotate import annotate
from pressroom.cli import annotation_json
from pressroom.entity_score import score
from pressroom.read import read_source

ROOT = Path(__file__).resolve().parents[1]


def predict(corpus: Path, labels: list[dict]) -> dict:
    out = {}
    for art in labels:
        src = read_source(corpus / art["file"], art["file"])
        out[art["file"]] = annotation_json(annotate(src, "x"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--labels", default=str(ROOT / "tests" / "quality" / "entity_labels.yaml"))
    ap.add_argument("--errors", action="store_true", help="list misses, extras and role errors")
    a = ap.parse_args()
    labels = yaml.safe_load(Path(a.labels).read_text(encoding="utf-8"))["articles"]
    result = score(labels, predict(Path(a.corpus), labels))
    print(f"{len(labels)} labelled articles")
    print(result.report())
    if a.errors:
        for kind, t in result.kinds.items():
            print(f"\n## {kind}: missed {len(t.misses)}")
            for f, n in t.misses:
                print(f"  - {f[:3]} {n}")
            print(f"## {kind}: extra {len(t.extras)}")
            for f, n in t.extras:
                print(f"  + {f[:3]} {n}")
        print("\n## role errors")
        for f, n, p, g in result.role_errors:
            print(f"  {f[:3]} {n}: predicted {p!r}, labelled {g!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
