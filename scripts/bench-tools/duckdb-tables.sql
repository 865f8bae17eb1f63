-- The tables job approximated in DuckDB, as the bench's anchor: what a general-purpose
-- columnar engine does with the same export on the same cores. Approximate on purpose: no
-- reject reasons, no Windows-1252 repair, no rounding rules, no averages of similar
-- authorities; only parse, dedupe (latest last_updated, a tie to the later row), name join,
-- classify and count by reporting year. scripts/bench-tools/duckdb-anchor fills in the paths.
SET preserve_insertion_order = true;

CREATE TEMP TABLE decision_rules AS SELECT * FROM read_csv('{decision_rules}', header = true, all_varchar = true);
CREATE TEMP TABLE area_rules AS SELECT * FROM read_csv('{area_rules}', header = true, all_varchar = true);
CREATE TEMP TABLE names AS
    SELECT key, any_value(code) AS code FROM read_csv('{names}', header = true, all_varchar = true) GROUP BY key;

-- Parse: every field as text, the row number standing in for file order.
CREATE TEMP TABLE raw AS
    SELECT row_number() OVER () AS row_no, *
    FROM read_csv('{export}', header = true, all_varchar = true, quote = '"', escape = '"',
                  strict_mode = false, ignore_errors = true);

CREATE TEMP TABLE cleaned AS
    SELECT row_no, reference,
           lower(trim(regexp_replace(authority_name, '[^A-Za-z0-9]+', ' ', 'g'))) AS name_key,
           authority_code,
           lower(trim(regexp_replace(category, '[^A-Za-z0-9]+', ' ', 'g'))) AS category_key,
           lower(trim(regexp_replace(decision, '[^A-Za-z0-9]+', ' ', 'g'))) AS decision_key,
           coalesce(try_strptime(received_date, '%d/%m/%Y'), try_strptime(received_date, '%Y-%m-%d'),
                    try_strptime(received_date, '%Y-%m-%dT%H:%M:%S')) AS received,
           coalesce(try_strptime(last_updated, '%Y-%m-%dT%H:%M:%S'), try_strptime(last_updated, '%Y-%m-%d'),
                    try_strptime(last_updated, '%d/%m/%Y')) AS updated,
           upper(trim(satisfactory_remedy_by_authority)) IN ('Y', 'YES', 'TRUE', '1') AS satisfactory
    FROM raw;

-- Dedupe: one row per case, the latest last_updated, a tie to the later row.
CREATE TEMP TABLE cases AS
    SELECT * FROM cleaned
    QUALIFY row_number() OVER (PARTITION BY reference ORDER BY updated DESC, row_no DESC) = 1;

-- Name join and classification, then counts per authority and reporting year (April to March).
COPY (
    SELECT year(received) - CASE WHEN month(received) < 4 THEN 1 ELSE 0 END AS start_year,
           coalesce(n.code, nullif(trim(c.authority_code), '')) AS authority,
           count(*) AS received,
           count(*) FILTER (WHERE d.outcome IS NOT NULL) AS decided,
           count(*) FILTER (WHERE d.outcome = 'Upheld') AS upheld,
           count(*) FILTER (WHERE d.outcome = 'Upheld' AND c.satisfactory) AS satisfactory_remedy,
           count(DISTINCT a.area) AS areas
    FROM cases c
    LEFT JOIN names n ON n.key = c.name_key
    LEFT JOIN decision_rules d ON d.key = c.decision_key
    LEFT JOIN area_rules a ON a.key = c.category_key
    WHERE c.received IS NOT NULL
    GROUP BY ALL
    ORDER BY ALL
) TO '{output}' (HEADER);
