#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target (tests/fuzz/corpus/<target>/seed-*) from the case files and the policy
fixtures. Run after the case files or policies change. Only seed-* files are replaced: finding-* files are inputs
that once stopped a run, kept by hand so the smoke runs replay them (a seed-* name would be deleted here)."""
import json
import pathlib

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
    (d / ("seed-" + name)).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


for old in out.glob("*/seed-*"):
    old.unlink()
ops = ["estimate", "explain", "estimate_many", "guide", "diagnose", "reverse", "policies", "policy", "version"]
for name, req in requests[::2]:
    text = json.dumps(req, ensure_ascii=False, separators=(",", ":"))
    write("estimate", name, text)
    write("request_codec", name, text)
    write("plain", name, text)
for name, call in calls[::2]:
    op = ops.index(call["op"]) if call["op"] in ops else 9
    members = {k: v for k, v in call.items() if k != "op"}
    body = json.dumps(members, ensure_ascii=False, separators=(",", ":"))
    # fuzz_call: the first byte picks the op, the rest is the envelope's other members, so that
    # {"op":"<op>",<rest> is the envelope (an "op" in the rest would be a duplicate key: malformed).
    write("call", name, bytes([op]) + body[1:].encode("utf-8"))
reqs = [r for _, r in requests]
for i in range(0, len(reqs), 8):
    group = reqs[i:i + 8]
    write("batch", f"array-{i}", json.dumps(group, ensure_ascii=False, separators=(",", ":")))
    write("batch", f"lines-{i}", "\n".join(json.dumps(r, ensure_ascii=False) for r in group) + "\n\n \r\n")
# The answer choices (detail, texts) on a request and beside a batch's requests, in each value and a wrong one.
for n, texts in enumerate(["zh", "en", "none", "both", "fr"]):
    name, req = requests[n * 7 % len(requests)]
    text = json.dumps(dict(req, texts=texts, detail=["full", "figures"][n % 2]), ensure_ascii=False,
                      separators=(",", ":"))
    write("estimate", f"texts-{texts}-{name}", text)
    write("request_codec", f"texts-{texts}-{name}", text)
    write("plain", f"texts-{texts}-{name}", text)
    batch = {"detail": "figures", "texts": texts, "requests": [r for _, r in requests[n:n + 3]]}
    body = json.dumps(batch, ensure_ascii=False, separators=(",", ":"))
    write("call", f"texts-{texts}", bytes([ops.index("estimate_many")]) + body[1:].encode("utf-8"))
# fuzz_policy loads the bytes as fuzz/2024-01-01.json: each fixture as region "fuzz", valid as it stands, so that
# mutations start past validation; and as a pack with that one file.
fixtures = sorted((root / "tests" / "fixtures" / "policies").glob("*/*.json"))
fixtures += sorted((root / "tests" / "wasm" / "fixtures" / "policies").glob("*/*.json"))
for path in fixtures:
    policy = json.loads(path.read_text(encoding="utf-8"))
    policy["region"] = "fuzz"
    policy["effective_from"] = "2024-01-01"
    policy.pop("effective_to", None)
    text = json.dumps(policy, ensure_ascii=False, separators=(",", ":"))
    write("policy", path.parent.name, text)
    pack = {"files": [{"path": "fuzz/2024-01-01.json", "content": text}], "replace": True}
    write("policy", path.parent.name + "-pack", json.dumps(pack, ensure_ascii=False))
seeds = list(out.glob("*/seed-*"))
print(len(seeds), "seed files,", sum(p.stat().st_size for p in seeds), "bytes")
