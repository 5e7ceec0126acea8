/*
 * view_sales.c - words, checks, the customer picker and the credit line
 * shared by the sales screens.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tui_theme.h"
#include "tui_width.h"
#include "view_sales.h"
#include "i18n.h"

/* ---- text ---- */

void sales_trim(char *s)
{
	size_t lead = strspn(s, " "), n;

	memmove(s, s + lead, strlen(s + lead) + 1);
	for (n = strlen(s); n > 0 && s[n - 1] == ' '; n--)
		s[n - 1] = '\0';
}

int sales_blank(const char *s)
{
	return s[strspn(s, " ")] == '\0';
}

const char *sales_field(const struct tui_form *f, int i, char *buf, size_t len)
{
	tui_form_text(f, i, buf, len);
	sales_trim(buf);
	return buf[0] ? buf : NULL;
}

/* ---- words ---- */

static const struct {
	const char *value, *label;
} sales_words[] = {
	/* visit kinds */
	{ "visit", N_("visit") },
	{ "phone", N_("phone call") },
	{ "email", N_("email") },
	{ "meeting", N_("meeting") },
	{ "credit_visit", N_("joint credit visit") },
	/* contact roles */
	{ "decision_maker", N_("decision maker") },
	{ "purchasing", N_("purchasing") },
	{ "finance", N_("finance") },
	{ "insider", N_("insider") },
	{ "other", N_("other") },
	/* complaints */
	{ "quality", N_("quality") },
	{ "service", N_("service") },
	{ "delivery", N_("delivery") },
	{ "billing", N_("billing") },
	{ "open", N_("open") },
	{ "in_progress", N_("in progress") },
	{ "resolved", N_("resolved") },
	{ "closed", N_("closed") },
	/* customers */
	{ "end_customer", N_("end customer") },
	{ "distributor", N_("distributor") },
	{ "partner", N_("partner") },
	{ "prospect", N_("prospect") },
	{ "evaluated", N_("evaluated") },
	{ "active", N_("active") },
	{ "at_risk", N_("at risk") },
	{ "lost", N_("lost") },
	{ "won_back", N_("won back") },
	/* leads */
	{ "new", N_("new") },
	{ "contacted", N_("contacted") },
	{ "qualified", N_("qualified") },
	{ "converted", N_("converted") },
	/* history */
	{ "owner", N_("owner") },
	{ "category", N_("category") },
	{ "status", N_("status") },
	{ "reputation", N_("reputation") },
	{ "yes", N_("yes") },
	{ "no", N_("no") },
};

const char *sales_word(const char *v)
{
	if (!v)
		return "";
	for (size_t i = 0; i < sizeof sales_words / sizeof sales_words[0]; i++)
		if (strcmp(v, sales_words[i].value) == 0)
			return gettext(sales_words[i].label);
	return v;
}

const char *const sales_visit_kinds[] = { "visit", "phone", "email", "meeting", "credit_visit", NULL };
const char *const sales_visit_kind_labels[] = {
	N_("visit"), N_("phone call"), N_("email"), N_("meeting"), N_("joint credit visit"), NULL,
};
const char *const sales_contact_roles[] = {
	"other", "decision_maker", "purchasing", "finance", "insider", NULL,
};
const char *const sales_contact_role_labels[] = {
	N_("other"), N_("decision maker"), N_("purchasing"), N_("finance"), N_("insider"), NULL,
};
const char *const sales_complaint_kinds[] = { "quality", "service", "delivery", "billing", NULL };
const char *const sales_complaint_kind_labels[] = {
	N_("quality"), N_("service"), N_("delivery"), N_("billing"), NULL,
};
const char *const sales_customer_types[] = { "end_customer", "distributor", "partner", NULL };
const char *const sales_customer_type_labels[] = {
	N_("end customer"), N_("distributor"), N_("partner"), NULL,
};
const char *const sales_yes_no[] = { "no", "yes", NULL };
const char *const sales_yes_no_labels[] = { N_("no"), N_("yes"), NULL };
const char *const sales_lead_statuses[] = { "new", "contacted", "qualified", "lost", NULL };
const char *const sales_lead_status_labels[] = {
	N_("new"), N_("contacted"), N_("qualified"), N_("lost"), NULL,
};
const char *const sales_customer_statuses[] = {
	"prospect", "evaluated", "active", "at_risk", "lost", "won_back", NULL,
};
const char *const sales_customer_status_labels[] = {
	N_("prospect"), N_("evaluated"), N_("active"), N_("at risk"), N_("lost"), N_("won back"), NULL,
};

