-- Advanced examples and new models (điển hình tiên tiến, mô hình mới): nominated by a unit,
-- verified by the secretariat, published (only then shown on the portal), and replicated by other
-- units, each replication with its start date and results.
create table example (
  id            bigint generated always as identity primary key,
  movement_id   bigint references movement(id),
  unit_id       bigint not null references unit(id),
  kind          text not null check (kind in ('PERSON','COLLECTIVE','HOUSEHOLD','MODEL')),
  name          text not null check (length(name) between 1 and 300),
  person_id     bigint references person(id),
  story         text not null check (length(story) between 1 and 8000),
  evidence      text check (length(evidence) <= 2000),
  status        text not null default 'NOMINATED' check (status in ('NOMINATED','VERIFIED')),
  nominated_by  text not null,
  nominated_at  timestamptz not null default now(),
  verified_by   text,
  verified_at   timestamptz,
  published     boolean not null default false,
  published_at  timestamptz,
  version       integer not null default 0,
  check (published = false or status = 'VERIFIED'),
  check (kind <> 'PERSON' or person_id is not null)
);
create index example_published on example(published) where published;

create table replication (
  id           bigint generated always as identity primary key,
  example_id   bigint not null references example(id),
  unit_id      bigint not null references unit(id),
  started_on   date not null,
  results      text check (length(results) <= 4000),
  recorded_by  text not null,
  recorded_at  timestamptz not null default now(),
  unique (example_id, unit_id)
);
