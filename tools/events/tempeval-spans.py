#!/usr/bin/env python3
"""Sentence spans of TempEval-3 TimeML files, for event annotation records (`corpus` `tempeval`, `text` null; see
data/annotations/events/tempeval.md). The plain text is that of the file's <TEXT> element, tags removed and
entities decoded, as EventAnnotations.Read and data/annotations/validate.py rebuild it. The rule: a blank line always
ends a span; within a paragraph, `.`/`!`/`?` (with any closing quotes or parentheses) followed by white space, an optional
opening quote or parenthesis and a capital letter or digit ends a span, unless the word before the period is a common
abbreviation, a single capital letter or a dotted initialism (`U.S`). It reproduces every span of tempeval.jsonl
(branch ev13) and of tempeval-dev.jsonl (branch ev14d).
Usage: tempeval-spans.py show DOC...            print each sentence of DOC (path under tempeval3/) with its number and span
       tempeval-spans.py check FILE.jsonl...    exit 1 unless every document's records are exactly the rule's spans
The TimeML files are read from ../shared/data/tempeval3 beside the repository (or $TEMPEVAL3)."""
import html, json, os, re, sys
TEMPEVAL = os.environ.get("TEMPEVAL3") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data", "tempeval3")
ABBR = set("Mr Mrs Ms Dr St Gen Sen Rep Gov Lt Col Sgt Capt Maj Adm Cmdr Rev Prof Jr Sr Co Corp Inc Ltd Bros No Jan Feb "
           "Mar Apr Aug Sept Sep Oct Nov Dec Ft Mt Calif Fla Mass Ariz Ill Wash Va Pa Conn Mich Minn Tenn Tex Okla Ore Wis "
           "Ky La Md Mo Neb Nev Del Ga Ala Kan Colo Miss Vt Penn vs etc U.S U.N U.K p.m a.m".split())
END = re.compile(r"""[.!?]+['"`)]*(?=\s+[`"('"]*[A-Z0-9])""")

def plain(doc):
    xml = open(os.path.join(TEMPEVAL, doc), encoding="utf-8").read()
    a = xml.index("<TEXT>") + 6; b = xml.index("</TEXT>")
    return html.unescape(re.sub(r"<[^>]*>", "", xml[a:b]))

def _paragraph(p, base, spans):
    n = len(p); i = 0
    while i < n and p[i].isspace(): i += 1
    start = i
    for m in END.finditer(p):
        if m.start() < start: continue
        if p[m.start()] == ".":
            w = re.search(r"([A-Za-z.]+)$", p[start:m.start()])
            word = w.group(1) if w else ""
            if word in ABBR or re.fullmatch(r"[A-Z]", word) or re.fullmatch(r"([A-Za-z]\.)+[A-Za-z]", word): continue
        spans.append((base + start, base + m.end()))
        j = m.end()
        while j < n and p[j].isspace(): j += 1
        start = j
    e = n
    while e > start and p[e - 1].isspace(): e -= 1
    if e > start: spans.append((base + start, base + e))

def spans(text):
    """The (start, end) sentence spans of a document's plain text."""
    out = []; pos = 0
    for m in re.finditer(r"\n[ \t]*\n", text):
        _paragraph(text[pos:m.start()], pos, out); pos = m.end()
    _paragraph(text[pos:], pos, out)
    return out

def main(argv):
    if len(argv) < 3 or argv[1] not in ("show", "check"): print(__doc__); return 2
    if argv[1] == "show":
        for doc in argv[2:]:
            text = plain(doc); print("===", doc)
            for i, (s, e) in enumerate(spans(text)): print(i, s, e, " ".join(text[s:e].split()))
        return 0
    bad = 0
    for path in argv[2:]:
        docs = {}; before = bad
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            if r.get("corpus") == "tempeval": docs.setdefault(r["doc"], []).append((r["sent"], r["start"], r["end"]))
        for doc, recs in docs.items():
            if [(s, e) for _, s, e in sorted(recs)] != spans(plain(doc)): print(path, doc, "spans differ from the rule"); bad += 1
        print(path, len(docs), "documents", "OK" if bad == before else "ERRORS")
    return 1 if bad else 0

if __name__ == "__main__": sys.exit(main(sys.argv))
