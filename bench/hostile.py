#!/usr/bin/env python3
"""Hostile-input benchmark: annotation time of texts built to make rules re-read the text.

    python bench/hostile.py [SIZE]      (default 100000 characters; also runs SIZE/2)

Prints, for each input, the seconds at SIZE/2 and SIZE and their ratio: about 2 means the
work grows with the text, about 4 means it grows with its square (a bug: a 5 MB source
would take hours). Numbers, not pass/fail.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from pressroom.annotate import annotate  # noqa: E402
from pressroom.read import parse_source  # noqa: E402

INPUTS = {
    "curly opening marks": lambda n: "\u201c" * n,
    "straight marks": lambda n: '"' * n,
    "quoted words, one sentence": lambda n: " ".join('"word"' for _ in range(n // 7)),
    "run-on sentence of quotes": lambda n: "Jo Roe said it is " + " and ".join('"big win"' for _ in range(n // 15)),
    "interrupted quotations": lambda n: " ".join('"A b c," Axelrod tweeted, "d e f"' for _ in range(n // 36)),
    "dashes before a colon": lambda n: " - Jo Roe" * (n // 9) + ': "hello my friends"',
    "capitalised words": lambda n: " ".join(("Alpha", "Ministry", "of", "John", "Smith")[i % 5] for i in range(n // 6)),
    "one capitalised run, connectors": lambda n: " ".join(("Alpha", "the", "Ministry", "of", "Smith", "for", "John", "and")[(i * 7) % 8]
                                                          for i in range(n // 6)),
    "commas and names": lambda n: ", Jo Roe" * (n // 8) + ': "hello my friends"',
    # straight marks that may be apostrophes ("z" and"), thousands in one paragraph
    "a clause and a quote, repeated": lambda n: " ".join('the senator from Vermont said "x y z" and' for _ in range(n // 42)),
    # the same few names mentioned thousands of times, each before a colon and a quote
    "names before colons": lambda n: " ".join(f'{("Alpha", "John", "Smith")[i % 3]} {("Beta", "Smith", "Gamma", "John")[i % 4]}: '
                                              f'"{("Delta", "Smith")[i % 2]} words here"' for i in range(n // 30)),
    "spaces before a quote": lambda n: "Jo Roe x" + " " * n + '"hello there my friends"',
}


def seconds(body: str) -> float:
    source = parse_source(f"Hostile\n{body}\n".encode("utf-8"), "sources/x.txt", "x")
    t0 = time.perf_counter()
    annotate(source, "x")
    return time.perf_counter() - t0


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    print(f"{'input':30s} {size // 2:>9,} ch {size:>9,} ch  ratio")
    for name, make in INPUTS.items():
        half, full = seconds(make(size // 2)), seconds(make(size))
        print(f"{name:30s} {half:11.2f} s {full:11.2f} s  {full / max(half, 1e-6):5.1f}")


if __name__ == "__main__":
    main()
