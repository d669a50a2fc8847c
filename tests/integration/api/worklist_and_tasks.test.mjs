// Clock rules per program, tasks, and the worklist that merges them.
//
// - Every program carries `clock_rules` (SPEC.md's defaults) and `notes_need_cosign`; an
//   administrator changes any subset, within bounds. A rule decides when its items fall due: a
//   program whose first contact is due in 24 hours makes a 25-hours-old referral overdue.
// - Tasks: made by hand for oneself (for someone else only by a supervisor), completed or cancelled
//   by the assignee or their supervisor, with If-Match. A task a rule made closes itself; completing
//   it by hand is refused.
// - GET /worklist: the user's open tasks and the clock items of their open cases, one entry for a
//   rule's task and its clock item, ordered overdue first, then the client's risk (high, moderate,
//   low, none), then due_at. GET /worklist/team: the same for a supervisor's team, supervisors only.
//
// Clocks are hours long, so the records are written with past times instead of waiting.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { ISO_UTC, assertError, assertStatus, backends, useSuite } from './harness.mjs';
import {
  CLOCK_RULE_DEFAULTS, HOUR, TASK_KEYS, WORKLIST_ITEM_KEYS, ago, ahead, between, cycle, dischargeBody, iso, plus,
  sameInstant, sortedKeys,
} from './cycle.mjs';

