// Reports: figures by program, team, case manager and period; trends; the cases behind a figure.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "api/handlers.hpp"
#include "api/json_mapping.hpp"
#include "api/route.hpp"
#include "core/report.hpp"
#include "core/text.hpp"
#include "report/report_assembly.hpp"

namespace caseboard::api {

namespace {

struct ReportQuery {
  store::ReportScope scope;
  ReportPeriod period;
  std::map<std::string, std::string> values;
};

// The scope and period every report endpoint takes, plus the endpoint's own parameters.
Result<ReportQuery> read_report_query(const HttpRequest& request, std::initializer_list<std::string_view> own) {
  std::vector<std::string_view> allowed{"period", "program", "team", "case_manager"};
  allowed.insert(allowed.end(), own.begin(), own.end());
  ReportQuery query;
  std::map<std::string, std::string> values;
  for (const auto& [name, value] : request.query) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return fail(ErrorCode::MalformedRequest, name + " is not a known query parameter", name);
    }
    if (!is_valid_utf8(value) || has_control_characters(value, LineBreaks::Refused) || value.size() > 200) {
      return fail(ErrorCode::InvalidArgument, name + " must be short UTF-8 text without control characters", name);
    }
    values[name] = value;
  }
  const auto period = values.find("period");
  if (period == values.end()) {
    return fail(ErrorCode::InvalidArgument, "period is required (e.g. 2026-10, 2026-Q3, 2026-W43)", "period");
  }
  CB_TRY_ASSIGN(parsed, parse_report_period(period->second, "period"));
  query.period = std::move(parsed);
  const auto take = [&](const char* name, std::optional<std::string>& into) {
    if (const auto found = values.find(name); found != values.end() && !found->second.empty()) into = found->second;
  };
  take("program", query.scope.program_id);
  take("team", query.scope.team_supervisor_id);
  take("case_manager", query.scope.case_manager_id);
  query.values = std::move(values);
  return query;
}

nlohmann::json figure_json(const Figure& figure) {
  nlohmann::json value = nullptr;
  if (figure.value) value = std::round(*figure.value * 100) / 100;
  return {{"value", value}, {"numerator", figure.numerator}, {"denominator", figure.denominator}};
}

nlohmann::json figures_json(const FigureSet& set, const std::vector<Metric>& metrics) {
  auto out = nlohmann::json::object();
  for (const auto metric : metrics) {
    const auto found = set.figures.find(metric);
    if (found != set.figures.end()) out[std::string(metric_info(metric).name)] = figure_json(found->second);
  }
  return out;
}

nlohmann::json period_json(const ReportPeriod& period) {
  return {{"label", period.label},
          {"kind", period_kind_name(period.kind)},
          {"from", format_timestamp(period.from)},
          {"to", format_timestamp(period.to)}};
}

nlohmann::json optional_text(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return *text;
}

std::vector<Metric> every_metric() {
  std::vector<Metric> metrics;
  for (const auto& info : all_metrics()) metrics.push_back(info.metric);
  return metrics;
}

// "a,b,c" as metrics; InvalidArgument naming `field` for an unknown name.
Result<std::vector<Metric>> read_metrics(const std::string& text, const std::string& field) {
  std::vector<Metric> metrics;
  std::size_t start = 0;
  while (start <= text.size()) {
    const auto end = std::min(text.find(',', start), text.size());
    const auto name = text.substr(start, end - start);
    const auto metric = parse_metric(name);
    if (!metric) return fail(ErrorCode::InvalidArgument, field + ": unknown metric \"" + name + "\"", field);
    metrics.push_back(*metric);
    start = end + 1;
  }
  return metrics;
}

}  // namespace

HttpResponse report_metrics(RequestContext&) {
  auto metrics = nlohmann::json::array();
  for (const auto& info : all_metrics()) {
    metrics.push_back({{"name", info.name},
                       {"label", info.label},
                       {"unit", info.unit},
                       {"kind", info.kind == MetricKind::Rate ? "rate" : "figure"},
                       {"higher_is_better", info.higher_is_better}});
  }
  auto reports = nlohmann::json::array();
  for (const auto& report : report_definitions()) {
    auto names = nlohmann::json::array();
    for (const auto metric : report.metrics) names.push_back(metric_info(metric).name);
    reports.push_back({{"name", report.name}, {"label", report.label}, {"metrics", names}});
  }
  return json_response(200, {{"metrics", metrics}, {"reports", reports}});
}

HttpResponse report_figures(RequestContext& context) {
  auto query = read_report_query(context.request, {});
  if (!query) return error_response(query.error());
  auto& store = context.services.store;
  auto result = store.report(context.actor, query->scope, query->period, context.now);
  if (!result) return error_response(result.error());
  auto names = store.staff_names(context.actor);
  if (!names) return error_response(names.error());
  const auto metrics = every_metric();
  auto people = nlohmann::json::array();
  for (const auto& [user_id, figures] : result->by_case_manager) {
    const auto name = names->find(user_id);
    people.push_back({{"user_id", user_id.empty() ? nlohmann::json(nullptr) : nlohmann::json(user_id)},
                      {"name", name == names->end() ? "Unassigned" : name->second},
                      {"figures", figures_json(figures, metrics)}});
  }
  std::sort(people.begin(), people.end(),
            [](const nlohmann::json& a, const nlohmann::json& b) { return a["name"] < b["name"]; });
  return json_response(200, {{"period", period_json(result->period)},
                             {"scope",
                              {{"program", optional_text(query->scope.program_id)},
                               {"team", optional_text(query->scope.team_supervisor_id)},
                               {"case_manager", optional_text(query->scope.case_manager_id)}}},
                             {"total", figures_json(result->total, metrics)},
                             {"by_case_manager", people},
                             {"discharges_by_destination", result->discharges_by_destination}});
}

