#include "bench/synthetic_organization.hpp"

#include <algorithm>

#include "bench/case_records.hpp"
#include "bench/client_shape.hpp"
#include "bench/synthetic_vocabulary.hpp"

namespace caseboard::bench {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

constexpr int kTeamSize = 8;
constexpr int kTargetCaseload = 40;
constexpr int kFullCaseload = 60;

}  // namespace

void SyntheticCounts::add(const SyntheticCounts& o) {
  clients += o.clients, referrals += o.referrals, cases += o.cases, open_cases += o.open_cases;
  appointments += o.appointments, notes += o.notes, referrals_out += o.referrals_out, incidents += o.incidents;
  plan_reviews += o.plan_reviews, discharges += o.discharges, readmissions += o.readmissions;
  assessments += o.assessments, care_plans += o.care_plans, goals += o.goals, tasks += o.tasks;
  contacts += o.contacts, coverages += o.coverages, authorizations += o.authorizations;
}

Result<SyntheticOrganization> SyntheticOrganization::plan(const SyntheticOptions& options,
                                                          const instruments::InstrumentCatalog& catalog) {
  SyntheticOrganization agency;
  agency.options_ = options;
  SeededRandom random(mix_seed(options.seed, 0, kAgencyStream));
  CB_TRY_ASSIGN(phq9, score_pool(catalog, "phq-9", options.seed));
  CB_TRY_ASSIGN(gad7, score_pool(catalog, "gad-7", options.seed));
  agency.phq9_ = std::move(phq9);
  agency.gad7_ = std::move(gad7);
  const auto founded = options.as_of - days(365 * options.years + 30);
  agency.organization_id_ = random.id("org");
  agency.created_at_ = timestamp(founded);

  for (const auto& seed : kPrograms) {
    Program program;
    program.id = random.id("prg");
    program.version = 1;
    program.organization_id = agency.organization_id_;
    program.fields.name = std::string(seed.name);
    program.fields.description = std::string(seed.description);
    program.fields.clock_rules = seed.rules;
    program.fields.notes_need_cosign = seed.notes_need_cosign;
    program.created_at = program.updated_at = agency.created_at_;
    agency.programs_.push_back(std::move(program));
  }

  // Which cases are open at the end, per program: the caseloads to deal.
  const auto shares = program_shares(options);
  std::vector<std::vector<std::uint64_t>> open_cases(kPrograms.size());
  for (std::int64_t i = 0; i < options.clients; ++i) {
    const auto shape = shape_client(options, shares, i);
    for (std::size_t e = 0; e < shape.episodes.size(); ++e) {
      if (shape.episodes[e].open()) {
        open_cases[static_cast<std::size_t>(shape.program)].push_back(static_cast<std::uint64_t>(i) * 8 + e);
      }
    }
  }

  auto add_person = [&](std::string username, Role role, std::string supervisor_id, int program) {
    StaffMember member;
    member.id = random.id("usr");
    member.username = std::move(username);
    member.display_name = person_name(random);
    member.role = role;
    member.supervisor_id = std::move(supervisor_id);
    member.program = program;
    agency.staff_.push_back(std::move(member));
    return static_cast<int>(agency.staff_.size()) - 1;
  };
  add_person("director", Role::Director, {}, -1);
  add_person("admin", Role::Administrator, {}, -1);
  add_person("auditor", Role::Auditor, {}, -1);
  agency.case_managers_.resize(kPrograms.size());
  agency.supervisors_.resize(kPrograms.size());
  int case_manager_number = 0;
  int supervisor_number = 0;
  for (std::size_t p = 0; p < kPrograms.size(); ++p) {
    auto& open = open_cases[p];
    // Caseloads of 20 to 60 around 40; every tenth case manager at exactly 60, the first of all.
    const auto case_manager_count = std::max<std::size_t>(1, (open.size() + kTargetCaseload / 2) / kTargetCaseload);
    std::vector<int> targets(case_manager_count);
    for (std::size_t m = 0; m < case_manager_count; ++m) {
      targets[m] = m % 10 == 0 ? kFullCaseload : static_cast<int>(random.between(20, 59));
    }
    // Bring the caseloads to the number of open cases, keeping them in 20..60 and the 60s at 60.
    std::int64_t total = 0;
    for (int target : targets) total += target;
    auto change = [&](std::size_t m, int by) {
      targets[m] += by;
      total += by;
    };
    const auto wanted = static_cast<std::int64_t>(open.size());
    for (int pass = 0; pass < 100 && total != wanted; ++pass) {
      for (std::size_t m = 0; m < case_manager_count && total != wanted; ++m) {
        if (m % 10 == 0 && case_manager_count > 1) continue;
        if (total < wanted && targets[m] < 59) change(m, 1);
        if (total > wanted && targets[m] > 20) change(m, -1);
      }
    }
    // A small agency: whatever is left lands on the others in turn, the first keeping its 60 while
    // anyone else can take the difference.
    for (std::size_t m = 0; total != wanted;) {
      m = case_manager_count > 1 ? 1 + m % (case_manager_count - 1) : 0;
      if (total < wanted) {
        change(m, 1);
      } else if (targets[m] > 0) {
        change(m, -1);
      } else if (std::all_of(targets.begin() + 1, targets.end(), [](int target) { return target == 0; })) {
        change(0, -1);
      }
    }
    // Teams of eight case managers under a supervisor.
    std::string supervisor_id;
    for (std::size_t m = 0; m < case_manager_count; ++m) {
      if (m % kTeamSize == 0) {
        ++supervisor_number;
        const auto s = add_person("sup" + std::to_string(10000 + supervisor_number).substr(1), Role::Supervisor, {},
                                  static_cast<int>(p));
        agency.supervisors_[p].push_back(s);
        supervisor_id = agency.staff_[static_cast<std::size_t>(s)].id;
      }
      ++case_manager_number;
      const auto role = random.chance(0.3) ? Role::NurseCaseManager : Role::CaseManager;
      const auto name =
          (role == Role::NurseCaseManager ? "rn" : "cm") + std::to_string(100000 + case_manager_number).substr(1);
      const auto index = add_person(name, role, supervisor_id, static_cast<int>(p));
      agency.staff_[static_cast<std::size_t>(index)].supervisor_index = agency.supervisors_[p].back();
      agency.case_managers_[p].push_back(index);
      agency.staff_[static_cast<std::size_t>(index)].open_cases = targets[m];
    }
    // Deal the open cases (shuffled) by the caseloads.
    for (std::size_t k = open.size(); k > 1; --k) std::swap(open[k - 1], open[random.below(k)]);
    std::size_t next = 0;
    for (std::size_t m = 0; m < case_manager_count; ++m) {
      for (int n = 0; n < targets[m] && next < open.size(); ++n) {
        agency.open_case_managers_[open[next++]] = agency.case_managers_[p][m];
      }
    }
  }
  return agency;
}

