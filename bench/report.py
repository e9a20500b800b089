#!/usr/bin/env python3
"""Reads the raw figures a bench/run left in its work folder, prints the tables, draws the latency chart
with gnuplot and writes docs/benchmarks.md. Medians of the rounds, with min-max beside them."""
import json
import os
import re
import statistics
import subprocess
import sys

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}
WAYS = ["direct", "nginx", "snapgate"]
# scenario 1 also runs through the three references: the peer, the fair peer and the floor
S1_WAYS = ["direct", "nginx", "peer", "fairpeer", "snapgate", "floor"]
LABELS = {"direct": "direct to the stub", "nginx": "nginx proxy", "peer": "Spring Cloud Gateway (peer)",
          "fairpeer": "Spring Cloud Gateway, API key + metrics (fair peer)", "snapgate": "SnapGate",
          "floor": "floor app"}
# scenario 4's rounds, by way: one each, at 200 connections
S4_WAYS = {"fairpeer": "s4-fairpeer", "snapgate": "s4-load"}
FIGURES = ("rps", "p50", "p90", "p99", "cpu_us", "rss_peak_mb")


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


def parse_proc(path, requests):
    """The CPU time of the way's own processes over the round, per request wrk counted, and their peak RSS."""
    if not os.path.exists(path):
        return {"cpu_us": None, "rss_peak_mb": None}
    values = dict(kv.split("=") for kv in open(path).read().split())
    ticks, hz, peak = int(values["cpu_ticks"]), int(values["clk_tck"]), int(values["rss_peak_kb"])
    return {"cpu_us": ticks / hz * 1e6 / requests if requests else None, "rss_peak_mb": peak / 1024}


def parse_round(run, name):
    figures = parse_wrk(os.path.join(run, name + ".txt"))
    figures.update(parse_proc(os.path.join(run, name + ".proc"), figures["requests"]))
    return figures


def rounds(run, scenario, way):
    names = sorted(f[:-4] for f in os.listdir(run) if f.startswith(f"{scenario}-{way}-") and f.endswith(".txt"))
    return [parse_round(run, n) for n in names]


def summary(values):
    values = [v for v in values if v is not None]
    if not values:
        return None
    return statistics.median(values), min(values), max(values)


def summarize(r):
    row = {k: summary([x[k] for x in r]) for k in FIGURES}
    row["non2xx"] = sum(x["non2xx"] for x in r)
    row["errors"] = sum(x["errors"] for x in r)
    return row


def fmt(s, unit="", digits=2):
    if s is None:
        return "n/a"
    med, lo, hi = s
    return f"{med:.{digits}f}{unit} ({lo:.{digits}f}-{hi:.{digits}f})"


def num(value, digits=0, suffix=""):
    return "-" if value is None else f"{value:.{digits}f}{suffix}"


def ratio(value, reference, percent=False):
    if value is None or not reference:
        return "-"
    return f"{value / reference * 100:.0f}%" if percent else f"{value / reference:.2f}×"


def verdict(ok):
    return "met" if ok else "**missed**"


def read_starts(run):
    """Milliseconds from launch to the first 200 of each start, by what was started."""
    path = os.path.join(run, "starts.txt")
    if not os.path.exists(path):
        return {}
    return {line.split()[0]: [int(v) for v in line.split()[1:]] for line in open(path) if line.strip()}


def read_rss_idle(run):
    path = os.path.join(run, "rss-idle.txt")
    if not os.path.exists(path):
        return {}
    return {way: int(kb) / 1024 for way, kb in (line.split() for line in open(path) if line.strip())}


