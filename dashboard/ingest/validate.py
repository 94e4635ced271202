"""From raw tables to typed, validated rows, with every problem located.

A problem names the sheet, the row as the user sees it in Excel (header =
row 1), the column header as the user wrote it, the value, and what was
expected. Any error rejects the whole upload; warnings do not.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from .. import fmt, i18n
from ..contract import COMMITTEE_CODE, LOAD_ORDER, SHEETS_BY_NAME, Column, Sheet, fold, match_header
from ..contract import sheet_for_headers, sheet_for_name
from ..periods import parse_period
from . import parse
from .read import HEADER_SCAN_ROWS, RawTable, legacy_encoding
from .reference import Reference

MAX_TEXT = 4000
IGNORED_SHEETS = {"huong_dan", "huongdan", "instructions", "readme", "danh_muc", "lists"}


@dataclass
class Problem:
    severity: str            # error | warning | info
    code: str                # message key (p.* or file.*)
    sheet: str | None = None  # as the user named it
    row: int | None = None
    column: str | None = None  # header as the user wrote it
    value: object = None
    params: dict = field(default_factory=dict)
    file: str | None = None

    @property
    def shown_value(self) -> str | None:
        """The value as the messages show it (12, not 12.0; dates dd/mm/yyyy)."""
        return None if self.value is None else _show(self.value)

    def message(self, lang: str = "vi") -> str:
        params = {"value": _show(self.value), **{k: _show(v) for k, v in self.params.items()}}
        detail = i18n.t(self.code, lang, **params)
        if self.code.startswith("reason."):
            return i18n.t("file.unreadable", lang, file=self.file or "", reason=detail)
        if self.sheet is None:
            return detail[:1].upper() + detail[1:]
        if self.row is not None and self.column is not None:
            where = i18n.t("problem.where", lang, sheet=self.sheet, row=self.row, column=self.column)
        elif self.row is not None:
            where = i18n.t("problem.where_row", lang, sheet=self.sheet, row=self.row)
        else:
            where = i18n.t("problem.where_sheet", lang, sheet=self.sheet)
        return f"{where}: {detail}"


def _show(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return fmt.fmt_date(value)
    if isinstance(value, float):
        return fmt.fmt_number(value, 2).rstrip("0").rstrip(",.") if not value.is_integer() else str(int(value))
    text = "" if value is None else str(value)
    text = text if len(text) <= 80 else text[:77] + "…"
    # Invisible characters (zero-width space, direction overrides, controls) are named, so that
    # "CB\u200b07" reads as CB[U+200B]07 and cannot reorder the message around it.
    return "".join(f"[U+{ord(ch):04X}]" if unicodedata.category(ch) in ("Cf", "Cc") and ch not in "\t\n" else ch
                   for ch in text)


@dataclass
class SheetData:
    """One contract sheet's rows from an upload (several files may feed one sheet)."""
    sheet: Sheet
    labels: list[str] = field(default_factory=list)            # sheet names as written
    located: list = field(default_factory=list)                # Located tables feeding it
    columns: list[tuple[str, str, str | None]] = field(default_factory=list)  # (label, header, column)
    records: list[dict] = field(default_factory=list)          # typed values + _row, _sheet
    counts: dict[str, int] = field(default_factory=dict)        # new / changed / same



@dataclass
class Batch:
    files: list[dict] = field(default_factory=list)   # name, sha256, size
    sheets: dict[str, SheetData] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)     # the cells the upload writes

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity != "error"]

    @property
    def ok(self) -> bool:
        return not self.errors

    def add(self, *args, **kwargs) -> None:
        self.problems.append(Problem(*args, **kwargs))


# ---------------------------------------------------------------- sheet and column mapping

@dataclass
class Located:
    """A raw table whose contract sheet, header row and columns are known."""
    table: RawTable
    sheet: Sheet
    header_index: int
    headers: list[str]
    mapping: dict[int, Column]
    data_indexes: list[int]          # indexes into table.cells of the data rows

    def row_number(self, index: int) -> int:
        return self.table.row_number(index)


def _a1(row: int, col: int) -> str:
    return f"{_col_letter(col)}{row + 1}"


