"""Measuring the annotator against labelled text: quotes (``quotes``, with the shared
scorer), entities (``entities``), and the fixed tune/dev split of every labelled set
(``split``)."""
