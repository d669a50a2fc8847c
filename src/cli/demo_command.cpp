// caseboard demo: a database full of realistic synthetic clients to try Caseboard with.
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/demo_data.hpp"
#include "store/open_store.hpp"

namespace caseboard::cli {

int run_demo(const DemoOptions& options) {
  store::OpenOptions open_options;
  open_options.connections = 1;
  open_options.audit_key_path = options.audit_key_file;
  auto store = store::open_store(options.database, open_options);
  if (!store) {
    std::fprintf(stderr, "caseboard: cannot open the database: %s\n", store.error().internal_message.c_str());
    return 1;
  }
  const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  auto loaded = load_demo_data(**store, options.seed, options.clients, now);
  if (!loaded) {
    std::fprintf(stderr, "caseboard: %s\n", loaded.error().internal_message.c_str());
    return 1;
  }
  std::printf(
      "Demo organization \"%s\": %d programs, %d staff, %d clients, %d contacts, %d referrals, %d cases, %d notes, "
      "%d visits, %d directory services\n",
      loaded->organization.c_str(), loaded->programs, loaded->staff, loaded->clients, loaded->contacts,
      loaded->referrals, loaded->cases, loaded->notes, loaded->appointments, loaded->services);
  std::printf("Demo logins (password for all: %.*s):\n", static_cast<int>(kDemoPassword.size()), kDemoPassword.data());
  for (const auto& login : loaded->logins) {
    std::printf("  %-14s %s", login.username.c_str(), login.role.c_str());
    if (!login.totp_secret.empty())
      std::printf("  (second factor: add secret %s to an authenticator app)", login.totp_secret.c_str());
    std::printf("\n");
  }
  return 0;
}

}  // namespace caseboard::cli
