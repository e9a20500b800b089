#!/usr/bin/env python3
"""Reads the raw figures a bench/run left in its work folder, prints the table, draws the latency chart
with gnuplot and writes BENCHMARKS.md. Medians of the rounds, with min-max beside them."""
import json
import os
import re
import statistics
import subprocess
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
WAYS = ["direct", "nginx", "snapgate"]


def parse_wrk(path):
    text = open(path).read()
    figures = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))}
    for pct in ("50", "75", "90", "99"):
        m = re.search(r"^\s+" + pct + r"%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
        figures["p" + pct] = float(m.group(1)) * UNITS[m.group(2)] if m else None
    m = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    figures["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"(\d+) requests in", text)
    figures["requests"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    figures["errors"] = sum(int(g) for g in m.groups()) if m else 0
    return figures


def rounds(run, scenario, way):
    files = sorted(f for f in os.listdir(run) if f.startswith(f"{scenario}-{way}-") and f.endswith(".txt"))
    return [parse_wrk(os.path.join(run, f)) for f in files]


def summary(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def fmt(s, unit="", digits=2):
    if s is None:
        return "n/a"
    med, lo, hi = s
    return f"{med:.{digits}f}{unit} ({lo:.{digits}f}-{hi:.{digits}f})"


def verdict(ok):
    return "met" if ok else "**missed**"


def main(run, out, root):
    meta = json.load(open(os.path.join(run, "meta.json")))
    table = {}
    for scenario in ("s1", "s2", "s3"):
        for way in WAYS:
            r = rounds(run, scenario, way)
            if r:
                table[(scenario, way)] = {k: summary([x[k] for x in r]) for k in ("rps", "p50", "p90", "p99")}
                table[(scenario, way)]["non2xx"] = sum(x["non2xx"] for x in r)
                table[(scenario, way)]["errors"] = sum(x["errors"] for x in r)
    failfast = rounds(run, "s3", "stalled")
    failfast_summary = {k: summary([x[k] for x in failfast]) for k in ("p50", "p99")} if failfast else None

    lines = []
    lines.append("| scenario | way | req/s | p50 ms | p90 ms | p99 ms | non-2xx |")
    lines.append("|---|---|---|---|---|---|---|")
    names = {"s1": "1. GET /snapshots/{id} (Baidu-shaped), 64 conn.", "s2": "2. GET /snapshots over 3 providers at 200 ms",
             "s3": "3. healthy provider while another stalls"}
    for scenario in ("s1", "s2", "s3"):
        for way in WAYS:
            row = table.get((scenario, way))
            if row:
                lines.append(f"| {names[scenario]} | {way} | {fmt(row['rps'], '', 0)} | {fmt(row['p50'])} | "
                             f"{fmt(row['p90'])} | {fmt(row['p99'])} | {row['non2xx']} |")
        floor = rounds(run, "s1", "floor") if scenario == "s1" else []
        if floor:
            row = {k: summary([x[k] for x in floor]) for k in ("rps", "p50", "p90", "p99")}
            lines.append(f"| 1. GET /readyz: no upstream, no authentication (the floor) | snapgate | "
                         f"{fmt(row['rps'], '', 0)} | {fmt(row['p50'])} | {fmt(row['p90'])} | {fmt(row['p99'])} | "
                         f"{sum(x['non2xx'] for x in floor)} |")
    load_path = os.path.join(run, "s4-load.txt")
    if os.path.exists(load_path):
        load = parse_wrk(load_path)
        lines.append(f"| 4. GET /snapshots/{{id}}, 200 conn. (one round) | snapgate | {load['rps']:.0f} | "
                     f"{load['p50']:.2f} | {load['p90']:.2f} | {load['p99']:.2f} | {load['non2xx']} |")
    if failfast_summary:
        lines.append(f"| 3. stalled provider, breaker open, 2 conn. | snapgate | - | {fmt(failfast_summary['p50'])} | - | "
                     f"{fmt(failfast_summary['p99'])} | (all 503, by design) |")
    results_table = "\n".join(lines)

    def med(scenario, way, key):
        row = table.get((scenario, way))
        return row[key][0] if row and row[key] else None

    checks = []
    s1_gw, s1_ng, s1_direct = med("s1", "snapgate", "rps"), med("s1", "nginx", "rps"), med("s1", "direct", "rps")
    if s1_gw and s1_ng:
        ratio = s1_gw / s1_ng
        checks.append(("1. throughput through SnapGate >= 50% of nginx proxy's", f"{ratio * 100:.0f}%", ratio >= 0.5))
    added50 = (med("s1", "snapgate", "p50") or 0) - (med("s1", "direct", "p50") or 0)
    added99 = (med("s1", "snapgate", "p99") or 0) - (med("s1", "direct", "p99") or 0)
    checks.append(("1. added latency over direct, p50 <= 1 ms", f"{added50:.2f} ms", added50 <= 1.0))
    checks.append(("1. added latency over direct, p99 <= 10 ms", f"{added99:.2f} ms", added99 <= 10.0))
    s2 = med("s2", "snapgate", "p50")
    if s2:
        checks.append(("2. p50 over 3 providers at 200 ms each <= 230 ms", f"{s2:.1f} ms", s2 <= 230))
    s3_99, s1_99 = med("s3", "snapgate", "p99"), med("s1", "snapgate", "p99")
    if s3_99 and s1_99:
        checks.append(("3. healthy provider's p99 within 1.5x scenario 1's", f"{s3_99:.2f} ms vs {s1_99:.2f} ms",
                       s3_99 <= 1.5 * s1_99))
    if failfast_summary and failfast_summary["p99"]:
        ff = failfast_summary["p99"][0]
        checks.append(("3. stalled provider fails fast once the breaker is open (p99 <= 5 ms)", f"{ff:.2f} ms", ff <= 5))
    checks.append(("4. RSS at idle <= 300 MB", f"{meta['rss_idle_mb']:.0f} MB", meta["rss_idle_mb"] <= 300))
    checks.append(("4. RSS at 200 connections <= 300 MB", f"{meta['rss_200_mb']:.0f} MB", meta["rss_200_mb"] <= 300))
    checks.append(("4. start to ready <= 3 s (JVM, from the jar)", f"{meta['ready_ms']:.0f} ms", meta["ready_ms"] <= 3000))
    if meta.get("ready_aot_ms"):
        checks.append(("4. start to ready <= 3 s (extracted, JDK 25 AOT cache, as in the image)",
                       f"{meta['ready_aot_ms']:.0f} ms", meta["ready_aot_ms"] <= 3000))
    target_table = "| target | measured | |\n|---|---|---|\n" + "\n".join(
        f"| {name} | {value} | {verdict(ok)} |" for name, value, ok in checks)

    print(results_table)
    print()
    print(target_table)

    # chart: latency percentiles of scenario 1, per way
    data = os.path.join(run, "s1-latency.dat")
    with open(data, "w") as f:
        f.write("pct direct nginx snapgate\n")
        for pct in ("p50", "p90", "p99"):
            f.write(pct[1:] + "% " + " ".join(f"{(med('s1', w, pct) or 0):.3f}" for w in WAYS) + "\n")
    chart = os.path.join(out, "latency.png")
    script = f"""
set terminal pngcairo size 900,500 font ',11' noenhanced
set output '{chart}'
set title 'GET /snapshots/{{id}}, Baidu-shaped upstream, 64 connections (median of rounds)'
set ylabel 'latency (ms)'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set key top left
set grid ytics
plot '{data}' using 2:xtic(1) title 'direct to stub', '' using 3 title 'nginx proxy', '' using 4 title 'SnapGate'
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)

    machine = meta["machine"]
    calls_path = os.path.join(out, "upstream-calls.md")
    calls = ("## Upstream calls per operation\n\n<!-- upstream-calls -->\n" + open(calls_path).read().strip()
             + "\n<!-- /upstream-calls -->\n") if os.path.exists(calls_path) else ""
    polling_path = os.path.join(out, "polling.md")
    polling = ("## Many clients, one object\n\n<!-- polling -->\n" + open(polling_path).read().strip()
               + "\n<!-- /polling -->\n") if os.path.exists(polling_path) else ""
    findings_path = os.path.join(root, "bench", "findings.md")
    findings = open(findings_path).read() if os.path.exists(findings_path) else ""
    md = f"""# Benchmarks

What SnapGate costs on top of its upstreams, measured side by side with calling the upstream directly and
with the best-known cost of one HTTP hop (nginx as a reverse proxy, one worker, upstream keep-alive), in
the same run, alternating, {meta['rounds']} rounds of {meta['duration']} s each. Figures are the median of
the rounds with min-max in brackets. Reproduce with `bench/run` (see the README).

Machine: {machine}. Authentication on (API key), metrics on, as in production. Gateway JVM options:
`{meta.get('java_opts', '')}`.

## Targets

{target_table}

## Figures

{results_table}

![latency percentiles](bench/results/latency.png)

{calls}
{polling}
## How it is measured

- **Upstream stub**: nginx serving a static Baidu-shaped JSON document on loopback (scenario 1 and the
  healthy provider of scenario 3); WireMock standalone for upstreams with a fixed delay (200 ms in
  scenario 2, a 10 s stall in scenario 3). The stub and the reference proxies are two nginx instances of
  one worker each, so that each one's CPU time is its own.
- **direct**: `wrk` against the stub; **nginx**: `wrk` against nginx proxying to the stub; **snapgate**:
  `wrk` against SnapGate (`GET /snapshots/bench-baidu:s-bench1` with `X-API-Key`), which signs the request
  (BCE v1), calls the stub, maps the answer and serves it. Beside it, `GET /readyz` on the same gateway
  (no upstream call, no authentication, no JSON mapping) gives the floor of the server itself.
- Scenario 3: a short load on a provider whose upstream stalls 10 s (time limit 2 s) opens its breaker.
  Then, while 8 connections keep calling another stalled provider whose breaker stays closed (its calls
  hang until the 2 s time limit), the healthy provider is measured at 64 connections, and the
  refusals of the first one at 2 connections (a closed loop at higher concurrency would measure the
  queue in front of the CPU rather than the refusal).
- Scenario 4: RSS from `ps` at idle after start, and its peak (sampled every second) during a
  200-connection load; start to ready is the time from launching `java` to the first 200 from
  `/readyz`, from the jar and, as the container image starts, from the extracted jar with a JDK 25 AOT
  cache trained the way the Dockerfile trains it.

{meta.get('notes', '')}

{findings}
"""
    open(os.path.join(root, "BENCHMARKS.md"), "w").write(md)
    open(os.path.join(out, "summary.md"), "w").write(results_table + "\n\n" + target_table + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
