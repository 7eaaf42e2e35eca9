# Cuts the plain text of a TempEval-3 TimeML file's <TEXT> element (tags removed, entities decoded, as validate.py and
# EventAnnotations.cs read it) into sentence spans, by the rule that cut events/extra/tempeval.jsonl (branch ev13): a cut
# at every blank line (paragraph), and after . ! ? (and any closing quotes or brackets) followed by white space and a
# capital or a digit (opening quotes or a bracket allowed before it), unless the word before the period is a common
# abbreviation, a single capital or a dotted initialism ("N.Y."). A span runs from its first to its last non-space
# character. Reproduces the spans of all 55 documents of extra/tempeval.jsonl (`--check`).
# Usage: python3 data/annotations/tempeval_spans.py DOC.tml ...          (prints "sent start end text")
#        python3 data/annotations/tempeval_spans.py --check FILE.jsonl   (the file's spans are the rule's, whole documents)
import sys,os,re,html,json,collections
TEMPEVAL=os.environ.get("TEMPEVAL3") or os.path.join(os.path.dirname(os.path.abspath(__file__)),"..","..","..","shared","data","tempeval3")
ABBR=set("Mr Mrs Ms Dr St Gen Sen Rep Gov Lt Col Sgt Capt Maj Adm Cmdr Jr Sr Inc Corp Co Ltd Bros No Vol Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec U.S U.N Mt Ft Rev Prof Pres Calif Fla Mass Wash Ariz Ore Pa Va Ga Ill Mich Minn Conn Tenn Ky La Md Mo Neb Nev Okla Wis Wyo Ala Colo Del Kan Miss Vt Ave Blvd Rd vs".split())
def plain(doc):
    xml=open(os.path.join(TEMPEVAL,doc),encoding='utf-8').read()
    a=xml.index("<TEXT>")+6; b=xml.index("</TEXT>")
    return html.unescape(re.sub(r"<[^>]*>","",xml[a:b]))
def cut(p):
    spans=[]; n=len(p); start=None; k=0
    while k<n:
        if start is None:
            if p[k].isspace(): k+=1; continue
            start=k
        c=p[k]
        if c=='\n':
            m=re.match(r"\n[ \t]*\n\s*",p[k:])
            if m:
                e=k
                while p[e-1].isspace(): e-=1
                if e>start: spans.append((start,e))
                start=None; k+=m.end(); continue
        if c in '.!?':
            e=k+1
            while e<n and p[e] in "'\")]": e+=1
            j=e
            while j<n and p[j].isspace(): j+=1
            q=j
            while q<n and p[q] in '`"\'(': q+=1
            if j>e and (q>=n or p[q].isupper() or p[q].isdigit()):
                w=re.search(r"(\S+)$",p[start:k]); word=(w.group(1) if w else '').lstrip('(`"\'')
                if c=='.' and (word in ABBR or re.fullmatch(r"[A-Z]",word) or re.fullmatch(r"([A-Za-z]\.)+[A-Za-z]",word)):
                    k+=1; continue
                spans.append((start,e)); start=None; k=j; continue
        k+=1
    if start is not None:
        e=n
        while p[e-1].isspace(): e-=1
        spans.append((start,e))
    return spans
def text(p,s,e): return " ".join(p[s:e].split())
if __name__=="__main__":
    if sys.argv[1:2]==["--check"]:
        ok=True
        for path in sys.argv[2:]:
            by=collections.defaultdict(list)
            for line in open(path,encoding='utf-8'):
                r=json.loads(line); by[r["doc"]].append((r["sent"],r["start"],r["end"]))
            for d,rows in by.items():
                want=[(i,s,e) for i,(s,e) in enumerate(cut(plain(d)))]
                if rows!=want: print(path,d,"spans differ from the rule"); ok=False
            print(path,len(by),"documents","OK" if ok else "ERRORS")
        sys.exit(0 if ok else 1)
    for d in sys.argv[1:]:
        p=plain(d)
        for i,(s,e) in enumerate(cut(p)): print(i,s,e,text(p,s,e))
