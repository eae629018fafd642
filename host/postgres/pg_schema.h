// The PostgreSQL store's schema: the same numbered migrations as the SQLite store (version N
// here holds what version N there holds), in PostgreSQL's types, plus what only a shared
// database needs: the exclusion constraint that makes overlapping bookings of one resource
// impossible, and the audit chain's head row that concurrent appends serialise on.
#ifndef NEEDLEWORK_HOST_POSTGRES_PG_SCHEMA_H_
#define NEEDLEWORK_HOST_POSTGRES_PG_SCHEMA_H_

#include <cstdint>

#include "host/postgres/pg_connection.h"
#include "needlework/status.h"

namespace needlework::host::pg {

// The schema version this host writes.
int64_t SchemaVersion();

// The version recorded in the database (0 for an empty one).
StatusOr<int64_t> RecordedSchemaVersion(Connection& connection);

// Brings the schema to SchemaVersion(). An older schema is migrated only when `migrate` is
// true (else FAILED_PRECONDITION saying how to migrate); a newer one is always
// FAILED_PRECONDITION ("upgrade needlework-host"). Each migration runs in its own
// transaction under an advisory lock, so replicas starting together apply it once.
Status MigrateSchema(Connection& connection, bool migrate);

}  // namespace needlework::host::pg

#endif  // NEEDLEWORK_HOST_POSTGRES_PG_SCHEMA_H_
