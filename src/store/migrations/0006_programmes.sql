-- Programmes and reports (docs/programmes.md): offices (missions), projects with places,
-- budget and expenditures, activities with attendance, the staff and volunteer roster,
-- indicators, and service_records, the one table every "people reached" figure is counted from.
-- Money is an integer of the currency's minor unit (IQD has none, USD and EUR cents). Dates are
-- YYYY-MM-DD text. Nothing here is hard-deleted: expenditures are voided, the rest deactivated.

-- A mission of an organisation: where it works from, a point on the public map.
CREATE TABLE offices (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  version BIGINT NOT NULL,
  name TEXT NOT NULL,
  name_ar TEXT NOT NULL DEFAULT '',
  name_key TEXT NOT NULL,           -- normalised name: unique in the organisation
  search_text TEXT NOT NULL DEFAULT '', -- normalised words of name and name_ar (list search)
  pcode TEXT {{bytewise}} NOT NULL REFERENCES places(pcode),
  lat DOUBLE PRECISION,             -- the office's point; NULL = the place's label point
  lon DOUBLE PRECISION,
  public INTEGER NOT NULL DEFAULT 1, -- shown on the public page
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (organisation_id, name_key)
);

CREATE TABLE projects (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  office_id BIGINT REFERENCES offices(id),
  version BIGINT NOT NULL,
  code TEXT NOT NULL,               -- the organisation's own reference, unique in it
  name TEXT NOT NULL,
  name_ar TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  donor TEXT NOT NULL DEFAULT '',
  sectors TEXT NOT NULL,            -- ",protection,gbv,health," (docs/programmes.md, "Sectors")
  status TEXT NOT NULL,             -- planned, ongoing, completed
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL DEFAULT '', -- '' = open-ended
  currency TEXT NOT NULL,           -- IQD, USD, EUR
  budget BIGINT NOT NULL DEFAULT 0 CHECK (budget >= 0),
  public INTEGER NOT NULL DEFAULT 1, -- counted on the public page
  search_text TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  created_by BIGINT,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT,
  UNIQUE (organisation_id, code)
);
CREATE INDEX projects_org ON projects(organisation_id, status, id);

-- Where a project works: governorates, districts or subdistricts.
CREATE TABLE project_places (
  project_id BIGINT NOT NULL REFERENCES projects(id),
  pcode TEXT {{bytewise}} NOT NULL REFERENCES places(pcode),
  PRIMARY KEY (project_id, pcode)
);

