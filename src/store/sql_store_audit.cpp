// The audit trail: appending to the hash chain, reading it for auditors, and verifying it.
#include <charconv>

#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kAuditColumns =
    "sequence, at, organization_id, user_id, action, resource_type, resource_id, client_id, outcome, "
    "source_address, request_id, detail, break_glass_reason, hash";

AuditEvent event_from_row(const SqlRow& row) {
  AuditEvent event;
  event.sequence = row.integer(0);
  event.at = row.text(1);
  event.organization_id = row.text(2);
  event.user_id = row.text(3);
  event.action = row.text(4);
  event.resource_type = row.text(5);
  event.resource_id = row.text(6);
  event.client_id = row.text(7);
  event.outcome = row.text(8);
  event.source_address = row.text(9);
  event.request_id = row.text(10);
  event.detail = row.text(11);
  event.break_glass_reason = row.text(12);
  event.hash = row.text(13);
  return event;
}

std::string_view sort_column(AuditSortField field) {
  switch (field) {
    case AuditSortField::Sequence: return "sequence";
    case AuditSortField::At: return "at";
    case AuditSortField::UserId: return "user_id";
    case AuditSortField::ClientId: return "client_id";
    case AuditSortField::Action: return "action";
    case AuditSortField::ResourceType: return "resource_type";
    case AuditSortField::Outcome: return "outcome";
  }
  return "sequence";
}

// Empty text is stored as NULL, and NULL reads back as empty text: the canonical text is the same.
SqlValue nullable(std::string_view text) {
  return text.empty() ? SqlValue{nullptr} : SqlValue{std::string(text)};
}

}  // namespace

Result<void> SqlStore::append_audit(SqlConnection& connection, const Actor& actor, const AuditEntry& entry,
                                    Timestamp now) const {
  // The head row is the chain's lock: on PostgreSQL FOR UPDATE makes concurrent appends take
  // turns; SQLite's single writer already does.
  const std::string head_sql = dialect_ == Dialect::PostgreSQL
                                   ? "SELECT sequence, hash FROM audit_head WHERE id = 1 FOR UPDATE"
                                   : "SELECT sequence, hash FROM audit_head WHERE id = 1";
  CB_TRY_ASSIGN(head, connection.query(head_sql, {}));
  if (head.empty()) return fail(internal_error("the audit trail has no head row"));
  AuditEvent event;
  event.sequence = head.front().integer(0) + 1;
  const std::string previous_hash = head.front().text(1);
  event.at = format_timestamp(now);
  event.organization_id = actor.organization_id;
  event.user_id = actor.user_id;
  event.action = std::string(entry.action);
  event.resource_type = std::string(entry.resource_type);
  event.resource_id = std::string(entry.resource_id);
  event.client_id = std::string(entry.client_id);
  event.outcome = std::string(entry.outcome);
  event.source_address = actor.source_address;
  event.request_id = actor.request_id;
  event.detail = std::string(entry.detail);
  event.break_glass_reason = std::string(entry.break_glass_reason);
  event.hash = server_key_.chain_hash(previous_hash, canonical_text(event));

  const SqlValue params[] = {event.sequence,
                             event.at,
                             event.organization_id,
                             nullable(event.user_id),
                             event.action,
                             event.resource_type,
                             nullable(event.resource_id),
                             nullable(event.client_id),
                             event.outcome,
                             nullable(event.source_address),
                             nullable(event.request_id),
                             nullable(event.detail),
                             nullable(event.break_glass_reason),
                             event.hash};
  CB_TRY(connection.execute(
      "INSERT INTO audit_events (" + std::string(kAuditColumns) + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      params));
  const SqlValue new_head[] = {event.sequence, event.hash};
  CB_TRY(connection.execute("UPDATE audit_head SET sequence = ?, hash = ? WHERE id = 1", new_head));
  return {};
}

Result<void> SqlStore::record_event(const Actor& actor, const AuditEntry& entry, Timestamp now) {
  return audit_commits_.record(actor, entry, now);
}

Result<std::vector<AuditEvent>> SqlStore::recent_audit_events(std::string_view organization_id, int limit) {
  return read([&](SqlConnection& connection) -> Result<std::vector<AuditEvent>> {
    const SqlValue params[] = {std::string(organization_id), std::int64_t{limit}};
    CB_TRY_ASSIGN(rows,
                  connection.query("SELECT " + std::string(kAuditColumns) +
                                       " FROM audit_events WHERE organization_id = ? ORDER BY sequence DESC LIMIT ?",
                                   params));
    std::vector<AuditEvent> events;
    for (const auto& row : rows) events.push_back(event_from_row(row));
    return events;
  });
}

