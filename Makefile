# Two commands do everything: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DB ?= data/dashboard.duckdb
PORT ?= 8501

.PHONY: run test test-fast install sample-db sample-workbook bench clean

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

sample-db: $(STAMP)
	$(PY) -m dashboard build-sample

# The server takes files as large as DASHBOARD_MAX_UPLOAD_MB (never under the 20 MB of
# .streamlit/config.toml, which a backup restore also needs).
run: sample-db
	$(PY) -m streamlit run app.py --server.port $(PORT) --server.address 127.0.0.1 \
		--server.maxUploadSize $$($(PY) -c "from dashboard import settings; print(max(20, settings.get('DASHBOARD_MAX_UPLOAD_MB')))")

test: $(STAMP)
	$(PY) -m pytest -q

# The edit loop: no browser, no page run through AppTest, no other process started (the command
# line, a commit killed with SIGKILL), nothing marked slow (tests/conftest.py marks them).
test-fast: $(STAMP)
	$(PY) -m pytest -q -p no:cacheprovider -m "not browser and not page and not process and not slow"

sample-workbook: $(STAMP)
	$(PY) -m dashboard.sample data/sample/du-lieu-mau.xlsx

# make bench: sizes S and M; make bench SIZES=S,M,L adds the sector size (an hour or more).
SIZES ?= S,M
bench: $(STAMP)
	$(PY) -m bench run --sizes $(SIZES)

clean:
	rm -rf $(VENV) .pytest_cache
