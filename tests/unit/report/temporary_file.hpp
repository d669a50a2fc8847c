// Test helpers: bytes in a temporary file (removed at the end of the test), and the standard output
// of a shell command.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace caseboard::report::testing {

class TemporaryFile {
 public:
  TemporaryFile(const std::string& bytes, const std::string& suffix) {
    const char* base = std::getenv("TMPDIR");
    path_ = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/caseboard-test-XXXXXX" + suffix;
    const int descriptor = mkstemps(path_.data(), static_cast<int>(suffix.size()));
    if (descriptor < 0) return;
    ok_ = ::write(descriptor, bytes.data(), bytes.size()) == static_cast<ssize_t>(bytes.size());
    close(descriptor);
  }
  ~TemporaryFile() { unlink(path_.c_str()); }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  bool ok() const { return ok_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  bool ok_ = false;
};

// The command's standard output (empty when it cannot run).
inline std::string output_of(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    std::size_t count = 0;
    while ((count = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, count);
    pclose(pipe);
  }
  return out;
}

inline bool have_program(const std::string& name) {
  return std::system(("command -v " + name + " >/dev/null 2>&1").c_str()) == 0;
}

}  // namespace caseboard::report::testing
