#include "instruments/instrument_file.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

namespace caseboard::instruments {
namespace {

using json = nlohmann::json;

// Reads members of one object strictly; the first error wins.
class Reader {
 public:
  Reader(const json& object, std::string path) : object_(object), path_(std::move(path)) {
    if (!object_.is_object()) fail_at("", "must be an object");
  }
  void only(std::initializer_list<std::string_view> names) {
    if (error_ || !object_.is_object()) return;
    for (const auto& [key, value] : object_.items()) {
      if (std::find(names.begin(), names.end(), key) == names.end()) fail_at(key, "is not a known member");
    }
  }
  const json* get(std::string_view name, bool required) {
    if (error_ || !object_.is_object()) return nullptr;
    auto found = object_.find(std::string(name));
    if (found == object_.end()) {
      if (required) fail_at(name, "is required");
      return nullptr;
    }
    return &*found;
  }
  std::string text(std::string_view name, bool required = true) {
    const auto* value = get(name, required);
    if (!value) return {};
    if (!value->is_string()) return fail_at(name, "must be a string"), std::string();
    return value->get<std::string>();
  }
  std::int64_t integer(std::string_view name, bool required = true, std::int64_t fallback = 0) {
    const auto* value = get(name, required);
    if (!value) return fallback;
    if (!value->is_number_integer()) return fail_at(name, "must be a whole number"), fallback;
    return value->get<std::int64_t>();
  }
  bool boolean(std::string_view name, bool fallback) {
    const auto* value = get(name, false);
    if (!value) return fallback;
    if (!value->is_boolean()) return fail_at(name, "must be true or false"), fallback;
    return value->get<bool>();
  }
  // Each element of an array member, read by `each(element, path)`.
  template <class Each>
  void list(std::string_view name, bool required, Each&& each) {
    const auto* value = get(name, required);
    if (!value) return;
    if (!value->is_array()) return fail_at(name, "must be an array");
    for (std::size_t i = 0; i < value->size() && !error_; ++i) {
      each((*value)[i], path_of(name) + "[" + std::to_string(i) + "]");
    }
  }
  std::vector<std::string> texts(std::string_view name) {
    std::vector<std::string> out;
    list(name, false, [&](const json& element, const std::string& path) {
      if (!element.is_string()) {
        error_ = make_error(ErrorCode::InvalidArgument, path + " must be a string", path);
        return;
      }
      out.push_back(element.get<std::string>());
    });
    return out;
  }
  void fail_at(std::string_view name, std::string_view message) {
    if (error_) return;
    const auto field = path_of(name);
    error_ = make_error(ErrorCode::InvalidArgument, field + " " + std::string(message), field);
  }
  void take(const Reader& inner) {
    if (!error_ && inner.error_) error_ = inner.error_;
  }
  std::string path_of(std::string_view name) const {
    if (name.empty()) return path_;
    return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
  }
  const std::optional<Error>& error() const { return error_; }