/* 1 if s starts with the len bytes of p, ignoring case for Latin letters. */
static int sales_starts(const char *s, const char *p, size_t len)
{
	return strlen(s) >= len && strncasecmp(s, p, len) == 0;
}

const char *sales_match(const char *text, const char *const *words)
{
	char t[128];
	const char *found = NULL;
	int n = 0;

	snprintf(t, sizeof t, "%s", text ? text : "");
	sales_trim(t);
	size_t len = strlen(t);
	if (!len)
		return NULL;
	for (int i = 0; words[i]; i++) {
		const char *w = sales_word(words[i]);
		if (strcasecmp(t, words[i]) == 0 || strcasecmp(t, w) == 0)
			return words[i];	/* exact beats any prefix */
		if (sales_starts(words[i], t, len) || sales_starts(w, t, len)) {
			found = words[i];
			n++;
		}
	}
	return n == 1 ? found : NULL;
}

char *sales_list_words(const char *const *values, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (int i = 0; values[i] && used < len; i++) {
		int w = snprintf(buf + used, len - used, "%s%s", i ? ", " : "", sales_word(values[i]));
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return buf;
}

/* ---- checks ---- */

int sales_check_required(const char *text, char *msg, size_t len)
{
	if (sales_blank(text)) {
		snprintf(msg, len, "%s", _("This field is required."));
		return -1;
	}
	return 0;
}

int sales_check_date_opt(const char *text, char *msg, size_t len)
{
	const char *why = NULL;
	credo_date d;

	if (sales_blank(text))
		return 0;
	if (credo_date_parse(text, &d, &why) != CREDO_OK) {
		snprintf(msg, len, _("A date is YYYY-MM-DD: %s."), why ? why : _("not a date"));
		return -1;
	}
	return 0;
}

int sales_check_date(const char *text, char *msg, size_t len)
{
	if (sales_blank(text)) {
		snprintf(msg, len, "%s", _("A date is required (YYYY-MM-DD)."));
		return -1;
	}
	return sales_check_date_opt(text, msg, len);
}

int sales_check_phone(const char *text, char *msg, size_t len)
{
	int digits = 0;

	for (const char *p = text; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!strchr(" +-()/", *p)) {
			snprintf(msg, len, "%s", _("A phone number holds only digits, spaces and + - ( ) /."));
			return -1;
		}
	}
	if (digits > 0 && digits < 5) {
		snprintf(msg, len, "%s", _("A phone number has at least 5 digits."));
		return -1;
	}
	return 0;
}

int sales_check_email(const char *text, char *msg, size_t len)
{
	const char *at = strchr(text, '@');

	if (sales_blank(text))
		return 0;
	if (!at || at == text || !strchr(at, '.') || strchr(text, ' ') || strchr(at + 1, '@')) {
		snprintf(msg, len, "%s", _("An email address looks like name@example.com."));
		return -1;
	}
	return 0;
}

int sales_check_money(const char *text, char *msg, size_t len)
{
	const char *why = NULL;
	credo_money m;

	if (sales_blank(text)) {
		snprintf(msg, len, "%s", _("An amount is required, such as 120,000 or 1234.50."));
		return -1;
	}
	if (credo_money_parse(text, &m, &why) != CREDO_OK) {
		snprintf(msg, len, _("Not an amount: %s."), why ? why : _("use digits, such as 1,234.50"));
		return -1;
	}
	if (m < 0) {
		snprintf(msg, len, "%s", _("The amount cannot be negative."));
		return -1;
	}
	return 0;
}

int sales_yes(const char *text)
{
	char t[32];

	snprintf(t, sizeof t, "%s", text ? text : "");
	sales_trim(t);
	if (!strcasecmp(t, "y") || !strcasecmp(t, "yes") || !strcmp(t, "是") || !strcmp(t, _("yes")))
		return 1;
	if (!strcasecmp(t, "n") || !strcasecmp(t, "no") || !strcmp(t, "否") || !strcmp(t, _("no")))
		return 0;
	return -1;
}

int sales_check_yes_no(const char *text, char *msg, size_t len)
{
	if (sales_yes(text) < 0) {
		snprintf(msg, len, "%s", _("Answer y (yes) or n (no)."));
		return -1;
	}
	return 0;
}

char *sales_today(char *buf)
{
	return credo_date_format(credo_today(), buf, CREDO_DATE_BUFSZ);
}

char *sales_money(credo_money v, char *buf, size_t len)
{
	return credo_money_format(v, 1, buf, len);
}

