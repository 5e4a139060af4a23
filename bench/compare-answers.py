#!/usr/bin/env python3
"""Checks that the baseline answers each smoke call as the service does (bench/run.sh, smoke step): the same JSON
shape, the same fields in every item, and for reads the same requests in the same order with the same values.
A submission's answer is compared by its fields only (each side stored its own request).

Usage: compare-answers.py RESULTS_DIR LABEL...   (reads RESULTS_DIR/smoke-service-LABEL.json and smoke-baseline-LABEL.json)
Exit status 1, with what differs, when any call differs.
"""
import json
import sys

results, labels = sys.argv[1], sys.argv[2:]
failed = False


def items(answer):
    return answer if isinstance(answer, list) else [answer]


for label in labels:
    service = json.load(open(f"{results}/smoke-service-{label}.json", encoding="utf-8"))
    baseline = json.load(open(f"{results}/smoke-baseline-{label}.json", encoding="utf-8"))
    problems = []
    if type(service) is not type(baseline):
        problems.append(f"the service answers a {type(service).__name__}, the baseline a {type(baseline).__name__}")
    s_items, b_items = items(service), items(baseline)
    s_fields = sorted({k for item in s_items for k in item})
    b_fields = sorted({k for item in b_items for k in item})
    if s_fields != b_fields:
        problems.append(f"fields only the service has: {sorted(set(s_fields) - set(b_fields))}; "
                        f"only the baseline: {sorted(set(b_fields) - set(s_fields))}")
    if label != "post":
        if len(s_items) != len(b_items):
            problems.append(f"{len(s_items)} items from the service, {len(b_items)} from the baseline")
        ids = lambda xs: [x.get("service_request_id", x.get("service_code")) for x in xs]
        if ids(s_items) != ids(b_items):
            problems.append(f"not the same items in the same order (service {ids(s_items)[:5]}..., baseline {ids(b_items)[:5]}...)")
        else:
            differing = sorted({k for s, b in zip(s_items, b_items) for k in s if s.get(k) != b.get(k)})
            for field in differing:
                pairs = [(s.get(field), b.get(field)) for s, b in zip(s_items, b_items) if s.get(field) != b.get(field)]
                problems.append(f"{field} differs in {len(pairs)} of {len(s_items)} items, e.g. service {pairs[0][0]!r}, baseline {pairs[0][1]!r}")
    print(f"  {label:12} {'same answer' if not problems else 'DIFFERENT'}: {len(s_items)} items, {len(s_fields)} fields")
    for problem in problems:
        print(f"    {problem}")
    failed |= bool(problems)

sys.exit(1 if failed else 0)
