#!/usr/bin/env python3
"""Writes tests/hostile/requests.jsonl: hostile requests, each with the verdict every channel must give.
One object per line: {"name", "input" (the request's exact text), "code", "field"}. "field" is the request-relative
field; a runner maps it per channel (tests/hostile/README.md). Run again after changing this file; the .jsonl is
checked in so the native and the Node runners read the same bytes."""
import json
import pathlib

BASE = {"insured_region": "shenzhen", "scheme": "employee", "person": "active", "tier": "tier1",
        "setting": "inpatient", "hospital_level": "level3", "date_of_care": "2025-03-01",
        "items": [{"name": "药品", "class": "class_a", "amount": "1000.00"}]}
out = []


def text(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def add(name, input_text, code, field):
    out.append({"name": name, "input": input_text, "code": code, "field": field})


def raw(key, raw_value, where=None):
    """The base request with `key` (top level, or inside items[0] when where == "item") set to raw JSON text."""
    r = json.loads(json.dumps(BASE))
    (r["items"][0] if where == "item" else r)[key] = "@@"
    return text(r).replace('"@@"', raw_value, 1)


good = text(BASE)
# 1. Not JSON, or ambiguous JSON: the whole input.
for i, t in enumerate(["", " ", "\n", "{", "}", "[", "nul", "tru", "{'a':1}", '{"a":1,}', "[1,]", '{"a"}',
                       good[:-1], good[:len(good) // 2]]):
    add(f"not json {i}", t, "malformed_json", "request")
for i, tail in enumerate([" x", "}", "{}", " []", ",", "\u0000", "\u0000garbage", " \u0000", "//", "/* */",
                          "\n{}", "0", "\"\"", " null"]):
    add(f"bytes after the value {i}", good + tail, "malformed_json", "request")
add("a NUL inside", good[:20] + "\u0000" + good[20:], "malformed_json", "request")
for key in ["insured_region", "scheme", "setting", "date_of_care", "items", "tier", "person", "hospital_level"]:
    add(f"duplicate {key}", "{" + text({key: BASE[key]})[1:-1] + "," + good[1:], "malformed_json", key)
dup_item = good.replace('"amount":"1000.00"', '"amount":"1000.00","amount":"1.00"')
add("duplicate items[0].amount", dup_item, "malformed_json", "items[0].amount")
add("duplicate items[0].class", good.replace('"class":"class_a"', '"class":"class_a","class":"class_b"'),
    "malformed_json", "items[0].class")
for depth in [33, 100, 1000, 65000]:
    add(f"nesting {depth} arrays", "[" * depth + "]" * depth, "too_large", "request")
    add(f"nesting {depth} objects", '{"a":' * depth + "1" + "}" * depth, "too_large", "request")
add("nesting unclosed", "[" * 5000, "too_large", "request")
add("over 1 MiB", good[:-1] + ',"disease":"' + "x" * (1 << 20) + '"}', "too_large", "request")
add("1 MiB of spaces", " " * ((1 << 20) + 1), "too_large", "request")
# 2. Numbers with a fraction where text or a whole number is meant.
for key in ["insured_region", "care_region", "care_province", "scheme", "person", "tier", "setting", "disease",
            "hospital_level", "date_of_care", "discharge_date", "filing", "filing_date", "settlement",
            "enrolment_status", "enrolment_date"]:
    add(f"{key} 12.5", raw(key, "12.5"), "wrong_type", key)
for key in ["name", "code", "class", "insured_class"]:
    add(f"items[0].{key} 12.5", raw(key, "12.5", "item"), "wrong_type", f"items[0].{key}")
for value in ["40.0", "4e1", "40.5", '"40"', "true", "[]", "{}"]:
    add(f"age {value}", raw("age", value), "wrong_type", "age")
add("care_province 44.0", raw("care_province", "44.0"), "wrong_type", "care_province")
add("insured_region 1e309", raw("insured_region", "1e309"), "wrong_type", "insured_region")
add("quantity 1.5", raw("quantity", "1.5", "item").replace('"amount":"1000.00",', '"unit_price":"1",'),
    "wrong_type", "items[0].quantity")
add("items {}", raw("items", "{}"), "wrong_type", "items")
add("items[0] 5", raw("items", "[5]"), "wrong_type", "items[0]")
add("year_to_date []", raw("year_to_date", "[]"), "wrong_type", "year_to_date")
add("year_to_date.stays 1.5", raw("year_to_date", '{"stays":1.5}'), "wrong_type", "year_to_date.stays")
add("request is an array", "[" + good + "]", "wrong_type", "request")
add("request is a string", '"x"', "wrong_type", "request")
add("request is a number", "1.5", "wrong_type", "request")
add("request is null", "null", "wrong_type", "request")
# 3. Money.
for value in ['"1.005"', '"1e5"', '"abc"', '""', '"1,000"', '"+1"', '".5"', '"1."', "1e309", "-1e309", "1E400",
              "9" * 400, '"99999999999999999999"', "12.345", '"1000000001"', "0.001", '"0x10"', '" 1"', "1e2",
              '"NaN"', '"Infinity"', '"1e309"']:
    add(f"amount {value[:24]}", raw("amount", value, "item"), "invalid_money", "items[0].amount")
for value in ['"-1"', "-1", "-0.01", '"-0.01"']:
    add(f"amount {value}", raw("amount", value, "item"), "negative_amount", "items[0].amount")
totals = dict(BASE)
del totals["items"]
for value in ["1e309", '"1.001"', "123456789012.5"]:
    t = dict(totals, totals={"class_a": "@@"})
    add(f"totals.class_a {value}", text(t).replace('"@@"', value), "invalid_money", "totals.class_a")
add("unit_price 1e309", raw("unit_price", "1e309", "item").replace('"amount":"1000.00",', '"quantity":1,'),
    "invalid_money", "items[0].unit_price")
add("sum over the money limit", text(dict(BASE, items=[{"class": "class_a", "amount": "999999999.00"}] * 2)),
    "invalid_money", "items")
add("selfpay_ratio 150%", raw("selfpay_ratio", '"150%"', "item").replace('"class_a"', '"class_b"'),
    "invalid_ratio", "items[0].selfpay_ratio")
add("selfpay_ratio 1e309", raw("selfpay_ratio", "1e309", "item").replace('"class_a"', '"class_b"'),
    "invalid_ratio", "items[0].selfpay_ratio")
# 4. Names, values, regions.
for key, value in [("scheme", "gold"), ("person", "child_prodigy"), ("tier", "tier9"), ("setting", "spa"),
                   ("hospital_level", "level4"), ("filing", "maybe"), ("settlement", "barter"),
                   ("enrolment_status", "pending")]:
    add(f"{key} {value}", raw(key, json.dumps(value)), "unknown_value", key)
add("items[0].class class_z", raw("class", '"class_z"', "item"), "unknown_value", "items[0].class")
for key in ["hospital_lvl", "Scheme", "insured region", "__proto__", "constructor", "\u0000"]:
    add(f"unknown field {key!r}", good[:-1] + "," + json.dumps(key) + ':"x"}', "unknown_field", key)
add("items[0] unknown field", raw("clas", '"class_a"', "item"), "unknown_field", "items[0].clas")
add("insured_region national", raw("insured_region", '"national"'), "unknown_region", "insured_region")
add("care_region national", raw("care_region", '"national"'), "unknown_region", "care_region")
add("insured_region atlantis", raw("insured_region", '"atlantis"'), "unknown_region", "insured_region")
add("insured_region ../shenzhen", raw("insured_region", '"../shenzhen"'), "unknown_region", "insured_region")
add("care_region atlantis", raw("care_region", '"atlantis"'), "unknown_region", "care_region")
add("care_province mars", raw("care_province", '"mars"').replace('"tier":', '"care_region":"上海","tier":'),
    "unknown_value", "care_province")
add("care_province contradicts care_region", raw("care_province", '"广东"').replace('"tier":', '"care_region":"上海","tier":'),
    "inconsistent", "care_province")
# 5. Dates.
for value in ["2025-02-30", "2025-13-01", "25-03-01", "", "2025/03/01", "2025-3-1", "yesterday", "2025-03-01T00:00",
              "1800-01-01", "9999999999-01-01"]:
    add(f"date_of_care {value!r}", raw("date_of_care", json.dumps(value)), "invalid_date", "date_of_care")
add("discharge before care", raw("discharge_date", '"2025-02-28"'), "inconsistent", "discharge_date")
add("discharge 75 years later", raw("discharge_date", '"2100-01-01"'), "inconsistent", "discharge_date")
add("discharge 4 years later", raw("discharge_date", '"2029-03-02"'), "inconsistent", "discharge_date")
add("filing_date without filing", raw("filing_date", '"2025-02-01"'), "missing_field", "filing")
add("date_of_care 2019", raw("date_of_care", '"2019-01-01"'), "no_policy_for_date", "date_of_care")
# 6. Missing fields and limits.
for key in ["insured_region", "scheme", "date_of_care"]:
    r = dict(BASE)
    del r[key]
    add(f"missing {key}", text(r), "missing_field", key)
add("items empty", raw("items", "[]"), "missing_field", "items")
add("items and totals", raw("totals", '{"class_a":"1"}'), "inconsistent", "items")
add("items[0] without amount", raw("items", '[{"class":"class_a"}]'), "missing_field", "items[0].amount")
add("5001 items", text(dict(BASE, items=[{"class": "class_a", "amount": "1"}] * 5001)), "too_large", "items")
add("item name 600 bytes", raw("name", json.dumps("药" * 200), "item"), "too_large", "items[0].name")
add("age 200", raw("age", "200"), "inconsistent", "age")
add("age -1", raw("age", "-1"), "inconsistent", "age")
add("age 2^64", raw("age", "18446744073709551616"), "wrong_type", "age")
add("stays 1000", raw("year_to_date", '{"stays":1000}'), "inconsistent", "year_to_date.stays")
add("quantity 0", raw("quantity", "0", "item").replace('"amount":"1000.00",', '"unit_price":"1",'),
    "inconsistent", "items[0].quantity")
add("quantity without unit_price", raw("quantity", "2", "item").replace('"amount":"1000.00",', ""),
    "missing_field", "items[0].unit_price")
add("lone surrogate escape", raw("disease", '"\\ud800"'),
    "malformed_json", "request")

path = pathlib.Path(__file__).with_name("requests.jsonl")
path.write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in out), encoding="utf-8")
print(len(out), "hostile requests")
