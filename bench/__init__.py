"""The benchmark of issue 12: generated sizes S/M/L, uploads, pages, queries, concurrency.

See bench/README.md. Entry point: ``python -m bench`` (``make bench``).
"""
