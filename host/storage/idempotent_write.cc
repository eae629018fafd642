#include "host/storage/idempotent_write.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <memory>

#include "host/common/sha256.h"

namespace needlework::host {
namespace {

// Hex SHA-256 of `request` serialized deterministically without its idempotency key.
std::string DigestWithoutKey(const google::protobuf::Message& request) {
  std::unique_ptr<google::protobuf::Message> bare(request.New());
  bare->CopyFrom(request);
  const auto* key = bare->GetDescriptor()->FindFieldByName("idempotency_key");
  if (key != nullptr) bare->GetReflection()->ClearField(bare.get(), key);
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    bare->SerializeToCodedStream(&coded);
  }
  return Sha256Hex(bytes);
}

Status Replay(const IdempotencyRecord& stored, const IdempotencyClaim& claim,
              google::protobuf::Message* response) {
  if (stored.request_digest != claim.request_digest) {
    return FailedPreconditionError(
        "idempotency key '" + claim.key + "' was used for a different " + claim.rpc +
        " request in the last 24 hours; send a new key with a new request");
  }
  if (!response->ParseFromString(stored.response_bytes)) {
    return InternalError("the answer stored for idempotency key '" + claim.key +
                         "' cannot be read");
  }
  return OkStatus();
}

}  // namespace

Status RunIdempotent(Store& store, const IdempotentCall& call,
                     const google::protobuf::Message& request, google::protobuf::Message* response,
                     const std::function<Status(IdempotencyClaim*)>& write) {
  if (call.key.empty()) return write(nullptr);
  IdempotencyClaim claim{call.clinic_id, call.rpc, call.key, DigestWithoutKey(request),
                         call.now,       {},       false};
  auto stored = store.FindIdempotencyKey(call.clinic_id, call.rpc, call.key, call.now);
  if (stored.status().code() == StatusCode::kNotFound) {
    Status written = write(&claim);
    if (written.ok()) return written;
    // A concurrent call with this key may have committed first, so this one failed (the
    // store skipped it, or its checks saw the other's write): it gets that call's answer.
    stored = store.FindIdempotencyKey(call.clinic_id, call.rpc, call.key, call.now);
    if (!claim.replayed && stored.status().code() == StatusCode::kNotFound) return written;
    response->Clear();
  }
  NW_RETURN_IF_ERROR(stored.status());
  return Replay(*stored, claim, response);
}

void AnswerWith(IdempotencyClaim* claim, const google::protobuf::Message& answer) {
  if (claim == nullptr) return;
  claim->response = [bytes = answer.SerializeAsString()] { return bytes; };
}

}  // namespace needlework::host
