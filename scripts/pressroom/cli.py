"""Command line: parse arguments, call the pipeline, print ``path:line: message``, exit code.

Examples:
  pressroom build                          convert sources/ into docs/
  pressroom annotate --json sources/a.txt  print one JSON object per file
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path

from . import __version__
from .errors import PressroomError

EPILOG = """examples:
  pressroom build                           # sources/ -> docs/, then: mkdocs build --strict
  pressroom annotate --json sources/*.txt   # quotes, speakers, entities as JSON lines
  pressroom serve                           # live preview on http://127.0.0.1:8000
  pressroom new ~/my-archive                # start a new archive (config, sample, workflow)
"""


def build_parser() -> argparse.ArgumentParser:
    """The whole command line; tests read it to check the README names every command and option."""
    parser = argparse.ArgumentParser(
        prog="pressroom",
        description="Turn a folder of press releases into an annotated, searchable MkDocs site.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"pressroom {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    _archive_commands(sub)
    _site_commands(sub)
    return parser


def _command(sub, name: str, func, help: str, example: str) -> argparse.ArgumentParser:
    """One subcommand, with its example as the epilog and ``func`` to run it."""
    p = sub.add_parser(name, help=help, epilog=f"example:\n  {example}",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.set_defaults(func=func)
    return p


def _archive_commands(sub) -> None:
    """The commands that convert and score: build, annotate, eval."""
    b = _command(sub, "build", _build, "convert sources/ into Markdown pages under docs/",
                 "pressroom build --sources sources --docs docs")
    b.add_argument("--sources", default="sources", help="folder of source .txt files (default: sources)")
    b.add_argument("--docs", default="docs", help="MkDocs docs folder to write into (default: docs)")
    b.add_argument("--config", default="mkdocs.yml", help="MkDocs config to read site_name and site_url from (default: mkdocs.yml)")
    b.add_argument("--strict", action="store_true", help="also fail (exit 1) on warnings")
    b.add_argument("--cache", default=".pressroom-cache", help="folder for cached annotations of unchanged sources (default: .pressroom-cache)")
    b.add_argument("--no-cache", action="store_true", help="annotate every source again")
    b.add_argument("--jobs", type=int, default=None, help="processes that annotate, render and check (default: one per core)")

    a = _command(sub, "annotate", _annotate, "print the annotations of source files",
                 "pressroom annotate --json sources/000_47605877143c161c.txt")
    a.add_argument("files", nargs="+", help="source .txt files")
    a.add_argument("--json", action="store_true", help="one JSON object per file (the only format for now)")

    e = _command(sub, "eval", _eval, "score the quote annotator against a gold JSON Lines file (tune and dev side by side)",
                 "pressroom eval ../shared/quotes/polnear_quotes_tune.jsonl --dirty")
    e.add_argument("gold", help="gold quotes, JSON Lines: {id, text, quotes: [{start, end, speaker}]}")
    e.add_argument("--dirty", action="store_true", help="score a copy with curly quotes and apostrophes typed as '\"'")
    e.add_argument("--scorer", help="score.py to run (default: score.py next to the gold file)")
    e.add_argument("--out", help="also keep the predictions of the tune part in this file (dev errors are not for reading)")


def _site_commands(sub) -> None:
    """The commands about the site and its editor: serve, view, review, index, new."""
    v = _command(sub, "serve", _serve, "live preview: rebuild pages when sources/ change, reload the browser",
                 "pressroom serve --dev-addr 127.0.0.1:8000")
    v.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")
    v.add_argument("--sources", default="sources", help="folder of source .txt files (default: sources)")
    v.add_argument("--docs", default="docs", help="MkDocs docs folder (default: docs)")
    v.add_argument("--dirty", action="store_true",
                   help="MkDocs rebuilds only the pages that changed (fast with thousands of articles; "
                        "the tags page and strict mode wait for a full build)")

    w = _command(sub, "view", _view, "serve a built site as GitHub Pages would (404.html for unknown paths)",
                 "pressroom view --site site --dev-addr 127.0.0.1:8000")
    w.add_argument("--site", default="site", help="the built site folder (default: site)")
    w.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on (default: 127.0.0.1:8000)")

    r = _command(sub, "review", _review, "the editor's queue: uncertain annotations, each with the YAML that settles it",
                 "pressroom review --format csv --out review.csv")
    r.add_argument("--sources", default="sources", help="folder of source .txt files (default: sources)")
    r.add_argument("--docs", default="docs", help="MkDocs docs folder, for the articles' addresses (default: docs)")
    r.add_argument("--config", default="mkdocs.yml", help="MkDocs config; curation.yml is read beside it (default: mkdocs.yml)")
    r.add_argument("--cache", default=".pressroom-cache", help="the build's annotation cache (default: .pressroom-cache)")
    r.add_argument("--format", choices=("md", "csv"), default="md", help="Markdown (default) or CSV")
    r.add_argument("--out", help="write the queue to this file instead of the terminal")

    x = _command(sub, "index", _index, "build the search index (Pagefind) of a site built without the pressroom plugin",
                 "zensical build && pressroom index --site site")
    x.add_argument("--site", default="site", help="the built site folder (default: site)")

    n = _command(sub, "new", _new, "start a new archive in DIR: mkdocs.yml, Makefile, a sample article, the Pages workflow",
                 "pressroom new /tmp/my-archive && cd /tmp/my-archive && make site")
    n.add_argument("dir", help="folder to create (must not exist, or be empty)")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except PressroomError as err:
        print(err, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _build(args) -> int:
    from .lock import project_lock
    from .pipeline import build

    # exit 1: some sources failed and every other one was built; 2: nothing was built
    sources, docs = Path(args.sources), Path(args.docs)
    if not sources.is_dir():
        print(f"{sources}: no such folder; put your articles (.txt) there or pass --sources", file=sys.stderr)
        return 2
    config = Path(args.config)
    cache = None if args.no_cache else Path(args.cache)
    try:
        with project_lock(docs):  # a second build of this project waits for the first
            report = build(sources, docs, config if config.exists() else None, progress=_progress_bar(),
                           cache_dir=cache, workers=args.jobs)
    except PressroomError as err:
        print(err, file=sys.stderr)
        return 2
    except Exception:  # noqa: BLE001 - a bug: its traceback for the report, and nothing built
        import traceback

        traceback.print_exc()
        print("pressroom: internal error, nothing was built; please report it", file=sys.stderr)
        return 2
    for p in report.problems:
        print(p, file=sys.stderr)
    print(report.summary())
    if report.errors or (args.strict and report.warnings):
        return 1
    return 0


def _review(args) -> int:
    from . import pipeline, review

    sources = Path(args.sources)
    if not sources.is_dir():
        print(f"{sources}: no such folder; put your articles (.txt) there or pass --sources", file=sys.stderr)
        return 2
    config = Path(args.config)
    g = pipeline.gather(sources, Path(args.docs), config if config.exists() else None, cache_dir=Path(args.cache))
    for problem in g.problems:
        print(problem, file=sys.stderr)
    items = review.queue(pipeline.whole(g, g.articles, Path(args.cache)))
    text = review.markdown(items) if args.format == "md" else review.csv_text(items)
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"{args.out}: {len(items)} items", file=sys.stderr)
    else:
        sys.stdout.write(text + ("" if text.endswith("\n") else "\n"))
    return 0


def _eval(args) -> int:
    from .quality.quotes import run_eval

    return run_eval(Path(args.gold), dirty_copy=args.dirty, scorer=args.scorer, out=args.out)


def _index(args) -> int:
    from .search import index_site

    if index_site(Path(args.site)):
        print(f"pressroom: search index written to {Path(args.site) / 'pagefind'}")
    else:
        print(f"pressroom: {args.site} has no article pages to index")
    return 0


def _serve(args) -> int:
    from .serve import serve

    return serve(args)


def _view(args) -> int:
    from .view import view

    return view(args)


def _new(args) -> int:
    from .scaffold import new

    return new(args)


def _progress_bar():
    """A progress bar on a terminal (tqdm); nothing but the summary line otherwise."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    # no monitor thread: the build forks worker processes, which a running thread makes
    # unsafe (a lock it holds stays held in the child; Python 3.12 warns of it)
    tqdm.monitor_interval = 0
    return lambda items: tqdm(items, desc="annotating", unit="article", leave=False, file=sys.stderr)


def _annotate(args) -> int:
    from . import curation
    from .nlp.annotate import annotate
    from .read import read_curation, read_source
    from .slugs import slug

    # the editor's curation.yml of the project run from (see README, "Curation")
    text, problems = read_curation(curation.path_beside(None))
    cur, found = curation.parse(text, curation.FILE)
    for problem in problems + found:
        print(problem, file=sys.stderr)
    failed = 0
    for path in map(Path, args.files):
        try:
            source = read_source(path, str(path))
            art = curation.apply(annotate(source, slug(source.title, path.stem), cur.exclusions(source.body)), cur)
        except PressroomError as err:
            print(json.dumps({"source": str(path), "error": str(err.problem.message)}, ensure_ascii=False), flush=True)
            failed += 1
            continue
        except Exception as err:  # noqa: BLE001 - a bug met in one file: said in its place, the others go on
            print(json.dumps({"source": str(path), "error": f"internal error while annotating ({type(err).__name__}: {err}); "
                                                            "please report it"}, ensure_ascii=False), flush=True)
            failed += 1
            continue
        print(json.dumps(annotation_json(art), ensure_ascii=False), flush=True)
    return 1 if failed else 0


def annotation_json(art) -> dict:
    return {
        "source": art.source.path,
        "title": art.title,
        "date": art.meta.date.isoformat() if art.meta.date else None,
        "slug": art.slug,
        "quotes": [
            {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker, "kind": q.kind}
            for q in art.quotes
        ],
        "people": [{"name": p.name, "role": p.role} for p in art.entities.people],
        "organizations": [{"name": o.name} for o in art.entities.organizations],
        "places": [{"name": p.name} for p in art.entities.places],
    }


def run() -> None:
    """The console command. Once a command is done (every file written and closed), the
    process ends at once instead of freeing its objects one by one, which took a tenth of
    a second after a 10,000-article rebuild: the system takes the memory back whole.
    os._exit skips every exit handler, so worker processes are ended first (parallel.py
    shuts its pools down; this catches any left by an interrupted one)."""
    from .parallel import end_workers

    # SIGTERM (a process manager, a test, `kill`): its default action ends this process at
    # once and leaves its workers behind; this ends them first (pressroom serve sets its own).
    global _OWNER
    _OWNER = os.getpid()
    signal.signal(signal.SIGTERM, _terminate)
    code = main()
    end_workers()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


_OWNER = None  # the process that set _terminate (run)


def _terminate(signum, frame):
    """Not an exception (one raised while the process forks a worker is ignored, and the
    signal lost): the workers are ended and the process exits with SIGTERM's status.

    A worker just forked has this handler too until its start sets its own; ended in that
    moment it must not end its siblings as if they were its workers (it printed
    "can only join a child process"): it ends at once, as SIGTERM's default would."""
    if os.getpid() != _OWNER:
        os._exit(128 + signum)
    from .parallel import end_workers

    end_workers()
    sys.stderr.flush()
    os._exit(128 + signum)


if __name__ == "__main__":
    run()
