-- The peer, step 1 (load): the CSV of `sanad dedup` into a table with COPY, then the name
-- columns an information manager would derive with SQL alone: Arabic script folded (hamza and
-- alef forms, ta marbuta, alef maqsura, Persian/Kurdish letters, diacritics), Latin lower case
-- without punctuation, the article al-/el-/ال dropped from family names, and Latin name parts
-- taken from name_latin (first word given, second father, last family) when the parts are in
-- Arabic script. Reads the CSV on standard input.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
DROP TABLE IF EXISTS person, person_key, block_size, candidate, scored CASCADE;

CREATE TABLE person (
  id text PRIMARY KEY, given_name text, father_name text, grandfather_name text,
  family_name text, name_latin text, sex text, birth_date text, pcode text, phone text,
  document_number text);
\copy person FROM pstdin WITH (FORMAT csv, HEADER true)

CREATE OR REPLACE FUNCTION norm_ar(t text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT nullif(regexp_replace(
    translate(t, 'أإآٱةىیکەڕڵۆێًٌٍَُِّْـ', 'اااايهيكهرلوي'), '[^ء-ي]', '', 'g'), '') $$;
CREATE OR REPLACE FUNCTION norm_lat(t text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT nullif(regexp_replace(lower(t), '[^a-z]', '', 'g'), '') $$;
CREATE OR REPLACE FUNCTION drop_article(t text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT nullif(regexp_replace(t, '^(ال|al|el)', ''), '') $$;
-- The Arabic consonant skeleton: folded, article dropped, long-vowel letters removed.
CREATE OR REPLACE FUNCTION ar_key(t text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT nullif(regexp_replace(drop_article(t), '[اويء]', '', 'g'), '') $$;
CREATE OR REPLACE FUNCTION lat_key(t text) RETURNS text IMMUTABLE LANGUAGE sql AS $$
  SELECT nullif(dmetaphone(drop_article(t)), '') $$;

ALTER TABLE person
  ADD COLUMN rid serial, ADD COLUMN arabic boolean, ADD COLUMN ar_given text,
  ADD COLUMN ar_father text, ADD COLUMN ar_grandfather text, ADD COLUMN ar_family text,
  ADD COLUMN lat_given text, ADD COLUMN lat_father text, ADD COLUMN lat_grandfather text,
  ADD COLUMN lat_family text, ADD COLUMN ar_full text, ADD COLUMN lat_full text,
  ADD COLUMN year int, ADD COLUMN phone_key text;

UPDATE person SET arabic = concat(given_name, father_name, family_name) ~ '[ء-ۿ]';
UPDATE person SET
  ar_given = norm_ar(given_name), ar_father = norm_ar(father_name),
  ar_grandfather = norm_ar(grandfather_name), ar_family = drop_article(norm_ar(family_name))
WHERE arabic;
UPDATE person SET
  lat_given = norm_lat(given_name), lat_father = norm_lat(father_name),
  lat_grandfather = norm_lat(grandfather_name), lat_family = drop_article(norm_lat(family_name))
WHERE NOT arabic;
UPDATE person SET
  lat_given = norm_lat(split_part(name_latin, ' ', 1)),
  lat_father = norm_lat(split_part(name_latin, ' ', 2)),
  lat_grandfather = CASE WHEN array_length(regexp_split_to_array(name_latin, ' +'), 1) >= 4
                    THEN norm_lat(split_part(name_latin, ' ', 3)) END,
  lat_family = CASE WHEN array_length(regexp_split_to_array(name_latin, ' +'), 1) >= 3
               THEN drop_article(norm_lat((regexp_split_to_array(name_latin, ' +'))[
                 array_length(regexp_split_to_array(name_latin, ' +'), 1)])) END
WHERE lat_given IS NULL AND coalesce(name_latin, '') <> '';
UPDATE person SET
  ar_full = nullif(concat_ws(' ', ar_given, ar_father, ar_grandfather, ar_family), ''),
  lat_full = nullif(concat_ws(' ', lat_given, lat_father, lat_grandfather, lat_family), ''),
  year = substr(birth_date, 1, 4)::int,
  phone_key = nullif(right(regexp_replace(phone, '[^0-9]', '', 'g'), 9), '');
ANALYZE person;
