/*
 * tui_term.c - terminfo look-up, kept apart because <term.h> defines
 * hundreds of short macros (lines, columns, tab...) no other file wants.
 */
#include <unistd.h>

#include "tui_curses.h"
#include <term.h>

#include "tui_term.h"

int tui_term_known(void)
{
	int err = 0;

	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return 0;
	del_curterm(cur_term);
	return 1;
}
