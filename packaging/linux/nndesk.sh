#!/bin/sh
# Installed as /usr/bin/nndesk by the Debian package: the app itself is a
# self-contained bundle in /opt/nndesk (its own Python, numpy and Qt).
exec /opt/nndesk/nndesk "$@"
