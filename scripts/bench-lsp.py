#!/usr/bin/env python3
"""Measures `cjm lsp` on a generated journey: how long each answer takes and whether memory
stays flat over many edits. Drives the real binary over stdio, as an editor would.

    scripts/bench-lsp.py .build/release/cjm [--megabytes 0.3] [--edits 2000]

Prints the median and 95th percentile of each request and of diagnostics after an edit, and
the server's resident memory (VmRSS) as the edits go on."""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

parser = argparse.ArgumentParser()
parser.add_argument("cjm")
parser.add_argument("--megabytes", type=float, default=0.3)
parser.add_argument("--edits", type=int, default=2000)
args = parser.parse_args()

here = os.path.dirname(os.path.abspath(__file__))
text = subprocess.run([sys.executable, os.path.join(here, "generate-journey.py"), "--megabytes", str(args.megabytes), "--seed", "1"],
                      check=True, capture_output=True, text=True).stdout
lines = text.split("\n")
server = subprocess.Popen([args.cjm, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
next_id = 0


def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()


def receive():
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        byte = server.stdout.read(1)
        if not byte:
            sys.exit("the server ended")
        header += byte
    length = int(header.split(b":")[1])
    return json.loads(server.stdout.read(length))


def request(method, params):
    global next_id
    next_id += 1
    send({"jsonrpc": "2.0", "id": next_id, "method": method, "params": params})
    while True:
        message = receive()
        if message.get("id") == next_id:
            return message


def wait_for_diagnostics():
    while True:
        message = receive()
        if message.get("method") == "textDocument/publishDiagnostics":
            return message["params"]["diagnostics"]


def rss_kib():
    with open("/proc/%d/status" % server.pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])


uri = "file:///tmp/cjm-bench-lsp/journey.cjm"
request("initialize", {"capabilities": {}})
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
start = time.perf_counter()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "cjm", "version": 1, "text": text}}})
opened = wait_for_diagnostics()
open_ms = (time.perf_counter() - start) * 1000
assert opened == [], opened[:3]

# Positions to ask about: a label's first character on lines that hold one, and a reference.
label_lines = [n for n, line in enumerate(lines) if line.strip().startswith("stage ") and '"' in line]
reference_lines = [n for n, line in enumerate(lines) if "landing:" in line or "channel:" in line]
timings = {"diagnostics after an edit": [], "completion": [], "hover": [], "definition": [], "references": [], "documentSymbol": []}
memory = [(0, rss_kib())]
for edit in range(1, args.edits + 1):
    line = label_lines[edit % len(label_lines)]
    column = len(lines[line].encode("utf-16-le")[: lines[line].index('"') * 2].decode("utf-16-le")) + 1
    insert = edit % 2 == 1  # type a letter into a label, then delete it again
    change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column if insert else column + 1}},
              "text": "ж" if insert else ""}
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": edit + 1}, "contentChanges": [change]}})
    wait_for_diagnostics()
    timings["diagnostics after an edit"].append((time.perf_counter() - start) * 1000)
    if edit % 10 == 0:
        target = reference_lines[edit % len(reference_lines)]
        key = "landing:" if "landing:" in lines[target] else "channel:"
        position = {"line": target, "character": lines[target].index(key) + len(key) + 2}
        for method, extra in [("completion", {"position": {"line": target, "character": lines[target].index(key) + len(key) + 1}}),
                              ("hover", {"position": position}), ("definition", {"position": position}),
                              ("references", {"position": position, "context": {"includeDeclaration": True}}),
                              ("documentSymbol", {})]:
            start = time.perf_counter()
            answer = request("textDocument/" + method, dict({"textDocument": {"uri": uri}}, **extra))
            timings[method].append((time.perf_counter() - start) * 1000)
            assert "error" not in answer, answer
    if edit in (100, 250, 500, 1000, 1500, 2000, 5000, 10000) or edit == args.edits:
        memory.append((edit, rss_kib()))

request("shutdown", None)
send({"jsonrpc": "2.0", "method": "exit"})
status = server.wait()

print("journey: %d bytes, %d lines; open + first diagnostics: %.1f ms" % (len(text.encode()), len(lines), open_ms))
print("| answer | median | p95 | max | samples |")
print("| --- | --- | --- | --- | --- |")
for name, values in timings.items():
    values = sorted(values)
    print("| %s | %.1f ms | %.1f ms | %.1f ms | %d |" % (name, statistics.median(values), values[int(len(values) * 0.95) - 1], values[-1], len(values)))
print("| edits so far | " + " | ".join(str(n) for n, _ in memory) + " |")
print("| --- | " + " | ".join("---" for _ in memory) + " |")
print("| VmRSS | " + " | ".join("%.1f MiB" % (kib / 1024) for _, kib in memory) + " |")
print("exit status:", status)
