/*
 * token.c: Unicode-aware tokens with byte offsets, and sentences.
 *
 * Words keep inner hyphens, digits and apostrophes ("Shahed-136",
 * "Amir-Abdollahian", "O'Brien"); dotted abbreviations keep their periods
 * ("U.S.", "Inc.", "J."); numbers keep separators ("6,000", "1.5", "10:30",
 * "11/02/89"); "'s" and "n't" are tokens of their own; currency signs and
 * other symbols are one token each.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "nlp.h"

/* Code point at s[0..n) and its length (1 for invalid bytes). */
static int32_t S_cp(const char *s, size_t n, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t l = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)(n > 4 ? 4 : n), &cp);
	if (l <= 0) {
		*len = 1;
		return 0xFFFD;
	}
	*len = (size_t)l;
	return cp;
}

static bool S_is_letter(int32_t cp)
{
	if (cp < 0x80)
		return (cp | 32) >= 'a' && (cp | 32) <= 'z';
	utf8proc_category_t c = utf8proc_category(cp);
	return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_MN) ||
	       c == UTF8PROC_CATEGORY_MC;
}

static bool S_is_upper(int32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU;
}

static bool S_is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
	       cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000 ||
	       cp == 0xFEFF;
}

static bool S_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool S_apos(const char *s, size_t n, size_t *len)
{
	if (n >= 1 && s[0] == '\'') {
		*len = 1;
		return true;
	}
	if (n >= 3 && !memcmp(s, "\xe2\x80\x99", 3)) {
		*len = 3;
		return true;
	}
	return false;
}

static bool S_ascii_letter(char c)
{
	return ((unsigned char)c | 32) >= 'a' && ((unsigned char)c | 32) <= 'z';
}

/* The letters of a clitic after an apostrophe at s[0..n) ("s", "ll", "re",
 * "ve", "m", "d" and no letter after): their count, else 0. */
static size_t S_clitic(const char *s, size_t n)
{
	static const char *const cl[] = {"s", "ll", "re", "ve", "m", "d", NULL};
	for (size_t k = 0; cl[k]; k++) {
		size_t l = strlen(cl[k]), j = 0;
		while (j < l && j < n && ((unsigned char)s[j] | 32) == (unsigned char)cl[k][j])
			j++;
		if (j == l && !(l < n && S_ascii_letter(s[l])))
			return l;
	}
	return 0;
}

/* Bytes of a closing n't (either apostrophe) of the lowercased word low[0..n), or 0. */
static size_t S_nt(const char *low, size_t n)
{
	if (n > 3 && !memcmp(low + n - 3, "n't", 3))
		return 3;
	if (n > 5 && !memcmp(low + n - 5, "n\xe2\x80\x99t", 5))
		return 5;
	return 0;
}

/* Length of the number at s (digits with inner , . : / separators). */
static size_t S_number(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (S_digit(s[i]))
			i++;
		else if ((s[i] == ',' || s[i] == '.' || s[i] == ':' || s[i] == '/') && i + 1 < n &&
			 S_digit(s[i + 1]) && i > 0)
			i++;
		else
			break;
	}
	/* 1990s, 5th, 21st, 3rd, 2nd, 10am, 5pm */
	static const char *const suf[] = {"s", "th", "st", "nd", "rd", "am", "pm"};
	for (size_t k = 0; k < sizeof suf / sizeof *suf; k++) {
		size_t l = strlen(suf[k]);
		if (i + l <= n && !strncmp(s + i, suf[k], l) &&
		    (i + l == n || !((s[i + l] | 32) >= 'a' && (s[i + l] | 32) <= 'z')))
			return i + l;
	}
	return i;
}

static void S_push(nlp_doc *d, size_t *alloc, size_t s, size_t e, uint32_t fl)
{
	if (d->ntok == *alloc) {
		size_t na = *alloc ? *alloc * 2 : 256;
		dsr_token *t = dsr_arena_alloc(d->arena, dsr_st_mult(na, sizeof *t));
		if (d->ntok)
			memcpy(t, d->tok, d->ntok * sizeof *t);
		d->tok = t;
		*alloc = na;
	}
	dsr_token *t = &d->tok[d->ntok++];
	t->start = (uint32_t)s;
	t->end = (uint32_t)e;
	t->flags = fl;
	t->lex = 0;
}

/* The classes of a word written with accents the lexicon leaves out
 * ("café" as "cafe"). */
