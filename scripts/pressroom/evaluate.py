"""Quote predictions in the shared scorer's format, and the dirty copy of a text."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .annotate import annotate_text
from .errors import ConfigError

_APOSTROPHES = "'’"
_DOUBLES = "“”"


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


def run_eval(gold: Path, dirty_copy: bool = False, scorer: str | None = None, out: str | None = None) -> int:
    """Annotate every record of a gold file and print score.py's metrics for it."""
    scorer_path = Path(scorer) if scorer else gold.parent / "score.py"
    if not scorer_path.exists():
        raise ConfigError(str(scorer_path), "no scorer here; pass --scorer PATH/score.py")
    try:
        records = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    except (OSError, ValueError) as err:
        raise ConfigError(str(gold), f"cannot read the gold file ({err})") from None
    if dirty_copy:
        records = [dict(r, text=dirty(r["text"])) for r in records]
    t0 = time.perf_counter()
    preds = [predict(r["id"], r["text"]) for r in records]
    secs = time.perf_counter() - t0
    print(f"annotated {len(records)} articles in {secs:.2f} s ({'dirty' if dirty_copy else 'clean'} copy)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        gold_file = Path(tmp) / "gold.jsonl"
        pred_file = Path(out) if out else Path(tmp) / "pred.jsonl"
        gold_file.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        pred_file.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
        return subprocess.call([sys.executable, str(scorer_path), str(gold_file), str(pred_file), "--min-words", "4"])
