/*
 * dossier.c: the dossier of a story (CONTRACT.md "Dossier").
 *
 * 1. Copies: every article's 5-word shingles go into an inverted index;
 *    an article whose shingles lie mostly (>= S_COPY) in one earlier
 *    article is a copy of it (the exact share is its `overlap`). The index
 *    is exact, and finds short syndicated cuts of a long original that a
 *    Jaccard estimate would miss. One outlet's standing blurb, the summary
 *    its running coverage repeats every day under a new headline, is no
 *    original (S_standing).
 * 2. Each article is analyzed (entities, times, quantities, attributions,
 *    claims).
 * 3. Entities are merged across articles by union-find over name keys
 *    (case, accents, punctuation and a leading "the" ignored): every
 *    mention joins its article's canonical name, so an alias stated in one
 *    article ("X, known as Y") joins Y everywhere; a surname joins the one
 *    full name that ends with it; spelling variants of one transliteration
 *    join through a consonant skeleton.
 * 4. Claims are merged when their action (a verb or one of the same
 *    meaning: "supply" and "provide") and theme are the same and their
 *    actor, quantity, time, places and polarity are the same or one side
 *    leaves them open. Merged claims of one event that disagree on a
 *    value are conflicts.
 * 5. Each piece of evidence is followed along its attribution chain to its
 *    origin: a named teller ("Norvik Aerospace", an outlet) is the root;
 *    unnamed ones ("three officials", "the sources") are vouched for by the
 *    outlet nearest to them in the chain, else by the article's voice: its
 *    outlet, or the outlet whose story it retells (credited in a main clause
 *    of its opening: "The Gazette reports that ..."); a
 *    copy speaks with its original's voice, and where its original tells
 *    the same claim it has that evidence's root (a copy that cut a teller's
 *    name is no second origin). `independent` counts roots.
 * 6. The timeline orders claims by their date, keeping its precision.
 */
#include <ctype.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "dossier/json.h"
#include "dossier/story.h"
#include "nlp.h"
#include "store_int.h"

#define S_SHINGLE 5
#define S_COPY 0.5        /* share of an article's shingles found in an earlier one */
#define S_POSTING 32      /* articles remembered per shingle (boilerplate is common) */
#define S_LEAD_BYTES 1200 /* an article's opening, where it credits the outlet it retells */
#define S_TEXT_MAX 240    /* bytes of a claim's text */
#define S_TEXT_BUDGET (8u << 20) /* article text analyzed for one dossier (analyses stay in memory: ~20-80 bytes per byte of text) */

/* ---- a map from 64-bit keys to indexes ---- */

typedef struct S_map {
	uint64_t *k;
	size_t *v;
	size_t mask, n;
} S_map;

/* qsort for arrays that may be empty (and NULL): nothing to sort below two. */
static void S_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

static void S_map_grow(S_map *m)
{
	S_map o = *m;
	m->mask = o.mask ? o.mask * 2 + 1 : 255;
	m->k = dsr_xcalloc(m->mask + 1, sizeof *m->k);
	m->v = dsr_xcalloc(m->mask + 1, sizeof *m->v);
	m->n = 0;
	for (size_t i = 0; o.k && i <= o.mask; i++)
		if (o.k[i]) {
			size_t j = o.k[i] & m->mask;
			while (m->k[j])
				j = (j + 1) & m->mask;
			m->k[j] = o.k[i];
			m->v[j] = o.v[i];
			m->n++;
		}
	free(o.k);
	free(o.v);
}

/* The slot of key k (k != 0); *found tells whether it was there. */
static size_t *S_map_at(S_map *m, uint64_t k, bool add, bool *found)
{
	if (!k)
		k = 1;
	if (add && (m->n + 1) * 2 > m->mask)
		S_map_grow(m);
	*found = false;
	if (!m->k)
		return NULL;
	size_t j = k & m->mask;
	while (m->k[j]) {
		if (m->k[j] == k) {
			*found = true;
			return &m->v[j];
		}
		j = (j + 1) & m->mask;
	}
	if (!add)
		return NULL;
	m->k[j] = k;
	m->v[j] = 0;
	m->n++;
	return &m->v[j];
}

static void S_map_free(S_map *m)
{
	free(m->k);
	free(m->v);
	memset(m, 0, sizeof *m);
}

static void *S_room(void *p, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 16;
	return dsr_xrealloc(p, dsr_st_mult(*cap, size));
}

/* ---- name keys ---- */

/* Folds a name for comparison: case and accents folded, only letters and
 * digits kept, a leading "the" and a host's "www." and ending dropped
 * ("The Harbor Gazette", "harborgazette.example" -> "harborgazette"). */
static size_t S_key(const char *s, size_t n, char *out, size_t cap)
{
	utf8proc_uint8_t *f = NULL;
	utf8proc_ssize_t fl = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &f,
					   UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD);
	const char *p = fl >= 0 ? (const char *)f : s;
	size_t pl = fl >= 0 ? (size_t)fl : n;
	if (pl > 4 && !memcmp(p, "the ", 4)) {
		p += 4;
		pl -= 4;
	}
	if (pl > 4 && !memcmp(p, "www.", 4)) {
		p += 4;
		pl -= 4;
	}
	/* a host: drop its last label */
	if (!memchr(p, ' ', pl)) {
		const char *dot = memchr(p, '.', pl);
		const char *last = NULL;
		for (const char *q = p; q < p + pl; q++)
			if (*q == '.')
				last = q;
		if (dot && last && last > p && p + pl - last <= 10)
			pl = (size_t)(last - p);
	}
	size_t o = 0;
	for (size_t i = 0; i < pl && o + 1 < cap; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c >= 0x80 || isalnum(c))
			out[o++] = (char)(c < 0x80 ? tolower(c) : c);
	}
	out[o] = 0;
	free(f);
	return o;
}

static uint64_t S_keyh(const char *s, size_t n)
{
	char k[256];
	size_t kl = S_key(s, n, k, sizeof k);
	return kl ? dsr_hash64(k, kl, 0x6b6579) : 0;
}

/* A spelling skeleton: the first letter, then consonants with doubles
 * collapsed ("Shaheed" and "Shahed" -> "shhd"). */
static uint64_t S_skel(const char *s, size_t n)
{
	char k[256], o[256];
	size_t kl = S_key(s, n, k, sizeof k), ol = 0, letters = 0;
	for (size_t i = 0; i < kl; i++) {
		char c = k[i];
		if ((unsigned char)c >= 0x80)
			return 0;
		if (isalpha((unsigned char)c))
			letters++;
		if (i && strchr("aeiouyw", c))
			continue;
		if (c == 'd' && i + 1 < kl && k[i + 1] == 'j')
			continue; /* dj -> j */
		if (ol && o[ol - 1] == c)
			continue;
		o[ol++] = c;
	}
	if (letters < 6 || ol < 5)
		return 0;
	return dsr_hash64(o, ol, 0x736b656c);
}

/* ---- copies ---- */

typedef struct S_post {
	uint32_t n;
	uint32_t a[S_POSTING];
} S_post;

/* The sorted, distinct 5-word shingles of a text. */
static uint64_t *S_shingles(const char *t, size_t n, size_t *count)
{
	size_t cap = 64, nw = 0, ns = 0;
	uint64_t *w = dsr_xmalloc(cap * sizeof *w), *sh;
	size_t i = 0;
	while (i < n) {
		while (i < n && !((unsigned char)t[i] >= 0x80 || isalnum((unsigned char)t[i])))
			i++;
		size_t b = i;
		uint64_t h = 1469598103934665603ull;
		while (i < n && ((unsigned char)t[i] >= 0x80 || isalnum((unsigned char)t[i])))
			h = (h ^ (unsigned char)tolower((unsigned char)t[i++])) * 1099511628211ull;
		if (i > b) {
			w = S_room(w, &cap, nw, sizeof *w);
			w[nw++] = h;
		}
	}
	sh = dsr_xmalloc((nw + 1) * sizeof *sh);
	for (size_t k = 0; k + S_SHINGLE <= nw; k++) {
		uint64_t h = 0;
		for (size_t j = 0; j < S_SHINGLE; j++)
			h = (h ^ w[k + j]) * 0x9e3779b97f4a7c15ull + j;
		sh[ns++] = h ? h : 1;
	}
	if (!ns && nw) { /* a very short text: one shingle of all of it */
		uint64_t h = 0;
		for (size_t j = 0; j < nw; j++)
			h = (h ^ w[j]) * 0x9e3779b97f4a7c15ull + 1;
		sh[ns++] = h ? h : 1;
	}
	free(w);
	*count = ns;
	return sh;
}

static int S_cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
	return (a > b) - (a < b);
}

/* Whether article j, earlier than i with the same text, is no original of
 * it: one outlet's standing blurb ("Follow our live coverage ...") under
 * another headline on another day, as the pages of running coverage are. */
static bool S_standing(const dsr_dos_article *arts, size_t i, size_t j)
{
	const dsr_article *a = arts[i].a, *b = arts[j].a;
	return a->outlet && b->outlet && !strcasecmp(a->outlet, b->outlet) && a->title &&
	       b->title && strcmp(a->title, b->title) && a->published && b->published &&
	       strlen(a->published) >= 10 && strlen(b->published) >= 10 &&
	       memcmp(a->published, b->published, 10);
}

