// Browser end-to-end test of client intake: a case manager signs in, registers a client, meets the
// duplicate check on a second registration, opens the client's page, adds a contact and opens a
// case that moves referred → intake. It runs the real `build/caseboard` on a fresh SQLite database
// and drives Debian's chromium through playwright-core (no browser download).
//
// Needs: build/caseboard (the C++ build) and web/dist (`npm run build` in web/).
// CASEBOARD_BIN overrides the server binary's path. The plumbing is in helpers.mjs.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addUser,
  api,
  apiToken,
  expectTitle,
  LAPTOP,
  launchBrowser,
  newPage,
  prepareDatabase,
  screenshotter,
  startServer,
  TABLET,
  tearDown,
  waitForApiQuiet,
} from './helpers.mjs';

const CASE_MANAGER = { username: 'e2e.cm', password: 'correct-horse-battery-e2e', displayName: 'Erin Example' };
const ADMIN = { username: 'e2e.admin', password: 'correct-horse-battery-admin', displayName: 'Avery Admin' };
const ORG = 'E2E Agency';
const PROGRAM = 'Care Transitions';

describe('client intake in the browser', { timeout: 120_000 }, () => {
  let tmpDir;
  let server;
  let serverLog = () => '';
  let browser;
  let context;
  let page;
  let baseUrl;

  before(async () => {
    let db;
    ({ tmpDir, db } = await prepareDatabase());
    await addUser(db, { ...CASE_MANAGER, role: 'case_manager', org: ORG });
    await addUser(db, { ...ADMIN, role: 'administrator', org: ORG });

    ({ baseUrl, server, log: serverLog } = await startServer(db));

    // Programs are administrator data: create one through the API so the case manager can open a case.
    const adminToken = await apiToken(baseUrl, ADMIN);  // with the administrator's second factor
    const program = await api(baseUrl, 'POST', '/programs', {
      token: adminToken,
      body: { name: PROGRAM, description: 'Thirty days of support after a hospital discharge.' },
    });
    assert.equal(program.status, 201, JSON.stringify(program.body));

    browser = await launchBrowser();
    ({ context, page } = await newPage(browser, LAPTOP));
  }, { timeout: 60_000 });

  after(() => tearDown({ context, browser, server, tmpDir }), { timeout: 30_000 });

  const shot = screenshotter(() => page);

  test('a case manager registers a client, meets the duplicate check and opens a case', { timeout: 60_000 }, async () => {
    try {
      await intake();
    } catch (err) {
      await shot('failure.png').catch(() => {});
      console.error(`--- server log (last 4000 characters) ---\n${serverLog().slice(-4000)}`);
      throw err;
    }
  });

  async function intake() {
    // Sign in.
    await page.goto(`${baseUrl}/`);
    await page.getByRole('heading', { name: 'Sign in to Caseboard' }).waitFor();
    await expectTitle(page, 'Sign in — Caseboard');
    await shot('01-sign-in-1366.png');

    // A wrong password shows the API's message, in an alert.
    await page.getByLabel('Username').fill(CASE_MANAGER.username);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();

    await page.getByLabel('Password').fill(CASE_MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const banner = page.getByRole('banner');
    await banner.getByText(CASE_MANAGER.displayName).waitFor();
    await banner.getByText('Case manager').waitFor();
    // Case managers land on their worklist: nothing is due yet.
    await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
    await expectTitle(page, 'My worklist — Caseboard');
    await page.getByText('Nothing is due.').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients' }).click();
    await page.getByRole('heading', { name: 'Clients', level: 1 }).waitFor();
    await expectTitle(page, 'Clients — Caseboard');

    // Register the first client, with an MRN.
    const mainNav = page.getByRole('navigation', { name: 'Main' });
    await mainNav.getByRole('link', { name: 'New client' }).click();
    await page.getByRole('heading', { name: 'New client', level: 1 }).waitFor();
    await expectTitle(page, 'New client — Caseboard');
    await page.getByLabel('Given name').fill('Rosa');
    await page.getByLabel('Family name').fill('Delgado');
    await page.getByLabel('Birth date').fill('1948-06-02');
    await page.getByLabel('Sex').selectOption('female');
    await page.getByLabel('Preferred language').fill('es');
    await page.getByLabel('Interpreter needed').check();
    await page.getByLabel('Phone', { exact: true }).fill('+1 555 0142');
    await page.getByLabel('City').fill('Springfield');
    await page.getByRole('button', { name: 'Add identifier' }).click();
    await page.getByLabel('Identifier 1 type').selectOption('MRN');
    await page.getByLabel('Identifier 1 value').fill('E2E-1');
    await page.getByRole('button', { name: 'Create client' }).click();

    await page.getByRole('heading', { name: 'Delgado, Rosa', level: 1 }).waitFor();
    const firstUrl = page.url();
    const firstId = decodeURIComponent(firstUrl.split('#/clients/')[1] ?? '');
    assert.ok(firstId, `expected a client page URL, got ${firstUrl}`);
    await expectTitle(page, 'Delgado, Rosa — Caseboard');

    // Same name and birth date, no identifier: the duplicate warning lists the first client.
    await mainNav.getByRole('link', { name: 'New client' }).click();
    await page.getByLabel('Given name').fill('rosa');
    await page.getByLabel('Family name').fill('DELGADO');
    await page.getByLabel('Birth date').fill('1948-06-02');
    await page.getByRole('button', { name: 'Create client' }).click();
    const warning = page.getByRole('alert').filter({ hasText: 'may already be registered' });
    await warning.waitFor();
    const candidate = warning.getByRole('link', { name: 'Delgado, Rosa' });
    assert.equal(await candidate.count(), 1);
    assert.ok((await candidate.getAttribute('href'))?.includes(encodeURIComponent(firstId)));
    // The registrant is on the client's care team, so the candidate is not marked as out of reach.
    assert.equal(await warning.getByText('Not on your caseload').count(), 0);
    await shot('03-duplicate-warning-1366.png');
    await page.setViewportSize(TABLET);
    await shot('04-duplicate-warning-768.png');
    await page.setViewportSize(LAPTOP);

    // "Create anyway" registers a second, separate client.
    await warning.getByRole('button', { name: 'Create anyway' }).click();
    await page.waitForURL((url) => url.hash.startsWith('#/clients/') && !url.hash.endsWith(encodeURIComponent(firstId)) && url.hash !== '#/clients/new');
    await page.getByRole('heading', { name: 'DELGADO, rosa', level: 1 }).waitFor();

    // A birth date in the future is refused next to the field (aria-invalid + aria-describedby).
    await mainNav.getByRole('link', { name: 'New client' }).click();
    await page.getByLabel('Given name').fill('Ramona');
    await page.getByLabel('Family name').fill('Ortiz');
    await page.getByLabel('Birth date').fill('2999-01-01');
    await page.getByRole('button', { name: 'Add identifier' }).click();
    await page.getByLabel('Identifier 1 value').fill('E2E-2');
    await page.getByRole('button', { name: 'Create client' }).click();
    const birthDate = page.getByLabel('Birth date');
    await page.locator('#client-birth_date[aria-invalid="true"]').waitFor();
    const describedBy = (await birthDate.getAttribute('aria-describedby')) ?? '';
    const messageId = describedBy.split(' ').find((id) => id.endsWith('-error'));
    assert.ok(messageId, `aria-describedby should name the error message, got "${describedBy}"`);
    assert.ok((await page.locator(`#${messageId}`).innerText()).trim().length > 0);

    // The same MRN as the first client: "already exists", linking to the client that holds it.
    await page.getByLabel('Birth date').fill('1951-01-20');
    await page.getByLabel('Identifier 1 value').fill('E2E-1');
    await page.getByRole('button', { name: 'Create client' }).click();
    const exists = page.getByRole('alert').filter({ hasText: 'A client with this identifier already exists' });
    await exists.waitFor();
    const existingLink = exists.getByRole('link', { name: 'Open the existing client' });
    assert.ok((await existingLink.getAttribute('href'))?.includes(encodeURIComponent(firstId)));

    // Open the first client from the existing-client link: demographics are shown.
    await existingLink.click();
    await page.getByRole('heading', { name: 'Delgado, Rosa', level: 1 }).waitFor();
    const demographics = page.getByRole('region', { name: 'Demographics' });
    await demographics.getByText('1948-06-02').waitFor();
    await demographics.getByText('E2E-1').waitFor();
    await demographics.getByText('Interpreter needed').waitFor();
    await demographics.getByText('+1 555 0142').waitFor();
    await demographics.getByText('Female').waitFor();

    // Add a contact to the support network.
    const contacts = page.getByRole('region', { name: 'Contacts' });
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByLabel('Contact name').fill('Luis Delgado');
    await contacts.getByLabel('Relationship').selectOption('spouse');
    await contacts.getByLabel('Contact phone').fill('+1 555 0143');
    await contacts.getByLabel('Emergency contact').check();
    await contacts.getByLabel('May be told').selectOption('general');
    await contacts.getByRole('button', { name: 'Save contact' }).click();
    await contacts.getByRole('rowheader', { name: 'Luis Delgado' }).waitFor();
    await contacts.getByText('Emergency contact', { exact: true }).waitFor();

    // Open a case and move it referred → intake (If-Match with the case version).
    const cases = page.getByRole('region', { name: 'Cases' });
    await cases.getByRole('button', { name: 'Open case' }).click();
    await cases.getByLabel('Program').selectOption({ label: PROGRAM });
    await cases.getByRole('button', { name: 'Open case' }).click();
    const caseCard = cases.getByRole('article', { name: PROGRAM });
    await caseCard.getByText('Status: Referred').waitFor();
    await caseCard.getByText(CASE_MANAGER.displayName, { exact: true }).waitFor();
    // Closing from referred needs a reason; the UI asks for it before calling the server.
    await caseCard.getByRole('button', { name: 'Close (declined or withdrawn)' }).click();
    await caseCard.locator('[aria-invalid="true"]').waitFor();
    await caseCard.getByRole('button', { name: 'Start intake' }).click();
    await caseCard.getByText('Status: Intake').waitFor();
    await caseCard.getByRole('button', { name: 'Activate' }).waitFor();
    await shot('05-client-page-1366.png');
    await page.setViewportSize(TABLET);
    await shot('06-client-page-768.png');
    await page.setViewportSize(LAPTOP);

    // The client list finds both registrations by "family, given".
    await mainNav.getByRole('link', { name: 'Clients' }).click();
    await page.getByLabel('Name').fill('delgado, ro');
    const rows = page.getByRole('table', { name: 'Clients' }).getByRole('row');
    await page.waitForFunction(
      () => document.querySelectorAll('.clients-table tbody tr').length === 2 &&
        new URLSearchParams(location.hash.split('?')[1] ?? '').get('q') === 'delgado, ro',
    );
    assert.equal(await rows.count(), 3); // header + 2 clients
    await shot('02-client-list-1366.png');
    await page.setViewportSize(TABLET);
    await shot('02-client-list-768.png');
    await page.setViewportSize(LAPTOP);
    await page.getByRole('link', { name: 'Delgado, Rosa' }).first().click();
    await page.getByRole('heading', { level: 1, name: /Delgado, Rosa|DELGADO, rosa/ }).waitFor();

    // A session the server has ended sends the user back to sign in, with a message. The token
    // is in an HttpOnly cookie the page cannot read; end the session on the server behind the
    // page's back, as an expiry or an administrator would.
    // Every section of the page has loaded: no call may meet the ended session before the reload.
    await waitForApiQuiet(page);
    const [sessionCookie] = (await page.context().cookies()).filter((c) => c.name === '__Host-caseboard_session');
    assert.ok(sessionCookie, 'the session travels in the __Host- cookie');
    assert.equal(sessionCookie.httpOnly, true);
    assert.equal(sessionCookie.sameSite, 'Strict');
    assert.equal(await page.evaluate(() => document.cookie.includes('caseboard_session')), false, 'script cannot read it');
    const revoked = await api(baseUrl, 'POST', '/auth/logout', { token: sessionCookie.value });
    assert.equal(revoked.status, 204);
    await page.reload();
    await page.getByText('Your session ended; please sign in again').waitFor();
    await page.getByRole('heading', { name: 'Sign in to Caseboard' }).waitFor();

    // Sign in again and sign out through the header.
    await page.getByLabel('Username').fill(CASE_MANAGER.username);
    await page.getByLabel('Password').fill(CASE_MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: /Delgado, Rosa|DELGADO, rosa/ }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Caseboard' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('caseboard.session')), null);
    const left = (await page.context().cookies()).filter((c) => c.name === '__Host-caseboard_session' && c.value);
    assert.deepEqual(left, [], 'sign-out drops the cookie');
  }
});
