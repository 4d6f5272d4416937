// The wire form of distribution rounds (docs/assistance.md): a round, its preview, beneficiary,
// collection and report to JSON; a round's body (create or edit) and a collection from JSON,
// with every type problem collected by field and money turned into minor units. Thread-safe.
#pragma once

#include "access/actor.h"
#include "assistance/distribution.h"
#include "assistance/distribution_service.h"
#include "base/status.h"
#include "http/json_response.h"

namespace sanad::http {

Json DistributionToJson(const assistance::Distribution& d, const access::Actor& actor);
Json PreviewToJson(const assistance::Distribution& d, const assistance::Preview& p);
Json BeneficiaryToJson(const assistance::Distribution& d, const assistance::Beneficiary& b);
Json CollectionToJson(const assistance::CollectionRecord& r);
Json CollectionSummaryToJson(const assistance::Collection& c);
Json ReportToJson(const assistance::RoundReport& r);

// The fields a body sets (create or PATCH); InvalidArgument naming each field of the wrong type
// (`basket[1].quantity`), an unknown field, or an amount with more decimals than its currency
// (`cash.amount`). `version` is read by the caller.
Result<assistance::DistributionEdit> DistributionEditFromJson(const Json& j);
// A new round from a create body's fields.
assistance::Distribution NewDistribution(const assistance::DistributionEdit& e);
Result<assistance::NewCollection> NewCollectionFromJson(const Json& j);

// ErrorResponse, with `error.allowed_next` for a workflow conflict and `error.previous` (the
// collection that already served these people) when given.
Response DistributionErrorResponse(const Status& s,
                                   const assistance::PreviousCollection* previous = nullptr);

}  // namespace sanad::http