def main(run, out, root):
    meta = json.load(open(os.path.join(run, "meta.json")))
    starts = read_starts(run)
    ready = {name: statistics.median(ms) for name, ms in starts.items() if ms}
    rss_idle = read_rss_idle(run)
    table = {}
    for scenario, ways in (("s1", S1_WAYS + ["readyz"]), ("s2", WAYS), ("s3", WAYS + ["stalled"])):
        for way in ways:
            r = rounds(run, scenario, way)
            if r:
                table[(scenario, way)] = summarize(r)

    def med(scenario, way, key):
        row = table.get((scenario, way))
        return row[key][0] if row and row[key] else None

    def highest(scenario, way, key):
        row = table.get((scenario, way))
        return row[key][2] if row and row[key] else None

    lines = []
    lines.append("| scenario | way | req/s | p50 ms | p90 ms | p99 ms | CPU µs/req | non-2xx |")
    lines.append("|---|---|---|---|---|---|---|---|")
    names = {"s1": "1. GET /snapshots/{id} (Baidu-shaped), 64 conn.", "s2": "2. GET /snapshots over 3 providers at 200 ms",
             "s3": "3. healthy provider while another stalls"}

    def figures_row(name, way, row):
        return (f"| {name} | {way} | {fmt(row['rps'], '', 0)} | {fmt(row['p50'])} | {fmt(row['p90'])} | "
                f"{fmt(row['p99'])} | {fmt(row['cpu_us'], '', 0)} | {row['non2xx']} |")

    for scenario in ("s1", "s2", "s3"):
        for way in S1_WAYS if scenario == "s1" else WAYS:
            if (scenario, way) in table:
                lines.append(figures_row(names[scenario], way, table[(scenario, way)]))
        if scenario == "s1" and ("s1", "readyz") in table:
            lines.append(figures_row("1. GET /readyz: no upstream, no authentication (SnapGate's own floor)",
                                     "snapgate", table[("s1", "readyz")]))
    s4 = {way: parse_round(run, name) for way, name in S4_WAYS.items()
          if os.path.exists(os.path.join(run, name + ".txt"))}
    for way, load in s4.items():
        lines.append(f"| 4. GET /snapshots/{{id}}, 200 conn. (one round) | {way} | {load['rps']:.0f} | "
                     f"{num(load['p50'], 2)} | {num(load['p90'], 2)} | {num(load['p99'], 2)} | {num(load['cpu_us'])} | "
                     f"{load['non2xx']} |")
    failfast = table.get(("s3", "stalled"))
    if failfast:
        lines.append(f"| 3. stalled provider, breaker open, 2 conn. | snapgate | - | {fmt(failfast['p50'])} | - | "
                     f"{fmt(failfast['p99'])} | {fmt(failfast['cpu_us'], '', 0)} | (all 503, by design) |")
    results_table = "\n".join(lines)

    # scenario 1, every way side by side, with its ratios to the peer, the fair peer and the floor
    s1_ways = [w for w in S1_WAYS if ("s1", w) in table]
    peer_rps, fair_rps, floor_rps = med("s1", "peer", "rps"), med("s1", "fairpeer", "rps"), med("s1", "floor", "rps")
    peer_cpu, fair_cpu = med("s1", "peer", "cpu_us"), med("s1", "fairpeer", "cpu_us")
    floor_cpu = med("s1", "floor", "cpu_us")
    rss_200 = {way: load["rss_peak_mb"] for way, load in s4.items()}
    lines = ["| way | req/s | % of peer | % of fair peer | % of floor | p50 ms | p99 ms |",
             "|---|---|---|---|---|---|---|"]
    for way in s1_ways:
        rps = med("s1", way, "rps")
        lines.append(f"| {LABELS[way]} | {num(rps)} | {ratio(rps, peer_rps, True)} | {ratio(rps, fair_rps, True)} | "
                     f"{ratio(rps, floor_rps, True)} | {num(med('s1', way, 'p50'), 2)} | {num(med('s1', way, 'p99'), 2)} |")
    side_by_side = "\n".join(lines)
    lines = ["| way | CPU µs/req | × peer | × fair peer | × floor | RSS idle MB | RSS peak MB | RSS 200 conn. MB "
             "| start to ready ms | × peer | × fair peer | × floor |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for way in s1_ways:
        cpu = med("s1", way, "cpu_us")
        start = ready.get(way)
        lines.append(f"| {LABELS[way]} | {num(cpu)} | {ratio(cpu, peer_cpu)} | {ratio(cpu, fair_cpu)} | "
                     f"{ratio(cpu, floor_cpu)} | {num(rss_idle.get(way))} | {num(highest('s1', way, 'rss_peak_mb'))} | "
                     f"{num(rss_200.get(way))} | {num(start)} | {ratio(start, ready.get('peer'))} | "
                     f"{ratio(start, ready.get('fairpeer'))} | {ratio(start, ready.get('floor'))} |")
    costs = "\n".join(lines)
    if not s1_ways:
        side_by_side = costs = "(scenario 1 was not run: `BENCH_SCENARIOS`)"

    # the targets, each one measured or "-" when its scenario was not run; then the other checks, when measured
    targets = []

    def target(name, value, ok):
        targets.append((name, value if ok is not None else "-", "-" if ok is None else verdict(ok)))

    s1_gw, s1_cpu = med("s1", "snapgate", "rps"), med("s1", "snapgate", "cpu_us")
    if s1_gw and fair_rps:
        target("`GET /snapshots/{id}` throughput, 64 connections: ≥ 75% of the fair peer's",
               f"{s1_gw:.0f} vs {fair_rps:.0f} req/s ({s1_gw / fair_rps * 100:.0f}%)", s1_gw / fair_rps >= 0.75)
    else:
        target("`GET /snapshots/{id}` throughput, 64 connections: ≥ 75% of the fair peer's", None, None)
    if s1_cpu and fair_cpu:
        target("CPU per request: ≤ 1.5× the fair peer's",
               f"{s1_cpu:.0f} µs vs {fair_cpu:.0f} µs ({s1_cpu / fair_cpu:.2f}×)", s1_cpu / fair_cpu <= 1.5)
    else:
        target("CPU per request: ≤ 1.5× the fair peer's", None, None)
    failfast_cpu = failfast["cpu_us"][0] if failfast and failfast["cpu_us"] else None
    failfast_99 = failfast["p99"][0] if failfast and failfast["p99"] else None
    if failfast_cpu is not None and failfast_99 is not None:
        target("refusal by an open breaker (scenario 3, stalled): ≤ 100 µs CPU, p99 ≤ 5 ms",
               f"{failfast_cpu:.0f} µs, p99 {failfast_99:.2f} ms", failfast_cpu <= 100 and failfast_99 <= 5)
    else:
        target("refusal by an open breaker (scenario 3, stalled): ≤ 100 µs CPU, p99 ≤ 5 ms", None, None)
    if "snapgate" in ready and ready.get("floor"):
        r = ready["snapgate"] / ready["floor"]
        target("start to ready from the jar: ≤ 1.5× the floor app's",
               f"{ready['snapgate']:.0f} ms vs {ready['floor']:.0f} ms ({r:.2f}×)", r <= 1.5)
    else:
        target("start to ready from the jar: ≤ 1.5× the floor app's", None, None)
    if "snapgate-aot" in ready and ready.get("floor"):
        r = ready["snapgate-aot"] / ready["floor"]
        target("start to ready the image's way (extracted, AOT cache): ≤ 1.0× the floor app's from the jar",
               f"{ready['snapgate-aot']:.0f} ms vs {ready['floor']:.0f} ms ({r:.2f}×)", r <= 1.0)
    else:
        target("start to ready the image's way (extracted, AOT cache): ≤ 1.0× the floor app's from the jar",
               None, None)
    # SnapGate's peak from its round, as in the table of costs (meta.json holds it in whole MB)
    snapgate_200 = rss_200.get("snapgate", meta.get("rss_200_mb"))
    if snapgate_200 is not None:
        reference = f" (fair peer {rss_200['fairpeer']:.0f} MB)" if rss_200.get("fairpeer") is not None else ""
        target("RSS at 200 connections, chart's options: ≤ 300 MB", f"{snapgate_200:.0f} MB{reference}",
               snapgate_200 <= 300)
    else:
        target("RSS at 200 connections, chart's options: ≤ 300 MB", None, None)

    s1_ng = med("s1", "nginx", "rps")
    if s1_gw and s1_ng:
        r = s1_gw / s1_ng
        target("1. throughput through SnapGate >= 50% of nginx proxy's", f"{r * 100:.0f}%", r >= 0.5)
    if ("s1", "snapgate") in table and ("s1", "direct") in table:
        added50 = med("s1", "snapgate", "p50") - med("s1", "direct", "p50")
        added99 = med("s1", "snapgate", "p99") - med("s1", "direct", "p99")
        target("1. added latency over direct, p50 <= 1 ms", f"{added50:.2f} ms", added50 <= 1.0)
        target("1. added latency over direct, p99 <= 10 ms", f"{added99:.2f} ms", added99 <= 10.0)
    s2 = med("s2", "snapgate", "p50")
    if s2:
        target("2. p50 over 3 providers at 200 ms each <= 230 ms", f"{s2:.1f} ms", s2 <= 230)
    s3_99, s1_99 = med("s3", "snapgate", "p99"), med("s1", "snapgate", "p99")
    if s3_99 and s1_99:
        target("3. healthy provider's p99 within 1.5x scenario 1's", f"{s3_99:.2f} ms vs {s1_99:.2f} ms",
               s3_99 <= 1.5 * s1_99)
    if "snapgate" in rss_idle:
        target("4. RSS at idle <= 300 MB", f"{rss_idle['snapgate']:.0f} MB", rss_idle["snapgate"] <= 300)
    target_table = "| target | measured | |\n|---|---|---|\n" + "\n".join(
        f"| {name} | {value} | {result} |" for name, value, result in targets)

    print(results_table)
    print()
    print(side_by_side)
    print()
    print(costs)
    print()
    print(target_table)

    # chart: latency percentiles of scenario 1, per way
    data = os.path.join(run, "s1-latency.dat")
    with open(data, "w") as f:
        f.write("# pct " + " ".join(S1_WAYS) + "\n")
        for pct in ("p50", "p90", "p99"):
            f.write(pct[1:] + "% " + " ".join(f"{(med('s1', w, pct) or 0):.3f}" for w in S1_WAYS) + "\n")
    chart = os.path.join(out, "latency.png")
    plots = ", ".join(f"'{data if i == 0 else ''}' using {i + 2}{':xtic(1)' if i == 0 else ''} title '{LABELS[w]}'"
                      for i, w in enumerate(S1_WAYS))
    script = f"""
set terminal pngcairo size 1000,500 font ',11' noenhanced
set output '{chart}'
set title 'GET /snapshots/{{id}}, Baidu-shaped upstream, 64 connections (median of rounds)'
set ylabel 'latency (ms)'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set key top left
set grid ytics
set xrange [-0.6:2.6]
plot {plots}
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)

    machine = meta["machine"]
    calls_path = os.path.join(out, "upstream-calls.md")
    calls = ("## Upstream calls per operation\n\n<!-- upstream-calls -->\n" + open(calls_path).read().strip()
             + "\n<!-- /upstream-calls -->\n") if os.path.exists(calls_path) else ""
    polling_path = os.path.join(out, "polling.md")
    polling = ("## Many clients, one object\n\n<!-- polling -->\n" + open(polling_path).read().strip()
               + "\n<!-- /polling -->\n") if os.path.exists(polling_path) else ""
    scale_out_path = os.path.join(out, "scale-out.md")
    scale_out = ("## Several replicas, with and without Redis\n\n<!-- scale-out -->\n"
                 + open(scale_out_path).read().strip() + "\n<!-- /scale-out -->\n") if os.path.exists(scale_out_path) else ""
    findings_path = os.path.join(root, "bench", "findings.md")
    findings = open(findings_path).read() if os.path.exists(findings_path) else ""
    start_names = {"snapgate": "SnapGate from the jar", "snapgate-aot": "SnapGate extracted with the AOT cache",
                   "peer": "the peer", "fairpeer": "the fair peer", "floor": "the floor app"}
    notes = ("Start to ready of each start, in ms (the medians are the figures above): "
             + "; ".join(f"{start_names.get(n, n)} {' '.join(map(str, ms))}" for n, ms in starts.items()) + ".")
    md = f"""# Benchmarks

What SnapGate costs on top of its upstreams, measured side by side with calling the upstream directly and
with the best-known cost of one HTTP hop (nginx as a reverse proxy, one worker, upstream keep-alive), in
the same run, alternating, {meta['rounds']} rounds of {meta['duration']} s each. Scenario 1 also runs
through three references on the same Spring Boot and JDK: the peer, Spring Cloud Gateway (Server Web MVC)
passing the same request through to the same stub; the fair peer, the same gateway with what SnapGate
has on every request besides its own work, an API key checked by Spring Security and Prometheus metrics;
and the floor, a Spring Boot web app that answers the stub's document from memory. Figures are the
median of the rounds with min-max in brackets. Reproduce them with `bench/run` (see
[Running it](#running-it)).

Machine: {machine}. Authentication on (API key), metrics on, as in production. JVM options of the
gateway and the references: `{meta.get('java_opts', '')}`.

## Targets

{target_table}

## Scenario 1, every way side by side

{side_by_side}

What each way costs: CPU time of its own processes per request, resident memory at idle, at its peak
under the 64-connection load and at its peak under 200 connections (scenario 4), and start to ready.

{costs}

## Figures

{results_table}

![latency percentiles](../bench/results/latency.png)

{calls}
{polling}
{scale_out}
## Running it

<!-- not run: it takes about half an hour, and installs wrk, nginx and gnuplot -->
```bash
bench/run                      # about 30 minutes: 3 rounds of 30 s per scenario and way
BENCH_DURATION=10 bench/run    # shorter rounds
BENCH_JAVA_OPTS="-XX:+UseSerialGC -Xmx128m" bench/run   # other JVM options than the chart's
```

`bench/run` builds the jar if needed, installs `wrk`, `nginx` and `gnuplot` from Debian when missing,
and starts on loopback a static Baidu-shaped stub and the reference proxy (two nginx instances of one
worker each) and a delayed stub (WireMock standalone). It starts the gateway against them with
authentication and metrics on, and measures every scenario three ways, alternating: direct to the stub,
through nginx as a reverse proxy, and through SnapGate.

- Scenario 1 also runs through three references that the script builds from Maven Central
  (`bench/peer`, `bench/fair-peer`, `bench/floor`) on the same Spring Boot, JDK and JVM options: the
  **peer**, Spring Cloud Gateway (Server Web MVC) with one pass-through route to the stub; the **fair
  peer**, the same gateway and route behind an API key checked by Spring Security, with Micrometer's
  Prometheus metrics, as SnapGate has them; and the **floor**, a bare Spring Boot app that answers the
  stub's document from memory. Scenario 4 measures the fair peer at 200 connections too.
- Each request asks for an id of its own (`bench/distinct-ids.lua`), so that SnapGate's shared and kept
  reads do not stand in for the upstream call.
- For every way it reports throughput, latency, CPU time per request (from `/proc`, the way's own
  processes only), RSS at idle and under load, and start to ready (SnapGate also as the image starts:
  the extracted jar with a trained AOT cache), with the ratios to the peer, the fair peer and the floor.
- The gateway and the references run with the chart's `javaToolOptions`, in a JVM that sees the
  chart's memory limit as its memory (`-XX:MaxRAM`), unless `BENCH_JAVA_OPTS` says otherwise.
- `BENCH_SCENARIOS="1 4"` runs only some scenarios (`1 2 3 4 calls polling`), and `BENCH_WARMUP`,
  `BENCH_ROUNDS` and `BENCH_DURATION` shorten a run.
- It prints the tables, then every way of scenario 1 with its ratios and the targets, met or missed,
  and writes this page (`docs/benchmarks.md`, from `bench/report.py` and `bench/findings.md`) and
  `bench/results/latency.png`.

Three parts run on their own too, against the sandbox (they need `curl` and `jq`), and write their
tables between their markers on this page:

<!-- not run: each starts a sandbox of its own and measures it for a minute -->
```bash
bench/calls      # upstream requests per public operation and provider, beside bench/upstream-calls-before.tsv
bench/polling    # upstream requests per second: 50 clients polling one restore, 20 callers waiting on one create
bench/scale-out  # three replicas without Redis and with it: pollers, a budget under a burst, a read's cost
```

`bench/scale-out` takes about six minutes and needs a Docker engine with the Redis image
(`../shared/tools/container-env.sh --redis --no-image` builds it offline).

Three more measure one thing each and print their figures (the findings below quote them):

<!-- not run: each takes minutes and needs the jar built -->
```bash
bench/starts                                  # the four ways of starting against the floor app
bench/attempt-timeout                         # what an attempt's time limit costs, three ways
bench/compare-jars before.jar after.jar       # two builds side by side against the same stub
```

## How it is measured

- **Upstream stub**: nginx serving a static Baidu-shaped JSON document on loopback (scenario 1 and the
  healthy provider of scenario 3); WireMock standalone for upstreams with a fixed delay (200 ms in
  scenario 2, a 10 s stall in scenario 3). The stub and the reference proxies are two nginx instances of
  one worker each, so that each one's CPU time is its own.
- **direct**: `wrk` against the stub; **nginx**: `wrk` against nginx proxying to the stub; **snapgate**:
  `wrk` against SnapGate (`GET /snapshots/bench-baidu:s-bench1` with `X-API-Key`), which signs the request
  (BCE v1), calls the stub, maps the answer and serves it. Beside it, `GET /readyz` on the same gateway
  (no upstream call, no authentication, no JSON mapping) gives the floor of the server itself.
- **An id per request** (scenarios 1, 3 and 4, every way): `wrk` asks for another id each time
  (`bench/distinct-ids.lua`: `s-bench1t1n1`, `s-bench1t1n2`, ...) and the stub answers any id with the
  same document. SnapGate shares identical reads under way and keeps answers for a while
  (`read-cache-ttl`, 2 s by default, kept here): requests for one id would measure that rather than the
  upstream call. Scenario 2's providers keep no answer (`read-cache-ttl: 0s`); identical lists under
  way at once are still shared.
- **peer** (scenario 1): Spring Cloud Gateway, Server Web MVC (`bench/peer`, Spring Cloud 2025.1.4), with
  one route that passes `GET /v2/snapshot/{{id}}` through to the same stub, as the nginx proxy does, on its
  defaults (a `RestClient` on the JDK's HttpClient, no authentication, no metrics). **fair peer**
  (scenarios 1 and 4): the peer's gateway and route (`bench/fair-peer`) with what SnapGate has on every
  request besides its own work, set up as SnapGate sets it up: Spring Security, where a filter in a
  stateless `SecurityFilterChain`, before the anonymous one, hashes `X-API-Key` (SHA-256, compared in
  constant time with the one `bench/run` passes), a request without a valid key is a 401, and the route
  and the actuator each need a scope of the key, with no observation per security filter; the actuator
  and Micrometer's Prometheus registry, `/actuator/prometheus` exposed, `http.server.requests` timed with
  its percentile histogram as SnapGate's is, and the route's `http.client.requests`. The key is not
  passed upstream. It has no tracing (SnapGate samples a tenth of its requests) and none of SnapGate's
  own work: no signing, no mapping of the answer, no breaker, bulkhead or time limit, no ETag, no read
  cache. Its requests carry the key, an id each. **floor** (scenario 1): a Spring Boot web app
  (`bench/floor`, `spring-boot-starter-webmvc` alone) whose one `@GetMapping` answers the stub's
  document, read from the stub's file at start, as bytes: no upstream call. The three are built by
  `bench/run` from Maven Central, run with the gateway's JVM options and SnapGate's server settings
  (virtual threads, Tomcat), and are warmed up like the gateway.
- **CPU per request**: utime + stime from `/proc/<pid>/stat` of the way's own processes, read before and
  after each round, divided by the requests `wrk` counted in it: for direct the stub's nginx (master and
  worker), for nginx the proxy's nginx only, for SnapGate and the references their JVM. What the stub
  spends behind a proxy or a gateway is not counted in the proxy's or the gateway's figure, nor is `wrk`.
- **RSS**: of the same processes (summed for nginx's master and worker), at idle 2 s after ready, and
  its peak, sampled every 0.2 s, over the scenario-1 rounds.
- Scenario 3: a short load on a provider whose upstream stalls 10 s (time limit 2 s) opens its breaker.
  Then, while 8 connections keep calling another stalled provider whose breaker stays closed (its calls
  hang until the 2 s time limit), the healthy provider is measured at 64 connections, and the
  refusals of the first one at 2 connections (a closed loop at higher concurrency would measure the
  queue in front of the CPU rather than the refusal).
- Scenario 4: RSS at idle after start, and its peak (sampled every 0.2 s) during a 200-connection load,
  one round: the fair peer's first, as the reference for SnapGate's, then SnapGate's once the fair peer
  is stopped. Start to ready is the time from launching `java` to the first 200 from `/readyz`, from
  the jar and, as the container image starts, from the extracted jar with a JDK 25 AOT cache trained
  the way the Dockerfile trains it; for the peer, the fair peer (asked with the key) and the floor, to
  the first 200 of scenario 1's request, from their jars. Each start is timed with no other of the four
  running.

{notes}

{findings}
"""
    open(os.path.join(root, "docs", "benchmarks.md"), "w").write(md)
    open(os.path.join(out, "summary.md"), "w").write(
        results_table + "\n\n" + side_by_side + "\n\n" + costs + "\n\n" + target_table + "\n")

    # on the console, at the end of the run: every way of scenario 1 with its ratios, and the targets
    log = sys.stderr
    if s1_ways:
        print("Scenario 1 (medians):", file=log)
        for way in s1_ways:
            rps, cpu = med("s1", way, "rps"), med("s1", way, "cpu_us")
            print(f"  {LABELS[way]}: {num(rps)} req/s ({ratio(rps, fair_rps, True)} of the fair peer, "
                  f"{ratio(rps, peer_rps, True)} of the peer), p99 {num(med('s1', way, 'p99'), 2)} ms, "
                  f"{num(cpu)} µs CPU a request ({ratio(cpu, fair_cpu)} the fair peer's, "
                  f"{ratio(cpu, floor_cpu)} the floor's)", file=log)
    for way, load in s4.items():
        print(f"Scenario 4, {LABELS[way]}: RSS peak {num(load['rss_peak_mb'])} MB at 200 connections", file=log)
    print("Targets:", file=log)
    for name, value, result in targets:
        measured = "not measured" if result == "-" else f"{value}, {result.strip('*')}"
        print(f"  {name.replace('`', '')}: {measured}", file=log)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
