# Checks event annotation files: every line parses, fields present, splits constant per document,
# types and statuses in the PLOVER lists, trigger/source/target/speaker are substrings of the text.
# Usage: python3 data/annotations/validate.py data/annotations/events/*.jsonl
import sys,json,collections
T=set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split())
S=set("occurred planned possible requested refused negated alleged".split())
ok=True
for path in sys.argv[1:]:
    seen=set(); docsplit={}; n=0
    for k,line in enumerate(open(path,encoding='utf-8'),1):
        try: r=json.loads(line)
        except Exception as x: print(path,k,"bad json",x); ok=False; continue
        n+=1
        for f in ("corpus","doc","sent","split","text","events","note"):
            if f not in r: print(path,k,"missing",f); ok=False
        if r["split"] not in ("train","dev","heldout"): print(path,k,"bad split"); ok=False
        if docsplit.setdefault(r["doc"],r["split"])!=r["split"]: print(path,k,"split differs in doc"); ok=False
        key=(r["doc"],r["sent"])
        if key in seen: print(path,k,"duplicate",key); ok=False
        seen.add(key)
        if not isinstance(r["sent"],int): print(path,k,"sent not int"); ok=False
        for e in r["events"]:
            if e.get("type") not in T: print(path,k,"bad type",e.get("type")); ok=False
            if e.get("status") not in S: print(path,k,"bad status",e.get("status")); ok=False
            for f in ("trigger","source","target"):
                if f not in e: print(path,k,"missing",f); ok=False
            if not e.get("trigger"): print(path,k,"empty trigger"); ok=False
            for f in ("trigger","source","target","speaker"):
                v=e.get(f)
                if v is not None and r["text"] is not None and v not in r["text"]:
                    print(path,k,f,"not in text:",repr(v)); ok=False
    print(path,n,"sentences OK" if ok else "ERRORS")
sys.exit(0 if ok else 1)
