#include "host/common/paging.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <charconv>
#include <memory>

#include "host/common/sha256.h"

namespace needlework::host {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

constexpr std::string_view kTokenPrefix = "p1.";
constexpr size_t kScopeChars = 16;
constexpr size_t kMaxTokenChars = 2048;

const FieldDescriptor* Field(const Message& message, const char* name) {
  return message.GetDescriptor()->FindFieldByName(name);
}

// The request's type and its fields but the page fields, with `caller_scope`, as a digest.
std::string ScopeOf(const Message& request, std::string_view caller_scope) {
  std::unique_ptr<Message> copy(request.New());
  copy->CopyFrom(request);
  for (const char* name : {"page_size", "page_token"}) {
    if (const auto* field = Field(*copy, name))
      copy->GetReflection()->ClearField(copy.get(), field);
  }
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    copy->SerializeToCodedStream(&coded);
  }
  std::string text =
      request.GetDescriptor()->full_name() + "\n" + std::string(caller_scope) + "\n" + bytes;
  return Sha256Hex(text);
}

// What a token carries beside its key: a digest of the request's scope and the key, so a
// token used with another request, or edited, does not check.
std::string SealOf(const std::string& scope, std::string_view key) {
  return Sha256Hex(scope + "\n" + std::string(key)).substr(0, kScopeChars);
}

std::string HexOf(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (unsigned char c : bytes) hex += {kDigits[c >> 4], kDigits[c & 15]};
  return hex;
}

int DigitOf(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool FromHex(std::string_view hex, std::string* bytes) {
  if (hex.empty() || hex.size() % 2 != 0) return false;
  for (size_t i = 0; i < hex.size(); i += 2) {
    int high = DigitOf(hex[i]), low = DigitOf(hex[i + 1]);
    if (high < 0 || low < 0) return false;
    bytes->push_back(static_cast<char>(high * 16 + low));
  }
  return true;
}

Status BadToken(const std::string& why) {
  return InvalidArgumentError("page_token is not valid for this request (" + why +
                              "): send the next_page_token of the previous page of the same "
                              "request, or no token for the first page");
}

// The key a token carries, once its form and scope are checked.
StatusOr<std::string> KeyOfToken(const std::string& token, const std::string& scope) {
  if (token.size() > kMaxTokenChars) return BadToken("too long");
  if (token.rfind(kTokenPrefix, 0) != 0 || token.size() < kTokenPrefix.size() + kScopeChars + 1 ||
      token[kTokenPrefix.size() + kScopeChars] != '.') {
    return BadToken("malformed");
  }
  std::string key;
  if (!FromHex(std::string_view(token).substr(kTokenPrefix.size() + kScopeChars + 1), &key)) {
    return BadToken("malformed");
  }
  if (token.compare(kTokenPrefix.size(), kScopeChars, SealOf(scope, key)) != 0) {
    return BadToken("it was issued for another request, or edited");
  }
  return key;
}

}  // namespace

std::string Page::NextToken(const std::string& last_key) const {
  return std::string(kTokenPrefix) + SealOf(scope, last_key) + "." + HexOf(last_key);
}

StatusOr<RowPage> Page::Rows() const {
  RowPage rows;
  rows.limit = size + 1;
  if (after.empty()) return rows;
  size_t slash = after.find('/');
  uint64_t shifted = 0;
  auto parsed = std::from_chars(after.data(), after.data() + slash, shifted);
  if (slash != 20 || parsed.ec != std::errc() || parsed.ptr != after.data() + slash) {
    return BadToken("malformed");
  }
  rows.after_number = static_cast<int64_t>(shifted ^ (uint64_t{1} << 63));
  rows.after_id = after.substr(slash + 1);
  return rows;
}

StatusOr<Page> ReadPage(const Message& request, std::string_view caller_scope) {
  const auto* reflection = request.GetReflection();
  const auto* size_field = Field(request, "page_size");
  const auto* token_field = Field(request, "page_token");
  if (size_field == nullptr || token_field == nullptr) {
    return InternalError(request.GetDescriptor()->full_name() + " has no page fields");
  }
  Page page;
  page.scope = ScopeOf(request, caller_scope);
  int32_t size = reflection->GetInt32(request, size_field);
  if (size < 0 || size > kMaxPageSize) {
    return InvalidArgumentError("page_size " + std::to_string(size) + " is out of range: 1 to " +
                                std::to_string(kMaxPageSize) + ", or 0 for " +
                                std::to_string(kDefaultPageSize));
  }
  if (size > 0) page.size = size;
  std::string token = reflection->GetString(request, token_field);
  if (token.empty()) return page;
  NW_ASSIGN_OR_RETURN(page.after, KeyOfToken(token, page.scope));
  return page;
}

std::string PageKey(int64_t number, std::string_view tie) {
  // Offset so that every int64 maps to a non-negative 20-digit number in the same order.
  uint64_t shifted = static_cast<uint64_t>(number) ^ (uint64_t{1} << 63);
  std::string digits = std::to_string(shifted);
  return std::string(20 - digits.size(), '0') + digits + "/" + std::string(tie);
}

}  // namespace needlework::host
