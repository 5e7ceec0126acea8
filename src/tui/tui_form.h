/*
 * tui_form.h - a form: labelled one-line fields with per-field validation.
 *
 * A field is checked when the cursor leaves it and again on submit; the
 * rule that failed is shown under the field until it is fixed. The form
 * only edits text: the screen that owns it turns the text into a core call
 * and shows the core's verdict.
 */
#ifndef CREDO_TUI_FORM_H
#define CREDO_TUI_FORM_H

#include <stddef.h>

#include "tui_curses.h"
#include "tui_edit.h"

#define TUI_FORM_MSG 160

/*
 * Check text (UTF-8, exactly as typed, blanks included). Return 0 if
 * acceptable, else non-zero with a translated sentence naming the rule in msg.
 */
typedef int (*tui_validate_fn)(const char *text, char *msg, size_t len);

struct tui_field {
	const char *label;	/* N_() string, translated when drawn */
	int max;		/* characters allowed */
	int required;		/* marks the label; validate() enforces it */
	tui_validate_fn validate;	/* NULL: any text */
	const char *initial;	/* NULL: empty */
	/*
	 * Optional: a choice instead of free text. NULL-terminated values; the
	 * field's text is always one of them (initial picks one, else the
	 * first). Left/Right and Space step through them, a letter jumps to
	 * the next value starting with it. choice_labels (N_() strings, same
	 * order) is what is shown, when given.
	 */
	const char *const *choices;
	const char *const *choice_labels;

	/* state, owned by the form */
	struct tui_edit edit;
	char error[TUI_FORM_MSG];	/* "" when valid or not yet checked */
	int choice;		/* index into choices */
	int row;		/* screen line of the field at the last draw, -1: not shown */
};

struct tui_form {
	struct tui_field *fields;
	int n;
	int focus;
	/*
	 * Optional: one line per field, a message line only under a field that
	 * has one, and scrolling that keeps the focused field in view. For
	 * forms with more fields than a 24-line terminal has room for at two
	 * lines each. Set before drawing; tui_form_init() leaves it alone.
	 */
	int dense;
	int top;		/* state: first field shown */
};

enum tui_form_event {
	TUI_FORM_NONE,		/* key used (or ignored); keep editing */
	TUI_FORM_SUBMIT,	/* Enter and every field is valid */
	TUI_FORM_CANCEL,	/* Esc */
};

/* Bind the form to n fields (owned by the caller) and load their initial text. */
void tui_form_init(struct tui_form *f, struct tui_field *fields, int n);

/* Apply a key. Submitting validates everything and focuses the first bad field. */
enum tui_form_event tui_form_key(struct tui_form *f, tui_key key);

/* Validate all fields; 0 if every one passes, else focus the first that fails. */
int tui_form_check(struct tui_form *f);

/*
 * Draw the form into h lines and w cells at (y, x) of win. *cy, *cx
 * receive the cursor position in the focused field.
 */
void tui_form_draw(struct tui_form *f, WINDOW *win, int y, int x, int h, int w,
		   int *cy, int *cx);

/* Text of field i as UTF-8 into buf. Returns buf. */
char *tui_form_text(const struct tui_form *f, int i, char *buf, size_t len);

/*
 * Replace the text of field i (a choice field selects the value equal to
 * text, else its first) and forget its message.
 */
void tui_form_set_text(struct tui_form *f, int i, const char *text);

/* Focus field i (no validation of the field left). */
void tui_form_focus(struct tui_form *f, int i);

#endif
