// BodyReader: typed fields of one JSON request body (stock, programme and activity routes),
// collecting a FieldError for every value of the wrong type and every key that is not a field of
// the body, so a 422 names them all at once. For src/http only. Header-only; a reader is used by
// one thread.
#pragma once

#include <cmath>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "http/json_response.h"

namespace sanad::http {

class BodyReader {
 public:
  // `prefix` names nested objects ("people[2]."); `known` every key the body may hold
  // (read-only fields of the response included, so a read record can be sent back).
  BodyReader(const Json& j, std::string prefix, std::vector<FieldError>* bad,
             std::initializer_list<std::string_view> known, std::string_view record)
      : j_(j), prefix_(std::move(prefix)), bad_(bad) {
    for (const auto& [key, value] : j.items()) {
      bool ok = false;
      for (std::string_view k : known) ok = ok || k == key;
      if (!ok) bad_->push_back({prefix_ + key, "is not a field of " + std::string(record)});
    }
  }

  std::optional<std::string> Text(const char* key) {
    const Json* v = Find(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
      Bad(key, "must be text");
      return std::nullopt;
    }
    return v->get<std::string>();
  }
  // Text that JSON null clears: absent = nullopt, null = "".
  std::optional<std::string> ClearableText(const char* key) {
    if (IsNull(key)) return std::string();
    return Text(key);
  }
  std::optional<int64_t> Int(const char* key) {
    const Json* v = Find(key);
    if (!v) return std::nullopt;
    if (!v->is_number_integer()) {
      Bad(key, "must be a whole number");
      return std::nullopt;
    }
    return v->get<int64_t>();
  }
  // An id that JSON null clears: absent = nullopt, null = 0.
  std::optional<int64_t> ClearableId(const char* key) {
    if (IsNull(key)) return int64_t{0};
    return Int(key);
  }
  std::optional<bool> Bool(const char* key) {
    const Json* v = Find(key);
    if (!v) return std::nullopt;
    if (!v->is_boolean()) {
      Bad(key, "must be true or false");
      return std::nullopt;
    }
    return v->get<bool>();
  }
  // A number that JSON null clears: absent = nullopt, null = a present nullopt.
  std::optional<std::optional<double>> ClearableNumber(const char* key) {
    if (IsNull(key)) return std::optional<double>();
    const Json* v = Find(key);
    if (!v) return std::nullopt;
    if (!v->is_number() || !std::isfinite(v->get<double>())) {
      Bad(key, "must be a number");
      return std::nullopt;
    }
    return std::optional<double>(v->get<double>());
  }
  // Money: the JSON number's own text ("100.5"), read exactly by the service in the right
  // currency so a double is never rounded into money.
  std::optional<std::string> Amount(const char* key) {
    const Json* v = Find(key);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
      Bad(key, "must be a number");
      return std::nullopt;
    }
    return v->dump();
  }
  std::optional<std::vector<std::string>> Texts(const char* key) {
    const Json* v = Find(key);
    if (!v) return std::nullopt;
    if (!v->is_array()) {
      Bad(key, "must be a list of text");
      return std::nullopt;
    }
    std::vector<std::string> out;
    for (size_t i = 0; i < v->size(); ++i) {
      if (!(*v)[i].is_string()) {
        Bad(std::string(key) + "[" + std::to_string(i) + "]", "must be text");
        out.emplace_back();
      } else {
        out.push_back((*v)[i].get<std::string>());
      }
    }
    return out;
  }
  // An array of objects, or nullopt (absent or null).
  std::optional<std::vector<Json>> Objects(const char* key) {
    const Json* v = Find(key);
    if (!v) return std::nullopt;
    if (!v->is_array()) {
      Bad(key, "must be a list");
      return std::nullopt;
    }
    std::vector<Json> out;
    for (size_t i = 0; i < v->size(); ++i) {
      if (!(*v)[i].is_object()) {
        Bad(std::string(key) + "[" + std::to_string(i) + "]", "must be an object");
        out.emplace_back(Json::object());
      } else {
        out.push_back((*v)[i]);
      }
    }
    return out;
  }
  const Json* Find(const char* key) const {
    auto it = j_.find(key);
    if (it == j_.end() || it->is_null()) return nullptr;
    return &*it;
  }
  bool IsNull(const char* key) const {
    auto it = j_.find(key);
    return it != j_.end() && it->is_null();
  }
  void Bad(const std::string& key, std::string reason) {
    bad_->push_back({prefix_ + key, std::move(reason)});
  }

 private:
  const Json& j_;
  std::string prefix_;
  std::vector<FieldError>* bad_;
};

}  // namespace sanad::http
