"""The sample article, as issue 2's acceptance states it (through the real CLI)."""
from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT, SAMPLE


def _annotations() -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "pressroom.cli", "annotate", "--json", str(SAMPLE.relative_to(ROOT))],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    (line,) = out.splitlines()
    return json.loads(line)


def test_sample_quotes_and_speakers():
    data = _annotations()
    body = SAMPLE.read_text(encoding="utf-8").split("\n", 1)[1]
    speech = [q for q in data["quotes"] if q["kind"] == "speech"]
    assert len(speech) == 5
    assert {q["speaker"] for q in speech} == {"Tan Kefei"}
    (scare,) = [q for q in data["quotes"] if q["kind"] == "scare"]
    assert scare["text"] == "Taiwan independence" and scare["speaker"] is None
    assert all('"' not in q["text"] for q in data["quotes"])
    assert "country's interests" in speech[-1]["text"]
    assert speech[-1]["text"].endswith("shared future for mankind,")
    for q in data["quotes"]:
        span = body[q["start"]:q["end"]]
        assert span[0] == '"' and span[-1] == '"', span
        # the span is the quote in the original body; the text is that span, repaired
        assert span[1:-1].replace('"', "'") == q["text"]


def test_sample_entities():
    data = _annotations()
    people = {p["name"]: p["role"] for p in data["people"]}
    assert set(people) == {"Li Shangfu", "Sergei Shoigu", "Vladimir Putin", "Tan Kefei", "Xi Jinping"}
    assert people["Sergei Shoigu"] == "Russian Defense Minister"
    assert "spokesman for the Ministry of National Defense" in people["Tan Kefei"]
    assert "Senior Colonel" in people["Tan Kefei"]
    assert {"Ministry of National Defense"} <= {o["name"] for o in data["organizations"]}
    assert {"China", "Russia"} <= {p["name"] for p in data["places"]}
    assert data["title"] == "China-Russia mutual trust improving"
    assert data["date"] is None  # the sample gives no year: undated, never a made-up date
