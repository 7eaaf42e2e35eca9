#!/usr/bin/env python3
"""Precision, recall and F1 of a `dossier eval events ANNOTATIONS --min-confidence 0 --details FILE` file at each THRESHOLD,
for all sentences and for the dev parts, counted as tools/events/dev-errors.py counts them (branch ev16m; the `new` part
added by the lead, docs/evaluation.md): `tempeval` (sentence keys starting "tempeval:"), `new` (BBC sentences and the GUM
documents of data/annotations/events/gum-more.jsonl, added by ev16d) and `old` (the rest).
Usage: dev-parts.py DETAILS THRESHOLD [THRESHOLD ...]"""
import json,os,re,subprocess,sys,tempfile
path=sys.argv[1]; here=os.path.dirname(os.path.abspath(__file__))
more=os.path.join(here,'..','..','data','annotations','events','gum-more.jsonl')
newdocs={'gum:'+json.loads(l)['doc'] for l in open(more)} if os.path.exists(more) else set()
def part(key):
    if key.startswith('tempeval:'): return 'tempeval'
    if key.startswith('bbc:') or key.split('#')[0] in newdocs: return 'new'
    return 'old'
parts={'all':[],'old':[],'tempeval':[],'new':[]}; dst=None
for line in open(path):
    if not line.startswith('    '): dst=part(line.split()[0])
    parts['all'].append(line); parts[dst].append(line)
with tempfile.TemporaryDirectory() as d:
    for t in sys.argv[2:]:
        for name,lines in parts.items():
            if not lines: continue
            f=os.path.join(d,name); open(f,'w').writelines(lines)
            head=subprocess.run([sys.executable,os.path.join(here,'dev-errors.py'),f,t],capture_output=True,text=True,check=True).stdout.splitlines()[0]
            m=re.search(r'gold (\d+) pred (\d+) matched (\d+) P ([\d.]+) R ([\d.]+)',head)
            g,p,n=int(m[1]),int(m[2]),int(m[3]); P=n/p if p else 0; R=n/g if g else 0; F=2*P*R/(P+R) if P+R else 0
            print(f"T={t} {name:8s} P {P:.3f} R {R:.3f} F1 {F:.3f} ({n} of {p} predicted, {g} gold)")
