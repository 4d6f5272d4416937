-- Assistance (docs/assistance.md): the item catalogue, warehouses, lots and the stock ledger;
-- distribution rounds with their beneficiary lists, reservations and collections; cash
-- transfers. Quantities are whole numbers of an item's unit; money is an integer of the
-- currency's minor unit. Nothing here is ever hard-deleted except a planned round's list when
-- it goes back to draft (it was never used: no collection).

CREATE TABLE items (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  version BIGINT NOT NULL,
  code TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_ar TEXT NOT NULL DEFAULT '',
  name_ckb TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL,
  category TEXT NOT NULL,           -- food, wash, nfi, shelter, hygiene, dignity_kit, medicine, other
  active INTEGER NOT NULL DEFAULT 1,
  search_text TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (organisation_id, code)
);

CREATE TABLE warehouses (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  version BIGINT NOT NULL,
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,           -- normalised name: unique in the organisation
  pcode TEXT {{bytewise}} NOT NULL REFERENCES places(pcode),
  address TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (organisation_id, name_key)
);

-- A batch of one item. expiry '' = does not expire.
CREATE TABLE lots (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  item_id BIGINT NOT NULL REFERENCES items(id),
  number TEXT NOT NULL DEFAULT '',
  expiry TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  UNIQUE (item_id, number, expiry)
);

-- The running balance of a lot in a warehouse: always the sum of its movements, kept in the
-- movement's transaction. The CHECK is the last guard; the domain refuses first, with a reason.
CREATE TABLE stock_balances (
  warehouse_id BIGINT NOT NULL REFERENCES warehouses(id),
  lot_id BIGINT NOT NULL REFERENCES lots(id),
  item_id BIGINT NOT NULL REFERENCES items(id),
  quantity BIGINT NOT NULL CHECK (quantity >= 0),
  PRIMARY KEY (warehouse_id, lot_id)
);
CREATE INDEX stock_balances_item ON stock_balances(item_id, warehouse_id);

