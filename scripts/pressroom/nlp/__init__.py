"""Pure annotation: text in, offsets out. Nothing here touches the disk or the clock.

    marks      which quote marks open, close, or are apostrophes typed as '"'
    repair     those apostrophes put back, one character for one
    entities/  capitalised runs -> people, organisations, places, roles
    quotes/    quotation spans -> speech or scare, and who said them
    dates      datelines and relative dates
    notes      an editor's notes and corrections, anchored to the text
    lexicon    the one loader of data/ (every word list lives there)
    annotate   the above in order: annotate_text(body), annotate(source)

The annotation cache is keyed by a hash of this package and its data (see ``fingerprint``),
so nothing here may import from pressroom outside it but ``model`` and ``errors``
(tests/test_nlp_layout.py checks it).
"""
