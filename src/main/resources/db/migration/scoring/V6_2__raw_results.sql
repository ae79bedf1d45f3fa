-- The result without the per-assessor normalisation, kept beside the published one (the same when
-- the pact does not normalise). Rows published before this column existed had no normalisation.
alter table result_row add column raw_total numeric(10,2);
alter table result_row add column raw_rank integer check (raw_rank > 0);
update result_row set raw_total = total, raw_rank = rank;
alter table result_row alter column raw_total set not null;
alter table result_row alter column raw_rank set not null;
