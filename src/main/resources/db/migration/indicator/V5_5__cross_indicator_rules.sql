-- Checks between two indicators of the same report: value(indicator) <op> factor × value(other).
create table indicator_rule (
  id            bigint generated always as identity primary key,
  indicator_id  bigint not null references indicator(id),
  op            text not null check (op in ('LE', 'GE')),
  factor        numeric(12,4) not null default 1,
  other_id      bigint not null references indicator(id),
  severity      text not null check (severity in ('ERROR', 'WARNING')),
  check (indicator_id <> other_id)
);

-- dossiers handled on time cannot outnumber the dossiers received
insert into indicator(code, name_vi, name_en, name_de, measure, aggregation, weight_code, direction,
                      year_to_date, may_decrease, work_area, min_value, max_value, required, sort_order) values
('DOSSIERS_RECEIVED', 'Số hồ sơ thủ tục hành chính tiếp nhận', 'Administrative dossiers received', 'Eingegangene Verwaltungsvorgänge',
 'COUNT', 'SUM', null, 'HIGHER', true, false, 'ADMIN_REFORM', 0, null, false, 51),
('DOSSIERS_HANDLED_ON_TIME', 'Số hồ sơ thủ tục hành chính giải quyết đúng hạn', 'Administrative dossiers handled on time (count)', 'Fristgerecht bearbeitete Verwaltungsvorgänge (Anzahl)',
 'COUNT', 'SUM', null, 'HIGHER', true, false, 'ADMIN_REFORM', 0, null, false, 52);

insert into indicator_rule(indicator_id, op, factor, other_id, severity)
select a.id, 'LE', 1, b.id, 'ERROR' from indicator a, indicator b
where a.code = 'DOSSIERS_HANDLED_ON_TIME' and b.code = 'DOSSIERS_RECEIVED';