def _headers_at(table: RawTable, index: int) -> list[str]:
    """Header texts of a row; a cell merged down from above takes the top cell's text."""
    row = list(table.cells[index])
    for (r0, c0), (r1, c1) in table.merged:
        if r0 < index <= r1 and c0 < len(row) + 1:
            top = table.cells[r0][c0] if c0 < len(table.cells[r0]) else None
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if parse.is_blank(row[c]) and c == c0:
                    row[c] = top
    return [parse.clean_text(h) or "" for h in row]


def _locate(batch: Batch, table: RawTable) -> Located | None:
    """Find the sheet and the header row (the first rows may be a title)."""
    candidates = [i for i in range(len(table.cells)) if not table.is_blank_row(i)][:HEADER_SCAN_ROWS]
    if not candidates:
        return None
    by_name = sheet_for_name(table.sheet)
    best = None
    for index in candidates:
        headers = _headers_at(table, index)
        sheet = by_name or sheet_for_headers(headers)
        if sheet is None:
            continue
        score = sum(1 for h in headers if match_header(sheet, h))
        if best is None or score > best[0]:
            best = (score, index, sheet, headers)
    if best is None or best[0] == 0:
        if by_name is not None:
            index = candidates[0]
            return Located(table, by_name, index, _headers_at(table, index), {}, [])
        return None
    _, index, sheet, headers = best
    data = [i for i in range(index + 1, len(table.cells)) if not table.is_blank_row(i)]
    return Located(table, sheet, index, headers, {}, data)


def assign_sheets(batch: Batch, tables: list[RawTable]) -> list[Located]:
    """Which contract sheet each raw table is, where its headers are, what each column means."""
    located_all = []
    for table in tables:
        if table.hidden:
            batch.add("warning", "p.hidden_sheet", value=table.sheet, file=table.file)
            continue
        if fold(table.sheet) in IGNORED_SHEETS:
            continue
        located = _locate(batch, table)
        if located is None:
            if any(not table.is_blank_row(i) for i in range(len(table.cells))):
                batch.add("warning", "p.unknown_sheet", value=table.sheet, file=table.file)
            elif sheet_for_name(table.sheet) is not None:
                batch.add("warning", "p.empty_sheet", sheet=table.sheet, file=table.file)
            continue
        sheet, headers = located.sheet, located.headers
        label = table.sheet
        above = [table.row_number(i) for i in range(located.header_index) if not table.is_blank_row(i)]
        if above:
            batch.add("warning", "p.rows_above_header", sheet=label, file=table.file,
                      params={"rows": ", ".join(map(str, above)), "header": table.row_number(located.header_index)})
        errors_before = len(batch.errors)
        for (r0, c0), (r1, c1) in table.merged:
            if r0 <= located.header_index <= r1 and c1 > c0:
                batch.add("error", "p.merged_header", sheet=label, file=table.file,
                          value=f"{_a1(r0, c0)}:{_a1(r1, c1)}")
        mapping: dict[int, Column] = {}
        seen: dict[str, int] = {}
        if not any(match_header(sheet, h) for h in headers):
            # No header row among the first rows (the sheet was found by its name): say so once,
            # rather than read the first data row as headers; legacy-font headers are a common cause.
            legacy = legacy_encoding([v for row in table.cells[:200] for v in row if isinstance(v, str)])
            if legacy:
                batch.add("error", "p.legacy_encoding", sheet=label, file=table.file, value=legacy)
            else:
                batch.add("error", "p.no_header", sheet=label, file=table.file,
                          params={"rows": HEADER_SCAN_ROWS,
                                  "columns": ", ".join(f"'{c.header}'" for c in sheet.columns if c.required)})
            headers = []
        for index, header in enumerate(headers):
            if not header:
                continue
            column = match_header(sheet, header)
            if column is None:
                batch.add("warning", "p.unknown_column", sheet=label, column=header,
                          params={"column": header}, file=table.file)
                continue
            if column.name in seen:
                batch.add("error", "p.duplicate_column", sheet=label, column=header,
                          params={"column": header, "first": _col_letter(seen[column.name]),
                                  "second": _col_letter(index)}, file=table.file)
                continue
            seen[column.name] = index
            mapping[index] = column
        for column in sheet.columns:
            if headers and column.required and column.name not in seen:
                batch.add("error", "p.missing_column", sheet=label, params={"column": column.header},
                          file=table.file)
        located.mapping = mapping
        data = batch.sheets.setdefault(sheet.name, SheetData(sheet))
        data.labels.append(label)
        data.columns.extend((label, headers[i], c.name) for i, c in mapping.items())
        data.columns.extend((label, h, None) for i, h in enumerate(headers) if h and i not in mapping)
        data.located.append(located)
        if len(batch.errors) > errors_before:
            continue
        if not located.data_indexes:
            batch.add("warning", "p.empty_sheet", sheet=label, file=table.file)
            continue
        legacy = legacy_encoding([v for i in located.data_indexes + [located.header_index]
                                  for v in table.cells[i] if isinstance(v, str)])
        if legacy:
            batch.add("error", "p.legacy_encoding", sheet=label, file=table.file, value=legacy)
            continue
        _fill_merged_data(batch, located)
        located_all.append(located)
    return located_all


