// The sealed content of a referral as JSON text: what FieldCipher seals under the context
// "referrals.content:<id>". Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "referrals/referral.h"

namespace sanad::referrals {

std::string EncodeContent(const ReferralContent& content);
// Internal when `text` is not a JSON object (content that was not written by EncodeContent).
Result<ReferralContent> DecodeContent(std::string_view text);

}  // namespace sanad::referrals
