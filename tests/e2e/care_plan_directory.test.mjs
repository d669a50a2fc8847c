// Browser end-to-end test of care plans, the resource directory and coverage:
// - an administrator (signed in with the second factor) opens "Directory": a CSV with a bad row is
//   refused with the row and column named; the corrected CSV of three food services is imported
//   (3 added); a transportation service is added with the listing form; the CSV export has them all;
// - a case manager writes the care plan of the client's open case: a need, a measurable goal and an
//   intervention linked to the case's appointment; saves a second version with the % achieved
//   changed, sees that change in the versions list (20% → 60%), and records the client's agreement;
// - an AHC HRSN screen with a positive food domain (recorded through the API) proposes a food need:
//   it shows set apart with "Accept" and "Dismiss"; accepted, it becomes active; its "Find services"
//   opens the directory for the client and the need, ranked (eligible first) with distances and the
//   unmet criteria in words; "Within (km)" narrows them; the necessity check of a fee service the
//   client's coverage does not take gives the reason and a free alternative;
// - coverage on the chart: a Medicaid coverage added and verified today, an authorization of 20
//   units, units recorded until "Units running low" shows (and recording past those left is refused
//   under the field), an advocacy item added and its status updated; the worklist gets the renewal.
// Screenshots (laptop and tablet): the care plan with its versions, its editor, a proposed need,
// the directory results with checks, the coverage section and the administrator's directory
// screen, in tests/e2e/screenshots.
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
  setUpProgram,
  signIn,
  signOut,
  startAgency,
  TABLET,
  tearDown,
  waitForApiQuiet,
} from './helpers.mjs';

const ORG = 'E2E Care Plan Agency';
const CASE_MANAGER = { username: 'e2e.carla', password: 'correct-horse-battery-carla', displayName: 'Carla Manager' };
const ADMIN = { username: 'e2e.admin', password: 'correct-horse-battery-admin', displayName: 'Avery Admin' };
const PROGRAM = 'Community Support';
// The client lives at 40.0, -75.0 and speaks Spanish; the services are placed around that point.
const CLIENT = {
  given_name: 'Lucia',
  family_name: 'Fernandez',
  birth_date: '1958-06-30',
  preferred_language: 'es',
  latitude: 40.0,
  longitude: -75.0,
};
const CLIENT_NAME = 'Fernandez, Lucia';

const CSV_HEADER = 'name,provider,needs,description,languages,cost,payers,accepting,wait_days,hours,address,latitude,longitude,phone';
const CSV_ROWS = [
  // 1.1 km away, free, Spanish spoken: the client may use it.
  'Eastside Community Food Bank,Eastside Alliance,food,"Groceries weekly, no referral needed.",en;es,free,,yes,0,Tue and Thu 9-17,12 Market St,40.01,-75.0,+1 555 0101',
  // 0.6 km away but a fee service taking private insurance only.
  'Fresh Start Meal Delivery,Fresh Start LLC,food,Hot meals delivered daily.,en,fee,private,yes,2,Mon-Fri 10-14,3 Elm Ave,40.005,-75.0,+1 555 0102',
  // 5.6 km away, Spanish spoken, a wait list.
  'St. Anne Pantry,St. Anne Parish,food,Pantry and hot lunch.,es,free,,no,14,Sat 8-12,40 Church Rd,40.05,-75.0,+1 555 0103',
];
const GOOD_CSV = [CSV_HEADER, ...CSV_ROWS].join('\n') + '\n';
// The second row has a cost the directory does not know.
const BAD_CSV = [CSV_HEADER, CSV_ROWS[0], CSV_ROWS[1].replace(',fee,', ',pricey,')].join('\n') + '\n';

