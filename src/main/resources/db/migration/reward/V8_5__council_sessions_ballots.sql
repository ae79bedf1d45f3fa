-- Council sessions and their secret ballots.
--
-- Secrecy: ballot_participation records THAT a member voted on a nominee; ballot_vote records a
-- vote with nothing that identifies its voter: no person, user or participation reference, no
-- timestamp, no sequence (a random UUID key). Both are written in one transaction. At the close
-- the item's votes are rewritten in random order with fresh keys, so that neither their physical
-- order nor their xmin tells the order in which they were cast (README: residual risks).

-- a session of a council (bloc module; referenced by id and copied, not joined)
create table council_session (
  id            bigserial primary key,
  council_id    bigint not null,
  council_code  text not null,
  council_name  text not null,
  held_on       date not null,
  title         text not null check (length(trim(title)) > 0),
  status        text not null default 'PREPARING' check (status in ('PREPARING', 'OPEN', 'CLOSED')),
  ballot_ref    text not null unique,
  created_by    text not null,
  created_at    timestamptz not null default now(),
  opened_at     timestamptz,
  closed_at     timestamptz,
  closed_by     text,
  version       integer not null default 0
);
create index council_session_held_on on council_session(held_on desc);

-- the members invited: the council's members in term on the session's day, as they were then
create table session_member (
  session_id  bigint not null references council_session(id),
  person_id   bigint not null,
  full_name   text not null,
  position    text,
  role        text not null,
  attendance  text check (attendance in ('PRESENT', 'ABSENT')),
  primary key (session_id, person_id)
);

-- the agenda: proposals ready for the council; a proposal sits on one active item at a time
create table session_item (
  id           bigserial primary key,
  session_id   bigint not null references council_session(id),
  proposal_id  bigint not null references proposal(id),
  position     integer not null,
  mode         text check (mode in ('ELECTRONIC', 'PAPER')),
  active       boolean not null default true,
  unique (session_id, proposal_id)
);
create unique index session_item_active_proposal on session_item(proposal_id) where active;

-- a declared conflict of interest: the member is recused from the item
create table session_recusal (
  item_id      bigint not null references session_item(id),
  person_id    bigint not null,
  reason       text not null check (length(trim(reason)) > 0),
  declared_by  text not null,
  primary key (item_id, person_id)
);

-- who took part (never how)
create table ballot_participation (
  item_id     bigint not null references session_item(id),
  nominee_id  bigint not null references proposal_nominee(id),
  person_id   bigint not null,
  channel     text not null check (channel in ('IN_ROOM', 'WRITTEN')),
  primary key (item_id, nominee_id, person_id)
);

-- the votes: nothing here identifies a voter
create table ballot_vote (
  id          uuid primary key,
  item_id     bigint not null references session_item(id),
  nominee_id  bigint not null references proposal_nominee(id),
  choice      text not null check (choice in ('APPROVE', 'REJECT', 'ABSTAIN'))
);
create index ballot_vote_item on ballot_vote(item_id, nominee_id);

-- a paper ballot counted in the room, recorded by the secretariat instead of electronic votes
create table paper_tally (
  item_id      bigint not null references session_item(id),
  nominee_id   bigint not null references proposal_nominee(id),
  approve      integer not null check (approve >= 0),
  reject       integer not null check (reject >= 0),
  abstain      integer not null check (abstain >= 0),
  recorded_by  text not null,
  primary key (item_id, nominee_id)
);

-- the published result per nominee, with every figure and the rule that decided it
create table ballot_tally (
  item_id            bigint not null references session_item(id),
  nominee_id         bigint not null references proposal_nominee(id),
  source             text not null check (source in ('ELECTRONIC', 'PAPER')),
  approve            integer not null,
  reject             integer not null,
  abstain            integer not null,
  members            integer not null,
  present            integer not null,
  recused            integer not null,
  written            integer not null,
  denominator        integer not null,
  denominator_kind   text not null check (denominator_kind in ('ALL_MEMBERS', 'PRESENT')),
  threshold_percent  integer not null,
  quorum_numerator   integer not null,
  quorum_denominator integer not null,
  quorum_met         boolean not null,
  rule_version       integer,
  rule_source        text not null,
  outcome            text not null check (outcome in ('APPROVED', 'REJECTED', 'NO_QUORUM')),
  primary key (item_id, nominee_id)
);
