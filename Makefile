# Makefile: the two commands a newcomer needs, `make run` and `make test`.
# Both install what is missing from Debian 12's archive, then build with meson.

BUILD ?= _build
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Everything Redress needs to build, run and test on Debian 12.
DEBS := \
	build-essential meson ninja-build pkg-config gettext itstool yelp-tools \
	libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev \
	libsqlite3-dev libpoppler-glib-dev libcairo2-dev libpango1.0-dev \
	libgdk-pixbuf-2.0-dev libpng-dev libjson-glib-dev libical-dev \
	libexif-dev libgmime-3.0-dev heif-gdk-pixbuf webp-pixbuf-loader \
	libqpdf-dev libssl-dev libzip-dev fonts-dejavu-core fonts-cantarell fonts-nafees librsvg2-common librsvg2-bin \
	libsodium-dev libarchive-dev libtesseract-dev tesseract-ocr-eng tesseract-ocr-cym \
	desktop-file-utils appstream \
	xvfb xauth dbus dbus-daemon at-spi2-core libgl1-mesa-dri \
	python3 python3-dogtail python3-pyatspi python3-icalendar python3-cairo gir1.2-gdkpixbuf-2.0 \
	poppler-utils qpdf sqlite3 imagemagick tzdata faketime tesseract-ocr

.PHONY: all deps build run test test-sanitize bench orca-listen deb clean

all: build

deps:
	@missing=""; \
	for p in $(DEBS); do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing missing packages:$$missing"; \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi

$(BUILD)/build.ninja:
	meson setup $(BUILD) --prefix=/usr/local

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

run: build
	GSETTINGS_SCHEMA_DIR=$(CURDIR)/$(BUILD)/data $(BUILD)/app/gui/redress $(ARGS)

test: build
	@status=0; \
	meson test -C $(BUILD) --print-errorlogs --num-processes 2 || status=$$?; \
	/usr/bin/python3 build-aux/test-summary.py $(BUILD)/meson-logs/testlog.json; \
	exit $$status

# The core, the CLI and their tests again, built with AddressSanitizer and
# UndefinedBehaviorSanitizer in a folder of their own (the GUI is left out:
# see build-aux/test-sanitize.sh).
SANITIZE_BUILD ?= _build-sanitize

test-sanitize: deps
	@status=0; \
	build-aux/test-sanitize.sh $(SANITIZE_BUILD) || status=$$?; \
	/usr/bin/python3 build-aux/test-summary.py $(SANITIZE_BUILD)/meson-logs/testlog.json; \
	exit $$status

# `make bench LARGE=1` adds the 100,000-entry sizes, which take minutes.
bench: build
	meson compile -C $(BUILD) benchmarks
	@for b in $(BUILD)/tests/bench/bench-*; do \
	  [ -x "$$b" ] && [ ! -d "$$b" ] && echo "== $$b" && REDRESS_BENCH_LARGE=$(LARGE) "$$b"; \
	done; true

# What Orca itself says on the sample case, key by key, beside what the
# spoken test reads over AT-SPI: in $(BUILD)/tests/e2e/orca-transcript.txt
# (Orca's whole log beside it). Not part of `make test`: the suite does not
# need Orca, which is installed here first if it is missing.
orca-listen: build
	@dpkg-query -W -f='$${Status}\n' orca 2>/dev/null | grep -q 'install ok installed' || { \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends orca; }
	tests/e2e/orca-listen.sh $(BUILD)

# A Debian package from the tree, in _deb/ (the tools it needs are installed
# first). `tests/package/check-deb.sh` also runs lintian on it.
DEB_TOOLS := debhelper devscripts lintian fakeroot

deb: deps
	@missing=""; \
	for p in $(DEB_TOOLS); do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi
	rm -rf _deb && mkdir -p _deb/src
	git ls-files -z | xargs -0 tar -cf - | tar -xf - -C _deb/src
	cd _deb/src && DEB_BUILD_OPTIONS=nocheck dpkg-buildpackage -us -uc -b
	rm -rf _deb/src
	lintian --fail-on error,warning _deb/redress_*.deb
	@echo "The package is in _deb/."

clean:
	rm -rf $(BUILD) $(SANITIZE_BUILD) _deb
