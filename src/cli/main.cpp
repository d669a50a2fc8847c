// caseboard: one binary for the server and its administration commands.
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/commands.hpp"
#include "security/random_id.hpp"

int main(int argc, char** argv) {
  using namespace caseboard::cli;
  CLI::App app{"Caseboard: case management for case managers, care managers and their teams"};
  app.set_version_flag("--version", std::string("caseboard ") + CASEBOARD_VERSION);
  app.require_subcommand(1);

  ServeOptions serve;
  serve.web_root = CASEBOARD_DEFAULT_WEB_ROOT;
  serve.instruments_dir = CASEBOARD_DEFAULT_INSTRUMENTS;
  auto* serve_command = app.add_subcommand("serve", "Serve the web UI and the API");
  serve_command->add_option("--db", serve.database, "SQLite file path or postgresql:// URL")->capture_default_str();
  serve_command->add_option("--host", serve.host, "Address to listen on")->capture_default_str();
  serve_command->add_option("--port", serve.port, "Port to listen on")->capture_default_str();
  serve_command->add_option("--web-root", serve.web_root, "Folder of the built web UI")->capture_default_str();
  serve_command
      ->add_option("--instruments-dir", serve.instruments_dir, "Folder of the assessment instruments' JSON files")
      ->capture_default_str();
  serve_command->add_option("--threads", serve.threads, "Request threads")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  serve_command->add_option("--audit-key-file", serve.audit_key_file, "Key file of the audit trail's hash chain");
  serve_command
      ->add_option("--sign-in-failures-per-source", serve.sign_in_failures_per_source,
                   "Failed sign-ins one address may make in 15 minutes before it must wait (429)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  serve_command->add_option("--break-glass-minutes", serve.break_glass_minutes, "How long break-the-glass access lasts")
      ->check(CLI::Range(1, 24 * 60))
      ->capture_default_str();
  auto* certificate = serve_command
                          ->add_option("--tls-cert", serve.tls_certificate_file,
                                       "PEM certificate chain: serve HTTPS (TLS 1.2 and later)")
                          ->check(CLI::ExistingFile);
  auto* key = serve_command->add_option("--tls-key", serve.tls_key_file, "PEM private key of the certificate")
                  ->check(CLI::ExistingFile);
  certificate->needs(key);
  key->needs(certificate);
  serve_command->add_flag("--allow-unsafe-durability", serve.allow_unsafe_durability,
                          "Serve even on a database that could lose committed writes in a crash (tests only)");
  serve_command
      ->add_option("--session-lifetime", serve.session_lifetime_minutes,
                   "Minutes after sign-in that end a session, however active")
      ->check(CLI::Range(1, 7 * 24 * 60))
      ->capture_default_str();
  serve_command->add_option("--idle-timeout", serve.idle_minutes, "Minutes of inactivity that end a session")
      ->check(CLI::Range(1, 24 * 60))
      ->capture_default_str();

  std::string migrate_database = "./caseboard.db";
  auto* migrate_command = app.add_subcommand("migrate", "Create or update the database schema");
  migrate_command->add_option("--db", migrate_database, "SQLite file path or postgresql:// URL")->capture_default_str();

  DemoOptions demo;
  auto* demo_command = app.add_subcommand("demo", "Load realistic synthetic demo data into a new database");
  demo_command->add_option("--db", demo.database, "SQLite file path or postgresql:// URL")->capture_default_str();
  demo_command->add_option("--seed", demo.seed, "Seed of the generator (same seed, same data)")->capture_default_str();
  demo_command->add_option("--audit-key-file", demo.audit_key_file, "Key file of the audit trail's hash chain");
  demo_command->add_option("--clients", demo.clients, "Number of clients")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();

  UserAddOptions user;
  auto* user_command = app.add_subcommand("user", "Manage staff accounts");
  user_command->require_subcommand(1);
  auto* user_add = user_command->add_subcommand("add", "Add a staff account; the password is read from standard input");
  user_add->add_option("--db", user.database, "SQLite file path or postgresql:// URL")->capture_default_str();
  user_add->add_option("--username", user.username, "Sign-in name")->required();
  user_add
      ->add_option("--role", user.role,
                   "case_manager, nurse_case_manager, supervisor, director, administrator or auditor")
      ->required();
  user_add->add_option("--display-name", user.display_name, "Name shown to colleagues (default: the username)");
  user_add->add_option("--audit-key-file", user.audit_key_file, "Key file of the audit trail's hash chain");
  user_add->add_option("--org", user.organization,
                       "Organization name; created when new (default: the only organization)");

  std::string audit_database = "./caseboard.db";
  std::string audit_key_file;
  auto* audit_command = app.add_subcommand("audit", "Work with the audit trail");
  audit_command->require_subcommand(1);
  auto* audit_verify = audit_command->add_subcommand(
      "verify", "Recompute the audit trail's hash chain; name the first entry changed, removed, inserted or moved");
  audit_verify->add_option("--db", audit_database, "SQLite file path or postgresql:// URL")->capture_default_str();
  audit_verify->add_option("--audit-key-file", audit_key_file,
                           "Key file (default: CASEBOARD_AUDIT_KEY_FILE, or <db>.audit-key beside SQLite)");

  ReportOptions report;
  auto* report_command = app.add_subcommand("report", "Export a report as CSV, XLSX or PDF, read as one user");
  report_command->add_option("name", report.report, "monthly, caseload, timeliness, outcomes or documentation")
      ->required();
  report_command->add_option("--period", report.period, "2026-10, 2026-Q3, 2026-W43 or 2026-10-01..2026-10-15")
      ->required();
  report_command->add_option("--format", report.format, "csv, xlsx or pdf")->required();
  report_command->add_option("--as", report.username, "Username whose access rules apply (audited as theirs)")
      ->required();
  report_command->add_option("--db", report.database, "SQLite file path or postgresql:// URL")->capture_default_str();
  report_command->add_option("--audit-key-file", report.audit_key_file, "Key file of the audit trail's hash chain");
  report_command->add_option("--program", report.program_id, "Only this program (id)");
  report_command->add_option("--team", report.team_id, "Only this supervisor's team (user id)");
  report_command->add_option("--case-manager", report.case_manager_id, "Only this case manager's cases (user id)");
  report_command->add_option("--output", report.output,
                             "File to write (default: standard output; xlsx and pdf are not written to a terminal)");

  CLI11_PARSE(app, argc, argv);
  caseboard::security::initialize();
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ %v", spdlog::pattern_time_type::utc);

  try {
    if (*serve_command) return run_serve(serve);
    if (*migrate_command) return run_migrate(migrate_database);
    if (*demo_command) return run_demo(demo);
    if (*user_add) return run_user_add(user);
    if (*audit_verify) return run_audit_verify(audit_database, audit_key_file);
    if (*report_command) return run_report(report);
  } catch (const std::exception& exception) {
    std::fprintf(stderr, "caseboard: %s\n", exception.what());
    return 1;
  }
  return 1;
}
