# The two commands a fresh clone needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench wheel clean i18n

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(BIN)/coprod

# Tests in parallel (one worker a core), then style, then the layer contracts
# ([tool.importlinter] in pyproject.toml).
test: $(VENV)/.installed
	$(BIN)/python -m pytest -q -n auto
	$(BIN)/ruff check .
	$(BIN)/lint-imports

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/lint-imports

bench: $(VENV)/.installed
	$(BIN)/python benchmarks/run.py

# Welsh catalogue: extract every _()/N_()/ngettext() string into the template,
# merge it into the one .po file (new strings appear untranslated, changed ones
# marked fuzzy), then compile the .mo that ships in the wheel. Commit all three.
LOCALE := coprod_tui/locale
i18n: $(VENV)/.installed
	mkdir -p build
	$(BIN)/pybabel -q extract -F babel.cfg -k _ -k N_ -k ngettext:1,2 \
		--no-location --sort-output --add-comments=Translators: --project=coprod-tui \
		-o build/coprod.pot coprod_tui
	$(BIN)/pybabel -q update -D coprod -i build/coprod.pot -d $(LOCALE) -l cy \
		--no-wrap --ignore-obsolete --ignore-pot-creation-date
	$(BIN)/pybabel compile -D coprod -d $(LOCALE) -l cy --statistics

wheel: $(VENV)/.installed
	$(BIN)/python -m pip wheel --quiet --no-deps -w dist .

clean:
	rm -rf $(VENV) dist build .pytest_cache .ruff_cache
