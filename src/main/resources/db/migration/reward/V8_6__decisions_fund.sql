-- Decisions (quyết định) of the competent authorities, numbered per issuing body and year, with the
-- awards they grant, revoke or correct; the reward fund's ledger; publication on the portal.

-- An issuing body and the template of its decisions (data, not code): the header lines above the
-- number, the national motto, the place in the date line, the signer's title, the default legal
-- basis, and which deciders of the award catalogue it stands for.
create table decision_body (
  code                text primary key,
  unit_code           text,
  name_vi             text not null,
  name_en             text not null,
  suffix              text not null,
  header_lines        text not null,
  motto_lines         text not null,
  place               text not null,
  author_line         text not null,
  signer_title        text not null,
  default_signer      text,
  default_legal_basis text not null,
  executors           text not null,
  deciders            text[] not null,
  sort                int not null
);

insert into decision_body(code, unit_code, name_vi, name_en, suffix, header_lines, motto_lines, place,
                          author_line, signer_title, default_signer, default_legal_basis, executors,
                          deciders, sort) values
  ('UBND-HD', 'HD', 'Ủy ban nhân dân tỉnh Hải Dương', 'People''s Committee of Hải Dương province',
   'QĐ-UBND',
   E'ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG',
   E'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
   'Hải Dương',
   'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG',
   'CHỦ TỊCH',
   'Nguyễn Văn Hùng',
   E'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\nCăn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
   'Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ, Trưởng Ban Thi đua - Khen thưởng tỉnh, Giám đốc Sở Tài chính, thủ trưởng các cơ quan, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1',
   array['PROVINCE_CHAIR'], 10),
  ('UBND-HP', 'HP', 'Ủy ban nhân dân thành phố Hải Phòng', 'People''s Committee of Hải Phòng city',
   'QĐ-UBND',
   E'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG',
   E'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
   'Hải Phòng',
   'CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG',
   'CHỦ TỊCH',
   null,
   E'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\nCăn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\nCăn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;',
   'Chánh Văn phòng UBND thành phố, Giám đốc Sở Nội vụ, Giám đốc Sở Tài chính, thủ trưởng các cơ quan, đơn vị có liên quan và các cá nhân, tập thể có tên tại Điều 1',
   array['PROVINCE_CHAIR'], 20),
  ('TTG', null, 'Thủ tướng Chính phủ', 'Prime Minister', 'QĐ-TTg',
   E'THỦ TƯỚNG CHÍNH PHỦ',
   E'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
   'Hà Nội',
   'THỦ TƯỚNG CHÍNH PHỦ',
   'THỦ TƯỚNG',
   null,
   E'Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nCăn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
   'Bộ trưởng, Trưởng ban Ban Thi đua - Khen thưởng Trung ương, Chủ tịch UBND tỉnh và các cá nhân, tập thể có tên tại Điều 1',
   array['PRIME_MINISTER'], 30);

-- The last number given per body and year: raised in the issuing transaction (insert … on conflict
-- do update … returning), so concurrent issuers queue on the row and a rolled-back issue gives its
-- number back: numbers have no gaps.
create table decision_counter (
  body_code   text not null references decision_body(code),
  year        int not null,
  last_number int not null check (last_number > 0),
  primary key (body_code, year)
);

create table decision (
  id                  bigserial primary key,
  body_code           text not null references decision_body(code),
  kind                text not null check (kind in ('GRANTING', 'REVOKING', 'CORRECTING')),
  status              text not null check (status in ('DRAFT', 'ISSUED')),
  decided_on          date not null,
  -- the number's year (that of the decision date) and the number, given at issue
  number_year         int,
  number              int,
  number_text         text,
  title               text not null,
  signer_name         text not null,
  signer_title        text not null,
  legal_basis         text not null,
  achievement         text,
  reason              text,
  references_id       bigint references decision(id),
  created_by          text not null,
  created_at          timestamptz not null default now(),
  issued_by           text,
  issued_at           timestamptz,
  published_by        text,
  published_at        timestamptz,
  version             int not null default 0,
  unique (body_code, number_year, number),
  check ((status = 'ISSUED') = (number is not null)),
  check ((kind = 'GRANTING') = (references_id is null)),
  check (published_at is null or status = 'ISSUED')
);
create index decision_status on decision(status, decided_on desc);
create index decision_published on decision(published_at) where published_at is not null;

