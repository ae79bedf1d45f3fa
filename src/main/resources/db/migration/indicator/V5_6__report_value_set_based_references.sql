-- report_value's references are checked once per statement instead of once per row.
--
-- A row-level foreign key runs one lookup per inserted row; a fresh import of a million values
-- spent 7.8 of its 17.7 seconds in those lookups (BENCHMARKS.md). The same guarantee is kept with
-- statement-level triggers over the transition table (one anti-join per statement), and by refusing
-- to delete reports and indicators at all, which Laurel never does: reports are the audited record
-- of what a unit declared, and a retired indicator is hidden, not deleted. With nothing ever deleted
-- on the referenced side, a check that sees the row is as good as a key-share lock on it.
alter table report_value drop constraint report_value_report_id_fkey;
alter table report_value drop constraint report_value_indicator_id_fkey;

-- No query reads values by indicator alone (they go through their report); the index only cost
-- every insert.
drop index report_value_indicator;

create function report_value_check_references() returns trigger language plpgsql as $$
begin
  if exists (select 1 from checked_rows n where not exists (select 1 from report r where r.id = n.report_id)) then
    raise exception 'report_value refers to a report that does not exist'
      using errcode = 'foreign_key_violation', table = 'report_value', column = 'report_id';
  end if;
  if exists (select 1 from checked_rows n where not exists (select 1 from indicator i where i.id = n.indicator_id)) then
    raise exception 'report_value refers to an indicator that does not exist'
      using errcode = 'foreign_key_violation', table = 'report_value', column = 'indicator_id';
  end if;
  return null;
end $$;

create trigger report_value_references_on_insert after insert on report_value
  referencing new table as checked_rows for each statement
  execute function report_value_check_references();
create trigger report_value_references_on_update after update on report_value
  referencing new table as checked_rows for each statement
  execute function report_value_check_references();

create function refuse_delete() returns trigger language plpgsql as $$
begin
  raise exception '% rows are never deleted', tg_table_name
    using errcode = 'restrict_violation', table = tg_table_name;
end $$;

create trigger report_never_deleted before delete on report
  for each statement execute function refuse_delete();
create trigger indicator_never_deleted before delete on indicator
  for each statement execute function refuse_delete();
