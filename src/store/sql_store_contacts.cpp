// A client's support network.
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kContactColumns =
    "id, version, organization_id, client_id, name, relationship, phone, email, is_emergency_contact, disclosure, "
    "notes, created_at, updated_at";

Contact contact_from_row(const SqlRow& row) {
  Contact contact;
  contact.id = row.text(0);
  contact.version = row.integer(1);
  contact.organization_id = row.text(2);
  contact.client_id = row.text(3);
  contact.fields = {row.text(4), row.text(5), row.text(6), row.text(7), row.boolean(8), row.text(9), row.text(10)};
  contact.created_at = row.text(11);
  contact.updated_at = row.text(12);
  return contact;
}

Result<Contact> load_contact(SqlConnection& connection, const Actor& actor, Timestamp now, std::string_view client_id,
                             std::string_view contact_id) {
  CB_TRY(require_client_access(connection, actor, now, client_id));
  const SqlValue params[] = {std::string(contact_id), std::string(client_id), actor.organization_id};
  CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kContactColumns) +
                                           " FROM contacts WHERE id = ? AND client_id = ? AND organization_id = ?",
                                       params));
  if (rows.empty()) return fail(not_found("contact"));
  return contact_from_row(rows.front());
}

}  // namespace

Result<std::vector<Contact>> SqlStore::list_contacts(const Actor& actor, std::string_view client_id, Timestamp now) {
  std::string grant_reason;
  CB_TRY_ASSIGN(contacts, read([&](SqlConnection& connection) -> Result<std::vector<Contact>> {
                  CB_TRY_ASSIGN(reason, require_client_access(connection, actor, now, client_id));
                  grant_reason = std::move(reason);
                  const SqlValue params[] = {std::string(client_id), actor.organization_id};
                  CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kContactColumns) +
                                                           " FROM contacts WHERE client_id = ? AND organization_id = ? "
                                                           "ORDER BY is_emergency_contact DESC, name, id",
                                                       params));
                  std::vector<Contact> found;
                  for (const auto& row : rows) found.push_back(contact_from_row(row));
                  return found;
                }));
  CB_TRY(record_event(actor, {"contact.list", "contact", {}, client_id, "success", {}, grant_reason}, now));
  return contacts;
}

Result<Contact> SqlStore::create_contact(const Actor& actor, std::string_view client_id, ContactFields fields,
                                         Timestamp now) {
  Contact contact;
  contact.id = security::random_id("ct");
  contact.version = 1;
  contact.organization_id = actor.organization_id;
  contact.client_id = std::string(client_id);
  contact.fields = std::move(fields);
  contact.created_at = contact.updated_at = format_timestamp(now);
  return write([&](SqlConnection& connection) -> Result<Contact> {
    CB_TRY(require_client_access(connection, actor, now, client_id));
    const auto& f = contact.fields;
    const SqlValue params[] = {
        contact.id,        contact.organization_id, contact.client_id,     f.name,
        f.relationship,    text_or_null(f.phone),   text_or_null(f.email), std::int64_t{f.is_emergency_contact ? 1 : 0},
        f.disclosure,      text_or_null(f.notes),   std::int64_t{1},       contact.created_at,
        contact.updated_at};
    CB_TRY(
        connection.execute("INSERT INTO contacts (id, organization_id, client_id, name, relationship, phone, email, "
                           "is_emergency_contact, disclosure, notes, version, created_at, updated_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           params));
    CB_TRY(append_audit(connection, actor, {"contact.create", "contact", contact.id, contact.client_id}, now));
    return contact;
  });
}

Result<Contact> SqlStore::update_contact(const Actor& actor, std::string_view client_id, std::string_view contact_id,
                                         std::int64_t expected_version, const Change<ContactFields>& change,
                                         Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Contact> {
    CB_TRY_ASSIGN(contact, load_contact(connection, actor, now, client_id, contact_id));
    if (contact.version != expected_version) return fail(stale_version("contact", expected_version, contact.version));
    CB_TRY_ASSIGN(fields, change(contact.fields));
    contact.fields = std::move(fields);
    contact.version += 1;
    contact.updated_at = format_timestamp(now);
    const auto& f = contact.fields;
    const SqlValue params[] = {f.name,
                               f.relationship,
                               text_or_null(f.phone),
                               text_or_null(f.email),
                               std::int64_t{f.is_emergency_contact ? 1 : 0},
                               f.disclosure,
                               text_or_null(f.notes),
                               contact.version,
                               contact.updated_at,
                               contact.id,
                               expected_version};
    CB_TRY(expect_one_row(connection.execute("UPDATE contacts SET name = ?, relationship = ?, phone = ?, email = ?, "
                                             "is_emergency_contact = ?, disclosure = ?, notes = ?, version = ?, "
                                             "updated_at = ? WHERE id = ? AND version = ?",
                                             params),
                          "contact", expected_version));
    CB_TRY(append_audit(connection, actor, {"contact.update", "contact", contact.id, contact.client_id}, now));
    return contact;
  });
}

Result<void> SqlStore::delete_contact(const Actor& actor, std::string_view client_id, std::string_view contact_id,
                                      std::int64_t expected_version, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<void> {
    CB_TRY_ASSIGN(contact, load_contact(connection, actor, now, client_id, contact_id));
    if (contact.version != expected_version) return fail(stale_version("contact", expected_version, contact.version));
    const SqlValue params[] = {contact.id, expected_version};
    CB_TRY(expect_one_row(connection.execute("DELETE FROM contacts WHERE id = ? AND version = ?", params), "contact",
                          expected_version));
    CB_TRY(append_audit(connection, actor, {"contact.delete", "contact", contact.id, contact.client_id}, now));
    return {};
  });
}

}  // namespace caseboard::store
