// caseboard-fixed-response-server: the ceiling of the HTTP framework. RESTinio set up as
// `caseboard serve` sets it up (api/http_server.cpp: its own io_context on the same number of
// threads, the express router, the same message limits and request timeout, the same response
// headers), answering every GET /fixed with one small JSON body and nothing else: no session, no
// database, no audit, no request log. Whatever `serve` adds on top shows beside this figure.
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <restinio/all.hpp>

namespace {

using Router = restinio::router::express_router_t<>;

// The body of a small client read, so the bytes on the wire are alike.
constexpr std::string_view kBody =
    R"({"id":"cl_0000000000000000000000000","version":1,"given_name":"Maria","family_name":"Lopez",)"
    R"("middle_name":null,"preferred_name":null,"birth_date":"1950-03-14","sex":"female",)"
    R"("preferred_language":"es","interpreter_needed":true,"risk_level":"moderate"})";

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1";
  unsigned short port = 8090;
  std::size_t threads = 4;
  CLI::App app{"caseboard-fixed-response-server: RESTinio as caseboard serve runs it, answering a fixed body"};
  app.add_option("--host", host, "Address to listen on")->capture_default_str();
  app.add_option("--port", port, "Port to listen on")->capture_default_str();
  app.add_option("--threads", threads, "Request threads (serve's --threads)")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto router = std::make_unique<Router>();
  router->http_get("/fixed", [](const restinio::request_handle_t& request, auto) {
    auto reply = request->create_response(restinio::status_ok());
    reply.append_header(restinio::http_field::content_type, "application/json");
    reply.append_header("X-Content-Type-Options", "nosniff");
    reply.append_header("X-Frame-Options", "DENY");
    reply.append_header("Referrer-Policy", "no-referrer");
    reply.append_header("Cache-Control", "no-store");
    reply.set_body(std::string(kBody));
    return reply.done();
  });
  restinio::server_settings_t<restinio::default_traits_t> settings;
  settings.address(host)
      .port(port)
      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}.max_body_size(8 * 1024 * 1024))
      .handle_request_timeout(std::chrono::seconds(30))
      .request_handler([router = std::shared_ptr<Router>(std::move(router))](
                           const restinio::request_handle_t& request) { return (*router)(request); });
  auto server =
      restinio::run_async<restinio::default_traits_t>(restinio::own_io_context(), std::move(settings), threads);
  std::printf("fixed response on http://%s:%u/fixed with %zu threads\n", host.c_str(), port, threads);
  std::fflush(stdout);
  int received = 0;
  sigwait(&stop_signals, &received);
  server->stop();
  server->wait();
  return 0;
}
