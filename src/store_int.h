/*
 * store_int.h: the store's internals for the modules that add tables of
 * their own to it (story.c).
 */
#ifndef DOSSIER_STORE_INT_H
#define DOSSIER_STORE_INT_H

#include <sqlite3.h>

#include "dossier/store.h"

sqlite3 *dsr__store_db(dsr_store *s);
/* Records "database 'path': what: sqlite message" as the store's error. */
dsr_err dsr__store_fail(dsr_store *s, const char *what);

#endif
