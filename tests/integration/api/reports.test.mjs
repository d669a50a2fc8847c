// Reports and dashboards (docs/api.md, "Reports and dashboards"): figures by program, team, case
// manager and period, computed from a small data set built through the API whose every figure is
// known; who may read them and over whom (administrators 403; a case manager their own cases; a
// supervisor their team; directors and auditors the organization; 422 naming the parameter for a
// scope that is not theirs); the drill-down (names only for clients the caller may open, withheld
// rows for directors, consent-restricted cases only counted); trends; exports (CSV, XLSX, PDF);
// bad input (nothing recorded); the audit trail; and the `cost` of visits and referrals out.
//
// The data set (two programs, times relative to T0, the moment the fixture starts):
//
//   Team of `supervisor`, program A
//     cm   K1  (client risk high, active): note on time (service T0-2h), note late (service T0-30h);
//              visit attended (cost 125.50), visit no-show; incident submitted on time; referral out
//              (cost 80.25) sent, followed up, accepted and completed
//          KR1 (referral R1 received T0-10h, first contact T0-8h: 2 h, on time), at `referred`
//          KR2 (referral R2 received T0-100h, first contact T0-4h: 96 h, late), at `referred`
//          K5  (active, restricted by consent: only cm is named)
//     cm2  K3  (risk moderate) discharged home now; check-in satisfaction 4
//          K4  (risk moderate, active): note on time; visit attended (cost 40.25); a care plan with
//              two goals due today (one achieved, one not) and one due in 2030
//   Team of `supervisor2`, program B
//     cm3  K6  (risk low, active): note on time; an unsigned note 30 h after service (late), an
//              unsigned note 1 h after service (not yet due: left out); visit no-show; incident
//              submitted 6 h after it occurred (late)
//          K7  discharged to rehabilitation 24 h ago, readmitted 2 h ago; check-in satisfaction 2
//          KR3 (referral R3 received T0-80h, no first contact: missed), at `referred`
//          KR4 (referral R4 received T0-1h, no first contact: not yet due, left out), at `referred`
//
// The period is the custom week `<today-5>..<today+1>` (7 days, so per-week figures are counts):
// it holds every record whatever the day of the month the suite runs on; the month trend is
// compared with the month's own figures.

import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { describe, it, before } from 'node:test';
import { assertError, assertStatus, backends, listAll, useSuite } from './harness.mjs';
import { DAY, HOUR, allItems, askEveryCaller, cycle, dischargeBody, iso, sameInstant } from './cycle.mjs';

const USERS = ['cm', 'cm2', 'cm3', 'nurse', 'supervisor', 'supervisor2', 'director', 'admin', 'auditor', 'otherAdmin'];

/** The metrics of the contract, in its order, with their units. */
const METRIC_UNITS = {
  caseload: 'cases',
  acuity_weighted_caseload: 'points',
  new_referrals_per_week: 'per week',
  time_to_service_median: 'hours',
  time_to_service_p90: 'hours',
  first_contact_on_time: '%',
  referral_follow_ups_on_time: '%',
  notes_on_time: '%',
  incidents_on_time: '%',
  plan_reviews_on_time: '%',
  goal_completion: '%',
  readmissions_30_day: '%',
  discharges: 'discharges',
  no_show_rate: '%',
  satisfaction: '1-5',
  services_per_case: 'services',
  cost_per_case: 'dollars',
  audit_readiness: '%',
};
const METRICS = Object.keys(METRIC_UNITS);

/** A figure asserted whole: value (rounded to 2 decimals), numerator, denominator. */
const R = (value, numerator, denominator) => ({ value, numerator, denominator });
const NONE = R(null, 0, 0);

// Expected figures. A number or null alone: only `value` is asserted (counts, medians).
const EXPECTED = {
  cm: {
    caseload: 4, acuity_weighted_caseload: 6, new_referrals_per_week: 2, time_to_service_median: 49,
    time_to_service_p90: 96, first_contact_on_time: R(50, 1, 2), referral_follow_ups_on_time: R(100, 1, 1),
    notes_on_time: R(50, 1, 2), incidents_on_time: R(100, 1, 1), plan_reviews_on_time: NONE, goal_completion: NONE,
    readmissions_30_day: NONE, discharges: 0, no_show_rate: R(50, 1, 2), satisfaction: NONE,
    services_per_case: R(2, 2, 1), cost_per_case: R(205.75, 205.75, 1), audit_readiness: R(87.5, 7, 8),
  },
  cm2: {
    caseload: 1, acuity_weighted_caseload: 2, new_referrals_per_week: 0, time_to_service_median: null,
    time_to_service_p90: null, first_contact_on_time: NONE, referral_follow_ups_on_time: NONE,
    notes_on_time: R(100, 1, 1), incidents_on_time: NONE, plan_reviews_on_time: NONE, goal_completion: R(50, 1, 2),
    readmissions_30_day: R(0, 0, 1), discharges: 1, no_show_rate: R(0, 0, 1), satisfaction: R(4, 4, 1),
    services_per_case: R(1, 1, 1), cost_per_case: R(40.25, 40.25, 1), audit_readiness: R(100, 4, 4),
  },
  cm3: {
    caseload: 3, acuity_weighted_caseload: 3, new_referrals_per_week: 2, time_to_service_median: null,
    time_to_service_p90: null, first_contact_on_time: R(0, 0, 1), referral_follow_ups_on_time: NONE,
    notes_on_time: R(50, 1, 2), incidents_on_time: R(0, 0, 1), plan_reviews_on_time: NONE, goal_completion: NONE,
    readmissions_30_day: R(100, 1, 1), discharges: 1, no_show_rate: R(100, 1, 1), satisfaction: R(2, 2, 1),
    services_per_case: NONE, cost_per_case: NONE, audit_readiness: R(87.5, 7, 8),
  },
  team: { // supervisor's team: cm + cm2
    caseload: 5, acuity_weighted_caseload: 8, new_referrals_per_week: 2, time_to_service_median: 49,
    time_to_service_p90: 96, first_contact_on_time: R(50, 1, 2), referral_follow_ups_on_time: R(100, 1, 1),
    notes_on_time: R(66.67, 2, 3), incidents_on_time: R(100, 1, 1), plan_reviews_on_time: NONE,
    goal_completion: R(50, 1, 2), readmissions_30_day: R(0, 0, 1), discharges: 1, no_show_rate: R(33.33, 1, 3),
    satisfaction: R(4, 4, 1), services_per_case: R(1.5, 3, 2), cost_per_case: R(123, 246, 2),
    audit_readiness: R(91.67, 11, 12),
  },
  organization: {
    caseload: 8, acuity_weighted_caseload: 11, new_referrals_per_week: 4, time_to_service_median: 49,
    time_to_service_p90: 96, first_contact_on_time: R(33.33, 1, 3), referral_follow_ups_on_time: R(100, 1, 1),
    notes_on_time: R(60, 3, 5), incidents_on_time: R(50, 1, 2), plan_reviews_on_time: NONE,
    goal_completion: R(50, 1, 2), readmissions_30_day: R(50, 1, 2), discharges: 2, no_show_rate: R(50, 2, 4),
    satisfaction: R(3, 6, 2), services_per_case: R(1.5, 3, 2), cost_per_case: R(123, 246, 2),
    audit_readiness: R(90, 18, 20),
  },
  nothing: {
    caseload: 0, acuity_weighted_caseload: 0, new_referrals_per_week: 0, time_to_service_median: null,
    time_to_service_p90: null, first_contact_on_time: NONE, referral_follow_ups_on_time: NONE, notes_on_time: NONE,
    incidents_on_time: NONE, plan_reviews_on_time: NONE, goal_completion: NONE, readmissions_30_day: NONE,
    discharges: 0, no_show_rate: NONE, satisfaction: NONE, services_per_case: NONE, cost_per_case: NONE,
    audit_readiness: NONE,
  },
};

