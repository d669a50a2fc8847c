// Progress notes: drafts, signing (then immutable), addenda, supervisor co-signature.
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kNoteColumns =
    "id, version, organization_id, client_id, case_id, author_id, contact_type, service_at, written_at, "
    "appointment_id, body, purpose, observations, interventions, client_response, plan, status, signed_at, late, "
    "cosign_required, cosigned_at, cosigned_by";

Note note_from_row(const SqlRow& row) {
  Note note;
  note.id = row.text(0);
  note.version = row.integer(1);
  note.organization_id = row.text(2);
  note.client_id = row.text(3);
  note.case_id = row.text(4);
  note.author_id = row.text(5);
  note.fields.contact_type = row.text(6);
  note.fields.service_at = row.text(7);
  note.written_at = row.text(8);
  note.fields.appointment_id = row.text(9);
  note.fields.body = row.text(10);
  note.fields.sections = {row.text(11), row.text(12), row.text(13), row.text(14), row.text(15)};
  note.status = row.text(16);
  note.signed_at = row.text(17);
  note.late = row.boolean(18);
  note.cosign_required = row.boolean(19);
  note.cosigned_at = row.text(20);
  note.cosigned_by = row.text(21);
  return note;
}

Result<void> load_addenda(SqlConnection& connection, std::vector<Note>& notes) {
  for (auto& note : notes) {
    const SqlValue params[] = {note.id};
    CB_TRY_ASSIGN(rows, connection.query("SELECT id, author_id, written_at, body FROM note_addenda WHERE note_id = ? "
                                         "ORDER BY position",
                                         params));
    for (const auto& row : rows) note.addenda.push_back({row.text(0), row.text(1), row.text(2), row.text(3)});
  }
  return {};
}

// The note and its case, when the actor may see them.
struct NoteAndCase {
  Note note;
  CaseRef record;
};

Result<NoteAndCase> load_note(SqlConnection& connection, const Actor& actor, Timestamp now, std::string_view note_id) {
  const SqlValue params[] = {std::string(note_id), actor.organization_id};
  CB_TRY_ASSIGN(
      found,
      query_one(connection, "SELECT " + std::string(kNoteColumns) + " FROM notes WHERE id = ? AND organization_id = ?",
                params, note_from_row));
  if (!found) return fail(not_found("note"));
  CB_TRY_ASSIGN(record, require_case_access(connection, actor, now, found->case_id));
  std::vector<Note> one{std::move(*found)};
  CB_TRY(load_addenda(connection, one));
  return NoteAndCase{std::move(one.front()), std::move(record)};
}

Result<bool> program_wants_cosign(SqlConnection& connection, std::string_view program_id) {
  const SqlValue params[] = {std::string(program_id)};
  CB_TRY_ASSIGN(rows, connection.query("SELECT notes_need_cosign FROM programs WHERE id = ?", params));
  return !rows.empty() && rows.front().boolean(0);
}

// Signs `note` in place (status, time, late flag, co-signature wanted) and, when a co-signature is
// wanted, gives the author's supervisor the task.
Result<void> apply_signature(SqlConnection& connection, const Actor& actor, const CaseRef& record, Note& note,
                             Timestamp now) {
  CB_TRY_ASSIGN(rules, program_clock_rules(connection, record.program_id));
  CB_TRY_ASSIGN(cosign, program_wants_cosign(connection, record.program_id));
  note.status = "signed";
  note.signed_at = format_timestamp(now);
  note.late = is_late_note(parse_timestamp(note.fields.service_at).value_or(now), now, rules.note_hours);
  note.cosign_required = cosign;
  if (cosign) {
    const SqlValue author[] = {note.author_id};
    CB_TRY_ASSIGN(rows, connection.query("SELECT supervisor_id FROM users WHERE id = ?", author));
    if (!rows.empty() && !rows.front().is_null(0)) {
      CB_TRY(create_rule_task(connection, actor, record, ClockRule::NoteCosign, note.id, "Co-sign a progress note",
                              now + std::chrono::hours(rules.note_hours), "normal", now, rows.front().text(0)));
    }
  }
  return {};
}

