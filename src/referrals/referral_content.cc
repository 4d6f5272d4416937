#include "referrals/referral_content.h"

namespace sanad::referrals {
namespace {

using Json = nlohmann::json;

std::string Text(const Json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

std::string EncodeContent(const ReferralContent& c) {
  Json j = {{"reason", c.reason}, {"shared", c.shared}};
  // Only what is known, so the sealed text of a fresh referral stays small.
  if (c.person_id != 0) j["person_id"] = c.person_id;
  if (!c.decline_reason.empty()) j["decline_reason"] = c.decline_reason;
  if (!c.cancel_reason.empty()) j["cancel_reason"] = c.cancel_reason;
  if (!c.feedback.empty()) j["feedback"] = c.feedback;
  if (!c.service_date.empty()) j["service_date"] = c.service_date;
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<ReferralContent> DecodeContent(std::string_view text) {
  const Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::Internal("referral content is not a JSON object");
  ReferralContent c{.reason = Text(j, "reason"),
                    .decline_reason = Text(j, "decline_reason"),
                    .cancel_reason = Text(j, "cancel_reason"),
                    .feedback = Text(j, "feedback"),
                    .service_date = Text(j, "service_date")};
  if (auto it = j.find("shared"); it != j.end() && it->is_object()) c.shared = *it;
  if (auto it = j.find("person_id"); it != j.end() && it->is_number_integer()) {
    c.person_id = it->get<int64_t>();
  }
  return c;
}

}  // namespace sanad::referrals
