// The second factor (TOTP, RFC 6238): administrators always need it, anyone may enrol, a code
// opens one session only, and a wrong code counts as a failed sign-in.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PASSWORD, api, assertError, assertStatus, backends, login, useSuite } from './harness.mjs';
import { nextTotpCode, totpCode } from '../../lib/totp.mjs';

async function signIn(base, body) {
  return api(base).post('/api/v1/auth/login', body);
}

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['admin', 'cm', 'supervisor'], serverArgs: ['--sign-in-failures-per-source', '1000'] });

    it('an administrator without a code is asked for one (401 naming totp_code), not signed in', async () => {
      const { username } = ctx.users.admin;
      const res = await signIn(ctx.base, { username, password: PASSWORD });
      assertError(res, 401, 'unauthenticated', 'totp_code');
    });

    it('a wrong code is refused like a wrong password; the right one signs in once', async () => {
      const { username, totpSecret } = ctx.users.admin;
      assert.ok(totpSecret, 'user add printed the administrator\'s seed');
      const wrong = await signIn(ctx.base, { username, password: PASSWORD, totp_code: '000000' === totpCode(totpSecret, Math.floor(Date.now() / 30000)) ? '111111' : '000000' });
      assertError(wrong, 401, 'unauthenticated', null);
      const code = await nextTotpCode(totpSecret);
      const ok = await signIn(ctx.base, { username, password: PASSWORD, totp_code: code });
      assertStatus(ok, 200);
      const replay = await signIn(ctx.base, { username, password: PASSWORD, totp_code: code });
      assertError(replay, 401, 'unauthenticated', null);
    });

    it('an administrator created over the API gets a second factor at once, shown once', async () => {
      const res = await ctx.as('admin').post('/api/v1/users', {
        username: `admin2_${ctx.tag}`, display_name: 'Second Admin', role: 'administrator', password: PASSWORD,
      });
      assertStatus(res, 201);
      assert.match(res.body.second_factor.secret, /^[A-Z2-7]{32}$/);
      assert.match(res.body.second_factor.otpauth_uri, /^otpauth:\/\/totp\/Caseboard:admin2_/);
      const again = await ctx.as('admin').get(`/api/v1/users/${res.body.id}`);
      assert.equal(again.body.second_factor, undefined, 'the seed is never shown again');
      const signed = await login(ctx.base, `admin2_${ctx.tag}`, PASSWORD, res.body.second_factor.secret);
      assert.equal(signed.status, 200);
    });

    it('a case manager enrols: a wrong first code is refused, the right one turns the factor on', async () => {
      assertError(await ctx.as('cm').post('/api/v1/me/totp/confirm', { code: '123456' }), 404, 'not_found', null);
      const started = await ctx.as('cm').post('/api/v1/me/totp', {});
      assertStatus(started, 200);
      const { secret } = started.body;
      const step = Math.floor(Date.now() / 30000);
      const wrongCode = totpCode(secret, step) === '000000' ? '111111' : '000000';
      assertError(await ctx.as('cm').post('/api/v1/me/totp/confirm', { code: wrongCode }), 422, 'invalid_argument', 'code');
      assertStatus(await ctx.as('cm').post('/api/v1/me/totp/confirm', { code: await nextTotpCode(secret) }), 204);
      const withoutCode = await signIn(ctx.base, { username: ctx.users.cm.username, password: PASSWORD });
      assertError(withoutCode, 401, 'unauthenticated', 'totp_code');
      const withCode = await login(ctx.base, ctx.users.cm.username, PASSWORD, secret);
      assert.equal(withCode.status, 200);
    });

    it('making a user without a second factor an administrator is refused (409 naming role)', async () => {
      const user = await ctx.as('admin').get(`/api/v1/users/${ctx.users.supervisor.id}`);
      const res = await ctx.as('admin').patch(`/api/v1/users/${ctx.users.supervisor.id}`, { role: 'administrator' },
        { ifMatch: user.body.version });
      assertError(res, 409, 'failed_precondition', 'role');
    });
  });
}
