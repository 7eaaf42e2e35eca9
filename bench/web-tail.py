#!/usr/bin/env python3
"""Where a web run's tail comes from: reads the two files of `Dossier.Bench web ... --trace PREFIX` (PREFIX.KEY.requests.csv,
PREFIX.KEY.samples.csv) and prints
  - the percentiles, and how the slow requests (above the run's p95) are spread in time: the share of them in the
    slowest tenth of 250 ms windows, and the same share if they were spread at random (about a tenth);
  - per window kind (a gen-1/gen-2 GC in it or not, a GC pause over 5 ms, other processes taking more than half a core,
    thread-pool growth), how many requests ended in it and their p95;
  - with --timeline, one line per window: requests, p50/p95/max, GC counts and pause, thread pool, CPU by process.
CPU columns are in cores (ticks per window / ticks a core has in it); "other" = the machine's busy ticks less this
process's, the server's and PostgreSQL's backends' (other helpers, the kernel's own threads, the sampler).
Usage: bench/web-tail.py PREFIX.KEY [--window MS] [--timeline]"""
import csv
import sys

args = [a for a in sys.argv[1:] if not a.startswith("--")]
if len(args) != 1:
    sys.exit(__doc__)
prefix = args[0]
window = 250.0
if "--window" in sys.argv:
    window = float(sys.argv[sys.argv.index("--window") + 1])
try:
    requests = [(float(r["start_ms"]), float(r["latency_ms"])) for r in csv.DictReader(open(prefix + ".requests.csv"))]
    samples = [{k: float(v) for k, v in r.items()} for r in csv.DictReader(open(prefix + ".samples.csv"))]
except (OSError, KeyError, ValueError) as e:
    sys.exit(f"{prefix}: cannot read the trace ({e})")
if not requests or len(samples) < 2:
    sys.exit(f"{prefix}: the trace is empty")


