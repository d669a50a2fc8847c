// Browser end-to-end test of record-level access, the audit trail and automatic log-off:
// - case manager B finds case manager A's client in search, marked "Not on your caseload" with no
//   link (in the list and in the duplicate warning), and opening it shows a clear refusal;
// - A opens the client and sees, under "Access to this client", B's refused access;
// - the auditor lands on the audit trail, filters by action and user, and pages through entries;
// - an administrator gets an explanation instead of the client list;
// - with a short idle timeout (sessionStorage caseboard.idleTimeoutMs), the UI signs the user out
//   and says why, the server session is revoked, and signing in again works.
//
// Needs: build/caseboard (the C++ build) and web/dist (`npm run build` in web/).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  api,
  apiToken,
  expectTitle,
  LAPTOP,
  launchBrowser,
  newPage,
  screenshotter,
  signIn,
  signOut,
  sleep,
  startAgency,
  TABLET,
  tearDown,
} from './helpers.mjs';

const ORG = 'E2E Access Agency';
const CM_A = { username: 'e2e.ann', password: 'correct-horse-battery-ann', displayName: 'Ann Avila' };
const CM_B = { username: 'e2e.ben', password: 'correct-horse-battery-ben', displayName: 'Ben Brooks' };
const AUDITOR = { username: 'e2e.audit', password: 'correct-horse-battery-aud', displayName: 'Ada Auditor' };
const ADMIN = { username: 'e2e.admin', password: 'correct-horse-battery-adm', displayName: 'Avery Admin' };

const A_CLIENT = { given_name: 'Marta', family_name: 'Quintero', birth_date: '1952-04-11' };
const B_CLIENT = { given_name: 'Luis', family_name: 'Quintana', birth_date: '1949-09-30' };

