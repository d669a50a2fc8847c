// Browser end-to-end test of the dashboards (issue 6): the supervisor's team dashboard, the
// director's monthly outcome page, the drill-down behind a figure, the exports, and the "Cost ($)"
// of appointments and referrals out.
//
// The data is built through the API in the two and a half hours before an anchor time (now, or just
// before this ISO week began when it began less than three hours ago; the program's note clock is
// set so that a note signed 20 minutes after the service is on time and one signed 100 minutes after
// is late): four referrals, their first contacts, one late and one timely note, a visit attended and
// one missed, a discharge home with a check-in, a high-risk client whose owed note is overdue, and a
// consent-restricted client.
// Then:
// - the case manager records a cost on an appointment and a referral out, and is refused the
//   outcome page (the server refuses her another team's figures too);
// - the supervisor's team dashboard shows the caseload and overdue bars, the numbers the API gives,
//   and the huddle board; a huddle figure drills down to the case and on to the client's chart;
// - the director lands on the outcome page, picks this month, sees the figures that match the data
//   (notes on time 50 %, 1 of 2; no-shows 1 of 2; one discharge home; satisfaction 4 of 5; cost per
//   case $80), drills down to the late note's case ("Withheld": directors see no names) and to a
//   figure with a restricted case ("1 restricted case not listed"), and downloads the CSV, Excel
//   and PDF exports.
// Screenshots go to tests/e2e/screenshots at laptop and tablet widths (and the team dashboard as
// printed).
//
// The browser runs in UTC, like the server's periods; when the anchor is not now, the browser's
// clock is set to it, so "this week" on the huddle board is the anchor's week. In the first three
// hours of a UTC month the discharge and check-in (stamped now by the server) would fall in
// another month than the rest, so the suite is skipped then.
//
// Needs: build/caseboard (the C++ build) and web/dist (`npm run build` in web/).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  api,
  apiToken,
  expectTitle,
  LAPTOP,
  launchBrowser,
  screenshotter,
  setUpProgram,
  signIn,
  signOut,
  startAgency,
  TABLET,
  tearDown,
  waitForApiQuiet,
} from './helpers.mjs';

const ORG = 'E2E Dashboards Agency';
const ADMIN = { username: 'e2e.admin', password: 'correct-horse-battery-admin', displayName: 'Avery Admin' };
const SUPERVISOR = { username: 'e2e.sofia', password: 'correct-horse-battery-sofia', displayName: 'Sofia Salas' };
const ERIN = { username: 'e2e.erin', password: 'correct-horse-battery-erin', displayName: 'Erin Example' };
const TOM = { username: 'e2e.tomas', password: 'correct-horse-battery-tomas', displayName: 'Tomás Ortega' };
const DIRECTOR = { username: 'e2e.dana', password: 'correct-horse-battery-dana', displayName: 'Dana Director' };
const PROGRAM = 'Care Transitions';

const ANA = { given_name: 'Ana', family_name: 'Rivera', birth_date: '1946-09-12' };
const GRACE = { given_name: 'Grace', family_name: 'Okafor', birth_date: '1939-02-03', risk_level: 'high' };
const WEI = { given_name: 'Wei', family_name: 'Chen', birth_date: '1951-07-21' };
const ROSA = { given_name: 'Rosa', family_name: 'Delgado', birth_date: '1958-12-01' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The earliest record lies this far before the anchor; its period must hold them all. */
const EARLIEST = 150 * MINUTE;
const MARGIN = 30 * MINUTE;

const iso = (ms) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
const startedAt = Date.now();
const monthStart = (() => {
  const now = new Date(startedAt);
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
})();
const weekStart = (() => {
  const now = new Date(startedAt);
  const weekday = now.getUTCDay() || 7;
  return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (weekday - 1));
})();
/** The records' latest time: now, or a minute before this ISO week began when that was too recent. */
const ANCHOR = startedAt - weekStart < EARLIEST + MARGIN ? weekStart - MINUTE : startedAt;
const SHIFTED = ANCHOR !== startedAt;
const ago = (minutes) => iso(ANCHOR - minutes * MINUTE);
/**
 * The program's note clock in hours: a note signed now for a service 20 minutes before the anchor
 * is on time, one for a service 100 minutes before the anchor is late.
 */
