"""People, organisations and places named in an article (see ``rules``).

The public names here are what the rest of nlp/ uses (quotes read names with ``runs_of``
and ``CONNECTORS``); everything else is the entity rules' own."""
from .rules import _CONNECTORS as CONNECTORS
from .rules import extract, runs_of, with_dateline, with_speakers

__all__ = ["CONNECTORS", "extract", "runs_of", "with_dateline", "with_speakers"]
