#include "api/http_server.hpp"

#include <csignal>

#include <spdlog/spdlog.h>
#include <atomic>
#include <restinio/all.hpp>
#include <restinio/tls.hpp>

#include "api/json_reader.hpp"
#include "api/static_files.hpp"

namespace caseboard::api {
namespace {

using Router = restinio::router::express_router_t<>;

restinio::http_method_id_t restinio_method(Method method) {
  switch (method) {
    case Method::Get: return restinio::http_method_get();
    case Method::Post: return restinio::http_method_post();
    case Method::Put: return restinio::http_method_put();
    case Method::Patch: return restinio::http_method_patch();
    case Method::Delete: return restinio::http_method_delete();
  }
  return restinio::http_method_get();
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 409: return "Conflict";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 422: return "Unprocessable Content";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "Error";
  }
}

// The ":name" parameters of a route pattern, in order.
std::vector<std::string> parameter_names(std::string_view pattern) {
  std::vector<std::string> names;
  std::size_t position = 0;
  while ((position = pattern.find(':', position)) != std::string_view::npos) {
    auto end = pattern.find('/', position);
    if (end == std::string_view::npos) end = pattern.size();
    names.emplace_back(pattern.substr(position + 1, end - position - 1));
    position = end;
  }
  return names;
}

std::string next_request_id() {
  static std::atomic<std::uint64_t> counter{0};
  static const auto start = std::chrono::system_clock::now().time_since_epoch().count();
  return fmt::format("{:x}-{}", static_cast<std::uint64_t>(start) & 0xffffff, ++counter);
}

HttpRequest to_request(const restinio::request_handle_t& request, Method method) {
  HttpRequest out;
  out.method = method;
  out.path = std::string(request->header().path());
  const auto& fields = request->header();
  out.authorization = fields.get_field_or(restinio::http_field::authorization, "");
  out.cookie = fields.get_field_or(restinio::http_field::cookie, "");
  out.requested_with = fields.get_field_or("X-Requested-With", "");
  out.if_match = fields.get_field_or(restinio::http_field::if_match, "");
  out.content_type = fields.get_field_or(restinio::http_field::content_type, "");
  out.body = request->body();
  out.remote_address = request->remote_endpoint().address().to_string();
  out.request_id = next_request_id();
  return out;
}

enum class Transport { Plain, Tls };

void send(const restinio::request_handle_t& request, const HttpResponse& response, Transport transport) {
  auto reply = request->create_response(
      restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(response.status)},
                                   std::string(reason_phrase(response.status))});
  if (!response.content_type.empty()) reply.append_header(restinio::http_field::content_type, response.content_type);
  reply.append_header("X-Content-Type-Options", "nosniff");
  reply.append_header("X-Frame-Options", "DENY");
  reply.append_header("Referrer-Policy", "no-referrer");
  if (response.content_type.starts_with("text/html")) {
    reply.append_header("Content-Security-Policy",
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                        "frame-ancestors 'none'");
  }
  // Once a browser has met Caseboard over TLS, it must never fall back to plain HTTP.
  if (transport == Transport::Tls) reply.append_header("Strict-Transport-Security", "max-age=31536000");
  bool cache_set = false;
  for (const auto& [name, value] : response.headers) {
    cache_set = cache_set || name == "Cache-Control";
    reply.append_header(name, value);
  }
  // Client records must not linger in shared or browser caches.
  if (!cache_set) reply.append_header("Cache-Control", "no-store");
  reply.set_body(response.body);
  reply.done();
}

// Query parameters, or a 400 when the query string cannot be decoded.
std::optional<HttpResponse> read_query_string(const restinio::request_handle_t& request, HttpRequest& out) {
  try {
    // Relaxed: every character RFC 3986 allows in a query may come unescaped (an ISO time's ':').
    const auto parameters = restinio::parse_query<restinio::parse_query_traits::relaxed>(request->header().query());
    for (const auto& [name, value] : parameters) out.query.emplace_back(std::string(name), std::string(value));
  } catch (const std::exception&) {
    return error_response(make_error(ErrorCode::MalformedRequest, "the query string cannot be decoded"));
  }
  return std::nullopt;
}

}  // namespace

