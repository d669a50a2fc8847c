// Assessments: the instruments (data files in data/instruments, served as definitions with their
// citations), a score while a form is filled (nothing stored; answers to items not asked, unknown
// items and codes, and values of the wrong JSON type refused), completed assessments with their
// flags and what the flags set off in the same transaction (an urgent safety_plan_review task for
// the case manager and one for their supervisor, once per chain, closed by saving the safety plan;
// an early post-discharge check-in after a high LACE), corrections (a chain; only its newest is
// corrected), the trend, who may use them, and the audit trail.
//
// Assessments are stamped with whole seconds (completed_at). Where the order of two assessments is
// what a test checks, it lets the clock pass into the next second between them (nextSecond());
// one test checks the order of assessments recorded within the same second on its own.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it, before } from 'node:test';
import { ISO_UTC, assertError, assertStatus, backends, repoRoot, useSuite } from './harness.mjs';
import { HOUR, TASK_KEYS, ago, allItems, between, cycle, dischargeBody, iso, plus, sameInstant, sortedKeys, askEveryCaller } from './cycle.mjs';

const INSTRUMENT_IDS = ['ahc-hrsn', 'biopsychosocial-intake', 'cssrs-screener', 'gad-7', 'katz-adl', 'lace-index',
  'lawton-iadl', 'nursing-assessment', 'phq-9'];

/** The shipped definition files, as the server loads them. */
const FILES = Object.fromEntries(INSTRUMENT_IDS.map((id) => [id,
  JSON.parse(fs.readFileSync(path.join(repoRoot, 'data', 'instruments', `${id}.json`), 'utf8'))]));

const INSTRUMENT_KEYS = ['citation', 'description', 'flags', 'id', 'items', 'scoring', 'title', 'version'];
const ASSESSMENT_KEYS = ['answers', 'case_id', 'client_id', 'completed_at', 'completed_by', 'flags', 'id', 'instrument_id',
  'instrument_title', 'instrument_version', 'replaces_id', 'result', 'result_display', 'score', 'superseded_by', 'version'];
const SCORE_KEYS = ['answers', 'complete', 'flags', 'result', 'result_display', 'score'];
const POINT_KEYS = ['assessment_id', 'completed_at', 'result', 'result_display', 'score'];

const PHQ9_ITEMS = ['phq9-1', 'phq9-2', 'phq9-3', 'phq9-4', 'phq9-5', 'phq9-6', 'phq9-7', 'phq9-8', 'phq9-9'];

/** PHQ-9 answers from the nine items' values (0–3), sent as the option codes. */
function phq9(values, extra = {}) {
  assert.equal(values.length, 9);
  return { ...Object.fromEntries(PHQ9_ITEMS.map((id, i) => [id, String(values[i])])), ...extra };
}

/** PHQ-9 answers adding up to `total` (0–24) with item 9 at 0: no flag. */
function phq9Total(total) {
  let left = total;
  const values = [];
  for (let i = 0; i < 8; i++) {
    const v = Math.min(3, left);
    values.push(v);
    left -= v;
  }
  assert.equal(left, 0, `a PHQ-9 total of ${total} needs item 9`);
  return phq9([...values, 0]);
}

// C-SSRS screener answers (yes/no), following its skip logic: 3–5 only after a yes to 2, 6b only after a yes to 6.
const CSSRS = {
  high: { 'cssrs-1': true, 'cssrs-2': true, 'cssrs-3': true, 'cssrs-4': true, 'cssrs-5': false, 'cssrs-6': false },
  moderate: { 'cssrs-1': false, 'cssrs-2': false, 'cssrs-6': true, 'cssrs-6b': false },
  low: { 'cssrs-1': true, 'cssrs-2': false, 'cssrs-6': false },
  none: { 'cssrs-1': false, 'cssrs-2': false, 'cssrs-6': false },
};

// LACE: L 14 days (7) + A acute (3) + C Charlson 4 (5) + E 4 visits (4) = 19, high; L 1 day (1) = 1, low.
const LACE_HIGH = { 'lace-l': 14, 'lace-a': true, 'lace-c': 4, 'lace-e': 4 };
const LACE_LOW = { 'lace-l': 1, 'lace-a': false, 'lace-c': 0, 'lace-e': 0 };

/** The flag as an Assessment carries it, from the definition file. */
function flagOf(instrumentId, code) {
  const flag = FILES[instrumentId].flags.find((f) => f.code === code);
  assert.ok(flag, `${instrumentId} defines flag ${code}`);
  return { code: flag.code, display: flag.display, action: flag.action, need: flag.need ?? null };
}

function bandOf(instrumentId, code) {
  const band = FILES[instrumentId].scoring.bands.find((b) => b.code === code);
  assert.ok(band, `${instrumentId} has band ${code}`);
  return band;
}

/** Waits until the wall clock is in a new second (assessments are stamped with whole seconds). */
async function nextSecond() {
  await new Promise((r) => setTimeout(r, 1050 - (Date.now() % 1000)));
}

