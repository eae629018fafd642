// Plugin directories for trust tests: built-in plugins copied to a temp dir, keys made and
// files signed with the real needleworkctl binary, as a vendor and an admin would; and a
// fixture starting hosts on them in enforce or development mode.
#ifndef NEEDLEWORK_TESTS_INTEGRATION_TRUST_HELPERS_H_
#define NEEDLEWORK_TESTS_INTEGRATION_TRUST_HELPERS_H_

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "integration/api_helpers.h"
#include "support/host_process.h"

namespace needlework::testing {

// The built-in plugin module of `name` (e.g. "screening"), copied into `dir`; its new path.
inline std::string CopyPlugin(const std::string& name, const std::string& dir) {
  std::filesystem::create_directories(dir);
  ::chmod(dir.c_str(), 0755);
  std::string to = dir + "/needlework_" + name + ".so";
  std::filesystem::copy_file(std::string(NEEDLEWORK_PLUGIN_DIR) + "/needlework_" + name + ".so", to,
                             std::filesystem::copy_options::overwrite_existing);
  return to;
}

// Runs needleworkctl; fails the test unless it exits 0. Its stdout.
inline std::string Ctl(const std::vector<std::string>& args) {
  std::string out, err;
  int code = RunCtlBinary(args, &out, &err);
  std::string command;
  for (const auto& arg : args) command += " " + arg;
  EXPECT_EQ(code, 0) << "needleworkctl" << command << ": " << err;
  return out;
}

// The sha256 `plugin hash` prints for `file`.
inline std::string HashOf(const std::string& file) {
  std::string line = Ctl({"plugin", "hash", file});
  return line.substr(0, line.find(' '));
}

// Flips one byte in the middle of `file`.
inline void FlipOneByte(const std::string& file) {
  std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
  io.seekg(0, std::ios::end);
  auto middle = io.tellg() / 2;
  io.seekg(middle);
  char byte = 0;
  io.get(byte);
  io.seekp(middle);
  io.put(static_cast<char>(byte ^ 0x01));
}

// Changes one character of the signature line of a .sig file: still well-formed base64 of
// 64 bytes, but another signature.
inline void CorruptSignature(const std::string& sig_file) {
  std::ifstream in(sig_file);
  std::stringstream text;
  text << in.rdbuf();
  std::string changed = text.str();
  size_t at = changed.rfind("signature: ") + 12;
  changed[at] = changed[at] == 'A' ? 'B' : 'A';
  std::ofstream(sig_file, std::ios::trunc) << changed;
}

// Two vendor keys (acme, the trusted signer, and other) in a temp root, and hosts started on
// plugin directories under it.
class TrustFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    Ctl({"plugin", "keygen", "--out", root_.File("keys"), "--name", "acme"});
    Ctl({"plugin", "keygen", "--out", root_.File("keys"), "--name", "other"});
  }

  std::string Dir(const std::string& name) const { return root_.File(name); }
  std::string Key(const std::string& name) const { return root_.File("keys/" + name); }
  void Sign(const std::string& file, const std::string& key = "acme") {
    Ctl({"plugin", "sign", file, "--key", Key(key + ".key.pem")});
  }
  // An enforce-mode plugin_trust body: acme is the one signer, `approved` the hashes.
  std::string Enforce(const std::vector<std::string>& approved) const {
    std::string yaml =
        "  mode: enforce\n  signers:\n    - {id: acme, public_key_file: " + Key("acme.pub.pem") +
        "}\n  approved:\n";
    for (const auto& hash : approved) yaml += "    - {sha256: " + hash + "}\n";
    return yaml;
  }
  std::unique_ptr<HostProcess> Start(std::vector<std::string> dirs, const std::string& trust) {
    HostOptions options;
    options.plugin_dirs = std::move(dirs);
    options.plugin_trust = trust;
    return HostProcess::Start(options);
  }
  static const v1::InstalledPlugin* Entry(const v1::ListPluginsResponse& list,
                                          const std::string& file) {
    for (const auto& plugin : list.plugins()) {
      if (plugin.file() == file) return &plugin;
    }
    ADD_FAILURE() << file << " is not listed";
    static const v1::InstalledPlugin kNone;
    return &kNone;
  }

  TempDir root_;
};

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_INTEGRATION_TRUST_HELPERS_H_
