/*
 * attr_train.c: trains dossier's attribution taggers (src/attrib.h) on
 * brat-annotated attributions in PolNeAR's layout: DIR/text/<doc>.txt and
 * DIR/attributions/<doc>_<annotator>.ann (Source, Cue, Content spans tied
 * by E lines; offsets in code points). Where a document has several
 * annotators, the smallest annotator id is used.
 *
 *   build/attr_train [-e EPOCHS] DIR CUE.gz ROLE.gz
 *
 * The last tenth of the documents is held out and scored (cue tokens and
 * role tokens given the gold cue).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrib.h"
#include "nlp.h"
#include "pm_train.h"

typedef struct frag {
	size_t s, e;          /* byte offsets */
} frag;

typedef struct rel {
	frag cue[4], src[4], con[4];
	int ncue, nsrc, ncon;
} rel;

typedef struct tdoc {
	nlp_doc d;
	at_ctx c;
	int *cue;             /* gold cue labels per token */
	rel *r;
	size_t nr;
} tdoc;

static char *S_slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	dsr_buf b;
	dsr_buf_init(&b, 0);
	char tmp[65536];
	size_t k;
	while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
		if (dsr_buf_add(&b, tmp, k))
			exit(1);
	fclose(f);
	return dsr_buf_detach(&b, n);
}

static int S_strcmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Parses "s e;s e" (code points) into byte fragments. */
static int S_frags(const char *p, const size_t *cp2b, size_t ncp, frag *out, int max)
{
	int n = 0;
	while (*p && n < max) {
		char *end;
		unsigned long s = strtoul(p, &end, 10);
		if (end == p)
			break;
		unsigned long e = strtoul(end, &end, 10);
		if (s <= e && e <= ncp) {
			out[n].s = cp2b[s];
			out[n].e = cp2b[e];
			n++;
		}
		p = end;
		if (*p == ';')
			p++;
		else
			break;
	}
	return n;
}

static void S_load(const char *dir, const char *doc, const char *ann, const dsr_nlp *nlp,
		   dsr_arena *ar, tdoc *o)
{
	char path[4096];
	size_t n;
	snprintf(path, sizeof path, "%s/text/%s.txt", dir, doc);
	char *text = S_slurp(path, &n);
	snprintf(path, sizeof path, "%s/attributions/%s", dir, ann);
	size_t an;
	char *a = S_slurp(path, &an);
	if (!text || !a) {
		fprintf(stderr, "attr_train: cannot read %s\n", path);
		exit(1);
	}
	/* code point -> byte */
	size_t *cp2b = malloc((n + 2) * sizeof *cp2b), ncp = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)text[i] & 0xC0) != 0x80)
			cp2b[ncp++] = i;
	cp2b[ncp] = n;
	/* T lines, then E lines */
	typedef struct tl {
		char id[16];
		char label[32];
		frag f[4];
		int nf;
	} tl;
	tl *ts = calloc(an / 8 + 8, sizeof *ts);
	size_t nt = 0;
	memset(o, 0, sizeof *o);
	o->r = calloc(an / 16 + 8, sizeof *o->r);
	for (int pass = 0; pass < 2; pass++) {
		char *p = a;
		while (p && *p) {
			char *nl = strchr(p, '\n');
			size_t ll = nl ? (size_t)(nl - p) : strlen(p);
			char line[8192];
			if (ll >= sizeof line)
				ll = sizeof line - 1;
			memcpy(line, p, ll);
			line[ll] = 0;
			p = nl ? nl + 1 : NULL;
			char *tab = strchr(line, '\t');
			if (!tab)
				continue;
			*tab = 0;
			char *rest = tab + 1;
			if (pass == 0 && line[0] == 'T') {
				tl *t = &ts[nt];
				snprintf(t->id, sizeof t->id, "%.15s", line);
				char *sp = strchr(rest, ' ');
				char *tab2 = strchr(rest, '\t');
				if (!sp)
					continue;
				*sp = 0;
				if (tab2)
					*tab2 = 0;
				snprintf(t->label, sizeof t->label, "%s", rest);
				t->nf = S_frags(sp + 1, cp2b, ncp, t->f, 4);
				nt++;
			} else if (pass == 1 && line[0] == 'E') {
				rel *r = &o->r[o->nr];
				memset(r, 0, sizeof *r);
				for (char *tok = strtok(rest, " "); tok; tok = strtok(NULL, " ")) {
					char *colon = strchr(tok, ':');
					if (!colon)
						continue;
					*colon = 0;
					const tl *t = NULL;
					for (size_t k = 0; k < nt; k++)
						if (!strcmp(ts[k].id, colon + 1))
							t = &ts[k];
					if (!t)
						continue;
					if (!strcmp(tok, "Cue")) {
						memcpy(r->cue, t->f, sizeof r->cue);
						r->ncue = t->nf;
					} else if (!strcmp(tok, "Source")) {
						memcpy(r->src, t->f, sizeof r->src);
						r->nsrc = t->nf;
					} else if (!strncmp(tok, "Content", 7)) {
						for (int k = 0; k < t->nf && r->ncon < 4; k++)
							r->con[r->ncon++] = t->f[k];
					}
				}
				if (r->ncue && r->ncon)
					o->nr++;
			}
		}
	}
	free(ts);
	free(cp2b);
	free(a);
	/* the language layer up to entities */
	nlp_doc *d = &o->d;
	d->nlp = nlp;
	d->arena = ar;
	d->text = text;
	d->n = n;
	d->low = dsr__lower(ar, text, n);
	dsr__tokenize(d);
	dsr__sentences(d);
	dsr_timex *tx;
	size_t ntx;
	dsr_entity *ent;
	size_t ne;
	dsr__timex(d, &tx, &ntx);
	dsr__entities(d, tx, ntx, &ent, &ne);
	dsr__at_prepare(&o->c, d, ent, ne);
	o->cue = calloc(d->ntok + 1, sizeof *o->cue);
	for (size_t k = 0; k < o->nr; k++) {
		for (int g = 0; g < o->r[k].ncue; g++) {
			bool first = true;
			for (size_t i = 0; i < d->ntok; i++) {
				if (d->tok[i].start >= o->r[k].cue[g].s && d->tok[i].start < o->r[k].cue[g].e) {
					o->cue[i] = first ? 1 : 2;
					first = false;
				}
			}
		}
	}
}

