#!/usr/bin/env python3
"""Archive-scale benchmark: N articles through pressroom, MkDocs + Material, and search.

    python bench/scale.py 2000 [--keep DIR] [--no-browser]

Generates N articles from ../shared/corpus (real press releases, each copy given a distinct
title and a date spread over ten years) or, when that folder is absent, from synthetic text
of our own. Prints, measured in this run on this machine:
  convert   pressroom build from scratch (annotation on all cores), then a no-change
            rebuild (files written) and a rebuild after one source changed
  render    mkdocs build of the generated docs/
  plain     mkdocs build of the same article pages with stock Material (no pressroom
            listing pages, no nav entry per article): the baseline for render
  search    Pagefind indexing of the built site, and Material's own search index size;
            in headless Chromium, the time from typing to the first results and the bytes
            transferred for the first query, for Pagefind and for Material's search (from
            the last key typed, and from the click that focuses the box); the median of
            three first queries, each in a new browser, with every sample printed
Numbers, not pass/fail: the targets live in issue 7 and the closing notes.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
BIN = Path(sys.executable).parent


def measure(cmd: list[str], cwd: Path, env: dict | None = None) -> dict:
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "measure.py"), *cmd], cwd=cwd, env=env,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def texts() -> list[str]:
    if CORPUS.is_dir():
        files = sorted(CORPUS.glob("[0-9]*.txt"))
        return [f.read_text(encoding="utf-8") for f in files]
    print("(../shared/corpus absent: synthetic articles)")
    rng = random.Random(7)
    names = ["Maria Ortega", "Daniel Okafor", "Helen Brooks", "Ivan Petrov", "Chen Wei", "Amara Diallo"]
    orgs = ["Port Authority", "Ministry of Transport", "City Council", "Harbour Board"]
    out = []
    for i in range(100):
        paras = []
        for _ in range(8):
            who, org = rng.choice(names), rng.choice(orgs)
            paras.append(f'"We will keep working on the plan number {rng.randint(1, 999)} with every partner," said {who}, '
                         f"a spokesperson for the {org}. The {org} met on Tuesday in London and Paris to discuss budgets.")
        out.append(f"Synthetic release {i}\n" + "\n".join(paras) + "\n")
    return out


def make_project(folder: Path, n: int) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.conftest import skeleton

    src = skeleton(folder) / "sources"
    # the pressroom plugin writes the search index after mkdocs build; here that is timed
    # apart (pressroom index), so the render step leaves it out
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - pressroom\n", "  - pressroom:\n      search: false\n"),
                      encoding="utf-8")
    pool = texts()
    start = dt.date(2015, 1, 1)
    for i in range(n):
        title, body = pool[i % len(pool)].split("\n", 1)
        day = start + dt.timedelta(days=(i * 37) % 3650)
        (src / f"a{i:05d}.txt").write_text(f"---\ndate: {day.isoformat()}\n---\n{title} (copy {i})\n{body}", encoding="utf-8")


def plain_project(folder: Path, docs: Path) -> None:
    """Stock Material over the same article pages, without pressroom's listing pages."""
    (folder / "docs" / "articles").mkdir(parents=True)
    for page in (docs / "articles").glob("*.md"):
        # pressroom leaves its pages out of Material's index (search is Pagefind's); stock
        # Material indexes everything, which is what this baseline measures
        text = page.read_text(encoding="utf-8").replace("search:\n  exclude: true\n", "", 1)
        (folder / "docs" / "articles" / page.name).write_text(text, encoding="utf-8")
    (folder / "docs" / "index.md").write_text("# Plain Material\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: plain\ntheme:\n  name: material\nnav:\n  - index.md\nplugins:\n  - search\n"
        "validation:\n  nav:\n    omitted_files: ignore\n  links:\n    unrecognized_links: ignore\n", encoding="utf-8")


def dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def search_latency(site: Path, query: str, engine: str) -> dict:
    """Seconds from typing to the first result, and bytes transferred for that query."""
    sys.path.insert(0, str(ROOT))
    from tests.browser import browser, serve

    sent: list[tuple[str, int]] = []
    with serve(site, sent) as base, browser() as b:
        page = b.new_page()
        # A reader who opens a page and searches at once: Material starts downloading its
        # whole index when the page loads, Pagefind fetches chunks when a query is typed.
        page.goto(base + "/", wait_until="domcontentloaded")
        t0 = time.perf_counter()
        page.click("input.md-search__input")
        page.keyboard.type(query)  # Playwright types ~25 ms a key, as a quick reader would
        typed = time.perf_counter()
        page.wait_for_selector(".md-search-result__item", timeout=300_000)
        done = time.perf_counter()
        page.wait_for_timeout(500)
        total = sum(n for path, n in sent if "search" in path or "pagefind" in path)
        page.close()
    # "after typing" (the measure) starts at the last key; an engine may use the
    # typing time to fetch (Pagefind loads on focus and preloads chunks per key)
    return {"engine": engine, "first_results_s": round(done - typed, 3), "from_click_s": round(done - t0, 3),
            "bytes": total}


