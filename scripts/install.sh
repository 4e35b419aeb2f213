#!/usr/bin/env bash
# Installs cjm under a prefix: the binary (which is also its own render worker), bash, zsh
# and fish completions and a man page, all made by swift-argument-parser's generators.
#
#   scripts/install.sh [PREFIX]              build a release binary and install it
#   scripts/install.sh --uninstall [PREFIX]  remove exactly what an install put there
#
# PREFIX defaults to /usr/local (through sudo when not root), or ~/.local when not root and
# there is no sudo. What an install wrote is listed in PREFIX/share/cjm/install-manifest,
# which --uninstall reads. Running an install again replaces the same files.
#
# For packagers and tests: --no-build installs what an earlier build left in .build
# (the binary and the man page); --configuration debug installs the debug binary.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  echo "usage: scripts/install.sh [--uninstall] [--no-build] [--configuration release|debug] [PREFIX]" >&2
  exit 64
}

action=install build=yes configuration=release prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --uninstall) action=uninstall ;;
    --no-build) build=no ;;
    --configuration) [ $# -ge 2 ] || usage; configuration="$2"; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    -*) echo "install: unknown option $1" >&2; usage ;;
    *) [ -z "$prefix" ] || usage; prefix="$1" ;;
  esac
  shift
done
case "$configuration" in release|debug) ;; *) echo "install: --configuration is release or debug" >&2; usage ;; esac

# Root, sudo, or the user's own ~/.local.
as_root=""
if [ -z "$prefix" ]; then
  if [ "$(id -u)" -eq 0 ]; then prefix=/usr/local
  elif command -v sudo >/dev/null 2>&1; then prefix=/usr/local; as_root=sudo
  else prefix="$HOME/.local"
  fi
