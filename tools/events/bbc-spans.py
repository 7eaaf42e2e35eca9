#!/usr/bin/env python3
"""Sentence spans of BBC News files (the 2004-2005 BBC sample, ../shared/corpora/bbc), for event annotation records
(`corpus` `bbc`, `text` null; see data/annotations/events/bbc-heldout3.md). The text is the file as .NET's
File.ReadAllText reads it as strict UTF-8: a byte-order mark dropped, line ends kept (no BBC file has a BOM or a CR;
offsets are counted in characters, and no file holds a character outside the Basic Multilingual Plane, so Python's
code points and .NET's UTF-16 units agree). The rule: the first non-empty line is the headline, one span; after it every
line break ends a span (a BBC paragraph is one line); within a line, `.`/`!`/`?` (with any closing quotes or
parentheses) followed by white space, an optional opening quote or parenthesis and a capital letter or digit ends a span,
unless the word before the period is a common abbreviation, a single capital letter or a dotted initialism (`U.S`) --
the rule of tools/events/tempeval-spans.py. The sentence is its span with white space runs made one space.
Usage: bbc-spans.py show DOC...            print each sentence of DOC (path under corpora/bbc/) with its number and span
       bbc-spans.py check FILE.jsonl...    exit 1 unless every BBC document's records are exactly the rule's spans
       bbc-spans.py sample                 the seeded document sample of bbc-heldout3.md (its rule is written there)
       bbc-spans.py sample-train           the seeded train/dev document sample of bbc.md (its rule is written there)
The files are read from ../shared/corpora/bbc beside the repository (or $BBC)."""
import json, os, random, re, sys
BBC = os.environ.get("BBC") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "corpora", "bbc")
TOPICS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "annotations", "topics", "bbc.tsv")
# The sentence rule is TempEval's (tools/events/tempeval-spans.py): one splitter for both corpora.
import importlib.util as _util
_spec = _util.spec_from_file_location("tempeval_spans", os.path.join(os.path.dirname(os.path.abspath(__file__)), "tempeval-spans.py"))
_tempeval = _util.module_from_spec(_spec); _spec.loader.exec_module(_tempeval)
_line = _tempeval._paragraph

def text(doc):
    if ".." in doc or os.path.isabs(doc) or not doc.endswith(".txt"): raise ValueError("BBC document %r is not a .txt path under corpora/bbc/" % doc)
    if not os.path.isdir(BBC): raise FileNotFoundError("%s: the BBC sample's folder (corpora/bbc in the shared folder, or $BBC) is missing" % BBC)
    t = open(os.path.join(BBC, doc), encoding="utf-8-sig", newline="").read()  # strict UTF-8, as EventAnnotations.Read
    return t

def spans(t):
    """The (start, end) sentence spans of a BBC file's text: the headline, then the body's sentences."""
    out = []; pos = 0; headline = True
    for m in re.finditer(r"[^\r\n]+", t):
        if not m.group().strip(): continue
        if headline:
            s, e = m.start(), m.end()
            while t[s].isspace(): s += 1
            while t[e - 1].isspace(): e -= 1
            out.append((s, e)); headline = False
        else:
            _line(m.group(), m.start(), out)
    return out

def sentences(doc):
    t = text(doc)
    return [(s, e, " ".join(t[s:e].split())) for s, e in spans(t)]

# The sample (bbc-heldout3.md): folders and their shares of the target sentence count, the files each excludes at the start
# of its sorted list (earlier branches read their events), the seed.
SHARES = [("business", 0.45, 34), ("tech", 0.20, 0), ("entertainment", 0.15, 33), ("sport", 0.20, 33)]
TARGET = 900

def draw(shares, target, seed, keep):
    """The rule of both samples: each folder's files in sorted order without its excluded first files, those whose topic
    split `keep` accepts and that are valid UTF-8, shuffled by one Random(seed) in folder order, taken whole until the
    folder's share of the target sentence count is reached. (doc, sentences, topic split) in the order drawn."""
    topic = topics(); rng = random.Random(seed); out = []
    for folder, share, skip in shares:
        pool = []
        for name in sorted(os.listdir(os.path.join(BBC, folder)))[skip:]:
            doc = folder + "/" + name
            if not keep(doc, topic.get(doc)): continue
            try: text(doc)
            except UnicodeDecodeError: continue
            pool.append(doc)
        rng.shuffle(pool)
        count = 0
        for doc in pool:
            if count >= share * target: break
            n = len(spans(text(doc))); out.append((doc, n, topic[doc])); count += n
    return out

def sample():
    return [(doc, n) for doc, n, _ in draw(SHARES, TARGET, 16, lambda doc, split: split == "heldout")]

# The train/dev sample (bbc.md): documents that the topic labels put in `train` or `dev` (each keeps that split as its event
# split), without the same excluded files and without any document of bbc-heldout3.jsonl; other shares, seed and target.
TRAIN_SHARES = [("business", 0.50, 34), ("tech", 0.20, 0), ("entertainment", 0.15, 33), ("sport", 0.15, 33)]
TRAIN_TARGET = 1200
HELDOUT3 = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "annotations", "events", "bbc-heldout3.jsonl")

def topics():
    topic = {}
    for line in open(TOPICS, encoding="utf-8"):
        if line.startswith("#") or not line.strip(): continue
        f = line.rstrip("\n").split("\t"); topic[f[0]] = f[2]
    return topic

def sample_train():
    """(doc, sentences, split) of the train/dev sample, in the order the rule draws them."""
    held = {json.loads(l)["doc"] for l in open(HELDOUT3, encoding="utf-8") if l.strip()}
    return draw(TRAIN_SHARES, TRAIN_TARGET, 17, lambda doc, split: split in ("train", "dev") and doc not in held)

def main(argv):
    if len(argv) < 2 or argv[1] not in ("show", "check", "sample", "sample-train"): print(__doc__); return 2
    if argv[1] == "sample":
        for doc, n in sample(): print(doc, n)
        return 0
    if argv[1] == "sample-train":
        for doc, n, split in sample_train(): print(doc, n, split)
        return 0
    if argv[1] == "show":
        for doc in argv[2:]:
            print("===", doc)
            for i, (s, e, t) in enumerate(sentences(doc)): print(i, s, e, t)
        return 0
    bad = 0
    for path in argv[2:]:
        docs = {}; before = bad
        for line in open(path, encoding="utf-8"):
            r = json.loads(line)
            if r.get("corpus") == "bbc": docs.setdefault(r["doc"], []).append((r["sent"], r["start"], r["end"]))
        for doc, recs in docs.items():
            recs.sort()
            if [s for s, _, _ in recs] != list(range(len(recs))) or [(s, e) for _, s, e in recs] != spans(text(doc)):
                print(path, doc, "spans differ from the rule"); bad += 1
        print(path, len(docs), "documents", "OK" if bad == before else "ERRORS")
    return 1 if bad else 0

if __name__ == "__main__": sys.exit(main(sys.argv))
