# Two commands for a fresh clone: `make run` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench i18n screenshots package

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# On Linux, first check the system libraries Qt's window system (xcb) needs, and name the missing packages.
run: $(STAMP)
	$(PY) packaging/system_check.py
	$(PY) -m redactie

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests bench tools packaging
	$(VENV)/bin/lint-imports
	$(VENV)/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(VENV)/bin/zizmor --offline --persona=auditor .github/workflows/

bench: $(STAMP)
	$(PY) bench/fidelity.py
	$(PY) bench/validate.py
	$(PY) bench/gitwork.py
	$(PY) bench/startup.py
	$(PY) bench/hostile.py
	$(PY) bench/mergehistory.py

i18n: $(STAMP)
	$(PY) tools/i18n.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshots.py

# A Linux build of the installer's PyInstaller spec, checked with no git on PATH and a logging git where the
# bundled git goes (open, status, review, commit, sync, share); sizes printed and held (packaging/build.py).
package: $(STAMP)
	$(PY) -m pip install --quiet -e '.[package]'
	$(PY) packaging/build.py --archive
