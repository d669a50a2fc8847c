// caseboard user add: the first administrator of a new installation, or any staff account.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "core/access.hpp"
#include "core/user.hpp"
#include "security/breached_passwords.hpp"
#include "security/password.hpp"
#include "security/totp.hpp"
#include "store/open_store.hpp"

namespace caseboard::cli {
namespace {

// The password from standard input: typed without echo on a terminal, or piped in.
std::string read_password() {
  const bool terminal = isatty(STDIN_FILENO) != 0;
  termios saved{};
  if (terminal) {
    std::fprintf(stderr, "Password: ");
    tcgetattr(STDIN_FILENO, &saved);
    termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &silent);
  }
  std::string password;
  std::getline(std::cin, password);
  if (terminal) {
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fprintf(stderr, "\n");
  }
  if (!password.empty() && password.back() == '\r') password.pop_back();
  return password;
}

Timestamp now() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

int run_user_add(const UserAddOptions& options) {
  auto role = parse_role(options.role);
  if (!role) {
    std::fprintf(stderr, "caseboard: unknown role '%s'\n", options.role.c_str());
    return 2;
  }
  auto fields = validate_user(UserFields{
      options.username, options.display_name.empty() ? options.username : options.display_name, *role, true, {}});
  if (!fields) {
    std::fprintf(stderr, "caseboard: %s\n", fields.error().public_message.c_str());
    return 2;
  }
  const auto password = read_password();
  if (auto strong = security::check_new_password(password); !strong) {
    std::fprintf(stderr, "caseboard: %s\n", strong.error().public_message.c_str());
    return 2;
  }
  store::OpenOptions open_options;
  open_options.connections = 1;
  open_options.audit_key_path = options.audit_key_file;
  auto store = store::open_store(options.database, open_options);
  if (!store) {
    std::fprintf(stderr, "caseboard: cannot open the database: %s\n", store.error().internal_message.c_str());
    return 1;
  }
  auto organizations = (*store)->list_organizations();
  if (!organizations) {
    std::fprintf(stderr, "caseboard: %s\n", organizations.error().internal_message.c_str());
    return 1;
  }
  std::string organization_id;
  for (const auto& organization : *organizations) {
    if (organization.name == options.organization) organization_id = organization.id;
  }
  if (organization_id.empty() && options.organization.empty()) {
    if (organizations->size() != 1) {
      std::fprintf(stderr, "caseboard: name the organization with --org (there are %zu)\n", organizations->size());
      return 2;
    }
    organization_id = organizations->front().id;
  }
  if (organization_id.empty()) {
    auto created = (*store)->create_organization(options.organization, now());
    if (!created) {
      std::fprintf(stderr, "caseboard: %s\n", created.error().public_message.c_str());
      return 1;
    }
    organization_id = created->id;
  }
  auto hash = security::hash_password(password);
  if (!hash) return 1;
  Actor actor{{}, organization_id, Role::Administrator, "command line", {}};
  auto user = (*store)->create_user(actor, std::move(*fields), std::move(*hash), now());
  if (!user) {
    std::fprintf(stderr, "caseboard: %s\n", user.error().public_message.c_str());
    return 1;
  }
  std::printf("added %s (%s) with id %s\n", user->fields.username.c_str(), options.role.c_str(), user->id.c_str());
  if (requires_second_factor(user->fields.role)) {
    // Administrators sign in with a second factor from the first day.
    const auto secret = security::new_totp_secret();
    if (auto enrolled = (*store)->activate_totp(actor, user->id, (*store)->seal_secret(secret), std::nullopt, now());
        !enrolled) {
      std::fprintf(stderr, "caseboard: %s\n", enrolled.error().internal_message.c_str());
      return 1;
    }
    std::printf("second factor (add it to an authenticator app now; it is not shown again):\n");
    std::printf("  secret: %s\n  uri:    %s\n", security::totp_base32(secret).c_str(),
                security::totp_uri(secret, user->fields.username).c_str());
  }
  return 0;
}

}  // namespace caseboard::cli