 private:
  const json& object_;
  std::string path_;
  std::optional<Error> error_;
};

Condition read_condition(const json& element, const std::string& path, Reader& outer) {
  Reader r(element, path);
  r.only({"link_id", "in", "points_above", "sum_of", "above"});
  Condition condition;
  if (r.get("sum_of", false)) {
    condition.kind = Condition::Kind::SumAbove;
    condition.sum_of = r.texts("sum_of");
    condition.above = static_cast<int>(r.integer("above"));
  } else if (r.get("points_above", false)) {
    condition.kind = Condition::Kind::PointsAbove;
    condition.link_id = r.text("link_id");
    condition.above = static_cast<int>(r.integer("points_above"));
  } else {
    condition.kind = Condition::Kind::In;
    condition.link_id = r.text("link_id");
    if (r.get("in", true)) condition.in = r.texts("in");
  }
  outer.take(r);
  return condition;
}

std::vector<Condition> read_conditions(Reader& r, std::string_view name) {
  std::vector<Condition> conditions;
  r.list(name, false,
         [&](const json& element, const std::string& path) { conditions.push_back(read_condition(element, path, r)); });
  return conditions;
}

InstrumentItem read_item(const json& element, const std::string& path, Reader& outer) {
  Reader r(element, path);
  r.only({"link_id", "text", "type", "required", "scored", "options", "points_true", "points_false", "min", "max",
          "points", "max_length", "enable_when"});
  InstrumentItem item;
  item.link_id = r.text("link_id");
  item.text = r.text("text");
  const auto type_name = r.text("type");
  if (auto type = parse_item_type(type_name)) {
    item.type = *type;
  } else if (!r.error()) {
    r.fail_at("type", "must be choice, boolean, integer, text or display");
  }
  item.required = r.boolean("required", false);
  item.scored = r.boolean(
      "scored", item.type == ItemType::Choice || item.type == ItemType::Boolean || item.type == ItemType::Integer);
  r.list("options", item.type == ItemType::Choice, [&](const json& option, const std::string& option_path) {
    Reader o(option, option_path);
    o.only({"code", "display", "points"});
    item.options.push_back({o.text("code"), o.text("display"), static_cast<int>(o.integer("points", false))});
    r.take(o);
  });
  item.points_true = static_cast<int>(r.integer("points_true", false));
  item.points_false = static_cast<int>(r.integer("points_false", false));
  item.min = r.integer("min", item.type == ItemType::Integer);
  item.max = r.integer("max", item.type == ItemType::Integer);
  r.list("points", false, [&](const json& range, const std::string& range_path) {
    Reader p(range, range_path);
    p.only({"min", "max", "points"});
    item.points.push_back({p.integer("min"), p.integer("max"), static_cast<int>(p.integer("points"))});
    r.take(p);
  });
  item.max_length = static_cast<std::size_t>(std::max<std::int64_t>(0, r.integer("max_length", false, 2000)));
  item.enable_when = read_conditions(r, "enable_when");
  outer.take(r);
  return item;
}

RiskLevel read_level(const json& element, const std::string& path, Reader& outer, bool with_conditions) {
  Reader r(element, path);
  if (with_conditions) {
    r.only({"code", "display", "when_any"});
  } else {
    r.only({"code", "display"});
  }
  RiskLevel level{r.text("code"), r.text("display"), {}};
  if (with_conditions) level.when_any = read_conditions(r, "when_any");
  outer.take(r);
  return level;
}

Scoring read_scoring(const json& element, Reader& outer) {
  Reader r(element, "scoring");
  r.only({"method", "min", "max", "bands", "levels", "otherwise"});
  Scoring scoring;
  const auto method = r.text("method");
  if (method == "sum") {
    scoring.method = ScoringMethod::Sum;
    scoring.min = static_cast<int>(r.integer("min"));
    scoring.max = static_cast<int>(r.integer("max"));
    r.list("bands", true, [&](const json& band, const std::string& path) {
      Reader b(band, path);
      b.only({"code", "display", "min", "max"});
      scoring.bands.push_back(
          {b.text("code"), b.text("display"), static_cast<int>(b.integer("min")), static_cast<int>(b.integer("max"))});
      r.take(b);
    });
  } else if (method == "rules") {
    scoring.method = ScoringMethod::Rules;
    r.list("levels", true, [&](const json& level, const std::string& path) {
      scoring.levels.push_back(read_level(level, path, r, true));
    });
    if (const auto* otherwise = r.get("otherwise", true)) {
      scoring.otherwise = read_level(*otherwise, "scoring.otherwise", r, false);
    }
  } else if (method == "none") {
    scoring.method = ScoringMethod::None;
  } else if (!r.error()) {
    r.fail_at("method", "must be sum, rules or none");
  }
  outer.take(r);
  return scoring;
}

}  // namespace

Result<Instrument> parse_instrument(std::string_view json_text, std::string_view source) {
  json document = json::parse(json_text, nullptr, false);
  if (document.is_discarded()) {
    return fail(ErrorCode::InvalidArgument, std::string(source) + ": not valid JSON");
  }
  Reader r(document, "");
  r.only({"id", "version", "title", "description", "citation", "items", "scoring", "flags"});
  Instrument instrument;
  instrument.id = r.text("id");
  instrument.version = r.text("version");
  instrument.title = r.text("title");
  instrument.description = r.text("description", false);
  instrument.citation = r.text("citation");
  r.list("items", true, [&](const json& element, const std::string& path) {
    instrument.items.push_back(read_item(element, path, r));
  });
  if (const auto* scoring = r.get("scoring", true)) instrument.scoring = read_scoring(*scoring, r);
  r.list("flags", false, [&](const json& element, const std::string& path) {
    Reader f(element, path);
    f.only({"code", "display", "when_any", "when_band", "action", "need"});
    FlagRule flag;
    flag.code = f.text("code");
    flag.display = f.text("display");
    flag.when_any = read_conditions(f, "when_any");
    flag.when_band = f.texts("when_band");
    const auto action = f.text("action");
    if (auto parsed = parse_flag_action(action)) {
      flag.action = *parsed;
    } else if (!f.error()) {
      f.fail_at("action", "must be urgent_safety_task, sdoh_need, early_follow_up or none");
    }
    flag.need = f.text("need", false);
    instrument.flags.push_back(std::move(flag));
    r.take(f);
  });
  auto located = [&](Error error) {
    error.public_message = std::string(source) + ": " + error.public_message;
    error.internal_message = error.public_message;
    return fail(std::move(error));
  };
  if (r.error()) return located(*r.error());
  if (auto valid = validate_instrument(instrument); !valid) return located(valid.error());
  return instrument;
}

Result<std::vector<Instrument>> load_instruments(const std::filesystem::path& folder) {
  std::error_code status;
  if (!std::filesystem::is_directory(folder, status)) {
    return fail(ErrorCode::NotFound, "the instruments folder " + folder.string() + " does not exist");
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder, status)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<Instrument> instruments;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) return fail(ErrorCode::Unavailable, "cannot read " + file.string());
    CB_TRY_ASSIGN(instrument, parse_instrument(text.str(), file.filename().string()));
    if (!seen.insert({instrument.id, instrument.version}).second) {
      return fail(ErrorCode::AlreadyExists, file.filename().string() + ": " + instrument.id + " version " +
                                                instrument.version + " is defined twice");
    }
    instruments.push_back(std::move(instrument));
  }
  std::sort(instruments.begin(), instruments.end(), [](const Instrument& a, const Instrument& b) {
    return std::tie(a.id, a.version) < std::tie(b.id, b.version);
  });
  return instruments;
}

}  // namespace caseboard::instruments
