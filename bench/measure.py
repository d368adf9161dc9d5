#!/usr/bin/env python3
"""Run a command; print its wall seconds and peak memory (largest process) as JSON.

    python bench/measure.py CMD ARGS...   ->   {"seconds": 1.23, "peak_mb": 456.7, "returncode": 0}
"""
import json
import resource
import subprocess
import sys
import time

t0 = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
secs = time.perf_counter() - t0
peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": round(secs, 2), "peak_mb": round(peak_kb / 1024, 1), "returncode": rc}))
