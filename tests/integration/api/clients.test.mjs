// Clients: create, read, update with versions, search, pagination, duplicate detection.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ISO_UTC, Letters, assertError, assertStatus, backends, clientBody, idValue, letters, listAll, useSuite,
} from './harness.mjs';

// A summary is the minimum necessary plus whether the signed-in user may open the record.
const SUMMARY_KEYS = ['birth_date', 'can_open', 'family_name', 'given_name', 'id', 'preferred_name'];

function sortedKeys(obj) {
  return Object.keys(obj).sort();
}

/** The order the contract promises for lists: family name, then given name (case-insensitive). */
function byName(a, b) {
  const fa = a.family_name.toLowerCase();
  const fb = b.family_name.toLowerCase();
  if (fa !== fb) return fa < fb ? -1 : 1;
  const ga = a.given_name.toLowerCase();
  const gb = b.given_name.toLowerCase();
  return ga < gb ? -1 : ga > gb ? 1 : 0;
}

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm'] });
    const cm = () => ctx.as('cm');

    async function create(overrides = {}) {
      const res = await cm().post('/api/v1/clients', clientBody(overrides));
      assertStatus(res, 201);
      return res.body;
    }

    it('POST /clients answers 201 with the Client at version 1, an opaque id, ETag "1" and Location', async () => {
      const body = clientBody({ given_name: 'Maria', middle_name: 'Elena', preferred_name: 'Mari' });
      const res = await cm().post('/api/v1/clients', body);
      assertStatus(res, 201);
      const c = res.body;
      assert.equal(typeof c.id, 'string');
      assert.ok(c.id.length > 0);
      assert.doesNotMatch(c.id, /^\d+$/, 'ids are opaque, not integers');
      assert.equal(c.version, 1);
      assert.equal(res.headers.get('etag'), '"1"');
      assert.ok(res.headers.get('location')?.endsWith(`/api/v1/clients/${c.id}`),
        `Location names the new client: ${res.headers.get('location')}`);
      for (const key of ['given_name', 'family_name', 'middle_name', 'preferred_name', 'birth_date', 'sex',
        'preferred_language', 'interpreter_needed', 'phone', 'email', 'address', 'identifiers']) {
        assert.deepEqual(c[key], body[key], `field ${key} is echoed`);
      }
      assert.match(c.created_at, ISO_UTC);
      assert.match(c.updated_at, ISO_UTC);
    });

    it('POST /clients with only the required fields defaults sex to "unknown" and preferred_language to "en"', async () => {
      const res = await cm().post('/api/v1/clients', {
        given_name: 'Tomas', family_name: `Minimal${letters(8)}`, birth_date: '1961-01-02',
      });
      assertStatus(res, 201);
      assert.equal(res.body.sex, 'unknown');
      assert.equal(res.body.preferred_language, 'en');
      assert.equal(res.body.middle_name, null);
      assert.equal(res.body.email, null);
      assert.deepEqual(res.body.identifiers, []);
      assert.equal(res.body.version, 1);
    });

    it('GET /clients/{id} answers the same Client with ETag "1"', async () => {
      const created = await create();
      const res = await cm().get(`/api/v1/clients/${created.id}`);
      assertStatus(res, 200);
      assert.equal(res.headers.get('etag'), '"1"');
      assert.deepEqual(res.body, created);
    });

    it('PATCH /clients/{id} with If-Match "1" answers 200 at version 2 and the change is stored', async () => {
      const created = await create({ phone: '+1 555 0100' });
      const res = await cm().patch(`/api/v1/clients/${created.id}`, { phone: '+1 555 0199', preferred_name: 'Mimi' },
        { ifMatch: 1 });
      assertStatus(res, 200);
      assert.equal(res.body.version, 2);
      assert.equal(res.body.phone, '+1 555 0199');
      assert.equal(res.body.preferred_name, 'Mimi');
      assert.equal(res.body.given_name, created.given_name, 'fields not sent are kept');
      assert.deepEqual(res.body.identifiers, created.identifiers, 'identifiers not sent are kept');
      assert.equal(res.body.created_at, created.created_at);
      assert.ok(res.body.updated_at >= created.updated_at);

      const read = await cm().get(`/api/v1/clients/${created.id}`);
      assertStatus(read, 200);
      assert.equal(read.headers.get('etag'), '"2"');
      assert.equal(read.body.version, 2);
      assert.equal(read.body.phone, '+1 555 0199');
      assert.equal(read.body.preferred_name, 'Mimi');
    });

    it('PATCH with identifiers replaces the whole identifier list', async () => {
      const created = await create({ identifiers: [{ type: 'MRN', value: idValue('R') }, { type: 'MEMBER', value: idValue('M') }] });
      const replacement = [{ type: 'MEDICAID', value: idValue('D') }];
      const res = await cm().patch(`/api/v1/clients/${created.id}`, { identifiers: replacement }, { ifMatch: 1 });
      assertStatus(res, 200);
      assert.deepEqual(res.body.identifiers, replacement);
      const read = await cm().get(`/api/v1/clients/${created.id}`);
      assert.deepEqual(read.body.identifiers, replacement);
      // The removed identifier is free again: another client may take it.
      const reuse = await cm().post('/api/v1/clients', clientBody({ identifiers: [created.identifiers[0]] }));
      assertStatus(reuse, 201);
    });

    it('PATCH with a stale If-Match answers 412 aborted and changes nothing', async () => {
      const created = await create({ phone: '+1 555 0100' });
      const first = await cm().patch(`/api/v1/clients/${created.id}`, { phone: '+1 555 0111' }, { ifMatch: 1 });
      assertStatus(first, 200);
      const before = (await cm().get(`/api/v1/clients/${created.id}`)).body;
      assert.equal(before.version, 2);

      const stale = await cm().patch(`/api/v1/clients/${created.id}`, { phone: '+1 555 0122' }, { ifMatch: 1 });
      assertError(stale, 412, 'aborted');

      const after = await cm().get(`/api/v1/clients/${created.id}`);
      assert.deepEqual(after.body, before);
      assert.equal(after.body.phone, '+1 555 0111');
      assert.equal(after.headers.get('etag'), '"2"');
    });

    it('PATCH with a future version in If-Match answers 412 aborted', async () => {
      const created = await create();
      assertError(await cm().patch(`/api/v1/clients/${created.id}`, { phone: '1' }, { ifMatch: 7 }), 412, 'aborted');
      assert.deepEqual((await cm().get(`/api/v1/clients/${created.id}`)).body, created);
    });

    it('PATCH without If-Match answers 428 precondition_required and changes nothing', async () => {
      const created = await create({ phone: '+1 555 0100' });
      const res = await cm().patch(`/api/v1/clients/${created.id}`, { phone: '+1 555 0133' });
      assertError(res, 428, 'precondition_required');
      const after = await cm().get(`/api/v1/clients/${created.id}`);
      assert.deepEqual(after.body, created);
    });

    describe('search', () => {
      const tag = Letters(7); // family names of this block start with it
      const gtag = Letters(7); // a given name of this block starts with it
      const seeded = {};

      it('seeds the search fixtures (201 each)', async () => {
        seeded.sonMaria = await create({ family_name: `${tag}son`, given_name: 'Maria', birth_date: '1931-07-19' });
        seeded.sonMateo = await create({ family_name: `${tag}son`, given_name: 'Mateo', birth_date: '1940-02-02' });
        seeded.sonAna = await create({ family_name: `${tag}son`, given_name: 'Ana', birth_date: '1940-02-03' });
        seeded.bergMaria = await create({ family_name: `${tag}berg`, given_name: 'Maria', birth_date: '1940-02-04' });
        seeded.byGiven = await create({ family_name: `Zed${letters(6)}`, given_name: `${gtag}elle`, birth_date: '1931-07-19' });
      });

      it('q=<family prefix> answers exactly the matching ClientSummary items, ordered by family then given name', async () => {
        const res = await cm().get(`/api/v1/clients?q=${encodeURIComponent(tag)}`);
        assertStatus(res, 200);
        const expected = [seeded.sonMaria, seeded.sonMateo, seeded.sonAna, seeded.bergMaria].sort(byName);
        assert.deepEqual(res.body.items.map((i) => i.id), expected.map((c) => c.id));
        assert.equal(res.body.next_cursor, null);
        for (const item of res.body.items) {
          assert.deepEqual(sortedKeys(item), SUMMARY_KEYS, 'a summary carries the minimum necessary');
          assert.equal(item.can_open, true, 'cm registered every seeded client');
        }
        const maria = res.body.items.find((i) => i.id === seeded.sonMaria.id);
        assert.deepEqual(maria, {
          id: seeded.sonMaria.id,
          given_name: 'Maria',
          family_name: `${tag}son`,
          preferred_name: null,
          birth_date: '1931-07-19',
          can_open: true, // cm registered the client, so cm is on its care team
        });
      });

      it('q is matched case-insensitively (upper-case prefix finds the same clients)', async () => {
        const res = await cm().get(`/api/v1/clients?q=${encodeURIComponent(tag.toUpperCase())}`);
        assertStatus(res, 200);
        assert.equal(res.body.items.length, 4);
      });

      it('q matches the start of the given name too', async () => {
        const res = await cm().get(`/api/v1/clients?q=${encodeURIComponent(gtag.toLowerCase())}`);
        assertStatus(res, 200);
        assert.deepEqual(res.body.items.map((i) => i.id), [seeded.byGiven.id]);
      });

      it('q matching family names and given names alike pages through both in one order (limit=2)', async () => {
        const both = Letters(7);
        const made = [
          await create({ family_name: `${both}ova`, given_name: 'Zoe' }),
          await create({ family_name: 'Aardvark', given_name: `${both}ina` }), // before every family match
          await create({ family_name: `${both}ez`, given_name: 'Ana' }),
          await create({ family_name: `Zz${letters(5)}`, given_name: `${both}o` }), // after them
          await create({ family_name: `${both}`, given_name: `${both}` }), // matches twice, listed once
        ];
        const pages = [];
        let cursor = null;
        for (let guard = 0; guard < 10; guard++) {
          let url = `/api/v1/clients?q=${encodeURIComponent(both.toLowerCase())}&limit=2`;
          if (cursor) url += `&cursor=${encodeURIComponent(cursor)}`;
          const res = await cm().get(url);
          assertStatus(res, 200);
          pages.push(res.body.items.map((i) => i.id));
          cursor = res.body.next_cursor;
          if (cursor === null) break;
        }
        assert.deepEqual(pages.map((p) => p.length), [2, 2, 1]);
        assert.deepEqual(pages.flat(), [...made].sort(byName).map((c) => c.id));
      });

      it('q matches only the start of a name, not the middle', async () => {
        const res = await cm().get(`/api/v1/clients?q=${encodeURIComponent(`${tag.slice(2)}son`)}`);
        assertStatus(res, 200);
        assert.deepEqual(res.body.items, []);
      });

      it('q="family, given" matches family prefix AND given prefix', async () => {
        const res = await cm().get(`/api/v1/clients?q=${encodeURIComponent(`${tag.toLowerCase()}son, ma`)}`);
        assertStatus(res, 200);
        const ids = res.body.items.map((i) => i.id).sort();
        assert.deepEqual(ids, [seeded.sonMaria.id, seeded.sonMateo.id].sort());
      });

      it('birth_date=YYYY-MM-DD answers exactly the clients born that day', async () => {
        const res = await cm().get('/api/v1/clients?birth_date=1931-07-19');
        assertStatus(res, 200);
        const ids = res.body.items.map((i) => i.id).sort();
        assert.deepEqual(ids, [seeded.sonMaria.id, seeded.byGiven.id].sort());
      });

      it('q and birth_date combine (both must match)', async () => {
        const res = await cm().get(`/api/v1/clients?q=${encodeURIComponent(tag)}&birth_date=1931-07-19`);
        assertStatus(res, 200);
        assert.deepEqual(res.body.items.map((i) => i.id), [seeded.sonMaria.id]);
      });

      it('identifier=TYPE:VALUE answers exactly the client holding it', async () => {
        const ident = seeded.sonAna.identifiers[0];
        const res = await cm().get(`/api/v1/clients?identifier=${encodeURIComponent(`${ident.type}:${ident.value}`)}`);
        assertStatus(res, 200);
        assert.deepEqual(res.body.items.map((i) => i.id), [seeded.sonAna.id]);
        const none = await cm().get(`/api/v1/clients?identifier=${encodeURIComponent(`MEDICARE:${ident.value}`)}`);
        assertStatus(none, 200);
        assert.deepEqual(none.body.items, [], 'the type is part of the match');
      });
    });

    describe('pagination', () => {
      const tag = Letters(7);
      const ids = [];

      it('seeds seven clients sharing a family prefix (201 each)', async () => {
        for (const [i, given] of ['Ana', 'Bea', 'Cruz', 'Dora', 'Eva', 'Fe', 'Gil'].entries()) {
          // Family names deliberately not in creation order: sonF, sonB, ...
          const family = `${tag}${['f', 'b', 'd', 'a', 'g', 'c', 'e'][i]}`;
          ids.push((await create({ family_name: family, given_name: given })).id);
        }
      });

      it('limit=3 walks the pages with next_cursor: 3+3+1 items, each once, in order, last next_cursor null', async () => {
        const pages = [];
        let cursor = null;
        for (let guard = 0; guard < 10; guard++) {
          let url = `/api/v1/clients?q=${encodeURIComponent(tag)}&limit=3`;
          if (cursor) url += `&cursor=${encodeURIComponent(cursor)}`;
          const res = await cm().get(url);
          assertStatus(res, 200);
          pages.push(res.body.items);
          cursor = res.body.next_cursor;
          if (cursor === null) break;
          assert.equal(typeof cursor, 'string');
        }
        assert.deepEqual(pages.map((p) => p.length), [3, 3, 1]);
        const all = pages.flat();
        assert.equal(new Set(all.map((i) => i.id)).size, 7, 'no repeats');
        assert.deepEqual(new Set(all.map((i) => i.id)), new Set(ids), 'every seeded client appears');
        assert.deepEqual(all.map((i) => i.id), [...all].sort(byName).map((i) => i.id), 'ordered across pages');
      });

      it('listAll over the whole organization with limit=2 repeats no client', async () => {
        const all = await listAll(cm(), '/api/v1/clients', { limit: 2 });
        assert.equal(new Set(all.map((i) => i.id)).size, all.length);
        for (const id of ids) assert.ok(all.some((i) => i.id === id));
      });

      it('limit=0 and limit=101 answer 422 invalid_argument naming limit', async () => {
        assertError(await cm().get('/api/v1/clients?limit=0'), 422, 'invalid_argument', 'limit');
        assertError(await cm().get('/api/v1/clients?limit=101'), 422, 'invalid_argument', 'limit');
      });
    });

    describe('duplicates', () => {
      it('an identifier already held by a client answers 409 already_exists with existing_id, and nothing is created', async () => {
        const ident = { type: 'MEDICAID', value: idValue('Q') };
        const first = await create({ identifiers: [ident] });
        const res = await cm().post('/api/v1/clients', clientBody({ identifiers: [{ type: 'MRN', value: idValue('Z') }, ident] }));
        assertError(res, 409, 'already_exists');
        assert.equal(res.body.error.existing_id, first.id);
        const search = await cm().get(`/api/v1/clients?identifier=${encodeURIComponent(`MEDICAID:${ident.value}`)}`);
        assert.deepEqual(search.body.items.map((i) => i.id), [first.id]);
      });

      it('confirm_duplicate does not override an identifier conflict (still 409 already_exists)', async () => {
        const ident = { type: 'MRN', value: idValue('C') };
        const first = await create({ identifiers: [ident] });
        const res = await cm().post('/api/v1/clients', clientBody({ identifiers: [ident], confirm_duplicate: true }));
        assertError(res, 409, 'already_exists');
        assert.equal(res.body.error.existing_id, first.id);
      });

      it('the same identifier value under another type is allowed (201)', async () => {
        const value = idValue('V');
        await create({ identifiers: [{ type: 'MRN', value }] });
        const res = await cm().post('/api/v1/clients', clientBody({ identifiers: [{ type: 'MEMBER', value }] }));
        assertStatus(res, 201);
      });

      it('PATCH taking another client\'s identifier answers 409 already_exists and changes nothing', async () => {
        const a = await create();
        const b = await create();
        const res = await cm().patch(`/api/v1/clients/${b.id}`, { identifiers: a.identifiers }, { ifMatch: 1 });
        assertError(res, 409, 'already_exists');
        assert.equal(res.body.error.existing_id, a.id);
        assert.deepEqual((await cm().get(`/api/v1/clients/${b.id}`)).body, b);
      });

      it('"  jose " matches "José" with the same family name and birth date: 409 possible_duplicate listing the first', async () => {
        const family = `Garcia${letters(8)}`;
        const first = await create({ given_name: 'José', family_name: family, birth_date: '1944-04-04', identifiers: [] });
        const res = await cm().post('/api/v1/clients', clientBody({
          given_name: '  jose ', family_name: family.toUpperCase(), birth_date: '1944-04-04', identifiers: [],
        }));
        assertError(res, 409, 'possible_duplicate');
        assert.ok(Array.isArray(res.body.error.candidates));
        const cand = res.body.error.candidates.find((c) => c.id === first.id);
        assert.ok(cand, `candidates contain the first client: ${JSON.stringify(res.body.error.candidates)}`);
        assert.deepEqual(sortedKeys(cand), SUMMARY_KEYS);
        assert.equal(cand.birth_date, '1944-04-04');
        assert.equal(cand.can_open, true, 'cm registered the first client and may open it');
        const search = await cm().get(`/api/v1/clients?q=${encodeURIComponent(family)}`);
        assert.deepEqual(search.body.items.map((i) => i.id), [first.id], 'nothing was created');
      });

      it('"smith jones" matches "Smith-Jones" (hyphens and spaces ignored): 409 possible_duplicate', async () => {
        const t = letters(8);
        const first = await create({ given_name: 'Ana', family_name: `Smith-Jones-${t}`, birth_date: '1955-05-05', identifiers: [] });
        const res = await cm().post('/api/v1/clients', clientBody({
          given_name: 'ana', family_name: `smith jones ${t}`, birth_date: '1955-05-05', identifiers: [],
        }));
        assertError(res, 409, 'possible_duplicate');
        assert.ok(res.body.error.candidates.some((c) => c.id === first.id));
      });

      it('with confirm_duplicate: true the look-alike is created (201, a new id) and both are found', async () => {
        const family = `Smith-Jones-${letters(8)}`;
        const first = await create({ given_name: 'José', family_name: family, birth_date: '1944-04-04', identifiers: [] });
        const res = await cm().post('/api/v1/clients', clientBody({
          given_name: 'Jose', family_name: family.replace('-', ' ').toLowerCase(), birth_date: '1944-04-04',
          identifiers: [], confirm_duplicate: true,
        }));
        assertStatus(res, 201);
        assert.notEqual(res.body.id, first.id);
        assert.equal(res.body.version, 1);
        assert.equal('confirm_duplicate' in res.body, false, 'confirm_duplicate is not stored on the client');
        const search = await cm().get(`/api/v1/clients?q=${encodeURIComponent('smith')}&birth_date=1944-04-04`);
        const ids = search.body.items.map((i) => i.id);
        assert.ok(ids.includes(first.id) && ids.includes(res.body.id), `both found: ${JSON.stringify(ids)}`);
      });

      it('the same name with another birth date is not a duplicate (201)', async () => {
        const family = `Nguyen${letters(8)}`;
        await create({ given_name: 'Linh', family_name: family, birth_date: '1970-01-01', identifiers: [] });
        const res = await cm().post('/api/v1/clients', clientBody({
          given_name: 'Linh', family_name: family, birth_date: '1970-01-02', identifiers: [],
        }));
        assertStatus(res, 201);
      });
    });

    it('GET /clients/{unknown id} answers 404 not_found', async () => {
      assertError(await cm().get('/api/v1/clients/cl_doesnotexist0000'), 404, 'not_found');
    });

    it('PATCH /clients/{unknown id} answers 404 not_found', async () => {
      assertError(await cm().patch('/api/v1/clients/cl_doesnotexist0000', { phone: '1' }, { ifMatch: 1 }), 404, 'not_found');
    });
  });
}
