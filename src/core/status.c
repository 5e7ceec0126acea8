/* status.c - messages and kinds of the status list in status.h. */
#include "credo/status.h"
#include "i18n.h"

static const struct {
	const char *name;
	const char *msg;
	credo_status_kind kind;
} status_info[] = {
#define CREDO_X_INFO(n, k, m) [CREDO_##n] = { .name = #n, .msg = m, .kind = CREDO_KIND_##k },
	CREDO_STATUS_LIST(CREDO_X_INFO)
#undef CREDO_X_INFO
};

static int status_known(credo_status st)
{
	return (int)st >= 0 && st < CREDO_STATUS_COUNT;
}

const char *credo_status_str(credo_status st)
{
	return _(status_known(st) ? status_info[st].msg : N_("unknown status"));
}

const char *credo_status_name(credo_status st)
{
	return status_known(st) ? status_info[st].name : "UNKNOWN";
}

credo_status_kind credo_status_kind_of(credo_status st)
{
	return status_known(st) ? status_info[st].kind : CREDO_KIND_DB;
}
