#!/usr/bin/env python3
"""Error classes of `dossier eval events ANNOTATIONS --details FILE` (written with the default --min-confidence 0, so that
every event is marked + (right: type and source) or - ): replays the evaluator's one-to-one type-and-sentence matching at
THRESHOLD and counts each missed gold event and each unmatched prediction in one class (docs/evaluation.md, branch ev4).
Usage: dev-errors.py DETAILS [THRESHOLD (0.35)] [v (list the cases)]"""
import re,sys,collections
path=sys.argv[1]; T=float(sys.argv[2]) if len(sys.argv)>2 else 0.35
verbose = len(sys.argv)>3
sents=[];cur=None
for line in open(path):
    line=line.rstrip('\n')
    if not line.startswith('    '):
        cur={'key':line,'text':None,'gold':[],'pred':[]};sents.append(cur);continue
    s=line[4:]
    if cur['text'] is None: cur['text']=s;continue
    m=re.match(r"gold (\w+) (\w+) '(.*?)' src=\[(.*?)\] tgt=\[(.*?)\]$",s)
    if m: cur['gold'].append(dict(type=m[1],status=m[2],trig=m[3],src=m[4],tgt=m[5]));continue
    m=re.match(r"(\S+) (\w+)/(\S*) (\w+) '(.*?)' conf=([\d.]+) src=\[(.*?)\] tgt=\[(.*?)\]$",s)
    if m: cur['pred'].append(dict(mark=m[1],type=m[2],code=m[3],status=m[4],trig=m[5],conf=float(m[6]),src=m[7],tgt=m[8]));continue
    print('??',s)
def words(t): return set(w.lower() for w in re.findall(r"\w+",t))
def ov(a,b): return bool(words(a)&words(b))
miss=collections.Counter(); fp=collections.Counter(); ex=collections.defaultdict(list)
ngold=npred=nmatch=0
for s in sents:
    preds=[p for p in s['pred'] if p['conf']>=T]
    npred+=len(preds); ngold+=len(s['gold'])
    used=set(); matchedg=set()
    for gi,g in enumerate(s['gold']):
        c=[i for i,p in enumerate(preds) if p['type']==g['type'] and i not in used]
        if not c: continue
        b=next((i for i in c if ov(preds[i]['trig'],g['trig'])),c[0])
        used.add(b); matchedg.add(gi)
    nmatch+=len(matchedg)
    for gi,g in enumerate(s['gold']):
        if gi in matchedg:
            p=None
            continue
        same=[p for p in s['pred'] if p['type']==g['type']]
        ontrig=[p for p in s['pred'] if ov(p['trig'],g['trig'])]
        if same:
            best=max(same,key=lambda p:p['conf'])
            if best['conf']>=T: k='right type above threshold, taken by another gold event'
            elif best['mark']=='+': k='right type, under the threshold (source right or not named)'
            else: k='right type, under the threshold (wrong source)'
        elif ontrig: k='candidate on the trigger, wrong type'
        elif s['pred']: k='no candidate on the trigger (other events in the sentence)'
        else: k='no candidate in the sentence'
        miss[k]+=1; ex[k].append((g,s['text'],[(p['type'],p['trig'],p['conf']) for p in s['pred']]))
    for i,p in enumerate(preds):
        if i in used: continue
        gtypes={g['type'] for g in s['gold']}
        if not s['gold']: k='FP: sentence has no gold event'
        elif p['type'] in gtypes: k='FP: duplicate of a type the sentence has'
        elif any(ov(p['trig'],g['trig']) for g in s['gold']): k='FP: gold trigger, wrong type'
        else: k='FP: other word in a sentence with events'
        fp[k]+=1; ex[k].append((p,s['text'],[(g['type'],g['trig']) for g in s['gold']]))
print(f"T={T} gold {ngold} pred {npred} matched {nmatch} P {nmatch/npred:.3f} R {nmatch/ngold:.3f}")
for k,v in miss.most_common(): print(f"miss {v:4d} {k}")
for k,v in fp.most_common(): print(f"     {v:4d} {k}")
# matched with wrong source
if verbose:
    for k in ex:
        print('\n=== ',k)
        for e in ex[k]: print('  ',e[0]['type'],repr(e[0].get('trig')),e[0].get('conf',''),'src=',e[0].get('src'),'|',e[1][:150],'|',e[2])
