// Shared plumbing of the browser end-to-end tests: the real `build/caseboard` on a fresh SQLite
// database in a temporary folder (set up through its CLI and API), and Debian's chromium driven by
// playwright-core (no browser download).
//
// Needs: build/caseboard (the C++ build) and web/dist (`npm run build` in web/).
// CASEBOARD_BIN overrides the server binary's path.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nextTotpCode, secretFromUserAdd } from '../lib/totp.mjs';
import { chromium } from 'playwright-core';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const binary = process.env.CASEBOARD_BIN
  ? path.resolve(process.env.CASEBOARD_BIN)
  : path.join(repoRoot, 'build', 'caseboard');
export const webRoot = path.join(repoRoot, 'web', 'dist');
export const screenshotDir = path.join(repoRoot, 'tests', 'e2e', 'screenshots');

export const LAPTOP = { width: 1366, height: 900 };
export const TABLET = { width: 768, height: 1024 };

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The title is set by an effect after the page renders, so wait for it rather than read it once.
export async function expectTitle(page, title) {
  try {
    await page.waitForFunction((expected) => document.title === expected, title, { timeout: 10_000 });
  } catch {
    assert.equal(await page.title(), title);
  }
}

/** A free TCP port on 127.0.0.1 (listen on port 0, read it, close). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs a CLI command to completion (bounded), feeding `input` to stdin; rejects on failure. */
export function run(args, { input = '', timeoutMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`caseboard ${args.join(' ')} timed out after ${timeoutMs} ms\n${output}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`caseboard ${args.join(' ')} exited with ${code ?? signal}\n${output}`));
    });
    child.stdin.on('error', () => {}); // the command may exit before reading stdin
    child.stdin.end(input);
  });
}

/**
 * Checks the prerequisites and makes a throwaway folder with a migrated database in it (the
 * audit key is created beside it). Returns `{ tmpDir, db }`.
 */
export async function prepareDatabase(prefix = 'caseboard-e2e-') {
  assert.ok(existsSync(binary), `server binary not found at ${binary}; build it first`);
  assert.ok(
    existsSync(path.join(webRoot, 'index.html')),
    `web UI not built at ${webRoot}; run "npm ci && npm run build" in web/`,
  );
  mkdirSync(screenshotDir, { recursive: true });
  const tmpDir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = path.join(tmpDir, 'e2e.db');
  await run(['migrate', '--db', db]);
  return { tmpDir, db };
}

// Second-factor seeds printed by `user add` (administrators get one at once), by username.
const totpSecrets = new Map();

/** `caseboard user add` with the password on stdin; answers the new user's id. */
export async function addUser(db, { username, password, role, org, displayName }) {
  const output = await run(
    ['user', 'add', '--db', db, '--username', username, '--role', role, '--org', org, '--display-name', displayName],
    { input: password },
  );
  const secret = secretFromUserAdd(output);
  if (secret) totpSecrets.set(username, secret);
  const id = /with id (\S+)/.exec(output)?.[1];
  return id ?? null;
}

/**
 * A fresh agency for a browser test: a migrated database, the users added (`users`: key →
 * {username, password, displayName, role}) with their ids asserted, and the server started.
 * Answers what tearDown needs, the server log and the users' ids by key.
 */
export async function startAgency(prefix, org, users) {
  const { tmpDir, db } = await prepareDatabase(prefix);
  const ids = {};
  for (const [key, user] of Object.entries(users)) {
    ids[key] = await addUser(db, { ...user, org });
    assert.ok(ids[key], `user add did not print the id of ${key}`);
  }
  const { baseUrl, server, log } = await startServer(db);
  return { tmpDir, db, baseUrl, server, log, ids };
}

/**
 * The administrator's set-up over the API: a program, and with `supervise: [userId,
 * supervisorId]` the supervisor put over the user. Answers the program and the admin's token.
 */
export async function setUpProgram(baseUrl, admin, { program, supervise } = {}) {
  const adminToken = await apiToken(baseUrl, admin);
  const created = await api(baseUrl, 'POST', '/programs', { token: adminToken, body: program });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  if (supervise) {
    const [userId, supervisorId] = supervise;
    const user = await api(baseUrl, 'GET', `/users/${encodeURIComponent(userId)}`, { token: adminToken });
    assert.equal(user.status, 200, JSON.stringify(user.body));
    const supervised = await api(baseUrl, 'PATCH', `/users/${encodeURIComponent(userId)}`, {
      token: adminToken,
      body: { supervisor_id: supervisorId },
      headers: { 'If-Match': `"${user.body.version}"` },
    });
    assert.equal(supervised.status, 200, JSON.stringify(supervised.body));
  }
  return { program: created.body, adminToken };
}

/**
 * Resolves once the page has had no API call in flight for `quietMs`. A hash route change in
 * the app does not reset Playwright's `networkidle` load state, so that cannot tell when the
 * sections of a screen have finished loading; this can.
 */
export async function waitForApiQuiet(page, { quietMs = 500, timeoutMs = 10_000 } = {}) {
  let inFlight = 0;
  let lastChange = Date.now();
  const isApi = (request) => new URL(request.url()).pathname.startsWith('/api/');
  const started = (request) => {
    if (!isApi(request)) return;
    inFlight += 1;
    lastChange = Date.now();
  };
  const ended = (request) => {
    if (!isApi(request)) return;
    inFlight = Math.max(0, inFlight - 1);
    lastChange = Date.now();
  };
  page.on('request', started);
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
  try {
    const deadline = Date.now() + timeoutMs;
    while (inFlight > 0 || Date.now() - lastChange < quietMs) {
      if (Date.now() > deadline) throw new Error(`API calls still in flight after ${timeoutMs} ms`);
      await sleep(50);
    }
  } finally {
    page.off('request', started);
    page.off('requestfinished', ended);
    page.off('requestfailed', ended);
  }
}

export async function waitForHealth(baseUrl, server, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer';
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`server exited early with ${server.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
      lastError = `status ${response.status}`;
    } catch (err) {
      lastError = String(err);
    }
    await sleep(200);
  }
  throw new Error(`GET /healthz did not answer 200 within ${timeoutMs} ms (${lastError})`);
}

