// Shared harness of the HTTP API integration tests.
//
// Every suite runs against SQLite (a fresh `<tmp>/api.db`) and, when CASEBOARD_TEST_PG_URL is set,
// against PostgreSQL. The PostgreSQL database is shared by the whole run (and by earlier runs), so
// every suite works inside organizations of its own whose names carry a random tag, and every
// username and identifier value carries that tag too.
//
//   for (const backend of backends()) {
//     describe(backend.name, backend.options, () => {
//       const ctx = useSuite(backend, { users: ['cm', 'admin'] });
//       it('...', async () => { const res = await ctx.as('cm').get('/api/v1/clients'); ... });
//     });
//   }
//
// Environment:
//   CASEBOARD_TEST_PG_URL  postgresql://... of the shared test database (PostgreSQL variants run)
//   CASEBOARD_REQUIRE_PG=1 fail (instead of skip) the PostgreSQL variants when the URL is unset
//   CASEBOARD_BIN          the server binary (default: <repo>/build/caseboard)
//   CASEBOARD_KEEP_TMP=1   keep the temporary directories (SQLite files, server logs)

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { before, after } from 'node:test';
import { nextTotpCode, secretFromUserAdd } from '../../lib/totp.mjs';

export const repoRoot = path.resolve(
  decodeURIComponent(new URL('../../..', import.meta.url).pathname),
);
export const binary = process.env.CASEBOARD_BIN
  ? path.resolve(process.env.CASEBOARD_BIN)
  : path.join(repoRoot, 'build', 'caseboard');

export const STARTUP_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;
const CLI_TIMEOUT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 10_000;

export const PASSWORD = 'correct-horse-battery-staple-9';

// --- random tags -------------------------------------------------------------------------------

const LETTERS = 'bcdfghjklmnpqrstvwxz';

/** Random lower-case letters (no vowels, so no accidental words); safe inside person names. */
export function letters(n = 8) {
  let out = '';
  for (let i = 0; i < n; i++) out += LETTERS[Math.floor(Math.random() * LETTERS.length)];
  return out;
}

/** Capitalized random letters, e.g. "Kqzbtfrd". */
export function Letters(n = 8) {
  const s = letters(n);
  return s[0].toUpperCase() + s.slice(1);
}

/** Random upper-case alphanumeric string for identifier values. */
export function idValue(prefix = 'T') {
  return `${prefix}${Date.now().toString(36).toUpperCase()}${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
}

// --- backends ----------------------------------------------------------------------------------

/**
 * The databases every suite runs against: [{name, kind, options, pgUrl?, error?}].
 * `options` goes to describe(): it carries the visible skip reason of an unavailable backend.
 * `error` is set when the backend is required but unavailable: useSuite() then fails the suite.
 */
export function backends() {
  const list = [{ name: 'sqlite', kind: 'sqlite', options: {} }];
  const url = process.env.CASEBOARD_TEST_PG_URL;
  const required = process.env.CASEBOARD_REQUIRE_PG === '1';
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      list.push({
        name: 'postgresql',
        kind: 'postgresql',
        options: {},
        error: 'CASEBOARD_TEST_PG_URL must be a postgresql:// URL',
      });
    } else {
      list.push({ name: 'postgresql', kind: 'postgresql', options: {}, pgUrl: url });
    }
  } else if (required) {
    list.push({
      name: 'postgresql',
      kind: 'postgresql',
      options: {},
      error: 'CASEBOARD_REQUIRE_PG=1 but CASEBOARD_TEST_PG_URL is not set',
    });
  } else {
    list.push({
      name: 'postgresql',
      kind: 'postgresql',
      options: { skip: 'CASEBOARD_TEST_PG_URL is not set (set CASEBOARD_REQUIRE_PG=1 to make this a failure)' },
    });
  }
  return list;
}

// --- the command line --------------------------------------------------------------------------

/** Runs the binary with args; resolves {code, signal, stdout, stderr}. Never rejects on exit code. */
export function runCli(args, { input, timeoutMs = CLI_TIMEOUT_MS } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); reject(err); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new Error(`caseboard ${args[0]} did not finish within ${timeoutMs} ms\n${stderr}`));
      } else {
        resolve({ code, signal, stdout, stderr });
      }
    });
    child.stdin.on('error', () => {}); // the binary may exit before reading stdin
    if (input !== undefined) child.stdin.write(input);
    child.stdin.end();
  });
}

function describeCli(args, res) {
  const shown = args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ');
  return `caseboard ${shown} exited with ${res.code ?? res.signal}\nstdout:\n${res.stdout}\nstderr:\n${res.stderr}`;
}

/**
 * Serializes a step across the test processes of one run (node --test runs files in parallel).
 * Used for `migrate` on the shared PostgreSQL database, so that parallel suites do not race each
 * other creating the schema. The lock is a directory; a lock older than 2 minutes is stale.
 */
async function withLock(name, fn) {
  const dir = path.join(os.tmpdir(), `caseboard-api-test-${name}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(dir);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      try {
        if (Date.now() - fs.statSync(dir).mtimeMs > 120_000) fs.rmSync(dir, { recursive: true, force: true });
      } catch { /* removed meanwhile */ }
      if (Date.now() > deadline) throw new Error(`timed out waiting for lock ${dir}`);
      await new Promise((r) => setTimeout(r, 50)); // polling the lock
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function lockName(text) {
  let h = 0;
  for (const ch of text) h = (h * 31 + ch.codePointAt(0)) >>> 0;
  return h.toString(16);
}

export async function migrate(db) {
  const args = ['migrate', '--db', db];
  const run = async () => {
    const res = await runCli(args);
    if (res.code !== 0) throw new Error(describeCli(args, res));
    return res;
  };
  return db.startsWith('postgres') ? withLock(`migrate-${lockName(db)}`, run) : run();
}

/** `caseboard user add`; the password goes to stdin, which is then closed. */
export async function addUser(db, { username, role, org, displayName, password = PASSWORD }) {
  const args = ['user', 'add', '--db', db, '--username', username, '--role', role, '--org', org,
    '--display-name', displayName];
  const res = await runCli(args, { input: password });
  if (res.code !== 0) throw new Error(describeCli(args, res));
  // Administrators get a second factor at once; its seed is printed once.
  res.totpSecret = secretFromUserAdd(res.stdout);
  return res;
}

// --- the server --------------------------------------------------------------------------------

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const liveServers = new Set();
process.on('exit', () => {
  for (const child of liveServers) {
    try { child.kill('SIGKILL'); } catch { /* already gone */ }
  }
});

/** GET over HTTPS trusting `ca` (fetch cannot be given a CA); resolves {status}. */
function httpsStatus(url, ca) {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { ca }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode }));
    });
    request.on('error', reject);
    request.setTimeout(1000, () => request.destroy(new Error('timed out')));
  });
}

