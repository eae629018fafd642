// Running a write RPC so that a retry is safe: the first answer given for an idempotency key
// is stored with the write it answers (one transaction) and replayed to every retry.
#ifndef NEEDLEWORK_HOST_STORAGE_IDEMPOTENT_WRITE_H_
#define NEEDLEWORK_HOST_STORAGE_IDEMPOTENT_WRITE_H_

#include <google/protobuf/message.h>

#include <functional>
#include <string>

#include "host/storage/store.h"

namespace needlework::host {

// Names the call a key belongs to: keys are scoped per clinic and per RPC.
struct IdempotentCall {
  std::string clinic_id;
  std::string rpc;  // e.g. "Book"
  std::string key;  // empty: the call is not idempotent and simply runs
  int64_t now = 0;  // Unix seconds
};

// With an empty key, returns write(nullptr). Otherwise, when the key is stored: the stored
// answer is parsed into `response` if `request` (without its idempotency_key field) is the
// one first made with it, FAILED_PRECONDITION naming the key if not. When it is not stored,
// returns write(claim); `write` fills `response`, sets claim->response and passes the claim
// to the store write that commits it. When that write fails because a concurrent call
// with the key committed first, that call's answer is replayed the same way. `request` must have a
// string field `idempotency_key`.
Status RunIdempotent(Store& store, const IdempotentCall& call,
                     const google::protobuf::Message& request, google::protobuf::Message* response,
                     const std::function<Status(IdempotencyClaim*)>& write);

// Makes `answer` the response `claim` (may be null) stores with its key.
void AnswerWith(IdempotencyClaim* claim, const google::protobuf::Message& answer);

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_STORAGE_IDEMPOTENT_WRITE_H_
