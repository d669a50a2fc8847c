// caseboard report: a named report exported as CSV, XLSX or PDF, read as one user so that user's
// access rules apply (and the export is audited under their name).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

#include "cli/commands.hpp"
#include "core/report_period.hpp"
#include "report/report_assembly.hpp"
#include "report/report_export.hpp"
#include "store/open_store.hpp"

namespace caseboard::cli {
namespace {

// Bad arguments: exit 2 and nothing written. Failures after that: exit 1.
constexpr int kBadArguments = 2;
constexpr int kFailed = 1;

std::string known_reports() {
  std::string names;
  for (const auto& definition : report_definitions()) {
    names += (names.empty() ? "" : ", ") + std::string(definition.name);
  }
  return names;
}

// The command-line option a store error's field stands for.
std::string option_of(const std::string& field) {
  if (field == "program") return "--program";
  if (field == "team") return "--team";
  if (field == "case_manager") return "--case-manager";
  if (field == "period") return "--period";
  return field;
}

int store_failure(const Error& error, const std::string& what) {
  if (error.code == ErrorCode::InvalidArgument || error.code == ErrorCode::NotFound) {
    const auto option = option_of(error.field);
    std::string message = error.public_message;  // "program: no such program" -> "no such program"
    if (!error.field.empty() && message.starts_with(error.field + ": ")) message.erase(0, error.field.size() + 2);
    std::fprintf(stderr, "caseboard: %s%s%s\n", option.c_str(), option.empty() ? "" : ": ", message.c_str());
    return kBadArguments;
  }
  if (error.code == ErrorCode::PermissionDenied) {
    std::fprintf(stderr, "caseboard: --as: %s may not read reports\n", what.c_str());
    return kBadArguments;
  }
  std::fprintf(stderr, "caseboard: %s\n",
               error.internal_message.empty() ? error.public_message.c_str() : error.internal_message.c_str());
  return kFailed;
}

bool write_all(int descriptor, const std::string& bytes) {
  std::size_t written = 0;
  while (written < bytes.size()) {
    const auto count = ::write(descriptor, bytes.data() + written, bytes.size() - written);
    if (count < 0 && errno == EINTR) continue;
    if (count <= 0) return false;
    written += static_cast<std::size_t>(count);
  }
  return true;
}

// Writes the file whole or not at all: a private temporary file beside it (mode 0600, as exports
// may name clients), renamed over it once complete.
bool write_file(const std::string& path, const std::string& bytes) {
  const auto slash = path.rfind('/');
  std::string temporary =
      (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + ".caseboard-XXXXXX";
  const int descriptor = mkstemp(temporary.data());
  if (descriptor < 0) {
    std::fprintf(stderr, "caseboard: --output: cannot write in the folder of %s: %s\n", path.c_str(),
                 std::strerror(errno));
    return false;
  }
  const bool ok = write_all(descriptor, bytes) && fsync(descriptor) == 0;
  const int saved = errno;
  close(descriptor);
  if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::fprintf(stderr, "caseboard: --output: cannot write %s: %s\n", path.c_str(), std::strerror(ok ? errno : saved));
    unlink(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace

int run_report(const ReportOptions& options) {
  // Every argument is checked before the database is opened.
  const auto* definition = find_report(options.report);
  if (definition == nullptr) {
    std::fprintf(stderr, "caseboard: unknown report '%s' (reports: %s)\n", options.report.c_str(),
                 known_reports().c_str());
    return kBadArguments;
  }
  const auto format = report::parse_report_format(options.format);
  if (!format) {
    std::fprintf(stderr, "caseboard: --format must be csv, xlsx or pdf, not '%s'\n", options.format.c_str());
    return kBadArguments;
  }
  auto period = parse_report_period(options.period, "--period");
  if (!period) {
    std::fprintf(stderr, "caseboard: %s (not '%s')\n", period.error().public_message.c_str(), options.period.c_str());
    return kBadArguments;
  }
  const std::pair<const char*, const std::optional<std::string>*> scope_options[] = {
      {"--program", &options.program_id}, {"--team", &options.team_id}, {"--case-manager", &options.case_manager_id}};
  for (const auto& [name, value] : scope_options) {
    if (*value && value->value().empty()) {
      std::fprintf(stderr, "caseboard: %s is empty\n", name);
      return kBadArguments;
    }
  }
  if (options.output.empty() && *format != report::ReportFormat::Csv && isatty(STDOUT_FILENO) != 0) {
    std::fprintf(stderr, "caseboard: --output is needed: a %s file is not written to a terminal\n",
                 options.format.c_str());
    return kBadArguments;
  }
  if (!options.output.empty()) {
    const auto slash = options.output.rfind('/');
    const std::string folder =
        slash == std::string::npos ? "." : options.output.substr(0, std::max<std::size_t>(slash, 1));
    if (access(folder.c_str(), W_OK) != 0) {
      std::fprintf(stderr, "caseboard: --output: cannot write in %s: %s\n", folder.c_str(), std::strerror(errno));
      return kBadArguments;
    }
  }

  store::OpenOptions open_options;
  open_options.connections = 1;
  open_options.audit_key_path = options.audit_key_file;
  auto opened = store::open_store(options.database, open_options);
  if (!opened) {
    std::fprintf(stderr, "caseboard: cannot open the database: %s\n", opened.error().internal_message.c_str());
    return kFailed;
  }
  auto& store = **opened;
  auto credentials = store.find_credentials(options.username);
  if (!credentials) return store_failure(credentials.error(), options.username);
  if (!*credentials || !(*credentials)->user.fields.active) {
    std::fprintf(stderr, "caseboard: --as: no active user named '%s'\n", options.username.c_str());
    return kBadArguments;
  }
  const auto& user = (*credentials)->user;
  const Actor actor{user.id, user.organization_id, user.fields.role, "command line", {}};
  const std::string who = user.fields.username + " (" + std::string(role_name(user.fields.role)) + ")";

  const store::ReportScope scope{options.program_id, options.team_id, options.case_manager_id};
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  auto document = report::assemble_report(store, actor, *definition, scope, *period, *format, now);
  if (!document) return store_failure(document.error(), who);
  auto bytes = report::write_report(*document, *format);
  if (!bytes) {
    std::fprintf(stderr, "caseboard: %s\n", bytes.error().internal_message.c_str());
    return kFailed;
  }
  if (options.output.empty()) {
    if (!write_all(STDOUT_FILENO, *bytes)) {
      std::fprintf(stderr, "caseboard: cannot write to standard output: %s\n", std::strerror(errno));
      return kFailed;
    }
    return 0;
  }
  if (!write_file(options.output, *bytes)) return kFailed;
  std::fprintf(stderr, "wrote %s (%zu bytes)\n", options.output.c_str(), bytes->size());
  return 0;
}

}  // namespace caseboard::cli
