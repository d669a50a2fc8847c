// Shared helpers of the case-cycle suites (referrals, worklist and tasks, notes, services,
// incidents and discharge, and their refusals): times relative to now, the records every one of
// them needs (programs with clock rules, supervision links, clients with a risk level, cases moved
// to a status), and reading what a user owes (the worklist).
//
// The clocks run in hours and days, so the suites never wait: they write records whose times lie
// in the past (a referral received 73 hours ago is already overdue).

import assert from 'node:assert/strict';
import { api, assertStatus, clientBody, letters } from './harness.mjs';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const REFUSAL_CODES = { 401: 'unauthenticated', 403: 'permission_denied', 404: 'not_found' };

/**
 * Runs a refusal table: every endpoint `[name, method, path, body, ifMatch, kind]` as every caller
 * of `expected` (`anonymous`, `badToken`, or a suite user). A caller's expectation is a status, or
 * an object of statuses by endpoint kind (a kind it lacks is not a cell). A cell is wrong when the
 * status or its error code differs, or when a 404 shows `undisclosed` (e.g. the client's name).
 * Returns the wrong cells, in words, and how many cells there were.
 */
export async function askEveryCaller(ctx, expected, endpoints, { undisclosed } = {}) {
  const caller = (key) => {
    if (key === 'anonymous') return api(ctx.base);
    if (key === 'badToken') return api(ctx.base, `not-a-token-${letters(24)}`);
    return ctx.as(key);
  };
  const wrong = [];
  let cells = 0;
  for (const [key, expectation] of Object.entries(expected)) {
    for (const [name, method, urlPath, body, ifMatch, kind] of endpoints) {
      const status = typeof expectation === 'number' ? expectation : expectation[kind];
      if (status === undefined) continue;
      cells++;
      const res = await caller(key).request(method, urlPath, { json: body, ifMatch });
      if (res.status !== status) {
        wrong.push(`${key} ${name}: ${res.status}, expected ${status} (${res.text.slice(0, 200)})`);
      } else if (res.body?.error?.code !== REFUSAL_CODES[status]) {
        wrong.push(`${key} ${name}: error.code ${res.body?.error?.code}, expected ${REFUSAL_CODES[status]}`);
      } else if (status === 404 && undisclosed && res.text.includes(undisclosed)) {
        wrong.push(`${key} ${name}: the 404 discloses ${undisclosed}`);
      }
    }
  }
  return { wrong, cells };
}

