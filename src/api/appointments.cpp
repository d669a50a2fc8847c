// Appointments and home visits, their outcome, and the user's calendar as an iCalendar feed.
#include <algorithm>

#include "api/handlers.hpp"
#include "api/record_request.hpp"

namespace caseboard::api {
namespace {

constexpr std::string_view kAppointmentFields[] = {"kind",
                                                   "starts_at",
                                                   "ends_at",
                                                   "location",
                                                   "staff_id",
                                                   "transport_arranged",
                                                   "transport_details",
                                                   "interpreter_language",
                                                   "interpreter_arranged",
                                                   "cost"};

// RFC 5545 text: backslash, semicolon and comma escaped, line breaks as \n.
std::string ical_text(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// "20261122T143000Z" from "2026-11-22T14:30:00Z".
std::string ical_time(std::string_view timestamp) {
  std::string out;
  for (char c : timestamp) {
    if (c != '-' && c != ':') out += c;
  }
  return out;
}

// RFC 5545 folds lines longer than 75 octets; continuation lines start with a space.
void append_line(std::string& out, const std::string& line) {
  std::size_t start = 0;
  while (line.size() - start > 75) {
    std::size_t cut = start + 75;
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
    out += line.substr(start, cut - start) + "\r\n ";
    start = cut;
  }
  out += line.substr(start) + "\r\n";
}

// Initials only: a calendar travels to phones and other apps, so it carries the minimum.
std::string initials(std::string_view client_name) {
  // client_name is "Family, Given".
  auto comma = client_name.find(',');
  std::string family(client_name.substr(0, comma));
  std::string given = comma == std::string_view::npos ? "" : std::string(client_name.substr(comma + 2));
  std::string out;
  if (!given.empty()) out += std::string(1, given.front()) + ".";
  if (!family.empty()) out += std::string(1, family.front()) + ".";
  return out;
}

}  // namespace

HttpResponse create_appointment(RequestContext& context) {
  std::optional<double> cost;
  auto requested = read_request(context.request, kAppointmentFields, [&cost](JsonReader& reader) {
    AppointmentFields fields;
    cost = reader.optional_number("cost");
    fields.kind = reader.required_string("kind");
    fields.starts_at = reader.required_string("starts_at");
    fields.ends_at = reader.required_string("ends_at");
    fields.location = reader.optional_string("location").value_or("");
    fields.staff_id = reader.optional_string("staff_id").value_or("");
    fields.transport_arranged = reader.optional_bool("transport_arranged").value_or(false);
    fields.transport_details = reader.optional_string("transport_details").value_or("");
    fields.interpreter_language = reader.optional_string("interpreter_language").value_or("");
    fields.interpreter_arranged = reader.optional_bool("interpreter_arranged").value_or(false);
    return fields;
  });
  if (!requested) return error_response(requested.error());
  auto cents = read_cost(cost);
  if (!cents) return error_response(cents.error());
  requested->cost_cents = *cents;
  auto valid = validate_appointment(std::move(*requested));
  if (!valid) return error_response(valid.error());
  return respond(
      context.services.store.create_appointment(context.actor, context.parameter("id"), std::move(*valid), context.now),
      [](const Appointment& appointment) { return versioned_response(201, appointment); });
}

HttpResponse list_client_appointments(RequestContext& context) {
  return respond(context.services.store.list_client_appointments(context.actor, context.parameter("id"), context.now),
                 items_response<Appointment>);
}

HttpResponse list_own_appointments(RequestContext& context) {
  auto query = read_query(context.request, {"from", "to"});
  if (!query) return error_response(query.error());
  auto bound = [&](std::string_view name, Timestamp fallback) -> Result<Timestamp> {
    auto found = query->find(std::string(name));
    if (found == query->end()) return fallback;
    return check_time(found->second, name);
  };
  auto from = bound("from", context.now - std::chrono::days(1));
  if (!from) return error_response(from.error());
  auto to = bound("to", *from + std::chrono::days(31));
  if (!to) return error_response(to.error());
  return respond(context.services.store.list_own_appointments(context.actor, *from, *to, context.now),
                 items_response<Appointment>);
}

HttpResponse record_appointment_outcome(RequestContext& context) {
  auto version = required_version(context.request);
  if (!version) return error_response(version.error());
  static constexpr std::string_view kFields[] = {"status"};
  auto status =
      read_request(context.request, kFields, [](JsonReader& reader) { return reader.required_string("status"); });
  if (!status) return error_response(status.error());
  return respond(context.services.store.record_appointment_outcome(context.actor, context.parameter("id"), *version,
                                                                   *status, context.now),
                 [](const Appointment& appointment) { return versioned_response(200, appointment); });
}

HttpResponse calendar_feed(RequestContext& context) {
  // The last 30 days and the next 180.
  auto appointments = context.services.store.list_own_appointments(context.actor, context.now - std::chrono::days(30),
                                                                   context.now + std::chrono::days(180), context.now);
  if (!appointments) return error_response(appointments.error());
  std::string out;
  append_line(out, "BEGIN:VCALENDAR");
  append_line(out, "VERSION:2.0");
  append_line(out, "PRODID:-//Caseboard//Caseboard//EN");
  append_line(out, "CALSCALE:GREGORIAN");
  for (const auto& appointment : *appointments) {
    // What is planned and what took place; not cancelled visits or no-shows.
    if (appointment.status != "scheduled" && appointment.status != "attended") continue;
    const auto& f = appointment.fields;
    std::string kind = f.kind;
    std::replace(kind.begin(), kind.end(), '_', ' ');
    append_line(out, "BEGIN:VEVENT");
    append_line(out, "UID:" + appointment.id + "@caseboard");
    append_line(out, "DTSTAMP:" + ical_time(format_timestamp(context.now)));
    append_line(out, "DTSTART:" + ical_time(f.starts_at));
    append_line(out, "DTEND:" + ical_time(f.ends_at));
    append_line(out, "SUMMARY:" + ical_text(kind + " - " + initials(appointment.client_name)));
    if (!f.location.empty()) append_line(out, "LOCATION:" + ical_text(f.location));
    std::string notes;
    if (f.transport_arranged) notes += "Transport arranged. ";
    if (!f.interpreter_language.empty()) {
      notes += "Interpreter (" + f.interpreter_language + ")" + (f.interpreter_arranged ? " arranged." : " needed.");
    }
    if (!notes.empty()) append_line(out, "DESCRIPTION:" + ical_text(notes));
    append_line(out, "STATUS:CONFIRMED");
    append_line(out, "END:VEVENT");
  }
  append_line(out, "END:VCALENDAR");
  HttpResponse response;
  response.status = 200;
  response.content_type = "text/calendar; charset=utf-8";
  response.body = std::move(out);
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"caseboard.ics\"");
  return response;
}

}  // namespace caseboard::api
