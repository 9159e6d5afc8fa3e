#!/usr/bin/env bash
# Installing as an analyst would, from the release build the earlier CI steps made (nothing is
# compiled twice): build the Debian package, install it with apt, run the installed `sayso` on the
# sample it ships, check what it put where, remove it; then `cargo install` into a temporary root
# with the same target dir and run that from another folder.
# Needs root (or sudo) for apt. Installs cargo-deb (the pinned version) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO_DEB_VERSION=3.8.0
target=$(realpath -m "${CARGO_TARGET_DIR:-target}")
version=$(cargo metadata --format-version 1 --no-deps --locked | python3 -c 'import json,sys; print(json.load(sys.stdin)["packages"][0]["version"])')
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
say() { printf '== %s (%ss)\n' "$1" "$SECONDS"; }

say "release build (already there from the export check)"
cargo build --release --locked --bin sayso

if ! cargo deb --version 2>/dev/null | grep -qF "$CARGO_DEB_VERSION"; then
    say "installing cargo-deb $CARGO_DEB_VERSION"
    cargo install cargo-deb --locked --version "$CARGO_DEB_VERSION"
fi

say "building the package"
rm -rf "$target/debian"
cargo deb --locked --no-build
deb=$(ls "$target"/debian/sayso_"$version"_*.deb)
du -h "$deb"
dpkg-deb --info "$deb" | grep -E 'Depends|Installed-Size'
# Debian's package checker, where it is installed (a few seconds): no error or warning.
if command -v lintian >/dev/null; then lintian --fail-on error,warning "$deb" 2>&1 | sed '/root privileges/d'; fi

say "installing it"
if dpkg -s sayso >/dev/null 2>&1; then $sudo apt-get remove -y -qq sayso; fi
# A fresh machine may have no package lists yet for the libraries the window needs.
apt_install() { $sudo apt-get install -y -qq "$deb" 2>&1 | tr -d '\r' | sed '/^(Reading database/d'; }
apt_install || { $sudo apt-get update -qq && apt_install; }
trap '$sudo apt-get remove -y -qq sayso >/dev/null 2>&1 || true' EXIT

say "running the installed program"
files=$(dpkg -L sayso)
for f in /usr/bin/sayso /usr/share/applications/sayso.desktop /usr/share/mime/packages/sayso.xml \
    /usr/share/icons/hicolor/scalable/apps/sayso.svg /usr/share/icons/hicolor/48x48/apps/sayso.png \
    /usr/share/icons/hicolor/256x256/apps/sayso.png /usr/share/man/man1/sayso.1.gz /usr/share/man/man1/sayso-detect.1.gz \
    /usr/share/bash-completion/completions/sayso /usr/share/zsh/vendor-completions/_sayso \
    /usr/share/fish/vendor_completions.d/sayso.fish /usr/share/doc/sayso/copyright \
    /usr/share/doc/sayso/NOTICE.md /usr/share/doc/sayso/changelog.gz \
    /usr/share/doc/sayso/examples/sample-article.txt; do
    grep -qxF "$f" <<<"$files" || { echo "the package lacks $f"; exit 1; }
done
installed=$(/usr/bin/sayso --version)
echo "$installed"
[[ $installed == "sayso $version"* ]] || { echo "the installed sayso is not version $version"; exit 1; }
(cd / && /usr/bin/sayso detect /usr/share/doc/sayso/examples/sample-article.txt) > "$target/installed-detect.json"
grep -q '"quotes":\[{' "$target/installed-detect.json" || { echo "the installed sayso found no quotation"; exit 1; }
zcat /usr/share/man/man1/sayso.1.gz | grep -q '^\.TH sayso 1'
if command -v desktop-file-validate >/dev/null; then desktop-file-validate /usr/share/applications/sayso.desktop; fi

say "removing it"
$sudo apt-get remove -y -qq sayso | tr -d '\r' | sed '/^(Reading database/d'
trap - EXIT
[ ! -e /usr/bin/sayso ] || { echo "/usr/bin/sayso is still there after removal"; exit 1; }

say "cargo install into a temporary root"
root=$(mktemp -d)
# Offline: every crate is already there from the release build.
cargo install --locked --offline --path . --root "$root" --target-dir "$target" 2>&1 | tee "$root/install.log"
if grep -q 'Compiling' "$root/install.log"; then
    echo "cargo install compiled again instead of reusing the release build"; exit 1
fi
cp assets/sample-article.txt "$root/article.txt"
(cd "$root" && "$root/bin/sayso" --version && "$root/bin/sayso" detect article.txt > detect.json \
    && "$root/bin/sayso" annotate article.txt --out project.ron && "$root/bin/sayso" check project.ron)
sed 's|"file":"/usr/share/doc/sayso/examples/sample-article.txt"|"file":"article.txt"|' "$target/installed-detect.json" \
    | cmp -s - "$root/detect.json" || { echo "cargo install's sayso detects differently from the package's"; exit 1; }
rm -rf "$root"
say "packaging checks passed"
