#!/usr/bin/env python3
"""How much each TempEval dev document of tempeval-dev.jsonl overlaps the train documents of tempeval.jsonl (branch ev15,
docs/evaluation.md): one line a dev document, tab-separated: document, sentences, gold events, sentences with a near
duplicate among the train sentences (word-set Jaccard >= 0.6 over words of 3+ letters, 4+ such words), the best cosine
of the document's word counts (words of 4+ letters) with a train document's, and that train document.
Usage: tempeval-overlap.py  (from the repository root; the TimeML files as tools/events/tempeval-spans.py reads them)"""
import json,re,sys,collections,math
sys.path.insert(0,'tools/events'); import importlib; ts=importlib.import_module('tempeval-spans')
def W(t): return set(w.lower() for w in re.findall(r"[A-Za-z]{3,}",t))
train=collections.defaultdict(list)
for l in open('data/annotations/events/tempeval.jsonl'):
    r=json.loads(l); train[r['doc']].append((r['start'],r['end']))
tsent=[]; tdoc={}
for d,sp in train.items():
    t=ts.plain(d); ss=[' '.join(t[s:e].split()) for s,e in sp]; tsent+=ss; tdoc[d]=collections.Counter(w.lower() for w in re.findall(r"[A-Za-z]{4,}",t))
dev=collections.defaultdict(list)
for l in open('data/annotations/events/tempeval-dev.jsonl'):
    r=json.loads(l); dev[r['doc']].append(r)
tw=[W(s) for s in tsent]
def cos(a,b):
    n=sum(a[k]*b[k] for k in a if k in b); return n/math.sqrt(sum(v*v for v in a.values())*sum(v*v for v in b.values()))
for d,rs in dev.items():
    t=ts.plain(d); ev=sum(len(r['events']) for r in rs)
    dup=0
    for r in rs:
        w=W(t[r['start']:r['end']])
        if len(w)>=4 and any(len(w&x)/len(w|x)>=0.6 for x in tw): dup+=1
    c=collections.Counter(w.lower() for w in re.findall(r"[A-Za-z]{4,}",t))
    best=max(tdoc,key=lambda k:cos(c,tdoc[k]))
    print(f"{d}\t{len(rs)}\t{ev}\t{dup}\t{cos(c,tdoc[best]):.2f}\t{best}")
