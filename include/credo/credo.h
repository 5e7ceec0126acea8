/* credo.h - the whole public API of libcredo. */
#ifndef CREDO_H
#define CREDO_H

#include "credo/status.h"
#include "credo/db.h"
#include "credo/money.h"
#include "credo/date.h"
#include "credo/user.h"
#include "credo/audit.h"
#include "credo/customer.h"
#include "credo/contact.h"
#include "credo/visit.h"
#include "credo/lead.h"
#include "credo/opportunity.h"
#include "credo/complaint.h"
#include "credo/import.h"
#include "credo/product.h"
#include "credo/contract.h"
#include "credo/invoice.h"
#include "credo/payment.h"
#include "credo/ledger.h"
#include "credo/settings.h"
#include "credo/credit.h"
#include "credo/aging.h"
#include "credo/alert.h"
#include "credo/collection.h"
#include "credo/month.h"
#include "credo/export.h"
#include "credo/scorecard.h"
#include "credo/pareto.h"
#include "credo/target.h"
#include "credo/commission.h"
#include "credo/demo.h"
#include "credo/text.h"

#define CREDO_VERSION "0.1.0"

#endif
