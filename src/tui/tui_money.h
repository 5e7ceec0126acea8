/*
 * tui_money.h - what the contract, ledger, credit, receivables and
 * collection screens share: amounts and dates as people type and read
 * them, words from the database as labels, a substring match for `/`, and
 * a scrollable document (headings, label/value pairs, wrapped text and
 * tables) for the detail screens.
 */
#ifndef CREDO_TUI_MONEY_H
#define CREDO_TUI_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "credo/credo.h"
#include "tui_edit.h"
#include "tui_list.h"
#include "tui_theme.h"
#include "tui_view.h"

/*
 * What the invoice and payment forms, the statement and the open items
 * are opened with (tui_push arg): the customer, and optionally a contract
 * (invoice form) and a date ("" = today: open items as of, statement to).
 */
struct tui_ledger_arg {
	int64_t customer_id;
	int64_t contract_id;
	char date[CREDO_DATE_BUFSZ];
};

/* "1,234.50" into buf (CREDO_MONEY_BUFSZ). Returns buf. */
char *tui_money(credo_money v, char *buf, size_t len);

/* Today as "YYYY-MM-DD" into buf (CREDO_DATE_BUFSZ). Returns buf. */
char *tui_today(char *buf, size_t len);

/* A label for a database word (active, pending, credit_note, ...); the word itself if unknown. */
const char *tui_word(const char *word);

/*
 * 1 if needle occurs in hay, Latin letters ignoring case (Chinese as is).
 * An empty needle matches everything.
 */
int tui_match(const char *hay, const char *needle);

/* Cut leading and trailing blanks in place. Returns s. */
char *tui_trim(char *s);

/* Form validators: an amount (> 0 for _positive), a date; _opt accepts blank. */
int tui_valid_amount(const char *text, char *msg, size_t len);
int tui_valid_amount_opt(const char *text, char *msg, size_t len);
int tui_valid_date(const char *text, char *msg, size_t len);
int tui_valid_date_opt(const char *text, char *msg, size_t len);
int tui_valid_required(const char *text, char *msg, size_t len);

/*
 * Parse an amount or a date typed at a prompt; on failure show the rule on
 * the message line and return -1.
 */
int tui_parse_amount(struct tui *t, const char *text, credo_money *out);
int tui_parse_date(struct tui *t, const char *text, char *out, size_t len);

/* Id of the customer with code in scope; shows the core's message and returns -1 if none. */
int tui_customer_id(struct tui *t, const char *code, int64_t *id);

/*
 * Ask the core whether the actor may do p before a form is filled in;
 * shows the core's message and returns -1 when not.
 */
int tui_allowed(struct tui *t, credo_perm p);

/* ---- a scrollable document for detail screens ---- */

enum tui_doc_kind {
	TUI_DOC_HEAD,		/* a section heading */
	TUI_DOC_TEXT,		/* wrapped text */
	TUI_DOC_PAIR,		/* label and value; labels of a document line up */
	TUI_DOC_ROW,		/* a table row under cols (a heading row when head is set) */
};

struct tui_doc_line {
	enum tui_doc_kind kind;
	enum tui_style style;
	const struct tui_column *cols;	/* TUI_DOC_ROW */
	int ncols;
	int head;
	char *cell[TUI_LIST_MAXCOLS];	/* ROW; PAIR: cell[0] label, cell[1] value; else cell[0] */
};

struct tui_doc {
	struct tui_doc_line *lines;
	int n, cap;
	int failed;		/* out of memory while building */
	int top;		/* first screen line shown */
	int page;		/* lines that fit at the last draw */
	int total;		/* screen lines at the last draw */
};

void tui_doc_clear(struct tui_doc *d);	/* forget the lines, keep the scroll position */
void tui_doc_free(struct tui_doc *d);

void tui_doc_head(struct tui_doc *d, const char *text);
void tui_doc_text(struct tui_doc *d, enum tui_style style, const char *text);
void tui_doc_pair(struct tui_doc *d, const char *label, const char *value, enum tui_style style);
/* A table's heading row (titles are N_() strings) and its rows. */
void tui_doc_cols(struct tui_doc *d, const struct tui_column *cols, int ncols);
void tui_doc_row(struct tui_doc *d, const struct tui_column *cols, int ncols,
		 const char *const *cells, enum tui_style style);
void tui_doc_blank(struct tui_doc *d);

/* Draw into r, scrolled to d->top (clamped). */
void tui_doc_draw(struct tui_doc *d, struct tui_rect r);

/* Scroll for UP, DOWN, PGUP, PGDN, HOME, END; 1 if act was one of those. */
int tui_doc_action(struct tui_doc *d, enum tui_action act);

#endif
