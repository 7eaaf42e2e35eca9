#!/usr/bin/env python3
"""Reads the case file `DOSSIER_SCORER_CASES=FILE dossier train event-model` writes (each dev candidate: + or -, its
probability, type, trigger, sources, gold events, sentence, weighted features) and compares the right candidates the
scorer puts under THRESHOLD with the wrong ones it puts at or above it: share of some features, the trigger model's
probability (prior=, tenths), types, and the feature that pushes each down (right) or up (wrong) most
(docs/evaluation.md, branch ev10). Usage: scorer-cases.py CASES [THRESHOLD (0.25)] [v (list the cases)]"""
import collections,sys
rows=[l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
T=float(sys.argv[2]) if len(sys.argv)>2 else 0.25
def feats(r):
  out=[]
  for f in r[7].split():
    n,w=f.rsplit(':',1); out.append((n,float(w)))
  return out
lowR=[r for r in rows if r[0]=='+' and float(r[1])<T]
hiW=[r for r in rows if r[0]=='-' and float(r[1])>=T]
allR=[r for r in rows if r[0]=='+']; allW=[r for r in rows if r[0]=='-']
print(len(rows),'candidates; right under',T,len(lowR),'; wrong at or above',len(hiW))
for k in ['src=none','tgt=none','src.coded=True','src.entity=none','src.entity=PERSON','src.entity=ORG','src.entity=GPE','quoted=True','speaker=True','upos=NOUN','status=occurred']:
  def sh(g): return sum(1 for r in g if any(f==k for f,_ in feats(r)))/max(1,len(g))
  print('%-20s right-under %.2f  wrong-over %.2f  all right %.2f  all wrong %.2f'%(k,sh(lowR),sh(hiW),sh(allR),sh(allW)))
for pre in ['prior=','type=']:
  for g,name in ((lowR,'right-under'),(hiW,'wrong-over'),(allR,'all right'),(allW,'all wrong')):
    c=collections.Counter(f for r in g for f,_ in feats(r) if f.startswith(pre))
    print('%-12s'%name, sorted(c.items()))
print('right-under, strongest push down:',collections.Counter(min(feats(r),key=lambda x:x[1])[0].split('=')[0] for r in lowR if feats(r)))
print('wrong-over, strongest push up:',collections.Counter(max(feats(r),key=lambda x:x[1])[0] for r in hiW if feats(r)).most_common(6))
if len(sys.argv)>3:
  for name,g in (('RIGHT under',lowR),('WRONG over',hiW)):
    print('=====',name)
    for r in sorted(g,key=lambda r:float(r[1])):
      print(r[1],r[2],repr(r[3]),r[4],'|',r[5][:90]); print('     ',r[6][:160]); print('     ',' '.join(f'{n}:{w:+.2f}' for n,w in feats(r)[:10]))