static void S_copies(dsr_dos_article *arts, size_t n)
{
	S_map ix = {0};
	S_post *posts = NULL;
	size_t np = 0, pcap = 0;
	uint32_t *hits = dsr_xcalloc(n + 1, sizeof *hits);
	uint32_t *touched = dsr_xmalloc((n + 1) * sizeof *touched);
	for (size_t i = 0; i < n; i++) {
		size_t ns;
		uint64_t *sh = S_shingles(arts[i].a->text, arts[i].a->text_len, &ns);
		S_sort(sh, ns, sizeof *sh, S_cmp_u64);
		size_t u = 0;
		for (size_t k = 0; k < ns; k++)
			if (!u || sh[u - 1] != sh[k])
				sh[u++] = sh[k];
		ns = u;
		size_t nt = 0;
		for (size_t k = 0; k < ns; k++) {
			bool found;
			size_t *v = S_map_at(&ix, sh[k], true, &found);
			if (!found) {
				posts = S_room(posts, &pcap, np, sizeof *posts);
				posts[np].n = 0;
				*v = np++;
			}
			S_post *p = &posts[*v];
			for (uint32_t j = 0; j < p->n; j++) {
				if (!hits[p->a[j]]++)
					touched[nt++] = p->a[j];
			}
			if (p->n < S_POSTING)
				p->a[p->n++] = (uint32_t)i;
		}
		long best = -1;
		double bov = 0, sov = 0;
		for (size_t t = 0; t < nt; t++) {
			uint32_t j = touched[t];
			double ov = ns ? (double)hits[j] / (double)ns : 0;
			hits[j] = 0;
			if (ov > sov)
				sov = ov;
			if (S_standing(arts, i, j))
				continue;
			if (ov > bov + 1e-9 || (ov > bov - 1e-9 && (long)j < best)) {
				bov = ov;
				best = (long)j;
			}
		}
		arts[i].overlap = sov > 1 ? 1 : sov;
		arts[i].copy_of = bov >= S_COPY ? best : -1;
		free(sh);
	}
	for (size_t i = 0; i < n; i++) {
		long o = (long)i;
		for (int hop = 0; hop < 64 && arts[o].copy_of >= 0; hop++)
			o = arts[o].copy_of;
		arts[i].original = o;
	}
	free(hits);
	free(touched);
	free(posts);
	S_map_free(&ix);
}

/* ---- entities merged across articles ---- */

typedef struct S_uf {
	S_map node;          /* key hash -> node */
	size_t *parent;
	size_t n, cap;
} S_uf;

static size_t S_node(S_uf *u, uint64_t k, bool add)
{
	bool found;
	size_t *v = S_map_at(&u->node, k, add, &found);
	if (!v)
		return (size_t)-1;
	if (!found) {
		u->parent = S_room(u->parent, &u->cap, u->n, sizeof *u->parent);
		u->parent[u->n] = u->n;
		*v = u->n++;
	}
	return *v;
}

static size_t S_find(S_uf *u, size_t x)
{
	while (u->parent[x] != x) {
		u->parent[x] = u->parent[u->parent[x]];
		x = u->parent[x];
	}
	return x;
}

static void S_union(S_uf *u, size_t a, size_t b)
{
	a = S_find(u, a);
	b = S_find(u, b);
	if (a != b)
		u->parent[a > b ? a : b] = a < b ? a : b;
}

typedef struct S_mention {
	size_t art, node;
	dsr_etype type;
	const char *canonical, *text; /* text: the mention's words */
	size_t text_len;
} S_mention;

typedef struct S_group {
	long ent;            /* index into the dossier's entities, or -1 */
	size_t types[DSR_E__COUNT];
	size_t last_art, arts, mentions;
} S_group;

typedef struct S_cx {
	const dsr_nlp *nlp;
	dsr_arena *arena;
	dsr_dossier *d;
	S_uf uf;
	S_map gent;          /* group root -> entity index */
	S_map roots;         /* root key -> index into d->roots */
	size_t rcap;
} S_cx;

/* The story's merged entity that a name belongs to, or NULL. */
static const dsr_dos_entity *S_entity_of(S_cx *cx, const char *name)
{
	uint64_t k = name ? S_keyh(name, strlen(name)) : 0;
	size_t nd = k ? S_node(&cx->uf, k, false) : (size_t)-1;
	if (nd == (size_t)-1)
		return NULL;
	bool found;
	size_t *e = S_map_at(&cx->gent, S_find(&cx->uf, nd) + 1, false, &found);
	return e ? &cx->d->entities[*e] : NULL;
}

/* The merged canonical name of an entity name, or the name itself. */
static const char *S_canon(S_cx *cx, const char *name)
{
	const dsr_dos_entity *e = S_entity_of(cx, name);
	return e ? e->canonical : name;
}

typedef struct S_esort {
	dsr_dos_entity e;
	size_t k;
} S_esort;

static int S_cmp_ent(const void *x, const void *y)
{
	const dsr_dos_entity *a = &((const S_esort *)x)->e, *b = &((const S_esort *)y)->e;
	if (a->articles != b->articles)
		return a->articles < b->articles ? 1 : -1;
	if (a->mentions != b->mentions)
		return a->mentions < b->mentions ? 1 : -1;
	return strcmp(a->canonical, b->canonical);
}

/* A person's name without its middle initials ("Donald J. Trump" ->
 * "Donald Trump") in out; its length, or 0 when it has none. */
static size_t S_no_initials(const char *c, char *out, size_t cap)
{
	size_t n = strlen(c), o = 0;
	bool cut = false;
	if (n >= cap)
		return 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j < n && c[j] != ' ')
			j++;
		size_t w = j - i;
		bool initial = i > 0 && j < n && (w == 1 || (w == 2 && c[i + 1] == '.')) &&
			       isupper((unsigned char)c[i]);
		if (initial) {
			cut = true;
		} else {
			if (o)
				out[o++] = ' ';
			memcpy(out + o, c + i, w);
			o += w;
		}
		i = j < n ? j + 1 : j;
	}
	return cut ? o : 0;
}

/* A full name's last (or first) word and the group the name is in. */
typedef struct S_cand {
	uint64_t k;
	size_t g;
} S_cand;

static int S_cmp_cand(const void *x, const void *y)
{
	const S_cand *a = x, *b = y;
	if (a->k != b->k)
		return a->k < b->k ? -1 : 1;
	return (a->g > b->g) - (a->g < b->g);
}

