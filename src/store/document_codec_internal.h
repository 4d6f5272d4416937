// How a member's documents are stored: a JSON array of {"type", "number"} in people.documents.
// One codec for every store file that reads or writes the column. Stateless, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "registry/household.h"

namespace sanad::store {

std::string EncodeDocuments(const std::vector<registry::Document>& docs);
// Text that is not an array decodes to no documents; entries that are not objects are skipped.
std::vector<registry::Document> DecodeDocuments(const std::string& text);

}  // namespace sanad::store
