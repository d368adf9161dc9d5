"""People, organisations and places named in an article (see ``rules``)."""
from .rules import extract, runs_of, with_dateline, with_speakers

__all__ = ["extract", "runs_of", "with_dateline", "with_speakers"]