/* Tokens [*cs, *ce) of the relation's first cue fragment; false if none. */
static bool S_cue_tokens(const tdoc *o, const rel *r, size_t *cs, size_t *ce)
{
	const nlp_doc *d = &o->d;
	size_t i = 0;
	while (i < d->ntok && d->tok[i].end <= r->cue[0].s)
		i++;
	if (i >= d->ntok || d->tok[i].start >= r->cue[0].e)
		return false;
	size_t j = i;
	while (j < d->ntok && d->tok[j].start < r->cue[0].e)
		j++;
	*cs = i;
	*ce = j;
	return true;
}

/* Gold role labels for tokens [ws, we). */
static void S_role_gold(const tdoc *o, const rel *r, size_t ws, size_t we, int *lab)
{
	const nlp_doc *d = &o->d;
	for (size_t i = ws; i < we; i++) {
		lab[i - ws] = AT_O;
		uint32_t s = d->tok[i].start;
		for (int k = 0; k < r->ncon; k++)
			if (s >= r->con[k].s && s < r->con[k].e)
				lab[i - ws] = AT_IC;
		for (int k = 0; k < r->nsrc; k++)
			if (s >= r->src[k].s && s < r->src[k].e)
				lab[i - ws] = AT_IS;
	}
	for (size_t i = we; i-- > ws;) {
		int l = lab[i - ws];
		if (l && (i == ws || lab[i - ws - 1] != l))
			lab[i - ws] = l - 1;
	}
}

static int S_seen(const void *set, uint32_t key)
{
	const pt_model *g = set;
	size_t h = pt_slot(g, key, false);
	return h == (size_t)-1 ? -1 : g->w[h] > 0;
}

/* The cue gate's verdicts (attrib.h): a lemma that begins at least GATE_MIN
 * gold cues of the training documents, in at least GATE_RATE of its uses,
 * passes; one seen at least GATE_SEEN times that does not is blocked. */
