#!/usr/bin/env python3
"""Memory of `cjm watch` over many re-renders (benchmarks/README.md, "cjm watch").

    scripts/watch-memory.py [--cjm .build/debug/cjm] [--renders 1000]

Starts `cjm watch` on a small journey with one page's event stream open (read as a browser
would), saves the journey with a different label RENDERS times, waiting each time until the
new map has been drawn and has reached the page, and prints the watch process's resident
memory (VmRSS, /proc) every tenth of the way. Only loopback is used; it stops by itself.
"""

import argparse
import http.client
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

JOURNEY = """journey "Память" {{
  channel calls "Звонки {n}" kind: phone
  channel mail "Почта" kind: email
  leads "Лиды" {{
    stage new "Новый лид"
    stage qualify "Квалификация"
    stage won "Сделка" won
  }}
  pipeline repair "Ремонт" {{
    stage new "Новая сделка"
    stage invoice "Счёт" {{ auto "Напоминание" kind: email after: 5d }}
    stage won "Успешно" won
    stage lost "Провал" lost
  }}
}}
"""


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cjm", default=".build/debug/cjm")
    parser.add_argument("--renders", type=int, default=1000)
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="cjm-watch-memory-")
    path = os.path.join(folder, "journey.cjm")
    with open(path, "w") as f:
        f.write(JOURNEY.format(n=0))
    watch = subprocess.Popen([os.path.abspath(args.cjm), "watch", "journey.cjm"], cwd=folder,
                             stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    drawn = [0]
    port = [None]
    ready = threading.Event()

    log = open(os.path.join(folder, "watch.log"), "w")

    def read_stderr():
        for line in watch.stderr:
            log.write(line)
            log.flush()
            match = re.search(r"serving http://127\.0\.0\.1:(\d+)/", line)
            if match:
                port[0] = int(match.group(1))
                ready.set()
            if "drew flow" in line:
                drawn[0] += 1

    threading.Thread(target=read_stderr, daemon=True).start()
    if not ready.wait(30):
        sys.exit("cjm watch did not start")

    maps_seen = [0]

    def read_events():
        connection = http.client.HTTPConnection("127.0.0.1", port[0], timeout=60)
        connection.request("GET", "/events")
        response = connection.getresponse()
        for line in response:
            if line.startswith(b"event: map"):
                maps_seen[0] += 1

    threading.Thread(target=read_events, daemon=True).start()
    while maps_seen[0] < 1:
        time.sleep(0.05)

    started = time.time()
    print(f"{'renders':>8} {'VmRSS, MiB':>11} {'s':>6}")
    print(f"{0:>8} {rss_kib(watch.pid) / 1024:>11.1f} {0:>6.0f}")
    for n in range(1, args.renders + 1):
        with open(path, "w") as f:
            f.write(JOURNEY.format(n=n))
        deadline = time.time() + 60
        while (drawn[0] < n + 1 or maps_seen[0] < n + 1) and time.time() < deadline:
            time.sleep(0.01)
        if drawn[0] < n + 1:
            sys.exit(f"render {n} did not come (log: {folder}/watch.log)")
        if n % max(1, args.renders // 10) == 0:
            print(f"{n:>8} {rss_kib(watch.pid) / 1024:>11.1f} {time.time() - started:>6.0f}", flush=True)
    watch.send_signal(signal.SIGINT)
    print(f"exit status after SIGINT: {watch.wait(10)}")


if __name__ == "__main__":
    main()
