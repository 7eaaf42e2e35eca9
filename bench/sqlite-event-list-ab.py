#!/usr/bin/env python3
# Usage: bench/sqlite-event-list-ab.py [N]   (branch pg9; main's store in /tmp/pg9-sqlite-base.db, the branch's in /tmp/pg9-sqlite-new.db,
# each written by `dossier ingest ../shared/corpora/bbc --db FILE` of its own build)
# CPU per page of the SQLite event list's two follow-up queries (actors, reports) for the page of type=CONSULT (general domain; SQLite's corpus_events has no confidence column):
# main's SQL on main's store vs the branch's SQL on the branch's store, interleaved in one process.
import sqlite3, time, sys
def page(c):
    return [r[0] for r in c.execute("""SELECT corpus_event_id FROM corpus_events AS ce WHERE ce.type='CONSULT' AND ce.domain IS NULL
        ORDER BY coalesce(ce.date_day, ce.first_published) DESC NULLS LAST, ce.corpus_event_id DESC LIMIT 51""")]
OLD_A="""SELECT a.corpus_event_id, a.side, a.corpus_id, coalesce(c.name, a.text), coalesce(c.code, a.code)
 FROM corpus_event_actors AS a LEFT JOIN corpus_entities AS c ON c.corpus_id = a.corpus_id WHERE a.corpus_event_id IN ({l}) ORDER BY a.corpus_event_id, a.side, a.ordinal"""
OLD_E="""SELECT e.corpus_event_id, d.id, d.title, d.published, d.source, d.url, e.event_id, e.trigger_text, e.status, e.evidence, e.confidence
 FROM events AS e JOIN documents AS d ON d.doc_key = e.doc_key WHERE e.corpus_event_id IN ({l}) ORDER BY e.corpus_event_id, d.published NULLS LAST, d.id, e.ordinal"""
NEW_A="""SELECT a.corpus_event_id, a.side, a.corpus_id, coalesce(a.entity_name, a.text), coalesce(a.entity_code, a.code)
 FROM corpus_event_actors AS a WHERE a.corpus_event_id IN ({l}) ORDER BY a.corpus_event_id, a.side, a.ordinal"""
NEW_E="""SELECT e.corpus_event_id, e.document_id, e.document_title, e.document_published, e.document_source, e.document_url,
 e.event_id, e.trigger_text, e.status, e.evidence, e.confidence FROM events AS e WHERE e.corpus_event_id IN ({l}) ORDER BY e.corpus_event_id, e.document_published NULLS LAST, e.document_id, e.ordinal"""
base=sqlite3.connect('file:/tmp/pg9-sqlite-base.db?mode=ro',uri=True); new=sqlite3.connect('file:/tmp/pg9-sqlite-new.db?mode=ro',uri=True)
ids=page(base); assert ids==page(new)
l=','.join(map(str,ids))
def run(c,a,e):
    return c.execute(a.format(l=l)).fetchall(), c.execute(e.format(l=l)).fetchall()
ra=run(base,OLD_A,OLD_E); rb=run(new,NEW_A,NEW_E); assert ra==rb, 'rows differ'
N=int(sys.argv[1]) if len(sys.argv)>1 else 300
res={'main':[], 'pg9':[]}
for rnd in range(6):
    for name,c,a,e in (('main',base,OLD_A,OLD_E),('pg9',new,NEW_A,NEW_E)) if rnd%2==0 else (('pg9',new,NEW_A,NEW_E),('main',base,OLD_A,OLD_E)):
        t=time.process_time()
        for _ in range(N): run(c,a,e)
        res[name].append((time.process_time()-t)/N*1000)
for k,v in res.items(): print(k, ' '.join(f'{x:.3f}' for x in v), 'mean %.3f ms' % (sum(v)/len(v)))
print('rows identical:', ra==rb, len(ra[0]), len(ra[1]))