def search_trials(site: Path, query: str, engine: str, trials: int = 3) -> dict:
    """search_latency in a new browser each time (each a first query, nothing cached): one
    sample of a latency on a shared machine can be off by half a second; the median is the
    number, every sample is printed beside it."""
    runs = [search_latency(site, query, engine) for _ in range(trials)]
    mid = sorted(runs, key=lambda r: r["first_results_s"])[trials // 2]
    return {**mid, "samples_s": [r["first_results_s"] for r in runs], "bytes_max": max(r["bytes"] for r in runs)}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("--keep", help="build in this folder and keep it")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--no-plain", action="store_true", help="skip the stock Material baseline build")
    a = ap.parse_args()
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="pressroom-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    proj = work / "archive"
    if proj.exists():
        shutil.rmtree(proj)
    make_project(proj, a.n)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="https://example.org/archive/")
    res: dict = {"n": a.n}
    res["convert_no_cache"] = measure([str(BIN / "pressroom"), "build", "--no-cache"], proj, env)
    shutil.rmtree(proj / "docs" / "articles")  # a cold start again, now filling the cache
    res["convert"] = measure([str(BIN / "pressroom"), "build"], proj, env)
    out = subprocess.run([str(BIN / "pressroom"), "build"], cwd=proj, env=env, capture_output=True, text=True)
    res["no_change_rebuild"] = out.stdout.strip()
    one = proj / "sources" / "a00000.txt"
    one.write_text(one.read_text(encoding="utf-8") + "One more paragraph, added.\n", encoding="utf-8")
    res["one_change_rebuild"] = measure([str(BIN / "pressroom"), "build"], proj, env)
    res["render"] = measure([str(BIN / "mkdocs"), "build", "--strict"], proj, env)
    site = proj / "site"
    res["site_mb"] = round(dir_size(site) / 2**20, 1)
    res["material_index_mb"] = round((site / "search" / "search_index.json").stat().st_size / 2**20, 2) if (site / "search" / "search_index.json").exists() else None
    res["pagefind"] = measure([str(BIN / "pressroom"), "index", "--site", "site"], proj, env)
    res["pagefind_mb"] = round(dir_size(site / "pagefind") / 2**20, 1)
    if not a.no_plain:
        plain = work / "plain"
        shutil.rmtree(plain, ignore_errors=True)
        plain_project(plain, proj / "docs")
        res["plain"] = measure([str(BIN / "mkdocs"), "build"], plain, env)
        res["plain_site_mb"] = round(dir_size(plain / "site") / 2**20, 1)
    if not a.no_browser:
        res["search"] = [search_trials(site, "spokesman said", "site search")]
        if not a.no_plain:
            res["search"].append(search_trials(work / "plain" / "site", "spokesman said", "Material search (plain)"))
    print(json.dumps(res, indent=1))
    c, r = res["convert"]["seconds"], res["render"]["seconds"]
    print(f"\nN={a.n}: convert {c:.1f} s (no cache {res['convert_no_cache']['seconds']:.1f} s, peak {res['convert_no_cache']['peak_mb']:.0f} MB), "
          f"render {r:.1f} s (peak {res['render']['peak_mb']:.0f} MB), pagefind {res['pagefind']['seconds']:.1f} s (peak {res['pagefind']['peak_mb']:.0f} MB)")
    one = res["one_change_rebuild"]["seconds"]
    print(f"convert/render = {res['convert_no_cache']['seconds'] / r:.3f} (from scratch, --no-cache); "
          f"rebuilds/render: one change {one / r:.3f}")
    print(f"one-change rebuild {one:.2f} s / full convert = {one / res['convert_no_cache']['seconds']:.3f} (--no-cache), "
          f"{one / c:.3f} (the default build, filling the cache)")
    if "plain" in res:
        print(f"render/plain = {r / res['plain']['seconds']:.2f} (plain {res['plain']['seconds']:.1f} s, peak {res['plain']['peak_mb']:.0f} MB)")
    print(f"no-change rebuild: {res['no_change_rebuild']}")
    for s in res.get("search", []):
        print(f"search [{s['engine']}]: first results {s['first_results_s']:.2f} s after typing "
              f"(median of {', '.join(f'{x:.2f}' for x in s['samples_s'])}; {s['from_click_s']:.2f} s from the click, "
              f"typing included), {s['bytes'] / 1024:.0f} KB transferred (at most {s['bytes_max'] / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