const NOTE_HOURS = Math.ceil((startedAt - ANCHOR + 25 * MINUTE) / HOUR);

/** The anchor's UTC month ("2026-11") and the one before it. */
const MONTH = new Date(ANCHOR).toISOString().slice(0, 7);
const LAST_MONTH = (() => {
  const anchor = new Date(ANCHOR);
  return new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
})();

const skip = startedAt - monthStart < EARLIEST + MARGIN
  ? 'this UTC month began less than three hours ago: the records would straddle two months; run it later'
  : false;

describe('dashboards, outcomes, drill-down and exports', { timeout: 420_000, skip }, () => {
  let tmpDir;
  let server;
  let serverLog = () => '';
  let baseUrl;
  let browser;
  let context;
  let page;
  const ids = {};
  const data = {}; // ids of the records built in before()

  const shot = screenshotter(() => page);

  async function call(token, method, urlPath, { body, version } = {}) {
    const headers = version === undefined ? undefined : { 'If-Match': `"${version}"` };
    return api(baseUrl, method, urlPath, { token, body, headers });
  }

  async function expectStatus(status, answer, what) {
    const res = await answer;
    assert.equal(res.status, status, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** A referral for `client` received `receivedMinutes` ago, assigned to `caseManager` and first
   * contacted `contactMinutes` ago. Answers {client, referral, caseId}. */
  async function referredCase(supervisorToken, programId, clientBody, caseManager, receivedMinutes, contactMinutes) {
    const client = await expectStatus(201, call(supervisorToken, 'POST', '/clients', { body: clientBody }), 'client');
    let referral = await expectStatus(201, call(supervisorToken, 'POST', '/referrals', {
      body: {
        client_id: client.id,
        program_id: programId,
        source: 'hospital',
        referrer_name: 'Discharge planner, St. Luke’s',
        reason: 'Discharged home after a fall; needs support.',
        received_at: ago(receivedMinutes),
      },
    }), 'referral');
    referral = await expectStatus(200, call(supervisorToken, 'POST', `/referrals/${referral.id}/assignment`, {
      body: { case_manager_id: caseManager }, version: referral.version,
    }), 'assignment');
    referral = await expectStatus(200, call(supervisorToken, 'POST', `/referrals/${referral.id}/first-contact`, {
      body: { contacted_at: ago(contactMinutes), method: 'phone' }, version: referral.version,
    }), 'first contact');
    assert.ok(referral.case_id, 'the assignment opened a case');
    return { client, referral, caseId: referral.case_id };
  }

  async function signedNote(token, caseId, serviceMinutes, body) {
    return expectStatus(201, call(token, 'POST', `/cases/${caseId}/notes`, {
      body: { contact_type: 'phone', service_at: ago(serviceMinutes), body, sign: true },
    }), 'note');
  }

  async function visit(token, caseId, startMinutes, status, cost) {
    const body = { kind: 'home_visit', starts_at: ago(startMinutes), ends_at: ago(startMinutes - 5) };
    if (cost !== undefined) body.cost = cost;
    const appointment = await expectStatus(201, call(token, 'POST', `/cases/${caseId}/appointments`, { body }),
      'appointment');
    return expectStatus(200, call(token, 'POST', `/appointments/${appointment.id}/outcome`, {
      body: { status }, version: appointment.version,
    }), 'appointment outcome');
  }

  async function caseOf(token, clientId, caseId) {
    const cases = await expectStatus(200, call(token, 'GET', `/clients/${clientId}/cases`), 'cases');
    const found = cases.items.find((c) => c.id === caseId);
    assert.ok(found, `case ${caseId} listed`);
    return found;
  }

  before(async () => {
    let agencyIds;
    ({ tmpDir, baseUrl, server, log: serverLog, ids: agencyIds } = await startAgency('caseboard-e2e-dash-', ORG, {
      admin: { ...ADMIN, role: 'administrator' },
      supervisor: { ...SUPERVISOR, role: 'supervisor' },
      erin: { ...ERIN, role: 'case_manager' },
      tom: { ...TOM, role: 'case_manager' },
      director: { ...DIRECTOR, role: 'director' },
    }));
    Object.assign(ids, agencyIds);

    // The program (with its note clock set, see NOTE_HOURS) and the team: Erin and Tomás under Sofia.
    const { program, adminToken } = await setUpProgram(baseUrl, ADMIN, {
      program: { name: PROGRAM, description: 'Thirty days of support after a hospital discharge.' },
      supervise: [ids.erin, ids.supervisor],
    });
    data.programId = program.id;
    const tom = await expectStatus(200, call(adminToken, 'GET', `/users/${ids.tom}`), 'tom');
    await expectStatus(200, call(adminToken, 'PATCH', `/users/${ids.tom}`, {
      body: { supervisor_id: ids.supervisor }, version: tom.version,
    }), 'supervise tom');
    const current = await expectStatus(200, call(adminToken, 'GET', `/programs/${program.id}`), 'program');
    await expectStatus(200, call(adminToken, 'PATCH', `/programs/${program.id}`, {
      body: { clock_rules: { note_hours: NOTE_HOURS } }, version: current.version,
    }), 'note clock');

    const supervisorToken = await apiToken(baseUrl, SUPERVISOR);
    const erinToken = await apiToken(baseUrl, ERIN);
    const tomToken = await apiToken(baseUrl, TOM);

    // Grace (high risk, Erin's): contacted 140 minutes before the anchor and no note since: overdue.
    const grace = await referredCase(supervisorToken, program.id, GRACE, ids.erin, 150, 140);
    data.grace = grace;

    // Ana (Erin's): a note for a call 100 minutes before the anchor (late), a visit attended (cost
    // $80) and one missed, then intake, active, discharge home and the check-in (satisfaction 4).
    const ana = await referredCase(supervisorToken, program.id, ANA, ids.erin, 120, 110);
    data.ana = ana;
    data.lateNote = await signedNote(erinToken, ana.caseId, 100, 'Phone call: settling in at home; refill needed.');
    assert.equal(data.lateNote.late, true, 'the note signed more than NOTE_HOURS after the call is late');
    await visit(erinToken, ana.caseId, 95, 'attended', 80);
    await visit(erinToken, ana.caseId, 85, 'no_show');
    let anaCase = await caseOf(erinToken, ana.client.id, ana.caseId);
    for (const to of ['intake', 'active']) {
      anaCase = await expectStatus(200, call(erinToken, 'POST', `/cases/${ana.caseId}/transitions`, {
        body: { to }, version: anaCase.version,
      }), `to ${to}`);
    }
    const discharge = await expectStatus(201, call(erinToken, 'POST', `/cases/${ana.caseId}/discharge`, {
      body: { destination: 'home', services_arranged: 'Home health aide three mornings a week', family_education_done: true },
      version: anaCase.version,
    }), 'discharge');
    await expectStatus(200, call(erinToken, 'POST', `/discharges/${discharge.id}/check-in`, {
      body: { health_status_changed: false, satisfaction: 4 }, version: discharge.version,
    }), 'check-in');

    // Wei (Tomás's): a note for a call 20 minutes before the anchor: on time.
    const wei = await referredCase(supervisorToken, program.id, WEI, ids.tom, 60, 30);
    data.wei = wei;
    const timely = await signedNote(tomToken, wei.caseId, 20, 'Phone call: medication reviewed.');
    assert.equal(timely.late, false, 'the note signed within NOTE_HOURS of the call is on time');

    // Rosa (Tomás's): her record restricted by consent, naming only Tomás.
    const rosa = await referredCase(supervisorToken, program.id, ROSA, ids.tom, 50, 40);
    data.rosa = rosa;
    await expectStatus(201, call(tomToken, 'POST', `/clients/${rosa.client.id}/consents`, {
      body: { grantee_user_id: ids.tom, purpose: 'Substance-use treatment records (42 CFR Part 2)' },
    }), 'consent');
    const rosaRecord = await expectStatus(200, call(tomToken, 'GET', `/clients/${rosa.client.id}`), 'rosa');
    await expectStatus(200, call(tomToken, 'POST', `/clients/${rosa.client.id}/restriction`, {
      body: { restricted: true }, version: rosaRecord.version,
    }), 'restriction');

    for (const token of [supervisorToken, erinToken, tomToken, adminToken]) {
      await api(baseUrl, 'POST', '/auth/logout', { token });
    }

    browser = await launchBrowser();
    // The browser's calendar is the server's (UTC), so "this month" is the same month for both.
    context = await browser.newContext({ viewport: LAPTOP, timezoneId: 'UTC', acceptDownloads: true });
    // The dashboards' "this week" and "this month" are the anchor's.
    if (SHIFTED) await context.clock.setFixedTime(new Date(ANCHOR));
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.setDefaultNavigationTimeout(15_000);
  }, { timeout: 120_000 });

  after(async () => {
    await tearDown({ context, browser, server, tmpDir });
  }, { timeout: 30_000 });

  async function step(name, body) {
    try {
      await body();
    } catch (err) {
      await shot(`failure-dashboards-${name}.png`).catch(() => {});
      console.error(`--- server log (last 4000 characters) ---\n${serverLog().slice(-4000)}`);
      throw err;
    }
  }

  const hash = () => page.evaluate(() => window.location.hash);
  const goHash = (target) => page.evaluate((h) => (window.location.hash = h), target);
  const nav = () => page.getByRole('navigation', { name: 'Main' });

  /** Both widths of the current screen, once its calls and charts are done. */
  async function shotBoth(name, charts = 0) {
    await waitForApiQuiet(page);
    if (charts) await chartsDrawn(charts);
    await shot(`${name}-1366.png`);
    await page.setViewportSize(TABLET);
    if (charts) await chartsDrawn(charts);
    await shot(`${name}-768.png`);
    await page.setViewportSize(LAPTOP);
    if (charts) await chartsDrawn(charts);
  }

  /** Waits until `count` chart canvases are on the page and each has something drawn on it. */
  async function chartsDrawn(count) {
    await page.waitForFunction((n) => {
      const canvases = [...document.querySelectorAll('.chart-box canvas')];
      if (canvases.length < n) return false;
      return canvases.every((canvas) => {
        if (!canvas.width || !canvas.height) return false;
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
        return false;
      });
    }, count);
  }

  /** Whether a chart canvas (found by its accessible name) has pixels of the colour `rgb`: its bars. */
  async function chartHasColour(name, rgb) {
    return page.getByRole('img', { name }).evaluate((canvas, [r, g, b]) => {
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let found = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b && pixels[i + 3] === 255) found += 1;
      }
      return found > 20;
    }, rgb);
  }

  /** The texts of a table row's cells (header cell first). */
  async function rowTexts(table, rowName) {
    const row = table.getByRole('row', { name: rowName });
    return row.locator('th, td').allInnerTexts();
  }

  const BAR_BLUE = [0x1d, 0x5d, 0xa8];
  const BAR_ORANGE = [0xe3, 0x9a, 0x6a];

  test('the case manager records costs, and is refused the outcome page and another team\'s figures', { timeout: 90_000 }, () =>
    step('case-manager', async () => {
      await page.goto(`${baseUrl}/`);
      await signIn(page, ERIN);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      assert.equal(await nav().getByRole('link', { name: 'Outcomes' }).count(), 0, 'no Outcomes link for a case manager');
      assert.equal(await nav().getByRole('link', { name: 'Dashboard' }).count(), 0, 'no Dashboard link for a case manager');

      // The appointment form's "Cost ($)": a bad amount is named under the field, a good one saved and shown.
      await goHash(`#/clients/${encodeURIComponent(data.grace.client.id)}`);
      await page.getByRole('heading', { name: 'Okafor, Grace', level: 1 }).waitFor();
      const caseWork = page.getByRole('region', { name: 'Case work' });
      await caseWork.getByRole('button', { name: 'Schedule appointment' }).click();
      const appointment = page.getByRole('form', { name: 'Schedule an appointment' });
      await appointment.getByLabel('Location').fill('Client’s home');
      await appointment.getByLabel('Cost ($)').fill('45.505');
      await appointment.getByRole('button', { name: 'Schedule' }).click();
      await appointment.locator('#appointment-cost[aria-invalid="true"]').waitFor();
      await appointment.getByText(/no more than two decimals/).waitFor();
      await appointment.getByLabel('Cost ($)').fill('45.50');
      await appointment.getByRole('button', { name: 'Schedule' }).click();
      await caseWork.getByRole('status').filter({ hasText: 'Appointment scheduled.' }).waitFor();
      await page.getByRole('region', { name: 'Appointments' }).getByText(/Cost \$45\.50/).waitFor();

      // The referral-out form's "Cost ($)".
      await caseWork.getByRole('button', { name: 'Refer out' }).click();
      const referralOut = page.getByRole('form', { name: 'Refer to another provider' });
      await referralOut.locator('#referral-out-provider').fill('Meals on Wheels');
      await referralOut.getByLabel('Service').fill('Home-delivered meals');
      await referralOut.getByLabel('Reason').fill('Cannot shop or cook after the fall.');
      await referralOut.getByLabel('Cost ($)').fill('120');
      await referralOut.getByRole('button', { name: 'Save draft referral' }).click();
      await page.getByRole('region', { name: 'Referrals out' }).getByText('Cost: $120.00').waitFor();
      await waitForApiQuiet(page);
      await shot('55-cost-fields-1366.png');

      const erinToken = await apiToken(baseUrl, ERIN);
      const appointments = await expectStatus(200, call(erinToken, 'GET', `/clients/${data.grace.client.id}/appointments`),
        'appointments');
      assert.deepEqual(appointments.items.map((a) => a.cost), [45.5], 'the appointment was saved with its cost');
      const referralsOut = await expectStatus(200, call(erinToken, 'GET', `/clients/${data.grace.client.id}/referrals-out`),
        'referrals out');
      assert.deepEqual(referralsOut.items.map((r) => r.cost), [120], 'the referral out was saved with its cost');

      // The outcome page is the managers': a case manager is told so, and no report is asked for.
      const reportCalls = [];
      const listen = (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/v1/reports')) reportCalls.push(request.url());
      };
      page.on('request', listen);
      await goHash('#/outcomes');
      await page.getByRole('heading', { name: 'Outcomes', level: 1 }).waitFor();
      await page.getByText('Only directors, auditors and supervisors see the outcome reports').waitFor();
      await goHash(`#/reports/cases?metric=notes_on_time&period=${MONTH}`);
      await page.getByText('Only directors, auditors and supervisors see report drill-downs').waitFor();
      await goHash('#/team-dashboard');
      await page.getByText('Only supervisors see a team dashboard').waitFor();
      page.off('request', listen);
      assert.deepEqual(reportCalls, [], 'the refused screens call no report endpoint');
      await goHash('#/outcomes');
      await page.getByText('Only directors, auditors and supervisors see the outcome reports').waitFor();
      await shot('54-outcomes-refused-1366.png');

      // The server refuses her the supervisor's team, and the administrator any report.
      const refused = await call(erinToken, 'GET', `/reports/figures?period=${MONTH}&team=${ids.supervisor}`);
      assert.equal(refused.status, 422, `another team's figures: ${JSON.stringify(refused.body)}`);
      assert.equal(refused.body.error.field, 'team');
      const adminToken = await apiToken(baseUrl, ADMIN);
      const admin = await call(adminToken, 'GET', `/reports/figures?period=${MONTH}`);
      assert.equal(admin.status, 403, `an administrator's report: ${JSON.stringify(admin.body)}`);
      await api(baseUrl, 'POST', '/auth/logout', { token: adminToken });
      await api(baseUrl, 'POST', '/auth/logout', { token: erinToken });
      await signOut(page);
    }));

  test('the supervisor\'s team dashboard: caseload and overdue bars, the huddle board, a drill-down to the chart', { timeout: 90_000 }, () =>
    step('team-dashboard', async () => {
      await signIn(page, SUPERVISOR);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      await nav().getByRole('link', { name: 'Dashboard' }).click();
      await page.getByRole('heading', { name: 'Team dashboard', level: 1 }).waitFor();
      await expectTitle(page, 'Team dashboard — Caseboard');
      assert.equal(await hash(), '#/team-dashboard');
      await waitForApiQuiet(page);
      await chartsDrawn(2);

      // What the API says, for the numbers the page must show.
      const token = await apiToken(baseUrl, SUPERVISOR);
      const month = await expectStatus(200, call(token, 'GET', `/reports/figures?period=${MONTH}&team=${ids.supervisor}`),
        'month figures');
      const team = await expectStatus(200, call(token, 'GET', '/worklist/team'), 'team worklist');
      await api(baseUrl, 'POST', '/auth/logout', { token });
      const figureOf = (userId, metric) =>
        month.by_case_manager.find((p) => p.user_id === userId)?.figures[metric]?.value ?? 0;
      const peopleOf = (userId) => team.people.find((p) => p.user_id === userId);

      // Caseload balance: both bars drawn, and the table beside them.
      assert.ok(await chartHasColour('Open cases and acuity-weighted caseload by person', BAR_BLUE), 'open-case bars');
      assert.ok(await chartHasColour('Open cases and acuity-weighted caseload by person', BAR_ORANGE), 'acuity bars');
      const caseload = page.getByRole('table', { name: 'Caseload by person' });
      const tomRow = await rowTexts(caseload, /Tomás Ortega/);
      assert.deepEqual(tomRow.slice(1), ['2', '2'], 'Tomás: two open cases (Wei, Rosa), each weighing 1');
      assert.equal(figureOf(ids.tom, 'caseload'), 2);
      const erinRow = await rowTexts(caseload, /Erin Example/);
      assert.equal(erinRow[1], String(figureOf(ids.erin, 'caseload')), 'Erin’s open cases as the API counts them');
      assert.equal(erinRow[2], String(figureOf(ids.erin, 'acuity_weighted_caseload')), 'Erin’s acuity-weighted caseload');
      assert.ok(figureOf(ids.erin, 'acuity_weighted_caseload') >= 3, 'Grace (high risk) weighs 3');

      // Overdue items by person: Grace's owed note is overdue on Erin's worklist.
      assert.ok(await chartHasColour('Overdue items by person', BAR_BLUE), 'overdue bars');
      const items = page.getByRole('table', { name: 'Worklist items by person' });
      const erinItems = await rowTexts(items, /Erin Example/);
      assert.deepEqual(erinItems.slice(1), [String(peopleOf(ids.erin).open), String(peopleOf(ids.erin).overdue)]);
      assert.ok(peopleOf(ids.erin).overdue >= 1, 'Erin has an overdue item');
      const tomItems = await rowTexts(items, /Tomás Ortega/);
      assert.deepEqual(tomItems.slice(1), [String(peopleOf(ids.tom).open), String(peopleOf(ids.tom).overdue)]);

      // The huddle board: this week's referrals and notes, what is overdue, the high-risk clients among it.
      const huddle = page.getByRole('table', { name: /Weekly huddle/ });
      const erinHuddle = await rowTexts(huddle, /Erin Example/);
      assert.equal(erinHuddle[1], '2', 'Erin: two new referrals this week (Grace, Ana)');
      assert.match(erinHuddle[2], /^0%\s*\(0 of 1\)$/, 'Erin: her one note this week was late');
      assert.equal(erinHuddle[3], String(peopleOf(ids.erin).overdue));
      assert.equal(erinHuddle[4], '1', 'Erin: one high-risk client (Grace) with overdue items');
      const tomHuddle = await rowTexts(huddle, /Tomás Ortega/);
      assert.equal(tomHuddle[1], '2', 'Tomás: two new referrals this week (Wei, Rosa)');
      assert.match(tomHuddle[2], /^100%\s*\(1 of 1\)$/, 'Tomás: his one note was on time');
      assert.equal(tomHuddle[4], '0');
      await page.getByRole('button', { name: 'Print the huddle sheet' }).waitFor();

      // The export links carry the same month and team.
      const csvHref = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
      const csvUrl = new URL(csvHref, baseUrl);
      assert.equal(csvUrl.pathname, '/api/v1/reports/export');
      assert.equal(csvUrl.searchParams.get('period'), MONTH);
      assert.equal(csvUrl.searchParams.get('team'), ids.supervisor);
      assert.equal(csvUrl.searchParams.get('format'), 'csv');

      await shotBoth('50-team-dashboard', 2);
      await page.emulateMedia({ media: 'print' });
      await shot('51-team-dashboard-print.png');
      await page.emulateMedia({ media: 'screen' });

      // A huddle figure opens the cases behind it; a supervisor sees the client's name, linked to the chart.
      await huddle.getByRole('link', { name: /^Erin Example: notes on time/ }).click();
      await page.getByRole('heading', { name: 'Notes on time', level: 1 }).waitFor();
      const cases = page.locator('.report-cases-table tbody tr');
      await cases.first().waitFor();
      assert.equal(await cases.count(), 1, 'one note of Erin’s this week');
      await page.getByRole('link', { name: 'Rivera, Ana' }).click();
      await page.getByRole('heading', { name: 'Rivera, Ana', level: 1 }).waitFor();
      await signOut(page);
    }));

  test('the director\'s outcome page: this month\'s figures, the late note\'s case behind "Notes on time", the exports', { timeout: 120_000 }, () =>
    step('outcomes', async () => {
      await signIn(page, DIRECTOR);
      // Directors land on the outcomes, of the last full month.
      await page.getByRole('heading', { name: 'Outcomes', level: 1 }).waitFor();
      assert.equal(await hash(), '#/outcomes');
      await expectTitle(page, 'Outcomes — Caseboard');
      const monthPicker = page.getByLabel('Month', { exact: true });
      assert.equal(await monthPicker.inputValue(), LAST_MONTH, 'the last full month by default');
      await waitForApiQuiet(page);

      await monthPicker.selectOption(MONTH);
      await page.waitForFunction((m) => location.hash.includes(`period=${m}`), MONTH);
      await waitForApiQuiet(page);
      const tile = (metric) => page.locator(`.figure-tile[data-metric="${metric}"]`);
      const tileText = async (metric) => (await tile(metric).innerText()).replace(/\s+/g, ' ').trim();

      assert.match(await tileText('notes_on_time'), /Notes on time 50% 1 of 2 notes on time/);
      assert.match(await tileText('no_show_rate'), /No-shows 50% 1 of 2 visits missed/);
      assert.match(await tileText('first_contact_on_time'), /100% 4 of 4 referrals on time/);
      assert.match(await tileText('discharges'), /Discharges 1\b/);
      assert.match(await tileText('satisfaction'), /4 of 5 from 1 check-in/);
      assert.match(await tileText('cost_per_case'), /\$80\.00/);
      assert.match(await tileText('new_referrals_per_week'), /4 referrals/);

      // The program filter keeps the figures (all the data is in the one program).
      await page.getByLabel('Program', { exact: true }).selectOption({ label: PROGRAM });
      await page.waitForFunction((p) => location.hash.includes(`program=${p}`), data.programId);
      await waitForApiQuiet(page);
      assert.match(await tileText('notes_on_time'), /50% 1 of 2 notes on time/);

      // Trend lines (timeliness, outcome rates, satisfaction) and the discharge bars are drawn.
      await chartsDrawn(4);
      const destinations = page.getByRole('table', { name: 'Discharges by destination' });
      assert.deepEqual((await rowTexts(destinations, /^Home/)).slice(0, 2), ['Home', '1']);
      const byPerson = page.locator('.case-manager-table');
      await byPerson.getByRole('row', { name: /Erin Example/ }).waitFor();
      await byPerson.getByRole('row', { name: /Tomás Ortega/ }).waitFor();
      await shotBoth('52-outcomes', 4);

      // Each export downloads the month's report for the program, in its format.
      const expected = {
        'Export CSV': { extension: '.csv', check: (bytes) => {
          const text = bytes.toString('utf8');
          assert.ok(!text.startsWith('%PDF') && !text.startsWith('PK'), 'CSV is text');
          const lines = text.trim().split(/\r?\n/);
          assert.ok(lines.length >= 3, `a header, the total and the case managers: ${lines.length} lines`);
          assert.ok(lines[0].includes(','), `comma-separated: ${lines[0]}`);
        } },
        'Export Excel': { extension: '.xlsx', check: (bytes) => assert.equal(bytes.subarray(0, 4).toString('binary'), 'PK\x03\x04') },
        'Export PDF': { extension: '.pdf', check: (bytes) => assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-') },
      };
      for (const [name, { extension, check }] of Object.entries(expected)) {
        const link = page.getByRole('link', { name });
        const url = new URL(await link.getAttribute('href'), baseUrl);
        assert.equal(url.searchParams.get('period'), MONTH, `${name}: the month`);
        assert.equal(url.searchParams.get('program'), data.programId, `${name}: the program`);
        const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
        assert.ok(download.suggestedFilename().endsWith(extension), `${name}: ${download.suggestedFilename()}`);
        assert.equal(await download.failure(), null, `${name} downloaded`);
        check(await readFile(await download.path()));
      }

      // "Notes on time" opens its cases; missed only leaves the late note's case, without the
      // client's name (directors see case ids).
      await tile('notes_on_time').click();
      await page.getByRole('heading', { name: 'Notes on time', level: 1 }).waitFor();
      const rows = page.locator('.report-cases-table tbody tr');
      await page.waitForFunction(() => document.querySelectorAll('.report-cases-table tbody tr').length === 2);
      await page.getByLabel('Missed only').check();
      await page.waitForFunction(() => location.hash.includes('missed=true'));
      await page.waitForFunction(() => document.querySelectorAll('.report-cases-table tbody tr').length === 1);
      const late = (await rows.first().innerText()).replace(/\s+/g, ' ');
      assert.match(late, /Withheld/, `the director sees no client name: ${late}`);
      assert.ok(late.includes(data.ana.caseId), `the late note's case ${data.ana.caseId}: ${late}`);
      assert.match(late, /Erin Example/);
      assert.match(late, /0 of 1 note on time/);
      assert.equal(await page.getByRole('link', { name: 'Rivera, Ana' }).count(), 0, 'no link to a chart the director may not open');
      await shotBoth('53-drill-down');

      // A figure with the restricted client behind it: counted, not listed.
      await goHash(`#/reports/cases?metric=first_contact_on_time&period=${MONTH}&program=${data.programId}&from=outcomes`);
      await page.getByRole('heading', { name: 'First contacts on time', level: 1 }).waitFor();
      await page.getByText('1 restricted case not listed').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.report-cases-table tbody tr').length === 3);
      await waitForApiQuiet(page);
      await shot('53-drill-down-restricted-1366.png');

      // Back to the outcomes of the same month and program.
      await page.getByRole('link', { name: '← Outcomes' }).click();
      await page.getByRole('heading', { name: 'Outcomes', level: 1 }).waitFor();
      await waitForApiQuiet(page);
      assert.equal(await page.getByLabel('Month', { exact: true }).inputValue(), MONTH);
      assert.equal(await page.getByLabel('Program', { exact: true }).inputValue(), data.programId);
      await signOut(page);
    }));
});
