// Browser sessions: sign-in also sets a __Host- cookie (HttpOnly, Secure, SameSite=Strict); a
// request carrying only the cookie must send X-Requested-With to change anything (CSRF); sign-out
// clears it. Bearer tokens for API clients are unaffected.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PASSWORD, assertError, assertStatus, backends, clientBody, useSuite } from './harness.mjs';

const sqlite = backends().find((b) => b.kind === 'sqlite');

async function call(base, method, path, { cookie, csrf, body } = {}) {
  const headers = {};
  if (cookie) headers.cookie = cookie;
  if (csrf) headers['x-requested-with'] = 'caseboard';
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : null };
}

describe('session cookie and CSRF', () => {
  const ctx = useSuite(sqlite, { users: ['cm'] });
  let cookie = null;

  it('sign-in sets the __Host- session cookie: HttpOnly, Secure, SameSite=Strict, Path=/', async () => {
    const res = await call(ctx.base, 'POST', '/api/v1/auth/login', { body: { username: ctx.users.cm.username, password: PASSWORD } });
    assertStatus(res, 200);
    const setCookie = res.headers.get('set-cookie');
    assert.match(setCookie, /^__Host-caseboard_session=[A-Za-z0-9_-]{40,};/);
    for (const attribute of ['Path=/', 'Secure', 'HttpOnly', 'SameSite=Strict']) {
      assert.ok(setCookie.split('; ').includes(attribute), `${attribute} in ${setCookie}`);
    }
    assert.doesNotMatch(setCookie, /Domain=/i);
    cookie = setCookie.split(';')[0];
  });

  it('the cookie alone signs reads in', async () => {
    const me = await call(ctx.base, 'GET', '/api/v1/me', { cookie });
    assertStatus(me, 200);
    assert.equal(me.body.username, ctx.users.cm.username);
  });

  it('a change with the cookie but without X-Requested-With is refused (403) and changes nothing', async () => {
    const before = await call(ctx.base, 'GET', '/api/v1/clients', { cookie });
    const res = await call(ctx.base, 'POST', '/api/v1/clients', { cookie, body: clientBody() });
    assertError(res, 403, 'permission_denied', 'X-Requested-With');
    const after = await call(ctx.base, 'GET', '/api/v1/clients', { cookie });
    assert.equal(after.body.items.length, before.body.items.length);
  });

  it('with X-Requested-With the same change goes through', async () => {
    assertStatus(await call(ctx.base, 'POST', '/api/v1/clients', { cookie, csrf: true, body: clientBody() }), 201);
  });

  it('a bearer token needs no such header (API clients are not browsers)', async () => {
    assertStatus(await ctx.as('cm').post('/api/v1/clients', clientBody()), 201);
  });

  it('sign-out revokes the cookie\'s session and tells the browser to drop it', async () => {
    const out = await call(ctx.base, 'POST', '/api/v1/auth/logout', { cookie, csrf: true });
    assert.equal(out.status, 204);
    assert.match(out.headers.get('set-cookie'), /^__Host-caseboard_session=; .*Max-Age=0/);
    assertError(await call(ctx.base, 'GET', '/api/v1/me', { cookie }), 401, 'unauthenticated', null);
  });
});
