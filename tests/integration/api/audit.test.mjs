// The audit trail over HTTP: reads, writes, sign-ins and refusals recorded; the auditor's query
// (filters, sort, pages) and nobody else's; the "access to this client" panel; and the command
// that verifies the chain.

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { PASSWORD, assertError, assertStatus, backends, clientBody, login, runCli, useSuite } from './harness.mjs';

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm', 'cm2', 'auditor', 'admin', 'director'] });
    const auditor = () => ctx.as('auditor');
    let client = null;

    /** The auditor's view of the trail for a query string. */
    async function trail(query) {
      const res = await auditor().get(`/api/v1/audit?${query}`);
      assertStatus(res, 200);
      return res.body.items;
    }

    before(async () => {
      const created = await ctx.as('cm').post('/api/v1/clients', clientBody());
      assertStatus(created, 201);
      client = created.body;
      assertStatus(await ctx.as('cm').get(`/api/v1/clients/${client.id}`), 200);
    });

    it('a client read is recorded with the reader, the client, the source address and the time', async () => {
      const events = await trail(`client_id=${client.id}&action=client.read`);
      assert.ok(events.length >= 1, 'at least one read of the client');
      const [read] = events;
      assert.equal(read.user_id, ctx.users.cm.id);
      assert.equal(read.client_id, client.id);
      assert.equal(read.resource_id, client.id);
      assert.equal(read.outcome, 'success');
      assert.equal(read.source_address, '127.0.0.1');
      assert.match(read.at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    });

    it('every write and read of the client appears in the trail, newest first', async () => {
      const patched = await ctx.as('cm').patch(`/api/v1/clients/${client.id}`, { phone: '+1 555 0199' }, { ifMatch: 1 });
      assertStatus(patched, 200);
      assertStatus(await ctx.as('cm').get(`/api/v1/clients/${client.id}/contacts`), 200);
      // The auditor's own earlier queries about this client are on its trail too; leave them out here.
      const actions = (await trail(`client_id=${client.id}&limit=100`)).map((e) => e.action).filter((a) => a !== 'audit.query');
      assert.deepEqual(actions.slice(0, 3), ['contact.list', 'client.update', 'client.read']);
      assert.equal(actions.at(-1), 'client.create');
    });

    it('a search is recorded with its criteria', async () => {
      assertStatus(await ctx.as('cm').get('/api/v1/clients?q=lopez'), 200);
      const [search] = await trail(`action=client.search&user_id=${ctx.users.cm.id}`);
      assert.match(search.detail, /q=lopez/);
    });

    it('a refused read is recorded as refused, with the client it aimed at', async () => {
      assertError(await ctx.as('cm2').get(`/api/v1/clients/${client.id}`), 403, 'permission_denied', null);
      const [refusal] = await trail(`action=access.refused&user_id=${ctx.users.cm2.id}`);
      assert.equal(refusal.outcome, 'refused');
      assert.equal(refusal.client_id, client.id);
      assert.match(refusal.detail, /GET \/api\/v1\/clients\/:id/);
    });

    it('sign-ins, a failed sign-in and a sign-out are recorded', async () => {
      const bad = await login(ctx.base, ctx.users.cm2.username, 'not-the-password-at-all');
      assert.equal(bad.status, 401);
      const good = await login(ctx.base, ctx.users.cm2.username, PASSWORD);
      assert.equal(good.status, 200);
      const out = await fetch(`${ctx.base}/api/v1/auth/logout`, {
        method: 'POST', headers: { authorization: `Bearer ${good.token}` },
      });
      assert.equal(out.status, 204);
      const events = await trail(`user_id=${ctx.users.cm2.id}&sort=sequence&order=desc&limit=5`);
      assert.deepEqual(events.slice(0, 3).map((e) => [e.action, e.outcome]),
        [['session.sign_out', 'success'], ['session.sign_in', 'success'], ['session.sign_in', 'refused']]);
    });

    it('the audit query filters by period and sorts by any listed field, with pages', async () => {
      const all = await trail('limit=100');
      assert.ok(all.length > 5);
      const first = all.at(-1).at;
      const from = await trail(`from=${first}&limit=100`);
      assert.ok(from.every((e) => e.at >= first));
      const none = await trail('to=2000-01-01T00:00:00Z');
      assert.deepEqual(none, []);
      const byAction = await trail('sort=action&order=asc&limit=100');
      const actions = byAction.map((e) => e.action);
      assert.deepEqual(actions, [...actions].sort());
      const page1 = await auditor().get('/api/v1/audit?limit=2&order=asc');
      assertStatus(page1, 200);
      assert.equal(page1.body.items.length, 2);
      const page2 = await auditor().get(`/api/v1/audit?limit=2&order=asc&cursor=${page1.body.next_cursor}`);
      assertStatus(page2, 200);
      assert.ok(page2.body.items[0].sequence > page1.body.items[1].sequence);
    });

    it('pages stay put while new entries arrive: no entry is repeated or skipped', async () => {
      const first = await auditor().get('/api/v1/audit?limit=3');
      assertStatus(first, 200);
      // New activity lands at the top of a newest-first trail between the two page loads.
      for (let i = 0; i < 3; i += 1) assertStatus(await ctx.as('cm').get(`/api/v1/clients/${client.id}`), 200);
      const second = await auditor().get(`/api/v1/audit?limit=3&cursor=${first.body.next_cursor}`);
      assertStatus(second, 200);
      // One chain serves every organization, so this one's sequence numbers have gaps: compare
      // with the organization's own entries older than the first page's last.
      const lastOfFirst = first.body.items.at(-1).sequence;
      const older = (await trail('limit=100')).filter((e) => e.sequence < lastOfFirst).slice(0, 3);
      assert.deepEqual(second.body.items.map((e) => e.sequence), older.map((e) => e.sequence),
        'the next three older entries, exactly');
      const bySort = await auditor().get('/api/v1/audit?sort=action&order=asc&limit=2');
      const next = await auditor().get(`/api/v1/audit?sort=action&order=asc&limit=2&cursor=${bySort.body.next_cursor}`);
      const actions = [...bySort.body.items, ...next.body.items].map((e) => e.action);
      assert.deepEqual(actions, [...actions].sort());
      assertError(await auditor().get('/api/v1/audit?cursor=zz'), 422, 'invalid_argument', 'cursor');
    });

    it('looking at the trail is on the trail', async () => {
      assertStatus(await auditor().get(`/api/v1/audit?client_id=${client.id}`), 200);
      const [query] = await trail(`action=audit.query&user_id=${ctx.users.auditor.id}&limit=1`);
      assert.equal(query.client_id, client.id);
      assert.match(query.detail, /client_id=/);
    });

    it('the audit query refuses fields outside its allow-list and malformed times', async () => {
      assertError(await auditor().get('/api/v1/audit?sort=hash'), 422, 'invalid_argument', 'sort');
      assertError(await auditor().get('/api/v1/audit?sort=sequence;drop'), 422, 'invalid_argument', 'sort');
      assertError(await auditor().get('/api/v1/audit?order=sideways'), 422, 'invalid_argument', 'order');
      assertError(await auditor().get('/api/v1/audit?from=yesterday'), 422, 'invalid_argument', 'from');
      assertError(await auditor().get('/api/v1/audit?password=x'), 400, 'malformed_request', 'password');
    });

    for (const who of ['cm', 'admin', 'director']) {
      it(`the audit trail is refused to the ${who} (403)`, async () => {
        assertError(await ctx.as(who).get('/api/v1/audit'), 403, 'permission_denied', null);
      });
    }

    it('the access panel shows who touched the client to its case manager, and not to others', async () => {
      const res = await ctx.as('cm').get(`/api/v1/clients/${client.id}/access`);
      assertStatus(res, 200);
      assert.ok(res.body.items.some((e) => e.user_id === ctx.users.cm2.id && e.outcome === 'refused'));
      assert.ok(res.body.items.every((e) => e.client_id === client.id));
      assertError(await ctx.as('cm2').get(`/api/v1/clients/${client.id}/access`), 403, 'permission_denied', null);
      assertError(await ctx.as('auditor').get(`/api/v1/clients/${client.id}/access`), 403, 'permission_denied', null);
    });

    it('caseboard audit verify finds the trail intact (exit 0)', async () => {
      const res = await runCli(['audit', 'verify', '--db', ctx.db]);
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stdout, /audit trail intact: \d+ entries verified/);
    });

    it('caseboard audit verify refuses to run without the key (exit 2) and creates none', async () => {
      const res = await runCli(['audit', 'verify', '--db', ctx.db, '--audit-key-file', `${ctx.tmp}/no-such.key`]);
      assert.equal(res.code, 2);
      assert.match(res.stderr, /audit key/);
    });
  });
}
