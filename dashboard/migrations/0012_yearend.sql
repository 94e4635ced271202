-- The member register (issue 14): the probation a list cites. A probationary member's
-- probation lasts twelve months from the day the cell admitted him; when it ends the cell
-- considers recognising him as an official member (Party Statute, Article 5). The register
-- judges a probation by the day it ends, against the Statute in force on that day.
INSERT INTO sources VALUES
    ('Điều lệ Đảng, Điều 5', 'probation',
     'Điều lệ Đảng (19/01/2011), Điều 5', 'Party Statute (19/01/2011), Article 5',
     DATE '2011-01-19', 2011, DATE '2011-01-19', NULL,
     'Thời kỳ dự bị của đảng viên', 'The probation of a party member');

INSERT INTO rule_thresholds VALUES
    ('Điều lệ Đảng, Điều 5', 'probation_months', 12, 'count', TRUE);
