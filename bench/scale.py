#!/usr/bin/env python3
"""Archive-scale benchmark (issue 17): N articles through the whole `make site`, as an owner
lives it, beside a stock Material build of the same article pages, in one run.

    python bench/scale.py --n 2000 [--keep DIR] [--no-browser] [--no-plain]
    python bench/scale.py --n 2000 --shape 100000 [--no-plain]

Generates N articles from ../shared/corpus (real press releases, each copy given a distinct
title and a date spread over ten years; SITE_URL set) or, when that folder is absent, from
synthetic text of our own, in a temporary folder (never in the repository). Then, for each
of four steps -- a full build from scratch, ONE new source, ONE edited source, nothing
changed -- it times and takes the peak memory (largest process) of `pressroom build`,
`mkdocs build --strict` (the plugin's search off) and `pressroom index` (Pagefind), and
counts the files written, changed or deleted anywhere in the archive (sources/ aside).
It prints the table, and the targets' ratios.

  plain    `mkdocs build` of the same article pages with stock Material (no pressroom
           listing pages, no plugin; it has no incremental build, so its one-release
           rebuild is its full build)
  search   (unless --no-browser) in headless Chromium, the time from the last key typed to
           the first results (both taken in the page) and the bytes transferred before them
           and in the half second after, for pressroom's search and for Material's own (the
           median of three first queries)
  --shape  the full and one-new-source builds at N/4, N/2 and N articles, and a straight
           line through each step's time, memory, disk and file count, read at SHAPE
           articles: how a 100,000-article archive grows, from archives this machine builds
           (an extrapolation, printed as one)
Numbers, not pass/fail: the targets live in issue 17.
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


START = dt.date(2015, 1, 1)


def article(pool: list[str], i: int, day: dt.date | None = None) -> str:
    """Source number i: a copy of a corpus text with its own title and date."""
    title, body = pool[i % len(pool)].split("\n", 1)
    day = day or START + dt.timedelta(days=(i * 37) % 3650)
    return f"---\ndate: {day.isoformat()}\n---\n{title} (copy {i})\n{body}"


def make_project(folder: Path, n: int, pool: list[str]) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.conftest import skeleton

    src = skeleton(folder) / "sources"
    # the pressroom plugin writes the search index after mkdocs build; here that is timed
    # apart (pressroom index), so the render step leaves it out
    config = folder / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - pressroom\n", "  - pressroom:\n      search: false\n"),
                      encoding="utf-8")
    for i in range(n):
        (src / f"a{i:06d}.txt").write_text(article(pool, i), encoding="utf-8")


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


# Times taken in the page itself: the last key's input event, and the moment the first
# result enters the document (a MutationObserver). Playwright's own wait polls the page from
# another process, and on a busy machine that added up to half a second to the measure.
_CLOCK = """
window.__prLastKey = null; window.__prFirstResult = null;
performance.setResourceTimingBufferSize(10000);
// results drawn after the last key: a result of a query typed before it does not count
document.addEventListener("input", function () { window.__prLastKey = performance.now(); window.__prFirstResult = null; }, true);
new MutationObserver(function (changes) {
  if (window.__prFirstResult !== null) return;
  var drawn = changes.some(function (c) {
    return Array.prototype.some.call(c.addedNodes, function (n) {
      return n.nodeType === 1 && (n.matches(".md-search-result__item") || n.querySelector(".md-search-result__item"));
    });
  });
  if (drawn) window.__prFirstResult = performance.now();
}).observe(document, {childList: true, subtree: true});
"""


def search_latency(site: Path, query: str, engine: str) -> dict:
    """Seconds from the last key to the first result, and bytes transferred: those of the
    responses sent before the first result showed (what answered the query), and all in
    the half second after (what the page fetched next: the rest of the results' excerpts,
    the filters' values)."""
    sys.path.insert(0, str(ROOT))
    from tests.browser import browser, serve

    sent: list[tuple[str, int]] = []
    with serve(site, sent) as base, browser() as b:
        page = b.new_page()
        page.add_init_script(_CLOCK)
        # A reader who opens a page and searches at once: Material starts downloading its
        # whole index when the page loads, Pagefind fetches chunks when a query is typed.
        page.goto(base + "/", wait_until="domcontentloaded")
        t0 = page.evaluate("performance.now()")
        page.click("input.md-search__input")
        page.keyboard.type(query)  # Playwright types ~25 ms a key, as a quick reader would
        page.wait_for_selector(".md-search-result__item", timeout=300_000)
        typed, done = page.evaluate("[window.__prLastKey, window.__prFirstResult]")
        page.wait_for_timeout(500)
        total = sum(n for path, n in sent if "search" in path or "pagefind" in path)
        # the page's own record of each download (its body's size, as the server counts it)
        first = page.evaluate("""t => performance.getEntriesByType("resource")
            .filter(e => e.responseEnd <= t && /search|pagefind/.test(e.name))
            .reduce((n, e) => n + e.encodedBodySize, 0)""", done)
        page.close()
    # "after typing" (the measure) starts at the last key; an engine may use the
    # typing time to fetch (Pagefind loads on focus and preloads chunks per key)
    return {"engine": engine, "first_results_s": round((done - typed) / 1000, 3),
            "from_click_s": round((done - t0) / 1000, 3), "bytes_first": first, "bytes": total}


def search_trials(site: Path, query: str, engine: str, trials: int = 3) -> dict:
    """search_latency in a new browser each time (each a first query, nothing cached): one
    sample of a latency on a shared machine can be off by half a second; the median is the
    number, every sample is printed beside it."""
    runs = [search_latency(site, query, engine) for _ in range(trials)]
    mid = sorted(runs, key=lambda r: r["first_results_s"])[trials // 2]
    return {**mid, "samples_s": [r["first_results_s"] for r in runs], "bytes_max": max(r["bytes"] for r in runs),
            "bytes_first_max": max(r["bytes_first"] for r in runs)}


STEPS = ("full build", "one new source", "one edited source", "nothing changed")
ROWS = ("pressroom build", "mkdocs build --strict", "pressroom index")


def stamps(proj: Path) -> dict[str, tuple[int, int, int]]:
    """Every file of the archive but its sources: (inode, size, mtime) by path."""
    out = {}
    for path in proj.rglob("*"):
        rel = path.relative_to(proj).as_posix()
        if not rel.startswith("sources/") and path.is_file():
            st = path.stat()
            out[rel] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return out


def touched(before: dict, after: dict) -> int:
    """Files written (new or changed) or deleted between two stamps."""
    return sum(1 for k in before.keys() | after.keys() if before.get(k) != after.get(k))


def run_step(proj: Path, env: dict) -> dict:
    before = stamps(proj)
    out = {
        "pressroom build": measure([str(BIN / "pressroom"), "build"], proj, env),
        "mkdocs build --strict": measure([str(BIN / "mkdocs"), "build", "--strict"], proj, env),
        "pressroom index": measure([str(BIN / "pressroom"), "index", "--site", "site"], proj, env),
    }
    bad = [row for row, m in out.items() if m["returncode"] != 0]
    if bad:
        raise SystemExit(f"scale: {', '.join(bad)} failed in {proj}")
    out["files touched"] = touched(before, stamps(proj))
    return out


def run_steps(proj: Path, n: int, pool: list[str], env: dict, steps=STEPS) -> dict:
    res = {}
    for step in steps:
        if step == "one new source":
            # a new release: dated after every other (the last day of the ten years)
            (proj / "sources" / f"a{n:06d}.txt").write_text(article(pool, n, START + dt.timedelta(days=3649)),
                                                           encoding="utf-8")
        elif step == "one edited source":
            one = proj / "sources" / "a000001.txt"
            one.write_text(one.read_text(encoding="utf-8") + "One more paragraph, added.\n", encoding="utf-8")
        res[step] = run_step(proj, env)
        total = sum(res[step][row]["seconds"] for row in ROWS)
        print(f"  {step}: {total:.1f} s, {res[step]['files touched']} files touched", flush=True)
    site = proj / "site"
    res["site"] = {"mb": round(dir_size(site) / 2**20, 1), "files": sum(1 for p in site.rglob("*") if p.is_file()),
                   "pagefind_mb": round(dir_size(site / "pagefind") / 2**20, 1)}
    return res


def cell(m: dict) -> str:
    return f"{m['seconds']:.1f} s / {m['peak_mb']:.0f} MB"


def print_table(n: int, res: dict, plain: dict | None) -> None:
    steps = [s for s in STEPS if s in res]
    print(f"\nN = {n:,} articles (time / peak memory of the largest process)\n")
    print("| step | " + " | ".join(steps) + " |")
    print("|---" * (len(steps) + 1) + "|")
    for row in ROWS:
        print(f"| `{row}` | " + " | ".join(cell(res[s][row]) for s in steps) + " |")
    totals = {s: sum(res[s][row]["seconds"] for row in ROWS) for s in steps}
    peaks = {s: max(res[s][row]["peak_mb"] for row in ROWS) for s in steps}
    print("| **total** | " + " | ".join(f"**{totals[s]:.1f} s** / {peaks[s]:.0f} MB" for s in steps) + " |")
    print("| files written or deleted | " + " | ".join(str(res[s]["files touched"]) for s in steps) + " |")
    if plain:
        print(f"| plain Material `mkdocs build` | {cell(plain)} | " + " | ".join(f"{cell(plain)} (full)" for _ in steps[1:]) + " |")
    full = totals["full build"]
    print()
    for s in steps[1:]:
        print(f"{s}: {totals[s]:.1f} s = {totals[s] / full:.3f} of the full build")
    if plain:
        print(f"full build / plain Material = {full / plain['seconds']:.2f} "
              f"(mkdocs build alone: {res['full build']['mkdocs build --strict']['seconds'] / plain['seconds']:.2f})")
    print(f"peak memory, all steps: {max(peaks.values()):.0f} MB; site: {res['site']['mb']} MB, "
          f"{res['site']['files']:,} files (search index {res['site']['pagefind_mb']} MB)")


def fit(xs: list[float], ys: list[float]) -> tuple[float, float]:
    """Least-squares line y = a + b x."""
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    b = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    return my - b * mx, b


def shape(a, work: Path, pool: list[str], env: dict) -> int:
    sizes = [a.n // 4, a.n // 2, a.n]
    runs = {}
    for n in sizes:
        print(f"N = {n}:", flush=True)
        proj = work / f"archive{n}"
        shutil.rmtree(proj, ignore_errors=True)
        make_project(proj, n, pool)
        runs[n] = run_steps(proj, n, pool, env, steps=STEPS[:2])
        shutil.rmtree(proj)
    print(f"\nStraight lines through N = {', '.join(map(str, sizes))}, read at N = {a.shape:,} (an extrapolation):\n")
    print("| step | measured at N = " + ", ".join(map(str, sizes)) + f" | at {a.shape:,} |")
    print("|---|---|---|")
    for step in STEPS[:2]:
        for row in ROWS:
            for key, unit in (("seconds", "s"), ("peak_mb", "MB")):
                ys = [runs[n][step][row][key] for n in sizes]
                c, b = fit(sizes, ys)
                print(f"| {step}: `{row}` {unit} | {', '.join(f'{y:.1f}' for y in ys)} | {c + b * a.shape:,.0f} |")
    for key, label in (("mb", "site MB"), ("files", "site files"), ("pagefind_mb", "search index MB")):
        ys = [runs[n]["site"][key] for n in sizes]
        c, b = fit(sizes, ys)
        print(f"| {label} | {', '.join(f'{y:,.1f}' for y in ys)} | {c + b * a.shape:,.0f} |")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="articles (default 2000)")
    ap.add_argument("--shape", type=int, help="measure at N/4, N/2, N and extrapolate to this many articles")
    ap.add_argument("--keep", help="build in this folder and keep it")
    ap.add_argument("--no-browser", action="store_true")
    ap.add_argument("--no-plain", action="store_true", help="skip the stock Material baseline build")
    a = ap.parse_args()
    work = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="pressroom-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="https://example.org/archive/")
    pool = texts()
    if a.shape:
        return shape(a, work, pool, env)
    proj = work / "archive"
    shutil.rmtree(proj, ignore_errors=True)
    make_project(proj, a.n, pool)
    print(f"N = {a.n}: {proj}", flush=True)
    res = run_steps(proj, a.n, pool, env)
    plain = None
    if not a.no_plain:
        folder = work / "plain"
        shutil.rmtree(folder, ignore_errors=True)
        plain_project(folder, proj / "docs")
        plain = measure([str(BIN / "mkdocs"), "build"], folder, env)
        res["plain"] = {**plain, "site_mb": round(dir_size(folder / "site") / 2**20, 1)}
    if not a.no_browser:
        res["search"] = [search_trials(proj / "site", "spokesman said", "pressroom search")]
        if plain:
            res["search"].append(search_trials(work / "plain" / "site", "spokesman said", "Material search (plain)"))
    print(json.dumps(res, indent=1))
    print_table(a.n, res, plain)
    for s in res.get("search", []):
        print(f"search [{s['engine']}]: first results {s['first_results_s']:.2f} s after the last key "
              f"(median of {', '.join(f'{x:.2f}' for x in s['samples_s'])}; {s['from_click_s']:.2f} s from the click), "
              f"{s['bytes_first'] / 1024:.0f} KB transferred before the first results (at most "
              f"{s['bytes_first_max'] / 1024:.0f} KB), {s['bytes'] / 1024:.0f} KB with the half second after "
              f"(at most {s['bytes_max'] / 1024:.0f} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
