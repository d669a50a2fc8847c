// Programs: everyone reads them, administrators change them.
#include "api/handlers.hpp"
#include "api/json_mapping.hpp"
#include "api/json_reader.hpp"

#include <algorithm>

namespace caseboard::api {
namespace {

constexpr std::string_view kProgramFields[] = {"name", "description", "active", "clock_rules", "notes_need_cosign"};

void apply_program_fields(JsonReader& reader, ProgramFields& fields) {
  if (auto value = reader.optional_string("name")) fields.name = *value;
  if (auto value = reader.optional_string("description")) fields.description = *value;
  if (auto value = reader.optional_bool("active")) fields.active = *value;
  if (auto value = reader.optional_bool("notes_need_cosign")) fields.notes_need_cosign = *value;
  if (const auto* rules = reader.optional_object("clock_rules")) {
    JsonReader rule_reader(*rules, "clock_rules.");
    std::vector<std::string_view> names;
    for (const auto& setting : kClockRuleSettings) names.push_back(setting.name);
    rule_reader.allow_only(names);
    for (const auto& setting : kClockRuleSettings) {
      if (auto value = rule_reader.optional_integer(setting.name)) {
        // Out-of-range values are left for validate_clock_rules to name.
        fields.clock_rules.*setting.value =
            static_cast<int>(std::clamp<std::int64_t>(*value, -1, setting.maximum + std::int64_t{1}));
      }
    }
    if (rule_reader.error()) reader.fail_with(*rule_reader.error());
  }
}

HttpResponse program_response(int status, const Program& program) {
  return with_entity_tag(json_response(status, to_json(program)), program.version);
}

}  // namespace

HttpResponse list_programs(RequestContext& context) {
  return respond(context.services.store.list_programs(context.actor), [](const std::vector<Program>& programs) {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& program : programs) items.push_back(to_json(program));
    return json_response(200, {{"items", items}});
  });
}

HttpResponse get_program(RequestContext& context) {
  return respond(context.services.store.get_program(context.actor, context.parameter("id")),
                 [](const Program& program) { return program_response(200, program); });
}

HttpResponse create_program(RequestContext& context) {
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only(kProgramFields);
  (void)reader.required_string("name");
  ProgramFields fields;
  apply_program_fields(reader, fields);
  if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());
  auto valid = validate_program(std::move(fields));
  if (!valid) return error_response(valid.error());
  return respond(context.services.store.create_program(context.actor, std::move(*valid), context.now),
                 [](const Program& program) { return program_response(201, program); });
}

HttpResponse update_program(RequestContext& context) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  auto body = read_body(context.request);
  if (!body) return error_response(body.error());
  JsonReader reader(*body);
  reader.allow_only(kProgramFields);
  ProgramFields patch;
  apply_program_fields(reader, patch);
  if (auto parsed = reader.result(); !parsed) return error_response(parsed.error());
  auto change = [&](ProgramFields fields) -> Result<ProgramFields> {
    JsonReader again(*body);
    apply_program_fields(again, fields);
    return validate_program(std::move(fields));
  };
  return respond(
      context.services.store.update_program(context.actor, context.parameter("id"), *version, change, context.now),
      [](const Program& program) { return program_response(200, program); });
}

}  // namespace caseboard::api
