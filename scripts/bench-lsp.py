#!/usr/bin/env python3
"""Measures `cjm lsp` on a generated journey: how much time each kind of answer costs and
whether memory stays flat over many edits. Drives the real binary over stdio, as an editor would.

    scripts/bench-lsp.py .build/release/cjm [--megabytes 0.3] [--edits 2000] [--every 10]

The figure that counts is the server's CPU time per answer: the process's CPU clock
(`clock_gettime` of the server's pid clock: every thread, nanosecond resolution) read before a
message is sent and after its answer has arrived. On a shared machine that is what the server
spent, whatever else the cores were doing; wall times (also printed) include waiting for a core.

Every `--every`-th edit also asks every request kind that reads a document (completion of an
id, of a keyword and of an `include` path, hover, definition, references, prepareRename, rename,
documentSymbol, formatting, codeLens). Prints the median and the 95th percentile of each, and
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
parser.add_argument("--every", type=int, default=10)
args = parser.parse_args()

here = os.path.dirname(os.path.abspath(__file__))
text = subprocess.run([sys.executable, os.path.join(here, "generate-journey.py"), "--megabytes", str(args.megabytes), "--seed", "1"],
                      check=True, capture_output=True, text=True).stdout
lines = text.split("\n")
server = subprocess.Popen([args.cjm, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
# Linux's CPU clock of another process: CPUCLOCK_SCHED (2) of pid, encoded as the kernel's
# clockid_t for a process (not a thread): ((~pid) << 3) | 2.
server_clock = ((~server.pid) << 3) | 2
next_id = 0


def cpu_ms():
    return time.clock_gettime(server_clock) * 1000


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


def utf16(line, index):
    """The UTF-16 column of character `index` of `line`."""
    return len(line[:index].encode("utf-16-le")) // 2


folder = "/tmp/cjm-bench-lsp"
os.makedirs(folder, exist_ok=True)
uri = "file://" + folder + "/journey.cjm"
request("initialize", {"capabilities": {}})
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
start, start_cpu = time.perf_counter(), cpu_ms()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "cjm", "version": 1, "text": text}}})
opened = wait_for_diagnostics()
open_ms, open_cpu = (time.perf_counter() - start) * 1000, cpu_ms() - start_cpu
assert [d for d in opened if d["severity"] == 1] == [], opened[:3]

# Positions to ask about: a label's first character on lines that hold one, and a reference.
label_lines = [n for n, line in enumerate(lines) if line.strip().startswith("stage ") and '"' in line]
reference_lines = [n for n, line in enumerate(lines) if "landing:" in line or "channel:" in line]
# The line after the journey's title: where a statement starts (keyword completion), and
# where `include "` is typed and taken back again (path completion).
statement_line = 2
kinds = ["diagnostics after an edit", "completion (id)", "completion (keyword)", "completion (include path)", "hover",
         "definition", "references", "prepareRename", "rename", "documentSymbol", "formatting", "codeLens"]
wall = {kind: [] for kind in kinds}
cpu = {kind: [] for kind in kinds}
sizes = {kind: 0 for kind in kinds}
memory = [(0, rss_kib())]


def timed(kind, method, extra):
    start, start_cpu = time.perf_counter(), cpu_ms()
    answer = request("textDocument/" + method, dict({"textDocument": {"uri": uri}}, **extra))
    if answer.get("error", {}).get("code") == -32601:
        return None  # a build without this method
    cpu[kind].append(cpu_ms() - start_cpu)
    wall[kind].append((time.perf_counter() - start) * 1000)
    assert "error" not in answer, answer
    sizes[kind] = max(sizes[kind], len(json.dumps(answer["result"])))
    return answer["result"]


version = 1
for edit in range(1, args.edits + 1):
    line = label_lines[edit % len(label_lines)]
    column = utf16(lines[line], lines[line].index('"') + 1)
    insert = edit % 2 == 1  # type a letter into a label, then delete it again
    change = {"range": {"start": {"line": line, "character": column}, "end": {"line": line, "character": column if insert else column + 1}},
              "text": "ж" if insert else ""}
    version += 1
    start, start_cpu = time.perf_counter(), cpu_ms()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
    wait_for_diagnostics()
    cpu["diagnostics after an edit"].append(cpu_ms() - start_cpu)
    wall["diagnostics after an edit"].append((time.perf_counter() - start) * 1000)
    if edit % args.every == 0 and not insert:
        target = reference_lines[edit % len(reference_lines)]
        key = "landing:" if "landing:" in lines[target] else "channel:"
        value = lines[target].index(key) + len(key) + 1
        position = {"line": target, "character": utf16(lines[target], value + 1)}
        timed("completion (id)", "completion", {"position": {"line": target, "character": utf16(lines[target], value)}})
        timed("completion (keyword)", "completion", {"position": {"line": statement_line, "character": 2}})
        timed("hover", "hover", {"position": position})
        timed("definition", "definition", {"position": position})
        timed("references", "references", {"position": position, "context": {"includeDeclaration": True}})
        timed("prepareRename", "prepareRename", {"position": position})
        timed("rename", "rename", {"position": position, "newName": "переименовано"})
        timed("documentSymbol", "documentSymbol", {})
        timed("formatting", "formatting", {"options": {"tabSize": 2, "insertSpaces": True}})
        timed("codeLens", "codeLens", {})
        # `include "|` typed on a new line, asked, then taken back: two more versions.
        version += 1
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version},
                         "contentChanges": [{"range": {"start": {"line": statement_line, "character": 0}, "end": {"line": statement_line, "character": 0}},
                                             "text": '  include "\n'}]}})
        wait_for_diagnostics()
        timed("completion (include path)", "completion", {"position": {"line": statement_line, "character": 11}})
        version += 1
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version},
                         "contentChanges": [{"range": {"start": {"line": statement_line, "character": 0}, "end": {"line": statement_line + 1, "character": 0}},
                                             "text": ""}]}})
        wait_for_diagnostics()
    if edit in (100, 250, 500, 1000, 1500, 2000, 5000, 10000) or edit == args.edits:
        memory.append((edit, rss_kib()))

request("shutdown", None)
send({"jsonrpc": "2.0", "method": "exit"})
status = server.wait()


def p95(values):
    values = sorted(values)
    return values[max(0, int(len(values) * 0.95 + 0.5) - 1)]


print("journey: %d bytes, %d lines; open + first diagnostics: %.1f ms CPU (%.1f ms wall)" % (len(text.encode()), len(lines), open_cpu, open_ms))
print("| answer | CPU median | CPU p95 | CPU max | wall median | wall p95 | largest answer | samples |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for kind in kinds:
    if not cpu[kind]:
        continue
    print("| %s | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %s | %d |" % (
        kind, statistics.median(cpu[kind]), p95(cpu[kind]), max(cpu[kind]), statistics.median(wall[kind]), p95(wall[kind]),
        "%.0f KB" % (sizes[kind] / 1000) if sizes[kind] else "-", len(cpu[kind])))
print("| edits so far | " + " | ".join(str(n) for n, _ in memory) + " |")
print("| --- | " + " | ".join("---" for _ in memory) + " |")
print("| VmRSS | " + " | ".join("%.1f MiB" % (kib / 1024) for _, kib in memory) + " |")
print("exit status:", status)
