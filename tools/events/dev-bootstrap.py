#!/usr/bin/env python3
"""Paired bootstrap over documents of the event F1 (and precision) difference between two builds on the same annotated
sentences (branch ev15, docs/evaluation.md). Each DETAILS file is written by `dossier eval events ANNOTATIONS --min-confidence 0
--details FILE`; the events at or above each build's threshold are matched to the gold events one-to-one by type within the
sentence, as `dossier eval events` counts them. A document is a sentence key up to its last '#'.
Usage: dev-bootstrap.py A_DETAILS A_THRESHOLD B_DETAILS B_THRESHOLD [RESAMPLES (2000)]
       EXCLUDE=FILE leaves out the documents named in FILE (one a line, e.g. tempeval:AQUAINT/XIE19990313.0229.tml)."""
import re,sys,random,collections
def load(path,T):
    out={};cur=None;key=None
    for line in open(path):
        line=line.rstrip('\n')
        if not line.startswith('    '):
            key=line.split(' ')[0]; cur={'text':None,'gold':[],'pred':[]}; out[key]=cur; continue
        s=line[4:]
        if cur['text'] is None: cur['text']=s; continue
        m=re.match(r"gold (\w+) (\w+) '(.*?)'",s)
        if m: cur['gold'].append((m[1],m[3])); continue
        m=re.match(r"(\S+) (\w+)/(\S*) (\w+) '(.*?)' conf=([\d.]+)",s)
        if m and float(m[6])>=T: cur['pred'].append((m[2],m[5]))
    res={}
    for k,s in out.items():
        used=set(); n=0
        for gt,gtr in s['gold']:
            c=[i for i,p in enumerate(s['pred']) if p[0]==gt and i not in used]
            if c: used.add(c[0]); n+=1
        res[k]=(len(s['gold']),len(s['pred']),n)
    return res
a=load(sys.argv[1],float(sys.argv[2])); b=load(sys.argv[3],float(sys.argv[4])); N=int(sys.argv[5]) if len(sys.argv)>5 else 2000
assert set(a)==set(b)
import os
ex=set(l.strip() for l in open(os.environ['EXCLUDE'])) if os.environ.get('EXCLUDE') else set()
a={k:v for k,v in a.items() if k.rsplit('#',1)[0] not in ex}; b={k:v for k,v in b.items() if k in a}
doc=lambda k: k.rsplit('#',1)[0]
docs=collections.defaultdict(list)
for k in a: docs[doc(k)].append(k)
D=list(docs)
def f1(r,keys):
    g=sum(r[k][0] for k in keys); p=sum(r[k][1] for k in keys); m=sum(r[k][2] for k in keys)
    P=m/p if p else 0; R=m/g if g else 0; return (2*P*R/(P+R) if P+R else 0),P,R
fa,pa,ra=f1(a,list(a)); fb,pb,rb=f1(b,list(b))
print(f"A: F1 {fa:.3f} P {pa:.3f} R {ra:.3f}; B: F1 {fb:.3f} P {pb:.3f} R {rb:.3f}; dF1 {fb-fa:+.3f} dP {pb-pa:+.3f}  ({len(D)} documents)")
random.seed(1); df=[];dp=[]
for _ in range(N):
    keys=[k for d in random.choices(D,k=len(D)) for k in docs[d]]
    x=f1(a,keys); y=f1(b,keys); df.append(y[0]-x[0]); dp.append(y[1]-x[1])
df.sort(); dp.sort()
q=lambda v,p: v[int(p*len(v))]
print(f"bootstrap dF1 95% [{q(df,0.025):+.3f}, {q(df,0.975):+.3f}], share > 0: {sum(x>0 for x in df)/N:.3f}; dP 95% [{q(dp,0.025):+.3f}, {q(dp,0.975):+.3f}]")
