#!/usr/bin/env python3
"""Checks `qarin stories --format json` on the development corpus against the
annotated events (../shared/dev/events.json).

usage: scripts/check-stories.py EVENTS.json CORPUS_DIR STORIES.json

EVENTS.json: ../shared/dev/events.json (the four development events) or
scripts/events/validation.json (two validation events nobody tunes against).

For each event: the story holding most of its annotated articles must hold >= 80 % of
them (recall), and >= 90 % of that story's articles must be about the event (purity).

"About the event" is judged by a rule per event, written from the event's description
and independent of how qarin groups: the article is published from the day before the
event to three days after it, and its title or first 1,500 characters (folded as qarin
folds: harakat dropped, أ إ آ → ا, ى → ي, ة → ه, lower case) name the event's place and
subject (ANY of the words of each set). An annotated article, or a byte-identical copy of
one, is about its event whatever the rule says. Exit code 1 if an event fails.
"""
import datetime as dt
import hashlib
import json
import os
import re
import sys

RULES = {
    # Clashes at the presidential palace (al-Ittihadiya), Cairo.
    "ittihadiya_feb01": [["اتحاديه", "ittihadiya", "itihadiya", "presidential palace",
                          "قصر الرئاس", "القصر الجمهوري", "قصر العروبه"]],
    # Suicide bombing at the US embassy in Ankara.
    "ankara_us_embassy_feb01": [["انقره", "ankara", "تركي", "turkey", "turkish"],
                                ["سفار", "embassy"]],
    # Suicide car bomb and gunmen at the Kirkuk police headquarters.
    "kirkuk_police_hq_feb03": [["كركوك", "kirkuk"]],
    # Central Bank of Egypt: net foreign reserves in January.
    "egypt_reserves_jan_feb05": [["احتياطي", "احتياط", "reserves"]],
    # Validation events (scripts/events/validation.json), not tuned against.
    # Tourist bus of Cairo Metro staff overturned in South Sinai.
    "sinai_bus_feb03": [["سيناء", "سدر", "غرندل", "شرم", "sinai", "sudr"],
                        ["اتوبيس", "حافل", "bus", "انقلاب", "انقلب", "مترو", "metro"]],
    # Rocket attack on Camp Liberty (Mujahedin-e-Khalq) near Baghdad.
    "camp_liberty_feb09": [["ليبرتي", "liberty", "مخيم الحريه", "معسكر الحريه",
                            "مجاهدي خلق", "mujahedin", "معارضين ايرانيين"]],
}

HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")


def fold(s):
    s = HARAKAT.sub("", s)
    for a, b in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه")):
        s = s.replace(a, b)
    return s.lower()


def published(path):
    name = os.path.basename(path)
    try:
        return dt.datetime.strptime(name[:10], "%Y-%m-%d").date()
    except ValueError:
        return None


def main():
    events_path, corpus, stories_path = sys.argv[1:4]
    events = json.load(open(events_path, encoding="utf-8"))["events"]
    stories = json.load(open(stories_path, encoding="utf-8"))["stories"]
    real = os.path.realpath(corpus)

    def key(p):
        # Annotated paths are "src/python/data/rss/txt/OUTLET/..."; qarin's are as given.
        i = p.find("/txt/")
        return p[i + 5:] if i >= 0 else os.path.relpath(os.path.realpath(p), os.path.join(real, "txt"))

    def digest(p):
        with open(p, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()

    story_of = {}
    path_of = {}
    for s in stories:
        for a in s["articles"]:
            story_of[key(a["path"])] = s["id"]
            path_of[key(a["path"])] = a["path"]
    by_id = {s["id"]: s for s in stories}
    failed = False
    for ev in events:
        files = [key(f) for f in ev["files"]]
        hashes = {digest(os.path.join(real, "txt", f)) for f in files}
        counts = {}
        for f in files:
            sid = story_of.get(f)
            if sid:
                counts[sid] = counts.get(sid, 0) + 1
        if not counts:
            print(f"{ev['name']}: no annotated article found in the stories")
            failed = True
            continue
        sid = max(sorted(counts), key=lambda s: counts[s])
        recall = counts[sid] / len(files)
        day = dt.date.fromisoformat(ev["date"])
        about = 0
        off = []
        for a in by_id[sid]["articles"]:
            p = a["path"]
            k = key(p)
            if k in files or digest(p) in hashes:
                about += 1
                continue
            d = published(p)
            with open(p, encoding="utf-8", errors="replace") as f:
                head = fold(f.read()[:1500])
            in_time = d is not None and day - dt.timedelta(days=1) <= d <= day + dt.timedelta(days=3)
            if in_time and all(any(w in head for w in ws) for ws in RULES[ev["name"]]):
                about += 1
            else:
                off.append(a["title"][:70] + "  " + k)
        n = len(by_id[sid]["articles"])
        purity = about / n
        ok = recall >= 0.8 and purity >= 0.9
        failed |= not ok
        print(f"{'ok  ' if ok else 'FAIL'} {ev['name']}: story {sid} holds {counts[sid]}/{len(files)} "
              f"annotated ({recall:.0%}); {about}/{n} of its articles about the event ({purity:.0%})")
        missing = [f for f in files if story_of.get(f) != sid]
        for f in missing:
            print(f"     annotated, elsewhere: {f} -> {story_of.get(f)}")
        for o in off[:15]:
            print(f"     not about it: {o}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
