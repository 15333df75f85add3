#!/bin/sh
# Build nndesk.app with PyInstaller and put it on a compressed disk image, dist/nndesk-<version>.dmg,
# next to a link to /Applications so installing is one drag.
#
#   PYTHON=python3.11 packaging/macos/make_dmg.sh
#
# The app is ad-hoc signed by PyInstaller, not notarised: on first start macOS asks the
# user to confirm it (Control-click > Open), see docs/INSTALL.md.
set -eu
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-python3}

"$PYTHON" packaging/build.py bundle
VERSION=$("$PYTHON" -c 'import nndesk; print(nndesk.__version__)')
STAGE=build/dmg
rm -rf "$STAGE"
mkdir -p "$STAGE"
ditto dist/nndesk.app "$STAGE/nndesk.app"   # ditto keeps the bundle's symlinks and signatures
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "nndesk $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "dist/nndesk-$VERSION.dmg"
echo "built dist/nndesk-$VERSION.dmg"