const StaffMember* SyntheticOrganization::full_caseload_case_manager() const {
  for (const auto& member : staff_) {
    if (member.open_cases == kFullCaseload) return &member;
  }
  return nullptr;
}

std::vector<int> SyntheticOrganization::program_staff() const {
  std::vector<int> counts(programs_.size());
  for (std::size_t p = 0; p < programs_.size(); ++p) {
    counts[p] = static_cast<int>(case_managers_[p].size() + supervisors_[p].size());
  }
  return counts;
}

void SyntheticOrganization::add_agency(store::SyntheticBatch& batch, const std::string& password_hash) const {
  batch.organizations.push_back({organization_id_, options_.organization_name, created_at_});
  batch.programs.insert(batch.programs.end(), programs_.begin(), programs_.end());
  batch.password_hash = password_hash;
  // Supervisors before the staff they supervise (the foreign key).
  for (bool supervised : {false, true}) {
    for (const auto& member : staff_) {
      if (member.supervisor_id.empty() == supervised) continue;
      User user;
      user.id = member.id;
      user.version = 1;
      user.organization_id = organization_id_;
      user.fields = {member.username, member.display_name, member.role, true, member.supervisor_id};
      user.created_at = user.updated_at = created_at_;
      batch.users.push_back(std::move(user));
    }
  }
}

