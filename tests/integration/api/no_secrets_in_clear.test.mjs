// No password, session token or second-factor seed is ever kept or logged in clear: after real
// sign-ins, failures and enrolment, none of them appears in the SQLite file (with its WAL) or
// in the server's log.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PASSWORD, assertStatus, backends, login, useSuite } from './harness.mjs';
import { nextTotpCode } from '../../lib/totp.mjs';

const sqlite = backends().find((b) => b.kind === 'sqlite');

describe('secrets at rest and in logs', () => {
  const ctx = useSuite(sqlite, { users: ['cm', 'admin'] });

  it('neither the database files nor the server log hold a password, token or seed', async () => {
    const secrets = [PASSWORD, ctx.users.cm.token, ctx.users.admin.token, ctx.users.admin.totpSecret];
    // A failed sign-in with a password of its own, and a second factor enrolled by the case manager.
    const wrongPassword = `wrong-${ctx.tag}-password`;
    assert.equal((await login(ctx.base, ctx.users.cm.username, wrongPassword)).status, 401);
    secrets.push(wrongPassword);
    const enrol = await ctx.as('cm').post('/api/v1/me/totp', {});
    assertStatus(enrol, 200);
    secrets.push(enrol.body.secret);
    assertStatus(await ctx.as('cm').post('/api/v1/me/totp/confirm', { code: await nextTotpCode(enrol.body.secret) }), 204);
    // A fresh session token too.
    const again = await login(ctx.base, ctx.users.admin.username, PASSWORD, ctx.users.admin.totpSecret);
    assert.equal(again.status, 200);
    secrets.push(again.token);

    const files = fs.readdirSync(ctx.tmp).filter((name) => name.startsWith('api.db') || name === 'server.log');
    assert.ok(files.includes('api.db') && files.includes('server.log'), files.join(', '));
    for (const name of files) {
      if (name.endsWith('.audit-key')) continue;  // the key file is meant to hold a key
      const bytes = fs.readFileSync(path.join(ctx.tmp, name));
      for (const secret of secrets) {
        assert.ok(secret && secret.length >= 12, 'each probe is a real secret');
        assert.equal(bytes.includes(Buffer.from(secret)), false, `${name} must not hold ${secret.slice(0, 4)}…`);
      }
    }
  });
});
