// Record-level access ("minimum-necessary access"): who may open which client's record.
//
// A client's record (the client, its contacts, its cases) opens only for a user whose role's scope
// covers the client:
//   - case managers and nurse case managers: clients of their own open (not closed) cases, and
//     clients whose care team they are on (whoever registers a client joins its care team as
//     "registrant" until a case of that client is reassigned);
//   - supervisors: their own clients as above, plus those of the staff they supervise (users whose
//     supervisor_id is the supervisor), through those staff's open cases or care-team places;
//   - directors: summaries in search, records only through break-the-glass (403 otherwise), no writes;
//   - administrators, auditors: no client data at all (403 at the route).
// Outside the scope within the organization: 403 permission_denied; another organization's ids:
// 404. Search covers the whole organization but answers summaries that say whether the user may
// open them (can_open). Case lists leave out the cases of clients the user may not open.
//
// The first test is one table: every client-data endpoint × every kind of actor, one expected
// answer per cell. Reads share one fixture; every write cell gets a fresh client, contact and case,
// so cells cannot interfere, and a refused write is checked to have changed nothing by reading the
// records back as their owner.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { api, assertError, assertStatus, backends, clientBody, letters, listAll, login, useSuite } from './harness.mjs';

const NOT_YOURS = 'this client is not on your caseload or care team';
const SUMMARY_KEYS = ['birth_date', 'can_open', 'family_name', 'given_name', 'id', 'preferred_name'];

// Expected answers besides plain status codes.
const ROLE = '403 role'; //     403 permission_denied at the route: the role may never do this
const SCOPE = '403 scope'; //   403 permission_denied "this client is not on your caseload or care team"
const LISTED = '200 listed'; // a list answers 200 and holds the client's case
const HIDDEN = '200 hidden'; // a list answers 200 without the client's cases (left out silently)
const OPEN = 'can_open'; //     search answers the client's summary with can_open true
const SHUT = 'cannot_open'; //  search answers the client's summary with can_open false
const ABSENT = 'absent'; //     search answers 200 without the client (another organization)

const USERS = ['cm', 'cm2', 'cm3', 'supervisor', 'supervisor2', 'director', 'admin', 'auditor', 'otherCm',
  'otherSupervisor'];