-- One line of a decision: a nominee to grant (GRANTING), an award to revoke (REVOKING), or an award
-- replaced by another (CORRECTING: the replacement's recipient and award).
create table decision_item (
  id               bigserial primary key,
  decision_id      bigint not null references decision(id),
  position         int not null,
  proposal_id      bigint references proposal(id),
  nominee_id       bigint references proposal_nominee(id),
  target_award_id  bigint references award(id),
  recipient        text check (recipient in ('INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD')),
  person_id        bigint,
  unit_code        text,
  household_name   text,
  recipient_name   text,
  award_code       text references award_type(code),
  award_year       int,
  achievement      text,
  -- the award this line created at issue, and its cash
  award_id         bigint references award(id),
  amount_vnd       bigint,
  unique (decision_id, position)
);
create index decision_item_decision on decision_item(decision_id, position);
create index decision_item_nominee on decision_item(nominee_id) where nominee_id is not null;
create index decision_item_award on decision_item(award_id) where award_id is not null;
create index decision_item_target on decision_item(target_award_id) where target_award_id is not null;

-- An award keeps its row when a later decision revokes or replaces it.
alter table award add column decision_id bigint references decision(id);
alter table award add column revoked_by_decision bigint references decision(id);
alter table award add column superseded_by_decision bigint references decision(id);
alter table award add check (revoked_by_decision is null or superseded_by_decision is null);

-- one award of a kind per recipient and year, among those in force
drop index award_person_once;
drop index award_unit_once;
drop index award_household_once;
create unique index award_person_once on award(award_code, year, person_id)
  where person_id is not null and revoked_by_decision is null and superseded_by_decision is null;
create unique index award_unit_once on award(award_code, year, unit_id)
  where recipient = 'COLLECTIVE' and revoked_by_decision is null and superseded_by_decision is null;
create unique index award_household_once on award(award_code, year, unit_id, household_name)
  where recipient = 'HOUSEHOLD' and revoked_by_decision is null and superseded_by_decision is null;

-- The reward fund's ledger: income (budget allocations entered by the secretariat, with source),
-- payments (one per award a decision grants, negative) and reversals (when a later decision revokes
-- or replaces the award, positive). The balance of a year is the sum of its entries.
create table fund_entry (
  id              bigserial primary key,
  year            int not null check (year between 2000 and 2100),
  kind            text not null check (kind in ('INCOME', 'PAYMENT', 'REVERSAL')),
  entry_date      date not null,
  amount_vnd      bigint not null,
  source          text,
  reference       text,
  decision_id     bigint references decision(id),
  award_id        bigint references award(id),
  award_code      text references award_type(code),
  unit_id         bigint,
  coefficient     numeric(5, 2),
  base_salary_vnd bigint,
  base_salary_from date,
  created_by      text not null,
  created_at      timestamptz not null default now(),
  check (kind <> 'INCOME' or (amount_vnd > 0 and award_id is null and source is not null)),
  check (kind <> 'PAYMENT' or amount_vnd <= 0),
  check (kind <> 'REVERSAL' or amount_vnd >= 0),
  check (kind = 'INCOME' or (award_id is not null and decision_id is not null))
);
create index fund_entry_year on fund_entry(year, entry_date, id);
create unique index fund_entry_payment_once on fund_entry(award_id) where kind = 'PAYMENT';
create unique index fund_entry_reversal_once on fund_entry(award_id) where kind = 'REVERSAL';
