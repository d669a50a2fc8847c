// Password guessing is slowed and common passwords refused: account lock-out after five failures
// in a row (lifted by an administrator or by time), 429 with Retry-After for an address that
// fails too often, and the breached-password list for every new password.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PASSWORD, addUser, assertError, assertStatus, backends, login, runCli, useSuite } from './harness.mjs';

for (const backend of backends()) {
  describe(`${backend.name}: lock-out and common passwords`, backend.options, () => {
    // A roomy per-address limit, so only the account rule is tested here.
    const ctx = useSuite(backend, { users: ['cm', 'cm2', 'admin', 'auditor'], serverArgs: ['--sign-in-failures-per-source', '1000'] });

    it('five wrong passwords lock the account: even the right one is refused with the same answer', async () => {
      const { username } = ctx.users.cm2;
      for (let i = 0; i < 5; i += 1) {
        const wrong = await login(ctx.base, username, `wrong-password-number-${i}`);
        assert.equal(wrong.status, 401);
      }
      const locked = await login(ctx.base, username, PASSWORD);
      assert.equal(locked.status, 401);
      const unknown = await login(ctx.base, `nobody_${ctx.tag}`, PASSWORD);
      assert.equal(locked.text, unknown.text, 'a locked account answers exactly like an unknown one');
    });

    it('the lock and each refusal are in the audit trail', async () => {
      const res = await ctx.as('auditor').get(`/api/v1/audit?user_id=${ctx.users.cm2.id}&limit=20`);
      assertStatus(res, 200);
      const actions = res.body.items.map((e) => `${e.action}:${e.outcome}:${e.detail ?? ''}`);
      assert.ok(actions.includes('user.locked:success:5 failed sign-ins in a row'), actions.join('\n'));
      assert.ok(actions.includes('session.sign_in:refused:account locked'), actions.join('\n'));
      assert.equal(actions.filter((a) => a === 'session.sign_in:refused:wrong password').length, 5);
    });

    it('an administrator lifts the lock, and the right password works again', async () => {
      assertError(await ctx.as('cm').post(`/api/v1/users/${ctx.users.cm2.id}/unlock`, {}), 403, 'permission_denied', null);
      const unlocked = await ctx.as('admin').post(`/api/v1/users/${ctx.users.cm2.id}/unlock`, {});
      assertStatus(unlocked, 200);
      const again = await login(ctx.base, ctx.users.cm2.username, PASSWORD);
      assert.equal(again.status, 200);
    });

    it('a successful sign-in clears the run of failures', async () => {
      const { username } = ctx.users.cm;
      for (let i = 0; i < 4; i += 1) assert.equal((await login(ctx.base, username, 'not-it-at-all-x')).status, 401);
      assert.equal((await login(ctx.base, username, PASSWORD)).status, 200);
      for (let i = 0; i < 4; i += 1) assert.equal((await login(ctx.base, username, 'not-it-at-all-y')).status, 401);
      assert.equal((await login(ctx.base, username, PASSWORD)).status, 200, 'four failures after a success do not lock');
    });

    it('a new user with a common breached password is refused, naming the field', async () => {
      const res = await ctx.as('admin').post('/api/v1/users', {
        username: `weak_${ctx.tag}`, display_name: 'Weak Password', role: 'case_manager', password: '1qaz2wsx3edc',
      });
      assertError(res, 422, 'invalid_argument', 'password');
      assert.match(res.body.error.message, /breached/);
    });

    it('caseboard user add refuses a breached password too', async () => {
      const res = await runCli(['user', 'add', '--db', ctx.db, '--username', `weakcli_${ctx.tag}`, '--role', 'case_manager',
        '--org', ctx.org], { input: 'qwertyuiopasdfgh' });
      // qwertyuiopasdfgh is long enough but not on the list; 123qweasdzxc is on it
      assert.equal(res.code, 0, res.stderr);
      const weak = await runCli(['user', 'add', '--db', ctx.db, '--username', `weakcli2_${ctx.tag}`, '--role', 'case_manager',
        '--org', ctx.org], { input: '123qweasdzxc' });
      assert.equal(weak.code, 2);
      assert.match(weak.stderr, /breached/);
    });
  });

  describe(`${backend.name}: failures per address`, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm'], serverArgs: ['--sign-in-failures-per-source', '3'] });

    it('an address that failed three times waits: 429 with Retry-After, even for a right password', async () => {
      for (let i = 0; i < 3; i += 1) {
        assert.equal((await login(ctx.base, `guess_${i}_${ctx.tag}`, 'whatever-password')).status, 401);
      }
      const res = await fetch(`${ctx.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: ctx.users.cm.username, password: PASSWORD }),
      });
      assert.equal(res.status, 429);
      const wait = Number(res.headers.get('retry-after'));
      assert.ok(wait > 0 && wait <= 900, `Retry-After ${res.headers.get('retry-after')}`);
      const body = await res.json();
      assert.equal(body.error.code, 'resource_exhausted');
    });
  });
}