function summaryOf(client, canOpen) {
  return {
    id: client.id,
    given_name: client.given_name,
    family_name: client.family_name,
    preferred_name: client.preferred_name,
    birth_date: client.birth_date,
    can_open: canOpen,
  };
}

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: USERS });
    const owner = () => ctx.as('cm'); // registers every fixture client: its care team's registrant
    let programA = null; // the fixture case's program
    let programB = null; // free for a second case of the same client
    let revokedToken = null;
    let shared = null; // the fixture the read cells use

    /** Makes the supervision link `staff` → `supervisor` as the administrator (If-Match). */
    async function supervise(staffKey, supervisorKey) {
      const admin = ctx.as('admin');
      const staff = ctx.users[staffKey];
      const current = await admin.get(`/api/v1/users/${staff.id}`);
      assertStatus(current, 200);
      const res = await admin.patch(`/api/v1/users/${staff.id}`, { supervisor_id: ctx.users[supervisorKey].id },
        { ifMatch: current.body.version });
      assertStatus(res, 200);
      assert.equal(res.body.supervisor_id, ctx.users[supervisorKey].id);
    }

    async function newProgram(name) {
      const res = await ctx.as('admin').post('/api/v1/programs', { name: `${name} ${ctx.tag}`, description: name });
      assertStatus(res, 201);
      return res.body;
    }

    /**
     * A fresh fixture: the owner (cm) registers a client and adds a contact, then opens a case for
     * the client in program A, assigned to cm2. So cm opens the client as its registrant, cm2
     * through an open case of theirs, and the supervisor through cm's care-team place.
     */
    async function fixture({ caseManager = 'cm2' } = {}) {
      const client = await owner().post('/api/v1/clients', clientBody());
      assertStatus(client, 201);
      const contact = await owner().post(`/api/v1/clients/${client.body.id}/contacts`,
        { name: 'Rosa Lopez', relationship: 'child', disclosure: 'logistics' });
      assertStatus(contact, 201);
      const theCase = await owner().post('/api/v1/cases',
        { client_id: client.body.id, program_id: programA.id, case_manager_id: ctx.users[caseManager].id });
      assertStatus(theCase, 201);
      return { client: client.body, contact: contact.body, theCase: theCase.body };
    }

    async function ownerContacts(fx) {
      const res = await owner().get(`/api/v1/clients/${fx.client.id}/contacts`);
      assertStatus(res, 200);
      return res.body.items;
    }

    async function ownerCase(fx) {
      const res = await owner().get(`/api/v1/cases/${fx.theCase.id}`);
      assertStatus(res, 200);
      return res.body;
    }

    async function ownerClientCaseIds(fx) {
      const res = await owner().get(`/api/v1/clients/${fx.client.id}/cases`);
      assertStatus(res, 200);
      return res.body.items.map((i) => i.id).sort();
    }

    async function search(as, client) {
      return as.get(`/api/v1/clients?q=${encodeURIComponent(client.family_name)}`);
    }

    before(async () => {
      await supervise('cm', 'supervisor'); //   the supervisor of the owning case manager
      await supervise('cm3', 'supervisor2'); // supervisor2 supervises neither cm nor cm2
      programA = await newProgram('Care Transitions');
      programB = await newProgram('Home Support');
      const signedIn = await login(ctx.base, ctx.users.cm.username, ctx.users.cm.password);
      assert.equal(signedIn.status, 200, signedIn.text);
      revokedToken = signedIn.token;
      assertStatus(await api(ctx.base, revokedToken).post('/api/v1/auth/logout'), 204);
      shared = await fixture();
    });

    // --- the table ------------------------------------------------------------------------------

    // Each endpoint: `write` (gets a fresh fixture per cell), `run` (the request as `as`), `ok` (what
    // a successful answer must carry, checked also by reading back), `unchanged` (for a refused
    // write: the owner reads the records back as they were).
    const ENDPOINTS = [
      {
        name: 'GET /clients/{id}',
        run: (as, fx) => as.get(`/api/v1/clients/${fx.client.id}`),
        ok: async (res, fx) => assert.deepEqual(res.body, fx.client),
      },
      {
        name: 'PATCH /clients/{id}',
        write: true,
        run: (as, fx) => as.patch(`/api/v1/clients/${fx.client.id}`, { phone: '+1 555 0199' }, { ifMatch: 1 }),
        ok: async (res, fx) => {
          assert.equal(res.body.version, 2);
          assert.equal(res.body.phone, '+1 555 0199');
          const read = await owner().get(`/api/v1/clients/${fx.client.id}`);
          assert.equal(read.body.version, 2);
          assert.equal(read.body.phone, '+1 555 0199');
        },
        unchanged: async (fx) => assert.deepEqual((await owner().get(`/api/v1/clients/${fx.client.id}`)).body, fx.client),
      },
      {
        name: 'GET /clients/{id}/contacts',
        run: (as, fx) => as.get(`/api/v1/clients/${fx.client.id}/contacts`),
        ok: async (res, fx) => assert.deepEqual(res.body.items, [fx.contact]),
      },
      {
        name: 'POST /clients/{id}/contacts',
        write: true,
        run: (as, fx) => as.post(`/api/v1/clients/${fx.client.id}/contacts`, { name: 'Pat Helper', relationship: 'friend' }),
        ok: async (res, fx) => {
          assert.equal(res.body.client_id, fx.client.id);
          assert.equal(res.body.name, 'Pat Helper');
          const ids = (await ownerContacts(fx)).map((c) => c.id).sort();
          assert.deepEqual(ids, [fx.contact.id, res.body.id].sort());
        },
        unchanged: async (fx) => assert.deepEqual(await ownerContacts(fx), [fx.contact]),
      },
      {
        name: 'PATCH /clients/{id}/contacts/{cid}',
        write: true,
        run: (as, fx) => as.patch(`/api/v1/clients/${fx.client.id}/contacts/${fx.contact.id}`, { notes: 'Changed' },
          { ifMatch: 1 }),
        ok: async (res, fx) => {
          assert.equal(res.body.version, 2);
          assert.equal(res.body.notes, 'Changed');
          const [stored] = await ownerContacts(fx);
          assert.equal(stored.version, 2);
          assert.equal(stored.notes, 'Changed');
        },
        unchanged: async (fx) => assert.deepEqual(await ownerContacts(fx), [fx.contact]),
      },
      {
        name: 'DELETE /clients/{id}/contacts/{cid}',
        write: true,
        run: (as, fx) => as.del(`/api/v1/clients/${fx.client.id}/contacts/${fx.contact.id}`, { ifMatch: 1 }),
        ok: async (res, fx) => {
          assert.equal(res.text, '');
          assert.deepEqual(await ownerContacts(fx), []);
        },
        unchanged: async (fx) => assert.deepEqual(await ownerContacts(fx), [fx.contact]),
      },
      {
        name: 'GET /clients/{id}/cases',
        run: (as, fx) => as.get(`/api/v1/clients/${fx.client.id}/cases`),
        ok: async (res, fx) => {
          assert.deepEqual(res.body.items.map((i) => i.id), [fx.theCase.id]);
          assert.ok(Array.isArray(res.body.items[0].history), 'each case carries its history');
        },
      },
      {
        name: 'POST /cases',
        write: true,
        field: 'client_id', // a refusal names the client id it came from
        run: (as, fx) => as.post('/api/v1/cases',
          { client_id: fx.client.id, program_id: programB.id, case_manager_id: ctx.users.cm.id }),
        ok: async (res, fx) => {
          assert.equal(res.body.client_id, fx.client.id);
          assert.equal(res.body.program_id, programB.id);
          assert.equal(res.body.status, 'referred');
          assert.deepEqual(await ownerClientCaseIds(fx), [fx.theCase.id, res.body.id].sort());
        },
        unchanged: async (fx) => assert.deepEqual(await ownerClientCaseIds(fx), [fx.theCase.id]),
      },
      {
        name: 'GET /cases/{id}',
        run: (as, fx) => as.get(`/api/v1/cases/${fx.theCase.id}`),
        ok: async (res, fx) => assert.deepEqual(res.body, fx.theCase),
      },
      {
        name: 'POST /cases/{id}/transitions',
        write: true,
        run: (as, fx) => as.post(`/api/v1/cases/${fx.theCase.id}/transitions`, { to: 'intake' }, { ifMatch: 1 }),
        ok: async (res, fx) => {
          assert.equal(res.body.status, 'intake');
          assert.equal(res.body.version, 2);
          const stored = await ownerCase(fx);
          assert.equal(stored.status, 'intake');
          assert.equal(stored.version, 2);
        },
        unchanged: async (fx) => assert.deepEqual(await ownerCase(fx), fx.theCase),
      },
      {
        name: 'POST /cases/{id}/assignment',
        write: true,
        run: (as, fx) => as.post(`/api/v1/cases/${fx.theCase.id}/assignment`, { case_manager_id: ctx.users.cm3.id },
          { ifMatch: 1 }),
        ok: async (res, fx) => {
          assert.equal(res.body.id, fx.theCase.id);
          assert.equal(res.body.case_manager_id, ctx.users.cm3.id);
          assert.equal(res.body.version, 2);
          assert.equal(res.body.status, fx.theCase.status);
          // The new case manager opens it now (the owner's registrant place has ended: see below).
          const stored = await ctx.as('cm3').get(`/api/v1/cases/${fx.theCase.id}`);
          assertStatus(stored, 200);
          assert.equal(stored.body.case_manager_id, ctx.users.cm3.id);
          assert.equal(stored.body.version, 2);
        },
        // Unchanged, and the owner still opens the case: its registrant place did not end.
        unchanged: async (fx) => assert.deepEqual(await ownerCase(fx), fx.theCase),
      },
      {
        name: 'GET /cases?client_id=',
        run: (as, fx) => as.get(`/api/v1/cases?client_id=${encodeURIComponent(fx.client.id)}`),
        [LISTED]: (res, fx) => assert.deepEqual(res.body.items.map((i) => i.id), [fx.theCase.id]),
        [HIDDEN]: (res) => assert.deepEqual(res.body.items, []),
      },
      {
        name: 'GET /clients?q= (search)',
        run: (as, fx) => search(as, fx.client),
        [OPEN]: (res, fx) => assert.deepEqual(res.body.items, [summaryOf(fx.client, true)]),
        [SHUT]: (res, fx) => assert.deepEqual(res.body.items, [summaryOf(fx.client, false)]),
        [ABSENT]: (res) => assert.deepEqual(res.body.items, []),
      },
    ];

    const A = ROLE; // short names keep the table readable
    const S = SCOPE;
    // Columns, in ENDPOINTS order:
    //   client: GET, PATCH | contacts: GET, POST, PATCH, DELETE | client cases | POST /cases |
    //   case: GET, transition, assignment | GET /cases?client_id= | search
    const MATRIX = [
      ['case manager, own caseload (registrant)', 'cm',
        [200, 200, 200, 201, 200, 204, 200, 201, 200, 200, A, LISTED, OPEN]],
      ['case manager of an open case (not registrant)', 'cm2',
        [200, 200, 200, 201, 200, 204, 200, 201, 200, 200, A, LISTED, OPEN]],
      ['another case manager (not on the caseload)', 'cm3',
        [S, S, S, S, S, S, S, S, S, S, A, HIDDEN, SHUT]],
      ['supervisor of the owning case manager', 'supervisor',
        [200, 200, 200, 201, 200, 204, 200, 201, 200, 200, 200, LISTED, OPEN]],
      ['supervisor of neither case manager', 'supervisor2',
        [S, S, S, S, S, S, S, S, S, S, S, HIDDEN, SHUT]],
      // Directors read only through break-the-glass (their scope is empty) and never write.
      ['director', 'director', [S, A, S, A, A, A, S, A, S, A, A, HIDDEN, SHUT]],
      ['administrator', 'admin', [A, A, A, A, A, A, A, A, A, A, A, A, A]],
      ['auditor', 'auditor', [A, A, A, A, A, A, A, A, A, A, A, A, A]],
      ['case manager of another organization', 'otherCm',
        [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, A, HIDDEN, ABSENT]],
      ['supervisor of another organization', 'otherSupervisor',
        [404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, HIDDEN, ABSENT]],
      ['no session', 'anonymous', [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401]],
      ['a bad token', 'badToken', [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401]],
      ['a revoked (logged-out) token', 'revoked', [401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401, 401]],
    ];

    function actor(key) {
      if (key === 'anonymous') return ctx.anon;
      if (key === 'badToken') return api(ctx.base, `not-a-token-${letters(24)}`);
      if (key === 'revoked') return api(ctx.base, revokedToken);
      return ctx.as(key);
    }

    async function checkCell(endpoint, expected, as) {
      const fx = endpoint.write ? await fixture() : shared;
      const res = await endpoint.run(as, fx);
      if (typeof expected === 'number' && expected < 300) {
        assertStatus(res, expected);
        await endpoint.ok(res, fx);
        return;
      }
      if (expected === LISTED || expected === HIDDEN || expected === OPEN || expected === SHUT || expected === ABSENT) {
        assertStatus(res, 200);
        assert.ok(endpoint[expected], `no check for ${expected}`);
        await endpoint[expected](res, fx);
        for (const item of res.body.items) {
          if (endpoint.name.includes('search')) assert.deepEqual(Object.keys(item).sort(), SUMMARY_KEYS);
        }
        return;
      }
      if (expected === SCOPE) {
        assertError(res, 403, 'permission_denied', endpoint.field ?? null);
        assert.equal(res.body.error.message, NOT_YOURS);
      } else if (expected === ROLE) {
        assertError(res, 403, 'permission_denied');
      } else if (expected === 404) {
        assertError(res, 404, 'not_found');
      } else if (expected === 401) {
        assertError(res, 401, 'unauthenticated');
      } else {
        assert.fail(`unknown expectation ${expected}`);
      }
      if (endpoint.unchanged) await endpoint.unchanged(fx);
    }

    it('every client-data endpoint × every kind of actor answers as the access table says', async () => {
      for (const [, , row] of MATRIX) assert.equal(row.length, ENDPOINTS.length, 'one cell per endpoint');
      const failures = [];
      let cells = 0;
      for (const [label, key, row] of MATRIX) {
        const as = actor(key);
        for (const [i, endpoint] of ENDPOINTS.entries()) {
          cells++;
          try {
            await checkCell(endpoint, row[i], as);
          } catch (err) {
            const why = err.message.replace(/\s+/g, ' ').slice(0, 400);
            failures.push(`${label} × ${endpoint.name} (expected ${row[i]}): ${why}`);
          }
        }
      }
      assert.equal(cells, MATRIX.length * ENDPOINTS.length);
      assert.equal(failures.length, 0, `${failures.length} of ${cells} cells failed:\n${failures.join('\n')}`);
    });

    // --- search and duplicates --------------------------------------------------------------------

    it('search as a case manager not on the caseload: the summary with can_open false, nothing more', async () => {
      const fx = await fixture();
      const full = await owner().get(`/api/v1/clients/${fx.client.id}`);
      assertStatus(full, 200);
      for (const query of [
        `q=${encodeURIComponent(fx.client.family_name)}`,
        `identifier=${encodeURIComponent(`${fx.client.identifiers[0].type}:${fx.client.identifiers[0].value}`)}`,
      ]) {
        const res = await ctx.as('cm3').get(`/api/v1/clients?${query}`);
        assertStatus(res, 200);
        assert.deepEqual(res.body.items, [summaryOf(fx.client, false)]);
        assert.deepEqual(Object.keys(res.body.items[0]).sort(), SUMMARY_KEYS, 'no field beyond the summary');
        for (const secret of [fx.client.phone, fx.client.address.line1, fx.contact.name]) {
          assert.equal(res.text.includes(secret), false, `the answer does not carry ${secret}`);
        }
      }
      const refused = await ctx.as('cm3').get(`/api/v1/clients/${fx.client.id}`);
      assertError(refused, 403, 'permission_denied');
      assert.equal(refused.body.error.message, NOT_YOURS);
      const mine = await search(owner(), fx.client);
      assert.deepEqual(mine.body.items, [summaryOf(fx.client, true)], 'the registrant may open it');
    });

    it('a look-alike of a client the user may not open: 409 possible_duplicate lists it with can_open false', async () => {
      const fx = await fixture();
      const res = await ctx.as('cm3').post('/api/v1/clients', clientBody({
        given_name: fx.client.given_name.toUpperCase(), family_name: fx.client.family_name,
        birth_date: fx.client.birth_date, identifiers: [],
      }));
      assertError(res, 409, 'possible_duplicate');
      assert.deepEqual(res.body.error.candidates, [summaryOf(fx.client, false)]);
      assert.deepEqual(Object.keys(res.body.error.candidates[0]).sort(), SUMMARY_KEYS);
      assert.equal(res.text.includes(fx.client.phone), false, 'the candidate carries no more than its summary');
      const found = await search(owner(), fx.client);
      assert.deepEqual(found.body.items.map((i) => i.id), [fx.client.id], 'nothing was created');
      // The owner's own look-alike lists the same candidate, openable.
      const own = await owner().post('/api/v1/clients', clientBody({
        given_name: fx.client.given_name, family_name: fx.client.family_name, birth_date: fx.client.birth_date,
        identifiers: [],
      }));
      assertError(own, 409, 'possible_duplicate');
      assert.deepEqual(own.body.error.candidates, [summaryOf(fx.client, true)]);
    });

    // --- how access is gained and lost ------------------------------------------------------------

    async function canOpen(key, client) {
      const res = await ctx.as(key).get(`/api/v1/clients/${client.id}`);
      if (res.status === 200) return true;
      assertError(res, 403, 'permission_denied');
      assert.equal(res.body.error.message, NOT_YOURS);
      return false;
    }

    async function openers(client) {
      const who = {};
      for (const key of ['cm', 'cm2', 'cm3', 'supervisor', 'supervisor2']) who[key] = await canOpen(key, client);
      return who;
    }

    it('assignment: a supervisor reassigns the owner\'s case to another case manager, who can then open the client; the registrant cannot', async () => {
      // cm registers the client and manages its only case.
      const fx = await fixture({ caseManager: 'cm' });
      assert.deepEqual(await openers(fx.client),
        { cm: true, cm2: false, cm3: false, supervisor: true, supervisor2: false });

      const res = await ctx.as('supervisor').post(`/api/v1/cases/${fx.theCase.id}/assignment`,
        { case_manager_id: ctx.users.cm3.id }, { ifMatch: 1 });
      assertStatus(res, 200);
      assert.equal(res.body.case_manager_id, ctx.users.cm3.id);
      assert.equal(res.body.version, 2);
      assert.equal(res.headers.get('etag'), '"2"');
      assert.equal(res.body.status, fx.theCase.status);
      assert.equal(res.body.client_id, fx.client.id);
      assert.equal(res.body.program_id, fx.theCase.program_id);

      // cm3 opens the client and case now; cm's registrant place ended and cm holds no open case of
      // the client, so cm cannot. Access follows the staff: supervisor2 (cm3's supervisor) gains
      // the client, the supervisor (cm's) loses it.
      assert.deepEqual(await openers(fx.client),
        { cm: false, cm2: false, cm3: true, supervisor: false, supervisor2: true });
      const read = await ctx.as('cm3').get(`/api/v1/cases/${fx.theCase.id}`);
      assertStatus(read, 200);
      assert.deepEqual(read.body, res.body);
      assertError(await owner().get(`/api/v1/cases/${fx.theCase.id}`), 403, 'permission_denied');
      assertError(await owner().get(`/api/v1/clients/${fx.client.id}/contacts`), 403, 'permission_denied');
      const listed = await owner().get(`/api/v1/cases?client_id=${encodeURIComponent(fx.client.id)}`);
      assertStatus(listed, 200);
      assert.deepEqual(listed.body.items, []);
      assert.deepEqual((await search(owner(), fx.client)).body.items, [summaryOf(fx.client, false)]);
      assert.deepEqual((await search(ctx.as('cm3'), fx.client)).body.items, [summaryOf(fx.client, true)]);
      const mine = await listAll(ctx.as('cm3'), '/api/v1/cases?case_manager_id=me');
      assert.ok(mine.some((c) => c.id === fx.theCase.id), 'the case is on cm3\'s list');
      // Only this client's registrant place ended: cm still opens the clients it registered.
      assert.equal(await canOpen('cm', shared.client), true);
    });

    it('assignment: a registrant who still manages another open case of the client keeps it, until that case closes', async () => {
      const fx = await fixture({ caseManager: 'cm' });
      const second = await owner().post('/api/v1/cases',
        { client_id: fx.client.id, program_id: programB.id, case_manager_id: ctx.users.cm.id });
      assertStatus(second, 201);

      const res = await ctx.as('supervisor').post(`/api/v1/cases/${fx.theCase.id}/assignment`,
        { case_manager_id: ctx.users.cm3.id }, { ifMatch: 1 });
      assertStatus(res, 200);
      assert.equal(res.body.case_manager_id, ctx.users.cm3.id);

      // cm still manages the open case in program B; the supervisor sees the client through it.
      assert.deepEqual(await openers(fx.client),
        { cm: true, cm2: false, cm3: true, supervisor: true, supervisor2: true });
      const listed = await owner().get(`/api/v1/cases?client_id=${encodeURIComponent(fx.client.id)}`);
      assertStatus(listed, 200);
      assert.deepEqual(listed.body.items.map((i) => i.id).sort(), [fx.theCase.id, second.body.id].sort(),
        'a client cm may open lists all its cases, the reassigned one too');

      const closed = await owner().post(`/api/v1/cases/${second.body.id}/transitions`,
        { to: 'closed', reason: 'Declined services' }, { ifMatch: 1 });
      assertStatus(closed, 200);
      assert.deepEqual(await openers(fx.client),
        { cm: false, cm2: false, cm3: true, supervisor: false, supervisor2: true });
    });

    it('a closed case no longer opens its client to its case manager; the registrant keeps it', async () => {
      const fx = await fixture(); // case managed by cm2
      assert.deepEqual(await openers(fx.client),
        { cm: true, cm2: true, cm3: false, supervisor: true, supervisor2: false });
      const closed = await ctx.as('cm2').post(`/api/v1/cases/${fx.theCase.id}/transitions`,
        { to: 'closed', reason: 'Moved out of the area' }, { ifMatch: 1 });
      assertStatus(closed, 200);
      assert.deepEqual(await openers(fx.client),
        { cm: true, cm2: false, cm3: false, supervisor: true, supervisor2: false });
      assertError(await ctx.as('cm2').get(`/api/v1/cases/${fx.theCase.id}`), 403, 'permission_denied');
      assert.deepEqual((await search(ctx.as('cm2'), fx.client)).body.items, [summaryOf(fx.client, false)]);
    });

    it('assignment refusals (428, 412, 400, 404 naming case_manager_id, 409 for a closed case) change nothing', async () => {
      const sup = ctx.as('supervisor');
      const fx = await fixture();
      const assign = (body, options) => sup.post(`/api/v1/cases/${fx.theCase.id}/assignment`, body, options);
      const to = (key) => ({ case_manager_id: ctx.users[key].id });

      assertError(await assign(to('cm3')), 428, 'precondition_required');
      assertError(await assign(to('cm3'), { ifMatch: 2 }), 412, 'aborted');
      assertError(await assign({}, { ifMatch: 1 }), 400, 'malformed_request', 'case_manager_id');
      assertError(await assign({ ...to('cm3'), status: 'active' }, { ifMatch: 1 }), 400, 'malformed_request');
      assertError(await sup.post('/api/v1/cases/cs_doesnotexist0000/assignment', to('cm3'), { ifMatch: 1 }),
        404, 'not_found');

      // The target must be an active case manager, nurse case manager or supervisor of the organization.
      const inactive = await ctx.as('admin').post('/api/v1/users', {
        username: `gone_${ctx.tag}`, display_name: 'Gone Manager', role: 'case_manager',
        password: 'a-long-enough-password',
      });
      assertStatus(inactive, 201);
      const deactivated = await ctx.as('admin').patch(`/api/v1/users/${inactive.body.id}`, { active: false },
        { ifMatch: inactive.body.version });
      assertStatus(deactivated, 200);
      assert.equal(deactivated.body.active, false);
      for (const target of ['us_doesnotexist0000', ctx.users.director.id, ctx.users.admin.id, ctx.users.auditor.id,
        ctx.users.otherCm.id, inactive.body.id]) {
        assertError(await assign({ case_manager_id: target }, { ifMatch: 1 }), 404, 'not_found', 'case_manager_id');
      }
      assert.deepEqual(await ownerCase(fx), fx.theCase, 'the case is unchanged');
      assert.equal(await canOpen('cm', fx.client), true, 'the registrant keeps its place');

      // A closed case cannot be reassigned.
      const closed = await ctx.as('cm2').post(`/api/v1/cases/${fx.theCase.id}/transitions`,
        { to: 'closed', reason: 'Withdrew' }, { ifMatch: 1 });
      assertStatus(closed, 200);
      assertError(await assign(to('cm3'), { ifMatch: closed.body.version }), 409, 'failed_precondition');
      assert.deepEqual(await ownerCase(fx), closed.body, 'the closed case is unchanged');
      assert.equal(await canOpen('cm', fx.client), true, 'the registrant still keeps its place');
      assert.equal(await canOpen('cm3', fx.client), false);
    });
  });
}