def _fill_merged_data(batch: Batch, located: Located) -> None:
    """Cells merged down a column (a common way to write one cell code for many rows) take the top value."""
    table, filled = located.table, []
    for (r0, c0), (r1, c1) in table.merged:
        if r0 <= located.header_index:
            continue
        top = table.cells[r0][c0] if c0 < len(table.cells[r0]) else None
        for r in range(r0, min(r1, len(table.cells) - 1) + 1):
            row = table.cells[r]
            for c in range(c0, c1 + 1):
                while len(row) <= c:
                    row.append(None)
                if (r, c) != (r0, c0):
                    row[c] = top
        filled.append(f"{_a1(r0, c0)}:{_a1(r1, c1)}")
    if filled:
        batch.add("warning", "p.merged_filled", sheet=table.sheet, file=table.file,
                  value=", ".join(filled[:10]) + ("…" if len(filled) > 10 else ""))


def _col_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# ---------------------------------------------------------------- cell parsing

def parse_cell(column: Column, raw: object, ref: Reference, today: dt.date):
    """(value, problem key, params) for one cell; problem key None when fine."""
    if parse.is_blank(raw):
        if column.required:
            return None, "p.required", {}
        return column.default, None, {}
    try:
        if column.kind in ("text",):
            value = parse.clean_text(raw)
            if len(value) > MAX_TEXT:
                return None, "p.text_too_long", {"value": len(value), "limit": MAX_TEXT}
        elif column.kind == "code":
            try:
                value = parse.parse_code(raw)
            except ValueError:
                return None, "p.bad_code", {}
        elif column.kind == "date":
            try:
                value = parse.parse_date(raw)
            except ValueError:
                return None, "p.not_date", {}
            if column.not_future and value > today:
                return None, "p.future_date", {}
        elif column.kind == "yesno":
            try:
                value = parse.parse_yesno(raw)
            except ValueError:
                return None, "p.not_yesno", {}
        elif column.kind in ("number", "percent"):
            try:
                value = parse.parse_number(raw, percent=column.kind == "percent")
            except ValueError:
                return None, "p.not_number", {}
        elif column.kind == "integer":
            try:
                value = parse.parse_integer(raw)
            except ValueError:
                return None, "p.not_integer", {}
        elif column.kind == "year":
            try:
                value = parse.parse_year(raw)
            except ValueError:
                return None, "p.not_year", {}
        elif column.kind == "period":
            try:
                value = parse_period(raw).code
            except ValueError:
                return None, "p.not_period", {}
        elif column.kind == "enum":
            try:
                value = parse.parse_enum(raw, ref.enums.get(column.enum, {}))
            except ValueError:
                return None, "p.bad_enum", {"allowed": ", ".join(ref.enum_codes.get(column.enum, []))}
        else:  # pragma: no cover - a contract typo
            raise AssertionError(column.kind)
    except ValueError:
        return None, "p.required", {}
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if column.minimum is not None:
            if column.min_exclusive and value <= column.minimum:
                return None, "p.not_positive", {"limit": column.minimum}
            if value < column.minimum:
                return None, "p.below_min", {"limit": column.minimum}
        if column.maximum is not None and value > column.maximum:
            return None, "p.above_max", {"limit": column.maximum}
    return value, None, {}


