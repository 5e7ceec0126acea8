/*
 * view_sales.h - what the sales screens (customer detail, leads and
 * opportunities, visits, complaints) share: the words people read for the
 * database's values, field checks, the customer picker of the forms, and
 * the one-line credit standing of a customer.
 */
#ifndef CREDO_TUI_VIEW_SALES_H
#define CREDO_TUI_VIEW_SALES_H

#include <stddef.h>
#include <stdint.h>

#include "credo/credo.h"
#include "tui_curses.h"
#include "tui_form.h"
#include "tui_view.h"

/* Room for the text of one form field as UTF-8. */
#define SALES_TEXT (TUI_EDIT_MAX * 4 + 1)

/* ---- text ---- */

/* Cut leading and trailing blanks in place. */
void sales_trim(char *s);

/* 1 if s holds nothing but blanks. */
int sales_blank(const char *s);

/* The field's text, trimmed; NULL when empty ("not given" to the core). */
const char *sales_field(const struct tui_form *f, int i, char *buf, size_t len);

/* ---- words ---- */

/* The word people read for a database value (visit kind, status, role...), translated; v itself if unknown. */
const char *sales_word(const char *v);

/*
 * NULL-terminated value lists for choice fields, with their N_() labels in
 * the same order (the labels are what sales_word() gives).
 */
extern const char *const sales_visit_kinds[], *const sales_visit_kind_labels[];
extern const char *const sales_contact_roles[], *const sales_contact_role_labels[];
extern const char *const sales_complaint_kinds[], *const sales_complaint_kind_labels[];
extern const char *const sales_customer_types[], *const sales_customer_type_labels[];
extern const char *const sales_yes_no[], *const sales_yes_no_labels[];

/* Values a user may move to: lead statuses, customer lifecycle statuses (NULL-terminated). */
extern const char *const sales_lead_statuses[];
extern const char *const sales_customer_statuses[];

/*
 * The one value of words (NULL-terminated) that text names: the value or
 * its word, or a unique start of either, ignoring case. NULL if none or
 * several match.
 */
const char *sales_match(const char *text, const char *const *words);

/* "a, b, c" of the words of values into buf, for prompts. Returns buf. */
char *sales_list_words(const char *const *values, char *buf, size_t len);

/* ---- checks for form fields (tui_validate_fn) ---- */

int sales_check_required(const char *text, char *msg, size_t len);
int sales_check_date(const char *text, char *msg, size_t len);	/* required YYYY-MM-DD */
int sales_check_date_opt(const char *text, char *msg, size_t len);
int sales_check_phone(const char *text, char *msg, size_t len);
int sales_check_email(const char *text, char *msg, size_t len);
int sales_check_money(const char *text, char *msg, size_t len);	/* required, >= 0 */
int sales_check_yes_no(const char *text, char *msg, size_t len);	/* required y/n */

/* 1 for y/yes/是, 0 for n/no/否, -1 otherwise. */
int sales_yes(const char *text);

/* Today as YYYY-MM-DD into buf (CREDO_DATE_BUFSZ). Returns buf. */
char *sales_today(char *buf);

/* Amount as "1,234.50" into buf (CREDO_MONEY_BUFSZ). Returns buf. */
char *sales_money(credo_money v, char *buf, size_t len);

/* ---- a customer's standing ---- */

/*
 * One line for a salesperson in front of the customer: what it owes and
 * how much is overdue (credo_balance_of), grade, limit, exposure,
 * available, HOLD and the reputation veto (credo_credit_status_of).
 * Returns 1 when something needs attention (overdue, hold, veto, over the
 * limit), 0 when not, -1 when the core refused (its message is in buf).
 */
int sales_standing(credo_db *db, int64_t customer_id, char *buf, size_t len);

/*
 * Split the first line off a sales_standing() text for cells cells,
 * between its parts where it can (tui_wrap's contract otherwise).
 */
size_t sales_wrap(const char *s, int cells, const char **next);

/* ---- what the sales screens open each other with (tui_push's arg) ---- */

