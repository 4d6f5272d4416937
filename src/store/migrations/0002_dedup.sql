-- Deduplication of an organisation's registry: runs, the groups of probable duplicates they
-- found (members and scored pairs), reviewers' decisions, and reversible merges.
-- A merged member keeps its row: people.merged_into names the member it was merged into, and
-- every listing skips it. Nothing is deleted by a merge; undo clears what the merge set.

ALTER TABLE people ADD COLUMN merged_into BIGINT;

CREATE TABLE dedup_runs (
  id {{id}},
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  status TEXT NOT NULL,                 -- queued, running, done, failed
  started_at BIGINT NOT NULL,
  finished_at BIGINT,
  started_by BIGINT,
  started_by_name TEXT NOT NULL DEFAULT '',
  people_count BIGINT NOT NULL DEFAULT 0,
  comparison_count BIGINT NOT NULL DEFAULT 0,
  pair_count BIGINT NOT NULL DEFAULT 0,
  group_count BIGINT NOT NULL DEFAULT 0,
  error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dedup_runs_org ON dedup_runs(organisation_id, id);

-- state: open, same_person, different_people. version counts decisions and undos, so a
-- reviewer deciding on what they saw is refused (409) when someone else decided meanwhile.
CREATE TABLE dedup_groups (
  id {{id}},
  run_id BIGINT NOT NULL REFERENCES dedup_runs(id),
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  version BIGINT NOT NULL,
  state TEXT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  kept_member_id BIGINT,
  decided_at BIGINT,
  decided_by BIGINT,
  decided_by_name TEXT NOT NULL DEFAULT ''
);
CREATE INDEX dedup_groups_run ON dedup_groups(run_id, score, id);

-- fingerprint: the member's compared fields when the run saw them; a decision is refused when
-- the member now differs (edited, archived or merged elsewhere).
CREATE TABLE dedup_group_members (
  group_id BIGINT NOT NULL REFERENCES dedup_groups(id),
  member_id BIGINT NOT NULL REFERENCES people(id),
  position INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  PRIMARY KEY (group_id, member_id)
);

CREATE TABLE dedup_pairs (
  group_id BIGINT NOT NULL REFERENCES dedup_groups(id),
  member_a BIGINT NOT NULL,
  member_b BIGINT NOT NULL,
  score DOUBLE PRECISION NOT NULL,
  reasons TEXT NOT NULL,                -- JSON [{field, weight, detail}]
  PRIMARY KEY (group_id, member_a, member_b)
);

-- Pairs a reviewer said are different people (member_a < member_b): never proposed again.
CREATE TABLE dedup_different_pairs (
  organisation_id BIGINT NOT NULL REFERENCES organisations(id),
  member_a BIGINT NOT NULL,
  member_b BIGINT NOT NULL,
  group_id BIGINT NOT NULL REFERENCES dedup_groups(id),
  PRIMARY KEY (group_id, member_a, member_b)
);
CREATE INDEX dedup_different_pairs_org ON dedup_different_pairs(organisation_id);

-- What a same_person decision changed, so undo restores exactly that: each merged member and
-- whether its household was archived because every member of it was merged away.
CREATE TABLE dedup_merges (
  group_id BIGINT NOT NULL REFERENCES dedup_groups(id),
  member_id BIGINT NOT NULL REFERENCES people(id),
  household_id BIGINT NOT NULL REFERENCES households(id),
  household_archived INTEGER NOT NULL,
  PRIMARY KEY (group_id, member_id)
);