CREATE TABLE stock_transfers (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  version BIGINT NOT NULL,
  status TEXT NOT NULL,             -- in_transit, received
  from_warehouse_id BIGINT NOT NULL REFERENCES warehouses(id),
  to_warehouse_id BIGINT NOT NULL REFERENCES warehouses(id),
  waybill TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  dispatched_at BIGINT NOT NULL,
  dispatched_by BIGINT,
  dispatched_by_name TEXT NOT NULL DEFAULT '',
  received_at BIGINT,
  received_by BIGINT,
  received_by_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stock_transfers_org ON stock_transfers(organisation_id, status, id);

CREATE TABLE stock_transfer_lines (
  transfer_id BIGINT NOT NULL REFERENCES stock_transfers(id),
  lot_id BIGINT NOT NULL REFERENCES lots(id),
  item_id BIGINT NOT NULL REFERENCES items(id),
  sent BIGINT NOT NULL CHECK (sent > 0),
  received BIGINT,                  -- NULL while in transit
  loss_reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (transfer_id, lot_id)
);

CREATE TABLE distributions (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  version BIGINT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,               -- in_kind, cash
  status TEXT NOT NULL,             -- draft, planned, open, closed, cancelled
  project TEXT NOT NULL DEFAULT '',
  pcode TEXT {{bytewise}} NOT NULL REFERENCES places(pcode),
  site TEXT NOT NULL DEFAULT '',
  warehouse_id BIGINT REFERENCES warehouses(id),
  starts_on TEXT NOT NULL,          -- YYYY-MM-DD
  ends_on TEXT NOT NULL,
  plan TEXT NOT NULL,               -- JSON: basket, cash, criteria
  cancel_reason TEXT NOT NULL DEFAULT '',
  households INTEGER NOT NULL DEFAULT 0,  -- on the list (0 in draft)
  people INTEGER NOT NULL DEFAULT 0,
  duplicates_skipped INTEGER NOT NULL DEFAULT 0,
  planned_at BIGINT,
  opened_at BIGINT,
  closed_at BIGINT,
  created_at BIGINT NOT NULL,
  created_by BIGINT,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT
);
CREATE INDEX distributions_org ON distributions(organisation_id, status, id);

-- What a planned or open round holds of an item in its warehouse and has not handed out yet.
CREATE TABLE stock_reservations (
  distribution_id BIGINT NOT NULL REFERENCES distributions(id),
  warehouse_id BIGINT NOT NULL REFERENCES warehouses(id),
  item_id BIGINT NOT NULL REFERENCES items(id),
  quantity BIGINT NOT NULL CHECK (quantity >= 0),
  reserved_at_plan BIGINT NOT NULL, -- what the plan reserved (for the round's report)
  released BIGINT NOT NULL DEFAULT 0,  -- released at close or cancel: the leftovers
  PRIMARY KEY (distribution_id, item_id)
);
CREATE INDEX stock_reservations_stock ON stock_reservations(warehouse_id, item_id);

-- The movements of the ledger: quantity is the signed change of the warehouse's balance of the lot.
CREATE TABLE stock_movements (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  at BIGINT NOT NULL,
  kind TEXT NOT NULL,               -- receipt, loss, adjustment, transfer_out, transfer_in, issue, return
  warehouse_id BIGINT NOT NULL REFERENCES warehouses(id),
  item_id BIGINT NOT NULL REFERENCES items(id),
  lot_id BIGINT NOT NULL REFERENCES lots(id),
  quantity BIGINT NOT NULL,
  donor TEXT NOT NULL DEFAULT '',
  waybill TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  transfer_id BIGINT REFERENCES stock_transfers(id),
  distribution_id BIGINT REFERENCES distributions(id),
  collection_id BIGINT,
  created_by BIGINT,
  created_by_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stock_movements_org ON stock_movements(organisation_id, id);
CREATE INDEX stock_movements_stock ON stock_movements(warehouse_id, item_id, id);
CREATE INDEX stock_movements_distribution ON stock_movements(distribution_id, item_id);

-- The beneficiary list of a planned round. entitlement: JSON [{item_id, quantity}] or the cash
-- amount in minor units.
CREATE TABLE distribution_beneficiaries (
  distribution_id BIGINT NOT NULL REFERENCES distributions(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  position INTEGER NOT NULL,
  token TEXT NOT NULL,              -- 8 characters of Crockford base 32, no dash
  size INTEGER NOT NULL,
  entitlement TEXT NOT NULL,
  cash_amount BIGINT NOT NULL DEFAULT 0,
  collection_id BIGINT,             -- the live collection, NULL while not collected
  PRIMARY KEY (distribution_id, household_id),
  UNIQUE (distribution_id, token)
);
CREATE INDEX distribution_beneficiaries_pos ON distribution_beneficiaries(distribution_id, position);

CREATE TABLE collections (
  id {{id}},
  distribution_id BIGINT NOT NULL REFERENCES distributions(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  collector TEXT NOT NULL,          -- head, member, proxy
  person_id BIGINT,
  proxy_name TEXT NOT NULL DEFAULT '',
  proxy_document TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  at BIGINT NOT NULL,
  created_by BIGINT,
  created_by_name TEXT NOT NULL DEFAULT '',
  voided_at BIGINT,
  void_reason TEXT NOT NULL DEFAULT '',
  voided_by_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX collections_distribution ON collections(distribution_id, id);
-- A round's live collections are counted on every read of the round (and so on every
-- collection): an index-only count.
CREATE INDEX collections_live ON collections(distribution_id) WHERE voided_at IS NULL;
CREATE INDEX collections_household ON collections(household_id, at);

-- Who was merged into a person: the one-collection rule follows deduplication merges both ways on
-- every collection, which without this index read every person of the registry (350 ms per
-- collection at a million people; docs/performance.md, "Assistance").
CREATE INDEX people_merged_into ON people(merged_into) WHERE merged_into IS NOT NULL;

-- One row per round × registry person of a live collection: the database itself refuses a
-- second collection by the same people in a round. Deleted when the collection is voided.
CREATE TABLE collection_claims (
  distribution_id BIGINT NOT NULL REFERENCES distributions(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  collection_id BIGINT NOT NULL REFERENCES collections(id),
  PRIMARY KEY (distribution_id, person_id)
);

CREATE TABLE cash_transfers (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  distribution_id BIGINT NOT NULL REFERENCES distributions(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  recipient_id BIGINT REFERENCES people(id),
  version BIGINT NOT NULL,
  amount BIGINT NOT NULL,           -- minor units of currency
  currency TEXT NOT NULL,           -- IQD, USD
  mechanism TEXT NOT NULL,
  status TEXT NOT NULL,             -- pending, paid, failed, returned
  provider_reference TEXT NOT NULL DEFAULT '',
  paid_amount BIGINT,
  paid_at TEXT NOT NULL DEFAULT '', -- YYYY-MM-DD
  failure_reason TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (distribution_id, household_id)
);
CREATE INDEX cash_transfers_org ON cash_transfers(organisation_id, distribution_id, status, id);
CREATE INDEX cash_transfers_provider ON cash_transfers(organisation_id, provider_reference);
