#!/usr/bin/env node
// Builds gold lines for data/annotations/places/gold.tsv from GUM's own Wikipedia links of `place` entities: one line per
// (document, Wikipedia title), the title mapped to gazetteer ids by its name and qualifier ("Irving,_Texas" -> Irving in
// Texas, "Victoria_(Australia)" -> AU-VIC, "Groningen_(city)" -> the city). Documents of the given genres, in name order,
// are split before any output is read: every third one (the 3rd, 6th, …) goes to the held-out split, the rest to the
// tuning split. A title with several namesakes and no deciding qualifier takes the decision of
// tools/places/gold-gum-decisions.tsv (made by hand from the title); one not decided there is printed for a person. A line
// keyed "DOCUMENT:title" there corrects GUM's link in one document, where its text shows the link names another place.
//
//   node tools/places/gold-gum.mjs ../shared/data/gum academic,bio,court,interview dev2 heldout2          # print the lines
//   node tools/places/gold-gum.mjs ../shared/data/gum academic,bio,court,interview dev2 heldout2 --write  # replace those splits' lines
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [gum, genreList, tuneSplit, heldSplit] = process.argv.slice(2);
const write = process.argv.includes('--write');
if (!heldSplit) {
  console.error('usage: node tools/places/gold-gum.mjs GUM-FOLDER GENRE,GENRE… TUNE-SPLIT HELDOUT-SPLIT [--write]');
  process.exit(2);
}
const genres = new Set(genreList.split(','));
const key = s => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.'\u2019]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

// ---- the gazetteer: rows by each of their names
const rows = [];
const byName = new Map();
const countryNames = new Map(); // ISO2 -> keys of its names
for (const line of zlib.gunzipSync(fs.readFileSync(path.join(repo, 'models/places/gazetteer.tsv.gz'))).toString('utf8').split('\n')) {
  const c = line.split('\t');
  if (c.length < 10 || line.startsWith('#')) continue;
  rows.push(c);
  const names = new Set([c[9], ...(c[10] ? c[10].split('|') : [])].map(key));
  if (c[1] === 'country') countryNames.set(c[0], names);
  for (const k of names) { if (!byName.has(k)) byName.set(k, []); byName.get(k).push(c); }
}
const divisionNames = new Map(); // ISO 3166-2 id -> keys of its names
for (const c of rows) if (c[1] === 'admin1') divisionNames.set(c[0], new Set([c[9], ...(c[10] ? c[10].split('|') : [])].map(key)));

// ---- hand decisions: title <TAB> ids (| equally right, - none) <TAB> why
const decisions = new Map();
for (const line of fs.readFileSync(path.join(repo, 'tools/places/gold-gum-decisions.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const c = line.split('\t');
  decisions.set(c[0], c[1]);
}

// A qualifier ("Texas", "Australia", "city", "state") keeps the namesakes it describes.
function qualified(found, q) {
  const k = key(q);
  if (['city', 'town', 'village'].includes(k)) return found.filter(c => c[1] === 'city');
  if (['state', 'province', 'region', 'us state', 'county'].includes(k)) return found.filter(c => c[1] === 'admin1');
  if (k === 'country') return found.filter(c => c[1] === 'country');
  return found.filter(c => (countryNames.get(c[3]) || new Set()).has(k)
    || (c[1] === 'city' && divisionNames.get(`${c[3]}-${c[4]}`)?.has(k))
    || (c[1] === 'city' && key(c[5]) === k));
}

function map(doc, title) {
  if (decisions.has(`${doc}:${title}`)) return { ids: decisions.get(`${doc}:${title}`), how: 'corrected' };
  if (decisions.has(title)) return { ids: decisions.get(title), how: 'decided' };
  const t = decodeURIComponent(title).replace(/_/g, ' ');
  const whole = byName.get(key(t)) || []; // a name with its comma ("Washington, D.C.")
  if (whole.length === 1) return { ids: whole[0][0], how: 'unique' };
  const paren = /^(.*?)\s*\((.*)\)$/.exec(t);
  const comma = /^(.*?),\s*(.*)$/.exec(t);
  const [name, qualifier] = paren ? [paren[1], paren[2]] : comma ? [comma[1], comma[2].split(',').pop()] : [t, null];
  let found = byName.get(key(name)) || [];
  if (qualifier !== null) found = qualified(found, qualifier);
  if (found.length === 0) return { ids: '-', how: 'none' };
  if (found.length === 1) return { ids: found[0][0], how: 'unique' };
  return { ids: null, how: 'ambiguous', found };
}

// ---- GUM: the place entities' Wikipedia titles, in order of first mention
const files = fs.readdirSync(gum).filter(f => f.endsWith('.conllu') && genres.has(f.split('_')[1])).sort();
const docs = [];
for (const f of files) {
  const titles = [];
  for (const line of fs.readFileSync(path.join(gum, f), 'utf8').split('\n')) {
    const misc = line.split('\t')[9];
    const entity = misc?.split('|').find(x => x.startsWith('Entity='));
    if (!entity) continue;
    for (const m of entity.slice(7).matchAll(/\(([^()]*)/g)) {
      const fields = m[1].split('-');
      if (fields[1] !== 'place' || fields.length < 8) continue;
      const title = fields.slice(7).join('-');
      if (title && !titles.includes(title)) titles.push(title);
    }
  }
  if (titles.length > 0) docs.push([f.replace(/\.conllu$/, ''), titles]);
}

const byId = new Map(rows.map(c => [c[0], c]));
const lines = [];
let undecided = 0;
docs.forEach(([doc, titles], i) => {
  const split = i % 3 === 2 ? heldSplit : tuneSplit;
  for (const title of titles) {
    const r = map(doc, title);
    if (r.ids === null) {
      undecided++;
      console.error(`undecided\t${title}\t${r.found.map(c => `${c[0]} ${c[1]} ${c[3]} ${c[5]} ${c[8]}`).join(' ; ')}`);
      continue;
    }
    const first = r.ids === '-' ? null : byId.get(r.ids.split('|')[0]);
    if (r.ids !== '-' && !first) throw new Error(`${title}: ${r.ids} is not in the gazetteer`);
    lines.push([split, doc, title, r.ids, first ? first[3] : '-', first ? first[6] : '-', first ? first[7] : '-'].join('\t'));
  }
});
console.error(`${docs.length} documents, ${lines.length} lines (${lines.filter(l => l.split('\t')[3] !== '-').length} in the gazetteer), ${undecided} undecided`);
if (!write) {
  console.log(lines.join('\n'));
} else {
  if (undecided > 0) { console.error('not written: decide the titles above in tools/places/gold-gum-decisions.tsv'); process.exit(1); }
  const goldPath = path.join(repo, 'data/annotations/places/gold.tsv');
  const kept = fs.readFileSync(goldPath, 'utf8').replace(/\n$/, '').split('\n').filter(l => ![tuneSplit, heldSplit].includes(l.split('\t')[0]));
  fs.writeFileSync(goldPath, [...kept, ...lines].join('\n') + '\n');
}
