// Demo assistance for `sanad demo`: an item catalogue in three languages, two warehouses with
// prepositioned stock in lots (a receipt per item, a loss, a transfer received short and one
// still on the road), an open in-kind winter round with some families served, a planned cash
// round and a draft. Goes through StockService and DistributionService like a user would, so
// the ledger and audit log are what real work leaves. Not thread-safe (one demo at a time).
#pragma once

#include <cstdint>

#include "access/actor.h"
#include "assistance/distribution_service.h"
#include "base/status.h"
#include "stock/stock_service.h"

namespace sanad::assistance {

struct DemoAssistanceCounts {
  int items = 0;
  int rounds = 0;
  int collections = 0;
};

// `logistics` plans and stocks; `clerk` records collections. `today` in seconds.
Result<DemoAssistanceCounts> CreateDemoAssistance(stock::StockService& stock,
                                                  DistributionService& rounds,
                                                  const access::Actor& logistics,
                                                  const access::Actor& clerk, int64_t today);

}  // namespace sanad::assistance
