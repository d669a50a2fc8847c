// A session that has idled out or outlived its lifetime opens nothing: every client-data endpoint
// answers 401 to it, while a fresh sign-in of the same user still gets in. Two servers share one
// database, one with a 1-minute idle limit and one with a 1-minute lifetime; the test waits just
// over a minute.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PASSWORD, api, assertStatus, backends, clientBody, login, startServer, useSuite } from './harness.mjs';

const sqlite = backends().find((b) => b.kind === 'sqlite');

describe('idle and expired sessions', { timeout: 120_000 }, () => {
  const ctx = useSuite(sqlite, { users: ['cm', 'admin'], serverArgs: ['--idle-timeout', '1'] });
  let lifetimeServer = null;
  let client = null;
  let contact = null;
  let theCase = null;
  let idleToken = null;
  let expiredToken = null;

  before(async () => {
    lifetimeServer = await startServer(ctx.db, { args: ['--session-lifetime', '1', '--idle-timeout', '10'] });
    const created = await ctx.as('cm').post('/api/v1/clients', clientBody());
    assertStatus(created, 201);
    client = created.body;
    contact = (await ctx.as('cm').post(`/api/v1/clients/${client.id}/contacts`, { name: 'Ana Ruiz', relationship: 'child' })).body;
    const program = (await ctx.as('admin').post('/api/v1/programs', { name: `Expiry ${ctx.tag}` })).body;
    theCase = (await ctx.as('cm').post('/api/v1/cases', { client_id: client.id, program_id: program.id })).body;
    idleToken = (await login(ctx.base, ctx.users.cm.username, PASSWORD)).token;
    expiredToken = (await login(lifetimeServer.base, ctx.users.cm.username, PASSWORD)).token;
    assert.ok(idleToken && expiredToken && contact && theCase);
  });

  after(async () => {
    if (lifetimeServer) await lifetimeServer.stop();
  });

  function endpoints() {
    return [
      ['GET client', (as) => as.get(`/api/v1/clients/${client.id}`)],
      ['PATCH client', (as) => as.patch(`/api/v1/clients/${client.id}`, { phone: '+1 555 0100' }, { ifMatch: client.version })],
      ['search', (as) => as.get('/api/v1/clients?q=lopez')],
      ['GET contacts', (as) => as.get(`/api/v1/clients/${client.id}/contacts`)],
      ['POST contact', (as) => as.post(`/api/v1/clients/${client.id}/contacts`, { name: 'Bo Ruiz', relationship: 'friend' })],
      ['PATCH contact', (as) => as.patch(`/api/v1/clients/${client.id}/contacts/${contact.id}`, { notes: 'x' }, { ifMatch: contact.version })],
      ['DELETE contact', (as) => as.request('DELETE', `/api/v1/clients/${client.id}/contacts/${contact.id}`, { ifMatch: contact.version })],
      ['GET client cases', (as) => as.get(`/api/v1/clients/${client.id}/cases`)],
      ['GET case', (as) => as.get(`/api/v1/cases/${theCase.id}`)],
      ['list cases', (as) => as.get(`/api/v1/cases?client_id=${client.id}`)],
      ['transition', (as) => as.post(`/api/v1/cases/${theCase.id}/transitions`, { to: 'intake' }, { ifMatch: theCase.version })],
      ['access panel', (as) => as.get(`/api/v1/clients/${client.id}/access`)],
      ['consents', (as) => as.get(`/api/v1/clients/${client.id}/consents`)],
    ];
  }

  it('after a minute, the idle session and the expired session get 401 everywhere; a fresh one gets in', async () => {
    await new Promise((resolve) => setTimeout(resolve, 61_000));
    const wrong = [];
    for (const [name, run] of endpoints()) {
      for (const [label, base, token] of [['idle', ctx.base, idleToken], ['expired', lifetimeServer.base, expiredToken]]) {
        const res = await run(api(base, token));
        if (res.status !== 401) wrong.push(`${label} × ${name}: ${res.status}`);
      }
    }
    assert.deepEqual(wrong, [], 'every cell refused');
    const fresh = await login(ctx.base, ctx.users.cm.username, PASSWORD);
    assert.equal(fresh.status, 200);
    assertStatus(await api(ctx.base, fresh.token).get(`/api/v1/clients/${client.id}`), 200);
    // Nothing the stale sessions tried was kept.
    const read = await api(ctx.base, fresh.token).get(`/api/v1/clients/${client.id}`);
    assert.equal(read.body.version, client.version);
  });
});
