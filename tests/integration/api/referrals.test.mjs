// The referral inbox: a referral is logged, listed (supervisors see the organization's inbox, case
// managers the ones they logged or were given), triaged and assigned by a supervisor (which opens
// a case at `referred` for the chosen case manager), or declined with a reason. Recording the first
// contact stops the 72-hour first-contact clock; it happens once, and only on an assigned referral.
// Every illegal step is refused and changes nothing.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { ISO_UTC, assertError, assertStatus, backends, useSuite } from './harness.mjs';
import {
  CLOCK_ITEM_KEYS, HOUR, MINUTE, ago, ahead, allItems, between, cycle, iso, plus, sameInstant, sortedKeys,
} from './cycle.mjs';

const REFERRAL_KEYS = ['assigned_at', 'case_id', 'case_manager_id', 'client_id', 'client_name', 'clock', 'created_at',
  'created_by', 'decline_reason', 'first_contact_at', 'first_contact_method', 'id', 'priority', 'program_id',
  'reason', 'received_at', 'referrer_contact', 'referrer_name', 'source', 'status', 'triage_note', 'version'];

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, {
      users: ['cm', 'cm2', 'cm3', 'supervisor', 'director', 'admin', 'otherAdmin', 'otherSupervisor'],
    });
    const cy = cycle(ctx);
    const sup = () => ctx.as('supervisor');
    let program = null;

    before(async () => {
      await cy.supervise('cm', 'supervisor');
      await cy.supervise('cm2', 'supervisor');
      program = await cy.newProgram('Care Transitions');
    });

    /** A client of cm and a referral cm logs for it. */
    async function fresh(fields = {}) {
      const client = await cy.newClient('cm');
      const referral = await cy.newReferral({ client, program, ...fields });
      return { client, referral };
    }

    async function triage(r, body = { priority: 'urgent', triage_note: 'Lives alone.' }, as = 'supervisor') {
      return ctx.as(as).post(`/api/v1/referrals/${r.id}/triage`, body, { ifMatch: r.version });
    }

    /** Asserts the referral reads back exactly as `snapshot` (a refused step changed nothing). */
    async function unchanged(snapshot) {
      assert.deepEqual(await cy.getReferral('supervisor', snapshot.id), snapshot, 'the referral is unchanged');
    }

    async function clientCaseIds(client) {
      const res = await ctx.as('supervisor').get(`/api/v1/clients/${client.id}/cases`);
      assertStatus(res, 200);
      return res.body.items.map((c) => c.id);
    }

    describe('logging a referral', () => {
      it('POST /referrals answers 201 with the Referral: new, every field echoed, the first-contact clock running', async () => {
        const client = await cy.newClient('cm');
        const body = {
          client_id: client.id,
          program_id: program.id,
          source: 'hospital',
          referrer_name: 'Dr. Ortega',
          referrer_contact: '+1 555 0177',
          reason: 'Discharged after a fall; lives alone.',
          priority: 'urgent',
        };
        const t0 = iso(Date.now());
        const res = await ctx.as('cm').post('/api/v1/referrals', body);
        const t1 = iso(Date.now() + 1000);
        assertStatus(res, 201);
        const r = res.body;
        assert.deepEqual(sortedKeys(r), REFERRAL_KEYS);
        assert.equal(typeof r.id, 'string');
        assert.doesNotMatch(r.id, /^\d+$/, 'ids are opaque');
        assert.equal(r.version, 1);
        assert.equal(r.status, 'new');
        for (const [key, value] of Object.entries(body)) assert.equal(r[key], value, `${key} is echoed`);
        assert.ok(r.client_name.includes(client.family_name), `client_name names the client: ${r.client_name}`);
        assert.equal(r.created_by, ctx.users.cm.id);
        for (const key of ['triage_note', 'case_id', 'case_manager_id', 'assigned_at', 'first_contact_at',
          'first_contact_method', 'decline_reason']) assert.equal(r[key], null, `${key} is null`);
        assert.match(r.received_at, ISO_UTC);
        assert.match(r.created_at, ISO_UTC);
        between(r.received_at, t0, t1, 'received_at defaults to now');

        assert.deepEqual(sortedKeys(r.clock), CLOCK_ITEM_KEYS);
        assert.equal(r.clock.rule, 'first_contact');
        assert.equal(r.clock.record_id, r.id);
        assert.equal(r.clock.client_id, client.id);
        assert.equal(r.clock.case_id, null, 'no case before assignment');
        sameInstant(r.clock.started_at, r.received_at, 'clock.started_at');
        sameInstant(r.clock.due_at, plus(r.received_at, 72 * HOUR), 'clock.due_at (72 h after receipt)');
        assert.equal(r.clock.overdue, false);
        assert.equal(typeof r.clock.title, 'string');

        const read = await ctx.as('cm').get(`/api/v1/referrals/${r.id}`);
        assertStatus(read, 200);
        assert.equal(read.headers.get('etag'), '"1"');
        assert.deepEqual(read.body, r);
      });

      it('a referral received 71 hours ago is not overdue; 73 hours ago it is', async () => {
        const young = (await fresh({ received_at: ago({ hours: 71 }) })).referral;
        sameInstant(young.clock.due_at, plus(young.received_at, 72 * HOUR));
        assert.equal(young.clock.overdue, false);
        const old = (await fresh({ received_at: ago({ hours: 73 }) })).referral;
        sameInstant(old.clock.due_at, plus(old.received_at, 72 * HOUR));
        assert.equal(old.clock.overdue, true);
        assert.equal((await cy.getReferral('cm', old.id)).clock.overdue, true);
      });

      it('the boundary: one minute before 72 hours is due, one minute past is overdue', async () => {
        const inside = (await fresh({ received_at: ago({ hours: 71, minutes: 59 }) })).referral;
        assert.equal(inside.clock.overdue, false);
        const outside = (await fresh({ received_at: ago({ hours: 72, minutes: 1 }) })).referral;
        assert.equal(outside.clock.overdue, true);
      });

      it('refusals name the field and create nothing: future received_at 422, unknown program or client 404, bad enums 422, missing reason 400', async () => {
        const client = await cy.newClient('cm');
        const ok = {
          client_id: client.id, program_id: program.id, source: 'family', referrer_name: 'Rosa Lopez',
          reason: 'Worried about her mother.',
        };
        const rows = [
          [{ ...ok, received_at: ahead({ hours: 1 }) }, 422, 'invalid_argument', 'received_at'],
          [{ ...ok, received_at: '2026-13-40T00:00:00Z' }, 422, 'invalid_argument', 'received_at'],
          [{ ...ok, program_id: 'pg_doesnotexist0000' }, 404, 'not_found', 'program_id'],
          [{ ...ok, client_id: 'cl_doesnotexist0000' }, 404, 'not_found', 'client_id'],
          [{ ...ok, source: 'newspaper' }, 422, 'invalid_argument', 'source'],
          [{ ...ok, priority: 'whenever' }, 422, 'invalid_argument', 'priority'],
          [{ ...ok, reason: '   ' }, 422, 'invalid_argument', 'reason'],
          [{ ...ok, reason: undefined }, 400, 'malformed_request', 'reason'],
          [{ ...ok, colour: 'blue' }, 400, 'malformed_request', 'colour'],
        ];
        for (const [body, status, code, field] of rows) {
          assertError(await ctx.as('cm').post('/api/v1/referrals', body), status, code, field);
        }
        const inbox = await allItems(sup(), '/api/v1/referrals?status=all');
        assert.equal(inbox.some((r) => r.client_id === client.id), false, 'no referral was made');
      });

      it('a referral for another organization\'s program answers 404 naming program_id; nothing is made', async () => {
        const theirs = await ctx.as('otherAdmin').post('/api/v1/programs', { name: `Elsewhere ${ctx.tag}` });
        assertStatus(theirs, 201);
        const client = await cy.newClient('cm');
        const refused = await ctx.as('cm').post('/api/v1/referrals', {
          client_id: client.id, program_id: theirs.body.id, source: 'self', referrer_name: 'Self',
          reason: 'Asked for help.',
        });
        assertError(refused, 404, 'not_found', 'program_id');
        const inbox = await allItems(sup(), '/api/v1/referrals?status=all');
        assert.equal(inbox.some((r) => r.client_id === client.id), false);
      });
    });

    describe('lists', () => {
      let logged = null; //    cm logged it; stays new
      let given = null; //     cm logged it; assigned to cm2
      let declined = null; //  cm2 logged it; declined
      let byCm2 = null; //     cm2 logged it; stays new

      before(async () => {
        logged = (await fresh()).referral;
        given = await cy.assignReferral((await fresh()).referral, 'cm2');
        const client2 = await cy.newClient('cm2');
        declined = await cy.newReferral({ as: 'cm2', client: client2, program });
        const res = await sup().post(`/api/v1/referrals/${declined.id}/decline`, { reason: 'Outside our area' },
          { ifMatch: declined.version });
        assertStatus(res, 200);
        declined = res.body;
        byCm2 = await cy.newReferral({ as: 'cm2', client: await cy.newClient('cm2'), program });
      });

      const ids = (items) => new Set(items.map((r) => r.id));

      it('a supervisor\'s GET /referrals (default open) is the organization\'s inbox of new and triaged referrals', async () => {
        const res = await sup().get('/api/v1/referrals');
        assertStatus(res, 200);
        const open = await allItems(sup(), '/api/v1/referrals');
        const got = ids(open);
        for (const r of [logged, byCm2]) assert.ok(got.has(r.id), `the inbox holds ${r.id}`);
        for (const r of [given, declined]) assert.equal(got.has(r.id), false, `the inbox leaves out ${r.status} ${r.id}`);
        for (const r of open) assert.ok(['new', 'triaged'].includes(r.status), `open means new or triaged: ${r.status}`);
        assert.deepEqual(ids(await allItems(sup(), '/api/v1/referrals?status=open')), got, 'status=open is the default');
      });

      it('status= filters: assigned, declined, new, all', async () => {
        const assigned = await allItems(sup(), '/api/v1/referrals?status=assigned');
        assert.ok(ids(assigned).has(given.id));
        for (const r of assigned) assert.equal(r.status, 'assigned');
        const gone = await allItems(sup(), '/api/v1/referrals?status=declined');
        assert.ok(ids(gone).has(declined.id));
        for (const r of gone) assert.equal(r.status, 'declined');
        const fresh_ = await allItems(sup(), '/api/v1/referrals?status=new');
        assert.ok(ids(fresh_).has(logged.id));
        for (const r of fresh_) assert.equal(r.status, 'new');
        const all = ids(await allItems(sup(), '/api/v1/referrals?status=all'));
        for (const r of [logged, given, declined, byCm2]) assert.ok(all.has(r.id));
      });

      it('an unknown status answers 422 naming status; an unknown parameter 400', async () => {
        assertError(await sup().get('/api/v1/referrals?status=lost'), 422, 'invalid_argument', 'status');
        assertError(await sup().get('/api/v1/referrals?sort=received_at'), 400, 'malformed_request', 'sort');
      });

      it('a case manager lists the referrals they logged or were given, and no others', async () => {
        const cmAll = ids(await allItems(ctx.as('cm'), '/api/v1/referrals?status=all'));
        assert.ok(cmAll.has(logged.id) && cmAll.has(given.id), 'cm logged both');
        assert.equal(cmAll.has(declined.id) || cmAll.has(byCm2.id), false, 'cm2\'s referrals are not cm\'s');

        const cm2All = ids(await allItems(ctx.as('cm2'), '/api/v1/referrals?status=all'));
        for (const r of [given, declined, byCm2]) assert.ok(cm2All.has(r.id), `cm2 sees ${r.id}`);
        assert.equal(cm2All.has(logged.id), false);

        const cm2Open = ids(await allItems(ctx.as('cm2'), '/api/v1/referrals'));
        assert.ok(cm2Open.has(byCm2.id));
        assert.equal(cm2Open.has(given.id), false, 'an assigned referral is not open');

        assert.deepEqual(await allItems(ctx.as('cm3'), '/api/v1/referrals?status=all'), [], 'cm3 has none');
      });

      it('another organization\'s supervisor sees none of them, and GET /referrals/{id} answers 404', async () => {
        const theirs = ids(await allItems(ctx.as('otherSupervisor'), '/api/v1/referrals?status=all'));
        for (const r of [logged, given, declined, byCm2]) assert.equal(theirs.has(r.id), false);
        assertError(await ctx.as('otherSupervisor').get(`/api/v1/referrals/${logged.id}`), 404, 'not_found');
        assertError(await sup().get('/api/v1/referrals/rf_doesnotexist0000'), 404, 'not_found');
      });
    });

    describe('triage and assignment', () => {
      it('a supervisor triages: 200 triaged, priority and note stored, version 2', async () => {
        const { referral } = await fresh({ priority: 'routine' });
        const res = await triage(referral, { priority: 'emergent', triage_note: 'Fell twice this week.' });
        assertStatus(res, 200);
        assert.equal(res.body.status, 'triaged');
        assert.equal(res.body.priority, 'emergent');
        assert.equal(res.body.triage_note, 'Fell twice this week.');
        assert.equal(res.body.version, 2);
        assert.equal(res.body.clock.overdue, false, 'the clock still runs');
        assert.deepEqual(await cy.getReferral('cm', referral.id), res.body);
      });

      it('triage refusals: a case manager 403, stale If-Match 412, none 428, a bad priority 422; nothing changes', async () => {
        const { referral } = await fresh();
        assertError(await triage(referral, undefined, 'cm'), 403, 'permission_denied');
        assertError(await triage(referral, undefined, 'cm2'), 403, 'permission_denied');
        assertError(await triage({ ...referral, version: 7 }), 412, 'aborted');
        assertError(await sup().post(`/api/v1/referrals/${referral.id}/triage`, { priority: 'urgent', triage_note: 'x' }),
          428, 'precondition_required');
        assertError(await triage(referral, { priority: 'soon', triage_note: 'x' }), 422, 'invalid_argument', 'priority');
        await unchanged(referral);
      });

      it('assignment opens a case at referred for that case manager and links it', async () => {
        const { client, referral } = await fresh();
        const triaged = (await triage(referral)).body;
        const t0 = iso(Date.now());
        const res = await sup().post(`/api/v1/referrals/${referral.id}/assignment`,
          { case_manager_id: ctx.users.cm2.id }, { ifMatch: triaged.version });
        assertStatus(res, 200);
        const r = res.body;
        assert.equal(r.status, 'assigned');
        assert.equal(r.version, triaged.version + 1);
        assert.equal(r.case_manager_id, ctx.users.cm2.id);
        assert.equal(typeof r.case_id, 'string');
        between(r.assigned_at, t0, iso(Date.now() + 1000), 'assigned_at');
        assert.equal(r.clock.case_id, r.case_id, 'the clock now belongs to the case');
        assert.equal(r.clock.overdue, false);

        // cm2 now opens the client through the new case.
        const theCase = await cy.getCase('cm2', r.case_id);
        assert.equal(theCase.status, 'referred');
        assert.equal(theCase.client_id, client.id);
        assert.equal(theCase.program_id, program.id);
        assert.equal(theCase.case_manager_id, ctx.users.cm2.id);
        assertStatus(await ctx.as('cm2').get(`/api/v1/clients/${client.id}`), 200);
        assert.deepEqual(await clientCaseIds(client), [r.case_id]);
        assert.deepEqual(await cy.getReferral('cm2', r.id), r);

        // The running clock is on cm2's worklist now, as one entry.
        const owed = await cy.owedFor('cm2', r.case_id, 'first_contact');
        assert.equal(owed.length, 1, JSON.stringify(owed));
        assert.equal(owed[0].record_id, r.id);
        assert.equal(owed[0].overdue, false);
        sameInstant(owed[0].due_at, r.clock.due_at, 'the worklist entry\'s due_at');
      });

      it('assignment refusals: a case manager 403; a director, an unknown user or another organization\'s 404 naming case_manager_id; nothing changes', async () => {
        const { client, referral } = await fresh();
        const triaged = (await triage(referral)).body;
        const assign = (id, as = 'supervisor') => ctx.as(as).post(`/api/v1/referrals/${referral.id}/assignment`,
          { case_manager_id: id }, { ifMatch: triaged.version });
        assertError(await assign(ctx.users.cm.id, 'cm'), 403, 'permission_denied');
        for (const id of [ctx.users.director.id, ctx.users.admin.id, ctx.users.otherSupervisor.id, 'us_doesnotexist0000']) {
          assertError(await assign(id), 404, 'not_found', 'case_manager_id');
        }
        assertError(await sup().post(`/api/v1/referrals/${referral.id}/assignment`, { case_manager_id: ctx.users.cm.id },
          { ifMatch: 1 }), 412, 'aborted');
        await unchanged(triaged);
        assert.deepEqual(await clientCaseIds(client), [], 'no case was opened');
      });

      it('assignment when the client already has an open case in the program answers 409 already_exists; nothing changes', async () => {
        const { client, theCase } = await cy.newCase({ program, status: 'intake' });
        const referral = await cy.newReferral({ client, program });
        const triaged = (await triage(referral)).body;
        const res = await sup().post(`/api/v1/referrals/${referral.id}/assignment`,
          { case_manager_id: ctx.users.cm.id }, { ifMatch: triaged.version });
        assertError(res, 409, 'already_exists');
        await unchanged(triaged);
        assert.deepEqual(await clientCaseIds(client), [theCase.id]);
      });
    });

    describe('first contact', () => {
      it('the case manager records the first contact: 200, the clock stops, and it leaves the worklist', async () => {
        const { referral } = await fresh({ received_at: ago({ hours: 30 }) });
        const assigned = await cy.assignReferral(referral, 'cm');
        assert.equal((await cy.owedFor('cm', assigned.case_id, 'first_contact')).length, 1);
        const contactedAt = ago({ hours: 2 });
        const res = await ctx.as('cm').post(`/api/v1/referrals/${referral.id}/first-contact`,
          { contacted_at: contactedAt, method: 'home_visit' }, { ifMatch: assigned.version });
        assertStatus(res, 200);
        assert.equal(res.body.version, assigned.version + 1);
        assert.equal(res.body.status, 'assigned');
        sameInstant(res.body.first_contact_at, contactedAt, 'first_contact_at');
        assert.equal(res.body.first_contact_method, 'home_visit');
        assert.equal(res.body.clock, null, 'the first-contact clock has stopped');
        assert.deepEqual(await cy.getReferral('cm', referral.id), res.body);
        assert.deepEqual(await cy.owedFor('cm', assigned.case_id, 'first_contact'), []);
      });

      it('contacted_at defaults to now', async () => {
        const assigned = await cy.assignReferral((await fresh()).referral, 'cm');
        const t0 = iso(Date.now());
        const res = await ctx.as('cm').post(`/api/v1/referrals/${assigned.id}/first-contact`, { method: 'phone' },
          { ifMatch: assigned.version });
        assertStatus(res, 200);
        between(res.body.first_contact_at, t0, iso(Date.now() + 1000), 'first_contact_at');
        assert.equal(res.body.first_contact_method, 'phone');
      });

      it('the case manager\'s supervisor may record it too', async () => {
        const assigned = await cy.assignReferral((await fresh()).referral, 'cm2');
        const res = await sup().post(`/api/v1/referrals/${assigned.id}/first-contact`, { method: 'video' },
          { ifMatch: assigned.version });
        assertStatus(res, 200);
        assert.equal(res.body.first_contact_method, 'video');
      });

      it('only once: a second first contact answers 409 and changes nothing', async () => {
        const assigned = await cy.assignReferral((await fresh()).referral, 'cm');
        const first = await ctx.as('cm').post(`/api/v1/referrals/${assigned.id}/first-contact`, { method: 'office' },
          { ifMatch: assigned.version });
        assertStatus(first, 200);
        const again = await ctx.as('cm').post(`/api/v1/referrals/${assigned.id}/first-contact`, { method: 'phone' },
          { ifMatch: first.body.version });
        assertError(again, 409, 'failed_precondition');
        await unchanged(first.body);
      });

      it('not before assignment: on a new or triaged referral it answers 409; the clock keeps running', async () => {
        const { referral } = await fresh();
        const res = await sup().post(`/api/v1/referrals/${referral.id}/first-contact`, { method: 'phone' },
          { ifMatch: referral.version });
        assertError(res, 409, 'failed_precondition');
        await unchanged(referral);
        const triaged = (await triage(referral)).body;
        assertError(await sup().post(`/api/v1/referrals/${referral.id}/first-contact`, { method: 'phone' },
          { ifMatch: triaged.version }), 409, 'failed_precondition');
        await unchanged(triaged);
        assert.notEqual(triaged.clock, null);
      });

      it('refusals: to another case manager the referral does not exist (404), a bad method 422, stale If-Match 412; nothing changes', async () => {
        const assigned = await cy.assignReferral((await fresh()).referral, 'cm');
        const contact = (as, body, ifMatch = assigned.version) => ctx.as(as).post(
          `/api/v1/referrals/${assigned.id}/first-contact`, body, { ifMatch });
        assertError(await contact('cm3', { method: 'phone' }), 404, 'not_found');
        assertError(await contact('cm', { method: 'carrier_pigeon' }), 422, 'invalid_argument', 'method');
        assertError(await contact('cm', { method: 'phone' }, assigned.version - 1), 412, 'aborted');
        await unchanged(assigned);
      });
    });

    describe('decline', () => {
      it('a supervisor declines a new or triaged referral with a reason: 200 declined, no clock, no case', async () => {
        for (const triageFirst of [false, true]) {
          const { client, referral } = await fresh({ received_at: ago({ hours: 80 }) });
          const r = triageFirst ? (await triage(referral)).body : referral;
          assert.equal(r.clock.overdue, true);
          const res = await sup().post(`/api/v1/referrals/${r.id}/decline`, { reason: 'Not eligible: lives out of county' },
            { ifMatch: r.version });
          assertStatus(res, 200);
          assert.equal(res.body.status, 'declined');
          assert.equal(res.body.decline_reason, 'Not eligible: lives out of county');
          assert.equal(res.body.version, r.version + 1);
          assert.equal(res.body.clock, null, 'a declined referral has no clock');
          assert.equal(res.body.case_id, null);
          assert.deepEqual(await clientCaseIds(client), []);
          assert.deepEqual(await cy.getReferral('cm', r.id), res.body);
        }
      });

      it('decline refusals: missing reason 400, blank reason 422 (naming reason), a case manager 403; nothing changes', async () => {
        const { referral } = await fresh();
        const decline = (body, as = 'supervisor') => ctx.as(as).post(`/api/v1/referrals/${referral.id}/decline`, body,
          { ifMatch: referral.version });
        assertError(await decline({}), 400, 'malformed_request', 'reason');
        assertError(await decline({ reason: '' }), 422, 'invalid_argument', 'reason');
        assertError(await decline({ reason: '   ' }), 422, 'invalid_argument', 'reason');
        assertError(await decline({ reason: 'Not eligible' }, 'cm'), 403, 'permission_denied');
        await unchanged(referral);
      });
    });

    describe('illegal steps', () => {
      /** Asserts a 409 failed_precondition naming the referral's status, and that nothing changed. */
      async function refusedStep(res, snapshot, from) {
        assertError(res, 409, 'failed_precondition');
        assert.match(res.body.error.message, new RegExp(`\\b${from}\\b`), `the message names ${from}`);
        await unchanged(snapshot);
      }

      async function declinedOne() {
        const { client, referral } = await fresh();
        const res = await sup().post(`/api/v1/referrals/${referral.id}/decline`, { reason: 'Duplicate referral' },
          { ifMatch: referral.version });
        assertStatus(res, 200);
        return { client, referral: res.body };
      }

      it('assigning a declined referral answers 409 naming declined; no case is opened', async () => {
        const { client, referral } = await declinedOne();
        const res = await sup().post(`/api/v1/referrals/${referral.id}/assignment`,
          { case_manager_id: ctx.users.cm.id }, { ifMatch: referral.version });
        await refusedStep(res, referral, 'declined');
        assert.deepEqual(await clientCaseIds(client), []);
      });

      it('triaging a declined referral answers 409 naming declined', async () => {
        const { referral } = await declinedOne();
        await refusedStep(await triage(referral), referral, 'declined');
      });

      it('a first contact on a declined referral answers 409', async () => {
        const { referral } = await declinedOne();
        assertError(await sup().post(`/api/v1/referrals/${referral.id}/first-contact`, { method: 'phone' },
          { ifMatch: referral.version }), 409, 'failed_precondition');
        await unchanged(referral);
      });

      it('declining or triaging an assigned referral answers 409 naming assigned; its case stays open', async () => {
        const assigned = await cy.assignReferral((await fresh()).referral, 'cm');
        await refusedStep(await sup().post(`/api/v1/referrals/${assigned.id}/decline`, { reason: 'Changed our mind' },
          { ifMatch: assigned.version }), assigned, 'assigned');
        await refusedStep(await triage(assigned), assigned, 'assigned');
        await refusedStep(await sup().post(`/api/v1/referrals/${assigned.id}/assignment`,
          { case_manager_id: ctx.users.cm2.id }, { ifMatch: assigned.version }), assigned, 'assigned');
        assert.equal((await cy.getCase('cm', assigned.case_id)).status, 'referred');
      });
    });

    it('a referral received hours ago keeps received_at as sent, and created_at is now', async () => {
      const receivedAt = ago({ hours: 5, minutes: 30 });
      const t0 = iso(Date.now() - MINUTE);
      const { referral } = await fresh({ received_at: receivedAt });
      sameInstant(referral.received_at, receivedAt, 'received_at');
      between(referral.created_at, t0, iso(Date.now() + 1000), 'created_at');
    });
  });
}
