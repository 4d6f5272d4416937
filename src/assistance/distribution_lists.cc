// Reading a round's results: the beneficiary list (search, export) and the round's report.
#include <map>

#include "assistance/beneficiary_pdf.h"
#include "assistance/distribution_internal.h"
#include "assistance/distribution_service.h"
#include "matching/normalise.h"
#include "stock/ledger.h"
#include "store/audit_store.h"
#include "store/distribution_store.h"
#include "store/stock_ledger_store.h"

namespace sanad::assistance {
namespace {

constexpr int kExportChunk = 500;
constexpr size_t kMaxQueryChars = 200;

}  // namespace

Result<BeneficiaryPage> DistributionService::Beneficiaries(const access::Actor& actor, int64_t id,
                                                           const BeneficiaryQuery& q) {
  std::vector<FieldError> bad;
  if (q.page < 1) bad.push_back({"page", "must be 1 or more"});
  if (q.limit < 1 || q.limit > kMaxLimit) bad.push_back({"limit", "must be from 1 to 200"});
  if (!q.status.empty() && q.status != "listed" && q.status != "collected") {
    bad.push_back({"status", "must be listed or collected"});
  }
  if (q.text.size() > kMaxQueryChars) bad.push_back({"q", "is longer than 200 characters"});
  if (!bad.empty()) return Status::InvalidArgument("bad query", bad);
  store::BeneficiaryFilter f{.distribution_id = id,
                             .terms = matching::NormalisedWords(q.text),
                             .token = ParseToken(q.text).value_or(""),
                             .status = q.status,
                             .limit = q.limit,
                             .offset = (q.page - 1) * q.limit};
  BeneficiaryPage out{.page = q.page, .limit = q.limit};
  Status s = db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(store::GetDistribution(c, actor.organisation_id, id).status());
    SANAD_ASSIGN_OR_RETURN(out.items, store::ListBeneficiaries(c, f));
    SANAD_ASSIGN_OR_RETURN(out.total, store::CountBeneficiaries(c, f));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::vector<Beneficiary>> DistributionService::ExportBeneficiaries(
    const access::Actor& actor, int64_t id, const std::string& format, Distribution* round) {
  const int64_t now = clock_.NowSeconds();
  std::vector<Beneficiary> out;
  // A write transaction: the export's audit entry is written with the read it describes.
  Status s = db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) -> Status {
    out.clear();
    SANAD_ASSIGN_OR_RETURN(Distribution d, store::GetDistribution(c, actor.organisation_id, id));
    if (round != nullptr) *round = std::move(d);
    for (int offset = 0;; offset += kExportChunk) {
      SANAD_ASSIGN_OR_RETURN(
          auto chunk, store::ListBeneficiaries(
                          c, {.distribution_id = id, .limit = kExportChunk, .offset = offset}));
      const bool last = chunk.size() < static_cast<size_t>(kExportChunk);
      for (auto& b : chunk) out.push_back(std::move(b));
      if (last) break;
    }
    return store::AppendAudit(
        c, internal::Entry(actor, now, "distribution", "export", id,
                           {{.field = "format", .after = format},
                            {.field = "rows", .after = std::to_string(out.size())}}));
  });
  if (!s.ok()) return s;
  return out;
}

Result<std::string> DistributionService::PrintBeneficiaries(const access::Actor& actor, int64_t id,
                                                            const std::string& language) {
  Distribution d;
  SANAD_ASSIGN_OR_RETURN(const std::vector<Beneficiary> list,
                         ExportBeneficiaries(actor, id, "pdf", &d));
  return BeneficiaryListPdf(d, list, places_, language, clock_.NowSeconds());
}

Result<RoundReport> DistributionService::Report(const access::Actor& actor, int64_t id) {
  RoundReport out;
  Status s = db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(out.distribution, store::GetDistribution(c, actor.organisation_id, id));
    const Distribution& d = out.distribution;
    SANAD_ASSIGN_OR_RETURN(const store::Reach reach, store::CountReach(c, id));
    out.reached_households = reach.households;
    out.reached_people = reach.people;
    out.by_head = reach.by_head;
    out.by_member = reach.by_member;
    out.by_proxy = reach.by_proxy;
    SANAD_ASSIGN_OR_RETURN(const auto entitlements, store::ListEntitlements(c, id));
    std::map<int64_t, int64_t> planned;
    for (const auto& e : entitlements) {
      for (const auto& l : e.items) planned[l.item_id] += l.quantity;
    }
    SANAD_ASSIGN_OR_RETURN(const auto reservations, store::ListReservations(c, id));
    SANAD_ASSIGN_OR_RETURN(const auto moved, store::SumRoundMovements(c, id));
    for (const BasketLine& l : d.basket) {
      RoundReport::ItemLine line{.item = l, .planned = planned[l.item_id]};
      for (const auto& r : reservations) {
        if (r.item_id != l.item_id) continue;
        line.reserved = r.reserved_at_plan;
        line.still_reserved = r.quantity;
        line.released = r.released;
      }
      for (const auto& m : moved) {
        if (m.item_id != l.item_id) continue;
        line.issued = m.issued;
        line.returned = m.returned;
      }
      out.items.push_back(line);
    }
    if (d.cash) {
      SANAD_ASSIGN_OR_RETURN(const store::CashTotals t, store::SumTransfers(c, id));
      out.cash = RoundReport::Cash{.currency = d.cash->currency,
                                   .due = t.due,
                                   .paid = t.paid,
                                   .failed = t.failed,
                                   .pending = t.pending,
                                   .returned = t.returned};
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace sanad::assistance