/**
 * Starts `caseboard serve` on a free port with the built web UI and waits until it is healthy.
 * Answers `{ baseUrl, server, log() }`; stop it with stopServer.
 */
export async function startServer(db) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = spawn(
    binary,
    ['serve', '--db', db, '--host', '127.0.0.1', '--port', String(port), '--web-root', 'web/dist'],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  server.stdout.on('data', (chunk) => (log += chunk));
  server.stderr.on('data', (chunk) => (log += chunk));
  await waitForHealth(baseUrl, server);
  return { baseUrl, server, log: () => log };
}

/** SIGTERM, then SIGKILL if the server has not exited after 5 s. */
export async function stopServer(server) {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
  if (!stopped) server.kill('SIGKILL');
}

export function removeDir(dir) {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** A page at the laptop size with the tests' default time limits. */
export async function newPage(browser, viewport = LAPTOP) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.setDefaultNavigationTimeout(15_000);
  return { context, page };
}

/** A JSON API call; answers `{ status, body }` (body parsed, or null when empty). */
export async function api(baseUrl, method, urlPath, { token, body, headers: extra } = {}) {
  const headers = { Accept: 'application/json', ...extra };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl}/api/v1${urlPath}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Signs in through the API; answers the token (asserting a 200). */
export async function apiToken(baseUrl, { username, password }) {
  const body = { username, password };
  if (totpSecrets.has(username)) body.totp_code = await nextTotpCode(totpSecrets.get(username));
  const answer = await api(baseUrl, 'POST', '/auth/login', { body });
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.token;
}

/** Fills the sign-in form and submits it (the page must show the sign-in screen). */
export async function signIn(page, { username, password }) {
  await page.getByRole('heading', { name: 'Sign in to Caseboard' }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (totpSecrets.has(username)) {
    // The page asks for the second factor's code after the password.
    const codeField = page.getByLabel('Authentication code');
    await codeField.waitFor();
    await codeField.fill(await nextTotpCode(totpSecrets.get(username)));
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
}

/** Signs out through the header and waits for the sign-in screen. */
export async function signOut(page) {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Sign in to Caseboard' }).waitFor();
}

/** Closes what a browser test opened, whatever of it was opened: the page's context, the browser,
 * the server and the temporary folder. */
export async function tearDown({ context, browser, server, tmpDir }) {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await stopServer(server);
  removeDir(tmpDir);
}

/** A function that screenshots the current page (full length) into tests/e2e/screenshots. */
export function screenshotter(currentPage) {
  return (name) => currentPage().screenshot({ path: path.join(screenshotDir, name), fullPage: true });
}
