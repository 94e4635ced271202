"""The library behind the Đảng bộ dashboard: store, ingest, queries, rules, UI helpers."""