/**
 * Starts `caseboard serve` on a free port and waits (≤ 15 s) for GET /healthz to answer 200.
 * Resolves {base, port, stop, output, exitInfo}; on failure kills the server and rejects with
 * its output. stop() sends SIGTERM and resolves {code, signal, ms, killed} (SIGKILL after 5 s).
 */
export async function startServer(db, { logFile, args = [], scheme = 'http', ca } = {}) {
  if (!fs.existsSync(binary)) {
    throw new Error(`server binary not found: ${binary} (build it first, or set CASEBOARD_BIN)`);
  }
  const port = await freePort();
  const base = `${scheme}://127.0.0.1:${port}`;
  // The test PostgreSQL server runs without fsync (it holds nothing worth keeping), which serve
  // refuses unless told.
  const durability = db.startsWith('postgres') ? ['--allow-unsafe-durability'] : [];
  const child = spawn(binary, ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port), ...durability, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveServers.add(child);
  let output = '';
  const log = logFile ? fs.createWriteStream(logFile) : null;
  const collect = (d) => {
    output += d;
    if (output.length > 200_000) output = output.slice(-100_000);
    if (log) log.write(d);
  };
  child.stdout.setEncoding('utf8').on('data', collect);
  child.stderr.setEncoding('utf8').on('data', collect);

  let exitInfo = null;
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      liveServers.delete(child);
      resolve(exitInfo);
    });
    child.on('error', (err) => {
      exitInfo = { code: null, signal: null, error: err };
      liveServers.delete(child);
      resolve(exitInfo);
    });
  });

  async function stop() {
    const t0 = Date.now();
    if (exitInfo) return { ...exitInfo, ms: 0, killed: false, alreadyExited: true };
    child.kill('SIGTERM');
    let timer;
    const timedOut = new Promise((r) => { timer = setTimeout(() => r(null), STOP_TIMEOUT_MS); });
    let info = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    let killed = false;
    if (!info) {
      killed = true;
      child.kill('SIGKILL');
      info = await exited;
    }
    if (log) log.end();
    return { ...info, ms: Date.now() - t0, killed };
  }

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (exitInfo) break;
    try {
      const res = scheme === 'https'
        ? await httpsStatus(`${base}/healthz`, ca)
        : await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(1000) }).then(async (r) => { await r.text(); return r; });
      if (res.status === 200) {
        return { base, port, stop, output: () => output, exitInfo: () => exitInfo };
      }
      lastProblem = `GET /healthz answered ${res.status}`;
    } catch (err) {
      lastProblem = err.cause?.code ?? err.message;
    }
    await new Promise((r) => setTimeout(r, 100)); // polling /healthz
  }
  const why = exitInfo
    ? `exited early (${exitInfo.error ? exitInfo.error.message : exitInfo.code ?? exitInfo.signal})`
    : `was not ready within ${STARTUP_TIMEOUT_MS} ms (${lastProblem})`;
  await stop();
  const msg = `caseboard serve --db ${db} --port ${port} ${why}\n--- server output ---\n${output}`;
  console.error(msg);
  throw new Error(msg);
}

