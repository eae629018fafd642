#include "host/plugins/signature.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <map>
#include <vector>

#include "host/plugins/ed25519.h"

namespace needlework::signing {
namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return lines;
}

// "name: value" lines into a map; INVALID_ARGUMENT for a malformed or repeated line.
StatusOr<std::map<std::string, std::string, std::less<>>> Fields(
    const std::vector<std::string_view>& lines) {
  std::map<std::string, std::string, std::less<>> fields;
  for (size_t i = 1; i < lines.size(); ++i) {
    size_t colon = lines[i].find(": ");
    if (colon == std::string_view::npos) {
      return InvalidArgumentError("line " + std::to_string(i + 1) + " is not 'name: value'");
    }
    std::string name(lines[i].substr(0, colon));
    if (!fields.emplace(name, std::string(lines[i].substr(colon + 2))).second) {
      return InvalidArgumentError("'" + name + "' is given twice");
    }
  }
  return fields;
}

StatusOr<std::string> Field(const std::map<std::string, std::string, std::less<>>& fields,
                            std::string_view name) {
  auto it = fields.find(name);
  if (it == fields.end()) return InvalidArgumentError("no '" + std::string(name) + "' line");
  return it->second;
}

Status CheckHash(std::string_view name, std::string_view value) {
  if (IsSha256Hex(value)) return OkStatus();
  return InvalidArgumentError("'" + std::string(name) + "' is not 64 lower-case hex digits");
}

}  // namespace

bool IsSha256Hex(std::string_view text) {
  return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string SignedMessage(std::string_view file_sha256, std::string_view manifest_sha256) {
  std::string message(kSignatureMagic);
  message.append("\n").append(file_sha256).append("\n").append(manifest_sha256).append("\n");
  return message;
}

std::string ManifestSha256(const needlework::plugin::v1::Manifest& manifest) {
  std::string bytes;
  google::protobuf::io::StringOutputStream stream(&bytes);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  manifest.SerializeToCodedStream(&coded);
  coded.Trim();
  return Sha256Hex(bytes);
}

std::string FormatSignature(const PluginSignature& signature) {
  std::string text(kSignatureMagic);
  text += "\nkey: " + signature.key + "\nfile-sha256: " + signature.file_sha256 +
          "\nmanifest-sha256: " + signature.manifest_sha256 +
          "\nsignature: " + Base64Encode(signature.signature) + "\n";
  return text;
}

StatusOr<PluginSignature> ParseSignature(std::string_view text) {
  std::vector<std::string_view> lines = Lines(text);
  if (lines.empty() || lines[0] != kSignatureMagic) {
    return InvalidArgumentError("the first line is not '" + std::string(kSignatureMagic) + "'");
  }
  NW_ASSIGN_OR_RETURN(auto fields, Fields(lines));
  PluginSignature signature;
  NW_ASSIGN_OR_RETURN(signature.key, Field(fields, "key"));
  NW_ASSIGN_OR_RETURN(signature.file_sha256, Field(fields, "file-sha256"));
  NW_ASSIGN_OR_RETURN(signature.manifest_sha256, Field(fields, "manifest-sha256"));
  NW_ASSIGN_OR_RETURN(std::string encoded, Field(fields, "signature"));
  NW_RETURN_IF_ERROR(CheckHash("file-sha256", signature.file_sha256));
  NW_RETURN_IF_ERROR(CheckHash("manifest-sha256", signature.manifest_sha256));
  StatusOr<std::string> raw = Base64Decode(encoded);
  if (!raw.ok() || raw->size() != 64) {
    return InvalidArgumentError("'signature' is not the base64 of 64 bytes");
  }
  signature.signature = std::move(raw).value();
  if (fields.size() != 4) return InvalidArgumentError("unknown lines beside the four fields");
  return signature;
}

StatusOr<PluginSignature> SignPlugin(std::string_view private_pem, std::string_view file_sha256,
                                     std::string_view manifest_sha256) {
  PluginSignature signature;
  NW_ASSIGN_OR_RETURN(std::string public_pem, PublicPem(private_pem));
  NW_ASSIGN_OR_RETURN(signature.key, Fingerprint(public_pem));
  signature.file_sha256 = std::string(file_sha256);
  signature.manifest_sha256 = std::string(manifest_sha256);
  NW_ASSIGN_OR_RETURN(signature.signature,
                      Sign(private_pem, SignedMessage(file_sha256, manifest_sha256)));
  return signature;
}

Status VerifyPluginSignature(const PluginSignature& signature, std::string_view public_pem,
                             std::string_view file_sha256) {
  NW_ASSIGN_OR_RETURN(std::string fingerprint, Fingerprint(public_pem));
  if (signature.key != fingerprint) {
    return PermissionDeniedError("signed by key " + signature.key + ", not by " + fingerprint);
  }
  if (signature.file_sha256 != file_sha256) {
    return PermissionDeniedError("the signature is for a file with sha256 " +
                                 signature.file_sha256 + ", but this file has " +
                                 std::string(file_sha256) + " (changed after signing?)");
  }
  Status valid = Verify(public_pem, SignedMessage(signature.file_sha256, signature.manifest_sha256),
                        signature.signature);
  if (!valid.ok()) return PermissionDeniedError("the signature is invalid: " + valid.message());
  return OkStatus();
}

}  // namespace needlework::signing
