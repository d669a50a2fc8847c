// Safety, discharge and closure: incidents (drafted, then submitted within 4 hours of occurring or
// flagged late; a submitted one makes a plan review due), plan reviews, the client's safety plan
// (versioned with If-Match), discharge (from active or on_hold only) with its post-discharge check-in
// task, the check-in (once, satisfaction 1–5), readmissions (within 30 days or not), and closure,
// which needs an outcome and is refused while required items are open, listing them.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { assertError, assertStatus, backends, useSuite } from './harness.mjs';
import {
  CLOCK_ITEM_KEYS, DAY, HOUR, ago, ahead, allItems, between, cycle, dischargeBody, iso, plus, sameInstant, sortedKeys,
} from './cycle.mjs';

const INCIDENT_KEYS = ['actions', 'case_id', 'client_id', 'description', 'documented_at', 'emergency_services_contacted', 'id',
  'late', 'occurred_at', 'reported_at', 'reported_by', 'severity', 'status', 'type', 'version'];

const DISCHARGE_KEYS = ['case_id', 'check_in', 'client_id', 'destination', 'destination_details', 'discharged_at',
  'family_education_done', 'id', 'notes', 'readmissions', 'services_arranged', 'version'];

const SAFETY_PLAN_KEYS = ['client_id', 'contacts', 'coping_steps', 'means_safety', 'updated_at', 'updated_by', 'version',
  'warning_signs'];

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm', 'cm2', 'supervisor', 'admin'] });
    const cy = cycle(ctx);
    const cm = () => ctx.as('cm');
    let program = null;

    before(async () => {
      await cy.supervise('cm', 'supervisor');
      program = await cy.newProgram('Behavioral Health');
    });

    function incidentBody(overrides = {}) {
      return {
        occurred_at: ago({ hours: 1 }),
        type: 'fall',
        severity: 'moderate',
        description: 'Slipped in the bathroom; bruised hip; no loss of consciousness.',
        emergency_services_contacted: false,
        actions: 'Checked vitals, called her physician, arranged a grab bar.',
        ...overrides,
      };
    }

    async function newIncident(theCase, overrides = {}) {
      const res = await cm().post(`/api/v1/cases/${theCase.id}/incidents`, incidentBody(overrides));
      assertStatus(res, 201);
      return res.body;
    }

    async function incidentsOf(client) {
      return allItems(cm(), `/api/v1/clients/${client.id}/incidents`);
    }

    async function storedIncident(client, id) {
      return (await incidentsOf(client)).find((i) => i.id === id);
    }

    async function submit(incident) {
      const res = await cm().post(`/api/v1/incidents/${incident.id}/submit`, {}, { ifMatch: incident.version });
      assertStatus(res, 200);
      assert.equal(res.body.status, 'submitted');
      return res.body;
    }

    async function discharge(theCase, overrides = {}) {
      const res = await cm().post(`/api/v1/cases/${theCase.id}/discharge`, dischargeBody(overrides), { ifMatch: theCase.version });
      assertStatus(res, 201);
      return res.body;
    }

    async function dischargesOf(client) {
      return allItems(cm(), `/api/v1/clients/${client.id}/discharges`);
    }

    async function checkInTask(d, status = 'open') {
      return (await cy.tasks('cm', status)).find((t) => t.rule === 'post_discharge_check_in' && t.source_id === d.id);
    }

    describe('incidents', () => {
      it('POST /cases/{id}/incidents answers 201 with a draft Incident', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const body = incidentBody({ type: 'behavioral', severity: 'high', emergency_services_contacted: true });
        const res = await cm().post(`/api/v1/cases/${theCase.id}/incidents`, body);
        assertStatus(res, 201);
        const i = res.body;
        assert.deepEqual(sortedKeys(i), INCIDENT_KEYS);
        assert.equal(i.version, 1);
        assert.equal(i.status, 'draft');
        assert.equal(i.case_id, theCase.id);
        assert.equal(i.client_id, client.id);
        assert.equal(i.reported_by, ctx.users.cm.id);
        for (const key of ['type', 'severity', 'description', 'emergency_services_contacted', 'actions']) {
          assert.equal(i[key], body[key], key);
        }
        sameInstant(i.occurred_at, body.occurred_at, 'occurred_at');
        assert.notEqual(i.reported_at, null);
        assert.deepEqual(await storedIncident(client, i.id), i);
      });

      it('bad incidents are refused naming the field; nothing is made', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const rows = [
          [incidentBody({ occurred_at: ahead({ hours: 1 }) }), 422, 'invalid_argument', 'occurred_at'],
          [incidentBody({ occurred_at: 'this morning' }), 422, 'invalid_argument', 'occurred_at'],
          [incidentBody({ type: 'weather' }), 422, 'invalid_argument', 'type'],
          [incidentBody({ severity: 'meh' }), 422, 'invalid_argument', 'severity'],
          [incidentBody({ description: '  ' }), 422, 'invalid_argument', 'description'],
          [incidentBody({ emergency_services_contacted: 'no' }), 400, 'malformed_request', 'emergency_services_contacted'],
          [{ type: 'fall', severity: 'low', description: 'x' }, 400, 'malformed_request', 'occurred_at'],
        ];
        for (const [body, status, code, field] of rows) {
          assertError(await cm().post(`/api/v1/cases/${theCase.id}/incidents`, body), status, code, field);
        }
        assert.deepEqual(await incidentsOf(client), []);
      });

      it('the 4-hour clock: occurred 5 h ago is overdue (due 4 h after), 3 h ago is not', async () => {
        const { theCase } = await cy.newCase({ program });
        const old = await newIncident(theCase, { occurred_at: ago({ hours: 5 }) });
        const young = await newIncident(theCase, { occurred_at: ago({ hours: 3 }) });
        const entries = await cy.owedFor('cm', theCase.id, 'incident_documentation');
        const byRecord = Object.fromEntries(entries.map((e) => [e.record_id, e]));
        assert.equal(entries.length, 2, JSON.stringify(entries));
        sameInstant(byRecord[old.id].due_at, plus(old.occurred_at, 4 * HOUR));
        assert.equal(byRecord[old.id].overdue, true);
        sameInstant(byRecord[young.id].due_at, plus(young.occurred_at, 4 * HOUR));
        assert.equal(byRecord[young.id].overdue, false);
      });

      it('submitting stops the clock and sets late: 5 h after occurring late, 3 h not', async () => {
        const { theCase } = await cy.newCase({ program });
        const old = await newIncident(theCase, { occurred_at: ago({ hours: 5 }) });
        const young = await newIncident(theCase, { occurred_at: ago({ hours: 3 }) });
        const t0 = iso(Date.now());
        const lateOne = await submit(old);
        assert.equal(lateOne.late, true);
        assert.equal(lateOne.version, old.version + 1);
        between(lateOne.documented_at, t0, iso(Date.now() + 1000), 'documented_at');
        assert.equal((await submit(young)).late, false);
        assert.deepEqual(await cy.owedFor('cm', theCase.id, 'incident_documentation'), []);
      });

      it('the boundary: 4 h + 1 min late, 4 h − 1 min not (submit: true)', async () => {
        const { theCase } = await cy.newCase({ program });
        const late = await newIncident(theCase, { occurred_at: ago({ hours: 4, minutes: 1 }), submit: true });
        assert.equal(late.status, 'submitted');
        assert.equal(late.late, true);
        const onTime = await newIncident(theCase, { occurred_at: ago({ hours: 3, minutes: 59 }), submit: true });
        assert.equal(onTime.late, false);
      });

      it('a draft is edited with If-Match; a submitted incident is not (409), nor submitted twice (409)', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const i = await newIncident(theCase);
        const edited = await cm().patch(`/api/v1/incidents/${i.id}`, { severity: 'high', description: 'Also hit her head.' },
          { ifMatch: i.version });
        assertStatus(edited, 200);
        assert.equal(edited.body.version, 2);
        assert.equal(edited.body.severity, 'high');
        assert.equal(edited.body.description, 'Also hit her head.');
        assertError(await cm().patch(`/api/v1/incidents/${i.id}`, { severity: 'low' }, { ifMatch: 1 }), 412, 'aborted');
        assertError(await cm().patch(`/api/v1/incidents/${i.id}`, { severity: 'low' }), 428, 'precondition_required');
        const submitted = await submit(edited.body);
        assertError(await cm().patch(`/api/v1/incidents/${i.id}`, { severity: 'low' }, { ifMatch: submitted.version }), 409,
          'failed_precondition');
        assertError(await cm().post(`/api/v1/incidents/${i.id}/submit`, {}, { ifMatch: submitted.version }), 409,
          'failed_precondition');
        assert.deepEqual(await storedIncident(client, i.id), submitted);
      });

      it('submitting without actions answers 422 naming actions; the draft stays a draft', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const body = incidentBody();
        delete body.actions;
        const made = await cm().post(`/api/v1/cases/${theCase.id}/incidents`, body);
        assertStatus(made, 201);
        assertError(await cm().post(`/api/v1/incidents/${made.body.id}/submit`, {}, { ifMatch: made.body.version }), 422,
          'invalid_argument', 'actions');
        assert.deepEqual(await storedIncident(client, made.body.id), made.body);
        const blank = await newIncident(theCase, { actions: '' });
        assertError(await cm().post(`/api/v1/incidents/${blank.id}/submit`, {}, { ifMatch: blank.version }), 422,
          'invalid_argument', 'actions');
      });
    });

    describe('plan reviews', () => {
      it('admission starts the 30-day review clock; a submitted incident brings it to event_review_days; a review resets it', async () => {
        const { client, theCase } = await cy.newCase({ program }); // now active: admitted
        let [entry, ...more] = await cy.owedFor('cm', theCase.id, 'plan_review');
        assert.ok(entry, 'admission makes a plan review due');
        assert.deepEqual(more, []);
        sameInstant(entry.due_at, plus(theCase.status_changed_at, 30 * DAY), 'due 30 days after admission');
        assert.equal(entry.overdue, false);

        const incident = await newIncident(theCase, { occurred_at: ago({ hours: 2 }) });
        assert.equal((await cy.owedFor('cm', theCase.id, 'plan_review')).length, 1);
        const t0 = iso(Date.now());
        await submit(incident);
        [entry, ...more] = await cy.owedFor('cm', theCase.id, 'plan_review');
        assert.deepEqual(more, [], 'still one plan review item');
        between(entry.due_at, plus(incident.occurred_at, 7 * DAY), plus(t0, 7 * DAY + 2000),
          'due event_review_days (7) after the incident');

        const t1 = iso(Date.now());
        const res = await cm().post(`/api/v1/cases/${theCase.id}/plan-reviews`, { summary: 'Added a grab bar; goals unchanged.' });
        assertStatus(res, 201);
        assert.deepEqual(sortedKeys(res.body), ['case_id', 'client_id', 'id', 'reviewed_at', 'reviewed_by', 'summary']);
        assert.equal(res.body.case_id, theCase.id);
        assert.equal(res.body.client_id, client.id);
        assert.equal(res.body.reviewed_by, ctx.users.cm.id);
        assert.equal(res.body.summary, 'Added a grab bar; goals unchanged.');
        between(res.body.reviewed_at, t1, iso(Date.now() + 1000), 'reviewed_at');
        [entry] = await cy.owedFor('cm', theCase.id, 'plan_review');
        assert.ok(entry, 'the next review is due');
        sameInstant(entry.due_at, plus(res.body.reviewed_at, 30 * DAY), 'due 30 days after the last review');

        const listed = await allItems(cm(), `/api/v1/clients/${client.id}/plan-reviews`);
        assert.deepEqual(listed, [res.body]);
      });

      it('a case not yet admitted owes no plan review; a blank summary is refused with 422', async () => {
        const { client, theCase } = await cy.newCase({ program, status: 'intake' });
        assert.deepEqual(await cy.owedFor('cm', theCase.id, 'plan_review'), []);
        assertError(await cm().post(`/api/v1/cases/${theCase.id}/plan-reviews`, { summary: '  ' }), 422, 'invalid_argument', 'summary');
        assertError(await cm().post(`/api/v1/cases/${theCase.id}/plan-reviews`, {}), 400, 'malformed_request', 'summary');
        assert.deepEqual(await allItems(cm(), `/api/v1/clients/${client.id}/plan-reviews`), []);
      });
    });

    describe('safety plan', () => {
      const plan = {
        warning_signs: ['Stops answering the phone', 'Talks about being a burden'],
        coping_steps: ['Walk the dog', 'Call her sister'],
        contacts: ['Rosa Lopez (daughter) +1 555 0142', 'Crisis line 988'],
        means_safety: 'Medications kept by her daughter; weekly blister packs.',
      };

      it('GET answers null before one exists; PUT creates it (200, version 1), GET reads it back with ETag', async () => {
        const client = await cy.newClient('cm');
        const none = await cm().get(`/api/v1/clients/${client.id}/safety-plan`);
        assertStatus(none, 200);
        assert.deepEqual(none.body, { safety_plan: null });
        const t0 = iso(Date.now());
        const res = await ctx.as('cm').request('PUT', `/api/v1/clients/${client.id}/safety-plan`, { json: plan });
        assertStatus(res, 200);
        assert.deepEqual(sortedKeys(res.body), SAFETY_PLAN_KEYS);
        assert.equal(res.body.client_id, client.id);
        assert.equal(res.body.version, 1);
        assert.equal(res.body.updated_by, ctx.users.cm.id);
        between(res.body.updated_at, t0, iso(Date.now() + 1000), 'updated_at');
        for (const key of Object.keys(plan)) assert.deepEqual(res.body[key], plan[key], key);
        const read = await cm().get(`/api/v1/clients/${client.id}/safety-plan`);
        assertStatus(read, 200);
        assert.deepEqual(read.body, { safety_plan: res.body });
      });

      it('once it exists, PUT needs If-Match: none 428, stale 412, current 200 at version 2', async () => {
        const client = await cy.newClient('cm');
        const put = (body, ifMatch) => cm().request('PUT', `/api/v1/clients/${client.id}/safety-plan`, { json: body, ifMatch });
        const first = await put(plan);
        assertStatus(first, 200);
        const changed = { ...plan, coping_steps: ['Walk the dog', 'Call her sister', 'Go to the day center'] };
        assertError(await put(changed), 428, 'precondition_required');
        assertError(await put(changed, 2), 412, 'aborted');
        assert.deepEqual((await cm().get(`/api/v1/clients/${client.id}/safety-plan`)).body, { safety_plan: first.body });
        const second = await put(changed, 1);
        assertStatus(second, 200);
        assert.equal(second.body.version, 2);
        assert.deepEqual(second.body.coping_steps, changed.coping_steps);
        assert.deepEqual((await cm().get(`/api/v1/clients/${client.id}/safety-plan`)).body, { safety_plan: second.body });
      });

      it('a badly typed plan answers 400 naming the field and stores nothing', async () => {
        const client = await cy.newClient('cm');
        const res = await cm().request('PUT', `/api/v1/clients/${client.id}/safety-plan`,
          { json: { ...plan, warning_signs: 'everything' } });
        assertError(res, 400, 'malformed_request', 'warning_signs');
        assert.deepEqual((await cm().get(`/api/v1/clients/${client.id}/safety-plan`)).body, { safety_plan: null });
      });
    });

    describe('discharge and check-in', () => {
      it('POST /cases/{id}/discharge answers 201 with the Discharge; the case is discharged; a check-in task is due in 72 h', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const t0 = iso(Date.now());
        const body = dischargeBody({ destination: 'rehabilitation', destination_details: 'Oak Park Rehab, room 12',
          notes: 'Daughter will visit daily.' });
        const res = await cm().post(`/api/v1/cases/${theCase.id}/discharge`, body, { ifMatch: theCase.version });
        assertStatus(res, 201);
        const d = res.body;
        assert.deepEqual(sortedKeys(d), DISCHARGE_KEYS);
        assert.equal(d.case_id, theCase.id);
        assert.equal(d.client_id, client.id);
        for (const key of Object.keys(body)) assert.deepEqual(d[key], body[key], key);
        between(d.discharged_at, t0, iso(Date.now() + 1000), 'discharged_at defaults to now');
        assert.equal(d.check_in, null);
        assert.deepEqual(d.readmissions, []);
        assert.deepEqual(await dischargesOf(client), [d]);

        const after = await cy.getCase('cm', theCase.id);
        assert.equal(after.status, 'discharged');
        assert.ok(after.version > theCase.version);

        const task = await checkInTask(d);
        assert.ok(task, 'discharge made the check-in task');
        assert.equal(task.assignee_id, ctx.users.cm.id);
        assert.equal(task.case_id, theCase.id);
        sameInstant(task.due_at, plus(d.discharged_at, 72 * HOUR), 'due 72 h after discharge');
      });

      it('discharge from on_hold is allowed; from referred, intake or discharged it answers 409 and changes nothing', async () => {
        const held = await cy.newCase({ program });
        const onHold = await cy.moveCase(held.theCase, ['on_hold']);
        await discharge(onHold);
        for (const status of ['referred', 'intake']) {
          const { client, theCase } = await cy.newCase({ program, status });
          const res = await cm().post(`/api/v1/cases/${theCase.id}/discharge`, dischargeBody(), { ifMatch: theCase.version });
          assertError(res, 409, 'failed_precondition');
          assert.deepEqual(await cy.getCase('cm', theCase.id), theCase);
          assert.deepEqual(await dischargesOf(client), []);
        }
        const done = await cy.getCase('cm', held.theCase.id);
        assert.equal(done.status, 'discharged');
        assertError(await cm().post(`/api/v1/cases/${done.id}/discharge`, dischargeBody(), { ifMatch: done.version }), 409,
          'failed_precondition');
        assert.equal((await dischargesOf(held.client)).length, 1);
      });

      it('discharge refusals: stale case version 412, no If-Match 428, a bad destination 422; nothing changes', async () => {
        const { client, theCase } = await cy.newCase({ program });
        assertError(await cm().post(`/api/v1/cases/${theCase.id}/discharge`, dischargeBody(), { ifMatch: 1 }), 412, 'aborted');
        assertError(await cm().post(`/api/v1/cases/${theCase.id}/discharge`, dischargeBody()), 428, 'precondition_required');
        assertError(await cm().post(`/api/v1/cases/${theCase.id}/discharge`, dischargeBody({ destination: 'moon' }),
          { ifMatch: theCase.version }), 422, 'invalid_argument', 'destination');
        assertError(await cm().post(`/api/v1/cases/${theCase.id}/discharge`, dischargeBody({ discharged_at: ahead({ days: 1 }) }),
          { ifMatch: theCase.version }), 422, 'invalid_argument', 'discharged_at');
        assert.deepEqual(await cy.getCase('cm', theCase.id), theCase);
        assert.deepEqual(await dischargesOf(client), []);
      });

      it('the check-in: 200 with check_in filled, the task closed; a second check-in 409', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const d = await discharge(theCase);
        const task = await checkInTask(d);
        assert.ok(task);
        const t0 = iso(Date.now());
        const res = await cm().post(`/api/v1/discharges/${d.id}/check-in`,
          { health_status_changed: false, satisfaction: 5, notes: 'Doing well at home.' }, { ifMatch: d.version });
        assertStatus(res, 200);
        assert.equal(res.body.id, d.id);
        assert.deepEqual(sortedKeys(res.body.check_in), ['at', 'by', 'health_status_changed', 'notes', 'satisfaction']);
        assert.equal(res.body.check_in.by, ctx.users.cm.id);
        between(res.body.check_in.at, t0, iso(Date.now() + 1000), 'check_in.at');
        assert.equal(res.body.check_in.health_status_changed, false);
        assert.equal(res.body.check_in.satisfaction, 5);
        assert.equal(res.body.check_in.notes, 'Doing well at home.');
        assert.deepEqual(await dischargesOf(client), [res.body]);
        assert.equal(await checkInTask(d, 'open'), undefined);
        const closed = await checkInTask(d, 'done');
        assert.ok(closed, 'the check-in task is done');
        assert.equal(closed.id, task.id);
        assert.deepEqual(await cy.owedFor('cm', theCase.id, 'post_discharge_check_in'), []);

        assertError(await cm().post(`/api/v1/discharges/${d.id}/check-in`, { health_status_changed: true, satisfaction: 2 },
          { ifMatch: res.body.version }), 409, 'failed_precondition');
        assert.deepEqual(await dischargesOf(client), [res.body]);
      });

      it('satisfaction outside 1–5 answers 422 naming satisfaction; the check-in is still owed', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const d = await discharge(theCase);
        for (const satisfaction of [0, 6, -1]) {
          assertError(await cm().post(`/api/v1/discharges/${d.id}/check-in`, { health_status_changed: false, satisfaction },
            { ifMatch: d.version }), 422, 'invalid_argument', 'satisfaction');
        }
        assertError(await cm().post(`/api/v1/discharges/${d.id}/check-in`, { health_status_changed: 'no', satisfaction: 3 },
          { ifMatch: d.version }), 400, 'malformed_request', 'health_status_changed');
        assert.deepEqual(await dischargesOf(client), [d]);
        assert.ok(await checkInTask(d, 'open'));
        const lowest = await cm().post(`/api/v1/discharges/${d.id}/check-in`, { health_status_changed: true, satisfaction: 1 },
          { ifMatch: d.version });
        assertStatus(lowest, 200);
        assert.equal(lowest.body.check_in.satisfaction, 1);
      });

      it('a check-in overdue: discharged 73 h ago, the check-in item is overdue; 71 h ago, not', async () => {
        const late = await cy.newCase({ program });
        await discharge(late.theCase, { discharged_at: ago({ hours: 73 }) });
        const [lateEntry] = await cy.owedFor('cm', late.theCase.id, 'post_discharge_check_in');
        assert.ok(lateEntry);
        assert.equal(lateEntry.overdue, true);
        const fresh = await cy.newCase({ program });
        await discharge(fresh.theCase, { discharged_at: ago({ hours: 71 }) });
        const [freshEntry] = await cy.owedFor('cm', fresh.theCase.id, 'post_discharge_check_in');
        assert.ok(freshEntry);
        assert.equal(freshEntry.overdue, false);
      });

      it('readmissions: 30 days after discharge is within 30 days, 31 days is not', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const d = await discharge(theCase, { discharged_at: ago({ days: 40 }) });
        const first = await cm().post(`/api/v1/discharges/${d.id}/readmissions`,
          { admitted_at: plus(d.discharged_at, 30 * DAY), facility: 'St. Mary Hospital', reason: 'Fall at home' },
          { ifMatch: d.version });
        assertStatus(first, 201);
        assert.equal(first.body.id, d.id);
        assert.equal(first.body.readmissions.length, 1);
        const [r1] = first.body.readmissions;
        assert.deepEqual(sortedKeys(r1), ['admitted_at', 'days_after_discharge', 'facility', 'id', 'reason', 'within_30_days']);
        assert.equal(r1.within_30_days, true);
        assert.equal(r1.days_after_discharge, 30);
        assert.equal(r1.facility, 'St. Mary Hospital');
        assert.equal(r1.reason, 'Fall at home');
        sameInstant(r1.admitted_at, plus(d.discharged_at, 30 * DAY));

        const second = await cm().post(`/api/v1/discharges/${d.id}/readmissions`,
          { admitted_at: plus(d.discharged_at, 31 * DAY), facility: 'County General', reason: 'Pneumonia' },
          { ifMatch: first.body.version });
        assertStatus(second, 201);
        const r2 = second.body.readmissions.find((r) => r.facility === 'County General');
        assert.equal(r2.within_30_days, false);
        assert.equal(r2.days_after_discharge, 31);
        assert.equal(second.body.readmissions.length, 2);
        assert.deepEqual(await dischargesOf(client), [second.body]);
      });
      it('a readmission in the future or before the discharge answers 422 naming admitted_at', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const d = await discharge(theCase, { discharged_at: ago({ days: 3 }) });
        for (const admittedAt of [ahead({ days: 1 }), plus(d.discharged_at, -DAY)]) {
          assertError(await cm().post(`/api/v1/discharges/${d.id}/readmissions`,
            { admitted_at: admittedAt, facility: 'St. Mary Hospital', reason: 'Fall' }, { ifMatch: d.version }),
          422, 'invalid_argument', 'admitted_at');
        }
        assert.deepEqual(await dischargesOf(client), [d]);
      });
    });

    describe('closure', () => {
      it('closing a discharged case without an outcome answers 422 naming outcome; an unknown outcome 422', async () => {
        const { theCase } = await cy.newCase({ program });
        const d = await discharge(theCase);
        assertStatus(await cm().post(`/api/v1/discharges/${d.id}/check-in`, { health_status_changed: false, satisfaction: 4 },
          { ifMatch: d.version }), 200);
        const c = await cy.getCase('cm', theCase.id);
        const close = (body) => cm().post(`/api/v1/cases/${c.id}/transitions`, body, { ifMatch: c.version });
        assertError(await close({ to: 'closed', reason: 'Goals met' }), 422, 'invalid_argument', 'outcome');
        assertError(await close({ to: 'closed', reason: 'Goals met', outcome: 'great' }), 422, 'invalid_argument', 'outcome');
        assert.deepEqual(await cy.getCase('cm', c.id), c);
        const closed = await close({ to: 'closed', reason: 'Goals met', outcome: 'goals_met' });
        assertStatus(closed, 200);
        assert.equal(closed.body.status, 'closed');
      });

      it('closure is refused with 409 listing the open items, and allowed once they are cleared', async () => {
        const cosigned = await cy.newProgram('Closure Program', { notes_need_cosign: true });
        const { client, theCase } = await cy.newCase({ program: cosigned, risk: 'high' });
        const post = async (path, body, status = 201) => {
          const res = await cm().post(path, body);
          assertStatus(res, status);
          return res.body;
        };
        // The open items: a draft note, a signed note awaiting co-signature, a draft incident, a
        // referral out still in draft, an open task, and (after discharge) the check-in.
        const draftNote = await post(`/api/v1/cases/${theCase.id}/notes`,
          { contact_type: 'phone', service_at: ago({ hours: 1 }), body: 'Called about the discharge plan.' });
        const awaiting = await post(`/api/v1/cases/${theCase.id}/notes`,
          { contact_type: 'office', service_at: ago({ hours: 2 }), body: 'Office visit.', sign: true });
        assert.equal(awaiting.cosign_required, true);
        const incident = await newIncident(theCase, { occurred_at: ago({ hours: 1 }) });
        const ro = await post(`/api/v1/cases/${theCase.id}/referrals-out`,
          { provider_name: 'Meals on Wheels', service: 'Meals', reason: 'Cannot cook' });
        const task = await post('/api/v1/tasks',
          { title: 'Return the walker', due_at: ahead({ days: 2 }), client_id: client.id, case_id: theCase.id });
        const d = await discharge(await cy.getCase('cm', theCase.id));
        const checkIn = await checkInTask(d);
        assert.ok(checkIn);

        const discharged = await cy.getCase('cm', theCase.id);
        const closeBody = { to: 'closed', reason: 'Goals met', outcome: 'goals_met' };
        const refused = await cm().post(`/api/v1/cases/${theCase.id}/transitions`, closeBody, { ifMatch: discharged.version });
        assertError(refused, 409, 'failed_precondition');
        const open = refused.body.error.open_items;
        assert.ok(Array.isArray(open), `error.open_items is a list: ${refused.text.slice(0, 500)}`);
        for (const item of open) {
          assert.deepEqual(sortedKeys(item), ['id', 'kind', 'title']);
          assert.equal(typeof item.kind, 'string');
          assert.equal(typeof item.title, 'string');
        }
        const ids = new Set(open.map((i) => i.id));
        for (const [what, id] of [['the draft note', draftNote.id], ['the draft incident', incident.id],
          ['the open referral out', ro.id], ['the open task', task.id]]) {
          assert.ok(ids.has(id), `open_items lists ${what} (${id}): ${JSON.stringify(open)}`);
        }
        // The co-signature and the check-in are owed as rule tasks: listed by the record or its task.
        const cosignTask = (await cy.tasks('supervisor', 'open')).find((t) => t.source_id === awaiting.id);
        assert.ok(ids.has(awaiting.id) || (cosignTask && ids.has(cosignTask.id)),
          `open_items lists the note awaiting co-signature: ${JSON.stringify(open)}`);
        assert.ok(ids.has(d.id) || ids.has(checkIn.id), `open_items lists the check-in: ${JSON.stringify(open)}`);
        assert.deepEqual(await cy.getCase('cm', theCase.id), discharged, 'the refused closure changed nothing');

        // Clear them one by one.
        const signed = await cm().post(`/api/v1/notes/${draftNote.id}/sign`, {}, { ifMatch: draftNote.version });
        assertStatus(signed, 200);
        for (const n of [signed.body, awaiting]) {
          assertStatus(await ctx.as('supervisor').post(`/api/v1/notes/${n.id}/cosign`, {}, { ifMatch: n.version }), 200);
        }
        await submit(incident);
        assertStatus(await cm().post(`/api/v1/referrals-out/${ro.id}/cancel`, { reason: 'Daughter cooks now' },
          { ifMatch: ro.version }), 200);
        assertStatus(await cm().post(`/api/v1/tasks/${task.id}/complete`, {}, { ifMatch: task.version }), 200);

        // One left: the check-in.
        const still = await cm().post(`/api/v1/cases/${theCase.id}/transitions`, closeBody, { ifMatch: discharged.version });
        assertError(still, 409, 'failed_precondition');
        const left = new Set(still.body.error.open_items.map((i) => i.id));
        for (const id of [draftNote.id, awaiting.id, incident.id, ro.id, task.id, cosignTask?.id]) {
          assert.equal(left.has(id), false, id);
        }
        assert.equal(still.body.error.open_items.length, 1, JSON.stringify(still.body.error.open_items));
        assert.ok(left.has(d.id) || left.has(checkIn.id));

        assertStatus(await cm().post(`/api/v1/discharges/${d.id}/check-in`, { health_status_changed: false, satisfaction: 4 },
          { ifMatch: d.version }), 200);
        const closed = await cm().post(`/api/v1/cases/${theCase.id}/transitions`, closeBody, { ifMatch: discharged.version });
        assertStatus(closed, 200);
        assert.equal(closed.body.status, 'closed');
        assert.deepEqual(await cy.owed('cm', { caseId: theCase.id }), [], 'the items of a closed case vanish');
      });

      /** Closes a discharged case (reason and outcome); answers the raw response. */
      async function close(theCase) {
        const c = await cy.getCase('cm', theCase.id);
        return { before: c, res: await cm().post(`/api/v1/cases/${c.id}/transitions`,
          { to: 'closed', reason: 'Goals met', outcome: 'goals_met' }, { ifMatch: c.version }) };
      }

      it('a plan review overdue since a discharge does not hold the closure back: it is not documentation', async () => {
        const { theCase } = await cy.newCase({ program });
        const d = await discharge(theCase, { discharged_at: ago({ days: 10 }) });
        assertStatus(await cm().post(`/api/v1/discharges/${d.id}/check-in`, { health_status_changed: false, satisfaction: 3 },
          { ifMatch: d.version }), 200);
        const [review] = await cy.owedFor('cm', theCase.id, 'plan_review');
        assert.ok(review, 'a discharge is a major event: a plan review is due event_review_days after it');
        assert.equal(review.overdue, true);
        sameInstant(review.due_at, plus(d.discharged_at, 7 * DAY), 'due 7 days after the discharge');
        const { res } = await close(theCase);
        assertStatus(res, 200);
        assert.equal(res.body.status, 'closed');
        assert.equal(res.body.closed_outcome, 'goals_met');
      });

      it('a progress note owed for a visit blocks closure even before it is overdue; the signed note frees it', async () => {
        const { theCase } = await cy.newCase({ program });
        const made = await cm().post(`/api/v1/cases/${theCase.id}/appointments`,
          { kind: 'office', starts_at: ago({ hours: 2 }), ends_at: ago({ hours: 1 }) });
        assertStatus(made, 201);
        assertStatus(await cm().post(`/api/v1/appointments/${made.body.id}/outcome`, { status: 'attended' },
          { ifMatch: made.body.version }), 200);
        const d = await discharge(await cy.getCase('cm', theCase.id));
        assertStatus(await cm().post(`/api/v1/discharges/${d.id}/check-in`, { health_status_changed: false, satisfaction: 4 },
          { ifMatch: d.version }), 200);
        const [owed] = await cy.owedFor('cm', theCase.id, 'progress_note');
        assert.ok(owed);
        assert.equal(owed.overdue, false);
        const refused = await close(theCase);
        assertError(refused.res, 409, 'failed_precondition');
        assert.deepEqual(refused.res.body.error.open_items.map((i) => [i.kind, i.id]), [['progress_note', made.body.id]]);
        assert.deepEqual(await cy.getCase('cm', theCase.id), refused.before);
        assertStatus(await cm().post(`/api/v1/cases/${theCase.id}/notes`, {
          contact_type: 'office', service_at: ago({ hours: 2 }), body: 'Visit documented.', appointment_id: made.body.id, sign: true,
        }), 201);
        assertStatus((await close(theCase)).res, 200);
      });
    });

    describe('the client chart', () => {
      it('GET /clients/{id}/timeline answers events newest first and the due clock items', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const incident = await newIncident(theCase, { occurred_at: ago({ hours: 6 }) });
        const review = await cm().post(`/api/v1/cases/${theCase.id}/plan-reviews`, { summary: 'First review.' });
        assertStatus(review, 201);
        const res = await cm().get(`/api/v1/clients/${client.id}/timeline`);
        assertStatus(res, 200);
        assert.deepEqual(sortedKeys(res.body), ['due', 'events']);
        for (const e of res.body.events) {
          assert.deepEqual(sortedKeys(e), ['at', 'case_id', 'id', 'kind', 'overdue', 'status', 'title']);
        }
        const times = res.body.events.map((e) => Date.parse(e.at));
        assert.deepEqual(times, [...times].sort((a, b) => b - a), 'newest first');
        const ids = res.body.events.map((e) => e.id);
        assert.ok(ids.includes(incident.id), 'the incident is on the chart');
        assert.ok(ids.includes(review.body.id), 'the plan review is on the chart');
        assert.equal(res.body.events.find((e) => e.id === incident.id).overdue, true, 'its 4-hour clock has run out');
        for (const item of res.body.due) assert.deepEqual(sortedKeys(item), CLOCK_ITEM_KEYS);
        const due = res.body.due.find((i) => i.rule === 'incident_documentation' && i.record_id === incident.id);
        assert.ok(due, 'the overdue incident report is due');
        assert.equal(due.overdue, true);
        assert.equal(due.client_id, client.id);
        assert.equal(due.case_id, theCase.id);
      });
    });
  });
}
