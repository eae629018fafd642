// What a multi-step write hands the store so that every part of it commits in one
// transaction: the idempotency key it claims and the reminders it re-times.
#ifndef NEEDLEWORK_HOST_STORAGE_WRITE_RECORDS_H_
#define NEEDLEWORK_HOST_STORAGE_WRITE_RECORDS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "host/storage/aftercare_records.h"
#include "host/storage/schedule_records.h"

namespace needlework::host {

// How long a stored idempotency key answers retries; older keys are pruned.
inline constexpr int64_t kIdempotencyKeySeconds = 24 * 3600;

// A write's claim on an idempotency key, scoped to one clinic and one RPC. The store checks
// and records it inside the write's transaction.
struct IdempotencyClaim {
  std::string clinic_id;
  std::string rpc;             // e.g. "Book"
  std::string key;             // non-empty, at most 128 characters
  std::string request_digest;  // hex SHA-256 of the request without its key
  int64_t now = 0;             // Unix seconds
  // The serialized answer, called inside the transaction once the write has succeeded.
  std::function<std::string()> response;
  // Set by the store when the key was already stored: the write was skipped (nothing
  // written) and the stored answer should be replayed.
  bool replayed = false;
};

// A stored key's first answer.
struct IdempotencyRecord {
  std::string request_digest;
  std::string response_bytes;
};

// A plan's appointments and messages as a write transaction sees them after its write.
struct PlanState {
  std::vector<AppointmentRecord> appointments;
  std::vector<MessageRecord> messages;
};

// Given a plan's state, the messages whose send_at, status or text must change. Runs inside
// the write's transaction; must not touch the store.
using Retimer = std::function<std::vector<MessageRecord>(const PlanState&)>;

// A booking (new or moved) and what it was checked against.
struct BookingWrite {
  AppointmentRecord appointment;
  std::string replaces;  // the appointment it moves; empty for a new one
  // The plan's other appointments as the booking's plugin checks saw them. The write is
  // ABORTED when the plan's appointments differ from these inside its transaction.
  std::vector<AppointmentRecord> checked_history;
  Retimer retimer;                    // may be empty
  IdempotencyClaim* claim = nullptr;  // not owned; may be null
};

// A completed session with everything that completes it.
struct CompletionWrite {
  AppointmentRecord appointment;  // FULFILLED, with its completion
  int session_count = 0;          // the plan becomes COMPLETED once this many are fulfilled
  bool has_aftercare = false;     // false: no aftercare plugin took part; nothing stored
  AftercareRecord aftercare;
  std::vector<MessageRecord> messages;
  Retimer retimer;                    // may be empty
  IdempotencyClaim* claim = nullptr;  // not owned; may be null
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_WRITE_RECORDS_H_
