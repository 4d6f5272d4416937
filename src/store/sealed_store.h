// The columns that hold sealed text (access/field_cipher.h) and the SQL `sanad key rotate` and
// `sanad key prune` need to walk them: batches by id, one value replaced, counts per key. The
// store never opens or seals anything; it only knows that sealed text starts "s1.<key id>.".
// Functions run inside the caller's transaction.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

// One column of sealed text; its table has an integer primary key `id`, and each value is
// sealed under the context "<table>.<column>:<id>" (FieldCipher::SealContext).
struct SealedColumn {
  std::string_view table;
  std::string_view column;
};

// Every column of sealed text (migrations/0003_cases.sql). A migration that adds one adds it
// here, or key rotation would leave its values under an old key.
inline constexpr SealedColumn kSealedColumns[] = {
    {.table = "cases", .column = "content"},
    {.table = "case_events", .column = "body"},
    {.table = "referrals", .column = "content"},
};

struct SealedValue {
  int64_t id = 0;
  std::string sealed;
};

// Up to `limit` non-NULL values of `column` in rows with id > `after`, by id. Values sealed under
// `skip_key_id` (when not empty) are left out, so a batch holds only what is still to re-seal.
// InvalidArgument for a column not in kSealedColumns.
Result<std::vector<SealedValue>> ReadSealedBatch(Connection& c, const SealedColumn& column,
                                                 int64_t after, int64_t limit,
                                                 std::string_view skip_key_id = "");

// Replaces the value of `column` in row `id`. NotFound when there is no such row.
Status ReplaceSealedValue(Connection& c, const SealedColumn& column, int64_t id,
                          std::string_view sealed);

// How many non-NULL values of `column` each key sealed, by key id; values that are not sealed
// text are counted under "".
Result<std::map<std::string, int64_t>> CountSealedByKey(Connection& c, const SealedColumn& column);

}  // namespace sanad::store
