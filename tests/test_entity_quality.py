"""Quality gate: the entity annotator scored against the hand labels of
tests/quality/entity_labels.yaml (needs ../shared/corpus; skipped with a plain message
when it is absent). Floors sit just below what the rules reach: raise them when quality
rises, never lower them without a reason written here."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pressroom.quality.entities import predict, score_parts

from .conftest import ROOT, shared_path

LABELS = ROOT / "tests" / "quality" / "entity_labels.yaml"

# (part, kind): (precision, recall, F1) floors; the dev part (quality/dev_split.yml) is
# never tuned on. Reached when pinned (issue 15's start; tune 49 articles, dev 26):
#   tune: people 0.802/0.932/0.862, organisations 0.839/0.728/0.780, places 0.967/0.964/0.966, roles 0.792
#   dev:  people 0.852/0.920/0.885, organisations 0.748/0.748/0.748, places 0.962/0.969/0.966, roles 0.754
FLOORS = {
    ("tune", "people"): (0.79, 0.92, 0.85),
    ("tune", "organizations"): (0.83, 0.72, 0.77),
    ("tune", "places"): (0.96, 0.96, 0.96),
    ("dev", "people"): (0.84, 0.91, 0.87),
    ("dev", "organizations"): (0.74, 0.74, 0.74),
    ("dev", "places"): (0.95, 0.96, 0.96),
}
ROLE_FLOORS = {"tune": 0.78, "dev": 0.75}


@pytest.fixture(scope="module")
def result():
    corpus = shared_path("corpus")
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))["articles"]
    return score_parts(labels, predict(Path(corpus), labels))


@pytest.mark.parametrize("part, kind", sorted(FLOORS))
def test_entity_quality_per_kind(result, part, kind):
    t = result[part].kinds[kind]
    p, r, f1 = FLOORS[part, kind]
    assert t.p >= p and t.r >= r and t.f1 >= f1, (
        f"{part} {kind}: P {t.p:.3f} R {t.r:.3f} F1 {t.f1:.3f} below floors P {p} R {r} F1 {f1}")


@pytest.mark.parametrize("part", sorted(ROLE_FLOORS))
def test_role_accuracy(result, part):
    assert result[part].role_accuracy >= ROLE_FLOORS[part], result[part].role_accuracy
