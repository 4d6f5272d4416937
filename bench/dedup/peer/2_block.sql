-- The peer, step 2 (blocking), the SQL equivalent of the engine's keys (src/matching/
-- blocking.h): unordered pairs of name keys {given, father}, {given, family},
-- {father, grandfather} in one namespace (so swapped parts meet), given name + birth year,
-- phone (last 9 digits), document number. A name key is the Arabic consonant skeleton for
-- Arabic-script parts and the Double Metaphone code for Latin ones, so a record with Arabic
-- parts and a name_latin has keys in both scripts. Blocks of more than 200 records are split
-- by birth year (as the engine refines big blocks); blocks still above 2,000 are dropped.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE TABLE person_key AS
WITH k AS (
  SELECT rid, year, ar_key(ar_given) g, ar_key(ar_father) f, ar_key(ar_grandfather) gf,
         ar_key(ar_family) fa
  FROM person WHERE arabic
  UNION ALL
  SELECT rid, year, lat_key(lat_given), lat_key(lat_father), lat_key(lat_grandfather),
         lat_key(lat_family)
  FROM person WHERE lat_given IS NOT NULL)
SELECT rid, year, 'n:' || least(x, y) || '|' || greatest(x, y) AS key
FROM k, LATERAL (VALUES (g, f), (g, fa), (f, gf)) AS v(x, y)
WHERE x IS NOT NULL AND y IS NOT NULL
UNION
SELECT rid, year, 'y:' || g || '|' || year FROM k WHERE g IS NOT NULL AND year IS NOT NULL
UNION
SELECT rid, year, 'p:' || phone_key FROM person WHERE phone_key IS NOT NULL
UNION
SELECT rid, year, 'd:' || document_number FROM person WHERE coalesce(document_number, '') <> '';

CREATE TABLE block_size AS SELECT key, count(*) AS n FROM person_key GROUP BY key;
CREATE INDEX ON block_size (key);
UPDATE person_key p SET key = p.key || '#' || coalesce(p.year::text, '?')
FROM block_size b WHERE b.key = p.key AND b.n > 200;
DROP TABLE block_size;
CREATE TABLE block_size AS SELECT key, count(*) AS n FROM person_key GROUP BY key;
DELETE FROM person_key p USING block_size b WHERE b.key = p.key AND b.n > 2000;
CREATE INDEX ON person_key (key, rid);
ANALYZE person_key;

CREATE TABLE candidate AS
SELECT DISTINCT a.rid AS a, b.rid AS b
FROM person_key a JOIN person_key b ON a.key = b.key AND a.rid < b.rid;
