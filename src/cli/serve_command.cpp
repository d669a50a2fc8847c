// caseboard serve and caseboard migrate.
#include <spdlog/spdlog.h>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <thread>

#include "api/http_server.hpp"
#include "cli/commands.hpp"
#include "instruments/instrument_file.hpp"
#include "store/open_store.hpp"

namespace caseboard::cli {

int run_serve(const ServeOptions& options) {
#if defined(__GLIBC__)
  // glibc gives every thread that allocates an arena of its own (up to eight a core) and keeps
  // what each arena freed for reuse: with 16 request threads building large answers, the client
  // chart's load held 410 MB at a million clients; two arenas a core held 270 MB under the same load
  // (docs/performance.md).
  mallopt(M_ARENA_MAX, static_cast<int>(std::max(2U, 2 * std::thread::hardware_concurrency())));
#endif
  store::OpenOptions open_options;
  open_options.connections = static_cast<int>(options.threads);
  open_options.audit_key_path = options.audit_key_file;
  auto store = store::open_store(options.database, open_options);
  if (!store) {
    std::fprintf(stderr, "caseboard: cannot open the database: %s\n", store.error().internal_message.c_str());
    return 1;
  }
  auto problems = (*store)->durability_problems();
  if (!problems) {
    std::fprintf(stderr, "caseboard: cannot read the database's settings: %s\n",
                 problems.error().internal_message.c_str());
    return 1;
  }
  for (const auto& problem : *problems) {
    std::fprintf(stderr, "caseboard: %s: a crash could lose committed writes\n", problem.c_str());
  }
  if (!problems->empty() && !options.allow_unsafe_durability) {
    std::fprintf(stderr,
                 "caseboard: refusing to serve; fix the database's settings, or pass "
                 "--allow-unsafe-durability for a throwaway database\n");
    return 1;
  }
  auto loaded = instruments::load_instruments(options.instruments_dir);
  if (!loaded) {
    std::fprintf(stderr, "caseboard: cannot load the assessment instruments: %s\n",
                 loaded.error().public_message.c_str());
    return 1;
  }
  const instruments::InstrumentCatalog catalog(std::move(*loaded));
  api::SignInThrottle throttle(
      api::SignInThrottleLimits{options.sign_in_failures_per_source, std::chrono::minutes(15)});
  api::Services services{**store, api::SessionPolicy{}, throttle, std::chrono::minutes(options.break_glass_minutes),
                         catalog};
  services.sessions.idle_limit = std::chrono::minutes(options.idle_minutes);
  services.sessions.lifetime = std::chrono::minutes(options.session_lifetime_minutes);
  api::ServerOptions server;
  server.host = options.host;
  server.port = options.port;
  server.web_root = options.web_root;
  server.threads = options.threads;
  server.tls_certificate_file = options.tls_certificate_file;
  server.tls_key_file = options.tls_key_file;
  api::serve_until_stopped(server, services);
  return 0;
}

int run_migrate(const std::string& database) {
  auto applied = store::migrate_database(database);
  if (!applied) {
    std::fprintf(stderr, "caseboard: migration failed: %s\n", applied.error().internal_message.c_str());
    return 1;
  }
  std::printf("%d migration(s) applied; the schema is up to date\n", *applied);
  return 0;
}

}  // namespace caseboard::cli
