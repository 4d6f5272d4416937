-- The foundation: organisations, users and sessions, places, households and people, audit.
-- Portable SQL; {{id}} is an auto-assigned integer primary key on each backend; {{bytewise}}
-- makes P-codes compare byte by byte, so a P-code prefix is an index range on both backends.
-- Times are seconds since the Unix epoch (UTC). Nothing of a household is ever hard-deleted:
-- archived_at marks what was removed.

CREATE TABLE organisations (
  id {{id}},
  name TEXT NOT NULL,
  name_key TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);

CREATE TABLE users (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX users_org ON users(organisation_id, username);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE places (
  pcode TEXT {{bytewise}} PRIMARY KEY,
  level INTEGER NOT NULL,
  parent_pcode TEXT {{bytewise}},
  name_en TEXT NOT NULL,
  name_ar TEXT NOT NULL,
  lat DOUBLE PRECISION,
  lon DOUBLE PRECISION
);
CREATE INDEX places_parent ON places(parent_pcode);

CREATE TABLE households (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  version BIGINT NOT NULL,
  displacement_status TEXT NOT NULL,
  location_pcode TEXT {{bytewise}} NOT NULL REFERENCES places(pcode),
  location_site TEXT NOT NULL DEFAULT '',
  origin_pcode TEXT {{bytewise}} REFERENCES places(pcode),
  phone TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  created_by BIGINT,
  updated_by BIGINT,
  archived_at BIGINT
);
-- Lists are per organisation, newest (highest id) first, optionally by place or status.
-- Live households only: lists and their counts never read archived rows (an index-only count).
CREATE INDEX households_org ON households(organisation_id, id) WHERE archived_at IS NULL;
CREATE INDEX households_org_place ON households(organisation_id, location_pcode, id);
CREATE INDEX households_org_status ON households(organisation_id, displacement_status, id);

CREATE TABLE people (
  id {{id}},
  household_id BIGINT NOT NULL REFERENCES households(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  position INTEGER NOT NULL,
  given_name TEXT NOT NULL,
  father_name TEXT NOT NULL DEFAULT '',
  grandfather_name TEXT NOT NULL DEFAULT '',
  family_name TEXT NOT NULL DEFAULT '',
  name_latin TEXT NOT NULL DEFAULT '',
  sex TEXT NOT NULL,
  birth_date TEXT NOT NULL DEFAULT '',
  relationship TEXT NOT NULL,
  phone TEXT NOT NULL DEFAULT '',
  documents TEXT NOT NULL DEFAULT '[]',
  disability TEXT NOT NULL DEFAULT '{}',
  archived_at BIGINT
);
CREATE INDEX people_household ON people(household_id);

CREATE TABLE audit_log (
  id {{id}},
  at BIGINT NOT NULL,
  organisation_id BIGINT,
  user_id BIGINT,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  changes TEXT NOT NULL
);
-- The log is read per organisation, newest first, optionally for one entity.
CREATE INDEX audit_org ON audit_log(organisation_id, id);
CREATE INDEX audit_org_entity ON audit_log(organisation_id, entity, entity_id, id);
