// The HTTP request and response as handlers see them: plain values, so that only http_server.cpp
// knows RESTinio and handlers stay quick to compile and easy to test.
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace caseboard::api {

enum class Method { Get, Post, Put, Patch, Delete };

struct HttpRequest {
  Method method = Method::Get;
  std::string path;
  std::map<std::string, std::string> path_parameters;
  std::vector<std::pair<std::string, std::string>> query;
  std::string authorization;
  std::string cookie;
  std::string requested_with;  // X-Requested-With: the CSRF proof of cookie sessions
  std::string if_match;
  std::string content_type;
  std::string body;
  std::string remote_address;
  std::string request_id;
};

struct HttpResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
};

// The id of the request this thread is serving, for the log and for 500 answers.
extern thread_local std::string current_request_id;

HttpResponse json_response(int status, const nlohmann::json& body);
HttpResponse no_content();
// The error body {"error": {"code", "message", "field"}} with the status its code maps to;
// `extra` members (e.g. candidates) are added inside "error". Errors of 500 and above are
// logged with their internal message and answered with the request id only.
HttpResponse error_response(const Error& error, const nlohmann::json& extra = nlohmann::json::object());
int http_status(ErrorCode code);

// ETag of a record version: "3" (quotes included, as HTTP wants).
std::string entity_tag(std::int64_t version);
HttpResponse with_entity_tag(HttpResponse response, std::int64_t version);

}  // namespace caseboard::api
