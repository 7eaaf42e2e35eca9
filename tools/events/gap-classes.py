#!/usr/bin/env python3
"""Classes of the dev gold events the trigger model scores under its proposal threshold, or as another type, from the
case list `DOSSIER_CANDIDATE_CASES=FILE dossier train event-trigger` writes (CandidateDiagnosis; issue 13, branch ev9).
First class that holds: a multi-word trigger (phrasal verb or verb + preposition; light verb + noun; other: idioms,
modifier + noun, clauses); the model's best type is another; the lexicon gives the word another type; the lexicon has
the type but no rule context made a candidate; a speech or wanting verb read as ACCUSE/REQUEST; a form of a word that is
a train trigger of the type; a verb of CAMEO's verb file that our lexicon does not type; a train trigger of another type
only; else nothing anywhere. Reads models/events/{cameo-verbs,general}.tsv, ../shared/data/cameo/CAMEO.2.0.txt and the
train split of data/annotations/events (never dev or heldout annotations).
Usage (from the repository root): gap-classes.py CASES [v (list the cases)]"""
import sys, re, json, glob, collections
cases = [l.rstrip('\n').split('\t') for l in open(sys.argv[1])]
verbose = len(sys.argv) > 2
cameo = set(); inpat = False
for raw in open('../shared/data/cameo/CAMEO.2.0.txt', encoding='latin-1'):
    if raw.startswith('####### VERB PATTERNS'): inpat = True; continue
    l = raw.strip()
    if not inpat or not l or l[0] in '#-': continue
    m = re.match(r"^(\+?)([A-Z][A-Z0-9_'\-]*)\s*(\{[^}]*\})?", l)
    if m: cameo.update([m[2].strip('_').lower()] + ([x.lower() for x in m[3].strip('{}').split()] if m[3] else []))
light = set(l.split('\t')[1] for l in open('models/events/general.tsv') if l.startswith('light\t'))
speech = set(l.split('\t')[1].strip() for l in open('models/events/general.tsv') if l.startswith('speech\t'))
train = collections.defaultdict(set)
for f in glob.glob('data/annotations/events/*.jsonl'):
    for line in open(f):
        r = json.loads(line)
        if r['split'] == 'train':
            for e in r['events']: train[e['type']].update(w.lower() for w in re.findall(r"[A-Za-z]+", e['trigger']))
def stem(w):
    for s in ['ations', 'ation', 'ments', 'ment', 'ings', 'ing', 'ions', 'ion', 'ied', 'ed', 'es', 's', 'e']:
        if w.endswith(s) and len(w) - len(s) >= 4: return w[:len(w) - len(s)]
    return w
trainstem = {t: set(stem(w) for w in ws) for t, ws in train.items()}
alltrain = set().union(*train.values())
particles = set('up down out off back away over in on forward through with to for against into at from about by'.split())
wanting = {'want', 'wanted', 'wants', 'expect', 'expects', 'expected'}
out = collections.Counter(); ex = collections.defaultdict(list)
for c in cases:
    reason, typ, trig = c[0], c[1], c[2].strip("'")
    if not (reason.startswith('model under') or reason.startswith("model's best")): continue
    m = re.search(r"lexicon (\S+)", c[4]); lex = m[1] if m else '-'
    words = re.findall(r"[A-Za-z]+", trig.lower()); w = words[0] if words else ''
    if len(words) > 1:
        if len(words) <= 3 and any(x in particles for x in words[1:3]): k = 'multi-word: phrasal verb or verb + preposition'
        elif any(x in light or stem(x) in light or stem(x) + 'e' in light or x in ('held', 'made', 'gave', 'sent', 'took') for x in words[:2]): k = 'multi-word: light verb + noun'
        else: k = 'multi-word: other (idiom, modifier + noun, clause)'
    elif reason.startswith("model's best"): k = "model's best type is another"
    elif lex != '-' and lex != typ: k = 'lexicon gives another type'
    elif lex == typ: k = 'lexicon has the type, no rule context'
    elif typ in ('ACCUSE', 'REQUEST') and (w in wanting or stem(w) in speech or w in speech or w in ('said', 'says', 'told', 'claimed', 'asserted')): k = 'speech or wanting verb read as ACCUSE/REQUEST'
    elif w in trainstem.get(typ, ()) or stem(w) in trainstem.get(typ, ()): k = 'a form of a train trigger of the type'
    elif w in cameo or stem(w) in cameo: k = "in CAMEO's verb file, no type in our lexicon"
    elif w in alltrain: k = 'a train trigger of another type only'
    else: k = 'no lexicon entry, not in CAMEO, never a train trigger'
    out[k] += 1; ex[k].append(f"{typ} '{trig}'")
for k, v in out.most_common():
    print(f"{v:4} {k}" + (': ' + '; '.join(ex[k]) if verbose else ': ' + '; '.join(ex[k][:4])))
print(f"{sum(out.values()):4} in all")