int sales_allowed(struct tui *t, credo_perm p)
{
	credo_status st = credo_require(tui_db(t), p);

	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return -1;
	}
	return 0;
}

/* ---- opportunity stage and loss ---- */

#define STAGES_MAX 16

/*
 * The stages as the last S or L read them, and the opportunity it was
 * about; the choose screen copies what it shows and gets the id back, so a
 * second stage screen in another tab cannot mix them up. Whether a stage
 * is lost is configuration, the same for both.
 */
static struct {
	int64_t id;
	int found;
	char stage[64];
	char about[512];
	char names[STAGES_MAX][64];
	char labels[STAGES_MAX][80];
	char outcome[STAGES_MAX][8];
	const char *values[STAGES_MAX + 1];
	const char *shown[STAGES_MAX + 1];
} sales_stage;

static int sales_stage_row(const credo_stage *st, void *ctx)
{
	int n = 0;

	(void)ctx;
	while (sales_stage.values[n])
		n++;
	if (n >= STAGES_MAX)
		return 0;
	snprintf(sales_stage.names[n], sizeof sales_stage.names[n], "%s", st->name);
	snprintf(sales_stage.labels[n], sizeof sales_stage.labels[n], "%s (%d%%)", st->name, st->probability);
	snprintf(sales_stage.outcome[n], sizeof sales_stage.outcome[n], "%s", st->outcome);
	sales_stage.values[n] = sales_stage.names[n];
	sales_stage.shown[n] = sales_stage.labels[n];
	sales_stage.values[n + 1] = sales_stage.shown[n + 1] = NULL;
	return 0;
}

static int sales_stage_lost(const char *value)
{
	for (int i = 0; sales_stage.values[i]; i++)
		if (strcmp(sales_stage.values[i], value) == 0)
			return strcmp(sales_stage.outcome[i], "lost") == 0;
	return 0;
}

static int sales_stage_find(const credo_opportunity *o, void *ctx)
{
	char amount[CREDO_MONEY_BUFSZ];

	(void)ctx;
	if (o->id != sales_stage.id)
		return 0;
	sales_stage.found = 1;
	snprintf(sales_stage.stage, sizeof sales_stage.stage, "%s", o->stage);
	snprintf(sales_stage.about, sizeof sales_stage.about, "%s %s: %s, %s, %s %d%%", o->customer_code,
		 o->customer_name, o->description, sales_money(o->amount, amount, sizeof amount),
		 o->stage, o->probability);
	return 1;
}

static int sales_stage_apply(struct tui *t, void *ctx, int64_t id, const char *value, const char *note)
{
	int lost = sales_stage_lost(value);
	credo_status st = lost ? credo_opportunity_lose(tui_db(t), id, note)
			       : credo_opportunity_set_stage(tui_db(t), id, value);

	(void)ctx;
	if (st != CREDO_OK) {
		tui_core_error(t, st);
		return -1;
	}
	if (lost)
		tui_message(t, TUI_MSG_INFO, "%s", _("Marked lost, with the reason."));
	else
		tui_message(t, TUI_MSG_INFO, _("Stage is now %s."), value);
	return 0;
}

void sales_opportunity_stage(struct tui *t, int64_t id, int lose)
{
	const char *lost = NULL;

	if (sales_allowed(t, CREDO_PERM_SALES_ACTIVITY) != 0)
		return;
	sales_stage.id = id;
	sales_stage.found = 0;
	sales_stage.values[0] = sales_stage.shown[0] = NULL;
	credo_status st = credo_stage_list(tui_db(t), sales_stage_row, NULL);
	if (st == CREDO_OK)
		st = credo_opportunity_list(tui_db(t), NULL, sales_stage_find, NULL);
	if (st != CREDO_OK && st != CREDO_STOP) {
		tui_core_error(t, st);
		return;
	}
	if (!sales_stage.found || !sales_stage.values[0]) {
		tui_message(t, TUI_MSG_ERROR, "%s", _("That opportunity is no longer there."));
		return;
	}
	for (int i = 0; sales_stage.values[i]; i++)
		if (sales_stage_lost(sales_stage.values[i]))
			lost = sales_stage.values[i];
	struct sales_choose_arg a = {
		.id = id,
		.title = lose ? _("Opportunity lost") : _("Opportunity stage"),
		.about = sales_stage.about,
		.label = _("Stage"),
		.values = sales_stage.values,
		.labels = sales_stage.shown,
		.initial = lose && lost ? lost : sales_stage.stage,
		.note_label = _("Lost reason"),
		.note_focus = lose,
		.note_required = sales_stage_lost,
		.apply = sales_stage_apply,
	};
	tui_push(t, "choose", &a);
}

