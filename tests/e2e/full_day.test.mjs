// Browser end-to-end test of a case manager's full day through the case cycle and its clocks:
// - a supervisor logs a referral for a client (picked by searching the name), triages it and
//   assigns it to a case manager;
// - the case manager's worklist (their home page) shows the first-contact item; recording the
//   first contact clears it and a progress-note item appears; a signed quick note clears that;
// - a referral out is created and marked sent → a follow-up item appears; the follow-up clears it;
// - the case goes intake → active (a plan-review item appears), a task is added on the client's
//   page, the client is discharged → a check-in item appears; the plan review is recorded;
// - closing is refused while the check-in and the task are open, and the refusal lists them;
// - the task is marked done on the worklist and the check-in recorded; the case closes with a
//   reason and an outcome, and nothing is left on the worklist for that client;
// - the supervisor's team worklist shows the case manager's items along the way;
// - then the rest of the chart on a second client whose first contact is overdue: an appointment
//   marked attended and its note (co-signed by the supervisor once the program asks for it), an
//   incident report submitted from a draft, the safety plan written and edited, a task made on the
//   worklist and marked done, a declined referral and a readmission.
// Screenshots of the worklist, the team worklist, the referral inbox and the client chart go to
// tests/e2e/screenshots at laptop and tablet widths.
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
  setUpProgram,
  signIn,
  startAgency,
  TABLET,
  tearDown,
  waitForApiQuiet,
} from './helpers.mjs';

const ORG = 'E2E Full Day Agency';
const SUPERVISOR = { username: 'e2e.sofia', password: 'correct-horse-battery-sofia', displayName: 'Sofia Salas' };
const CASE_MANAGER = { username: 'e2e.erin', password: 'correct-horse-battery-erin', displayName: 'Erin Example' };
const ADMIN = { username: 'e2e.admin', password: 'correct-horse-battery-admin', displayName: 'Avery Admin' };
const PROGRAM = 'Care Transitions';
const CLIENT = {
  given_name: 'Ana',
  family_name: 'Rivera',
  birth_date: '1946-09-12',
  sex: 'female',
  preferred_language: 'es',
  interpreter_needed: true,
};
const CLIENT_NAME = 'Rivera, Ana';
// A second client whose referral came in 80 hours ago: its first contact is overdue from the start.
const LATE_CLIENT = { given_name: 'Grace', family_name: 'Okafor', birth_date: '1939-02-03' };
const LATE_CLIENT_NAME = 'Okafor, Grace';
const TASK_TITLE = 'Call the pharmacy about the refill';

