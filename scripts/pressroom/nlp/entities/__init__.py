"""People, organisations and places named in an article.

    tokens         words and capitalised runs (``runs_of``): the candidates
    persons        what makes a run a person's name; short forms to full names
    organizations  organisation words, legal forms, listed names, acronyms
    places         the gazetteer, place forms, "in X", "X, Calif."
    roles          titles before a name, role nouns, role apposition after it
    rules          the classifier: the cascade of rules each run is tried against
    merge          singles, acronyms and organisations joined after all runs are read

The public names here are what the rest of nlp/ uses (quotes read names with ``runs_of``
and ``CONNECTORS``); everything else is the entity rules' own."""
from .merge import with_dateline, with_speakers
from .rules import extract
from .tokens import CONNECTORS, runs_of

__all__ = ["CONNECTORS", "extract", "runs_of", "with_dateline", "with_speakers"]