/* ---- standing ---- */

/* Append ", "-less parts separated by two blanks. */
static void sales_part(char *buf, size_t len, const char *part)
{
	size_t used = strlen(buf);

	if (used < len)
		snprintf(buf + used, len - used, "%s%s", used ? "  " : "", part);
}

int sales_standing(credo_db *db, int64_t customer_id, char *buf, size_t len)
{
	credo_balance bal;
	credo_credit_status cs;
	char part[160], a[CREDO_MONEY_BUFSZ], b[CREDO_MONEY_BUFSZ];
	credo_status st;

	buf[0] = '\0';
	memset(&bal, 0, sizeof bal);
	memset(&cs, 0, sizeof cs);
	if ((st = credo_balance_of(db, customer_id, NULL, &bal)) != CREDO_OK ||
	    (st = credo_credit_status_of(db, customer_id, &cs)) != CREDO_OK) {
		const char *m = credo_errmsg(db);
		snprintf(buf, len, _("Credit standing not available: %s"),
			 m && *m ? m : credo_status_str(st));
		return -1;
	}
	/* What must not be missed comes first, where a narrow screen cannot cut it. */
	if (cs.veto)
		sales_part(buf, len, _("REPUTATION VETO"));
	if (cs.on_hold)
		sales_part(buf, len, _("CREDIT HOLD"));
	if (bal.overdue > 0 && cs.max_days_overdue > 0)
		snprintf(part, sizeof part, _("Overdue %s (%d days) of %s owed"),
			 sales_money(bal.overdue, a, sizeof a), cs.max_days_overdue,
			 sales_money(bal.balance, b, sizeof b));
	else if (bal.overdue > 0)
		snprintf(part, sizeof part, _("Overdue %s of %s owed"),
			 sales_money(bal.overdue, a, sizeof a), sales_money(bal.balance, b, sizeof b));
	else if (bal.balance > 0)
		snprintf(part, sizeof part, _("Owes %s, nothing overdue"), sales_money(bal.balance, a, sizeof a));
	else if (bal.balance < 0)
		snprintf(part, sizeof part, _("In credit %s"), sales_money(-bal.balance, a, sizeof a));
	else
		snprintf(part, sizeof part, "%s", _("Owes nothing"));
	sales_part(buf, len, part);
	if (cs.grade)
		snprintf(part, sizeof part, _("Grade %c"), cs.grade);
	else
		snprintf(part, sizeof part, "%s", _("Not rated"));
	sales_part(buf, len, part);
	if (cs.has_limit) {
		snprintf(part, sizeof part, _("Limit %s"), sales_money(cs.limit, a, sizeof a));
		sales_part(buf, len, part);
	} else {
		sales_part(buf, len, _("No credit limit"));
	}
	snprintf(part, sizeof part, _("Exposure %s"), sales_money(cs.exposure, a, sizeof a));
	sales_part(buf, len, part);
	if (cs.has_limit) {
		snprintf(part, sizeof part, _("Available %s"), sales_money(cs.available, a, sizeof a));
		sales_part(buf, len, part);
	}
	return cs.veto || cs.on_hold || bal.overdue > 0 || (cs.has_limit && cs.available < 0);
}

size_t sales_wrap(const char *s, int cells, const char **next)
{
	size_t n = strlen(s), i = 0, best = 0;
	int w = 0;
	wchar_t wc;

	if (tui_width(s) <= cells)
		return tui_wrap(s, cells, next);
	/* The last "  " between parts before the text gets wider than cells. */
	while (i < n) {
		if (i > 0 && s[i] == ' ' && s[i + 1] == ' ')
			best = i;
		size_t k = tui_utf8_next(s + i, n - i, &wc);
		if (k == 0 || (w += tui_wc_cells(wc)) > cells)
			break;
		i += k;
	}
	if (best == 0)
		return tui_wrap(s, cells, next);
	*next = s + best + 2;
	return best;
}

/* ---- the picker ---- */

static int sales_pick_row(const credo_customer *c, void *ctx)
{
	struct sales_pick *p = ctx;

	if (p->n >= SALES_PICK_MAX)
		return 1;
	p->m[p->n].id = c->id;
	snprintf(p->m[p->n].code, sizeof p->m[p->n].code, "%s", c->code);
	snprintf(p->m[p->n].name, sizeof p->m[p->n].name, "%s", c->name);
	snprintf(p->m[p->n].owner, sizeof p->m[p->n].owner, "%s",
		 c->owner_name && *c->owner_name ? c->owner_name : c->owner_login);
	p->n++;
	return 0;
}

