"""Quote predictions in the shared scorer's format, and the dirty copy of a text."""
from __future__ import annotations

from .annotate import annotate_text

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
