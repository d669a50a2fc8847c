// Service coordination: appointments and home visits (with their outcome, once, and the caller's
// iCalendar feed, which names clients by initials only), and referrals out on a closed loop:
// draft → sent → accepted | declined, accepted → completed, draft | sent | accepted → cancelled.
// Sending makes a follow-up task, due 48 h later, for the case manager; a follow-up or the
// provider's answer closes it. Every illegal step answers 409 naming both states and changes nothing.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { assertError, assertStatus, backends, clientBody, letters, useSuite } from './harness.mjs';
import { HOUR, ago, ahead, allItems, between, cycle, iso, plus, sameInstant, sortedKeys } from './cycle.mjs';

const APPOINTMENT_KEYS = ['case_id', 'client_id', 'cost', 'ends_at', 'id', 'interpreter_arranged', 'interpreter_language', 'kind',
  'location', 'outcome_at', 'staff_id', 'starts_at', 'status', 'transport_arranged', 'transport_details', 'version'];

const REFERRAL_OUT_KEYS = ['cancel_reason', 'case_id', 'client_id', 'completed_at', 'cost', 'created_at', 'created_by', 'decline_reason',
  'follow_up_note',
  'followed_up_at', 'id', 'outcome', 'provider_contact', 'provider_name', 'reason', 'responded_at', 'sent_at', 'service',
  'status', 'version'];

/** The iCalendar text unfolded (RFC 5545 §3.1: CRLF followed by a space or tab continues a line). */
function unfold(text) {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n');
}

