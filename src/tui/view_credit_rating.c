/*
 * view_credit_rating.c - why a customer is the grade it is: where it
 * stands (limit, exposure, hold), the scorecard as credo would score it
 * today with every factor and input, the basis and the suggested limit,
 * and the credit history. `r` rates and stores the rating, `F` files new
 * statements, `n` requests a limit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_money.h"
#include "tui_theme.h"
#include "tui_view.h"
#include "tui_width.h"
#include "i18n.h"

struct rating_view {
	struct tui *t;
	int64_t id;
	char customer[320], label[64];
	struct tui_doc doc;
	credo_money new_amount;
};

enum { RF_NAME, RF_WEIGHT, RF_VALUE, RF_SCORE, RF_COUNT };
static const struct tui_column factor_cols[RF_COUNT] = {
	[RF_NAME] = { .title = N_("Factor / input"), .width = 32 },
	[RF_WEIGHT] = { .title = N_("Weight"), .width = 6, .right = 1 },
	[RF_VALUE] = { .title = N_("Value"), .width = 12, .right = 1 },
	[RF_SCORE] = { .title = N_("Score"), .width = 7, .right = 1 },
};

enum { HI_DATE, HI_WHAT, HI_WHO, HI_TEXT, HI_COUNT };
static const struct tui_column history_cols[HI_COUNT] = {
	[HI_DATE] = { .title = N_("Date"), .width = 10 },
	[HI_WHAT] = { .title = N_("What"), .width = 11 },
	[HI_WHO] = { .title = N_("By"), .width = 9 },
	[HI_TEXT] = { .title = N_("Details"), .width = 20, .grow = 1 },
};

static void score_format(int hundredths, char *buf, size_t len)
{
	snprintf(buf, len, "%d.%02d", hundredths / 100, hundredths % 100);
}

static int input_is_ratio(const char *name)
{
	static const char *const ratios[] = { "current ratio", "interest coverage", "debt-to-asset", "cash ratio",
					      "share overdue" };

	for (size_t i = 0; i < sizeof ratios / sizeof ratios[0]; i++)
		if (strcmp(name, ratios[i]) == 0)
			return 1;
	return 0;
}

/*
 * An input's value (thousandths from the core): ratios and shares to three
 * decimals, the sales trend as a percentage, days, counts and marks whole
 * (days late to one decimal).
 */
static void input_format(const credo_credit_input *in, char *buf, size_t len)
{
	const char *n = in->name ? in->name : "";
	int64_t v = in->value < 0 ? -in->value : in->value;
	const char *sign = in->value < 0 ? "-" : "";

	if (!in->has_data) {
		snprintf(buf, len, "%s", _("no data"));
	} else if (in->value == -1) {
		snprintf(buf, len, "%s", _("none owed"));
	} else if (input_is_ratio(n)) {
		snprintf(buf, len, "%s%lld.%03lld", sign, (long long)(v / 1000), (long long)(v % 1000));
	} else if (strchr(n, '%')) {
		snprintf(buf, len, "%s%lld.%lld%%", sign, (long long)(v / 1000), (long long)(v % 1000 / 100));
	} else if (v % 1000 == 0) {
		snprintf(buf, len, "%s%lld", sign, (long long)(v / 1000));
	} else {
		snprintf(buf, len, "%s%lld.%lld", sign, (long long)(v / 1000), (long long)(v % 1000 / 100));
	}
}

static int rating_customer(const credo_customer *c, void *ctx)
{
	struct rating_view *v = ctx;

	snprintf(v->customer, sizeof v->customer, "%s  %s", c->code, c->name);
	snprintf(v->label, sizeof v->label, _("Credit %s"), c->code);
	return 0;
}

static int rating_event(const credo_credit_event *e, void *ctx)
{
	struct rating_view *v = ctx;
	char date[CREDO_DATE_BUFSZ];

	snprintf(date, sizeof date, "%.10s", e->date);
	const char *cells[HI_COUNT] = { date, tui_word(e->what), e->who, e->text };
	tui_doc_row(&v->doc, history_cols, HI_COUNT, cells, TUI_S_NORMAL);
	return 0;
}