def parse_rows(batch: Batch, located_all: list[Located], ref: Reference, today: dt.date) -> None:
    for located in located_all:
        table, sheet = located.table, located.sheet
        data = batch.sheets[sheet.name]
        headers = {c.name: located.headers[i] for i, c in located.mapping.items()}
        provided = frozenset(c.name for c in located.mapping.values())
        for column in sheet.columns:
            headers.setdefault(column.name, column.header)
        for index in located.data_indexes:
            raw_row, row_number = table.cells[index], table.row_number(index)
            record: dict = {"_row": row_number, "_sheet": table.sheet, "_file": table.file,
                            "_headers": headers, "_bad": False, "_provided": provided}
            for col_index, column in located.mapping.items():
                raw = raw_row[col_index] if col_index < len(raw_row) else None
                header = headers[column.name]
                if (index, col_index) in table.formula_cells:
                    record["_bad"] = True
                    batch.add("error", "p.formula_uncalculated", sheet=table.sheet, row=row_number,
                              column=header, value=_a1(index, col_index), file=table.file)
                    record[column.name] = None
                    continue
                value, key, params = parse_cell(column, raw, ref, today)
                if key is not None:
                    record["_bad"] = True
                    shown = raw if isinstance(raw, (dt.date, dt.datetime)) else parse.clean_text(raw)
                    batch.add("error", key, sheet=table.sheet, row=row_number, column=header,
                              value=shown, params=params, file=table.file)
                elif column.kind == "percent" and isinstance(value, float) and 0 < value < 1:
                    batch.add("warning", "p.percent_fraction", sheet=table.sheet, row=row_number,
                              column=header, value=value, params={"percent": value * 100}, file=table.file)
                record[column.name] = value
            for column in sheet.columns:
                if column.name not in record:
                    record[column.name] = column.default
            data.records.append(record)


# ---------------------------------------------------------------- row and cross-sheet rules

def _err(batch: Batch, record: dict, column: str | None, key: str, value=None, severity="error", **params):
    header = record["_headers"].get(column) if column else None
    batch.add(severity, key, sheet=record["_sheet"], row=record["_row"], column=header,
              value=value if value is not None else (record.get(column) if column else None),
              params=params, file=record["_file"])


def _meetings(batch: Batch, ref: Reference) -> dict[tuple, dict]:
    """Meetings of the store and of the upload, keyed (cell, day, kind)."""
    meetings = dict(ref.meetings)
    for r in _rows(batch, "sinh_hoat"):
        meetings[(r["branch_code"], r["held_on"], r["kind"])] = r
    return meetings


def resolve_absence_kinds(batch: Batch, ref: Reference) -> None:
    """An absence row with no meeting kind takes the kind of the cell's only meeting that day.

    With no meeting that day, or two, the row is refused and says which.
    """
    kinds: dict[tuple, list[str]] = defaultdict(list)
    for branch, day, kind in _meetings(batch, ref):
        kinds[(branch, day)].append(kind)
    for r in _rows(batch, "vang_sinh_hoat"):
        if r["kind"] is not None:
            continue
        found = sorted(kinds.get((r["branch_code"], r["held_on"]), []))
        if len(found) == 1:
            r["kind"] = found[0]
        elif not found:
            _err(batch, r, "held_on", "p.unknown_meeting", branch=r["branch_code"])
        else:
            _err(batch, r, "kind", "p.absence_kind_required", value="", branch=r["branch_code"],
                 date=r["held_on"], n=len(found))


def check_duplicates(batch: Batch) -> None:
    for data in batch.sheets.values():
        seen: dict[tuple, dict] = {}
        for record in data.records:
            if record["_bad"]:
                continue
            key = tuple(record[name] for name in data.sheet.key_names)
            first = seen.get(key)
            if first is None:
                seen[key] = record
                continue
            other = first["_row"] if first["_sheet"] == record["_sheet"] else f"{first['_row']} ({first['_sheet']})"
            _err(batch, record, data.sheet.key_names[0], "p.duplicate_key",
                 value=record[data.sheet.key_names[0]], other=other,
                 values=" · ".join(_show(k) for k in key))
            record["_bad"] = True


def _rows(batch: Batch, name: str) -> list[dict]:
    data = batch.sheets.get(name)
    return [r for r in data.records if not r["_bad"]] if data else []


