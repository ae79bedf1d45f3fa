-- Reward module: the award catalogue, the base salary in force over time, and the award history.
-- Unit and person ids refer to the organisation module's registry; no foreign key crosses modules.

create table award_type (
  code             text primary key,
  name_vi          text not null,
  name_en          text not null,
  level            text not null check (level in ('GRASSROOTS', 'DISTRICT', 'PROVINCIAL', 'NATIONAL')),
  recipient        text not null check (recipient in ('INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD')),
  -- TITLE: danh hiệu thi đua; MERIT: hình thức khen thưởng (giấy khen, bằng khen);
  -- ORDER / MEDAL: huân chương, huy chương, proposed upward to the President
  form             text not null check (form in ('TITLE', 'MERIT', 'ORDER', 'MEDAL')),
  proposer         text not null,
  decider          text not null check (decider in ('UNIT_HEAD', 'DISTRICT_CHAIR', 'PROVINCE_CHAIR',
                                                    'PRIME_MINISTER', 'PRESIDENT')),
  -- cash = coefficient × base salary in force on the decision date, rounded up to 10,000 VND
  cash_coefficient numeric(5, 2) not null check (cash_coefficient >= 0),
  upward           boolean not null default false,
  sort             int not null
);

create table base_salary (
  effective_from date primary key,
  amount_vnd     bigint not null check (amount_vnd > 0),
  source         text not null
);

insert into base_salary(effective_from, amount_vnd, source) values
  ('2017-07-01', 1300000, 'Nghị định 47/2017/NĐ-CP'),
  ('2018-07-01', 1390000, 'Nghị định 72/2018/NĐ-CP'),
  ('2019-07-01', 1490000, 'Nghị định 38/2019/NĐ-CP'),
  ('2023-07-01', 1800000, 'Nghị định 24/2023/NĐ-CP'),
  ('2024-07-01', 2340000, 'Nghị định 73/2024/NĐ-CP');