static void S_entities(S_cx *cx)
{
	dsr_dossier *d = cx->d;
	S_uf *u = &cx->uf;
	S_mention *m = NULL;
	size_t nm = 0, mcap = 0;
	for (size_t i = 0; i < d->narticles; i++) {
		const dsr_analysis *an = d->articles[i].an;
		for (size_t k = 0; k < an->nentities; k++) {
			const dsr_entity *e = &an->entities[k];
			if (!e->canonical || e->type == DSR_E_NONE)
				continue;
			const char *t = an->text + e->sp.start;
			size_t tl = e->sp.end - e->sp.start;
			uint64_t kc = S_keyh(e->canonical, strlen(e->canonical)), km = S_keyh(t, tl);
			if (!kc || !km)
				continue;
			size_t nc = S_node(u, kc, true);
			/* a word of its full name ("Miller" for "Tim Miller") is no
			 * alias: elsewhere it may stand for another Miller; the
			 * surname rule below joins it where only one fits */
			const char *c = e->canonical, *sp = strrchr(c, ' ');
			bool part = sp && !memchr(t, ' ', tl) &&
				    (km == S_keyh(sp + 1, strlen(sp + 1)) ||
				     km == S_keyh(c, (size_t)(strchr(c, ' ') - c)));
			if (!part)
				S_union(u, nc, S_node(u, km, true));
			/* spelling variants join whatever type the tagger gave each */
			uint64_t sk = S_skel(e->canonical, strlen(e->canonical));
			if (sk)
				S_union(u, nc, S_node(u, sk, true));
			/* "Donald J. Trump" is "Donald Trump" */
			char bare[128];
			size_t bl = e->type == DSR_E_PERSON ? S_no_initials(c, bare, sizeof bare) : 0;
			if (bl)
				S_union(u, nc, S_node(u, S_keyh(bare, bl), true));
			m = S_room(m, &mcap, nm, sizeof *m);
			m[nm++] = (S_mention){i, nc, e->type, e->canonical, t, tl};
		}
	}
	/* a one-word person name joins the full name ending with it ("Kirby");
	 * a one-word organisation the longer name that begins or ends with it
	 * ("Norvik", "the Observer"): the only one, or the one named at least
	 * twice as often as any other ("Trump" for the president the story is
	 * about, not for a relative it names once) */
	S_cand *cv = NULL;
	size_t ncv = 0, ccap = 0;
	for (size_t i = 0; i < nm; i++) {
		bool per = m[i].type == DSR_E_PERSON;
		if (!per && m[i].type != DSR_E_ORG)
			continue;
		const char *c = m[i].canonical, *sp = strrchr(c, ' '), *sp0 = strchr(c, ' ');
		if (!sp)
			continue;
		for (int end = 0; end < 2 - per; end++) {
			uint64_t k = end ? S_keyh(c, (size_t)(sp0 - c)) : S_keyh(sp + 1, strlen(sp + 1));
			cv = S_room(cv, &ccap, ncv, sizeof *cv);
			cv[ncv++] = (S_cand){k ^ (uint64_t)m[i].type, S_find(u, m[i].node)};
		}
	}
	S_sort(cv, ncv, sizeof *cv, S_cmp_cand);
	S_map last = {0};
	for (size_t i = 0; i < ncv;) {
		size_t best = 0, second = 0, bg = 0;
		size_t j = i;
		while (j < ncv && cv[j].k == cv[i].k) {
			size_t g = j;
			while (j < ncv && cv[j].k == cv[i].k && cv[j].g == cv[g].g)
				j++;
			size_t n = j - g;
			if (n > best) {
				second = best;
				best = n;
				bg = cv[g].g;
			} else if (n > second) {
				second = n;
			}
		}
		bool found;
		size_t *v = S_map_at(&last, cv[i].k, true, &found);
		*v = best >= 2 * second ? bg + 1 : 0;
		i = j;
	}
	free(cv);
	for (size_t i = 0; i < nm; i++) {
		if ((m[i].type != DSR_E_PERSON && m[i].type != DSR_E_ORG) || strchr(m[i].canonical, ' '))
			continue;
		bool found;
		uint64_t k = S_keyh(m[i].canonical, strlen(m[i].canonical)) ^ (uint64_t)m[i].type;
		size_t *v = S_map_at(&last, k, false, &found);
		if (v && *v)
			S_union(u, m[i].node, *v - 1);
	}
	S_map_free(&last);
	/* groups: their articles, types and names */
	S_map gix = {0}, names = {0};
	S_group *g = NULL;
	size_t ng = 0, gcap = 0;
	typedef struct {
		size_t group, count, last_art;
		const char *s;
		size_t len;
		bool canonical;
	} S_name;
	S_name *nv = NULL;
	size_t nn = 0, ncap = 0;
	for (size_t i = 0; i < nm; i++) {
		bool found;
		size_t r = S_find(u, m[i].node);
		size_t *gv = S_map_at(&gix, r + 1, true, &found);
		if (!found) {
			g = S_room(g, &gcap, ng, sizeof *g);
			memset(&g[ng], 0, sizeof g[ng]);
			g[ng].last_art = (size_t)-1;
			*gv = ng++;
		}
		S_group *x = &g[*gv];
		x->types[m[i].type]++;
		x->mentions++;
		if (x->last_art != m[i].art) {
			x->last_art = m[i].art;
			x->arts++;
		}
		for (int pass = 0; pass < 2; pass++) {
			const char *s = pass ? m[i].text : m[i].canonical;
			size_t sl = pass ? m[i].text_len : strlen(m[i].canonical);
			uint64_t h = dsr_hash64(s, sl, *gv + 1);
			size_t *v = S_map_at(&names, h, true, &found);
			if (!found) {
				nv = S_room(nv, &ncap, nn, sizeof *nv);
				nv[nn] = (S_name){*gv, 0, (size_t)-1, s, sl, false};
				*v = nn++;
			}
			S_name *y = &nv[*v];
			y->canonical |= !pass;
			if (!pass && y->last_art != m[i].art) {
				y->last_art = m[i].art;
				y->count++;
			}
		}
	}
	d->entities = dsr_arena_alloc(cx->arena, (ng + 1) * sizeof *d->entities);
	d->nentities = ng;
	for (size_t k = 0; k < ng; k++) {
		dsr_dos_entity *e = &d->entities[k];
		memset(e, 0, sizeof *e);
		size_t best = 0;
		for (int t = 1; t < DSR_E__COUNT; t++)
			if (g[k].types[t] > g[k].types[best])
				best = (size_t)t;
		e->type = (dsr_etype)best;
		e->articles = g[k].arts;
		e->mentions = g[k].mentions;
		e->aliases = dsr_arena_alloc(cx->arena, 8 * sizeof *e->aliases);
	}
	/* the canonical name: the one most articles use, then the longest */
	size_t *bestn = dsr_xmalloc((ng + 1) * sizeof *bestn);
	for (size_t k = 0; k < nn; k++) {
		size_t gk = nv[k].group;
		dsr_dos_entity *e = &d->entities[gk];
		if (!nv[k].canonical)
			continue;
		const S_name *b = e->canonical ? &nv[bestn[gk]] : NULL;
		if (!b || nv[k].count > b->count || (nv[k].count == b->count && nv[k].len > b->len)) {
			e->canonical = dsr_arena_strndup(cx->arena, nv[k].s, nv[k].len);
			bestn[gk] = k;
		}
	}
	free(bestn);
	for (size_t k = 0; k < nn; k++) {
		dsr_dos_entity *e = &d->entities[nv[k].group];
		char a[256], b[256];
		size_t al = S_key(nv[k].s, nv[k].len, a, sizeof a);
		size_t bl = S_key(e->canonical, strlen(e->canonical), b, sizeof b);
		if (al == bl && !memcmp(a, b, al))
			continue;
		bool dup = false;
		for (size_t j = 0; j < e->naliases && !dup; j++) {
			size_t cl = S_key(e->aliases[j], strlen(e->aliases[j]), b, sizeof b);
			dup = cl == al && !memcmp(a, b, al);
		}
		if (!dup && e->naliases < 8)
			e->aliases[e->naliases++] = dsr_arena_strndup(cx->arena, nv[k].s, nv[k].len);
	}
	/* sorted by articles; the group map points at the sorted places */
	S_esort *es = dsr_xmalloc((ng + 1) * sizeof *es);
	size_t *order = dsr_xmalloc((ng + 1) * sizeof *order);
	for (size_t k = 0; k < ng; k++)
		es[k] = (S_esort){d->entities[k], k};
	S_sort(es, ng, sizeof *es, S_cmp_ent);
	for (size_t k = 0; k < ng; k++) {
		d->entities[k] = es[k].e;
		order[es[k].k] = k;
	}
	free(es);
	for (size_t i = 0; i <= gix.mask && gix.k; i++)
		if (gix.k[i]) {
			bool found;
			size_t *v = S_map_at(&cx->gent, gix.k[i], true, &found);
			*v = order[gix.v[i]];
		}
	free(order);
	free(g);
	free(nv);
	free(m);
	S_map_free(&gix);
	S_map_free(&names);
}

/* ---- claims merged across articles ---- */

/* A claim of one article, normalized. */
typedef struct S_item {
	size_t art;
	const dsr_claim *c;
	const char *actor, *theme;
	const dsr_quantity *q;
	const dsr_timex *t;
	const char **places;
	size_t nplaces;
	size_t root;
	const dsr_teller *chain;
	size_t nchain;
} S_item;

/* A merged claim under construction. */
typedef struct S_mc {
	size_t event;
	size_t first;        /* its first item */
	const char *actor, *theme, *action;
	const dsr_quantity *q;
	const dsr_timex *t;
	const char **places;
	size_t nplaces;
	bool negated, hedged;
	bool core;           /* the shared core of disagreeing claims */
	size_t *items;
	size_t nitems, icap;
	size_t nroots;
	size_t *roots;
} S_mc;

static bool S_near(double a, double b, double tol)
{
	double m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
	return fabs(a - b) <= tol * m + 1e-9;
}

/* 0 the same amount, 1 not comparable (different things counted), 2 in conflict. */
static int S_qrel(const dsr_quantity *a, const dsr_quantity *b)
{
	if (!a || !b || a->kind != b->kind)
		return 1;
	if ((a->unit == NULL) != (b->unit == NULL) || (a->unit && strcmp(a->unit, b->unit)))
		return 1;
	if (a->bound == b->bound && S_near(a->value, b->value, 0.005) &&
	    (a->bound != DSR_B_RANGE || (S_near(a->low, b->low, 0.005) && S_near(a->high, b->high, 0.005))))
		return 0;
	bool ea = a->bound == DSR_B_EXACT || a->bound == DSR_B_ABOUT;
	bool eb = b->bound == DSR_B_EXACT || b->bound == DSR_B_ABOUT;
	if (ea && eb && (a->bound == DSR_B_ABOUT || b->bound == DSR_B_ABOUT) &&
	    S_near(a->value, b->value, 0.1))
		return 0; /* "about 300" and "310" */
	return 2;
}

/* Are two TIMEX3 values compatible (one a coarser form of the other, X a wildcard)? */
static bool S_tcompat(const char *a, const char *b)
{
	size_t i = 0;
	for (; a[i] && b[i]; i++)
		if (a[i] != b[i] && a[i] != 'X' && b[i] != 'X')
			return false;
	return (!a[i] || a[i] == '-' || a[i] == 'T') && (!b[i] || b[i] == '-' || b[i] == 'T');
}

static bool S_places_meet(const char **a, size_t na, const char **b, size_t nb)
{
	if (!na || !nb)
		return true;
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (!strcmp(a[i], b[j]))
				return true;
	return false;
}

static bool S_same(const char *a, const char *b)
{
	return a && b && !strcmp(a, b);
}

/* Do two themes name the same thing: equal, or one is what the other's
 * amount counts ("two Kestrel-9 prototypes" and "the prototypes")? An
 * open theme fits any when `open` is set. */
static bool S_theme_ok(const char *a, const dsr_quantity *qa, const char *b,
		       const dsr_quantity *qb, bool open)
{
	if (!a || !b)
		return open || a == b;
	if (!strcmp(a, b))
		return true;
	return (qa && qa->unit && !strcmp(qa->unit, b)) || (qb && qb->unit && !strcmp(qb->unit, a));
}

/* Verbs that say too little to set two reports against each other. */
static bool S_vague(const char *action)
{
	static const char *const v[] = {"be", "have", "do", "make", "get", "go", "mean", "seem",
					"become", "come", "take", "give", "see", "know", "think",
					"include", "use", "remain", "need", "want", "say", "tell",
					"put", "keep", "let", "look", "find", NULL};
	for (size_t i = 0; v[i]; i++)
		if (!strcmp(action, v[i]))
			return true;
	return false;
}

static bool S_compat(const S_mc *m, const S_item *it)
{
	if (m->negated != it->c->negated)
		return false;
	if (!S_theme_ok(m->theme, m->q, it->theme, it->q, true))
		return false;
	if (m->actor && it->actor && strcmp(m->actor, it->actor))
		return false;
	if (m->q && it->q && S_qrel(m->q, it->q) == 2)
		return false;
	if (m->t && it->t && !S_tcompat(m->t->value, it->t->value))
		return false;
	if (!S_places_meet(m->places, m->nplaces, it->places, it->nplaces))
		return false;
	/* the same verb is not yet the same claim: they must also name the
	 * same one who acts, the same thing, or the same amount ("officials
	 * finalized the deal" and a minister's "bad deals" are two claims) */
	return S_same(m->actor, it->actor) || (m->theme && it->theme) ||
	       (m->q && it->q && S_qrel(m->q, it->q) == 0);
}

static const char *S_fmt_q(dsr_arena *ar, const dsr_quantity *q)
{
	static const char *const bw[] = {"", "about ", "up to ", "at least ", "more than ",
					 "less than ", ""};
	char v[64], lo[64], hi[64], out[200];
	double xs[3] = {q->value, q->low, q->high};
	char *bs[3] = {v, lo, hi};
	for (int k = 0; k < 3; k++) {
		double x = xs[k];
		if (fabs(x) >= 1e9 && fmod(x, 1e7) == 0)
			snprintf(bs[k], 64, "%g billion", x / 1e9);
		else if (fabs(x) >= 1e6 && fmod(x, 1e4) == 0)
			snprintf(bs[k], 64, "%g million", x / 1e6);
		else
			snprintf(bs[k], 64, "%.10g", x);
	}
	const char *unit = q->unit ? q->unit : "";
	if (q->bound == DSR_B_RANGE)
		snprintf(out, sizeof out, "%s to %s%s%s", lo, hi, *unit ? " " : "", unit);
	else
		snprintf(out, sizeof out, "%s%s%s%s", bw[q->bound], v,
			 *unit && strcmp(unit, "%") ? " " : "", unit);
	return dsr_arena_strndup(ar, out, strlen(out));
}