describe('record-level access, the audit trail and automatic log-off', { timeout: 240_000 }, () => {
  let tmpDir;
  let server;
  let serverLog = () => '';
  let baseUrl;
  let browser;
  let context;
  let page;
  const ids = {};
  let clientId;

  before(async () => {
    let agencyIds;
    ({ tmpDir, baseUrl, server, log: serverLog, ids: agencyIds } = await startAgency('caseboard-e2e-access-', ORG, {
      a: { ...CM_A, role: 'case_manager' },
      b: { ...CM_B, role: 'case_manager' },
      auditor: { ...AUDITOR, role: 'auditor' },
      admin: { ...ADMIN, role: 'administrator' },
    }));
    Object.assign(ids, agencyIds);

    // A registers a client (and so joins its care team); B registers another.
    const tokenA = await apiToken(baseUrl, CM_A);
    const created = await api(baseUrl, 'POST', '/clients', { token: tokenA, body: A_CLIENT });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    clientId = created.body.id;
    const tokenB = await apiToken(baseUrl, CM_B);
    const own = await api(baseUrl, 'POST', '/clients', { token: tokenB, body: B_CLIENT });
    assert.equal(own.status, 201, JSON.stringify(own.body));

    // B's search sees A's client, but may not open it; trying is refused (and audited as refused).
    const search = await api(baseUrl, 'GET', '/clients?q=quintero', { token: tokenB });
    assert.equal(search.status, 200, JSON.stringify(search.body));
    assert.deepEqual(
      search.body.items.map((item) => [item.id, item.can_open]),
      [[clientId, false]],
    );
    const refused = await api(baseUrl, 'GET', `/clients/${encodeURIComponent(clientId)}`, { token: tokenB });
    assert.equal(refused.status, 403, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'permission_denied');

    // Enough entries for the audit trail to need a second page (50 a page).
    for (let i = 0; i < 55; i += 1) {
      const answer = await api(baseUrl, 'GET', `/clients?q=zz${i}`, { token: tokenB });
      assert.equal(answer.status, 200);
    }
    await api(baseUrl, 'POST', '/auth/logout', { token: tokenA });
    await api(baseUrl, 'POST', '/auth/logout', { token: tokenB });

    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, LAPTOP));
  }, { timeout: 90_000 });

  after(() => tearDown({ context, browser, server, tmpDir }), { timeout: 30_000 });

  const shot = screenshotter(() => page);

  async function step(name, body) {
    try {
      await body();
    } catch (err) {
      await shot(`failure-${name}.png`).catch(() => {});
      console.error(`--- server log (last 4000 characters) ---\n${serverLog().slice(-4000)}`);
      throw err;
    }
  }

  const hash = () => page.evaluate(() => window.location.hash);
  const goHash = (target) => page.evaluate((h) => (window.location.hash = h), target);

  test('case manager B sees A\'s client as "Not on your caseload" and cannot open it', { timeout: 60_000 }, () =>
    step('not-on-caseload', async () => {
      await page.goto(`${baseUrl}/`);
      await signIn(page, CM_B);
      // Case managers land on their worklist; the client list is one link away.
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      assert.equal(await hash(), '#/worklist');
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
      await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
      assert.equal(await hash(), '#/clients');

      await page.getByLabel('Name').fill('quint');
      // Wait for the search itself (the debounced URL change), not the unfiltered list before it.
      await page.waitForFunction(
        () => document.querySelectorAll('.clients-table tbody tr').length === 2 &&
          new URLSearchParams(location.hash.split('?')[1] ?? '').get('q') === 'quint' &&
          !document.querySelector('[role="status"]')?.textContent?.includes('Searching'),
      );
      const table = page.getByRole('table', { name: 'Clients' });
      const theirs = table.getByRole('row').filter({ hasText: 'Quintero, Marta' });
      const mine = table.getByRole('row').filter({ hasText: 'Quintana, Luis' });
      await theirs.getByText('Not on your caseload').waitFor();
      assert.equal(await theirs.getByRole('link').count(), 0, 'a client B may not open must not be a link');
      assert.equal(await mine.getByRole('link', { name: 'Quintana, Luis' }).count(), 1);
      assert.equal(await mine.getByText('Not on your caseload').count(), 0);
      // The row header (the name the table reads out) carries the badge's words.
      const header = await theirs.getByRole('rowheader').innerText();
      assert.match(header, /Quintero, Marta/);
      assert.match(header, /Not on your caseload/);
      await page.getByText('are registered in your organization, but their records are open only').waitFor();
      await shot('10-client-list-not-on-caseload-1366.png');
      await page.setViewportSize(TABLET);
      await shot('10-client-list-not-on-caseload-768.png');
      await page.setViewportSize(LAPTOP);

      // Opening the record anyway (a bookmarked or typed address) is refused with a clear message.
      await goHash(`#/clients/${encodeURIComponent(clientId)}`);
      const alert = page.getByRole('alert').filter({ hasText: 'not on your caseload or care team' });
      await alert.waitFor();
      await page.getByRole('heading', { level: 1, name: /can’t open this client’s record/ }).waitFor();
      await expectTitle(page, 'Client not on your caseload — Caseboard');
      assert.equal(await page.getByText('Quintero').count(), 0, 'nothing of the record is shown');
      await shot('11-client-refused-1366.png');

      // Registering the same person again: the duplicate warning names the client without a link.
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New client' }).click();
      await page.getByLabel('Given name').fill(A_CLIENT.given_name);
      await page.getByLabel('Family name').fill(A_CLIENT.family_name);
      await page.getByLabel('Birth date').fill(A_CLIENT.birth_date);
      await page.getByRole('button', { name: 'Create client' }).click();
      const warning = page.getByRole('alert').filter({ hasText: 'may already be registered' });
      await warning.waitFor();
      await warning.getByText('Quintero, Marta').waitFor();
      await warning.getByText('Not on your caseload').waitFor();
      assert.equal(await warning.getByRole('link').count(), 0);
      await warning.getByText('ask their case manager or your supervisor').waitFor();
      await shot('12-duplicate-not-on-caseload-1366.png');

      await signOut(page);
    }));

  test('case manager A sees B\'s refused access under "Access to this client"', { timeout: 60_000 }, () =>
    step('access-panel', async () => {
      await signIn(page, CM_A);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
      await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
      await page.getByLabel('Name').fill('quintero');
      await page.waitForFunction(() => new URLSearchParams(location.hash.split('?')[1] ?? '').get('q') === 'quintero');
      const link = page.getByRole('table', { name: 'Clients' }).getByRole('link', { name: 'Quintero, Marta' });
      await link.click();
      await page.getByRole('heading', { name: 'Quintero, Marta', level: 1 }).waitFor();

      const panel = page.getByRole('region', { name: 'Access to this client' });
      const details = panel.locator('details');
      assert.equal(await details.evaluate((el) => el.open), false, 'the panel starts closed');
      // Open it from the keyboard.
      await panel.locator('summary').focus();
      await page.keyboard.press('Enter');
      const table = panel.getByRole('table', { name: /Access to this client/ });
      await table.waitFor();
      const refusal = table.getByRole('row').filter({ hasText: CM_B.displayName }).filter({ hasText: 'Refused access' });
      await refusal.first().waitFor();
      assert.ok((await refusal.count()) >= 2, 'both refusals (API and browser) are listed');
      await refusal.first().getByText('Refused', { exact: true }).waitFor();
      assert.match((await refusal.first().getAttribute('class')) ?? '', /row-refused/);
      await refusal.first().getByText('127.0.0.1').waitFor();
      // A's own registration and reads are listed too, by name.
      await table.getByRole('row').filter({ hasText: CM_A.displayName }).filter({ hasText: 'Registered client' }).waitFor();
      await table.getByRole('row').filter({ hasText: CM_A.displayName }).filter({ hasText: 'Read record' }).first().waitFor();
      await panel.scrollIntoViewIfNeeded();
      await shot('13-client-access-panel-1366.png');
      await page.setViewportSize(TABLET);
      await shot('13-client-access-panel-768.png');
      await page.setViewportSize(LAPTOP);

      await signOut(page);
    }));

  test('the auditor lands on the audit trail and finds B\'s refusal', { timeout: 60_000 }, () =>
    step('audit', async () => {
      await signIn(page, AUDITOR);
      await page.getByRole('heading', { name: 'Audit trail', level: 1 }).waitFor();
      assert.equal(await hash(), '#/audit');
      await expectTitle(page, 'Audit trail — Caseboard');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Audit trail' }).waitFor();
      assert.equal(await nav.getByRole('link', { name: 'Clients' }).count(), 0);
      assert.equal(await nav.getByRole('link', { name: 'New client' }).count(), 0);

      // Unfiltered: 50 entries, newest first, and a second page.
      const results = page.getByRole('region', { name: 'Entries' });
      await results.getByText('Showing 50 entries.').waitFor();
      assert.equal(await results.locator('tbody tr').count(), 50);
      await results.getByRole('button', { name: 'Next page' }).click();
      await results.getByText(/\(page 2\)/).waitFor();
      await results.getByRole('button', { name: 'Previous page' }).click();
      await results.getByText('Showing 50 entries.').waitFor();

      // Filter by action.
      await page.getByLabel('Action').selectOption('access.refused');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForFunction(() => window.location.hash.includes('action=access.refused'));
      const table = results.getByRole('table', { name: 'Audit trail entries' });
      const rows = table.locator('tbody tr');
      await page.waitForFunction(
        () => [...document.querySelectorAll('.audit-table tbody tr')].every((row) => row.textContent.includes('access.refused')),
      );
      const refusal = rows.filter({ hasText: CM_B.displayName }).filter({ hasText: clientId });
      await refusal.first().waitFor();
      assert.ok((await refusal.count()) >= 2);
      await refusal.first().getByText('Refused access').waitFor();
      await refusal.first().getByText('Refused', { exact: true }).waitFor();

      // And by user, with a time range (entered in local time, sent as UTC).
      await page.getByLabel('User', { exact: true }).selectOption(ids.b);
      const range = await page.evaluate(() => {
        const pad = (n) => String(n).padStart(2, '0');
        const local = (d) =>
          `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
        const from = new Date(Date.now() - 60 * 60 * 1000);
        const to = new Date(Date.now() + 60 * 60 * 1000);
        const utc = (value) => new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
        return { from: local(from), to: local(to), fromUtc: utc(local(from)), toUtc: utc(local(to)) };
      });
      await page.getByLabel('From').fill(range.from);
      await page.getByLabel('To', { exact: true }).fill(range.to);
      await page.getByText(`Searches from ${range.fromUtc} up to ${range.toUtc} (UTC).`).waitFor();
      await page.getByLabel('Sort by').selectOption('at');
      await page.getByLabel('Order').selectOption('asc');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.waitForFunction(() => window.location.hash.includes('user_id='));
      const query = new URLSearchParams((await hash()).split('?')[1]);
      assert.equal(query.get('user_id'), ids.b);
      assert.equal(query.get('action'), 'access.refused');
      assert.equal(query.get('from'), range.fromUtc);
      assert.equal(query.get('to'), range.toUtc);
      assert.equal(query.get('sort'), 'at');
      assert.equal(query.get('order'), 'asc');
      await results.getByText(/Showing 2 entries/).waitFor();
      await refusal.first().waitFor();
      await shot('14-audit-trail-1366.png');
      await page.setViewportSize(TABLET);
      await shot('14-audit-trail-768.png');
      await page.setViewportSize(LAPTOP);

      // A "To" before "From" is caught before searching.
      await page.getByLabel('To', { exact: true }).fill(range.from);
      await page.getByRole('button', { name: 'Search' }).click();
      await page.locator('#audit-to[aria-invalid="true"]').waitFor();

      // A client address shows the explanation, without calling the API.
      await goHash(`#/clients/${encodeURIComponent(clientId)}`);
      await page.getByText('Your role has no access to client records').waitFor();

      await signOut(page);
    }));

  test('an administrator gets an explanation instead of the client list', { timeout: 60_000 }, () =>
    step('admin', async () => {
      await signIn(page, ADMIN);
      await page.getByRole('heading', { name: 'Client records', level: 1 }).waitFor();
      assert.equal(await hash(), '#/clients');
      await page.getByText('Your role has no access to client records').waitFor();
      await page.getByText('You are signed in as an administrator.').waitFor();
      assert.equal(await page.getByRole('alert').count(), 0, 'an explanation, not an error');
      const nav = page.getByRole('navigation', { name: 'Main' });
      assert.equal(await nav.getByRole('link', { name: 'New client' }).count(), 0);
      assert.equal(await nav.getByRole('link', { name: 'Audit trail' }).count(), 0);
      await shot('15-admin-no-client-access-1366.png');
      await signOut(page);

      // The UI did not even ask: no refusal was recorded for the administrator.
      const auditorToken = await apiToken(baseUrl, AUDITOR);
      const refusals = await api(
        baseUrl,
        'GET',
        `/audit?user_id=${encodeURIComponent(ids.admin)}&action=access.refused`,
        { token: auditorToken },
      );
      assert.equal(refusals.status, 200, JSON.stringify(refusals.body));
      assert.deepEqual(refusals.body.items, []);
      await api(baseUrl, 'POST', '/auth/logout', { token: auditorToken });
    }));

  test('the UI signs out after the idle timeout, and signing in again works', { timeout: 60_000 }, () =>
    step('idle', async () => {
      await page.evaluate(() => sessionStorage.setItem('caseboard.idleTimeoutMs', '4000'));
      await signIn(page, CM_A);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      const token = (await page.context().cookies()).find((c) => c.name === '__Host-caseboard_session')?.value;
      assert.ok(token, 'the session cookie is set');

      // Activity keeps the session: move the mouse for 6 s (longer than the timeout).
      for (let i = 0; i < 12; i += 1) {
        await page.mouse.move(100 + i * 10, 200 + (i % 2) * 10);
        await sleep(500);
      }
      assert.equal(await page.getByRole('heading', { name: 'Sign in to Caseboard' }).count(), 0);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();

      // Then nothing: signed out, with the reason.
      await page
        .getByRole('heading', { name: 'Sign in to Caseboard' })
        .waitFor({ timeout: 10_000 });
      await page.getByText('You were signed out after 4 seconds without activity.').waitFor();
      assert.equal(await page.evaluate(() => sessionStorage.getItem('caseboard.session')), null);
      assert.equal(await hash(), '#/login');
      await shot('16-signed-out-idle-1366.png');

      // The UI also ended the session on the server.
      let me;
      for (let i = 0; i < 20; i += 1) {
        me = await api(baseUrl, 'GET', '/me', { token });
        if (me.status === 401) break;
        await sleep(100);
      }
      assert.equal(me.status, 401, 'the token must be revoked by the automatic log-off');

      // Sign in again (with the default timeout): back on the same screen, and it stays.
      await page.evaluate(() => sessionStorage.removeItem('caseboard.idleTimeoutMs'));
      await signIn(page, CM_A);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      assert.equal(await hash(), '#/worklist');
      await sleep(5_000);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      assert.equal(await page.getByRole('heading', { name: 'Sign in to Caseboard' }).count(), 0);
      await signOut(page);
    }));
});
