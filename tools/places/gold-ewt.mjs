#!/usr/bin/env node
// Builds gold lines for data/annotations/places/gold.tsv from the LOC mentions of Universal NER's English EWT dev set
// (../shared/data/uner/en_ewt-ud-dev.iob2: web answers, reviews, e-mail, blogs and newsgroups, genres no other places
// split uses): one line per (document, mention as written, words joined by "_"), mapped to gazetteer ids. The mentions are
// UNER's (human); the place each names is decided by a person from the document's text, not from any output: a name with
// exactly one gazetteer namesake takes it unless tools/places/gold-ewt-decisions.tsv says otherwise; every other name
// (several namesakes, abbreviations, restaurants and other landmarks the gazetteer lacks) is decided there, by
// "DOCUMENT:mention" or by "mention" for every document. Documents with a LOC mention, in file order, are split before any
// output is read: every third one (the 3rd, 6th, …) goes to the held-out split, the rest to the tuning split.
//
//   node tools/places/gold-ewt.mjs ../shared/data/uner/en_ewt-ud-dev.iob2 dev3 heldout3 --review  # every line with its sentence, for a person
//   node tools/places/gold-ewt.mjs ../shared/data/uner/en_ewt-ud-dev.iob2 dev3 heldout3           # print the lines
//   node tools/places/gold-ewt.mjs ../shared/data/uner/en_ewt-ud-dev.iob2 dev3 heldout3 --write   # replace those splits' lines
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [uner, tuneSplit, heldSplit] = process.argv.slice(2);
const write = process.argv.includes('--write');
const review = process.argv.includes('--review');
if (!heldSplit) {
  console.error('usage: node tools/places/gold-ewt.mjs UNER-IOB2 TUNE-SPLIT HELDOUT-SPLIT [--review|--write]');
  process.exit(2);
}
const key = s => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.'\u2019]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

// ---- the gazetteer: rows by each of their names
const byName = new Map();
const byId = new Map();
for (const line of zlib.gunzipSync(fs.readFileSync(path.join(repo, 'models/places/gazetteer.tsv.gz'))).toString('utf8').split('\n')) {
  const c = line.split('\t');
  if (c.length < 10 || line.startsWith('#')) continue;
  byId.set(c[0], c);
  for (const k of new Set([c[9], ...(c[10] ? c[10].split('|') : [])].map(key))) {
    if (!byName.has(k)) byName.set(k, []);
    byName.get(k).push(c);
  }
}

// ---- hand decisions: mention or DOCUMENT:mention <TAB> ids (| equally right, - none) <TAB> why
const decisions = new Map();
for (const line of fs.readFileSync(path.join(repo, 'tools/places/gold-ewt-decisions.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const c = line.split('\t');
  decisions.set(c[0], c[1]);
}

// ---- UNER: LOC spans by document, with their sentence
const docs = []; // [doc, Map(mention -> sentence)]
let doc = null, text = '', span = null;
const close = () => {
  if (span === null) return;
  const m = span.join('_');
  if (!doc[1].has(m)) doc[1].set(m, text);
  span = null;
};
for (const line of fs.readFileSync(uner, 'utf8').split('\n')) {
  if (line.startsWith('# newdoc id = ')) { close(); doc = [line.slice(14).trim(), new Map()]; docs.push(doc); continue; }
  if (line.startsWith('# text = ')) { text = line.slice(9); continue; }
  if (line.startsWith('#')) continue;
  const c = line.split('\t');
  if (c.length < 3) { close(); continue; }
  if (c[2] === 'B-LOC') { close(); span = [c[1]]; }
  else if (c[2] === 'I-LOC' && span !== null) span.push(c[1]);
  else close();
}
close();

const withPlaces = docs.filter(d => d[1].size > 0);
const lines = [];
let undecided = 0;
withPlaces.forEach(([name, mentions], i) => {
  const split = i % 3 === 2 ? heldSplit : tuneSplit;
  for (const [m, sentence] of mentions) {
    const found = byName.get(key(m.replace(/_/g, ' '))) || [];
    const ids = decisions.get(`${name}:${m}`) ?? decisions.get(m) ?? (found.length === 1 ? found[0][0] : null);
    if (review) {
      console.log([split, name, m, ids ?? '?', found.slice(0, 4).map(c => `${c[0]} ${c[1]} ${c[3]} ${c[5]} ${c[8]}`).join(' ; '), sentence.slice(0, 160)].join('\t'));
    }
    if (ids === null) { undecided++; continue; }
    const first = ids === '-' ? null : byId.get(ids.split('|')[0]);
    if (ids !== '-' && !first) throw new Error(`${m}: ${ids} is not in the gazetteer`);
    lines.push([split, name, m, ids, first ? first[3] : '-', first ? first[6] : '-', first ? first[7] : '-'].join('\t'));
  }
});
console.error(`${withPlaces.length} documents, ${lines.length} lines (${lines.filter(l => l.split('\t')[3] !== '-').length} in the gazetteer), ${undecided} undecided`);
if (review) process.exit(0);
if (!write) {
  console.log(lines.join('\n'));
} else {
  if (undecided > 0) { console.error('not written: decide the mentions above in tools/places/gold-ewt-decisions.tsv'); process.exit(1); }
  const goldPath = path.join(repo, 'data/annotations/places/gold.tsv');
  const kept = fs.readFileSync(goldPath, 'utf8').replace(/\n$/, '').split('\n').filter(l => ![tuneSplit, heldSplit].includes(l.split('\t')[0]));
  fs.writeFileSync(goldPath, [...kept, ...lines].join('\n') + '\n');
}