/* The claim's amount: a count of its theme, else a count, else money, else any. */
static const dsr_quantity *S_pick_q(const dsr_analysis *an, const dsr_claim *c)
{
	const dsr_quantity *best = NULL;
	int bs = -1;
	for (size_t k = 0; k < c->nquantities; k++) {
		const dsr_quantity *q = &an->quantities[c->quantities[k]];
		int s = q->kind == DSR_Q_COUNT && q->unit ? (c->theme && !strcmp(q->unit, c->theme) ? 4 : 3)
			: q->kind == DSR_Q_MONEY ? 2 : q->kind == DSR_Q_COUNT ? 0 : 1;
		if (s > bs) {
			bs = s;
			best = q;
		}
	}
	return best;
}

static const dsr_timex *S_pick_t(const dsr_analysis *an, const dsr_claim *c)
{
	for (size_t k = 0; k < c->ntimes; k++) {
		const dsr_timex *t = &an->times[c->times[k]];
		if ((t->type == DSR_T_DATE || t->type == DSR_T_TIME) &&
		    (isdigit((unsigned char)t->value[0]) || t->value[0] == 'X'))
			return t;
	}
	return NULL;
}

/* Is the claim worth a line in a dossier: someone or something it is
 * about, and more than two words? */
static bool S_worth(const dsr_analysis *an, const dsr_claim *c)
{
	if (!c->action || (!c->actor && !c->theme && !c->nquantities))
		return false;
	if (!strcmp(c->action, "be") && !c->nquantities && !c->theme)
		return false;
	size_t words = 0;
	for (uint32_t i = c->clause.start; i < c->clause.end; i++)
		words += (i == c->clause.start || an->text[i - 1] == ' ') && an->text[i] != ' ';
	return words >= 3;
}

static size_t S_root_add(S_cx *cx, const char *name)
{
	dsr_dossier *d = cx->d;
	uint64_t k = S_keyh(name, strlen(name));
	bool found;
	size_t *v = S_map_at(&cx->roots, k ? k : dsr_hash64(name, strlen(name), 1), true, &found);
	if (!found) {
		d->roots = S_room(d->roots, &cx->rcap, d->nroots, sizeof *d->roots);
		d->roots[d->nroots] = dsr_arena_strndup(cx->arena, name, strlen(name));
		*v = d->nroots++;
	}
	return *v;
}

/* A capital acting for its country ("Moscow agreed"): the country. */
static const char *S_metonym(S_cx *cx, const char *name)
{
	char low[64];
	size_t n = name ? strlen(name) : 0;
	if (!n || n >= sizeof low)
		return name;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)tolower((unsigned char)name[i]);
	const lx_entry *e = dsr__lx_get(cx->nlp, low, n);
	if (!e || !(e->cls & LX_CAPITAL) || !e->extra || !e->xlen)
		return name;
	return dsr_arena_strndup(cx->arena, e->extra, e->xlen);
}

/* The outlet an article speaks for: its outlet, else its URL's host. */
static const char *S_voice(S_cx *cx, const dsr_article *a)
{
	if (a->outlet && *a->outlet)
		return S_canon(cx, a->outlet);
	if (a->url) {
		const char *h = strstr(a->url, "://");
		h = h ? h + 3 : a->url;
		size_t hl = strcspn(h, "/?#");
		if (hl > 4 && !memcmp(h, "www.", 4)) {
			h += 4;
			hl -= 4;
		}
		if (hl)
			return dsr_arena_strndup(cx->arena, h, hl);
	}
	char b[64];
	snprintf(b, sizeof b, "article %s", a->id);
	return dsr_arena_strndup(cx->arena, b, strlen(b));
}

/* Does the teller have a name (not "three officials", "the sources", "he",
 * nor "sources in Port Alder")? */
static bool S_named(S_cx *cx, const dsr_teller *t)
{
	if (!t->canonical || !t->canonical[0])
		return false;
	unsigned char c = (unsigned char)t->canonical[0];
	if (c < 0x80 && !isupper(c))
		return false;
	if (t->kind == DSR_S_OUTLET)
		return true;
	const dsr_dos_entity *e = S_entity_of(cx, t->canonical);
	if (!e)
		return false;
	dsr_etype ty = e->type;
	if (t->kind == DSR_S_OFFICIALS || t->kind == DSR_S_MEDIA)
		return ty == DSR_E_PERSON;
	return ty == DSR_E_PERSON || ty == DSR_E_ORG || ty == DSR_E_GPE;
}

/* Does text[from, to) hold a word that makes what follows a subordinate
 * clause ("two days after the Gazette reported ...")? */
static bool S_subordinate(const char *text, size_t from, size_t to)
{
	static const char *const w[] = {"after", "before", "when", "since", "while", "until",
					"than", "because", "though", "although", "unlike", NULL};
	for (size_t i = from; i < to;) {
		while (i < to && !isalpha((unsigned char)text[i]))
			i++;
		size_t j = i;
		while (j < to && isalpha((unsigned char)text[j]))
			j++;
		for (size_t k = 0; w[k] && j > i; k++)
			if (strlen(w[k]) == j - i && !strncasecmp(text + i, w[k], j - i))
				return true;
		i = j;
	}
	return false;
}

/* The voice of an article that retells another outlet's story: the outlet
 * its opening credits in a main clause ("The Harbor Gazette, citing two
 * officials, reports that ...", "... according to the Gazette"; not "two
 * days after the Gazette reported"), else its own. What it says
 * in its own words, or through tellers it does not name, is that outlet's
 * story retold, not a second origin. */
static const char *S_article_voice(S_cx *cx, const dsr_dos_article *x)
{
	const char *own = S_voice(cx, x->a);
	const dsr_analysis *an = x->copy_of < 0 ? x->an : NULL; /* a copy's additions are its own */
	uint64_t ok = S_keyh(own, strlen(own));
	for (size_t i = 0; an && i < an->nattributions; i++) {
		const dsr_attribution *at = &an->attributions[i];
		if (at->cue.start >= S_LEAD_BYTES)
			break;
		uint32_t from = at->sentence < an->nsentences ? an->sentences[at->sentence].start : 0;
		uint32_t to = at->has_source && at->source.sp.start < at->cue.start ? at->source.sp.start
										    : at->cue.start;
		if (from < to && S_subordinate(an->text, from, to))
			continue; /* a mention, not the story it retells */
		for (size_t k = at->nchain; k-- > 0;) {
			const dsr_teller *t = &at->chain[k];
			if (t->kind != DSR_S_OUTLET || !S_named(cx, t))
				continue;
			const char *name = S_canon(cx, t->canonical);
			if (S_keyh(name, strlen(name)) != ok)
				return name;
		}
	}
	return own;
}

/* Follows a piece of evidence to its origin (see the top of the file). A
 * copy speaks with its original's voice where it repeats the original. */
static size_t S_root(S_cx *cx, size_t art, const dsr_teller *chain, size_t nchain, dsr_span clause)
{
	for (size_t k = nchain; k-- > 0;)
		if (S_named(cx, &chain[k]))
			return S_root_add(cx, S_canon(cx, chain[k].canonical));
	const dsr_dos_article *x = &cx->d->articles[art];
	const dsr_dos_article *o = &cx->d->articles[x->original];
	if (o != x && !memmem(o->a->text, o->a->text_len, x->a->text + clause.start,
			      clause.end - clause.start))
		o = x;
	return S_root_add(cx, S_article_voice(cx, o));
}

static const char *S_clip(dsr_arena *ar, const char *t, size_t n, size_t max)
{
	while (n && strchr(" \n\t\"',;:", *t)) {
		t++;
		n--;
	}
	while (n && strchr(" \n\t\"',;:", t[n - 1]))
		n--;
	bool cut = n > max;
	if (cut) {
		n = max;
		while (n && ((unsigned char)t[n] & 0xc0) == 0x80)
			n--;
		while (n > max / 2 && t[n - 1] != ' ')
			n--;
	}
	char *s = dsr_arena_alloc(ar, n + 4);
	memcpy(s, t, n);
	if (cut)
		memcpy(s + n, "...", 4);
	else
		s[n] = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '\n')
			s[i] = ' ';
	return s;
}

/* Does m share the core of top (same polarity, actor and theme, and one of
 * them named)? */
static bool S_core_of(const S_mc *top, const S_mc *m)
{
	return m->negated == top->negated && !m->core &&
	       (!top->actor || !m->actor || !strcmp(top->actor, m->actor)) &&
	       S_theme_ok(top->theme, top->q, m->theme, m->q, false) &&
	       (S_same(top->actor, m->actor) || top->theme);
}

static int S_cmp_mc(const void *x, const void *y)
{
	const S_mc *a = x, *b = y;
	if (a->nroots != b->nroots)
		return a->nroots < b->nroots ? 1 : -1;
	if (a->nitems != b->nitems)
		return a->nitems < b->nitems ? 1 : -1;
	return (a->first > b->first) - (a->first < b->first);
}

static int S_cmp_size(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	return (a > b) - (a < b);
}

static void S_add_conflict(S_cx *cx, size_t *ccap, size_t a, size_t b, const char *field,
			   const char *va, const char *vb)
{
	dsr_dossier *d = cx->d;
	d->conflicts = S_room(d->conflicts, ccap, d->nconflicts, sizeof *d->conflicts);
	dsr_dos_conflict *c = &d->conflicts[d->nconflicts++];
	c->a = a;
	c->b = b;
	c->field = field;
	c->va = va;
	c->vb = vb;
	char note[600];
	size_t nl = 0;
	for (int side = 0; side < 2; side++) {
		const dsr_dos_claim *m = &d->claims[side ? b : a];
		nl += (size_t)snprintf(note + nl, sizeof note - nl, "%s%s: ", side ? "; " : "", side ? vb : va);
		for (size_t r = 0; r < m->nroots && r < 4 && nl < sizeof note - 100; r++)
			nl += (size_t)snprintf(note + nl, sizeof note - nl, "%s%s", r ? ", " : "",
					       d->roots[m->roots[r]]);
		if (m->nroots > 4 && nl < sizeof note - 20)
			nl += (size_t)snprintf(note + nl, sizeof note - nl, " and %zu more", m->nroots - 4);
		if (nl >= sizeof note)
			nl = sizeof note - 1;
	}
	c->note = dsr_arena_strndup(cx->arena, note, nl);
}

