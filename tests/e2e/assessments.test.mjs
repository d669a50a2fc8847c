// Browser end-to-end test of assessments on the client chart:
// - a case manager opens a client and starts a PHQ-9 from the case work "Assess" action, fills it
//   with the keyboard only (Tab between questions, arrow keys within one, Space for the first
//   answer), and the running score and band update as answers are given ("Incomplete" until the
//   last required answer); Enter on a radio does not record the form;
// - answering item 9 above 0 shows the safety prompt at once; the recorded assessment shows the
//   prompt "Create or review the safety plan", which opens the safety plan editor on the chart;
// - the assessment is listed under "Assessments"; the case manager's worklist shows the urgent task
//   (with "Open chart", not "Mark done": a rule's task closes itself), the supervisor's too; saving
//   the safety plan clears them;
// - a C-SSRS screener chosen from the chart: questions 3–5 are hidden until question 2 is "yes",
//   hidden again (and their answers dropped) when it goes back to "no"; 6b only after 6 is "yes";
// - a PHQ-9 is corrected (the form prefilled with its answers); the corrected one is marked and the
//   trend chart shows two points, the superseded one left out.
// Screenshots: the assessment form at laptop and tablet widths, the result with the safety prompt,
// and the assessments section with the trend chart, in tests/e2e/screenshots.
//
// Needs: build/caseboard (the C++ build) and web/dist (`npm run build` in web/).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  api,
  apiToken,
  expectTitle,
  LAPTOP,
  launchBrowser,
  newPage,
  screenshotDir,
  screenshotter,
  setUpProgram,
  signIn,
  startAgency,
  TABLET,
  tearDown,
  waitForApiQuiet,
} from './helpers.mjs';

const ORG = 'E2E Assessment Agency';
const SUPERVISOR = { username: 'e2e.sam', password: 'correct-horse-battery-sam', displayName: 'Sam Supervisor' };
const CASE_MANAGER = { username: 'e2e.casey', password: 'correct-horse-battery-casey', displayName: 'Casey Manager' };
const ADMIN = { username: 'e2e.admin', password: 'correct-horse-battery-admin', displayName: 'Avery Admin' };
const PROGRAM = 'Community Mental Health';
const CLIENT = { given_name: 'Jordan', family_name: 'Mbeki', birth_date: '1988-04-17' };
const CLIENT_NAME = 'Mbeki, Jordan';
const PHQ9_TITLE = 'Patient Health Questionnaire-9 (PHQ-9)';
const CSSRS_TITLE = 'Columbia-Suicide Severity Rating Scale, Screen Version - Recent (C-SSRS Screener)';

