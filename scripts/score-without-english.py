#!/usr/bin/env python3
"""Scores `qarin claims` like ../shared/tools/score_events.py, without the English
(englishAhram) articles' figures in recall: qarin reads Arabic only until English
numbers land (issue 15), so this shows how much of the gap is language, not rules.

Usage: score-without-english.py EVENTS_JSON ROOT QARIN [--verbose]
Needs score_events.py: set SCORER, else ../shared/tools/score_events.py next to the repo."""
import importlib.util, json, os, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
scorer = os.environ.get("SCORER") or os.path.join(here, "..", "..", "shared", "tools", "score_events.py")
spec = importlib.util.spec_from_file_location("score_events", scorer)
se = importlib.util.module_from_spec(spec)
spec.loader.exec_module(se)

argv = [a for a in sys.argv[1:] if a != "--verbose"]
events = json.load(open(argv[0]))
for ev in events["events"]:
    for q in ev["quantities"].values():
        q["per_file"] = {p: v for p, v in q["per_file"].items() if "/englishAhram/" not in p}
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
    json.dump(events, f)
rows = se.score(f.name, argv[1], argv[2], 4, "--verbose" in sys.argv)
os.unlink(f.name)
for ev, q, rec, pur, ok, note in rows:
    print(f"{ev:40s} {q:22s} recall {rec:4.0%}  purity {pur:4.0%}  verdict {'ok' if ok else 'WRONG'}  ({note})")
n = len(rows)
print(f"without English: {n} quantities; mean recall {sum(r[2] for r in rows)/n:.0%}; "
      f"mean purity {sum(r[3] for r in rows)/n:.0%}; verdicts {sum(1 for r in rows if r[4])}/{n}")
