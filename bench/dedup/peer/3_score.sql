-- The peer, step 3 (scoring): trigram similarity (pg_trgm) of the full names in the script
-- both records have, plus agreement of given names (equal Arabic skeleton, Levenshtein <= 1
-- or equal Double Metaphone in Latin), birth year, sex, phone, document and place. The
-- weights were set by hand for the best F1 on seed 1; the threshold is swept afterwards by
-- `sanad_dedup_bench score-peer`. Writes the pairs CSV on standard output.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE TABLE scored AS
SELECT pa.id AS id_a, pb.id AS id_b,
  greatest(coalesce(similarity(pa.ar_full, pb.ar_full), 0),
           coalesce(similarity(pa.lat_full, pb.lat_full), 0))
  + CASE WHEN pa.ar_given = pb.ar_given
           OR levenshtein(pa.lat_given, pb.lat_given) <= 1
           OR dmetaphone(pa.lat_given) = dmetaphone(pb.lat_given) THEN 0.2 ELSE 0 END
  + CASE WHEN pa.year IS NULL OR pb.year IS NULL THEN 0
         WHEN pa.year = pb.year THEN 0.15
         WHEN abs(pa.year - pb.year) = 1 THEN 0.0 ELSE -0.4 END
  + CASE WHEN pa.sex <> '' AND pb.sex <> '' AND pa.sex <> pb.sex THEN -0.4 ELSE 0 END
  + CASE WHEN pa.phone_key = pb.phone_key THEN 0.15 ELSE 0 END
  + CASE WHEN pa.document_number = pb.document_number THEN 0.5
         WHEN pa.document_number <> '' AND pb.document_number <> '' THEN -0.3 ELSE 0 END
  + CASE WHEN pa.pcode = pb.pcode THEN 0.05 ELSE 0 END AS score
FROM candidate c JOIN person pa ON pa.rid = c.a JOIN person pb ON pb.rid = c.b;
\copy (SELECT id_a, id_b, round(score::numeric, 4) FROM scored WHERE score >= 0.3) TO pstdout WITH (FORMAT csv)
