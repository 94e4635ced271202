"""``python -m bench COMMAND``: run (everything), generate, load, pages, concurrency, report, profile."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv.pop(0) if argv and not argv[0].startswith("-") else "run"
    if command == "run":
        from .run import main as run
        return run(argv)
    if command == "generate":
        from .generate import main as gen
        return gen(argv)
    if command == "load":
        from .load import main as load
        return load(argv)
    if command == "pages":
        from .pages import main as pages
        return pages(argv)
    if command == "worker":
        from .pages import worker_main
        return worker_main(argv)
    if command == "profile":
        from .pages import profile_main
        return profile_main(argv)
    if command == "concurrency":
        from .concurrency import main as conc
        return conc(argv)
    if command == "report":
        from .report import main as report
        return report(argv)
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
