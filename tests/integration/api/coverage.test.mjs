// Coverage and benefits: a client's coverages (payer kind, payer, member id, when eligibility was
// last verified: a date, not in the future), the authorizations a payer gave (the coverage must be
// the client's; units used never past those approved; units run low at a tenth of those approved
// or less), advocacy items (benefit and aid applications, claims, appeals) with their statuses, and
// the worklist items they put on the case manager's list: an eligibility_check from 14 days before
// verified_on + eligibility_days (overdue after), an authorization_renewal for an authorization
// running low or ending within 14 days (due at the end of valid_to); one entry per client even when
// the client has two open cases. And who may use them.
//
// Dates are UTC calendar days; a coverage verified 80 days ago is written with the date 80 days
// before today (UTC), so the clocks are checked without waiting.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { ISO_UTC, assertError, assertStatus, backends, letters, useSuite } from './harness.mjs';
import { DAY, allItems, cycle, sameInstant, sortedKeys, askEveryCaller } from './cycle.mjs';

const COVERAGE_KEYS = ['active', 'client_id', 'created_at', 'id', 'member_id', 'payer_kind', 'payer_name', 'updated_at',
  'verified_on', 'version'];
const AUTHORIZATION_KEYS = ['client_id', 'coverage_id', 'id', 'service', 'units_approved', 'units_left', 'units_low',
  'units_used', 'valid_from', 'valid_to', 'version'];
const ADVOCACY_KEYS = ['client_id', 'decided_on', 'description', 'id', 'kind', 'status', 'submitted_on', 'version'];
const ADVOCACY_STATUSES = ['planned', 'submitted', 'pending', 'approved', 'denied', 'appealed', 'withdrawn'];
const ADVOCACY_KINDS = ['benefit_application', 'aid_application', 'insurance_claim', 'appeal', 'other'];

/** The UTC date `n` days from today (negative: before), YYYY-MM-DD. */
function day(n = 0) {
  return new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
}

/** Midnight UTC at the start of `date` plus `days` days, as an instant. */
function midnight(date, days = 0) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().replace(/\.000Z$/, 'Z');
}

