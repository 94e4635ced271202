"""Rows put straight into a store's tables, for hand-made cases (upload 0, current)."""


def insert(cur, table: str, rows: list[dict]) -> None:
    for row in rows:
        cols = ", ".join(f'"{c}"' for c in row) + ", upload_id"
        marks = ", ".join(f"${c}" for c in row) + ", 0"
        cur.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", row)
