// serve terminates TLS itself: TLS 1.2 or later only, HSTS on every answer, no plain HTTP on the
// same port; --tls-cert and --tls-key go together.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { migrate, runCli, startServer } from './harness.mjs';

function get(url, options) {
  return new Promise((resolve, reject) => {
    const request = https.get(url, options, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.setTimeout(5000, () => request.destroy(new Error('timed out')));
  });
}

describe('TLS', () => {
  let tmp;
  let server;
  let certificate;
  let options;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'caseboard-tls-'));
    const key = path.join(tmp, 'key.pem');
    const cert = path.join(tmp, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
      '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    certificate = fs.readFileSync(cert);
    const db = path.join(tmp, 'tls.db');
    await migrate(db);
    server = await startServer(db, { args: ['--tls-cert', cert, '--tls-key', key], scheme: 'https', ca: certificate });
    options = { ca: certificate };
  });

  after(async () => {
    if (server) await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('answers over TLS with HSTS', async () => {
    const res = await get(`${server.base}/healthz`, options);
    assert.equal(res.status, 200);
    assert.equal(res.headers['strict-transport-security'], 'max-age=31536000');
    assert.equal(JSON.parse(res.body).status, 'ok');
  });

  it('refuses TLS 1.1', async () => {
    await assert.rejects(get(`${server.base}/healthz`, { ...options, minVersion: 'TLSv1', maxVersion: 'TLSv1.1' }));
  });

  it('does not speak plain HTTP on the TLS port', async () => {
    await assert.rejects(fetch(server.base.replace('https:', 'http:') + '/healthz', { signal: AbortSignal.timeout(5000) }));
  });

  it('a certificate without its key is refused before serving', async () => {
    const res = await runCli(['serve', '--db', path.join(tmp, 'x.db'), '--tls-cert', path.join(tmp, 'cert.pem')]);
    assert.notEqual(res.code, 0);
    assert.match(res.stderr + res.stdout, /tls-key/);
  });
});