const PRIORITIES = ['urgent', 'high', 'normal', 'low'];

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, {
      users: ['cm', 'cm2', 'cm3', 'nurse', 'supervisor', 'supervisor2', 'director', 'admin', 'auditor'],
    });
    const cy = cycle(ctx);
    const cm = () => ctx.as('cm');
    let program = null;

    before(async () => {
      await cy.supervise('cm', 'supervisor');
      await cy.supervise('cm2', 'supervisor');
      await cy.supervise('nurse', 'supervisor');
      await cy.supervise('cm3', 'supervisor2'); // supervisor2's team: cm3 alone
      program = await cy.newProgram('Care Transitions');
    });

    async function newTask(as, body) {
      const res = await ctx.as(as).post('/api/v1/tasks', { title: 'Call the pharmacy', due_at: ahead({ hours: 4 }), ...body });
      assertStatus(res, 201);
      return res.body;
    }

    async function taskIds(as, status = 'open') {
      return (await cy.tasks(as, status)).map((t) => t.id).sort();
    }

    async function findTask(as, id) {
      for (const status of ['open', 'done', 'cancelled']) {
        const found = (await cy.tasks(as, status)).find((t) => t.id === id);
        if (found) return found;
      }
      return null;
    }

    /** A referral out of the case, sent: its follow-up task exists. Answers the sent ReferralOut. */
    async function sentReferralOut(theCase, as = 'cm') {
      const created = await ctx.as(as).post(`/api/v1/cases/${theCase.id}/referrals-out`,
        { provider_name: 'Springfield Home Health', service: 'Home health aide', reason: 'Needs help bathing' });
      assertStatus(created, 201);
      const sent = await ctx.as(as).post(`/api/v1/referrals-out/${created.body.id}/send`, {},
        { ifMatch: created.body.version });
      assertStatus(sent, 200);
      assert.equal(sent.body.status, 'sent');
      return sent.body;
    }

    describe('clock rules per program', () => {
      it('a new program carries the default clock rules and notes_need_cosign false', async () => {
        const p = await cy.newProgram('Defaults');
        assert.deepEqual(p.clock_rules, CLOCK_RULE_DEFAULTS);
        assert.equal(p.notes_need_cosign, false);
        const read = await cm().get(`/api/v1/programs/${p.id}`);
        assertStatus(read, 200);
        assert.deepEqual(read.body.clock_rules, CLOCK_RULE_DEFAULTS);
        assert.equal(read.body.notes_need_cosign, false);
        const listed = (await cm().get('/api/v1/programs')).body.items.find((x) => x.id === p.id);
        assert.deepEqual(listed.clock_rules, CLOCK_RULE_DEFAULTS);
      });

      it('PATCH /programs/{id} with a subset of the rules changes those and keeps the others', async () => {
        const p = await cy.newProgram('Subset');
        const res = await ctx.as('admin').patch(`/api/v1/programs/${p.id}`,
          { clock_rules: { note_hours: 12, plan_review_days: 90 }, notes_need_cosign: true }, { ifMatch: p.version });
        assertStatus(res, 200);
        assert.equal(res.body.version, p.version + 1);
        assert.deepEqual(res.body.clock_rules, { ...CLOCK_RULE_DEFAULTS, note_hours: 12, plan_review_days: 90 });
        assert.equal(res.body.notes_need_cosign, true);
        assert.equal(res.body.name, p.name, 'other fields are kept');
        const again = await ctx.as('admin').patch(`/api/v1/programs/${p.id}`, { clock_rules: { incident_hours: 2 } },
          { ifMatch: res.body.version });
        assertStatus(again, 200);
        assert.deepEqual(again.body.clock_rules,
          { ...CLOCK_RULE_DEFAULTS, note_hours: 12, plan_review_days: 90, incident_hours: 2 });
        assert.equal(again.body.notes_need_cosign, true);
        assert.deepEqual((await cm().get(`/api/v1/programs/${p.id}`)).body, again.body);
      });

      it('the bounds: hours 1–8760 and days 1–365 are taken; outside them 422 names clock_rules.<rule>', async () => {
        let p = await cy.newProgram('Bounds');
        for (const [rule, value] of [['first_contact_hours', 1], ['check_in_hours', 8760], ['plan_review_days', 365],
          ['event_review_days', 1]]) {
          p = await cy.configure(p, { clock_rules: { [rule]: value } });
        }
        const snapshot = (await cm().get(`/api/v1/programs/${p.id}`)).body;
        const rows = [
          ['first_contact_hours', 0], ['note_hours', 8761], ['incident_hours', -4], ['referral_follow_up_hours', 100000],
          ['check_in_hours', 0], ['plan_review_days', 0], ['plan_review_days', 366], ['event_review_days', 400],
        ];
        for (const [rule, value] of rows) {
          const res = await ctx.as('admin').patch(`/api/v1/programs/${p.id}`, { clock_rules: { [rule]: value } },
            { ifMatch: snapshot.version });
          assertError(res, 422, 'invalid_argument', `clock_rules.${rule}`);
        }
        assertError(await ctx.as('admin').patch(`/api/v1/programs/${p.id}`, { clock_rules: { note_hours: '24' } },
          { ifMatch: snapshot.version }), 400, 'malformed_request', 'clock_rules.note_hours');
        assertError(await ctx.as('admin').patch(`/api/v1/programs/${p.id}`, { clock_rules: { coffee_hours: 1 } },
          { ifMatch: snapshot.version }), 400, 'malformed_request', 'clock_rules.coffee_hours');
        assertError(await ctx.as('admin').patch(`/api/v1/programs/${p.id}`, { notes_need_cosign: 'yes' },
          { ifMatch: snapshot.version }), 400, 'malformed_request', 'notes_need_cosign');
        assert.deepEqual((await cm().get(`/api/v1/programs/${p.id}`)).body, snapshot, 'nothing changed');
      });

      it('only an administrator changes the rules: a supervisor or case manager 403, stale If-Match 412', async () => {
        const p = await cy.newProgram('Guarded');
        for (const who of ['supervisor', 'cm', 'director']) {
          assertError(await ctx.as(who).patch(`/api/v1/programs/${p.id}`, { clock_rules: { note_hours: 1 } },
            { ifMatch: p.version }), 403, 'permission_denied');
        }
        assertError(await ctx.as('admin').patch(`/api/v1/programs/${p.id}`, { clock_rules: { note_hours: 1 } },
          { ifMatch: p.version + 3 }), 412, 'aborted');
        assert.deepEqual((await cm().get(`/api/v1/programs/${p.id}`)).body, p);
      });

      it('first_contact_hours 24: a referral 24 h + 1 min old is overdue, 24 h − 1 min is not; due_at is receipt + 24 h', async () => {
        const quick = await cy.newProgram('Quick Contact', { clock_rules: { first_contact_hours: 24 } });
        const late = await cy.newReferral({ client: await cy.newClient('cm'), program: quick, received_at: ago({ hours: 24, minutes: 1 }) });
        sameInstant(late.clock.due_at, plus(late.received_at, 24 * HOUR));
        assert.equal(late.clock.overdue, true);
        const early = await cy.newReferral({ client: await cy.newClient('cm'), program: quick, received_at: ago({ hours: 23, minutes: 59 }) });
        sameInstant(early.clock.due_at, plus(early.received_at, 24 * HOUR));
        assert.equal(early.clock.overdue, false);
        const defaults = await cy.newReferral({ client: await cy.newClient('cm'), program, received_at: ago({ hours: 25 }) });
        assert.equal(defaults.clock.overdue, false, 'the same age under the default 72 h is not overdue');
      });

      it('changing a program\'s rule re-times its running clocks: a 25-hours-old referral falls overdue at 24 h', async () => {
        const p = await cy.newProgram('Retimed');
        const r = await cy.newReferral({ client: await cy.newClient('cm'), program: p, received_at: ago({ hours: 25 }) });
        assert.equal(r.clock.overdue, false);
        sameInstant(r.clock.due_at, plus(r.received_at, 72 * HOUR));
        await cy.configure(p, { clock_rules: { first_contact_hours: 24 } });
        const read = await cy.getReferral('cm', r.id);
        sameInstant(read.clock.due_at, plus(r.received_at, 24 * HOUR));
        assert.equal(read.clock.overdue, true);
      });
    });

    describe('tasks', () => {
      it('POST /tasks answers 201 with the Task: open, assigned to the caller, made by hand', async () => {
        const client = await cy.newClient('cm');
        const dueAt = ahead({ hours: 6 });
        const t0 = iso(Date.now());
        const res = await cm().post('/api/v1/tasks', {
          title: 'Call the pharmacy about refills', details: 'Ask for a blister pack.', due_at: dueAt, priority: 'high',
          client_id: client.id,
        });
        assertStatus(res, 201);
        const t = res.body;
        assert.deepEqual(sortedKeys(t), TASK_KEYS);
        assert.doesNotMatch(t.id, /^\d+$/);
        assert.equal(t.version, 1);
        assert.equal(t.title, 'Call the pharmacy about refills');
        assert.equal(t.details, 'Ask for a blister pack.');
        sameInstant(t.due_at, dueAt, 'due_at');
        assert.equal(t.priority, 'high');
        assert.equal(t.status, 'open');
        assert.equal(t.assignee_id, ctx.users.cm.id, 'the assignee defaults to the caller');
        assert.equal(t.created_by, ctx.users.cm.id);
        assert.equal(t.client_id, client.id);
        assert.equal(t.case_id, null);
        assert.equal(t.rule, null, 'made by hand');
        assert.equal(t.source_id, null);
        assert.equal(t.completed_at, null);
        assert.equal(t.completed_by, null);
        assert.equal(t.overdue, false);
        assert.match(t.created_at, ISO_UTC);
        between(t.created_at, t0, iso(Date.now() + 1000), 'created_at');
        assert.deepEqual((await cy.tasks('cm', 'open')).find((x) => x.id === t.id), t);
      });

      it('a task past its due time is overdue; the priority is one of urgent, high, normal, low', async () => {
        const t = await newTask('cm', { title: 'Send the intake packet', due_at: ago({ minutes: 1 }) });
        assert.equal(t.overdue, true);
        assert.ok(PRIORITIES.includes(t.priority), t.priority);
        const soon = await newTask('cm', { title: 'Confirm transport', due_at: ahead({ minutes: 1 }) });
        assert.equal(soon.overdue, false);
      });

      it('a case manager may not give a task to someone else: 403 naming assignee_id, nothing is made', async () => {
        const before_ = await taskIds('cm2');
        const res = await cm().post('/api/v1/tasks', { title: 'Visit Mrs Lopez', due_at: ahead({ hours: 2 }),
          assignee_id: ctx.users.cm2.id });
        assertError(res, 403, 'permission_denied', 'assignee_id');
        assert.deepEqual(await taskIds('cm2'), before_);
        // Naming oneself is fine.
        const own = await newTask('cm', { assignee_id: ctx.users.cm.id });
        assert.equal(own.assignee_id, ctx.users.cm.id);
      });

      it('a supervisor gives a task to a case manager: it is on their list, made by the supervisor', async () => {
        const t = await newTask('supervisor', { title: 'Review the Lopez discharge', assignee_id: ctx.users.cm.id, priority: 'urgent' });
        assert.equal(t.assignee_id, ctx.users.cm.id);
        assert.equal(t.created_by, ctx.users.supervisor.id);
        assert.ok((await taskIds('cm')).includes(t.id));
        assert.equal((await taskIds('supervisor')).includes(t.id), false, 'GET /tasks lists one\'s own tasks');
      });

      it('a linked client must be one the caller may open: 403 for another\'s client, 404 naming client_id for an unknown one', async () => {
        const theirs = await cy.newClient('cm2');
        const before_ = await taskIds('cm');
        assertError(await cm().post('/api/v1/tasks', { title: 'Peek', due_at: ahead({ hours: 1 }), client_id: theirs.id }),
          403, 'permission_denied');
        assertError(await cm().post('/api/v1/tasks', { title: 'Ghost', due_at: ahead({ hours: 1 }), client_id: 'cl_doesnotexist0000' }),
          404, 'not_found', 'client_id');
        assert.deepEqual(await taskIds('cm'), before_);
      });

      it('bad task bodies: missing title 400, blank title 422, bad due_at 422, unknown priority 422', async () => {
        const before_ = await taskIds('cm');
        assertError(await cm().post('/api/v1/tasks', { due_at: ahead({ hours: 1 }) }), 400, 'malformed_request', 'title');
        assertError(await cm().post('/api/v1/tasks', { title: '  ', due_at: ahead({ hours: 1 }) }), 422, 'invalid_argument', 'title');
        assertError(await cm().post('/api/v1/tasks', { title: 'x', due_at: 'tomorrow' }), 422, 'invalid_argument', 'due_at');
        assertError(await cm().post('/api/v1/tasks', { title: 'x', due_at: ahead({ hours: 1 }), priority: 'asap' }), 422,
          'invalid_argument', 'priority');
        assert.deepEqual(await taskIds('cm'), before_);
      });

      it('the assignee completes a task: 200 done, completed_at and completed_by, version 2; it moves to status=done', async () => {
        const t = await newTask('cm', {});
        const t0 = iso(Date.now());
        const res = await cm().post(`/api/v1/tasks/${t.id}/complete`, {}, { ifMatch: t.version });
        assertStatus(res, 200);
        assert.equal(res.body.status, 'done');
        assert.equal(res.body.version, 2);
        assert.equal(res.body.completed_by, ctx.users.cm.id);
        between(res.body.completed_at, t0, iso(Date.now() + 1000), 'completed_at');
        assert.equal((await taskIds('cm', 'open')).includes(t.id), false);
        assert.deepEqual((await cy.tasks('cm', 'done')).find((x) => x.id === t.id), res.body);
      });

      it('the assignee\'s supervisor completes it; to anyone else the task does not exist (404) and nothing changes', async () => {
        const t = await newTask('cm', {});
        assertError(await ctx.as('cm2').post(`/api/v1/tasks/${t.id}/complete`, {}, { ifMatch: t.version }), 404, 'not_found');
        assertError(await ctx.as('supervisor2').post(`/api/v1/tasks/${t.id}/cancel`, {}, { ifMatch: t.version }), 404,
          'not_found');
        assert.deepEqual(await findTask('cm', t.id), t);
        const res = await ctx.as('supervisor').post(`/api/v1/tasks/${t.id}/complete`, {}, { ifMatch: t.version });
        assertStatus(res, 200);
        assert.equal(res.body.completed_by, ctx.users.supervisor.id);
      });

      it('cancel: 200 cancelled; then complete or cancel again answers 409; the task stays cancelled', async () => {
        const t = await newTask('cm', {});
        const res = await cm().post(`/api/v1/tasks/${t.id}/cancel`, {}, { ifMatch: t.version });
        assertStatus(res, 200);
        assert.equal(res.body.status, 'cancelled');
        assertError(await cm().post(`/api/v1/tasks/${t.id}/complete`, {}, { ifMatch: res.body.version }), 409, 'failed_precondition');
        assertError(await cm().post(`/api/v1/tasks/${t.id}/cancel`, {}, { ifMatch: res.body.version }), 409, 'failed_precondition');
        assert.deepEqual((await cy.tasks('cm', 'cancelled')).find((x) => x.id === t.id), res.body);
      });

      it('a done task cannot be completed again (409)', async () => {
        const t = await newTask('cm', {});
        const done = await cm().post(`/api/v1/tasks/${t.id}/complete`, {}, { ifMatch: t.version });
        assertStatus(done, 200);
        assertError(await cm().post(`/api/v1/tasks/${t.id}/complete`, {}, { ifMatch: done.body.version }), 409, 'failed_precondition');
        assert.deepEqual(await findTask('cm', t.id), done.body);
      });

      it('a stale If-Match answers 412, none 428, and the task is unchanged', async () => {
        const t = await newTask('cm', {});
        assertError(await cm().post(`/api/v1/tasks/${t.id}/complete`, {}, { ifMatch: t.version + 1 }), 412, 'aborted');
        assertError(await cm().post(`/api/v1/tasks/${t.id}/cancel`, {}, { ifMatch: t.version + 1 }), 412, 'aborted');
        assertError(await cm().post(`/api/v1/tasks/${t.id}/complete`, {}), 428, 'precondition_required');
        assert.deepEqual(await findTask('cm', t.id), t);
        assertError(await cm().post('/api/v1/tasks/tk_doesnotexist0000/complete', {}, { ifMatch: 1 }), 404, 'not_found');
      });

      it('a task a rule made (referral follow-up) cannot be completed by hand: 409, it stays open', async () => {
        const { theCase } = await cy.newCase({ program });
        const ro = await sentReferralOut(theCase);
        const [task] = (await cy.tasks('cm', 'open')).filter((t) => t.source_id === ro.id);
        assert.ok(task, 'sending made the follow-up task');
        assert.equal(task.rule, 'referral_follow_up');
        assert.equal(task.case_id, theCase.id);
        const res = await cm().post(`/api/v1/tasks/${task.id}/complete`, {}, { ifMatch: task.version });
        assertError(res, 409, 'failed_precondition');
        assert.deepEqual(await findTask('cm', task.id), task);
      });

      it('GET /tasks with an unknown status answers 422 naming status', async () => {
        assertError(await cm().get('/api/v1/tasks?status=later'), 422, 'invalid_argument', 'status');
      });
    });

    describe('worklist', () => {
      it('Client.risk_level defaults to none, takes none|low|moderate|high, and refuses anything else with 422', async () => {
        const plain = await cy.newClient('cm');
        assert.equal(plain.risk_level, 'none');
        const high = await cy.newClient('cm', { risk_level: 'high' });
        assert.equal(high.risk_level, 'high');
        const patched = await cm().patch(`/api/v1/clients/${plain.id}`, { risk_level: 'moderate' }, { ifMatch: plain.version });
        assertStatus(patched, 200);
        assert.equal(patched.body.risk_level, 'moderate');
        assertError(await cm().patch(`/api/v1/clients/${plain.id}`, { risk_level: 'extreme' }, { ifMatch: patched.body.version }),
          422, 'invalid_argument', 'risk_level');
        assert.equal((await cm().get(`/api/v1/clients/${plain.id}`)).body.risk_level, 'moderate');
      });

      it('entries carry the documented fields: a task entry and a clock entry', async () => {
        const client = await cy.newClient('cm', { risk_level: 'low' });
        const t = await newTask('cm', { title: 'Bring the pill organizer', client_id: client.id, priority: 'low' });
        const r = await cy.assignReferral(await cy.newReferral({ client, program, received_at: ago({ hours: 2 }) }), 'cm');
        const wl = await cy.worklist('cm');
        assert.match(wl.as_of, ISO_UTC);
        between(wl.as_of, iso(Date.now() - 10_000), iso(Date.now() + 1000), 'as_of');
        const mine = wl.items.filter((i) => i.client_id === client.id);
        assert.equal(mine.length, 2, JSON.stringify(mine));
        for (const i of mine) assert.deepEqual(sortedKeys(i), WORKLIST_ITEM_KEYS);

        const taskEntry = mine.find((i) => i.task_id === t.id);
        assert.ok(taskEntry, 'the task is on the worklist');
        assert.equal(taskEntry.kind, 'task');
        assert.equal(taskEntry.rule, null);
        assert.equal(taskEntry.title, t.title);
        sameInstant(taskEntry.due_at, t.due_at);
        assert.equal(taskEntry.overdue, false);
        assert.equal(taskEntry.priority, 'low');
        assert.equal(taskEntry.client_name, `${client.family_name}, ${client.given_name}`);
        assert.equal(taskEntry.client_risk, 'low');
        assert.equal(taskEntry.assignee_id, ctx.users.cm.id);
        assert.equal(taskEntry.assignee_name, ctx.users.cm.displayName);

        const clockEntry = mine.find((i) => i.rule === 'first_contact');
        assert.ok(clockEntry, 'the first-contact clock is on the worklist');
        assert.equal(clockEntry.kind, 'clock');
        assert.equal(clockEntry.task_id, null);
        assert.equal(clockEntry.record_id, r.id);
        assert.equal(clockEntry.case_id, r.case_id);
        sameInstant(clockEntry.due_at, plus(r.received_at, 72 * HOUR));
        assert.equal(clockEntry.overdue, false);
        assert.ok(PRIORITIES.includes(clockEntry.priority), clockEntry.priority);
        assert.equal(clockEntry.client_risk, 'low');
        assert.equal(clockEntry.assignee_id, ctx.users.cm.id);
      });

      it('the order: overdue first, then client risk high > moderate > low > none, then due_at', async () => {
        // The nurse's worklist holds only what this test makes.
        const nurseClient = (risk) => cy.newClient('nurse', { risk_level: risk });
        const high = await nurseClient('high');
        const moderate = await nurseClient('moderate');
        const low = await nurseClient('low');
        const none = await nurseClient('none');
        const task = (label, client, due) => newTask('nurse', { title: label, client_id: client.id, due_at: due });
        const A = await task('A high +5h', high, ahead({ hours: 5 }));
        const B = await task('B none −2h', none, ago({ hours: 2 }));
        const C = await task('C moderate +1h', moderate, ahead({ hours: 1 }));
        const D = await task('D high +2h', high, ahead({ hours: 2 }));
        const E = await task('E low −1h', low, ago({ hours: 1 }));
        const E2 = await task('E2 low −3h', low, ago({ hours: 3 }));
        const F = await task('F low +30m', low, ahead({ minutes: 30 }));
        // G: a first contact 1 hour overdue, for the moderate client (a clock item, not a task).
        const G = await cy.assignReferral(
          await cy.newReferral({ as: 'nurse', client: moderate, program, received_at: ago({ hours: 73 }) }), 'nurse');

        const wl = await cy.worklist('nurse');
        const label = (i) => {
          const byTask = [A, B, C, D, E, E2, F].find((t) => t.id === i.task_id);
          if (byTask) return byTask.title.split(' ')[0];
          if (i.record_id === G.id && i.rule === 'first_contact') return 'G';
          return `unexpected ${JSON.stringify(i)}`;
        };
        assert.deepEqual(wl.items.map(label), ['G', 'E2', 'E', 'B', 'D', 'A', 'C', 'F']);
        assert.deepEqual(wl.items.map((i) => i.overdue), [true, true, true, true, false, false, false, false]);
        assert.deepEqual(wl.items.map((i) => i.client_risk),
          ['moderate', 'low', 'low', 'none', 'high', 'high', 'moderate', 'low']);

        // Raising a client's risk moves its entries up within their group.
        const raised = await ctx.as('nurse').patch(`/api/v1/clients/${low.id}`, { risk_level: 'high' }, { ifMatch: low.version });
        assertStatus(raised, 200);
        const after = await cy.worklist('nurse');
        assert.deepEqual(after.items.map(label), ['E2', 'E', 'G', 'B', 'F', 'D', 'A', 'C']);
      });

      it('done and cancelled tasks leave the worklist; another user\'s tasks are never on it', async () => {
        const done = await newTask('cm', { title: 'Done soon' });
        const cancelled = await newTask('cm', { title: 'Cancelled soon' });
        const cm2Task = await newTask('cm2', { title: 'Not for cm' });
        const ids = async (as) => (await cy.worklist(as)).items.map((i) => i.task_id);
        assert.ok((await ids('cm')).includes(done.id));
        assertStatus(await cm().post(`/api/v1/tasks/${done.id}/complete`, {}, { ifMatch: done.version }), 200);
        assertStatus(await cm().post(`/api/v1/tasks/${cancelled.id}/cancel`, {}, { ifMatch: cancelled.version }), 200);
        const left = await ids('cm');
        assert.equal(left.includes(done.id), false);
        assert.equal(left.includes(cancelled.id), false);
        assert.equal(left.includes(cm2Task.id), false);
        assert.ok((await ids('cm2')).includes(cm2Task.id));
      });

      it('a rule\'s task and its clock item are one entry: the referral follow-up after sending', async () => {
        const { client, theCase } = await cy.newCase({ program, risk: 'moderate' });
        const t0 = iso(Date.now());
        const ro = await sentReferralOut(theCase);
        const [task] = (await cy.tasks('cm', 'open')).filter((t) => t.source_id === ro.id);
        assert.ok(task);
        between(task.due_at, plus(t0, 48 * HOUR), iso(Date.now() + 48 * HOUR + 1000), 'the follow-up is due 48 h after sending');
        const entries = (await cy.owed('cm', { caseId: theCase.id })).filter((i) => i.rule === 'referral_follow_up');
        assert.equal(entries.length, 1, `one entry, not two: ${JSON.stringify(entries)}`);
        assert.equal(entries[0].task_id, task.id);
        assert.equal(entries[0].record_id, ro.id);
        assert.equal(entries[0].client_id, client.id);
        sameInstant(entries[0].due_at, task.due_at);
        assert.equal(entries[0].overdue, false);
      });

      it('a rule\'s task and its clock item are one entry: the post-discharge check-in', async () => {
        const { theCase } = await cy.newCase({ program });
        const res = await cm().post(`/api/v1/cases/${theCase.id}/discharge`, dischargeBody(), { ifMatch: theCase.version });
        assertStatus(res, 201);
        const entries = await cy.owedFor('cm', theCase.id, 'post_discharge_check_in');
        assert.equal(entries.length, 1, `one entry, not two: ${JSON.stringify(entries)}`);
        const [task] = (await cy.tasks('cm', 'open')).filter((t) => t.rule === 'post_discharge_check_in' && t.case_id === theCase.id);
        assert.ok(task, 'discharge made the check-in task');
        assert.equal(entries[0].task_id, task.id);
      });

      it('the items of a closed case vanish from the worklist', async () => {
        const client = await cy.newClient('cm', { risk_level: 'high' });
        const r = await cy.assignReferral(await cy.newReferral({ client, program, received_at: ago({ hours: 90 }) }), 'cm');
        const [entry] = await cy.owedFor('cm', r.case_id, 'first_contact');
        assert.ok(entry, 'the overdue first contact is owed');
        assert.equal(entry.overdue, true);
        const theCase = await cy.getCase('cm', r.case_id);
        const closed = await cm().post(`/api/v1/cases/${theCase.id}/transitions`, { to: 'closed', reason: 'Client declined services' },
          { ifMatch: theCase.version });
        assertStatus(closed, 200);
        assert.deepEqual(await cy.owed('cm', { caseId: theCase.id }), []);
      });

      it('the worklist answers 401 without a session', async () => {
        assertError(await ctx.anon.get('/api/v1/worklist'), 401, 'unauthenticated');
      });
    });

    describe('team worklist', () => {
      let cm3Late = null;
      let cm3Soon = null;
      let ownTask = null;

      before(async () => {
        cm3Late = await newTask('cm3', { title: 'cm3 late', due_at: ago({ hours: 1 }) });
        cm3Soon = await newTask('cm3', { title: 'cm3 soon', due_at: ahead({ hours: 3 }) });
        ownTask = await newTask('supervisor2', { title: 'supervisor2 own', due_at: ahead({ hours: 1 }) });
      });

      it('a supervisor sees their own and their staff\'s entries, ordered, with a line per person', async () => {
        const res = await ctx.as('supervisor2').get('/api/v1/worklist/team');
        assertStatus(res, 200);
        assert.match(res.body.as_of, ISO_UTC);
        assert.deepEqual(res.body.items.map((i) => i.task_id), [cm3Late.id, ownTask.id, cm3Soon.id]);
        for (const i of res.body.items) assert.deepEqual(sortedKeys(i), WORKLIST_ITEM_KEYS);
        assert.deepEqual(res.body.items.map((i) => i.assignee_id),
          [ctx.users.cm3.id, ctx.users.supervisor2.id, ctx.users.cm3.id]);
        assert.equal(res.body.items[0].assignee_name, ctx.users.cm3.displayName);
        const people = [...res.body.people].sort((a, b) => (a.user_id < b.user_id ? -1 : 1));
        const expected = [
          { user_id: ctx.users.cm3.id, name: ctx.users.cm3.displayName, open: 2, overdue: 1 },
          { user_id: ctx.users.supervisor2.id, name: ctx.users.supervisor2.displayName, open: 1, overdue: 0 },
        ].sort((a, b) => (a.user_id < b.user_id ? -1 : 1));
        assert.deepEqual(people, expected);
      });

      it('the team view leaves out people the supervisor does not supervise and inactive staff', async () => {
        const res = await ctx.as('supervisor2').get('/api/v1/worklist/team');
        assertStatus(res, 200);
        const assignees = new Set(res.body.items.map((i) => i.assignee_id));
        for (const key of ['cm', 'cm2', 'nurse', 'supervisor']) assert.equal(assignees.has(ctx.users[key].id), false, key);

        // A new case manager under supervisor2 gets a task from them, then is deactivated.
        const made = await ctx.as('admin').post('/api/v1/users', {
          username: `leaver_${ctx.tag}`, display_name: 'Lee Leaver', role: 'case_manager',
          password: 'a-long-enough-password', supervisor_id: ctx.users.supervisor2.id,
        });
        assertStatus(made, 201);
        const given = await newTask('supervisor2', { title: 'For Lee', assignee_id: made.body.id });
        const withLee = await ctx.as('supervisor2').get('/api/v1/worklist/team');
        assert.ok(withLee.body.items.some((i) => i.task_id === given.id));
        assert.ok(withLee.body.people.some((p) => p.user_id === made.body.id && p.open === 1));
        const off = await ctx.as('admin').patch(`/api/v1/users/${made.body.id}`, { active: false }, { ifMatch: made.body.version });
        assertStatus(off, 200);
        const without = await ctx.as('supervisor2').get('/api/v1/worklist/team');
        assert.equal(without.body.items.some((i) => i.task_id === given.id), false);
        assert.equal(without.body.people.some((p) => p.user_id === made.body.id), false);
      });

      it('the supervisor\'s own GET /worklist holds only their own entries', async () => {
        const own = await cy.worklist('supervisor2');
        assert.deepEqual(own.items.map((i) => i.task_id), [ownTask.id]);
      });

      it('anyone but a supervisor gets 403 on /worklist/team; no session 401', async () => {
        for (const who of ['cm', 'cm3', 'nurse', 'director', 'admin', 'auditor']) {
          assertError(await ctx.as(who).get('/api/v1/worklist/team'), 403, 'permission_denied');
        }
        assertError(await ctx.anon.get('/api/v1/worklist/team'), 401, 'unauthenticated');
      });
    });

    it('GET /tasks lists only the caller\'s own tasks, and a minute past due_at they read overdue', async () => {
      const mine = await newTask('cm2', { due_at: ago({ minutes: 1 }) });
      const listed = (await cy.tasks('cm2', 'open')).find((t) => t.id === mine.id);
      assert.equal(listed.overdue, true);
      for (const t of await cy.tasks('cm2', 'open')) assert.equal(t.assignee_id, ctx.users.cm2.id);
      assert.equal((await taskIds('cm')).includes(mine.id), false);
    });
  });
}
