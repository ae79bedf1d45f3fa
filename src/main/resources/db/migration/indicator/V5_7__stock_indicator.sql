-- A stock: the figure at a period's end (aggregation LAST), which adds up across units.
insert into indicator(code, name_vi, name_en, name_de, measure, aggregation, weight_code, direction,
                      year_to_date, may_decrease, work_area, min_value, max_value, required, sort_order) values
('ENTERPRISES_ACTIVE', 'Số doanh nghiệp đang hoạt động', 'Enterprises in operation', 'Tätige Unternehmen',
 'COUNT', 'LAST', null, 'HIGHER', false, true, 'ECONOMY', 0, null, false, 35);
