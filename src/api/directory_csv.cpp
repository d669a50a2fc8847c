#include "api/directory_csv.hpp"

#include <csv.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <map>

namespace caseboard::api {
namespace {

constexpr std::string_view kColumns[] = {
    "id",   "name",      "provider",  "needs", "description", "min_age",  "max_age",   "payers", "area",  "languages",
    "cost", "accepting", "wait_days", "hours", "address",     "latitude", "longitude", "phone",  "active"};

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ";") + item;
  return out;
}

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

std::string quoted(const std::string& value) {
  // libcsv's writer quotes every field and doubles the quotes inside it.
  std::string out(value.size() * 2 + 2, '\0');
  out.resize(csv_write(out.data(), out.size(), value.data(), value.size()));
  return out;
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  return buffer;
}

struct Parsed {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> current;
};

void on_field(void* data, std::size_t length, void* parsed) {
  auto& current = static_cast<Parsed*>(parsed)->current;
  if (data == nullptr) {
    current.emplace_back();
  } else {
    current.emplace_back(static_cast<const char*>(data), length);
  }
}

void on_row(int, void* parsed) {
  auto* p = static_cast<Parsed*>(parsed);
  p->rows.push_back(std::move(p->current));
  p->current.clear();
}

}  // namespace

std::string services_to_csv(const std::vector<ServiceListing>& listings) {
  std::string out;
  for (std::size_t i = 0; i < std::size(kColumns); ++i) out += (i ? "," : "") + std::string(kColumns[i]);
  out += "\r\n";
  for (const auto& listing : listings) {
    const auto& f = listing.fields;
    const std::string values[] = {listing.id,
                                  f.name,
                                  f.provider,
                                  join(f.needs),
                                  f.description,
                                  std::to_string(f.min_age),
                                  std::to_string(f.max_age),
                                  join(f.payers),
                                  f.area,
                                  join(f.languages),
                                  f.cost,
                                  f.accepting ? "yes" : "no",
                                  std::to_string(f.wait_days),
                                  f.hours,
                                  f.address,
                                  f.location ? number(f.location->latitude) : "",
                                  f.location ? number(f.location->longitude) : "",
                                  f.phone,
                                  f.active ? "yes" : "no"};
    for (std::size_t i = 0; i < std::size(values); ++i) out += (i ? "," : "") + quoted(values[i]);
    out += "\r\n";
  }
  return out;
}

Result<std::vector<store::Store::ServiceImport>> services_from_csv(std::string_view text) {
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT) != 0) {
    return fail(internal_error("csv_init failed"));
  }
  Parsed parsed;
  const auto consumed = csv_parse(&parser, text.data(), text.size(), on_field, on_row, &parsed);
  const bool broken = consumed != text.size() || csv_fini(&parser, on_field, on_row, &parsed) != 0;
  csv_free(&parser);
  if (broken) {
    return fail(ErrorCode::InvalidArgument, "the file is not valid CSV (a quote is not closed or is misplaced)", "csv");
  }
  if (parsed.rows.empty()) return fail(ErrorCode::InvalidArgument, "the file has no header row", "csv");
  std::map<std::string, std::size_t> column;
  for (std::size_t i = 0; i < parsed.rows.front().size(); ++i) {
    const auto& name = parsed.rows.front()[i];
    if (std::find(std::begin(kColumns), std::end(kColumns), name) == std::end(kColumns)) {
      return fail(ErrorCode::InvalidArgument, "unknown column " + name + " in the header", "csv");
    }
    column[name] = i;
  }
  for (const auto* required : {"name", "needs"}) {
    if (!column.contains(required)) {
      return fail(ErrorCode::InvalidArgument, std::string("the header needs a ") + required + " column", "csv");
    }
  }
  std::vector<store::Store::ServiceImport> rows;
  for (std::size_t r = 1; r < parsed.rows.size(); ++r) {
    const auto& cells = parsed.rows[r];
    const auto where = "rows[" + std::to_string(r - 1) + "]";
    const auto line = "line " + std::to_string(r + 1) + ": ";
    auto cell = [&](std::string_view name) -> std::string {
      auto found = column.find(std::string(name));
      return found == column.end() || found->second >= cells.size() ? std::string() : cells[found->second];
    };
    auto refuse = [&](std::string_view name, const std::string& message) {
      return fail(ErrorCode::InvalidArgument, line + message, where + "." + std::string(name));
    };
    auto whole = [&](std::string_view name, int fallback) -> std::optional<int> {
      const auto value = cell(name);
      if (value.empty()) return fallback;
      int number = 0;
      auto [end, status] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (status != std::errc() || end != value.data() + value.size()) return std::nullopt;
      return number;
    };
    auto yes_no = [&](std::string_view name, bool fallback) -> std::optional<bool> {
      const auto value = cell(name);
      if (value.empty()) return fallback;
      if (value == "yes" || value == "true") return true;
      if (value == "no" || value == "false") return false;
      return std::nullopt;
    };
    store::Store::ServiceImport row;
    row.id = cell("id");
    auto& f = row.fields;
    f.name = cell("name");
    f.provider = cell("provider");
    f.needs = split(cell("needs"));
    f.description = cell("description");
    f.payers = split(cell("payers"));
    f.area = cell("area");
    f.languages = split(cell("languages"));
    f.cost = cell("cost").empty() ? "free" : cell("cost");
    f.hours = cell("hours");
    f.address = cell("address");
    f.phone = cell("phone");
    const std::pair<std::string_view, int*> numbers[] = {
        {"min_age", &f.min_age}, {"max_age", &f.max_age}, {"wait_days", &f.wait_days}};
    const int defaults[] = {0, 130, 0};
    for (std::size_t n = 0; n < 3; ++n) {
      auto value = whole(numbers[n].first, defaults[n]);
      if (!value) return refuse(numbers[n].first, std::string(numbers[n].first) + " must be a whole number");
      *numbers[n].second = *value;
    }
    auto accepting = yes_no("accepting", true);
    auto active = yes_no("active", true);
    if (!accepting) return refuse("accepting", "accepting must be yes or no");
    if (!active) return refuse("active", "active must be yes or no");
    f.accepting = *accepting;
    f.active = *active;
    const auto latitude = cell("latitude");
    const auto longitude = cell("longitude");
    if (!latitude.empty() || !longitude.empty()) {
      double lat = 0;
      double lon = 0;
      auto [lat_end, lat_status] = std::from_chars(latitude.data(), latitude.data() + latitude.size(), lat);
      auto [lon_end, lon_status] = std::from_chars(longitude.data(), longitude.data() + longitude.size(), lon);
      if (lat_status != std::errc() || lat_end != latitude.data() + latitude.size()) {
        return refuse("latitude", "latitude must be a number (with longitude)");
      }
      if (lon_status != std::errc() || lon_end != longitude.data() + longitude.size()) {
        return refuse("longitude", "longitude must be a number (with latitude)");
      }
      f.location = Coordinates{lat, lon};
    }
    auto valid = validate_service(std::move(row.fields));
    if (!valid) return refuse(valid.error().field, valid.error().public_message);
    row.fields = std::move(*valid);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace caseboard::api
