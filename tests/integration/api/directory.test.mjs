// The resource directory: listings of providers and community services that administrators keep
// (POST / PATCH, validated: needs required, payers from the known kinds, coordinates in range), a
// search every role may run (by need, language, payer and distance), ranked for a client when one
// is named (the services the client may use by age, coverage and capacity first, then those
// speaking the client's language, accepting, nearest, shortest wait), the services matching each
// open need of the client's care plans, the medical-necessity check of a requested service (a need
// on the plan calls for it, the client is eligible and covered; otherwise the reasons and up to
// five alternatives), and the CSV export and import (all or nothing).
//
// Listings belong to the suite's organization, so every test names need categories of its own
// (random letters) and reads back only the listings it made.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { assertError, assertStatus, backends, letters, useSuite } from './harness.mjs';
import { cycle, sortedKeys, askEveryCaller } from './cycle.mjs';

const SERVICE_KEYS = ['accepting', 'active', 'address', 'area', 'cost', 'created_at', 'description', 'hours', 'id',
  'languages', 'latitude', 'longitude', 'max_age', 'min_age', 'name', 'needs', 'payers', 'phone', 'provider', 'updated_at',
  'version', 'wait_days'];
const MATCH_KEYS = ['distance_km', 'eligible', 'service', 'unmet'];
const CSV_COLUMNS = ['id', 'name', 'provider', 'needs', 'description', 'min_age', 'max_age', 'payers', 'area', 'languages',
  'cost', 'accepting', 'wait_days', 'hours', 'address', 'latitude', 'longitude', 'phone', 'active'];

// The client's home (Springfield, IL) and points north of it: 0.008993° of latitude is about 1 km.
const HOME = { latitude: 39.7817, longitude: -89.6501 };
const KM = 0.008993;
function north(km) {
  return { latitude: Number((HOME.latitude + km * KM).toFixed(6)), longitude: HOME.longitude };
}

