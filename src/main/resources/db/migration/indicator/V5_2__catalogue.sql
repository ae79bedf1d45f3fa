-- The catalogue every province starts with; other tools refer to BUDGET_REVENUE and
-- INDUSTRIAL_OUTPUT by these codes.
insert into indicator(code, name_vi, name_en, name_de, measure, aggregation, weight_code, direction,
                      year_to_date, may_decrease, work_area, min_value, max_value, required, sort_order) values
('BUDGET_REVENUE', 'Thu ngân sách nhà nước trên địa bàn', 'State budget revenue collected in the locality', 'Staatliche Haushaltseinnahmen im Gebiet',
 'BILLION_VND', 'SUM', null, 'HIGHER', true, false, 'ECONOMY', 0, null, true, 10),
('INDUSTRIAL_OUTPUT', 'Giá trị sản xuất công nghiệp', 'Industrial production value', 'Industrieller Produktionswert',
 'BILLION_VND', 'SUM', null, 'HIGHER', true, false, 'ECONOMY', 0, null, true, 20),
('AGRICULTURAL_OUTPUT', 'Giá trị sản xuất nông, lâm nghiệp và thủy sản', 'Agricultural, forestry and fishery output', 'Produktionswert von Land-, Forstwirtschaft und Fischerei',
 'BILLION_VND', 'SUM', null, 'HIGHER', true, false, 'ECONOMY', 0, null, true, 30),
('RETAIL_SALES', 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ', 'Retail sales of goods and services', 'Einzelhandelsumsatz mit Waren und Dienstleistungen',
 'BILLION_VND', 'SUM', null, 'HIGHER', true, false, 'ECONOMY', 0, null, false, 40),
('DOSSIERS_ON_TIME', 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn', 'Administrative dossiers handled on time', 'Fristgerecht bearbeitete Verwaltungsvorgänge',
 'PERCENT', 'AVERAGE', null, 'HIGHER', false, true, 'ADMIN_REFORM', 0, 100, true, 50),
('COMPLAINTS_RESOLVED', 'Tỷ lệ giải quyết khiếu nại, tố cáo đúng hạn', 'Complaints and denunciations resolved on time', 'Fristgerecht erledigte Beschwerden und Anzeigen',
 'PERCENT', 'AVERAGE', null, 'HIGHER', false, true, 'CITIZEN_COMPLAINTS', 0, 100, true, 60),
('POVERTY_RATE', 'Tỷ lệ hộ nghèo', 'Poverty rate (households)', 'Armutsquote (Haushalte)',
 'PERCENT', 'AVERAGE', null, 'LOWER', false, true, 'CULTURE_SOCIETY', 0, 100, true, 70),
('SOCIAL_INSURANCE', 'Tỷ lệ lao động tham gia bảo hiểm xã hội', 'Workforce covered by social insurance', 'Anteil der sozialversicherten Erwerbstätigen',
 'PERCENT', 'AVERAGE', null, 'HIGHER', false, true, 'CULTURE_SOCIETY', 0, 100, true, 80),
('CONSCRIPTION_TARGET', 'Tỷ lệ hoàn thành chỉ tiêu tuyển quân', 'Military recruitment target met', 'Erfüllung des Rekrutierungsziels',
 'PERCENT', 'AVERAGE', null, 'HIGHER', false, true, 'DEFENCE_SECURITY', 0, 200, false, 90);
