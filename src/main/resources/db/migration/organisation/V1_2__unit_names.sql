-- Names and kinds a unit had before a rename, with the days they were in force; the unit row
-- holds the current ones. "As of" a date, a unit is shown under the name it had then.
create table unit_former_name (
  unit_id     bigint not null references unit(id),
  name        text not null,
  kind        text not null,
  valid_from  date not null,
  valid_to    date not null,
  primary key (unit_id, valid_from),
  check (valid_to >= valid_from)
);
