// Rendering of the plugin-signing commands' results.
#include "render.h"

namespace needlework::ctl {
namespace {

void PrintPlugin(const SignatureReport& report, std::ostream& out) {
  out << "  plugin:          " << report.plugin_id << ' ' << report.plugin_version << '\n'
      << "  file-sha256:     " << report.file_sha256 << '\n'
      << "  manifest-sha256: " << report.manifest_sha256 << '\n'
      << "  key:             " << report.key << '\n';
}

}  // namespace

void RenderKeygen(std::string_view fingerprint, std::string_view private_file,
                  std::string_view public_file, std::ostream& out) {
  out << "Key " << fingerprint << "\n"
      << "  private key: " << private_file << "  (mode 0600; keep it secret, never ship it)\n"
      << "  public key:  " << public_file
      << "  (give it to hosts: plugin_trust.signers[].public_key_file)\n";
}

void RenderSigned(const SignatureReport& report, std::string_view signature_file,
                  std::ostream& out) {
  out << "Signed " << report.plugin_file << "\n";
  PrintPlugin(report, out);
  out << "  signature:       " << signature_file << "  (ship it beside the plugin)\n";
}

void RenderVerified(const SignatureReport& report, std::ostream& out) {
  out << "Verified " << report.plugin_file << "\n";
  PrintPlugin(report, out);
}

void RenderHashLine(std::string_view sha256, std::string_view file, std::ostream& out) {
  out << sha256 << "  " << file << '\n';
}

}  // namespace needlework::ctl
