/*
 * demo_reports.c - what the management reports need from the demo: sales
 * targets for the last six months and the next, set as the managers
 * would, and one ABC classification run.
 */
#include <stdio.h>

#include "demo_internal.h"

credo_status demo_reports(credo_db *db, struct rng *r)
{
	credo_date today = credo_today();
	credo_status rc = CREDO_OK;
	for (int m = -5; rc == CREDO_OK && m <= 1; m++) {
		int y, mo, d;
		credo_date_to_ymd(credo_date_add_months(today, m), &y, &mo, &d);
		char month[16];
		snprintf(month, sizeof month, "%04d-%02d", y, mo);
		/* demo_users[0..6]: the manager and the salespeople; the manager sets his department's. */
		for (int u = 0; rc == CREDO_OK && u < 7; u++) {
			int east = u < 3;
			rc = credo__act_as(db, east ? demo_users[0].login : "huangjun");
			credo_money amount = (credo_money)(12 + pick(r, 14)) * 1000000;	/* 120,000.00 - 250,000.00 */
			if (rc == CREDO_OK)
				rc = credo_target_set(db, demo_users[u].login, month, NULL, amount);
		}
	}
	if (rc == CREDO_OK)
		rc = credo__act_as(db, demo_users[0].login);
	if (rc == CREDO_OK)
		rc = credo_classify(db, NULL, 0, NULL, NULL, NULL);
	return rc;
}
