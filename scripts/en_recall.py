#!/usr/bin/env python3
"""Recall of the English files of the annotated development events, per event.

For each event quantity, the group score_events.py matches (the one holding the most
annotated (article, value) pairs of all outlets) is taken, and the share of the English
files' pairs (englishAhram, fjp) found in it is reported: are the English figures in the
same groups as the Arabic outlets'?

Usage: en_recall.py EVENTS_JSON ROOT [QARIN]   (as ../shared/tools/score_events.py)"""
import json, os, subprocess, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../shared/tools"))
sys.path.insert(0, "/work/shared/tools")
from score_events import has, local_files  # noqa: E402

ENGLISH = ("/englishAhram/",)  # fjp/mideast is the Arabic FJP site


def main(events_json, root, exe):
    total_hit = total = 0
    for ev in json.load(open(events_json))["events"]:
        files = local_files(ev, root)
        if files is None:
            print(f"{ev['name']}: articles missing")
            continue
        files = [os.path.abspath(f) for f in files]
        r = subprocess.run([exe, "claims", "--format", "json", *files], capture_output=True, text=True)
        j = json.loads(r.stdout)
        index = {os.path.abspath(f): i for i, f in enumerate(files)}
        art = {a["id"]: index.get(os.path.abspath(a.get("path") or ""), -1) for a in j["articles"]}
        claims = {c["id"]: c for c in j["claims"]}
        pos = {p: i for i, p in enumerate(ev["files"])}
        ev_hit = ev_n = 0
        for qname, q in ev["quantities"].items():
            pairs = [(pos[p], float(v), p) for p, vs in q["per_file"].items() for v in vs]
            best = None
            for g in j["groups"]:
                cs = [claims[i] for i in g["claims"] if i in claims]
                hit = sum(1 for f, v, _ in pairs if any(art.get(c["article"]) == f and has(c, v) for c in cs))
                if best is None or hit > best[0]:
                    best = (hit, g, cs)
            en = [(f, v, p) for f, v, p in pairs if any(e in p for e in ENGLISH)]
            if not en:
                continue
            cs = best[2] if best and best[0] > 0 else []
            for f, v, p in en:
                ok = any(art.get(c["article"]) == f and has(c, v) for c in cs)
                ev_n += 1
                ev_hit += ok
                print(f"  {ev['name']:28s} {qname:22s} {v:>16,.0f}  {'found' if ok else 'MISSED'}  {p.split('/txt/')[1][:40]}")
        if ev_n:
            print(f"{ev['name']}: English recall {ev_hit}/{ev_n} = {ev_hit / ev_n:.0%}")
        total_hit += ev_hit
        total += ev_n
    print(f"all events: English recall {total_hit}/{total} = {total_hit / max(1, total):.0%}")


if __name__ == "__main__":
    a = sys.argv[1:]
    main(a[0], a[1], a[2] if len(a) > 2 else "target/release/qarin")
