// The runner protocol: length-prefixed binary frames between needlework-host and
// needlework-plugin-runner, over AF_UNIX SOCK_STREAM socketpairs the runner inherits.
//
//   frame    = size:u32le kind:u8 payload[size]      (size counts the payload only)
//   kCreate  host -> runner, the first frame on connection 0:
//            clinic_size:u32le clinic_id config_json  (the instance's effective config)
//   kInvoke  host -> runner: hook:u32le request       (a serialized <Hook>Request)
//   kReply   runner -> host, one per create or invoke: code:i32le bytes (the response on
//            NW_OK, else the plugin's error message)
//   kRefusal runner -> host, instead of the create reply: it will not serve, and why
//   kLog     runner -> host: level:i32le message. A plugin's log line, on the connection
//            of the call it was written in (before that call's reply), or on the log channel
//            when written outside a call
//
// Each connection carries one call at a time: a request, then its reply. A frame over the
// reader's size limit, of an unknown kind, or whose payload does not parse is DATA_LOSS (a
// misbehaving peer: the host kills the runner); a closed socket is UNAVAILABLE; a read past
// its deadline is DEADLINE_EXCEEDED. Nothing here trusts the bytes it reads.
#ifndef NEEDLEWORK_HOST_ISOLATION_FRAME_H_
#define NEEDLEWORK_HOST_ISOLATION_FRAME_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "needlework/status.h"

namespace needlework::host::isolation {

enum class FrameKind : uint8_t { kCreate = 1, kInvoke = 2, kReply = 3, kRefusal = 4, kLog = 5 };

inline constexpr size_t kFrameHeaderSize = 5;

struct Frame {
  FrameKind kind = FrameKind::kReply;
  std::string payload;
};

struct CreateMessage {
  std::string clinic_id;
  std::string config_json;
};
struct InvokeMessage {
  uint32_t hook = 0;
  std::string request;
};
// A reply (code, response or error) or a log line (level, message).
struct CodedMessage {
  int32_t code = 0;
  std::string bytes;
};

std::string EncodeCreate(const CreateMessage& message);
std::string EncodeInvoke(uint32_t hook, std::string_view request);
std::string EncodeCoded(int32_t code, std::string_view bytes);
// DATA_LOSS naming what is malformed; never crashes on any bytes.
StatusOr<CreateMessage> DecodeCreate(std::string_view payload);
StatusOr<InvokeMessage> DecodeInvoke(std::string_view payload);
StatusOr<CodedMessage> DecodeCoded(std::string_view payload);

// The header's kind and payload size; DATA_LOSS for an unknown kind or a size over
// `max_payload`. `header` holds kFrameHeaderSize bytes.
struct FrameHeader {
  FrameKind kind;
  size_t size;
};
StatusOr<FrameHeader> ParseHeader(const char* header, size_t max_payload);

// Writes one frame to socket `fd` (never raising SIGPIPE). UNAVAILABLE when the peer is gone.
Status WriteFrame(int fd, FrameKind kind, std::string_view payload);

// Reads frames from socket `fd` (not owned), up to `max_payload` bytes each.
class FrameReader {
 public:
  using Clock = std::chrono::steady_clock;
  FrameReader(int fd, size_t max_payload) : fd_(fd), max_payload_(max_payload) {}

  // The next frame, waiting until `deadline`. UNAVAILABLE when the peer closed (between
  // frames or within one), DATA_LOSS for a malformed header, DEADLINE_EXCEEDED at the
  // deadline (the reader is then unusable: part of a frame may have been read).
  StatusOr<Frame> Next(Clock::time_point deadline = Clock::time_point::max());

 private:
  Status Fill(size_t size, Clock::time_point deadline);

  int fd_;
  size_t max_payload_;
  std::string buffer_;  // bytes read and not yet returned
};

}  // namespace needlework::host::isolation

#endif  // NEEDLEWORK_HOST_ISOLATION_FRAME_H_
