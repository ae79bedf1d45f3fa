-- Append-only, hash-chained: hash = SHA-256(prev_hash || canonical form of the entry).
-- seq is assigned without gaps under a lock, so a deleted row shows as a gap or a broken link.
create table audit_entry (
  seq           bigint primary key,
  occurred_at   timestamptz not null,
  actor         text not null,
  action        text not null,
  entity_type   text not null,
  entity_id     text not null,
  before_state  text,
  after_state   text,
  prev_hash     text not null,
  hash          text not null
);
create index audit_entry_entity on audit_entry(entity_type, entity_id);
create index audit_entry_actor on audit_entry(actor);
create index audit_entry_time on audit_entry(occurred_at);

-- the last entry's hash kept apart, so that cutting off the tail of the log is detected too
create table audit_head (
  id        integer primary key check (id = 1),
  last_seq  bigint not null,
  last_hash text not null
);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
  for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
  for each statement execute function audit_entry_is_append_only();
