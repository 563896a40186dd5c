#!/usr/bin/python3
"""readability-lxml (Debian python3-readability) on the same pages, in-process.
usage: readability_bench.py DIR [REPS]"""
import gzip, os, statistics, sys, time
from readability import Document

def load(d):
    pages = []
    for root, _, files in os.walk(d):
        for f in sorted(files):
            p = os.path.join(root, f)
            raw = open(p, 'rb').read()
            if p.endswith('.gz'):
                raw = gzip.decompress(raw)
            pages.append(raw)
    return pages

pages = load(sys.argv[1])
reps = int(sys.argv[2]) if len(sys.argv) > 2 else 3
runs, per = [], []
for k in range(reps):
    t0 = time.perf_counter()
    for raw in pages:
        p0 = time.perf_counter()
        try:
            Document(raw).summary()
        except Exception:
            pass
        if k == reps // 2:
            per.append((time.perf_counter() - p0) * 1e3)
    runs.append(time.perf_counter() - t0)
med = statistics.median(runs)
nbytes = sum(len(p) for p in pages)
print("pages=%d bytes=%d median_ms_per_page=%.3f mean_ms_per_page=%.3f pages_per_s=%.1f MB_per_s=%.2f"
      % (len(pages), nbytes, statistics.median(per), med / len(pages) * 1e3, len(pages) / med, nbytes / med / 1e6))
