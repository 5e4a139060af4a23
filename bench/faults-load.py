#!/usr/bin/env python3
"""POST load for bench/faults.sh, as a careful mobile app sends it.

Each worker submits requests one after another, each with its own Idempotency-Key and a description
naming that key, and retries the same call with the same key (connection refused or reset, timeout,
503) until the service acknowledges it. Every acknowledgement is appended to ACK_FILE as
"key<TAB>service_request_id<TAB>replayed". When STOP_FILE appears, a worker finishes the request it
is on and stops.

usage: faults-load.py PORT API_KEY SERVICE_CODE WORKERS ACK_FILE STOP_FILE
"""
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse
import uuid

port, api_key, service_code, workers, ack_path, stop_path = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6]
write_lock = threading.Lock()
counts = {"retries": 0, "unexpected": 0}


def submit(connection, key):
    lat = 35.3387 + random.uniform(-0.02, 0.02)
    lon = 25.1442 + random.uniform(-0.02, 0.02)
    body = urllib.parse.urlencode({"api_key": api_key, "service_code": service_code, "lat": f"{lat:.6f}", "long": f"{lon:.6f}",
                                   "description": f"faults {key}"})
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Idempotency-Key": key}
    while True:
        try:
            if connection[0] is None:
                connection[0] = http.client.HTTPConnection("127.0.0.1", int(port), timeout=30)
            connection[0].request("POST", "/open311/v2/requests.json", body, headers)
            response = connection[0].getresponse()
            data = response.read()
            if response.status == 200:
                return json.loads(data)[0]["service_request_id"], response.getheader("Idempotent-Replayed") == "true"
            if response.status != 503:
                with write_lock:
                    counts["unexpected"] += 1
                sys.stderr.write(f"unexpected {response.status}: {data[:200]!r}\n")
        except (OSError, http.client.HTTPException):
            if connection[0] is not None:
                connection[0].close()
            connection[0] = None
        with write_lock:
            counts["retries"] += 1
        time.sleep(0.2)


def work():
    connection = [None]
    with open(ack_path, "a", encoding="utf-8") as ack:
        while not os.path.exists(stop_path):
            key = str(uuid.uuid4())
            request_id, replayed = submit(connection, key)
            with write_lock:
                ack.write(f"{key}\t{request_id}\t{'replayed' if replayed else 'first'}\n")
                ack.flush()


threads = [threading.Thread(target=work) for _ in range(workers)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(f"retries={counts['retries']} unexpected={counts['unexpected']}")