const isoDay = (offsetDays) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const isoTime = (offsetHours) =>
  new Date(Date.now() + offsetHours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('care plans, the resource directory and coverage', { timeout: 360_000 }, () => {
  let tmpDir;
  let server;
  let serverLog = () => '';
  let baseUrl;
  let browser;
  let admin; // { context, page }
  let manager;
  let clientId;
  let caseId;
  let appointmentId;
  let managerToken;
  const ids = {};

  before(async () => {
    let agencyIds;
    ({ tmpDir, baseUrl, server, log: serverLog, ids: agencyIds } = await startAgency('caseboard-e2e-careplan-', ORG, {
      manager: { ...CASE_MANAGER, role: 'case_manager' },
      admin: { ...ADMIN, role: 'administrator' },
    }));
    Object.assign(ids, agencyIds);

    const { program, adminToken } = await setUpProgram(baseUrl, ADMIN, { program: { name: PROGRAM } });
    await api(baseUrl, 'POST', '/auth/logout', { token: adminToken });

    // The case manager registers the client (with where they live) and opens a case with a visit.
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
    const visit = await api(baseUrl, 'POST', `/cases/${encodeURIComponent(caseId)}/appointments`, {
      token: managerToken,
      body: { kind: 'home_visit', starts_at: isoTime(48), ends_at: isoTime(49), location: 'Client’s home' },
    });
    assert.equal(visit.status, 201, JSON.stringify(visit.body));
    appointmentId = visit.body.id;

    browser = await launchBrowser();
    admin = await newPage(browser, LAPTOP);
    manager = await newPage(browser, LAPTOP);
  }, { timeout: 90_000 });

  after(async () => {
    await admin?.context.close().catch(() => {});
    await tearDown({ context: manager?.context, browser, server, tmpDir });
  }, { timeout: 30_000 });

  const shotPath = (name) => path.join(screenshotDir, name);

  async function step(name, body) {
    try {
      await body();
    } catch (err) {
      await manager?.page.screenshot({ path: shotPath(`failure-careplan-${name}-manager.png`), fullPage: true }).catch(() => {});
      await admin?.page.screenshot({ path: shotPath(`failure-careplan-${name}-admin.png`), fullPage: true }).catch(() => {});
      console.error(`--- server log (last 4000 characters) ---\n${serverLog().slice(-4000)}`);
      throw err;
    }
  }

  /** A full-page screenshot at laptop and tablet widths. */
  async function shotBoth(page, name) {
    await waitForApiQuiet(page);
    await page.screenshot({ path: shotPath(`${name}-1366.png`), fullPage: true });
    await page.setViewportSize(TABLET);
    await page.waitForTimeout(150);
    await page.screenshot({ path: shotPath(`${name}-768.png`), fullPage: true });
    await page.setViewportSize(LAPTOP);
  }

  /** One part of the page (a section) at laptop and tablet widths. */
  async function shotPart(page, locator, name) {
    await waitForApiQuiet(page);
    await locator.screenshot({ path: shotPath(`${name}-1366.png`) });
    await page.setViewportSize(TABLET);
    await page.waitForTimeout(150);
    await locator.screenshot({ path: shotPath(`${name}-768.png`) });
    await page.setViewportSize(LAPTOP);
  }

  const goHash = (page, target) => page.evaluate((h) => (window.location.hash = h), target);

  async function openChart() {
    const { page } = manager;
    await goHash(page, `#/clients/${encodeURIComponent(clientId)}`);
    await page.getByRole('heading', { name: CLIENT_NAME, level: 1 }).waitFor();
    await carePlan().getByRole('heading', { name: 'Care plan', level: 2 }).waitFor();
  }

  const carePlan = () => manager.page.getByRole('region', { name: 'Care plan' });
  const coverage = () => manager.page.getByRole('region', { name: 'Coverage and benefits' });

  test('an administrator imports listings from CSV, adds one with the form and exports them', { timeout: 120_000 }, () =>
    step('admin', async () => {
      const { page } = admin;
      await page.goto(`${baseUrl}/`);
      await signIn(page, ADMIN);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Directory' }).click();
      await page.getByRole('heading', { name: 'Resource directory', level: 1 }).waitFor();
      await expectTitle(page, 'Resource directory — Caseboard');
      await page.getByText('The directory has no listings yet.').waitFor();

      // Import without a file: said under the file field.
      const importForm = page.getByRole('form', { name: 'Import listings from CSV' });
      await importForm.getByRole('button', { name: 'Import' }).click();
      await importForm.getByText('Choose a CSV file to import.').waitFor();

      // A bad row: nothing is imported, and the row and column are named under the field.
      const file = importForm.getByLabel('CSV file');
      await file.setInputFiles({ name: 'services.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
      await importForm.getByRole('button', { name: 'Import' }).click();
      const refusal = importForm.locator('#directory-import-file-error');
      await refusal.waitFor();
      const refusalText = await refusal.innerText();
      assert.match(refusalText, /Nothing was imported\. Row 2 \(line 3 of the file\), column “cost”: cost must be one of/);
      assert.equal(await file.getAttribute('aria-invalid'), 'true');
      const none = await api(baseUrl, 'GET', '/directory', { token: managerToken });
      assert.equal(none.body.items.length, 0, 'the refused file imported nothing');

      // The corrected file: three added.
      await file.setInputFiles({ name: 'services.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD_CSV) });
      await importForm.getByRole('button', { name: 'Import' }).click();
      await importForm.getByRole('status').filter({ hasText: 'Imported: 3 listings added, 0 updated.' }).waitFor();
      await page.getByRole('status').filter({ hasText: '3 services.' }).waitFor();

      // A listing added with the form (an error first: no needs).
      await page.getByRole('button', { name: 'Add listing' }).click();
      const listing = page.getByRole('form', { name: 'Add a listing' });
      await listing.getByLabel('Name').fill('Riverside Transit Vouchers');
      await listing.getByRole('button', { name: 'Add listing' }).click();
      await listing.getByText('Name at least one need it meets, such as food.').waitFor();
      await listing.getByLabel('Provider').fill('Riverside County');
      await listing.getByLabel('Needs met').fill('transportation');
      await listing.getByLabel('Languages').fill('en, es');
      await listing.getByLabel('Cost').selectOption('free');
      await listing.getByLabel('Hours').fill('Mon-Fri 8-16');
      await listing.getByLabel('Phone').fill('+1 555 0104');
      await listing.getByLabel('Address').fill('1 Transit Plaza');
      await listing.getByLabel('Latitude').fill('40.02');
      await listing.getByLabel('Longitude').fill('-75.01');
      await listing.getByRole('button', { name: 'Add listing' }).click();
      await page.getByRole('status').filter({ hasText: 'Listing added: Riverside Transit Vouchers.' }).waitFor();
      await page.getByRole('status').filter({ hasText: '4 services.' }).waitFor();
      const transit = page.getByRole('article', { name: /Riverside Transit Vouchers/ });
      await transit.getByText('Transportation').waitFor();

      // The export link downloads every listing with the session cookie.
      const exportLink = page.getByRole('link', { name: 'Export CSV' });
      const exportHref = await exportLink.getAttribute('href');
      assert.equal(exportHref, '/api/v1/directory-csv');
      const exported = await page.evaluate(async (url) => {
        const response = await fetch(url);
        return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
      }, exportHref);
      assert.equal(exported.status, 200);
      assert.match(exported.type, /^text\/csv/);
      for (const name of ['Eastside Community Food Bank', 'Fresh Start Meal Delivery', 'St. Anne Pantry', 'Riverside Transit Vouchers']) {
        assert.ok(exported.text.includes(name), `the export has ${name}`);
      }

      // Edit a listing: the food bank's hours.
      const foodBank = page.getByRole('article', { name: /Eastside Community Food Bank/ });
      await foodBank.getByRole('button', { name: /Edit listing/ }).click();
      const edit = foodBank.getByRole('form', { name: /Edit listing/ });
      await edit.getByLabel('Hours').fill('Tue and Thu 9-18');
      await edit.getByRole('button', { name: 'Save listing' }).click();
      await page.getByRole('status').filter({ hasText: 'Listing saved: Eastside Community Food Bank.' }).waitFor();
      await foodBank.getByText('Tue and Thu 9-18').waitFor();

      await shotBoth(page, '40-directory-admin');
      await signOut(page);
    }));

  test('a case manager writes a care plan, saves a second version, sees the difference and records agreement', { timeout: 120_000 }, () =>
    step('care-plan', async () => {
      const { page } = manager;
      await page.goto(`${baseUrl}/`);
      await signIn(page, CASE_MANAGER);
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Directory' }).waitFor();
      await openChart();
      const section = carePlan();
      await section.getByText('No care plan yet for this case.').waitFor();
      await section.getByText(PROGRAM).first().waitFor();

      await section.getByRole('button', { name: 'Write care plan' }).click();
      const editor = section.getByRole('form', { name: 'Edit the care plan' });
      // Saving an empty need says what is missing under each field.
      await editor.getByRole('button', { name: 'Save care plan' }).click();
      const need1 = editor.getByRole('group', { name: 'Need 1' });
      await need1.getByText('Enter the need’s category, such as housing or food.').waitFor();
      await need1.getByText('Describe the need.').waitFor();

      await need1.getByLabel('Category').fill('housing');
      await need1.getByLabel('Description').fill('Behind on rent; an eviction notice came last week.');

      await editor.getByRole('button', { name: 'Add goal' }).click();
      const goal1 = editor.getByRole('group', { name: 'Goal 1' });
      await goal1.getByLabel('Goal (what)').fill('Keep stable housing');
      await goal1.getByLabel('Measure').fill('Months with the rent paid on time');
      await goal1.getByLabel('Baseline').fill('2 months behind');
      await goal1.getByLabel('Target').fill('Rent current for 3 months');
      await goal1.getByLabel('Due date').fill(isoDay(90));
      await goal1.getByLabel('Responsible', { exact: true }).selectOption('client');
      await goal1.getByLabel('Responsible person').fill('Lucia Fernandez');
      await goal1.getByLabel('Goal status').selectOption('in_progress');
      await goal1.getByLabel('% achieved').fill('20');
      await goal1.getByRole('progressbar', { name: 'Goal 1 progress' }).waitFor();

      await editor.getByRole('button', { name: 'Add intervention' }).click();
      const intervention1 = editor.getByRole('group', { name: 'Intervention 1' });
      await intervention1.getByLabel('Kind').selectOption('coordination');
      await intervention1.getByLabel('What is done').fill('Apply for emergency rental assistance with the client');
      await intervention1.getByLabel('Carried out by (optional)').selectOption(`appointment:${appointmentId}`);
      await editor.getByLabel('Note on this version').fill('First plan, made with the client at intake.');
      await editor.getByRole('button', { name: 'Save care plan' }).click();
      await section.getByRole('status').filter({ hasText: 'Care plan saved as version 1.' }).waitFor();

      // The plan as shown: need, goal with its bar, intervention with its appointment.
      await section.getByRole('heading', { name: 'Housing', level: 3 }).waitFor();
      const bar = section.getByRole('progressbar', { name: 'Keep stable housing: % achieved' });
      assert.equal(await bar.getAttribute('aria-valuenow'), '20');
      await section.getByText('2 months behind → Rent current for 3 months').waitFor();
      await section.getByText('Client: Lucia Fernandez').waitFor();
      await section.getByText(/Carried out by Appointment: Home visit on/).waitFor();
      await section.getByText('Not yet agreed to by the client or family.').waitFor();

      // Second version: % achieved 20 → 60.
      await section.getByRole('button', { name: 'Edit care plan' }).click();
      const editor2 = section.getByRole('form', { name: 'Edit the care plan' });
      const goal = editor2.getByRole('group', { name: 'Goal 1' });
      assert.equal(await goal.getByLabel('% achieved').inputValue(), '20');
      await goal.getByLabel('% achieved').fill('60');
      await editor2.getByLabel('Note on this version').fill('Rent paid for October.');
      await shotPart(page, editor2, '41-care-plan-editor');
      await editor2.getByRole('button', { name: 'Save care plan' }).click();
      await section.getByRole('status').filter({ hasText: 'Care plan saved as version 2.' }).waitFor();
      assert.equal(await bar.getAttribute('aria-valuenow'), '60');

      // The versions, newest first, with what changed in words.
      const v2 = section.getByRole('article', { name: 'Version 2' });
      await v2.getByText('“Rent paid for October.”').waitFor();
      const v2changes = v2.getByRole('list', { name: 'Changes in version 2' }).getByRole('listitem');
      assert.equal(await v2changes.count(), 1);
      const change = (await v2changes.first().innerText()).replace(/\s+/g, ' ');
      assert.match(change, /Goal “Keep stable housing” · % achieved: (before: )?20% → (after: )?60%/);
      assert.match(change, /goals\[g1\]\.percent_achieved/);
      const v1 = section.getByRole('article', { name: 'Version 1' });
      const v1changes = await v1.getByRole('list', { name: 'Changes in version 1' }).innerText();
      assert.match(v1changes, /Added Need: Behind on rent/);
      assert.match(v1changes, /Added Goal: Keep stable housing/);
      assert.match(v1changes, /Added Intervention: Apply for emergency rental assistance/);

      // The client's agreement to version 2.
      await section.getByRole('button', { name: 'Record agreement' }).click();
      const agreement = section.getByRole('form', { name: 'Record agreement to the care plan' });
      await agreement.getByRole('button', { name: 'Record agreement' }).click();
      await agreement.getByText('Enter the name of who agreed.').waitFor();
      await agreement.getByLabel('Who agreed').selectOption('client');
      await agreement.getByLabel('Name').fill('Lucia Fernandez');
      await agreement.getByRole('button', { name: 'Record agreement' }).click();
      await section.getByRole('status').filter({ hasText: 'Agreement to version 2 recorded.' }).waitFor();
      await section.getByText(/Agreed\s+The client, Lucia Fernandez, agreed to version 2/).waitFor();
      assert.equal(await section.getByRole('button', { name: 'Record agreement' }).count(), 0);

      const stored = await api(baseUrl, 'GET', `/cases/${encodeURIComponent(caseId)}/care-plan`, { token: managerToken });
      assert.equal(stored.body.care_plan.version, 2);
      assert.equal(stored.body.care_plan.agreed_current, true);
      assert.equal(stored.body.care_plan.interventions[0].appointment_id, appointmentId);
      assert.equal(stored.body.care_plan.goals[0].responsible_kind, 'client');

      await shotPart(page, section, '41-care-plan');
    }));

  test('a positive food screen proposes a need; accepted, "Find services" ranks services with distances; a check gives reasons and an alternative', { timeout: 120_000 }, () =>
    step('screen-and-directory', async () => {
      const { page } = manager;
      const screen = await api(baseUrl, 'POST', `/clients/${encodeURIComponent(clientId)}/assessments`, {
        token: managerToken,
        body: {
          instrument_id: 'ahc-hrsn',
          case_id: caseId,
          answers: {
            'ahc-1': 'steady',
            'ahc-3': 'often',
            'ahc-4': 'sometimes',
            'ahc-5': 'no',
            'ahc-6': 'no',
            'ahc-7': '1',
            'ahc-8': '1',
            'ahc-9': '1',
            'ahc-10': '1',
          },
        },
      });
      assert.equal(screen.status, 201, JSON.stringify(screen.body));
      assert.deepEqual(screen.body.flags.map((f) => f.need), ['food']);

      await page.reload();
      await page.getByRole('heading', { name: CLIENT_NAME, level: 1 }).waitFor();
      const section = carePlan();
      const proposed = section.getByRole('group', { name: 'Proposed needs to review' });
      await proposed.waitFor();
      const food = proposed.getByRole('article', { name: 'Food' });
      await food.getByText('Proposed', { exact: true }).waitFor();
      await food.getByText('Food insecurity (AHC HRSN 3-4)').waitFor();
      await food.getByText('Proposed by a screening assessment').waitFor();
      await food.getByRole('button', { name: 'Dismiss the proposed food need' }).waitFor();
      // The screen's version made the agreement out of date.
      await section.getByText('Agreement out of date').waitFor();
      await shotPart(page, section, '41-care-plan-proposed-need');

      await food.getByRole('button', { name: 'Accept the proposed food need' }).click();
      await section.getByRole('status').filter({ hasText: 'The food need is now active.' }).waitFor();
      assert.equal(await section.getByRole('group', { name: 'Proposed needs to review' }).count(), 0);
      const activeFood = section.getByRole('article', { name: 'Food' });
      await activeFood.getByText('Active', { exact: true }).waitFor();
      const v4 = section.getByRole('article', { name: 'Version 4' });
      assert.match((await v4.innerText()).replace(/\s+/g, ' '), /Need “Food insecurity \(AHC HRSN 3-4\)” · status: (before: )?Proposed → (after: )?Active/);

      // "Find services" from the need: the directory for this client and need.
      await activeFood.getByRole('link', { name: 'Find services for food' }).click();
      await page.getByRole('heading', { name: 'Resource directory', level: 1 }).waitFor();
      const hash = await page.evaluate(() => window.location.hash);
      assert.match(hash, /need=food/);
      assert.match(hash, new RegExp(`client=${clientId}`));
      await page.getByRole('heading', { name: `Services for food for ${CLIENT_NAME}`, level: 2 }).waitFor();
      await page.getByRole('group', { name: 'For client (optional)' }).getByText(CLIENT_NAME).waitFor();
      assert.equal(await page.getByLabel('Need', { exact: true }).inputValue(), 'food');
      await page.getByRole('status').filter({ hasText: `3 services, ranked for ${CLIENT_NAME}` }).waitFor();

      const results = page.getByRole('list', { name: 'Services, best first' }).getByRole('article');
      const names = await results.evaluateAll((cards) => cards.map((card) => card.querySelector('h3')?.textContent ?? ''));
      assert.deepEqual(names.map((n) => n.replace(/^\d+\.\s*/, '').replace(/ · .*$/, '')), [
        'Eastside Community Food Bank',
        'St. Anne Pantry',
        'Fresh Start Meal Delivery',
      ]);
      const first = results.nth(0);
      await first.getByText('1.1 km').waitFor();
      await first.getByText('Eligible', { exact: true }).waitFor();
      await first.getByText('Spanish (es)').waitFor();
      await first.getByText('Accepting new clients · no wait').waitFor();
      await first.getByText('Tue and Thu 9-18').waitFor();
      await first.getByText('12 Market St').waitFor();
      await first.getByRole('link', { name: '+1 555 0101' }).waitFor();
      const pantry = results.nth(1);
      await pantry.getByText('5.6 km').waitFor();
      await pantry.getByText('Not eligible').waitFor();
      await pantry.getByText('It has no capacity now (wait list).').waitFor();
      await pantry.getByText('Wait list (not accepting now) · about 14 days to start').waitFor();
      const meals = results.nth(2);
      await meals.getByText('0.6 km').waitFor();
      await meals.getByText("It charges a fee and takes none of the client's coverage.").waitFor();
      await meals.getByText('Fee; takes Private insurance').waitFor();

      // Within 2 km: the two nearest.
      await page.getByLabel('Within (km)').fill('2');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('status').filter({ hasText: `2 services, ranked for ${CLIENT_NAME}` }).waitFor();
      assert.match(await page.evaluate(() => window.location.hash), /within=2/);
      await page.goBack();
      await page.getByRole('status').filter({ hasText: `3 services, ranked for ${CLIENT_NAME}` }).waitFor();

      // The necessity check of the fee service: the reason, and the food bank as an alternative.
      await meals.getByRole('button', { name: 'Check coverage / necessity for Fresh Start Meal Delivery' }).click();
      const check = meals.getByRole('status').filter({ hasText: 'Does not meet necessity or coverage' });
      await check.waitFor();
      await check.getByText("It charges a fee and takes none of the client's coverage.").waitFor();
      await check.getByRole('heading', { name: 'Alternatives the client may use' }).waitFor();
      const alternatives = await check.getByRole('listitem').allInnerTexts();
      assert.ok(alternatives.some((text) => text.startsWith('Eastside Community Food Bank')), JSON.stringify(alternatives));
      // A service the plan calls for that the client may use meets necessity.
      await first.getByRole('button', { name: /Check coverage \/ necessity/ }).click();
      await first.getByRole('status').filter({ hasText: 'Meets necessity and coverage' }).waitFor();

      await shotBoth(page, '42-directory-results');
    }));

  test('coverage: verified today, an authorization recorded down to low units, an advocacy item updated', { timeout: 120_000 }, () =>
    step('coverage', async () => {
      const { page } = manager;
      await page.getByRole('link', { name: `Back to ${CLIENT_NAME}’s chart` }).click();
      await page.getByRole('heading', { name: CLIENT_NAME, level: 1 }).waitFor();
      const section = coverage();
      await section.getByText('No coverage recorded.').waitFor();
      await section.getByText('Add the coverage first: an authorization comes from a payer.').waitFor();

      await section.getByRole('button', { name: 'Add coverage' }).click();
      const coverageForm = section.getByRole('form', { name: 'Add coverage' });
      await coverageForm.getByLabel('Payer kind').selectOption('medicaid');
      await coverageForm.getByLabel('Payer name').fill('State Medicaid');
      await coverageForm.getByLabel('Member ID').fill('MCD-88412');
      // A verification date in the future is refused under its field.
      await coverageForm.getByLabel('Eligibility verified on').fill(isoDay(3));
      await coverageForm.getByRole('button', { name: 'Add coverage' }).click();
      await coverageForm.getByText('verified_on cannot be in the future').waitFor();
      await coverageForm.getByLabel('Eligibility verified on').fill('');
      await coverageForm.getByRole('button', { name: 'Add coverage' }).click();
      await section.getByRole('status').filter({ hasText: 'Coverage with State Medicaid added.' }).waitFor();
      const medicaid = section.getByRole('article', { name: 'State Medicaid' });
      await medicaid.getByText('Never verified').waitFor();
      await medicaid.getByText('MCD-88412').waitFor();
      await medicaid.getByRole('button', { name: 'Verify today (State Medicaid)' }).click();
      await section.getByRole('status').filter({ hasText: 'Eligibility with State Medicaid verified today.' }).waitFor();
      await medicaid.getByText(/\(today\)/).waitFor();
      const stored = await api(baseUrl, 'GET', `/clients/${encodeURIComponent(clientId)}/coverages`, { token: managerToken });
      assert.match(stored.body.items[0].verified_on, /^\d{4}-\d{2}-\d{2}$/);

      // An authorization of 20 units.
      await section.getByRole('button', { name: 'Add authorization' }).click();
      const authForm = section.getByRole('form', { name: 'Add authorization' });
      await authForm.getByLabel('Service').fill('Home health aide hours');
      await authForm.getByLabel('Units approved').fill('20');
      await authForm.getByLabel('Valid from').fill(isoDay(-30));
      await authForm.getByLabel('Valid to').fill(isoDay(60));
      await authForm.getByRole('button', { name: 'Add authorization' }).click();
      await section.getByRole('status').filter({ hasText: 'Authorization for Home health aide hours added.' }).waitFor();
      const auth = section.getByRole('article', { name: 'Home health aide hours' });
      await auth.getByText('0 of 20 units used · 20 left').waitFor();
      await auth.getByText('State Medicaid', { exact: false }).waitFor();
      assert.equal(await auth.getByText('Units running low').count(), 0);

      async function recordUnits(units, expectLeft) {
        await auth.getByRole('button', { name: 'Record units used for Home health aide hours' }).click();
        const form = auth.getByRole('form', { name: 'Record units used for Home health aide hours' });
        await form.getByLabel('Units used').fill(String(units));
        await form.getByRole('button', { name: 'Record units' }).click();
        if (expectLeft !== null) {
          await section.getByRole('status').filter({ hasText: `${expectLeft} left.` }).waitFor();
        }
        return form;
      }

      await recordUnits(10, 10);
      await auth.getByText('10 of 20 units used · 10 left').waitFor();
      assert.equal(await auth.getByText('Units running low').count(), 0);
      await recordUnits(8, 2);
      await auth.getByText('18 of 20 units used · 2 left').waitFor();
      await auth.getByText('Units running low').waitFor();
      await auth.getByText('Only 2 units are left (a tenth or less of those approved): ask the payer to renew.').waitFor();
      const unitsBar = auth.getByRole('progressbar', { name: 'Home health aide hours: units used' });
      assert.equal(await unitsBar.getAttribute('aria-valuenow'), '18');
      assert.equal(await unitsBar.getAttribute('aria-valuemax'), '20');

      // More than are left: refused under the field.
      const tooMany = await recordUnits(5, null);
      await tooMany.getByText('only 2 units are left of this authorization').waitFor();
      assert.equal(await tooMany.getByLabel('Units used').getAttribute('aria-invalid'), 'true');
      await tooMany.getByRole('button', { name: 'Cancel' }).click();

      // An advocacy item, then its status.
      await section.getByRole('button', { name: 'Add advocacy item' }).click();
      const advocacyForm = section.getByRole('form', { name: 'Add advocacy item' });
      await advocacyForm.getByLabel('Kind').selectOption('benefit_application');
      await advocacyForm.getByLabel('Description').fill('SNAP application for the household');
      await advocacyForm.getByRole('button', { name: 'Add item' }).click();
      await section.getByRole('status').filter({ hasText: 'Benefit application added.' }).waitFor();
      const item = section.getByRole('article', { name: 'Benefit application' });
      await item.getByText('Planned').waitFor();
      await item.getByRole('button', { name: 'Update status of benefit application' }).click();
      const statusForm = item.getByRole('form', { name: 'Update status' });
      await statusForm.getByLabel('Status').selectOption('submitted');
      await statusForm.getByLabel('Submitted on').fill(isoDay(-1));
      await statusForm.getByRole('button', { name: 'Save status' }).click();
      await section.getByRole('status').filter({ hasText: 'Status set to submitted.' }).waitFor();
      await item.getByText('Submitted', { exact: true }).waitFor();

      await shotPart(page, section, '43-coverage');

      // The low units put the renewal on the worklist.
      const worklist = await api(baseUrl, 'GET', '/worklist', { token: managerToken });
      const renewal = worklist.body.items.find((i) => i.rule === 'authorization_renewal');
      assert.ok(renewal, JSON.stringify(worklist.body.items));
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click();
      await page.getByRole('heading', { name: 'My worklist', level: 1 }).waitFor();
      await page.locator('.worklist-table').getByText('Authorization renewal').first().waitFor();
    }));
});
