/*
 * analyze.c: runs the annotators over one article and writes the layers as
 * JSON (CONTRACT.md "Analysis").
 */
#include <stdio.h>
#include <string.h>

#include "dossier/json.h"
#include "nlp.h"

#define S_MAX_TEXT (16u << 20)

const char *dsr_etype_name(dsr_etype t)
{
	static const char *const names[] = {"",      "PERSON",    "ORG",   "GPE",  "LOC",
					    "FAC",   "NORP",      "EQUIPMENT", "EVENT", "OTHER"};
	return (unsigned)t < DSR_E__COUNT ? names[t] : "";
}

dsr_err dsr_analyze(const dsr_nlp *nlp, const dsr_article *a, dsr_arena *arena,
		    dsr_analysis *out)
{
	memset(out, 0, sizeof *out);
	out->text = a->text ? a->text : "";
	out->text_len = a->text ? a->text_len : 0;
	if (out->text_len > S_MAX_TEXT)
		return DSR_ETOOBIG;
	nlp_doc d = {.nlp = nlp, .arena = arena, .text = out->text, .n = out->text_len};
	d.low = dsr__lower(arena, d.text, d.n);
	dsr__tokenize(&d);
	dsr__sentences(&d);
	out->reference_from = a->published_from;
	if (a->published && strlen(a->published) >= 10 &&
	    sscanf(a->published, "%4d-%2d-%2d", &d.ref_y, &d.ref_m, &d.ref_d) == 3) {
		memcpy(out->reference, a->published, 10);
	} else {
		d.ref_y = d.ref_m = d.ref_d = 0;
		if (dsr__infer_reference(&d)) {
			char tmp[48];
			snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d.ref_y, d.ref_m, d.ref_d);
			memcpy(out->reference, tmp, 10);
			out->reference_from = "inferred";
		}
	}
	dsr__timex(&d, &out->times, &out->ntimes);
	dsr__quantities(&d, out->times, out->ntimes, &out->quantities, &out->nquantities);
	dsr__entities(&d, out->times, out->ntimes, &out->entities, &out->nentities);
#ifndef DSR_NO_ATTRIB /* bench/: the layer's time without attributions and claims */
	dsr__attributions(&d, out->entities, out->nentities, &out->attributions,
			  &out->nattributions);
#endif
	out->tokens = d.tok;
	out->ntokens = d.ntok;
	out->sentences = d.sent;
	out->nsentences = d.nsent;
#ifndef DSR_NO_ATTRIB
	dsr__claims(&d, out);
#endif
	return DSR_OK;
}

static dsr_err S_span(dsr_buf *o, dsr_span sp)
{
	return dsr_buf_addf(o, "\"start\":%u,\"end\":%u", sp.start, sp.end);
}

static dsr_err S_text(dsr_buf *o, const dsr_analysis *an, dsr_span sp)
{
	dsr_err e = dsr_buf_adds(o, ",\"text\":");
	return e ? e : dsr_json_str(o, an->text + sp.start, sp.end - sp.start);
}

/* The members "text", "kind" and "canonical" of a teller. */
static dsr_err S_teller(dsr_buf *o, const dsr_analysis *an, const dsr_teller *t)
{
	dsr_err e = dsr_buf_adds(o, "\"text\":");
	e = e ? e : dsr_json_str(o, an->text + t->sp.start, t->sp.end - t->sp.start);
	e = e ? e : dsr_buf_addf(o, ",\"kind\":\"%s\",\"canonical\":", dsr_skind_name(t->kind));
	return e ? e : dsr_json_strz(o, t->canonical ? t->canonical : "");
}

