#!/usr/bin/env bash
# Benchmark (not a test): requests per second of `claimcalc batch` on 10,000 generated requests (a mix of Shenzhen and
# Guangzhou, inpatient and outpatient, 1-50 bill lines), and the time of one 50-item inpatient estimate.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
work="$(mktemp -d)"
python3 - "$n" > "$work/requests.jsonl" <<'PY'
import json, random, sys
random.seed(7)
n = int(sys.argv[1])
for i in range(n):
    sz = i % 2 == 0
    r = {"insured_region": "shenzhen" if sz else "guangzhou", "scheme": "employee",
         "person": random.choice(["active", "retired"]), "setting": random.choice(["inpatient", "inpatient", "outpatient"]),
         "hospital_level": random.choice(["level1", "level2", "level3"]), "date_of_care": "2025-05-01",
         "year_to_date": {"stays": random.randint(0, 2)}, "items": []}
    if sz: r["tier"] = random.choice(["tier1", "tier2"])
    for k in range(random.randint(1, 50)):
        cls = random.choice(["class_a", "class_a", "class_b", "out_of_catalogue"])
        it = {"name": f"item{k}", "class": cls, "amount": f"{random.randint(1, 500000) / 100:.2f}"}
        if cls == "class_b": it["selfpay_ratio"] = "10%"
        r["items"].append(it)
    print(json.dumps(r, ensure_ascii=False))
PY
start=$(date +%s.%N)
"${CLAIMCALC:-./build/claimcalc}" batch < "$work/requests.jsonl" > "$work/out.jsonl" || true
end=$(date +%s.%N)
ok=$(grep -c '"ok":true' "$work/out.jsonl")
python3 - "$start" "$end" "$n" "$ok" <<'PY'
import sys
s, e, n, ok = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f"native batch: {n} requests ({ok} ok) in {e - s:.3f} s = {n / (e - s):,.0f} requests/s ({(e - s) / n * 1e6:.1f} µs each)")
PY
rm -rf "$work"
