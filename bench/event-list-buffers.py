#!/usr/bin/env python3
"""Shared buffers of the statement an event list sends to PostgreSQL (branch pg9, docs/evaluation.md).

Usage (after `. .ci/servers/postgres.sh && dossier_pg_start`, which exports DOSSIER_PG_DIR, DOSSIER_PG_PORT, DOSSIER_PG_BIN):
    bench/event-list-buffers.py DB BUILD_ROOT 'type=CONSULT' 'status=occurred' 'actor=Microsoft' ...
DB is a database of that server holding a store; BUILD_ROOT a checkout (or copy) with src/Dossier.Cli/bin/Release/net10.0.
For each query it starts `dossier serve --no-cache` of that build on the store with log_min_duration_statement = 0 for the
database, asks /api/events?QUERY once, takes the statement the server logged (its parameters, for an actor filter,
substituted), and runs EXPLAIN (ANALYZE, BUFFERS) of it: three times in one session (the last is printed: execution
buffers with the catalogue cached) and once in a fresh session (planning buffers, as a new connection pays them).
"""
import os, re, socket, subprocess, sys, time, urllib.request

db, root, queries = sys.argv[1], sys.argv[2], sys.argv[3:]
env = os.environ
as_pg = ['runuser', '-u', 'postgres', '--'] if os.getuid() == 0 else []
psql = as_pg + [env['DOSSIER_PG_BIN'] + '/psql', '-h', env['DOSSIER_PG_DIR'], '-p', env['DOSSIER_PG_PORT'], '-U', 'postgres', '-d', db, '-At']
log = env['DOSSIER_PG_DIR'] + '/server.log'
password = open(env['DOSSIER_PG_DIR'] + '/pw').read().strip()
store = f"postgres://dossier:{password}@127.0.0.1:{env['DOSSIER_PG_PORT']}/{db}"

def sql(text):
    return subprocess.run(psql, input=text, capture_output=True, text=True).stdout

sql(f"ALTER DATABASE {db} SET log_min_duration_statement = 0;")
s = socket.socket(); s.bind(('127.0.0.1', 0)); port = s.getsockname()[1]; s.close()
server = subprocess.Popen([root + '/src/Dossier.Cli/bin/Release/net10.0/dossier', 'serve', '--store', store, '--no-cache',
                           '--urls', f'http://127.0.0.1:{port}'], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(240):
        try:
            urllib.request.urlopen(f'http://127.0.0.1:{port}/api/events?limit=1').read(); break
        except Exception:
            time.sleep(0.5)
    for q in queries:
        start = os.path.getsize(log)
        urllib.request.urlopen(f'http://127.0.0.1:{port}/api/events?{q}').read()
        time.sleep(0.5)
        with open(log, errors='replace') as f:
            f.seek(start); text = f.read()
        entries = re.split(r'\n(?=\d{4}-\d\d-\d\d )', text)
        statement, params = None, {}
        for i, e in enumerate(entries):
            m = re.search(r'execute <unnamed>: (WITH ev AS MATERIALIZED.*)', e, re.S)
            if m:
                statement = re.split(r'\n\d{4}-\d\d-\d\d |\n\s*DETAIL:', m.group(1))[0]
                d = re.search(r'DETAIL:\s+parameters: (.*)', e + '\n'.join(entries[i + 1:i + 2]))
                if d:
                    params = dict(re.findall(r"(\$\d+) = (NULL|'[^']*')", d.group(1)))
        if statement is None:
            print(q, ': no statement logged'); continue
        for k in sorted(params, key=len, reverse=True):
            statement = statement.replace(k, params[k])
        explain = 'EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ' + statement + ';\n'
        def buffers(out, first):
            plans = [i for i, l in enumerate(out.splitlines()) if l and not l.startswith(' ') and not l.startswith(('Planning', 'Execution'))]
            lines = out.splitlines()[plans[0 if first else -1]:]
            lines = lines[:next((i for i, l in enumerate(lines) if l.startswith('Execution')), len(lines)) + 1]
            hit = lambda l: sum(int(x) for x in re.findall(r'(?:hit|read)=(\d+)', l))
            execution = hit(lines[1]) if 'Buffers' in lines[1] else 0
            planning = next((hit(lines[i + 1]) for i, l in enumerate(lines) if l.strip() == 'Planning:' and i + 1 < len(lines) and 'Buffers' in lines[i + 1]), 0)
            return execution, planning, lines
        warm = buffers(sql(explain * 3), False)
        cold = buffers(sql(explain), True)
        print(f'{db} {q}: {warm[0]} buffers executing (warm session), {cold[1]} planning in a fresh session')
        if env.get('FULL'):
            print('\n'.join(warm[2]))
finally:
    server.terminate(); server.wait()
    sql(f"ALTER DATABASE {db} RESET log_min_duration_statement;")
