// The case-cycle endpoints refuse those who may not use them: no session (401); a case manager
// who does not work with the client (403); administrators and auditors on clinical endpoints (403);
// directors, who never write and read only through break-the-glass (403); case managers on the
// supervisors' steps (403); another organization's records (404, like records that do not exist).
// One row per endpoint and caller; afterwards every fixture record reads back unchanged.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { assertStatus, backends, useSuite } from './harness.mjs';
import { ago, ahead, allItems, cycle, dischargeBody, askEveryCaller } from './cycle.mjs';

const USERS = ['cm', 'cm2', 'supervisor', 'director', 'admin', 'auditor', 'otherCm', 'otherSupervisor'];

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: USERS });
    const cy = cycle(ctx);
    const cm = () => ctx.as('cm');
    const fx = {};

    async function created(res, status = 201) {
      assertStatus(res, status);
      return res.body;
    }

    before(async () => {
      await cy.supervise('cm', 'supervisor');
      fx.program = await cy.newProgram('Supervised Practice', { notes_need_cosign: true });
      fx.program2 = await cy.newProgram('Care Transitions');
      fx.program3 = await cy.newProgram('Intake');
      const { client, theCase } = await cy.newCase({ program: fx.program });
      fx.client = client;
      fx.case = theCase;
      // A discharged case of the same client in another program, for the check-in and readmissions.
      const other = await cy.newCase({ program: fx.program2, client });
      fx.discharge = await created(await cm().post(`/api/v1/cases/${other.theCase.id}/discharge`,
        dischargeBody({ discharged_at: ago({ days: 2 }) }), { ifMatch: other.theCase.version }));
      fx.case2 = await cy.getCase('cm', other.theCase.id);
      // A new referral of the client, and an assigned one of another client of cm.
      fx.referral = await cy.newReferral({ client, program: fx.program3 });
      fx.assigned = await cy.assignReferral(
        await cy.newReferral({ client: await cy.newClient('cm'), program: fx.program3 }), 'cm');
      fx.draftNote = await created(await cm().post(`/api/v1/cases/${theCase.id}/notes`,
        { contact_type: 'phone', service_at: ago({ hours: 2 }), body: 'Draft.' }));
      fx.signedNote = await created(await cm().post(`/api/v1/cases/${theCase.id}/notes`,
        { contact_type: 'office', service_at: ago({ hours: 3 }), body: 'Signed.', sign: true }));
      fx.appointment = await created(await cm().post(`/api/v1/cases/${theCase.id}/appointments`,
        { kind: 'home_visit', starts_at: ago({ hours: 2 }), ends_at: ago({ hours: 1 }) }));
      fx.referralOut = await created(await cm().post(`/api/v1/cases/${theCase.id}/referrals-out`,
        { provider_name: 'Springfield Home Health', service: 'Home health aide', reason: 'Bathing' }));
      fx.incident = await created(await cm().post(`/api/v1/cases/${theCase.id}/incidents`,
        { occurred_at: ago({ hours: 1 }), type: 'fall', severity: 'low', description: 'Slipped.', actions: 'Checked her.' }));
      fx.safetyPlan = await created(await cm().request('PUT', `/api/v1/clients/${client.id}/safety-plan`,
        { json: { warning_signs: ['Withdrawn'], coping_steps: ['Walk'], contacts: ['988'], means_safety: 'None at home' } }), 200);
      fx.task = await created(await cm().post('/api/v1/tasks',
        { title: 'Call the pharmacy', due_at: ahead({ days: 2 }), client_id: client.id, case_id: theCase.id }));
      for (const key of ['referral', 'assigned', 'draftNote', 'signedNote', 'appointment', 'referralOut', 'incident',
        'safetyPlan', 'task', 'discharge']) assert.ok(fx[key], key);
    });

    /** Everything the fixture holds, as the owner reads it. */
    async function snapshot() {
      const c = fx.client.id;
      const read = async (path) => {
        const res = await cm().get(path);
        assertStatus(res, 200);
        return res.body;
      };
      const sortById = (items) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));
      return {
        referral: await read(`/api/v1/referrals/${fx.referral.id}`),
        assigned: await read(`/api/v1/referrals/${fx.assigned.id}`),
        notes: sortById(await allItems(cm(), `/api/v1/clients/${c}/notes`)),
        appointments: sortById(await allItems(cm(), `/api/v1/clients/${c}/appointments`)),
        referralsOut: sortById(await allItems(cm(), `/api/v1/clients/${c}/referrals-out`)),
        incidents: sortById(await allItems(cm(), `/api/v1/clients/${c}/incidents`)),
        safetyPlan: await read(`/api/v1/clients/${c}/safety-plan`),
        planReviews: sortById(await allItems(cm(), `/api/v1/clients/${c}/plan-reviews`)),
        discharges: sortById(await allItems(cm(), `/api/v1/clients/${c}/discharges`)),
        cases: sortById((await read(`/api/v1/clients/${c}/cases`)).items),
        tasks: sortById(await cy.tasks('cm', 'open')),
        program: await read(`/api/v1/programs/${fx.program.id}`),
        inbox: sortById(await allItems(ctx.as('supervisor'), '/api/v1/referrals?status=all')),
      };
    }

    // Each endpoint: [name, method, path, body, If-Match, kind]. Kinds decide the expected answers:
    //   clinical  a client's record: 403 for a case manager outside it, administrators, auditors and
    //             directors; 404 for another organization.
    //   triage    the supervisors' referral steps: clinical, plus 403 for a case manager who logged it.
    //   hidden    a referral or task the caller may not see: as clinical, but 404 for a case manager
    //             it is not theirs (its existence is not disclosed, docs/api.md).
    //   own       the caller's own (worklist, tasks, calendar): only 401 without a session.
    //   team      supervisors only: 403 for everyone else.
    //   program   administrators only.
    function endpoints() {
      const c = fx.client.id;
      const k = fx.case.id;
      return [
        ['GET /worklist', 'GET', '/api/v1/worklist', undefined, undefined, 'own'],
        ['GET /worklist/team', 'GET', '/api/v1/worklist/team', undefined, undefined, 'team'],
        ['GET /tasks', 'GET', '/api/v1/tasks?status=open', undefined, undefined, 'own'],
        ['POST /tasks (for the client)', 'POST', '/api/v1/tasks',
          { title: 'Snoop', due_at: ahead({ hours: 2 }), client_id: c }, undefined, 'clinical'],
        ['POST /tasks/{id}/complete', 'POST', `/api/v1/tasks/${fx.task.id}/complete`, {}, fx.task.version, 'hidden'],
        ['POST /tasks/{id}/cancel', 'POST', `/api/v1/tasks/${fx.task.id}/cancel`, {}, fx.task.version, 'hidden'],
        ['POST /referrals', 'POST', '/api/v1/referrals',
          { client_id: c, program_id: fx.program3.id, source: 'self', referrer_name: 'Self', reason: 'Help' }, undefined,
          'clinical'],
        ['GET /referrals', 'GET', '/api/v1/referrals?status=all', undefined, undefined, 'inbox'],
        ['GET /referrals/{id}', 'GET', `/api/v1/referrals/${fx.referral.id}`, undefined, undefined, 'hidden'],
        ['POST /referrals/{id}/triage', 'POST', `/api/v1/referrals/${fx.referral.id}/triage`,
          { priority: 'urgent', triage_note: 'x' }, fx.referral.version, 'triage'],
        ['POST /referrals/{id}/assignment', 'POST', `/api/v1/referrals/${fx.referral.id}/assignment`,
          { case_manager_id: ctx.users.cm2.id }, fx.referral.version, 'triage'],
        ['POST /referrals/{id}/decline', 'POST', `/api/v1/referrals/${fx.referral.id}/decline`,
          { reason: 'No capacity' }, fx.referral.version, 'triage'],
        ['POST /referrals/{id}/first-contact', 'POST', `/api/v1/referrals/${fx.assigned.id}/first-contact`,
          { method: 'phone' }, fx.assigned.version, 'hidden'],
        ['GET /clients/{id}/notes', 'GET', `/api/v1/clients/${c}/notes`, undefined, undefined, 'clinical'],
        ['POST /cases/{id}/notes', 'POST', `/api/v1/cases/${k}/notes`,
          { contact_type: 'phone', service_at: ago({ hours: 1 }), body: 'Snoop' }, undefined, 'clinical'],
        ['PATCH /notes/{id}', 'PATCH', `/api/v1/notes/${fx.draftNote.id}`, { body: 'Changed' }, fx.draftNote.version, 'clinical'],
        ['POST /notes/{id}/sign', 'POST', `/api/v1/notes/${fx.draftNote.id}/sign`, {}, fx.draftNote.version, 'clinical'],
        ['POST /notes/{id}/addenda', 'POST', `/api/v1/notes/${fx.signedNote.id}/addenda`, { body: 'More' },
          fx.signedNote.version, 'clinical'],
        ['POST /notes/{id}/cosign', 'POST', `/api/v1/notes/${fx.signedNote.id}/cosign`, {}, fx.signedNote.version, 'cosign'],
        ['POST /cases/{id}/appointments', 'POST', `/api/v1/cases/${k}/appointments`,
          { kind: 'office', starts_at: ahead({ days: 1 }), ends_at: ahead({ days: 1, hours: 1 }) }, undefined, 'clinical'],
        ['GET /clients/{id}/appointments', 'GET', `/api/v1/clients/${c}/appointments`, undefined, undefined, 'clinical'],
        ['GET /appointments', 'GET', `/api/v1/appointments?from=${encodeURIComponent(ago({ days: 1 }))}&to=${
          encodeURIComponent(ahead({ days: 1 }))}`, undefined, undefined, 'own'],
        ['POST /appointments/{id}/outcome', 'POST', `/api/v1/appointments/${fx.appointment.id}/outcome`,
          { status: 'attended' }, fx.appointment.version, 'clinical'],
        ['GET /me/calendar.ics', 'GET', '/api/v1/me/calendar.ics', undefined, undefined, 'own'],
        ['POST /cases/{id}/referrals-out', 'POST', `/api/v1/cases/${k}/referrals-out`,
          { provider_name: 'Clinic', service: 'Podiatry', reason: 'Wound' }, undefined, 'clinical'],
        ['GET /clients/{id}/referrals-out', 'GET', `/api/v1/clients/${c}/referrals-out`, undefined, undefined, 'clinical'],
        ...[['send', {}], ['response', { accepted: true }], ['complete', { outcome: 'Seen' }],
          ['follow-up', { note: 'Called' }], ['cancel', { reason: 'Moved' }]].map(([step, body]) => [
          `POST /referrals-out/{id}/${step}`, 'POST', `/api/v1/referrals-out/${fx.referralOut.id}/${step}`, body,
          fx.referralOut.version, 'clinical']),
        ['POST /cases/{id}/incidents', 'POST', `/api/v1/cases/${k}/incidents`,
          { occurred_at: ago({ hours: 1 }), type: 'fall', severity: 'low', description: 'Snoop' }, undefined, 'clinical'],
        ['PATCH /incidents/{id}', 'PATCH', `/api/v1/incidents/${fx.incident.id}`, { severity: 'high' }, fx.incident.version,
          'clinical'],
        ['POST /incidents/{id}/submit', 'POST', `/api/v1/incidents/${fx.incident.id}/submit`, {}, fx.incident.version, 'clinical'],
        ['GET /clients/{id}/incidents', 'GET', `/api/v1/clients/${c}/incidents`, undefined, undefined, 'clinical'],
        ['GET /clients/{id}/safety-plan', 'GET', `/api/v1/clients/${c}/safety-plan`, undefined, undefined, 'clinical'],
        ['PUT /clients/{id}/safety-plan', 'PUT', `/api/v1/clients/${c}/safety-plan`,
          { warning_signs: [], coping_steps: [], contacts: [], means_safety: 'Erased' }, fx.safetyPlan.version, 'clinical'],
        ['POST /cases/{id}/plan-reviews', 'POST', `/api/v1/cases/${k}/plan-reviews`, { summary: 'Snoop' }, undefined, 'clinical'],
        ['GET /clients/{id}/plan-reviews', 'GET', `/api/v1/clients/${c}/plan-reviews`, undefined, undefined, 'clinical'],
        ['POST /cases/{id}/discharge', 'POST', `/api/v1/cases/${k}/discharge`, dischargeBody(), fx.case.version, 'clinical'],
        ['GET /clients/{id}/discharges', 'GET', `/api/v1/clients/${c}/discharges`, undefined, undefined, 'clinical'],
        ['POST /discharges/{id}/check-in', 'POST', `/api/v1/discharges/${fx.discharge.id}/check-in`,
          { health_status_changed: false, satisfaction: 5 }, fx.discharge.version, 'clinical'],
        ['POST /discharges/{id}/readmissions', 'POST', `/api/v1/discharges/${fx.discharge.id}/readmissions`,
          { admitted_at: ago({ days: 1 }), facility: 'St. Mary', reason: 'Fall' }, fx.discharge.version, 'clinical'],
        ['GET /clients/{id}/timeline', 'GET', `/api/v1/clients/${c}/timeline`, undefined, undefined, 'clinical'],
        ['PATCH /programs/{id} (clock rules)', 'PATCH', `/api/v1/programs/${fx.program.id}`,
          { clock_rules: { note_hours: 1 }, notes_need_cosign: false }, fx.program.version, 'program'],
      ];
    }

    // The expected answer of each caller, by endpoint kind (absent: not a refusal this table checks).
    const EXPECTED = {
      anonymous: { own: 401, team: 401, clinical: 401, hidden: 401, triage: 401, cosign: 401, inbox: 401, program: 401 },
      badToken: { own: 401, team: 401, clinical: 401, hidden: 401, triage: 401, cosign: 401, inbox: 401, program: 401 },
      cm: { team: 403, triage: 403, cosign: 403, program: 403 }, //    the owner: not a supervisor, nor their own co-signer
      cm2: { team: 403, clinical: 403, hidden: 404, triage: 403, cosign: 403, program: 403 }, // outside the client's record
      supervisor: { program: 403 },
      director: { team: 403, clinical: 403, hidden: 403, triage: 403, cosign: 403, program: 403 },
      admin: { team: 403, clinical: 403, hidden: 403, triage: 403, cosign: 403, inbox: 403 },
      auditor: { team: 403, clinical: 403, hidden: 403, triage: 403, cosign: 403, inbox: 403, program: 403 },
      // Another organization: the role is checked first (403), then the record is not found (404).
      otherCm: { team: 403, clinical: 404, hidden: 404, triage: 403, program: 403 },
      otherSupervisor: { clinical: 404, hidden: 404, triage: 404, cosign: 404, program: 403 },
    };


    it('answers each caller as the table says (status and error code), and nothing changes', async () => {
      const before_ = await snapshot();
      const { wrong, cells } = await askEveryCaller(ctx, EXPECTED, endpoints());
      assert.ok(cells > 250, `the table has ${cells} cells`);
      assert.deepEqual(await snapshot(), before_, 'no refused request changed anything');
      assert.deepEqual(wrong, [], `${wrong.length} of ${cells} cells answered wrongly`);
    });

    it('a case manager outside the client is told the client is not theirs', async () => {
      const res = await ctx.as('cm2').get(`/api/v1/clients/${fx.client.id}/notes`);
      assert.equal(res.status, 403);
      assert.equal(res.body.error.message, 'this client is not on your caseload or care team');
    });

    it('another organization\'s ids answer exactly like unknown ids (404 not_found, no detail)', async () => {
      const theirs = await ctx.as('otherCm').get(`/api/v1/referrals/${fx.referral.id}`);
      const unknown = await ctx.as('otherCm').get('/api/v1/referrals/rf_doesnotexist0000');
      assert.equal(theirs.status, 404);
      assert.equal(unknown.status, 404);
      assert.equal(theirs.body.error.code, unknown.body.error.code);
      assert.equal(theirs.text.includes(fx.client.family_name), false);
      const note = await ctx.as('otherCm').patch(`/api/v1/notes/${fx.draftNote.id}`, { body: 'x' }, { ifMatch: 1 });
      assert.equal(note.status, 404);
      assert.equal(note.text.includes(fx.draftNote.body), false);
    });

    it('the same steps succeed for the people allowed to take them (the table is not refusing everyone)', async () => {
      // The supervisor (cm's) reads the record and the inbox, and triages; cm reads and writes its record.
      assertStatus(await ctx.as('supervisor').get(`/api/v1/clients/${fx.client.id}/notes`), 200);
      assertStatus(await ctx.as('supervisor').get('/api/v1/worklist/team'), 200);
      assertStatus(await cm().get(`/api/v1/clients/${fx.client.id}/timeline`), 200);
      assertStatus(await cm().get('/api/v1/worklist'), 200);
      assertStatus(await cm().get('/api/v1/me/calendar.ics'), 200);
      const r = await cy.newReferral({ client: fx.client, program: fx.program2 });
      assertStatus(await ctx.as('supervisor').post(`/api/v1/referrals/${r.id}/triage`,
        { priority: 'routine', triage_note: 'ok' }, { ifMatch: r.version }), 200);
    });
  });
}
