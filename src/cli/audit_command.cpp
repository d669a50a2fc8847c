// caseboard audit verify: proves the audit trail is as it was written, or names where it is not.
#include <cstdio>

#include "cli/commands.hpp"
#include "store/open_store.hpp"

namespace caseboard::cli {

int run_audit_verify(const std::string& database, const std::string& audit_key_file) {
  // Never migrate or create anything here: verification only reads.
  store::OpenOptions options;
  options.connections = 1;
  options.apply_migrations = false;
  options.audit_key_path = audit_key_file;
  options.create_audit_key = false;
  auto store = store::open_store(database, options);
  if (!store) {
    std::fprintf(stderr, "caseboard: cannot open the database or its audit key: %s\n",
                 store.error().internal_message.c_str());
    return 2;
  }
  auto verification = (*store)->verify_audit_trail();
  if (!verification) {
    std::fprintf(stderr, "caseboard: cannot read the audit trail: %s\n", verification.error().internal_message.c_str());
    return 2;
  }
  if (!verification->intact) {
    std::printf("audit trail BROKEN at entry %lld: %s\n", static_cast<long long>(verification->first_bad_sequence),
                verification->problem.c_str());
    return 1;
  }
  std::printf("audit trail intact: %lld entries verified\n", static_cast<long long>(verification->entries));
  return 0;
}

}  // namespace caseboard::cli