static void S_gate(const tdoc *docs, size_t nd, pt_model *gate)
{
	pt_model cnt;
	pt_init(&cnt, 2, 20);
	pt_init(gate, 1, 18);
	double rate = getenv("GATE_RATE") ? atof(getenv("GATE_RATE")) : 0.01;
	double min = getenv("GATE_MIN") ? atof(getenv("GATE_MIN")) : 2;
	double seen = getenv("GATE_SEEN") ? atof(getenv("GATE_SEEN")) : 20;
	for (size_t k = 0; k < nd; k++) {
		const tdoc *o = &docs[k];
		for (size_t i = 0; i < o->d.ntok; i++) {
			if (!o->c.lem[i])
				continue;
			size_t h = pt_slot(&cnt, o->c.lem[i], true);
			cnt.w[h * 2] += 1;
			cnt.w[h * 2 + 1] += o->cue[i] == 1;
		}
	}
	size_t npass = 0;
	for (size_t h = 0; h <= cnt.mask; h++) {
		float n = cnt.w[h * 2], b = cnt.w[h * 2 + 1];
		bool pass = b >= min && b >= rate * n;
		if (!cnt.keys[h] || (!pass && n < seen))
			continue;
		gate->w[pt_slot(gate, dsr__at_gate_key(cnt.keys[h]), true)] = pass ? 1 : -1;
		npass += pass;
	}
	fprintf(stderr, "cue gate: %zu lemmas pass, %zu blocked\n", npass, gate->n - npass);
}

