#include "core/care_plan.hpp"

#include <set>

#include "core/calendar.hpp"
#include "core/field_check.hpp"

namespace caseboard {
namespace {

std::string at(std::string_view list, std::size_t index, std::string_view field) {
  return std::string(list) + "[" + std::to_string(index) + "]." + std::string(field);
}

Result<void> check_id(std::string& id, std::set<std::string>& seen, std::string_view list, std::size_t index) {
  CB_TRY(check_text(id, at(list, index, "id"), 1, 40, LineBreaks::Refused));
  if (!seen.insert(id).second) {
    return fail(ErrorCode::InvalidArgument, at(list, index, "id") + " repeats " + id, at(list, index, "id"));
  }
  return {};
}

Result<void> check_reference(const std::string& id, const std::set<std::string>& known, std::string_view list,
                             std::size_t index, std::string_view field, std::string_view what) {
  if (known.contains(id)) return {};
  return fail(ErrorCode::InvalidArgument,
              at(list, index, field) + " must name a " + std::string(what) + " of this plan", at(list, index, field));
}

// Each item's fields as (name, value) pairs, for the diff.
std::vector<std::pair<std::string, std::string>> fields_of(const Need& n) {
  return {{"category", n.category}, {"description", n.description}, {"status", n.status}, {"source", n.source}};
}
std::vector<std::pair<std::string, std::string>> fields_of(const Goal& g) {
  return {{"need_id", g.need_id},
          {"description", g.description},
          {"measure", g.measure},
          {"baseline", g.baseline},
          {"target", g.target},
          {"due_date", g.due_date},
          {"responsible_kind", g.responsible_kind},
          {"responsible_name", g.responsible_name},
          {"status", g.status},
          {"percent_achieved", std::to_string(g.percent_achieved)}};
}
std::vector<std::pair<std::string, std::string>> fields_of(const Intervention& i) {
  return {{"goal_id", i.goal_id},
          {"kind", i.kind},
          {"description", i.description},
          {"task_id", i.task_id},
          {"appointment_id", i.appointment_id},
          {"referral_out_id", i.referral_out_id}};
}

template <class Item>
void diff_list(std::string_view list, const std::vector<Item>& before, const std::vector<Item>& after,
               std::vector<PlanChange>& changes) {
  auto find = [](const std::vector<Item>& items, const std::string& id) -> const Item* {
    for (const auto& item : items) {
      if (item.id == id) return &item;
    }
    return nullptr;
  };
  const auto prefix = [&](const std::string& id) { return std::string(list) + "[" + id + "]"; };
  for (const auto& old : before) {
    const auto* now = find(after, old.id);
    if (!now) {
      changes.push_back({prefix(old.id), old.description, ""});
      continue;
    }
    const auto old_fields = fields_of(old);
    const auto new_fields = fields_of(*now);
    for (std::size_t f = 0; f < old_fields.size(); ++f) {
      if (old_fields[f].second != new_fields[f].second) {
        changes.push_back({prefix(old.id) + "." + old_fields[f].first, old_fields[f].second, new_fields[f].second});
      }
    }
  }
  for (const auto& added : after) {
    if (!find(before, added.id)) changes.push_back({prefix(added.id), "", added.description});
  }
}

}  // namespace

Result<CarePlanContent> validate_care_plan(CarePlanContent content) {
  std::set<std::string> needs;
  for (std::size_t i = 0; i < content.needs.size(); ++i) {
    auto& need = content.needs[i];
    CB_TRY(check_id(need.id, needs, "needs", i));
    CB_TRY(check_text(need.category, at("needs", i, "category"), 1, 60, LineBreaks::Refused));
    CB_TRY(check_text(need.description, at("needs", i, "description"), 1, 2000, LineBreaks::Allowed));
    CB_TRY(check_choice(need.status, kNeedStatuses, at("needs", i, "status")));
    CB_TRY(check_text(need.source, at("needs", i, "source"), 0, 200, LineBreaks::Refused));
  }
  std::set<std::string> goals;
  for (std::size_t i = 0; i < content.goals.size(); ++i) {
    auto& goal = content.goals[i];
    CB_TRY(check_id(goal.id, goals, "goals", i));
    CB_TRY(check_reference(goal.need_id, needs, "goals", i, "need_id", "need"));
    CB_TRY(check_text(goal.description, at("goals", i, "description"), 1, 2000, LineBreaks::Allowed));
    CB_TRY(check_text(goal.measure, at("goals", i, "measure"), 1, 500, LineBreaks::Allowed));
    CB_TRY(check_text(goal.baseline, at("goals", i, "baseline"), 0, 500, LineBreaks::Allowed));
    CB_TRY(check_text(goal.target, at("goals", i, "target"), 1, 500, LineBreaks::Allowed));
    if (!parse_date(goal.due_date)) {
      return fail(ErrorCode::InvalidArgument, at("goals", i, "due_date") + " must be a date YYYY-MM-DD",
                  at("goals", i, "due_date"));
    }
    CB_TRY(check_choice(goal.responsible_kind, kResponsibleKinds, at("goals", i, "responsible_kind")));
    CB_TRY(check_text(goal.responsible_name, at("goals", i, "responsible_name"), 0, 200, LineBreaks::Refused));
    CB_TRY(check_choice(goal.status, kGoalStatuses, at("goals", i, "status")));
    if (goal.percent_achieved < 0 || goal.percent_achieved > 100) {
      return fail(ErrorCode::InvalidArgument, at("goals", i, "percent_achieved") + " must be 0 to 100",
                  at("goals", i, "percent_achieved"));
    }
  }
  std::set<std::string> interventions;
  for (std::size_t i = 0; i < content.interventions.size(); ++i) {
    auto& intervention = content.interventions[i];
    CB_TRY(check_id(intervention.id, interventions, "interventions", i));
    CB_TRY(check_reference(intervention.goal_id, goals, "interventions", i, "goal_id", "goal"));
    CB_TRY(check_choice(intervention.kind, kInterventionKinds, at("interventions", i, "kind")));
    CB_TRY(check_text(intervention.description, at("interventions", i, "description"), 1, 2000, LineBreaks::Allowed));
  }
  return content;
}

std::vector<PlanChange> diff_care_plans(const CarePlanContent& before, const CarePlanContent& after) {
  std::vector<PlanChange> changes;
  diff_list("needs", before.needs, after.needs, changes);
  diff_list("goals", before.goals, after.goals, changes);
  diff_list("interventions", before.interventions, after.interventions, changes);
  return changes;
}

bool goal_is_measurable(const Goal& goal) {
  return !goal.measure.empty() && !goal.target.empty() && !goal.due_date.empty();
}

}  // namespace caseboard
