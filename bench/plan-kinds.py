#!/usr/bin/env python3
"""Says, for each GET query recorded in plans-baseline.txt (auto_explain output), whether PostgreSQL ran it with
a generic plan (parameters left as $n in the plan's conditions) or a custom one (the parameters' values planned in).

Usage: plan-kinds.py results/plans-baseline.txt
"""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
for section in re.split(r"^=== ", text, flags=re.M)[1:]:
    title = section.splitlines()[0]
    if " POST " in title:
        continue  # one-off writes; their InitPlans print $n whatever the plan
    for plan in re.split(r"\n(?=\S.* LOG:  duration: )", section):
        body = plan.split("Query Text:", 1)[-1]
        start = body.find("(cost=")
        if start < 0:
            continue
        nodes = body[body.rfind("\n", 0, start) + 1:]
        kind = "GENERIC plan (parameters as $n)" if re.search(r"\$\d", nodes) else "custom plan (parameters as values)"
        duration = re.search(r"duration: ([0-9.]+) ms", plan)
        print(f"plan summary: {title.split(':')[0]}: {kind}, {duration.group(1) if duration else '?'} ms")