static void rating_status(struct rating_view *v)
{
	credo_credit_status cs;
	char buf[512], a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ], c[CREDO_MONEY_BUFSZ];

	if (credo_credit_status_of(tui_db(v->t), v->id, &cs) != CREDO_OK)
		return;
	tui_doc_head(&v->doc, _("Where it stands"));
	if (cs.grade)
		snprintf(buf, sizeof buf, _("grade %c, score %d (stored rating)%s"), cs.grade, cs.score,
			 cs.veto ? _("; reputation veto") : "");
	else
		snprintf(buf, sizeof buf, "%s", _("never rated: no credit sale until it is"));
	tui_doc_pair(&v->doc, _("Rating"), buf, cs.grade ? TUI_S_NORMAL : TUI_S_ERROR);
	if (cs.has_limit) {
		tui_doc_pair(&v->doc, _("Limit"), tui_money(cs.limit, a, sizeof a), TUI_S_NORMAL);
		snprintf(buf, sizeof buf, _("%s (%d%% of the limit)"), tui_money(cs.exposure, b, sizeof b),
			 cs.utilisation);
		tui_doc_pair(&v->doc, _("Exposure"), buf, TUI_S_NORMAL);
		tui_doc_pair(&v->doc, _("Available"), tui_money(cs.available, c, sizeof c),
			     cs.available >= 0 ? TUI_S_NORMAL : TUI_S_ERROR);
	} else {
		tui_doc_pair(&v->doc, _("Limit"), _("no approved limit: no credit sale"), TUI_S_ERROR);
		tui_doc_pair(&v->doc, _("Exposure"), tui_money(cs.exposure, b, sizeof b), TUI_S_NORMAL);
	}
	if (cs.on_hold) {
		snprintf(buf, sizeof buf, _("ON HOLD: an invoice is %d days overdue"), cs.max_days_overdue);
		tui_doc_pair(&v->doc, _("Hold"), buf, TUI_S_ERROR);
	}
	if (cs.next_review[0])
		tui_doc_pair(&v->doc, _("Next review"), cs.next_review, TUI_S_NORMAL);
}

static void rating_scorecard(struct rating_view *v, const credo_credit_rating *r)
{
	char buf[512], w[16], s[16], val[32], a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ];

	tui_doc_blank(&v->doc);
	snprintf(buf, sizeof buf, _("Scored today: %d, grade %c%s"), r->score, r->grade,
		 r->veto ? _(" (reputation veto: D whatever the score)") : "");
	tui_doc_head(&v->doc, buf);
	tui_doc_cols(&v->doc, factor_cols, RF_COUNT);
	for (int f = 0; f < 4; f++) {
		const credo_credit_factor *fc = &r->factors[f];
		snprintf(w, sizeof w, "%d", fc->weight);
		score_format(fc->score, s, sizeof s);
		snprintf(buf, sizeof buf, "%s%s", gettext(fc->name), fc->has_data ? "" : _(" (no data: neutral)"));
		const char *cells[RF_COUNT] = { buf, w, "", s };
		tui_doc_row(&v->doc, factor_cols, RF_COUNT, cells, TUI_S_LABEL);
		for (int i = fc->first_input; i < fc->first_input + fc->ninputs && i < r->ninputs; i++) {
			const credo_credit_input *in = &r->inputs[i];
			char name[128];
			snprintf(name, sizeof name, "  %s", gettext(in->name));
			input_format(in, val, sizeof val);
			if (in->has_data)
				score_format(in->score, s, sizeof s);
			else
				snprintf(s, sizeof s, "-");
			const char *ic[RF_COUNT] = { name, "", val, s };
			tui_doc_row(&v->doc, factor_cols, RF_COUNT, ic, in->has_data ? TUI_S_NORMAL : TUI_S_HINT);
		}
	}
	tui_doc_blank(&v->doc);
	if (r->working_capital != CREDO_MONEY_NONE || r->net_assets != CREDO_MONEY_NONE) {
		snprintf(buf, sizeof buf, _("the lesser of working capital %s and net assets %s: %s"),
			 r->working_capital != CREDO_MONEY_NONE ? tui_money(r->working_capital, a, sizeof a) : "-",
			 r->net_assets != CREDO_MONEY_NONE ? tui_money(r->net_assets, b, sizeof b) : "-",
			 tui_money(r->basis, val, sizeof val));
		tui_doc_pair(&v->doc, _("Basis"), buf, TUI_S_NORMAL);
	} else {
		tui_doc_pair(&v->doc, _("Basis"), _("no financial statements on file (F to file them)"), TUI_S_ERROR);
	}
	snprintf(buf, sizeof buf, _("%d%% x %s = %s"), r->policy_pct, tui_money(r->basis, a, sizeof a),
		 tui_money(r->suggested, b, sizeof b));
	tui_doc_pair(&v->doc, _("Suggested limit"), buf, TUI_S_EMPHASIS);
	if (r->policy_discount > 0)
		snprintf(buf, sizeof buf, _("%d days; %d%% discount within %d days"), r->policy_term,
			 r->policy_discount, r->policy_discount_days);
	else
		snprintf(buf, sizeof buf, _("%d days"), r->policy_term);
	tui_doc_pair(&v->doc, _("Payment term"), buf, TUI_S_NORMAL);
	tui_doc_pair(&v->doc, _("Review by"), r->next_review, TUI_S_NORMAL);
}