dsr_err dsr_quantity_json_members(const dsr_quantity *x, dsr_buf *o)
{
	static const char *const qkind[] = {"COUNT", "MONEY", "PERCENT", "MEASURE"};
	static const char *const bound[] = {"exact", "about", "up_to", "at_least",
					    "more_than", "less_than", "range"};
	dsr_err e = dsr_buf_addf(o, ",\"kind\":\"%s\",\"value\":", qkind[x->kind]);
	e = e ? e : dsr_json_num(o, x->value);
	if (!e && x->bound == DSR_B_RANGE) {
		e = dsr_buf_adds(o, ",\"low\":");
		e = e ? e : dsr_json_num(o, x->low);
		e = e ? e : dsr_buf_adds(o, ",\"high\":");
		e = e ? e : dsr_json_num(o, x->high);
	}
	e = e ? e : dsr_buf_addf(o, ",\"bound\":\"%s\"", bound[x->bound]);
	if (!e && x->unit) {
		e = dsr_buf_adds(o, ",\"unit\":");
		e = e ? e : dsr_json_strz(o, x->unit);
	}
	return e;
}

dsr_err dsr_analysis_json_members(const dsr_analysis *an, dsr_buf *o)
{
	static const char *const ttype[] = {"DATE", "TIME", "DURATION", "SET"};
	dsr_err e = 0;
	if (an->reference[0]) {
		e = dsr_buf_addf(o, "\"reference\":\"%s\",", an->reference);
		if (!e && an->reference_from && !strcmp(an->reference_from, "inferred"))
			e = dsr_buf_adds(o, "\"reference_from\":\"inferred\",");
	}
	e = e ? e : dsr_buf_adds(o, "\"sentences\":[");
	for (size_t i = 0; !e && i < an->nsentences; i++) {
		e = dsr_buf_adds(o, i ? ",{" : "{");
		e = e ? e : S_span(o, an->sentences[i]);
		e = e ? e : dsr_buf_addc(o, '}');
	}
	e = e ? e : dsr_buf_adds(o, "],\"entities\":[");
	for (size_t i = 0; !e && i < an->nentities; i++) {
		const dsr_entity *x = &an->entities[i];
		e = dsr_buf_adds(o, i ? ",{" : "{");
		e = e ? e : S_span(o, x->sp);
		e = e ? e : S_text(o, an, x->sp);
		e = e ? e : dsr_buf_addf(o, ",\"type\":\"%s\",\"canonical\":", dsr_etype_name(x->type));
		e = e ? e : dsr_json_strz(o, x->canonical ? x->canonical : "");
		e = e ? e : dsr_buf_addc(o, '}');
	}
	e = e ? e : dsr_buf_adds(o, "],\"times\":[");
	for (size_t i = 0; !e && i < an->ntimes; i++) {
		const dsr_timex *x = &an->times[i];
		e = dsr_buf_adds(o, i ? ",{" : "{");
		e = e ? e : S_span(o, x->sp);
		e = e ? e : S_text(o, an, x->sp);
		e = e ? e : dsr_buf_addf(o, ",\"type\":\"%s\",\"value\":", ttype[x->type]);
		e = e ? e : dsr_json_strz(o, x->value);
		if (!e && x->mod)
			e = dsr_buf_addf(o, ",\"mod\":\"%s\"", x->mod);
		e = e ? e : dsr_buf_addc(o, '}');
	}
	e = e ? e : dsr_buf_adds(o, "],\"quantities\":[");
	for (size_t i = 0; !e && i < an->nquantities; i++) {
		const dsr_quantity *x = &an->quantities[i];
		e = dsr_buf_adds(o, i ? ",{" : "{");
		e = e ? e : S_span(o, x->sp);
		e = e ? e : S_text(o, an, x->sp);
		e = e ? e : dsr_quantity_json_members(x, o);
		e = e ? e : dsr_buf_addc(o, '}');
	}
	e = e ? e : dsr_buf_adds(o, "],\"attributions\":[");
	for (size_t i = 0; !e && i < an->nattributions; i++) {
		const dsr_attribution *x = &an->attributions[i];
		e = dsr_buf_adds(o, i ? ",{\"cue\":{" : "{\"cue\":{");
		e = e ? e : S_span(o, x->cue);
		e = e ? e : S_text(o, an, x->cue);
		e = e ? e : dsr_buf_adds(o, "},\"source\":");
		if (!e && x->has_source) {
			e = dsr_buf_addc(o, '{');
			e = e ? e : S_span(o, x->source.sp);
			e = e ? e : dsr_buf_addc(o, ',');
			e = e ? e : S_teller(o, an, &x->source);
			e = e ? e : dsr_buf_addc(o, '}');
		} else if (!e) {
			e = dsr_buf_adds(o, "null");
		}
		e = e ? e : dsr_buf_adds(o, ",\"content\":{");
		e = e ? e : S_span(o, x->content);
		e = e ? e : dsr_buf_addc(o, '}');
		if (!e && x->nparts > 1) {
			e = dsr_buf_adds(o, ",\"content_parts\":[");
			for (size_t p = 0; !e && p < x->nparts; p++) {
				e = dsr_buf_adds(o, p ? ",{" : "{");
				e = e ? e : S_span(o, x->parts[p]);
				e = e ? e : dsr_buf_addc(o, '}');
			}
			e = e ? e : dsr_buf_addc(o, ']');
		}
		e = e ? e : dsr_buf_adds(o, ",\"chain\":[");
		for (size_t k = 0; !e && k < x->nchain; k++) {
			e = dsr_buf_adds(o, k ? ",{" : "{");
			e = e ? e : S_teller(o, an, &x->chain[k]);
			e = e ? e : dsr_buf_addc(o, '}');
		}
		e = e ? e : dsr_buf_adds(o, "]}");
	}
	e = e ? e : dsr_buf_adds(o, "],\"claims\":[");
	for (size_t i = 0; !e && i < an->nclaims; i++) {
		const dsr_claim *c = &an->claims[i];
		e = dsr_buf_addf(o, "%s{\"id\":\"c%zu\",\"sentence\":{", i ? "," : "", i + 1);
		e = e ? e : S_span(o, c->sentence);
		e = e ? e : dsr_buf_adds(o, "},\"clause\":{");
		e = e ? e : S_span(o, c->clause);
		e = e ? e : dsr_buf_adds(o, "},\"actor\":");
		e = e ? e : dsr_json_strz(o, c->actor);
		e = e ? e : dsr_buf_adds(o, ",\"action\":");
		e = e ? e : dsr_json_strz(o, c->action);
		e = e ? e : dsr_buf_adds(o, ",\"theme\":");
		e = e ? e : dsr_json_strz(o, c->theme);
		e = e ? e : dsr_buf_adds(o, ",\"quantities\":[");
		for (size_t k = 0; !e && k < c->nquantities; k++)
			e = dsr_buf_addf(o, "%s%u", k ? "," : "", c->quantities[k]);
		e = e ? e : dsr_buf_adds(o, "],\"times\":[");
		for (size_t k = 0; !e && k < c->ntimes; k++)
			e = dsr_buf_addf(o, "%s%u", k ? "," : "", c->times[k]);
		e = e ? e : dsr_buf_adds(o, "],\"places\":[");
		for (size_t k = 0; !e && k < c->nplaces; k++) {
			e = k ? dsr_buf_addc(o, ',') : 0;
			e = e ? e : dsr_json_strz(o, c->places[k]);
		}
		if (!e && c->attribution >= 0)
			e = dsr_buf_addf(o, "],\"attribution\":%ld", c->attribution);
		else if (!e)
			e = dsr_buf_adds(o, "],\"attribution\":null");
		e = e ? e : dsr_buf_addf(o, ",\"negated\":%s,\"hedged\":%s}",
					 c->negated ? "true" : "false", c->hedged ? "true" : "false");
	}
	return e ? e : dsr_buf_addc(o, ']');
}
