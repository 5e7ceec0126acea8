/*
 * demo.h - a believable demo company.
 */
#ifndef CREDO_DEMO_H
#define CREDO_DEMO_H

#include <stdint.h>

#include "credo/db.h"

typedef enum credo_demo_size {
	CREDO_DEMO_SMALL,	/* a few hundred customers: for trying the program */
	CREDO_DEMO_LARGE,	/* company scale: for benchmarks */
} credo_demo_size;

/*
 * Fill an empty database (one with at most its first admin) with users of
 * every role, customers with Chinese and English names and their contacts.
 * The acting user must be an admin; the records are created through the
 * normal API as the demo users, so they are audited like real work.
 * Deterministic for a given seed. CREDO_EXISTS if customers already exist.
 */
credo_status credo_demo_build(credo_db *db, credo_demo_size size, uint32_t seed);

/*
 * The same, with the number of invoices of the large company (0: one
 * million); customers are a tenth of it, visits three tenths, payments about
 * one per invoice, over the three years up to today. The large company is
 * written with prepared statements in one transaction (minutes, not hours),
 * each row with the audit row the core would have written for it.
 */
credo_status credo_demo_build_sized(credo_db *db, credo_demo_size size, uint32_t seed, int64_t invoices);

#endif
