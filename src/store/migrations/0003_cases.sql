-- Protection cases, the service directory and referrals (docs/cases.md).
-- Columns named `content` and `body` hold sealed text (XChaCha20-Poly1305, base64, key outside
-- the database; access/field_cipher.h): intake, consent, assessment, plan, module details,
-- closure, notes, the survivor of a GBV case, what a referral shares. Everything else is plain
-- so lists, counts and dashboards need no decryption. Nothing here is ever hard-deleted.

-- The protection modules a user works in: a comma-separated list (",gbv,mhpss,"), '' for none.
ALTER TABLE users ADD COLUMN modules TEXT NOT NULL DEFAULT '';

CREATE TABLE cases (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  module TEXT NOT NULL,
  status TEXT NOT NULL,             -- open, assessment, case_plan, follow_up, closure_requested, closed
  risk INTEGER NOT NULL,            -- 1 low, 2 medium, 3 high: lists sort high first
  owner_id BIGINT NOT NULL REFERENCES users(id),
  version BIGINT NOT NULL,
  opened_at BIGINT NOT NULL,
  assessment_at BIGINT,
  case_plan_at BIGINT,
  follow_up_at BIGINT,
  closure_requested_at BIGINT,
  closed_at BIGINT,
  status_at BIGINT NOT NULL,        -- when the current status began (overdue steps)
  next_follow_up TEXT NOT NULL DEFAULT '',  -- YYYY-MM-DD, '' when none is planned
  search_text TEXT NOT NULL DEFAULT '',     -- reference and, outside GBV, the people's names
  content TEXT NOT NULL,            -- sealed JSON
  created_at BIGINT NOT NULL,
  created_by BIGINT,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT
);
-- Lists are per organisation and module (team), or per owner (mine), high risk first.
CREATE INDEX cases_org_module ON cases(organisation_id, module, risk, id);
CREATE INDEX cases_owner ON cases(owner_id, risk, id);
CREATE INDEX cases_org_status ON cases(organisation_id, status, module);

-- The registry people a case is about, outside GBV (a GBV survivor is only in the sealed content).
CREATE TABLE case_people (
  case_id BIGINT NOT NULL REFERENCES cases(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  PRIMARY KEY (case_id, person_id)
);
CREATE INDEX case_people_person ON case_people(person_id);

-- Users explicitly assigned to a case besides its owner.
CREATE TABLE case_assignments (
  case_id BIGINT NOT NULL REFERENCES cases(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  assigned_at BIGINT NOT NULL,
  assigned_by BIGINT,
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_assignments_user ON case_assignments(user_id, case_id);

-- The case's timeline: what happened, when, by whom. `summary` is plain and never sensitive
-- ("status: open → assessment", "edited: plan"); `body` is sealed (notes, services).
CREATE TABLE case_events (
  id {{id}},
  case_id BIGINT NOT NULL REFERENCES cases(id),
  at BIGINT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  kind TEXT NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  body TEXT
);
CREATE INDEX case_events_case ON case_events(case_id, id);

-- The service directory: an organisation × a type of service × a place. Shared by everyone.
CREATE TABLE services (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  pcode TEXT {{bytewise}} NOT NULL REFERENCES places(pcode),
  contact_name TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  contact_email TEXT NOT NULL DEFAULT '',
  eligibility TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX services_type_place ON services(type, pcode);
CREATE INDEX services_org ON services(organisation_id, id);

-- A referral from a case (or a household) to a service. status: sent, accepted, declined,
-- cancelled, completed. `content` is sealed: reason, the shared fields, feedback.
CREATE TABLE referrals (
  id {{id}},
  from_organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  from_user_id BIGINT NOT NULL REFERENCES users(id),
  case_id BIGINT REFERENCES cases(id),
  household_id BIGINT REFERENCES households(id),
  service_id BIGINT NOT NULL REFERENCES services(id),
  to_organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  urgency TEXT NOT NULL,            -- normal, urgent, emergency
  status TEXT NOT NULL,
  version BIGINT NOT NULL,
  sent_at BIGINT NOT NULL,
  due_at BIGINT NOT NULL,
  responded_at BIGINT,
  responded_by BIGINT,
  decline_reason TEXT NOT NULL DEFAULT '',
  service_given_at BIGINT,
  content TEXT NOT NULL
);
CREATE INDEX referrals_to ON referrals(to_organisation_id, status, id);
CREATE INDEX referrals_from ON referrals(from_organisation_id, from_user_id, id);
CREATE INDEX referrals_case ON referrals(case_id);
