// The system SQLite (Debian libsqlite3-dev), for the dedup step's persistent store.
#include <sqlite3.h>
