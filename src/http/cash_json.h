// The wire form of cash transfers (docs/assistance.md, "Cash transfers"): a transfer, a
// reconciliation's answer, a round's report and the export's rows; a status change from JSON.
// Money goes out as a JSON number in the currency's major unit. Pure functions; thread-safe.
#pragma once

#include <vector>

#include "assistance/cash_service.h"
#include "http/json_response.h"
#include "io/table_writer.h"

namespace sanad::http {

// 150000 (IQD), 100.5 (USD): an integer when whole, so IQD never shows a ".0".
Json MoneyJson(int64_t minor, const std::string& currency);
Json TransferToJson(const assistance::CashTransfer& t);
// InvalidArgument naming fields of the wrong JSON type, and unknown ones.
Result<assistance::TransferStatusChange> StatusChangeFromJson(const Json& j, int64_t version);
// 200 with the report, or 422 with it and the one error shape (every problem a field
// "line 3: reference") when the file has problems.
Response ReconciliationResponse(const std::string& source,
                                const assistance::ReconciliationReport& r);
Json RoundCashReportToJson(const assistance::RoundCashReport& r);
// A header row and one row per transfer, money as major-unit text.
std::vector<io::TableRow> TransferExportRows(const std::vector<assistance::CashTransfer>& items);

}  // namespace sanad::http