def check_rules(batch: Batch, ref: Reference) -> None:
    branches = set(ref.branches) | {r["branch_code"] for r in _rows(batch, "chi_bo")}
    members = dict(ref.members)
    for r in _rows(batch, "dang_vien"):
        members[r["member_code"]] = r
    criteria = dict(ref.criteria)   # (code, valid_from) → criterion: sets replace each other by period
    for r in _rows(batch, "tieu_chi"):
        criteria[(r["criterion_code"], r["valid_from"])] = {"group": r["group"], "max_points": r["max_points"],
                                                            "valid_from": r["valid_from"]}
    set_starts = {vf: (parse_period(vf).start if vf else dt.date.min) for _, vf in criteria}
    actions = set(ref.actions) | {r["action_code"] for r in _rows(batch, "giai_phap")}
    meetings = _meetings(batch, ref)

    for r in _rows(batch, "dang_vien"):
        if r["branch_code"] not in branches:
            _err(batch, r, "branch_code", "p.unknown_branch")
        if r["left_on"] and r["joined_on"] and r["left_on"] < r["joined_on"]:
            _err(batch, r, "left_on", "p.left_before_joined", other=r["joined_on"])

    if _rows(batch, "tieu_chi"):
        sums: dict[tuple, float] = defaultdict(float)
        for c in criteria.values():
            sums[(c["valid_from"], c["group"])] += c["max_points"]
        uploaded = {(r["valid_from"], r["group"]) for r in _rows(batch, "tieu_chi")}
        first_row = {(r["valid_from"], r["group"]): r for r in reversed(_rows(batch, "tieu_chi"))}
        for key in sorted(uploaded, key=str):
            total = ref.group_totals.get(key[1])
            if total is not None and abs(sums[key] - total) > 1e-9:
                _err(batch, first_row[key], "max_points", "p.criteria_group_total", value=key[1],
                     sum=_show(sums[key]), limit=_show(total))

    for r in _rows(batch, "diem_danh_gia"):
        if r["branch_code"] not in branches:
            _err(batch, r, "branch_code", "p.unknown_branch")
        # The criteria set in force for the score's period: the latest one starting on or before it.
        period_start = parse_period(r["period"]).start
        in_force = max((vf for vf, start in set_starts.items() if start <= period_start),
                       key=lambda vf: set_starts[vf], default=None) if set_starts else None
        criterion = criteria.get((r["criterion_code"], in_force))
        if criterion is None:
            if any(code == r["criterion_code"] for code, _ in criteria):
                _err(batch, r, "criterion_code", "p.criterion_not_in_period", period=r["period"])
            else:
                _err(batch, r, "criterion_code", "p.unknown_criterion")
        elif r["score"] > criterion["max_points"] + 1e-9:
            _err(batch, r, "score", "p.score_above_criterion", limit=criterion["max_points"],
                 criterion=r["criterion_code"])

    for r in _rows(batch, "xep_loai"):
        if r["subject_kind"] == "chi_bo":
            if r["subject_code"] not in branches:
                _err(batch, r, "subject_code", "p.unknown_branch")
            subject = "organisation"
        else:
            member = members.get(r["subject_code"])
            if member is None:
                _err(batch, r, "subject_code", "p.unknown_member")
            subject = "probationary" if member and member.get("kind") == "du_bi" else "official"
        form = r["discipline_form"]
        if r["disciplined"] and not form:
            _err(batch, r, "discipline_form", "p.discipline_form_missing", value="")
        if form and not r["disciplined"]:
            _err(batch, r, "disciplined", "p.discipline_without_flag", value=form, severity="warning")
        if form and (form, subject) not in ref.discipline_forms:
            _err(batch, r, "discipline_form", "p.discipline_form_not_allowed",
                 subject=i18n.t(f"subject.{subject}"))
        elif form == "cach_chuc" and subject != "organisation":
            role = parse.fold_role((members.get(r["subject_code"]) or {}).get("party_role"))
            if role in ("", "dang_vien"):
                _err(batch, r, "discipline_form", "p.cach_chuc_without_post", severity="warning")
        if r["disciplined"] and r["subject_kind"] == "dang_vien" and r["year"] in ref.disciplined_caps:
            # The best level the regime of the year allows a disciplined member; HTTNV or better is
            # never allowed (an error), a level between (HTNV where only KHTNV is allowed) a warning.
            source, best = ref.disciplined_caps[r["year"]]
            order = ref.level_order.get(r["level"], 9)
            if order < best:
                limit = next(code for code, o in ref.level_order.items() if o == best)
                _err(batch, r, "level", "p.disciplined_rated_high", limit=limit, regime=source,
                     severity="error" if order <= ref.level_order.get("HTTNV", 2) else "warning")

    for r in _rows(batch, "sinh_hoat"):
        if r["branch_code"] not in branches:
            _err(batch, r, "branch_code", "p.unknown_branch")
        parts = (r["present"], r["absent_excused"] or 0, r["absent_unexcused"] or 0, r["members_exempt"] or 0)
        if sum(parts) != r["members_total"]:
            _err(batch, r, "present", "p.counts_mismatch", value=r["present"], present=parts[0],
                 excused=parts[1], unexcused=parts[2], exempt=parts[3], sum=sum(parts), total=r["members_total"])

    # Each absence list is compared with its own meeting: (cell, day, kind).
    listed: dict[tuple, dict] = defaultdict(dict)
    for (branch, held_on, kind, member), excused in ref.absences.items():
        listed[(branch, held_on, kind)][member] = excused
    first_absence: dict[tuple, dict] = {}
    for r in _rows(batch, "vang_sinh_hoat"):
        meeting_key = (r["branch_code"], r["held_on"], r["kind"])
        if r["branch_code"] not in branches:
            _err(batch, r, "branch_code", "p.unknown_branch")
            continue
        if r["kind"] is None:   # left blank and not resolved: no meeting, or two, that day
            continue
        if meeting_key not in meetings:
            _err(batch, r, "kind", "p.unknown_meeting_kind", branch=r["branch_code"], date=r["held_on"])
            continue
        member = members.get(r["member_code"])
        if member is None:
            _err(batch, r, "member_code", "p.unknown_member")
            continue
        on = r["held_on"]
        if (member["branch_code"] != r["branch_code"]
                or (member.get("joined_on") and member["joined_on"] > on)
                or (member.get("left_on") and member["left_on"] < on)):
            _err(batch, r, "member_code", "p.member_not_in_branch", branch=r["branch_code"], date=on)
            continue
        listed[meeting_key][r["member_code"]] = r["excused"]
        first_absence.setdefault(meeting_key, r)
    for meeting_key, r in first_absence.items():
        meeting = meetings[meeting_key]
        excused = sum(1 for v in listed[meeting_key].values() if v)
        unexcused = sum(1 for v in listed[meeting_key].values() if not v)
        if (excused, unexcused) != (meeting["absent_excused"] or 0, meeting["absent_unexcused"] or 0):
            _err(batch, r, "held_on", "p.absences_mismatch", listed_excused=excused,
                 listed_unexcused=unexcused, excused=meeting["absent_excused"] or 0,
                 unexcused=meeting["absent_unexcused"] or 0)

    for r in _rows(batch, "giai_phap"):
        if r["branch_code"] != COMMITTEE_CODE and r["branch_code"] not in branches:
            _err(batch, r, "branch_code", "p.unknown_branch")
        if r["starts_on"] and r["due_on"] < r["starts_on"]:
            _err(batch, r, "due_on", "p.due_before_start", other=r["starts_on"])

    history = {k: list(v) for k, v in ref.progress.items()}
    for r in sorted(_rows(batch, "tien_do_giai_phap"), key=lambda r: (r["action_code"], r["reported_on"])):
        if r["action_code"] not in actions:
            _err(batch, r, "action_code", "p.unknown_action")
            continue
        if r["status"] == "hoan_thanh" and r["percent"] != 100:
            _err(batch, r, "percent", "p.done_not_100")
        elif r["percent"] == 100 and r["status"] != "hoan_thanh":
            _err(batch, r, "status", "p.100_not_done")
        earlier = [(d, p) for d, p in history.get(r["action_code"], []) if d < r["reported_on"]]
        if earlier:
            last_date, last_percent = max(earlier)
            if r["percent"] < last_percent:
                _err(batch, r, "percent", "p.progress_backwards", severity="warning",
                     other=last_percent, date=last_date)
        history.setdefault(r["action_code"], []).append((r["reported_on"], r["percent"]))


