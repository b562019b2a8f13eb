#!/bin/sh
# Stands in for a unit test when configure found no cmocka
# (DEB_BUILD_PROFILES=nocheck builds): say so, and skip.
echo "$(basename "$0" .no-cmocka.sh): skipped: cmocka was not found when configure ran;" \
    "install the Debian package libcmocka-dev and configure again to run it"
exit 77