HttpResponse report_trend(RequestContext& context) {
  auto query = read_report_query(context.request, {"count", "metrics"});
  if (!query) return error_response(query.error());
  int count = 12;
  if (const auto found = query->values.find("count"); found != query->values.end()) {
    const auto& text = found->second;
    auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), count);
    if (status != std::errc() || end != text.data() + text.size() || count < 1 || count > 24) {
      return error_response(
          make_error(ErrorCode::InvalidArgument, "count must be a whole number from 1 to 24", "count"));
    }
  }
  auto metrics = every_metric();
  if (const auto found = query->values.find("metrics"); found != query->values.end()) {
    auto chosen = read_metrics(found->second, "metrics");
    if (!chosen) return error_response(chosen.error());
    metrics = std::move(*chosen);
  }
  auto periods = nlohmann::json::array();
  for (const auto& period : trailing_periods(query->period, count)) {
    auto result = context.services.store.report(context.actor, query->scope, period, context.now);
    if (!result) return error_response(result.error());
    auto entry = period_json(period);
    entry["total"] = figures_json(result->total, metrics);
    periods.push_back(std::move(entry));
  }
  return json_response(200, {{"periods", periods}});
}

HttpResponse report_cases(RequestContext& context) {
  auto query = read_report_query(context.request, {"metric", "missed", "limit"});
  if (!query) return error_response(query.error());
  const auto metric_name = query->values.find("metric");
  if (metric_name == query->values.end()) {
    return error_response(make_error(ErrorCode::InvalidArgument, "metric is required", "metric"));
  }
  const auto metric = parse_metric(metric_name->second);
  if (!metric) {
    return error_response(
        make_error(ErrorCode::InvalidArgument, "metric: unknown metric \"" + metric_name->second + "\"", "metric"));
  }
  DrillDownFilter filter{*metric, false, std::nullopt};
  if (const auto found = query->values.find("missed"); found != query->values.end()) {
    if (found->second != "true" && found->second != "false") {
      return error_response(make_error(ErrorCode::InvalidArgument, "missed must be true or false", "missed"));
    }
    filter.missed_only = found->second == "true";
  }
  int limit = 500;
  if (const auto found = query->values.find("limit"); found != query->values.end()) {
    const auto& text = found->second;
    auto [end, status] = std::from_chars(text.data(), text.data() + text.size(), limit);
    if (status != std::errc() || end != text.data() + text.size() || limit < 1 || limit > 5000) {
      return error_response(
          make_error(ErrorCode::InvalidArgument, "limit must be a whole number from 1 to 5000", "limit"));
    }
  }
  auto cases =
      context.services.store.report_cases(context.actor, query->scope, query->period, {filter}, limit, context.now);
  if (!cases) return error_response(cases.error());
  auto rows = nlohmann::json::array();
  for (const auto& row : cases->cases) {
    rows.push_back({{"case_id", text_or_null(row.case_id)},
                    {"referral_id", text_or_null(row.referral_id)},
                    {"client_id", row.withheld ? nlohmann::json(nullptr) : nlohmann::json(row.client_id)},
                    {"client_name", row.withheld ? nlohmann::json(nullptr) : nlohmann::json(row.client_name)},
                    {"withheld", row.withheld},
                    {"program_id", row.program_id},
                    {"program_name", row.program_name},
                    {"case_manager_id", text_or_null(row.case_manager_id)},
                    {"case_manager_name", text_or_null(row.case_manager_name)},
                    {"value", row.value},
                    {"weight", row.weight},
                    {"detail", row.detail}});
  }
  return json_response(200, {{"metric", metric_info(*metric).name},
                             {"period", period_json(query->period)},
                             {"cases", rows},
                             {"not_listed", cases->not_listed}});
}

HttpResponse report_export(RequestContext& context) {
  auto query = read_report_query(context.request, {"report", "format"});
  if (!query) return error_response(query.error());
  const auto name = query->values.find("report");
  const auto* definition = find_report(name == query->values.end() ? "monthly" : name->second);
  if (definition == nullptr) {
    return error_response(make_error(ErrorCode::InvalidArgument,
                                     "report must be monthly, caseload, timeliness, outcomes or documentation",
                                     "report"));
  }
  const auto format_name = query->values.find("format");
  const auto format =
      format_name == query->values.end() ? std::nullopt : report::parse_report_format(format_name->second);
  if (!format) {
    return error_response(make_error(ErrorCode::InvalidArgument, "format must be csv, xlsx or pdf", "format"));
  }
  auto document = report::assemble_report(context.services.store, context.actor, *definition, query->scope,
                                          query->period, *format, context.now);
  if (!document) return error_response(document.error());
  auto bytes = report::write_report(*document, *format);
  if (!bytes) return error_response(bytes.error());
  HttpResponse response;
  response.content_type = std::string(report::report_content_type(*format));
  response.body = std::move(*bytes);
  response.headers.emplace_back("Content-Disposition",
                                "attachment; filename=\"" + report::report_file_name(*document, *format) + "\"");
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace caseboard::api
