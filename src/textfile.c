#include "textfile.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "utf8.h"
#include "util.h"

/* Bytes read (and inflated) at a time. */
#define TEXTFILE_CHUNK	65536

void
budget_init(struct budget *b, size_t limit)
{
	b->limit = limit;
	b->used = 0;
}

bool
budget_take(struct budget *b, size_t n)
{
	if (n > b->limit - b->used)
		return false;
	b->used += n;
	return true;
}

void
budget_refuse(const struct budget *b, const char *name, bool inflated,
    struct diag_list *dl)
{
	diag_add(dl, DIAG_FATAL, name, 0, 0, "too large%s: a briefing may "
	    "hold %zu MiB in all", inflated ? " once decompressed" : "",
	    b->limit >> 20);
}

/* The text being read: grown by doubling, never past the budget. */
struct sink {
	char		*data;
	size_t		 len, cap;
	struct budget	*budget;
	const char	*name;
	bool		 gzip;		/* inflating: says so when too large */
	struct diag_list *dl;
};

/*
 * Room for n more bytes; false (a fatal said) past the budget. With exact
 * set (a file that said its size), no more than that.
 */
static bool
sink_room_as(struct sink *s, size_t n, bool exact)
{
	size_t left = s->budget->limit - s->budget->used, cap;

	if (n > left || s->len > left - n) {
		budget_refuse(s->budget, s->name, s->gzip, s->dl);
		return false;
	}
	if (s->len + n + 1 > s->cap) {
		cap = s->cap > 0 ? s->cap : exact ? s->len + n + 1 :
		    TEXTFILE_CHUNK;
		while (cap < s->len + n + 1)
			cap *= 2;
		if (cap > left + 1)
			cap = left + 1;
		s->data = xrealloc(s->data, cap);
		s->cap = cap;
	}
	return true;
}

static bool
sink_room(struct sink *s, size_t n)
{
	return sink_room_as(s, n, false);
}

static bool
sink_add(struct sink *s, const void *p, size_t n)
{
	if (!sink_room(s, n))
		return false;
	memcpy(s->data + s->len, p, n);
	s->len += n;
	return true;
}

/* Read once, again after EINTR; the count, 0 at the end, -1 with errno. */
static ssize_t
read_some(int fd, unsigned char *p, size_t n)
{
	ssize_t r;

	while ((r = read(fd, p, n)) == -1 && errno == EINTR)
		;
	return r;
}

/* A gzip stream and what is left of the chunk it reads. */
struct inflater {
	z_stream	 zs;
	bool		 member_done;	/* between two members */
};

/*
 * Inflate the input in zs into the sink. Returns TEXTFILE_OK to go on
 * reading, TEXTFILE_FAILED with a diagnostic at level on bad data (or,
 * for bytes after the last member, a warning and *stop set).
 */
static enum textfile_status
inflate_chunk(struct inflater *in, struct sink *s, enum diag_level level,
    bool *stop)
{
	unsigned char out[TEXTFILE_CHUNK];
	z_stream *zs = &in->zs;
	size_t got;
	int rc;

	while (zs->avail_in > 0) {
		if (in->member_done) {
			if (zs->avail_in < 2 || zs->next_in[0] != 0x1f ||
			    zs->next_in[1] != 0x8b) {
				diag_add(s->dl, DIAG_WARNING, s->name, 0, 0,
				    "bytes after the gzip data are ignored");
				*stop = true;
				return TEXTFILE_OK;
			}
			inflateReset(zs);
			in->member_done = false;
		}
		zs->next_out = out;
		zs->avail_out = sizeof out;
		rc = inflate(zs, Z_NO_FLUSH);
		got = sizeof out - zs->avail_out;
		if (rc == Z_MEM_ERROR)
			util_fatal("out of memory inflating %s", s->name);
		if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
			diag_add(s->dl, level, s->name, 0, 0, "cannot read: not "
			    "valid gzip data (%s)", zs->msg != NULL ? zs->msg :
			    "inflate failed");
			return TEXTFILE_FAILED;
		}
		if (got > 0 && !sink_add(s, out, got))
			return TEXTFILE_OVER;
		if (rc == Z_STREAM_END)
			in->member_done = true;
		else if (got == 0 && rc == Z_BUF_ERROR)
			break;	/* wants more input */
	}
	return TEXTFILE_OK;
}

/* The rest of a gzip file, whose first bytes are in first[0..n). */
static enum textfile_status
read_gzip(int fd, struct sink *s, unsigned char *first, size_t n,
    enum diag_level level)
{
	unsigned char chunk[TEXTFILE_CHUNK];
	struct inflater in;
	enum textfile_status st = TEXTFILE_OK;
	bool stop = false;
	ssize_t r;

	memset(&in, 0, sizeof in);
	if (inflateInit2(&in.zs, 16 + MAX_WBITS) != Z_OK)
		util_fatal("cannot initialise zlib");
	s->gzip = true;
	in.zs.next_in = first;
	in.zs.avail_in = (uInt)n;
	while ((st = inflate_chunk(&in, s, level, &stop)) == TEXTFILE_OK &&
	    !stop) {
		if ((r = read_some(fd, chunk, sizeof chunk)) == -1) {
			diag_add(s->dl, level, s->name, 0, 0, "cannot read: %s",
			    strerror(errno));
			st = TEXTFILE_FAILED;
			break;
		}
		if (r == 0) {
			if (!in.member_done) {
				diag_add(s->dl, level, s->name, 0, 0, "cannot "
				    "read: the gzip data is cut short");
				st = TEXTFILE_FAILED;
			}
			break;
		}
		in.zs.next_in = chunk;
		in.zs.avail_in = (uInt)r;
	}
	inflateEnd(&in.zs);
	return st;
}

