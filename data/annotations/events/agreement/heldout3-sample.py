#!/usr/bin/env python3
"""The sample of heldout3 documents for the blind second annotation (agreement/heldout3.md), fixed before any label was read.
Rule: rng = random.Random(18); documents of each file sorted by id; in this order
  ewt-heldout3.jsonl: rng.sample(weblog/newsgroup documents, 5), then rng.sample(the other documents, 2);
  bbc-heldout3.jsonl: rng.sample(business/ documents, 5), then rng.sample(the other folders' documents, 2).
Usage: heldout3-sample.py list              print the documents with their sentence counts
       heldout3-sample.py blank OUT.jsonl   write every sentence record of those documents with `events` emptied and
                                            `note` null (BBC text rebuilt by tools/events/bbc-spans.py's rule; OUT holds
                                            BBC text, so it is a scratch file outside the repository)
The labels of the heldout3 files are never printed or written by this script."""
import json, os, random, sys
HERE = os.path.dirname(os.path.abspath(__file__))
EV = os.path.join(HERE, "..")
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "tools", "events"))

def records(name):
    return [json.loads(l) for l in open(os.path.join(EV, name), encoding="utf-8") if l.strip()]

def sample():
    rng = random.Random(18)
    ewt = records("ewt-heldout3.jsonl"); bbc = records("bbc-heldout3.jsonl")
    ed = sorted({r["doc"] for r in ewt}); bd = sorted({r["doc"] for r in bbc})
    pol = [d for d in ed if d.split("-")[0] in ("weblog", "newsgroup")]
    rest = [d for d in ed if d not in pol]
    bus = [d for d in bd if d.startswith("business/")]
    oth = [d for d in bd if d not in bus]
    docs = rng.sample(pol, 5) + rng.sample(rest, 2) + rng.sample(bus, 5) + rng.sample(oth, 2)
    recs = [r for r in ewt + bbc if r["doc"] in docs]
    recs.sort(key=lambda r: (docs.index(r["doc"]), r["sent"]))
    return docs, recs

def main(argv):
    docs, recs = sample()
    if len(argv) > 1 and argv[1] == "list":
        for d in docs: print(d, sum(r["doc"] == d for r in recs))
        print("total", len(recs))
    elif len(argv) > 2 and argv[1] == "blank":
        import importlib.util
        spec = importlib.util.spec_from_file_location("bbcspans", os.path.join(HERE, "..", "..", "..", "..", "tools", "events", "bbc-spans.py"))
        bs = importlib.util.module_from_spec(spec); spec.loader.exec_module(bs)
        cache = {}
        with open(argv[2], "w", encoding="utf-8") as out:
            for r in recs:
                o = {k: v for k, v in r.items() if k not in ("events", "note", "speaker")}
                if r["corpus"] == "bbc":
                    t = cache.setdefault(r["doc"], bs.text(r["doc"]))
                    o["text_rebuilt"] = " ".join(t[r["start"]:r["end"]].split())
                o["events"] = []; o["note"] = None
                out.write(json.dumps(o, ensure_ascii=False) + "\n")
    else:
        sys.exit("usage: heldout3-sample.py list | blank OUT.jsonl")

if __name__ == "__main__":
    main(sys.argv)
