/*
 * strmap: a hash map from strings to sizes, with open addressing. The map
 * owns copies of its keys. Used where a briefing may hold thousands of
 * names (section ids, YAML anchors) and a scan per lookup would be
 * quadratic. Any module may include it.
 */
#ifndef BRIEFING_STRMAP_H
#define BRIEFING_STRMAP_H

#include <stddef.h>

struct strmap {
	struct strmap_entry {
		char	*key;	/* NULL: a free slot */
		size_t	 value;
	}	*v;
	size_t	 cap;	/* a power of two, or 0 */
	size_t	 n;
};

#define STRMAP_INIT { NULL, 0, 0 }

/*
 * The value of key, or NULL when absent. The pointer may be written
 * through; it stays valid until the next strmap_put.
 */
size_t	*strmap_find(const struct strmap *, const char *key);
/* Set key to value, adding it when absent. */
void	 strmap_put(struct strmap *, const char *key, size_t value);
void	 strmap_free(struct strmap *);	/* accepts NULL; leaves it empty */

#endif
