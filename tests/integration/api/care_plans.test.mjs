// Care plans: one plan per case, every save a new version kept whole (the first PUT answers 201
// without If-Match; later ones need If-Match: 428 without, 412 when stale); the versions newest
// first with what changed item by item (an added item has `before` null, a removed one `after`
// null, a changed field is named `goals[g1].percent_achieved`); errors naming the item's field;
// linked tasks, appointments and referrals out that must be the case's own (404 naming e.g.
// `interventions[0].task_id`); the client's agreement to a version (agreed_current turns false
// once the plan changes); a closed case's plan does not change (409); a positive AHC HRSN screen
// proposes each positive domain as a need on the plan, once per category; and who may use them.
//
// Plans are saved within the same second often; nothing here depends on their order in time.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, before } from 'node:test';
import { ISO_UTC, assertError, assertStatus, backends, repoRoot, useSuite } from './harness.mjs';
import { ahead, allItems, between, cycle, iso, sortedKeys, askEveryCaller } from './cycle.mjs';

const PLAN_KEYS = ['agreed_current', 'agreement', 'case_id', 'client_id', 'goals', 'interventions', 'needs', 'updated_at',
  'updated_by', 'version'];
const NEED_KEYS = ['category', 'description', 'id', 'source', 'status'];
const GOAL_KEYS = ['baseline', 'description', 'due_date', 'id', 'measure', 'need_id', 'percent_achieved', 'responsible_kind',
  'responsible_name', 'status', 'target'];
const INTERVENTION_KEYS = ['appointment_id', 'description', 'goal_id', 'id', 'kind', 'referral_out_id', 'task_id'];
const VERSION_KEYS = ['changed_at', 'changed_by', 'changes', 'note', 'version'];
const CHANGE_KEYS = ['after', 'before', 'path'];
const AGREEMENT_KEYS = ['at', 'kind', 'name', 'recorded_by', 'version'];

/** The AHC HRSN definition as shipped (link ids, option codes and the flags' needs). */
const AHC = JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'instruments', 'ahc-hrsn.json'), 'utf8'));

/** AHC HRSN answers that screen negative in every domain; `positive` lists the domains to turn positive. */
function ahcAnswers(positive = [], extra = {}) {
  const answers = {
    'ahc-1': 'steady', 'ahc-3': 'never', 'ahc-4': 'never', 'ahc-5': 'no', 'ahc-6': 'no',
    'ahc-7': '1', 'ahc-8': '1', 'ahc-9': '1', 'ahc-10': '1',
  };
  for (const domain of positive) {
    if (domain === 'housing') answers['ahc-1'] = 'worried';
    else if (domain === 'food') answers['ahc-3'] = 'sometimes';
    else if (domain === 'transportation') answers['ahc-5'] = 'yes';
    else if (domain === 'utilities') answers['ahc-6'] = 'already_shut_off';
    else if (domain === 'interpersonal_safety') Object.assign(answers, { 'ahc-7': '3', 'ahc-8': '3', 'ahc-9': '3', 'ahc-10': '2' });
    else throw new Error(`unknown domain ${domain}`);
  }
  return { ...answers, ...extra };
}

/** The AHC flag whose need is `category`, from the definition file. */
function ahcFlag(category) {
  const flag = AHC.flags.find((f) => f.need === category);
  assert.ok(flag, `ahc-hrsn has a flag for ${category}`);
  assert.equal(flag.action, 'sdoh_need');
  return flag;
}

/** A plan body: one need, one goal for it, one intervention for the goal; `over` replaces lists. */
function planBody(over = {}) {
  return {
    needs: [{ id: 'n1', category: 'housing', description: 'Behind on rent; eviction notice received', status: 'active' }],
    goals: [{
      id: 'g1', need_id: 'n1', description: 'Keep her apartment', measure: 'Rent paid by the 5th of each month',
      baseline: 'Two months behind', target: 'Rent current for three months', due_date: '2030-06-30',
      responsible_kind: 'client', responsible_name: 'Maria', status: 'not_started', percent_achieved: 0,
    }],
    interventions: [{ id: 'i1', goal_id: 'g1', kind: 'coordination', description: 'Apply for emergency rental assistance' }],
    ...over,
  };
}

