// Bad input is refused with the right status, code and field — and changes nothing: after every
// refused request the number of clients is the same and an existing record reads back identical.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { assertError, assertStatus, backends, clientBody, idValue, listAll, useSuite } from './harness.mjs';

function isoDate(d) {
  return d.toISOString().slice(0, 10);
}

const tomorrow = isoDate(new Date(Date.now() + 2 * 24 * 3600 * 1000)); // 2 days: safe across time zones
const nextYear = isoDate(new Date(Date.now() + 366 * 24 * 3600 * 1000));

function without(obj, key) {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

/**
 * Bad POST /api/v1/clients bodies: [description, body (object → JSON, string → raw), status, code, field].
 * Every body is otherwise valid, so the one defect named is the only reason to refuse it.
 */
function badCreates() {
  const ok = () => clientBody();
  return [
    ['a body that is not JSON', '{"given_name": "Ana", ', 400, 'malformed_request', null],
    ['an empty body', '', 400, 'malformed_request', null],
    ['a JSON array', JSON.stringify([ok()]), 400, 'malformed_request', null],
    ['a JSON string', '"Ana Lopez"', 400, 'malformed_request', null],
    ['JSON null', 'null', 400, 'malformed_request', null],
    ['given_name: 5', { ...ok(), given_name: 5 }, 400, 'malformed_request', 'given_name'],
    ['given_name: null', { ...ok(), given_name: null }, 400, 'malformed_request', 'given_name'],
    ['interpreter_needed: "yes"', { ...ok(), interpreter_needed: 'yes' }, 400, 'malformed_request', 'interpreter_needed'],
    ['identifiers: "x"', { ...ok(), identifiers: 'x' }, 400, 'malformed_request', 'identifiers'],
    ['identifiers: ["MRN:1"]', { ...ok(), identifiers: ['MRN:1'] }, 400, 'malformed_request', 'identifiers[0]'],
    ['identifiers[0].value: 123', { ...ok(), identifiers: [{ type: 'MRN', value: 123 }] }, 400, 'malformed_request', 'identifiers[0].value'],
    ['address: "12 Elm St"', { ...ok(), address: '12 Elm St' }, 400, 'malformed_request', 'address'],
    ['address.city: 5', { ...ok(), address: { city: 5 } }, 400, 'malformed_request', 'address.city'],
    ['birth_date: 19500314 (a number)', { ...ok(), birth_date: 19500314 }, 400, 'malformed_request', 'birth_date'],
    ['confirm_duplicate: "yes"', { ...ok(), confirm_duplicate: 'yes' }, 400, 'malformed_request', 'confirm_duplicate'],
    ['an unknown field favourite_color', { ...ok(), favourite_color: 'blue' }, 400, 'malformed_request', 'favourite_color'],
    ['an unknown field inside address (address.zip)', { ...ok(), address: { zip: '62701' } }, 400, 'malformed_request', 'address.zip'],
    ['an unknown field inside an identifier', { ...ok(), identifiers: [{ type: 'MRN', value: idValue('U'), issuer: 'x' }] }, 400, 'malformed_request', 'identifiers[0].issuer'],
    ['given_name missing', without(ok(), 'given_name'), 400, 'malformed_request', 'given_name'],
    ['family_name missing', without(ok(), 'family_name'), 400, 'malformed_request', 'family_name'],
    ['birth_date missing', without(ok(), 'birth_date'), 400, 'malformed_request', 'birth_date'],
    ['birth_date "2020-02-30" (not a real date)', { ...ok(), birth_date: '2020-02-30' }, 422, 'invalid_argument', 'birth_date'],
    ['birth_date "2021-02-29" (not a leap year)', { ...ok(), birth_date: '2021-02-29' }, 422, 'invalid_argument', 'birth_date'],
    ['birth_date "03/14/1950" (not YYYY-MM-DD)', { ...ok(), birth_date: '03/14/1950' }, 422, 'invalid_argument', 'birth_date'],
    [`birth_date in the future (${tomorrow})`, { ...ok(), birth_date: tomorrow }, 422, 'invalid_argument', 'birth_date'],
    [`birth_date next year (${nextYear})`, { ...ok(), birth_date: nextYear }, 422, 'invalid_argument', 'birth_date'],
    ['birth_date before 1900-01-01 (1899-12-31)', { ...ok(), birth_date: '1899-12-31' }, 422, 'invalid_argument', 'birth_date'],
    ['sex: "x"', { ...ok(), sex: 'x' }, 422, 'invalid_argument', 'sex'],
    ['sex: "Female" (enum values are exact)', { ...ok(), sex: 'Female' }, 422, 'invalid_argument', 'sex'],
    ['identifier type "FOO"', { ...ok(), identifiers: [{ type: 'FOO', value: idValue('F') }] }, 422, 'invalid_argument', 'identifiers[0].type'],
    ['a bad type in the second identifier', { ...ok(), identifiers: [{ type: 'MRN', value: idValue('G') }, { type: 'SSN', value: idValue('H') }] }, 422, 'invalid_argument', 'identifiers[1].type'],
    ['an empty identifier value', { ...ok(), identifiers: [{ type: 'MRN', value: '' }] }, 422, 'invalid_argument', 'identifiers[0].value'],
    ['a 65-character identifier value', { ...ok(), identifiers: [{ type: 'MRN', value: 'A'.repeat(65) }] }, 422, 'invalid_argument', 'identifiers[0].value'],
    ['given_name "  " (empty after trimming)', { ...ok(), given_name: '  ' }, 422, 'invalid_argument', 'given_name'],
    ['family_name "" (empty)', { ...ok(), family_name: '' }, 422, 'invalid_argument', 'family_name'],
    ['given_name of 101 characters', { ...ok(), given_name: 'a'.repeat(101) }, 422, 'invalid_argument', 'given_name'],
    ['a NUL character in family_name', { ...ok(), family_name: 'Lo\u0000pez' }, 422, 'invalid_argument', 'family_name'],
    ['a NUL character in an identifier value', { ...ok(), identifiers: [{ type: 'MRN', value: 'A1\u0000Z' }] }, 422, 'invalid_argument', 'identifiers[0].value'],
    ['a line break in given_name', { ...ok(), given_name: 'Ma\nria' }, 422, 'invalid_argument', 'given_name'],
  ];
}

/** Bad PATCH bodies against an existing client (sent with the right If-Match). */
function badPatches() {
  return [
    ['a body that is not JSON', '{"phone": ', 400, 'malformed_request', null],
    ['a JSON array', '[{"phone": "1"}]', 400, 'malformed_request', null],
    ['given_name: 5', { given_name: 5 }, 400, 'malformed_request', 'given_name'],
    ['interpreter_needed: "yes"', { interpreter_needed: 'yes' }, 400, 'malformed_request', 'interpreter_needed'],
    ['identifiers: "x"', { identifiers: 'x' }, 400, 'malformed_request', 'identifiers'],
    ['an unknown field', { phone: '+1 555 0000', favourite_color: 'blue' }, 400, 'malformed_request', 'favourite_color'],
    ['birth_date "2020-02-30"', { birth_date: '2020-02-30' }, 422, 'invalid_argument', 'birth_date'],
    [`birth_date in the future (${tomorrow})`, { birth_date: tomorrow }, 422, 'invalid_argument', 'birth_date'],
    ['sex: "x" together with a valid phone change', { phone: '+1 555 0000', sex: 'x' }, 422, 'invalid_argument', 'sex'],
    ['identifier type "FOO" (the list must not be replaced)', { identifiers: [{ type: 'FOO', value: idValue('P') }] }, 422, 'invalid_argument', 'identifiers[0].type'],
    ['given_name "  "', { given_name: '  ' }, 422, 'invalid_argument', 'given_name'],
  ];
}

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm'] });
    const cm = () => ctx.as('cm');
    let baseline = null; // an existing client, as read back before any bad request
    let baselineEtag = null;
    let count = 0; // number of clients of the organization before any bad request

    async function countClients() {
      return (await listAll(cm(), '/api/v1/clients')).length;
    }

    async function assertNothingChanged() {
      assert.equal(await countClients(), count, 'the number of clients is unchanged');
      const read = await cm().get(`/api/v1/clients/${baseline.id}`);
      assertStatus(read, 200);
      assert.deepEqual(read.body, baseline, 'the existing client reads back unchanged');
      assert.equal(read.headers.get('etag'), baselineEtag);
    }

    before(async () => {
      const created = await cm().post('/api/v1/clients', clientBody({ phone: '+1 555 0100', sex: 'female' }));
      assertStatus(created, 201);
      const read = await cm().get(`/api/v1/clients/${created.body.id}`);
      assertStatus(read, 200);
      baseline = read.body;
      baselineEtag = read.headers.get('etag');
      count = await countClients();
      assert.ok(count >= 1);
    });

    for (const [what, body, status, code, field] of badCreates()) {
      it(`POST /clients with ${what} → ${status} ${code}${field ? ` naming ${field}` : ''}; nothing is created`, async () => {
        const res = typeof body === 'string'
          ? await cm().request('POST', '/api/v1/clients', { raw: body })
          : await cm().post('/api/v1/clients', body);
        assertError(res, status, code, field);
        await assertNothingChanged();
      });
    }

    // Query strings decode to bytes; bytes that are not UTF-8 text must be refused as input and
    // never reach the database (PostgreSQL would fail with a 500). A query string that cannot be
    // decoded at all is refused as a whole (no field); a decoded value with a NUL names its field.
    for (const [what, path, field] of [
      ['q=%FF', '/api/v1/clients?q=%FF', null],
      ['identifier=MRN:%FF', '/api/v1/clients?identifier=MRN:%FF', null],
      ['case_manager_id=%FF', '/api/v1/cases?case_manager_id=%FF', null],
      ['q with a NUL byte', '/api/v1/clients?q=ab%00cd', 'q'],
      ['client_id with a control character', '/api/v1/cases?client_id=cl_%1B', 'client_id'],
    ]) {
      it(`GET with ${what} → 400 malformed_request${field ? ` naming ${field}` : ''}`, async () => {
        assertError(await cm().get(path), 400, 'malformed_request', field);
      });
    }

    it('a cursor that decodes to bytes that are not text → 422 naming cursor', async () => {
      assertError(await cm().get('/api/v1/clients?cursor=ff1fff1fff'), 422, 'invalid_argument', 'cursor');
    });

    it('a client id that cannot be decoded → 400 with an answer, not a dropped connection or a 500', async () => {
      assertError(await cm().get('/api/v1/clients/cl_%FF%00'), 400, 'malformed_request', null);
    });

    it('a client id holding a control character → 404', async () => {
      assertError(await cm().get('/api/v1/clients/cl_%00'), 404, 'not_found', null);
    });

    for (const [what, body, status, code, field] of badPatches()) {
      it(`PATCH /clients/{id} with ${what} → ${status} ${code}${field ? ` naming ${field}` : ''}; the client is unchanged`, async () => {
        const ifMatch = baseline.version;
        const url = `/api/v1/clients/${baseline.id}`;
        const res = typeof body === 'string'
          ? await cm().request('PATCH', url, { raw: body, ifMatch })
          : await cm().patch(url, body, { ifMatch });
        assertError(res, status, code, field);
        await assertNothingChanged();
      });
    }

    it('POST /clients without Content-Type: application/json → 415 malformed_request; nothing is created', async () => {
      const res = await cm().request('POST', '/api/v1/clients', {
        raw: JSON.stringify(clientBody()),
        headers: { 'content-type': 'text/plain' },
      });
      assertError(res, 415, 'malformed_request');
      await assertNothingChanged();
    });

    it('PATCH /clients/{id} without Content-Type: application/json → 415 malformed_request; the client is unchanged', async () => {
      const res = await cm().request('PATCH', `/api/v1/clients/${baseline.id}`, {
        raw: JSON.stringify({ phone: '+1 555 0000' }),
        headers: { 'content-type': 'text/plain' },
        ifMatch: baseline.version,
      });
      assertError(res, 415, 'malformed_request');
      await assertNothingChanged();
    });

    it('POST /clients with a body larger than 1 MiB → 413 resource_exhausted; nothing is created', async () => {
      // Valid JSON, so only the size is at fault.
      const body = JSON.stringify(clientBody({ preferred_name: 'x'.repeat(1024 * 1024 + 16) }));
      assert.ok(Buffer.byteLength(body) > 1024 * 1024);
      const res = await cm().request('POST', '/api/v1/clients', { raw: body });
      assertError(res, 413, 'resource_exhausted');
      await assertNothingChanged();
    });

    it('PATCH /clients/{id} with a body larger than 1 MiB → 413 resource_exhausted; the client is unchanged', async () => {
      const body = JSON.stringify({ preferred_name: 'x'.repeat(1024 * 1024 + 16) });
      const res = await cm().request('PATCH', `/api/v1/clients/${baseline.id}`, { raw: body, ifMatch: baseline.version });
      assertError(res, 413, 'resource_exhausted');
      await assertNothingChanged();
    });

    it('a valid body just under 1 MiB (padded with JSON whitespace) is accepted: 201, not 413', async () => {
      const json = JSON.stringify(clientBody());
      const body = `${json.slice(0, -1)}${' '.repeat(1000 * 1000)}}`;
      assert.ok(Buffer.byteLength(body) < 1024 * 1024);
      const res = await cm().request('POST', '/api/v1/clients', { raw: body });
      assertStatus(res, 201);
      count += 1;
      await assertNothingChanged();
    });

    it('after all the refused requests a valid PATCH still applies at the original version (200, version+1)', async () => {
      const res = await cm().patch(`/api/v1/clients/${baseline.id}`, { phone: '+1 555 0177' }, { ifMatch: baseline.version });
      assertStatus(res, 200);
      assert.equal(res.body.version, baseline.version + 1);
      assert.equal(res.body.phone, '+1 555 0177');
      assert.equal(res.body.sex, baseline.sex);
      assert.deepEqual(res.body.identifiers, baseline.identifiers);
    });
  });
}
