// The plugin-signing commands: plugin keygen, sign, verify, hash. They run locally and never
// call a host, so a vendor can sign on a build machine. Their arguments and how their results
// read; the commands themselves are in trust_ops.cc (needleworkctl_trust), declared for
// needleworkctl in trust.cc.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_TRUST_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_TRUST_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace needlework::ctl {

struct TrustArgs {
  std::vector<std::string> plugin_files;  // sign, verify: <plugin-file>; hash: several
  std::string key_file;                   // sign, verify: --key PEM
  std::string out_dir;                    // keygen: --out DIR
  std::string display_name;               // keygen: --name, the key files' name
};

// The commands, each writing its result to `out` and its errors (prefixed "needleworkctl: ")
// to `err`; an exit code of ctl.h: kExitOk, kExitRpcError for a signature that does not
// verify, kExitUsage for a file or key that cannot be read or written.
int PluginKeygen(const TrustArgs& args, std::ostream& out, std::ostream& err);  // out_dir
int PluginSign(const TrustArgs& args, std::ostream& out, std::ostream& err);    // 1 file, key
int PluginVerify(const TrustArgs& args, std::ostream& out, std::ostream& err);  // 1 file, key
int PluginHash(const TrustArgs& args, std::ostream& out, std::ostream& err);    // files

// `plugin keygen`: where the keys went and the fingerprint.
void RenderKeygen(std::string_view fingerprint, std::string_view private_file,
                  std::string_view public_file, std::ostream& out);

// `plugin sign` and `plugin verify`: the plugin, its hashes and the signing key.
struct SignatureReport {
  std::string plugin_file;
  std::string plugin_id;
  std::string plugin_version;
  std::string file_sha256;
  std::string manifest_sha256;
  std::string key;  // fingerprint
};
void RenderSigned(const SignatureReport& report, std::string_view signature_file,
                  std::ostream& out);
void RenderVerified(const SignatureReport& report, std::ostream& out);

// `plugin hash`: "<sha256>  <file>" per line, as sha256sum prints it.
void RenderHashLine(std::string_view sha256, std::string_view file, std::ostream& out);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_COMMANDS_TRUST_H_