int main(int argc, char **argv)
{
	int epochs = 6, a = 1;
	if (a + 1 < argc && !strcmp(argv[a], "-e")) {
		epochs = atoi(argv[a + 1]);
		a += 2;
	}
	if (argc - a != 3) {
		fprintf(stderr, "usage: attr_train [-e EPOCHS] DIR CUE.gz ROLE.gz\n");
		return 2;
	}
	const char *dir = argv[a];
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		return 1;
	char path[4096];
	snprintf(path, sizeof path, "%s/attributions", dir);
	DIR *dh = opendir(path);
	if (!dh) {
		fprintf(stderr, "attr_train: cannot open %s\n", path);
		return 1;
	}
	char **names = NULL;
	size_t nn = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dh))) {
		size_t l = strlen(de->d_name);
		if (l < 5 || strcmp(de->d_name + l - 4, ".ann"))
			continue;
		if (nn == cap) {
			cap = cap ? cap * 2 : 1024;
			names = realloc(names, cap * sizeof *names);
		}
		names[nn++] = strdup(de->d_name);
	}
	closedir(dh);
	qsort(names, nn, sizeof *names, S_strcmp);
	tdoc *docs = calloc(nn, sizeof *docs);
	size_t nd = 0;
	dsr_arena ar;
	dsr_arena_init(&ar);
	for (size_t k = 0; k < nn; k++) {
		char doc[1024];
		snprintf(doc, sizeof doc, "%s", names[k]);
		char *us = strrchr(doc, '_');
		if (!us)
			continue;
		*us = 0;
		if (nd && k > 0) {
			char prev[1024];
			snprintf(prev, sizeof prev, "%s", names[k - 1]);
			char *pu = strrchr(prev, '_');
			if (pu && (*pu = 0, !strcmp(prev, doc)))
				continue; /* a later annotator of the same document */
		}
		S_load(dir, doc, names[k], nlp, &ar, &docs[nd++]);
	}
	fprintf(stderr, "%zu documents\n", nd);
	size_t ntrain = nd - nd / 10;
	pt_model cue, role, gate;
	pt_init(&cue, AT_CUE_NL, 21);
	pt_init(&role, AT_ROLE_NL, 22);
	S_gate(docs, ntrain, &gate);
	uint32_t f[AT_MAXF];
	size_t *order = malloc(nd * sizeof *order);
	for (size_t i = 0; i < ntrain; i++)
		order[i] = i;
	uint64_t rng = 2024;
	int *lab = malloc(4096 * sizeof *lab);
	for (int ep = 0; ep < epochs; ep++) {
		for (size_t i = ntrain; i > 1; i--) {
			rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
			size_t j = (size_t)(rng >> 33) % i;
			size_t t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		size_t cerr = 0, ctot = 0, rerr = 0, rtot = 0;
		for (size_t oi = 0; oi < ntrain; oi++) {
			tdoc *o = &docs[order[oi]];
			int prev = 0;
			for (size_t i = 0; i < o->d.ntok; i++) {
				if (o->d.tok[i].flags & DSR_TK_SSTART)
					prev = 0;
				if (!prev && !dsr__at_gate(&o->c, i, S_seen, &gate))
					continue;
				size_t nf = dsr__at_cue_features(&o->c, i, prev, f);
				int p = pt_learn(&cue, f, nf, o->cue[i], prev, dsr__at_allowed);
				cerr += p != o->cue[i];
				ctot++;
				prev = p;
			}
			for (size_t k = 0; k < o->nr; k++) {
				size_t cs, ce, ws, we;
				if (!S_cue_tokens(o, &o->r[k], &cs, &ce))
					continue;
				dsr__at_window(&o->c, cs, ce, &ws, &we);
				if (we - ws > 4096)
					continue;
				S_role_gold(o, &o->r[k], ws, we, lab);
				prev = 0;
				for (size_t i = ws; i < we; i++) {
					if (i >= cs && i < ce) {
						prev = 0;
						continue;
					}
					size_t nf = dsr__at_role_features(&o->c, cs, ce, i, prev, f);
					int p = pt_learn(&role, f, nf, lab[i - ws], prev, dsr__at_allowed);
					rerr += p != lab[i - ws];
					rtot++;
					prev = p;
				}
			}
		}
		fprintf(stderr, "epoch %d: cue token error %.4f, role token error %.4f\n", ep + 1,
			(double)cerr / (double)ctot, (double)rerr / (double)rtot);
	}
	pt_average(&cue);
	pt_average(&role);
	cue.prune = role.prune = getenv("PRUNE") ? (float)atof(getenv("PRUNE")) : 1.0f;
	/* held out */
	size_t tp = 0, fp = 0, fn = 0, rok = 0, rt = 0;
	for (size_t di = ntrain; di < nd; di++) {
		tdoc *o = &docs[di];
		int prev = 0;
		for (size_t i = 0; i < o->d.ntok; i++) {
			if (o->d.tok[i].flags & DSR_TK_SSTART)
				prev = 0;
			int p = 0;
			if (prev || dsr__at_gate(&o->c, i, S_seen, &gate)) {
				size_t nf = dsr__at_cue_features(&o->c, i, prev, f);
				p = pt_predict(&cue, f, nf, prev, dsr__at_allowed);
			}
			tp += p && o->cue[i];
			fp += p && !o->cue[i];
			fn += !p && o->cue[i];
			prev = p;
		}
		for (size_t k = 0; k < o->nr; k++) {
			size_t cs, ce, ws, we;
			if (!S_cue_tokens(o, &o->r[k], &cs, &ce))
				continue;
			dsr__at_window(&o->c, cs, ce, &ws, &we);
			if (we - ws > 4096)
				continue;
			S_role_gold(o, &o->r[k], ws, we, lab);
			prev = 0;
			for (size_t i = ws; i < we; i++) {
				if (i >= cs && i < ce) {
					prev = 0;
					continue;
				}
				size_t nf = dsr__at_role_features(&o->c, cs, ce, i, prev, f);
				int p = pt_predict(&role, f, nf, prev, dsr__at_allowed);
				rok += (p + 1) / 2 == (lab[i - ws] + 1) / 2;
				rt++;
				prev = p;
			}
		}
	}
	double P = tp + fp ? (double)tp / (double)(tp + fp) : 0;
	double R = tp + fn ? (double)tp / (double)(tp + fn) : 0;
	printf("held-out: cue tokens P %.3f R %.3f F1 %.3f; role token accuracy %.3f\n", P, R,
	       P + R > 0 ? 2 * P * R / (P + R) : 0, rt ? (double)rok / (double)rt : 0);
	pt_mark(&cue, &gate);
	pt_write(&cue, "DSRCUE1", argv[a + 1]);
	pt_write(&role, "DSRROL1", argv[a + 2]);
	dsr_nlp_free(nlp);
	return 0;
}