const byId = (items) => [...items].sort((a, b) => (a.id < b.id ? -1 : 1));

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm', 'cm2', 'supervisor', 'director', 'admin', 'auditor', 'otherCm'] });
    const cy = cycle(ctx);
    const cm = () => ctx.as('cm');
    let program = null;

    before(async () => {
      await cy.supervise('cm', 'supervisor');
      program = await cy.newProgram('Behavioral Health');
    });

    async function record(client, body, as = 'cm') {
      const res = await ctx.as(as).post(`/api/v1/clients/${client.id}/assessments`, body);
      assertStatus(res, 201);
      return res.body;
    }

    async function correct(assessment, answers, as = 'cm') {
      const res = await ctx.as(as).post(`/api/v1/assessments/${assessment.id}/corrections`, { answers });
      assertStatus(res, 201);
      return res.body;
    }

    async function getAssessment(id, as = 'cm') {
      const res = await ctx.as(as).get(`/api/v1/assessments/${id}`);
      assertStatus(res, 200);
      return res.body;
    }

    async function assessmentsOf(client, instrumentId = null, as = 'cm') {
      const q = instrumentId ? `?instrument_id=${instrumentId}` : '';
      return allItems(ctx.as(as), `/api/v1/clients/${client.id}/assessments${q}`);
    }

    async function trend(client, instrumentId) {
      const res = await cm().get(`/api/v1/clients/${client.id}/assessments/trend?instrument_id=${instrumentId}`);
      assertStatus(res, 200);
      assert.deepEqual(sortedKeys(res.body), ['points']);
      for (const p of res.body.points) assert.deepEqual(sortedKeys(p), POINT_KEYS);
      return res.body.points;
    }

    async function score(instrumentId, answers) {
      return cm().post(`/api/v1/instruments/${instrumentId}/score`, { answers });
    }

    /** The user's safety_plan_review tasks about the client, with a status. */
    async function safetyTasks(as, client, status = 'open') {
      return (await cy.tasks(as, status)).filter((t) => t.rule === 'safety_plan_review' && t.client_id === client.id);
    }

    async function checkInTask(d, status = 'open') {
      return (await cy.tasks('cm', status)).find((t) => t.rule === 'post_discharge_check_in' && t.source_id === d.id);
    }

    async function discharge(theCase, overrides = {}) {
      const res = await cm().post(`/api/v1/cases/${theCase.id}/discharge`, dischargeBody(overrides), { ifMatch: theCase.version });
      assertStatus(res, 201);
      return res.body;
    }

    describe('instruments', () => {
      it('GET /instruments lists the nine shipped instruments, each with its citation, items and scoring', async () => {
        const res = await cm().get('/api/v1/instruments');
        assertStatus(res, 200);
        assert.deepEqual(sortedKeys(res.body), ['items']);
        const listed = res.body.items;
        assert.deepEqual(listed.map((i) => i.id).sort(), INSTRUMENT_IDS);
        for (const instrument of listed) {
          const file = FILES[instrument.id];
          assert.deepEqual(sortedKeys(instrument), INSTRUMENT_KEYS, instrument.id);
          assert.equal(instrument.version, file.version, `${instrument.id} version`);
          assert.equal(instrument.title, file.title, `${instrument.id} title`);
          assert.equal(instrument.description, file.description, `${instrument.id} description`);
          assert.equal(typeof instrument.citation, 'string');
          assert.ok(instrument.citation.length > 20, `${instrument.id} has a citation`);
          assert.equal(instrument.citation, file.citation, `${instrument.id} citation`);
          assert.ok(Array.isArray(instrument.items) && instrument.items.length > 0, `${instrument.id} has items`);
          assert.deepEqual(instrument.items.map((i) => i.link_id), file.items.map((i) => i.link_id),
            `${instrument.id}: the items in the file's order`);
          for (const [n, item] of instrument.items.entries()) {
            const src = file.items[n];
            const what = `${instrument.id} ${item.link_id}`;
            const keys = ['enable_when', 'link_id', 'required', 'scored', 'text', 'type'];
            if (src.type === 'choice') keys.push('options');
            if (src.type === 'boolean') keys.push('points_false', 'points_true');
            if (src.type === 'integer') keys.push('max', 'min', 'points');
            if (src.type === 'text') keys.push('max_length');
            assert.deepEqual(sortedKeys(item), keys.sort(), what);
            assert.equal(item.type, src.type, what);
            assert.equal(item.text, src.text, what);
            assert.equal(item.required, src.required ?? false, what);
            assert.deepEqual(item.enable_when, src.enable_when ?? [], what);
            if (src.type === 'choice') assert.deepEqual(item.options, src.options, what);
            if (src.type === 'integer') assert.deepEqual([item.min, item.max], [src.min, src.max], what);
            if (src.type === 'text') assert.equal(item.max_length, src.max_length ?? 2000, what);
          }
          assert.equal(instrument.scoring.method, file.scoring.method, `${instrument.id} scoring method`);
          if (file.scoring.method === 'sum') {
            assert.equal(instrument.scoring.min, file.scoring.min);
            assert.equal(instrument.scoring.max, file.scoring.max);
            assert.deepEqual(instrument.scoring.bands, file.scoring.bands, `${instrument.id} bands`);
          }
        }
        const cssrs = listed.find((i) => i.id === 'cssrs-screener');
        assert.deepEqual(cssrs.scoring.levels.map((l) => l.code), ['high', 'moderate', 'low', 'none'],
          'the rules levels, the "otherwise" level last');
        const intake = listed.find((i) => i.id === 'biopsychosocial-intake');
        assert.deepEqual(intake.scoring, { method: 'none' });
      });

      it('GET /instruments/{id} answers the definition as listed; an unknown id 404', async () => {
        const all = (await cm().get('/api/v1/instruments')).body.items;
        for (const id of ['phq-9', 'lace-index', 'cssrs-screener']) {
          const res = await cm().get(`/api/v1/instruments/${id}`);
          assertStatus(res, 200);
          assert.deepEqual(res.body, all.find((i) => i.id === id), id);
        }
        const phq = (await cm().get('/api/v1/instruments/phq-9')).body;
        assert.deepEqual(phq.scoring.bands.map((b) => [b.code, b.min, b.max]),
          [['minimal', 0, 4], ['mild', 5, 9], ['moderate', 10, 14], ['moderately-severe', 15, 19], ['severe', 20, 27]]);
        assertError(await cm().get('/api/v1/instruments/phq-10'), 404, 'not_found');
        assertError(await cm().get('/api/v1/instruments/PHQ-9'), 404, 'not_found');
      });
    });

    describe('POST /instruments/{id}/score', () => {
      it('partial answers answer complete:false with the running score; all answers complete:true', async () => {
        let res = await score('phq-9', { 'phq9-1': '2', 'phq9-2': '3' });
        assertStatus(res, 200);
        assert.deepEqual(sortedKeys(res.body), SCORE_KEYS);
        assert.equal(res.body.complete, false);
        assert.equal(res.body.score, 5);
        assert.equal(res.body.result, 'mild');
        assert.equal(res.body.result_display, bandOf('phq-9', 'mild').display);
        assert.deepEqual(res.body.answers, [
          { link_id: 'phq9-1', value: '2', display: 'More than half the days', points: 2 },
          { link_id: 'phq9-2', value: '3', display: 'Nearly every day', points: 3 },
        ]);
        assert.deepEqual(res.body.flags, []);

        res = await score('phq-9', {});
        assertStatus(res, 200);
        assert.equal(res.body.complete, false);
        assert.equal(res.body.score, 0);
        assert.deepEqual(res.body.answers, []);

        res = await score('phq-9', phq9([2, 3, 1, 0, 0, 0, 0, 1, 0], { 'phq9-difficulty': '1' }));
        assertStatus(res, 200);
        assert.equal(res.body.complete, true, 'every required item answered');
        assert.equal(res.body.score, 7);
        assert.equal(res.body.result, 'mild');
        const difficulty = res.body.answers.find((a) => a.link_id === 'phq9-difficulty');
        assert.deepEqual(difficulty, { link_id: 'phq9-difficulty', value: '1', display: 'Somewhat difficult', points: null },
          'the difficulty question is recorded, not scored');

        // A flag shows as soon as its answer is given.
        res = await score('phq-9', { 'phq9-9': '1' });
        assertStatus(res, 200);
        assert.equal(res.body.complete, false);
        assert.equal(res.body.score, 1);
        assert.deepEqual(res.body.flags, [flagOf('phq-9', 'phq9-item9')]);

        // Rules (C-SSRS): no total; the level of the answers so far.
        res = await score('cssrs-screener', { 'cssrs-1': true });
        assertStatus(res, 200);
        assert.equal(res.body.complete, false);
        assert.equal(res.body.score, null);
        assert.equal(res.body.result, 'low');
        assert.deepEqual(res.body.answers.map((a) => [a.link_id, a.value, a.points]), [['cssrs-1', 'true', 0]],
          'a boolean answer is kept as "true"');
        res = await score('lace-index', { 'lace-l': 14, 'lace-a': true });
        assertStatus(res, 200);
        assert.equal(res.body.complete, false);
        assert.equal(res.body.score, 10, 'L 14 days is 7 points (not 6), A yes 3');
        assert.equal(res.body.result, 'high');
        assert.deepEqual(res.body.flags, [flagOf('lace-index', 'lace-high')]);
      });

      it('the C-SSRS levels and their flag: high, moderate (behavior > 3 months ago), low, none', async () => {
        const rows = [['high', CSSRS.high, true], ['moderate', CSSRS.moderate, true], ['low', CSSRS.low, false],
          ['none', CSSRS.none, false]];
        for (const [level, answers, flagged] of rows) {
          const res = await score('cssrs-screener', answers);
          assertStatus(res, 200);
          assert.equal(res.body.complete, true, level);
          assert.equal(res.body.score, null, level);
          assert.equal(res.body.result, level);
          assert.deepEqual(res.body.flags, flagged ? [flagOf('cssrs-screener', 'cssrs-risk')] : [], level);
        }
      });

      it('an answer to an item skip logic does not ask answers 422 naming answers.<link_id>', async () => {
        // C-SSRS: 3, 4 and 5 only after a yes to 2; 6b only after a yes to 6.
        for (const [answers, field] of [
          [{ 'cssrs-1': true, 'cssrs-2': false, 'cssrs-3': true }, 'answers.cssrs-3'],
          [{ 'cssrs-1': true, 'cssrs-2': false, 'cssrs-3': false }, 'answers.cssrs-3'],
          [{ 'cssrs-2': false, 'cssrs-5': true }, 'answers.cssrs-5'],
          [{ 'cssrs-3': true }, 'answers.cssrs-3'],
          [{ 'cssrs-6': false, 'cssrs-6b': true }, 'answers.cssrs-6b'],
          // PHQ-9: the difficulty question only when some item is above 0.
          [phq9([0, 0, 0, 0, 0, 0, 0, 0, 0], { 'phq9-difficulty': '0' }), 'answers.phq9-difficulty'],
        ]) {
          const id = field.startsWith('answers.phq9') ? 'phq-9' : 'cssrs-screener';
          assertError(await score(id, answers), 422, 'invalid_argument', field);
        }
        // The same items are taken when they are asked.
        const asked = await score('cssrs-screener', { 'cssrs-1': true, 'cssrs-2': true, 'cssrs-3': true });
        assertStatus(asked, 200);
        assert.equal(asked.body.result, 'moderate');
        assertStatus(await score('phq-9', phq9([1, 0, 0, 0, 0, 0, 0, 0, 0], { 'phq9-difficulty': '0' })), 200);
      });

      it('unknown option codes, unknown items, headings and out-of-range numbers answer 422 naming the answer', async () => {
        for (const [id, answers, field] of [
          ['phq-9', { 'phq9-1': '4' }, 'answers.phq9-1'],
          ['phq-9', { 'phq9-1': 'several days' }, 'answers.phq9-1'],
          ['phq-9', { 'phq9-1': '' }, 'answers.phq9-1'],
          ['phq-9', { 'phq9-1': true }, 'answers.phq9-1'],
          ['cssrs-screener', { 'cssrs-1': 'maybe' }, 'answers.cssrs-1'],
          ['lace-index', { 'lace-l': 366 }, 'answers.lace-l'],
          ['lace-index', { 'lace-c': -1 }, 'answers.lace-c'],
          ['lace-index', { 'lace-e': 'four' }, 'answers.lace-e'],
          ['phq-9', { 'phq9-10': '1' }, 'answers.phq9-10'],
          ['phq-9', { 'phq9-intro': 'read' }, 'answers.phq9-intro'],
          ['phq-9', { 'cssrs-1': true }, 'answers.cssrs-1'],
        ]) {
          assertError(await score(id, answers), 422, 'invalid_argument', field);
        }
      });

      it('a float, null, list or object answer is 400 naming it; answers missing or not an object 400; unknown instrument 404', async () => {
        const post = (id, raw) => cm().request('POST', `/api/v1/instruments/${id}/score`, { raw });
        for (const [id, raw, field] of [
          ['lace-index', '{"answers":{"lace-l":1.5}}', 'answers.lace-l'],
          ['lace-index', '{"answers":{"lace-l":14.0}}', 'answers.lace-l'],
          ['phq-9', '{"answers":{"phq9-1":null}}', 'answers.phq9-1'],
          ['phq-9', '{"answers":{"phq9-1":["1"]}}', 'answers.phq9-1'],
          ['phq-9', '{"answers":{"phq9-1":{"code":"1"}}}', 'answers.phq9-1'],
          ['phq-9', '{}', 'answers'],
          ['phq-9', '{"answers":["1","2"]}', 'answers'],
          ['phq-9', '{"answers":"1"}', 'answers'],
        ]) {
          assertError(await post(id, raw), 400, 'malformed_request', field);
        }
        assertError(await cm().post('/api/v1/instruments/phq-9/score', { answers: {}, client_id: 'x' }), 400,
          'malformed_request');
        assertError(await score('no-such-instrument', {}), 404, 'not_found');
      });
    });

    describe('recording', () => {
      it('POST /clients/{id}/assessments answers 201 with the Assessment; GET /assessments/{id} and the list read it back', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const t0 = iso(Date.now());
        const answers = phq9([2, 1, 1, 1, 0, 0, 1, 0, 0], { 'phq9-difficulty': '2' });
        const res = await cm().post(`/api/v1/clients/${client.id}/assessments`,
          { instrument_id: 'phq-9', case_id: theCase.id, answers });
        assertStatus(res, 201);
        const a = res.body;
        assert.deepEqual(sortedKeys(a), ASSESSMENT_KEYS);
        assert.match(a.id, /^\S+$/);
        assert.equal(a.version, 1);
        assert.equal(a.client_id, client.id);
        assert.equal(a.case_id, theCase.id);
        assert.equal(a.instrument_id, 'phq-9');
        assert.equal(a.instrument_version, FILES['phq-9'].version);
        assert.equal(a.instrument_title, FILES['phq-9'].title);
        assert.equal(a.score, 6);
        assert.equal(a.result, 'mild');
        assert.equal(a.result_display, 'Mild depression');
        assert.deepEqual(a.flags, []);
        assert.equal(a.completed_by, ctx.users.cm.id);
        assert.match(a.completed_at, ISO_UTC);
        between(a.completed_at, t0, iso(Date.now() + 1000), 'completed_at');
        assert.equal(a.replaces_id, null);
        assert.equal(a.superseded_by, null);
        assert.deepEqual(a.answers.map((x) => x.link_id), [...PHQ9_ITEMS, 'phq9-difficulty'], 'in the form\'s order');
        for (const x of a.answers) assert.deepEqual(sortedKeys(x), ['display', 'link_id', 'points', 'value']);
        assert.deepEqual(a.answers[0], { link_id: 'phq9-1', value: '2', display: 'More than half the days', points: 2 });
        assert.deepEqual(a.answers.at(-1), { link_id: 'phq9-difficulty', value: '2', display: 'Very difficult', points: null });

        const read = await cm().get(`/api/v1/assessments/${a.id}`);
        assertStatus(read, 200);
        assert.deepEqual(read.body, a);
        assert.equal(read.headers.get('etag'), '"1"');
        assert.deepEqual(await assessmentsOf(client), [a]);
        assert.deepEqual(await assessmentsOf(client, 'phq-9'), [a]);
        assert.deepEqual(await assessmentsOf(client, 'gad-7'), []);

        // Without a case: case_id null. Integer and boolean answers are kept as text.
        const lace = await record(client, { instrument_id: 'lace-index', answers: LACE_LOW });
        assert.equal(lace.case_id, null);
        assert.deepEqual(lace.answers.map((x) => [x.link_id, x.value, x.points]),
          [['lace-l', '1', 1], ['lace-a', 'false', 0], ['lace-c', '0', 0], ['lace-e', '0', 0]]);
        assert.equal(lace.score, 1);
        assert.equal(lace.result, 'low');
        // Unscored instruments: score and result null.
        const intakeFile = FILES['biopsychosocial-intake'];
        const required = intakeFile.items.filter((i) => i.required && !i.enable_when);
        const intakeAnswers = Object.fromEntries(required.map((i) => [i.link_id,
          i.type === 'choice' ? i.options[0].code : i.type === 'boolean' ? false : 'Wants to stay at home.']));
        const intake = await record(client, { instrument_id: 'biopsychosocial-intake', answers: intakeAnswers });
        assert.equal(intake.score, null);
        assert.equal(intake.result, null);
        assert.deepEqual(intake.flags, []);
      });

      it('PHQ-9 band boundaries: 0 4 | 5 9 | 10 14 | 15 19 | 20 27 score and band as published', async () => {
        const client = await cy.newClient('cm');
        for (const [total, band] of [[0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'],
          [14, 'moderate'], [15, 'moderately-severe'], [19, 'moderately-severe'], [20, 'severe'], [24, 'severe']]) {
          const a = await record(client, { instrument_id: 'phq-9', answers: phq9Total(total) });
          assert.equal(a.score, total, `total ${total}`);
          assert.equal(a.result, band, `total ${total}`);
          assert.equal(a.result_display, bandOf('phq-9', band).display, `total ${total}`);
          assert.deepEqual(a.flags, [], `total ${total}: item 9 is 0`);
        }
        const top = await record(client, { instrument_id: 'phq-9', answers: phq9([3, 3, 3, 3, 3, 3, 3, 3, 3]) });
        assert.equal(top.score, 27);
        assert.equal(top.result, 'severe');
        assert.deepEqual(top.flags, [flagOf('phq-9', 'phq9-item9')]);
        assert.equal((await assessmentsOf(client, 'phq-9')).length, 11);
      });

      it('PHQ-9 item 9 above 0 flags phq9-item9 and makes exactly one urgent task each for the case manager and the supervisor', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const a = await record(client, { instrument_id: 'phq-9', case_id: theCase.id, answers: phq9([0, 1, 0, 0, 0, 0, 0, 0, 1]) });
        assert.equal(a.score, 2);
        assert.equal(a.result, 'minimal', 'the flag fires whatever the total');
        assert.deepEqual(a.flags, [flagOf('phq-9', 'phq9-item9')]);
        assert.equal(a.flags[0].code, 'phq9-item9');

        const [mine, ...moreMine] = await safetyTasks('cm', client);
        assert.ok(mine, 'the case manager has a safety_plan_review task');
        assert.deepEqual(moreMine, [], 'exactly one for the case manager');
        const [theirs, ...moreTheirs] = await safetyTasks('supervisor', client);
        assert.ok(theirs, 'the supervisor has a safety_plan_review task');
        assert.deepEqual(moreTheirs, [], 'exactly one for the supervisor');
        for (const [task, who] of [[mine, 'cm'], [theirs, 'supervisor']]) {
          assert.deepEqual(sortedKeys(task), TASK_KEYS, who);
          assert.equal(task.assignee_id, ctx.users[who].id, who);
          assert.equal(task.priority, 'urgent', who);
          assert.equal(task.status, 'open', who);
          assert.equal(task.rule, 'safety_plan_review', who);
          assert.equal(task.source_id, a.id, who);
          assert.equal(task.case_id, theCase.id, who);
          assert.equal(task.overdue, false, who);
          sameInstant(task.due_at, plus(a.completed_at, HOUR), `${who}'s task is due in 1 hour`);
        }
        assert.notEqual(mine.id, theirs.id);
        const entry = (await cy.owed('cm', { clientId: client.id })).find((i) => i.task_id === mine.id);
        assert.ok(entry, 'the task is on the case manager\'s worklist');
        assert.equal(entry.priority, 'urgent');

        // A correction (item 9 still above 0, twice over) repeats no task.
        const b = await correct(a, phq9([0, 1, 0, 0, 0, 0, 0, 0, 2]));
        assert.deepEqual(b.flags, [flagOf('phq-9', 'phq9-item9')]);
        const c = await correct(b, phq9([1, 1, 0, 0, 0, 0, 0, 0, 3]));
        assert.deepEqual(c.flags, [flagOf('phq-9', 'phq9-item9')]);
        assert.deepEqual((await safetyTasks('cm', client)).map((t) => t.id), [mine.id]);
        assert.deepEqual((await safetyTasks('supervisor', client)).map((t) => t.id), [theirs.id]);

        // Saving the safety plan closes both.
        const t0 = iso(Date.now());
        const plan = await cm().request('PUT', `/api/v1/clients/${client.id}/safety-plan`, { json: {
          warning_signs: ['Says she is a burden'], coping_steps: ['Call her sister'], contacts: ['Crisis line 988'],
          means_safety: 'Medications held by her daughter.',
        } });
        assertStatus(plan, 200);
        assert.deepEqual(await safetyTasks('cm', client), []);
        assert.deepEqual(await safetyTasks('supervisor', client), []);
        const [doneMine] = await safetyTasks('cm', client, 'done');
        const [doneTheirs] = await safetyTasks('supervisor', client, 'done');
        assert.equal(doneMine?.id, mine.id);
        assert.equal(doneTheirs?.id, theirs.id);
        for (const t of [doneMine, doneTheirs]) {
          assert.equal(t.status, 'done');
          assert.equal(t.completed_by, ctx.users.cm.id);
          between(t.completed_at, t0, iso(Date.now() + 1000), 'completed_at');
        }
        assert.equal((await cy.owed('cm', { clientId: client.id })).some((i) => i.task_id === mine.id), false);

        // A new assessment (a new chain) flags again.
        const again = await record(client, { instrument_id: 'phq-9', answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]) });
        const [next, ...none] = await safetyTasks('cm', client);
        assert.equal(next?.source_id, again.id);
        assert.deepEqual(none, []);
        assert.equal((await safetyTasks('supervisor', client)).length, 1);
      });

      it('a correction that brings the flag makes the tasks, once for the chain', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const a = await record(client, { instrument_id: 'phq-9', case_id: theCase.id, answers: phq9Total(4) });
        assert.deepEqual(a.flags, []);
        assert.deepEqual(await safetyTasks('cm', client), []);
        const b = await correct(a, phq9([1, 1, 1, 1, 0, 0, 0, 0, 1]));
        assert.deepEqual(b.flags, [flagOf('phq-9', 'phq9-item9')]);
        const mine = await safetyTasks('cm', client);
        const theirs = await safetyTasks('supervisor', client);
        assert.equal(mine.length, 1, JSON.stringify(mine));
        assert.equal(theirs.length, 1, JSON.stringify(theirs));
        sameInstant(mine[0].due_at, plus(b.completed_at, HOUR), 'due 1 hour after the correction');
        await correct(b, phq9([1, 1, 1, 1, 0, 0, 0, 0, 3]));
        assert.deepEqual((await safetyTasks('cm', client)).map((t) => t.id), [mine[0].id]);
        assert.deepEqual((await safetyTasks('supervisor', client)).map((t) => t.id), [theirs[0].id]);
      });

      it('C-SSRS high flags cssrs-risk with tasks for both; C-SSRS low flags nothing and makes no task', async () => {
        const high = await cy.newCase({ program });
        const h = await record(high.client, { instrument_id: 'cssrs-screener', case_id: high.theCase.id, answers: CSSRS.high });
        assert.equal(h.score, null);
        assert.equal(h.result, 'high');
        assert.equal(h.result_display, 'High risk');
        assert.deepEqual(h.flags, [flagOf('cssrs-screener', 'cssrs-risk')]);
        const mine = await safetyTasks('cm', high.client);
        const theirs = await safetyTasks('supervisor', high.client);
        assert.equal(mine.length, 1, JSON.stringify(mine));
        assert.equal(theirs.length, 1, JSON.stringify(theirs));
        for (const t of [...mine, ...theirs]) {
          assert.equal(t.priority, 'urgent');
          assert.equal(t.source_id, h.id);
          sameInstant(t.due_at, plus(h.completed_at, HOUR));
        }

        const low = await cy.newCase({ program });
        const l = await record(low.client, { instrument_id: 'cssrs-screener', case_id: low.theCase.id, answers: CSSRS.low });
        assert.equal(l.score, null);
        assert.equal(l.result, 'low');
        assert.deepEqual(l.flags, []);
        for (const who of ['cm', 'supervisor']) {
          for (const status of ['open', 'done']) assert.deepEqual(await safetyTasks(who, low.client, status), [], `${who} ${status}`);
        }
      });

      it('without a case_id the flag\'s tasks go to the manager of the client\'s open case', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const a = await record(client, { instrument_id: 'cssrs-screener', answers: CSSRS.moderate }, 'supervisor');
        assert.equal(a.case_id, null);
        assert.equal(a.completed_by, ctx.users.supervisor.id);
        assert.deepEqual(a.flags, [flagOf('cssrs-screener', 'cssrs-risk')]);
        const [mine] = await safetyTasks('cm', client);
        assert.ok(mine, 'the case manager of the open case has the task');
        assert.equal(mine.case_id, theCase.id);
        assert.equal((await safetyTasks('supervisor', client)).length, 1);
      });

      it('a required answer missing answers 422 naming it; nothing is stored and no task is made', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const kept = await record(client, { instrument_id: 'gad-7', answers: Object.fromEntries(
          FILES['gad-7'].items.filter((i) => i.required).map((i) => [i.link_id, '0'])) });
        const without = (answers, id) => Object.fromEntries(Object.entries(answers).filter(([k]) => k !== id));
        for (const [body, status, code, field] of [
          [{ instrument_id: 'phq-9', answers: without(phq9([1, 1, 1, 1, 1, 1, 1, 1, 3]), 'phq9-5') }, 422, 'invalid_argument',
            'answers.phq9-5'],
          [{ instrument_id: 'phq-9', case_id: theCase.id, answers: without(phq9([0, 0, 0, 0, 0, 0, 0, 0, 2]), 'phq9-1') }, 422,
            'invalid_argument', 'answers.phq9-1'],
          [{ instrument_id: 'cssrs-screener', answers: { 'cssrs-1': true, 'cssrs-2': true, 'cssrs-6': false } }, 422,
            'invalid_argument', 'answers.cssrs-3'],
          [{ instrument_id: 'cssrs-screener', answers: { 'cssrs-1': true, 'cssrs-2': false, 'cssrs-6': true } }, 422,
            'invalid_argument', 'answers.cssrs-6b'],
          [{ instrument_id: 'lace-index', answers: without(LACE_HIGH, 'lace-e') }, 422, 'invalid_argument', 'answers.lace-e'],
          [{ instrument_id: 'phq-9', answers: { ...phq9([0, 0, 0, 0, 0, 0, 0, 0, 3]), 'phq9-1': '9' } }, 422, 'invalid_argument',
            'answers.phq9-1'],
          [{ instrument_id: 'phq-9', answers: { ...phq9Total(3), 'phq9-2': 2.5 } }, 400, 'malformed_request', 'answers.phq9-2'],
          [{ instrument_id: 'phq-9' }, 400, 'malformed_request', 'answers'],
          [{ answers: phq9Total(3) }, 400, 'malformed_request', 'instrument_id'],
          [{ instrument_id: 'phq-10', answers: phq9Total(3) }, 404, 'not_found', 'instrument_id'],
        ]) {
          assertError(await cm().post(`/api/v1/clients/${client.id}/assessments`, body), status, code, field);
        }
        // A case that is not the client's.
        const other = await cy.newCase({ program });
        assertError(await cm().post(`/api/v1/clients/${client.id}/assessments`,
          { instrument_id: 'phq-9', case_id: other.theCase.id, answers: phq9Total(3) }), 422, 'invalid_argument', 'case_id');
        assert.deepEqual(await assessmentsOf(client), [kept], 'nothing stored');
        assert.deepEqual(await assessmentsOf(other.client), []);
        assert.deepEqual(await safetyTasks('cm', client), [], 'a refused assessment flags nothing');
        assert.deepEqual(await safetyTasks('supervisor', client), []);
      });

      it('the list is newest first and filters by instrument_id (one second apart)', async () => {
        const client = await cy.newClient('cm');
        const p1 = await record(client, { instrument_id: 'phq-9', answers: phq9Total(2) });
        await nextSecond();
        const g1 = await record(client, { instrument_id: 'gad-7', answers: Object.fromEntries(
          FILES['gad-7'].items.filter((i) => i.required).map((i) => [i.link_id, '1'])) });
        assert.equal(g1.score, 7);
        assert.equal(g1.result, 'mild');
        await nextSecond();
        const p2 = await record(client, { instrument_id: 'phq-9', answers: phq9Total(11) });
        assert.deepEqual((await assessmentsOf(client)).map((a) => a.id), [p2.id, g1.id, p1.id]);
        assert.deepEqual((await assessmentsOf(client, 'phq-9')).map((a) => a.id), [p2.id, p1.id]);
        assert.deepEqual((await assessmentsOf(client, 'gad-7')).map((a) => a.id), [g1.id]);
        assert.deepEqual(await assessmentsOf(client, 'katz-adl'), []);
      });

      /** Six PHQ-9 assessments of a new client, totals 0..5 in that order, as fast as they go (most share a second). */
      async function sixInARow() {
        const client = await cy.newClient('cm');
        const made = [];
        for (let n = 0; n < 6; n++) made.push(await record(client, { instrument_id: 'phq-9', answers: phq9Total(n) }));
        const seconds = new Set(made.map((a) => a.completed_at));
        assert.ok(seconds.size < made.length, `some share a second: ${[...seconds].join(', ')}`);
        return { client, made };
      }

      it('the list is newest first also for assessments recorded within the same second', async () => {
        const { client, made } = await sixInARow();
        const listed = (await assessmentsOf(client)).map((a) => [a.score, a.completed_at]);
        assert.deepEqual(listed, [...made].reverse().map((a) => [a.score, a.completed_at]),
          'recorded with totals 0..5 in that order; listed newest first');
      });

      it('the trend is oldest first also for assessments recorded within the same second', async () => {
        const { client } = await sixInARow();
        assert.deepEqual((await trend(client, 'phq-9')).map((p) => p.score), [0, 1, 2, 3, 4, 5]);
      });
    });

    describe('corrections', () => {
      it('POST /assessments/{id}/corrections answers 201 with a new assessment that replaces the old; the old names it', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const a = await record(client, { instrument_id: 'phq-9', case_id: theCase.id, answers: phq9Total(3) });
        const t0 = iso(Date.now());
        const res = await ctx.as('supervisor').post(`/api/v1/assessments/${a.id}/corrections`, { answers: phq9Total(12) });
        assertStatus(res, 201);
        const b = res.body;
        assert.deepEqual(sortedKeys(b), ASSESSMENT_KEYS);
        assert.notEqual(b.id, a.id);
        assert.equal(b.version, 1);
        assert.equal(b.replaces_id, a.id);
        assert.equal(b.superseded_by, null);
        assert.equal(b.client_id, client.id);
        assert.equal(b.case_id, theCase.id, 'the correction keeps the case');
        assert.equal(b.instrument_id, 'phq-9');
        assert.equal(b.instrument_version, a.instrument_version);
        assert.equal(b.score, 12);
        assert.equal(b.result, 'moderate');
        assert.equal(b.completed_by, ctx.users.supervisor.id);
        between(b.completed_at, t0, iso(Date.now() + 1000), 'completed_at');
        assert.deepEqual(await getAssessment(b.id), b);

        const old = await cm().get(`/api/v1/assessments/${a.id}`);
        assertStatus(old, 200);
        assert.equal(old.body.superseded_by, b.id);
        assert.ok(old.body.version > a.version, `the old one's version grows: ${old.body.version}`);
        assert.equal(old.headers.get('etag'), `"${old.body.version}"`);
        const { superseded_by: _s, version: _v, ...rest } = old.body;
        const { superseded_by: _s0, version: _v0, ...restBefore } = a;
        assert.deepEqual(rest, restBefore, 'nothing else of the old one changes');
        assert.deepEqual(byId(await assessmentsOf(client)), byId([b, old.body]));
      });

      it('correcting one that was corrected already answers 409 naming replaces_id; nothing changes; the newest can be', async () => {
        const client = await cy.newClient('cm');
        const a = await record(client, { instrument_id: 'lace-index', answers: LACE_LOW });
        const b = await correct(a, { ...LACE_LOW, 'lace-l': 3 });
        assert.equal(b.score, 3);
        const before_ = byId(await assessmentsOf(client));
        assertError(await cm().post(`/api/v1/assessments/${a.id}/corrections`, { answers: { ...LACE_LOW, 'lace-l': 5 } }), 409,
          'failed_precondition', 'replaces_id');
        assert.deepEqual(byId(await assessmentsOf(client)), before_, 'the refused correction stored nothing');
        // Bad answers, an unknown field or id: refused, nothing stored, the newest still open to correction.
        assertError(await cm().post(`/api/v1/assessments/${b.id}/corrections`, { answers: { 'lace-l': 3 } }), 422,
          'invalid_argument', 'answers.lace-a');
        assertError(await cm().post(`/api/v1/assessments/${b.id}/corrections`, { answers: { ...LACE_LOW, 'lace-l': 0.5 } }), 400,
          'malformed_request', 'answers.lace-l');
        assertError(await cm().post(`/api/v1/assessments/${b.id}/corrections`,
          { instrument_id: 'phq-9', answers: LACE_LOW }), 400, 'malformed_request', 'instrument_id');
        assertError(await cm().post(`/api/v1/assessments/${b.id}/corrections`, { answers: phq9Total(3) }), 422,
          'invalid_argument', 'answers.phq9-1');
        assertError(await cm().post('/api/v1/assessments/as_doesnotexist000000/corrections', { answers: LACE_LOW }), 404,
          'not_found');
        assert.deepEqual(byId(await assessmentsOf(client)), before_);
        const c = await correct(b, { ...LACE_LOW, 'lace-l': 4 });
        assert.equal(c.replaces_id, b.id);
        assert.equal(c.score, 4);
        assert.equal((await getAssessment(b.id)).superseded_by, c.id);
        assert.equal((await getAssessment(a.id)).superseded_by, b.id, 'the first link stays as it was');
        assertError(await cm().post(`/api/v1/assessments/${b.id}/corrections`, { answers: LACE_LOW }), 409,
          'failed_precondition', 'replaces_id');
      });

      it('the trend leaves out corrected assessments and is oldest first', async () => {
        const client = await cy.newClient('cm');
        const p1 = await record(client, { instrument_id: 'phq-9', answers: phq9Total(3) });
        await nextSecond();
        const p2 = await record(client, { instrument_id: 'phq-9', answers: phq9Total(16) });
        await nextSecond();
        const gad = await record(client, { instrument_id: 'gad-7', answers: Object.fromEntries(
          FILES['gad-7'].items.filter((i) => i.required).map((i) => [i.link_id, '2'])) });
        await nextSecond();
        const p1c = await correct(p1, phq9Total(6)); // p1 is replaced by p1c, now the newest
        await nextSecond();
        const p3 = await record(client, { instrument_id: 'phq-9', answers: phq9Total(21) });

        const points = await trend(client, 'phq-9');
        assert.deepEqual(points.map((p) => p.assessment_id), [p2.id, p1c.id, p3.id]);
        for (const [p, a] of [[points[0], p2], [points[1], p1c], [points[2], p3]]) {
          assert.deepEqual(p, { assessment_id: a.id, completed_at: a.completed_at, score: a.score, result: a.result,
            result_display: a.result_display });
        }
        assert.deepEqual(points.map((p) => [p.score, p.result]), [[16, 'moderately-severe'], [6, 'mild'], [21, 'severe']]);
        assert.deepEqual((await trend(client, 'gad-7')).map((p) => [p.assessment_id, p.score, p.result]),
          [[gad.id, 14, 'moderate']]);
        assert.deepEqual(await trend(client, 'katz-adl'), []);
        // The list keeps every assessment, the corrected one too.
        assert.deepEqual((await assessmentsOf(client, 'phq-9')).map((a) => a.id), [p3.id, p1c.id, p2.id, p1.id]);

        // Rule-scored: no score, the level.
        const rules = await cy.newClient('cm');
        const c = await record(rules, { instrument_id: 'cssrs-screener', answers: CSSRS.none });
        assert.deepEqual(await trend(rules, 'cssrs-screener'), [{ assessment_id: c.id, completed_at: c.completed_at,
          score: null, result: 'none', result_display: 'No risk identified' }]);
      });
    });

    describe('LACE and the post-discharge check-in', () => {
      it('a high LACE brings the open check-in forward to discharged_at + 24 h; task and clock item agree', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const d = await discharge(theCase, { discharged_at: ago({ hours: 30 }) });
        const task = await checkInTask(d);
        assert.ok(task, 'discharge made the check-in task');
        sameInstant(task.due_at, plus(d.discharged_at, 72 * HOUR), 'due 72 h after discharge at first');
        assert.equal(task.overdue, false);

        const lace = await record(client, { instrument_id: 'lace-index', answers: LACE_HIGH });
        assert.equal(lace.score, 19);
        assert.equal(lace.result, 'high');
        assert.deepEqual(lace.flags, [flagOf('lace-index', 'lace-high')]);

        const moved = await checkInTask(d);
        assert.equal(moved?.id, task.id, 'the same task, moved');
        sameInstant(moved.due_at, plus(d.discharged_at, 24 * HOUR), 'due early_check_in_hours (24) after discharge');
        assert.equal(moved.overdue, true, 'discharged 30 h ago: the early check-in is overdue');
        const [entry, ...more] = await cy.owedFor('cm', theCase.id, 'post_discharge_check_in');
        assert.ok(entry, 'the check-in is on the worklist');
        assert.deepEqual(more, []);
        sameInstant(entry.due_at, plus(d.discharged_at, 24 * HOUR), 'the worklist item agrees');
        assert.equal(entry.overdue, true);
        const due = (await cm().get(`/api/v1/clients/${client.id}/timeline`)).body.due
          .find((i) => i.rule === 'post_discharge_check_in' && i.record_id === d.id);
        assert.ok(due, 'the clock item is on the chart');
        sameInstant(due.due_at, plus(d.discharged_at, 24 * HOUR), 'the chart\'s clock item agrees');

        // A second high screen does not move it again.
        await record(client, { instrument_id: 'lace-index', answers: LACE_HIGH });
        sameInstant((await checkInTask(d)).due_at, plus(d.discharged_at, 24 * HOUR));
      });

      it('a low or moderate LACE changes nothing', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const d = await discharge(theCase, { discharged_at: ago({ hours: 30 }) });
        const task = await checkInTask(d);
        const low = await record(client, { instrument_id: 'lace-index', answers: LACE_LOW });
        assert.equal(low.result, 'low');
        assert.deepEqual(low.flags, []);
        const moderate = await record(client, { instrument_id: 'lace-index', answers: { ...LACE_LOW, 'lace-l': 14, 'lace-c': 2 } });
        assert.equal(moderate.score, 9);
        assert.equal(moderate.result, 'moderate');
        assert.deepEqual(moderate.flags, []);
        assert.deepEqual(await checkInTask(d), task, 'the task is as it was');
        const [entry] = await cy.owedFor('cm', theCase.id, 'post_discharge_check_in');
        sameInstant(entry.due_at, plus(d.discharged_at, 72 * HOUR));
        assert.equal(entry.overdue, false);
      });

      it('a discharge recorded after a recent high LACE starts with the early due time (the program\'s early_check_in_hours)', async () => {
        const early = await cy.newProgram('Care Transitions', { clock_rules: { early_check_in_hours: 12 } });
        const { client, theCase } = await cy.newCase({ program: early });
        const lace = await record(client, { instrument_id: 'lace-index', case_id: theCase.id,
          answers: { 'lace-l': 14, 'lace-a': true, 'lace-c': 0, 'lace-e': 0 } });
        assert.equal(lace.score, 10, 'the lower bound of high');
        assert.deepEqual(lace.flags, [flagOf('lace-index', 'lace-high')]);
        const d = await discharge(await cy.getCase('cm', theCase.id), { discharged_at: ago({ hours: 2 }) });
        const task = await checkInTask(d);
        assert.ok(task);
        sameInstant(task.due_at, plus(d.discharged_at, 12 * HOUR), 'due 12 h after discharge');
        const [entry] = await cy.owedFor('cm', theCase.id, 'post_discharge_check_in');
        sameInstant(entry.due_at, plus(d.discharged_at, 12 * HOUR), 'the worklist item agrees');
        assert.equal(entry.overdue, false);

        // Without such a screen, a discharge in the same program keeps the 72 h.
        const plain = await cy.newCase({ program: early });
        await record(plain.client, { instrument_id: 'lace-index', answers: LACE_LOW });
        const d2 = await discharge(plain.theCase, { discharged_at: ago({ hours: 2 }) });
        sameInstant((await checkInTask(d2)).due_at, plus(d2.discharged_at, 72 * HOUR));
      });
    });

    describe('access', () => {
      const fx = {};

      before(async () => {
        const { client, theCase } = await cy.newCase({ program });
        fx.client = client;
        fx.case = theCase;
        fx.assessment = await record(client, { instrument_id: 'phq-9', case_id: theCase.id, answers: phq9Total(7) });
      });

      async function snapshot() {
        return {
          list: byId(await assessmentsOf(fx.client)),
          one: await getAssessment(fx.assessment.id),
          trend: await trend(fx.client, 'phq-9'),
          tasks: byId(await cy.tasks('cm', 'open')),
          supervisorTasks: byId(await cy.tasks('supervisor', 'open')),
        };
      }

      function endpoints() {
        const c = fx.client.id;
        const a = fx.assessment.id;
        // A flagged PHQ-9 (item 9): a write that got through would also make tasks.
        const answers = phq9([1, 1, 1, 1, 1, 1, 1, 1, 2]);
        return [
          ['POST /clients/{id}/assessments', 'POST', `/api/v1/clients/${c}/assessments`,
            { instrument_id: 'phq-9', case_id: fx.case.id, answers }],
          ['GET /clients/{id}/assessments', 'GET', `/api/v1/clients/${c}/assessments`],
          ['GET /clients/{id}/assessments?instrument_id', 'GET', `/api/v1/clients/${c}/assessments?instrument_id=phq-9`],
          ['GET /clients/{id}/assessments/trend', 'GET', `/api/v1/clients/${c}/assessments/trend?instrument_id=phq-9`],
          ['GET /assessments/{id}', 'GET', `/api/v1/assessments/${a}`],
          ['POST /assessments/{id}/corrections', 'POST', `/api/v1/assessments/${a}/corrections`, { answers }],
        ];
      }

      const EXPECTED = {
        anonymous: 401,
        badToken: 401,
        cm2: 403, // a case manager who does not work with the client
        admin: 403,
        auditor: 403,
        director: 403, // never writes; reads only through break-the-glass
        otherCm: 404, // another organization's client and assessment
      };


      it('refuses every caller outside the record (401 / 403 / 404 with its error code), and nothing changes', async () => {
        const before_ = await snapshot();
        const { wrong, cells } = await askEveryCaller(ctx, EXPECTED, endpoints(), { undisclosed: fx.client.family_name });
        assert.equal(cells, 42);
        assert.deepEqual(await snapshot(), before_, 'no refused request changed anything');
        assert.deepEqual(wrong, [], `${wrong.length} of ${cells} cells answered wrongly`);
      });

      it('a case manager outside the client is told the client is not theirs', async () => {
        const res = await ctx.as('cm2').get(`/api/v1/assessments/${fx.assessment.id}`);
        assertError(res, 403, 'permission_denied');
        assert.equal(res.body.error.message, 'this client is not on your caseload or care team');
        assert.equal(res.text.includes(fx.client.family_name), false);
      });

      it('another organization\'s assessment id answers exactly like an unknown id', async () => {
        const theirs = await ctx.as('otherCm').get(`/api/v1/assessments/${fx.assessment.id}`);
        const unknown = await ctx.as('otherCm').get('/api/v1/assessments/as_doesnotexist000000');
        assertError(theirs, 404, 'not_found');
        assertError(unknown, 404, 'not_found');
        assert.equal(theirs.body.error.message, unknown.body.error.message);
        assert.equal(theirs.body.error.field, unknown.body.error.field);
      });

      it('instruments are for clinical roles: administrators and auditors 403, no session 401', async () => {
        for (const key of ['admin', 'auditor']) {
          assertError(await ctx.as(key).get('/api/v1/instruments'), 403, 'permission_denied');
          assertError(await ctx.as(key).get('/api/v1/instruments/phq-9'), 403, 'permission_denied');
          assertError(await ctx.as(key).post('/api/v1/instruments/phq-9/score', { answers: {} }), 403, 'permission_denied');
        }
        assertError(await ctx.anon.get('/api/v1/instruments'), 401, 'unauthenticated');
        assertError(await ctx.anon.post('/api/v1/instruments/phq-9/score', { answers: {} }), 401, 'unauthenticated');
        for (const key of ['cm', 'supervisor', 'cm2', 'otherCm']) assertStatus(await ctx.as(key).get('/api/v1/instruments'), 200);
      });

      it('the case manager\'s supervisor reads, records and corrects (the table is not refusing everyone)', async () => {
        const client = await cy.newClient('cm');
        const sup = ctx.as('supervisor');
        const a = await record(client, { instrument_id: 'gad-7', answers: Object.fromEntries(
          FILES['gad-7'].items.filter((i) => i.required).map((i) => [i.link_id, '0'])) }, 'supervisor');
        assertStatus(await sup.get(`/api/v1/assessments/${a.id}`), 200);
        assertStatus(await sup.get(`/api/v1/clients/${client.id}/assessments`), 200);
        assertStatus(await sup.get(`/api/v1/clients/${client.id}/assessments/trend?instrument_id=gad-7`), 200);
        assert.deepEqual(await assessmentsOf(client), [a], 'the case manager sees it');
        const b = await correct(a, Object.fromEntries(FILES['gad-7'].items.filter((i) => i.required).map((i) => [i.link_id, '1'])));
        assert.equal(b.score, 7);
      });
    });

    describe('audit trail', () => {
      async function trail(query) {
        const res = await ctx.as('auditor').get(`/api/v1/audit?${query}`);
        assertStatus(res, 200);
        return res.body.items;
      }

      it('recording and correcting leave assessment.create and assessment.correct entries', async () => {
        const { client, theCase } = await cy.newCase({ program });
        const a = await record(client, { instrument_id: 'phq-9', case_id: theCase.id, answers: phq9Total(5) });
        const b = await correct(a, phq9Total(8), 'supervisor');
        const [created, ...moreCreated] = await trail(`client_id=${client.id}&action=assessment.create`);
        assert.ok(created, 'an assessment.create entry');
        assert.deepEqual(moreCreated, []);
        assert.equal(created.user_id, ctx.users.cm.id);
        assert.equal(created.client_id, client.id);
        assert.equal(created.resource_type, 'assessment');
        assert.equal(created.resource_id, a.id);
        assert.equal(created.outcome, 'success');
        const [corrected, ...moreCorrected] = await trail(`client_id=${client.id}&action=assessment.correct`);
        assert.ok(corrected, 'an assessment.correct entry');
        assert.deepEqual(moreCorrected, []);
        assert.equal(corrected.user_id, ctx.users.supervisor.id);
        assert.equal(corrected.client_id, client.id);
        assert.equal(corrected.resource_type, 'assessment');
        assert.equal(corrected.resource_id, b.id);
        assert.equal(corrected.outcome, 'success');
        assert.ok(corrected.sequence > created.sequence);
      });

      it('reads are recorded, and a refused one is recorded as refused', async () => {
        const client = await cy.newClient('cm');
        const a = await record(client, { instrument_id: 'lace-index', answers: LACE_LOW });
        const newest = async () => (await trail(`client_id=${client.id}&limit=100`)).filter((e) => e.action !== 'audit.query');
        let seen = Math.max(...(await newest()).map((e) => e.sequence));
        for (const [name, urlPath] of [['GET /assessments/{id}', `/api/v1/assessments/${a.id}`],
          ['GET list', `/api/v1/clients/${client.id}/assessments`],
          ['GET trend', `/api/v1/clients/${client.id}/assessments/trend?instrument_id=lace-index`]]) {
          assertStatus(await cm().get(urlPath), 200);
          const entries = await newest();
          const found = entries.find((e) => e.sequence > seen && e.user_id === ctx.users.cm.id && e.outcome === 'success');
          assert.ok(found, `${name} left an entry (newest: ${entries.slice(0, 3).map((e) => e.action).join(', ')})`);
          seen = Math.max(...entries.map((e) => e.sequence));
        }
        // Refused: by id, the entry names the assessment; on the client's list, the client.
        assertError(await ctx.as('cm2').get(`/api/v1/assessments/${a.id}`), 403, 'permission_denied');
        const [byIdRefusal] = await trail(`action=access.refused&user_id=${ctx.users.cm2.id}`);
        assert.ok(byIdRefusal, 'the refusal is on the trail');
        assert.equal(byIdRefusal.outcome, 'refused');
        assert.equal(byIdRefusal.resource_id, a.id);
        assert.ok(byIdRefusal.sequence > seen);
        assertError(await ctx.as('cm2').post(`/api/v1/clients/${client.id}/assessments`,
          { instrument_id: 'lace-index', answers: LACE_HIGH }), 403, 'permission_denied');
        const [listRefusal] = await trail(`action=access.refused&user_id=${ctx.users.cm2.id}`);
        assert.ok(listRefusal.sequence > byIdRefusal.sequence, 'a second refusal entry');
        assert.equal(listRefusal.outcome, 'refused');
        assert.equal(listRefusal.client_id, client.id);
      });
    });
  });
}