static void S_claims(S_cx *cx)
{
	dsr_dossier *d = cx->d;
	dsr_arena *ar = cx->arena;
	S_item *it = NULL;
	size_t ni = 0, icap = 0;
	for (size_t i = 0; i < d->narticles; i++) {
		const dsr_analysis *an = d->articles[i].an;
		for (size_t k = 0; k < an->nclaims; k++) {
			const dsr_claim *c = &an->claims[k];
			if (!S_worth(an, c))
				continue;
			it = S_room(it, &icap, ni, sizeof *it);
			S_item *x = &it[ni++];
			memset(x, 0, sizeof *x);
			x->art = i;
			x->c = c;
			x->actor = S_canon(cx, S_metonym(cx, c->actor));
			x->theme = S_canon(cx, c->theme);
			x->q = S_pick_q(an, c);
			x->t = S_pick_t(an, c);
			x->places = dsr_arena_alloc(ar, (c->nplaces + 1) * sizeof *x->places);
			for (size_t p = 0; p < c->nplaces; p++) {
				const char *pl = S_canon(cx, c->places[p]);
				bool dup = S_same(pl, x->actor);
				for (size_t q = 0; q < x->nplaces; q++)
					dup |= !strcmp(x->places[q], pl);
				if (!dup)
					x->places[x->nplaces++] = pl;
			}
			if (c->attribution >= 0) {
				const dsr_attribution *at = &an->attributions[c->attribution];
				x->chain = at->chain;
				x->nchain = at->nchain;
			}
			x->root = S_root(cx, i, x->chain, x->nchain, c->clause);
		}
	}
	/* events: action and theme; merged claims inside them */
	S_map ev = {0};
	size_t nev = 0;
	S_mc *mc = NULL;
	size_t nmc = 0, mcap = 0;
	size_t **evm = NULL, *nevm = NULL, evcap = 0, evcap2 = 0; /* the merged claims of each event */
	for (size_t i = 0; i < ni; i++) {
		S_item *x = &it[i];
		/* verbs of one meaning are one action: "supply" and "provide" */
		size_t al;
		const char *act = dsr__lx_synonym(cx->nlp, x->c->action, strlen(x->c->action), &al);
		uint64_t h = dsr_hash64(act, al, 0x6576);
		bool found;
		size_t *v = S_map_at(&ev, h, true, &found);
		if (!found) {
			evm = S_room(evm, &evcap, nev, sizeof *evm);
			nevm = S_room(nevm, &evcap2, nev, sizeof *nevm);
			evm[nev] = NULL;
			nevm[nev] = 0;
			*v = nev++;
		}
		size_t e = *v, best = (size_t)-1;
		for (size_t k = 0; k < nevm[e] && k < 64; k++) {
			S_mc *m = &mc[evm[e][k]];
			if (S_compat(m, x) && (best == (size_t)-1 || m->nitems > mc[best].nitems))
				best = evm[e][k];
		}
		if (best == (size_t)-1) {
			mc = S_room(mc, &mcap, nmc, sizeof *mc);
			S_mc *m = &mc[nmc];
			memset(m, 0, sizeof *m);
			m->event = e;
			m->first = i;
			m->action = x->c->action;
			m->theme = x->theme;
			m->negated = x->c->negated;
			m->hedged = true;
			if (nevm[e] % 8 == 0)
				evm[e] = dsr_xrealloc(evm[e], (nevm[e] + 8) * sizeof *evm[e]);
			evm[e][nevm[e]++] = nmc;
			best = nmc++;
		}
		S_mc *m = &mc[best];
		if (!m->actor)
			m->actor = x->actor;
		if (!m->theme)
			m->theme = x->theme;
		if (!m->q || (x->q && S_qrel(m->q, x->q) == 1 && x->q->kind == DSR_Q_COUNT))
			m->q = m->q ? m->q : x->q;
		if (!m->t)
			m->t = x->t;
		if (!m->nplaces) {
			m->places = x->places;
			m->nplaces = x->nplaces;
		}
		m->hedged &= x->c->hedged;
		if (m->nitems && it[m->items[m->nitems - 1]].art == x->art)
			continue; /* one piece of evidence per article */
		m->items = S_room(m->items, &m->icap, m->nitems, sizeof *m->items);
		m->items[m->nitems++] = i;
	}
	/* an event whose reports disagree on an amount, a date or a place still
	 * has a core they share: "Veloria buys Kestrel-9 drones" */
	for (size_t e = 0; e < nev; e++) {
		for (int neg = 0; neg < 2 && nevm[e] > 1; neg++) {
			size_t n = 0, top = (size_t)-1;
			for (size_t k = 0; k < nevm[e]; k++) {
				const S_mc *m = &mc[evm[e][k]];
				if (m->negated == neg && (top == (size_t)-1 || m->nitems > mc[top].nitems))
					top = evm[e][k];
			}
			for (size_t k = 0; top != (size_t)-1 && k < nevm[e]; k++)
				n += S_core_of(&mc[top], &mc[evm[e][k]]);
			if (n < 2)
				continue;
			mc = S_room(mc, &mcap, nmc, sizeof *mc);
			S_mc *c = &mc[nmc];
			memset(c, 0, sizeof *c);
			c->event = e;
			c->core = true;
			c->action = mc[top].action;
			c->theme = mc[top].theme;
			c->actor = mc[top].actor;
			c->negated = neg;
			c->hedged = true;
			c->first = (size_t)-1;
			for (size_t k = 0; k < nevm[e]; k++) {
				const S_mc *m = &mc[evm[e][k]];
				if (!S_core_of(&mc[top], m))
					continue;
				c->hedged &= m->hedged;
				for (size_t j = 0; j < m->nitems; j++) {
					c->items = S_room(c->items, &c->icap, c->nitems, sizeof *c->items);
					c->items[c->nitems++] = m->items[j];
				}
			}
			S_sort(c->items, c->nitems, sizeof *c->items, S_cmp_size);
			size_t u = 0;
			for (size_t j = 0; j < c->nitems; j++)
				if (!u || it[c->items[u - 1]].art != it[c->items[j]].art)
					c->items[u++] = c->items[j];
			c->nitems = u;
			c->first = c->items[0];
			nmc++;
		}
	}
	/* roots per merged claim */
	for (size_t k = 0; k < nmc; k++) {
		S_mc *m = &mc[k];
		m->roots = dsr_xmalloc((m->nitems + 1) * sizeof *m->roots);
		for (size_t j = 0; j < m->nitems; j++) {
			/* a copy's evidence has the root of its original's, when the
			 * original tells the same claim (a copy that cut the name of
			 * the original's teller is not a second origin) */
			S_item *x = &it[m->items[j]];
			size_t orig = d->articles[x->art].original;
			for (size_t j2 = 0; orig != x->art && j2 < m->nitems; j2++)
				if (it[m->items[j2]].art == orig) {
					x->root = it[m->items[j2]].root;
					break;
				}
			m->roots[j] = x->root;
		}
		S_sort(m->roots, m->nitems, sizeof *m->roots, S_cmp_size);
		size_t u = 0;
		for (size_t j = 0; j < m->nitems; j++)
			if (!u || m->roots[u - 1] != m->roots[j])
				m->roots[u++] = m->roots[j];
		m->nroots = u;
	}
	S_sort(mc, nmc, sizeof *mc, S_cmp_mc);
	/* the public claims */
	d->claims = dsr_arena_alloc(ar, (nmc + 1) * sizeof *d->claims);
	d->nclaims = nmc;
	for (size_t k = 0; k < nmc; k++) {
		S_mc *m = &mc[k];
		dsr_dos_claim *c = &d->claims[k];
		memset(c, 0, sizeof *c);
		snprintf(c->id, sizeof c->id, "c%zu", k + 1);
		const S_item *f = &it[m->first];
		const dsr_analysis *an = d->articles[f->art].an;
		c->text = S_clip(ar, an->text + f->c->clause.start, f->c->clause.end - f->c->clause.start,
				 S_TEXT_MAX);
		c->actor = m->actor;
		c->action = m->action;
		c->theme = m->theme;
		c->quantity = m->q;
		c->quantity_text = m->q ? S_fmt_q(ar, m->q) : NULL;
		c->time = m->t;
		c->places = m->places;
		c->nplaces = m->nplaces;
		c->negated = m->negated;
		c->hedged = m->hedged;
		c->core = m->core;
		c->ev = dsr_arena_alloc(ar, m->nitems * sizeof *c->ev);
		c->nev = m->nitems;
		for (size_t j = 0; j < m->nitems; j++) {
			const S_item *x = &it[m->items[j]];
			c->ev[j] = (dsr_dos_evidence){x->art, x->c->sentence, x->c->clause, x->chain,
						      x->nchain, x->root};
		}
		c->roots = dsr_arena_alloc(ar, (m->nroots + 1) * sizeof *c->roots);
		memcpy(c->roots, m->roots, m->nroots * sizeof *c->roots);
		c->nroots = m->nroots;
		c->conflicts = dsr_arena_alloc(ar, 8 * sizeof *c->conflicts);
	}
	/* conflicts: merged claims of one event that disagree; the same
	 * amount of the same thing done by different actors */
	size_t ccap = 0;
	for (size_t e = 0; e < nev; e++)
		nevm[e] = 0;
	for (size_t k = 0; k < nmc; k++) /* the event's claims, now in their sorted places */
		if (!mc[k].core && nevm[mc[k].event] < 8)
			evm[mc[k].event][nevm[mc[k].event]++] = k;
	for (size_t e = 0; e < nev; e++) {
		size_t n = nevm[e], *pos = evm[e];
		for (size_t a = 0; a < n; a++)
			for (size_t b = a + 1; b < n; b++) {
				dsr_dos_claim *x = &d->claims[pos[a]], *y = &d->claims[pos[b]];
				if (x->nconflicts >= 8 || y->nconflicts >= 8)
					continue;
				const char *field = NULL, *va = NULL, *vb = NULL;
				if (!S_theme_ok(x->theme, x->quantity, y->theme, y->quantity, false))
					continue;
				/* about one thing: the same actor, or a named theme ("it
				 * never means anything good" and "it meant" are not a conflict) */
				if (!(S_same(x->actor, y->actor) || (x->theme && S_entity_of(cx, x->theme)) ||
				      (y->theme && S_entity_of(cx, y->theme)) ||
				      (S_same(x->theme, y->theme) && !S_vague(x->action))))
					continue;
				bool actors_differ = x->actor && y->actor && strcmp(x->actor, y->actor);
				if (actors_differ) {
					if (x->quantity && y->quantity && !S_qrel(x->quantity, y->quantity) &&
					    x->negated == y->negated)
						field = "actor", va = x->actor, vb = y->actor;
				} else if (x->negated != y->negated) {
					field = "polarity";
					va = x->negated ? "denied" : "affirmed";
					vb = y->negated ? "denied" : "affirmed";
				} else if (x->quantity && y->quantity && S_qrel(x->quantity, y->quantity) == 2) {
					field = "quantity", va = x->quantity_text, vb = y->quantity_text;
				} else if (x->time && y->time && !S_tcompat(x->time->value, y->time->value)) {
					field = "time", va = x->time->value, vb = y->time->value;
				} else if (!S_places_meet(x->places, x->nplaces, y->places, y->nplaces)) {
					field = "place", va = x->places[0], vb = y->places[0];
				}
				if (!field)
					continue;
				x->conflicts[x->nconflicts++] = pos[b];
				y->conflicts[y->nconflicts++] = pos[a];
				S_add_conflict(cx, &ccap, pos[a], pos[b], field, va, vb);
			}
	}
	for (size_t k = 0; k < nmc; k++) {
		free(mc[k].items);
		free(mc[k].roots);
	}
	for (size_t e = 0; e < nev; e++)
		free(evm[e]);
	free(evm);
	free(nevm);
	free(mc);
	free(it);
	S_map_free(&ev);
}