/** Great-circle distance in km (haversine, mean earth radius), as the directory measures it. */
function haversine(a, b) {
  const rad = (d) => (d * Math.PI) / 180;
  const dlat = rad(b.latitude - a.latitude);
  const dlon = rad(b.longitude - a.longitude);
  const h = Math.sin(dlat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dlon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A need category of the test's own (lower case). */
function need(word) {
  return `${word}_${letters(6)}`;
}

/** A complete, valid Service body. */
function serviceBody(overrides = {}) {
  return {
    name: `Service ${letters(6)}`,
    provider: 'Sangamon County Community Services',
    needs: ['food'],
    description: 'Groceries once a week',
    min_age: 18,
    max_age: 120,
    payers: [],
    area: 'Sangamon County',
    languages: ['en'],
    cost: 'free',
    accepting: true,
    wait_days: 0,
    hours: 'Mon-Fri 9:00-17:00',
    address: '1 Main St, Springfield, IL',
    latitude: HOME.latitude,
    longitude: HOME.longitude,
    phone: '+1 555 0199',
    active: true,
    ...overrides,
  };
}

/** RFC 4180 CSV into rows of fields (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** A CSV field, quoted. */
function q(value) {
  return `"${String(value).replace(/"/g, '""')}"`;
}

function csv(header, rows) {
  return [header.join(','), ...rows.map((r) => r.map(q).join(','))].join('\r\n') + '\r\n';
}

const byId = (items) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
const withoutVersion = ({ version, updated_at: _u, ...rest }) => rest; // eslint-disable-line no-unused-vars

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, {
      users: ['cm', 'cm2', 'supervisor', 'director', 'admin', 'auditor', 'otherCm', 'otherAdmin'],
    });
    const cy = cycle(ctx);
    const cm = () => ctx.as('cm');
    const admin = () => ctx.as('admin');
    let program = null;

    before(async () => {
      await cy.supervise('cm', 'supervisor');
      program = await cy.newProgram('Community Supports');
    });

    async function listing(overrides = {}, as = 'admin') {
      const res = await ctx.as(as).post('/api/v1/directory', serviceBody(overrides));
      assertStatus(res, 201);
      return res.body;
    }

    async function search(query, as = 'cm') {
      const res = await ctx.as(as).get(`/api/v1/directory?${query}`);
      assertStatus(res, 200);
      assert.deepEqual(sortedKeys(res.body), ['items']);
      for (const item of res.body.items) assert.deepEqual(sortedKeys(item), MATCH_KEYS);
      return res.body.items;
    }

    async function exportCsv(as = 'admin') {
      const res = await ctx.as(as).get('/api/v1/directory-csv');
      assertStatus(res, 200);
      return res;
    }

    function importCsv(text, { as = 'admin', type = 'text/csv' } = {}) {
      return ctx.as(as).request('POST', '/api/v1/directory-csv', { raw: text, headers: { 'content-type': type } });
    }

    /** Every listing of the organization, as the CSV export has them, by id. */
    async function allListings() {
      const rows = parseCsv((await exportCsv()).text);
      const ids = rows.slice(1).map((r) => r[0]);
      const out = [];
      for (const id of ids) {
        const res = await admin().get(`/api/v1/directory/${id}`);
        assertStatus(res, 200);
        out.push(res.body);
      }
      return byId(out);
    }

    /**
     * A client of cm with an open case, a home (`location`, given at registration) and the given
     * coverage kinds. (Setting the home later by PATCH /clients/{id} has a test of its own.)
     */
    async function seeker({ location = HOME, payers = ['medicaid'], overrides = {} } = {}) {
      const c = await cy.newClient('cm', { ...(location ?? {}), ...overrides });
      assert.equal(c.latitude, location ? location.latitude : null);
      assert.equal(c.longitude, location ? location.longitude : null);
      const { theCase } = await cy.newCase({ program, client: c });
      const coverages = [];
      for (const payer of payers) {
        const res = await cm().post(`/api/v1/clients/${c.id}/coverages`,
          { payer_kind: payer, payer_name: `${payer} plan`, member_id: `M${letters(6)}` });
        assertStatus(res, 201);
        coverages.push(res.body);
      }
      return { client: c, theCase, coverages };
    }

    async function savePlan(theCase, needs) {
      const res = await cm().request('PUT', `/api/v1/cases/${theCase.id}/care-plan`,
        { json: { needs, goals: [], interventions: [] } });
      assertStatus(res, 201);
      return res.body;
    }

    async function check(client, serviceId, as = 'cm') {
      const res = await ctx.as(as).post(`/api/v1/clients/${client.id}/service-check`, { service_id: serviceId });
      assertStatus(res, 200);
      assert.deepEqual(sortedKeys(res.body), ['alternatives', 'meets', 'reasons', 'service']);
      assert.ok(Array.isArray(res.body.reasons));
      for (const r of res.body.reasons) assert.equal(typeof r, 'string');
      for (const alt of res.body.alternatives) assert.deepEqual(sortedKeys(alt), MATCH_KEYS);
      return res.body;
    }

    describe('listings', () => {
      it('an administrator lists a service: 201 with the Service (needs in lower case); GET /directory/{id} reads it', async () => {
        const category = need('food');
        const body = serviceBody({ needs: [category.toUpperCase(), 'Housing'], payers: ['medicaid', 'grant'],
          languages: ['en', 'es-MX'], cost: 'sliding_scale', wait_days: 3 });
        const res = await admin().post('/api/v1/directory', body);
        assertStatus(res, 201);
        const s = res.body;
        assert.deepEqual(sortedKeys(s), SERVICE_KEYS);
        assert.equal(res.headers.get('etag'), '"1"');
        assert.equal(s.version, 1);
        assert.deepEqual(s.needs, [category, 'housing']);
        for (const key of ['name', 'provider', 'description', 'min_age', 'max_age', 'payers', 'area', 'languages', 'cost',
          'accepting', 'wait_days', 'hours', 'address', 'latitude', 'longitude', 'phone', 'active']) {
          assert.deepEqual(s[key], body[key], key);
        }
        const read = await cm().get(`/api/v1/directory/${s.id}`);
        assertStatus(read, 200);
        assert.deepEqual(read.body, s);
        assert.equal(read.headers.get('etag'), '"1"');

        // Coordinates are optional.
        const plain = await admin().post('/api/v1/directory', { name: `Plain ${letters(5)}`, needs: [category] });
        assertStatus(plain, 201);
        assert.equal(plain.body.latitude, null);
        assert.equal(plain.body.longitude, null);
        assert.deepEqual(plain.body.needs, [category]);
      });

      it('validation: needs required, payers known, coordinates in range (422 naming the field); nothing is listed', async () => {
        const category = need('legal');
        const rows = [
          [{ needs: [] }, 'needs'],
          [{ needs: ['  '] }, 'needs'],
          [{ payers: ['unicorn'] }, 'payers[0]'],
          [{ payers: ['medicaid', 'barter'] }, 'payers[1]'],
          [{ latitude: 91 }, 'latitude'],
          [{ latitude: -90.5 }, 'latitude'],
          [{ longitude: 180.01 }, 'longitude'],
          [{ cost: 'donation' }, 'cost'],
          [{ name: '   ' }, 'name'],
          [{ min_age: 65, max_age: 18 }, 'max_age'],
          [{ languages: ['not a tag!'] }, 'languages[0]'],
        ];
        for (const [over, field] of rows) {
          const body = serviceBody({ needs: [category], ...over });
          assertError(await admin().post('/api/v1/directory', body), 422, 'invalid_argument', field);
        }
        // Without needs at all: refused, naming needs.
        const { needs: _n, ...noNeeds } = serviceBody(); // eslint-disable-line no-unused-vars
        const missing = await admin().post('/api/v1/directory', noNeeds);
        assert.ok([400, 422].includes(missing.status), `needs missing: ${missing.status} ${missing.text}`);
        assert.equal(missing.body.error.field, 'needs');
        assertError(await admin().post('/api/v1/directory', { needs: [category] }), 400, 'malformed_request', 'name');
        assertError(await admin().post('/api/v1/directory', serviceBody({ needs: [category], colour: 'red' })), 400,
          'malformed_request');
        assert.deepEqual(await search(`need=${category}`), [], 'nothing was listed');
      });

      it('only administrators write listings: 403 for every other role, 401 without a session', async () => {
        const category = need('dental');
        const s = await listing({ needs: [category] });
        for (const key of ['cm', 'supervisor', 'director', 'auditor']) {
          assertError(await ctx.as(key).post('/api/v1/directory', serviceBody({ needs: [category] })), 403,
            'permission_denied');
          assertError(await ctx.as(key).patch(`/api/v1/directory/${s.id}`, { name: 'Taken over' }, { ifMatch: 1 }), 403,
            'permission_denied');
          assertError(await importCsv(csv(['name', 'needs'], [['Sneaked in', category]]), { as: key }), 403,
            'permission_denied');
        }
        assertError(await ctx.anon.post('/api/v1/directory', serviceBody({ needs: [category] })), 401, 'unauthenticated');
        assertError(await ctx.anon.get(`/api/v1/directory?need=${category}`), 401, 'unauthenticated');
        const found = await search(`need=${category}`);
        assert.deepEqual(found.map((m) => m.service), [s], 'one listing, unchanged');
        // Every role reads the directory.
        for (const key of ['cm', 'supervisor', 'director', 'auditor', 'admin']) {
          assert.equal((await search(`need=${category}`, key)).length, 1, key);
        }
      });

      it('PATCH (administrator, If-Match): 200 with the new version; 428 without If-Match; 412 stale', async () => {
        const category = need('respite');
        const s = await listing({ needs: [category] });
        const res = await admin().patch(`/api/v1/directory/${s.id}`, { accepting: false, wait_days: 21, languages: ['es'] },
          { ifMatch: 1 });
        assertStatus(res, 200);
        assert.equal(res.body.version, 2);
        assert.equal(res.headers.get('etag'), '"2"');
        assert.equal(res.body.accepting, false);
        assert.equal(res.body.wait_days, 21);
        assert.deepEqual(res.body.languages, ['es']);
        assert.equal(res.body.name, s.name, 'other fields as they were');
        assert.deepEqual(res.body.needs, s.needs);
        assertError(await admin().patch(`/api/v1/directory/${s.id}`, { accepting: true }), 428, 'precondition_required');
        assertError(await admin().patch(`/api/v1/directory/${s.id}`, { accepting: true }, { ifMatch: 1 }), 412, 'aborted');
        assertError(await admin().patch(`/api/v1/directory/${s.id}`, { payers: ['unicorn'] }, { ifMatch: 2 }), 422,
          'invalid_argument', 'payers[0]');
        assertError(await admin().patch(`/api/v1/directory/${s.id}`, { latitude: 95, longitude: 0 }, { ifMatch: 2 }), 422,
          'invalid_argument', 'latitude');
        const read = await admin().get(`/api/v1/directory/${s.id}`);
        assert.deepEqual(read.body, res.body, 'the refused patches changed nothing');
        // Coordinates are cleared with null.
        const cleared = await admin().patch(`/api/v1/directory/${s.id}`, { latitude: null, longitude: null }, { ifMatch: 2 });
        assertStatus(cleared, 200);
        assert.equal(cleared.body.latitude, null);
        assert.equal(cleared.body.longitude, null);
      });

      it('another organization\'s listings are not found and not listed', async () => {
        const category = need('shelter');
        const mine = await listing({ needs: [category] });
        const theirs = await listing({ needs: [category] }, 'otherAdmin');
        assertError(await cm().get(`/api/v1/directory/${theirs.id}`), 404, 'not_found');
        assertError(await ctx.as('otherCm').get(`/api/v1/directory/${mine.id}`), 404, 'not_found');
        assertError(await ctx.as('otherAdmin').patch(`/api/v1/directory/${mine.id}`, { name: 'Mine now' }, { ifMatch: 1 }),
          404, 'not_found');
        assert.deepEqual((await search(`need=${category}`)).map((m) => m.service.id), [mine.id]);
        assert.deepEqual((await search(`need=${category}`, 'otherCm')).map((m) => m.service.id), [theirs.id]);
        assert.equal((await exportCsv()).text.includes(theirs.id), false, 'the export holds only the organization\'s');
        assertStatus(await admin().get(`/api/v1/directory/${mine.id}`), 200);
      });
    });

    describe('search', () => {
      it('filters by need, language (the primary language counts), payer and distance; inactive listings are left out', async () => {
        const category = need('meals');
        const other = need('laundry');
        const en = await listing({ name: `A English ${letters(4)}`, needs: [category], languages: ['en'] });
        const mx = await listing({ name: `B Spanish ${letters(4)}`, needs: [category, other], languages: ['es-MX', 'en'] });
        const feeMedicaid = await listing({ name: `C Medicaid ${letters(4)}`, needs: [category], cost: 'fee',
          payers: ['medicaid'], languages: ['es'] });
        const feePrivate = await listing({ name: `D Private ${letters(4)}`, needs: [category], cost: 'fee',
          payers: ['private'] });
        const closed = await listing({ name: `E Closed ${letters(4)}`, needs: [category], active: false });
        const ids = (items) => items.map((m) => m.service.id).sort();

        assert.deepEqual(ids(await search(`need=${category}`)), [en.id, mx.id, feeMedicaid.id, feePrivate.id].sort(),
          'every active listing of the need; not the inactive one');
        assert.ok(!(await search(`need=${category}`)).some((m) => m.service.id === closed.id));
        assert.deepEqual(ids(await search(`need=${other}`)), [mx.id]);
        assert.deepEqual(ids(await search(`need=${category}&language=es`)), [mx.id, feeMedicaid.id].sort(),
          'es matches es-MX');
        assert.deepEqual(ids(await search(`need=${category}&language=es-MX`)), [mx.id, feeMedicaid.id].sort());
        assert.deepEqual(ids(await search(`need=${category}&payer=medicaid`)), [en.id, mx.id, feeMedicaid.id].sort(),
          'free services take anyone; a fee service only its payers');
        assert.deepEqual(ids(await search(`need=${category}&payer=private`)), [en.id, mx.id, feePrivate.id].sort());
        assert.deepEqual(await search(`need=${need('nothing')}`), []);

        assertError(await cm().get(`/api/v1/directory?need=${category}&payer=barter`), 422, 'invalid_argument', 'payer');
        assertError(await cm().get(`/api/v1/directory?need=${category}&within_km=0`), 422, 'invalid_argument', 'within_km');
        assertError(await cm().get(`/api/v1/directory?need=${category}&within_km=near`), 422, 'invalid_argument',
          'within_km');
        assertError(await cm().get(`/api/v1/directory?need=${category}&colour=red`), 400, 'malformed_request', 'colour');
      });

      it('with a client: eligible first, then the client\'s language, accepting, nearest, shortest wait; distance_km to 0.1', async () => {
        const category = need('food');
        const { client } = await seeker({ payers: ['medicaid'] });
        assert.equal(client.preferred_language, 'es');
        const make = (label, over) => listing({ name: `${label} ${letters(4)}`, needs: [category], ...over });
        const s = {
          esNear: await make('es near', { languages: ['es'], ...north(2.0) }),
          esNearWait: await make('es near wait', { languages: ['es'], wait_days: 7, ...north(2.0) }),
          esFar: await make('es far', { languages: ['es-MX'], ...north(5.0) }),
          esNowhere: await make('es nowhere', { languages: ['es'], latitude: null, longitude: null }),
          enNearest: await make('en nearest', { languages: ['en'], ...north(1.0) }),
          enMedicaid: await make('en medicaid fee', { languages: ['en'], cost: 'fee', payers: ['medicaid'], ...north(3.0) }),
          tooOld: await make('too old', { languages: ['es'], max_age: 64, ...north(0.5) }),
          feePrivate: await make('fee private', { languages: ['es'], cost: 'fee', payers: ['private'], ...north(0.6) }),
          full: await make('full', { languages: ['es'], accepting: false, ...north(0.4) }),
        };
        const items = await search(`need=${category}&client_id=${client.id}`);
        const order = ['esNear', 'esNearWait', 'esFar', 'esNowhere', 'enNearest', 'enMedicaid', 'tooOld', 'feePrivate', 'full'];
        const nameOf = Object.fromEntries(Object.entries(s).map(([k, v]) => [v.id, k]));
        assert.deepEqual(items.map((m) => nameOf[m.service.id]), order);

        for (const m of items) {
          const key = nameOf[m.service.id];
          assert.deepEqual(m.service, s[key], `${key}: the Service as listed`);
          if (m.service.latitude === null) {
            assert.equal(m.distance_km, null, `${key}: no coordinates, no distance`);
          } else {
            const exact = haversine(HOME, m.service);
            assert.equal(m.distance_km, Math.round(exact * 10) / 10, `${key}: distance ${exact} rounded to 0.1`);
          }
        }
        const get = (key) => items.find((m) => m.service.id === s[key].id);
        assert.equal(get('esNear').distance_km, 2.0);
        assert.equal(get('esFar').distance_km, 5.0);
        assert.equal(get('enNearest').distance_km, 1.0);
        for (const key of ['esNear', 'esNearWait', 'esFar', 'esNowhere', 'enNearest', 'enMedicaid']) {
          assert.equal(get(key).eligible, true, key);
          assert.deepEqual(get(key).unmet, [], key);
        }
        for (const [key, pattern] of [['tooOld', /age|64/i], ['feePrivate', /fee|coverage/i], ['full', /capacity|wait/i]]) {
          assert.equal(get(key).eligible, false, key);
          assert.equal(get(key).unmet.length, 1, `${key}: one reason (${get(key).unmet})`);
          assert.match(get(key).unmet[0], pattern, key);
        }

        // Within 2.5 km of the client.
        const near = await search(`need=${category}&client_id=${client.id}&within_km=2.5`);
        assert.deepEqual(near.map((m) => nameOf[m.service.id]), ['esNear', 'esNearWait', 'enNearest', 'tooOld', 'feePrivate',
          'full']);
        for (const m of near) assert.ok(m.distance_km <= 2.5);

        // Another client: English-speaking, privately insured, no home on file.
        const other = await seeker({ location: null, payers: ['private'], overrides: { preferred_language: 'en' } });
        const theirs = await search(`need=${category}&client_id=${other.client.id}`);
        for (const m of theirs) assert.equal(m.distance_km, null);
        assert.equal(theirs.find((m) => m.service.id === s.feePrivate.id).eligible, true, 'covered by private');
        assert.equal(theirs.find((m) => m.service.id === s.enMedicaid.id).eligible, false, 'not covered by medicaid');
        // Eligible first; among them English first, then (no distances) the shorter wait; then the
        // ineligible, English first, the one without capacity last.
        const names = theirs.map((m) => nameOf[m.service.id]);
        assert.deepEqual(theirs.map((m) => m.eligible), [true, true, true, true, true, true, false, false, false]);
        assert.equal(names[0], 'enNearest');
        assert.deepEqual(names.slice(1, 5).sort(), ['esFar', 'esNear', 'esNowhere', 'feePrivate']);
        assert.equal(names[5], 'esNearWait', 'a 7-day wait after the others');
        assert.deepEqual(names.slice(6), ['enMedicaid', 'tooOld', 'full']);
      });

      it('an inactive coverage no longer counts for a fee service', async () => {
        const category = need('therapy');
        const { client, coverages } = await seeker({ payers: ['medicaid'] });
        const fee = await listing({ needs: [category], cost: 'fee', payers: ['medicaid'] });
        assert.equal((await search(`need=${category}&client_id=${client.id}`))[0].eligible, true);
        const off = await cm().patch(`/api/v1/coverages/${coverages[0].id}`, { active: false }, { ifMatch: 1 });
        assertStatus(off, 200);
        const [m] = await search(`need=${category}&client_id=${client.id}`);
        assert.equal(m.service.id, fee.id);
        assert.equal(m.eligible, false);
        assert.match(m.unmet[0], /fee|coverage/i);
      });
    });

    describe('the client\'s home', () => {
      it('PATCH /clients/{id} sets, moves and clears latitude/longitude (both or neither); the ranking follows', async () => {
        const category = need('grocery');
        const { client } = await seeker({ location: null });
        const south = await listing({ needs: [category], ...north(-3) });
        const northern = await listing({ needs: [category], ...north(4) });
        let items = await search(`need=${category}&client_id=${client.id}`);
        assert.deepEqual(items.map((m) => m.distance_km), [null, null], 'no home on file: no distances');

        const set = await cm().patch(`/api/v1/clients/${client.id}`, { latitude: HOME.latitude, longitude: HOME.longitude },
          { ifMatch: client.version });
        assertStatus(set, 200);
        assert.equal(set.body.latitude, HOME.latitude);
        assert.equal(set.body.longitude, HOME.longitude);
        items = await search(`need=${category}&client_id=${client.id}`);
        assert.deepEqual(items.map((m) => [m.service.id, m.distance_km]), [[south.id, 3.0], [northern.id, 4.0]]);

        const moved = await cm().patch(`/api/v1/clients/${client.id}`, north(5), { ifMatch: set.body.version });
        assertStatus(moved, 200);
        items = await search(`need=${category}&client_id=${client.id}`);
        assert.deepEqual(items.map((m) => [m.service.id, m.distance_km]), [[northern.id, 1.0], [south.id, 8.0]]);

        assertError(await cm().patch(`/api/v1/clients/${client.id}`, { latitude: 91, longitude: 0 },
          { ifMatch: moved.body.version }), 422, 'invalid_argument', 'latitude');
        const half = await cm().patch(`/api/v1/clients/${client.id}`, { latitude: 40 }, { ifMatch: moved.body.version });
        assert.ok(half.status === 400 || half.status === 422, `latitude alone is refused: ${half.status}`);
        const cleared = await cm().patch(`/api/v1/clients/${client.id}`, { latitude: null, longitude: null },
          { ifMatch: moved.body.version });
        assertStatus(cleared, 200);
        assert.equal(cleared.body.latitude, null);
        assert.equal(cleared.body.longitude, null);
        items = await search(`need=${category}&client_id=${client.id}`);
        assert.deepEqual(items.map((m) => m.distance_km), [null, null]);
      });
    });

    describe('service matches for the client\'s open needs', () => {
      it('lists ranked services for each proposed or active need on the client\'s care plans; met and dismissed needs are left out', async () => {
        const [a, b, c, d, e] = ['food', 'housing', 'transport', 'utility', 'legal'].map(need);
        const { client, theCase } = await seeker({ payers: ['medicaid'] });
        await savePlan(theCase, [
          { id: 'n1', category: a, description: 'Food', status: 'active' },
          { id: 'n2', category: b, description: 'Housing', status: 'proposed' },
          { id: 'n3', category: c, description: 'Transport', status: 'met' },
          { id: 'n4', category: d, description: 'Utility', status: 'dismissed' },
        ]);
        // A second open case with a plan of its own.
        const second = await cy.newCase({ program: await cy.newProgram('Legal Aid'), client });
        await savePlan(second.theCase, [{ id: 'n1', category: e, description: 'Legal', status: 'active' }]);

        const aFar = await listing({ needs: [a], ...north(4) });
        const aNear = await listing({ needs: [a], ...north(1) });
        const aOld = await listing({ needs: [a], max_age: 60, ...north(0.5) });
        const bOne = await listing({ needs: [b, a], ...north(2) });
        await listing({ needs: [c] });
        await listing({ needs: [d] });
        const eOne = await listing({ needs: [e] });

        const res = await cm().get(`/api/v1/clients/${client.id}/service-matches`);
        assertStatus(res, 200);
        assert.deepEqual(sortedKeys(res.body), ['needs']);
        const byCategory = Object.fromEntries(res.body.needs.map((n) => {
          assert.deepEqual(sortedKeys(n), ['matches', 'need']);
          for (const m of n.matches) assert.deepEqual(sortedKeys(m), MATCH_KEYS);
          return [n.need.category, n];
        }));
        assert.deepEqual(Object.keys(byCategory).sort(), [a, b, e].sort(), 'the open needs of both plans');
        assert.equal(byCategory[a].need.id, 'n1');
        assert.equal(byCategory[a].need.status, 'active');
        assert.equal(byCategory[b].need.status, 'proposed');
        assert.deepEqual(byCategory[a].matches.map((m) => m.service.id), [aNear.id, bOne.id, aFar.id, aOld.id],
          'ranked: eligible nearest first, the one the client is too old for last');
        assert.equal(byCategory[a].matches.at(-1).eligible, false);
        assert.deepEqual(byCategory[b].matches.map((m) => m.service.id), [bOne.id]);
        assert.equal(byCategory[b].matches[0].distance_km, 2.0);
        assert.deepEqual(byCategory[e].matches.map((m) => m.service.id), [eOne.id]);
      });

      it('a positive AHC HRSN screen proposes needs that then list matching services', async () => {
        const { client, theCase } = await seeker({ payers: ['medicaid'] });
        const res0 = await cm().get(`/api/v1/clients/${client.id}/service-matches`);
        assertStatus(res0, 200);
        assert.deepEqual(res0.body, { needs: [] }, 'no plan, no needs');
        const utilities = await listing({ name: `Utility assistance ${letters(4)}`, needs: ['utilities'] });
        const a = await cm().post(`/api/v1/clients/${client.id}/assessments`, { instrument_id: 'ahc-hrsn', case_id: theCase.id,
          answers: { 'ahc-1': 'steady', 'ahc-3': 'never', 'ahc-4': 'never', 'ahc-5': 'no', 'ahc-6': 'yes',
            'ahc-7': '1', 'ahc-8': '1', 'ahc-9': '1', 'ahc-10': '1' } });
        assertStatus(a, 201);
        assert.deepEqual(a.body.flags.map((f) => f.need), ['utilities']);
        const res = await cm().get(`/api/v1/clients/${client.id}/service-matches`);
        assertStatus(res, 200);
        assert.equal(res.body.needs.length, 1);
        assert.equal(res.body.needs[0].need.category, 'utilities');
        assert.equal(res.body.needs[0].need.status, 'proposed');
        assert.ok(res.body.needs[0].matches.some((m) => m.service.id === utilities.id && m.eligible));
      });
    });

    describe('service check (medical necessity)', () => {
      const fx = {};

      before(async () => {
        fx.x = need('homecare');
        fx.y = need('legal');
        const { client, theCase, coverages } = await seeker({ payers: ['medicaid'] });
        fx.client = client;
        fx.coverage = coverages[0];
        await savePlan(theCase, [{ id: 'n1', category: fx.x, description: 'Needs help at home', status: 'active' }]);
        fx.ok = await listing({ name: `Z ok ${letters(4)}`, needs: [fx.x], ...north(1) });
        fx.feeMedicaid = await listing({ name: `Z fee medicaid ${letters(4)}`, needs: [fx.x], cost: 'fee',
          payers: ['medicaid', 'private'], ...north(2) });
        fx.feePrivate = await listing({ needs: [fx.x], cost: 'fee', payers: ['private'], ...north(1) });
        fx.tooOld = await listing({ needs: [fx.x], max_age: 60, ...north(1) });
        fx.full = await listing({ needs: [fx.x], accepting: false, ...north(1) });
        fx.noNeed = await listing({ needs: [fx.y], ...north(1) });
        fx.yEligible = await listing({ needs: [fx.y], ...north(3) });
        fx.yIneligible = await listing({ needs: [fx.y], cost: 'fee', payers: ['grant'] });
      });

      it('meets: a need on the plan calls for it and the client is eligible and covered', async () => {
        for (const s of [fx.ok, fx.feeMedicaid]) {
          const r = await check(fx.client, s.id);
          assert.equal(r.meets, true, s.name);
          assert.deepEqual(r.reasons, []);
          assert.deepEqual(r.alternatives, []);
          assert.deepEqual(r.service, s);
        }
      });

      it('does not meet, with the reason in words and eligible alternatives for the same need (not the one requested)', async () => {
        const rows = [
          [fx.noNeed, /need|plan/i],
          [fx.feePrivate, /fee|coverage/i],
          [fx.tooOld, /age|60/i],
          [fx.full, /capacity|wait/i],
        ];
        for (const [s, pattern] of rows) {
          const r = await check(fx.client, s.id);
          assert.equal(r.meets, false, s.name);
          assert.deepEqual(r.service, s);
          assert.equal(r.reasons.length, 1, `${s.name}: ${JSON.stringify(r.reasons)}`);
          assert.match(r.reasons[0], pattern, s.name);
          assert.ok(r.alternatives.length >= 1 && r.alternatives.length <= 5, `${s.name}: alternatives`);
          for (const alt of r.alternatives) {
            assert.notEqual(alt.service.id, s.id, 'not the requested service');
            assert.equal(alt.eligible, true, `${alt.service.name} is one the client may use`);
            assert.deepEqual(alt.unmet, []);
            assert.ok(alt.service.needs.some((n) => s.needs.includes(n)), 'meets the same need');
          }
        }
        const noNeed = await check(fx.client, fx.noNeed.id);
        assert.deepEqual(noNeed.alternatives.map((m) => m.service.id), [fx.yEligible.id],
          'the eligible listing of the same need; not the ineligible one');
        const fee = await check(fx.client, fx.feePrivate.id);
        assert.deepEqual(fee.alternatives.map((m) => m.service.id), [fx.ok.id, fx.feeMedicaid.id], 'ranked, nearest first');
        assert.equal(fee.alternatives[0].distance_km, 1.0);
      });

      it('several reasons at once, and at most five alternatives', async () => {
        const s = await listing({ needs: [fx.y], max_age: 60, accepting: false, cost: 'fee', payers: ['grant'] });
        const r = await check(fx.client, s.id);
        assert.equal(r.meets, false);
        assert.equal(r.reasons.length, 4, JSON.stringify(r.reasons));
        for (const extra of [1, 2, 3, 4, 5]) await listing({ needs: [fx.y], ...north(extra) });
        const r2 = await check(fx.client, fx.noNeed.id);
        assert.equal(r2.alternatives.length, 5, 'up to five');
      });

      it('without its coverage the fee service no longer meets; unknown or another organization\'s service 404', async () => {
        const c = await cm().get(`/api/v1/clients/${fx.client.id}/coverages`);
        const current = c.body.items.find((v) => v.id === fx.coverage.id);
        const off = await cm().patch(`/api/v1/coverages/${fx.coverage.id}`, { active: false }, { ifMatch: current.version });
        assertStatus(off, 200);
        const r = await check(fx.client, fx.feeMedicaid.id);
        assert.equal(r.meets, false);
        assert.match(r.reasons[0], /fee|coverage/i);
        assert.ok(r.alternatives.some((m) => m.service.id === fx.ok.id));
        assertStatus(await cm().patch(`/api/v1/coverages/${fx.coverage.id}`, { active: true }, { ifMatch: off.body.version }),
          200);
        assert.equal((await check(fx.client, fx.feeMedicaid.id)).meets, true);

        const theirs = await listing({ needs: [fx.x] }, 'otherAdmin');
        assertError(await cm().post(`/api/v1/clients/${fx.client.id}/service-check`, { service_id: theirs.id }), 404,
          'not_found', 'service_id');
        assertError(await cm().post(`/api/v1/clients/${fx.client.id}/service-check`, { service_id: 'sv_doesnotexist0000' }),
          404, 'not_found', 'service_id');
        assertError(await cm().post(`/api/v1/clients/${fx.client.id}/service-check`, {}), 400, 'malformed_request',
          'service_id');
      });
    });

    describe('CSV export and import', () => {
      it('GET /directory-csv answers text/csv: the header row, every field quoted, lists joined by ";", yes/no', async () => {
        const category = need('meals');
        const s = await listing({
          name: 'Meals "on" Wheels, Springfield',
          needs: [category, 'transportation'],
          description: 'Hot lunch delivered;\nfrozen dinners for the weekend',
          payers: ['medicaid', 'private'],
          languages: ['en', 'es'],
          cost: 'sliding_scale',
          accepting: false,
          wait_days: 10,
          ...north(1.5),
        });
        const res = await exportCsv('cm');
        assert.match(res.headers.get('content-type'), /^text\/csv/);
        const lines = res.text.split('\r\n');
        assert.equal(lines[0], CSV_COLUMNS.join(','), 'the header row');
        const rows = parseCsv(res.text);
        assert.deepEqual(rows[0], CSV_COLUMNS);
        const row = rows.find((r) => r[0] === s.id);
        assert.ok(row, 'the listing is exported');
        const cell = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, row[i]]));
        assert.equal(cell.name, 'Meals "on" Wheels, Springfield');
        assert.equal(cell.needs, `${category};transportation`);
        assert.equal(cell.payers, 'medicaid;private');
        assert.equal(cell.languages, 'en;es');
        assert.equal(cell.description, 'Hot lunch delivered;\nfrozen dinners for the weekend');
        assert.equal(cell.accepting, 'no');
        assert.equal(cell.active, 'yes');
        assert.equal(cell.cost, 'sliding_scale');
        assert.equal(Number(cell.wait_days), 10);
        assert.equal(Number(cell.latitude), s.latitude);
        assert.equal(Number(cell.longitude), s.longitude);
        // Quoted fields: the quotes inside doubled, the comma kept inside the quotes.
        assert.ok(res.text.includes(`"${s.id}","Meals ""on"" Wheels, Springfield"`), 'fields are quoted');
        for (const r of rows.slice(1)) assert.equal(r.length, CSV_COLUMNS.length, 'every row has every column');
        // Every role may export; no session may not.
        for (const key of ['supervisor', 'director', 'auditor']) assertStatus(await ctx.as(key).get('/api/v1/directory-csv'), 200);
        assertError(await ctx.anon.get('/api/v1/directory-csv'), 401, 'unauthenticated');
      });

      it('import (text/csv) adds rows without an id and replaces those with one: {"created","updated"}', async () => {
        const category = need('pantry');
        const old = await listing({ name: `Old pantry ${letters(4)}`, needs: [category], languages: ['en'] });
        const text = csv(['id', 'name', 'needs', 'languages', 'cost', 'payers', 'accepting', 'active', 'min_age', 'max_age',
          'wait_days', 'latitude', 'longitude', 'description'], [
          ['', 'New pantry, north side', `${category};food`, 'en;es', 'free', '', 'yes', 'yes', '', '', '2', '39.8', '-89.65',
            'Saturdays, "bring a bag"'],
          ['', 'New clinic', category, '', 'fee', 'medicaid;medicare', 'no', 'yes', '65', '120', '', '', '', ''],
          [old.id, 'Old pantry, renamed', category, 'es', 'sliding_scale', '', 'no', 'yes', '0', '130', '14', '', '', ''],
        ]);
        const res = await importCsv(text);
        assertStatus(res, 200);
        assert.deepEqual(res.body, { created: 2, updated: 1 });

        const found = await search(`need=${category}`, 'admin');
        const names = found.map((m) => m.service.name).sort();
        assert.deepEqual(names, ['New clinic', 'New pantry, north side', 'Old pantry, renamed']);
        const pantry = found.find((m) => m.service.name === 'New pantry, north side').service;
        assert.deepEqual(pantry.needs, [category, 'food']);
        assert.deepEqual(pantry.languages, ['en', 'es']);
        assert.equal(pantry.description, 'Saturdays, "bring a bag"');
        assert.equal(pantry.latitude, 39.8);
        assert.equal(pantry.longitude, -89.65);
        assert.equal(pantry.wait_days, 2);
        assert.equal(pantry.accepting, true);
        assert.equal(pantry.version, 1);
        const clinic = found.find((m) => m.service.name === 'New clinic').service;
        assert.equal(clinic.cost, 'fee');
        assert.deepEqual(clinic.payers, ['medicaid', 'medicare']);
        assert.equal(clinic.accepting, false);
        assert.equal(clinic.min_age, 65);
        assert.equal(clinic.latitude, null);
        const renamed = await admin().get(`/api/v1/directory/${old.id}`);
        assertStatus(renamed, 200);
        assert.equal(renamed.body.name, 'Old pantry, renamed');
        assert.equal(renamed.body.version, 2);
        assert.equal(renamed.body.cost, 'sliding_scale');
        assert.deepEqual(renamed.body.languages, ['es']);
        assert.equal(renamed.body.wait_days, 14);
        assert.equal(renamed.body.created_at, old.created_at);
      });

      it('all or nothing: the first bad row answers 422 naming rows[i].column (and its line); nothing changes', async () => {
        const category = need('clothing');
        const old = await listing({ name: `Closet ${letters(4)}`, needs: [category] });
        const header = ['id', 'name', 'needs', 'min_age', 'accepting', 'payers', 'latitude', 'longitude'];
        const good = [['', 'Good one', category, '', '', '', '', ''], [old.id, 'Closet renamed', category, '', '', '', '', '']];
        const before_ = await allListings();
        const exported = (await exportCsv()).text;
        const rows = [
          [[...good, ['', 'Bad age', category, 'ten', '', '', '', '']], 'rows[2].min_age', 'line 4'],
          [[['', 'Bad accepting', category, '', 'maybe', '', '', ''], ...good], 'rows[0].accepting', 'line 2'],
          [[...good, ['', 'No needs', '', '', '', '', '', '']], 'rows[2].needs', 'line 4'],
          [[good[0], ['', '', category, '', '', '', '', '']], 'rows[1].name', 'line 3'],
          [[good[0], ['', 'Bad latitude', category, '', '', '', 'north', '-89.6']], 'rows[1].latitude', 'line 3'],
          [[good[0], ['', 'Far north', category, '', '', '', '91', '-89.6']], 'rows[1].latitude', 'line 3'],
        ];
        for (const [data, field, line] of rows) {
          const res = await importCsv(csv(header, data));
          assertError(res, 422, 'invalid_argument', field);
          assert.ok(res.body.error.message.includes(line), `${field}: the message names ${line}: ${res.body.error.message}`);
        }
        const badPayer = await importCsv(csv(header, [...good, ['', 'Barter', category, '', '', 'barter', '', '']]));
        assertError(badPayer, 422, 'invalid_argument');
        assert.match(badPayer.body.error.field, /^rows\[2\]\.payers/);
        // A row naming a listing that does not exist (or another organization's) is not found.
        const theirs = await listing({ needs: [category] }, 'otherAdmin');
        for (const id of ['sv_doesnotexist0000', theirs.id]) {
          assertError(await importCsv(csv(header, [...good, [id, 'Ghost', category, '', '', '', '', '']])), 404, 'not_found',
            'rows[2].id');
        }
        assert.equal((await exportCsv()).text, exported, 'the export is as it was');
        assert.deepEqual(await allListings(), before_, 'no listing changed');
        assert.equal((await admin().get(`/api/v1/directory/${theirs.id}`)).status, 404);
        assert.equal((await ctx.as('otherAdmin').get(`/api/v1/directory/${theirs.id}`)).body.name, theirs.name);
      });

      it('the wrong content type is 415; an unknown column, or no needs column, 422; nothing changes', async () => {
        const category = need('baby');
        const exported = (await exportCsv()).text;
        const body = csv(['name', 'needs'], [['Diaper bank', category]]);
        assertError(await importCsv(body, { type: 'application/json' }), 415, 'malformed_request');
        assertError(await importCsv(body, { type: 'text/plain' }), 415, 'malformed_request');
        assertError(await admin().post('/api/v1/directory-csv', [{ name: 'Diaper bank', needs: [category] }]), 415,
          'malformed_request');
        assertError(await importCsv(csv(['name', 'needs', 'colour'], [['Diaper bank', category, 'red']])), 422,
          'invalid_argument');
        assertError(await importCsv(csv(['name', 'provider'], [['Diaper bank', 'Someone']])), 422, 'invalid_argument');
        assertError(await importCsv('name,needs\n"Diaper bank,' + category + '\n'), 422, 'invalid_argument');
        assert.equal((await exportCsv()).text, exported);
        assert.deepEqual(await search(`need=${category}`), []);
        // The same body as text/csv is taken.
        const ok = await importCsv(body, { type: 'text/csv; charset=utf-8' });
        assertStatus(ok, 200);
        assert.deepEqual(ok.body, { created: 1, updated: 0 });
      });

      it('export then import leaves every listing as it was (each replaced by itself)', async () => {
        await listing({ name: 'Round "trip", the first', needs: [need('trip'), 'food'], description: 'Line one\nline two',
          payers: ['grant', 'self_pay'], languages: ['zh-Hant', 'en'], cost: 'fee', accepting: false, active: false,
          ...north(12.345678) });
        await listing({ name: 'Round trip, bare', needs: [need('trip')], provider: '', area: '', hours: '', address: '',
          phone: '', description: '', latitude: null, longitude: null });
        const before_ = await allListings();
        const exported = (await exportCsv()).text;
        const res = await importCsv(exported);
        assertStatus(res, 200);
        assert.deepEqual(res.body, { created: 0, updated: before_.length });
        const after_ = await allListings();
        assert.deepEqual(after_.map(withoutVersion), before_.map(withoutVersion), 'every field as it was');
        for (const [i, s] of after_.entries()) assert.equal(s.version, before_[i].version + 1, `${s.name}: a new version`);
        assert.deepEqual(parseCsv((await exportCsv()).text), parseCsv(exported), 'the export reads the same');
      });
    });

    describe('access', () => {
      const fx = {};

      before(async () => {
        fx.category = need('access');
        const { client, theCase } = await seeker({ payers: ['medicaid'] });
        fx.client = client;
        await savePlan(theCase, [{ id: 'n1', category: fx.category, description: 'Needs help', status: 'active' }]);
        fx.service = await listing({ needs: [fx.category] });
      });

      async function snapshot() {
        const matches = await cm().get(`/api/v1/clients/${fx.client.id}/service-matches`);
        assertStatus(matches, 200);
        return { matches: matches.body, listings: await allListings() };
      }

      function endpoints() {
        const c = fx.client.id;
        return [
          ['GET /directory?client_id', 'GET', `/api/v1/directory?need=${fx.category}&client_id=${c}`],
          ['GET /clients/{id}/service-matches', 'GET', `/api/v1/clients/${c}/service-matches`],
          ['POST /clients/{id}/service-check', 'POST', `/api/v1/clients/${c}/service-check`, { service_id: fx.service.id }],
        ];
      }

      const EXPECTED = {
        anonymous: 401,
        badToken: 401,
        cm2: 403, // a case manager who does not work with the client
        admin: 403,
        auditor: 403,
        director: 403, // reads records only through break-the-glass
        otherCm: 404, // another organization's client
      };


      it('the client\'s matches, checks and ranked search refuse every caller outside the record, and nothing changes', async () => {
        const before_ = await snapshot();
        const { wrong, cells } = await askEveryCaller(ctx, EXPECTED, endpoints(), { undisclosed: fx.client.family_name });
        assert.equal(cells, 21);
        assert.deepEqual(await snapshot(), before_, 'no refused request changed anything');
        assert.deepEqual(wrong, [], `${wrong.length} of ${cells} cells answered wrongly`);
      });

      it('the case manager and their supervisor may (the table is not refusing everyone); the reads are audited', async () => {
        for (const key of ['cm', 'supervisor']) {
          const [m] = await search(`need=${fx.category}&client_id=${fx.client.id}`, key);
          assert.equal(m.service.id, fx.service.id);
          assertStatus(await ctx.as(key).get(`/api/v1/clients/${fx.client.id}/service-matches`), 200);
          assert.equal((await check(fx.client, fx.service.id, key)).meets, true);
        }
        const trail = await ctx.as('auditor').get(`/api/v1/audit?client_id=${fx.client.id}&user_id=${ctx.users.supervisor.id}`);
        assertStatus(trail, 200);
        assert.ok(trail.body.items.filter((e) => e.outcome === 'success').length >= 3,
          'each read of the client by the supervisor is on the trail');
      });
    });
  });
}