insert into award_type(code, name_vi, name_en, level, recipient, form, proposer, decider, cash_coefficient, upward, sort) values
  ('LDTT',        'Lao động tiên tiến',                         'Advanced Worker',                                'GRASSROOTS', 'INDIVIDUAL', 'TITLE', 'Thủ trưởng cơ quan, đơn vị',              'UNIT_HEAD',      0.30, false, 10),
  ('CSTD_CS',     'Chiến sĩ thi đua cơ sở',                     'Grassroots Emulation Soldier',                   'GRASSROOTS', 'INDIVIDUAL', 'TITLE', 'Hội đồng TĐKT cơ quan, đơn vị',          'UNIT_HEAD',      1.00, false, 20),
  ('CSTD_TINH',   'Chiến sĩ thi đua cấp tỉnh',                  'Provincial Emulation Soldier',                   'PROVINCIAL', 'INDIVIDUAL', 'TITLE', 'Thủ trưởng sở, ngành; Chủ tịch UBND cấp huyện', 'PROVINCE_CHAIR', 3.00, false, 30),
  ('CSTD_TQ',     'Chiến sĩ thi đua toàn quốc',                 'National Emulation Soldier',                     'NATIONAL',   'INDIVIDUAL', 'TITLE', 'Chủ tịch UBND tỉnh',                     'PRIME_MINISTER', 4.50, true,  40),
  ('TTLDTT',      'Tập thể lao động tiên tiến',                 'Advanced Labour Collective',                     'GRASSROOTS', 'COLLECTIVE', 'TITLE', 'Thủ trưởng cơ quan, đơn vị',              'UNIT_HEAD',      0.80, false, 50),
  ('TTLDXS',      'Tập thể lao động xuất sắc',                  'Excellent Labour Collective',                    'PROVINCIAL', 'COLLECTIVE', 'TITLE', 'Thủ trưởng sở, ngành; Chủ tịch UBND cấp huyện', 'PROVINCE_CHAIR', 1.50, false, 60),
  ('CO_UBND',     'Cờ thi đua của UBND tỉnh',                   'Provincial People''s Committee Emulation Flag',  'PROVINCIAL', 'COLLECTIVE', 'TITLE', 'Khối, cụm thi đua; sở, ngành',            'PROVINCE_CHAIR', 8.00, false, 70),
  ('CO_CP',       'Cờ thi đua của Chính phủ',                   'Government Emulation Flag',                      'NATIONAL',   'COLLECTIVE', 'TITLE', 'Chủ tịch UBND tỉnh',                     'PRIME_MINISTER', 12.00, true, 80),
  ('GK_CN',       'Giấy khen (cá nhân)',                        'Commendation (individual)',                      'DISTRICT',   'INDIVIDUAL', 'MERIT', 'Thủ trưởng cơ quan, đơn vị',              'DISTRICT_CHAIR', 0.30, false, 90),
  ('GK_TT',       'Giấy khen (tập thể)',                        'Commendation (collective)',                      'DISTRICT',   'COLLECTIVE', 'MERIT', 'Thủ trưởng cơ quan, đơn vị',              'DISTRICT_CHAIR', 0.60, false, 91),
  ('GK_HGD',      'Giấy khen (hộ gia đình)',                    'Commendation (household)',                       'DISTRICT',   'HOUSEHOLD',  'MERIT', 'Chủ tịch UBND cấp xã',                   'DISTRICT_CHAIR', 0.30, false, 92),
  ('BK_UBND_CN',  'Bằng khen của Chủ tịch UBND tỉnh (cá nhân)',  'Provincial Chairman''s Certificate of Merit (individual)', 'PROVINCIAL', 'INDIVIDUAL', 'MERIT', 'Thủ trưởng sở, ngành; Chủ tịch UBND cấp huyện', 'PROVINCE_CHAIR', 1.00, false, 100),
  ('BK_UBND_TT',  'Bằng khen của Chủ tịch UBND tỉnh (tập thể)',  'Provincial Chairman''s Certificate of Merit (collective)', 'PROVINCIAL', 'COLLECTIVE', 'MERIT', 'Thủ trưởng sở, ngành; Chủ tịch UBND cấp huyện', 'PROVINCE_CHAIR', 2.00, false, 101),
  ('BK_UBND_HGD', 'Bằng khen của Chủ tịch UBND tỉnh (hộ gia đình)', 'Provincial Chairman''s Certificate of Merit (household)', 'PROVINCIAL', 'HOUSEHOLD', 'MERIT', 'Chủ tịch UBND cấp huyện', 'PROVINCE_CHAIR', 1.00, false, 102),
  ('BK_TTG_CN',   'Bằng khen của Thủ tướng Chính phủ (cá nhân)', 'Prime Minister''s Certificate of Merit (individual)', 'NATIONAL', 'INDIVIDUAL', 'MERIT', 'Chủ tịch UBND tỉnh',                     'PRIME_MINISTER', 1.50, true, 110),
  ('BK_TTG_TT',   'Bằng khen của Thủ tướng Chính phủ (tập thể)', 'Prime Minister''s Certificate of Merit (collective)', 'NATIONAL', 'COLLECTIVE', 'MERIT', 'Chủ tịch UBND tỉnh',                     'PRIME_MINISTER', 3.00, true, 111),
  ('HCLD3_CN',    'Huân chương Lao động hạng Ba (cá nhân)',     'Labour Order, Third Class (individual)',         'NATIONAL',   'INDIVIDUAL', 'ORDER', 'Chủ tịch UBND tỉnh, qua Thủ tướng',      'PRESIDENT',      4.50, true, 120),
  ('HCLD3_TT',    'Huân chương Lao động hạng Ba (tập thể)',     'Labour Order, Third Class (collective)',         'NATIONAL',   'COLLECTIVE', 'ORDER', 'Chủ tịch UBND tỉnh, qua Thủ tướng',      'PRESIDENT',      9.00, true, 121),
  ('HCLD2_CN',    'Huân chương Lao động hạng Nhì (cá nhân)',    'Labour Order, Second Class (individual)',        'NATIONAL',   'INDIVIDUAL', 'ORDER', 'Chủ tịch UBND tỉnh, qua Thủ tướng',      'PRESIDENT',      7.50, true, 122),
  ('HCLD1_CN',    'Huân chương Lao động hạng Nhất (cá nhân)',   'Labour Order, First Class (individual)',         'NATIONAL',   'INDIVIDUAL', 'ORDER', 'Chủ tịch UBND tỉnh, qua Thủ tướng',      'PRESIDENT',      9.00, true, 123),
  ('HCDL3_TT',    'Huân chương Độc lập hạng Ba (tập thể)',      'Independence Order, Third Class (collective)',   'NATIONAL',   'COLLECTIVE', 'ORDER', 'Chủ tịch UBND tỉnh, qua Thủ tướng',      'PRESIDENT',      15.00, true, 124),
  ('HC_HUUNGHI',  'Huy chương Hữu nghị',                        'Friendship Medal',                               'NATIONAL',   'INDIVIDUAL', 'MEDAL', 'Chủ tịch UBND tỉnh, qua Thủ tướng',      'PRESIDENT',      1.50, true, 130);

create table award (
  id              bigserial primary key,
  recipient       text not null check (recipient in ('INDIVIDUAL', 'COLLECTIVE', 'HOUSEHOLD')),
  -- an individual: the person and the unit they belonged to; a collective: the unit;
  -- a household: its name and the commune or ward it lives in
  person_id       bigint,
  unit_id         bigint not null,
  household_name  text,
  award_code      text not null references award_type(code),
  year            int not null check (year between 1945 and 2100),
  decision_number text,
  decision_date   date,
  source          text not null check (source in ('LAUREL', 'IMPORTED')),
  achievement     text,
  created_at      timestamptz not null default now(),
  check ((recipient = 'INDIVIDUAL') = (person_id is not null)),
  check ((recipient = 'HOUSEHOLD') = (household_name is not null))
);

-- one award of a kind per recipient and year
create unique index award_person_once on award(award_code, year, person_id) where person_id is not null;
create unique index award_unit_once on award(award_code, year, unit_id) where recipient = 'COLLECTIVE';
create unique index award_household_once on award(award_code, year, unit_id, household_name) where recipient = 'HOUSEHOLD';
create index award_person on award(person_id, year) include (award_code) where person_id is not null;
create index award_unit_year on award(unit_id, year, award_code);
