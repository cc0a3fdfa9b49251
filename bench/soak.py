"""Mixed load for bench/soak.sh: reads, submissions, imports and sign-ins from 8 threads for N minutes,
on a caseload of 400 clients (200 for submissions, 200 for imports) whose records grow.

Prints a markdown table per minute: requests, 5xx answers, p50 and p99 latency (ms), and the heap
left after a full GC that this script asks the server for at the end of each minute (jcmd GC.run).
"""
import http.cookiejar
import json
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

base, token, username, password, minutes, pid, gc_log = sys.argv[1:8]
minutes = int(minutes)
THREADS = 8
CLIENTS = 200
start = time.monotonic()
lock = threading.Lock()
samples = []  # (minute, ms, status, kind)
next_session = {}
import_batches = iter(range(1, 10**9))


def call(method, path, body=None, content_type="application/json", headers=None, opener=None):
    data = body.encode() if isinstance(body, str) else body
    request = urllib.request.Request(base + path, data=data, method=method)
    if opener is None:
        request.add_header("Authorization", "Bearer " + token)
    if data is not None:
        request.add_header("Content-Type", content_type)
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    began = time.monotonic()
    try:
        with (opener.open(request, timeout=60) if opener else urllib.request.urlopen(request, timeout=60)) as response:
            text = response.read().decode()
            status = response.status
    except urllib.error.HTTPError as error:
        text = error.read().decode(errors="replace")
        status = error.code
    except Exception:  # a refused or reset connection counts as a server failure
        text, status = "", 599
    elapsed = (time.monotonic() - began) * 1000
    with lock:
        kind = method + " " + re.sub(r"/\d+", "/{id}", path)
        samples.append((int((began - start) // 60), elapsed, status, kind))
    return status, text


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def sign_in():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    status, page = call("GET", "/login", opener=opener)
    found = re.search(r'name="_csrf" value="([^"]+)"', page)
    if not found:
        return
    form = urllib.parse.urlencode({"_csrf": found.group(1), "username": username, "password": password})
    call("POST", "/login", form, "application/x-www-form-urlencoded", opener=opener)


def submit(client_id):
    with lock:
        session = next_session.get(client_id, 0) + 1
        next_session[client_id] = session
    if session > 1000:
        return
    marks = [round(random.uniform(3, 9), 1) for _ in range(4)]
    instrument = random.choice(["ors", "srs"])
    answers = {f"{instrument}_{i + 1}": marks[i] for i in range(4)}
    body = {"instrument": instrument, "session": session, "answers": answers}
    call("POST", f"/api/clients/{client_id}/administrations", json.dumps(body))


def import_csv():
    """200 rows: one new session for each of 200 clients kept for imports, so the caseload stays the
    same size through the run (400 clients) while the records grow."""
    batch = next(import_batches)
    if batch > 1000:
        return
    rows = ["client,session,instrument,q1,q2,q3,q4,q5,q6,q7,q8,q9"]
    for i in range(200):
        rows.append(f"soak-import-{i},{batch},phq-9," + ",".join(str(random.randint(0, 3)) for _ in range(8)) + ",0")
    call("POST", "/api/import", "\n".join(rows) + "\n", "text/csv")


def worker(clients, deadline):
    rng = random.Random(threading.get_ident())
    while time.monotonic() < deadline:
        roll = rng.random()
        client_id = rng.choice(clients)
        if roll < 0.20:
            call("GET", f"/api/clients/{client_id}/trend")
        elif roll < 0.30:
            call("GET", "/api/alerts")
        elif roll < 0.40:
            call("GET", "/api/clients")
        elif roll < 0.50:
            call("GET", "/")
        elif roll < 0.85:
            submit(client_id)
        elif roll < 0.90:
            import_csv()
        else:
            sign_in()


def heap_after_full_gc():
    """Asks for a full GC and reads the heap left after it from the GC log, in MB."""
    subprocess.run(["jcmd", pid, "GC.run"], capture_output=True, check=False)
    time.sleep(1)
    with open(gc_log) as log:
        fulls = re.findall(r"Pause Full \([^)]*\) \d+M->(\d+)M\((\d+)M\)", log.read())
    return fulls[-1] if fulls else ("?", "?")


random.seed(11)
clients = []
for i in range(CLIENTS):
    status, text = call("POST", "/api/clients", json.dumps({"reference": f"soak-{i}"}))
    clients.append(json.loads(text)["id"])
samples.clear()
start = time.monotonic()
deadline = start + minutes * 60
threads = [threading.Thread(target=worker, args=(clients, deadline)) for _ in range(THREADS)]
for thread in threads:
    thread.start()
heaps = []
for minute in range(minutes):
    time.sleep(max(0, start + (minute + 1) * 60 - time.monotonic()))
    heaps.append(heap_after_full_gc())
for thread in threads:
    thread.join()


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


print(f"Soak: {minutes} min, {THREADS} threads, heap 512 MB (-Xms512m -Xmx512m)\n")
print("| minute | requests | 5xx | p50 ms | p99 ms | heap after full GC (MB) |")
print("|---:|---:|---:|---:|---:|---:|")
for minute in range(minutes):
    mine = [s for s in samples if s[0] == minute]
    if not mine:
        continue
    latencies = [s[1] for s in mine]
    errors = sum(1 for s in mine if s[2] >= 500)
    used, total = heaps[minute]
    print(f"| {minute + 1} | {len(mine)} | {errors} | {percentile(latencies, 50):.0f} | {percentile(latencies, 99):.0f} | {used} of {total} |")
statuses = {}
for s in samples:
    statuses[s[2]] = statuses.get(s[2], 0) + 1
print("\n| request | count | p50 ms | p99 ms |")
print("|---|---:|---:|---:|")
for kind in sorted({s[3] for s in samples}):
    latencies = [s[1] for s in samples if s[3] == kind]
    print(f"| {kind} | {len(latencies)} | {percentile(latencies, 50):.0f} | {percentile(latencies, 99):.0f} |")
print("\nanswers by status: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
