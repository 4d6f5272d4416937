-- Case lists, counts and the caseload dashboard read only plain columns, but each case row also
-- carries ~2 kB of sealed content, so answering them from the table reads every row: at 200,000
-- cases a supervisor's list took 1.3 s (SQLite) and the dashboard 2.6 s. This index holds every
-- column they filter, sort and return, in the lists' order (high risk first, newest first), so
-- SQLite answers them from the index alone and a page stops after its rows (docs/performance.md,
-- "Protection cases": list 1.3 s → 0.07 s, dashboard 2.6 s → 0.3 s; PostgreSQL 0.7 s → 0.14 s).
CREATE INDEX cases_list ON cases(organisation_id, risk, id, module, status, owner_id, opened_at,
                                 status_at, next_follow_up);