fi
case "$prefix" in /*) ;; *) prefix="$PWD/$prefix" ;; esac
prefix="${prefix%/}"
if [ "$(id -u)" -ne 0 ] && [ -z "$as_root" ]; then
  probe="$prefix"
  while [ ! -e "$probe" ]; do probe="$(dirname "$probe")"; done
  if [ ! -w "$probe" ]; then
    command -v sudo >/dev/null 2>&1 || { echo "install: cannot write to $prefix; choose a PREFIX you own, e.g. ~/.local" >&2; exit 73; }
    as_root=sudo
  fi
fi

manifest_rel=share/cjm/install-manifest
manifest="$prefix/$manifest_rel"
# What goes where, relative to the prefix.
bin_rel=bin/cjm
man_rel=share/man/man1/cjm.1
bash_rel=share/bash-completion/completions/cjm
zsh_rel=share/zsh/site-functions/_cjm
fish_rel=share/fish/vendor_completions.d/cjm.fish

# Lines of the manifest: `file REL` for every file written, `dir REL` for every folder an
# install created, so --uninstall can leave the prefix as it found it.
manifest_entries() { [ -f "$manifest" ] && cat "$manifest" || true; }

if [ "$action" = uninstall ]; then
  if [ ! -f "$manifest" ]; then
    echo "install: nothing to remove: $manifest does not exist (cjm was not installed under $prefix by this script)" >&2
    exit 0
  fi
  entries="$(manifest_entries)"
  while read -r kind rel; do
    [ "$kind" = file ] || continue
    if [ -e "$prefix/$rel" ] || [ -L "$prefix/$rel" ]; then $as_root rm -f "$prefix/$rel"; echo "removed $prefix/$rel" >&2; fi
  done <<< "$entries"
  $as_root rm -f "$manifest"
  echo "removed $manifest" >&2
  # Folders deepest first; only the ones an install created, and only when empty.
  { grep '^dir ' <<< "$entries" || true; } | cut -d' ' -f2- | awk '{ print length, $0 }' | sort -rn | cut -d' ' -f2- |
    while read -r rel; do
      if [ "$rel" = . ]; then path="$prefix"; else path="$prefix/$rel"; fi
      [ -d "$path" ] && $as_root rmdir "$path" 2>/dev/null && echo "removed $path/" >&2 || true
    done
  echo "cjm is uninstalled from $prefix" >&2
  exit 0
fi

man_page=.build/plugins/GenerateManual/outputs/cjm/cjm.1
if [ "$build" = yes ]; then
  scripts/install-deps.sh
  if [ "$configuration" = release ]; then
    # Swift's runtime linked in, so the installed cjm does not depend on where the toolchain is.
    swift build -c release --static-swift-stdlib --product cjm
  else
    swift build --product cjm
  fi
  # The man page comes from swift-argument-parser's generate-manual plugin. It builds every
  # product in the configuration it is given and reads `cjm --experimental-dump-help`, which
  # is the same in both; debug keeps it from rebuilding the static release binary without
  # --static-swift-stdlib. Dated by the commit, so the same checkout gives the same page.
  date="$(git log -1 --format=%cs 2>/dev/null || date +%Y-%m-%d)"
  rm -f "$man_page"
  swift package generate-manual --configuration debug --date "$date" >&2
fi
# SwiftPM's own links to the build folders (not `swift build --show-bin-path`: a test that
# runs this under `swift test` must not wait for the lock that holds on .build).
binary=".build/$configuration/cjm"
[ -x "$binary" ] || { echo "install: $binary is missing; run without --no-build" >&2; exit 1; }
[ -s "$man_page" ] || { echo "install: $man_page is missing; run without --no-build" >&2; exit 1; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp "$binary" "$stage/cjm"
cp "$man_page" "$stage/cjm.1"
for shell in bash zsh fish; do
  "$binary" --generate-completion-script "$shell" > "$stage/completion.$shell"
done

# A file already there that no earlier install of ours wrote is someone else's: stop.
previous="$(manifest_entries)"
for rel in "$bin_rel" "$man_rel" "$bash_rel" "$zsh_rel" "$fish_rel"; do
  if { [ -e "$prefix/$rel" ] || [ -L "$prefix/$rel" ]; } && ! grep -qxF "file $rel" <<< "$previous"; then
    echo "install: $prefix/$rel exists and was not installed by this script; remove it or choose another PREFIX" >&2
    exit 1
  fi
done

# Folders this install creates join those earlier installs created.
created_dirs="$(grep '^dir ' <<< "$previous" || true)"
make_dir() {
  local rel="$1"
  [ -d "$prefix/$rel" ] && return
  make_dir "$(dirname "$rel")"
  $as_root mkdir "$prefix/$rel"
  created_dirs+=$'\n'"dir $rel"
}
if [ ! -d "$prefix" ]; then  # `dir .`: the prefix itself (not the folders above it)
  $as_root mkdir -p "$prefix"
  created_dirs+=$'\n'"dir ."
fi
for rel in "$bin_rel" "$man_rel" "$bash_rel" "$zsh_rel" "$fish_rel" "$manifest_rel"; do
  dir="$(dirname "$rel")"
  [ "$dir" = . ] || make_dir "$dir"
done

place() { # MODE SOURCE REL: write beside the target, then rename over it
  $as_root cp "$2" "$prefix/$3.installing"
  $as_root chmod "$1" "$prefix/$3.installing"
  $as_root mv -f "$prefix/$3.installing" "$prefix/$3"
}
place 755 "$stage/cjm" "$bin_rel"
place 644 "$stage/cjm.1" "$man_rel"
place 644 "$stage/completion.bash" "$bash_rel"
place 644 "$stage/completion.zsh" "$zsh_rel"
place 644 "$stage/completion.fish" "$fish_rel"
{
  for rel in "$bin_rel" "$man_rel" "$bash_rel" "$zsh_rel" "$fish_rel"; do echo "file $rel"; done
  grep -v '^$' <<< "$created_dirs" | sort -u || true
} > "$stage/manifest"
place 644 "$stage/manifest" "$manifest_rel"

cat >&2 <<EOF
installed $("$prefix/$bin_rel" --version | head -1)
  binary       $prefix/$bin_rel
  man page     $prefix/$man_rel
  bash         $prefix/$bash_rel
  zsh          $prefix/$zsh_rel
  fish         $prefix/$fish_rel
  file list    $manifest
remove with: scripts/install.sh --uninstall $prefix
EOF
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "$prefix/bin is not on your PATH; add it: export PATH=\"$prefix/bin:\$PATH\"" >&2 ;;
esac
case "$prefix" in
  /usr/local|/usr) ;;
  *) echo "zsh finds the completion once $prefix/share/zsh/site-functions is in fpath (before compinit)" >&2 ;;
esac
