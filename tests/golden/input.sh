#!/bin/sh
# What the program reads, as a user meets it: Markdown on standard input
# ("-", or a pipe with no path), gzip'd files, files that are not text,
# a gzip bomb, a downloaded briefing whose links lead out, an unreadable
# directory. Each case compares the whole output and the exit status.
. "${top_srcdir:-.}/tests/golden/common.sh"

B=$BRIEFING

# case NAME WANT -- command...: stdout and stderr, then "exit: N", must
# be WANT (printf-style escapes are not interpreted).
case_is() {
	name=$1 want=$2
	shift 3
	"$@" >"$tmp/got" 2>&1
	echo "exit: $?" >>"$tmp/got"
	printf '%s\n' "$want" >"$tmp/want"
	compare "$name" "$tmp/got" "$tmp/want"
}

cd "$tmp" || exit 99

# Markdown on standard input, as less reads it.
echo '# Hi' | case_is stdin-pipe 'Hi
━━
exit: 0' -- "$B" --dump
printf '# Notes\n\nSome text.\n' >notes.md
gzip -c notes.md >notes.md.gz
case_is stdin-dash-gzip 'Notes
━━━━━

Overview
════════

Some text.
exit: 0' -- sh -c '"$1" --dump - <notes.md.gz' sh "$B"
case_is file-gzip 'Notes
━━━━━

Overview
════════

Some text.
exit: 0' -- "$B" --dump notes.md.gz
# A pipe closed with nothing in it is no input: the bundled briefing.
true | "$B" --dump | grep -q Crocus &&
    { echo "ok: stdin-empty-pipe"; passes=$((passes + 1)); } ||
    fail "stdin-empty-pipe"
case_is stdin-dash-empty 'briefing: -: error: empty file
exit: 2' -- sh -c '"$1" --dump - </dev/null' sh "$B"

# Not text: refused, exit 2, in every mode.
case_is binary 'briefing: /bin/ls: error: not a text file
exit: 2' -- "$B" /bin/ls
case_is binary-check 'briefing: /bin/ls: error: not a text file
exit: 2' -- "$B" --check /bin/ls
printf '# T\n\nCaf\351 au lait.\n\nok\n' >latin1.md
case_is invalid-utf8-check 'latin1.md:3:4: error: invalid UTF-8 (shown as U+FFFD)
exit: 1' -- "$B" --check latin1.md

# 300 MiB of zeros in some 300 KB: inflating stops at the budget.
head -c 314572800 /dev/zero | gzip -1 -c >bomb.md.gz
case_is gzip-bomb 'briefing: bomb.md.gz: error: too large once decompressed: a briefing may hold 256 MiB in all
exit: 2' -- "$B" --dump bomb.md.gz
rm -f bomb.md.gz

# An actor's file past the budget, read after the article (the reader
# shows the article first): --dump and --check fail as if nothing had
# loaded. A sparse file: 300 MiB that take no room.
mkdir -p big/actors
printf '## One\n\nHello.\n' >big/briefing.md
truncate -s 300M big/actors/y.md
for mode in --dump --check; do
	case_is "over-budget-profile$mode" 'briefing: big/actors/y.md: error: too large: a briefing may hold 256 MiB in all
exit: 2' -- "$B" "$mode" big
done
rm -rf big

# A downloaded briefing whose links lead out of it.
mkdir -p outside b/actors b/common
printf -- '---\nname: Outsider\nkind: group\n---\nSecret.\n' >outside/secret.md
printf '## One\n\nInsider met Partner.\n' >b/article.md
ln -s article.md b/briefing.md
ln -s ../outside/secret.md b/timeline.md
ln -s ../outside b/experts
printf -- '---\nname: Insider\nkind: group\n---\nInsider and Partner.\n' >b/actors/insider.md
printf -- '---\nname: Partner\nkind: group\n---\nPartner and Insider.\n' >b/common/partner.md
ln -s ../common/partner.md b/actors/partner.md
ln -s /etc/passwd b/actors/passwd.md
ln -s /proc/self/environ b/actors/environ.md
ln -s ../../outside/secret.md b/actors/secret.md
mkfifo b/actors/fifo.md
case_is links-out 'b/actors/environ.md: error: cannot read: a symbolic link to an absolute path (only relative links that stay inside the briefing are followed)
b/actors/fifo.md: error: cannot read: not a regular file
b/actors/passwd.md: error: cannot read: a symbolic link to an absolute path (only relative links that stay inside the briefing are followed)
b/actors/secret.md: error: cannot read: a symbolic link that leads outside the briefing
b/experts: error: cannot read: a symbolic link that leads outside the briefing
b/timeline.md: error: cannot read: a symbolic link that leads outside the briefing
exit: 1' -- "$B" --check b
"$B" --dump b 2>/dev/null | grep -q -e Outsider -e 'root:' &&
    fail "links-out-dump: text from outside shown" ||
    { echo "ok: links-out-dump"; passes=$((passes + 1)); }

# An unreadable directory: the real error. Root reads everything, so as
# root the program runs as nobody.
mkdir locked && printf '## One\n\nx\n' >locked/briefing.md && chmod 000 locked
chmod 755 "$tmp"
as_user=
[ "$(id -u)" = 0 ] && as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
case_is unreadable-dir 'briefing: locked: error: Permission denied
exit: 2' -- $as_user "$B" --dump locked
chmod 755 locked
finish
