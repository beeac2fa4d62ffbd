# Installs lifecycle with its man page and shell completions.
#   make install PREFIX=/usr/local DESTDIR=   (the defaults)
#   make uninstall PREFIX=... DESTDIR=...
PREFIX ?= /usr/local
DESTDIR ?=
SCRATCH := .build-install
BINARY := $(SCRATCH)/release/lifecycle
BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR := $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR := $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
GENERATED := $(SCRATCH)/generated

.PHONY: all install uninstall clean

all: $(BINARY) $(GENERATED)/lifecycle.1

# Statically linked Swift runtime: the binary works when copied, and starts faster.
$(BINARY):
	swift build -c release --static-swift-stdlib --product lifecycle --scratch-path $(SCRATCH)

# The man page comes from the command definitions (swift-argument-parser's plugin), the
# completions from the binary itself, so neither can drift from the program.
$(GENERATED)/lifecycle.1: $(BINARY)
	mkdir -p $(GENERATED)
	swift build -c release --product generate-manual --scratch-path $(SCRATCH)
	$(SCRATCH)/release/generate-manual $(BINARY) --output-directory $(GENERATED)
	$(BINARY) --generate-completion-script bash > $(GENERATED)/lifecycle.bash
	$(BINARY) --generate-completion-script zsh > $(GENERATED)/_lifecycle
	$(BINARY) --generate-completion-script fish > $(GENERATED)/lifecycle.fish

install: all
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 0755 $(BINARY) $(BINDIR)/lifecycle
	install -m 0644 $(GENERATED)/lifecycle.1 $(MANDIR)/lifecycle.1
	install -m 0644 $(GENERATED)/lifecycle.bash $(BASHDIR)/lifecycle
	install -m 0644 $(GENERATED)/_lifecycle $(ZSHDIR)/_lifecycle
	install -m 0644 $(GENERATED)/lifecycle.fish $(FISHDIR)/lifecycle.fish

uninstall:
	rm -f $(BINDIR)/lifecycle $(MANDIR)/lifecycle.1 $(BASHDIR)/lifecycle $(ZSHDIR)/_lifecycle $(FISHDIR)/lifecycle.fish

clean:
	rm -rf $(SCRATCH)
