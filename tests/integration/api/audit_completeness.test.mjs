// Audit completeness: every client-data endpoint, called successfully, leaves its own entry in the
// trail (user, client, action, success). A read or write without its entry fails this test.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { assertStatus, backends, clientBody, useSuite } from './harness.mjs';

const sqlite = backends().find((b) => b.kind === 'sqlite');

describe('audit completeness', () => {
  const ctx = useSuite(sqlite, { users: ['cm', 'admin', 'auditor', 'supervisor'] });
  const state = {};

  before(async () => {
    state.program = (await ctx.as('admin').post('/api/v1/programs', { name: `Audited ${ctx.tag}` })).body;
    assert.ok(state.program.id);
  });

  async function newestFor(clientId) {
    const res = await ctx.as('auditor').get(`/api/v1/audit?client_id=${clientId}&limit=5`);
    assertStatus(res, 200);
    return res.body.items.filter((e) => e.action !== 'audit.query');
  }

  // [name, call (returns the response), expected action, the client the entry must name]
  const steps = [
    ['POST /clients', async () => {
      const res = await ctx.as('cm').post('/api/v1/clients', clientBody());
      state.client = res.body;
      return res;
    }, 'client.create'],
    ['GET /clients/{id}', () => ctx.as('cm').get(`/api/v1/clients/${state.client.id}`), 'client.read'],
    ['PATCH /clients/{id}', async () => {
      const res = await ctx.as('cm').patch(`/api/v1/clients/${state.client.id}`, { phone: '+1 555 0111' }, { ifMatch: state.client.version });
      state.client = res.body;
      return res;
    }, 'client.update'],
    ['POST contacts', async () => {
      const res = await ctx.as('cm').post(`/api/v1/clients/${state.client.id}/contacts`, { name: 'Lu Chen', relationship: 'friend' });
      state.contact = res.body;
      return res;
    }, 'contact.create'],
    ['GET contacts', () => ctx.as('cm').get(`/api/v1/clients/${state.client.id}/contacts`), 'contact.list'],
    ['PATCH contact', async () => {
      const res = await ctx.as('cm').patch(`/api/v1/clients/${state.client.id}/contacts/${state.contact.id}`, { notes: 'Sister-in-law' }, { ifMatch: state.contact.version });
      state.contact = res.body;
      return res;
    }, 'contact.update'],
    ['DELETE contact', () => ctx.as('cm').request('DELETE', `/api/v1/clients/${state.client.id}/contacts/${state.contact.id}`, { ifMatch: state.contact.version }), 'contact.delete'],
    ['POST /cases', async () => {
      const res = await ctx.as('cm').post('/api/v1/cases', { client_id: state.client.id, program_id: state.program.id });
      state.case = res.body;
      return res;
    }, 'case.create'],
    ['GET /cases/{id}', () => ctx.as('cm').get(`/api/v1/cases/${state.case.id}`), 'case.read'],
    ['GET /clients/{id}/cases', () => ctx.as('cm').get(`/api/v1/clients/${state.client.id}/cases`), 'case.list'],
    ['GET /cases?client_id=', () => ctx.as('cm').get(`/api/v1/cases?client_id=${state.client.id}`), 'case.list'],
    ['POST transition', async () => {
      const res = await ctx.as('cm').post(`/api/v1/cases/${state.case.id}/transitions`, { to: 'intake' }, { ifMatch: state.case.version });
      state.case = res.body;
      return res;
    }, 'case.transition'],
    ['POST consent', async () => {
      const res = await ctx.as('cm').post(`/api/v1/clients/${state.client.id}/consents`, { grantee_user_id: ctx.users.cm.id, purpose: 'Care' });
      state.consent = res.body;
      return res;
    }, 'consent.record'],
    ['POST restriction', async () => {
      const res = await ctx.as('cm').post(`/api/v1/clients/${state.client.id}/restriction`, { restricted: true }, { ifMatch: state.client.version });
      state.client = res.body;
      return res;
    }, 'client.restrict'],
    ['POST revoke consent', () => ctx.as('cm').post(`/api/v1/clients/${state.client.id}/consents/${state.consent.id}/revoke`, {}), 'consent.revoke'],
  ];

  it('each successful client-data call appears in the trail as its own entry', async () => {
    const missing = [];
    let seen = 0;  // the newest sequence before each call: its entry must come after it
    for (const [name, call, action] of steps) {
      const res = await call();
      assert.ok(res.status >= 200 && res.status < 300, `${name} answered ${res.status}: ${res.text}`);
      const entries = await newestFor(state.client.id);
      const found = entries.find((e) => e.sequence > seen && e.action === action && e.user_id === ctx.users.cm.id &&
        e.outcome === 'success');
      seen = Math.max(seen, ...entries.map((e) => e.sequence));
      if (!found) missing.push(`${name} → ${action} (newest: ${entries.map((e) => e.action).join(', ')})`);
    }
    assert.deepEqual(missing, []);
  });

  it('a search is recorded even though it names no client', async () => {
    assertStatus(await ctx.as('cm').get('/api/v1/clients?q=zz-nobody'), 200);
    const res = await ctx.as('auditor').get(`/api/v1/audit?user_id=${ctx.users.cm.id}&action=client.search&limit=1`);
    assert.match(res.body.items[0].detail, /q=zz-nobody/);
  });
});
