#!/usr/bin/env node
// Proposes gazetteer ids for the gold lines of data/annotations/places/gold.tsv whose place the gazetteer lacked ("-")
// and that name a first-level division the gazetteer now holds (by the Wikipedia title: "Victoria_(Australia)" ->
// AU-VIC). Prints the proposed lines of one split for a person to check; --write replaces them in the file.
//
//   node tools/places/gold-divisions.mjs heldout           # print the proposals
//   node tools/places/gold-divisions.mjs heldout --write   # apply them
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const split = process.argv[2];
const write = process.argv.includes('--write');
if (!split) { console.error('usage: node tools/places/gold-divisions.mjs SPLIT [--write]'); process.exit(2); }
const key = s => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.'\u2019]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const divisions = new Map(); // key -> [rows]
const countries = new Map(); // ISO2 -> key of its names
for (const line of zlib.gunzipSync(fs.readFileSync(path.join(repo, 'models/places/gazetteer.tsv.gz'))).toString('utf8').split('\n')) {
  const c = line.split('\t');
  if (c.length < 10) continue;
  const names = [c[9], ...(c[10] ? c[10].split('|') : [])];
  if (c[1] === 'country') countries.set(c[0], new Set(names.map(key)));
  if (c[1] !== 'admin1') continue;
  for (const k of new Set(names.map(key))) { if (!divisions.has(k)) divisions.set(k, []); divisions.get(k).push(c); }
}
const goldPath = path.join(repo, 'data/annotations/places/gold.tsv');
const lines = fs.readFileSync(goldPath, 'utf8').split('\n');
let n = 0;
const out = lines.map(line => {
  const c = line.split('\t');
  if (c.length !== 7 || c[0] !== split || c[3] !== '-') return line;
  const title = decodeURIComponent(c[2]).replace(/_/g, ' ');
  const m = /^(.*?)\s*\((.*)\)$/.exec(title); // "Victoria (Australia)": the name and its qualifier
  const name = key(m ? m[1] : title);
  let found = divisions.get(name) || [];
  if (m) found = found.filter(d => (countries.get(d[3]) || new Set()).has(key(m[2])) || key(m[2]) === 'region' || key(m[2]) === 'state' || key(m[2]) === 'province');
  if (found.length !== 1) return line;
  const d = found[0];
  n++;
  const proposed = [c[0], c[1], c[2], d[0], d[3], d[6], d[7]].join('\t');
  console.log(proposed);
  return proposed;
});
console.error(`${n} ${split} lines mapped to a division`);
if (write) fs.writeFileSync(goldPath, out.join('\n'));
