"""Scores the entity annotator against hand-made labels (tests/quality/entity_labels.yaml).

Per article and kind, predicted entries are matched one-to-one to labelled ones by name or
alias (case, apostrophe style and a leading "the" ignored); precision, recall and F1 are
summed over articles. Role accuracy counts matched people whose role agrees with the label:
both null, or one contained in the other, or at least half their words shared.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .split import PARTS, entity_part

KINDS = ("people", "organizations", "places")


def norm(name: str) -> str:
    s = name.lower().replace("’", "'").replace("`", "'")
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"[.,]", "", s)
    return re.sub(r"\s+", " ", s).strip()


def role_agrees(pred: str | None, gold: str | None) -> bool:
    if not pred or not gold:
        return not pred and not gold
    p, g = norm(pred), norm(gold)
    if p in g or g in p:
        return True
    pw, gw = set(p.split()), set(g.split())
    return len(pw & gw) / len(pw | gw) >= 0.5


@dataclass
class Tally:
    tp: int = 0
    pred: int = 0
    gold: int = 0
    misses: list = field(default_factory=list)  # (file, name) labelled but not found
    extras: list = field(default_factory=list)  # (file, name) found but not labelled

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0


@dataclass
class Score:
    kinds: dict[str, Tally]
    roles_ok: int = 0
    roles_n: int = 0
    role_errors: list = field(default_factory=list)

    @property
    def role_accuracy(self) -> float:
        return self.roles_ok / self.roles_n if self.roles_n else 0.0

    def report(self) -> str:
        lines = [f"{'kind':14s} {'P':>6s} {'R':>6s} {'F1':>6s}  (pred/gold)"]
        for k, t in self.kinds.items():
            lines.append(f"{k:14s} {t.p:6.3f} {t.r:6.3f} {t.f1:6.3f}  ({t.pred}/{t.gold})")
        lines.append(f"role accuracy on matched people: {self.role_accuracy:.3f} (n={self.roles_n})")
        return "\n".join(lines)


def score(labels: list[dict], predicted: dict[str, dict]) -> Score:
    """labels: the YAML's articles; predicted: file -> {"people": [{"name","role"}], "organizations": [{"name"}], ...}."""
    result = Score({k: Tally() for k in KINDS})
    for art in labels:
        pred = predicted.get(art["file"], {})
        for kind in KINDS:
            t = result.kinds[kind]
            gold = art.get(kind) or []
            guesses = pred.get(kind) or []
            t.gold += len(gold)
            t.pred += len(guesses)
            used: set[int] = set()
            for g in gold:
                forms = {norm(g["name"])} | {norm(a) for a in g.get("aliases") or []}
                hit = next((i for i, x in enumerate(guesses) if i not in used and norm(x["name"]) in forms), None)
                if hit is None:
                    t.misses.append((art["file"], g["name"]))
                    continue
                used.add(hit)
                t.tp += 1
                if kind == "people":
                    result.roles_n += 1
                    ok = role_agrees(guesses[hit].get("role"), g.get("role"))
                    result.roles_ok += ok
                    if not ok:
                        result.role_errors.append((art["file"], g["name"], guesses[hit].get("role"), g.get("role")))
            t.extras += [(art["file"], x["name"]) for i, x in enumerate(guesses) if i not in used]
    return result


def predict(corpus: Path, labels: list[dict]) -> dict[str, dict]:
    """The annotator's entities of every labelled article (as ``pressroom annotate --json``)."""
    from ..annotate import annotate
    from ..cli import annotation_json
    from ..read import read_source

    return {art["file"]: annotation_json(annotate(read_source(corpus / art["file"], art["file"]), "x")) for art in labels}


def score_parts(labels: list[dict], predicted: dict[str, dict]) -> dict[str, Score]:
    """The score of the tune part and of the dev part (``dev_split.yml``)."""
    return {part: score([a for a in labels if entity_part(a["file"]) == part], predicted) for part in PARTS}


def table(results: dict[str, Score]) -> str:
    """P, R and F1 of each kind, and role accuracy, for tune and dev side by side."""
    parts = [p for p in PARTS if p in results]
    lines = [f"{'kind':14s}" + "".join(f" {part + ' P':>8s} {'R':>6s} {'F1':>6s} {'pred/gold':>9s}" for part in parts)]
    for kind in KINDS:
        cells = []
        for part in parts:
            t = results[part].kinds[kind]
            cells.append(f" {t.p:8.3f} {t.r:6.3f} {t.f1:6.3f} {f'{t.pred}/{t.gold}':>9s}")
        lines.append(f"{kind:14s}" + "".join(cells))
    lines.append(f"{'roles':14s}" + "".join(f" {results[p].role_accuracy:22.3f} {f'n={results[p].roles_n}':>9s}" for p in parts))
    return "\n".join(lines)