/** An instant as the API writes it: UTC, whole seconds, `Z`. */
export function iso(ms) {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The instant `hours`, `minutes` and `days` before now. */
export function ago({ days = 0, hours = 0, minutes = 0 } = {}) {
  return iso(Date.now() - days * DAY - hours * HOUR - minutes * MINUTE);
}

/** The instant `hours`, `minutes` and `days` after now. */
export function ahead({ days = 0, hours = 0, minutes = 0 } = {}) {
  return iso(Date.now() + days * DAY + hours * HOUR + minutes * MINUTE);
}

/** `time` moved by `ms` (whole seconds stay whole; fractions the server wrote are kept). */
export function plus(time, ms) {
  return new Date(Date.parse(time) + ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** Asserts two API times name the same instant (the server may or may not write fractions). */
export function sameInstant(actual, expected, what = 'time') {
  assert.equal(typeof actual, 'string', `${what} is a time string, got ${JSON.stringify(actual)}`);
  assert.ok(!Number.isNaN(Date.parse(actual)), `${what} parses: ${actual}`);
  assert.equal(Date.parse(actual), Date.parse(expected), `${what}: ${actual}, expected ${expected}`);
}

/** Asserts `actual` lies within [from, to] (inclusive; whole-second slack either side). */
export function between(actual, from, to, what = 'time') {
  const t = Date.parse(actual);
  assert.ok(!Number.isNaN(t), `${what} parses: ${actual}`);
  assert.ok(t >= Date.parse(from) - 1000 && t <= Date.parse(to) + 1000, `${what} ${actual} lies in [${from}, ${to}]`);
}

export function sortedKeys(obj) {
  return Object.keys(obj).sort();
}

export const CLOCK_ITEM_KEYS = ['case_id', 'client_id', 'due_at', 'overdue', 'record_id', 'rule', 'started_at', 'title'];

export const WORKLIST_ITEM_KEYS = ['assignee_id', 'assignee_name', 'case_id', 'client_id', 'client_name', 'client_risk',
  'due_at', 'kind', 'overdue', 'priority', 'record_id', 'rule', 'task_id', 'task_version', 'title'];

export const TASK_KEYS = ['assignee_id', 'case_id', 'client_id', 'completed_at', 'completed_by', 'created_at', 'created_by',
  'details', 'due_at', 'id', 'overdue', 'priority', 'rule', 'source_id', 'status', 'title', 'version'];

export const CLOCK_RULE_DEFAULTS = {
  first_contact_hours: 72,
  referral_follow_up_hours: 48,
  note_hours: 24,
  incident_hours: 4,
  plan_review_days: 30,
  event_review_days: 7,
  check_in_hours: 72,
  early_check_in_hours: 24,
  eligibility_days: 90,
};

/** A valid POST /cases/{id}/discharge body. */
export function dischargeBody(overrides = {}) {
  return {
    destination: 'home_with_aide',
    services_arranged: 'Home health aide three mornings a week; meals on wheels',
    family_education_done: true,
    ...overrides,
  };
}

/**
 * Every item of a list endpoint: follows `next_cursor` when the answer carries one (the case-cycle
 * lists are documented as `{"items": [...]}`; some may page like the other lists).
 */
export async function allItems(as, urlPath) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < 100; page++) {
    let url = urlPath;
    if (cursor) url += `${urlPath.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
    const res = await as.get(url);
    assertStatus(res, 200);
    assert.ok(Array.isArray(res.body.items), `${urlPath}: items is an array`);
    items.push(...res.body.items);
    cursor = res.body.next_cursor ?? null;
    if (cursor === null) return items;
    assert.equal(typeof cursor, 'string', 'next_cursor is a string or null');
  }
  throw new Error(`${urlPath}: more than 100 pages`);
}

/**
 * The fixtures of one suite, bound to its context (`ctx` from useSuite, whose users must include
 * `admin` for programs and supervision links).
 */
export function cycle(ctx) {
  /** Makes `staffKey`'s supervisor `supervisorKey`, as the administrator (If-Match). */
  async function supervise(staffKey, supervisorKey) {
    const admin = ctx.as('admin');
    const staff = ctx.users[staffKey];
    const current = await admin.get(`/api/v1/users/${staff.id}`);
    assertStatus(current, 200);
    const res = await admin.patch(`/api/v1/users/${staff.id}`, { supervisor_id: ctx.users[supervisorKey].id },
      { ifMatch: current.body.version });
    assertStatus(res, 200);
    assert.equal(res.body.supervisor_id, ctx.users[supervisorKey].id);
  }

  /** Changes a program's clock rules and/or co-sign setting (administrator, If-Match). */
  async function configure(program, settings) {
    const current = await ctx.as('admin').get(`/api/v1/programs/${program.id}`);
    assertStatus(current, 200);
    const res = await ctx.as('admin').patch(`/api/v1/programs/${program.id}`, settings, { ifMatch: current.body.version });
    assertStatus(res, 200);
    if (settings.clock_rules) {
      for (const [rule, value] of Object.entries(settings.clock_rules)) assert.equal(res.body.clock_rules[rule], value, rule);
    }
    if (settings.notes_need_cosign !== undefined) assert.equal(res.body.notes_need_cosign, settings.notes_need_cosign);
    return res.body;
  }

  /** A new program (administrator), optionally with clock rules / co-sign set at once. */
  async function newProgram(name, settings = null) {
    const res = await ctx.as('admin').post('/api/v1/programs', { name: `${name} ${ctx.tag}`, description: name });
    assertStatus(res, 201);
    return settings ? configure(res.body, settings) : res.body;
  }

  /** A client registered by `as` (a user key); `overrides` may set `risk_level`. */
  async function newClient(as = 'cm', overrides = {}) {
    const res = await ctx.as(as).post('/api/v1/clients', clientBody(overrides));
    assertStatus(res, 201);
    return res.body;
  }

  /** Moves a case along the given statuses by transitions; answers the last Case. */
  async function moveCase(theCase, statuses, as = 'cm') {
    let c = theCase;
    for (const to of statuses) {
      const res = await ctx.as(as).post(`/api/v1/cases/${c.id}/transitions`, { to }, { ifMatch: c.version });
      assertStatus(res, 200);
      assert.equal(res.body.status, to);
      c = res.body;
    }
    return c;
  }

  const PATH = { referred: [], intake: ['intake'], active: ['intake', 'active'] };

  /**
   * A case of `client` (a new client of `as` when not given) in `program`, managed by `as`, moved
   * to `status` (referred, intake or active). Answers {client, theCase}.
   */
  async function newCase({ as = 'cm', program, client = null, status = 'active', risk = undefined } = {}) {
    assert.ok(program, 'newCase needs a program');
    const c = client ?? await newClient(as, risk ? { risk_level: risk } : {});
    const res = await ctx.as(as).post('/api/v1/cases',
      { client_id: c.id, program_id: program.id, case_manager_id: ctx.users[as].id });
    assertStatus(res, 201);
    const theCase = await moveCase(res.body, PATH[status], as);
    return { client: c, theCase };
  }

  async function getCase(as, id) {
    const res = await ctx.as(as).get(`/api/v1/cases/${id}`);
    assertStatus(res, 200);
    return res.body;
  }

  /** Logs a referral (as `as`, default cm) for `client` in `program`. */
  async function newReferral({ as = 'cm', client, program, ...fields }) {
    const res = await ctx.as(as).post('/api/v1/referrals', {
      client_id: client.id,
      program_id: program.id,
      source: 'hospital',
      referrer_name: 'Dr. Ortega, St. Mary discharge planning',
      reason: 'Discharged after a fall; lives alone.',
      ...fields,
    });
    assertStatus(res, 201);
    return res.body;
  }

  async function getReferral(as, id) {
    const res = await ctx.as(as).get(`/api/v1/referrals/${id}`);
    assertStatus(res, 200);
    return res.body;
  }

  /** Triages (supervisor) then assigns a referral to `caseManager`; answers the assigned Referral. */
  async function assignReferral(referral, caseManager = 'cm', supervisor = 'supervisor') {
    const sup = ctx.as(supervisor);
    let r = referral;
    if (r.status === 'new') {
      const triaged = await sup.post(`/api/v1/referrals/${r.id}/triage`,
        { priority: 'urgent', triage_note: 'Lives alone, recent fall.' }, { ifMatch: r.version });
      assertStatus(triaged, 200);
      r = triaged.body;
    }
    const assigned = await sup.post(`/api/v1/referrals/${r.id}/assignment`,
      { case_manager_id: ctx.users[caseManager].id }, { ifMatch: r.version });
    assertStatus(assigned, 200);
    assert.equal(assigned.body.status, 'assigned');
    return assigned.body;
  }

  /** The signed-in user's worklist answer {as_of, items}. */
  async function worklist(as = 'cm') {
    const res = await ctx.as(as).get('/api/v1/worklist');
    assertStatus(res, 200);
    assert.ok(Array.isArray(res.body.items), 'worklist items is an array');
    return res.body;
  }

  /** The worklist entries of one case (or client, with `{client: id}`). */
  async function owed(as, { caseId, clientId }) {
    const { items } = await worklist(as);
    return items.filter((i) => (caseId ? i.case_id === caseId : true) && (clientId ? i.client_id === clientId : true));
  }

  /** The worklist entries of one case for one rule. */
  async function owedFor(as, caseId, rule) {
    return (await owed(as, { caseId })).filter((i) => i.rule === rule);
  }

  /** The user's tasks with a status (open, done, cancelled). */
  async function tasks(as, status = 'open') {
    return allItems(ctx.as(as), `/api/v1/tasks?status=${status}`);
  }

  return {
    supervise, configure, newProgram, newClient, moveCase, newCase, getCase, newReferral, getReferral,
    assignReferral, worklist, owed, owedFor, tasks,
  };
}
