// Contacts (a client's support network): add, list, update with If-Match, delete, validation.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ISO_UTC, assertError, assertStatus, backends, clientBody, useSuite } from './harness.mjs';

const CONTACT_KEYS = ['client_id', 'created_at', 'disclosure', 'email', 'id', 'is_emergency_contact', 'name',
  'notes', 'phone', 'relationship', 'updated_at', 'version'];

function contactBody(overrides = {}) {
  return {
    name: 'Rosa Lopez',
    relationship: 'child',
    phone: '+1 555 0142',
    email: 'rosa@example.org',
    is_emergency_contact: true,
    disclosure: 'logistics',
    notes: 'Drives her to appointments on Tuesdays.',
    ...overrides,
  };
}

for (const backend of backends()) {
  describe(backend.name, backend.options, () => {
    const ctx = useSuite(backend, { users: ['cm'] });
    const cm = () => ctx.as('cm');

    async function newClient() {
      const res = await cm().post('/api/v1/clients', clientBody());
      assertStatus(res, 201);
      return res.body;
    }

    async function addContact(clientId, overrides) {
      const res = await cm().post(`/api/v1/clients/${clientId}/contacts`, contactBody(overrides));
      assertStatus(res, 201);
      return res.body;
    }

    async function listContacts(clientId) {
      const res = await cm().get(`/api/v1/clients/${clientId}/contacts`);
      assertStatus(res, 200);
      assert.ok(Array.isArray(res.body.items));
      return res.body.items;
    }

    it('POST /clients/{id}/contacts answers 201 with the Contact at version 1, tied to the client', async () => {
      const client = await newClient();
      const body = contactBody();
      const res = await cm().post(`/api/v1/clients/${client.id}/contacts`, body);
      assertStatus(res, 201);
      const c = res.body;
      assert.deepEqual(Object.keys(c).sort(), CONTACT_KEYS);
      assert.equal(typeof c.id, 'string');
      assert.doesNotMatch(c.id, /^\d+$/);
      assert.equal(c.version, 1);
      assert.equal(c.client_id, client.id);
      for (const key of Object.keys(body)) assert.deepEqual(c[key], body[key], `field ${key} is echoed`);
      assert.match(c.created_at, ISO_UTC);
      assert.match(c.updated_at, ISO_UTC);
    });

    it('disclosure defaults to "none" when not sent', async () => {
      const client = await newClient();
      const body = contactBody();
      delete body.disclosure;
      const res = await cm().post(`/api/v1/clients/${client.id}/contacts`, body);
      assertStatus(res, 201);
      assert.equal(res.body.disclosure, 'none');
    });

    it('GET /clients/{id}/contacts lists exactly that client\'s contacts', async () => {
      const client = await newClient();
      const other = await newClient();
      const a = await addContact(client.id, { name: 'Rosa Lopez', relationship: 'child' });
      const b = await addContact(client.id, { name: 'Luis Lopez', relationship: 'spouse', is_emergency_contact: false, disclosure: 'full' });
      await addContact(other.id, { name: 'Somebody Else' });

      const items = await listContacts(client.id);
      assert.deepEqual(items.map((i) => i.id).sort(), [a.id, b.id].sort());
      const luis = items.find((i) => i.id === b.id);
      assert.deepEqual(luis, b, 'the listed contact equals the created one');
      assert.deepEqual(await listContacts((await newClient()).id), [], 'a client without contacts lists none');
    });

    it('PATCH a contact with If-Match "1" answers 200 at version 2 and the change is listed', async () => {
      const client = await newClient();
      const contact = await addContact(client.id, { disclosure: 'logistics' });
      const res = await cm().patch(`/api/v1/clients/${client.id}/contacts/${contact.id}`,
        { disclosure: 'general', phone: '+1 555 0143' }, { ifMatch: 1 });
      assertStatus(res, 200);
      assert.equal(res.body.version, 2);
      assert.equal(res.body.disclosure, 'general');
      assert.equal(res.body.phone, '+1 555 0143');
      assert.equal(res.body.name, contact.name, 'fields not sent are kept');
      const listed = (await listContacts(client.id)).find((i) => i.id === contact.id);
      assert.equal(listed.version, 2);
      assert.equal(listed.disclosure, 'general');
    });

    it('PATCH a contact with a stale If-Match answers 412 aborted and changes nothing', async () => {
      const client = await newClient();
      const contact = await addContact(client.id);
      assertStatus(await cm().patch(`/api/v1/clients/${client.id}/contacts/${contact.id}`, { notes: 'v2' }, { ifMatch: 1 }), 200);
      const before = (await listContacts(client.id)).find((i) => i.id === contact.id);
      const res = await cm().patch(`/api/v1/clients/${client.id}/contacts/${contact.id}`, { notes: 'stale' }, { ifMatch: 1 });
      assertError(res, 412, 'aborted');
      const after = (await listContacts(client.id)).find((i) => i.id === contact.id);
      assert.deepEqual(after, before);
      assert.equal(after.notes, 'v2');
    });

    it('PATCH a contact without If-Match answers 428 precondition_required and changes nothing', async () => {
      const client = await newClient();
      const contact = await addContact(client.id);
      const res = await cm().patch(`/api/v1/clients/${client.id}/contacts/${contact.id}`, { notes: 'no version' });
      assertError(res, 428, 'precondition_required');
      assert.deepEqual((await listContacts(client.id)).find((i) => i.id === contact.id), contact);
    });

    it('DELETE a contact needs If-Match (428 without, 412 stale), then answers 204 and it is gone', async () => {
      const client = await newClient();
      const keep = await addContact(client.id, { name: 'Keep Me' });
      const gone = await addContact(client.id, { name: 'Delete Me' });
      const url = `/api/v1/clients/${client.id}/contacts/${gone.id}`;

      assertError(await cm().del(url), 428, 'precondition_required');
      assertError(await cm().del(url, { ifMatch: 2 }), 412, 'aborted');
      assert.equal((await listContacts(client.id)).length, 2, 'refused deletes remove nothing');

      const res = await cm().del(url, { ifMatch: 1 });
      assertStatus(res, 204);
      assert.equal(res.text, '');
      const items = await listContacts(client.id);
      assert.deepEqual(items.map((i) => i.id), [keep.id]);

      assertError(await cm().del(url, { ifMatch: 1 }), 404, 'not_found');
      assertError(await cm().patch(url, { notes: 'x' }, { ifMatch: 1 }), 404, 'not_found');
    });

    it('relationship "daughter" (not in the list) answers 422 invalid_argument naming relationship; nothing is added', async () => {
      const client = await newClient();
      await addContact(client.id);
      const res = await cm().post(`/api/v1/clients/${client.id}/contacts`, contactBody({ relationship: 'daughter' }));
      assertError(res, 422, 'invalid_argument', 'relationship');
      assert.equal((await listContacts(client.id)).length, 1);
    });

    it('disclosure "everything" answers 422 invalid_argument naming disclosure; nothing is added', async () => {
      const client = await newClient();
      const res = await cm().post(`/api/v1/clients/${client.id}/contacts`, contactBody({ disclosure: 'everything' }));
      assertError(res, 422, 'invalid_argument', 'disclosure');
      assert.deepEqual(await listContacts(client.id), []);
    });

    it('PATCH with a bad disclosure answers 422 naming disclosure and the contact is unchanged', async () => {
      const client = await newClient();
      const contact = await addContact(client.id, { disclosure: 'logistics' });
      const res = await cm().patch(`/api/v1/clients/${client.id}/contacts/${contact.id}`,
        { disclosure: 'all', notes: 'changed' }, { ifMatch: 1 });
      assertError(res, 422, 'invalid_argument', 'disclosure');
      assert.deepEqual((await listContacts(client.id)).find((i) => i.id === contact.id), contact);
    });

    it('a contact body with is_emergency_contact: "yes" answers 400 malformed_request naming it', async () => {
      const client = await newClient();
      const res = await cm().post(`/api/v1/clients/${client.id}/contacts`, contactBody({ is_emergency_contact: 'yes' }));
      assertError(res, 400, 'malformed_request', 'is_emergency_contact');
      assert.deepEqual(await listContacts(client.id), []);
    });

    it('contacts of an unknown client: GET and POST answer 404 not_found', async () => {
      assertError(await cm().get('/api/v1/clients/cl_doesnotexist0000/contacts'), 404, 'not_found');
      assertError(await cm().post('/api/v1/clients/cl_doesnotexist0000/contacts', contactBody()), 404, 'not_found');
    });

    it('a contact addressed under another client\'s id answers 404 and is unchanged', async () => {
      const owner = await newClient();
      const stranger = await newClient();
      const contact = await addContact(owner.id);
      const url = `/api/v1/clients/${stranger.id}/contacts/${contact.id}`;
      assertError(await cm().patch(url, { notes: 'wrong client' }, { ifMatch: 1 }), 404, 'not_found');
      assertError(await cm().del(url, { ifMatch: 1 }), 404, 'not_found');
      assert.deepEqual(await listContacts(owner.id), [contact]);
    });
  });
}