static uint32_t S_cls_folded(const nlp_doc *d, const char *w, size_t l)
{
	utf8proc_uint8_t *f = NULL;
	utf8proc_ssize_t fl = utf8proc_map((const utf8proc_uint8_t *)w, (utf8proc_ssize_t)l, &f,
					   UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
	uint32_t c = fl > 0 && (size_t)fl < l ? dsr__lx_cls(d->nlp, (const char *)f, (size_t)fl) : 0;
	free(f);
	return c;
}

/* A word from `at`: letters and digits with inner hyphens, apostrophes
 * (O'Brien, not 's) and dotted-abbreviation periods. Returns its end. */
static size_t S_word(const nlp_doc *d, size_t at, uint32_t *fl)
{
	const char *s = d->text;
	size_t n = d->n, i = at, len, letters = 0, uppers = 0;
	bool first = true;
	for (;;) {
		if (i >= n)
			break;
		int32_t cp = S_cp(s + i, n - i, &len);
		if (S_is_letter(cp) || (cp < 0x80 && S_digit((char)cp))) {
			if (S_is_letter(cp)) {
				letters++;
				if (S_is_upper(cp)) {
					uppers++;
					if (first)
						*fl |= DSR_TK_CAP;
				}
			}
			first = false;
			i += len;
			continue;
		}
		size_t al;
		if ((cp == '-' || cp == 0x2010 || cp == 0x2011) && i + len < n) {
			size_t l2;
			int32_t nx = S_cp(s + i + len, n - i - len, &l2);
			if (S_is_letter(nx) || (nx < 0x80 && S_digit((char)nx))) {
				i += len;
				continue;
			}
			break;
		}
		if (S_apos(s + i, n - i, &al) && i + al < n) {
			/* O'Brien, d'Estaing: one letter before; not 's, n't, I'll, I'm */
			size_t l2;
			int32_t nx = S_cp(s + i + al, n - i - al, &l2);
			bool is_cl = S_clitic(s + i + al, n - i - al) > 0;
			if (S_is_letter(nx) && !is_cl && i - at == 1 && S_is_upper(s[at])) {
				i += al;
				continue;
			}
			/* didn't: the word keeps n't, which is split off below */
			if (i > at && (s[i - 1] | 32) == 'n' && (nx == 't' || nx == 'T') &&
			    !(i + al + 1 < n && S_ascii_letter(s[i + al + 1])))
				i += al + 1;
			break;
		}
		if (cp == '.') {
			/* U.S., U.K., e.g.: single letters between periods */
			bool single = i - at == 1 ||
				      (i >= at + 2 && s[i - 2] == '.');
			if (single && i + 2 < n && S_is_letter((unsigned char)s[i + 1]) &&
			    s[i + 2] == '.') {
				i += 2;
				continue;
			}
			if (single && i >= at + 2 && s[i - 2] == '.') {
				i++; /* the last period of U.S. */
				break;
			}
			/* Mr., Inc., Jan.: known abbreviations; J.: initials */
			if ((i - at == 1 && S_is_upper((unsigned char)s[at])) ||
			    (dsr__lx_cls(d->nlp, d->low + at, i - at) & LX_ABBR))
				i++;
			break;
		}
		break;
	}
	if (letters >= 2 && uppers == letters)
		*fl |= DSR_TK_UPPER;
	return i;
}

void dsr__tokenize(nlp_doc *d)
{
	const char *s = d->text;
	size_t n = d->n, i = 0, alloc = 0, len;
	uint32_t pend = DSR_TK_PARA | DSR_TK_NL;
	int nls = 0;
	d->ntok = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		int32_t cp = c < 0x80 ? (len = 1, c) : S_cp(s + i, n - i, &len);
		if (S_is_space(cp)) {
			pend |= DSR_TK_SPACE;
			if (cp == '\n') {
				pend |= DSR_TK_NL;
				if (++nls >= 2)
					pend |= DSR_TK_PARA;
			}
			i += len;
			continue;
		}
		nls = 0;
		uint32_t fl = pend;
		pend = 0;
		size_t e;
		if (c < 0x80 && S_digit((char)c)) {
			e = i + S_number(s + i, n - i);
			/* a digit-led designation such as 9M723 or 3M-14 stays one word */
			size_t k = e;
			while (k < n && (((s[k] | 32) >= 'a' && (s[k] | 32) <= 'z') || S_digit(s[k]) ||
					 (s[k] == '-' && k + 1 < n && S_digit(s[k + 1]))))
				k++;
			if (k > e && k - i <= 12 && S_digit(s[k - 1])) {
				e = k;
				fl |= DSR_TK_WORD;
			}
			fl |= DSR_TK_NUM;
		} else if (S_is_letter(cp)) {
			fl |= DSR_TK_WORD;
			e = S_word(d, i, &fl);
		} else {
			size_t al;
			fl |= DSR_TK_PUNCT;
			e = i + len;
			size_t cl = 0, al2;
			if (S_apos(s + i, n - i, &al) && i + al < n &&
			    (cl = S_clitic(s + i + al, n - i - al)) &&
			    (i + al + cl >= n || !S_is_letter(S_cp(s + i + al + cl, n - i - al - cl, &al2))) &&
			    d->ntok && !(fl & DSR_TK_SPACE)) {
				e = i + al + cl; /* 's, 'll, 're, 've, 'm, 'd */
				fl = (fl & ~DSR_TK_PUNCT) | DSR_TK_WORD;
			} else if (c == '.' || c == '-' || c == '`' || c == '\'') {
				while (e < n && (unsigned char)s[e] == c)
					e++;
			}
		}
		/* n't splits off the word before it */
		size_t nt = (fl & DSR_TK_WORD) ? S_nt(d->low + i, e - i) : 0;
		if (nt) {
			S_push(d, &alloc, i, e - nt, fl);
			S_push(d, &alloc, e - nt, e, DSR_TK_WORD);
		} else {
			S_push(d, &alloc, i, e, fl);
		}
		i = e;
	}
	for (size_t k = 0; k < d->ntok; k++) {
		size_t l = tk_len(d, k);
		const char *w = d->low + d->tok[k].start;
		d->tok[k].lex = dsr__lx_cls(d->nlp, w, l);
		if (!d->tok[k].lex && memchr(d->low + d->tok[k].start, 0xc3, l))
			d->tok[k].lex = S_cls_folded(d, w, l);
		if (l > 2 && w[l - 1] == '.') /* "Aug.", "Inc.": the word's classes too */
			d->tok[k].lex |= dsr__lx_cls(d->nlp, w, l - 1) | LX_ABBR;
	}
}