def pct(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[max(0, min(len(s) - 1, int(-(-p * len(s) // 1)) - 1))]


lat = [l for _, l in requests]
p50, p95, p99 = pct(lat, .5), pct(lat, .95), pct(lat, .99)
t0 = samples[0]["t_ms"]
end = samples[-1]["t_ms"]
n = int((end - t0) // window) + 1
bins = [[] for _ in range(n)]
for start, l in requests:
    b = int((start + l - t0) // window)
    if 0 <= b < n:
        bins[b].append(l)

# Per window: the change in each sampled counter over it.
ticks_per_core = window / 10.0  # USER_HZ = 100
cores = None
rows = []
for b in range(n):
    lo, hi = t0 + b * window, t0 + (b + 1) * window
    inside = [s for s in samples if lo <= s["t_ms"] <= hi]
    before = [s for s in samples if s["t_ms"] <= lo]
    first = before[-1] if before else samples[0]
    last = inside[-1] if inside else first
    d = {k: last[k] - first[k] for k in last}
    span = max(1.0, last["t_ms"] - first["t_ms"])
    scale = window / span
    total = d["machine_total"]
    if total > 0 and cores is None and span >= window * 0.8:
        cores = round(total / (span / 10.0))
    ours = d["self_ticks"] + d["server_ticks"] + d["pg_ticks"]
    rows.append({
        "t": lo - t0, "n": len(bins[b]), "p50": pct(bins[b], .5), "p95": pct(bins[b], .95), "max": max(bins[b]) if bins[b] else float("nan"),
        "gc0": d["gc0"], "gc1": d["gc1"], "gc2": d["gc2"], "pause": d["gc_pause_ms"] * scale,
        "threads": last["tp_threads"], "grew": d["tp_threads"] > 0, "pending": max(s["tp_pending"] for s in inside) if inside else 0,
        "self": d["self_ticks"] * scale / ticks_per_core, "server": d["server_ticks"] * scale / ticks_per_core,
        "pg": d["pg_ticks"] * scale / ticks_per_core, "other": max(0.0, d["machine_busy"] - ours) * scale / ticks_per_core,
        "slow": sum(1 for l in bins[b] if l > p95),
    })

slow_total = sum(r["slow"] for r in rows)
ranked = sorted(rows, key=lambda r: -r["slow"])
top = ranked[: max(1, n // 10)]
print(f"{prefix}: {len(requests):,} requests in {(end - t0) / 1000:.1f} s, {cores or '?'} cores; p50 {p50:.1f}, p95 {p95:.1f}, p99 {p99:.1f}, max {max(lat):.1f} ms")
print(f"slow (> p95) requests: {slow_total}; in the worst tenth of {window:.0f} ms windows ({len(top)} of {n}): "
      f"{sum(r['slow'] for r in top)} ({100.0 * sum(r['slow'] for r in top) / max(1, slow_total):.0f}%; ~10% if spread evenly)")
print(f"windows with no slow request: {sum(1 for r in rows if r['slow'] == 0)} of {n}")


def group(name, pred):
    inside = [l for r, b in zip(rows, bins) if pred(r) for l in b]
    outside = [l for r, b in zip(rows, bins) if not pred(r) for l in b]
    k = sum(1 for r in rows if pred(r))
    print(f"  {name:<34} {k:5} windows, {len(inside):7,} req, p50 {pct(inside, .5):6.1f} p95 {pct(inside, .95):6.1f} | "
          f"others {len(outside):7,} req, p50 {pct(outside, .5):6.1f} p95 {pct(outside, .95):6.1f}")


print("requests ending in windows where ...")
group("a gen-1 or gen-2 GC ran", lambda r: r["gc1"] > 0 or r["gc2"] > 0)
group("a gen-2 GC ran", lambda r: r["gc2"] > 0)
group("GC pauses took > 5 ms", lambda r: r["pause"] > 5)
group("GC pauses took > 15 ms", lambda r: r["pause"] > 15)
group("the thread pool grew", lambda r: r["grew"])
group("other processes took > 0.5 core", lambda r: r["other"] > 0.5)
group("other processes took > 0.2 core", lambda r: r["other"] > 0.2)
mean = {k: sum(r[k] for r in rows) / n for k in ("self", "server", "pg", "other", "pause", "gc0", "gc1", "gc2")}
print(f"mean per window: cores self {mean['self']:.2f}, server {mean['server']:.2f}, pg {mean['pg']:.2f}, other {mean['other']:.2f}; "
      f"GC pause {mean['pause']:.1f} ms ({100 * mean['pause'] / window:.1f}% of the time), gen0/1/2 {mean['gc0']:.2f}/{mean['gc1']:.2f}/{mean['gc2']:.3f}")
if "alloc_mb" in samples[0]:
    print(f"this process allocated {(samples[-1]['alloc_mb'] - samples[0]['alloc_mb']) * 1024 / len(requests):.0f} KB a request "
          f"(with an in-process server: server and load generator), heap {min(s['heap_mb'] for s in samples):.0f}-{max(s['heap_mb'] for s in samples):.0f} MB")
print(f"thread pool: {rows[0]['threads']:.0f} threads at the start, {rows[-1]['threads']:.0f} at the end, most pending {max(r['pending'] for r in rows):.0f}")
if "--timeline" in sys.argv:
    print(f"{'t ms':>7} {'req':>4} {'p50':>6} {'p95':>6} {'max':>6} {'slow':>4} {'gc0':>3} {'gc1':>3} {'gc2':>3} {'pause':>5} {'thr':>3} {'pend':>4} "
          f"{'self':>5} {'serv':>5} {'pg':>5} {'other':>5}")
    for r in rows:
        print(f"{r['t']:7.0f} {r['n']:4} {r['p50']:6.1f} {r['p95']:6.1f} {r['max']:6.1f} {r['slow']:4} {r['gc0']:3.0f} {r['gc1']:3.0f} {r['gc2']:3.0f} "
              f"{r['pause']:5.1f} {r['threads']:3.0f} {r['pending']:4.0f} {r['self']:5.2f} {r['server']:5.2f} {r['pg']:5.2f} {r['other']:5.2f}")
