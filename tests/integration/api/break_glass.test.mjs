// Break-the-glass over HTTP: a reason and the second factor open a client outside one's scope for
// a bounded time, the reads are audited with the reason, the grant shows on the record, and the
// user's supervisor and the auditors are alerted at once.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { assertError, assertStatus, backends, clientBody, useSuite } from './harness.mjs';
import { nextTotpCode } from '../../lib/totp.mjs';

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm', 'cm2', 'cm3', 'supervisor', 'director', 'auditor', 'admin'] });
    let client = null;
    const secrets = {};

    async function enrol(who) {
      const started = await ctx.as(who).post('/api/v1/me/totp', {});
      assertStatus(started, 200);
      assertStatus(await ctx.as(who).post('/api/v1/me/totp/confirm', { code: await nextTotpCode(started.body.secret) }), 204);
      secrets[who] = started.body.secret;
    }

    before(async () => {
      const created = await ctx.as('cm').post('/api/v1/clients', clientBody());
      assertStatus(created, 201);
      client = created.body;
      // cm2 is supervised by the supervisor, who must hear of cm2 breaking the glass.
      const cm2 = await ctx.as('admin').get(`/api/v1/users/${ctx.users.cm2.id}`);
      assertStatus(await ctx.as('admin').patch(`/api/v1/users/${ctx.users.cm2.id}`,
        { supervisor_id: ctx.users.supervisor.id }, { ifMatch: cm2.body.version }), 200);
      await enrol('cm2');
      await enrol('director');
    });

    it('without a grant the record is closed to another case manager (403)', async () => {
      assertError(await ctx.as('cm2').get(`/api/v1/clients/${client.id}`), 403, 'permission_denied', null);
    });

    it('a missing or short reason, a wrong code and no second factor are each refused, naming the field', async () => {
      const url = `/api/v1/clients/${client.id}/break-glass`;
      assertError(await ctx.as('cm2').post(url, { totp_code: '123456' }), 400, 'malformed_request', 'reason');
      assertError(await ctx.as('cm2').post(url, { reason: 'urgent', totp_code: '123456' }), 422, 'invalid_argument', 'reason');
      assertError(await ctx.as('cm2').post(url, { reason: 'Covering for a colleague on leave', totp_code: '12345' }),
        422, 'invalid_argument', 'totp_code');
      assertError(await ctx.as('cm3').post(url, { reason: 'Covering for a colleague on leave', totp_code: '123456' }),
        409, 'failed_precondition', 'totp_code');
      assertError(await ctx.as('cm2').post(`/api/v1/clients/cl_unknown/break-glass`,
        { reason: 'Covering for a colleague on leave', totp_code: await nextTotpCode(secrets.cm2) }), 404, 'not_found', null);
    });

    it('administrators and auditors cannot break the glass (403)', async () => {
      for (const who of ['admin', 'auditor']) {
        assertError(await ctx.as(who).post(`/api/v1/clients/${client.id}/break-glass`,
          { reason: 'Just curious about this client', totp_code: '123456' }), 403, 'permission_denied', null);
      }
    });

    it('with a reason and the code, access is granted for 60 minutes and the record opens', async () => {
      const res = await ctx.as('cm2').post(`/api/v1/clients/${client.id}/break-glass`,
        { reason: 'Client called in crisis; case manager away', totp_code: await nextTotpCode(secrets.cm2) });
      assertStatus(res, 201);
      const minutes = (Date.parse(res.body.expires_at) - Date.parse(res.body.granted_at)) / 60000;
      assert.equal(minutes, 60);
      assertStatus(await ctx.as('cm2').get(`/api/v1/clients/${client.id}`), 200);
      assertStatus(await ctx.as('cm2').get(`/api/v1/clients/${client.id}/contacts`), 200);
    });

    it('reads under the grant carry its reason in the audit trail', async () => {
      const res = await ctx.as('auditor').get(`/api/v1/audit?user_id=${ctx.users.cm2.id}&action=client.read`);
      assertStatus(res, 200);
      assert.equal(res.body.items[0].break_glass_reason, 'Client called in crisis; case manager away');
      const granted = await ctx.as('auditor').get(`/api/v1/audit?user_id=${ctx.users.cm2.id}&action=client.break_glass`);
      assert.equal(granted.body.items.length, 1);
    });

    it('the grant shows on the client\'s record for its case manager', async () => {
      const res = await ctx.as('cm').get(`/api/v1/clients/${client.id}/break-glass`);
      assertStatus(res, 200);
      assert.equal(res.body.items.length, 1);
      assert.equal(res.body.items[0].user_id, ctx.users.cm2.id);
      assert.equal(res.body.items[0].reason, 'Client called in crisis; case manager away');
    });

    it('the supervisor and the auditor are alerted at once, and can acknowledge', async () => {
      for (const who of ['supervisor', 'auditor']) {
        const res = await ctx.as(who).get('/api/v1/alerts');
        assertStatus(res, 200);
        const alert = res.body.items.find((a) => a.kind === 'break_glass' && a.client_id === client.id);
        assert.ok(alert, `${who} has the alert`);
        assert.equal(alert.about_user_id, ctx.users.cm2.id);
        assert.equal(alert.acknowledged_at, null);
        const ack = await ctx.as(who).post(`/api/v1/alerts/${alert.id}/acknowledge`, {});
        assertStatus(ack, 200);
        assert.match(ack.body.acknowledged_at, /Z$/);
      }
      const cm3 = await ctx.as('cm3').get('/api/v1/alerts');
      assert.deepEqual(cm3.body.items, []);
      const supervisorAlert = (await ctx.as('supervisor').get('/api/v1/alerts')).body.items[0];
      assertError(await ctx.as('cm3').post(`/api/v1/alerts/${supervisorAlert.id}/acknowledge`, {}), 404, 'not_found', null);
    });

    it('a director searches summaries, reads only through a grant, and never writes', async () => {
      const search = await ctx.as('director').get(`/api/v1/clients?q=${encodeURIComponent(client.family_name)}`);
      assertStatus(search, 200);
      assert.equal(search.body.items.find((c) => c.id === client.id).can_open, false);
      assertError(await ctx.as('director').get(`/api/v1/clients/${client.id}`), 403, 'permission_denied', null);
      assertStatus(await ctx.as('director').post(`/api/v1/clients/${client.id}/break-glass`,
        { reason: 'Reviewing a complaint about this case', totp_code: await nextTotpCode(secrets.director) }), 201);
      assertStatus(await ctx.as('director').get(`/api/v1/clients/${client.id}`), 200);
      assertError(await ctx.as('director').patch(`/api/v1/clients/${client.id}`, { phone: '+1 555 0100' }, { ifMatch: 1 }),
        403, 'permission_denied', null);
    });
  });
}
