"""Quality gate for quotes and speakers, with pinned floors.

Raise a floor when quality rises; never lower one without saying why in the commit message.
Two sets: our own hand-labelled fixture articles (always run), and the PolNeAR tune set in
../shared/quotes, scored by its own score.py (run when it is present).
"""
from __future__ import annotations

import pytest
import yaml

from pressroom.nlp.annotate import annotate_text
from pressroom.quality.quotes import read_gold, score_parts

from .conftest import ROOT, shared_path

FIXTURES = ROOT / "tests" / "fixtures" / "quotes"
LABELS = ROOT / "tests" / "quality" / "quote_labels.yaml"

# Our fixture articles: every speech quote found, no scare quote reported as speech, every
# speaker right.
FIXTURE_FLOORS = {"recall": 1.0, "precision": 1.0, "speaker_accuracy": 1.0}
# The PolNeAR gold set (score.py --min-words 4), its tune and dev parts scored apart (the dev
# part, fixed in quality/dev_split.yml, is never tuned on). Reached when pinned (the quotes
# lane of issue 15, nlp/quotes/ rebuilt): clean tune 0.982 / 0.870, dev 0.971 / 0.846;
# dirty tune 0.972 / 0.859, dev 0.963 / 0.838 (at issue 15's start: clean tune 0.981 /
# 0.857, dev 0.971 / 0.843; dirty tune 0.971 / 0.845, dev 0.963 / 0.834).
# Merged with the entities lane (evidence for every person: fewer people for a pronoun to
# resolve to), the speaker floors sit 0.003-0.004 lower: clean tune 0.869, dev 0.843; dirty
# tune 0.857, dev 0.835.
# Round 2 of issue 15 (quotes and entities lanes merged): clean tune 0.982 / 0.876, dev
# 0.973 / 0.849; dirty tune 0.979 / 0.873, dev 0.970 / 0.845.
# Round 3 of the quotes lane (documents' issuers, partial quotes of a person's sentence,
# reports carried to the next sentence, newsletter credits, ...): clean tune 0.982 / 0.882,
# dev 0.974 / 0.853; dirty tune 0.980 / 0.879, dev 0.971 / 0.849. Floors 0.003 below.
# Round 4 of the quotes lane (credits after a reporting clause, credit lines inside a
# closing mark, modified role nouns, possessives and prepositions' objects in salience,
# directional marks and inch signs): clean tune 0.983 / 0.892, dev 0.975 / 0.853; dirty
# tune 0.980 / 0.888, dev 0.972 / 0.849 (from clean 0.982 / 0.882, dev 0.974 / 0.852).
# Tune floors 0.003 below; dev speaker floors kept (dev moved by less than 0.001).
# The people of political news (polpeople: headline verbs, organisations of ordinary words,
# party words, an organisation is no he or she): clean tune 0.983 / 0.892, dev 0.975 /
# 0.855; dirty tune 0.980 / 0.889, dev 0.972 / 0.851. Speaker floors 0.003 below.
FLOORS = {
    ("clean", "tune"): {"quote_overlap": 0.980, "speaker_e2e": 0.889},
    ("clean", "dev"): {"quote_overlap": 0.972, "speaker_e2e": 0.852},
    ("dirty", "tune"): {"quote_overlap": 0.977, "speaker_e2e": 0.886},
    ("dirty", "dev"): {"quote_overlap": 0.969, "speaker_e2e": 0.848},
}


def test_fixture_articles_meet_their_floors():
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))["articles"]
    gold = found = right = predicted = 0
    misses = []
    for art in labels:
        text = (FIXTURES / art["file"]).read_text(encoding="utf-8").split("\n", 1)[1]
        speech = [q for q in annotate_text(text).quotes if q.kind == "speech"]
        predicted += len(speech)
        for want in art["quotes"]:
            gold += 1
            hit = next((q for q in speech if q.text.startswith(want["starts"])), None)
            if hit is None:
                misses.append(f"{art['file']}: not found: {want['starts']}")
                continue
            found += 1
            if hit.speaker == want["speaker"]:
                right += 1
            else:
                misses.append(f"{art['file']}: {want['starts']}: speaker {hit.speaker!r}, want {want['speaker']!r}")
    scores = {"recall": found / gold, "precision": found / predicted, "speaker_accuracy": right / found}
    for key, floor in FIXTURE_FLOORS.items():
        assert scores[key] >= floor, (key, scores, misses)


@pytest.fixture(scope="module")
def scores() -> dict:
    """score.py's metrics of the gold set's tune and dev parts, clean and dirty copy."""
    records = read_gold(shared_path("quotes", "polnear_quotes_tune.jsonl"))
    scorer = shared_path("quotes", "score.py")
    return {copy: score_parts(records, scorer, dirty_copy=copy == "dirty")[0] for copy in ("clean", "dirty")}


@pytest.mark.parametrize("copy, part", sorted(FLOORS))
def test_gold_set_meets_its_floors(scores, copy, part):
    for metric, floor in FLOORS[copy, part].items():
        assert scores[copy][part][metric]["f1"] >= floor, (copy, part, metric, scores[copy][part][metric])


# issue 15's target: the dirty copy within 0.01 of the clean one on dev (tune: 0.012, where
# the rules see the most defects of the kind)
@pytest.mark.parametrize("part, most", [("tune", 0.012), ("dev", 0.010)])
def test_the_dirty_copy_stays_near_the_clean_one(scores, part, most):
    for metric in ("quote_overlap", "speaker_e2e"):
        gap = scores["clean"][part][metric]["f1"] - scores["dirty"][part][metric]["f1"]
        assert gap <= most, (part, metric, round(gap, 4))