/*
 * The rest of a plain file, whose first bytes are in first[0..n). A
 * regular file says its size: it is refused unread, or read straight into
 * a buffer of that size (a small file then costs a small buffer, not a
 * chunk of 64 KiB that the allocator must gather its free lists for).
 */
static enum textfile_status
read_plain(int fd, struct sink *s, const unsigned char *first, size_t n,
    enum diag_level level)
{
	unsigned char chunk[TEXTFILE_CHUNK];
	struct stat st;
	ssize_t r;
	size_t room;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
	    !sink_room_as(s, n + (size_t)st.st_size, true))
		return TEXTFILE_OVER;
	if (!sink_add(s, first, n))
		return TEXTFILE_OVER;
	for (;;) {
		room = s->cap > s->len + 1 ? s->cap - s->len - 1 : 0;
		if (room > 0)
			r = read_some(fd, (unsigned char *)s->data + s->len, room);
		else
			r = read_some(fd, chunk, sizeof chunk);
		if (r == 0)
			break;
		if (r == -1) {
			diag_add(s->dl, level, s->name, 0, 0, "cannot read: %s",
			    strerror(errno));
			return TEXTFILE_FAILED;
		}
		if (room > 0)
			s->len += (size_t)r;
		else if (!sink_add(s, chunk, (size_t)r))
			return TEXTFILE_OVER;
	}
	return TEXTFILE_OK;
}

enum textfile_status
textfile_read(int fd, const char *name, bool gunzip, struct budget *budget,
    enum diag_level level, char **text, size_t *len, struct diag_list *dl)
{
	unsigned char first[2];
	struct sink s;
	enum textfile_status st;
	size_t n = 0;
	ssize_t r = 1;

	memset(&s, 0, sizeof s);
	s.budget = budget;
	s.name = name;
	s.dl = dl;
	*text = NULL;
	*len = 0;
	/* Two bytes tell gzip from text, even from a pipe that gives one. */
	while (gunzip && n < sizeof first &&
	    (r = read_some(fd, first + n, sizeof first - n)) > 0)
		n += (size_t)r;
	if (r == -1) {
		diag_add(dl, level, name, 0, 0, "cannot read: %s",
		    strerror(errno));
		return TEXTFILE_FAILED;
	}
	if (gunzip && n == 2 && first[0] == 0x1f && first[1] == 0x8b)
		st = read_gzip(fd, &s, first, n, level);
	else
		st = read_plain(fd, &s, first, n, level);
	if (st != TEXTFILE_OK || !sink_room(&s, 0)) {
		free(s.data);
		return st != TEXTFILE_OK ? st : TEXTFILE_OVER;
	}
	s.data[s.len] = '\0';
	budget->used += s.len;
	*text = s.data;
	*len = s.len;
	return TEXTFILE_OK;
}

/* Is s[i..n) an invalid UTF-8 sequence (its first byte)? */
static bool
invalid_at(const char *s, size_t n, size_t i)
{
	uint32_t cp;

	return (unsigned char)s[i] >= 0x80 &&
	    utf8_decode(s + i, n - i, &cp) == 1;
}

bool
textfile_is_text(const char *s, size_t n, bool *valid)
{
	size_t i = 0, bad = 0;
	uint32_t cp;

	if (valid != NULL)
		*valid = false;
	if (memchr(s, '\0', n) != NULL)
		return false;
	if (utf8_valid(s, n)) {
		if (valid != NULL)
			*valid = true;
		return true;
	}
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (invalid_at(s, n, i)) {
			bad++;
			i++;
		} else
			i += utf8_decode(s + i, n - i, &cp);
	}
	return bad <= n / 4;
}

size_t
textfile_check_utf8(const char *s, size_t n, const char *name,
    struct diag_list *dl)
{
	size_t i = 0, line_start = 0, lines = 0;
	int line = 1;
	uint32_t cp;

	if (utf8_valid(s, n))
		return 0;
	while (i < n) {
		if (s[i] == '\n' || s[i] == '\r') {
			if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
				i++;
			line_start = ++i;
			line++;
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (!invalid_at(s, n, i)) {
			i += utf8_decode(s + i, n - i, &cp);
			continue;
		}
		if (++lines <= TEXTFILE_UTF8_SHOWN)
			diag_add(dl, DIAG_ERROR, name, line,
			    (int)(i - line_start + 1), "invalid UTF-8 (shown as "
			    "U+FFFD)");
		/* One per line: on to the next line. */
		while (i < n && s[i] != '\n' && s[i] != '\r')
			i++;
	}
	if (lines > TEXTFILE_UTF8_SHOWN)
		diag_add(dl, DIAG_ERROR, name, 0, 0, "invalid UTF-8 on %zu more "
		    "lines", lines - TEXTFILE_UTF8_SHOWN);
	return lines;
}
