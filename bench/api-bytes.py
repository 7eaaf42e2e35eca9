#!/usr/bin/env python3
"""Compares two running Dossier servers over the same store, answer by answer: status, Content-Type and the body's
bytes of every JSON API endpoint (lists with filters and their next pages, single items, problems, the OpenAPI
document). The requests are built from the first server's own answers (ids, names, types, cursors).
Usage: bench/api-bytes.py BASE_A BASE_B [--token TOKEN]   (prints one line per difference and a summary; exit 1 on any)
Used by bench/api-bytes.sh (branch pg10)."""
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


def fetch(base, path, method="GET", body=None, headers=None):
    request = urllib.request.Request(base + path, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=120) as answer:
            return answer.status, answer.headers.get("Content-Type"), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read()


TRACE_ID = re.compile(rb'"traceId":"00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"')


def normal(answer, base):
    """The answer with what differs between any two servers made the same: a problem's trace id, the server's own address
    (the OpenAPI document's server URL)."""
    status, kind, data = answer
    data = TRACE_ID.sub(b'"traceId":"00-TRACE-00"', data).replace(base.encode() + b"/", b"http://SERVER/")
    return status, kind, data


def main():
    args = sys.argv[1:]
    token = None
    if "--token" in args:
        i = args.index("--token")
        token = args[i + 1]
        del args[i:i + 2]
    a, b = args
    compared, differ = 0, 0
    seen = set()

    def both(path, method="GET", body=None, headers=None):
        nonlocal compared, differ
        key = (method, path, body)
        if key in seen:
            return None
        seen.add(key)
        left = normal(fetch(a, path, method, body, headers), a)
        right = normal(fetch(b, path, method, body, headers), b)
        compared += 1
        if left != right:
            differ += 1
            print(f"DIFFERS {method} {path[:200]}: {left[0]} {left[1]} {len(left[2])} bytes vs {right[0]} {right[1]} {len(right[2])} bytes")
            for i, (x, y) in enumerate(zip(left[2], right[2])):
                if x != y:
                    print("   A: " + left[2][max(0, i - 80):i + 80].decode("utf-8", "replace"))
                    print("   B: " + right[2][max(0, i - 80):i + 80].decode("utf-8", "replace"))
                    break
        status, kind, data = left
        if status == 200 and kind and "json" in kind:
            return json.loads(data)
        return None

    def pages(path, depth=3):
        """The path and the next pages its cursors lead to; returns the items of all of them."""
        items = []
        base = path
        for _ in range(depth):
            page = both(path)
            if not isinstance(page, dict):
                break
            items += page.get("items", [])
            cursor = page.get("nextCursor")
            if not cursor:
                break
            path = f"{base}{'&' if '?' in base else '?'}cursor={urllib.parse.quote(cursor)}"
        return items

    q = urllib.parse.quote
    # Documents and search.
    documents = pages("/api/documents?limit=7")
    pages("/api/documents?limit=200", depth=2)
    for d in documents[:6]:
        both(f"/api/documents/{d['id']}")
        both(f"/api/documents/{d['id'][:8]}")
    for path in ["/api/documents/zzzzzz", "/api/documents/0123456789ab", "/api/documents?limit=0", "/api/documents?cursor=nope",
                 "/api/search", "/api/search?q=AND", "/api/search?q=%22unclosed", "/api/search?q=x&limit=900"]:
        both(path)
    words = set()
    for d in documents:
        words.update(w.lower() for w in (d.get("title") or "").split() if w.isalpha() and len(w) > 4)
    for word in sorted(words)[:8]:
        pages(f"/api/search?q={q(word)}&limit=5")
        pages(f"/api/search?q=title:{q(word)}")
    pages("/api/search?q=" + q('"prime minister" OR minist*'), depth=2)

    # Entities, their resources and timelines.
    entities = pages("/api/entities?limit=20", depth=4)
    for entity_type in ["PERSON", "ORG", "GPE", "LOC", "NORP"]:
        pages(f"/api/entities?type={entity_type}&limit=50", depth=2)
    for e in entities[:25]:
        both(f"/api/entities/{e['id']}")
        both(f"/api/entities/{q(e['name'])}")
        pages(f"/api/timeline/{e['id']}?limit=5", depth=3)
        pages(f"/api/timeline/{e['id']}?minConfidence=0&domain=all")
    for e in entities[:5]:
        pages(f"/api/entities?q={q(e['name'][:4])}")
    for path in ["/api/entities/999999999", "/api/timeline/999999999", "/api/entities?type=no-such", "/api/entities?limit=201",
                 "/api/timeline/1?minConfidence=2", "/api/timeline/1?domain=nowhere"]:
        both(path)

    # Events: the list with each filter, single events, the agenda, the network.
    events = pages("/api/events?limit=10", depth=4)
    events += pages("/api/events?minConfidence=0&domain=all&limit=200", depth=3)
    pages("/api/events?domain=sport")
    pages("/api/events?domain=entertainment")
    types = sorted({e["type"] for e in events})
    statuses = sorted({e["status"] for e in events})
    days = sorted({e["day"] for e in events if e.get("day")})
    for t in types:
        pages(f"/api/events?type={t}&limit=20", depth=2)
    for s in statuses:
        pages(f"/api/events?status={s}&minConfidence=0", depth=2)
    if days:
        pages(f"/api/events?from={days[len(days) // 2]}&limit=30", depth=2)
        pages(f"/api/events?from={days[0]}&to={days[len(days) // 2]}&minConfidence=0.5", depth=2)
        pages(f"/api/agenda?from={days[0]}&limit=20", depth=3)
        pages(f"/api/agenda/undated?from={days[-1]}&days=366&minConfidence=0&domain=all", depth=3)
        pages(f"/api/agenda/undated?from={days[len(days) // 2]}", depth=2)
    actors = []
    for e in events:
        for actor in e.get("source", []) + e.get("target", []):
            if actor.get("entityId") and actor["entityId"] not in actors:
                actors.append(actor["entityId"])
    for actor in actors[:15]:
        pages(f"/api/events?actor={actor}&minConfidence=0", depth=2)
    for e in entities[:10]:
        pages(f"/api/events?actor={q(e['name'])}")
    for e in events[:40]:
        both(f"/api/events/{e['id']}")
    for path in ["/api/events/0", "/api/events/99999999", "/api/events/x", "/api/events?type=no-such", "/api/events?status=maybe",
                 "/api/events?from=2020-13-01", "/api/events?from=2021-01-02&to=2021-01-01", "/api/events?minConfidence=x",
                 "/api/events?domain=x", "/api/agenda?from=yesterday", "/api/agenda/undated?days=400", "/api/network?limit=x"]:
        both(path)
    pages("/api/network?limit=25", depth=3)
    pages("/api/network?minConfidence=0&domain=all&limit=200", depth=2)

    # Analytics (404 without a cluster), unknown addresses, wrong methods, a long address, the OpenAPI document.
    for path in ["/api/counts", "/api/counts?by=day", "/api/nothing", "/api", "/openapi/v1.json", "/api/events?" + "x" * 9000]:
        both(path)
    both("/api/events", method="POST", body=b"{}", headers={"Content-Type": "application/json"})
    both("/api/documents", method="DELETE")
    # Writes: refused without the token; with it, a document already stored (200 with the answer) and bad bodies.
    both("/api/documents", method="POST", body=b'{"text":"x"}', headers={"Content-Type": "application/json"})
    if token:
        auth = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        both("/api/documents", method="POST", body=b'{"text":"x","html":"<p>y</p>"}', headers=auth)
        both("/api/documents", method="POST", body=b'{"nope', headers=auth)
        both("/api/documents", method="POST", body=b"text=x", headers={"Authorization": f"Bearer {token}", "Content-Type": "text/plain"})
        text = "The minister of Ruritania met the ambassador of Freedonia in Strelsau on Monday. They signed a trade accord."
        body = json.dumps({"text": text, "title": "Accord in Strelsau", "published": "2025-05-05"}).encode()
        fetch(a, "/api/documents", "POST", body, auth)  # stored by the first server; both then answer 200 with the same id
        both("/api/documents", method="POST", body=body, headers=auth)

    print(f"{compared} requests compared, {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
