// The endpoints added with the security work refuse those who may not use them: no session
// (401), a role without the permission (403), a user outside the client's scope (403), another
// organization (404). One row per endpoint and caller.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { api, assertStatus, backends, clientBody, useSuite } from './harness.mjs';

const sqlite = backends().find((b) => b.kind === 'sqlite');

describe('refusals on the security endpoints', () => {
  const ctx = useSuite(sqlite, { users: ['cm', 'cm2', 'admin', 'auditor', 'otherCm'] });
  const fx = {};

  before(async () => {
    fx.client = (await ctx.as('cm').post('/api/v1/clients', clientBody())).body;
    const program = (await ctx.as('admin').post('/api/v1/programs', { name: `Refusals ${ctx.tag}` })).body;
    fx.case = (await ctx.as('cm').post('/api/v1/cases', { client_id: fx.client.id, program_id: program.id })).body;
    fx.consent = (await ctx.as('cm').post(`/api/v1/clients/${fx.client.id}/consents`,
      { grantee_user_id: ctx.users.cm.id, purpose: 'Care' })).body;
    assert.ok(fx.client.id && fx.case.id && fx.consent.id);
  });

  it('answers each caller as the table says, and nothing changes', async () => {
    const c = () => fx.client.id;
    const rows = [
      // [caller, method, path, body, ifMatch, expected status]
      ['anonymous', 'POST', '/api/v1/me/totp', {}, undefined, 401],
      ['anonymous', 'POST', '/api/v1/me/totp/confirm', { code: '123456' }, undefined, 401],
      ['anonymous', 'GET', '/api/v1/alerts', undefined, undefined, 401],
      ['anonymous', 'POST', '/api/v1/alerts/al_x/acknowledge', {}, undefined, 401],
      ['anonymous', 'GET', `/api/v1/clients/${c()}/consents`, undefined, undefined, 401],
      ['anonymous', 'GET', '/api/v1/audit', undefined, undefined, 401],
      ['cm2', 'GET', `/api/v1/clients/${c()}/consents`, undefined, undefined, 403],
      ['cm2', 'POST', `/api/v1/clients/${c()}/consents`, { grantee_user_id: ctx.users.cm2.id, purpose: 'x' }, undefined, 403],
      ['cm2', 'POST', `/api/v1/clients/${c()}/consents/${fx.consent.id}/revoke`, {}, undefined, 403],
      ['cm2', 'POST', `/api/v1/clients/${c()}/restriction`, { restricted: true }, 1, 403],
      ['cm2', 'POST', `/api/v1/cases/${fx.case.id}/restriction`, { restricted: true }, 1, 403],
      ['cm2', 'GET', `/api/v1/clients/${c()}/break-glass`, undefined, undefined, 403],
      ['cm2', 'GET', `/api/v1/clients/${c()}/access`, undefined, undefined, 403],
      ['admin', 'GET', `/api/v1/clients/${c()}/consents`, undefined, undefined, 403],
      ['admin', 'POST', `/api/v1/cases/${fx.case.id}/restriction`, { restricted: true }, 1, 403],
      ['auditor', 'POST', `/api/v1/clients/${c()}/restriction`, { restricted: true }, 1, 403],
      ['cm', 'POST', `/api/v1/users/${ctx.users.cm2.id}/unlock`, {}, undefined, 403],
      ['cm', 'GET', '/api/v1/audit', undefined, undefined, 403],
      ['otherCm', 'GET', `/api/v1/clients/${c()}/consents`, undefined, undefined, 404],
      ['otherCm', 'POST', `/api/v1/cases/${fx.case.id}/restriction`, { restricted: true }, 1, 404],
    ];
    const wrong = [];
    for (const [caller, method, path, body, ifMatch, expected] of rows) {
      const client = caller === 'anonymous' ? api(ctx.base) : ctx.as(caller);
      const res = await client.request(method, path, { json: body, ifMatch });
      if (res.status !== expected) wrong.push(`${caller} ${method} ${path}: ${res.status}, expected ${expected}`);
    }
    assert.deepEqual(wrong, []);
    const after = await ctx.as('cm').get(`/api/v1/clients/${fx.client.id}`);
    assert.equal(after.body.restricted, false);
    assert.equal(after.body.version, fx.client.version);
    const consents = await ctx.as('cm').get(`/api/v1/clients/${fx.client.id}/consents`);
    assert.deepEqual(consents.body.items.map((x) => [x.id, x.revoked_at]), [[fx.consent.id, null]]);
  });
});
