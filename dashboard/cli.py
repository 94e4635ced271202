"""Command line: ``python -m dashboard COMMAND``.

The commands and their arguments are the table ``COMMANDS`` below (``--help`` lists them; the
README says what each does). Every command takes ``--db PATH`` (default: the DASHBOARD_DB
setting) and ``--lang vi|en``. Exit 0: done; 2: refused, with one sentence on standard error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import audit, backup, fmt, i18n, ingest, queries, settings, store

EXIT_OK, EXIT_REJECTED, EXIT_INTERNAL = 0, 2, 1


def _open(db: Path):
    try:
        return store.cursor(db)
    except store.DatabaseBusy:
        print(i18n.t("cli.busy", db=str(db)), file=sys.stderr)
        raise SystemExit(EXIT_REJECTED) from None


PROBLEMS_PRINTED = 50   # a sector upload raised ~900 warnings: the first 50 and a count


def problem_lines(problems: list, lang: str, limit: int = PROBLEMS_PRINTED) -> list[str]:
    """The first ``limit`` problems (errors come first), one line each, then how many more."""
    lines = [f"[{i18n.t('severity.' + p.severity, lang)}] {p.message(lang)}" for p in problems[:limit]]
    rest = problems[limit:]
    if rest:
        errors = sum(1 for p in rest if p.severity == "error")
        lines.append(i18n.t("cli.more_problems", lang, n=fmt.count_text(len(rest), lang),
                            errors=fmt.count_text(errors, lang)))
    return lines


def cmd_ingest(args) -> int:
    files = []
    for name in args.files:
        path = Path(name)
        try:
            files.append((path.name, path.read_bytes()))
        except OSError:
            print(i18n.t("cli.no_file", file=name), file=sys.stderr)
            return EXIT_REJECTED
    cur = _open(args.db)
    batch = ingest.prepare(files, cur, max_bytes=settings.get("DASHBOARD_MAX_UPLOAD_MB") * 1024 * 1024,
                           max_rows=settings.get("DASHBOARD_MAX_ROWS"))
    result = None
    if batch.ok and not args.dry_run:
        try:
            result = ingest.commit(batch, who=args.who, source="cli", path=args.db)
        except store.ReadOnly as refused:
            print(i18n.t(refused.key, args.lang), file=sys.stderr)
            return EXIT_REJECTED
    report = {
        "ok": batch.ok,
        "dry_run": args.dry_run,
        "upload_id": result.upload_id if result else None,
        "counts": {name: data.counts for name, data in batch.sheets.items()},
        "problems": [{"severity": p.severity, "file": p.file, "sheet": p.sheet, "row": p.row,
                      "column": p.column, "value": p.shown_value,
                      "message": p.message(args.lang)} for p in batch.problems],
    }
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for line in problem_lines(batch.problems, args.lang):
            print(line)
        for name, counts in report["counts"].items():
            if counts:
                print(i18n.t("upload.sheet_summary", args.lang, sheet=name, rows=sum(counts.values()),
                             new=counts["new"], changed=counts["changed"], same=counts["same"]))
        if not batch.ok:
            print(i18n.t("upload.has_errors", args.lang, n=len(batch.errors)))
        elif result and result.upload_id:
            print(i18n.t("upload.ok", args.lang, id=result.upload_id))
        elif not args.dry_run:
            print(i18n.t("upload.unchanged", args.lang))
    return EXIT_OK if batch.ok else EXIT_REJECTED


def cmd_history(args) -> int:
    cur = _open(args.db)
    rows = queries.execute("cli.history", cur=cur).fetchall()
    if args.json:
        print(json.dumps([{"id": r[0], "file": r[1], "by": r[2], "at": r[3].isoformat(), "source": r[4],
                           "undone_at": r[5].isoformat() if r[5] else None} for r in rows],
                         ensure_ascii=False, indent=2))
    else:
        for r in rows:
            state = i18n.t("history.undone", args.lang) if r[5] else i18n.t("history.active", args.lang)
            print(f"{r[0]:>4}  {fmt.fmt_datetime(r[3])}  {r[2]:<16} {state:<12} {r[1]}")
    return EXIT_OK


def cmd_undo(args) -> int:
    _open(args.db)
    try:
        ingest.undo(args.id, who=args.who, path=args.db)
    except ingest.UndoRefused as refused:
        print(i18n.t(refused.key, args.lang, **refused.params), file=sys.stderr)
        return EXIT_REJECTED
    print(i18n.t("undo.done", args.lang, id=args.id))
    return EXIT_OK


def cmd_build_sample(args) -> int:
    from .sample.database import build_database
    built = build_database(args.db, settings.path_setting("DASHBOARD_SAMPLE_WORKBOOK"), force=args.force)
    print(i18n.t("cli.built" if built else "cli.exists", args.lang, db=str(args.db)))
    return EXIT_OK


def cmd_hash_password(args) -> int:
    """Print an argon2 hash of a password typed twice (or read from standard input)."""
    import getpass

    from . import auth

    if sys.stdin.isatty():
        first = getpass.getpass(i18n.t("cli.password", args.lang))
        second = getpass.getpass(i18n.t("cli.password_again", args.lang))
        if first != second:
            print(i18n.t("cli.password_mismatch", args.lang), file=sys.stderr)
            return EXIT_REJECTED
    else:
        first = sys.stdin.readline().rstrip("\r\n")
    if len(first) < 8:
        print(i18n.t("cli.password_short", args.lang), file=sys.stderr)
        return EXIT_REJECTED
    print(auth.hash_password(first))
    return EXIT_OK


def cmd_unlock(args) -> int:
    """Ask the running app to forget a user's failed sign-ins (from every address).

    The throttle lives in the app's memory, so this leaves a request beside the database
    (DB.unlock), which the app reads at its next sign-in attempt; it needs no database lock.
    """
    from . import auth

    try:
        users = auth.load_users()
    except auth.UsersFileError as broken:
        print(i18n.t("cli.users_broken", args.lang, error=str(broken)), file=sys.stderr)
        return EXIT_REJECTED
    if args.user not in users:
        print(i18n.t("cli.unknown_user", args.lang, user=args.user), file=sys.stderr)
        return EXIT_REJECTED
    auth.request_unlock(args.user, args.db, who=args.who)
    print(i18n.t("cli.unlocked", args.lang, user=args.user))
    return EXIT_OK


def _refused(args, busy_key: str, work):
    """``work()``'s outcome, or None once the refusal is said (the app holds the database, or
    the backup or restore cannot go ahead)."""
    try:
        return work()
    except store.DatabaseBusy:
        print(i18n.t(busy_key, args.lang, db=str(args.db)), file=sys.stderr)
    except backup.Refused as refused:
        print(refused.message(args.lang), file=sys.stderr)
    return None


def cmd_backup(args) -> int:
    """A backup needs the database to itself: while the app runs, the history page makes it."""
    target = Path(args.path)
    outcome = _refused(args, "backup.busy", lambda: backup.backup(args.db, target, who=args.who))
    if outcome is None:
        return EXIT_REJECTED
    audit.record("backup", args.who, {"file": target.name, "tables": outcome.tables, "rows": outcome.rows,
                                      "source": "cli"}, path=args.db)
    print(i18n.t("backup.done", args.lang, path=str(target), tables=outcome.tables, rows=outcome.rows,
                 seconds=fmt.fmt_number(outcome.seconds, 2, args.lang)))
    return EXIT_OK


def cmd_restore(args) -> int:
    """Refuses anything but a sound backup of this dashboard, and a database the app holds."""
    source = Path(args.path)
    if args.db.exists():
        try:
            store.cursor(args.db)
        except store.DatabaseBusy:
            print(i18n.t("restore.busy", args.lang, db=str(args.db)), file=sys.stderr)
            return EXIT_REJECTED
        except Exception:   # noqa: BLE001 - a damaged store is what a restore is for
            store.close(args.db)
    outcome = _refused(args, "restore.busy", lambda: backup.restore(source, args.db))
    if outcome is None:
        return EXIT_REJECTED
    audit.record("restore", args.who, {"file": source.name, "tables": outcome.tables, "rows": outcome.rows,
                                       "previous": outcome.previous.name if outcome.previous else None,
                                       "source": "cli"}, path=args.db)
    if outcome.previous:
        print(i18n.t("restore.done", args.lang, path=str(source), tables=outcome.tables, rows=outcome.rows,
                     previous=str(outcome.previous)))
    else:
        print(i18n.t("restore.done_empty", args.lang, path=str(source), tables=outcome.tables, rows=outcome.rows))
    return EXIT_OK


def cmd_migrate(args) -> int:
    cur = _open(args.db)
    print(i18n.t("cli.migrated", args.lang, version=store.schema_version(cur)))
    return EXIT_OK


def cmd_rules_table(args) -> int:
    """The table of rules, sources and thresholds that the README carries (for maintainers)."""
    from . import rules
    print(rules.shipped_table())
    return EXIT_OK


def cmd_contract_doc(args) -> int:
    """The data contract as docs/data-contract.md carries it (for maintainers)."""
    from . import contract_doc
    sys.stdout.write(contract_doc.markdown())
    return EXIT_OK


# name → (function, help, arguments); "--who" is the acting user recorded with the command.
COMMANDS = {
    "ingest": (cmd_ingest, "validate and load files", ("files+", "--dry-run", "--json", "--who")),
    "history": (cmd_history, "list uploads", ("--json",)),
    "undo": (cmd_undo, "undo an upload", ("id:int", "--who")),
    "build-sample": (cmd_build_sample, "build the sample database if none exists", ("--force",)),
    "hash-password": (cmd_hash_password, "print an argon2 hash for a user's password_hash", ()),
    "unlock": (cmd_unlock, "let a throttled user sign in again at once", ("user", "--who")),
    "migrate": (cmd_migrate, "bring the schema up to date", ()),
    "rules-table": (cmd_rules_table, "print the README's table of rules and their sources", ()),
    "contract-doc": (cmd_contract_doc, "print docs/data-contract.md, written from the contract", ()),
    "backup": (cmd_backup, "write a consistent, checked backup of the database to PATH", ("path", "--who")),
    "restore": (cmd_restore, "replace the database by the backup at PATH, once verified", ("path", "--who")),
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__.splitlines()[0])
    p.add_argument("--db", type=Path, default=None, help="database file (default: DASHBOARD_DB)")
    p.add_argument("--lang", choices=i18n.LANGS, default=None)
    sub = p.add_subparsers(dest="command", required=True)
    for name, (func, help_text, arguments) in COMMANDS.items():
        s = sub.add_parser(name, help=help_text)
        for argument in arguments:
            if argument == "--who":
                s.add_argument("--who", default=os.environ.get("USER", "dòng lệnh"))
            elif argument.startswith("--"):
                s.add_argument(argument, action="store_true")
            elif argument.endswith("+"):
                s.add_argument(argument[:-1], nargs="+")
            else:
                s.add_argument(argument.split(":")[0], type=int if argument.endswith(":int") else str)
        s.add_argument("--db", type=Path, default=argparse.SUPPRESS)
        s.add_argument("--lang", choices=i18n.LANGS, default=argparse.SUPPRESS)
        s.set_defaults(func=func)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    args.db = Path(args.db) if args.db else settings.path_setting("DASHBOARD_DB")
    args.lang = args.lang or settings.get("DASHBOARD_LANG")
    try:
        return args.func(args)
    finally:
        store.close_all()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
