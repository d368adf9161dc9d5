# Two commands set up everything on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
# Material prints a notice about MkDocs 2 on every build; the version range pins MkDocs 1.x.
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
# what the targets below need first (a `pressroom new` archive's Makefile has the same
# targets, with its own set-up here)
INSTALLED := $(STAMP)
# the site builder: MkDocs, or its fork ProperDocs (MKDOCS=.venv/bin/properdocs; see the README)
MKDOCS ?= $(BIN)/mkdocs
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: site build test serve view deploy goldens lock clean

# pressroom and its tested set (constraints.txt) need Python 3.11 or newer: an older one
# stops here, before a venv is made, with what to do.
define check_python
$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
  echo "make: pressroom needs Python 3.11 or newer; $(PYTHON) is $$($(PYTHON) --version 2>/dev/null || echo "not a Python that runs")." \
       "Install a newer one and run: make PYTHON=python3.12 (or python3.11, python3.13)" >&2; exit 1; }
endef

$(STAMP): pyproject.toml constraints.txt
	@$(check_python)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $(STAMP)

# The site from sources/: a source that cannot be read is named, and the site is still
# built from all the others ($$status is then 1); when nothing could be built (2: no
# sources/, an internal error) it stops there, before MkDocs reads an old docs/. MkDocs
# writes the search index itself (the pressroom plugin in mkdocs.yml).
define build_site
status=0; $(BIN)/pressroom build || status=$$?; \
if [ $$status -gt 1 ]; then exit $$status; fi; \
$(MKDOCS) build --strict
endef

## site: convert sources/ into docs/ and build the static site (search included) into site/
# make ends with the build's error when a source failed, so that CI does not publish past it unseen
site: $(INSTALLED)
	@$(build_site) && exit $$status

## view: the built site (search included) on http://$(HOST):$(PORT), as GitHub Pages serves it
# (served when a source failed: the site was built from the others; not when nothing was built)
view: $(INSTALLED)
	@$(build_site) || exit $$?; \
	$(BIN)/pressroom view --site site --dev-addr $(HOST):$(PORT)

## build: convert sources/ into Markdown pages under docs/ (no MkDocs)
build: $(INSTALLED)
	$(BIN)/pressroom build

## serve: live preview on http://$(HOST):$(PORT); edits in sources/ rebuild their pages
# (pressroom serve runs the build itself first, then watches sources/ and MkDocs reloads)
serve: $(INSTALLED)
	$(BIN)/pressroom serve --dev-addr $(HOST):$(PORT)

## deploy: the other route to GitHub Pages (the workflow is the first): push site/ to gh-pages
deploy: build
	$(MKDOCS) gh-deploy --force

## test: run the test suite
test: $(STAMP)
	$(BIN)/python -m pytest

## goldens: refresh the golden files of tests/golden/ after a deliberate change
goldens: $(STAMP)
	$(BIN)/python -m pytest tests/test_golden.py --update-goldens

## lock: record the installed versions as the tested set
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable | sed '1i # Tested versions: make installs with pip install -c constraints.txt.' > constraints.txt

clean:
	rm -rf site .venv
