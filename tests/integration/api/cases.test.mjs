// Programs and cases: the case status machine, its history, one open case per program, lists.
// Lists leave out the cases of clients the signed-in user may not open (not on their caseload or
// care team); access_matrix.test.mjs covers each endpoint × actor.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { ISO_UTC, assertError, assertStatus, backends, clientBody, listAll, useSuite } from './harness.mjs';

const NOT_YOURS = 'this client is not on your caseload or care team';

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm', 'cm2', 'admin'] });
    const cm = () => ctx.as('cm');
    let program = null; // created by the administrator in before()
    let program2 = null;

    async function newProgram(name) {
      const res = await ctx.as('admin').post('/api/v1/programs', {
        name: `${name} ${ctx.tag}`,
        description: 'Thirty days of support after a hospital discharge.',
      });
      assertStatus(res, 201);
      return res.body;
    }

    before(async () => {
      program = await newProgram('Care Transitions');
      program2 = await newProgram('Home Support');
    });

    async function newClient(as = cm()) {
      const res = await as.post('/api/v1/clients', clientBody());
      assertStatus(res, 201);
      return res.body;
    }

    async function newCase({ client, programId = program.id, as = cm(), caseManagerId = ctx.users.cm.id } = {}) {
      const c = client ?? await newClient(as);
      const res = await as.post('/api/v1/cases', { client_id: c.id, program_id: programId, case_manager_id: caseManagerId });
      assertStatus(res, 201);
      return res.body;
    }

    async function getCase(id) {
      const res = await cm().get(`/api/v1/cases/${id}`);
      assertStatus(res, 200);
      return res.body;
    }

    function transition(theCase, to, reason, { ifMatch = theCase.version, as = cm() } = {}) {
      const body = reason === undefined ? { to } : { to, reason };
      // Closing a discharged case names its outcome (the case-cycle suites test that rule).
      if (to === 'closed' && theCase.status === 'discharged') body.outcome = 'goals_met';
      return as.post(`/api/v1/cases/${theCase.id}/transitions`, body, { ifMatch });
    }

    /** A legal move: 200, the new status, version + 1. */
    async function move(theCase, to, reason) {
      const res = await transition(theCase, to, reason);
      assertStatus(res, 200);
      assert.equal(res.body.status, to);
      assert.equal(res.body.version, theCase.version + 1);
      return res.body;
    }

    /** The transitions recorded in history (an optional creation entry with from null is ignored). */
    function moves(history) {
      const real = history.filter((h) => h.from !== null && h.from !== undefined);
      assert.ok(history.length - real.length <= 1, `at most one creation entry: ${JSON.stringify(history)}`);
      return real;
    }

    describe('programs', () => {
      it('POST /programs by an administrator answers 201 with the Program at version 1, active', async () => {
        const res = await ctx.as('admin').post('/api/v1/programs', { name: `Behavioral Health ${ctx.tag}`, description: 'BH' });
        assertStatus(res, 201);
        assert.equal(typeof res.body.id, 'string');
        assert.equal(res.body.version, 1);
        assert.equal(res.body.name, `Behavioral Health ${ctx.tag}`);
        assert.equal(res.body.description, 'BH');
        assert.equal(res.body.active, true);
        assert.match(res.body.created_at, ISO_UTC);
      });

      it('a case manager reads GET /programs (listing the new program) and GET /programs/{id}', async () => {
        const list = await cm().get('/api/v1/programs');
        assertStatus(list, 200);
        assert.ok(list.body.items.some((p) => p.id === program.id && p.name === program.name));
        const one = await cm().get(`/api/v1/programs/${program.id}`);
        assertStatus(one, 200);
        assert.deepEqual(one.body, program);
        assert.equal(one.headers.get('etag'), '"1"');
      });

      it('PATCH /programs/{id} by an administrator with If-Match answers 200 at version 2; stale → 412', async () => {
        const p = await newProgram('Renamed Program');
        const res = await ctx.as('admin').patch(`/api/v1/programs/${p.id}`, { description: 'New text' }, { ifMatch: 1 });
        assertStatus(res, 200);
        assert.equal(res.body.version, 2);
        assert.equal(res.body.description, 'New text');
        assertError(await ctx.as('admin').patch(`/api/v1/programs/${p.id}`, { description: 'Stale' }, { ifMatch: 1 }), 412, 'aborted');
        assert.equal((await cm().get(`/api/v1/programs/${p.id}`)).body.description, 'New text');
      });
    });

    it('POST /cases answers 201 with the Case at referred, version 1, for that client, program and case manager', async () => {
      const client = await newClient();
      const res = await cm().post('/api/v1/cases', { client_id: client.id, program_id: program.id, case_manager_id: ctx.users.cm.id });
      assertStatus(res, 201);
      const c = res.body;
      assert.equal(typeof c.id, 'string');
      assert.doesNotMatch(c.id, /^\d+$/);
      assert.equal(c.version, 1);
      assert.equal(c.status, 'referred');
      assert.equal(c.client_id, client.id);
      assert.equal(c.program_id, program.id);
      assert.equal(c.case_manager_id, ctx.users.cm.id);
      assert.equal(c.closed_reason, null);
      assert.match(c.opened_at, ISO_UTC);
      assert.match(c.status_changed_at, ISO_UTC);
      assert.ok(Array.isArray(c.history));
      assert.deepEqual(moves(c.history), []);
      const read = await cm().get(`/api/v1/cases/${c.id}`);
      assertStatus(read, 200);
      assert.equal(read.headers.get('etag'), '"1"');
      assert.deepEqual(read.body, c);
    });

    it('the full legal path referred→intake→active→on_hold→active→discharged→closed succeeds and is recorded in history', async () => {
      let c = await newCase();
      const path = [['intake'], ['active'], ['on_hold', 'Hospitalized'], ['active'], ['discharged', 'Goals met'], ['closed']];
      for (const [to, reason] of path) c = await move(c, to, reason);
      assert.equal(c.status, 'closed');
      assert.equal(c.version, 1 + path.length);

      const read = await getCase(c.id);
      assert.equal(read.status, 'closed');
      assert.equal(read.version, 7);
      const recorded = moves(read.history);
      assert.deepEqual(recorded.map((h) => [h.from, h.to]), [
        ['referred', 'intake'], ['intake', 'active'], ['active', 'on_hold'], ['on_hold', 'active'],
        ['active', 'discharged'], ['discharged', 'closed'],
      ]);
      for (const h of recorded) {
        assert.equal(h.by, ctx.users.cm.id, 'history names who made the move');
        assert.match(h.at, ISO_UTC);
      }
      assert.equal(recorded[2].reason, 'Hospitalized');
      assert.equal(recorded[4].reason, 'Goals met');
      for (let i = 1; i < recorded.length; i++) assert.ok(recorded[i].at >= recorded[i - 1].at, 'history is in time order');
    });

    const illegal = [
      ['referred', 'active', []],
      ['referred', 'on_hold', []],
      ['referred', 'discharged', []],
      ['intake', 'on_hold', ['intake']],
      ['intake', 'discharged', ['intake']],
      ['active', 'referred', ['intake', 'active']],
      ['active', 'closed', ['intake', 'active']],
      ['discharged', 'active', ['intake', 'active', 'discharged']],
      ['closed', 'active', [['closed', 'Withdrew']]],
      ['closed', 'referred', [['closed', 'Withdrew']]],
    ];
    for (const [from, to, setup] of illegal) {
      it(`${from}→${to} is refused with 409 failed_precondition naming both states; the case is unchanged`, async () => {
        let c = await newCase();
        for (const step of setup) {
          const [stepTo, reason] = Array.isArray(step) ? step : [step];
          c = await move(c, stepTo, reason);
        }
        assert.equal(c.status, from);
        const snapshot = await getCase(c.id);
        const res = await transition(c, to, 'trying anyway');
        assertError(res, 409, 'failed_precondition');
        assert.match(res.body.error.message, new RegExp(`\\b${from}\\b`), 'message names the current state');
        assert.match(res.body.error.message, new RegExp(`\\b${to}\\b`), 'message names the requested state');
        assert.deepEqual(await getCase(c.id), snapshot);
      });
    }

    it('a transition to an unknown status ("frozen") answers 422 invalid_argument naming to', async () => {
      const c = await newCase();
      assertError(await transition(c, 'frozen'), 422, 'invalid_argument', 'to');
      assert.deepEqual(await getCase(c.id), c);
    });

    it('closing from referred without a reason answers 422 naming reason; the case stays referred', async () => {
      const c = await newCase();
      assertError(await transition(c, 'closed'), 422, 'invalid_argument', 'reason');
      assertError(await transition(c, 'closed', '   '), 422, 'invalid_argument', 'reason');
      const read = await getCase(c.id);
      assert.equal(read.status, 'referred');
      assert.equal(read.version, 1);
    });

    it('closing from referred with a reason answers 200 closed and stores closed_reason', async () => {
      const c = await newCase();
      const closed = await move(c, 'closed', 'Declined services');
      assert.equal(closed.closed_reason, 'Declined services');
      const read = await getCase(c.id);
      assert.equal(read.status, 'closed');
      assert.equal(read.closed_reason, 'Declined services');
      assert.deepEqual(moves(read.history).map((h) => [h.from, h.to, h.reason]), [['referred', 'closed', 'Declined services']]);
    });

    it('closing from intake without a reason answers 422 naming reason; with a reason 200', async () => {
      let c = await newCase();
      c = await move(c, 'intake');
      assertError(await transition(c, 'closed'), 422, 'invalid_argument', 'reason');
      assert.equal((await getCase(c.id)).status, 'intake');
      c = await move(c, 'closed', 'Moved out of the area');
      assert.equal(c.closed_reason, 'Moved out of the area');
    });

    it('a transition with a stale If-Match answers 412 aborted and the case is unchanged', async () => {
      let c = await newCase();
      c = await move(c, 'intake');
      const snapshot = await getCase(c.id);
      assertError(await transition(c, 'active', undefined, { ifMatch: 1 }), 412, 'aborted');
      assert.deepEqual(await getCase(c.id), snapshot);
    });

    it('a transition without If-Match answers 428 precondition_required and the case is unchanged', async () => {
      const c = await newCase();
      const res = await cm().post(`/api/v1/cases/${c.id}/transitions`, { to: 'intake' });
      assertError(res, 428, 'precondition_required');
      assert.deepEqual(await getCase(c.id), c);
    });

    it('a second open case for the same client and program answers 409 already_exists; another program is fine', async () => {
      const client = await newClient();
      const first = await newCase({ client });
      const res = await cm().post('/api/v1/cases', { client_id: client.id, program_id: program.id, case_manager_id: ctx.users.cm.id });
      assertError(res, 409, 'already_exists');
      const listed = await cm().get(`/api/v1/cases?client_id=${encodeURIComponent(client.id)}`);
      assert.deepEqual(listed.body.items.map((i) => i.id), [first.id], 'no second case was made');
      const other = await cm().post('/api/v1/cases', { client_id: client.id, program_id: program2.id, case_manager_id: ctx.users.cm.id });
      assertStatus(other, 201);
    });

    it('a case in a program still counts as open until closed: discharged blocks a new one, closed frees it', async () => {
      const client = await newClient();
      let c = await newCase({ client });
      for (const to of ['intake', 'active', 'discharged']) c = await move(c, to);
      const body = { client_id: client.id, program_id: program.id, case_manager_id: ctx.users.cm.id };
      assertError(await cm().post('/api/v1/cases', body), 409, 'already_exists');
      c = await move(c, 'closed');
      const again = await cm().post('/api/v1/cases', body);
      assertStatus(again, 201);
      assert.equal(again.body.status, 'referred');
      assert.notEqual(again.body.id, c.id);
    });

    it('POST /cases for an unknown client or program answers 404 not_found', async () => {
      const client = await newClient();
      assertError(await cm().post('/api/v1/cases', { client_id: 'cl_doesnotexist0000', program_id: program.id }), 404, 'not_found');
      assertError(await cm().post('/api/v1/cases', { client_id: client.id, program_id: 'pg_doesnotexist0000' }), 404, 'not_found');
      const listed = await cm().get(`/api/v1/cases?client_id=${encodeURIComponent(client.id)}`);
      assert.deepEqual(listed.body.items, []);
    });

    it('GET /cases/{unknown id} answers 404 not_found', async () => {
      assertError(await cm().get('/api/v1/cases/cs_doesnotexist0000'), 404, 'not_found');
    });

    describe('lists', () => {
      let client = null;
      let cases = []; // of `client`, all managed by cm2
      let cm2Only = null; // a case of another client, managed by cm2
      const cm2 = () => ctx.as('cm2');

      it('seeds: cm2 opens cases in two programs for one client, and one for another client (201 each)', async () => {
        const as = ctx.as('cm2');
        client = await newClient(as);
        const a = await newCase({ client, as, caseManagerId: ctx.users.cm2.id });
        const b = await newCase({ client, programId: program2.id, as, caseManagerId: ctx.users.cm2.id });
        cases = [a, b];
        cm2Only = await newCase({ as, caseManagerId: ctx.users.cm2.id });
        // Moves b to intake so the status filter has something to tell apart.
        const moved = await as.post(`/api/v1/cases/${b.id}/transitions`, { to: 'intake' }, { ifMatch: 1 });
        assertStatus(moved, 200);
      });

      it('GET /cases?client_id= lists exactly that client\'s cases, without history', async () => {
        const res = await cm2().get(`/api/v1/cases?client_id=${encodeURIComponent(client.id)}`);
        assertStatus(res, 200);
        assert.deepEqual(res.body.items.map((i) => i.id).sort(), cases.map((c) => c.id).sort());
        assert.equal(res.body.next_cursor, null);
        for (const item of res.body.items) {
          assert.equal('history' in item, false, 'list items carry no history');
          assert.equal(item.client_id, client.id);
        }
      });

      it('GET /cases?client_id=&status=intake filters by status', async () => {
        const res = await cm2().get(`/api/v1/cases?client_id=${encodeURIComponent(client.id)}&status=intake`);
        assertStatus(res, 200);
        assert.deepEqual(res.body.items.map((i) => i.id), [cases[1].id]);
        assert.equal(res.body.items[0].status, 'intake');
      });

      it('GET /cases?client_id= of a client not on the caseload answers 200 with no items (left out, not refused)', async () => {
        for (const query of ['', '&status=intake']) {
          const res = await cm().get(`/api/v1/cases?client_id=${encodeURIComponent(client.id)}${query}`);
          assertStatus(res, 200);
          assert.deepEqual(res.body.items, []);
          assert.equal(res.body.next_cursor, null);
        }
      });

      it('GET /cases?case_manager_id=<cm2> lists exactly cm2\'s cases', async () => {
        const items = await listAll(cm2(), `/api/v1/cases?case_manager_id=${encodeURIComponent(ctx.users.cm2.id)}`);
        assert.deepEqual(items.map((i) => i.id).sort(), [...cases, cm2Only].map((c) => c.id).sort());
        for (const item of items) assert.equal(item.case_manager_id, ctx.users.cm2.id);
      });

      it('GET /cases?case_manager_id=<cm2> as cm leaves out cm2\'s cases of clients cm may not open', async () => {
        const items = await listAll(cm(), `/api/v1/cases?case_manager_id=${encodeURIComponent(ctx.users.cm2.id)}`);
        assert.deepEqual(items, []);
      });

      it('GET /cases?case_manager_id=me answers the signed-in case manager\'s cases', async () => {
        const mine = await listAll(ctx.as('cm2'), '/api/v1/cases?case_manager_id=me');
        assert.deepEqual(mine.map((i) => i.id).sort(), [...cases, cm2Only].map((c) => c.id).sort());
        const cmMine = await listAll(cm(), '/api/v1/cases?case_manager_id=me');
        assert.ok(cmMine.length > 0);
        for (const item of cmMine) assert.equal(item.case_manager_id, ctx.users.cm.id);
        assert.equal(cmMine.some((i) => i.id === cm2Only.id), false);
      });

      it('GET /cases?case_manager_id=me&limit=1 pages through every case once', async () => {
        const pages = [];
        let cursor = null;
        for (let guard = 0; guard < 10; guard++) {
          let url = '/api/v1/cases?case_manager_id=me&limit=1';
          if (cursor) url += `&cursor=${encodeURIComponent(cursor)}`;
          const res = await ctx.as('cm2').get(url);
          assertStatus(res, 200);
          assert.ok(res.body.items.length <= 1);
          pages.push(...res.body.items.map((i) => i.id));
          cursor = res.body.next_cursor;
          if (cursor === null) break;
        }
        assert.equal(pages.length, 3);
        assert.deepEqual(new Set(pages), new Set([...cases, cm2Only].map((c) => c.id)));
      });

      it('GET /clients/{id}/cases lists the client\'s cases, each with its history', async () => {
        const res = await cm2().get(`/api/v1/clients/${client.id}/cases`);
        assertStatus(res, 200);
        assert.deepEqual(res.body.items.map((i) => i.id).sort(), cases.map((c) => c.id).sort());
        const b = res.body.items.find((i) => i.id === cases[1].id);
        assert.equal(b.status, 'intake');
        assert.equal(b.program_id, program2.id);
        assert.deepEqual(moves(b.history).map((h) => [h.from, h.to]), [['referred', 'intake']]);
      });

      it('GET /clients/{id}/cases filters by status and refuses unknown parameters', async () => {
        const filtered = await cm2().get(`/api/v1/clients/${client.id}/cases?status=intake`);
        assertStatus(filtered, 200);
        assert.deepEqual(filtered.body.items.map((i) => i.id), [cases[1].id]);
        assertError(await cm2().get(`/api/v1/clients/${client.id}/cases?sort=x`), 400, 'malformed_request', 'sort');
      });

      it('GET /clients/{id}/cases and GET /cases/{id} of a client not on the caseload answer 403 permission_denied', async () => {
        for (const res of [
          await cm().get(`/api/v1/clients/${client.id}/cases`),
          await cm().get(`/api/v1/clients/${client.id}/cases?status=intake`),
          await cm().get(`/api/v1/cases/${cases[0].id}`),
        ]) {
          assertError(res, 403, 'permission_denied');
          assert.equal(res.body.error.message, NOT_YOURS);
        }
      });

      it('GET /cases?case_manager_id=<cm2> as cm lists cm2\'s case of a client cm registered, and only that', async () => {
        // cm registers a client (joining its care team) and gives its case to cm2.
        const mine = await newClient();
        const given = await newCase({ client: mine, caseManagerId: ctx.users.cm2.id });
        const items = await listAll(cm(), `/api/v1/cases?case_manager_id=${encodeURIComponent(ctx.users.cm2.id)}`);
        assert.deepEqual(items.map((i) => i.id), [given.id]);
        assert.equal(items[0].client_id, mine.id);
        assert.equal(items[0].case_manager_id, ctx.users.cm2.id);
      });
    });
  });
}