/* ---- timeline ---- */

typedef struct S_tl {
	const char *value, *mod;
	size_t claim;
} S_tl;

static int S_cmp_tl(const void *x, const void *y)
{
	const S_tl *a = x, *b = y;
	int c = strcmp(a->value, b->value);
	if (c)
		return c;
	c = strcmp(a->mod ? a->mod : "", b->mod ? b->mod : "");
	return c ? c : (a->claim > b->claim) - (a->claim < b->claim);
}

static void S_timeline(S_cx *cx)
{
	dsr_dossier *d = cx->d;
	S_tl *t = dsr_xmalloc((d->nclaims + 1) * sizeof *t);
	size_t n = 0;
	for (size_t k = 0; k < d->nclaims; k++)
		if (d->claims[k].time && isdigit((unsigned char)d->claims[k].time->value[0]))
			t[n++] = (S_tl){d->claims[k].time->value, d->claims[k].time->mod, k};
	S_sort(t, n, sizeof *t, S_cmp_tl);
	d->timeline = dsr_arena_alloc(cx->arena, (n + 1) * sizeof *d->timeline);
	d->ntimeline = 0;
	for (size_t i = 0; i < n; i++) {
		dsr_dos_when *w = d->ntimeline ? &d->timeline[d->ntimeline - 1] : NULL;
		if (!w || strcmp(w->value, t[i].value) || !S_same(w->mod ? w->mod : "", t[i].mod ? t[i].mod : "")) {
			w = &d->timeline[d->ntimeline++];
			memset(w, 0, sizeof *w);
			w->value = t[i].value;
			w->mod = t[i].mod;
			w->claims = dsr_arena_alloc(cx->arena, (n - i) * sizeof *w->claims);
			w->label = S_clip(cx->arena, d->claims[t[i].claim].text,
					  strlen(d->claims[t[i].claim].text), 100);
		}
		w->claims[w->nclaims++] = t[i].claim;
	}
	free(t);
}

/* ---- building ---- */

typedef struct S_ord {
	const dsr_article *a;
	size_t k;
} S_ord;

static int S_cmp_ord(const void *x, const void *y)
{
	const S_ord *a = x, *b = y;
	const char *pa = a->a->published ? a->a->published : "9999";
	const char *pb = b->a->published ? b->a->published : "9999";
	int c = strcmp(pa, pb);
	return c ? c : (a->k > b->k) - (a->k < b->k);
}

dsr_err dsr_dossier_build(const dsr_nlp *nlp, const dsr_article *arts, size_t n, dsr_arena *arena,
			  dsr_dossier *d)
{
	memset(d, 0, sizeof *d);
	S_ord *o = dsr_xmalloc((n + 1) * sizeof *o);
	for (size_t i = 0; i < n; i++)
		o[i] = (S_ord){&arts[i], i};
	S_sort(o, n, sizeof *o, S_cmp_ord);
	d->articles = dsr_arena_alloc(arena, (n + 1) * sizeof *d->articles);
	d->narticles = d->nstored = n;
	for (size_t i = 0; i < n; i++) {
		dsr_dos_article *x = &d->articles[i];
		memset(x, 0, sizeof *x);
		x->a = o[i].a;
		dsr_analysis *an = dsr_arena_alloc(arena, sizeof *an);
		dsr_err e = dsr_analyze(nlp, x->a, arena, an);
		if (e == DSR_ETOOBIG) { /* keep the article, without claims */
			memset(an, 0, sizeof *an);
			an->text = x->a->text;
			an->text_len = x->a->text_len;
		} else if (e) {
			free(o);
			return e;
		}
		x->an = an;
		const char *p = x->a->published;
		if (p && strlen(p) >= 10) {
			if (!d->first || strncmp(p, d->first, 10) < 0)
				d->first = dsr_arena_strndup(arena, p, 10);
			if (!d->last || strncmp(p, d->last, 10) > 0)
				d->last = dsr_arena_strndup(arena, p, 10);
		}
	}
	free(o);
	S_copies(d->articles, n);
	for (size_t i = 0; i < n && !d->title; i++)
		if (d->articles[i].copy_of < 0 && d->articles[i].a->title)
			d->title = d->articles[i].a->title;
	S_cx cx = {.nlp = nlp, .arena = arena, .d = d};
	S_entities(&cx);
	S_claims(&cx);
	S_timeline(&cx);
	const char **roots = dsr_arena_alloc(arena, (d->nroots + 1) * sizeof *roots);
	if (d->nroots)
		memcpy(roots, d->roots, d->nroots * sizeof *roots);
	free(d->roots);
	d->roots = roots;
	if (d->nconflicts) {
		dsr_dos_conflict *c = dsr_arena_alloc(arena, d->nconflicts * sizeof *c);
		memcpy(c, d->conflicts, d->nconflicts * sizeof *c);
		free(d->conflicts);
		d->conflicts = c;
	}
	free(cx.uf.parent);
	S_map_free(&cx.uf.node);
	S_map_free(&cx.gent);
	S_map_free(&cx.roots);
	return DSR_OK;
}

static const char *S_col(sqlite3_stmt *st, int c, dsr_arena *ar)
{
	const char *v = (const char *)sqlite3_column_text(st, c);
	return v ? dsr_arena_strndup(ar, v, (size_t)sqlite3_column_bytes(st, c)) : NULL;
}

dsr_err dsr_store_dossier(dsr_store *s, const dsr_nlp *nlp, long long id, size_t limit,
			  dsr_arena *arena, dsr_dossier *d)
{
	sqlite3 *db = dsr__store_db(s);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT title, first_published, last_published, n FROM stories WHERE id = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return dsr__store_fail(s, "cannot read the story");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return DSR_ENOTFOUND;
	}
	const char *title = S_col(st, 0, arena), *first = S_col(st, 1, arena), *last = S_col(st, 2, arena);
	sqlite3_finalize(st);
	/* the newest `limit` articles */
	if (sqlite3_prepare_v2(db,
			       "SELECT a.id, a.url, a.title, a.outlet, a.language, a.published, a.published_from, "
			       "a.text, a.seq FROM story_articles sa JOIN articles a ON a.seq = sa.seq "
			       "WHERE sa.story = ?1 ORDER BY a.published DESC, a.seq DESC LIMIT ?2",
			       -1, &st, NULL) != SQLITE_OK)
		return dsr__store_fail(s, "cannot read the story's articles");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, limit ? (long long)limit : -1);
	dsr_article *arts = NULL;
	long long *seqs = NULL;
	size_t n = 0, cap = 0, scap = 0, text_bytes = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		arts = S_room(arts, &cap, n, sizeof *arts);
		seqs = S_room(seqs, &scap, n, sizeof *seqs);
		dsr_article *a = &arts[n];
		memset(a, 0, sizeof *a);
		const char *aid = (const char *)sqlite3_column_text(st, 0);
		snprintf(a->id, sizeof a->id, "%s", aid ? aid : "");
		a->url = S_col(st, 1, arena);
		a->title = S_col(st, 2, arena);
		a->outlet = S_col(st, 3, arena);
		a->language = S_col(st, 4, arena);
		a->published = S_col(st, 5, arena);
		a->published_from = S_col(st, 6, arena);
		a->text = S_col(st, 7, arena);
		a->text_len = (size_t)sqlite3_column_bytes(st, 7);
		if (!a->text)
			a->text = "";
		seqs[n++] = sqlite3_column_int64(st, 8);
		/* the analyses stay in memory together: bound the text behind them */
		text_bytes += a->text_len;
		if (text_bytes > S_TEXT_BUDGET)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		free(arts);
		free(seqs);
		return dsr__store_fail(s, "cannot read the story's articles");
	}
	/* oldest first, so that of two copies published at once the one stored
	 * first is the original */
	for (size_t i = 0; i < n / 2; i++) {
		dsr_article t = arts[i];
		arts[i] = arts[n - 1 - i];
		arts[n - 1 - i] = t;
		long long q = seqs[i];
		seqs[i] = seqs[n - 1 - i];
		seqs[n - 1 - i] = q;
	}
	dsr_err e = dsr_dossier_build(nlp, arts, n, arena, d);
	if (!e) {
		/* the articles live on in the arena */
		dsr_article *keep = dsr_arena_alloc(arena, (n + 1) * sizeof *keep);
		memcpy(keep, arts, n * sizeof *keep);
		for (size_t i = 0; i < n; i++) {
			size_t k = (size_t)(d->articles[i].a - arts);
			d->articles[i].a = &keep[k];
			d->articles[i].seq = seqs[k];
		}
		d->id = id;
		if (title)
			d->title = title;
		d->first = first ? first : d->first;
		d->last = last ? last : d->last;
		if (sqlite3_prepare_v2(db, "SELECT count(*) FROM story_articles WHERE story = ?1", -1, &st,
				       NULL) == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, id);
			if (sqlite3_step(st) == SQLITE_ROW)
				d->nstored = (size_t)sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
		}
	}
	free(arts);
	free(seqs);
	return e;
}