static int rating_load(struct rating_view *v)
{
	credo_db *db = tui_db(v->t);
	credo_credit_rating r;
	credo_status st;

	tui_doc_clear(&v->doc);
	rating_status(v);
	st = credo_credit_evaluate(db, v->id, NULL, &r);
	if (st == CREDO_OK) {
		rating_scorecard(v, &r);
	} else {
		const char *m = credo_errmsg(db);
		tui_doc_blank(&v->doc);
		tui_doc_text(&v->doc, TUI_S_ERROR, m && *m ? m : credo_status_str(st));
	}
	tui_doc_blank(&v->doc);
	tui_doc_head(&v->doc, _("Credit history"));
	tui_doc_cols(&v->doc, history_cols, HI_COUNT);
	int before = v->doc.n;
	st = credo_credit_history(db, v->id, rating_event, v);
	if (st != CREDO_OK && st != CREDO_DONE) {
		tui_core_error(v->t, st);
		return -1;
	}
	if (v->doc.n == before)
		tui_doc_text(&v->doc, TUI_S_HINT, _("Nothing yet."));
	if (v->doc.failed) {
		tui_message(v->t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	return 0;
}

static void rating_close(void *state)
{
	struct rating_view *v = state;

	if (!v)
		return;
	tui_doc_free(&v->doc);
	free(v);
}

static int rating_open(struct tui *t, const void *arg, void **state)
{
	struct rating_view *v = calloc(1, sizeof *v);
	credo_status st;

	if (!v) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("Out of memory."));
		return -1;
	}
	v->t = t;
	v->id = *(const int64_t *)arg;
	st = credo_customer_get(tui_db(t), v->id, rating_customer, v);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		free(v);
		return -1;
	}
	if (rating_load(v) != 0) {
		rating_close(v);
		return -1;
	}
	*state = v;
	return 0;
}

static const char *rating_label(void *state)
{
	return ((struct rating_view *)state)->label;
}

static void rating_draw(struct tui *t, void *state, struct tui_rect r)
{
	struct rating_view *v = state;
	char head[400];

	(void)t;
	snprintf(head, sizeof head, _("Credit of %s"), v->customer);
	tui_put(stdscr, r.y, r.x + 1, head, r.w - 2, tui_attr(TUI_S_EMPHASIS), TUI_FIT_MARK);
	tui_doc_draw(&v->doc, (struct tui_rect){ .y = r.y + 2, .x = r.x, .h = r.h - 2, .w = r.w });
}

static void rating_request_reason(struct tui *t, void *ctx, const char *text)
{
	struct rating_view *v = ctx;
	char reason[TUI_EDIT_MAX * 4 + 1];
	int64_t id = 0;

	if (!text)
		return;
	snprintf(reason, sizeof reason, "%s", text);
	credo_credit_request_new in = {
		.customer_id = v->id,
		.amount = v->new_amount,
		.kind = CREDO_LIMIT_STANDING,
		.reason = tui_trim(reason),
	};
	credo_status st = credo_credit_request(tui_db(t), &in, &id);
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return;
	}
	rating_load(v);
	tui_message(t, TUI_MSG_INFO, _("Request #%lld filed; the credit manager decides it."), (long long)id);
}

static void rating_request_amount(struct tui *t, void *ctx, const char *text)
{
	struct rating_view *v = ctx;

	if (!text || tui_parse_amount(t, text, &v->new_amount) != 0)
		return;
	tui_prompt(t, _("Reason:"), "", rating_request_reason, v);
}

static int rating_handle(struct tui *t, void *state, enum tui_action act, tui_key key)
{
	struct rating_view *v = state;
	credo_credit_rating r;

	(void)key;
	if (tui_doc_action(&v->doc, act))
		return TUI_DONE;
	switch (act) {
	case TUI_ACT_RATE: {
		if (tui_allowed(t, CREDO_PERM_CREDIT_DECIDE) != 0)
			return TUI_DONE;
		credo_status st = credo_credit_rate(tui_db(t), v->id, &r, NULL);
		if (st != CREDO_OK) {
			tui_core_error(t, st);
			return TUI_DONE;
		}
		rating_load(v);
		tui_message(t, TUI_MSG_INFO, _("Rating stored: score %d, grade %c; suggested limit in the breakdown."),
			    r.score, r.grade);
		return TUI_DONE;
	}
	case TUI_ACT_CREDIT_FILE:
		tui_push(t, "credit_file", &v->id);
		return TUI_DONE;
	case TUI_ACT_NEW:
		if (tui_allowed(t, CREDO_PERM_CREDIT_REQUEST) == 0)
			tui_prompt(t, _("Limit requested:"), "", rating_request_amount, v);
		return TUI_DONE;
	default:
		return TUI_PASS;
	}
}

static void rating_resume(struct tui *t, void *state, const struct tui_result *res)
{
	(void)t;
	(void)res;
	rating_load(state);
}

const struct tui_view_ops tui_view_credit_rating = {
	.name = "credit_rating",
	.title = N_("Rating"),
	.actions = TUI_A(UP) | TUI_A(DOWN) | TUI_A(PGUP) | TUI_A(PGDN) | TUI_A(HOME) | TUI_A(END) |
		   TUI_A(RATE) | TUI_A(CREDIT_FILE) | TUI_A(NEW),
	.open = rating_open,
	.draw = rating_draw,
	.handle = rating_handle,
	.resume = rating_resume,
	.label = rating_label,
	.close = rating_close,
};
