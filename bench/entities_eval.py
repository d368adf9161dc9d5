#!/usr/bin/env python3
"""Score the entity annotator on the hand-labelled corpus articles, tune and dev side by side.

    python bench/entities_eval.py [--corpus ../shared/corpus] [--errors]

--errors lists the misses, extras and role errors of the TUNE part only: the dev part
(scripts/pressroom/quality/dev_split.yml) is never read for errors, only scored.
"""
import argparse
import sys
from pathlib import Path

import yaml

from pressroom.quality.entities import predict, score_parts, table
from pressroom.quality.split import entity_part

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--labels", default=str(ROOT / "tests" / "quality" / "entity_labels.yaml"))
    ap.add_argument("--errors", action="store_true", help="list misses, extras and role errors of the tune part")
    a = ap.parse_args()
    labels = yaml.safe_load(Path(a.labels).read_text(encoding="utf-8"))["articles"]
    results = score_parts(labels, predict(Path(a.corpus), labels))
    dev = sum(entity_part(x["file"]) == "dev" for x in labels)
    print(f"{len(labels)} labelled articles: tune {len(labels) - dev}, dev {dev}")
    print(table(results))
    if a.errors:
        tune = results["tune"]
        for kind, t in tune.kinds.items():
            print(f"\n## tune {kind}: missed {len(t.misses)}")
            for f, n in t.misses:
                print(f"  - {f[:3]} {n}")
            print(f"## tune {kind}: extra {len(t.extras)}")
            for f, n in t.extras:
                print(f"  + {f[:3]} {n}")
        print("\n## tune role errors")
        for f, n, p, g in tune.role_errors:
            print(f"  {f[:3]} {n}: predicted {p!r}, labelled {g!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
