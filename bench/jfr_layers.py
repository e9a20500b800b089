#!/usr/bin/env python3
"""Splits a JFR CPU profile of the gateway by layer: each execution sample is charged to the first
frame, from the top of its stack, that belongs to a known library, so the shares add up to 100%.

    jcmd <pid> JFR.start name=p settings=profile filename=/tmp/p.jfr   # while bench load runs
    jcmd <pid> JFR.stop name=p
    jfr print --json --stack-depth 300 --events jdk.ExecutionSample /tmp/p.jfr > /tmp/p.json
    bench/jfr_layers.py /tmp/p.json
"""
import collections
import json
import sys

LAYERS = [
    ("BCE v1 signing", "io/snapgate/provider/baidu/Bce"),
    ("Baidu adapter", "io/snapgate/provider/baidu"),
    ("SnapGate resilience", "io/snapgate/guard"),
    ("SnapGate API", "io/snapgate/api"),
    ("SnapGate application", "io/snapgate/application"),
    ("SnapGate security", "io/snapgate/security"),
    ("Resilience4j", "io/github/resilience4j"),
    ("Jackson", "tools/jackson"),
    ("Reactor Netty", "reactor/netty"),
    ("Netty", "io/netty"),
    ("Reactor core", "reactor/core"),
    ("WebClient", "org/springframework/web/reactive"),
    ("Spring Security", "org/springframework/security"),
    ("Micrometer Observation", "io/micrometer/observation"),
    ("Micrometer metrics", "io/micrometer/core"),
    ("Micrometer tracing / OpenTelemetry", "io/micrometer/tracing"),
    ("Micrometer tracing / OpenTelemetry", "io/opentelemetry"),
    ("Spring MVC", "org/springframework/web/servlet"),
    ("Spring web", "org/springframework/web"),
    ("Tomcat", "org/apache/"),
    ("Logback", "ch/qos/logback"),
]


def layer(frames):
    for frame in frames:
        name = frame["method"]["type"]["name"]
        for label, prefix in LAYERS:
            if name.startswith(prefix):
                return label
    return "JDK and other"


def main(path):
    events = json.load(open(path))["recording"]["events"]
    counts = collections.Counter(layer(e["values"]["stackTrace"]["frames"]) for e in events)
    total = sum(counts.values())
    print(f"{total} samples")
    for label, count in counts.most_common():
        print(f"{count * 100 / total:5.1f}%  {label}")


if __name__ == "__main__":
    main(sys.argv[1])
