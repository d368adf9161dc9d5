"""Pure stages on several cores: the same results, in the same order, as a plain loop.

Annotating, rendering and checking one article never looks at another, so each stage maps
a function over its items. What every item needs (the articles, where names link to) is
handed to each worker process once, at its start; on Linux the workers are forked and
inherit it without a copy. Only the items' indices and the results cross between processes.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from concurrent.futures import ProcessPoolExecutor

# Below this many items, starting processes costs more than it saves.
MINIMUM = 200

_JOB = None  # (function, shared) in a worker process


def _start(fn, shared):
    global _JOB
    _JOB = (fn, shared)
    # Ctrl-C reaches every process of the terminal's group: the parent alone handles it and
    # ends the workers (SIGTERM, its default action: no traceback from each worker).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # The parent pauses its collector for the build; a worker's garbage is its own. What the
    # worker inherited is frozen first, so that a collection does not walk (and, by writing
    # to every object's header, copy) the parent's whole heap: see gc.freeze's documentation.
    gc.freeze()
    gc.enable()


def _run(item):
    fn, shared = _JOB
    return fn(item, shared)


def _context():
    # fork shares the parent's memory (copy on write): the articles are not pickled for each
    # worker. Elsewhere (macOS, Windows) the platform's default start method is used.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _workers_for(count: int, workers: int | None) -> int:
    workers = workers if workers is not None else (os.cpu_count() or 1)
    return workers if workers > 1 and count >= MINIMUM else 1


def pmap(fn, items, shared=None, workers: int | None = None, chunksize: int = 32, progress=None) -> list:
    """``[fn(item, shared) for item in items]``, on several processes when that pays.

    ``fn`` is a module-level function (it is sent to workers by name)."""
    items = list(items)
    n = _workers_for(len(items), workers)
    if n == 1:
        results = (fn(item, shared) for item in items)
        return list(progress(results) if progress else results)
    pool = ProcessPoolExecutor(max_workers=n, mp_context=_context(), initializer=_start, initargs=(fn, shared))
    try:
        results = pool.map(_run, items, chunksize=chunksize)
        done = list(progress(results) if progress else results)
    except BaseException:
        # Interrupted (Ctrl-C, SIGTERM, an error): the workers are ended, not waited for. A
        # worker whose results nobody reads any more blocks for good on the full pipe back,
        # the others on its lock; left so, they outlived the build.
        end_workers()
        # With its workers gone the pool is broken: its manager thread fails what was left,
        # reaps the workers and ends, and only then is the pool's state settled. Not waited
        # for, that thread was still reaping while the caller looked (a worker then shows as
        # alive for a moment), and a shutdown that cancelled the futures first made it raise
        # InvalidStateError on a cancelled one (CPython 3.11).
        pool.shutdown(wait=True)
        end_workers()
        raise
    pool.shutdown(wait=True)
    return done


def end_workers(timeout: float = 5.0, rounds: int = 10) -> None:
    """End this process's worker processes, if any are left (none after a pmap that
    finished): asked to stop, then killed if they linger; again until none is left, as
    one was once seen started while the others were ended (CPython 3.11.2)."""
    for _ in range(rounds):
        children = multiprocessing.active_children()
        if not children:
            return
        for child in children:
            child.terminate()
        for child in children:
            child.join(timeout)
            if child.is_alive():
                child.kill()
                child.join()