def cells_touched(batch: Batch, ref: Reference) -> list[tuple[str, dict, list[tuple[str | None, str]]]]:
    """For every valid row: (sheet, row, [(cell, column)]) — the cells the row writes or moves from.

    Criteria rows touch no cell (they belong to the whole Đảng bộ).
    """
    members = {code: m["branch_code"] for code, m in ref.members.items()}
    members.update({r["member_code"]: r["branch_code"] for r in _rows(batch, "dang_vien")})
    actions = dict(ref.action_branches)
    actions.update({r["action_code"]: r["branch_code"] for r in _rows(batch, "giai_phap")})

    def cells_of(sheet: str, r: dict) -> list[tuple[str | None, str]]:
        if sheet == "tieu_chi":
            return []
        if sheet == "dang_vien":
            before = ref.members.get(r["member_code"], {}).get("branch_code")
            return [(r["branch_code"], "branch_code")] + ([(before, "member_code")] if before else [])
        if sheet == "xep_loai":
            code = r["subject_code"] if r["subject_kind"] == "chi_bo" else members.get(r["subject_code"])
            return [(code, "subject_code")]
        if sheet == "tien_do_giai_phap":
            return [(actions.get(r["action_code"]), "action_code")]
        if sheet == "giai_phap":
            owner = ref.action_branches.get(r["action_code"])
            return [(r["branch_code"], "branch_code")] + ([(owner, "action_code")] if owner else [])
        return [(r.get("branch_code"), "branch_code")]

    return [(sheet, r, cells_of(sheet, r)) for sheet in batch.sheets for r in _rows(batch, sheet)]