-- What a project spent, in the project's currency; voided lines stay (with who and why).
CREATE TABLE expenditures (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  project_id BIGINT NOT NULL REFERENCES projects(id),
  spent_on TEXT NOT NULL,
  amount BIGINT NOT NULL CHECK (amount > 0),
  category TEXT NOT NULL,           -- staff, supplies, cash, transport, rehabilitation, training, other
  description TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  created_by BIGINT,
  voided_at BIGINT,
  void_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX expenditures_project ON expenditures(project_id, spent_on);

-- Work that is not a case or a distribution: sessions, groups, trainings, visits, classes,
-- events, rehabilitation works. type-specific fields (sessions planned, units rehabilitated…)
-- are columns so reports never parse JSON.
CREATE TABLE activities (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  project_id BIGINT REFERENCES projects(id),
  office_id BIGINT REFERENCES offices(id),
  version BIGINT NOT NULL,
  type TEXT NOT NULL,               -- awareness_session, pfa_group, training, door_to_door, class, recreational_event, social_cohesion_event, rehabilitation
  sector TEXT NOT NULL,
  title TEXT NOT NULL,
  pcode TEXT {{bytewise}} NOT NULL REFERENCES places(pcode),
  site TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,            -- = starts_on for a one-day activity
  status TEXT NOT NULL,             -- planned, done, cancelled
  facilitator TEXT NOT NULL DEFAULT '',
  sessions INTEGER NOT NULL DEFAULT 1,      -- classes, groups: sessions held
  units INTEGER NOT NULL DEFAULT 0,         -- rehabilitation: units finished
  unit_kind TEXT NOT NULL DEFAULT '',       -- house, school, clinic, water_point, other
  trainee_organisation TEXT NOT NULL DEFAULT '', -- training: whose staff were trained
  note TEXT NOT NULL DEFAULT '',
  search_text TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  created_by BIGINT,
  updated_at BIGINT NOT NULL,
  updated_by BIGINT
);
CREATE INDEX activities_org ON activities(organisation_id, starts_on, id);
CREATE INDEX activities_project ON activities(project_id, starts_on);

-- Registered people who took part: sessions attended, and a training's pre and post scores.
CREATE TABLE activity_attendance (
  activity_id BIGINT NOT NULL REFERENCES activities(id),
  person_id BIGINT NOT NULL REFERENCES people(id),
  sessions_attended INTEGER NOT NULL DEFAULT 1,
  pre_score INTEGER,                -- 0..100, trainings only
  post_score INTEGER,
  PRIMARY KEY (activity_id, person_id)
);
CREATE INDEX activity_attendance_person ON activity_attendance(person_id);

-- People who took part and were counted, not registered: by sex, age group, population group.
CREATE TABLE activity_counts (
  activity_id BIGINT NOT NULL REFERENCES activities(id),
  sex TEXT NOT NULL,                -- female, male
  age_group TEXT NOT NULL,          -- 0-5, 6-17, 18-59, 60+
  population_group TEXT NOT NULL,   -- idp, returnee, refugee, host
  count INTEGER NOT NULL CHECK (count > 0),
  PRIMARY KEY (activity_id, sex, age_group, population_group)
);

-- Staff and volunteers of an office (the "in figures" counts, rapid deployment).
CREATE TABLE staff_members (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  office_id BIGINT NOT NULL REFERENCES offices(id),
  version BIGINT NOT NULL,
  kind TEXT NOT NULL,               -- staff, volunteer
  name TEXT NOT NULL,
  sex TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  languages TEXT NOT NULL DEFAULT '', -- ",ar,ckb,en,"
  skills TEXT NOT NULL DEFAULT '',
  deployable INTEGER NOT NULL DEFAULT 0, -- on the rapid deployment roster
  active INTEGER NOT NULL DEFAULT 1,
  search_text TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX staff_members_office ON staff_members(organisation_id, office_id, kind, id);

-- An indicator of a project: what is counted (definition, JSON chosen in the interface:
-- docs/programmes.md, "Indicator definitions"), its unit and target.
CREATE TABLE indicators (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  project_id BIGINT NOT NULL REFERENCES projects(id),
  version BIGINT NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  name_ar TEXT NOT NULL DEFAULT '',
  measure TEXT NOT NULL,            -- people_reached, households_reached, services_delivered, activities_held, units_rehabilitated, trainees_improved
  definition TEXT NOT NULL,         -- JSON filters of the measure
  target BIGINT NOT NULL DEFAULT 0 CHECK (target >= 0),
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (project_id, code)
);

-- One row each time someone was served: a registered person (person_id, count 1) or a number
-- of counted people (person_id NULL, count n, with their sex, age group and population group).
-- Written in the transaction of what served them: a collection (and deleted when it is voided),
-- an activity's attendance, a case's service step, a completed referral. person_key is the
-- person the registry says they are after deduplication (people.merged_into followed to the
-- end), rewritten on merge and undo: unique people reached = distinct person_key.
-- sex, birth_year and population_group are copied from the registry when the row is written so
-- a report reads this table alone.
CREATE TABLE service_records (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  project_id BIGINT REFERENCES projects(id),
  office_id BIGINT,                 -- the activity's office, else the project's: the public map
  sector TEXT NOT NULL,
  source TEXT NOT NULL,             -- activity, collection, case_service, referral
  source_id BIGINT NOT NULL,        -- the activity, collection, case event or referral
  kind TEXT NOT NULL,               -- activity type, in_kind/cash, case module, service type
  person_id BIGINT REFERENCES people(id),
  person_key BIGINT,
  household_id BIGINT,
  count INTEGER NOT NULL DEFAULT 1 CHECK (count > 0),
  sex TEXT NOT NULL DEFAULT '',     -- female, male, '' unknown
  birth_year INTEGER NOT NULL DEFAULT 0, -- 0 unknown
  age_group TEXT NOT NULL DEFAULT '', -- counted rows only ('' for a person: from birth_year)
  population_group TEXT NOT NULL DEFAULT '', -- idp, returnee, refugee, host, '' unknown
  pcode TEXT {{bytewise}} NOT NULL, -- where they were served
  served_on TEXT NOT NULL           -- YYYY-MM-DD
);
CREATE INDEX service_records_org ON service_records(organisation_id, served_on);
CREATE INDEX service_records_project ON service_records(project_id, served_on);
CREATE INDEX service_records_source ON service_records(source, source_id);
CREATE INDEX service_records_person ON service_records(person_id);

-- Rounds and cases can belong to a project (their service records then count for it). A
-- round's sector; '' = from its basket (docs/programmes.md, "Sectors").
ALTER TABLE distributions ADD COLUMN project_id BIGINT REFERENCES projects(id);
ALTER TABLE distributions ADD COLUMN sector TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN project_id BIGINT REFERENCES projects(id);
