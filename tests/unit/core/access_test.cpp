#include "core/access.hpp"

#include <gtest/gtest.h>

namespace caseboard {
namespace {

using enum Role;
using enum Permission;

struct Row {
  Role role;
  bool read_clients, write_clients, read_programs, write_programs, read_staff, write_staff, assign_cases, read_audit,
      break_glass;
  ClientScope scope;
};

TEST(AccessTest, EachRoleHasExactlyItsPermissions) {
  // clang-format off
  const Row matrix[] = {
      //               read   write  read   write  read   write  assign audit  break
      //               client client prog.  prog.  staff  staff  cases  trail  glass  client scope
      {CaseManager,      true,  true,  true,  false, true,  false, false, false, true, ClientScope::OwnClients},
      {NurseCaseManager, true,  true,  true,  false, true,  false, false, false, true, ClientScope::OwnClients},
      {Supervisor,       true,  true,  true,  false, true,  false, true,  false, true, ClientScope::SupervisedStaff},
      {Director,         true,  false, true,  false, true,  false, false, false, true, ClientScope::None},
      {Administrator,    false, false, true,  true,  true,  true,  false, false, false, ClientScope::None},
      {Auditor,          false, false, true,  false, true,  false, false, true,  false, ClientScope::None},
  };
  // clang-format on
  for (const auto& row : matrix) {
    const auto label = std::string(role_name(row.role));
    EXPECT_EQ(role_allows(row.role, ReadClients), row.read_clients) << label;
    EXPECT_EQ(role_allows(row.role, WriteClients), row.write_clients) << label;
    EXPECT_EQ(role_allows(row.role, ReadPrograms), row.read_programs) << label;
    EXPECT_EQ(role_allows(row.role, WritePrograms), row.write_programs) << label;
    EXPECT_EQ(role_allows(row.role, ReadStaff), row.read_staff) << label;
    EXPECT_EQ(role_allows(row.role, WriteStaff), row.write_staff) << label;
    EXPECT_EQ(role_allows(row.role, AssignCases), row.assign_cases) << label;
    EXPECT_EQ(role_allows(row.role, ReadAudit), row.read_audit) << label;
    EXPECT_EQ(role_allows(row.role, BreakGlass), row.break_glass) << label;
    EXPECT_EQ(client_scope(row.role), row.scope) << label;
  }
}

TEST(AccessTest, RefusalIsPermissionDenied) {
  Actor administrator{"usr_1", "org_1", Administrator, "127.0.0.1", "r1"};
  auto result = authorize(administrator, ReadClients);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::PermissionDenied);
}

TEST(AccessTest, RoleNamesRoundTrip) {
  for (auto role : {CaseManager, NurseCaseManager, Supervisor, Director, Administrator, Auditor}) {
    EXPECT_EQ(parse_role(role_name(role)), role);
  }
  EXPECT_FALSE(parse_role("root"));
}

}  // namespace
}  // namespace caseboard
