// Instruments and assessments: the definitions, a score as answers are given, completed
// assessments with their flags, corrections, and a client's trend per instrument.
#include "api/handlers.hpp"
#include "api/record_request.hpp"
#include "core/instrument_scoring.hpp"

namespace caseboard::api {
namespace {

nlohmann::json to_json(const Condition& condition) {
  switch (condition.kind) {
    case Condition::Kind::In: return {{"link_id", condition.link_id}, {"in", condition.in}};
    case Condition::Kind::PointsAbove: return {{"link_id", condition.link_id}, {"points_above", condition.above}};
    case Condition::Kind::SumAbove: return {{"sum_of", condition.sum_of}, {"above", condition.above}};
  }
  return nullptr;
}

nlohmann::json conditions_json(const std::vector<Condition>& conditions) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& condition : conditions) list.push_back(to_json(condition));
  return list;
}

// The definition as the form needs it (the shape of its file).
nlohmann::json to_json(const Instrument& instrument) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : instrument.items) {
    nlohmann::json out = {{"link_id", item.link_id},
                          {"text", item.text},
                          {"type", item_type_name(item.type)},
                          {"required", item.required},
                          {"scored", item.scored && item.type != ItemType::Text && item.type != ItemType::Display},
                          {"enable_when", conditions_json(item.enable_when)}};
    if (item.type == ItemType::Boolean) {
      out["points_true"] = item.points_true;
      out["points_false"] = item.points_false;
    }
    if (item.type == ItemType::Choice) {
      nlohmann::json options = nlohmann::json::array();
      for (const auto& option : item.options) {
        options.push_back({{"code", option.code}, {"display", option.display}, {"points", option.points}});
      }
      out["options"] = options;
    }
    if (item.type == ItemType::Integer) {
      out["min"] = item.min;
      out["max"] = item.max;
      nlohmann::json points = nlohmann::json::array();
      for (const auto& range : item.points) {
        points.push_back({{"min", range.min}, {"max", range.max}, {"points", range.points}});
      }
      out["points"] = points;
    }
    if (item.type == ItemType::Text) out["max_length"] = item.max_length;
    items.push_back(out);
  }
  const auto& scoring = instrument.scoring;
  nlohmann::json score = {{"method", scoring.method == ScoringMethod::Sum     ? "sum"
                                     : scoring.method == ScoringMethod::Rules ? "rules"
                                                                              : "none"}};
  if (scoring.method == ScoringMethod::Sum) {
    score["min"] = scoring.min;
    score["max"] = scoring.max;
    nlohmann::json bands = nlohmann::json::array();
    for (const auto& band : scoring.bands) {
      bands.push_back({{"code", band.code}, {"display", band.display}, {"min", band.min}, {"max", band.max}});
    }
    score["bands"] = bands;
  } else if (scoring.method == ScoringMethod::Rules) {
    nlohmann::json levels = nlohmann::json::array();
    for (const auto& level : scoring.levels) levels.push_back({{"code", level.code}, {"display", level.display}});
    levels.push_back({{"code", scoring.otherwise.code}, {"display", scoring.otherwise.display}});
    score["levels"] = levels;
  }
  nlohmann::json flags = nlohmann::json::array();
  for (const auto& flag : instrument.flags) {
    flags.push_back({{"code", flag.code},
                     {"display", flag.display},
                     {"when_any", conditions_json(flag.when_any)},
                     {"when_band", flag.when_band},
                     {"action", flag_action_name(flag.action)},
                     {"need", text_or_null(flag.need)}});
  }
  return {{"id", instrument.id},
          {"version", instrument.version},
          {"title", instrument.title},
          {"description", instrument.description},
          {"citation", instrument.citation},
          {"items", items},
          {"scoring", score},
          {"flags", flags}};
}

