#!/usr/bin/env bash
# Renders the icon's PNGs (committed, so no build needs this) from pkg/icons/sayso.svg, one per
# hicolor theme size. Needs rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/icons"
for size in 16 22 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" sayso.svg --output "sayso-$size.png"
done