describe('assessments on the client chart', { timeout: 300_000 }, () => {
  let tmpDir;
  let server;
  let serverLog = () => '';
  let baseUrl;
  let browser;
  let manager; // { context, page }
  let clientId;
  let caseId;
  let managerToken;
  let supervisorToken;
  const ids = {};

  before(async () => {
    let agencyIds;
    ({ tmpDir, baseUrl, server, log: serverLog, ids: agencyIds } = await startAgency('caseboard-e2e-assess-', ORG, {
      supervisor: { ...SUPERVISOR, role: 'supervisor' },
      manager: { ...CASE_MANAGER, role: 'case_manager' },
      admin: { ...ADMIN, role: 'administrator' },
    }));
    Object.assign(ids, agencyIds);

    // The administrator creates the program and puts the case manager under the supervisor.
    const { program } = await setUpProgram(baseUrl, ADMIN, {
      program: { name: PROGRAM },
      supervise: [ids.manager, ids.supervisor],
    });

    // The case manager registers the client and opens a case for them.
    managerToken = await apiToken(baseUrl, CASE_MANAGER);
    const created = await api(baseUrl, 'POST', '/clients', { token: managerToken, body: CLIENT });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    clientId = created.body.id;
    const opened = await api(baseUrl, 'POST', '/cases', {
      token: managerToken,
      body: { client_id: clientId, program_id: program.id },
    });
    assert.equal(opened.status, 201, JSON.stringify(opened.body));
    caseId = opened.body.id;
    assert.equal(opened.body.case_manager_id, ids.manager);
    supervisorToken = await apiToken(baseUrl, SUPERVISOR);

    browser = await launchBrowser();
    manager = await newPage(browser, LAPTOP);
  }, { timeout: 90_000 });

  after(async () => {
    await tearDown({ context: manager?.context, browser, server, tmpDir });
  }, { timeout: 30_000 });

  const shot = screenshotter(() => manager.page);

  async function step(name, body) {
    try {
      await body();
    } catch (err) {
      await shot(`failure-assessments-${name}.png`).catch(() => {});
      console.error(`--- server log (last 4000 characters) ---\n${serverLog().slice(-4000)}`);
      throw err;
    }
  }

  /** Both widths of the current screen. */
  async function shotBoth(name) {
    const { page } = manager;
    await waitForApiQuiet(page);
    await shot(`${name}-1366.png`);
    await page.setViewportSize(TABLET);
    await page.waitForTimeout(150);
    await shot(`${name}-768.png`);
    await page.setViewportSize(LAPTOP);
  }

  const goHash = (page, target) => page.evaluate((h) => (window.location.hash = h), target);

  async function openChart() {
    const { page } = manager;
    await goHash(page, `#/clients/${encodeURIComponent(clientId)}`);
    await page.getByRole('heading', { name: CLIENT_NAME, level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Assessments' }).waitFor();
  }

  const question = (name) => manager.page.getByRole('radiogroup', { name });
  const scoreStatus = () => manager.page.getByRole('complementary', { name: /Score|Risk level/ }).getByRole('status');

  /** Waits until the running score says all of `texts`. */
  async function expectScore(...texts) {
    let status = scoreStatus();
    for (const text of texts) status = status.filter({ hasText: text });
    try {
      await status.waitFor({ timeout: 5_000 });
    } catch {
      assert.fail(`score panel: expected ${JSON.stringify(texts)}, shows "${await scoreStatus().innerText()}"`);
    }
  }

  /**
   * Answers the radio group that has the focus by the keyboard: Space takes the first option (focus
   * lands on it from Tab), each ArrowRight moves to and takes the next. Then Tab to the next question.
   */
  async function answerByKeyboard(optionIndex) {
    const { keyboard } = manager.page;
    if (optionIndex === 0) await keyboard.press('Space');
    for (let i = 0; i < optionIndex; i += 1) await keyboard.press('ArrowRight');
  }

  async function focusedRadio() {
    return manager.page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLInputElement && el.type === 'radio' ? { name: el.name, value: el.value, checked: el.checked } : null;
    });
  }

  /** The case manager's worklist rows: [{ client, title, kind, action }]. */
  async function worklistRows() {
    const { page } = manager;
    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/worklist'),
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click(),
    ]);
    await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
    await page.locator('.worklist-summary').filter({ hasText: /as of|Nothing is due/ }).waitFor();
    return page.$$eval('.worklist-table tbody tr', (rows) =>
      rows.map((row) => ({
        client: row.children[1]?.textContent ?? '',
        title: row.querySelector('th')?.firstChild?.textContent ?? '',
        priority: row.querySelector('th .badge')?.textContent ?? '',
        action: row.lastElementChild?.textContent ?? '',
      })),
    );
  }

  test('a PHQ-9 filled with the keyboard scores as it goes and raises the safety prompt', { timeout: 120_000 }, () =>
    step('phq9', async () => {
      const { page } = manager;
      await page.goto(`${baseUrl}/`);
      await signIn(page, CASE_MANAGER);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      await openChart();
      const section = page.getByRole('region', { name: 'Assessments' });
      await section.getByText('No assessments recorded yet.').waitFor();

      // "Assess" in case work: choose the instrument, go to its form (linked to the open case).
      const caseWork = page.getByRole('region', { name: 'Case work' });
      await caseWork.getByRole('button', { name: 'Assess' }).click();
      await caseWork.getByRole('button', { name: 'New assessment' }).click();
      await caseWork.getByText('Choose an instrument.').waitFor();
      await caseWork.getByLabel('Instrument').selectOption({ label: PHQ9_TITLE });
      await caseWork.getByRole('button', { name: 'New assessment' }).click();
      await page.getByRole('heading', { name: PHQ9_TITLE, level: 1 }).waitFor();
      await expectTitle(page, `New PHQ-9 — ${CLIENT_NAME} — Caseboard`);
      assert.match(await page.evaluate(() => window.location.hash), new RegExp(`case=${caseId}`));
      await page.getByText('For the case: Community Mental Health').waitFor();
      await expectScore('0', 'Incomplete', '9 required questions to answer');
      // The difficulty question is asked only once some problem is checked.
      assert.equal(await question(/how difficult/).count(), 0);

      // Keyboard only from here: focus the first answer of question 1, then keys.
      await question(/Little interest or pleasure/).getByRole('radio').first().focus();
      const picks = [2, 1, 1, 1, 1, 1, 1, 1]; // items 1–8: 9 points
      for (let i = 0; i < picks.length; i += 1) {
        await answerByKeyboard(picks[i]);
        const focused = await focusedRadio();
        assert.equal(focused?.name, `assess-phq9-${i + 1}`, `question ${i + 1} has the focus`);
        assert.equal(focused?.value, String(picks[i]));
        assert.equal(focused?.checked, true);
        if (i === 2) await expectScore('4 of 27', 'Minimal depression', 'Incomplete');
        await page.keyboard.press('Tab');
      }
      await expectScore('9 of 27', 'Mild depression', 'Incomplete', '1 required question to answer');
      // Once a problem is checked, the difficulty question is asked (after item 9).
      await question(/how difficult/).waitFor();

      // Enter on a radio does not record the form.
      await page.keyboard.press('Enter');
      await page.waitForTimeout(400);
      await page.getByRole('heading', { name: PHQ9_TITLE, level: 1 }).waitFor();
      const none = await api(baseUrl, 'GET', `/clients/${encodeURIComponent(clientId)}/assessments`, { token: managerToken });
      assert.equal(none.body.items.length, 0, 'Enter recorded nothing');

      // Item 9 "Several days": 10 points, moderate, and the safety prompt at once.
      assert.equal((await focusedRadio())?.name, 'assess-phq9-9');
      await answerByKeyboard(1);
      await expectScore('10 of 27', 'Moderate depression', 'Complete');
      const panel = page.getByRole('complementary', { name: /Score/ });
      const prompt = panel.getByRole('alert').filter({ hasText: 'Safety flag' });
      await prompt.waitFor();
      await prompt.getByText('Thoughts of death or self-harm (PHQ-9 item 9)').waitFor();
      await prompt.getByText('urgent tasks go to the case manager and their supervisor').waitFor();
      await prompt.getByText('Create or review the safety plan').waitFor();

      // The optional difficulty question (unscored): the total stays at 10.
      await page.keyboard.press('Tab');
      assert.equal((await focusedRadio())?.name, 'assess-phq9-difficulty');
      await answerByKeyboard(1);
      await question(/how difficult/).getByText('Recorded, not counted in the score.').waitFor();
      await expectScore('10 of 27', 'Moderate depression', 'Complete');

      await page.evaluate(() => window.scrollTo(0, 0));
      await shotBoth('30-assessment-form');
      // On a tablet the running score stays in view at the foot of the screen.
      await page.setViewportSize(TABLET);
      await question(/Feeling tired/).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(screenshotDir, '30-assessment-form-768-viewport.png') });
      await page.setViewportSize(LAPTOP);

      await page.getByRole('button', { name: 'Record assessment' }).press('Enter');
      const result = page.getByRole('region', { name: 'Assessment recorded' });
      await result.waitFor();
      await result.getByText('Score 10 of 27 · Moderate depression').waitFor();
      const safety = result.getByRole('alert');
      await safety.getByText('Safety flag: Thoughts of death or self-harm (PHQ-9 item 9)').waitFor();
      await safety.getByText(/Urgent tasks, due within the hour, went to the client’s case manager and their supervisor/).waitFor();
      await expectTitle(page, `PHQ-9 recorded — ${CLIENT_NAME} — Caseboard`);
      await shot('31-assessment-result-1366.png');

      // The prompt opens the safety plan editor on the chart.
      await safety.getByRole('link', { name: 'Create or review the safety plan' }).click();
      await page.getByRole('heading', { name: CLIENT_NAME, level: 1 }).waitFor();
      const editor = page.getByRole('form', { name: 'Edit the safety plan' });
      await editor.waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'safety-warning-signs');
      assert.equal(await page.evaluate(() => window.location.hash), `#/clients/${clientId}`);

      // The assessment is listed on the chart, with its flag.
      const listed = page.getByRole('region', { name: 'Assessments' }).getByRole('article', { name: /PHQ-9/ });
      assert.equal(await listed.count(), 1);
      await listed.getByText('Score 10 of 27 · Moderate depression').waitFor();
      await listed.getByText('Thoughts of death or self-harm (PHQ-9 item 9)').waitFor();
      await listed.getByText(`by ${CASE_MANAGER.displayName}`).waitFor();
      await listed.getByRole('link', { name: 'Correct' }).waitFor();
    }));

  test('the urgent tasks reach the worklists, and saving the safety plan clears them', { timeout: 60_000 }, () =>
    step('worklist', async () => {
      const { page } = manager;
      const rows = await worklistRows();
      const urgent = rows.filter((row) => /create or review the safety plan/.test(row.title));
      assert.equal(urgent.length, 1, JSON.stringify(rows));
      assert.match(urgent[0].client, new RegExp(CLIENT_NAME));
      assert.equal(urgent[0].priority, 'Urgent');
      // A rule's task closes itself: it offers the chart, not "Mark done".
      assert.match(urgent[0].action, /Open chart/);
      const supervisorList = await api(baseUrl, 'GET', '/worklist', { token: supervisorToken });
      assert.equal(supervisorList.status, 200);
      assert.ok(
        supervisorList.body.items.some((item) => item.priority === 'urgent' && item.client_id === clientId),
        `the supervisor has the urgent task too: ${JSON.stringify(supervisorList.body.items)}`,
      );

      await page.getByRole('table', { name: 'My worklist' }).getByRole('row').filter({ hasText: CLIENT_NAME })
        .getByRole('link', { name: 'Open chart' }).click();
      await page.getByRole('heading', { name: CLIENT_NAME, level: 1 }).waitFor();
      const safety = page.getByRole('region', { name: 'Safety plan' });
      await safety.getByRole('button', { name: 'Write safety plan' }).click();
      await safety.getByLabel('Warning signs').fill('Not sleeping\nWithdrawing from friends');
      await safety.getByLabel('Coping steps').fill('Walk the dog');
      await safety.getByLabel('People and services to call').fill('Sister Thandi +1 555 0101\nCrisis line 988');
      await safety.getByLabel('Means safety').fill('Medications held by sister.');
      await safety.getByRole('button', { name: 'Save safety plan' }).click();
      await safety.getByText('Crisis line 988').waitFor();

      const after = await worklistRows();
      assert.deepEqual(after.filter((row) => /safety plan/.test(row.title)), [], JSON.stringify(after));
    }));

  test('the C-SSRS asks questions 3–5 only after "yes" to question 2', { timeout: 60_000 }, () =>
    step('cssrs', async () => {
      const { page } = manager;
      await openChart();
      const section = page.getByRole('region', { name: 'Assessments' });
      await section.getByLabel('Instrument').selectOption({ label: CSSRS_TITLE });
      await section.getByRole('button', { name: 'New assessment' }).click();
      await page.getByRole('heading', { name: CSSRS_TITLE, level: 1 }).waitFor();
      await expectScore('No risk identified', 'Incomplete');

      const q = (n) => question(new RegExp(`^${n}\\. `));
      const hidden = async (numbers) => {
        for (const n of numbers) assert.equal(await q(n).count(), 0, `question ${n} is hidden`);
      };
      await q(1).waitFor();
      await q(2).waitFor();
      await q(6).waitFor();
      await hidden([3, 4, 5, '6b']);

      // 1 yes, 2 yes: 3–5 are asked.
      await q(1).getByRole('radio').first().focus();
      await answerByKeyboard(0); // Yes
      await page.keyboard.press('Tab');
      await answerByKeyboard(0); // Yes
      for (const n of [3, 4, 5]) await q(n).waitFor();
      await expectScore('Low risk', 'Incomplete');
      await q(3).getByRole('radio', { name: 'Yes' }).check();
      await expectScore('Moderate risk');
      await page.getByRole('complementary').getByText('Safety flag').first().waitFor();

      // 2 back to no: 3–5 hidden again and their answers dropped.
      await q(2).getByRole('radio', { name: 'Yes' }).focus();
      await page.keyboard.press('ArrowRight'); // No
      await hidden([3, 4, 5]);
      await expectScore('Low risk');
      assert.equal(await page.getByRole('complementary').getByText('Safety flag').count(), 0);
      await q(2).getByRole('radio', { name: 'Yes' }).check();
      await q(3).waitFor();
      assert.equal(await q(3).getByRole('radio', { name: 'Yes' }).isChecked(), false, 'the dropped answer stays dropped');
      await q(2).getByRole('radio', { name: 'No' }).check();
      await hidden([3, 4, 5]);
      await shot('32-cssrs-skip-logic-1366.png');

      // Recording with question 6 unanswered names it.
      await page.getByRole('button', { name: 'Record assessment' }).click();
      await q(6).getByText('Answer this question.').waitFor();
      // The focus goes to the question to answer.
      await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'assess-cssrs-6');

      // 6 yes asks 6b; 6 no hides it.
      await q(6).getByRole('radio', { name: 'Yes' }).check();
      await q('6b').waitFor();
      await q(6).getByRole('radio', { name: 'No' }).check();
      await hidden(['6b']);
      await expectScore('Low risk', 'Complete');

      await page.getByRole('button', { name: 'Record assessment' }).click();
      const result = page.getByRole('region', { name: 'Assessment recorded' });
      await result.getByText('Low risk', { exact: false }).first().waitFor();
      assert.equal(await result.getByText('Create or review the safety plan').count(), 0);
      // Questions not asked were not recorded.
      const stored = await api(baseUrl, 'GET', `/clients/${encodeURIComponent(clientId)}/assessments?instrument_id=cssrs-screener`, { token: managerToken });
      assert.deepEqual(stored.body.items[0].answers.map((a) => a.link_id), ['cssrs-1', 'cssrs-2', 'cssrs-6']);
      assert.equal(stored.body.items[0].result, 'low');
    }));

  test('a corrected PHQ-9 is marked and left out of the trend', { timeout: 90_000 }, () =>
    step('correction', async () => {
      const { page } = manager;
      // A second PHQ-9, recorded through the API: 5 points, mild.
      const answers = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`phq9-${i + 1}`, i < 5 ? '1' : '0']));
      const second = await api(baseUrl, 'POST', `/clients/${encodeURIComponent(clientId)}/assessments`, {
        token: managerToken,
        body: { instrument_id: 'phq-9', case_id: caseId, answers },
      });
      assert.equal(second.status, 201, JSON.stringify(second.body));
      assert.equal(second.body.score, 5);

      await openChart();
      const section = page.getByRole('region', { name: 'Assessments' });
      const phq = section.getByRole('article', { name: /PHQ-9/ });
      await phq.nth(1).waitFor();
      assert.equal(await phq.count(), 2);
      const trend = section.getByRole('region', { name: 'PHQ-9 trend' });
      await trend.locator('svg circle').nth(1).waitFor();
      assert.equal(await trend.locator('svg circle').count(), 2);
      // The C-SSRS has no score, so no trend.
      assert.equal(await section.getByRole('region', { name: /C-SSRS.*trend/ }).count(), 0);

      // Correct the newest PHQ-9: the form starts from its answers.
      await phq.first().getByRole('link', { name: 'Correct' }).click();
      await page.getByRole('heading', { name: `Correct: ${PHQ9_TITLE}`, level: 1 }).waitFor();
      await page.getByText(/Correcting the PHQ-9 recorded/).waitFor();
      assert.equal(await question(/Little interest/).getByRole('radio', { name: /^Several days/ }).isChecked(), true);
      assert.equal(await question(/Poor appetite/).getByRole('radio', { name: /^Several days/ }).isChecked(), true);
      await expectScore('5 of 27', 'Mild depression', 'Complete');
      // Item 6 was "Not at all"; it was "More than half the days".
      await question(/Feeling bad about yourself/).getByRole('radio', { name: /^More than half the days/ }).check();
      await expectScore('7 of 27', 'Mild depression', 'Complete');
      await page.getByRole('button', { name: 'Record correction' }).click();
      const result = page.getByRole('region', { name: 'Correction recorded' });
      await result.getByText('Score 7 of 27 · Mild depression').waitFor();
      await result.getByRole('link', { name: 'Back to the client’s chart' }).click();

      await page.getByRole('heading', { name: CLIENT_NAME, level: 1 }).waitFor();
      const articles = section.getByRole('article', { name: /PHQ-9/ });
      await articles.nth(2).waitFor();
      assert.equal(await articles.count(), 3);
      // Newest first: the correction, then the corrected one, then the first PHQ-9.
      await articles.nth(0).getByText('Correction', { exact: true }).waitFor();
      await articles.nth(0).getByText('Score 7 of 27 · Mild depression').waitFor();
      await articles.nth(1).getByText('Corrected', { exact: true }).waitFor();
      assert.equal(await articles.nth(1).getByRole('link', { name: 'Correct' }).count(), 0, 'only the newest of a chain is corrected');
      await articles.nth(2).getByText('Score 10 of 27 · Moderate depression').waitFor();

      // Two points: the first PHQ-9 (10) and the correction (7); the superseded 5 is left out.
      const trend2 = section.getByRole('region', { name: 'PHQ-9 trend' });
      await trend2.locator('svg circle').nth(1).waitFor();
      assert.equal(await trend2.locator('svg circle').count(), 2);
      const scores = await trend2.locator('table tbody tr td.numeric').allTextContents();
      assert.deepEqual(scores, ['10', '7']);
      const chart = trend2.getByRole('img', { name: /PHQ-9 scores over time/ });
      await chart.waitFor();
      assert.match(await chart.locator('desc').textContent(), /2 scores .*first 10 \(Moderate depression\), latest 7 \(Mild depression\)/);

      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: path.join(screenshotDir, '33-assessments-section-1366.png') });
      await page.setViewportSize(TABLET);
      await page.waitForTimeout(150);
      await section.screenshot({ path: path.join(screenshotDir, '33-assessments-section-768.png') });
      await page.setViewportSize(LAPTOP);
    }));
});