/*
 * visit_new: a new visit to a customer (customer_id, 0: picked in the form)
 * or a lead (lead_id), or marking the planned visit done_id as done.
 * Other screens take a pointer to one int64_t id: customer_edit,
 * contact_new, complaint_new and opportunity_new a customer (0: picked in
 * the form), complaint_close a complaint, visit a visit, lead a lead.
 */
struct sales_visit_arg {
	int64_t customer_id;
	int64_t lead_id;
	int64_t done_id;
	const char *purpose;	/* pre-filled purpose (a follow-up's next step), or NULL */
};

/*
 * Ask the core whether the actor holds p before opening a form, so nobody
 * fills in a form they cannot save; shows the core's message and returns -1 if not.
 */
int sales_allowed(struct tui *t, credo_perm p);

/*
 * The "choose" screen (view_choose.c): one value from a list, with an
 * optional note, handed to apply() with the record's id. Everything but
 * ctx is copied (at most SALES_CHOOSE_MAX values); ctx must outlive the
 * screen (the screen below it, which opened it, does).
 */
#define SALES_CHOOSE_MAX 16

struct sales_choose_arg {
	int64_t id;		/* the record, handed to apply() */
	const char *title;	/* heading */
	const char *about;	/* the record, one line */
	const char *label;	/* of the choice field */
	const char *const *values;	/* NULL-terminated */
	const char *const *labels;	/* N_() words for the values, or NULL */
	const char *initial;	/* the value chosen at first */
	const char *note_label;	/* NULL: no note field */
	int note_focus;		/* start in the note */
	int (*note_required)(const char *value);	/* NULL: never required */
	/* Tell the core; 0 when it agreed (say so with tui_message), -1 after showing why not. */
	int (*apply)(struct tui *t, void *ctx, int64_t id, const char *value, const char *note);
	void *ctx;
};

/*
 * S and L on an opportunity: the choose screen with every stage, lost
 * needing the reason (L starts there). Its result ("changed") tells the
 * screen below to read its list again.
 */
void sales_opportunity_stage(struct tui *t, int64_t id, int lose);

extern const char *const sales_lead_status_labels[];
extern const char *const sales_customer_status_labels[];

/* ---- the customer picker of a form field ---- */

#define SALES_PICK_MAX 6

/*
 * Search as you type: the form's customer field asks the core for the best
 * few matches after each key; Up/Down choose among them, Enter or Tab
 * takes the chosen one, and the field then reads "CODE name".
 */
struct sales_pick {
	int64_t id;		/* the customer taken; 0: none yet */
	char label[300];	/* "CODE name" of the customer taken */
	char query[SALES_TEXT];	/* text the matches are for */
	int n, sel;
	struct {
		int64_t id;
		char code[32];
		char name[256];
		char owner[64];
	} m[SALES_PICK_MAX];
};

/* Take customer id (its label from the core); -1 after the core refused. */
int sales_pick_set(struct sales_pick *p, credo_db *db, int64_t id);

/* The field now reads text: keep the customer if it still reads its label, else search. */
void sales_pick_text(struct sales_pick *p, credo_db *db, const char *text);

/* Matches to show: the field has text that is not a taken customer. */
int sales_pick_open(const struct sales_pick *p);

/*
 * Keys while the field has the focus: Up/Down move in the matches (1:
 * used), Enter/Tab take the selected match (2: taken, the caller moves on),
 * 0: not the picker's.
 */
int sales_pick_key(struct sales_pick *p, tui_key key);

/*
 * A key for a form whose field ci is a customer picker: the picker's keys
 * while that field has the focus, the form's otherwise. Taking a customer
 * moves the focus to the next field. *changed is set to 1 when the
 * customer taken changed (taken or let go).
 */
enum tui_form_event sales_pick_form_key(struct sales_pick *p, struct tui_form *f, int ci,
					credo_db *db, tui_key key, int *changed);

/* Draw the matches as a drop-down of at most h lines at (y, x), w cells wide. */
void sales_pick_draw(const struct sales_pick *p, int y, int x, int w, int h);

#endif
