#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target (tests/fuzz/corpus/<target>/) from the case files and the policy
files. Run after the case files or policies change; the corpus is kept in the repository (small on purpose)."""
import json
import pathlib
import shutil

root = pathlib.Path(__file__).resolve().parents[2]
out = root / "tests" / "fuzz" / "corpus"
cases = sorted((root / "tests" / "cases").glob("*/*.json"))
requests, calls = [], []
for path in cases:
    case = json.loads(path.read_text(encoding="utf-8"))
    if "request" in case:
        requests.append((path.stem, case["request"]))
        calls.append((path.stem, {"op": "estimate", "request": case["request"]}))
    else:
        calls.append((path.stem, dict(case["input"], op=case["op"])))


def write(target, name, data):
    d = out / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


shutil.rmtree(out, ignore_errors=True)
ops = ["estimate", "explain", "estimate_many", "guide", "diagnose", "reverse", "policies", "policy", "version"]
for name, req in requests[::2]:
    text = json.dumps(req, ensure_ascii=False, separators=(",", ":"))
    write("estimate", name, text)
    write("request_codec", name, text)
for name, call in calls[::2]:
    body = json.dumps(call, ensure_ascii=False, separators=(",", ":"))
    op = ops.index(call["op"]) if call["op"] in ops else 9
    # fuzz_call: first byte picks the op, the rest is the envelope's members after "op".
    write("call", name, bytes([op]) + body[1:].encode("utf-8"))
reqs = [r for _, r in requests]
for i in range(0, len(reqs), 8):
    group = reqs[i:i + 8]
    write("batch", f"array-{i}", json.dumps(group, ensure_ascii=False, separators=(",", ":")))
    write("batch", f"lines-{i}", "\n".join(json.dumps(r, ensure_ascii=False) for r in group) + "\n\n \r\n")
for path in sorted((root / "tests" / "fixtures" / "policies").glob("*/*.json")):
    write("policy", path.parent.name, path.read_bytes())
    pack = {"files": [{"path": "fuzz/2024-01-01.json", "content": path.read_text(encoding="utf-8")}]}
    write("policy", path.parent.name + "-pack", json.dumps(pack, ensure_ascii=False))
small = json.loads((root / "tests" / "fixtures" / "policies" / "testland" / "2024-01-01.json").read_text())
small["region"] = "fuzz"
small["effective_from"] = "2024-01-01"
small.pop("effective_to", None)
write("policy", "fuzz-region", json.dumps(small, ensure_ascii=False, separators=(",", ":")))
print(sum(1 for _ in out.rglob("*") if _.is_file()), "seed files,",
      sum(p.stat().st_size for p in out.rglob("*") if p.is_file()), "bytes")
