-- The indicator catalogue: what is measured, how it adds up across units, which way is better.
create table indicator (
  id             bigint generated always as identity primary key,
  code           text not null unique check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
  name_vi        text not null,
  name_en        text not null,
  name_de        text not null,
  measure        text not null check (measure in ('BILLION_VND','MILLION_VND','PERCENT','COUNT','PERSON','HOUSEHOLD','HECTARE','TONNE')),
  aggregation    text not null check (aggregation in ('SUM','AVERAGE','WEIGHTED_AVERAGE','LAST')),
  weight_code    text,
  direction      text not null check (direction in ('HIGHER','LOWER')),
  year_to_date   boolean not null,
  may_decrease   boolean not null default false,
  work_area      text not null check (work_area in ('ECONOMY','CULTURE_SOCIETY','DEFENCE_SECURITY','CITIZEN_COMPLAINTS','ADMIN_REFORM','GOVERNMENT_BUILDING','EMULATION')),
  min_value      numeric,
  max_value      numeric,
  required       boolean not null default true,
  sort_order     integer not null default 0,
  version        integer not null default 0
);

-- The year's expected value of a unit.
create table estimate (
  unit_id       bigint not null references unit(id),
  indicator_id  bigint not null references indicator(id),
  year          integer not null check (year between 2000 and 2100),
  value         numeric(20,4) not null,
  primary key (unit_id, indicator_id, year)
);

-- One unit's report for one period: 2024-M03, 2024-Q1, 2024-H1, 2024-9M or 2024.
create table report (
  id            bigint generated always as identity primary key,
  unit_id       bigint not null references unit(id),
  period        text not null check (period ~ '^\d{4}(-(M(0[1-9]|1[0-2])|Q[1-4]|H[12]|9M))?$'),
  year          integer not null,
  end_month     integer not null check (end_month between 1 and 12),
  status        text not null check (status in ('DRAFT','SUBMITTED','ACCEPTED','RETURNED')),
  source        text not null default 'ENTRY' check (source in ('ENTRY','IMPORT')),
  submitted_at  timestamptz,
  submitted_by  text,
  decided_at    timestamptz,
  decided_by    text,
  reason        text,
  version       integer not null default 0,
  unique (unit_id, period)
);
create index report_period on report(period);
create index report_year_end on report(year, end_month);

create table report_value (
  report_id     bigint not null references report(id) on delete cascade,
  indicator_id  bigint not null references indicator(id),
  value         numeric(20,4) not null,
  comment       text,
  primary key (report_id, indicator_id)
);
create index report_value_indicator on report_value(indicator_id);

-- When each period's reports are due, per bloc.
create table report_deadline (
  bloc_id   bigint not null references bloc(id) on delete cascade,
  period    text not null,
  due_date  date not null,
  primary key (bloc_id, period)
);

-- a report the secretariat reopened stays editable after its deadline until it is submitted again
alter table report add column reopened boolean not null default false;
