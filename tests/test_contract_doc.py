"""docs/data-contract.md is written from the contract, and the committed file is that one."""

from pathlib import Path

import pytest

from dashboard import cli, contract, contract_doc

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "data-contract.md"


def test_the_committed_contract_document_is_the_one_the_contract_writes():
    assert DOC.read_text(encoding="utf-8") == contract_doc.markdown(), (
        "docs/data-contract.md is stale: run .venv/bin/python -m dashboard contract-doc > docs/data-contract.md")


def test_the_command_prints_the_document(capsys):
    assert cli.main(["contract-doc"]) == 0
    assert capsys.readouterr().out == contract_doc.markdown()


def test_the_document_names_every_sheet_and_column_three_ways_and_the_readme_points_to_it():
    text = contract_doc.markdown()
    for sheet in contract.SHEETS:
        assert f"## Sheet `{sheet.name}` — {sheet.title_vi} ({sheet.title_en})" in text
        for column in sheet.columns:
            assert f"| `{column.key}` | `{column.name}` |" in text
            assert f"| {column.header}" in text
    assert "[docs/data-contract.md](docs/data-contract.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_an_example_the_reader_no_longer_accepts_stops_the_document(monkeypatch):
    # 03/04/2025 is 3 April: a document claiming 4 March would lie, and is not written.
    monkeypatch.setattr(contract_doc, "DATES", (("03/04/2025", contract_doc.dt.date(2025, 3, 4)),))
    with pytest.raises(AssertionError, match="03/04/2025"):
        contract_doc.markdown()