/** Asserts `obj` carries at least `keys`. */
function hasKeys(obj, keys, what) {
  for (const k of keys) assert.ok(Object.hasOwn(obj, k), `${what} has ${k}`);
}

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm', 'cm2', 'supervisor', 'director', 'admin', 'auditor', 'otherCm'] });
    const cy = cycle(ctx);
    const cm = () => ctx.as('cm');
    let program = null;
    let program2 = null;

    before(async () => {
      await cy.supervise('cm', 'supervisor');
      program = await cy.newProgram('Home and Community Based Services');
      program2 = await cy.newProgram('Benefits Counseling');
    });

    async function coverage(client, body = {}, as = 'cm') {
      const res = await ctx.as(as).post(`/api/v1/clients/${client.id}/coverages`, {
        payer_kind: 'medicaid', payer_name: 'Illinois Medicaid', member_id: `M${letters(8).toUpperCase()}`,
        verified_on: day(-10), ...body,
      });
      assertStatus(res, 201);
      return res.body;
    }

    async function authorization(client, cov, body = {}, as = 'cm') {
      const res = await ctx.as(as).post(`/api/v1/clients/${client.id}/authorizations`, {
        coverage_id: cov.id, service: 'Personal care (T1019)', units_approved: 100, valid_from: day(-30),
        valid_to: day(150), ...body,
      });
      assertStatus(res, 201);
      return res.body;
    }

    async function advocacy(client, body = {}, as = 'cm') {
      const res = await ctx.as(as).post(`/api/v1/clients/${client.id}/advocacy`,
        { kind: 'benefit_application', description: 'SNAP application', ...body });
      assertStatus(res, 201);
      return res.body;
    }

    function use(auth, units, ifMatch = auth.version) {
      return cm().post(`/api/v1/authorizations/${auth.id}/usage`, { units }, { ifMatch });
    }

    /** The coverage and authorization entries of the client on cm's worklist. */
    async function benefitItems(client, as = 'cm') {
      return (await cy.owed(as, { clientId: client.id }))
        .filter((i) => i.rule === 'eligibility_check' || i.rule === 'authorization_renewal');
    }

    describe('coverages', () => {
      it('POST answers 201 with the Coverage; GET lists it; PATCH (If-Match) changes it', async () => {
        const { client } = await cy.newCase({ program });
        const res = await cm().post(`/api/v1/clients/${client.id}/coverages`,
          { payer_kind: 'medicare', payer_name: 'Medicare Part A', member_id: '1EG4-TE5-MK73', verified_on: day(-3) });
        assertStatus(res, 201);
        const c = res.body;
        assert.deepEqual(sortedKeys(c), COVERAGE_KEYS);
        assert.equal(res.headers.get('etag'), '"1"');
        assert.equal(c.version, 1);
        assert.equal(c.client_id, client.id);
        assert.equal(c.payer_kind, 'medicare');
        assert.equal(c.payer_name, 'Medicare Part A');
        assert.equal(c.member_id, '1EG4-TE5-MK73');
        assert.equal(c.verified_on, day(-3));
        assert.equal(c.active, true);
        assert.match(c.created_at, ISO_UTC);
        assert.match(c.updated_at, ISO_UTC);

        // Today is not in the future; member id and verification are optional.
        const today = await coverage(client, { payer_kind: 'private', payer_name: 'Blue Cross', verified_on: day(0) });
        assert.equal(today.verified_on, day(0));
        const bare = await cm().post(`/api/v1/clients/${client.id}/coverages`, { payer_kind: 'self_pay', payer_name: 'Self' });
        assertStatus(bare, 201);
        assert.equal(bare.body.verified_on, null);
        assert.equal(bare.body.member_id, null);

        const listed = await allItems(cm(), `/api/v1/clients/${client.id}/coverages`);
        assert.deepEqual(listed.map((x) => x.id).sort(), [c.id, today.id, bare.body.id].sort());
        assert.deepEqual(listed.find((x) => x.id === c.id), c);

        const patched = await cm().patch(`/api/v1/coverages/${c.id}`, { verified_on: day(0), member_id: 'NEW-1' },
          { ifMatch: 1 });
        assertStatus(patched, 200);
        assert.equal(patched.headers.get('etag'), '"2"');
        assert.equal(patched.body.version, 2);
        assert.equal(patched.body.verified_on, day(0));
        assert.equal(patched.body.member_id, 'NEW-1');
        assert.equal(patched.body.payer_name, 'Medicare Part A', 'other fields as they were');
        const off = await cm().patch(`/api/v1/coverages/${c.id}`, { active: false }, { ifMatch: 2 });
        assertStatus(off, 200);
        assert.equal(off.body.active, false);
        assert.deepEqual((await allItems(cm(), `/api/v1/clients/${client.id}/coverages`)).find((x) => x.id === c.id), off.body);
      });

      it('refuses a future verified_on, an unknown payer_kind, a bad date (422 naming the field); PATCH needs If-Match', async () => {
        const { client } = await cy.newCase({ program });
        const post = (body) => cm().post(`/api/v1/clients/${client.id}/coverages`,
          { payer_kind: 'medicaid', payer_name: 'Illinois Medicaid', ...body });
        assertError(await post({ verified_on: day(1) }), 422, 'invalid_argument', 'verified_on');
        assertError(await post({ verified_on: day(400) }), 422, 'invalid_argument', 'verified_on');
        assertError(await post({ verified_on: '2025-02-30' }), 422, 'invalid_argument', 'verified_on');
        assertError(await post({ verified_on: 'last week' }), 422, 'invalid_argument', 'verified_on');
        assertError(await post({ payer_kind: 'medi-cal' }), 422, 'invalid_argument', 'payer_kind');
        assertError(await post({ payer_kind: 'Medicaid' }), 422, 'invalid_argument', 'payer_kind');
        assertError(await post({ payer_name: '' }), 422, 'invalid_argument', 'payer_name');
        assertError(await post({ payer_kind: undefined }), 400, 'malformed_request', 'payer_kind');
        assertError(await post({ active: 'yes' }), 400, 'malformed_request', 'active');
        assert.deepEqual(await allItems(cm(), `/api/v1/clients/${client.id}/coverages`), [], 'nothing was added');

        const c = await coverage(client);
        assertError(await cm().patch(`/api/v1/coverages/${c.id}`, { verified_on: day(2) }, { ifMatch: 1 }), 422,
          'invalid_argument', 'verified_on');
        assertError(await cm().patch(`/api/v1/coverages/${c.id}`, { payer_kind: 'barter' }, { ifMatch: 1 }), 422,
          'invalid_argument', 'payer_kind');
        assertError(await cm().patch(`/api/v1/coverages/${c.id}`, { member_id: 'X' }), 428, 'precondition_required');
        assertStatus(await cm().patch(`/api/v1/coverages/${c.id}`, { member_id: 'X' }, { ifMatch: 1 }), 200);
        assertError(await cm().patch(`/api/v1/coverages/${c.id}`, { member_id: 'Y' }, { ifMatch: 1 }), 412, 'aborted');
        const [now] = await allItems(cm(), `/api/v1/clients/${client.id}/coverages`);
        assert.equal(now.member_id, 'X');
        assert.equal(now.version, 2);
        assertError(await cm().patch('/api/v1/coverages/cv_doesnotexist0000', { member_id: 'Z' }, { ifMatch: 1 }), 404,
          'not_found');
      });
    });

    describe('authorizations', () => {
      it('POST answers 201 with units left and low; GET lists them; usage (If-Match) counts units used', async () => {
        const { client } = await cy.newCase({ program });
        const cov = await coverage(client);
        const res = await cm().post(`/api/v1/clients/${client.id}/authorizations`, {
          coverage_id: cov.id, service: 'Personal care (T1019)', units_approved: 100, units_used: 20,
          valid_from: day(-30), valid_to: day(150),
        });
        assertStatus(res, 201);
        const a = res.body;
        hasKeys(a, AUTHORIZATION_KEYS, 'Authorization');
        assert.equal(res.headers.get('etag'), '"1"');
        assert.equal(a.version, 1);
        assert.equal(a.client_id, client.id);
        assert.equal(a.coverage_id, cov.id);
        assert.equal(a.service, 'Personal care (T1019)');
        assert.equal(a.units_approved, 100);
        assert.equal(a.units_used, 20);
        assert.equal(a.units_left, 80);
        assert.equal(a.units_low, false);
        assert.equal(a.valid_from, day(-30));
        assert.equal(a.valid_to, day(150));
        const listed = await allItems(cm(), `/api/v1/clients/${client.id}/authorizations`);
        assert.deepEqual(listed, [a]);

        const used = await use(a, 15);
        assertStatus(used, 200);
        assert.equal(used.headers.get('etag'), '"2"');
        assert.equal(used.body.version, 2);
        assert.equal(used.body.units_used, 35);
        assert.equal(used.body.units_left, 65);
        assert.equal(used.body.units_low, false);
        assert.deepEqual(await allItems(cm(), `/api/v1/clients/${client.id}/authorizations`), [used.body]);
        assertError(await use(a, 1), 412, 'aborted');
        assertError(await cm().post(`/api/v1/authorizations/${a.id}/usage`, { units: 1 }), 428, 'precondition_required');
        assertError(await use(used.body, 0), 422, 'invalid_argument', 'units');
        assertError(await cm().post(`/api/v1/authorizations/${a.id}/usage`, {}, { ifMatch: 2 }), 400, 'malformed_request',
          'units');
      });

      it('units run low at a tenth of those approved or less (at least 1); past those approved is 409 naming units', async () => {
        const { client } = await cy.newCase({ program });
        const cov = await coverage(client);
        let a = await authorization(client, cov, { units_approved: 100, units_used: 89 });
        assert.equal(a.units_left, 11);
        assert.equal(a.units_low, false, '11 of 100 left is not low');
        let res = await use(a, 1);
        assertStatus(res, 200);
        a = res.body;
        assert.equal(a.units_left, 10);
        assert.equal(a.units_low, true, '10 of 100 left (a tenth) is low');

        assertError(await use(a, 11), 409, 'failed_precondition', 'units');
        res = await use(a, 10);
        assertStatus(res, 200, 'using exactly what is left');
        a = res.body;
        assert.equal(a.units_left, 0);
        assert.equal(a.units_low, true);
        assertError(await use(a, 1), 409, 'failed_precondition', 'units');
        assert.deepEqual(await allItems(cm(), `/api/v1/clients/${client.id}/authorizations`), [a], 'the refusals changed nothing');

        // Few units approved: at least 1 left counts as low.
        const small = await authorization(client, cov, { units_approved: 5, units_used: 3 });
        assert.equal(small.units_low, false, '2 of 5 left');
        const smaller = await use(small, 1);
        assertStatus(smaller, 200);
        assert.equal(smaller.body.units_left, 1);
        assert.equal(smaller.body.units_low, true, '1 of 5 left');
        const twenty = await authorization(client, cov, { units_approved: 20, units_used: 17 });
        assert.equal(twenty.units_low, false, '3 of 20 left');
        assert.equal((await authorization(client, cov, { units_approved: 20, units_used: 18 })).units_low, true, '2 of 20 left');
      });

      it('the coverage must be the client\'s: another client\'s (or organization\'s, or none) is 404 naming coverage_id', async () => {
        const { client } = await cy.newCase({ program });
        const { client: someoneElse } = await cy.newCase({ program });
        const theirs = await coverage(someoneElse);
        const otherOrgClient = await ctx.as('otherCm').post('/api/v1/clients',
          { given_name: 'Olga', family_name: `Other${letters(6)}`, birth_date: '1960-01-01' });
        assertStatus(otherOrgClient, 201);
        const otherOrgCoverage = await coverage(otherOrgClient.body, {}, 'otherCm');
        for (const id of [theirs.id, otherOrgCoverage.id, 'cv_doesnotexist0000']) {
          const res = await cm().post(`/api/v1/clients/${client.id}/authorizations`,
            { coverage_id: id, service: 'Adult day care', units_approved: 10, valid_from: day(-1), valid_to: day(30) });
          assertError(res, 404, 'not_found', 'coverage_id');
        }
        assert.deepEqual(await allItems(cm(), `/api/v1/clients/${client.id}/authorizations`), []);
        assert.deepEqual(await allItems(cm(), `/api/v1/clients/${someoneElse.id}/authorizations`), []);
      });

      it('validation: valid_to before valid_from and units_used past units_approved are 422; a missing field 400', async () => {
        const { client } = await cy.newCase({ program });
        const cov = await coverage(client);
        const post = (body) => cm().post(`/api/v1/clients/${client.id}/authorizations`, {
          coverage_id: cov.id, service: 'Home-delivered meals', units_approved: 60, valid_from: day(-1), valid_to: day(60),
          ...body,
        });
        assertError(await post({ valid_to: day(-2) }), 422, 'invalid_argument', 'valid_to');
        assertError(await post({ valid_from: '2025-13-01' }), 422, 'invalid_argument', 'valid_from');
        assertError(await post({ units_used: 61 }), 422, 'invalid_argument', 'units_used');
        assertError(await post({ units_approved: 0 }), 422, 'invalid_argument', 'units_approved');
        assertError(await post({ units_approved: undefined }), 400, 'malformed_request', 'units_approved');
        assertError(await post({ service: undefined }), 400, 'malformed_request', 'service');
        assertError(await post({ units_approved: '60' }), 400, 'malformed_request', 'units_approved');
        assert.deepEqual(await allItems(cm(), `/api/v1/clients/${client.id}/authorizations`), []);
        assertStatus(await post({ valid_to: day(-1) }), 201);
      });
    });

    describe('advocacy', () => {
      it('POST answers 201 (status planned by default); PATCH (If-Match) moves it through its statuses; GET lists them', async () => {
        const { client } = await cy.newCase({ program });
        const res = await cm().post(`/api/v1/clients/${client.id}/advocacy`,
          { kind: 'benefit_application', description: 'SNAP application with the county office' });
        assertStatus(res, 201);
        let item = res.body;
        hasKeys(item, ADVOCACY_KEYS, 'AdvocacyItem');
        assert.equal(res.headers.get('etag'), '"1"');
        assert.equal(item.version, 1);
        assert.equal(item.client_id, client.id);
        assert.equal(item.kind, 'benefit_application');
        assert.equal(item.status, 'planned');
        assert.equal(item.submitted_on, null);
        assert.equal(item.decided_on, null);

        for (const [change, expect] of [
          [{ status: 'submitted', submitted_on: day(-20) }, { status: 'submitted', submitted_on: day(-20) }],
          [{ status: 'pending' }, { status: 'pending', submitted_on: day(-20) }],
          [{ status: 'denied', decided_on: day(-5) }, { status: 'denied', decided_on: day(-5) }],
          [{ status: 'appealed' }, { status: 'appealed' }],
          [{ status: 'approved', decided_on: day(0) }, { status: 'approved', decided_on: day(0) }],
        ]) {
          const patched = await cm().patch(`/api/v1/advocacy/${item.id}`, change, { ifMatch: item.version });
          assertStatus(patched, 200);
          assert.equal(patched.body.version, item.version + 1);
          for (const [k, v] of Object.entries(expect)) assert.equal(patched.body[k], v, `${JSON.stringify(change)}: ${k}`);
          item = patched.body;
        }
        assert.equal(item.kind, 'benefit_application');
        assert.equal(item.description, 'SNAP application with the county office');

        const others = [];
        for (const [n, kind] of ADVOCACY_KINDS.entries()) {
          others.push(await advocacy(client, { kind, description: `Item ${kind}`, status: ADVOCACY_STATUSES[n] }));
        }
        const withdrawn = await advocacy(client, { kind: 'appeal', description: 'Appeal of a denied claim', status: 'withdrawn',
          submitted_on: day(-3) });
        assert.equal(withdrawn.status, 'withdrawn');
        const listed = await allItems(cm(), `/api/v1/clients/${client.id}/advocacy`);
        assert.deepEqual(listed.map((x) => x.id).sort(), [item.id, ...others.map((o) => o.id), withdrawn.id].sort());
        assert.deepEqual(listed.find((x) => x.id === item.id), item);
        assert.deepEqual(others.map((o) => [o.kind, o.status]), ADVOCACY_KINDS.map((k, n) => [k, ADVOCACY_STATUSES[n]]));
      });

      it('refuses an unknown kind or status and future dates (422); PATCH needs a current If-Match', async () => {
        const { client } = await cy.newCase({ program });
        const post = (body) => cm().post(`/api/v1/clients/${client.id}/advocacy`,
          { kind: 'insurance_claim', description: 'Claim for the wheelchair', ...body });
        assertError(await post({ kind: 'lawsuit' }), 422, 'invalid_argument', 'kind');
        assertError(await post({ status: 'lost' }), 422, 'invalid_argument', 'status');
        assertError(await post({ submitted_on: day(3) }), 422, 'invalid_argument', 'submitted_on');
        assertError(await post({ decided_on: '2025-02-29' }), 422, 'invalid_argument', 'decided_on');
        assertError(await post({ description: '' }), 422, 'invalid_argument', 'description');
        assertError(await post({ kind: undefined }), 400, 'malformed_request', 'kind');
        assert.deepEqual(await allItems(cm(), `/api/v1/clients/${client.id}/advocacy`), []);
        const item = await advocacy(client);
        assertError(await cm().patch(`/api/v1/advocacy/${item.id}`, { status: 'won' }, { ifMatch: 1 }), 422, 'invalid_argument',
          'status');
        assertError(await cm().patch(`/api/v1/advocacy/${item.id}`, { status: 'submitted' }), 428, 'precondition_required');
        assertError(await cm().patch(`/api/v1/advocacy/${item.id}`, { status: 'submitted' }, { ifMatch: 2 }), 412, 'aborted');
        assert.deepEqual(await allItems(cm(), `/api/v1/clients/${client.id}/advocacy`), [item]);
      });
    });

    describe('worklist items', () => {
      it('eligibility verified 80 days ago is an eligibility_check item, not overdue; 91 days ago overdue; 70 days ago none', async () => {
        const rows = [];
        for (const daysAgo of [80, 91, 70]) {
          const { client, theCase } = await cy.newCase({ program });
          const cov = await coverage(client, { payer_name: `Payer ${daysAgo}`, verified_on: day(-daysAgo) });
          rows.push({ daysAgo, client, theCase, cov });
        }
        const [eighty, ninetyOne, seventy] = rows;

        const [item, ...more] = await benefitItems(eighty.client);
        assert.ok(item, 'verified 80 days ago: the check is on the worklist (due within 14 days)');
        assert.deepEqual(more, []);
        assert.equal(item.rule, 'eligibility_check');
        assert.equal(item.kind, 'clock');
        assert.equal(item.record_id, eighty.cov.id);
        assert.equal(item.case_id, eighty.theCase.id);
        assert.equal(item.client_id, eighty.client.id);
        assert.equal(item.assignee_id, ctx.users.cm.id);
        assert.equal(item.overdue, false);
        assert.equal(typeof item.title, 'string');
        sameInstant(item.due_at, midnight(day(-80), 90), 'due verified_on + 90 days');

        const [late, ...moreLate] = await benefitItems(ninetyOne.client);
        assert.ok(late, 'verified 91 days ago: on the worklist');
        assert.deepEqual(moreLate, []);
        assert.equal(late.rule, 'eligibility_check');
        assert.equal(late.record_id, ninetyOne.cov.id);
        assert.equal(late.overdue, true);
        sameInstant(late.due_at, midnight(day(-91), 90));

        assert.deepEqual(await benefitItems(seventy.client), [], 'verified 70 days ago: due in 20 days, not shown yet');

        // Overdue items come first on the worklist.
        const { items } = await cy.worklist('cm');
        const at = (cov) => items.findIndex((i) => i.record_id === cov.id);
        assert.ok(at(ninetyOne.cov) >= 0 && at(ninetyOne.cov) < at(eighty.cov), 'the overdue check before the one still due');

        // Verifying again clears it; an inactive coverage has no check.
        const again = await cm().patch(`/api/v1/coverages/${ninetyOne.cov.id}`, { verified_on: day(0) },
          { ifMatch: ninetyOne.cov.version });
        assertStatus(again, 200);
        assert.deepEqual(await benefitItems(ninetyOne.client), [], 'verified today: not due for 90 days');
        const off = await cm().patch(`/api/v1/coverages/${eighty.cov.id}`, { active: false }, { ifMatch: eighty.cov.version });
        assertStatus(off, 200);
        assert.deepEqual(await benefitItems(eighty.client), [], 'an inactive coverage is not checked');
      });

      it('the program\'s eligibility_days decides when the check falls due', async () => {
        const monthly = await cy.newProgram('Monthly Redetermination', { clock_rules: { eligibility_days: 30 } });
        const { client, theCase } = await cy.newCase({ program: monthly });
        const cov = await coverage(client, { verified_on: day(-20) });
        const [item, ...more] = await benefitItems(client);
        assert.ok(item, 'verified 20 days ago, checked every 30 days: due in 10 days');
        assert.deepEqual(more, []);
        assert.equal(item.record_id, cov.id);
        assert.equal(item.case_id, theCase.id);
        assert.equal(item.overdue, false);
        sameInstant(item.due_at, midnight(day(-20), 30));
        // The same verification under the default 90 days is not on the list.
        const { client: other } = await cy.newCase({ program });
        await coverage(other, { verified_on: day(-20) });
        assert.deepEqual(await benefitItems(other), []);
      });

      it('an authorization running low, or ending within 14 days, is an authorization_renewal item due at the end of valid_to', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const cov = await coverage(client, { verified_on: day(0) });
        const plenty = await authorization(client, cov, { service: 'Adult day care', units_approved: 100, units_used: 50,
          valid_to: day(120) });
        const low = await authorization(client, cov, { service: 'Personal care', units_approved: 100, units_used: 90,
          valid_to: day(120) });
        const ending = await authorization(client, cov, { service: 'Respite', units_approved: 40, units_used: 0,
          valid_to: day(10) });
        const later = await authorization(client, cov, { service: 'Home-delivered meals', units_approved: 60, units_used: 0,
          valid_to: day(20) });

        const items = await benefitItems(client);
        assert.deepEqual(items.map((i) => i.rule), ['authorization_renewal', 'authorization_renewal'],
          'the low one and the one ending soon; no eligibility check (verified today)');
        const byRecord = Object.fromEntries(items.map((i) => [i.record_id, i]));
        assert.deepEqual(Object.keys(byRecord).sort(), [low.id, ending.id].sort());
        for (const [a, what] of [[low, 'low'], [ending, 'ending']]) {
          const i = byRecord[a.id];
          assert.equal(i.kind, 'clock', what);
          assert.equal(i.case_id, theCase.id, what);
          assert.equal(i.overdue, false, what);
          sameInstant(i.due_at, midnight(a.valid_to, 1), `${what}: due at the end of valid_to`);
        }
        assert.ok(!byRecord[plenty.id] && !byRecord[later.id], 'neither low nor ending within 14 days: no item');

        // Using units until they run low puts it on the list.
        const used = await use(plenty, 40);
        assertStatus(used, 200);
        assert.equal(used.body.units_low, true);
        const now = await benefitItems(client);
        assert.ok(now.some((i) => i.record_id === plenty.id && i.rule === 'authorization_renewal'));
        assert.equal(now.length, 3);
      });

      it('a client with two open cases has one entry per coverage check and per authorization', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const second = await cy.newCase({ program: program2, client });
        const cov = await coverage(client, { verified_on: day(-85) });
        const auth = await authorization(client, cov, { units_approved: 10, units_used: 9 });
        const items = await benefitItems(client);
        assert.deepEqual(items.map((i) => [i.rule, i.record_id]).sort(),
          [['authorization_renewal', auth.id], ['eligibility_check', cov.id]].sort(), 'one entry each');
        for (const i of items) assert.ok([theCase.id, second.theCase.id].includes(i.case_id), 'on one of the client\'s cases');
        // The supervisor's team view shows them once too.
        const res = await ctx.as('supervisor').get('/api/v1/worklist/team');
        assertStatus(res, 200);
        const team = res.body.items.filter((i) => i.client_id === client.id
          && ['eligibility_check', 'authorization_renewal'].includes(i.rule));
        assert.equal(team.length, 2);
      });

      it('a closed case carries no coverage items', async () => {
        const { client, theCase } = await cy.newCase({ program, status: 'referred' });
        const cov = await coverage(client, { verified_on: day(-95) });
        assert.equal((await benefitItems(client)).length, 1);
        assertStatus(await cm().post(`/api/v1/cases/${theCase.id}/transitions`, { to: 'closed', reason: 'Moved away' },
          { ifMatch: theCase.version }), 200);
        assert.deepEqual(await benefitItems(client), []);
        assert.equal((await allItems(cm(), `/api/v1/clients/${client.id}/coverages`))[0].id, cov.id, 'the coverage stays');
      });
    });

    describe('access', () => {
      const fx = {};

      before(async () => {
        const { client } = await cy.newCase({ program });
        fx.client = client;
        fx.coverage = await coverage(client);
        fx.authorization = await authorization(client, fx.coverage);
        fx.advocacy = await advocacy(client);
      });

      async function snapshot() {
        const c = fx.client.id;
        return {
          coverages: await allItems(cm(), `/api/v1/clients/${c}/coverages`),
          authorizations: await allItems(cm(), `/api/v1/clients/${c}/authorizations`),
          advocacy: await allItems(cm(), `/api/v1/clients/${c}/advocacy`),
        };
      }

      function endpoints() {
        const c = fx.client.id;
        return [
          ['GET /clients/{id}/coverages', 'GET', `/api/v1/clients/${c}/coverages`],
          ['POST /clients/{id}/coverages', 'POST', `/api/v1/clients/${c}/coverages`,
            { payer_kind: 'private', payer_name: 'Snoop Insurance' }],
          ['PATCH /coverages/{id}', 'PATCH', `/api/v1/coverages/${fx.coverage.id}`, { active: false }, fx.coverage.version],
          ['GET /clients/{id}/authorizations', 'GET', `/api/v1/clients/${c}/authorizations`],
          ['POST /clients/{id}/authorizations', 'POST', `/api/v1/clients/${c}/authorizations`,
            { coverage_id: fx.coverage.id, service: 'Snoop', units_approved: 5, valid_from: day(-1), valid_to: day(5) }],
          ['POST /authorizations/{id}/usage', 'POST', `/api/v1/authorizations/${fx.authorization.id}/usage`, { units: 5 },
            fx.authorization.version],
          ['GET /clients/{id}/advocacy', 'GET', `/api/v1/clients/${c}/advocacy`],
          ['POST /clients/{id}/advocacy', 'POST', `/api/v1/clients/${c}/advocacy`,
            { kind: 'other', description: 'Snoop' }],
          ['PATCH /advocacy/{id}', 'PATCH', `/api/v1/advocacy/${fx.advocacy.id}`, { status: 'withdrawn' }, fx.advocacy.version],
        ];
      }

      const EXPECTED = {
        anonymous: 401,
        badToken: 401,
        cm2: 403, // a case manager who does not work with the client
        admin: 403,
        auditor: 403,
        director: 403, // never writes; reads only through break-the-glass
        otherCm: 404, // another organization's client and records
      };


      it('refuses every caller outside the record (401 / 403 / 404 with its error code), and nothing changes', async () => {
        const before_ = await snapshot();
        const { wrong, cells } = await askEveryCaller(ctx, EXPECTED, endpoints(), { undisclosed: fx.client.family_name });
        assert.equal(cells, 63);
        assert.deepEqual(await snapshot(), before_, 'no refused request changed anything');
        assert.deepEqual(wrong, [], `${wrong.length} of ${cells} cells answered wrongly`);
      });

      it('a case manager outside the client is told the client is not theirs', async () => {
        const res = await ctx.as('cm2').get(`/api/v1/clients/${fx.client.id}/coverages`);
        assertError(res, 403, 'permission_denied');
        assert.equal(res.body.error.message, 'this client is not on your caseload or care team');
        assert.equal(res.text.includes(fx.coverage.member_id), false);
      });

      it('another organization\'s coverage and authorization ids answer exactly like unknown ids', async () => {
        for (const [theirs, unknown, body] of [
          [`/api/v1/coverages/${fx.coverage.id}`, '/api/v1/coverages/cv_doesnotexist0000', { active: false }],
          [`/api/v1/advocacy/${fx.advocacy.id}`, '/api/v1/advocacy/ad_doesnotexist0000', { status: 'withdrawn' }],
        ]) {
          const a = await ctx.as('otherCm').patch(theirs, body, { ifMatch: 1 });
          const b = await ctx.as('otherCm').patch(unknown, body, { ifMatch: 1 });
          assertError(a, 404, 'not_found');
          assertError(b, 404, 'not_found');
          assert.equal(a.body.error.message, b.body.error.message);
        }
        const a = await ctx.as('otherCm').post(`/api/v1/authorizations/${fx.authorization.id}/usage`, { units: 1 }, { ifMatch: 1 });
        const b = await ctx.as('otherCm').post('/api/v1/authorizations/au_doesnotexist0000/usage', { units: 1 }, { ifMatch: 1 });
        assertError(a, 404, 'not_found');
        assertError(b, 404, 'not_found');
        assert.equal(a.body.error.message, b.body.error.message);
      });

      it('the case manager\'s supervisor reads and writes (the table is not refusing everyone)', async () => {
        const sup = ctx.as('supervisor');
        assertStatus(await sup.get(`/api/v1/clients/${fx.client.id}/coverages`), 200);
        const c = await coverage(fx.client, { payer_kind: 'grant', payer_name: 'Older Americans Act' }, 'supervisor');
        const a = await authorization(fx.client, c, { units_approved: 8 }, 'supervisor');
        assert.equal(a.units_left, 8);
        await advocacy(fx.client, { kind: 'aid_application', description: 'LIHEAP' }, 'supervisor');
        assertStatus(await sup.get(`/api/v1/clients/${fx.client.id}/advocacy`), 200);
      });
    });
  });
}
