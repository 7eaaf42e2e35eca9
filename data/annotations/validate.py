# Checks event annotation files: every line parses, fields present, splits constant per document,
# types and statuses in the PLOVER lists, trigger/source/target/speaker are substrings of the text.
# TempEval-3 records (corpus "tempeval", text null) are rebuilt as EventAnnotations.cs does: the span start..end of the
# TimeML file's <TEXT> plain text (tags removed, entities decoded), white space runs made one space; the TimeML files
# are read from ../shared/data/tempeval3 beside the repository (or $TEMPEVAL3).
# BBC News records (corpus "bbc", text null) likewise: the span start..end of the file under ../shared/corpora/bbc (or $BBC)
# as EventAnnotations.cs reads it (strict UTF-8, a byte-order mark dropped, line ends kept), white space runs made one space.
# Usage: python3 data/annotations/validate.py data/annotations/events/*.jsonl
import sys,json,collections,os,re,html
TEMPEVAL=os.environ.get("TEMPEVAL3") or os.path.join(os.path.dirname(os.path.abspath(__file__)),"..","..","..","shared","data","tempeval3")
_plain={}
def tempeval_plain(doc):
    if doc not in _plain:
        xml=open(os.path.join(TEMPEVAL,doc),encoding='utf-8').read()
        a=xml.index("<TEXT>")+6; b=xml.index("</TEXT>")
        _plain[doc]=html.unescape(re.sub(r"<[^>]*>","",xml[a:b]))
    return _plain[doc]
def tempeval_text(r):
    p=tempeval_plain(r["doc"]); s,e=r["start"],r["end"]
    if not (isinstance(s,int) and isinstance(e,int) and 0<=s<e<=len(p)): raise ValueError("bad span %r..%r"%(s,e))
    return " ".join(p[s:e].split())
BBC=os.environ.get("BBC") or os.path.join(os.path.dirname(os.path.abspath(__file__)),"..","..","..","shared","corpora","bbc")
_bbc={}
def bbc_text(r):
    doc=r["doc"]
    if ".." in doc or os.path.isabs(doc) or not doc.endswith(".txt"): raise ValueError("BBC document %r is not a .txt path under corpora/bbc/"%doc)
    if doc not in _bbc:
        if not os.path.isdir(BBC): sys.exit("validate.py: %s: the BBC sample's folder (corpora/bbc in the shared folder, or $BBC) is missing"%BBC)
        _bbc[doc]=open(os.path.join(BBC,doc),encoding="utf-8-sig",newline="").read()
    p=_bbc[doc]; s,e=r["start"],r["end"]
    if not (isinstance(s,int) and isinstance(e,int) and 0<=s<e<=len(p)): raise ValueError("bad span %r..%r"%(s,e))
    return " ".join(p[s:e].split())
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
        if r["split"] not in ("train","dev","heldout","heldout2","heldout3"): print(path,k,"bad split"); ok=False
        if docsplit.setdefault(r["doc"],r["split"])!=r["split"]: print(path,k,"split differs in doc"); ok=False
        key=(r["doc"],r["sent"])
        if key in seen: print(path,k,"duplicate",key); ok=False
        seen.add(key)
        if not isinstance(r["sent"],int): print(path,k,"sent not int"); ok=False
        if r.get("corpus")=="tempeval":
            if ".." in r["doc"] or os.path.isabs(r["doc"]): print(path,k,"bad doc",r["doc"]); ok=False; continue
            try: r["text"]=tempeval_text(r)
            except Exception as x: print(path,k,"tempeval:",x); ok=False; continue
            if not r["text"]: print(path,k,"empty tempeval sentence"); ok=False
        if r.get("corpus")=="bbc":
            try: r["text"]=bbc_text(r)
            except Exception as x: print(path,k,"bbc:",x); ok=False; continue
            if not r["text"]: print(path,k,"empty bbc sentence"); ok=False
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