namespace {

// Runs the server with `Traits` (plain or TLS sockets) until SIGINT or SIGTERM; `configure` adds
// what the transport needs to the settings.
template <class Traits, class Configure>
void run_until_stopped(const ServerOptions& options, restinio::default_request_handler_t handler,
                       Configure&& configure) {
  // Block the stop signals in every thread; this one waits for them below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  restinio::server_settings_t<Traits> settings;
  settings.address(options.host)
      .port(options.port)
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(8 * kMaximumBodySize))
      .handle_request_timeout(std::chrono::seconds(30))
      .request_handler(std::move(handler));
  configure(settings);
  auto server = restinio::run_async<Traits>(restinio::own_io_context(), std::move(settings), options.threads);
  int received = 0;
  sigwait(&stop_signals, &received);
  spdlog::info("stopping on signal {}", received);
  server->stop();
  server->wait();
}

// TLS 1.2 and later only, with the certificate chain and key from files; throws when they cannot
// be read or do not match.
restinio::asio_ns::ssl::context tls_context(const ServerOptions& options) {
  namespace ssl = restinio::asio_ns::ssl;
  ssl::context context(ssl::context::tls_server);
  context.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                      ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
  context.use_certificate_chain_file(options.tls_certificate_file);
  context.use_private_key_file(options.tls_key_file, ssl::context::pem);
  return context;
}

}  // namespace

void serve_until_stopped(const ServerOptions& options, Services& services) {
  const auto transport = options.tls_certificate_file.empty() ? Transport::Plain : Transport::Tls;
  auto router = std::make_unique<Router>();
  auto routes = std::make_shared<std::vector<Route>>(api_routes());
  for (std::size_t index = 0; index < routes->size(); ++index) {
    const auto& route = (*routes)[index];
    router->add_handler(restinio_method(route.method), route.pattern,
                        [routes, index, names = parameter_names(route.pattern), &services, transport](
                            const restinio::request_handle_t& request, restinio::router::route_params_t parameters) {
                          const auto& current = (*routes)[index];
                          auto in = to_request(request, current.method);
                          for (const auto& name : names) {
                            in.path_parameters[name] = std::string(parameters[name]);
                          }
                          if (auto bad = read_query_string(request, in)) {
                            send(request, *bad, transport);
                          } else {
                            auto response = dispatch(current, in, services);
                            // The path only: a query string may hold client names.
                            spdlog::info("{} {} {} {}", in.request_id, request->header().method().c_str(), in.path,
                                         response.status);
                            send(request, response, transport);
                          }
                          return restinio::request_accepted();
                        });
  }
  auto files = std::make_shared<StaticFiles>(options.web_root);
  spdlog::info("web UI: {} files from {}", files->size(), options.web_root.empty() ? "(none)" : options.web_root);
  router->non_matched_request_handler([files, transport](const restinio::request_handle_t& request) {
    const std::string path(request->header().path());
    const auto method = request->header().method();
    if (path.starts_with("/api/") || path == "/api") {
      send(request, error_response(make_error(ErrorCode::NotFound, "no such endpoint or method")), transport);
    } else if (method == restinio::http_method_get() || method == restinio::http_method_head()) {
      send(request, files->serve(path), transport);
    } else {
      send(request, error_response(make_error(ErrorCode::NotFound, "no such page")), transport);
    }
    return restinio::request_accepted();
  });

  restinio::default_request_handler_t handler = [router = std::shared_ptr<Router>(std::move(router)),
                                                 transport](const restinio::request_handle_t& request) {
    // The router throws on a path it cannot decode (e.g. %FF); answer that as bad input
    // rather than let the connection drop without a reply.
    try {
      return (*router)(request);
    } catch (const std::exception&) {
      send(request, error_response(make_error(ErrorCode::MalformedRequest, "the path cannot be decoded")), transport);
      return restinio::request_accepted();
    }
  };
  const auto scheme = transport == Transport::Tls ? "https" : "http";
  spdlog::info("Caseboard serving on {}://{}:{} ({} database)", scheme, options.host, options.port,
               services.store.backend_name());
  if (transport == Transport::Tls) {
    auto context = tls_context(options);
    run_until_stopped<restinio::default_tls_traits_t>(
        options, std::move(handler), [&context](auto& settings) { settings.tls_context(std::move(context)); });
  } else {
    run_until_stopped<restinio::default_traits_t>(options, std::move(handler), [](auto&) {});
  }
}

}  // namespace caseboard::api