def check_scope(batch: Batch, touched, scope: frozenset[str]) -> None:
    """Every row must belong to a cell the uploader may write (the rows outside are listed).

    Runs before every other rule, and a row outside the scope gets this one message and no
    other: it names only what the user wrote and the user's own cells, never the cell a stored
    code belongs to, and the row is then left out of every later check (whose messages would
    quote the other cell's stored values). A code that exists nowhere reads the same as a code
    of another cell.
    """
    allowed = ", ".join(sorted(scope))
    for sheet, r, cells in touched:
        if sheet == "tieu_chi":
            _err(batch, r, "criterion_code", "p.criteria_admin_only")
            r["_bad"] = True
            continue
        for cell, column in cells:
            if cell not in scope:
                _err(batch, r, column, "p.out_of_scope", allowed=allowed)
                r["_bad"] = True
                break


def validate(tables: list[RawTable], ref: Reference, today: dt.date, batch: Batch | None = None,
             max_rows: int | None = None, scope: frozenset[str] | None = None) -> Batch:
    batch = batch or Batch()
    located = assign_sheets(batch, tables)
    too_long = [loc for loc in located if max_rows is not None and len(loc.data_indexes) > max_rows]
    for loc in too_long:
        batch.add("error", "reason.too_many_rows", file=loc.table.file,
                  params={"sheet": loc.table.sheet, "limit": max_rows})
    if too_long:
        return batch  # over the limit: nothing read further
    parse_rows(batch, located, ref, today)
    visible = ref
    if scope is not None:
        # Scope first, and the rules then see only what the user may see: no message can
        # quote another cell's stored members, meetings, absences, actions or progress.
        check_scope(batch, cells_touched(batch, ref), scope)
        visible = ref.within(scope)
    resolve_absence_kinds(batch, visible)
    check_duplicates(batch)
    check_rules(batch, visible)
    touched = cells_touched(batch, ref)
    batch.cells = sorted({c for _, _, cells in touched for c, _ in cells if c})
    # Order sheets as they load: referenced tables first.
    batch.sheets = {name: batch.sheets[name] for name in LOAD_ORDER if name in batch.sheets}
    batch.problems.sort(key=lambda p: (p.severity != "error", LOAD_ORDER.index(_sheet_of(batch, p))
                                       if _sheet_of(batch, p) in LOAD_ORDER else 99, p.row or 0))
    return batch


def _sheet_of(batch: Batch, problem: Problem) -> str | None:
    for name, data in batch.sheets.items():
        if problem.sheet in data.labels:
            return name
    return None


__all__ = ["Batch", "Problem", "SheetData", "validate", "SHEETS_BY_NAME"]
