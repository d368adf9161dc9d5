"""Quote predictions in the shared scorer's format, the dirty copy of a text, and the
scores of the tune and dev parts side by side (``pressroom eval``)."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..errors import ConfigError
from ..nlp.annotate import annotate_text
from .split import PARTS, quote_part

_APOSTROPHES = "'’"
_DOUBLES = "“”"
METRICS = ("quote_exact", "quote_overlap", "quote_lenient", "speaker_e2e")


def dirty(text: str) -> str:
    """The sample's defects, one character for one: curly doubles and apostrophes become '"'."""
    return "".join('"' if c in _DOUBLES or c in _APOSTROPHES else c for c in text)


def predict(doc_id: str, text: str) -> dict:
    a = annotate_text(text)
    return {
        "id": doc_id,
        "quotes": [
            {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker}
            for q in a.quotes
            if q.kind == "speech"
        ],
    }


def read_gold(gold: Path) -> list[dict]:
    try:
        return [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as err:
        raise ConfigError(str(gold), f"cannot read the gold file ({err})") from None


def score(records: list[dict], preds: list[dict], scorer: Path) -> dict:
    """score.py's metrics (--min-words 4) of these predictions, as its JSON."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_file, pred_file = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        gold_file.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        pred_file.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
        out = subprocess.run([sys.executable, str(scorer), str(gold_file), str(pred_file), "--min-words", "4", "--json"],
                             capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def score_parts(records: list[dict], scorer: Path, dirty_copy: bool = False) -> tuple[dict, list[dict]]:
    """The scores of the tune and the dev part (and the predictions, in the records' order)."""
    if dirty_copy:
        records = [dict(r, text=dirty(r["text"])) for r in records]
    preds = [predict(r["id"], r["text"]) for r in records]
    parts = {part: [(r, p) for r, p in zip(records, preds) if quote_part(r["id"]) == part] for part in PARTS}
    return {part: score([r for r, _ in pairs], [p for _, p in pairs], scorer) for part, pairs in parts.items() if pairs}, preds


def table(results: dict) -> str:
    """The metrics of each part side by side: P, R and F1 of tune, then of dev."""
    parts = [p for p in PARTS if p in results]
    head = f"{'metric':16s}" + "".join(f" {part + ' P':>8s} {'R':>6s} {'F1':>6s}" for part in parts)
    lines = [head]
    for m in METRICS:
        lines.append(f"{m:16s}" + "".join(f" {results[p][m]['p']:8.3f} {results[p][m]['r']:6.3f} {results[p][m]['f1']:6.3f}"
                                          for p in parts))
    lines.append(f"{'docs / quotes':16s}" + "".join(f" {results[p]['docs']:>8d} {results[p]['gold_quotes']:>13d}" for p in parts))
    return "\n".join(lines)


def run_eval(gold: Path, dirty_copy: bool = False, scorer: str | None = None, out: str | None = None) -> int:
    """Annotate every record of a gold file; print score.py's metrics for tune and dev."""
    scorer_path = Path(scorer) if scorer else gold.parent / "score.py"
    if not scorer_path.exists():
        raise ConfigError(str(scorer_path), "no scorer here; pass --scorer PATH/score.py")
    records = read_gold(gold)
    t0 = time.perf_counter()
    results, preds = score_parts(records, scorer_path, dirty_copy)
    secs = time.perf_counter() - t0
    print(f"annotated and scored {len(records)} articles in {secs:.2f} s ({'dirty' if dirty_copy else 'clean'} copy; "
          f"score.py --min-words 4; dev is the fixed split of quality/dev_split.yml)")
    print(table(results))
    if out:  # the tune part's only: dev errors are not to be read while rules are written
        tune = [p for p in preds if quote_part(p["id"]) == "tune"]
        Path(out).write_text("".join(json.dumps(p) + "\n" for p in tune), encoding="utf-8")
    return 0
