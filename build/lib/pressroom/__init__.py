"""pressroom: annotated press releases as a static MkDocs site."""

__version__ = "0.1.0"
