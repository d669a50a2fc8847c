// Authentication: login, tokens, logout, /me, /healthz, and a clean stop on SIGTERM.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { api, assertError, assertStatus, backends, login, runCli, startServer, useSuite } from './harness.mjs';

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm', 'admin'] });

    it(`GET /healthz answers 200 {"status":"ok","database":"${backend.kind}"} without a token`, async () => {
      const res = await ctx.anon.get('/healthz');
      assertStatus(res, 200);
      assert.deepEqual(res.body, { status: 'ok', database: backend.kind });
    });

    it('login with the right password answers 200 with a token and the signed-in user', async () => {
      const res = await login(ctx.base, ctx.users.cm.username, ctx.users.cm.password);
      assert.equal(res.status, 200, res.text);
      assert.equal(typeof res.token, 'string');
      assert.ok(res.token.length >= 16, `token is long enough to be unguessable: ${res.token}`);
      assert.equal(res.user.username, ctx.users.cm.username);
      assert.equal(res.user.role, 'case_manager');
      assert.equal(res.user.display_name, 'Casey Manager');
      assert.equal(res.user.active, true);
      assert.equal(typeof res.user.id, 'string');
      assert.doesNotMatch(res.user.id, /^\d+$/, 'ids are opaque, not integers');
      assert.equal(typeof res.user.organization_id, 'string');
      assert.equal(res.user.version, 1);
      for (const key of Object.keys(res.user)) {
        assert.doesNotMatch(key, /password|hash|salt/i, `user carries no secret field (${key})`);
      }
    });

    it('two logins of the same user get two different tokens', async () => {
      const a = await login(ctx.base, ctx.users.cm.username, ctx.users.cm.password);
      const b = await login(ctx.base, ctx.users.cm.username, ctx.users.cm.password);
      assert.equal(a.status, 200);
      assert.equal(b.status, 200);
      assert.notEqual(a.token, b.token);
    });

    it('login with a wrong password answers 401 unauthenticated and no token', async () => {
      const res = await ctx.anon.post('/api/v1/auth/login', {
        username: ctx.users.cm.username,
        password: `${ctx.users.cm.password}x`,
      });
      assertError(res, 401, 'unauthenticated');
      assert.equal(res.body.token, undefined);
    });

    it('login of an unknown username answers 401 unauthenticated', async () => {
      const res = await ctx.anon.post('/api/v1/auth/login', {
        username: `nobody_${ctx.tag}`,
        password: ctx.users.cm.password,
      });
      assertError(res, 401, 'unauthenticated');
    });

    it('login without a password field answers 400 malformed_request naming password', async () => {
      const res = await ctx.anon.post('/api/v1/auth/login', { username: ctx.users.cm.username });
      assertError(res, 400, 'malformed_request', 'password');
    });

    it('GET /api/v1/clients without a token answers 401 unauthenticated', async () => {
      const res = await ctx.anon.get('/api/v1/clients');
      assertError(res, 401, 'unauthenticated');
    });

    it('GET /api/v1/clients with an unknown bearer token answers 401 unauthenticated', async () => {
      const res = await api(ctx.base, 'not-a-real-token-0123456789abcdef').get('/api/v1/clients');
      assertError(res, 401, 'unauthenticated');
    });

    it('an Authorization header that is not "Bearer <token>" answers 401', async () => {
      const res = await ctx.anon.get('/api/v1/clients', {
        headers: { authorization: `Basic ${Buffer.from(`${ctx.users.cm.username}:${ctx.users.cm.password}`).toString('base64')}` },
      });
      assertError(res, 401, 'unauthenticated');
    });

    it('a valid token opens GET /api/v1/clients (200 with items and next_cursor)', async () => {
      const res = await ctx.as('cm').get('/api/v1/clients');
      assertStatus(res, 200);
      assert.ok(Array.isArray(res.body.items));
      assert.ok('next_cursor' in res.body);
    });

    it('GET /api/v1/me answers the signed-in user', async () => {
      const res = await ctx.as('cm').get('/api/v1/me');
      assertStatus(res, 200);
      assert.equal(res.body.id, ctx.users.cm.id);
      assert.equal(res.body.username, ctx.users.cm.username);
      assert.equal(res.body.role, 'case_manager');
      const resAdmin = await ctx.as('admin').get('/api/v1/me');
      assertStatus(resAdmin, 200);
      assert.equal(resAdmin.body.id, ctx.users.admin.id);
      assert.equal(resAdmin.body.role, 'administrator');
      assert.notEqual(resAdmin.body.id, res.body.id);
      assert.equal(resAdmin.body.organization_id, res.body.organization_id, 'same organization name → same organization');
    });

    it('GET /api/v1/me without a token answers 401', async () => {
      assertError(await ctx.anon.get('/api/v1/me'), 401, 'unauthenticated');
    });

    it('logout answers 204 and the token is refused afterwards, while other tokens still work', async () => {
      const first = await login(ctx.base, ctx.users.cm.username, ctx.users.cm.password);
      const second = await login(ctx.base, ctx.users.cm.username, ctx.users.cm.password);
      assert.equal(first.status, 200);
      assert.equal(second.status, 200);
      const client = api(ctx.base, first.token);
      assertStatus(await client.get('/api/v1/me'), 200);

      const out = await client.post('/api/v1/auth/logout', undefined);
      assertStatus(out, 204);

      assertError(await client.get('/api/v1/me'), 401, 'unauthenticated');
      assertError(await client.get('/api/v1/clients'), 401, 'unauthenticated');
      const again = await api(ctx.base, second.token).get('/api/v1/me');
      assertStatus(again, 200);
      assert.equal(again.body.username, ctx.users.cm.username);
    });

    it('logout without a token answers 401', async () => {
      assertError(await ctx.anon.post('/api/v1/auth/logout', undefined), 401, 'unauthenticated');
    });

    it('SIGTERM stops the server with exit code 0 within 5 s, even with idle keep-alive connections', async () => {
      const server = await startServer(ctx.db);
      let stopped = null;
      try {
        const signedIn = await login(server.base, ctx.users.cm.username, ctx.users.cm.password);
        assert.equal(signedIn.status, 200, signedIn.text);
        const res = await api(server.base, signedIn.token).get('/api/v1/me');
        assertStatus(res, 200);
      } finally {
        stopped = await server.stop();
      }
      assert.equal(stopped.killed, false, `the server needed SIGKILL\n${server.output()}`);
      assert.equal(stopped.code, 0, `exit code (signal ${stopped.signal})\n${server.output()}`);
    });
  });
}

// serve refuses a database that could lose committed writes in a crash, unless told explicitly.
describe('durability', () => {
  const pg = backends().find((b) => b.kind === 'postgresql' && b.pgUrl);
  it('serve refuses the fsync-off test PostgreSQL without --allow-unsafe-durability', { skip: !pg && 'no PostgreSQL' }, async () => {
    const res = await runCli(['serve', '--db', pg.pgUrl, '--host', '127.0.0.1', '--port', '0'], { timeoutMs: 15000 });
    assert.equal(res.code, 1);
    assert.match(res.stderr, /fsync = off/);
    assert.match(res.stderr, /refusing to serve/);
  });
});
