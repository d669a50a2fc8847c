// Referrals out to providers and community partners, followed until the loop is closed.
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kReferralOutColumns =
    "id, version, organization_id, client_id, case_id, provider_name, provider_contact, service, reason, status, "
    "created_at, sent_at, responded_at, decline_reason, completed_at, outcome, followed_up_at, follow_up_note, "
    "cancel_reason, created_by, cost_cents";

ReferralOut referral_out_from_row(const SqlRow& row) {
  ReferralOut referral;
  referral.id = row.text(0);
  referral.version = row.integer(1);
  referral.organization_id = row.text(2);
  referral.client_id = row.text(3);
  referral.case_id = row.text(4);
  referral.fields = {row.text(5), row.text(6), row.text(7), row.text(8), std::nullopt};
  if (!row.is_null(20)) referral.fields.cost_cents = row.integer(20);
  referral.status = row.text(9);
  referral.created_at = row.text(10);
  referral.sent_at = row.text(11);
  referral.responded_at = row.text(12);
  referral.decline_reason = row.text(13);
  referral.completed_at = row.text(14);
  referral.outcome = row.text(15);
  referral.followed_up_at = row.text(16);
  referral.follow_up_note = row.text(17);
  referral.cancel_reason = row.text(18);
  referral.created_by = row.text(19);
  return referral;
}

std::string_view step_action(ReferralOutStep step) {
  switch (step) {
    case ReferralOutStep::Send: return "referral_out.send";
    case ReferralOutStep::Accept: return "referral_out.accept";
    case ReferralOutStep::Decline: return "referral_out.decline";
    case ReferralOutStep::Complete: return "referral_out.complete";
    case ReferralOutStep::Cancel: return "referral_out.cancel";
    case ReferralOutStep::FollowUp: return "referral_out.follow_up";
  }
  return "referral_out.change";
}

}  // namespace

Result<ReferralOut> SqlStore::create_referral_out(const Actor& actor, std::string_view case_id,
                                                  ReferralOutFields fields, Timestamp now) {
  ReferralOut referral;
  referral.id = security::random_id("ro");
  referral.version = 1;
  referral.organization_id = actor.organization_id;
  referral.fields = std::move(fields);
  referral.created_at = format_timestamp(now);
  referral.created_by = actor.user_id;
  return write([&](SqlConnection& connection) -> Result<ReferralOut> {
    CB_TRY_ASSIGN(record, require_open_case(connection, actor, now, case_id));
    referral.client_id = record.client_id;
    referral.case_id = record.id;
    const auto& f = referral.fields;
    const SqlValue params[] = {referral.id,
                               referral.organization_id,
                               referral.client_id,
                               referral.case_id,
                               f.provider_name,
                               text_or_null(f.provider_contact),
                               f.service,
                               f.reason,
                               referral.created_at,
                               referral.created_by,
                               f.cost_cents ? SqlValue{*f.cost_cents} : SqlValue{nullptr}};
    CB_TRY(
        connection.execute("INSERT INTO referrals_out (id, organization_id, client_id, case_id, provider_name, "
                           "provider_contact, service, reason, status, created_at, created_by, cost_cents, version) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, 1)",
                           params));
    CB_TRY(
        append_audit(connection, actor, {"referral_out.create", "referral_out", referral.id, referral.client_id}, now));
    return referral;
  });
}

Result<std::vector<ReferralOut>> SqlStore::list_referrals_out(const Actor& actor, std::string_view client_id,
                                                              Timestamp now) {
  return read_client_records<ReferralOut>(
      actor, client_id, now, "referral_out.list", "referral_out",
      [&](SqlConnection& connection, const std::string& case_filter) -> Result<std::vector<ReferralOut>> {
        const SqlValue params[] = {std::string(client_id), actor.organization_id};
        CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kReferralOutColumns) +
                                                 " FROM referrals_out WHERE client_id = ? AND organization_id = ?" +
                                                 case_filter + " ORDER BY created_at DESC, id",
                                             params));
        std::vector<ReferralOut> found;
        for (const auto& row : rows) found.push_back(referral_out_from_row(row));
        return found;
      });
}

Result<ReferralOut> SqlStore::advance_referral_out(const Actor& actor, std::string_view referral_id,
                                                   std::int64_t expected_version, ReferralOutStep step,
                                                   std::string text, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<ReferralOut> {
    const SqlValue params[] = {std::string(referral_id), actor.organization_id};
    CB_TRY_ASSIGN(found, query_one(connection,
                                   "SELECT " + std::string(kReferralOutColumns) +
                                       " FROM referrals_out WHERE id = ? AND organization_id = ?",
                                   params, referral_out_from_row));
    if (!found) return fail(not_found("referral out"));
    CB_TRY_ASSIGN(record, require_case_access(connection, actor, now, found->case_id));
    ReferralOut referral = std::move(*found);
    if (referral.version != expected_version) {
      return fail(stale_version("referral out", expected_version, referral.version));
    }
    CB_TRY_ASSIGN(next, next_referral_out_status(referral.status, step));
    const auto at = format_timestamp(now);
    switch (step) {
      case ReferralOutStep::Send: referral.sent_at = at; break;
      case ReferralOutStep::Accept: referral.responded_at = at; break;
      case ReferralOutStep::Decline:
        referral.responded_at = at;
        referral.decline_reason = text;
        break;
      case ReferralOutStep::Complete:
        referral.completed_at = at;
        referral.outcome = text;
        break;
      case ReferralOutStep::Cancel: referral.cancel_reason = text; break;
      case ReferralOutStep::FollowUp:
        referral.followed_up_at = at;
        referral.follow_up_note = text;
        break;
    }
    referral.status = next;
    referral.version += 1;
    const SqlValue update[] = {referral.status,
                               text_or_null(referral.sent_at),
                               text_or_null(referral.responded_at),
                               text_or_null(referral.decline_reason),
                               text_or_null(referral.completed_at),
                               text_or_null(referral.outcome),
                               text_or_null(referral.followed_up_at),
                               text_or_null(referral.follow_up_note),
                               text_or_null(referral.cancel_reason),
                               referral.version,
                               referral.id,
                               expected_version};
    CB_TRY(expect_one_row(
        connection.execute("UPDATE referrals_out SET status = ?, sent_at = ?, responded_at = ?, decline_reason = ?, "
                           "completed_at = ?, outcome = ?, followed_up_at = ?, follow_up_note = ?, cancel_reason = ?, "
                           "version = ? WHERE id = ? AND version = ?",
                           update),
        "referral out", expected_version));
    if (step == ReferralOutStep::Send) {
      CB_TRY_ASSIGN(rules, program_clock_rules(connection, record.program_id));
      CB_TRY(create_rule_task(connection, actor, record, ClockRule::ReferralFollowUp, referral.id,
                              "Follow up the referral to " + referral.fields.provider_name,
                              now + std::chrono::hours(rules.referral_follow_up_hours), "high", now));
    } else if (step != ReferralOutStep::Complete) {
      // A follow-up or the provider's answer satisfies the follow-up clock; a cancelled referral owes none.
      CB_TRY(close_rule_task(connection, actor, ClockRule::ReferralFollowUp, referral.id, now));
    }
    CB_TRY(append_audit(connection, actor, {step_action(step), "referral_out", referral.id, referral.client_id}, now));
    return referral;
  });
}

}  // namespace caseboard::store
