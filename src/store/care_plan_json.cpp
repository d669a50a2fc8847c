#include "store/care_plan_json.hpp"

#include <nlohmann/json.hpp>

namespace caseboard::store {

using json = nlohmann::json;

std::string care_plan_json_text(const CarePlanContent& content) {
  json needs = json::array();
  for (const auto& n : content.needs) {
    needs.push_back({{"id", n.id},
                     {"category", n.category},
                     {"description", n.description},
                     {"status", n.status},
                     {"source", n.source}});
  }
  json goals = json::array();
  for (const auto& g : content.goals) {
    goals.push_back({{"id", g.id},
                     {"need_id", g.need_id},
                     {"description", g.description},
                     {"measure", g.measure},
                     {"baseline", g.baseline},
                     {"target", g.target},
                     {"due_date", g.due_date},
                     {"responsible_kind", g.responsible_kind},
                     {"responsible_name", g.responsible_name},
                     {"status", g.status},
                     {"percent_achieved", g.percent_achieved}});
  }
  json interventions = json::array();
  for (const auto& i : content.interventions) {
    interventions.push_back({{"id", i.id},
                             {"goal_id", i.goal_id},
                             {"kind", i.kind},
                             {"description", i.description},
                             {"task_id", i.task_id},
                             {"appointment_id", i.appointment_id},
                             {"referral_out_id", i.referral_out_id}});
  }
  return json{{"needs", needs}, {"goals", goals}, {"interventions", interventions}}.dump();
}

Result<CarePlanContent> care_plan_from_json_text(const std::string& text) {
  const auto document = json::parse(text, nullptr, false);
  if (document.is_discarded() || !document.is_object()) return fail(internal_error("care plan content is not JSON"));
  CarePlanContent content;
  try {
    for (const auto& n : document.at("needs")) {
      content.needs.push_back({n.at("id"), n.at("category"), n.at("description"), n.at("status"), n.at("source")});
    }
    for (const auto& g : document.at("goals")) {
      content.goals.push_back({g.at("id"), g.at("need_id"), g.at("description"), g.at("measure"), g.at("baseline"),
                               g.at("target"), g.at("due_date"), g.at("responsible_kind"), g.at("responsible_name"),
                               g.at("status"), g.at("percent_achieved").get<int>()});
    }
    for (const auto& i : document.at("interventions")) {
      content.interventions.push_back({i.at("id"), i.at("goal_id"), i.at("kind"), i.at("description"), i.at("task_id"),
                                       i.at("appointment_id"), i.at("referral_out_id")});
    }
  } catch (const json::exception& error) {
    return fail(internal_error(std::string("care plan content: ") + error.what()));
  }
  return content;
}

}  // namespace caseboard::store