/* ---- output ---- */

dsr_err dsr_dossier_json(const dsr_dossier *d, dsr_buf *o)
{
	dsr_err e = dsr_buf_addf(o, "{\"id\":%lld,\"title\":", d->id);
	e = e ? e : dsr_json_strz(o, d->title);
	e = e ? e : dsr_buf_adds(o, ",\"first_published\":");
	e = e ? e : dsr_json_strz(o, d->first);
	e = e ? e : dsr_buf_adds(o, ",\"last_published\":");
	e = e ? e : dsr_json_strz(o, d->last);
	e = e ? e : dsr_buf_addf(o, ",\"stored_articles\":%zu,\"articles\":[", d->nstored);
	for (size_t i = 0; !e && i < d->narticles; i++) {
		const dsr_dos_article *x = &d->articles[i];
		e = dsr_buf_adds(o, i ? ",{\"id\":" : "{\"id\":");
		e = e ? e : dsr_json_strz(o, x->a->id);
		e = e ? e : dsr_buf_adds(o, ",\"url\":");
		e = e ? e : dsr_json_strz(o, x->a->url);
		e = e ? e : dsr_buf_adds(o, ",\"outlet\":");
		e = e ? e : dsr_json_strz(o, x->a->outlet);
		e = e ? e : dsr_buf_adds(o, ",\"title\":");
		e = e ? e : dsr_json_strz(o, x->a->title);
		e = e ? e : dsr_buf_adds(o, ",\"published\":");
		e = e ? e : dsr_json_strz(o, x->a->published);
		e = e ? e : dsr_buf_adds(o, ",\"copy_of\":");
		e = e ? e : x->copy_of >= 0 ? dsr_json_strz(o, d->articles[x->copy_of].a->id)
					    : dsr_buf_adds(o, "null");
		e = e ? e : dsr_buf_addf(o, ",\"overlap\":%.2f}", x->overlap);
	}
	e = e ? e : dsr_buf_adds(o, "],\"entities\":[");
	for (size_t i = 0; !e && i < d->nentities; i++) {
		const dsr_dos_entity *x = &d->entities[i];
		e = dsr_buf_adds(o, i ? ",{\"canonical\":" : "{\"canonical\":");
		e = e ? e : dsr_json_strz(o, x->canonical);
		e = e ? e : dsr_buf_addf(o, ",\"type\":\"%s\",\"aliases\":[", dsr_etype_name(x->type));
		for (size_t k = 0; !e && k < x->naliases; k++) {
			e = k ? dsr_buf_addc(o, ',') : 0;
			e = e ? e : dsr_json_strz(o, x->aliases[k]);
		}
		e = e ? e : dsr_buf_addf(o, "],\"articles\":%zu,\"mentions\":%zu}", x->articles, x->mentions);
	}
	e = e ? e : dsr_buf_adds(o, "],\"roots\":[");
	for (size_t i = 0; !e && i < d->nroots; i++) {
		e = i ? dsr_buf_addc(o, ',') : 0;
		e = e ? e : dsr_json_strz(o, d->roots[i]);
	}
	e = e ? e : dsr_buf_adds(o, "],\"claims\":[");
	for (size_t i = 0; !e && i < d->nclaims; i++) {
		const dsr_dos_claim *c = &d->claims[i];
		e = dsr_buf_addf(o, "%s{\"id\":\"%s\",\"text\":", i ? "," : "", c->id);
		e = e ? e : dsr_json_strz(o, c->text);
		e = e ? e : dsr_buf_adds(o, ",\"actor\":");
		e = e ? e : dsr_json_strz(o, c->actor);
		e = e ? e : dsr_buf_adds(o, ",\"action\":");
		e = e ? e : dsr_json_strz(o, c->action);
		e = e ? e : dsr_buf_adds(o, ",\"theme\":");
		e = e ? e : dsr_json_strz(o, c->theme);
		e = e ? e : dsr_buf_adds(o, ",\"quantity\":");
		if (!e && c->quantity) {
			e = dsr_buf_adds(o, "{\"text\":");
			e = e ? e : dsr_json_strz(o, c->quantity_text);
			e = e ? e : dsr_quantity_json_members(c->quantity, o);
			e = e ? e : dsr_buf_addc(o, '}');
		} else if (!e) {
			e = dsr_buf_adds(o, "null");
		}
		e = e ? e : dsr_buf_adds(o, ",\"time\":");
		if (!e && c->time) {
			e = dsr_buf_adds(o, "{\"value\":");
			e = e ? e : dsr_json_strz(o, c->time->value);
			if (!e && c->time->mod)
				e = dsr_buf_addf(o, ",\"mod\":\"%s\"", c->time->mod);
			e = e ? e : dsr_buf_addc(o, '}');
		} else if (!e) {
			e = dsr_buf_adds(o, "null");
		}
		e = e ? e : dsr_buf_adds(o, ",\"places\":[");
		for (size_t k = 0; !e && k < c->nplaces; k++) {
			e = k ? dsr_buf_addc(o, ',') : 0;
			e = e ? e : dsr_json_strz(o, c->places[k]);
		}
		e = e ? e : dsr_buf_addf(o, "],\"negated\":%s,\"hedged\":%s,%s\"evidence\":[",
					 c->negated ? "true" : "false", c->hedged ? "true" : "false",
					 c->core ? "\"core\":true," : "");
		for (size_t k = 0; !e && k < c->nev; k++) {
			const dsr_dos_evidence *x = &c->ev[k];
			const dsr_analysis *an = d->articles[x->article].an;
			e = dsr_buf_adds(o, k ? ",{\"article\":" : "{\"article\":");
			e = e ? e : dsr_json_strz(o, d->articles[x->article].a->id);
			e = e ? e : dsr_buf_addf(o, ",\"sentence\":{\"start\":%u,\"end\":%u}"
						    ",\"clause\":{\"start\":%u,\"end\":%u},\"chain\":[",
						 x->sentence.start, x->sentence.end, x->clause.start,
						 x->clause.end);
			for (size_t j = 0; !e && j < x->nchain; j++) {
				const dsr_teller *t = &x->chain[j];
				e = dsr_buf_adds(o, j ? ",{\"text\":" : "{\"text\":");
				e = e ? e : dsr_json_str(o, an->text + t->sp.start, t->sp.end - t->sp.start);
				e = e ? e : dsr_buf_addf(o, ",\"kind\":\"%s\",\"canonical\":",
							 dsr_skind_name(t->kind));
				e = e ? e : dsr_json_strz(o, t->canonical);
				e = e ? e : dsr_buf_addc(o, '}');
			}
			e = e ? e : dsr_buf_adds(o, "],\"root\":");
			e = e ? e : dsr_json_strz(o, d->roots[x->root]);
			e = e ? e : dsr_buf_addc(o, '}');
		}
		e = e ? e : dsr_buf_adds(o, "],\"roots\":[");
		for (size_t k = 0; !e && k < c->nroots; k++) {
			e = k ? dsr_buf_addc(o, ',') : 0;
			e = e ? e : dsr_json_strz(o, d->roots[c->roots[k]]);
		}
		e = e ? e : dsr_buf_addf(o, "],\"independent\":%zu,\"conflicts\":[", c->nroots);
		for (size_t k = 0; !e && k < c->nconflicts; k++)
			e = dsr_buf_addf(o, "%s\"%s\"", k ? "," : "", d->claims[c->conflicts[k]].id);
		e = e ? e : dsr_buf_adds(o, "]}");
	}
	e = e ? e : dsr_buf_adds(o, "],\"conflicts\":[");
	for (size_t i = 0; !e && i < d->nconflicts; i++) {
		const dsr_dos_conflict *c = &d->conflicts[i];
		e = dsr_buf_addf(o, "%s{\"claims\":[\"%s\",\"%s\"],\"field\":\"%s\",\"values\":[", i ? "," : "",
				 d->claims[c->a].id, d->claims[c->b].id, c->field);
		e = e ? e : dsr_json_strz(o, c->va);
		e = e ? e : dsr_buf_addc(o, ',');
		e = e ? e : dsr_json_strz(o, c->vb);
		e = e ? e : dsr_buf_adds(o, "],\"note\":");
		e = e ? e : dsr_json_strz(o, c->note);
		e = e ? e : dsr_buf_addc(o, '}');
	}
	e = e ? e : dsr_buf_adds(o, "],\"timeline\":[");
	for (size_t i = 0; !e && i < d->ntimeline; i++) {
		const dsr_dos_when *w = &d->timeline[i];
		e = dsr_buf_adds(o, i ? ",{\"date\":" : "{\"date\":");
		e = e ? e : dsr_json_strz(o, w->value);
		if (!e && w->mod)
			e = dsr_buf_addf(o, ",\"mod\":\"%s\"", w->mod);
		e = e ? e : dsr_buf_adds(o, ",\"claims\":[");
		for (size_t k = 0; !e && k < w->nclaims; k++)
			e = dsr_buf_addf(o, "%s\"%s\"", k ? "," : "", d->claims[w->claims[k]].id);
		e = e ? e : dsr_buf_adds(o, "],\"label\":");
		e = e ? e : dsr_json_strz(o, w->label);
		e = e ? e : dsr_buf_addc(o, '}');
	}
	return e ? e : dsr_buf_adds(o, "]}");
}

