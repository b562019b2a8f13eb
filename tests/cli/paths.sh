#!/bin/sh
# The program holds no path of the tree it was built in: the build-tree
# content directory comes from BRIEFING_CONTENT at run time, and debug
# information is mapped (-ffile-prefix-map). .ci/run checks the installed
# copy the same way after `make install DESTDIR=...`.
. "${top_srcdir:-.}/tests/cli/common.sh"
: "${abs_top_builddir:?abs_top_builddir must name the build tree}"
: "${CONTENT_DIR:?CONTENT_DIR must name the configured content directory}"
src=$(cd "$top_srcdir" && pwd)

# The printable strings of the program that name a directory of a tree,
# but for the configured content directory (under the trees in distcheck).
tree_paths() {
	LC_ALL=C tr -c '[:print:]' '\n' <"$B" | grep -F -e "$src" \
	    -e "$abs_top_builddir" | grep -v -x -F "$CONTENT_DIR"
}
check "no source- or build-tree path in the program" test -z "$(tree_paths)"
# Still, run from the build tree (make check sets BRIEFING_CONTENT), it
# opens the tree's bundled briefing.
"$B" --dump >"$tmp/out"
check "bundled briefing found from the build tree" grep -q Crocus "$tmp/out"
finish
