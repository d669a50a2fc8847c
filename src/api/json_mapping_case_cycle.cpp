// The records of the case cycle to their JSON form.
#include "api/json_mapping.hpp"

namespace caseboard::api {

nlohmann::json to_json(const ClockItem& item) {
  return {{"rule", clock_rule_name(item.rule)},
          {"record_id", item.record_id},
          {"case_id", text_or_null(item.case_id)},
          {"client_id", item.client_id},
          {"started_at", format_timestamp(item.started_at)},
          {"due_at", format_timestamp(item.due_at)},
          {"overdue", item.overdue},
          {"title", item.title}};
}

nlohmann::json to_json(const Referral& referral, const std::optional<ClockItem>& clock) {
  const auto& f = referral.fields;
  return {{"id", referral.id},
          {"version", referral.version},
          {"client_id", f.client_id},
          {"client_name", referral.client_name},
          {"program_id", f.program_id},
          {"source", f.source},
          {"referrer_name", f.referrer_name},
          {"referrer_contact", text_or_null(f.referrer_contact)},
          {"reason", f.reason},
          {"priority", f.priority},
          {"received_at", f.received_at},
          {"status", referral.status},
          {"triage_note", text_or_null(referral.triage_note)},
          {"case_id", text_or_null(referral.case_id)},
          {"case_manager_id", text_or_null(referral.case_manager_id)},
          {"assigned_at", text_or_null(referral.assigned_at)},
          {"first_contact_at", text_or_null(referral.first_contact_at)},
          {"first_contact_method", text_or_null(referral.first_contact_method)},
          {"decline_reason", text_or_null(referral.decline_reason)},
          {"created_by", referral.created_by},
          {"created_at", referral.created_at},
          {"clock", clock ? to_json(*clock) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const Task& task, Timestamp now) {
  const auto& f = task.fields;
  const auto due = parse_timestamp(f.due_at);
  return {{"id", task.id},
          {"version", task.version},
          {"title", f.title},
          {"details", text_or_null(f.details)},
          {"due_at", f.due_at},
          {"priority", f.priority},
          {"assignee_id", f.assignee_id},
          {"client_id", text_or_null(f.client_id)},
          {"case_id", text_or_null(f.case_id)},
          {"status", task.status},
          {"rule", text_or_null(task.rule)},
          {"source_id", text_or_null(task.source_id)},
          {"created_by", task.created_by},
          {"created_at", task.created_at},
          {"completed_at", text_or_null(task.completed_at)},
          {"completed_by", text_or_null(task.completed_by)},
          {"overdue", task.status == "open" && due && now > *due}};
}

nlohmann::json to_json(const Note& note) {
  const auto& f = note.fields;
  nlohmann::json addenda = nlohmann::json::array();
  for (const auto& addendum : note.addenda) {
    addenda.push_back({{"id", addendum.id},
                       {"author_id", addendum.author_id},
                       {"written_at", addendum.written_at},
                       {"body", addendum.body}});
  }
  return {{"id", note.id},
          {"version", note.version},
          {"client_id", note.client_id},
          {"case_id", note.case_id},
          {"author_id", note.author_id},
          {"contact_type", f.contact_type},
          {"service_at", f.service_at},
          {"written_at", note.written_at},
          {"late", note.late},
          {"appointment_id", text_or_null(f.appointment_id)},
          {"body", f.body},
          {"fields",
           {{"purpose", text_or_null(f.sections.purpose)},
            {"observations", text_or_null(f.sections.observations)},
            {"interventions", text_or_null(f.sections.interventions)},
            {"client_response", text_or_null(f.sections.client_response)},
            {"plan", text_or_null(f.sections.plan)}}},
          {"status", note.status},
          {"signed_at", text_or_null(note.signed_at)},
          {"cosign_required", note.cosign_required},
          {"cosigned_at", text_or_null(note.cosigned_at)},
          {"cosigned_by", text_or_null(note.cosigned_by)},
          {"addenda", addenda}};
}

nlohmann::json to_json(const Appointment& appointment) {
  const auto& f = appointment.fields;
  return {{"id", appointment.id},
          {"version", appointment.version},
          {"client_id", appointment.client_id},
          {"case_id", appointment.case_id},
          {"staff_id", f.staff_id},
          {"kind", f.kind},
          {"starts_at", f.starts_at},
          {"ends_at", f.ends_at},
          {"location", text_or_null(f.location)},
          {"transport_arranged", f.transport_arranged},
          {"transport_details", text_or_null(f.transport_details)},
          {"interpreter_language", text_or_null(f.interpreter_language)},
          {"interpreter_arranged", f.interpreter_arranged},
          {"status", appointment.status},
          {"outcome_at", text_or_null(appointment.outcome_at)},
          {"cost", dollars_or_null(f.cost_cents)}};
}

nlohmann::json to_json(const ReferralOut& referral) {
  const auto& f = referral.fields;
  return {{"id", referral.id},
          {"version", referral.version},
          {"client_id", referral.client_id},
          {"case_id", referral.case_id},
          {"provider_name", f.provider_name},
          {"provider_contact", text_or_null(f.provider_contact)},
          {"service", f.service},
          {"reason", f.reason},
          {"status", referral.status},
          {"created_at", referral.created_at},
          {"sent_at", text_or_null(referral.sent_at)},
          {"responded_at", text_or_null(referral.responded_at)},
          {"decline_reason", text_or_null(referral.decline_reason)},
          {"completed_at", text_or_null(referral.completed_at)},
          {"outcome", text_or_null(referral.outcome)},
          {"followed_up_at", text_or_null(referral.followed_up_at)},
          {"follow_up_note", text_or_null(referral.follow_up_note)},
          {"cancel_reason", text_or_null(referral.cancel_reason)},
          {"created_by", referral.created_by},
          {"cost", dollars_or_null(f.cost_cents)}};
}

nlohmann::json to_json(const Incident& incident) {
  const auto& f = incident.fields;
  return {{"id", incident.id},
          {"version", incident.version},
          {"client_id", incident.client_id},
          {"case_id", incident.case_id},
          {"occurred_at", f.occurred_at},
          {"reported_at", incident.reported_at},
          {"documented_at", text_or_null(incident.documented_at)},
          {"late", incident.late},
          {"type", f.type},
          {"severity", f.severity},
          {"description", f.description},
          {"emergency_services_contacted", f.emergency_services_contacted},
          {"actions", text_or_null(f.actions)},
          {"status", incident.status},
          {"reported_by", incident.reported_by}};
}

nlohmann::json to_json(const SafetyPlan& plan) {
  return {{"client_id", plan.client_id},
          {"version", plan.version},
          {"warning_signs", plan.fields.warning_signs},
          {"coping_steps", plan.fields.coping_steps},
          {"contacts", plan.fields.contacts},
          {"means_safety", text_or_null(plan.fields.means_safety)},
          {"updated_by", plan.updated_by},
          {"updated_at", plan.updated_at}};
}

nlohmann::json to_json(const PlanReview& review) {
  return {{"id", review.id},
          {"case_id", review.case_id},
          {"client_id", review.client_id},
          {"reviewed_at", review.reviewed_at},
          {"reviewed_by", review.reviewed_by},
          {"summary", review.summary}};
}

nlohmann::json to_json(const Discharge& discharge) {
  const auto& f = discharge.fields;
  nlohmann::json readmissions = nlohmann::json::array();
  for (const auto& readmission : discharge.readmissions) {
    readmissions.push_back({{"id", readmission.id},
                            {"admitted_at", readmission.admitted_at},
                            {"facility", readmission.facility},
                            {"reason", readmission.reason},
                            {"days_after_discharge", readmission.days_after_discharge},
                            {"within_30_days", readmission.within_30_days}});
  }
  nlohmann::json check_in = nullptr;
  if (discharge.check_in) {
    const auto& c = *discharge.check_in;
    check_in = {{"at", c.at},
                {"by", c.by},
                {"health_status_changed", c.health_status_changed},
                {"satisfaction", c.satisfaction},
                {"notes", text_or_null(c.notes)}};
  }
  return {{"id", discharge.id},
          {"version", discharge.version},
          {"client_id", discharge.client_id},
          {"case_id", discharge.case_id},
          {"discharged_at", f.discharged_at},
          {"destination", f.destination},
          {"destination_details", text_or_null(f.destination_details)},
          {"services_arranged", text_or_null(f.services_arranged)},
          {"family_education_done", f.family_education_done},
          {"notes", text_or_null(f.notes)},
          {"check_in", check_in},
          {"readmissions", readmissions}};
}

nlohmann::json to_json(const TimelineEvent& event) {
  return {{"kind", event.kind},   {"at", event.at},         {"id", event.id},          {"case_id", event.case_id},
          {"title", event.title}, {"status", event.status}, {"overdue", event.overdue}};
}

nlohmann::json to_json(const store::Worklist& worklist, Timestamp now) {
  auto lookup = [](const std::map<std::string, std::string>& names, const std::string& id) {
    auto found = names.find(id);
    return found == names.end() ? nlohmann::json(nullptr) : nlohmann::json(found->second);
  };
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : worklist.items) {
    items.push_back(
        {{"kind", item.kind},
         {"rule", item.rule ? nlohmann::json(clock_rule_name(*item.rule)) : nlohmann::json(nullptr)},
         {"task_id", text_or_null(item.task_id)},
         {"task_version", item.task_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(item.task_version)},
         {"record_id", text_or_null(item.record_id)},
         {"title", item.title},
         {"due_at", format_timestamp(item.due_at)},
         {"overdue", item.overdue},
         {"priority", item.priority},
         {"client_id", text_or_null(item.client_id)},
         {"client_name", lookup(worklist.client_names, item.client_id)},
         {"client_risk", lookup(worklist.client_risk, item.client_id)},
         {"case_id", text_or_null(item.case_id)},
         {"assignee_id", text_or_null(item.assignee_id)},
         {"assignee_name", lookup(worklist.user_names, item.assignee_id)}});
  }
  return {{"as_of", format_timestamp(now)}, {"items", items}};
}

}  // namespace caseboard::api