// --- HTTP --------------------------------------------------------------------------------------

/**
 * A fetch wrapper bound to a base URL and (optionally) a token.
 * request(method, path, {json, raw, headers, ifMatch}) resolves {status, headers, body, text}:
 * `body` is the parsed JSON or null. `json` is serialized; `raw` is sent as-is. Both get
 * `Content-Type: application/json` unless `headers` names another. `ifMatch` may be a number
 * (sent as `"<n>"`) or a string (sent as-is).
 */
export function api(base, token) {
  async function request(method, urlPath, { json, raw, headers = {}, ifMatch } = {}) {
    const h = {};
    for (const [k, v] of Object.entries(headers)) h[k.toLowerCase()] = v;
    if (token && h.authorization === undefined) h.authorization = `Bearer ${token}`;
    let body;
    if (json !== undefined) body = JSON.stringify(json);
    else if (raw !== undefined) body = raw;
    if (body !== undefined && h['content-type'] === undefined) h['content-type'] = 'application/json';
    if (ifMatch !== undefined) h['if-match'] = typeof ifMatch === 'number' ? `"${ifMatch}"` : ifMatch;
    const res = await fetch(base + urlPath, {
      method,
      headers: h,
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await res.text();
    let parsed = null;
    if (text.length > 0) {
      try { parsed = JSON.parse(text); } catch { parsed = null; }
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }
  return {
    request,
    get: (p, o) => request('GET', p, o),
    post: (p, json, o) => request('POST', p, { ...o, json }),
    patch: (p, json, o) => request('PATCH', p, { ...o, json }),
    del: (p, o) => request('DELETE', p, o),
  };
}

/** POST /api/v1/auth/login; resolves {status, body, token, user}. */
export async function login(base, username, password, totpSecret = null) {
  const body = { username, password };
  if (totpSecret) body.totp_code = await nextTotpCode(totpSecret);
  const res = await api(base).post('/api/v1/auth/login', body);
  return { status: res.status, body: res.body, text: res.text, token: res.body?.token, user: res.body?.user };
}

// --- assertions --------------------------------------------------------------------------------

/**
 * Asserts an error answer: status, error.code, a message string, and (when `field` is given,
 * including null) error.field.
 */
export function assertError(res, status, code, field) {
  assert.equal(res.status, status, `expected HTTP ${status} ${code}, got ${res.status}: ${res.text.slice(0, 500)}`);
  assert.ok(res.body && typeof res.body.error === 'object' && res.body.error !== null,
    `expected an {"error": {...}} body, got: ${res.text.slice(0, 500)}`);
  assert.equal(res.body.error.code, code, `error.code (body: ${res.text.slice(0, 500)})`);
  assert.equal(typeof res.body.error.message, 'string', 'error.message is a string');
  if (field !== undefined) assert.equal(res.body.error.field, field, `error.field (body: ${res.text.slice(0, 500)})`);
}

export function assertStatus(res, status) {
  assert.equal(res.status, status, `expected HTTP ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
}

export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Follows next_cursor from `urlPath` (which may carry a query) and returns every item. */
export async function listAll(client, urlPath, { limit = 100, maxPages = 200 } = {}) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page++) {
    const sep = urlPath.includes('?') ? '&' : '?';
    let url = `${urlPath}${sep}limit=${limit}`;
    if (cursor) url += `&cursor=${encodeURIComponent(cursor)}`;
    const res = await client.get(url);
    assertStatus(res, 200);
    assert.ok(Array.isArray(res.body.items), 'items is an array');
    items.push(...res.body.items);
    cursor = res.body.next_cursor;
    if (cursor === null) return items;
    assert.equal(typeof cursor, 'string', 'next_cursor is a string or null');
  }
  throw new Error(`${urlPath}: more than ${maxPages} pages`);
}

// --- fixtures ----------------------------------------------------------------------------------

/** The users a suite may ask for: key → role and organization ('main' or 'other'). */
export const USER_SPECS = {
  cm: { role: 'case_manager', org: 'main', displayName: 'Casey Manager' },
  cm2: { role: 'case_manager', org: 'main', displayName: 'Cameron Second' },
  cm3: { role: 'case_manager', org: 'main', displayName: 'Carmen Third' },
  nurse: { role: 'nurse_case_manager', org: 'main', displayName: 'Nora Nurse' },
  supervisor: { role: 'supervisor', org: 'main', displayName: 'Sam Supervisor' },
  supervisor2: { role: 'supervisor', org: 'main', displayName: 'Sasha Secondsupervisor' },
  director: { role: 'director', org: 'main', displayName: 'Dana Director' },
  admin: { role: 'administrator', org: 'main', displayName: 'Ada Administrator' },
  auditor: { role: 'auditor', org: 'main', displayName: 'Avery Auditor' },
  otherCm: { role: 'case_manager', org: 'other', displayName: 'Olive Othercm' },
  otherAdmin: { role: 'administrator', org: 'other', displayName: 'Otto Otheradmin' },
  otherSupervisor: { role: 'supervisor', org: 'other', displayName: 'Oscar Othersupervisor' },
};

/** A complete, valid client body; names carry random letters so no two calls look alike. */
export function clientBody(overrides = {}) {
  return {
    given_name: 'Maria',
    family_name: `Lopez${letters(8)}`,
    middle_name: null,
    preferred_name: null,
    birth_date: '1950-03-14',
    sex: 'female',
    preferred_language: 'es',
    interpreter_needed: true,
    phone: '+1 555 0100',
    email: null,
    address: { line1: '12 Elm St', line2: null, city: 'Springfield', state: 'IL', postal_code: '62701', country: 'US' },
    identifiers: [{ type: 'MRN', value: idValue('A') }],
    ...overrides,
  };
}

/**
 * Registers before/after hooks in the current describe(): makes the database (a fresh SQLite file,
 * or the shared PostgreSQL database), migrates it, adds the requested users in organizations named
 * with a random tag, starts the server and signs every user in. Returns a context whose fields are
 * filled by the time the tests run:
 *   ctx.base, ctx.db, ctx.tag, ctx.org, ctx.otherOrg, ctx.server
 *   ctx.users[key] = {username, password, role, token, id, user}
 *   ctx.as(key) → api client with that user's token; ctx.anon → api client without token
 * The after hook stops the server and fails if it had crashed or did not stop on SIGTERM.
 */
export function useSuite(backend, { users = ['cm'], serverArgs = [] } = {}) {
  const ctx = { users: {}, backend };
  let tmp = null;
  let server = null;

  before(async () => {
    if (backend.error) throw new Error(backend.error);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'caseboard-api-'));
    ctx.tmp = tmp;
    ctx.db = backend.kind === 'sqlite' ? path.join(tmp, 'api.db') : backend.pgUrl;
    ctx.tag = `${Date.now().toString(36)}${letters(5)}`;
    ctx.org = `Caseboard Test ${ctx.tag}`;
    ctx.otherOrg = `Other Test Org ${ctx.tag}`;

    if (!fs.existsSync(binary)) {
      throw new Error(`server binary not found: ${binary} (build it first, or set CASEBOARD_BIN)`);
    }
    await migrate(ctx.db);
    for (const key of users) {
      const spec = USER_SPECS[key];
      if (!spec) throw new Error(`unknown user key ${key}`);
      const username = `${key.toLowerCase()}_${ctx.tag}`;
      const added = await addUser(ctx.db, {
        username,
        role: spec.role,
        org: spec.org === 'main' ? ctx.org : ctx.otherOrg,
        displayName: spec.displayName,
      });
      ctx.users[key] = {
        username, password: PASSWORD, role: spec.role, displayName: spec.displayName, totpSecret: added.totpSecret,
      };
    }

    server = await startServer(ctx.db, { logFile: path.join(tmp, 'server.log'), args: serverArgs });
    ctx.server = server;
    ctx.base = server.base;
    ctx.anon = api(ctx.base);
    for (const key of users) {
      const u = ctx.users[key];
      const res = await login(ctx.base, u.username, u.password, u.totpSecret);
      if (res.status !== 200 || typeof res.token !== 'string') {
        throw new Error(`login of ${u.username} answered ${res.status}: ${res.text}`);
      }
      u.token = res.token;
      u.user = res.user;
      u.id = res.user?.id;
    }
  });

  ctx.as = (key) => {
    const u = ctx.users[key];
    if (!u || !u.token) throw new Error(`user ${key} is not signed in (not requested, or setup failed)`);
    return api(ctx.base, u.token);
  };

  after(async () => {
    let problem = null;
    if (server) {
      const crashed = server.exitInfo();
      const info = await server.stop();
      if (crashed) {
        problem = `the server exited during the suite (${crashed.code ?? crashed.signal})`;
      } else if (info.killed) {
        problem = `the server did not exit within ${STOP_TIMEOUT_MS} ms of SIGTERM`;
      }
      if (problem) {
        problem += `\n--- server output ---\n${server.output()}`;
      }
    }
    if (tmp && process.env.CASEBOARD_KEEP_TMP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
    if (problem) throw new Error(problem);
  });

  return ctx;
}