/** Asserts a `total` (or a person's `figures`) holds every metric, each as expected. */
function assertFigures(actual, expected, what) {
  assert.deepEqual(Object.keys(actual).sort(), [...METRICS].sort(), `${what}: every metric is reported`);
  for (const metric of METRICS) {
    const want = expected[metric];
    const got = actual[metric];
    assert.ok(got && typeof got === 'object', `${what}.${metric} is an object: ${JSON.stringify(got)}`);
    if (want !== null && typeof want === 'object') {
      assert.deepEqual({ value: got.value, numerator: got.numerator, denominator: got.denominator }, want,
        `${what}.${metric}: ${JSON.stringify(got)}`);
    } else {
      assert.equal(got.value, want, `${what}.${metric}.value: ${JSON.stringify(got)}`);
    }
  }
}

/** The entries of a ZIP archive (an XLSX) by name, inflated. */
function unzip(buffer) {
  let end = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) { end = i; break; }
  }
  assert.ok(end >= 0, 'the ZIP archive has an end of central directory');
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  const entries = {};
  for (let n = 0; n < count; n++) {
    assert.equal(buffer.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(start, start + size);
    entries[name] = (method === 0 ? data : zlib.inflateRawSync(data)).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: USERS });
    const cy = cycle(ctx);
    const fx = {};
    let T0 = 0;
    let PERIOD = '';

    /** The UTC date `n` days from T0's day. */
    const day = (n) => new Date(T0 + n * DAY).toISOString().slice(0, 10);
    /** The instant `h` hours before T0. */
    const hoursAgo = (h) => iso(T0 - h * HOUR);

    async function created(res, status = 201) {
      assertStatus(res, status);
      return res.body;
    }

    /** A query string: `period` defaults to the suite's period; undefined values are left out. */
    function query(params = {}) {
      const all = { period: PERIOD, ...params };
      const search = new URLSearchParams();
      for (const [k, v] of Object.entries(all)) if (v !== undefined) search.append(k, v);
      return search.toString();
    }

    async function figures(as, params = {}) {
      const res = await ctx.as(as).get(`/api/v1/reports/figures?${query(params)}`);
      assertStatus(res, 200);
      return res.body;
    }

    async function drill(as, params) {
      const res = await ctx.as(as).get(`/api/v1/reports/cases?${query(params)}`);
      assertStatus(res, 200);
      assert.ok(Array.isArray(res.body.cases), 'cases is an array');
      return res.body;
    }

    /** GET with the user's token, the body as bytes. */
    async function download(as, urlPath) {
      const res = await fetch(ctx.base + urlPath, {
        headers: { authorization: `Bearer ${ctx.users[as].token}` },
        signal: AbortSignal.timeout(30_000),
      });
      const body = Buffer.from(await res.arrayBuffer());
      return { status: res.status, headers: res.headers, body, text: body.toString('utf8') };
    }

    /** The audit events of `action` by user `as` (read by the auditor). */
    async function auditOf(action, as) {
      return listAll(ctx.as('auditor'),
        `/api/v1/audit?action=${encodeURIComponent(action)}&user_id=${encodeURIComponent(ctx.users[as].id)}`);
    }

    /** How many report.* events `as` has in the audit trail, by action. */
    async function reportEventCounts(as) {
      const counts = {};
      for (const action of ['report.read', 'report.cases', 'report.export']) counts[action] = (await auditOf(action, as)).length;
      return counts;
    }

    const clientName = (client) => `${client.family_name}, ${client.given_name}`;
    const allClients = () => [fx.c1, fx.cr1, fx.cr2, fx.c3, fx.c4, fx.c5, fx.c6, fx.c7, fx.cr3, fx.cr4];

    before(async () => {
      T0 = Math.floor(Date.now() / 1000) * 1000;
      PERIOD = `${day(-5)}..${day(1)}`;
      await cy.supervise('cm', 'supervisor');
      await cy.supervise('cm2', 'supervisor');
      await cy.supervise('cm3', 'supervisor2');
      fx.programA = await cy.newProgram('Care Coordination');
      fx.programB = await cy.newProgram('Care Transitions');
      const A = fx.programA;
      const B = fx.programB;

      // cm, K1: notes, visits, an incident, a referral out.
      ({ client: fx.c1, theCase: fx.k1 } = await cy.newCase({ as: 'cm', program: A, risk: 'high' }));
      const k1 = fx.k1.id;
      fx.noteOnTime = await created(await ctx.as('cm').post(`/api/v1/cases/${k1}/notes`,
        { contact_type: 'phone', service_at: hoursAgo(2), body: 'Called about her medications.', sign: true }));
      assert.equal(fx.noteOnTime.late, false);
      fx.noteLate = await created(await ctx.as('cm').post(`/api/v1/cases/${k1}/notes`,
        { contact_type: 'home_visit', service_at: hoursAgo(30), body: 'Home visit; kitchen safety.', sign: true }));
      assert.equal(fx.noteLate.late, true);
      const attended = await created(await ctx.as('cm').post(`/api/v1/cases/${k1}/appointments`,
        { kind: 'home_visit', starts_at: hoursAgo(3), ends_at: hoursAgo(2), cost: 125.5 }));
      assert.equal(attended.cost, 125.5, 'a valid cost is shown back');
      assertStatus(await ctx.as('cm').post(`/api/v1/appointments/${attended.id}/outcome`, { status: 'attended' },
        { ifMatch: attended.version }), 200);
      const missed = await created(await ctx.as('cm').post(`/api/v1/cases/${k1}/appointments`,
        { kind: 'office', starts_at: hoursAgo(6), ends_at: hoursAgo(5) }));
      assert.equal(missed.cost, null, 'no cost recorded is null');
      assertStatus(await ctx.as('cm').post(`/api/v1/appointments/${missed.id}/outcome`, { status: 'no_show' },
        { ifMatch: missed.version }), 200);
      const incident = await created(await ctx.as('cm').post(`/api/v1/cases/${k1}/incidents`, {
        occurred_at: hoursAgo(2), type: 'fall', severity: 'low', description: 'Slipped in the hallway.',
        actions: 'Checked her; no injury.', submit: true,
      }));
      assert.equal(incident.late, false);
      let ro = await created(await ctx.as('cm').post(`/api/v1/cases/${k1}/referrals-out`,
        { provider_name: 'Springfield Home Health', service: 'Home health aide', reason: 'Bathing', cost: 80.25 }));
      assert.equal(ro.cost, 80.25);
      for (const [action, body] of [['send', {}], ['follow-up', { note: 'Called the provider.' }],
        ['response', { accepted: true }], ['complete', { outcome: 'Aide started Monday.' }]]) {
        ro = await created(await ctx.as('cm').post(`/api/v1/referrals-out/${ro.id}/${action}`, body, { ifMatch: ro.version }), 200);
      }
      assert.equal(ro.status, 'completed');

      // A referral of a new client of `as`, assigned to them, contacted `contactedHoursAgo` (or not).
      const referral = async ({ as, program, supervisor, receivedHoursAgo, contactedHoursAgo = null }) => {
        const client = await cy.newClient(as);
        const r = await cy.newReferral({ as, client, program, received_at: hoursAgo(receivedHoursAgo) });
        let assigned = await cy.assignReferral(r, as, supervisor);
        assert.ok(assigned.case_id, 'the assigned referral has a case');
        if (contactedHoursAgo !== null) {
          assigned = await created(await ctx.as(as).post(`/api/v1/referrals/${r.id}/first-contact`,
            { contacted_at: hoursAgo(contactedHoursAgo), method: 'phone' }, { ifMatch: assigned.version }), 200);
        }
        return { client, referral: assigned };
      };
      // cm: two referrals, one contacted in 2 h, one in 96 h.
      const cmReferral = { as: 'cm', program: A, supervisor: 'supervisor' };
      ({ client: fx.cr1, referral: fx.r1 } = await referral({ ...cmReferral, receivedHoursAgo: 10, contactedHoursAgo: 8 }));
      ({ client: fx.cr2, referral: fx.r2 } = await referral({ ...cmReferral, receivedHoursAgo: 100, contactedHoursAgo: 4 }));

      // cm, K5: restricted by consent (only cm is named).
      ({ client: fx.c5, theCase: fx.k5 } = await cy.newCase({ as: 'cm', program: A }));
      assertStatus(await ctx.as('cm').post(`/api/v1/clients/${fx.c5.id}/consents`,
        { grantee_user_id: ctx.users.cm.id, purpose: 'Substance use treatment coordination' }), 201);
      fx.k5 = await created(await ctx.as('cm').post(`/api/v1/cases/${fx.k5.id}/restriction`, { restricted: true },
        { ifMatch: fx.k5.version }), 200);
      assert.equal(fx.k5.restricted, true);

      // cm2, K3: discharged home, check-in 4.
      ({ client: fx.c3, theCase: fx.k3 } = await cy.newCase({ as: 'cm2', program: A, risk: 'moderate' }));
      let d3 = await created(await ctx.as('cm2').post(`/api/v1/cases/${fx.k3.id}/discharge`,
        dischargeBody({ destination: 'home' }), { ifMatch: fx.k3.version }));
      d3 = await created(await ctx.as('cm2').post(`/api/v1/discharges/${d3.id}/check-in`,
        { health_status_changed: false, satisfaction: 4 }, { ifMatch: d3.version }), 200);
      assert.equal(d3.check_in.satisfaction, 4);

      // cm2, K4: a note, an attended visit, a care plan with goals due today.
      ({ client: fx.c4, theCase: fx.k4 } = await cy.newCase({ as: 'cm2', program: A, risk: 'moderate' }));
      const k4 = fx.k4.id;
      await created(await ctx.as('cm2').post(`/api/v1/cases/${k4}/notes`,
        { contact_type: 'office', service_at: hoursAgo(5), body: 'Office visit.', sign: true }));
      const visit = await created(await ctx.as('cm2').post(`/api/v1/cases/${k4}/appointments`,
        { kind: 'office', starts_at: hoursAgo(3), ends_at: hoursAgo(2), cost: 40.25 }));
      assertStatus(await ctx.as('cm2').post(`/api/v1/appointments/${visit.id}/outcome`, { status: 'attended' },
        { ifMatch: visit.version }), 200);
      const goal = (id, dueDate, status, percent) => ({
        id, need_id: 'n1', description: `Goal ${id}`, measure: 'Rent paid by the 5th', baseline: 'Behind',
        target: 'Current', due_date: dueDate, responsible_kind: 'client', responsible_name: 'Maria', status,
        percent_achieved: percent,
      });
      await created(await ctx.as('cm2').request('PUT', `/api/v1/cases/${k4}/care-plan`, { json: {
        needs: [{ id: 'n1', category: 'housing', description: 'Behind on rent', status: 'active' }],
        goals: [goal('g1', day(0), 'achieved', 100), goal('g2', day(0), 'not_achieved', 40),
          goal('g3', '2030-06-30', 'in_progress', 10)],
        interventions: [{ id: 'i1', goal_id: 'g1', kind: 'coordination', description: 'Rental assistance' }],
      } }));

      // cm3 (supervisor2's team), program B: K6 with a note and a no-show; K7 discharged and readmitted.
      ({ client: fx.c6, theCase: fx.k6 } = await cy.newCase({ as: 'cm3', program: B, risk: 'low' }));
      await created(await ctx.as('cm3').post(`/api/v1/cases/${fx.k6.id}/notes`,
        { contact_type: 'phone', service_at: hoursAgo(3), body: 'Phone check.', sign: true }));
      const noShow = await created(await ctx.as('cm3').post(`/api/v1/cases/${fx.k6.id}/appointments`,
        { kind: 'home_visit', starts_at: hoursAgo(3), ends_at: hoursAgo(2) }));
      assertStatus(await ctx.as('cm3').post(`/api/v1/appointments/${noShow.id}/outcome`, { status: 'no_show' },
        { ifMatch: noShow.version }), 200);
      // Unsigned notes: one past the 24 h limit (late), one not yet due (left out).
      for (const h of [30, 1]) {
        const draft = await created(await ctx.as('cm3').post(`/api/v1/cases/${fx.k6.id}/notes`,
          { contact_type: 'phone', service_at: hoursAgo(h), body: 'Not signed yet.' }));
        assert.equal(draft.status, 'draft');
      }
      const lateIncident = await created(await ctx.as('cm3').post(`/api/v1/cases/${fx.k6.id}/incidents`, {
        occurred_at: hoursAgo(6), type: 'behavioral', severity: 'moderate', description: 'Agitated at the day centre.',
        actions: 'Talked him down; informed his daughter.', submit: true,
      }));
      assert.equal(lateIncident.late, true);
      // Referrals without a first contact: one past the 72 h limit (missed), one not yet due (left out).
      const cm3Referral = { as: 'cm3', program: B, supervisor: 'supervisor2' };
      ({ client: fx.cr3, referral: fx.r3 } = await referral({ ...cm3Referral, receivedHoursAgo: 80 }));
      ({ client: fx.cr4, referral: fx.r4 } = await referral({ ...cm3Referral, receivedHoursAgo: 1 }));
      ({ client: fx.c7, theCase: fx.k7 } = await cy.newCase({ as: 'cm3', program: B }));
      let d7 = await created(await ctx.as('cm3').post(`/api/v1/cases/${fx.k7.id}/discharge`,
        dischargeBody({ destination: 'rehabilitation', discharged_at: hoursAgo(24) }), { ifMatch: fx.k7.version }));
      d7 = await created(await ctx.as('cm3').post(`/api/v1/discharges/${d7.id}/readmissions`,
        { admitted_at: hoursAgo(2), facility: 'County General', reason: 'Pneumonia' }, { ifMatch: d7.version }));
      assert.equal(d7.readmissions[0].within_30_days, true);
      d7 = await created(await ctx.as('cm3').post(`/api/v1/discharges/${d7.id}/check-in`,
        { health_status_changed: true, satisfaction: 2 }, { ifMatch: d7.version }), 200);
      assert.equal(d7.check_in.satisfaction, 2);
    });

    describe('the metrics', () => {
      it('GET /reports/metrics lists every metric of the contract with its unit, and the five reports', async () => {
        const res = await ctx.as('director').get('/api/v1/reports/metrics');
        assertStatus(res, 200);
        assert.deepEqual(res.body.metrics.map((m) => m.name), METRICS);
        for (const m of res.body.metrics) {
          assert.equal(m.unit, METRIC_UNITS[m.name], `${m.name}.unit`);
          assert.equal(typeof m.label, 'string');
          assert.equal(typeof m.higher_is_better, 'boolean');
        }
        assert.deepEqual(res.body.reports.map((r) => r.name), ['monthly', 'caseload', 'timeliness', 'outcomes', 'documentation']);
        assert.deepEqual(res.body.reports.find((r) => r.name === 'monthly').metrics, METRICS);
      });
    });

    describe('figures', () => {
      it('the organization (director): every figure exact, the period described', async () => {
        const body = await figures('director');
        assert.deepEqual(Object.keys(body).sort(), ['by_case_manager', 'discharges_by_destination', 'period', 'scope', 'total']);
        assert.equal(body.period.label, PERIOD);
        assert.equal(body.period.kind, 'custom');
        sameInstant(body.period.from, `${day(-5)}T00:00:00Z`, 'period.from');
        sameInstant(body.period.to, `${day(2)}T00:00:00Z`, 'period.to (the last day included)');
        assert.deepEqual(body.scope, { program: null, team: null, case_manager: null });
        assertFigures(body.total, EXPECTED.organization, 'organization');
        assert.deepEqual(body.discharges_by_destination, { home: 1, rehabilitation: 1 });
      });

      it('by_case_manager: one row per case manager, with names, each with their own figures', async () => {
        const body = await figures('director');
        assert.deepEqual(body.by_case_manager.map((r) => [r.user_id, r.name]), [
          [ctx.users.cm2.id, 'Cameron Second'],
          [ctx.users.cm3.id, 'Carmen Third'],
          [ctx.users.cm.id, 'Casey Manager'],
        ]);
        const row = (key) => body.by_case_manager.find((r) => r.user_id === ctx.users[key].id).figures;
        assertFigures(row('cm'), EXPECTED.cm, 'cm');
        assertFigures(row('cm2'), EXPECTED.cm2, 'cm2');
        assertFigures(row('cm3'), EXPECTED.cm3, 'cm3');
      });

      it('the auditor sees the same organization as the director', async () => {
        const body = await figures('auditor');
        assertFigures(body.total, EXPECTED.organization, 'auditor');
        assert.equal(body.by_case_manager.length, 3);
        assert.deepEqual(body.discharges_by_destination, { home: 1, rehabilitation: 1 });
      });

      it('a period holding none of the data: rates, means and medians null, counts 0', async () => {
        const body = await figures('director', { period: '2025-01' });
        assertFigures(body.total, EXPECTED.nothing, 'January 2025');
        assert.deepEqual(body.by_case_manager, []);
        assert.deepEqual(body.discharges_by_destination, {});
      });
    });

    describe('scope', () => {
      it('program narrows to the program; the scope is echoed', async () => {
        const b = await figures('director', { program: fx.programB.id });
        assert.deepEqual(b.scope, { program: fx.programB.id, team: null, case_manager: null });
        assertFigures(b.total, EXPECTED.cm3, 'program B');
        assert.deepEqual(b.by_case_manager.map((r) => r.name), ['Carmen Third']);
        assert.deepEqual(b.discharges_by_destination, { rehabilitation: 1 });
        const a = await figures('director', { program: fx.programA.id });
        assertFigures(a.total, EXPECTED.team, 'program A');
        assert.deepEqual(a.discharges_by_destination, { home: 1 });
      });

      it('team narrows to the supervisor and the staff they supervise', async () => {
        const one = await figures('director', { team: ctx.users.supervisor.id });
        assert.deepEqual(one.scope, { program: null, team: ctx.users.supervisor.id, case_manager: null });
        assertFigures(one.total, EXPECTED.team, 'team of supervisor');
        assert.deepEqual(one.by_case_manager.map((r) => [r.user_id, r.name]),
          [[ctx.users.cm2.id, 'Cameron Second'], [ctx.users.cm.id, 'Casey Manager']]);
        assert.deepEqual(one.discharges_by_destination, { home: 1 });
        const two = await figures('director', { team: ctx.users.supervisor2.id });
        assertFigures(two.total, EXPECTED.cm3, 'team of supervisor2');
      });

      it('case_manager narrows to that case manager; the total is their row', async () => {
        const body = await figures('director', { case_manager: ctx.users.cm2.id });
        assertFigures(body.total, EXPECTED.cm2, 'case_manager cm2');
        assert.deepEqual(body.by_case_manager.map((r) => r.user_id), [ctx.users.cm2.id]);
        assert.deepEqual(body.by_case_manager[0].figures, body.total);
      });

      it('parameters combine with AND', async () => {
        assertFigures((await figures('director', { program: fx.programA.id, case_manager: ctx.users.cm.id })).total,
          EXPECTED.cm, 'program A and cm');
        assertFigures((await figures('director', { program: fx.programB.id, case_manager: ctx.users.cm.id })).total,
          EXPECTED.nothing, 'program B and cm');
        assertFigures((await figures('director', { program: fx.programA.id, team: ctx.users.supervisor2.id })).total,
          EXPECTED.nothing, 'program A and team of supervisor2');
      });

      it('an unknown program or user answers 404 naming the parameter', async () => {
        assertError(await ctx.as('director').get(`/api/v1/reports/figures?${query({ program: 'pr_nosuchprogram' })}`),
          404, 'not_found', 'program');
        assertError(await ctx.as('director').get(`/api/v1/reports/figures?${query({ case_manager: 'us_nosuchuser' })}`),
          404, 'not_found', 'case_manager');
        assertError(await ctx.as('director').get(`/api/v1/reports/figures?${query({ team: 'us_nosuchuser' })}`),
          404, 'not_found', 'team');
        // A team is named by its supervisor: a case manager's id is not a team.
        assertError(await ctx.as('director').get(`/api/v1/reports/figures?${query({ team: ctx.users.cm.id })}`),
          422, 'invalid_argument', 'team');
      });
    });

    describe('access', () => {
      it('administrators get 403 on every reports endpoint; no session gets 401', async () => {
        const q = query();
        const endpoints = [
          ['GET /reports/metrics', 'GET', '/api/v1/reports/metrics'],
          ['GET /reports/figures', 'GET', `/api/v1/reports/figures?${q}`],
          ['GET /reports/trend', 'GET', `/api/v1/reports/trend?${q}&count=2`],
          ['GET /reports/cases', 'GET', `/api/v1/reports/cases?${q}&metric=caseload`],
          ['GET /reports/export', 'GET', `/api/v1/reports/export?${q}&format=csv`],
        ];
        const { wrong, cells } = await askEveryCaller(ctx,
          { anonymous: 401, badToken: 401, admin: 403, otherAdmin: 403 }, endpoints);
        assert.equal(cells, 20);
        assert.deepEqual(wrong, []);
        assert.deepEqual(await reportEventCounts('admin'), { 'report.read': 0, 'report.cases': 0, 'report.export': 0 });
      });

      it('a case manager sees only their own cases: the total is their own row', async () => {
        for (const params of [{}, { case_manager: ctx.users.cm.id }, { program: fx.programA.id }]) {
          const body = await figures('cm', params);
          assertFigures(body.total, EXPECTED.cm, `cm ${JSON.stringify(params)}`);
          assert.deepEqual(body.by_case_manager.map((r) => [r.user_id, r.name]), [[ctx.users.cm.id, 'Casey Manager']]);
          assert.deepEqual(body.by_case_manager[0].figures, body.total);
          assert.deepEqual(body.discharges_by_destination, {});
        }
        assertFigures((await figures('cm2')).total, EXPECTED.cm2, 'cm2');
        const nurse = await figures('nurse');
        assertFigures(nurse.total, EXPECTED.nothing, 'a nurse case manager without cases');
        assert.deepEqual(nurse.by_case_manager, []);
      });

      it('a case manager asking for a team or another case manager gets 422 naming it, on every endpoint', async () => {
        const refusals = [
          [{ team: ctx.users.supervisor.id }, 'team'],
          [{ case_manager: ctx.users.cm2.id }, 'case_manager'],
        ];
        const before = await reportEventCounts('cm');
        for (const [params, field] of refusals) {
          for (const [path, extra] of [['figures', {}], ['trend', { count: '2' }], ['cases', { metric: 'caseload' }],
            ['export', { format: 'csv' }]]) {
            assertError(await ctx.as('cm').get(`/api/v1/reports/${path}?${query({ ...params, ...extra })}`),
              422, 'invalid_argument', field);
          }
        }
        assert.deepEqual(await reportEventCounts('cm'), before, 'a refused report is not recorded as read');
      });

      it('a supervisor sees their team without a team parameter; a program filter is narrowed to the team', async () => {
        const mine = await figures('supervisor');
        assertFigures(mine.total, EXPECTED.team, 'supervisor');
        assert.deepEqual(mine.by_case_manager.map((r) => r.name), ['Cameron Second', 'Casey Manager']);
        assert.deepEqual(mine.discharges_by_destination, { home: 1 });
        assertFigures((await figures('supervisor', { team: ctx.users.supervisor.id })).total, EXPECTED.team,
          'supervisor, own team named');
        assertFigures((await figures('supervisor', { case_manager: ctx.users.cm.id })).total, EXPECTED.cm,
          'supervisor, one of their staff');
        const other = await figures('supervisor', { program: fx.programB.id });
        assertFigures(other.total, EXPECTED.nothing, 'supervisor, program B (another team\'s program)');
        assert.deepEqual(other.by_case_manager, []);
        assertFigures((await figures('supervisor2')).total, EXPECTED.cm3, 'supervisor2');
      });

      it('a supervisor asking for another team or its staff gets 422 naming it', async () => {
        const before = await reportEventCounts('supervisor');
        assertError(await ctx.as('supervisor').get(`/api/v1/reports/figures?${query({ team: ctx.users.supervisor2.id })}`),
          422, 'invalid_argument', 'team');
        assertError(await ctx.as('supervisor').get(`/api/v1/reports/figures?${query({ case_manager: ctx.users.cm3.id })}`),
          422, 'invalid_argument', 'case_manager');
        assertError(await ctx.as('supervisor').get(
          `/api/v1/reports/cases?${query({ team: ctx.users.supervisor2.id, metric: 'caseload' })}`), 422, 'invalid_argument', 'team');
        assertError(await ctx.as('supervisor2').get(`/api/v1/reports/figures?${query({ team: ctx.users.supervisor.id })}`),
          422, 'invalid_argument', 'team');
        assert.deepEqual(await reportEventCounts('supervisor'), before);
      });
    });

    describe('drill-down', () => {
      it('notes_on_time missed: exactly the case with the late note; the supervisor sees the client name', async () => {
        const body = await drill('supervisor', { metric: 'notes_on_time', missed: 'true' });
        assert.equal(body.metric, 'notes_on_time');
        assert.equal(body.not_listed, 0);
        assert.equal(body.cases.length, 1, JSON.stringify(body.cases));
        const [row] = body.cases;
        assert.equal(row.case_id, fx.k1.id);
        assert.equal(row.client_id, fx.c1.id);
        assert.equal(row.client_name, clientName(fx.c1));
        assert.equal(row.withheld, false);
        assert.equal(row.program_id, fx.programA.id);
        assert.equal(row.case_manager_id, ctx.users.cm.id);
        assert.equal(row.case_manager_name, 'Casey Manager');
        assert.equal(row.value, 1, 'one note on time');
        assert.equal(row.weight, 2, 'of two');
        // Without missed, every case with notes in the team.
        const all = await drill('supervisor', { metric: 'notes_on_time' });
        assert.deepEqual(all.cases.map((r) => r.case_id).sort(), [fx.k1.id, fx.k4.id].sort());
        // The case manager of the late note sees it too; cm2 has none.
        assert.deepEqual((await drill('cm', { metric: 'notes_on_time', missed: 'true' })).cases.map((r) => r.client_name),
          [clientName(fx.c1)]);
        assert.deepEqual((await drill('cm2', { metric: 'notes_on_time', missed: 'true' })).cases, []);
      });

      it('a director sees case ids, never names: every row withheld', async () => {
        const body = await drill('director', { metric: 'notes_on_time', missed: 'true' });
        // Organization-wide: cm's late note, and cm3's unsigned note past its limit.
        assert.deepEqual(body.cases.map((r) => r.case_id).sort(), [fx.k1.id, fx.k6.id].sort(), JSON.stringify(body.cases));
        for (const row of body.cases) {
          assert.equal(row.withheld, true);
          assert.equal(row.client_name, null);
        }
        assert.deepEqual(body.cases.map((r) => [r.value, r.weight]), [[1, 2], [1, 2]]);
        const caseload = await drill('director', { metric: 'caseload' });
        for (const row of caseload.cases) {
          assert.equal(row.withheld, true);
          assert.equal(row.client_name, null);
        }
        for (const name of allClients().map((c) => c.family_name)) {
          assert.ok(!JSON.stringify(body).includes(name), `the director is not told ${name}`);
          assert.ok(!JSON.stringify(caseload).includes(name), `the director is not told ${name}`);
        }
        assert.deepEqual(caseload.cases.map((r) => r.case_id).sort(),
          [fx.k1.id, fx.r1.case_id, fx.r2.case_id, fx.k4.id, fx.k6.id, fx.r3.case_id, fx.r4.case_id].sort());
        assert.equal(caseload.not_listed, 1, 'the restricted case is counted, not listed');
      });

      it('a consent-restricted case is listed only to those a consent names, and counted in not_listed', async () => {
        const sup = await drill('supervisor', { metric: 'caseload' });
        assert.deepEqual(sup.cases.map((r) => r.case_id).sort(), [fx.k1.id, fx.r1.case_id, fx.r2.case_id, fx.k4.id].sort());
        assert.equal(sup.not_listed, 1);
        assert.ok(!JSON.stringify(sup).includes(fx.c5.family_name), 'the restricted case\'s client is not named');
        assert.ok(!JSON.stringify(sup).includes(fx.k5.id), 'nor is the restricted case');
        for (const row of sup.cases) {
          assert.equal(row.withheld, false);
          assert.equal(typeof row.client_name, 'string');
        }
        const own = await drill('cm', { metric: 'caseload' });
        assert.deepEqual(own.cases.map((r) => r.case_id).sort(), [fx.k1.id, fx.r1.case_id, fx.r2.case_id, fx.k5.id].sort());
        assert.equal(own.not_listed, 0);
        assert.equal(own.cases.find((r) => r.case_id === fx.k5.id).client_name, clientName(fx.c5));
      });

      it('a consent-restricted client is likewise only counted for those not named; the figures still count it', async () => {
        const current = await ctx.as('cm2').get(`/api/v1/clients/${fx.c4.id}`);
        assertStatus(current, 200);
        assertStatus(await ctx.as('cm2').post(`/api/v1/clients/${fx.c4.id}/consents`,
          { grantee_user_id: ctx.users.cm2.id, purpose: 'Substance use treatment coordination' }), 201);
        const restricted = await created(await ctx.as('cm2').post(`/api/v1/clients/${fx.c4.id}/restriction`,
          { restricted: true }, { ifMatch: current.body.version }), 200);
        try {
          const sup = await drill('supervisor', { metric: 'caseload' });
          assert.deepEqual(sup.cases.map((r) => r.case_id).sort(), [fx.k1.id, fx.r1.case_id, fx.r2.case_id].sort());
          assert.equal(sup.not_listed, 2, 'the restricted case and the restricted client');
          assert.ok(!JSON.stringify(sup).includes(fx.c4.family_name));
          const goals = await drill('supervisor', { metric: 'goal_completion' });
          assert.deepEqual(goals.cases, []);
          assert.equal(goals.not_listed, 1);
          const dir = await drill('director', { metric: 'goal_completion' });
          assert.deepEqual(dir.cases, []);
          assert.equal(dir.not_listed, 1);
          const own = await drill('cm2', { metric: 'goal_completion' });
          assert.deepEqual(own.cases.map((r) => [r.case_id, r.client_name]), [[fx.k4.id, clientName(fx.c4)]]);
          assert.equal(own.not_listed, 0);
          assertFigures((await figures('supervisor')).total, EXPECTED.team, 'the team\'s figures');
        } finally {
          assertStatus(await ctx.as('cm2').post(`/api/v1/clients/${fx.c4.id}/restriction`, { restricted: false },
            { ifMatch: restricted.version }), 200);
        }
      });

      it('a referral\'s figure names the referral: first_contact_on_time missed lists the late first contacts', async () => {
        const body = await drill('supervisor', { metric: 'first_contact_on_time', missed: 'true' });
        assert.deepEqual(body.cases.map((r) => [r.referral_id, r.case_id, r.client_name]),
          [[fx.r2.id, fx.r2.case_id, clientName(fx.cr2)]]);
        // supervisor2's team: the referral never contacted, past its limit; not the one still within it.
        const two = await drill('supervisor2', { metric: 'first_contact_on_time', missed: 'true' });
        assert.deepEqual(two.cases.map((r) => [r.referral_id, r.case_id, r.client_name]),
          [[fx.r3.id, fx.r3.case_id, clientName(fx.cr3)]]);
        const all = await drill('supervisor2', { metric: 'first_contact_on_time' });
        assert.deepEqual(all.cases.map((r) => r.referral_id), [fx.r3.id], 'a clock not yet due is left out');
      });

      it('bad metric, missed or limit answer 422 naming them; limit bounds the rows', async () => {
        const ask = (params) => ctx.as('supervisor').get(`/api/v1/reports/cases?${query(params)}`);
        assertError(await ask({ metric: 'happiness' }), 422, 'invalid_argument', 'metric');
        assertError(await ask({}), 422, 'invalid_argument', 'metric');
        for (const missed of ['yes', '1', '']) {
          assertError(await ask({ metric: 'notes_on_time', missed }), 422, 'invalid_argument', 'missed');
        }
        for (const limit of ['0', '-1', '5001', 'ten', '2.5', '']) {
          assertError(await ask({ metric: 'caseload', limit }), 422, 'invalid_argument', 'limit');
        }
        const two = await drill('director', { metric: 'caseload', limit: '2' });
        assert.equal(two.cases.length + two.not_listed, 2, JSON.stringify(two));
      });

      it('every drill-down is in the audit trail as report.cases', async () => {
        const events = await auditOf('report.cases', 'supervisor');
        assert.ok(events.length >= 1, 'the supervisor\'s drill-downs are recorded');
        assert.ok(events.every((e) => e.outcome === 'success' && e.resource_type === 'report'), JSON.stringify(events[0]));
        const notes = events.filter((e) => /metric=notes_on_time/.test(e.detail ?? ''));
        assert.ok(notes.length >= 2, `notes_on_time drill-downs recorded: ${JSON.stringify(events.map((e) => e.detail))}`);
        assert.ok(notes.every((e) => e.detail.includes(`period=${PERIOD}`)), 'with the period');
      });
    });

    describe('trend', () => {
      it('count=3 gives three periods oldest first; the last is the period\'s figures, the others empty', async () => {
        const res = await ctx.as('director').get(`/api/v1/reports/trend?${query({ count: '3', metrics: 'notes_on_time' })}`);
        assertStatus(res, 200);
        const { periods } = res.body;
        assert.deepEqual(periods.map((p) => p.label), [`${day(-19)}..${day(-13)}`, `${day(-12)}..${day(-6)}`, PERIOD]);
        for (let i = 1; i < periods.length; i++) sameInstant(periods[i].from, periods[i - 1].to, `periods[${i}].from`);
        for (const p of periods) assert.deepEqual(Object.keys(p.total), ['notes_on_time']);
        assert.deepEqual(periods[2].total.notes_on_time, EXPECTED.organization.notes_on_time);
        assert.deepEqual(periods[0].total.notes_on_time, { value: null, numerator: 0, denominator: 0 });
        assert.deepEqual(periods[1].total.notes_on_time, { value: null, numerator: 0, denominator: 0 });
        const cm = await ctx.as('cm').get(`/api/v1/reports/trend?${query({ count: '1', metrics: 'notes_on_time,no_show_rate' })}`);
        assertStatus(cm, 200);
        assert.deepEqual(cm.body.periods[0].total,
          { notes_on_time: EXPECTED.cm.notes_on_time, no_show_rate: EXPECTED.cm.no_show_rate });
      });

      it('months: the last of the trend equals the month\'s figures', async () => {
        const now = new Date(T0);
        const month = (back) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
        const res = await ctx.as('supervisor').get(`/api/v1/reports/trend?${query({ period: month(0), count: '3' })}`);
        assertStatus(res, 200);
        assert.deepEqual(res.body.periods.map((p) => p.label), [month(2), month(1), month(0)]);
        const fig = await figures('supervisor', { period: month(0) });
        assert.deepEqual(res.body.periods[2].total, fig.total);
        assert.equal(fig.period.kind, 'month');
        assert.ok(fig.total.caseload.value === 5, `the month holds the team's open cases: ${JSON.stringify(fig.total.caseload)}`);
      });

      it('bad count or an unknown metric answers 422 naming it', async () => {
        const ask = (params) => ctx.as('director').get(`/api/v1/reports/trend?${query(params)}`);
        for (const count of ['0', '25', 'x', '-3', '']) assertError(await ask({ count }), 422, 'invalid_argument', 'count');
        for (const metrics of ['happiness', 'notes_on_time,happiness', '', 'notes_on_time,']) {
          assertError(await ask({ metrics }), 422, 'invalid_argument', 'metrics');
        }
        assertError(await ask({ count: '2', team: ctx.users.supervisor.id, period: 'last month' }), 422, 'invalid_argument', 'period');
      });
    });

    describe('bad input', () => {
      it('a missing or bad period answers 422 naming period; an unknown parameter 400 naming it; nothing is recorded', async () => {
        const before = await reportEventCounts('director');
        const ask = (path, qs) => ctx.as('director').get(`/api/v1/reports/${path}?${qs}`);
        for (const path of ['figures', 'trend', 'cases?metric=caseload&', 'export?format=csv&']) {
          const [name, extra] = path.split('?');
          const prefix = extra ?? '';
          assertError(await ask(name, `${prefix}program=${fx.programA.id}`), 422, 'invalid_argument', 'period');
          for (const period of ['2026-13', '2026-00', '2026-Q5', '2026-W54', '26-10', '2026-10-15..2026-10-01',
            '2025-01-01..2026-12-31', 'October']) {
            assertError(await ask(name, `${prefix}period=${encodeURIComponent(period)}`), 422, 'invalid_argument', 'period');
          }
          // docs/api.md, Errors: an unknown query parameter is 400 malformed_request naming it.
          assertError(await ask(name, `${prefix}period=${encodeURIComponent(PERIOD)}&colour=blue`), 400,
            'malformed_request', 'colour');
        }
        assert.deepEqual(await reportEventCounts('director'), before, 'refused requests leave no report events');
      });

      it('the period forms of the contract are taken: month, quarter, ISO week, days', async () => {
        for (const [period, kind] of [['2026-10', 'month'], ['2026-Q3', 'quarter'], ['2026-W43', 'week'],
          ['2026-10-01..2026-10-15', 'custom']]) {
          const body = await figures('director', { period });
          assert.equal(body.period.label, period);
          assert.equal(body.period.kind, kind);
        }
        const week = await figures('director', { period: '2026-W43' });
        sameInstant(week.period.from, '2026-10-19T00:00:00Z', 'ISO week 43 of 2026 starts on Monday 19 October');
        sameInstant(week.period.to, '2026-10-26T00:00:00Z');
      });

      it('figures are recorded as report.read with the scope', async () => {
        await figures('director', { program: fx.programB.id });
        const events = await auditOf('report.read', 'director');
        const mine = events.filter((e) => (e.detail ?? '').includes(`program=${fx.programB.id}`));
        assert.ok(mine.length >= 1, JSON.stringify(events.map((e) => e.detail)));
        assert.ok(mine[0].detail.includes(`period=${PERIOD}`));
        assert.equal(mine[0].outcome, 'success');
      });
    });

    describe('exports', () => {
      const TYPES = {
        csv: /^text\/csv(;|$)/,
        xlsx: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet$/,
        pdf: /^application\/pdf$/,
      };

      it('csv, xlsx and pdf: content type, an attachment, the file\'s signature; recorded with the format', async () => {
        const before = await auditOf('report.export', 'supervisor');
        const reads = (await auditOf('report.read', 'supervisor')).length;
        for (const format of ['csv', 'xlsx', 'pdf']) {
          const res = await download('supervisor', `/api/v1/reports/export?${query({ report: 'monthly', format })}`);
          assert.equal(res.status, 200, `${format}: ${res.text.slice(0, 300)}`);
          assert.match(res.headers.get('content-type') ?? '', TYPES[format], `${format} content type`);
          assert.match(res.headers.get('content-disposition') ?? '', new RegExp(`^attachment;.*filename="[^"]+\\.${format}"`),
            `${format} Content-Disposition`);
          if (format === 'csv') assert.ok(res.text.startsWith('case_manager,'), res.text.slice(0, 100));
          if (format === 'xlsx') assert.equal(res.body.subarray(0, 2).toString('latin1'), 'PK');
          if (format === 'pdf') assert.equal(res.body.subarray(0, 5).toString('latin1'), '%PDF-');
        }
        const after = await auditOf('report.export', 'supervisor');
        assert.equal(after.length, before.length + 3, 'three exports recorded');
        const details = after.slice(0, 3).map((e) => e.detail).join(' | ');
        for (const format of ['csv', 'xlsx', 'pdf']) assert.match(details, new RegExp(`format=${format}\\b`), details);
        assert.equal((await auditOf('report.read', 'supervisor')).length, reads + 3, 'each export reads the figures');
      });

      it('the CSV of the caseload report: header, the total, then one row per case manager', async () => {
        const res = await download('supervisor', `/api/v1/reports/export?${query({ report: 'caseload', format: 'csv' })}`);
        assert.equal(res.status, 200, res.text);
        assert.equal(res.text, [
          'case_manager,caseload,acuity_weighted_caseload,new_referrals_per_week,discharges',
          'Total,5,8,2,1',
          'Cameron Second,1,2,0,1',
          'Casey Manager,4,6,2,0',
          '',
        ].join('\r\n'));
      });

      it('the XLSX cases sheet names clients only to those who may open them; never a restricted case', async () => {
        const sup = await download('supervisor', `/api/v1/reports/export?${query({ format: 'xlsx' })}`);
        assert.equal(sup.status, 200);
        const supText = Object.values(unzip(sup.body)).join('\n');
        assert.ok(supText.includes(fx.c1.family_name), 'the supervisor\'s export names the team\'s clients');
        assert.ok(!supText.includes(fx.c5.family_name), 'but not the client of the restricted case');
        assert.ok(!supText.includes(fx.k5.id), 'nor the restricted case');
        const dir = await download('director', `/api/v1/reports/export?${query({ format: 'xlsx' })}`);
        assert.equal(dir.status, 200);
        const dirText = Object.values(unzip(dir.body)).join('\n');
        assert.ok(dirText.includes(fx.k1.id), 'the director\'s export lists case ids');
        for (const c of allClients()) {
          assert.ok(!dirText.includes(c.family_name), `the director's export does not name ${c.family_name}`);
        }
      });

      it('a bad format or report answers 422 naming it; nothing is recorded', async () => {
        const before = await reportEventCounts('supervisor');
        const ask = (params) => ctx.as('supervisor').get(`/api/v1/reports/export?${query(params)}`);
        for (const format of ['doc', 'CSV', '']) assertError(await ask({ format }), 422, 'invalid_argument', 'format');
        assertError(await ask({}), 422, 'invalid_argument', 'format');
        for (const report of ['weekly', '']) assertError(await ask({ report, format: 'csv' }), 422, 'invalid_argument', 'report');
        assert.deepEqual(await reportEventCounts('supervisor'), before);
      });

      it('the case manager\'s export holds their own figures only', async () => {
        const res = await download('cm', `/api/v1/reports/export?${query({ report: 'caseload', format: 'csv' })}`);
        assert.equal(res.status, 200, res.text);
        assert.equal(res.text, [
          'case_manager,caseload,acuity_weighted_caseload,new_referrals_per_week,discharges',
          'Total,4,6,2,0',
          'Casey Manager,4,6,2,0',
          '',
        ].join('\r\n'));
      });
    });

    describe('cost of visits and referrals out', () => {
      const appointment = (cost) => ({ kind: 'office', starts_at: iso(Date.now() + 2 * DAY), ends_at: iso(Date.now() + 2 * DAY + HOUR), cost });
      const referralOut = (cost) => ({ provider_name: 'Meals on Wheels', service: 'Meals', reason: 'Cannot cook', cost });

      for (const [what, path, body, list] of [
        ['appointments', 'appointments', appointment, 'appointments'],
        ['referrals out', 'referrals-out', referralOut, 'referrals-out'],
      ]) {
        it(`${what}: cost -1 or 1.234 answers 422 naming cost, "12" 400 naming cost; nothing is made`, async () => {
          const url = `/api/v1/cases/${fx.k1.id}/${path}`;
          const listed = async () => allItems(ctx.as('cm'), `/api/v1/clients/${fx.c1.id}/${list}`);
          const before = await listed();
          assertError(await ctx.as('cm').post(url, body(-1)), 422, 'invalid_argument', 'cost');
          assertError(await ctx.as('cm').post(url, body(-0.01)), 422, 'invalid_argument', 'cost');
          assertError(await ctx.as('cm').post(url, body(1.234)), 422, 'invalid_argument', 'cost');
          // A field of the wrong JSON type is 400 malformed_request, as for every other field.
          assertError(await ctx.as('cm').post(url, body('12')), 400, 'malformed_request', 'cost');
          assertError(await ctx.as('cm').post(url, body(true)), 400, 'malformed_request', 'cost');
          assert.deepEqual(await listed(), before);
        });

        it(`${what}: a valid cost is shown back as cost (null when not recorded)`, async () => {
          const url = `/api/v1/cases/${fx.k1.id}/${path}`;
          const made = await created(await ctx.as('cm').post(url, body(19.99)));
          assert.equal(made.cost, 19.99);
          assert.equal((await created(await ctx.as('cm').post(url, body(0)))).cost, 0);
          assert.equal((await created(await ctx.as('cm').post(url, body(1250)))).cost, 1250);
          const none = body(undefined);
          delete none.cost;
          assert.equal((await created(await ctx.as('cm').post(url, none))).cost, null);
          const stored = (await allItems(ctx.as('cm'), `/api/v1/clients/${fx.c1.id}/${list}`)).find((x) => x.id === made.id);
          assert.equal(stored.cost, 19.99, 'read back with its cost');
        });
      }

      it('scheduled visits and draft referrals out change no figure', async () => {
        assertFigures((await figures('director')).total, EXPECTED.organization, 'organization after the cost tests');
      });
    });
  });
}
