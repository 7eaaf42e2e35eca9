# Selects the documents of data/annotations/events/ewt-heldout3.jsonl (event split heldout3, branch ev16w) by the rule
# written in data/annotations/events/ewt-heldout3.md before annotating:
#  A. every UD EWT train/dev document (never test) that no file under data/annotations/events/ (**/*.jsonl) annotates,
#     of the genres weblog and newsgroup, whose first lines the annotator judged to be about politics, government,
#     war, courts, police, elections or international affairs (the list POLITICAL below, decided by reading them);
#  B. then, for the negatives of web text, a seeded random sample (random.Random(16)) of the other unused documents of
#     the genres reviews, answers and email, whole documents drawn in shuffled order until B holds about a third of
#     all sentences (B >= (A + C) / 2 sentences);
#  C. (added after A and B of the first rule were annotated, to reach the size asked, before any C document was read
#     past its first lines) the unused answers and e-mails that pass A's test (the list POLITICAL_OTHER); they are
#     skipped when B is drawn, so B's shuffled order is that of the first rule and its first 23 documents stay.
# Usage: python3 tools/events/ewt-heldout3-select.py [list|skeleton]   (EWT read from ../shared/data/ud-ewt)
import sys,os,json,glob,random
ROOT=os.path.join(os.path.dirname(os.path.abspath(__file__)),"..","..")
EWT=os.environ.get("UD_EWT") or os.path.join(ROOT,"..","shared","data","ud-ewt")
POLITICAL=[
 "weblog-blogspot.com_nominations_20041117172713_ENG_20041117_172713",
 "weblog-blogspot.com_gettingpolitical_20030906235000_ENG_20030906_235000",
 "weblog-juancole.com_juancole_20040114085100_ENG_20040114_085100",
 "weblog-juancole.com_juancole_20041120060600_ENG_20041120_060600",
 "weblog-juancole.com_juancole_20040324065800_ENG_20040324_065800",
 "weblog-blogspot.com_aggressivevoicedaily_20060814163400_ENG_20060814_163400",
 "weblog-juancole.com_juancole_20041111060900_ENG_20041111_060900",
 "weblog-blogspot.com_thelameduck_20041119192207_ENG_20041119_192207",
 "weblog-blogspot.com_alaindewitt_20060827093500_ENG_20060827_093500",
 "weblog-blogspot.com_tacitusproject_20040712123425_ENG_20040712_123425",
 "weblog-juancole.com_juancole_20040404101100_ENG_20040404_101100",
 "newsgroup-groups.google.com_IndiaNewsWindow_434225fff269b2af_ENG_20051109_074500",
 "newsgroup-groups.google.com_n3td3v_a04e0c855b022009_ENG_20051207_035500",
 "newsgroup-groups.google.com_hiddennook_0bfb82789af9c3c5_ENG_20050309_232400",
 "newsgroup-groups.google.com_KatrinaAlliance_5aa2d7f53b76354f_ENG_20051125_134100",
 "newsgroup-groups.google.com_hiddennook_edef226e24a57863_ENG_20051116_085200",
 "newsgroup-groups.google.com_hiddennook_23708a8afef2f3a8_ENG_20041226_230600",
 "newsgroup-groups.google.com_hiddennook_5380fdd00f8e5e56_ENG_20050926_194800",
 "newsgroup-groups.google.com_humanities.lit.authors.shakespeare_0c155162a7dfaf28_ENG_20031127_172200",
 "newsgroup-groups.google.com_FOOLED_1bf9cdc5a4c2ac48_ENG_20050904_130400",
]
POLITICAL_OTHER=[
 "email-enronsent06_01",
 "email-enronsent05_02",
 "email-enronsent05_01",
 "answers-20111107115952AAqfsHV_ans",
 "answers-20111106032810AA43zpY_ans",
 "answers-20111108090559AAyAHCk_ans",
 "answers-20111107193815AAhaJjy_ans",
]
OTHER_GENRES=("reviews","answers","email")
def documents(path):
    out=[];cur=None
    for l in open(path,encoding="utf-8"):
        if l.startswith("# newdoc id = "): cur=(l[len("# newdoc id = "):].strip(),[]); out.append(cur)
        elif l.startswith("# text = "): cur[1].append(l[len("# text = "):].rstrip("\n"))
    return out
def used():
    u=set()
    for f in glob.glob(os.path.join(ROOT,"data","annotations","events","**","*.jsonl"),recursive=True):
        if os.path.basename(f)=="ewt-heldout3.jsonl": continue
        for l in open(f,encoding="utf-8"):
            if l.strip():
                r=json.loads(l)
                if r["corpus"]=="ewt": u.add(r["doc"])
    return u
def select():
    docs=[]
    for name in ("train","dev"):
        docs+= [(name,d,s) for d,s in documents(os.path.join(EWT,"en_ewt-ud-%s.conllu"%name))]
    by={d:(f,s) for f,d,s in docs}
    u=used()
    for d in POLITICAL: assert d in by and d not in u, d
    for d in POLITICAL_OTHER: assert d in by and d not in u, d
    a=[(d,)+by[d] for d in POLITICAL]
    c=[(d,)+by[d] for d in POLITICAL_OTHER]
    na=sum(len(s) for _,_,s in a)+sum(len(s) for _,_,s in c)
    pool=sorted((d,f,s) for f,d,s in docs if d not in u and d not in POLITICAL and d.split("-")[0] in OTHER_GENRES)
    rng=random.Random(16); rng.shuffle(pool)
    b=[];nb=0
    for d,f,s in pool:
        if 2*nb>=na: break
        if d in POLITICAL_OTHER: continue
        b.append((d,f,s)); nb+=len(s)
    return a,b,c
if __name__=="__main__":
    a,b,c=select()
    mode=sys.argv[1] if len(sys.argv)>1 else "list"
    if mode=="list":
        for part,lst in (("A",a),("B",b),("C",c)):
            for d,f,s in lst: print(part,f,len(s),d)
        print("A",sum(len(s) for _,_,s in a),"sentences;","B",sum(len(s) for _,_,s in b),"sentences;","C",sum(len(s) for _,_,s in c),"sentences")
    elif mode=="skeleton":
        for d,f,s in a+b+c:
            for i,t in enumerate(s): print(json.dumps({"doc":d,"sent":i,"text":t},ensure_ascii=False))