/* Does a teller's canonical name say more than its words ("It", "the
 * newspaper" resolved to the outlet named before)? */
static bool S_names_other(const char *w, size_t n, const char *canonical)
{
	if (!canonical || !*canonical)
		return false;
	size_t cl = strlen(canonical);
	for (size_t i = 0; i + cl <= n; i++)
		if (!strncasecmp(w + i, canonical, cl))
			return false;
	return true;
}

/* An article's title; without one, the opening words of its text cut at a
 * word ("After weeks of talks, the two ministries agreed...") in b; the id
 * of an empty article. */
static const char *S_aname(const dsr_article *a, char *b, size_t bn)
{
	if (a->title && *a->title)
		return a->title;
	const char *t = a->text ? a->text : "";
	t += strspn(t, " \t\r\n");
	size_t n = strcspn(t, "\r\n");
	if (!n)
		return a->id;
	size_t max = bn > 8 ? bn - 8 : 0, cut = n;
	if (n > max) {
		cut = max;
		while (cut > max / 2 && t[cut] != ' ')
			cut--;
		/* a cut inside a UTF-8 sequence backs up to its start */
		while (cut && ((unsigned char)t[cut] & 0xC0) == 0x80)
			cut--;
	}
	snprintf(b, bn, "%.*s%s", (int)cut, t, cut < n ? "..." : "");
	return b;
}

static const char *S_alabel(const dsr_dos_article *x, char *b, size_t bn)
{
	if (x->a->outlet && *x->a->outlet)
		return x->a->outlet;
	if (x->a->url)
		return x->a->url;
	return S_aname(x->a, b, bn);
}

static dsr_err S_claim_head(dsr_buf *o, const dsr_dos_claim *c)
{
	dsr_err e = dsr_buf_addf(o, "%s%s%s%s", c->actor ? c->actor : "", c->actor ? " " : "",
				 c->negated ? "not " : "", c->action);
	if (!e && c->theme)
		e = dsr_buf_addf(o, " %s", c->theme);
	if (!e && c->quantity_text)
		e = dsr_buf_addf(o, " | %s", c->quantity_text);
	if (!e && c->time)
		e = dsr_buf_addf(o, " | %s%s%s", c->time->value, c->time->mod ? " " : "",
				 c->time->mod ? c->time->mod : "");
	for (size_t k = 0; !e && k < c->nplaces && k < 3; k++)
		e = dsr_buf_addf(o, "%s%s", k ? ", " : " | in ", c->places[k]);
	if (!e && c->core)
		e = dsr_buf_adds(o, " | whatever the amount, date or place");
	if (!e && c->hedged)
		e = dsr_buf_adds(o, " (hedged)");
	return e;
}

dsr_err dsr_dossier_report(const dsr_dossier *d, dsr_buf *o)
{
	size_t copies = 0, multi = 0;
	for (size_t i = 0; i < d->narticles; i++)
		copies += d->articles[i].copy_of >= 0;
	for (size_t i = 0; i < d->nclaims; i++)
		multi += d->claims[i].nroots > 1;
	char tb[96];
	const char *title = d->title ? d->title : d->narticles ? S_aname(d->articles[0].a, tb, sizeof tb)
							      : "(untitled)";
	dsr_err e = dsr_buf_addf(o, "STORY %lld  %s\n", d->id, title);
	e = e ? e : dsr_buf_addf(o, "%zu article%s", d->nstored, d->nstored == 1 ? "" : "s");
	if (!e && d->nstored > d->narticles)
		e = dsr_buf_addf(o, " (the newest %zu analyzed)", d->narticles);
	e = e ? e : dsr_buf_addf(o, ", %s to %s; %zu %s; %zu origin%s; %zu claim%s, %zu of them "
				    "from more than one independent origin; %zu conflict%s\n",
				 d->first ? d->first : "?", d->last ? d->last : "?", copies,
				 copies == 1 ? "copy" : "copies", d->nroots, d->nroots == 1 ? "" : "s",
				 d->nclaims, d->nclaims == 1 ? "" : "s", multi, d->nconflicts,
				 d->nconflicts == 1 ? "" : "s");
	e = e ? e : dsr_buf_adds(o, "\nARTICLES\n");
	for (size_t i = 0; !e && i < d->narticles && i < 40; i++) {
		const dsr_dos_article *x = &d->articles[i];
		char b[96];
		e = dsr_buf_addf(o, "  %-10.10s  %-24.24s  %s", x->a->published ? x->a->published : "?",
				 x->a->outlet ? x->a->outlet : "", S_aname(x->a, b, sizeof b));
		if (!e && x->copy_of >= 0)
			e = dsr_buf_addf(o, "  [copy of %s, %.0f%% of its text]",
					 S_alabel(&d->articles[x->copy_of], b, sizeof b), x->overlap * 100);
		e = e ? e : dsr_buf_addc(o, '\n');
	}
	if (!e && d->narticles > 40)
		e = dsr_buf_addf(o, "  ... and %zu more\n", d->narticles - 40);
	e = e ? e : dsr_buf_adds(o, "\nCLAIMS (most independent origins first)\n");
	size_t shown = 0;
	for (size_t i = 0; !e && i < d->nclaims && shown < 15; i++) {
		const dsr_dos_claim *c = &d->claims[i];
		if (c->nroots < 2 && !c->nconflicts && shown >= 8)
			continue;
		shown++;
		e = dsr_buf_addf(o, "  %-4s %zu independent, %zu report%s: ", c->id, c->nroots, c->nev,
				 c->nev == 1 ? "" : "s");
		e = e ? e : S_claim_head(o, c);
		e = e ? e : dsr_buf_addf(o, "\n       \"%s\"\n       roots: ", c->text);
		for (size_t k = 0; !e && k < c->nroots; k++)
			e = dsr_buf_addf(o, "%s%s", k ? "; " : "", d->roots[c->roots[k]]);
		for (size_t k = 0; !e && k < c->nev && k < 5; k++) {
			const dsr_dos_evidence *x = &c->ev[k];
			const dsr_dos_article *a = &d->articles[x->article];
			const dsr_analysis *an = a->an;
			char b[64];
			e = dsr_buf_addf(o, "\n       - %s", S_alabel(a, b, sizeof b));
			if (!e && a->copy_of >= 0)
				e = dsr_buf_adds(o, " (copy)");
			e = e ? e : dsr_buf_adds(o, x->nchain ? ": " : ": its own reporting");
			for (size_t j = 0; !e && j < x->nchain; j++) {
				const dsr_teller *t = &x->chain[j];
				size_t tl = t->sp.end - t->sp.start;
				e = dsr_buf_addf(o, "%s%.*s", j ? " citing " : "", (int)(tl > 60 ? 60 : tl),
						 an->text + t->sp.start);
				if (!e && S_names_other(an->text + t->sp.start, tl, t->canonical))
					e = dsr_buf_addf(o, " (%s)", t->canonical); /* "It (Harbor Gazette)" */
			}
		}
		if (!e && c->nev > 5)
			e = dsr_buf_addf(o, "\n       - and %zu more", c->nev - 5);
		for (size_t k = 0; !e && k < c->nconflicts; k++)
			e = dsr_buf_addf(o, "%s%s", k ? ", " : "\n       conflicts with ",
					 d->claims[c->conflicts[k]].id);
		e = e ? e : dsr_buf_addc(o, '\n');
	}
	if (!e && d->nclaims > shown)
		e = dsr_buf_addf(o, "  ... %zu more claims, each from one origin (--json lists all)\n",
				 d->nclaims - shown);
	e = e ? e : dsr_buf_adds(o, "\nCONFLICTS\n");
	if (!e && !d->nconflicts)
		e = dsr_buf_adds(o, "  none found\n");
	for (size_t i = 0; !e && i < d->nconflicts && i < 20; i++) {
		const dsr_dos_conflict *c = &d->conflicts[i];
		e = dsr_buf_addf(o, "  %-8s %s vs %s: %s\n", c->field, d->claims[c->a].id,
				 d->claims[c->b].id, c->note);
	}
	e = e ? e : dsr_buf_adds(o, "\nTIMELINE\n");
	if (!e && !d->ntimeline)
		e = dsr_buf_adds(o, "  no dated claims\n");
	for (size_t i = 0; !e && i < d->ntimeline && i < 30; i++) {
		const dsr_dos_when *w = &d->timeline[i];
		char v[64];
		snprintf(v, sizeof v, "%s%s%s", w->value, w->mod ? " " : "", w->mod ? w->mod : "");
		e = dsr_buf_addf(o, "  %-16s", v);
		for (size_t k = 0; !e && k < w->nclaims && k < 4; k++)
			e = dsr_buf_addf(o, "%s%s", k ? "," : "", d->claims[w->claims[k]].id);
		e = e ? e : dsr_buf_addf(o, "  %s\n", w->label);
	}
	e = e ? e : dsr_buf_adds(o, "\nENTITIES (articles naming each)\n");
	for (size_t i = 0; !e && i < d->nentities && i < 15; i++) {
		const dsr_dos_entity *x = &d->entities[i];
		/* pad by characters, not bytes: "Café" is four wide */
		int extra = 0;
		for (const char *c = x->canonical; *c; c++)
			extra += ((unsigned char)*c & 0xc0) == 0x80;
		e = dsr_buf_addf(o, "  %3zu  %-*s %-9s", x->articles, 30 + extra, x->canonical,
				 dsr_etype_name(x->type));
		for (size_t k = 0; !e && k < x->naliases && k < 4; k++)
			e = dsr_buf_addf(o, "%s%s", k ? ", " : " also: ", x->aliases[k]);
		e = e ? e : dsr_buf_addc(o, '\n');
	}
	return e;
}
