// Progress notes: a draft is written and edited by its author, then signed, after which it never
// changes (corrections are addenda). A note signed more than `note_hours` after the service is late.
// In a program whose notes need a co-signature, the author's supervisor co-signs signed notes.
// The progress-note clock starts at a contact (the first contact, or an appointment marked
// attended) and is satisfied by a signed note (naming the appointment; for the first contact, with
// service_at at or after it).

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { assertError, assertStatus, backends, useSuite } from './harness.mjs';
import { HOUR, ago, ahead, between, cycle, iso, plus, sameInstant, sortedKeys } from './cycle.mjs';

const NOTE_KEYS = ['addenda', 'appointment_id', 'author_id', 'body', 'case_id', 'client_id', 'contact_type',
  'cosign_required', 'cosigned_at', 'cosigned_by', 'fields', 'id', 'late', 'service_at', 'signed_at', 'status',
  'version', 'written_at'];

const FIELDS = {
  purpose: 'Medication review after discharge',
  observations: 'Steady on her feet; pill box half full.',
  interventions: 'Reviewed the schedule; called the pharmacy.',
  client_response: 'Understood; asked for large-print labels.',
  plan: 'Visit again Thursday.',
};

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm', 'cm2', 'supervisor', 'supervisor2', 'admin'] });
    const cy = cycle(ctx);
    const cm = () => ctx.as('cm');
    let program = null; //       default rules, no co-signature
    let cosigned = null; //      notes need the supervisor's co-signature
    let quick = null; //         note_hours 2

    before(async () => {
      await cy.supervise('cm', 'supervisor');
      program = await cy.newProgram('Community Support');
      cosigned = await cy.newProgram('Supervised Practice', { notes_need_cosign: true });
      quick = await cy.newProgram('Quick Notes', { clock_rules: { note_hours: 2 } });
    });

    function noteBody(overrides = {}) {
      return {
        contact_type: 'home_visit',
        service_at: ago({ hours: 1 }),
        body: 'Visited at home. Reviewed medications with the client and her daughter.',
        ...overrides,
      };
    }

    async function newNote(theCase, overrides = {}, as = 'cm') {
      const res = await ctx.as(as).post(`/api/v1/cases/${theCase.id}/notes`, noteBody(overrides));
      assertStatus(res, 201);
      return res.body;
    }

    async function sign(note, as = 'cm') {
      const res = await ctx.as(as).post(`/api/v1/notes/${note.id}/sign`, {}, { ifMatch: note.version });
      assertStatus(res, 200);
      assert.equal(res.body.status, 'signed');
      return res.body;
    }

    async function notesOf(client, as = 'cm') {
      const res = await ctx.as(as).get(`/api/v1/clients/${client.id}/notes`);
      assertStatus(res, 200);
      assert.ok(Array.isArray(res.body.items));
      return res.body.items;
    }

    async function readNote(client, id) {
      return (await notesOf(client)).find((n) => n.id === id);
    }

    describe('drafts, signing, addenda', () => {
      let fx = null;
      before(async () => { fx = await cy.newCase({ program }); });

      it('POST /cases/{id}/notes answers 201 with a draft Note by the caller', async () => {
        const serviceAt = ago({ hours: 3 });
        const t0 = iso(Date.now());
        const res = await cm().post(`/api/v1/cases/${fx.theCase.id}/notes`,
          noteBody({ contact_type: 'phone', service_at: serviceAt, fields: FIELDS }));
        assertStatus(res, 201);
        const n = res.body;
        assert.deepEqual(sortedKeys(n), NOTE_KEYS);
        assert.doesNotMatch(n.id, /^\d+$/);
        assert.equal(n.version, 1);
        assert.equal(n.status, 'draft');
        assert.equal(n.case_id, fx.theCase.id);
        assert.equal(n.client_id, fx.client.id);
        assert.equal(n.author_id, ctx.users.cm.id);
        assert.equal(n.contact_type, 'phone');
        sameInstant(n.service_at, serviceAt, 'service_at');
        between(n.written_at, t0, iso(Date.now() + 1000), 'written_at');
        assert.deepEqual(n.fields, FIELDS);
        assert.equal(n.appointment_id, null);
        assert.equal(n.signed_at, null);
        assert.equal(n.cosign_required, false);
        assert.equal(n.cosigned_at, null);
        assert.equal(n.cosigned_by, null);
        assert.deepEqual(n.addenda, []);
        assert.deepEqual(await readNote(fx.client, n.id), n);
      });

      it('bad notes are refused naming the field, and nothing is written', async () => {
        const before_ = (await notesOf(fx.client)).length;
        const rows = [
          [noteBody({ service_at: ahead({ hours: 1 }) }), 422, 'invalid_argument', 'service_at'],
          [noteBody({ service_at: 'yesterday' }), 422, 'invalid_argument', 'service_at'],
          [noteBody({ contact_type: 'telepathy' }), 422, 'invalid_argument', 'contact_type'],
          [{ contact_type: 'phone', service_at: ago({ hours: 1 }) }, 400, 'malformed_request', 'body'],
          [noteBody({ fields: { mood: 'good' } }), 400, 'malformed_request', 'fields.mood'],
          [noteBody({ appointment_id: 'ap_doesnotexist0000' }), 404, 'not_found', 'appointment_id'],
          [noteBody({ sign: 'yes' }), 400, 'malformed_request', 'sign'],
        ];
        for (const [body, status, code, field] of rows) {
          assertError(await cm().post(`/api/v1/cases/${fx.theCase.id}/notes`, body), status, code, field);
        }
        assertError(await cm().post('/api/v1/cases/cs_doesnotexist0000/notes', noteBody()), 404, 'not_found');
        assert.equal((await notesOf(fx.client)).length, before_);
      });

      it('the author edits a draft with If-Match: 200, version 2; stale 412, none 428, someone else 403', async () => {
        const n = await newNote(fx.theCase);
        const res = await cm().patch(`/api/v1/notes/${n.id}`, { body: 'Corrected draft text.', contact_type: 'office' },
          { ifMatch: n.version });
        assertStatus(res, 200);
        assert.equal(res.body.version, 2);
        assert.equal(res.body.body, 'Corrected draft text.');
        assert.equal(res.body.contact_type, 'office');
        assert.equal(res.body.status, 'draft');
        assert.deepEqual(await readNote(fx.client, n.id), res.body);

        assertError(await cm().patch(`/api/v1/notes/${n.id}`, { body: 'stale' }, { ifMatch: 1 }), 412, 'aborted');
        assertError(await cm().patch(`/api/v1/notes/${n.id}`, { body: 'unversioned' }), 428, 'precondition_required');
        // The supervisor may open the client but is not the author.
        assertError(await ctx.as('supervisor').patch(`/api/v1/notes/${n.id}`, { body: 'not mine' }, { ifMatch: 2 }),
          403, 'permission_denied');
        assertError(await cm().patch(`/api/v1/notes/${n.id}`, { contact_type: 'pigeon' }, { ifMatch: 2 }), 422,
          'invalid_argument', 'contact_type');
        assert.deepEqual(await readNote(fx.client, n.id), res.body);
      });

      it('signing makes the note immutable: PATCH answers 409, signing again 409, and nothing changes', async () => {
        const n = await newNote(fx.theCase);
        const t0 = iso(Date.now());
        const signed = await sign(n);
        assert.equal(signed.version, n.version + 1);
        between(signed.signed_at, t0, iso(Date.now() + 1000), 'signed_at');
        assert.equal(signed.late, false, 'signed an hour after the service');
        assert.equal(signed.cosign_required, false);

        const res = await cm().patch(`/api/v1/notes/${n.id}`, { body: 'Rewriting history' }, { ifMatch: signed.version });
        assertError(res, 409, 'failed_precondition');
        assertError(await cm().post(`/api/v1/notes/${n.id}/sign`, {}, { ifMatch: signed.version }), 409, 'failed_precondition');
        assert.deepEqual(await readNote(fx.client, n.id), signed);
      });

      it('only the author signs: the supervisor gets 403; a stale If-Match 412', async () => {
        const n = await newNote(fx.theCase);
        assertError(await ctx.as('supervisor').post(`/api/v1/notes/${n.id}/sign`, {}, { ifMatch: n.version }), 403,
          'permission_denied');
        assertError(await cm().post(`/api/v1/notes/${n.id}/sign`, {}, { ifMatch: n.version + 1 }), 412, 'aborted');
        assert.deepEqual(await readNote(fx.client, n.id), n);
      });

      it('sign: true signs at once', async () => {
        const n = await newNote(fx.theCase, { sign: true });
        assert.equal(n.status, 'signed');
        assert.notEqual(n.signed_at, null);
      });

      it('an addendum on a signed note: 201 with the Note, the text kept and the addendum appended', async () => {
        const signed = await newNote(fx.theCase, { sign: true });
        const t0 = iso(Date.now());
        const res = await cm().post(`/api/v1/notes/${signed.id}/addenda`, { body: 'Correction: the visit lasted 45 minutes.' },
          { ifMatch: signed.version });
        assertStatus(res, 201);
        assert.equal(res.body.id, signed.id);
        assert.equal(res.body.body, signed.body, 'the signed text is untouched');
        assert.equal(res.body.status, 'signed');
        assert.equal(res.body.addenda.length, 1);
        const [a] = res.body.addenda;
        assert.deepEqual(sortedKeys(a), ['author_id', 'body', 'id', 'written_at']);
        assert.equal(a.author_id, ctx.users.cm.id);
        assert.equal(a.body, 'Correction: the visit lasted 45 minutes.');
        between(a.written_at, t0, iso(Date.now() + 1000), 'addendum written_at');
        const second = await cm().post(`/api/v1/notes/${signed.id}/addenda`, { body: 'Daughter present too.' },
          { ifMatch: res.body.version });
        assertStatus(second, 201);
        assert.deepEqual(second.body.addenda.map((x) => x.body), ['Correction: the visit lasted 45 minutes.', 'Daughter present too.']);
        assert.deepEqual(await readNote(fx.client, signed.id), second.body);
      });

      it('an addendum on a draft answers 409 (a draft is edited instead); a blank addendum 422', async () => {
        const draft = await newNote(fx.theCase);
        assertError(await cm().post(`/api/v1/notes/${draft.id}/addenda`, { body: 'Too early' }, { ifMatch: draft.version }),
          409, 'failed_precondition');
        assert.deepEqual(await readNote(fx.client, draft.id), draft);
        const signed = await newNote(fx.theCase, { sign: true });
        assertError(await cm().post(`/api/v1/notes/${signed.id}/addenda`, { body: '   ' }, { ifMatch: signed.version }),
          422, 'invalid_argument', 'body');
        assert.deepEqual(await readNote(fx.client, signed.id), signed);
      });

      it('GET /clients/{id}/notes lists the client\'s notes, newest service first', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const older = await newNote(theCase, { service_at: ago({ hours: 30 }) });
        const newest = await newNote(theCase, { service_at: ago({ minutes: 5 }), sign: true });
        const middle = await newNote(theCase, { service_at: ago({ hours: 6 }) });
        const items = await notesOf(client);
        assert.deepEqual(items.map((n) => n.id), [newest.id, middle.id, older.id]);
        for (const n of items) assert.equal(n.client_id, client.id);
      });
    });

    describe('late flag', () => {
      let fx = null;
      before(async () => { fx = await cy.newCase({ program }); });

      it('a note signed 25 hours after the service is late; 23 hours, not', async () => {
        const late = await sign(await newNote(fx.theCase, { service_at: ago({ hours: 25 }) }));
        assert.equal(late.late, true);
        const timely = await sign(await newNote(fx.theCase, { service_at: ago({ hours: 23 }) }));
        assert.equal(timely.late, false);
      });

      it('the boundary: 24 h + 1 min late, 24 h − 1 min not (sign: true)', async () => {
        assert.equal((await newNote(fx.theCase, { service_at: ago({ hours: 24, minutes: 1 }), sign: true })).late, true);
        assert.equal((await newNote(fx.theCase, { service_at: ago({ hours: 23, minutes: 59 }), sign: true })).late, false);
      });

      it('the program\'s note_hours decides: at 2 hours a note 3 hours after the service is late, 1 hour not', async () => {
        const { theCase } = await cy.newCase({ program: quick });
        assert.equal((await newNote(theCase, { service_at: ago({ hours: 3 }), sign: true })).late, true);
        assert.equal((await newNote(theCase, { service_at: ago({ hours: 1 }), sign: true })).late, false);
      });
    });

    describe('co-signature', () => {
      let fx = null;
      before(async () => { fx = await cy.newCase({ program: cosigned }); });

      async function teamEntries(noteId) {
        const res = await ctx.as('supervisor').get('/api/v1/worklist/team');
        assertStatus(res, 200);
        return res.body.items.filter((i) => i.rule === 'note_cosign' && i.record_id === noteId);
      }

      it('a note signed in such a program needs a co-signature, and its clock runs note_hours from the signature', async () => {
        const signed = await sign(await newNote(fx.theCase));
        assert.equal(signed.cosign_required, true);
        assert.equal(signed.cosigned_at, null);
        assert.equal(signed.cosigned_by, null);
        const entries = await teamEntries(signed.id);
        assert.equal(entries.length, 1, JSON.stringify(entries));
        sameInstant(entries[0].due_at, plus(signed.signed_at, 24 * HOUR), 'due note_hours after signing');
        assert.equal(entries[0].overdue, false);
      });

      it('the author\'s supervisor co-signs: 200, cosigned_by and cosigned_at, and the item is cleared', async () => {
        const signed = await sign(await newNote(fx.theCase));
        const t0 = iso(Date.now());
        const res = await ctx.as('supervisor').post(`/api/v1/notes/${signed.id}/cosign`, {}, { ifMatch: signed.version });
        assertStatus(res, 200);
        assert.equal(res.body.version, signed.version + 1);
        assert.equal(res.body.cosigned_by, ctx.users.supervisor.id);
        between(res.body.cosigned_at, t0, iso(Date.now() + 1000), 'cosigned_at');
        assert.equal(res.body.status, 'signed');
        assert.equal(res.body.body, signed.body);
        assert.deepEqual(await readNote(fx.client, signed.id), res.body);
        assert.deepEqual(await teamEntries(signed.id), []);
        assertError(await ctx.as('supervisor').post(`/api/v1/notes/${signed.id}/cosign`, {}, { ifMatch: res.body.version }),
          409, 'failed_precondition');
      });

      it('no one else co-signs: the author or another supervisor 403, a case manager outside 403; nothing changes', async () => {
        const signed = await sign(await newNote(fx.theCase));
        for (const who of ['cm', 'supervisor2', 'cm2']) {
          assertError(await ctx.as(who).post(`/api/v1/notes/${signed.id}/cosign`, {}, { ifMatch: signed.version }), 403,
            'permission_denied');
        }
        assert.deepEqual(await readNote(fx.client, signed.id), signed);
        assert.equal((await teamEntries(signed.id)).length, 1, 'still owed');
      });

      it('co-signing a draft, or a note that does not need it, answers 409', async () => {
        const draft = await newNote(fx.theCase);
        assertError(await ctx.as('supervisor').post(`/api/v1/notes/${draft.id}/cosign`, {}, { ifMatch: draft.version }), 409,
          'failed_precondition');
        assert.deepEqual(await readNote(fx.client, draft.id), draft);
        const plain = await cy.newCase({ program });
        const n = await newNote(plain.theCase, { sign: true });
        assert.equal(n.cosign_required, false);
        assertError(await ctx.as('supervisor').post(`/api/v1/notes/${n.id}/cosign`, {}, { ifMatch: n.version }), 409,
          'failed_precondition');
        assert.deepEqual(await readNote(plain.client, n.id), n);
      });

      it('the co-signature clock starts at the signature, not the service: a late note\'s co-signature is not overdue yet', async () => {
        const signed = await newNote(fx.theCase, { service_at: ago({ hours: 30 }), sign: true });
        assert.equal(signed.late, true);
        const [entry] = await teamEntries(signed.id);
        assert.ok(entry);
        assert.equal(entry.overdue, false);
      });
    });

    describe('the progress-note clock', () => {
      /** A case assigned from a referral received 30 h ago, with the first contact `hoursAgo` hours ago. */
      async function contacted(hoursAgo) {
        const client = await cy.newClient('cm');
        const r = await cy.assignReferral(
          await cy.newReferral({ client, program, received_at: ago({ hours: 30 }) }), 'cm');
        const contactedAt = ago({ hours: hoursAgo });
        const res = await cm().post(`/api/v1/referrals/${r.id}/first-contact`, { contacted_at: contactedAt, method: 'phone' },
          { ifMatch: r.version });
        assertStatus(res, 200);
        const theCase = await cy.getCase('cm', r.case_id);
        return { client, theCase, contactedAt };
      }

      it('the first contact starts it: due 24 h after, overdue when the contact was 25 h ago', async () => {
        const { theCase, contactedAt } = await contacted(25);
        const entries = await cy.owedFor('cm', theCase.id, 'progress_note');
        assert.equal(entries.length, 1, JSON.stringify(entries));
        sameInstant(entries[0].due_at, plus(contactedAt, 24 * HOUR), 'due 24 h after the first contact');
        assert.equal(entries[0].overdue, true);
        assert.equal(entries[0].kind, 'clock');
        const fresh = await contacted(23);
        const [young] = await cy.owedFor('cm', fresh.theCase.id, 'progress_note');
        assert.ok(young);
        assert.equal(young.overdue, false);
      });

      it('a draft, or a signed note about an earlier service, does not satisfy it; a signed note at or after the contact does', async () => {
        const { theCase, contactedAt } = await contacted(5);
        await newNote(theCase, { service_at: contactedAt });
        assert.equal((await cy.owedFor('cm', theCase.id, 'progress_note')).length, 1, 'a draft does not count');
        await newNote(theCase, { service_at: plus(contactedAt, -HOUR), sign: true });
        assert.equal((await cy.owedFor('cm', theCase.id, 'progress_note')).length, 1, 'a note about an earlier service does not count');
        const n = await newNote(theCase, { service_at: contactedAt, sign: true });
        assert.equal(n.late, false);
        assert.deepEqual(await cy.owedFor('cm', theCase.id, 'progress_note'), []);
      });

      it('an attended appointment starts it; a signed note naming that appointment satisfies it, other notes do not', async () => {
        const { client, theCase } = await cy.newCase({ program });
        assert.deepEqual(await cy.owedFor('cm', theCase.id, 'progress_note'), [], 'no contact yet');
        const made = await cm().post(`/api/v1/cases/${theCase.id}/appointments`,
          { kind: 'home_visit', starts_at: ago({ hours: 3 }), ends_at: ago({ hours: 2 }), location: '12 Elm St' });
        assertStatus(made, 201);
        const attended = await cm().post(`/api/v1/appointments/${made.body.id}/outcome`, { status: 'attended' },
          { ifMatch: made.body.version });
        assertStatus(attended, 200);
        const entries = await cy.owedFor('cm', theCase.id, 'progress_note');
        assert.equal(entries.length, 1, JSON.stringify(entries));
        assert.equal(entries[0].record_id, made.body.id, 'the item is about the appointment');
        assert.equal(entries[0].overdue, false);

        await newNote(theCase, { service_at: ago({ hours: 3 }), sign: true });
        assert.equal((await cy.owedFor('cm', theCase.id, 'progress_note')).length, 1, 'a note not naming it does not count');
        const draft = await newNote(theCase, { service_at: ago({ hours: 3 }), appointment_id: made.body.id });
        assert.equal(draft.appointment_id, made.body.id);
        assert.equal((await cy.owedFor('cm', theCase.id, 'progress_note')).length, 1, 'a draft naming it does not count');
        await sign(draft);
        assert.deepEqual(await cy.owedFor('cm', theCase.id, 'progress_note'), []);
        const listed = (await notesOf(client)).find((n) => n.id === draft.id);
        assert.equal(listed.appointment_id, made.body.id);
      });

      it('a no-show starts no progress-note clock', async () => {
        const { theCase } = await cy.newCase({ program });
        const made = await cm().post(`/api/v1/cases/${theCase.id}/appointments`,
          { kind: 'office', starts_at: ago({ hours: 3 }), ends_at: ago({ hours: 2 }) });
        assertStatus(made, 201);
        assertStatus(await cm().post(`/api/v1/appointments/${made.body.id}/outcome`, { status: 'no_show' },
          { ifMatch: made.body.version }), 200);
        assert.deepEqual(await cy.owedFor('cm', theCase.id, 'progress_note'), []);
      });
    });
  });
}
