#!/usr/bin/env bash
# Builds the hub console's CSS and JavaScript from the pinned GOV.UK Frontend and writes them into
# the hub's distribution (hub/rjdesk_hub/console/static/), where they are committed: installing or
# testing the hub needs no Node. Run it after changing package.json, console.scss or the .js/.mjs
# files here, and commit what it writes. Needs Debian's nodejs and npm (apt-get install nodejs npm).
#
#   bash packaging/console-assets/build.sh
#
# `npm ci` installs exactly what package-lock.json pins (GOV.UK Frontend, Dart Sass); its install
# scripts are not run (none is needed to compile Sass).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../../hub/rjdesk_hub/console/static"
cd "$here"

npm ci --ignore-scripts --no-audit --no-fund
mkdir -p "$out"
rm -f "$out"/*.css "$out"/*.js "$out"/*.mjs

npx --no-install sass --no-source-map --style=compressed --load-path=node_modules --quiet-deps \
  console.scss "$out/console.css"

govuk="node_modules/govuk-frontend"
# The ES module bundle, without its source-map comment (the map is not shipped).
sed -e 's|//# sourceMappingURL=.*$||' "$govuk/dist/govuk/govuk-frontend.min.js" \
  > "$out/govuk-frontend.min.js"
cp js-enabled.js "$out/js-enabled.js"
cp console.mjs "$out/console.mjs"
{
  echo "GOV.UK Frontend $(node -p "require('./$govuk/package.json').version") (MIT licence),"
  echo "built by packaging/console-assets/build.sh with Dart Sass $(npx --no-install sass --version)."
  echo "Nothing of the GOV.UK brand is used: no Transport typeface, crown, logotype or OGL."
} > "$out/BUILT.txt"
echo "Built the console's assets into $out"