Result<Page<AuditEvent>> SqlStore::query_audit(const Actor& actor, const AuditQuery& query, Timestamp now) {
  std::string sql = "SELECT " + std::string(kAuditColumns) + " FROM audit_events WHERE organization_id = ?";
  std::vector<SqlValue> params{actor.organization_id};
  auto add = [&](std::string_view condition, const std::string& value) {
    if (value.empty()) return;
    sql += " AND ";
    sql += condition;
    params.emplace_back(value);
  };
  add("user_id = ?", query.user_id);
  add("client_id = ?", query.client_id);
  add("action = ?", query.action);
  add("at >= ?", query.from);
  add("at < ?", query.to);
  // The sort column comes from an enum, never from the request text. Ordering by (key, sequence)
  // with a keyset cursor keeps pages stable while new entries are appended.
  const bool by_sequence = query.sort == AuditSortField::Sequence;
  const std::string key = by_sequence ? "sequence" : "COALESCE(" + std::string(sort_column(query.sort)) + ", '')";
  const std::string direction = query.descending ? " DESC" : " ASC";
  if (!query.cursor.empty()) {
    CB_TRY_ASSIGN(after, decode_cursor(query.cursor, 2));
    std::int64_t sequence = 0;
    auto [end, status] = std::from_chars(after[1].data(), after[1].data() + after[1].size(), sequence);
    if (status != std::errc() || end != after[1].data() + after[1].size()) {
      return fail(ErrorCode::InvalidArgument, "cursor is not one this server gave out", "cursor");
    }
    const std::string beyond = query.descending ? " < " : " > ";
    if (by_sequence) {
      sql += " AND sequence" + beyond + "?";
    } else {
      sql += " AND (" + key + ", sequence)" + beyond + "(?, ?)";
      params.emplace_back(after[0]);
    }
    params.emplace_back(sequence);
  }
  const int limit = clamp_page_size(query.limit);
  sql += " ORDER BY " + key + direction + ", sequence" + direction + " LIMIT ?";
  params.emplace_back(std::int64_t{limit + 1});
  CB_TRY_ASSIGN(page, read([&](SqlConnection& connection) -> Result<Page<AuditEvent>> {
                  CB_TRY_ASSIGN(rows, connection.query(sql, params));
                  Page<AuditEvent> found;
                  for (std::size_t i = 0; i < rows.size() && i < static_cast<std::size_t>(limit); ++i) {
                    found.items.push_back(event_from_row(rows[i]));
                  }
                  if (rows.size() > static_cast<std::size_t>(limit)) {
                    const auto& last = found.items.back();
                    std::string value;
                    switch (query.sort) {
                      case AuditSortField::Sequence: break;
                      case AuditSortField::At: value = last.at; break;
                      case AuditSortField::UserId: value = last.user_id; break;
                      case AuditSortField::ClientId: value = last.client_id; break;
                      case AuditSortField::Action: value = last.action; break;
                      case AuditSortField::ResourceType: value = last.resource_type; break;
                      case AuditSortField::Outcome: value = last.outcome; break;
                    }
                    found.next_cursor = encode_cursor({value, std::to_string(last.sequence)});
                  }
                  return found;
                }));
  // Who looked at the trail, and for what, is itself on the trail.
  const auto criteria = "user_id=" + query.user_id + "; client_id=" + query.client_id + "; action=" + query.action +
                        "; from=" + query.from + "; to=" + query.to + "; results=" + std::to_string(page.items.size());
  CB_TRY(record_event(actor, {"audit.query", "audit", {}, query.client_id, "success", criteria}, now));
  return page;
}

Result<AuditVerification> SqlStore::verify_audit_trail() {
  // One read transaction: the entries and the head come from one snapshot, so appends that
  // commit meanwhile cannot look like tampering.
  return read([&](SqlConnection& connection) -> Result<AuditVerification> {
    constexpr std::int64_t kBatch = 5000;  // batches keep memory flat on a long trail
    AuditVerification result;
    auto broken = [&](std::int64_t sequence, std::string problem) {
      result.intact = false;
      result.first_bad_sequence = sequence;
      result.problem = std::move(problem);
      return result;
    };
    std::string previous_hash;
    std::int64_t expected = 1;
    while (true) {
      const SqlValue params[] = {expected - 1, kBatch};
      CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kAuditColumns) +
                                               " FROM audit_events WHERE sequence > ? ORDER BY sequence LIMIT ?",
                                           params));
      for (const auto& row : rows) {
        const auto event = event_from_row(row);
        if (event.sequence != expected) {
          return broken(expected, "entry " + std::to_string(expected) + " is missing (removed); the next entry is " +
                                      std::to_string(event.sequence));
        }
        if (server_key_.chain_hash(previous_hash, canonical_text(event)) != event.hash) {
          return broken(event.sequence, "entry " + std::to_string(event.sequence) +
                                            " does not match its hash: it was changed, inserted or moved");
        }
        previous_hash = event.hash;
        ++expected;
        ++result.entries;
      }
      if (static_cast<std::int64_t>(rows.size()) < kBatch) break;
    }
    CB_TRY_ASSIGN(head, connection.query("SELECT sequence, hash FROM audit_head WHERE id = 1", {}));
    if (head.empty()) return broken(result.entries + 1, "the chain's head record is missing");
    const auto head_sequence = head.front().integer(0);
    if (head_sequence > result.entries) {
      return broken(result.entries + 1, "the trail ends at entry " + std::to_string(result.entries) +
                                            " but the head says " + std::to_string(head_sequence) +
                                            ": entries were cut from the end");
    }
    if (head_sequence < result.entries || head.front().text(1) != previous_hash) {
      return broken(head_sequence, "the chain's head does not match its last entry " + std::to_string(result.entries) +
                                       ": entries were added after it or it was changed");
    }
    return result;
  });
}

}  // namespace caseboard::store
