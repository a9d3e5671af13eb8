#!/usr/bin/env python3
"""Prints a dump line by line: gold label, predicted label, text (a debugging aid)."""
import json, subprocess, sys

dump = sys.argv[1]
text = open(dump, encoding="utf-8").read()
gold = open(dump[:-4] + ".labels", encoding="utf-8").read().split("\n")
seg = json.loads(subprocess.run(["target/release/newsseg", "segment", dump], capture_output=True, text=True, check=True).stdout)
pred = {}
for n, a in enumerate(seg["articles"]):
    rank = 0
    for b in a["blocks"]:
        for l in range(b["line_start"], b["line_end"] + 1):
            pred[l] = f"p{n+1} {b['role']} {rank}"
            rank += 1
for b in seg["dropped"]:
    for l in range(b["line_start"], b["line_end"] + 1):
        pred[l] = f"- {b['role']}"
for i, line in enumerate(text.split("\n")):
    if line.strip():
        print(f"{i+1:4} {gold[i] if i < len(gold) else '?':22} {pred.get(i+1, '??'):18} {line[:50]}")
