// The subcommands of the caseboard binary; main.cpp wires them to CLI11.
#pragma once

#include <optional>
#include <string>

#include "core/role.hpp"

namespace caseboard::cli {

struct ServeOptions {
  std::string database = "./caseboard.db";
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::string web_root;
  std::string instruments_dir;  // the assessment instruments' definition files
  // Request threads (and SQLite readers). More than the cores: a thread waits for its audit entry's
  // commit, and the more requests wait together, the more entries one commit (one fsync) carries.
  std::size_t threads = 16;
  int idle_minutes = 15;
  int session_lifetime_minutes = 12 * 60;
  std::string audit_key_file;                    // empty: the default beside the database (see store/open_store.hpp)
  std::size_t sign_in_failures_per_source = 30;  // in 15 minutes, before 429
  int break_glass_minutes = 60;
  bool allow_unsafe_durability = false;  // serve even when a crash could lose committed writes
  std::string tls_certificate_file;      // PEM; with tls_key_file: HTTPS
  std::string tls_key_file;
};
int run_serve(const ServeOptions& options);

int run_migrate(const std::string& database);

struct UserAddOptions {
  std::string database = "./caseboard.db";
  std::string username;
  std::string display_name;
  std::string role;
  std::string organization;  // empty: the only organization there is
  std::string audit_key_file;
};
// Reads the password from standard input (never the command line).
int run_user_add(const UserAddOptions& options);

struct DemoOptions {
  std::string database = "./caseboard.db";
  unsigned seed = 20261122;
  int clients = 500;
  std::string audit_key_file;
};
int run_demo(const DemoOptions& options);

struct ReportOptions {
  std::string database = "./caseboard.db";
  std::string audit_key_file;
  std::string report;    // a named report: monthly, caseload, timeliness, outcomes, documentation
  std::string period;    // 2026-10, 2026-Q3, 2026-W43 or 2026-10-01..2026-10-15
  std::string format;    // csv, xlsx or pdf
  std::string username;  // --as: whose access rules apply; the export is audited under their name
  std::optional<std::string> program_id;
  std::optional<std::string> team_id;  // a supervisor's user id
  std::optional<std::string> case_manager_id;
  std::string output;  // empty: standard output (refused for xlsx and pdf on a terminal)
};
// Exits 2 naming the option for bad arguments (nothing written), 1 when the export fails.
int run_report(const ReportOptions& options);

// Recomputes the audit trail's hash chain; exits non-zero naming the first bad entry.
int run_audit_verify(const std::string& database, const std::string& audit_key_file);

}  // namespace caseboard::cli
