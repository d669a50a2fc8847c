// Records restricted by consent (e.g. 42 CFR Part 2): a restricted client opens only for users a
// consent in force names; others see that something is withheld, never what; an expired or
// revoked consent blocks disclosure; break-the-glass stays the emergency path.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { assertError, assertStatus, backends, clientBody, useSuite } from './harness.mjs';

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm', 'cm2', 'supervisor', 'admin', 'auditor'] });
    let client = null;

    before(async () => {
      // The supervisor supervises cm: without restriction, the supervisor opens cm's clients.
      const cm = await ctx.as('admin').get(`/api/v1/users/${ctx.users.cm.id}`);
      assertStatus(await ctx.as('admin').patch(`/api/v1/users/${ctx.users.cm.id}`,
        { supervisor_id: ctx.users.supervisor.id }, { ifMatch: cm.body.version }), 200);
      const created = await ctx.as('cm').post('/api/v1/clients', clientBody());
      assertStatus(created, 201);
      client = created.body;
      assert.equal(client.restricted, false);
      assertStatus(await ctx.as('supervisor').get(`/api/v1/clients/${client.id}`), 200);
    });

    it('restricting needs a consent naming the one who restricts (409 naming restricted)', async () => {
      assertError(await ctx.as('cm').post(`/api/v1/clients/${client.id}/restriction`, { restricted: true }, { ifMatch: 1 }),
        409, 'failed_precondition', 'restricted');
    });

    it('consents are recorded with who, the purpose and an expiry; bad ones are refused naming the field', async () => {
      const url = `/api/v1/clients/${client.id}/consents`;
      assertError(await ctx.as('cm').post(url, { grantee_user_id: ctx.users.cm.id, purpose: ' ' }), 422, 'invalid_argument', 'purpose');
      assertError(await ctx.as('cm').post(url, { grantee_user_id: ctx.users.admin.id, purpose: 'Care coordination' }),
        404, 'not_found', 'grantee_user_id');
      assertError(await ctx.as('cm').post(url, { grantee_user_id: ctx.users.cm.id, purpose: 'x', expires_at: '2001-01-01T00:00:00Z' }),
        422, 'invalid_argument', 'expires_at');
      const mine = await ctx.as('cm').post(url, { grantee_user_id: ctx.users.cm.id, purpose: 'Substance use treatment coordination' });
      assertStatus(mine, 201);
      assert.equal(mine.body.revoked_at, null);
      const listed = await ctx.as('cm').get(url);
      assert.deepEqual(listed.body.items.map((c) => c.id), [mine.body.id]);
    });

    it('once restricted, only users a consent names open it; the supervisor is told it is withheld', async () => {
      const restricted = await ctx.as('cm').post(`/api/v1/clients/${client.id}/restriction`, { restricted: true }, { ifMatch: 1 });
      assertStatus(restricted, 200);
      assert.equal(restricted.body.restricted, true);
      assertStatus(await ctx.as('cm').get(`/api/v1/clients/${client.id}`), 200);
      const refused = await ctx.as('supervisor').get(`/api/v1/clients/${client.id}`);
      assertError(refused, 403, 'permission_denied', 'consent');
      assert.doesNotMatch(refused.text, new RegExp(client.family_name), 'the refusal says nothing of the record');
      assertError(await ctx.as('supervisor').get(`/api/v1/clients/${client.id}/contacts`), 403, 'permission_denied', 'consent');
    });

    it('search shows a withheld count instead of the restricted client', async () => {
      const sup = await ctx.as('supervisor').get(`/api/v1/clients?q=${encodeURIComponent(client.family_name)}`);
      assertStatus(sup, 200);
      assert.deepEqual(sup.body.items, []);
      assert.equal(sup.body.withheld, 1);
      const other = await ctx.as('cm2').get(`/api/v1/clients?q=${encodeURIComponent(client.family_name)}`);
      assert.deepEqual(other.body.items, []);
      assert.equal(other.body.withheld, 1);
      const owner = await ctx.as('cm').get(`/api/v1/clients?q=${encodeURIComponent(client.family_name)}`);
      assert.deepEqual(owner.body.items.map((c) => c.id), [client.id]);
      assert.equal(owner.body.withheld, 0);
    });

    it('a consent naming the supervisor opens it to them; revoking it closes it again', async () => {
      const consent = await ctx.as('cm').post(`/api/v1/clients/${client.id}/consents`,
        { grantee_user_id: ctx.users.supervisor.id, purpose: 'Clinical supervision' });
      assertStatus(consent, 201);
      assertStatus(await ctx.as('supervisor').get(`/api/v1/clients/${client.id}`), 200);
      // A consent does not widen scope: cm2 works with neither the client nor its case manager.
      assertStatus(await ctx.as('cm').post(`/api/v1/clients/${client.id}/consents`,
        { grantee_user_id: ctx.users.cm2.id, purpose: 'Referral' }), 201);
      assertError(await ctx.as('cm2').get(`/api/v1/clients/${client.id}`), 403, 'permission_denied', null);
      const revoked = await ctx.as('cm').post(`/api/v1/clients/${client.id}/consents/${consent.body.id}/revoke`, {});
      assertStatus(revoked, 200);
      assert.match(revoked.body.revoked_at, /Z$/);
      assertError(await ctx.as('supervisor').get(`/api/v1/clients/${client.id}`), 403, 'permission_denied', 'consent');
    });

    it('restriction, consents and revocations are in the audit trail', async () => {
      const res = await ctx.as('auditor').get(`/api/v1/audit?client_id=${client.id}&limit=100`);
      const actions = res.body.items.map((e) => e.action);
      for (const action of ['client.restrict', 'consent.record', 'consent.revoke']) assert.ok(actions.includes(action), action);
    });

    it('one case can be restricted while the rest of the record stays open: withheld, not shown', async () => {
      const other = await ctx.as('cm').post('/api/v1/clients', clientBody());
      assertStatus(other, 201);
      const program = await ctx.as('admin').post('/api/v1/programs', { name: `SUD program ${ctx.tag}` });
      const episode = await ctx.as('cm').post('/api/v1/cases', { client_id: other.body.id, program_id: program.body.id });
      assertStatus(episode, 201);
      const url = `/api/v1/cases/${episode.body.id}/restriction`;
      assertError(await ctx.as('cm').post(url, { restricted: true }, { ifMatch: 1 }), 409, 'failed_precondition', 'restricted');
      assertStatus(await ctx.as('cm').post(`/api/v1/clients/${other.body.id}/consents`,
        { grantee_user_id: ctx.users.cm.id, purpose: 'SUD treatment' }), 201);
      const restricted = await ctx.as('cm').post(url, { restricted: true }, { ifMatch: 1 });
      assertStatus(restricted, 200);
      assert.equal(restricted.body.restricted, true);
      // The supervisor still opens the client, but not the episode.
      assertStatus(await ctx.as('supervisor').get(`/api/v1/clients/${other.body.id}`), 200);
      assertError(await ctx.as('supervisor').get(`/api/v1/cases/${episode.body.id}`), 403, 'permission_denied', 'consent');
      const listed = await ctx.as('supervisor').get(`/api/v1/clients/${other.body.id}/cases`);
      assertStatus(listed, 200);
      assert.deepEqual(listed.body.items, []);
      assert.equal(listed.body.withheld, 1);
      assertError(await ctx.as('supervisor').post(`/api/v1/cases/${episode.body.id}/transitions`, { to: 'intake' },
        { ifMatch: restricted.body.version }), 403, 'permission_denied', 'consent');
      // The case manager whom the consent names sees it.
      const own = await ctx.as('cm').get(`/api/v1/clients/${other.body.id}/cases`);
      assert.deepEqual(own.body.items.map((c) => c.id), [episode.body.id]);
      assert.equal(own.body.withheld, 0);
    });

    it('lifting the restriction opens the record to the supervisor again', async () => {
      const current = await ctx.as('cm').get(`/api/v1/clients/${client.id}`);
      assertStatus(await ctx.as('cm').post(`/api/v1/clients/${client.id}/restriction`, { restricted: false },
        { ifMatch: current.body.version }), 200);
      assertStatus(await ctx.as('supervisor').get(`/api/v1/clients/${client.id}`), 200);
    });
  });
}
