#include "api/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace caseboard::api {
namespace {

std::string content_type_of(const std::filesystem::path& path) {
  const auto extension = path.extension().string();
  if (extension == ".html") return "text/html; charset=utf-8";
  if (extension == ".js" || extension == ".mjs") return "text/javascript; charset=utf-8";
  if (extension == ".css") return "text/css; charset=utf-8";
  if (extension == ".svg") return "image/svg+xml";
  if (extension == ".png") return "image/png";
  if (extension == ".ico") return "image/x-icon";
  if (extension == ".json") return "application/json";
  if (extension == ".woff2") return "font/woff2";
  return "application/octet-stream";
}

}  // namespace

StaticFiles::StaticFiles(const std::string& root) {
  std::error_code error;
  if (root.empty() || !std::filesystem::is_directory(root, error)) return;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root, error)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream input(entry.path(), std::ios::binary);
    std::stringstream content;
    content << input.rdbuf();
    auto relative = "/" + std::filesystem::relative(entry.path(), root).generic_string();
    files_[relative] = {content.str(), content_type_of(entry.path())};
  }
}

HttpResponse StaticFiles::serve(const std::string& path) const {
  // Only names in the map are ever served, so "../" cannot escape the root.
  auto found = files_.find(path);
  if (found == files_.end()) found = files_.find("/index.html");
  HttpResponse response;
  if (found == files_.end()) {
    response.status = 404;
    response.content_type = "text/plain; charset=utf-8";
    response.body = "The web UI is not built: run the build (npm run build in web/) or pass --web-root.\n";
    return response;
  }
  response.content_type = found->second.content_type;
  response.body = found->second.content;
  // Only a real hashed asset is cached for long; the index.html fallback never is.
  const bool hashed_asset = found->first.starts_with("/assets/");
  response.headers.emplace_back("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  return response;
}

}  // namespace caseboard::api
