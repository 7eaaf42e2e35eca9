# Compares the second annotator's blind labels with the first annotator's labels on the same sentences.
# Usage: python3 data/annotations/events/agreement/compare.py A.jsonl B.jsonl [-v] [--exclude doc:sent,...] [--corpus NAME]
#   A = first annotator (e.g. extracted from gum.jsonl + ewt.jsonl), B = second-annotator.jsonl
# Matching: events of the same sentence are paired by type (multiset); among same-type events the
# pairs with overlapping triggers are taken first. Source "overlap" = one string contains the other
# or they share a word (both null counts as agreement).
import sys,json,collections,os,importlib.util
def text(r):
    # BBC and other records whose text is not committed (`text` null): BBC sentences are rebuilt from start/end by
    # tools/events/bbc-spans.py's rule, for the -v listing only
    if r.get("text") is not None: return r["text"]
    if r["corpus"]=="bbc":
        spec=importlib.util.spec_from_file_location("bbcspans",os.path.join(os.path.dirname(os.path.abspath(__file__)),"..","..","..","..","tools","events","bbc-spans.py"))
        m=importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
        return " ".join(m.text(r["doc"])[r["start"]:r["end"]].split())
    return "(text not committed)"
def load(p):
    d={}
    for l in open(p,encoding="utf-8"):
        r=json.loads(l); d[(r["corpus"],r["doc"],r["sent"])]=r
    return d
A=load(sys.argv[1]); B=load(sys.argv[2]); keys=sorted(B)
# --exclude doc:sent,doc:sent ... leaves those sentences out (e.g. sentences quoted as examples in GUIDELINES.md)
if "--exclude" in sys.argv:
    ex={tuple(x.rsplit(":",1)) for x in sys.argv[sys.argv.index("--exclude")+1].split(",")}
    keys=[k for k in keys if (k[1],str(k[2])) not in ex]
# --corpus NAME keeps only that corpus's sentences (e.g. ewt, bbc)
if "--corpus" in sys.argv:
    keys=[k for k in keys if k[0]==sys.argv[sys.argv.index("--corpus")+1]]
assert all(k in A for k in keys), "sentence missing in A"
def ov(x,y):
    if x is None or y is None: return x is None and y is None
    x2,y2=x.lower(),y.lower()
    if x2 in y2 or y2 in x2: return True
    stop={"the","a","an","of","and","his","her","its","their"}
    return bool((set(x2.split())-stop)&(set(y2.split())-stop))
def pair(ea,eb):
    pa=list(ea); pb=list(eb); out=[]
    for strict in (True,False):
        for a in list(pa):
            for b in pb:
                if a["type"]==b["type"] and (not strict or ov(a["trigger"],b["trigger"])):
                    out.append((a,b)); pa.remove(a); pb.remove(b); break
    return out,pa,pb
def pair_trigger(ea,eb):
    # pairs by trigger overlap whatever the type (for type agreement on matched triggers)
    pa=list(ea); pb=list(eb); out=[]
    for a in list(pa):
        for b in pb:
            if ov(a["trigger"],b["trigger"]): out.append((a,b)); pa.remove(a); pb.remove(b); break
    return out
n=len(keys); tab=collections.Counter(); trig_pairs=[]
tp=fa=fb=0; tp_both=fa_both=fb_both=0; src_exact=src_ov=tgt_ov=stat=0; matched=[]
conf=collections.Counter(); unmatched_a=[]; unmatched_b=[]
for k in keys:
    ea=A[k]["events"]; eb=B[k]["events"]
    tab[(bool(ea),bool(eb))]+=1
    pr,ra,rb=pair(ea,eb)
    trig_pairs+=[(k,a,b) for a,b in pair_trigger(ea,eb)]
    tp+=len(pr); fa+=len(ra); fb+=len(rb)
    if ea and eb: tp_both+=len(pr); fa_both+=len(ra); fb_both+=len(rb)
    for a,b in pr:
        matched.append((k,a,b))
        src_exact+= (a["source"]==b["source"]); src_ov+=ov(a["source"],b["source"])
        tgt_ov+=ov(a["target"],b["target"]); stat+=(a["status"]==b["status"])
        if a["status"]!=b["status"]: conf[("status",a["status"],b["status"])]+=1
    for a in ra: unmatched_a.append((k,a))
    for b in rb: unmatched_b.append((k,b))
po=(tab[(True,True)]+tab[(False,False)])/n
pa1=(tab[(True,True)]+tab[(True,False)])/n; pb1=(tab[(True,True)]+tab[(False,True)])/n
pe=pa1*pb1+(1-pa1)*(1-pb1); kappa=(po-pe)/(1-pe)
f=lambda t,x,y: 2*t/(2*t+x+y) if t else 0.0
print(f"sentences: {n}; A has events in {tab[(True,True)]+tab[(True,False)]}, B in {tab[(True,True)]+tab[(False,True)]}")
print(f"present/absent: both {tab[(True,True)]}, A only {tab[(True,False)]}, B only {tab[(False,True)]}, neither {tab[(False,False)]}")
print(f"  observed agreement {po:.3f}, Cohen's kappa {kappa:.3f}")
print(f"events: A {tp+fa}, B {tp+fb}; matched by sentence+type {tp}")
print(f"  event-level F1 (sentence+type), all sentences: {f(tp,fa,fb):.3f}")
print(f"  B against A as reference: precision {tp/(tp+fb) if tp+fb else 0:.3f}, recall {tp/(tp+fa) if tp+fa else 0:.3f}")
tt=sum(a["type"]==b["type"] for _,a,b in trig_pairs)
print(f"events paired by trigger overlap (any type): {len(trig_pairs)}; same type {tt}/{len(trig_pairs)}" + (f" = {tt/len(trig_pairs):.2f}" if trig_pairs else ""))
print(f"  event-level F1 (sentence+type), sentences where both found events: {f(tp_both,fa_both,fb_both):.3f} (matched {tp_both}, A only {fa_both}, B only {fb_both})")
m=len(matched)
if m:
    print(f"on {m} matched events: source exact {src_exact}/{m} = {src_exact/m:.2f}, source overlap {src_ov}/{m} = {src_ov/m:.2f}, target overlap {tgt_ov}/{m} = {tgt_ov/m:.2f}, status equal {stat}/{m} = {stat/m:.2f}")
if "-v" in sys.argv:
    for k,a,b in matched:
        if not (ov(a["source"],b["source"]) and ov(a["target"],b["target"]) and a["status"]==b["status"]):
            print("ROLE/STATUS",k[1],k[2],"A:",a["type"],a["trigger"],a["source"],a["target"],a["status"],"| B:",b["trigger"],b["source"],b["target"],b["status"])
    for k,a,b in trig_pairs:
        if a["type"]!=b["type"]: print("TYPE",k[1],k[2],"A:",a["type"],repr(a["trigger"]),"| B:",b["type"],repr(b["trigger"]))
    for k,a in unmatched_a: print("A ONLY",k[1],k[2],a["type"],repr(a["trigger"]),a["source"],a["target"],a["status"],"|",text(A[k])[:150])
    for k,b in unmatched_b: print("B ONLY",k[1],k[2],b["type"],repr(b["trigger"]),b["source"],b["target"],b["status"],"|",text(B[k])[:150])
