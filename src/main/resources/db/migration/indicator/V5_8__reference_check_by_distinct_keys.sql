-- The statement-level reference check of report_value (V5_6) asked "does any row lack its report or
-- indicator?" with EXISTS over a left join; for EXISTS the planner picks a fast-start nested loop,
-- which probes the report index once per value row: 1.7 s for a million values, as much as the row
-- foreign keys it replaced. Checking the statement's distinct report ids and indicator ids instead
-- probes once per report (125,000 for a million values) and hashes the indicators: 0.7 s on the
-- same scratch server, the COPY itself 1.6–2.0 s (BENCHMARKS.md). Same errors, same guarantee.
create or replace function report_value_check_references() returns trigger language plpgsql as $$
declare
  missing bigint;
begin
  select count(*) into missing
    from (select distinct report_id from checked_rows) n
   where not exists (select 1 from report r where r.id = n.report_id);
  if missing > 0 then
    raise exception 'report_value refers to a report that does not exist'
      using errcode = 'foreign_key_violation', table = 'report_value', column = 'report_id';
  end if;
  select count(*) into missing
    from (select distinct indicator_id from checked_rows) n
   where not exists (select 1 from indicator i where i.id = n.indicator_id);
  if missing > 0 then
    raise exception 'report_value refers to an indicator that does not exist'
      using errcode = 'foreign_key_violation', table = 'report_value', column = 'indicator_id';
  end if;
  return null;
end $$;
