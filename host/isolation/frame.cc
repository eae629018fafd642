#include "host/isolation/frame.h"

#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace needlework::host::isolation {
namespace {

constexpr size_t kReadChunk = 4096;

void PutU32(std::string& out, uint32_t value) {
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>(value >> shift));
}

uint32_t GetU32(std::string_view bytes) {
  uint32_t value = 0;
  for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<uint8_t>(bytes[i]);
  return value;
}

Status Malformed(std::string_view what) {
  return Status(StatusCode::kDataLoss, "malformed frame: " + std::string(what));
}

// Waits until `fd` is readable or `deadline` passes.
Status WaitReadable(int fd, FrameReader::Clock::time_point deadline) {
  while (true) {
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - FrameReader::Clock::now());
    if (left.count() <= 0) return DeadlineExceededError("no answer by the deadline");
    pollfd polled{fd, POLLIN, 0};
    int ready = ::poll(&polled, 1, static_cast<int>(std::min<int64_t>(left.count(), 1 << 30)));
    if (ready > 0) return OkStatus();
    if (ready < 0 && errno != EINTR) return UnavailableError(std::strerror(errno));
  }
}

}  // namespace

std::string EncodeCreate(const CreateMessage& message) {
  std::string out;
  PutU32(out, static_cast<uint32_t>(message.clinic_id.size()));
  return out.append(message.clinic_id).append(message.config_json);
}

std::string EncodeInvoke(uint32_t hook, std::string_view request) {
  std::string out;
  PutU32(out, hook);
  return out.append(request);
}

std::string EncodeCoded(int32_t code, std::string_view bytes) {
  std::string out;
  PutU32(out, static_cast<uint32_t>(code));
  return out.append(bytes);
}

StatusOr<CreateMessage> DecodeCreate(std::string_view payload) {
  if (payload.size() < 4) return Malformed("create is shorter than its clinic id size");
  uint32_t clinic_size = GetU32(payload);
  if (clinic_size > payload.size() - 4) return Malformed("create's clinic id overruns the frame");
  return CreateMessage{std::string(payload.substr(4, clinic_size)),
                       std::string(payload.substr(4 + clinic_size))};
}

StatusOr<InvokeMessage> DecodeInvoke(std::string_view payload) {
  if (payload.size() < 4) return Malformed("invoke is shorter than its hook number");
  return InvokeMessage{GetU32(payload), std::string(payload.substr(4))};
}

StatusOr<CodedMessage> DecodeCoded(std::string_view payload) {
  if (payload.size() < 4) return Malformed("reply or log line is shorter than its code");
  return CodedMessage{static_cast<int32_t>(GetU32(payload)), std::string(payload.substr(4))};
}

StatusOr<FrameHeader> ParseHeader(const char* header, size_t max_payload) {
  size_t size = GetU32(std::string_view(header, 4));
  auto kind = static_cast<uint8_t>(header[4]);
  if (kind < static_cast<uint8_t>(FrameKind::kCreate) ||
      kind > static_cast<uint8_t>(FrameKind::kLog)) {
    return Malformed("unknown kind " + std::to_string(kind));
  }
  if (size > max_payload) {
    return Malformed(std::to_string(size) + " bytes is over the limit of " +
                     std::to_string(max_payload));
  }
  return FrameHeader{static_cast<FrameKind>(kind), size};
}

Status WriteFrame(int fd, FrameKind kind, std::string_view payload) {
  std::string header;
  PutU32(header, static_cast<uint32_t>(payload.size()));
  header.push_back(static_cast<char>(kind));
  iovec parts[2] = {{header.data(), header.size()},
                    {const_cast<char*>(payload.data()), payload.size()}};
  msghdr message{};
  message.msg_iov = parts;
  message.msg_iovlen = 2;
  size_t left = header.size() + payload.size();
  while (left > 0) {
    ssize_t sent = ::sendmsg(fd, &message, MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent < 0) return UnavailableError(std::string("write: ") + std::strerror(errno));
    left -= static_cast<size_t>(sent);
    for (auto remaining = static_cast<size_t>(sent); remaining > 0;) {  // skip what was sent
      size_t step = std::min(remaining, message.msg_iov->iov_len);
      message.msg_iov->iov_base = static_cast<char*>(message.msg_iov->iov_base) + step;
      message.msg_iov->iov_len -= step;
      remaining -= step;
      if (message.msg_iov->iov_len == 0 && message.msg_iovlen > 1) {
        ++message.msg_iov;
        --message.msg_iovlen;
      }
    }
  }
  return OkStatus();
}

StatusOr<Frame> FrameReader::Next(Clock::time_point deadline) {
  NW_RETURN_IF_ERROR(Fill(kFrameHeaderSize, deadline));
  NW_ASSIGN_OR_RETURN(FrameHeader header, ParseHeader(buffer_.data(), max_payload_));
  NW_RETURN_IF_ERROR(Fill(kFrameHeaderSize + header.size, deadline));
  Frame frame{header.kind, buffer_.substr(kFrameHeaderSize, header.size)};
  buffer_.erase(0, kFrameHeaderSize + header.size);
  return frame;
}

Status FrameReader::Fill(size_t size, Clock::time_point deadline) {
  while (buffer_.size() < size) {
    if (deadline != Clock::time_point::max()) NW_RETURN_IF_ERROR(WaitReadable(fd_, deadline));
    size_t had = buffer_.size();
    size_t chunk = std::max(size - had, kReadChunk);
    buffer_.resize(had + chunk);
    ssize_t got = ::recv(fd_, buffer_.data() + had, chunk, 0);
    int error = errno;
    buffer_.resize(had + static_cast<size_t>(std::max<ssize_t>(got, 0)));
    if (got < 0 && error == EINTR) continue;
    if (got < 0) return UnavailableError(std::string("read: ") + std::strerror(error));
    if (got == 0) {
      return UnavailableError(had == 0 ? "connection closed"
                                       : "connection closed in the middle of a frame");
    }
  }
  return OkStatus();
}

}  // namespace needlework::host::isolation
