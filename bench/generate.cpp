// caseboard-generate: fills a database with a synthetic agency of any size, deterministically from
// a seed, through the store's bulk loader (store/synthetic_load.hpp). Prints its progress in rows a
// second, the counts, and the logins the benchmarks use.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <future>

#include "bench/synthetic_organization.hpp"
#include "instruments/instrument_file.hpp"
#include "security/password.hpp"
#include "security/random_id.hpp"
#include "security/totp.hpp"

namespace caseboard::bench {
namespace {

struct GenerateOptions {
  std::int64_t clients = 1000;
  std::uint64_t seed = 1;
  std::string sqlite;
  std::string postgres;
  int years = 3;
  std::string as_of = "2026-11-01T00:00:00Z";
  std::int64_t batch = 5000;
  std::string instruments_dir = CASEBOARD_DEFAULT_INSTRUMENTS;
  std::string audit_key_file;
  std::int64_t cache_mib = 2048;
};

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int fail_with(const char* what, const Error& error) {
  std::fprintf(stderr, "caseboard-generate: %s: %s %s\n", what, error.public_message.c_str(),
               error.internal_message.c_str());
  return 1;
}

int generate(const GenerateOptions& options) {
  security::initialize();
  const auto as_of = parse_timestamp(options.as_of);
  if (!as_of) {
    std::fprintf(stderr, "caseboard-generate: --as-of must be a UTC time like 2026-11-01T00:00:00Z\n");
    return 2;
  }
  auto loaded = instruments::load_instruments(options.instruments_dir);
  if (!loaded) return fail_with("cannot load the instruments", loaded.error());
  const instruments::InstrumentCatalog catalog(std::move(*loaded));

  SyntheticOptions synthetic;
  synthetic.clients = options.clients;
  synthetic.seed = options.seed;
  synthetic.years = options.years;
  synthetic.as_of = *as_of;
  const auto started = std::chrono::steady_clock::now();
  auto agency = SyntheticOrganization::plan(synthetic, catalog);
  if (!agency) return fail_with("cannot plan the agency", agency.error());
  std::printf("planned %zu staff for %lld clients in %.1f s\n", agency->staff().size(),
              static_cast<long long>(options.clients), seconds_since(started));

  const std::string database = options.sqlite.empty() ? options.postgres : options.sqlite;
  store::OpenOptions open_options;
  open_options.connections = 1;
  open_options.audit_key_path = options.audit_key_file;
  auto loader = store::SyntheticLoader::open(database, open_options, options.cache_mib);
  if (!loader) return fail_with("cannot open the database", loader.error());
  auto& store = (*loader)->store();
  auto organizations = store.list_organizations();
  if (!organizations) return fail_with("cannot read the database", organizations.error());
  for (const auto& organization : *organizations) {
    if (organization.name == synthetic.organization_name) {
      std::fprintf(stderr, "caseboard-generate: this database already holds %s; use a new one\n",
                   synthetic.organization_name.c_str());
      return 1;
    }
  }

  // One password hash for every synthetic user: argon2id is slow on purpose.
  auto password_hash = security::hash_password(kBenchPassword);
  if (!password_hash) return fail_with("cannot hash the password", password_hash.error());
  const Actor loader_actor{{}, agency->organization_id(), Role::Administrator, "caseboard-generate", {}};
  store::SyntheticBatch agency_batch;
  agency->add_agency(agency_batch, *password_hash);
  auto written = (*loader)->write(agency_batch, loader_actor,
                                  std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  if (!written) return fail_with("cannot write the agency", written.error());
  std::int64_t rows = *written;

  // Clients in batches: the next batch is generated while the last one is written.
  SyntheticCounts counts;
  auto make_batch = [&](std::int64_t first) {
    auto batch = std::make_unique<store::SyntheticBatch>();
    SyntheticCounts batch_counts;
    agency->add_clients(first, std::min(first + options.batch, options.clients), *batch, batch_counts);
    return std::make_pair(std::move(batch), batch_counts);
  };
  const auto loading = std::chrono::steady_clock::now();
  std::future<std::pair<std::unique_ptr<store::SyntheticBatch>, SyntheticCounts>> next;
  if (options.clients > 0) next = std::async(std::launch::async, make_batch, 0);
  for (std::int64_t first = 0; first < options.clients; first += options.batch) {
    auto [batch, batch_counts] = next.get();
    if (first + options.batch < options.clients) {
      next = std::async(std::launch::async, make_batch, first + options.batch);
    }
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    auto batch_rows = (*loader)->write(*batch, loader_actor, now);
    if (!batch_rows) return fail_with("cannot write a batch", batch_rows.error());
    rows += *batch_rows;
    counts.add(batch_counts);
    const auto elapsed = seconds_since(loading);
    std::printf("clients %lld/%lld  rows %lld  %.0f rows/s  %.0f clients/s  %.0f s\n",
                static_cast<long long>(counts.clients), static_cast<long long>(options.clients),
                static_cast<long long>(rows), static_cast<double>(rows) / elapsed,
                static_cast<double>(counts.clients) / elapsed, elapsed);
    std::fflush(stdout);
  }

  // Administrators always have a second factor: the administrator gets one, shown once.
  std::string admin_secret;
  for (const auto& member : agency->staff()) {
    if (member.role != Role::Administrator) continue;
    const auto secret = security::new_totp_secret();
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    if (auto enrolled = store.activate_totp(loader_actor, member.id, store.seal_secret(secret), std::nullopt, now);
        !enrolled) {
      return fail_with("cannot enrol the administrator's second factor", enrolled.error());
    }
    admin_secret = security::totp_base32(secret);
  }

  const auto total = seconds_since(started);
  std::printf("\ndone: %lld rows in %.1f s (%.0f rows/s)\n", static_cast<long long>(rows), total,
              static_cast<double>(rows) / total);
  std::printf(
      "clients %lld, referrals %lld, cases %lld (open %lld), appointments %lld, notes %lld, referrals out %lld, "
      "incidents %lld, plan reviews %lld, discharges %lld, readmissions %lld, assessments %lld, care plans %lld, "
      "goals %lld, tasks %lld, contacts %lld, coverages %lld, authorizations %lld\n",
      static_cast<long long>(counts.clients), static_cast<long long>(counts.referrals),
      static_cast<long long>(counts.cases), static_cast<long long>(counts.open_cases),
      static_cast<long long>(counts.appointments), static_cast<long long>(counts.notes),
      static_cast<long long>(counts.referrals_out), static_cast<long long>(counts.incidents),
      static_cast<long long>(counts.plan_reviews), static_cast<long long>(counts.discharges),
      static_cast<long long>(counts.readmissions), static_cast<long long>(counts.assessments),
      static_cast<long long>(counts.care_plans), static_cast<long long>(counts.goals),
      static_cast<long long>(counts.tasks), static_cast<long long>(counts.contacts),
      static_cast<long long>(counts.coverages), static_cast<long long>(counts.authorizations));
  const auto staff = agency->program_staff();
  for (std::size_t p = 0; p < staff.size(); ++p) {
    std::printf("program %s: %d staff\n", agency->programs()[p].fields.name.c_str(), staff[p]);
  }
  std::printf("password of every synthetic user: %s\n", std::string(kBenchPassword).c_str());
  if (const auto* full = agency->full_caseload_case_manager()) {
    std::printf("case manager with 60 open cases: %s\n", full->username.c_str());
  } else {
    std::printf("no case manager has 60 open cases at this size\n");
  }
  std::printf("other logins: director, auditor, sup0001 (a supervisor); admin with second-factor secret %s\n",
              admin_secret.c_str());
  return 0;
}

}  // namespace
}  // namespace caseboard::bench

int main(int argc, char** argv) {
  caseboard::bench::GenerateOptions options;
  CLI::App app{"caseboard-generate: a synthetic agency, the same for the same seed and size"};
  app.add_option("--clients", options.clients, "How many clients")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  app.add_option("--seed", options.seed, "Seed of the random numbers")->capture_default_str();
  auto* sqlite = app.add_option("--sqlite", options.sqlite, "SQLite database file to fill");
  auto* postgres = app.add_option("--pg", options.postgres, "postgresql:// URL of the database to fill");
  sqlite->excludes(postgres);
  postgres->excludes(sqlite);
  app.add_option("--years", options.years, "Years of history")->capture_default_str()->check(CLI::Range(1, 20));
  app.add_option("--as-of", options.as_of, "When the data ends (UTC)")->capture_default_str();
  app.add_option("--batch", options.batch, "Clients per transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000000));
  app.add_option("--instruments-dir", options.instruments_dir, "Folder of the instruments' JSON files")
      ->capture_default_str();
  app.add_option("--cache-mib", options.cache_mib, "SQLite page cache of the loader, in MiB")
      ->capture_default_str()
      ->check(CLI::Range(2, 262144));
  app.add_option("--audit-key-file", options.audit_key_file,
                 "Key file of the audit trail (default beside the database)");
  CLI11_PARSE(app, argc, argv);
  if (options.sqlite.empty() && options.postgres.empty()) {
    std::fprintf(stderr, "caseboard-generate: give --sqlite PATH or --pg URL\n");
    return 2;
  }
  return caseboard::bench::generate(options);
}