Result<void> save_note(SqlConnection& connection, const Note& note, std::int64_t expected_version) {
  const auto& f = note.fields;
  const auto& s = f.sections;
  const SqlValue params[] = {f.contact_type,
                             f.service_at,
                             text_or_null(f.appointment_id),
                             f.body,
                             text_or_null(s.purpose),
                             text_or_null(s.observations),
                             text_or_null(s.interventions),
                             text_or_null(s.client_response),
                             text_or_null(s.plan),
                             note.status,
                             text_or_null(note.signed_at),
                             std::int64_t{note.late ? 1 : 0},
                             std::int64_t{note.cosign_required ? 1 : 0},
                             text_or_null(note.cosigned_at),
                             text_or_null(note.cosigned_by),
                             note.version,
                             note.id,
                             expected_version};
  return expect_one_row(connection.execute("UPDATE notes SET contact_type = ?, service_at = ?, appointment_id = ?, "
                                           "body = ?, purpose = ?, observations = ?, interventions = ?, "
                                           "client_response = ?, plan = ?, status = ?, signed_at = ?, late = ?, "
                                           "cosign_required = ?, cosigned_at = ?, cosigned_by = ?, version = ? "
                                           "WHERE id = ? AND version = ?",
                                           params),
                        "note", expected_version);
}

Result<void> require_case_appointment(SqlConnection& connection, const CaseRef& record,
                                      std::string_view appointment_id) {
  if (appointment_id.empty()) return {};
  const SqlValue params[] = {std::string(appointment_id), record.id};
  CB_TRY_ASSIGN(rows, connection.query("SELECT 1 FROM appointments WHERE id = ? AND case_id = ?", params));
  if (rows.empty()) return fail(not_found("appointment of this case", "appointment_id"));
  return {};
}

// Loads a note for a change: at the expected version.
Result<NoteAndCase> note_for_change(SqlConnection& connection, const Actor& actor, Timestamp now,
                                    std::string_view note_id, std::int64_t expected_version) {
  CB_TRY_ASSIGN(found, load_note(connection, actor, now, note_id));
  if (found.note.version != expected_version) {
    return fail(stale_version("note", expected_version, found.note.version));
  }
  return found;
}

Result<void> require_author_of_draft(const Actor& actor, const Note& note) {
  if (note.author_id != actor.user_id) {
    return fail(ErrorCode::PermissionDenied, "only the note's author changes or signs it", "author_id");
  }
  if (note.status != "draft") {
    return fail(ErrorCode::FailedPrecondition, "a signed note cannot change; add an addendum", "status");
  }
  return {};
}

}  // namespace

Result<std::vector<Note>> SqlStore::list_notes(const Actor& actor, std::string_view client_id, Timestamp now) {
  return read_client_records<Note>(
      actor, client_id, now, "note.list", "note",
      [&](SqlConnection& connection, const std::string& case_filter) -> Result<std::vector<Note>> {
        const SqlValue params[] = {std::string(client_id), actor.organization_id};
        CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kNoteColumns) +
                                                 " FROM notes WHERE client_id = ? AND organization_id = ?" +
                                                 case_filter + " ORDER BY service_at DESC, id",
                                             params));
        std::vector<Note> notes;
        for (const auto& row : rows) notes.push_back(note_from_row(row));
        CB_TRY(load_addenda(connection, notes));
        return notes;
      });
}

Result<Note> SqlStore::create_note(const Actor& actor, std::string_view case_id, NoteFields fields, bool sign,
                                   Timestamp now) {
  Note note;
  note.id = security::random_id("nt");
  note.version = 1;
  note.organization_id = actor.organization_id;
  note.author_id = actor.user_id;
  note.fields = std::move(fields);
  note.written_at = format_timestamp(now);
  return write([&](SqlConnection& connection) -> Result<Note> {
    CB_TRY_ASSIGN(record, require_open_case(connection, actor, now, case_id));
    CB_TRY(require_case_appointment(connection, record, note.fields.appointment_id));
    note.client_id = record.client_id;
    note.case_id = record.id;
    const SqlValue params[] = {note.id,         note.organization_id,     note.client_id,         note.case_id,
                               note.author_id,  note.fields.contact_type, note.fields.service_at, note.written_at,
                               note.fields.body};
    CB_TRY(
        connection.execute("INSERT INTO notes (id, organization_id, client_id, case_id, author_id, contact_type, "
                           "service_at, written_at, body, status, version) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', 1)",
                           params));
    if (sign) CB_TRY(apply_signature(connection, actor, record, note, now));
    CB_TRY(save_note(connection, note, 1));
    CB_TRY(append_audit(connection, actor,
                        {sign ? "note.create_signed" : "note.create", "note", note.id, note.client_id}, now));
    return note;
  });
}

