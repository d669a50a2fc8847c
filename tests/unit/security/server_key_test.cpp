#include "security/server_key.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "security/random_id.hpp"

namespace caseboard::security {
namespace {

class ServerKeyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    initialize();
    path_ = (std::filesystem::temp_directory_path() / (random_id("key") + ".key")).string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string path_;
};

TEST_F(ServerKeyTest, ProcessesStartingTogetherAllGetTheOneKeyCreated) {
  constexpr int kOpeners = 8;
  std::vector<std::string> fingerprints(kOpeners);
  std::vector<std::thread> openers;
  for (int i = 0; i < kOpeners; ++i) {
    openers.emplace_back([&, i] {
      auto key = ServerKey::load_or_create(path_, MissingKey::Create);
      fingerprints[static_cast<std::size_t>(i)] = key ? key->chain_hash("", "probe") : key.error().internal_message;
    });
  }
  for (auto& opener : openers) opener.join();
  for (const auto& fingerprint : fingerprints) EXPECT_EQ(fingerprint, fingerprints.front());
  struct stat status {};
  ASSERT_EQ(::stat(path_.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600u);
}

TEST_F(ServerKeyTest, AMissingKeyIsNotCreatedWhenRefused) {
  auto key = ServerKey::load_or_create(path_, MissingKey::Refuse);
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, ErrorCode::FailedPrecondition);
  EXPECT_FALSE(std::filesystem::exists(path_));
}

TEST_F(ServerKeyTest, AKeyFileOthersCanReadIsRefused) {
  ASSERT_TRUE(ServerKey::load_or_create(path_, MissingKey::Create));
  ::chmod(path_.c_str(), 0644);
  auto key = ServerKey::load_or_create(path_, MissingKey::Refuse);
  ASSERT_FALSE(key);
  EXPECT_EQ(key.error().code, ErrorCode::FailedPrecondition);
}

TEST_F(ServerKeyTest, SealedTextOpensOnlyWithTheSameKey) {
  auto key = ServerKey::load_or_create(path_, MissingKey::Create);
  ASSERT_TRUE(key);
  const auto sealed = key->seal("seed");
  EXPECT_EQ(*key->open(sealed), "seed");
  std::array<unsigned char, 32> other{};
  other.fill(7);
  EXPECT_FALSE(ServerKey::from_bytes(other).open(sealed));
}

}  // namespace
}  // namespace caseboard::security