nlohmann::json to_json(const AssessmentScore& score) {
  nlohmann::json answers = nlohmann::json::array();
  for (const auto& answer : score.answers) {
    answers.push_back({{"link_id", answer.link_id},
                       {"value", answer.value},
                       {"display", answer.display},
                       {"points", answer.points ? nlohmann::json(*answer.points) : nlohmann::json(nullptr)}});
  }
  nlohmann::json flags = nlohmann::json::array();
  for (const auto& flag : score.flags) {
    flags.push_back({{"code", flag.code},
                     {"display", flag.display},
                     {"action", flag_action_name(flag.action)},
                     {"need", text_or_null(flag.need)}});
  }
  return {{"score", score.total ? nlohmann::json(*score.total) : nlohmann::json(nullptr)},
          {"result", text_or_null(score.result_code)},
          {"result_display", text_or_null(score.result_display)},
          {"answers", answers},
          {"flags", flags}};
}

nlohmann::json to_json(const Assessment& assessment) {
  auto body = to_json(assessment.score);
  body.update({{"id", assessment.id},
               {"version", assessment.version},
               {"client_id", assessment.client_id},
               {"case_id", text_or_null(assessment.case_id)},
               {"instrument_id", assessment.instrument_id},
               {"instrument_version", assessment.instrument_version},
               {"instrument_title", assessment.instrument_title},
               {"completed_at", assessment.completed_at},
               {"completed_by", assessment.completed_by},
               {"replaces_id", text_or_null(assessment.replaces_id)},
               {"superseded_by", text_or_null(assessment.superseded_by)}});
  return body;
}

// {"link_id": "code" | number | boolean | "text"} as canonical text; 400 naming the answer otherwise.
Result<Answers> read_answers(JsonReader& reader) {
  const auto* object = reader.optional_object("answers");
  CB_TRY(reader.result());
  if (!object) return fail(ErrorCode::MalformedRequest, "answers is required", "answers");
  Answers answers;
  for (const auto& [link_id, value] : object->items()) {
    const auto field = "answers." + link_id;
    if (value.is_string()) {
      answers[link_id] = value.get<std::string>();
    } else if (value.is_boolean()) {
      answers[link_id] = value.get<bool>() ? "true" : "false";
    } else if (value.is_number_integer()) {
      answers[link_id] = value.dump();
    } else {
      return fail(ErrorCode::MalformedRequest, field + " must be a code, a whole number, true or false, or text",
                  field);
    }
  }
  return answers;
}

const Instrument* newest(RequestContext& context, std::string_view id) {
  return context.services.instruments.find(id);
}

Error unknown_instrument(std::string field) {
  return make_error(ErrorCode::NotFound, "instrument not found", std::move(field));
}

HttpResponse assessment_response(int status, const Assessment& assessment) {
  return with_entity_tag(json_response(status, to_json(assessment)), assessment.version);
}

}  // namespace

HttpResponse list_instruments(RequestContext& context) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& instrument : context.services.instruments.all()) {
    if (newest(context, instrument.id) == &instrument) items.push_back(to_json(instrument));
  }
  return json_response(200, {{"items", items}});
}

HttpResponse get_instrument(RequestContext& context) {
  const auto* instrument = newest(context, context.parameter("id"));
  if (!instrument) return error_response(unknown_instrument({}));
  return json_response(200, to_json(*instrument));
}

HttpResponse preview_score(RequestContext& context) {
  const auto* instrument = newest(context, context.parameter("id"));
  if (!instrument) return error_response(unknown_instrument({}));
  static constexpr std::string_view kFields[] = {"answers"};
  auto answers = read_request(context.request, kFields, read_answers);
  if (!answers) return error_response(answers.error());
  if (!*answers) return error_response(answers->error());
  // Answers may still be missing while the form is being filled: score what is there.
  auto score = score_assessment(*instrument, **answers, Completeness::Partial);
  if (!score) return error_response(score.error());
  auto body = to_json(*score);
  body["complete"] = score->complete;
  return json_response(200, body);
}

