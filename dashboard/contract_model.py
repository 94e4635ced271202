"""What a sheet of the contract is made of: its columns, what its rows refer to, the sheet itself.

The sheets themselves are data in ``contract.py``; these are the shapes they are written in.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache


@dataclass(frozen=True)
class Column:
    header: str                 # as shown to users: "Mã chi bộ"
    key: str                    # ASCII key: ma_chi_bo
    name: str                   # English key = database column: branch_code
    kind: str                   # text|code|date|yesno|number|integer|period|year|enum|percent
    required: bool = False
    natural_key: bool = False
    enum: str | None = None     # domain in enum_values / levels / solutions
    default: object = None
    minimum: float | None = None
    maximum: float | None = None
    min_exclusive: bool = False
    not_future: bool = False
    doc_vi: str = ""


@dataclass(frozen=True)
class Refers:
    """Rows of a sheet name rows of another: ``columns`` hold that sheet's ``to`` columns.

    ``when`` = (column, value): only rows holding that value refer. ``cell``: a row belongs
    to the cell of the row it names (the first such reference that applies decides).
    Every reference orders the load (the named sheet first) and guards undo (an upload's
    new rows cannot be withdrawn while another upload's current rows name them).
    """
    columns: tuple[str, ...]
    sheet: str
    to: tuple[str, ...]
    when: tuple[str, str] | None = None
    cell: bool = False


@dataclass(frozen=True)
class Sheet:
    name: str                   # sheet name and CSV file name: diem_danh_gia
    table: str                  # database table: scores
    title_vi: str
    title_en: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = field(default=())
    refers: tuple[Refers, ...] = field(default=())

    # Worked out once per sheet (an upload asks for them on every row).
    @cached_property
    def key_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.natural_key)

    @cached_property
    def key_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.key_columns)

    @cached_property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @cached_property
    def column_index(self) -> dict[str, int]:
        """Each column's place in the sheet's order (where an upload's record keeps its value)."""
        return {name: i for i, name in enumerate(self.column_names)}

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Matching key: NFC, no diacritics (đ → d), lower case, words joined by _."""
    text = unicodedata.normalize("NFC", str(text)).replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = re.sub(r"[^0-9a-zA-Z%]+", "_", text.lower()).strip("_")
    return text


def header_aliases(column: Column) -> set[str]:
    """Every folded spelling of a column header that the reader accepts."""
    return {fold(column.header), fold(column.key), fold(column.name)}
