// The built web UI (web/dist), loaded into memory at start-up and served with the SPA fallback:
// any unknown path that is not under /api answers index.html.
#pragma once

#include <map>
#include <string>

#include "api/http_types.hpp"

namespace caseboard::api {

class StaticFiles {
 public:
  // Loads every file below `root`; an empty or missing root serves a page saying the UI is not built.
  explicit StaticFiles(const std::string& root);
  HttpResponse serve(const std::string& path) const;
  std::size_t size() const { return files_.size(); }

 private:
  struct File {
    std::string content;
    std::string content_type;
  };
  std::map<std::string, File> files_;
};

}  // namespace caseboard::api