static bool S_closer(const nlp_doc *d, size_t k)
{
	const char *s = d->text + d->tok[k].start;
	size_t l = tk_len(d, k);
	return (l == 1 && (*s == '"' || *s == '\'' || *s == ')' || *s == ']')) ||
	       (l == 2 && !memcmp(s, "''", 2)) ||
	       (l == 3 && (!memcmp(s, "\xe2\x80\x9d", 3) || !memcmp(s, "\xe2\x80\x99", 3) ||
			   !memcmp(s, "\xc2\xbb", 2)));
}

/* Does the sentence end after token k (a period, ! or ?, or a word that
 * carries its period)? */
static bool S_ends(const nlp_doc *d, size_t k)
{
	const char *s = d->text + d->tok[k].start;
	size_t l = tk_len(d, k);
	if (d->tok[k].flags & DSR_TK_PUNCT)
		return *s == '!' || *s == '?' || (*s == '.' && l != 2) ||
		       (l == 3 && !memcmp(s, "\xe2\x80\xa6", 3));
	return false;
}

void dsr__sentences(nlp_doc *d)
{
	size_t cap = d->ntok / 4 + 8;
	d->sent = dsr_arena_alloc(d->arena, dsr_st_mult(cap, sizeof *d->sent));
	d->nsent = 0;
	size_t start = 0;
	for (size_t k = 0; k < d->ntok; k++) {
		bool cut = false;
		size_t last = k; /* last token of the sentence when cut after k */
		if (k + 1 < d->ntok && (d->tok[k + 1].flags & DSR_TK_PARA)) {
			cut = true;
		} else if (k + 1 < d->ntok) {
			const dsr_token *nx;
			size_t j = k;
			bool end = S_ends(d, k);
			bool abbr_end = false;
			if (!end && (d->tok[k].flags & DSR_TK_WORD) && d->text[d->tok[k].end - 1] == '.') {
				/* "U.S." or "Inc." at a sentence's end: only before a typical starter */
				uint32_t lx = d->tok[k].lex;
				bool title = (lx & LX_TITLE) || tk_len(d, k) == 2;
				abbr_end = !title;
			}
			if (end || abbr_end) {
				while (j + 1 < d->ntok && S_closer(d, j + 1) &&
				       !(d->tok[j + 1].flags & (DSR_TK_PARA | DSR_TK_SPACE)))
					j++;
				if (j + 1 < d->ntok) {
					nx = &d->tok[j + 1];
					bool upper = (nx->flags & (DSR_TK_CAP | DSR_TK_NUM)) ||
						     ((nx->flags & DSR_TK_PUNCT) &&
						      strchr("\"'([`", d->text[nx->start])) ||
						     (unsigned char)d->text[nx->start] == 0xe2;
					if (abbr_end)
						upper = (nx->flags & DSR_TK_CAP) && (nx->lex & LX_STARTER);
					if (upper && (nx->flags & DSR_TK_SPACE)) {
						cut = true;
						last = j;
					}
				}
			}
		}
		if (k + 1 == d->ntok) {
			cut = true;
			last = k;
		}
		if (!cut)
			continue;
		if (d->nsent == cap) {
			size_t nc = cap * 2;
			dsr_span *ns = dsr_arena_alloc(d->arena, dsr_st_mult(nc, sizeof *ns));
			memcpy(ns, d->sent, d->nsent * sizeof *ns);
			d->sent = ns;
			cap = nc;
		}
		d->sent[d->nsent++] = (dsr_span){d->tok[start].start, d->tok[last].end};
		d->tok[start].flags |= DSR_TK_SSTART;
		start = last + 1;
		k = last;
	}
}
