// The HTTP server: RESTinio on a thread pool, the API route table, the web UI, and shutdown on
// SIGINT or SIGTERM.
#pragma once

#include <string>

#include "api/route.hpp"

namespace caseboard::api {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  std::string web_root;
  std::size_t threads = 16;  // see cli/commands.hpp
  // PEM files; both set: serve HTTPS (TLS 1.2 and later), with HSTS on every answer.
  std::string tls_certificate_file;
  std::string tls_key_file;
};

// Serves until SIGINT or SIGTERM; throws when the address cannot be bound or the TLS files
// cannot be used.
void serve_until_stopped(const ServerOptions& options, Services& services);

}  // namespace caseboard::api