describe('a full day through the case cycle', { timeout: 300_000 }, () => {
  let tmpDir;
  let server;
  let serverLog = () => '';
  let baseUrl;
  let browser;
  let supervisor; // { context, page }
  let manager;
  let clientId;
  let adminToken;
  let programRecord;
  const ids = {};

  before(async () => {
    let agencyIds;
    ({ tmpDir, baseUrl, server, log: serverLog, ids: agencyIds } = await startAgency('caseboard-e2e-day-', ORG, {
      supervisor: { ...SUPERVISOR, role: 'supervisor' },
      manager: { ...CASE_MANAGER, role: 'case_manager' },
      admin: { ...ADMIN, role: 'administrator' },
    }));
    Object.assign(ids, agencyIds);

    // The administrator creates the program and puts the case manager under the supervisor.
    ({ program: programRecord, adminToken } = await setUpProgram(baseUrl, ADMIN, {
      program: { name: PROGRAM, description: 'Thirty days of support after a hospital discharge.' },
      supervise: [ids.manager, ids.supervisor],
    }));

    // The supervisor registers the client the referral is about.
    const supervisorToken = await apiToken(baseUrl, SUPERVISOR);
    const created = await api(baseUrl, 'POST', '/clients', { token: supervisorToken, body: CLIENT });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    clientId = created.body.id;

    // An older referral, already assigned to the case manager and past its 72-hour clock.
    const late = await api(baseUrl, 'POST', '/clients', { token: supervisorToken, body: LATE_CLIENT });
    assert.equal(late.status, 201, JSON.stringify(late.body));
    const receivedAt = new Date(Date.now() - 80 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const referral = await api(baseUrl, 'POST', '/referrals', {
      token: supervisorToken,
      body: {
        client_id: late.body.id,
        program_id: programRecord.id,
        source: 'family',
        referrer_name: 'Daughter, Ruth Okafor',
        reason: 'Memory loss; missed medication doses.',
        received_at: receivedAt,
      },
    });
    assert.equal(referral.status, 201, JSON.stringify(referral.body));
    const assigned = await api(baseUrl, 'POST', `/referrals/${encodeURIComponent(referral.body.id)}/assignment`, {
      token: supervisorToken,
      body: { case_manager_id: ids.manager },
      headers: { 'If-Match': `"${referral.body.version}"` },
    });
    assert.equal(assigned.status, 200, JSON.stringify(assigned.body));
    await api(baseUrl, 'POST', '/auth/logout', { token: supervisorToken });

    browser = await launchBrowser();
    supervisor = await newPage(browser, LAPTOP);
    manager = await newPage(browser, LAPTOP);
  }, { timeout: 90_000 });

  after(async () => {
    await supervisor?.context.close().catch(() => {});
    await tearDown({ context: manager?.context, browser, server, tmpDir });
  }, { timeout: 30_000 });

  const supervisorShot = screenshotter(() => supervisor.page);
  const managerShot = screenshotter(() => manager.page);

  async function step(name, body) {
    try {
      await body();
    } catch (err) {
      await managerShot(`failure-${name}-manager.png`).catch(() => {});
      await supervisorShot(`failure-${name}-supervisor.png`).catch(() => {});
      console.error(`--- server log (last 4000 characters) ---\n${serverLog().slice(-4000)}`);
      throw err;
    }
  }

  /** Both widths of one screen. */
  async function shotBoth(page, shot, name) {
    await waitForApiQuiet(page);
    await shot(`${name}-1366.png`);
    await page.setViewportSize(TABLET);
    await shot(`${name}-768.png`);
    await page.setViewportSize(LAPTOP);
  }

  const hashOf = (page) => page.evaluate(() => window.location.hash);
  const goHash = (page, target) => page.evaluate((h) => (window.location.hash = h), target);

  /**
   * The case manager's worklist rows, read from the page (after opening it, or refreshing it when
   * it is already shown): [{ client, rule, title, overdue, action }], in the order shown.
   */
  async function allWorklistRows(page = manager.page) {
    if ((await hashOf(page)) === '#/worklist') {
      await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/worklist'),
        page.getByRole('button', { name: 'Refresh' }).click(),
      ]);
    } else {
      await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/worklist'),
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click(),
      ]);
    }
    await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
    await page.locator('.worklist-summary').filter({ hasText: /as of|Nothing is due/ }).waitFor();
    return page.$$eval('.worklist-table tbody tr', (rows) =>
      rows.map((row) => ({
        client: row.children[1]?.textContent ?? '',
        rule: row.querySelector('th .muted')?.textContent ?? '',
        title: row.querySelector('th')?.firstChild?.textContent ?? '',
        overdue: row.querySelector('.badge-overdue') !== null,
        action: row.lastElementChild?.textContent ?? '',
      })),
    );
  }

  /** The worklist rows of the day's client. */
  async function worklistRows() {
    return (await allWorklistRows()).filter((row) => row.client.includes(CLIENT_NAME));
  }

  /** Polls the worklist until `check(rows)` holds (the server may answer a moment after a write). */
  async function expectWorklist(description, check) {
    let rows = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      rows = await worklistRows();
      if (check(rows)) return rows;
      await manager.page.waitForTimeout(300);
    }
    assert.fail(`worklist: expected ${description}; rows for ${CLIENT_NAME}: ${JSON.stringify(rows)}`);
  }

  const rules = (rows) => rows.map((row) => row.rule);

  async function openChart(page = manager.page) {
    await goHash(page, `#/clients/${encodeURIComponent(clientId)}`);
    await page.getByRole('heading', { name: CLIENT_NAME, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Chart' }).getByRole('heading', { name: 'Events' }).waitFor();
  }

  const caseWork = () => manager.page.getByRole('region', { name: 'Case work' });

  /** Waits for the case work section to announce what was written. */
  async function announced(text) {
    await caseWork().getByRole('status').filter({ hasText: text }).waitFor();
  }

  test('the supervisor lands on the worklist, logs a referral, triages and assigns it', { timeout: 90_000 }, () =>
    step('referral', async () => {
      const { page } = supervisor;
      await page.goto(`${baseUrl}/`);
      await signIn(page, SUPERVISOR);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      assert.equal(await hashOf(page), '#/worklist');
      await expectTitle(page, 'My worklist — Caseboard');
      await page.getByText('Nothing is due.').waitFor();

      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Referrals' }).click();
      await page.getByRole('heading', { name: 'Referral inbox', level: 1 }).waitFor();
      await page.getByRole('button', { name: 'New referral' }).click();
      const form = page.getByRole('form', { name: 'New referral' });

      // Submitting without a client says so next to the client field.
      await form.getByRole('button', { name: 'Log referral' }).click();
      await form.locator('#referral-client[aria-invalid="true"]').waitFor();

      await form.getByLabel('Client').fill('rivera');
      await form.getByRole('button', { name: `Choose ${CLIENT_NAME}` }).click();
      await form.getByText(CLIENT_NAME, { exact: true }).waitFor();
      await form.getByLabel('Program').selectOption({ label: PROGRAM });
      await form.getByLabel('Source').selectOption('hospital');
      await form.getByLabel('Referred by').fill('Dr. Imani Okafor, St. Luke’s');
      await form.getByLabel('Referrer’s phone or email').fill('+1 555 0199');
      await form.getByLabel('Priority').selectOption('urgent');
      await form.getByLabel('Reason for referral').fill('Discharged after a fall; lives alone; needs home support.');
      await form.getByRole('button', { name: 'Log referral' }).click();

      const card = page.getByRole('article', { name: CLIENT_NAME });
      await card.getByText('Status: New').waitFor();
      await card.getByText('First contact due').waitFor();
      await card.getByText('Urgent').waitFor();

      await card.getByRole('button', { name: 'Triage' }).click();
      await card.getByLabel('Triage note').fill('Fall risk, lives alone: contact within a day.');
      await card.getByRole('button', { name: 'Save triage' }).click();
      await card.getByText('Status: Triaged').waitFor();

      await card.getByRole('button', { name: 'Assign' }).click();
      await card.getByRole('combobox', { name: 'Case manager (required)' }).selectOption({ label: `${CASE_MANAGER.displayName} (Case manager)` });
      await card.getByRole('button', { name: 'Assign', exact: true }).click();
      await card.getByText('Status: Assigned').waitFor();
      await card.getByText(CASE_MANAGER.displayName).waitFor();

      // The assigned referral is listed under "Assigned" and "All".
      await page.getByLabel('Show').selectOption('all');
      await page.getByRole('article', { name: CLIENT_NAME }).getByText('Status: Assigned').waitFor();
      await shotBoth(page, supervisorShot, '20-referral-inbox');
    }));

  test('the case manager sees the first-contact item and records the first contact', { timeout: 60_000 }, () =>
    step('first-contact', async () => {
      const { page } = manager;
      await page.goto(`${baseUrl}/`);
      await signIn(page, CASE_MANAGER);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      assert.equal(await hashOf(page), '#/worklist');

      const rows = await expectWorklist('a first-contact item', (r) => rules(r).includes('First contact'));
      assert.deepEqual(rules(rows), ['First contact']);
      assert.match(rows[0].action, /Record first contact/);
      // The overdue item comes first, marked "Overdue" in words (and colour).
      const all = await allWorklistRows();
      assert.match(all[0].client, new RegExp(LATE_CLIENT_NAME));
      assert.equal(all[0].overdue, true, JSON.stringify(all));
      assert.equal(rows[0].overdue, false);
      const lateRow = page.getByRole('table', { name: 'My worklist' }).getByRole('row').filter({ hasText: LATE_CLIENT_NAME });
      await lateRow.getByText('Overdue', { exact: true }).waitFor();
      await page.getByText('2 items, 1 overdue').waitFor();

      const table = page.getByRole('table', { name: 'My worklist' });
      await table.getByRole('row').filter({ hasText: CLIENT_NAME }).getByRole('link', { name: 'Record first contact' }).click();
      await page.getByRole('heading', { name: `Referral for ${CLIENT_NAME}`, level: 1 }).waitFor();
      const card = page.getByRole('article', { name: CLIENT_NAME });
      await card.getByRole('button', { name: 'Record first contact' }).click();
      await card.getByLabel('How').selectOption('phone');
      await card.getByRole('button', { name: 'Save first contact' }).click();
      await card.locator('dt', { hasText: /^First contact$/ }).waitFor();

      const after = await expectWorklist('the first-contact item gone and a progress-note item', (r) =>
        !rules(r).includes('First contact') && rules(r).includes('Progress note'));
      assert.deepEqual(rules(after), ['Progress note']);
    }));

  test('a quick note, written and signed, clears the progress-note item', { timeout: 60_000 }, () =>
    step('note', async () => {
      const { page } = manager;
      await openChart();
      // The chart shows the running clock at the top.
      const chart = page.getByRole('region', { name: 'Chart' });
      await chart.getByRole('region', { name: 'Due' }).locator('li', { hasText: 'Progress note' }).first().waitFor();

      await caseWork().getByRole('button', { name: 'Write note' }).click();
      const form = page.getByRole('form', { name: 'Write a progress note' });
      assert.notEqual(await form.getByLabel('Time of service').inputValue(), '', 'time of service defaults to now');
      await form.getByLabel('Contact type').selectOption('phone');
      await form.getByRole('textbox', { name: 'Note (required)' }).fill('Spoke with Ana by phone. She is managing at home; son visits daily.');
      await form.getByText('Structured fields (optional)').click();
      await form.getByLabel('Purpose of the contact').fill('First contact after the referral.');
      await form.getByLabel('Plan').fill('Home visit this week.');
      await shotBoth(page, managerShot, '25-quick-note-form');
      await form.getByLabel(/^Sign now/).check();
      await form.getByRole('button', { name: 'Save and sign' }).click();
      await announced('Note signed.');
      const notes = page.getByRole('region', { name: 'Progress notes' });
      await notes.getByText('Signed', { exact: true }).waitFor();
      await notes.getByText('Home visit this week.').waitFor();

      // A signed note takes addenda.
      await notes.getByRole('button', { name: 'Add addendum' }).click();
      await notes.getByLabel('Addendum').fill('Son’s phone number added to contacts.');
      await notes.getByRole('button', { name: 'Save addendum' }).click();
      await notes.getByText('Son’s phone number added to contacts.').waitFor();

      const rows = await expectWorklist('no progress-note item', (r) => !rules(r).includes('Progress note'));
      assert.deepEqual(rules(rows), []);
    }));

  test('a referral out, sent, starts a follow-up item that the follow-up clears', { timeout: 60_000 }, () =>
    step('referral-out', async () => {
      const { page } = manager;
      await openChart();
      await caseWork().getByRole('button', { name: 'Refer out' }).click();
      const form = page.getByRole('form', { name: 'Refer to another provider' });
      await form.getByLabel('Provider (required)').fill('Springfield Home Health');
      await form.getByLabel('Service (required)').fill('Home health aide, three mornings a week');
      await form.getByLabel('Reason').fill('Help with bathing and meals after the fall.');
      await form.getByRole('button', { name: 'Save draft referral' }).click();
      await announced('saved as a draft');

      const card = page.getByRole('region', { name: 'Referrals out' }).getByRole('article', { name: /Springfield Home Health/ });
      await card.getByText('Draft', { exact: true }).waitFor();
      await card.getByRole('button', { name: 'Mark sent' }).click();
      await card.getByText('Sent', { exact: true }).waitFor();

      await expectWorklist('a referral follow-up item', (r) => rules(r).includes('Referral follow-up'));

      await openChart();
      const sent = page.getByRole('region', { name: 'Referrals out' }).getByRole('article', { name: /Springfield Home Health/ });
      await sent.getByRole('button', { name: 'Record follow-up' }).click();
      await sent.getByLabel('Follow-up note').fill('Called the agency: intake visit booked for Thursday.');
      await sent.getByRole('button', { name: 'Save follow-up' }).click();
      await sent.getByText(/Followed up .*intake visit booked/).waitFor();
      // The provider accepts; the loop stays open until the service is completed.
      await sent.getByRole('button', { name: 'Record answer' }).click();
      await sent.getByLabel('Provider’s answer').selectOption('accepted');
      await sent.getByRole('button', { name: 'Save answer' }).click();
      await sent.getByText('Accepted', { exact: true }).waitFor();

      await expectWorklist('no referral follow-up item', (r) => !rules(r).includes('Referral follow-up'));
    }));

  test('intake → active starts the plan-review clock; a task is added on the chart', { timeout: 60_000 }, () =>
    step('activate', async () => {
      const { page } = manager;
      await openChart();
      // A high-risk client moves up the worklist; the badge shows on the chart and the worklist.
      await page.getByLabel('Risk level').selectOption('high');
      await page.getByRole('button', { name: 'Save risk level' }).click();
      await page.getByRole('heading', { level: 1 }).getByText('High risk').waitFor();

      const caseCard = page.getByRole('region', { name: 'Cases' }).getByRole('article', { name: PROGRAM });
      await caseCard.getByRole('button', { name: 'Start intake' }).click();
      await caseCard.getByText('Status: Intake').waitFor();
      await caseCard.getByRole('button', { name: 'Activate' }).click();
      await caseCard.getByText('Status: Active').waitFor();

      await caseWork().getByRole('button', { name: 'Add task' }).click();
      const taskForm = caseWork().getByRole('form', { name: 'New task' });
      await taskForm.getByLabel('Task (required)').fill(TASK_TITLE);
      await taskForm.getByLabel('Priority').selectOption('high');
      await taskForm.getByRole('button', { name: 'Add task' }).click();
      await announced(`Task added: ${TASK_TITLE}.`);

      const rows = await expectWorklist('a plan-review item and the task', (r) =>
        rules(r).includes('Plan review') && r.some((row) => row.title === TASK_TITLE));
      const task = rows.find((row) => row.title === TASK_TITLE);
      assert.equal(task.rule, 'Task');
      assert.match(task.action, /Mark done/);
      await manager.page.getByRole('table', { name: 'My worklist' }).getByText('High risk').first().waitFor();
    }));

  test('discharge starts the check-in; the plan review is recorded; closure is refused while items are open', { timeout: 90_000 }, () =>
    step('discharge', async () => {
      const { page } = manager;
      await openChart();
      await caseWork().getByRole('button', { name: 'Discharge' }).click();
      const form = page.getByRole('form', { name: 'Discharge' });
      await form.getByLabel('Destination', { exact: true }).selectOption('home_with_aide');
      await form.getByLabel('Services arranged').fill('Home health aide three mornings a week; meals on wheels.');
      await form.getByLabel('Family education done').check();
      await form.getByRole('button', { name: 'Record discharge' }).click();
      await announced('Discharge recorded.');
      await page.getByRole('region', { name: 'Cases' }).getByText('Status: Discharged').waitFor();
      await page.getByRole('region', { name: 'Discharges' }).getByText('Check-in due').waitFor();

      // Discharge is a major event: a plan review falls due within days (event_review_days).
      await expectWorklist('a check-in item and a plan-review item', (r) =>
        rules(r).includes('Post-discharge check-in') && rules(r).includes('Plan review'));

      // Plan reviews as they arise: record it.
      await openChart();
      await caseWork().getByRole('button', { name: 'Record plan review' }).click();
      await page.getByLabel('Review summary').fill('Goals met at home with aide support; plan closes at check-in.');
      await page.getByRole('button', { name: 'Save review' }).click();
      await announced('Plan review recorded.');
      await page.getByRole('region', { name: 'Plan reviews' }).getByText('Goals met at home').waitFor();

      // The review clears the item; the main screens, with items on them.
      const rows = await expectWorklist('the check-in and task items, no plan review', (r) =>
        rules(r).includes('Post-discharge check-in') && r.some((row) => row.title === TASK_TITLE) &&
        !rules(r).includes('Plan review'));
      assert.ok(rows.every((row) => !row.overdue), `nothing is overdue yet: ${JSON.stringify(rows)}`);
      await shotBoth(page, managerShot, '21-worklist');

      await goHash(supervisor.page, '#/worklist/team');
      const team = supervisor.page;
      await team.getByRole('heading', { name: 'Team worklist', level: 1 }).waitFor();
      const people = team.getByRole('table', { name: 'People on your team' });
      const erin = people.getByRole('row').filter({ hasText: CASE_MANAGER.displayName });
      await erin.waitFor();
      assert.ok(Number(await erin.locator('td').first().innerText()) >= 3, 'the case manager has open items');
      assert.match(await erin.locator('td').nth(1).innerText(), /^1\D*Overdue$/);
      const items = team.getByRole('table', { name: 'Team worklist' });
      await items.getByRole('row').filter({ hasText: TASK_TITLE }).getByText(CASE_MANAGER.displayName).waitFor();
      await shotBoth(team, supervisorShot, '22-team-worklist');

      // Closing now is refused, listing what is still open.
      await openChart();
      await caseWork().getByRole('button', { name: 'Close case' }).click();
      const close = page.getByRole('form', { name: 'Close the case' });
      await close.getByLabel('Reason for closing').fill('Services in place; goals met.');
      await close.getByLabel('Outcome').selectOption('goals_met');
      await close.getByRole('button', { name: 'Close case' }).click();
      const refusal = close.getByRole('alert').filter({ hasText: 'The case cannot be closed yet' });
      await refusal.waitFor();
      await refusal.getByText(TASK_TITLE).waitFor();
      // The check-in is owed as the task discharge created (or as a check-in of its own).
      await refusal.locator('li', { hasText: /check-in/i }).first().waitFor();
      await refusal.getByText('Referral out still open').waitFor();
      await close.scrollIntoViewIfNeeded();
      await managerShot('24-closure-refused-1366.png');
      await page.getByRole('region', { name: 'Cases' }).getByText('Status: Discharged').waitFor();

      await page.getByRole('region', { name: 'Chart' }).scrollIntoViewIfNeeded();
      await shotBoth(page, managerShot, '23-client-chart');
    }));

  test('the task done and the check-in recorded, the case closes and the worklist is clear', { timeout: 90_000 }, () =>
    step('close', async () => {
      const { page } = manager;
      // The task made by hand is marked done from the worklist.
      await worklistRows();
      const table = page.getByRole('table', { name: 'My worklist' });
      await table.getByRole('button', { name: `Mark “${TASK_TITLE}” done` }).click();
      await page.getByRole('status').filter({ hasText: `Done: ${TASK_TITLE}.` }).waitFor();
      await expectWorklist('no task item', (r) => !r.some((row) => row.title === TASK_TITLE));

      await openChart();
      const discharges = page.getByRole('region', { name: 'Discharges' });
      await discharges.getByRole('button', { name: 'Record check-in' }).click();
      await discharges.getByRole('button', { name: 'Save check-in' }).click();
      // Satisfaction is required: said next to the question.
      await discharges.getByText('Choose how satisfied the client is, 1 to 5.').waitFor();
      await discharges.getByLabel('4', { exact: true }).check();
      await discharges.getByLabel('Check-in notes').fill('Feeling stronger; aide is helpful.');
      await discharges.getByRole('button', { name: 'Save check-in' }).click();
      await discharges.getByText(/satisfaction 4 of 5/).waitFor();

      await expectWorklist('no check-in item', (r) => !rules(r).includes('Post-discharge check-in'));

      // The referral out's loop closes with its outcome.
      await openChart();
      const referral = page.getByRole('region', { name: 'Referrals out' }).getByRole('article', { name: /Springfield Home Health/ });
      await referral.getByRole('button', { name: 'Complete' }).click();
      await referral.getByLabel('Outcome').fill('Aide visits started; client satisfied.');
      await referral.getByRole('button', { name: 'Complete referral' }).click();
      await referral.getByText('Completed', { exact: true }).waitFor();

      await caseWork().getByRole('button', { name: 'Close case' }).click();
      const close = page.getByRole('form', { name: 'Close the case' });
      await close.getByLabel('Reason for closing').fill('Services in place; goals met.');
      await close.getByLabel('Outcome').selectOption('goals_met');
      await close.getByRole('button', { name: 'Close case' }).click();
      // With no open case left, the client is no longer on the case manager's caseload (the
      // supervisor registered them): the page says so instead of failing section by section.
      await page.getByRole('heading', { name: 'Case closed', level: 1 }).waitFor();
      await page.getByRole('status').filter({ hasText: 'The case was closed.' }).waitFor();
      await expectTitle(page, 'Case closed — Caseboard');

      // The supervisor (on the client's care team) sees the whole story, newest first, and nothing due.
      await openChart(supervisor.page);
      const chart = supervisor.page.getByRole('region', { name: 'Chart' });
      await supervisor.page.getByRole('region', { name: 'Cases' }).getByText('Status: Closed').waitFor();
      await chart.getByText('Nothing is due for this client.').waitFor();
      const events = chart.getByRole('list', { name: 'Events, newest first' });
      for (const kind of ['Referral', 'First contact', 'Progress note', 'Referral out', 'Discharge', 'Check-in', 'Plan review', 'Case status']) {
        await events.locator('.timeline-kind', { hasText: new RegExp(`^${kind}$`) }).first().waitFor();
      }
      assert.equal(await supervisor.page.getByRole('region', { name: 'Case work' }).getByText('No open case.').count(), 1);

      await page.getByRole('link', { name: 'Back to your worklist' }).click();
      const rows = await expectWorklist('nothing for the client', (r) => r.length === 0);
      assert.deepEqual(rows, []);
    }));

  /** A `datetime-local` value `minutes` from now, in the browser's (and this process's) time zone. */
  function localInput(minutes) {
    const date = new Date(Date.now() + minutes * 60_000);
    const pad = (n) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
  }

  test('the rest of the chart: appointment, co-signature, incident, safety plan, tasks, decline, readmission', { timeout: 120_000 }, () =>
    step('rest', async () => {
      const { page } = manager;
      // The program now wants notes co-signed.
      const cosign = await api(baseUrl, 'PATCH', `/programs/${encodeURIComponent(programRecord.id)}`, {
        token: adminToken,
        body: { notes_need_cosign: true },
        headers: { 'If-Match': `"${programRecord.version}"` },
      });
      assert.equal(cosign.status, 200, JSON.stringify(cosign.body));
      assert.equal(cosign.body.notes_need_cosign, true);

      // The overdue first contact, recorded from the worklist.
      await worklistRows();
      await page.getByRole('table', { name: 'My worklist' }).getByRole('row').filter({ hasText: LATE_CLIENT_NAME })
        .getByRole('link', { name: 'Record first contact' }).click();
      const referralCard = page.getByRole('article', { name: LATE_CLIENT_NAME });
      await referralCard.getByRole('button', { name: 'Record first contact' }).click();
      await referralCard.getByLabel('How').selectOption('home_visit');
      await referralCard.getByRole('button', { name: 'Save first contact' }).click();
      await referralCard.locator('dt', { hasText: /^First contact$/ }).waitFor();
      await referralCard.getByRole('link', { name: LATE_CLIENT_NAME }).click();
      await page.getByRole('heading', { name: LATE_CLIENT_NAME, level: 1 }).waitFor();

      // An appointment an hour ago, marked attended; its note names it and is signed.
      await caseWork().getByRole('button', { name: 'Schedule appointment' }).click();
      const appointment = page.getByRole('form', { name: 'Schedule an appointment' });
      await appointment.getByLabel('Kind').selectOption('home_visit');
      await appointment.getByLabel('Starts').fill(localInput(-90));
      await appointment.getByLabel('Ends').fill(localInput(-30));
      await appointment.getByLabel('Location').fill('Client’s home');
      await appointment.getByLabel('Transport arranged').check();
      await appointment.getByLabel('Interpreter language').fill('yo');
      await appointment.getByRole('button', { name: 'Schedule' }).click();
      await announced('Appointment scheduled.');
      const appointments = page.getByRole('region', { name: 'Appointments' });
      await appointments.getByRole('button', { name: /^Attended/ }).click();
      await appointments.getByText('Attended', { exact: true }).waitFor();

      await caseWork().getByRole('button', { name: 'Write note' }).click();
      const note = page.getByRole('form', { name: 'Write a progress note' });
      await note.getByLabel('Contact type').selectOption('home_visit');
      await note.getByLabel('Documents the appointment').selectOption({ index: 1 });
      await note.getByRole('textbox', { name: 'Note (required)' }).fill('Home visit: pill organizer set up with Ruth.');
      await note.getByLabel(/^Sign now/).check();
      await note.getByRole('button', { name: 'Save and sign' }).click();
      await announced('Note signed.');
      await page.getByRole('region', { name: 'Progress notes' }).getByText('Awaiting co-signature').waitFor();

      // The supervisor co-signs it from the chart.
      await goHash(supervisor.page, '#/clients');
      await supervisor.page.getByLabel('Name').fill('okafor');
      await supervisor.page.getByRole('link', { name: LATE_CLIENT_NAME }).click();
      await supervisor.page.getByRole('heading', { name: LATE_CLIENT_NAME, level: 1 }).waitFor();
      const supervisorNotes = supervisor.page.getByRole('region', { name: 'Progress notes' });
      await supervisorNotes.getByRole('button', { name: 'Co-sign' }).click();
      await supervisorNotes.getByText(/co-signed by Sofia Salas/).waitFor();
      assert.equal(await supervisorNotes.getByText('Awaiting co-signature').count(), 0);

      // An incident reported as a draft owes its report; submitting it with the actions clears that.
      await caseWork().getByRole('button', { name: 'Report incident' }).click();
      const incident = page.getByRole('form', { name: 'Report an incident' });
      await incident.getByLabel('Type').selectOption('fall');
      await incident.getByLabel('Severity').selectOption('moderate');
      await incident.getByLabel('What happened').fill('Slipped in the bathroom; no injury seen.');
      await incident.getByRole('button', { name: 'Save draft report' }).click();
      await announced('Incident report saved as a draft.');
      await expectLateWorklist('an incident item', (r) => rules(r).includes('Incident report'));
      await openLateChart();
      const incidents = page.getByRole('region', { name: 'Incidents' });
      await incidents.getByRole('button', { name: 'Submit report' }).click();
      await incidents.getByLabel('Actions taken').fill('Checked for injuries; grab bar ordered.');
      await incidents.getByRole('button', { name: 'Submit report' }).click();
      await incidents.getByText('Submitted', { exact: true }).waitFor();
      await expectLateWorklist('no incident item', (r) => !rules(r).includes('Incident report'));

      // The safety plan, written then edited (If-Match its version).
      await openLateChart();
      const safety = page.getByRole('region', { name: 'Safety plan' });
      await safety.getByRole('button', { name: 'Write safety plan' }).click();
      await safety.getByLabel('Warning signs').fill('Skipping meals\nNot answering the phone');
      await safety.getByLabel('Coping steps').fill('Call Ruth');
      await safety.getByLabel('People and services to call').fill('Ruth Okafor +1 555 0150\nCrisis line 988');
      await safety.getByLabel('Means safety').fill('Medications kept in a locked box.');
      await safety.getByRole('button', { name: 'Save safety plan' }).click();
      await safety.getByText('Crisis line 988').waitFor();
      await safety.getByRole('button', { name: 'Edit safety plan' }).click();
      await safety.getByLabel('Coping steps').fill('Call Ruth\nSit by the window with the radio');
      await safety.getByRole('button', { name: 'Save safety plan' }).click();
      await safety.getByText('Sit by the window with the radio').waitFor();

      // A task made on the worklist, then marked done there.
      await worklistRows();
      await page.getByRole('button', { name: 'New task' }).click();
      const taskForm = page.getByRole('form', { name: 'New task' });
      await taskForm.getByLabel('Task (required)').fill('Renew the transport voucher');
      await taskForm.getByRole('button', { name: 'Add task' }).click();
      const table = page.getByRole('table', { name: 'My worklist' });
      await table.getByRole('button', { name: 'Mark “Renew the transport voucher” done' }).click();
      await page.getByRole('status').filter({ hasText: 'Done: Renew the transport voucher.' }).waitFor();
      await table.getByText('Renew the transport voucher').waitFor({ state: 'detached' });

      // The supervisor declines a new referral for the first client, with the reason.
      const sup = supervisor.page;
      await sup.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
      await sup.getByRole('heading', { name: 'Referral inbox', level: 1 }).waitFor();
      await sup.getByLabel('Show').selectOption('open');
      await sup.getByRole('button', { name: 'New referral' }).click();
      const form = sup.getByRole('form', { name: 'New referral' });
      await form.getByLabel('Client').fill('rivera');
      await form.getByRole('button', { name: `Choose ${CLIENT_NAME}` }).click();
      await form.getByLabel('Referred by').fill('Springfield Senior Center');
      await form.getByLabel('Source').selectOption('community');
      await form.getByLabel('Reason for referral').fill('Asks for help with benefits paperwork.');
      await form.getByRole('button', { name: 'Log referral' }).click();
      const declined = sup.getByRole('article', { name: CLIENT_NAME });
      await declined.getByRole('button', { name: 'Decline' }).click();
      await declined.getByLabel('Reason for declining').fill('Benefits help is the senior center’s own service.');
      await declined.getByRole('button', { name: 'Decline referral' }).click();
      await declined.getByText('Status: Declined').waitFor();
      await declined.getByText('Benefits help is the senior center’s own service.').waitFor();

      // A readmission soon after the first client's discharge counts as within 30 days.
      await openChart(sup);
      const discharges = sup.getByRole('region', { name: 'Discharges' });
      await discharges.getByRole('button', { name: 'Record readmission' }).click();
      await discharges.getByLabel('Facility').fill('St. Luke’s Hospital');
      await discharges.getByLabel('Reason for readmission').fill('Second fall at home.');
      await discharges.getByRole('button', { name: 'Save readmission' }).click();
      await discharges.getByText('Within 30 days').waitFor();
    }));

  async function openLateChart() {
    await goHash(manager.page, '#/clients?q=okafor');
    await manager.page.getByRole('link', { name: LATE_CLIENT_NAME }).click();
    await manager.page.getByRole('heading', { name: LATE_CLIENT_NAME, level: 1 }).waitFor();
  }

  async function expectLateWorklist(description, check) {
    let rows = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      rows = (await allWorklistRows()).filter((row) => row.client.includes(LATE_CLIENT_NAME));
      if (check(rows)) return rows;
      await manager.page.waitForTimeout(300);
    }
    assert.fail(`worklist: expected ${description}; rows for ${LATE_CLIENT_NAME}: ${JSON.stringify(rows)}`);
  }
});
