#include "bench/load/request_file.h"

#include <cstdint>
#include <fstream>

namespace needlework::bench {

Status WriteMessages(const std::string& path, const std::vector<std::string>& messages) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const auto& message : messages) {
    uint32_t size = static_cast<uint32_t>(message.size());
    unsigned char prefix[4] = {
        static_cast<unsigned char>(size), static_cast<unsigned char>(size >> 8),
        static_cast<unsigned char>(size >> 16), static_cast<unsigned char>(size >> 24)};
    out.write(reinterpret_cast<const char*>(prefix), 4);
    out.write(message.data(), static_cast<std::streamsize>(message.size()));
  }
  out.close();
  if (!out) return InternalError("cannot write " + path);
  return OkStatus();
}

StatusOr<std::vector<std::string>> ReadMessages(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return InvalidArgumentError("cannot read " + path);
  std::vector<std::string> messages;
  unsigned char prefix[4];
  while (in.read(reinterpret_cast<char*>(prefix), 4)) {
    uint32_t size = prefix[0] | (prefix[1] << 8) | (prefix[2] << 16) | (uint32_t{prefix[3]} << 24);
    std::string message(size, '\0');
    if (!in.read(message.data(), size)) return InvalidArgumentError(path + " is truncated");
    messages.push_back(std::move(message));
  }
  return messages;
}

}  // namespace needlework::bench
