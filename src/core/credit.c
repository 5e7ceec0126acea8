/* credit.c - credit control at the point of sale. */
#include "internal.h"

/*
 * The credit management capability (ratings, limits, approvals) plugs its
 * check in here; until it exists every sale passes, so the ledger works on
 * its own.
 */
credo_status credo__credit_check(credo_db *db, int64_t customer_id, int64_t contract_id,
				 credo_money amount, const char *override_reason)
{
	(void)db;
	(void)customer_id;
	(void)contract_id;
	(void)amount;
	(void)override_reason;
	return CREDO_OK;
}
