// Browser end-to-end test of break-the-glass access, second-factor enrolment and consent:
// - case manager B opens A's client by URL and is refused; breaking the glass without a second
//   factor explains why and links to the "Second factor" page;
// - B enrols a second factor on #/security (secret read from the page, codes computed here);
// - B breaks the glass with a reason and a code and sees the client's page with the grant banner;
// - A records a consent, restricts the record (refused first while no consent names A), and sees the
//   "Restricted" badge.
//
// Needs: build/caseboard (the C++ build) and web/dist (`npm run build` in web/).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { nextTotpCode } from '../lib/totp.mjs';
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
  startAgency,
  TABLET,
  tearDown,
} from './helpers.mjs';

const ORG = 'E2E Break Glass Agency';
const CM_A = { username: 'e2e.gail', password: 'correct-horse-battery-gail', displayName: 'Gail Garner' };
const CM_B = { username: 'e2e.hugo', password: 'correct-horse-battery-hugo', displayName: 'Hugo Hale' };
const A_CLIENT = { given_name: 'Rosa', family_name: 'Benavides', birth_date: '1948-02-17' };
const REASON = 'Client found unresponsive at day centre; need medication list for paramedics.';

describe('break the glass, second factor and consent', { timeout: 240_000 }, () => {
  let tmpDir;
  let server;
  let serverLog = () => '';
  let baseUrl;
  let browser;
  let context;
  let page;
  const ids = {};
  let clientId;
  let secret;

  before(async () => {
    let agencyIds;
    ({ tmpDir, baseUrl, server, log: serverLog, ids: agencyIds } = await startAgency('caseboard-e2e-glass-', ORG, {
      a: { ...CM_A, role: 'case_manager' },
      b: { ...CM_B, role: 'case_manager' },
    }));
    Object.assign(ids, agencyIds);

    const tokenA = await apiToken(baseUrl, CM_A);
    const created = await api(baseUrl, 'POST', '/clients', { token: tokenA, body: A_CLIENT });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    clientId = created.body.id;
    assert.equal(created.body.restricted, false);
    await api(baseUrl, 'POST', '/auth/logout', { token: tokenA });

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
  const clientHash = () => `#/clients/${encodeURIComponent(clientId)}`;

  test('without a second factor, breaking the glass explains and links to enrolment', { timeout: 60_000 }, () =>
    step('no-second-factor', async () => {
      await page.goto(`${baseUrl}/`);
      await signIn(page, CM_B);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      await goHash(clientHash());
      await page.getByRole('heading', { name: 'You can’t open this client’s record' }).waitFor();
      await page.getByRole('alert').filter({ hasText: 'not on your caseload or care team' }).waitFor();

      const form = page.getByRole('region', { name: 'Break the glass' });
      await form.getByText('recorded in the audit trail').waitFor();
      await form.getByText('60 minutes').waitFor();
      await form.getByText('your supervisor and the auditors are alerted').waitFor();

      // A short reason is caught next to the field.
      await form.getByLabel('Reason for access').fill('urgent');
      await form.getByLabel('Authentication code').fill('123456');
      await form.getByRole('button', { name: /Break the glass/ }).click();
      const reasonError = form.locator('#break-glass-reason-error');
      await reasonError.waitFor();
      assert.equal(await form.getByLabel('Reason for access').getAttribute('aria-invalid'), 'true');

      await form.getByLabel('Reason for access').fill(REASON);
      await form.getByLabel('Authentication code').fill('123456');
      await form.getByRole('button', { name: /Break the glass/ }).click();
      const explanation = form.getByRole('alert').filter({ hasText: 'You have no second factor yet' });
      await explanation.waitFor();
      await explanation.getByRole('link', { name: 'Set up your second factor' }).click();
      await page.getByRole('heading', { name: 'Second factor', level: 1 }).waitFor();
      assert.equal(await hash(), '#/security');
    }));

  test('B enrols a second factor on the security page', { timeout: 60_000 }, () =>
    step('enrol', async () => {
      await expectTitle(page, 'Second factor — Caseboard');
      const userLink = page.getByRole('banner').getByRole('link', { name: 'Second factor' });
      assert.equal(await userLink.getAttribute('aria-current'), 'page');
      await page.getByRole('button', { name: 'Start set-up' }).click();
      const secretBox = page.locator('#totp-secret');
      await secretBox.waitFor();
      secret = (await secretBox.textContent()).trim();
      assert.match(secret, /^[A-Z2-7]{16,}$/);
      assert.match(await page.locator('#totp-uri').textContent(), /^otpauth:\/\/totp\//);

      // A wrong code is refused next to the field.
      const good = await nextTotpCode(secret);
      const wrong = String((Number(good) + 500_000) % 1_000_000).padStart(6, '0');
      await page.getByLabel('Authentication code').fill(wrong);
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.locator('#totp-code-error').waitFor();
      assert.equal(await page.getByLabel('Authentication code').getAttribute('aria-invalid'), 'true');
      await shot('security-page.png');

      await page.getByLabel('Authentication code').fill(good);
      await page.getByRole('button', { name: 'Confirm' }).click();
      await page.getByRole('status').filter({ hasText: 'Your second factor is on' }).waitFor();
    }));

  test('B breaks the glass and sees the client with the grant banner', { timeout: 90_000 }, () =>
    step('break-glass', async () => {
      await goHash(clientHash());
      await page.getByRole('heading', { name: 'You can’t open this client’s record' }).waitFor();
      const form = page.getByRole('region', { name: 'Break the glass' });
      await form.getByLabel('Reason for access').fill(REASON);
      await form.getByLabel('Authentication code').fill(await nextTotpCode(secret));
      await shot('break-glass-form.png');
      await form.getByRole('button', { name: /Break the glass/ }).click();

      await page.getByRole('heading', { name: 'Benavides, Rosa', level: 1 }).waitFor({ timeout: 15_000 });
      const banner = page.getByRole('status').filter({ hasText: 'Emergency access (break the glass) until' });
      await banner.waitFor();
      await banner.getByText(REASON).waitFor();
      assert.equal(await hash(), clientHash());
      await shot('break-glass-banner.png');

      // The grant is on the server too, for B, for about an hour.
      const grants = await page.evaluate(async (id) => {
        const response = await fetch(`/api/v1/clients/${encodeURIComponent(id)}/break-glass`, {
          headers: { 'X-Requested-With': 'caseboard', Accept: 'application/json' },
        });
        return response.json();
      }, clientId);
      assert.equal(grants.items.length, 1);
      assert.equal(grants.items[0].reason, REASON);
      const minutes = (Date.parse(grants.items[0].expires_at) - Date.parse(grants.items[0].granted_at)) / 60_000;
      assert.ok(minutes > 55 && minutes <= 61, `grant lasts ${minutes} minutes`);

      // Tablet width still shows the banner above the record.
      await page.setViewportSize(TABLET);
      await banner.waitFor();
      await page.setViewportSize(LAPTOP);
      await signOut(page);
    }));

  test('A records a consent and restricts the record', { timeout: 90_000 }, () =>
    step('consent', async () => {
      await signIn(page, CM_A);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      await goHash(clientHash());
      await page.getByRole('heading', { name: 'Benavides, Rosa', level: 1 }).waitFor();
      // A is on the care team: no banner, no badge yet.
      assert.equal(await page.getByText('Emergency access (break the glass)').count(), 0);
      assert.equal(await page.getByText('Restricted', { exact: true }).count(), 0);

      const panel = page.getByRole('region', { name: 'Consent and restriction' });
      assert.equal(await panel.locator('details').evaluate((el) => el.open), false, 'the panel starts closed');
      await panel.locator('summary').focus();
      await page.keyboard.press('Enter');
      await panel.getByText('No consents recorded.').waitFor();

      // Restricting without a consent naming A is refused, with an explanation.
      await panel.getByRole('button', { name: 'Restrict this record' }).click();
      await panel.getByRole('alert').filter({ hasText: 'Record a consent naming you first' }).waitFor();

      await panel.getByLabel('Staff member named').selectOption({ label: `${CM_A.displayName} (Case manager)` });
      await panel.getByLabel('Purpose').fill('Care coordination');
      await panel.getByLabel('Expires').fill('2031-06-30T17:00');
      await panel.getByRole('button', { name: 'Record consent' }).click();
      const table = panel.getByRole('table', { name: 'Consents of this client' });
      const row = table.getByRole('row').filter({ hasText: 'Care coordination' });
      await row.waitFor();
      await row.getByText('In force').waitFor();
      await row.getByText(CM_A.displayName).waitFor();

      await panel.getByRole('button', { name: 'Restrict this record' }).click();
      await panel.getByRole('button', { name: 'Lift the restriction' }).waitFor();
      await page.getByRole('heading', { level: 1 }).getByText('Restricted').waitFor();

      // A second consent, then revoke it.
      await panel.getByLabel('Staff member named').selectOption({ label: `${CM_B.displayName} (Case manager)` });
      await panel.getByLabel('Purpose').fill('Hospital discharge planning');
      await panel.getByRole('button', { name: 'Record consent' }).click();
      const second = table.getByRole('row').filter({ hasText: 'Hospital discharge planning' });
      await second.getByText('In force').waitFor();
      await second.getByRole('button', { name: `Revoke the consent naming ${CM_B.displayName}` }).click();
      await second.getByText(/^Revoked/).waitFor();
      await panel.scrollIntoViewIfNeeded();
      await shot('consent-section.png');

      const stored = await page.evaluate(async (id) => {
        const response = await fetch(`/api/v1/clients/${encodeURIComponent(id)}/consents`, {
          headers: { 'X-Requested-With': 'caseboard', Accept: 'application/json' },
        });
        return response.json();
      }, clientId);
      const first = stored.items.find((c) => c.purpose === 'Care coordination');
      assert.match(first.expires_at, /^2031-06-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.equal(first.grantee_user_id, ids.a);
    }));
});
