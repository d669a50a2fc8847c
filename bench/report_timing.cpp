// caseboard-report-timing: how long the monthly report takes through the store (Store::report, the
// figures, and Store::report_cases, the drill-down rows of every figure), as a director asks for it,
// for the program whose staff is nearest 60 people, for one team, and for the whole organization.
// Prints p50 and p99 over repetitions, one line per scope and call.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "security/random_id.hpp"
#include "store/open_store.hpp"

namespace caseboard::bench {
namespace {

using Clock = std::chrono::steady_clock;

struct Scope {
  std::string label;
  store::ReportScope scope;
  std::size_t people = 0;
};

double percentile(std::vector<double> values, double fraction) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1))];
}

int run(const std::string& database, const std::string& audit_key_file, const std::string& period_text, int repetitions,
        const std::string& at_text) {
  security::initialize();
  store::OpenOptions options;
  options.connections = 1;
  options.audit_key_path = audit_key_file;
  options.create_audit_key = false;
  auto opened = store::open_store(database, options);
  if (!opened) {
    std::fprintf(stderr, "caseboard-report-timing: %s\n", opened.error().internal_message.c_str());
    return 1;
  }
  auto& store = **opened;
  auto period = parse_report_period(period_text, "period");
  const auto now = parse_timestamp(at_text);
  if (!period || !now) {
    std::fprintf(stderr, "caseboard-report-timing: bad --period or --at\n");
    return 2;
  }
  auto director = store.find_credentials("director");
  auto supervisor = store.find_credentials("sup0001");
  if (!director || !*director || !supervisor || !*supervisor) {
    std::fprintf(stderr, "caseboard-report-timing: the database has no synthetic director or sup0001\n");
    return 1;
  }
  const Actor actor{(*director)->user.id, (*director)->user.organization_id, Role::Director, "report-timing", {}};

  // The program whose report covers the number of people nearest 60.
  auto programs = store.list_programs(actor);
  if (!programs) return 1;
  Scope program{"program", {}, 0};
  for (const auto& candidate : *programs) {
    store::ReportScope scope;
    scope.program_id = candidate.id;
    auto result = store.report(actor, scope, *period, *now);
    if (!result) {
      std::fprintf(stderr, "caseboard-report-timing: report failed: %s\n", result.error().internal_message.c_str());
      return 1;
    }
    const auto people = result->by_case_manager.size();
    const auto distance = [](std::size_t n) { return n > 60 ? n - 60 : 60 - n; };
    if (program.people == 0 || distance(people) < distance(program.people)) {
      program = {"program " + candidate.fields.name, scope, people};
    }
  }
  Scope team{"team of sup0001", {}, 0};
  team.scope.team_supervisor_id = (*supervisor)->user.id;
  Scope organization{"organization", {}, 0};
  std::vector<DrillDownFilter> every_metric;
  for (const auto& info : all_metrics()) every_metric.push_back({info.metric, false, std::nullopt});

  for (auto* scope : {&program, &team, &organization}) {
    std::vector<double> figures_ms;
    std::vector<double> cases_ms;
    std::size_t rows = 0;
    for (int r = 0; r < repetitions; ++r) {
      const auto start = Clock::now();
      auto result = store.report(actor, scope->scope, *period, *now);
      figures_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      if (!result) return 1;
      scope->people = result->by_case_manager.size();
      const auto drill_start = Clock::now();
      auto cases = store.report_cases(actor, scope->scope, *period, every_metric, 100, *now);
      cases_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - drill_start).count());
      if (!cases) return 1;
      rows = cases->cases.size();
    }
    std::printf("report scope=\"%s\" people=%zu call=figures period=%s runs=%d p50_ms=%.1f p99_ms=%.1f\n",
                scope->label.c_str(), scope->people, period->label.c_str(), repetitions, percentile(figures_ms, 0.5),
                percentile(figures_ms, 0.99));
    std::printf("report scope=\"%s\" people=%zu call=cases period=%s runs=%d rows=%zu p50_ms=%.1f p99_ms=%.1f\n",
                scope->label.c_str(), scope->people, period->label.c_str(), repetitions, rows,
                percentile(cases_ms, 0.5), percentile(cases_ms, 0.99));
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace
}  // namespace caseboard::bench

int main(int argc, char** argv) {
  std::string database;
  std::string audit_key_file;
  std::string period = "2026-10";
  std::string at = "2026-11-01T00:00:00Z";
  int repetitions = 10;
  CLI::App app{"caseboard-report-timing: monthly report times for a ~60-person program, a team, the organization"};
  app.add_option("--db", database, "SQLite file or postgresql:// URL filled by caseboard-generate")->required();
  app.add_option("--audit-key-file", audit_key_file, "The database's audit key (default beside a SQLite file)");
  app.add_option("--period", period, "Report period")->capture_default_str();
  app.add_option("--at", at, "The time the reports are asked at (UTC)")->capture_default_str();
  app.add_option("--repetitions", repetitions, "Runs per scope")->capture_default_str()->check(CLI::Range(1, 1000));
  CLI11_PARSE(app, argc, argv);
  return caseboard::bench::run(database, audit_key_file, period, repetitions, at);
}