/** Changes compared as a set (before/after as text, null kept). */
function changeSet(changes) {
  const text = (v) => (v === null ? null : String(v));
  return changes.map((c) => ({ path: c.path, before: text(c.before), after: text(c.after) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
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
      program = await cy.newProgram('Community Care');
      program2 = await cy.newProgram('Housing Stability');
    });

    function put(theCase, body, { ifMatch, as = 'cm' } = {}) {
      return ctx.as(as).request('PUT', `/api/v1/cases/${theCase.id}/care-plan`, { json: body, ifMatch });
    }

    async function save(theCase, body, ifMatch, as = 'cm') {
      const res = await put(theCase, body, { ifMatch, as });
      assertStatus(res, ifMatch === undefined ? 201 : 200);
      return res.body;
    }

    async function plan(theCase, as = 'cm') {
      const res = await ctx.as(as).get(`/api/v1/cases/${theCase.id}/care-plan`);
      assertStatus(res, 200);
      assert.deepEqual(sortedKeys(res.body), ['care_plan']);
      return res.body.care_plan;
    }

    async function versions(theCase, as = 'cm') {
      const res = await ctx.as(as).get(`/api/v1/cases/${theCase.id}/care-plan/versions`);
      assertStatus(res, 200);
      assert.ok(Array.isArray(res.body.items), 'versions: items is an array');
      return res.body.items;
    }

    async function agree(theCase, version, body, as = 'cm') {
      return ctx.as(as).post(`/api/v1/cases/${theCase.id}/care-plan/agreement`, body, { ifMatch: version });
    }

    async function ahc(client, answers, caseId = undefined) {
      const res = await cm().post(`/api/v1/clients/${client.id}/assessments`,
        { instrument_id: 'ahc-hrsn', ...(caseId ? { case_id: caseId } : {}), answers });
      assertStatus(res, 201);
      return res.body;
    }

    describe('saving and reading', () => {
      it('a case without a plan answers {"care_plan": null} and no versions', async () => {
        const { theCase } = await cy.newCase({ program });
        const res = await cm().get(`/api/v1/cases/${theCase.id}/care-plan`);
        assertStatus(res, 200);
        assert.deepEqual(res.body, { care_plan: null });
        assert.equal(res.headers.get('etag'), null, 'no ETag without a plan');
        assert.deepEqual(await versions(theCase), []);
      });

      it('the first PUT answers 201 with the CarePlan (no If-Match); GET reads it back with its ETag', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const t0 = iso(Date.now());
        const res = await put(theCase, planBody());
        assertStatus(res, 201);
        const p = res.body;
        assert.deepEqual(sortedKeys(p), PLAN_KEYS);
        assert.equal(res.headers.get('etag'), '"1"');
        assert.equal(p.case_id, theCase.id);
        assert.equal(p.client_id, client.id);
        assert.equal(p.version, 1);
        assert.equal(p.updated_by, ctx.users.cm.id);
        assert.match(p.updated_at, ISO_UTC);
        between(p.updated_at, t0, iso(Date.now() + 1000), 'updated_at');
        assert.equal(p.agreement, null);
        assert.equal(p.agreed_current, false, 'nothing agreed yet');
        assert.deepEqual(p.needs, [{ id: 'n1', category: 'housing', description: 'Behind on rent; eviction notice received',
          status: 'active', source: null }]);
        assert.deepEqual(p.goals, [{ ...planBody().goals[0] }]);
        for (const g of p.goals) assert.deepEqual(sortedKeys(g), GOAL_KEYS);
        assert.deepEqual(p.interventions, [{ id: 'i1', goal_id: 'g1', kind: 'coordination',
          description: 'Apply for emergency rental assistance', task_id: null, appointment_id: null, referral_out_id: null }]);
        for (const n of p.needs) assert.deepEqual(sortedKeys(n), NEED_KEYS);
        for (const i of p.interventions) assert.deepEqual(sortedKeys(i), INTERVENTION_KEYS);

        const read = await cm().get(`/api/v1/cases/${theCase.id}/care-plan`);
        assertStatus(read, 200);
        assert.deepEqual(read.body, { care_plan: p });
        assert.equal(read.headers.get('etag'), '"1"');
        // The case manager's supervisor reads it too.
        assert.deepEqual(await plan(theCase, 'supervisor'), p);
      });

      it('defaults: a need is active, a goal not_started at 0 % with staff responsible', async () => {
        const { theCase } = await cy.newCase({ program });
        const p = await save(theCase, {
          needs: [{ id: 'food', category: 'food', description: 'Runs out of food at month end' }],
          goals: [{ id: 'meals', need_id: 'food', description: 'Enough to eat', measure: 'Meals a day',
            target: 'Three meals a day', due_date: '2030-01-31' }],
          interventions: [],
        });
        assert.deepEqual(p.needs[0], { id: 'food', category: 'food', description: 'Runs out of food at month end',
          status: 'active', source: null });
        assert.equal(p.goals[0].status, 'not_started');
        assert.equal(p.goals[0].percent_achieved, 0);
        assert.equal(p.goals[0].responsible_kind, 'staff');
        assert.equal(p.goals[0].baseline, null);
        assert.equal(p.goals[0].responsible_name, null);
        assert.deepEqual(p.interventions, []);
      });

      it('a second PUT needs If-Match: 428 without it, 412 when stale, and neither changes the plan', async () => {
        const { theCase } = await cy.newCase({ program });
        const v1 = await save(theCase, planBody());
        const changed = planBody({ goals: [{ ...planBody().goals[0], percent_achieved: 25, status: 'in_progress' }] });

        assertError(await put(theCase, changed), 428, 'precondition_required');
        assert.deepEqual(await plan(theCase), v1);

        const v2 = await save(theCase, changed, 1);
        assert.equal(v2.version, 2);
        assert.equal(v2.goals[0].percent_achieved, 25);
        assert.equal(v2.goals[0].status, 'in_progress');

        assertError(await put(theCase, planBody(), { ifMatch: 1 }), 412, 'aborted');
        assertError(await put(theCase, planBody()), 428, 'precondition_required');
        assert.deepEqual(await plan(theCase), v2);
        assert.equal((await versions(theCase)).length, 2, 'no version was added by a refused save');

        const res = await put(theCase, planBody(), { ifMatch: 2 });
        assertStatus(res, 200);
        assert.equal(res.body.version, 3);
        assert.equal(res.headers.get('etag'), '"3"');
      });

      it('ids stay the same across versions; another case has a plan of its own', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const other = await cy.newCase({ program: program2, client });
        await save(theCase, planBody());
        assert.equal(await plan(other.theCase), null, 'the other case has no plan');
        const p = await save(other.theCase, planBody({ needs: [{ id: 'n1', category: 'food', description: 'Food' }],
          goals: [], interventions: [] }));
        assert.equal(p.version, 1, 'a plan of its own starts at version 1');
        assert.equal((await plan(theCase)).needs[0].category, 'housing');
        assert.equal((await plan(other.theCase)).needs[0].category, 'food');
      });
    });

    describe('versions', () => {
      it('lists every version newest first with what changed: added items (before null), changed fields, removed items (after null)', async () => {
        const { theCase } = await cy.newCase({ program });
        const body1 = planBody();
        const v1 = await save(theCase, body1);

        const body2 = planBody({
          needs: [...body1.needs, { id: 'n2', category: 'food', description: 'Skips meals', status: 'proposed' }],
          goals: [{ ...body1.goals[0], percent_achieved: 40, status: 'in_progress' }],
          interventions: [{ id: 'i2', goal_id: 'g1', kind: 'education', description: 'Budgeting class' }],
        });
        const v2 = await save(theCase, { ...body2, note: 'After the home visit' }, 1, 'supervisor');
        const body3 = { ...body2, needs: [body2.needs[0]], goals: [{ ...body2.goals[0], target: 'Rent current for six months' }] };
        await save(theCase, body3, 2);

        const items = await versions(theCase);
        assert.deepEqual(items.map((v) => v.version), [3, 2, 1], 'newest first');
        for (const v of items) {
          assert.deepEqual(sortedKeys(v), VERSION_KEYS);
          assert.match(v.changed_at, ISO_UTC);
          for (const c of v.changes) assert.deepEqual(sortedKeys(c), CHANGE_KEYS);
        }
        const [third, second, first] = items;
        assert.equal(first.changed_by, ctx.users.cm.id);
        assert.equal(first.note, null);
        assert.equal(Date.parse(first.changed_at), Date.parse(v1.updated_at));
        assert.deepEqual(changeSet(first.changes), changeSet([
          { path: 'needs[n1]', before: null, after: body1.needs[0].description },
          { path: 'goals[g1]', before: null, after: body1.goals[0].description },
          { path: 'interventions[i1]', before: null, after: body1.interventions[0].description },
        ]), 'the first version adds every item');
        for (const c of first.changes) assert.equal(c.before, null, `${c.path}: before is null`);

        assert.equal(second.changed_by, ctx.users.supervisor.id);
        assert.equal(second.note, 'After the home visit');
        assert.equal(Date.parse(second.changed_at), Date.parse(v2.updated_at));
        assert.deepEqual(changeSet(second.changes), changeSet([
          { path: 'needs[n2]', before: null, after: 'Skips meals' },
          { path: 'goals[g1].status', before: 'not_started', after: 'in_progress' },
          { path: 'goals[g1].percent_achieved', before: '0', after: '40' },
          { path: 'interventions[i1]', before: 'Apply for emergency rental assistance', after: null },
          { path: 'interventions[i2]', before: null, after: 'Budgeting class' },
        ]));
        const percent = second.changes.find((c) => c.path === 'goals[g1].percent_achieved');
        assert.equal(String(percent.before), '0');
        assert.equal(String(percent.after), '40');

        assert.equal(third.changed_by, ctx.users.cm.id);
        assert.deepEqual(changeSet(third.changes), changeSet([
          { path: 'needs[n2]', before: 'Skips meals', after: null },
          { path: 'goals[g1].target', before: 'Rent current for three months', after: 'Rent current for six months' },
        ]));
      });

      it('a save that changes nothing is still a version, with no changes', async () => {
        const { theCase } = await cy.newCase({ program });
        await save(theCase, planBody());
        const p = await save(theCase, { ...planBody(), note: 'Reviewed with the client; no change' }, 1);
        assert.equal(p.version, 2);
        const [newest] = await versions(theCase);
        assert.equal(newest.version, 2);
        assert.equal(newest.note, 'Reviewed with the client; no change');
        assert.deepEqual(newest.changes, []);
      });
    });

    describe('validation', () => {
      it('errors name the item\'s field (422), and nothing is saved', async () => {
        const { theCase } = await cy.newCase({ program });
        const base = planBody();
        const g = base.goals[0];
        const goal2 = { ...g, id: 'g2' };
        const rows = [
          [{ goals: [{ ...g, due_date: '2030-02-30' }] }, 'goals[0].due_date'],
          [{ goals: [{ ...g, due_date: '30/06/2030' }] }, 'goals[0].due_date'],
          [{ goals: [g, { ...goal2, due_date: 'next week' }] }, 'goals[1].due_date'],
          [{ goals: [{ ...g, percent_achieved: 101 }] }, 'goals[0].percent_achieved'],
          [{ goals: [{ ...g, percent_achieved: -1 }] }, 'goals[0].percent_achieved'],
          [{ goals: [{ ...g, need_id: 'n9' }] }, 'goals[0].need_id'],
          [{ goals: [{ ...g, status: 'done' }] }, 'goals[0].status'],
          [{ goals: [{ ...g, responsible_kind: 'neighbor' }] }, 'goals[0].responsible_kind'],
          [{ goals: [g, { ...goal2, id: 'g1' }] }, 'goals[1].id'],
          [{ interventions: [{ ...base.interventions[0], goal_id: 'g9' }] }, 'interventions[0].goal_id'],
          [{ interventions: [{ ...base.interventions[0], kind: 'medication' }] }, 'interventions[0].kind'],
          [{ needs: [{ ...base.needs[0], status: 'open' }] }, 'needs[0].status'],
          [{ needs: [base.needs[0], { ...base.needs[0] }] }, 'needs[1].id'],
          [{ needs: [{ ...base.needs[0], id: 'x'.repeat(41) }], goals: [], interventions: [] }, 'needs[0].id'],
          [{ needs: [{ ...base.needs[0], category: '' }] }, 'needs[0].category'],
        ];
        for (const [over, field] of rows) {
          assertError(await put(theCase, planBody(over)), 422, 'invalid_argument', field);
        }
        assert.equal(await plan(theCase), null, 'no plan was made');
        assert.deepEqual(await versions(theCase), []);

        // The same on a later save (with If-Match), and a good save still works.
        const v1 = await save(theCase, base);
        for (const [over, field] of rows) {
          assertError(await put(theCase, planBody(over), { ifMatch: 1 }), 422, 'invalid_argument', field);
        }
        assert.deepEqual(await plan(theCase), v1);
        assert.equal((await versions(theCase)).length, 1);
      });

      it('a value of the wrong JSON type or an unknown member is 400', async () => {
        const { theCase } = await cy.newCase({ program });
        const g = planBody().goals[0];
        assertError(await put(theCase, planBody({ goals: [{ ...g, percent_achieved: '40' }] })), 400, 'malformed_request',
          'goals[0].percent_achieved');
        assertError(await put(theCase, planBody({ needs: 'housing' })), 400, 'malformed_request', 'needs');
        assertError(await put(theCase, { ...planBody(), colour: 'blue' }), 400, 'malformed_request');
        assertError(await put(theCase, planBody({ goals: [{ ...g, colour: 'blue' }] })), 400, 'malformed_request');
        assert.equal(await plan(theCase), null);
      });

      it('an unknown case answers 404', async () => {
        assertError(await cm().request('PUT', '/api/v1/cases/cs_doesnotexist0000/care-plan', { json: planBody() }), 404,
          'not_found');
        assertError(await cm().get('/api/v1/cases/cs_doesnotexist0000/care-plan'), 404, 'not_found');
      });
    });

    describe('linked records', () => {
      const fx = {};

      before(async () => {
        const { client, theCase } = await cy.newCase({ program });
        fx.client = client;
        fx.case = theCase;
        const other = await cy.newCase({ program: program2, client });
        fx.other = other.theCase;
        for (const [key, k] of [['own', fx.case], ['theirs', fx.other]]) {
          const task = await cm().post('/api/v1/tasks',
            { title: 'Call the housing authority', due_at: ahead({ days: 2 }), client_id: client.id, case_id: k.id });
          assertStatus(task, 201);
          const appointment = await cm().post(`/api/v1/cases/${k.id}/appointments`,
            { kind: 'home_visit', starts_at: ahead({ days: 3 }), ends_at: ahead({ days: 3, hours: 1 }) });
          assertStatus(appointment, 201);
          const referral = await cm().post(`/api/v1/cases/${k.id}/referrals-out`,
            { provider_name: 'Springfield Legal Aid', service: 'Eviction defense', reason: 'Eviction notice' });
          assertStatus(referral, 201);
          fx[key] = { task: task.body.id, appointment: appointment.body.id, referral: referral.body.id };
        }
      });

      function linked(links) {
        return planBody({
          interventions: links.map((l, n) => ({ id: `i${n + 1}`, goal_id: 'g1', kind: 'coordination',
            description: `Step ${n + 1}`, ...l })),
        });
      }

      it('a task, appointment or referral out of another case answers 404 naming the intervention\'s field', async () => {
        const rows = [
          [[{ task_id: fx.theirs.task }], 'interventions[0].task_id'],
          [[{ task_id: fx.own.task }, { appointment_id: fx.theirs.appointment }], 'interventions[1].appointment_id'],
          [[{}, {}, { referral_out_id: fx.theirs.referral }], 'interventions[2].referral_out_id'],
          [[{ task_id: 'tk_doesnotexist0000' }], 'interventions[0].task_id'],
          // An appointment id given as a task is not the case's task.
          [[{ task_id: fx.own.appointment }], 'interventions[0].task_id'],
        ];
        for (const [links, field] of rows) assertError(await put(fx.case, linked(links)), 404, 'not_found', field);
        assert.equal(await plan(fx.case), null, 'nothing saved');
      });

      it('the case\'s own records link, and come back on the plan', async () => {
        const p = await save(fx.case, linked([
          { task_id: fx.own.task },
          { appointment_id: fx.own.appointment },
          { referral_out_id: fx.own.referral, task_id: fx.own.task },
        ]));
        assert.deepEqual(p.interventions.map((i) => [i.id, i.task_id, i.appointment_id, i.referral_out_id]), [
          ['i1', fx.own.task, null, null],
          ['i2', null, fx.own.appointment, null],
          ['i3', fx.own.task, null, fx.own.referral],
        ]);
        // The other case's records link to its own plan.
        const q = await save(fx.other, linked([{ task_id: fx.theirs.task, appointment_id: fx.theirs.appointment,
          referral_out_id: fx.theirs.referral }]));
        assert.equal(q.interventions[0].referral_out_id, fx.theirs.referral);
        // A later save naming the other case's task is refused and changes nothing.
        assertError(await put(fx.case, linked([{ task_id: fx.theirs.task }]), { ifMatch: 1 }), 404, 'not_found',
          'interventions[0].task_id');
        assert.deepEqual(await plan(fx.case), p);
      });
    });

    describe('agreement', () => {
      it('records who agreed to which version; agreed_current turns false once the plan changes again', async () => {
        const { theCase } = await cy.newCase({ program });
        const v1 = await save(theCase, planBody());
        const t0 = iso(Date.now());
        const res = await agree(theCase, 1, { kind: 'client', name: 'Maria Lopez' });
        assertStatus(res, 200);
        const agreed = res.body;
        assert.deepEqual(sortedKeys(agreed), PLAN_KEYS);
        assert.deepEqual(sortedKeys(agreed.agreement), AGREEMENT_KEYS);
        assert.equal(agreed.agreement.version, 1);
        assert.equal(agreed.agreement.kind, 'client');
        assert.equal(agreed.agreement.name, 'Maria Lopez');
        assert.equal(agreed.agreement.recorded_by, ctx.users.cm.id);
        assert.match(agreed.agreement.at, ISO_UTC);
        between(agreed.agreement.at, t0, iso(Date.now() + 1000), 'agreement.at');
        assert.equal(agreed.agreed_current, true);
        assert.deepEqual(agreed.needs, v1.needs, 'the content is as it was');
        assert.deepEqual(await plan(theCase), agreed);

        const v2 = await save(theCase, planBody({ goals: [{ ...planBody().goals[0], percent_achieved: 10 }] }),
          agreed.version);
        assert.equal(v2.agreed_current, false, 'the plan changed after the agreement');
        assert.deepEqual(v2.agreement, agreed.agreement, 'the agreement still names the version agreed to');
        assert.deepEqual((await plan(theCase)).agreed_current, false);

        // A family member agrees to the new version.
        const again = await agree(theCase, v2.version, { kind: 'family', name: 'Rosa Lopez (daughter)' });
        assertStatus(again, 200);
        assert.equal(again.body.agreement.version, v2.version);
        assert.equal(again.body.agreement.kind, 'family');
        assert.equal(again.body.agreed_current, true);
        const guardian = await agree(theCase, again.body.version, { kind: 'guardian', name: 'Public Guardian' });
        assertStatus(guardian, 200);
        assert.equal(guardian.body.agreement.kind, 'guardian');
      });

      it('needs If-Match (428), a current version (412), a known kind and a name (422); no plan 404', async () => {
        const { theCase } = await cy.newCase({ program });
        assertError(await agree(theCase, 1, { kind: 'client', name: 'Maria Lopez' }), 404, 'not_found');
        const v1 = await save(theCase, planBody());
        await save(theCase, planBody(), 1);
        assertError(await cm().post(`/api/v1/cases/${theCase.id}/care-plan/agreement`, { kind: 'client', name: 'Maria' }),
          428, 'precondition_required');
        assertError(await agree(theCase, v1.version, { kind: 'client', name: 'Maria' }), 412, 'aborted');
        assertError(await agree(theCase, 2, { kind: 'neighbor', name: 'Maria' }), 422, 'invalid_argument', 'kind');
        assertError(await agree(theCase, 2, { kind: 'client', name: '' }), 422, 'invalid_argument', 'name');
        assertError(await agree(theCase, 2, { kind: 'client' }), 400, 'malformed_request', 'name');
        const p = await plan(theCase);
        assert.equal(p.agreement, null, 'nothing was recorded');
        assert.equal(p.agreed_current, false);
      });
    });

    describe('a closed case', () => {
      it('keeps its plan as it was: PUT and agreement answer 409; GET and versions still read', async () => {
        const { theCase } = await cy.newCase({ program, status: 'referred' });
        const v1 = await save(theCase, planBody());
        const closed = await cm().post(`/api/v1/cases/${theCase.id}/transitions`,
          { to: 'closed', reason: 'Client withdrew before intake' }, { ifMatch: theCase.version });
        assertStatus(closed, 200);
        assert.equal(closed.body.status, 'closed');

        assertError(await put(theCase, planBody({ needs: [{ id: 'n1', category: 'food', description: 'x' }], goals: [],
          interventions: [] }), { ifMatch: 1 }), 409, 'failed_precondition');
        assertError(await put(theCase, planBody()), 409, 'failed_precondition');
        assertError(await agree(theCase, 1, { kind: 'client', name: 'Maria Lopez' }), 409, 'failed_precondition');
        assert.deepEqual(await plan(theCase), v1);
        assert.equal((await versions(theCase)).length, 1);

        // A case closed before any plan: no first plan either.
        const other = await cy.newCase({ program, status: 'referred' });
        assertStatus(await cm().post(`/api/v1/cases/${other.theCase.id}/transitions`,
          { to: 'closed', reason: 'Declined services' }, { ifMatch: other.theCase.version }), 200);
        assertError(await put(other.theCase, planBody()), 409, 'failed_precondition');
        assert.equal(await plan(other.theCase), null);
      });
    });

    describe('needs proposed by a social-needs screen (AHC HRSN)', () => {
      it('each positive domain is proposed once as a need on the assessment\'s case plan, as a new version', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const a = await ahc(client, ahcAnswers(['housing', 'food']), theCase.id);
        assert.deepEqual(a.flags.map((f) => f.code).sort(), [ahcFlag('food').code, ahcFlag('housing').code].sort());
        for (const f of a.flags) assert.equal(f.action, 'sdoh_need');

        const p = await plan(theCase);
        assert.ok(p, 'the screen made a plan');
        assert.equal(p.version, 1);
        assert.equal(p.updated_by, ctx.users.cm.id);
        assert.deepEqual(p.needs.map((n) => n.category).sort(), ['food', 'housing']);
        for (const n of p.needs) {
          assert.deepEqual(sortedKeys(n), NEED_KEYS);
          assert.equal(n.status, 'proposed', n.category);
          assert.equal(typeof n.id, 'string');
          assert.ok(n.id.length >= 1 && n.id.length <= 40, `need id ${n.id} is 1-40 characters`);
          assert.equal(typeof n.source, 'string', `${n.category}: source says where it came from`);
          assert.ok(n.source.includes(a.id), `${n.category}: source names the assessment (${n.source})`);
          assert.equal(typeof n.description, 'string');
          assert.ok(n.description.length > 0);
        }
        assert.notEqual(p.needs[0].id, p.needs[1].id);
        assert.deepEqual(p.goals, []);
        assert.deepEqual(p.interventions, []);
        const [v1, ...more] = await versions(theCase);
        assert.deepEqual(more, []);
        assert.match(v1.note, /^Needs proposed by /);
        assert.equal(v1.changes.length, 2);
        for (const c of v1.changes) assert.equal(c.before, null);

        // A second positive screen in the same domains proposes nothing more.
        await ahc(client, ahcAnswers(['housing', 'food']), theCase.id);
        assert.deepEqual(await plan(theCase), p, 'no new version');
        assert.equal((await versions(theCase)).length, 1);

        // A screen with one new domain adds only that one.
        const b = await ahc(client, ahcAnswers(['housing', 'food', 'transportation']), theCase.id);
        const q = await plan(theCase);
        assert.equal(q.version, 2);
        assert.deepEqual(q.needs.map((n) => n.category).sort(), ['food', 'housing', 'transportation']);
        const transport = q.needs.find((n) => n.category === 'transportation');
        assert.equal(transport.status, 'proposed');
        assert.ok(transport.source.includes(b.id));
        assert.deepEqual(q.needs.filter((n) => n.category !== 'transportation'), p.needs, 'the others as they were');
        const [v2] = await versions(theCase);
        assert.deepEqual(v2.changes.map((c) => [c.path, c.before]), [[`needs[${transport.id}]`, null]]);
      });

      it('a need of that category already active on the plan is not proposed again; a met or dismissed one is', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const v1 = await save(theCase, {
          needs: [
            { id: 'rent', category: 'housing', description: 'Behind on rent', status: 'active' },
            { id: 'pantry', category: 'food', description: 'Pantry visits arranged', status: 'met' },
            { id: 'bus', category: 'transportation', description: 'Bus pass', status: 'dismissed' },
          ],
          goals: [],
          interventions: [],
        });
        await ahc(client, ahcAnswers(['housing', 'food', 'transportation']), theCase.id);
        const p = await plan(theCase);
        assert.equal(p.version, 2);
        assert.deepEqual(p.needs.slice(0, 3), v1.needs, 'the plan\'s own needs are kept as they were');
        const added = p.needs.slice(3);
        assert.deepEqual(added.map((n) => [n.category, n.status]).sort(), [['food', 'proposed'], ['transportation', 'proposed']]);
        assert.equal(p.needs.filter((n) => n.category === 'housing').length, 1, 'housing is already active');

        // Once the proposed ones are on the plan, the next screen adds nothing.
        await ahc(client, ahcAnswers(['housing', 'food', 'transportation']), theCase.id);
        assert.equal((await plan(theCase)).version, 2);
      });

      it('interpersonal safety is positive above 10 only; a negative screen proposes nothing and makes no plan', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const negative = await ahc(client, ahcAnswers([], { 'ahc-7': '3', 'ahc-8': '3', 'ahc-9': '2', 'ahc-10': '2' }),
          theCase.id);
        assert.deepEqual(negative.flags, [], 'items 7-10 adding up to 10 are not positive');
        assert.equal(await plan(theCase), null, 'no plan made');
        const positive = await ahc(client, ahcAnswers(['interpersonal_safety']), theCase.id);
        assert.deepEqual(positive.flags.map((f) => f.need), ['interpersonal_safety']);
        const p = await plan(theCase);
        assert.deepEqual(p.needs.map((n) => [n.category, n.status]), [['interpersonal_safety', 'proposed']]);
      });

      it('without a case, the client\'s newest open case gets the needs; a saved agreement is no longer current', async () => {
        const { client, theCase: older } = await cy.newCase({ program });
        await new Promise((r) => setTimeout(r, 1050 - (Date.now() % 1000))); // cases are stamped with whole seconds
        const { theCase: newer } = await cy.newCase({ program: program2, client });
        const v1 = await save(newer, planBody());
        const agreed = await agree(newer, v1.version, { kind: 'client', name: 'Maria Lopez' });
        assertStatus(agreed, 200);
        assert.equal(agreed.body.agreed_current, true);

        await ahc(client, ahcAnswers(['utilities']));
        assert.equal(await plan(older), null, 'the older case gets nothing');
        const p = await plan(newer);
        assert.equal(p.version, 2);
        assert.deepEqual(p.needs.map((n) => [n.category, n.status]), [['housing', 'active'], ['utilities', 'proposed']]);
        assert.equal(p.agreed_current, false, 'the plan changed after the agreement');
        assert.equal(p.agreement.version, 1);
        // The case manager saves on from the proposal's version.
        assertError(await put(newer, planBody(), { ifMatch: 1 }), 412, 'aborted');
        const accepted = await save(newer, { ...planBody(), needs: p.needs.map((n) => ({ ...n, status: 'active' })) }, 2);
        assert.equal(accepted.version, 3);
        assert.ok(accepted.needs.every((n) => n.status === 'active'));
      });
    });

    describe('access', () => {
      const fx = {};

      before(async () => {
        const { client, theCase } = await cy.newCase({ program });
        fx.client = client;
        fx.case = theCase;
        fx.plan = await save(theCase, planBody());
      });

      async function snapshot() {
        return {
          plan: await plan(fx.case),
          versions: await versions(fx.case),
          assessments: await allItems(cm(), `/api/v1/clients/${fx.client.id}/assessments`),
        };
      }

      function endpoints() {
        const k = fx.case.id;
        const changed = planBody({ needs: [{ id: 'n1', category: 'housing', description: 'Changed by someone else' }] });
        return [
          ['GET /cases/{id}/care-plan', 'GET', `/api/v1/cases/${k}/care-plan`],
          ['PUT /cases/{id}/care-plan', 'PUT', `/api/v1/cases/${k}/care-plan`, changed, fx.plan.version],
          ['PUT /cases/{id}/care-plan (no If-Match)', 'PUT', `/api/v1/cases/${k}/care-plan`, changed],
          ['GET /cases/{id}/care-plan/versions', 'GET', `/api/v1/cases/${k}/care-plan/versions`],
          ['POST /cases/{id}/care-plan/agreement', 'POST', `/api/v1/cases/${k}/care-plan/agreement`,
            { kind: 'client', name: 'Someone Else' }, fx.plan.version],
          // A positive screen would propose needs on the plan.
          ['POST /clients/{id}/assessments (AHC HRSN)', 'POST', `/api/v1/clients/${fx.client.id}/assessments`,
            { instrument_id: 'ahc-hrsn', case_id: k, answers: ahcAnswers(['food']) }],
        ];
      }

      const EXPECTED = {
        anonymous: 401,
        badToken: 401,
        cm2: 403, // a case manager who does not work with the client
        admin: 403,
        auditor: 403,
        director: 403, // never writes; reads only through break-the-glass
        otherCm: 404, // another organization's case
      };


      it('refuses every caller outside the record (401 / 403 / 404 with its error code), and nothing changes', async () => {
        const before_ = await snapshot();
        const { wrong, cells } = await askEveryCaller(ctx, EXPECTED, endpoints(), { undisclosed: fx.client.family_name });
        assert.equal(cells, 42);
        assert.deepEqual(await snapshot(), before_, 'no refused request changed anything');
        assert.deepEqual(wrong, [], `${wrong.length} of ${cells} cells answered wrongly`);
      });

      it('a case manager outside the client is told the client is not theirs', async () => {
        const res = await ctx.as('cm2').get(`/api/v1/cases/${fx.case.id}/care-plan`);
        assertError(res, 403, 'permission_denied');
        assert.equal(res.body.error.message, 'this client is not on your caseload or care team');
        assert.equal(res.text.includes('Behind on rent'), false);
      });

      it('another organization\'s case answers exactly like an unknown case', async () => {
        const theirs = await ctx.as('otherCm').get(`/api/v1/cases/${fx.case.id}/care-plan`);
        const unknown = await ctx.as('otherCm').get('/api/v1/cases/cs_doesnotexist0000/care-plan');
        assertError(theirs, 404, 'not_found');
        assertError(unknown, 404, 'not_found');
        assert.equal(theirs.body.error.message, unknown.body.error.message);
        assert.equal(theirs.body.error.field, unknown.body.error.field);
      });

      it('the case manager\'s supervisor reads and saves (the table is not refusing everyone)', async () => {
        const { theCase } = await cy.newCase({ program });
        await save(theCase, planBody());
        const p = await save(theCase, planBody({ goals: [{ ...planBody().goals[0], percent_achieved: 50 }] }), 1, 'supervisor');
        assert.equal(p.updated_by, ctx.users.supervisor.id);
        assert.equal((await versions(theCase, 'supervisor')).length, 2);
        assertStatus(await agree(theCase, 2, { kind: 'client', name: 'Maria Lopez' }, 'supervisor'), 200);
      });
    });

    describe('audit trail', () => {
      it('every save, read and agreement leaves an entry about the client; a refused read is recorded as refused', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const trail = async (query) => {
          const res = await ctx.as('auditor').get(`/api/v1/audit?${query}`);
          assertStatus(res, 200);
          return res.body.items.filter((e) => e.action !== 'audit.query');
        };
        let seen = Math.max(0, ...(await trail(`client_id=${client.id}&limit=100`)).map((e) => e.sequence));
        for (const [name, step] of [
          ['PUT care-plan', async () => save(theCase, planBody())],
          ['GET care-plan', async () => plan(theCase)],
          ['GET versions', async () => versions(theCase)],
          ['POST agreement', async () => assertStatus(await agree(theCase, 1, { kind: 'client', name: 'Maria Lopez' }), 200)],
        ]) {
          await step();
          const entries = await trail(`client_id=${client.id}&limit=100`);
          const found = entries.find((e) => e.sequence > seen && e.user_id === ctx.users.cm.id && e.outcome === 'success');
          assert.ok(found, `${name} left an entry (newest: ${entries.slice(0, 3).map((e) => e.action).join(', ')})`);
          seen = Math.max(...entries.map((e) => e.sequence));
        }
        assertError(await ctx.as('cm2').get(`/api/v1/cases/${theCase.id}/care-plan`), 403, 'permission_denied');
        const [refusal] = await trail(`action=access.refused&user_id=${ctx.users.cm2.id}`);
        assert.ok(refusal, 'the refusal is on the trail');
        assert.equal(refusal.outcome, 'refused');
        assert.ok(refusal.sequence > seen);
      });
    });
  });
}