/** `2026-11-22T18:42:00Z` → `20261122T184200Z`. */
function icsTime(time) {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** The VEVENT blocks of a calendar, each as {NAME: value} of its lines (parameters dropped). */
function events(lines) {
  const out = [];
  let current = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') { out.push(current); current = null; } else if (current) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).split(';')[0];
      current[name] = line.slice(colon + 1);
    }
  }
  return out;
}

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm', 'cm2', 'nurse', 'supervisor', 'admin'] });
    const cy = cycle(ctx);
    const cm = () => ctx.as('cm');
    let program = null;

    before(async () => {
      await cy.supervise('cm', 'supervisor');
      program = await cy.newProgram('Home Support');
    });

    describe('appointments', () => {
      let fx = null;
      before(async () => { fx = await cy.newCase({ program }); });

      async function newAppointment(theCase, overrides = {}, as = 'cm') {
        const res = await ctx.as(as).post(`/api/v1/cases/${theCase.id}/appointments`, {
          kind: 'home_visit', starts_at: ahead({ days: 2 }), ends_at: ahead({ days: 2, hours: 1 }), ...overrides,
        });
        assertStatus(res, 201);
        return res.body;
      }

      async function listed(client, id, as = 'cm') {
        const items = await allItems(ctx.as(as), `/api/v1/clients/${client.id}/appointments`);
        return items.find((a) => a.id === id);
      }

      function outcome(a, status, ifMatch = a.version, as = 'cm') {
        return ctx.as(as).post(`/api/v1/appointments/${a.id}/outcome`, { status }, { ifMatch });
      }

      it('POST /cases/{id}/appointments answers 201 with the Appointment, scheduled, for the caller', async () => {
        const body = {
          kind: 'home_visit', starts_at: ahead({ days: 3 }), ends_at: ahead({ days: 3, hours: 1 }), location: '12 Elm St',
          transport_arranged: true, transport_details: 'Medicaid van, pick-up 9:15', interpreter_language: 'es',
          interpreter_arranged: true,
        };
        const res = await cm().post(`/api/v1/cases/${fx.theCase.id}/appointments`, body);
        assertStatus(res, 201);
        const a = res.body;
        assert.deepEqual(sortedKeys(a), APPOINTMENT_KEYS);
        assert.equal(a.version, 1);
        assert.equal(a.status, 'scheduled');
        assert.equal(a.case_id, fx.theCase.id);
        assert.equal(a.client_id, fx.client.id);
        assert.equal(a.staff_id, ctx.users.cm.id, 'staff_id defaults to the caller');
        assert.equal(a.outcome_at, null);
        for (const key of ['kind', 'location', 'transport_arranged', 'transport_details', 'interpreter_language',
          'interpreter_arranged']) assert.equal(a[key], body[key], key);
        sameInstant(a.starts_at, body.starts_at, 'starts_at');
        sameInstant(a.ends_at, body.ends_at, 'ends_at');
        assert.deepEqual(await listed(fx.client, a.id), a);
      });

      it('bad appointments are refused naming the field: ends before it starts, an unknown kind, a missing start', async () => {
        const before_ = (await allItems(cm(), `/api/v1/clients/${fx.client.id}/appointments`)).length;
        const start = ahead({ days: 1 });
        const rows = [
          [{ kind: 'office', starts_at: start, ends_at: plus(start, -HOUR) }, 422, 'invalid_argument', 'ends_at'],
          [{ kind: 'seance', starts_at: start, ends_at: plus(start, HOUR) }, 422, 'invalid_argument', 'kind'],
          [{ kind: 'office', starts_at: 'Monday', ends_at: plus(start, HOUR) }, 422, 'invalid_argument', 'starts_at'],
          [{ kind: 'office', ends_at: plus(start, HOUR) }, 400, 'malformed_request', 'starts_at'],
          [{ kind: 'office', starts_at: start, ends_at: plus(start, HOUR), interpreter_arranged: 'yes' }, 400,
            'malformed_request', 'interpreter_arranged'],
          [{ kind: 'office', starts_at: start, ends_at: plus(start, HOUR), staff_id: 'us_doesnotexist0000' }, 404,
            'not_found', 'staff_id'],
        ];
        for (const [body, status, code, field] of rows) {
          assertError(await cm().post(`/api/v1/cases/${fx.theCase.id}/appointments`, body), status, code, field);
        }
        assert.equal((await allItems(cm(), `/api/v1/clients/${fx.client.id}/appointments`)).length, before_);
      });

      it('outcome attended: 200 attended with outcome_at; a second outcome answers 409 naming the status it has', async () => {
        const a = await newAppointment(fx.theCase, { starts_at: ago({ hours: 2 }), ends_at: ago({ hours: 1 }) });
        const t0 = iso(Date.now());
        const res = await outcome(a, 'attended');
        assertStatus(res, 200);
        assert.equal(res.body.status, 'attended');
        assert.equal(res.body.version, a.version + 1);
        between(res.body.outcome_at, t0, iso(Date.now() + 1000), 'outcome_at');
        const again = await outcome(res.body, 'no_show');
        assertError(again, 409, 'failed_precondition');
        assert.match(again.body.error.message, /\battended\b/);
        assertError(await outcome(res.body, 'attended'), 409, 'failed_precondition');
        assert.deepEqual(await listed(fx.client, a.id), res.body);
      });

      it('outcome no_show, then attended, answers 409; cancelled is an outcome too', async () => {
        const a = await newAppointment(fx.theCase, { starts_at: ago({ hours: 5 }), ends_at: ago({ hours: 4 }) });
        const missed = await outcome(a, 'no_show');
        assertStatus(missed, 200);
        assert.equal(missed.body.status, 'no_show');
        assertError(await outcome(missed.body, 'attended'), 409, 'failed_precondition');
        assert.deepEqual(await listed(fx.client, a.id), missed.body);
        const b = await newAppointment(fx.theCase);
        const cancelled = await outcome(b, 'cancelled');
        assertStatus(cancelled, 200);
        assert.equal(cancelled.body.status, 'cancelled');
        assertError(await outcome(cancelled.body, 'attended'), 409, 'failed_precondition');
      });

      it('outcome refusals: scheduled or an unknown status 422 naming status, stale If-Match 412, none 428', async () => {
        const a = await newAppointment(fx.theCase, { starts_at: ago({ hours: 2 }), ends_at: ago({ hours: 1 }) });
        assertError(await outcome(a, 'scheduled'), 422, 'invalid_argument', 'status');
        assertError(await outcome(a, 'late'), 422, 'invalid_argument', 'status');
        assertError(await outcome(a, 'attended', a.version + 1), 412, 'aborted');
        assertError(await cm().post(`/api/v1/appointments/${a.id}/outcome`, { status: 'attended' }), 428, 'precondition_required');
        assertError(await outcome({ id: 'ap_doesnotexist0000', version: 1 }, 'attended'), 404, 'not_found');
        assert.deepEqual(await listed(fx.client, a.id), a);
      });

      it('GET /appointments?from=&to= lists the caller\'s own appointments in the window', async () => {
        const { theCase } = await cy.newCase({ program, as: 'cm2' });
        const inside = await newAppointment(theCase, { starts_at: ahead({ days: 10 }), ends_at: ahead({ days: 10, hours: 1 }) }, 'cm2');
        const outside = await newAppointment(theCase, { starts_at: ahead({ days: 20 }), ends_at: ahead({ days: 20, hours: 1 }) }, 'cm2');
        const from = encodeURIComponent(ahead({ days: 9 }));
        const to = encodeURIComponent(ahead({ days: 11 }));
        const items = await allItems(ctx.as('cm2'), `/api/v1/appointments?from=${from}&to=${to}`);
        assert.deepEqual(items.map((a) => a.id), [inside.id]);
        const all = await allItems(ctx.as('cm2'), `/api/v1/appointments?from=${from}&to=${encodeURIComponent(ahead({ days: 30 }))}`);
        assert.deepEqual(all.map((a) => a.id).sort(), [inside.id, outside.id].sort());
        const cmItems = await allItems(cm(), `/api/v1/appointments?from=${from}&to=${to}`);
        assert.equal(cmItems.some((a) => a.id === inside.id), false, 'another user\'s appointments are not listed');
      });

      it('GET /me/calendar.ics is text/calendar with a VEVENT per scheduled or attended appointment, naming the client by initials', async () => {
        // The nurse's calendar holds only what this test makes.
        const given = `Teodora${letters(4)}`;
        const family = `Vasquez${letters(6)}`;
        const client = await ctx.as('nurse').post('/api/v1/clients', clientBody({ given_name: given, family_name: family }));
        assertStatus(client, 201);
        const { theCase } = await cy.newCase({ program, as: 'nurse', client: client.body });
        const scheduled = await newAppointment(theCase, { kind: 'home_visit', starts_at: ahead({ days: 4 }),
          ends_at: ahead({ days: 4, hours: 1 }) }, 'nurse');
        const attended = await newAppointment(theCase, { kind: 'office', starts_at: ago({ hours: 3 }),
          ends_at: ago({ hours: 2 }) }, 'nurse');
        assertStatus(await outcome(attended, 'attended', attended.version, 'nurse'), 200);
        const cancelled = await newAppointment(theCase, { kind: 'video', starts_at: ahead({ days: 5 }),
          ends_at: ahead({ days: 5, hours: 1 }) }, 'nurse');
        assertStatus(await outcome(cancelled, 'cancelled', cancelled.version, 'nurse'), 200);
        const missed = await newAppointment(theCase, { kind: 'phone', starts_at: ago({ hours: 6 }),
          ends_at: ago({ hours: 5 }) }, 'nurse');
        assertStatus(await outcome(missed, 'no_show', missed.version, 'nurse'), 200);

        const res = await ctx.as('nurse').get('/api/v1/me/calendar.ics');
        assertStatus(res, 200);
        assert.match(res.headers.get('content-type') ?? '', /^text\/calendar\b/);
        assert.ok(res.text.includes('\r\n'), 'lines end in CRLF');
        const lines = unfold(res.text);
        assert.equal(lines[0], 'BEGIN:VCALENDAR');
        assert.ok(lines.includes('VERSION:2.0'));
        assert.ok(lines.some((l) => l.startsWith('PRODID:')));
        assert.equal(lines.filter((l) => l === 'END:VCALENDAR').length, 1);
        const evs = events(lines);
        assert.equal(evs.length, 2, `scheduled and attended only: ${JSON.stringify(evs)}`);
        assert.equal(new Set(evs.map((e) => e.UID)).size, 2, 'each event has its own UID');
        const starts = evs.map((e) => e.DTSTART).sort();
        assert.deepEqual(starts, [icsTime(attended.starts_at), icsTime(scheduled.starts_at)].sort());
        const visit = evs.find((e) => e.DTSTART === icsTime(scheduled.starts_at));
        assert.equal(visit.DTEND, icsTime(scheduled.ends_at));
        assert.match(visit.SUMMARY, /home.?visit/i, 'the summary carries the kind');
        assert.match(visit.SUMMARY, /\bT\.?\s?V\.?(?![a-z])/, `the summary carries the initials T. V.: ${visit.SUMMARY}`);
        for (const secret of [given, family, client.body.phone, client.body.identifiers[0].value]) {
          assert.equal(res.text.toLowerCase().includes(secret.toLowerCase()), false, `the calendar does not carry ${secret}`);
        }
      });

      it('GET /me/calendar.ics without a session answers 401', async () => {
        assertError(await ctx.anon.get('/api/v1/me/calendar.ics'), 401, 'unauthenticated');
      });
    });

    describe('referrals out', () => {
      let fx = null;
      before(async () => { fx = await cy.newCase({ program }); });

      async function draft(theCase = fx.theCase, as = 'cm', overrides = {}) {
        const res = await ctx.as(as).post(`/api/v1/cases/${theCase.id}/referrals-out`, {
          provider_name: 'Springfield Home Health', provider_contact: 'intake@shh.example', service: 'Home health aide',
          reason: 'Needs help bathing and dressing', ...overrides,
        });
        assertStatus(res, 201);
        return res.body;
      }

      function step(ro, action, body = {}, { as = 'cm', ifMatch = ro.version } = {}) {
        return ctx.as(as).post(`/api/v1/referrals-out/${ro.id}/${action}`, body, { ifMatch });
      }

      async function ok(ro, action, body, expectedStatus) {
        const res = await step(ro, action, body);
        assertStatus(res, 200);
        assert.equal(res.body.status, expectedStatus);
        assert.equal(res.body.version, ro.version + 1);
        return res.body;
      }

      async function stored(ro, client = fx.client) {
        const items = await allItems(cm(), `/api/v1/clients/${client.id}/referrals-out`);
        return items.find((x) => x.id === ro.id);
      }

      /** Asserts a 409 naming both states and that the referral out reads back unchanged. */
      async function illegal(res, ro, from, to) {
        assertError(res, 409, 'failed_precondition');
        assert.match(res.body.error.message, new RegExp(`\\b${from}\\b`), `the message names ${from}`);
        assert.match(res.body.error.message, new RegExp(`\\b${to}\\b`), `the message names ${to}`);
        assert.deepEqual(await stored(ro), ro, 'unchanged');
      }

      async function followUpTask(ro, status) {
        return (await cy.tasks('cm', status)).find((t) => t.source_id === ro.id && t.rule === 'referral_follow_up');
      }

      it('POST /cases/{id}/referrals-out answers 201 with a draft', async () => {
        const t0 = iso(Date.now());
        const ro = await draft();
        assert.deepEqual(sortedKeys(ro), REFERRAL_OUT_KEYS);
        assert.equal(ro.version, 1);
        assert.equal(ro.status, 'draft');
        assert.equal(ro.case_id, fx.theCase.id);
        assert.equal(ro.client_id, fx.client.id);
        assert.equal(ro.provider_name, 'Springfield Home Health');
        assert.equal(ro.provider_contact, 'intake@shh.example');
        assert.equal(ro.service, 'Home health aide');
        assert.equal(ro.reason, 'Needs help bathing and dressing');
        assert.equal(ro.created_by, ctx.users.cm.id);
        between(ro.created_at, t0, iso(Date.now() + 1000), 'created_at');
        for (const key of ['sent_at', 'responded_at', 'decline_reason', 'completed_at', 'outcome', 'followed_up_at',
          'follow_up_note']) assert.equal(ro[key], null, key);
        assert.deepEqual(await stored(ro), ro);
        assert.equal(await followUpTask(ro, 'open'), undefined, 'a draft has no follow-up task');
      });

      it('bad referrals out are refused naming the field; nothing is made', async () => {
        const before_ = (await allItems(cm(), `/api/v1/clients/${fx.client.id}/referrals-out`)).length;
        const ok_ = { provider_name: 'Clinic', service: 'Podiatry', reason: 'Foot wound' };
        assertError(await cm().post(`/api/v1/cases/${fx.theCase.id}/referrals-out`, { ...ok_, provider_name: ' ' }), 422,
          'invalid_argument', 'provider_name');
        assertError(await cm().post(`/api/v1/cases/${fx.theCase.id}/referrals-out`, { provider_name: 'Clinic', reason: 'x' }), 400,
          'malformed_request', 'service');
        assertError(await cm().post(`/api/v1/cases/${fx.theCase.id}/referrals-out`, { ...ok_, urgency: 'high' }), 400,
          'malformed_request', 'urgency');
        assert.equal((await allItems(cm(), `/api/v1/clients/${fx.client.id}/referrals-out`)).length, before_);
      });

      it('the full loop: send (follow-up task due in 48 h) → follow-up closes the task → accepted → completed', async () => {
        let ro = await draft();
        const t0 = iso(Date.now());
        ro = await ok(ro, 'send', {}, 'sent');
        between(ro.sent_at, t0, iso(Date.now() + 1000), 'sent_at');
        const task = await followUpTask(ro, 'open');
        assert.ok(task, 'sending made the follow-up task');
        assert.equal(task.assignee_id, ctx.users.cm.id);
        assert.equal(task.case_id, fx.theCase.id);
        assert.equal(task.client_id, fx.client.id);
        assert.equal(task.status, 'open');
        sameInstant(task.due_at, plus(ro.sent_at, 48 * HOUR), 'due 48 h after sending');

        ro = await ok(ro, 'follow-up', { note: 'Called intake; they will answer by Friday.' }, 'sent');
        assert.equal(ro.follow_up_note, 'Called intake; they will answer by Friday.');
        assert.notEqual(ro.followed_up_at, null);
        assert.equal(await followUpTask(ro, 'open'), undefined, 'the task left the open list');
        const done = await followUpTask(ro, 'done');
        assert.ok(done, 'GET /tasks?status=done shows the follow-up task');
        assert.notEqual(done.completed_at, null);

        ro = await ok(ro, 'response', { accepted: true }, 'accepted');
        assert.notEqual(ro.responded_at, null);
        ro = await ok(ro, 'complete', { outcome: 'Aide started Monday, three mornings a week.' }, 'completed');
        assert.equal(ro.outcome, 'Aide started Monday, three mornings a week.');
        assert.notEqual(ro.completed_at, null);
        assert.deepEqual(await stored(ro), ro);
      });

      it('the provider\'s answer closes the follow-up task too', async () => {
        let ro = await ok(await draft(), 'send', {}, 'sent');
        assert.ok(await followUpTask(ro, 'open'));
        ro = await ok(ro, 'response', { accepted: true }, 'accepted');
        assert.equal(await followUpTask(ro, 'open'), undefined);
        assert.ok(await followUpTask(ro, 'done'));
      });

      it('declined with a reason: 200 declined, decline_reason kept, the task closed; without a reason 422 naming reason', async () => {
        const ro = await ok(await draft(), 'send', {}, 'sent');
        assertError(await step(ro, 'response', { accepted: false }), 422, 'invalid_argument', 'reason');
        assertError(await step(ro, 'response', { accepted: false, reason: '  ' }), 422, 'invalid_argument', 'reason');
        assert.deepEqual(await stored(ro), ro);
        assert.ok(await followUpTask(ro, 'open'), 'still owed');
        const declined = await ok(ro, 'response', { accepted: false, reason: 'No aide capacity until March' }, 'declined');
        assert.equal(declined.decline_reason, 'No aide capacity until March');
        assert.notEqual(declined.responded_at, null);
        assert.equal(await followUpTask(ro, 'open'), undefined);
      });

      it('the follow-up task goes to the case manager even when someone else sends', async () => {
        const ro = await draft(fx.theCase, 'supervisor');
        const sent = await step(ro, 'send', {}, { as: 'supervisor' });
        assertStatus(sent, 200);
        const task = await followUpTask(ro, 'open');
        assert.ok(task, 'the case manager owes the follow-up');
        assert.equal(task.assignee_id, ctx.users.cm.id);
      });

      it('send twice answers 409 naming sent; nothing changes, and there is still one follow-up task', async () => {
        const ro = await ok(await draft(), 'send', {}, 'sent');
        await illegal(await step(ro, 'send'), ro, 'sent', 'sent');
        const tasks = (await cy.tasks('cm', 'open')).filter((t) => t.source_id === ro.id);
        assert.equal(tasks.length, 1);
      });

      it('completing a draft answers 409 naming draft and completed', async () => {
        const ro = await draft();
        await illegal(await step(ro, 'complete', { outcome: 'Done' }), ro, 'draft', 'completed');
      });

      it('completing a sent (unanswered) referral answers 409 naming sent and completed', async () => {
        const ro = await ok(await draft(), 'send', {}, 'sent');
        await illegal(await step(ro, 'complete', { outcome: 'Done' }), ro, 'sent', 'completed');
      });

      it('a follow-up on a draft answers 409 naming draft', async () => {
        const ro = await draft();
        const res = await step(ro, 'follow-up', { note: 'Called them' });
        assertError(res, 409, 'failed_precondition');
        assert.match(res.body.error.message, /\bdraft\b/);
        assert.deepEqual(await stored(ro), ro);
      });

      it('an answer to a draft answers 409 naming draft', async () => {
        const ro = await draft();
        await illegal(await step(ro, 'response', { accepted: true }), ro, 'draft', 'accepted');
      });

      it('an answer to an answered referral answers 409 naming both states', async () => {
        const accepted = await ok(await ok(await draft(), 'send', {}, 'sent'), 'response', { accepted: true }, 'accepted');
        await illegal(await step(accepted, 'response', { accepted: false, reason: 'Changed mind' }), accepted, 'accepted', 'declined');
      });

      it('cancel from draft, sent and accepted; not from completed or declined (409)', async () => {
        const fromDraft = await ok(await draft(), 'cancel', { reason: 'Client changed her mind' }, 'cancelled');
        assert.equal(fromDraft.status, 'cancelled');
        await ok(await ok(await draft(), 'send', {}, 'sent'), 'cancel', { reason: 'Client moved' }, 'cancelled');
        const accepted = await ok(await ok(await draft(), 'send', {}, 'sent'), 'response', { accepted: true }, 'accepted');
        await ok(accepted, 'cancel', { reason: 'Client hospitalized' }, 'cancelled');

        const completed = await ok(await ok(await ok(await draft(), 'send', {}, 'sent'), 'response', { accepted: true },
          'accepted'), 'complete', { outcome: 'Seen' }, 'completed');
        await illegal(await step(completed, 'cancel', { reason: 'Too late' }), completed, 'completed', 'cancelled');
        const declined = await ok(await ok(await draft(), 'send', {}, 'sent'), 'response',
          { accepted: false, reason: 'Full' }, 'declined');
        await illegal(await step(declined, 'cancel', { reason: 'Too late' }), declined, 'declined', 'cancelled');
        await illegal(await step(fromDraft, 'send'), fromDraft, 'cancelled', 'sent');
      });

      it('every step needs If-Match: none 428, stale 412; nothing changes', async () => {
        const ro = await draft();
        assertError(await cm().post(`/api/v1/referrals-out/${ro.id}/send`, {}), 428, 'precondition_required');
        assertError(await step(ro, 'send', {}, { ifMatch: ro.version + 1 }), 412, 'aborted');
        assertError(await step({ id: 'ro_doesnotexist0000', version: 1 }, 'send'), 404, 'not_found');
        assert.deepEqual(await stored(ro), ro);
        assert.equal(await followUpTask(ro, 'open'), undefined);
      });

      it('GET /clients/{id}/referrals-out lists the client\'s referrals out only', async () => {
        const other = await cy.newCase({ program });
        const mine = await draft(other.theCase);
        const items = await allItems(cm(), `/api/v1/clients/${other.client.id}/referrals-out`);
        assert.deepEqual(items.map((x) => x.id), [mine.id]);
      });
    });
  });
}
