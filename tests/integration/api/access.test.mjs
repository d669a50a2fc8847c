// Roles and organizations: who may read and write what, and that another organization's records
// are invisible (404, never found by search). A clinical user opens only the clients on their
// caseload or care team (access_matrix.test.mjs covers every endpoint × actor).

import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import { PASSWORD, api, assertError, assertStatus, backends, clientBody, listAll, login, useSuite } from './harness.mjs';

const ALL_USERS = ['cm', 'nurse', 'supervisor', 'director', 'admin', 'auditor', 'otherCm', 'otherAdmin'];
const NOT_YOURS = 'this client is not on your caseload or care team';

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ALL_USERS });
    const cm = () => ctx.as('cm');
    let client = null; // a client of the first organization, created by the case manager
    let contact = null;
    let program = null;
    let theCase = null;

    async function clientCount() {
      return (await listAll(cm(), '/api/v1/clients')).length;
    }

    before(async () => {
      const created = await cm().post('/api/v1/clients', clientBody());
      assertStatus(created, 201);
      client = created.body;
      const c = await cm().post(`/api/v1/clients/${client.id}/contacts`, { name: 'Rosa Lopez', relationship: 'child' });
      assertStatus(c, 201);
      contact = c.body;
      const p = await ctx.as('admin').post('/api/v1/programs', { name: `Care Transitions ${ctx.tag}`, description: 'CT' });
      assertStatus(p, 201);
      program = p.body;
      const k = await cm().post('/api/v1/cases', { client_id: client.id, program_id: program.id, case_manager_id: ctx.users.cm.id });
      assertStatus(k, 201);
      theCase = k.body;
    });

    for (const [role, label] of [['nurse', 'a nurse case manager'], ['supervisor', 'a supervisor']]) {
      it(`${label} registers a client (201) and opens it, its contacts and its case (200/201)`, async () => {
        const as = ctx.as(role);
        const created = await as.post('/api/v1/clients', clientBody());
        assertStatus(created, 201);
        const own = created.body;
        const read = await as.get(`/api/v1/clients/${own.id}`);
        assertStatus(read, 200);
        assert.deepEqual(read.body, own, 'the registrant opens the client it registered');
        const found = await as.get(`/api/v1/clients?q=${encodeURIComponent(own.family_name)}`);
        assertStatus(found, 200);
        assert.deepEqual(found.body.items, [{
          id: own.id, given_name: own.given_name, family_name: own.family_name,
          preferred_name: own.preferred_name, birth_date: own.birth_date, can_open: true,
        }]);
        const added = await as.post(`/api/v1/clients/${own.id}/contacts`, { name: 'Rosa Lopez', relationship: 'child' });
        assertStatus(added, 201);
        const contacts = await as.get(`/api/v1/clients/${own.id}/contacts`);
        assertStatus(contacts, 200);
        assert.deepEqual(contacts.body.items, [added.body]);
        const opened = await as.post('/api/v1/cases', { client_id: own.id, program_id: program.id, case_manager_id: ctx.users[role].id });
        assertStatus(opened, 201);
        const k = await as.get(`/api/v1/cases/${opened.body.id}`);
        assertStatus(k, 200);
        assert.deepEqual(k.body, opened.body);
      });

      it(`${label} who neither manages nor supervises the case manager's client is refused it (403); search shows it with can_open false`, async () => {
        const as = ctx.as(role);
        for (const res of [
          await as.get(`/api/v1/clients/${client.id}`),
          await as.patch(`/api/v1/clients/${client.id}`, { phone: '+1 555 0000' }, { ifMatch: 1 }),
          await as.get(`/api/v1/clients/${client.id}/contacts`),
          await as.post(`/api/v1/clients/${client.id}/contacts`, { name: 'X Y', relationship: 'friend' }),
          await as.get(`/api/v1/clients/${client.id}/cases`),
          await as.get(`/api/v1/cases/${theCase.id}`),
        ]) {
          assertError(res, 403, 'permission_denied');
          assert.equal(res.body.error.message, NOT_YOURS);
        }
        assertError(await as.post('/api/v1/cases', { client_id: client.id, program_id: program.id }), 403,
          'permission_denied', 'client_id');
        const listed = await as.get(`/api/v1/cases?client_id=${encodeURIComponent(client.id)}`);
        assertStatus(listed, 200);
        assert.deepEqual(listed.body.items, [], 'cases of a client the user may not open are left out');
        const found = await as.get(`/api/v1/clients?q=${encodeURIComponent(client.family_name)}`);
        assertStatus(found, 200);
        assert.deepEqual(found.body.items, [{
          id: client.id, given_name: client.given_name, family_name: client.family_name,
          preferred_name: client.preferred_name, birth_date: client.birth_date, can_open: false,
        }]);
        assert.deepEqual((await cm().get(`/api/v1/clients/${client.id}`)).body, client, 'the client is unchanged');
        assert.deepEqual((await cm().get(`/api/v1/clients/${client.id}/contacts`)).body.items, [contact],
          'no contact was added');
        const cases = await cm().get(`/api/v1/clients/${client.id}/cases`);
        assert.deepEqual(cases.body.items.map((i) => i.id), [theCase.id], 'no case was opened');
      });
    }

    it('a director finds clients as summaries (can_open false) but opens no record without a break-the-glass grant', async () => {
      const as = ctx.as('director');
      const found = await as.get(`/api/v1/clients?q=${encodeURIComponent(client.family_name)}`);
      assertStatus(found, 200);
      assert.deepEqual(found.body.items.map((i) => [i.id, i.can_open]), [[client.id, false]]);
      assertError(await as.get(`/api/v1/clients/${client.id}`), 403, 'permission_denied');
      assertError(await as.get(`/api/v1/clients/${client.id}/contacts`), 403, 'permission_denied');
      assertError(await as.get(`/api/v1/cases/${theCase.id}`), 403, 'permission_denied');
      assertError(await as.get(`/api/v1/clients/${client.id}/cases`), 403, 'permission_denied');
      const cases = await as.get(`/api/v1/cases?client_id=${encodeURIComponent(client.id)}`);
      assertStatus(cases, 200);
      assert.deepEqual(cases.body.items, []);
    });

    for (const [key, label] of [['admin', 'an administrator'], ['director', 'a director'], ['auditor', 'an auditor']]) {
      it(`${label} is refused every change to client records, contacts and cases with 403; nothing is created`, async () => {
        const as = ctx.as(key);
        const countBefore = await clientCount();
        if (key !== 'director') {
          // Directors may search summaries (above); administrators and auditors may not even do that.
          assertError(await as.get('/api/v1/clients'), 403, 'permission_denied');
          assertError(await as.get(`/api/v1/clients?q=${encodeURIComponent(client.family_name)}`), 403, 'permission_denied');
          assertError(await as.get(`/api/v1/cases?client_id=${encodeURIComponent(client.id)}`), 403, 'permission_denied');
        }
        assertError(await as.get(`/api/v1/clients/${client.id}`), 403, 'permission_denied');
        assertError(await as.post('/api/v1/clients', clientBody()), 403, 'permission_denied');
        assertError(await as.patch(`/api/v1/clients/${client.id}`, { phone: '+1 555 0000' }, { ifMatch: 1 }), 403, 'permission_denied');
        assertError(await as.get(`/api/v1/clients/${client.id}/contacts`), 403, 'permission_denied');
        assertError(await as.post(`/api/v1/clients/${client.id}/contacts`, { name: 'X Y', relationship: 'friend' }), 403, 'permission_denied');
        assertError(await as.get(`/api/v1/cases/${theCase.id}`), 403, 'permission_denied');
        assertError(await as.get(`/api/v1/clients/${client.id}/cases`), 403, 'permission_denied');
        assertError(await as.post('/api/v1/cases', { client_id: client.id, program_id: program.id }), 403, 'permission_denied');

        assert.equal(await clientCount(), countBefore, 'no client was created');
        const read = await cm().get(`/api/v1/clients/${client.id}`);
        assert.deepEqual(read.body, client, 'the client is unchanged');
        const contacts = await cm().get(`/api/v1/clients/${client.id}/contacts`);
        assert.deepEqual(contacts.body.items, [contact], 'no contact was added');
      });
    }

    for (const [key, label] of [['director', 'a director'], ['auditor', 'an auditor'], ['cm', 'a case manager']]) {
      it(`${label} reads programs (GET /programs 200 listing the organization's program)`, async () => {
        const res = await ctx.as(key).get('/api/v1/programs');
        assertStatus(res, 200);
        assert.ok(res.body.items.some((p) => p.id === program.id));
      });
    }

    it('a case manager is refused POST /programs and PATCH /programs/{id} (403); nothing changes', async () => {
      const name = `Forbidden Program ${ctx.tag}`;
      assertError(await cm().post('/api/v1/programs', { name, description: 'x' }), 403, 'permission_denied');
      assertError(await cm().patch(`/api/v1/programs/${program.id}`, { name: 'Renamed' }, { ifMatch: 1 }), 403, 'permission_denied');
      const list = await cm().get('/api/v1/programs');
      assertStatus(list, 200);
      assert.equal(list.body.items.some((p) => p.name === name), false, 'the program was not created');
      const read = await cm().get(`/api/v1/programs/${program.id}`);
      assert.deepEqual(read.body, program, 'the program is unchanged');
    });

    it('a case manager is refused POST /users and PATCH /users/{id} (403); the user is not created', async () => {
      const username = `sneaky_${ctx.tag}`;
      const res = await cm().post('/api/v1/users', {
        username, display_name: 'Sneaky Admin', role: 'administrator', password: PASSWORD,
      });
      assertError(res, 403, 'permission_denied');
      assertError(await cm().patch(`/api/v1/users/${ctx.users.cm.id}`, { role: 'administrator' }, { ifMatch: 1 }), 403, 'permission_denied');
      const users = await ctx.as('admin').get('/api/v1/users');
      assertStatus(users, 200);
      assert.equal(users.body.items.some((u) => u.username === username), false);
      assert.equal((await login(ctx.base, username, PASSWORD)).status, 401, 'the refused user cannot sign in');
      const me = await cm().get('/api/v1/me');
      assert.equal(me.body.role, 'case_manager', 'the case manager did not promote themself');
    });

    it('an administrator creates a user (201) who can then sign in; a short password is refused with 422', async () => {
      const username = `newcm_${ctx.tag}`;
      const res = await ctx.as('admin').post('/api/v1/users', {
        username, display_name: 'New Manager', role: 'case_manager', password: 'a-long-enough-password',
      });
      assertStatus(res, 201);
      assert.equal(res.body.username, username);
      assert.equal(res.body.role, 'case_manager');
      assert.equal(res.body.active, true);
      assert.equal(res.body.organization_id, ctx.users.admin.user.organization_id, 'created in the administrator\'s organization');
      assert.equal('password' in res.body, false);
      const signedIn = await login(ctx.base, username, 'a-long-enough-password');
      assert.equal(signedIn.status, 200);

      const short = await ctx.as('admin').post('/api/v1/users', {
        username: `short_${ctx.tag}`, display_name: 'Short Pw', role: 'case_manager', password: 'elevenchars',
      });
      assertError(short, 422, 'invalid_argument', 'password');
      assert.equal((await login(ctx.base, `short_${ctx.tag}`, 'elevenchars')).status, 401);
    });

    it('a case manager lists users of the organization (GET /users 200), filters by role, and reads one', async () => {
      const res = await cm().get('/api/v1/users');
      assertStatus(res, 200);
      const names = res.body.items.map((u) => u.username);
      for (const key of ['cm', 'nurse', 'supervisor', 'director', 'admin', 'auditor']) {
        assert.ok(names.includes(ctx.users[key].username), `lists ${key}`);
      }
      assert.equal(names.includes(ctx.users.otherCm.username), false, 'no user of another organization');
      for (const u of res.body.items) {
        for (const k of Object.keys(u)) assert.doesNotMatch(k, /password|hash|salt/i, `no secret field (${k})`);
      }
      const admins = await cm().get('/api/v1/users?role=administrator');
      assertStatus(admins, 200);
      assert.ok(admins.body.items.length >= 1);
      for (const u of admins.body.items) assert.equal(u.role, 'administrator');
      assert.ok(admins.body.items.some((u) => u.id === ctx.users.admin.id));
      const one = await cm().get(`/api/v1/users/${ctx.users.supervisor.id}`);
      assertStatus(one, 200);
      assert.equal(one.body.username, ctx.users.supervisor.username);
      assert.equal(one.body.role, 'supervisor');
    });

    describe('another organization', () => {
      const other = () => ctx.as('otherCm');

      it('its users belong to a different organization', () => {
        assert.notEqual(ctx.users.otherCm.user.organization_id, ctx.users.cm.user.organization_id);
      });

      it('GET /clients/{id} of the first organization answers 404 not_found (not 403)', async () => {
        assertError(await other().get(`/api/v1/clients/${client.id}`), 404, 'not_found');
      });

      it('search by name, birth date and identifier does not find the first organization\'s client', async () => {
        const byName = await other().get(`/api/v1/clients?q=${encodeURIComponent(client.family_name)}`);
        assertStatus(byName, 200);
        assert.deepEqual(byName.body.items, []);
        const ident = client.identifiers[0];
        const byIdent = await other().get(`/api/v1/clients?identifier=${encodeURIComponent(`${ident.type}:${ident.value}`)}`);
        assertStatus(byIdent, 200);
        assert.deepEqual(byIdent.body.items, []);
        const all = await listAll(other(), `/api/v1/clients?birth_date=${client.birth_date}`);
        assert.equal(all.some((i) => i.id === client.id), false);
      });

      it('PATCH, contacts, cases of the first organization\'s records answer 404 and change nothing', async () => {
        assertError(await other().patch(`/api/v1/clients/${client.id}`, { phone: '+1 555 0000' }, { ifMatch: 1 }), 404, 'not_found');
        assertError(await other().get(`/api/v1/clients/${client.id}/contacts`), 404, 'not_found');
        assertError(await other().post(`/api/v1/clients/${client.id}/contacts`, { name: 'X Y', relationship: 'friend' }), 404, 'not_found');
        assertError(await other().patch(`/api/v1/clients/${client.id}/contacts/${contact.id}`, { notes: 'x' }, { ifMatch: 1 }), 404, 'not_found');
        assertError(await other().del(`/api/v1/clients/${client.id}/contacts/${contact.id}`, { ifMatch: 1 }), 404, 'not_found');
        assertError(await other().get(`/api/v1/cases/${theCase.id}`), 404, 'not_found');
        assertError(await other().get(`/api/v1/clients/${client.id}/cases`), 404, 'not_found');
        assertError(await other().get(`/api/v1/programs/${program.id}`), 404, 'not_found');
        assertError(await other().get(`/api/v1/users/${ctx.users.cm.id}`), 404, 'not_found');
        const read = await cm().get(`/api/v1/clients/${client.id}`);
        assert.deepEqual(read.body, client);
        const contacts = await cm().get(`/api/v1/clients/${client.id}/contacts`);
        assert.deepEqual(contacts.body.items, [contact]);
      });

      it('its program list does not show the first organization\'s program', async () => {
        const res = await other().get('/api/v1/programs');
        assertStatus(res, 200);
        assert.equal(res.body.items.some((p) => p.id === program.id), false);
      });

      it('it may hold a client with the same identifier (uniqueness is per organization): 201', async () => {
        const res = await other().post('/api/v1/clients', clientBody({ identifiers: [client.identifiers[0]] }));
        assertStatus(res, 201);
        const mine = await cm().get(`/api/v1/clients?identifier=${encodeURIComponent(`${client.identifiers[0].type}:${client.identifiers[0].value}`)}`);
        assert.deepEqual(mine.body.items.map((i) => i.id), [client.id], 'the first organization still sees only its own');
      });

      it('its case manager cannot open a case for its own client in the first organization\'s program (404)', async () => {
        const own = await other().post('/api/v1/clients', clientBody());
        assertStatus(own, 201);
        const res = await other().post('/api/v1/cases', { client_id: own.body.id, program_id: program.id });
        assertError(res, 404, 'not_found');
      });

      it('its users list does not include the first organization\'s users', async () => {
        const res = await api(ctx.base, ctx.users.otherAdmin.token).get('/api/v1/users');
        assertStatus(res, 200);
        const names = res.body.items.map((u) => u.username);
        assert.ok(names.includes(ctx.users.otherCm.username));
        assert.equal(names.includes(ctx.users.cm.username), false);
      });
    });
  });
}
