"""Names a Vietnamese reader sees are sorted the Vietnamese way."""

from dashboard import queries, store


def test_dang_sorts_after_dan_and_before_e(empty_db):
    cur = store.cursor(empty_db)
    cur.execute("""INSERT INTO branches (branch_code, branch_name, active, upload_id) VALUES
        ('X1', 'Em', TRUE, 0), ('X2', 'Đảng ủy khối', TRUE, 0), ('X3', 'Dân vận', TRUE, 0),
        ('X4', 'Zeta', TRUE, 0), ('X5', 'Ân', TRUE, 0)""")
    names = list(queries.run("reference.branch_options", cur=cur)["branch_name"])
    assert names == ["Ân", "Dân vận", "Đảng ủy khối", "Em", "Zeta"]
