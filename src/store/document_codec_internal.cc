#include "store/document_codec_internal.h"

#include <nlohmann/json.hpp>

namespace sanad::store {

std::string EncodeDocuments(const std::vector<registry::Document>& docs) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& d : docs) arr.push_back({{"type", d.type}, {"number", d.number}});
  return arr.dump();
}

std::vector<registry::Document> DecodeDocuments(const std::string& text) {
  std::vector<registry::Document> out;
  const auto arr = nlohmann::json::parse(text, nullptr, false);
  if (!arr.is_array()) return out;
  for (const auto& j : arr) {
    if (j.is_object()) out.push_back({j.value("type", ""), j.value("number", "")});
  }
  return out;
}

}  // namespace sanad::store