static int sales_pick_one(const credo_customer *c, void *ctx)
{
	struct sales_pick *p = ctx;

	p->id = c->id;
	snprintf(p->label, sizeof p->label, "%s %s", c->code, c->name);
	return 0;
}

int sales_pick_set(struct sales_pick *p, credo_db *db, int64_t id)
{
	p->id = 0;
	p->label[0] = '\0';
	p->n = p->sel = 0;
	if (credo_customer_get(db, id, sales_pick_one, p) != CREDO_OK) {
		p->id = 0;
		return -1;
	}
	snprintf(p->query, sizeof p->query, "%s", p->label);
	return 0;
}

void sales_pick_text(struct sales_pick *p, credo_db *db, const char *text)
{
	char t[SALES_TEXT];

	if (p->id && strcmp(text, p->label) == 0)
		return;
	p->id = 0;
	snprintf(t, sizeof t, "%s", text);
	sales_trim(t);
	if (strcmp(t, p->query) == 0)
		return;
	snprintf(p->query, sizeof p->query, "%s", t);
	p->n = p->sel = 0;
	if (t[0])
		credo_customer_search(db, t, SALES_PICK_MAX, sales_pick_row, p);
}

int sales_pick_open(const struct sales_pick *p)
{
	return !p->id && p->query[0];
}

int sales_pick_key(struct sales_pick *p, tui_key key)
{
	if (!sales_pick_open(p) || p->n == 0)
		return 0;
	if (key == TUI_FN(KEY_DOWN)) {
		p->sel = (p->sel + 1) % p->n;
		return 1;
	}
	if (key == TUI_FN(KEY_UP)) {
		p->sel = (p->sel + p->n - 1) % p->n;
		return 1;
	}
	enum tui_action act = tui_keys_action(TUI_KEYS_EDIT, key);
	if (act == TUI_ACT_SUBMIT || act == TUI_ACT_NEXT_FIELD) {
		p->id = p->m[p->sel].id;
		snprintf(p->label, sizeof p->label, "%s %s", p->m[p->sel].code, p->m[p->sel].name);
		snprintf(p->query, sizeof p->query, "%s", p->label);
		p->n = 0;
		return 2;
	}
	return 0;
}

enum tui_form_event sales_pick_form_key(struct sales_pick *p, struct tui_form *f, int ci,
					credo_db *db, tui_key key, int *changed)
{
	char text[SALES_TEXT];
	int64_t had = p->id;

	*changed = 0;
	if (f->focus != ci)
		return tui_form_key(f, key);
	switch (sales_pick_key(p, key)) {
	case 1:
		return TUI_FORM_NONE;
	case 2:
		tui_form_set_text(f, ci, p->label);
		tui_form_focus(f, ci + 1 < f->n ? ci + 1 : ci);
		*changed = 1;
		return TUI_FORM_NONE;
	default:
		break;
	}
	enum tui_form_event ev = tui_form_key(f, key);
	sales_pick_text(p, db, tui_form_text(f, ci, text, sizeof text));
	*changed = had != p->id;
	return ev;
}

void sales_pick_draw(const struct sales_pick *p, int y, int x, int w, int h)
{
	char line[400];

	if (!sales_pick_open(p) || h <= 0 || w <= 4)
		return;
	if (p->n == 0) {
		tui_put(stdscr, y, x, _(" No customer matches; type part of a name, code or phone."),
			w, tui_attr(TUI_S_ERROR), TUI_FIT_MARK);
		return;
	}
	for (int i = 0; i < p->n && i < h; i++) {
		snprintf(line, sizeof line, "%s%-8s %s", i == p->sel ? ">" : " ", p->m[i].code,
			 p->m[i].name);
		int ow = tui_width(p->m[i].owner);
		int nw = w - ow - 2 > 8 ? w - ow - 2 : w;
		/* A drop-down over the fields: its own colour, the chosen one reversed and marked. */
		attr_t a = tui_attr(i == p->sel ? TUI_S_SELECTED : TUI_S_TITLE);
		tui_put(stdscr, y + i, x, line, nw, a, TUI_FIT_MARK);
		if (nw < w)
			tui_put(stdscr, y + i, x + nw, p->m[i].owner, w - nw, a, TUI_FIT_RIGHT | TUI_FIT_MARK);
	}
}