void SyntheticOrganization::add_clients(std::int64_t first, std::int64_t last, store::SyntheticBatch& batch,
                                        SyntheticCounts& counts) const {
  const auto shares = program_shares(options_);
  const auto as_of = options_.as_of;
  for (std::int64_t index = first; index < last; ++index) {
    const auto shape = shape_client(options_, shares, index);
    SeededRandom random(mix_seed(options_.seed, static_cast<std::uint64_t>(index), kRecordStream));
    const auto program_index = static_cast<std::size_t>(shape.program);
    const auto& program = programs_[program_index];
    const auto& supervisors = supervisors_[program_index];
    const auto& case_managers = case_managers_[program_index];
    // Who logs the client's referrals: a supervisor of the program (the referral inbox).
    const auto& intake = staff_[static_cast<std::size_t>(supervisors[random.below(supervisors.size())])];

    // The client, registered when the first referral was logged.
    store::RegisteredClient registered;
    auto& client = registered.client;
    client.id = random.id("cl");
    client.version = 1;
    client.organization_id = organization_id_;
    auto& f = client.fields;
    f.given_name = text(random, kGivenNames);
    f.family_name = text(random, kFamilyNames);
    if (random.chance(0.2)) f.middle_name = text(random, kGivenNames);
    const auto today = date_of(as_of);
    const int age =
        program_index == 3 ? static_cast<int>(random.between(1, 17)) : static_cast<int>(random.between(19, 95));
    const auto birth_month = static_cast<int>(random.between(1, 12));
    const auto birth_day = static_cast<int>(random.between(1, 28));
    f.birth_date = std::to_string(static_cast<int>(today.year()) - age) + "-" + two_digits(birth_month) + "-" +
                   two_digits(birth_day);
    f.sex = random.chance(0.55) ? "female" : "male";
    f.preferred_language = text(random, kLanguages);
    f.interpreter_needed = f.preferred_language != "en" && random.chance(0.7);
    f.risk_level = std::string(
        std::array<std::string_view, 4>{"none", "low", "moderate", "high"}[random.weighted({40, 30, 20, 10})]);
    f.location = Coordinates{39.78 + static_cast<double>(random.between(-1350, 1350)) / 10000.0,
                             -89.65 + static_cast<double>(random.between(-1750, 1750)) / 10000.0};
    f.phone = phone_number(random, "01");
    const auto house = random.between(10, 999);
    const auto street = text(random, kStreets);
    f.address = {std::to_string(house) + " " + street,         "",  text(random, kCities), "IL",
                 std::to_string(random.between(62701, 62790)), "US"};
    f.identifiers.push_back({"MRN", "SYN-" + std::to_string(10000000 + index)});
    const auto payer = random.weighted({55, 30, 15});
    if (payer == 0) f.identifiers.push_back({"MEDICAID", "IL" + std::to_string(50000000 + index)});
    if (payer == 1) f.identifiers.push_back({"MEDICARE", std::to_string(1000000000 + index) + "A"});
    const auto registered_at = shape.episodes.front().logged;
    client.created_at = client.updated_at = timestamp(registered_at);
    registered.created_by = intake.id;
    batch.care_team.push_back({organization_id_, client.id, intake.id, client.created_at, {}});
    ClientContext context{options_, organization_id_, program, batch, counts, random, client};
    ++counts.clients;

    const auto contact_count = random.weighted({30, 55, 15});
    for (std::size_t c = 0; c < contact_count; ++c) {
      Contact contact;
      contact.id = random.id("ct");
      contact.version = 1;
      contact.organization_id = organization_id_;
      contact.client_id = client.id;
      contact.fields.name = person_name(random);
      contact.fields.relationship = text(random, kRelationships);
      contact.fields.phone = phone_number(random, "02");
      contact.fields.is_emergency_contact = c == 0 && random.chance(0.6);
      contact.fields.disclosure = text(random, kDisclosures);
      contact.created_at = contact.updated_at = client.created_at;
      batch.contacts.push_back(std::move(contact));
      ++counts.contacts;
    }

    // Coverage, verified within the eligibility interval for clients still served.
    const bool served = std::any_of(shape.episodes.begin(), shape.episodes.end(),
                                    [](const Episode& episode) { return episode.open(); });
    Coverage coverage;
    coverage.id = random.id("cv");
    coverage.version = 1;
    coverage.organization_id = organization_id_;
    coverage.client_id = client.id;
    static constexpr std::array<std::string_view, 3> kPayerKinds = {"medicaid", "medicare", "private"};
    static constexpr std::array<std::string_view, 3> kPayerNames = {"Illinois Medicaid", "Medicare",
                                                                    "Blue Prairie Health"};
    coverage.fields.payer_kind = std::string(kPayerKinds[payer]);
    coverage.fields.payer_name = std::string(kPayerNames[payer]);
    coverage.fields.member_id = "M" + std::to_string(70000000 + index);
    const auto verified = served ? as_of - days(random.between(1, 100)) : registered_at + days(random.between(0, 30));
    coverage.fields.verified_on = format_date(date_of(std::max(std::min(verified, as_of), registered_at)));
    coverage.created_at = coverage.updated_at = client.created_at;
    if (served && program_index == 2 && random.chance(0.3)) {
      Authorization authorization;
      authorization.id = random.id("au");
      authorization.version = 1;
      authorization.organization_id = organization_id_;
      authorization.client_id = client.id;
      const auto valid_from = std::max(as_of - days(random.between(30, 150)), registered_at);
      authorization.fields = {
          coverage.id, "Personal care aide hours",       static_cast<int>(random.between(40, 120)),
          0,           format_date(date_of(valid_from)), format_date(date_of(valid_from + days(180)))};
      authorization.fields.units_used =
          static_cast<int>(random.below(static_cast<std::uint64_t>(authorization.fields.units_approved)));
      authorization.created_at = authorization.updated_at = timestamp(valid_from);
      batch.authorizations.push_back(std::move(authorization));
      ++counts.authorizations;
    }
    batch.coverages.push_back(std::move(coverage));
    ++counts.coverages;

    for (std::size_t e = 0; e < shape.episodes.size(); ++e) {
      const auto& episode = shape.episodes[e];
      Referral referral;
      referral.id = random.id("rf");
      referral.version = 1;
      referral.organization_id = organization_id_;
      referral.fields.client_id = client.id;
      referral.fields.program_id = program.id;
      referral.fields.source = e > 0 && episode.received > registered_at && shape.episodes[e - 1].readmitted
                                   ? "hospital"
                                   : text(random, kReferralSources);
      referral.fields.referrer_name = person_name(random);
      referral.fields.referrer_contact = "+1 555 0150";
      referral.fields.reason = text(random, kReferralReasons);
      referral.fields.priority =
          std::string(std::array<std::string_view, 3>{"routine", "urgent", "emergent"}[random.weighted({80, 17, 3})]);
      referral.fields.received_at = timestamp(episode.received);
      referral.created_by = intake.id;
      referral.created_at = timestamp(episode.logged);
      if (episode.triaged) {
        referral.triage_note = "Reviewed at the intake huddle";
        referral.status = "triaged";
      }
      ++counts.referrals;
      if (episode.kind == EpisodeKind::Declined) {
        referral.status = "declined";
        referral.decline_reason = text(random, kDeclineReasons);
      }
      if (episode.kind != EpisodeKind::Case) {
        batch.referrals.push_back(std::move(referral));
        continue;
      }

      // The case, opened by the assignment and walked through its statuses.
      const auto key = static_cast<std::uint64_t>(index) * 8 + e;
      const auto dealt = open_case_managers_.find(key);
      const auto manager_index = dealt != open_case_managers_.end()
                                     ? dealt->second
                                     : case_managers[mix_seed(options_.seed, key, 7) % case_managers.size()];
      const auto& manager = staff_[static_cast<std::size_t>(manager_index)];
      const auto* supervisor =
          manager.supervisor_index >= 0 ? &staff_[static_cast<std::size_t>(manager.supervisor_index)] : &intake;
      const EpisodeStaff staff{&manager, supervisor};
      Case record;
      record.id = random.id("cs");
      record.version = 1;
      record.organization_id = organization_id_;
      record.client_id = client.id;
      record.program_id = program.id;
      record.case_manager_id = manager.id;
      record.opened_at = timestamp(episode.assigned);
      record.history.push_back(
          {{}, "referred", record.opened_at, staff.supervisor->id, "from referral " + referral.id});
      referral.status = "assigned";
      referral.case_id = record.id;
      referral.case_manager_id = manager.id;
      referral.assigned_at = record.opened_at;
      if (episode.first_contact) {
        static constexpr std::array<std::string_view, 4> kMethods = {"phone", "home_visit", "office", "video"};
        referral.first_contact_at = timestamp(*episode.first_contact);
        referral.first_contact_method = std::string(kMethods[random.weighted({55, 25, 15, 5})]);
        add_note(context, record, staff, *episode.first_contact, referral.first_contact_method, {});
      }
      batch.referrals.push_back(std::move(referral));
      ++counts.cases;
      if (episode.open()) ++counts.open_cases;

      const auto end = episode.discharged ? *episode.discharged : as_of;
      if (episode.intake) {
        record.history.push_back({"referred", "intake", timestamp(*episode.intake), manager.id, {}});
        add_assessment(context, phq9_, record, staff, *episode.intake + minutes(45));
        if (program_index == 1 || random.chance(0.3)) {
          add_assessment(context, gad7_, record, staff, *episode.intake + minutes(60));
        }
        const auto plan_written = *episode.intake + days(random.between(1, 7));
        if (plan_written <= end) add_care_plan(context, record, staff, plan_written, std::min(end, as_of));
      }
      if (episode.active) {
        const auto admitted = *episode.active;
        record.history.push_back({"intake", "active", timestamp(admitted), manager.id, {}});
        for (auto at = admitted + days(90); at < end; at += days(90)) {
          add_assessment(context, phq9_, record, staff, at);
        }
        // Visits end a week before a discharge, so every note and co-signature is in before closure.
        add_visits(context, record, staff, admitted, episode.discharged ? end - days(8) : end,
                   !episode.discharged && !episode.on_hold);
        add_plan_reviews(context, record, staff, admitted, end);
        add_referrals_out(context, record, staff, admitted, end, episode.discharged);
        add_incident(context, record, staff, admitted, end);
        if (episode.on_hold) {
          const auto held = std::max(as_of - days(random.between(1, 20)), admitted + hours(1));
          record.history.push_back({"active", "on_hold", timestamp(held), manager.id, "Client in hospital"});
        }
      }
      if (episode.discharged) add_discharge(context, record, staff, episode);
      if (episode.closed) {
        static constexpr std::array<std::string_view, 4> kOutcomes = {"goals_met", "partially_met", "not_met",
                                                                      "client_withdrew"};
        record.closed_reason = "Discharge plan complete";
        record.closed_outcome = std::string(kOutcomes[random.weighted({50, 30, 10, 10})]);
        record.history.push_back(
            {"discharged", "closed", timestamp(*episode.closed), manager.id, record.closed_reason});
      }
      // Work made by hand: an open task or two on a case being served, a done one on others.
      const auto manual = episode.open() ? random.weighted({50, 35, 15}) : random.weighted({50, 50});
      for (std::size_t t = 0; t < manual; ++t) {
        Task task;
        task.id = random.id("tk");
        task.version = 1;
        task.organization_id = organization_id_;
        task.fields.title = text(random, kManualTasks);
        task.fields.priority = random.chance(0.2) ? "high" : "normal";
        task.fields.assignee_id = manager.id;
        task.fields.client_id = client.id;
        task.fields.case_id = record.id;
        task.created_by = manager.id;
        const auto created = episode.open() ? std::max(as_of - days(random.between(1, 10)), episode.assigned)
                                            : episode.assigned + days(random.between(1, 20));
        task.created_at = timestamp(created);
        const auto due_days = days(random.between(-3, 14));
        task.fields.due_at = timestamp(created + due_days + hours(random.between(1, 8)));
        if (!episode.open()) {
          task.status = "done";
          task.completed_at = timestamp(std::min(created + days(random.between(0, 5)), *episode.closed));
          if (task.completed_at < task.created_at) task.completed_at = task.created_at;
          task.completed_by = manager.id;
        }
        batch.tasks.push_back(std::move(task));
        ++counts.tasks;
      }
      const auto& latest = record.history.back();
      record.status = parse_case_status(latest.to).value_or(CaseStatus::Referred);
      record.status_changed_at = latest.at;
      batch.cases.push_back(std::move(record));
    }
    batch.clients.push_back(std::move(registered));
  }
}

}  // namespace caseboard::bench
