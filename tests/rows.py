"""Rows written straight into a migrated store, for tests that build their own small world."""


def insert(cur, table: str, rows: list[dict]) -> None:
    for row in rows:
        cols = ", ".join(f'"{c}"' for c in row) + ", upload_id"
        marks = ", ".join(f"${c}" for c in row) + ", 0"
        cur.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", row)
    refresh(cur)


def refresh(cur) -> None:
    """Refill the marts, as every commit does (rows written here bypass the ingest)."""
    from dashboard import store
    store.refresh_marts(cur)
