"""The fixed dev split of every labelled set (``dev_split.yml``): rules are written from the
tune part; the dev part is only ever scored."""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import yaml

SPLIT_FILE = Path(__file__).with_name("dev_split.yml")
PARTS = ("tune", "dev")


@functools.lru_cache(maxsize=1)
def _split() -> dict:
    return yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))


def quote_part(record_id: str) -> str:
    """"dev" or "tune" for a record of the gold quote file."""
    digest = hashlib.sha256(record_id.encode("utf-8")).hexdigest()[:12]
    return "dev" if digest in set(_split()["quotes"]["dev"]) else "tune"


def entity_part(file: str) -> str:
    """"dev" or "tune" for a labelled corpus article."""
    return "dev" if file in set(_split()["entities"]["dev"]) else "tune"