Result<Note> SqlStore::update_note(const Actor& actor, std::string_view note_id, std::int64_t expected_version,
                                   const Change<NoteFields>& change, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Note> {
    CB_TRY_ASSIGN(found, note_for_change(connection, actor, now, note_id, expected_version));
    CB_TRY(require_author_of_draft(actor, found.note));
    CB_TRY_ASSIGN(fields, change(found.note.fields));
    CB_TRY(require_case_appointment(connection, found.record, fields.appointment_id));
    Note note = std::move(found.note);
    note.fields = std::move(fields);
    note.version += 1;
    CB_TRY(save_note(connection, note, expected_version));
    CB_TRY(append_audit(connection, actor, {"note.update", "note", note.id, note.client_id}, now));
    return note;
  });
}

Result<Note> SqlStore::sign_note(const Actor& actor, std::string_view note_id, std::int64_t expected_version,
                                 Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Note> {
    CB_TRY_ASSIGN(found, note_for_change(connection, actor, now, note_id, expected_version));
    CB_TRY(require_author_of_draft(actor, found.note));
    Note note = std::move(found.note);
    CB_TRY(apply_signature(connection, actor, found.record, note, now));
    note.version += 1;
    CB_TRY(save_note(connection, note, expected_version));
    CB_TRY(append_audit(connection, actor, {"note.sign", "note", note.id, note.client_id}, now));
    return note;
  });
}

Result<Note> SqlStore::add_addendum(const Actor& actor, std::string_view note_id, std::string body, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Note> {
    CB_TRY_ASSIGN(found, load_note(connection, actor, now, note_id));
    if (found.note.status != "signed") {
      return fail(ErrorCode::FailedPrecondition, "a draft is edited, not amended; addenda are for signed notes",
                  "status");
    }
    NoteAddendum addendum{security::random_id("na"), actor.user_id, format_timestamp(now), std::move(body)};
    // The position orders addenda written in the same second. Two writers cannot take the same
    // one: the unique index refuses the second, whose transaction then fails and changes nothing.
    const SqlValue params[] = {addendum.id,        found.note.id,       found.note.id, actor.organization_id,
                               addendum.author_id, addendum.written_at, addendum.body};
    CB_TRY(
        connection.execute("INSERT INTO note_addenda (id, note_id, position, organization_id, author_id, "
                           "written_at, body) VALUES (?, ?, (SELECT COUNT(*) + 1 FROM note_addenda WHERE "
                           "note_id = ?), ?, ?, ?, ?)",
                           params));
    CB_TRY(append_audit(connection, actor, {"note.addendum", "note", found.note.id, found.note.client_id}, now));
    found.note.addenda.push_back(std::move(addendum));
    return std::move(found.note);
  });
}

Result<Note> SqlStore::cosign_note(const Actor& actor, std::string_view note_id, std::int64_t expected_version,
                                   Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Note> {
    CB_TRY_ASSIGN(found, note_for_change(connection, actor, now, note_id, expected_version));
    Note note = std::move(found.note);
    if (note.status != "signed" || !note.cosign_required || !note.cosigned_at.empty()) {
      return fail(ErrorCode::FailedPrecondition, "only a signed note awaiting co-signature can be co-signed", "status");
    }
    const SqlValue author[] = {note.author_id, actor.user_id};
    CB_TRY_ASSIGN(rows, connection.query("SELECT 1 FROM users WHERE id = ? AND supervisor_id = ?", author));
    if (rows.empty()) {
      return fail(ErrorCode::PermissionDenied, "only the author's supervisor co-signs the note", "cosigned_by");
    }
    note.cosigned_at = format_timestamp(now);
    note.cosigned_by = actor.user_id;
    note.version += 1;
    CB_TRY(save_note(connection, note, expected_version));
    CB_TRY(close_rule_task(connection, actor, ClockRule::NoteCosign, note.id, now));
    CB_TRY(append_audit(connection, actor, {"note.cosign", "note", note.id, note.client_id}, now));
    return note;
  });
}

}  // namespace caseboard::store