HttpResponse record_assessment(RequestContext& context) {
  static constexpr std::string_view kFields[] = {"instrument_id", "case_id", "answers"};
  std::string instrument_id;
  std::string case_id;
  auto answers = read_request(context.request, kFields, [&](JsonReader& reader) {
    instrument_id = reader.required_string("instrument_id");
    case_id = reader.optional_string("case_id").value_or("");
    return read_answers(reader);
  });
  if (!answers) return error_response(answers.error());
  if (!*answers) return error_response(answers->error());
  const auto* instrument = newest(context, instrument_id);
  if (!instrument) return error_response(unknown_instrument("instrument_id"));
  auto score = score_assessment(*instrument, **answers);
  if (!score) return error_response(score.error());
  Assessment assessment;
  assessment.client_id = context.parameter("id");
  assessment.case_id = case_id;
  assessment.instrument_id = instrument->id;
  assessment.instrument_version = instrument->version;
  assessment.instrument_title = instrument->title;
  assessment.score = std::move(*score);
  return respond(context.services.store.record_assessment(context.actor, std::move(assessment), context.now),
                 [](const Assessment& recorded) { return assessment_response(201, recorded); });
}

HttpResponse correct_assessment(RequestContext& context) {
  static constexpr std::string_view kFields[] = {"answers"};
  auto answers = read_request(context.request, kFields, read_answers);
  if (!answers) return error_response(answers.error());
  if (!*answers) return error_response(answers->error());
  auto old = context.services.store.get_assessment(context.actor, context.parameter("id"), context.now);
  if (!old) return error_response(old.error());
  // Scored by the definition the corrected assessment used, so the two compare.
  const auto* instrument = context.services.instruments.find(old->instrument_id, old->instrument_version);
  if (!instrument) instrument = newest(context, old->instrument_id);
  if (!instrument) return error_response(unknown_instrument({}));
  auto score = score_assessment(*instrument, **answers);
  if (!score) return error_response(score.error());
  Assessment correction;
  correction.client_id = old->client_id;
  correction.case_id = old->case_id;
  correction.instrument_id = instrument->id;
  correction.instrument_version = instrument->version;
  correction.instrument_title = instrument->title;
  correction.replaces_id = old->id;
  correction.score = std::move(*score);
  return respond(context.services.store.record_assessment(context.actor, std::move(correction), context.now),
                 [](const Assessment& recorded) { return assessment_response(201, recorded); });
}

HttpResponse list_assessments(RequestContext& context) {
  auto query = read_query(context.request, {"instrument_id"});
  if (!query) return error_response(query.error());
  const auto found = query->find("instrument_id");
  const std::string instrument_id = found == query->end() ? "" : found->second;
  return respond(
      context.services.store.list_assessments(context.actor, context.parameter("id"), instrument_id, context.now),
      [](const std::vector<Assessment>& assessments) {
        nlohmann::json items = nlohmann::json::array();
        for (const auto& assessment : assessments) items.push_back(to_json(assessment));
        return json_response(200, {{"items", items}});
      });
}

HttpResponse get_assessment(RequestContext& context) {
  return respond(context.services.store.get_assessment(context.actor, context.parameter("id"), context.now),
                 [](const Assessment& assessment) { return assessment_response(200, assessment); });
}

HttpResponse assessment_trend(RequestContext& context) {
  auto query = read_query(context.request, {"instrument_id"});
  if (!query) return error_response(query.error());
  const auto found = query->find("instrument_id");
  if (found == query->end())
    return error_response(make_error(ErrorCode::MalformedRequest, "instrument_id is required", "instrument_id"));
  return respond(
      context.services.store.list_assessments(context.actor, context.parameter("id"), found->second, context.now),
      [](const std::vector<Assessment>& assessments) {
        // Oldest first, corrected ones left out: one point per assessment as it now stands.
        nlohmann::json points = nlohmann::json::array();
        for (auto it = assessments.rbegin(); it != assessments.rend(); ++it) {
          if (!it->superseded_by.empty()) continue;
          points.push_back({{"assessment_id", it->id},
                            {"completed_at", it->completed_at},
                            {"score", it->score.total ? nlohmann::json(*it->score.total) : nlohmann::json(nullptr)},
                            {"result", text_or_null(it->score.result_code)},
                            {"result_display", text_or_null(it->score.result_display)}});
        }
        return json_response(200, {{"points", points}});
      });
}

}  // namespace caseboard::api
