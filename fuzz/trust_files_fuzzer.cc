// libFuzzer target: the files that decide whether a plugin may load (host/plugins/trust.h),
// read by the host's own code from real files: the approved catalog (`sha256sum` format,
// plugin_trust.approved_file) and the plugin's `.sig` (host/plugins/signature.h).
//
// Input: the approved file's text, "\n---\n", then the .sig's text (without the separator,
// the whole input is both). Each input is written to a private directory beside a fixed stand-in
// plugin file; an enforcing PluginTrust is created from that approved file and a signer whose
// public key is fuzz/trust_files_signer.pub.pem, then judges the stand-in (approved hash, then
// the .sig: signer, file hash, Ed25519 signature) and the manifest the seeds signed
// (fuzz/seed_trust_files.sh makes seeds that pass every check). The .sig is also parsed on
// its own, and a parsed one must format and parse back to the same fields.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <string_view>

#include "host/plugins/signature.h"
#include "host/plugins/trust.h"

namespace {

namespace host = needlework::host;
namespace signing = needlework::signing;

// Must match fuzz/seed_trust_files.sh.
constexpr std::string_view kPluginBytes = "needlework fuzz stand-in plugin: not a library\n";

void Write(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush()) {
    std::perror(path.c_str());
    std::abort();
  }
}

struct Fixture {
  std::string dir;
  host::PluginTrustConfig config;
  needlework::plugin::v1::Manifest manifest;
  std::string plugin_file;
};

const Fixture& TheFixture();

void RemoveFixtureFiles() {
  const Fixture& fixture = TheFixture();
  for (const std::string& file :
       {fixture.plugin_file, fixture.plugin_file + ".sig", fixture.config.approved_file}) {
    ::unlink(file.c_str());
  }
  ::rmdir(fixture.dir.c_str());
}

const Fixture& TheFixture() {
  static const Fixture* const kFixture = [] {
    auto* fixture = new Fixture();
    char dir[] = "/tmp/needlework-trust-fuzz-XXXXXX";
    if (::mkdtemp(dir) == nullptr) std::abort();
    fixture->dir = dir;
    fixture->plugin_file = fixture->dir + "/plugin.so";
    Write(fixture->plugin_file, kPluginBytes);
    fixture->config.present = true;
    fixture->config.signers.push_back(
        {"fuzz", std::string(NEEDLEWORK_SOURCE_DIR) + "/fuzz/trust_files_signer.pub.pem"});
    fixture->config.approved_file = fixture->dir + "/approved.sha256";
    fixture->manifest.set_id("org.needlework.fuzz");
    fixture->manifest.set_version("1.0.0");
    std::atexit(RemoveFixtureFiles);
    return fixture;
  }();
  return *kFixture;
}

void CheckFormatRoundTrip(std::string_view text) {
  auto parsed = signing::ParseSignature(text);
  if (!parsed.ok()) return;
  auto again = signing::ParseSignature(signing::FormatSignature(*parsed));
  if (again.ok() && again->key == parsed->key && again->file_sha256 == parsed->file_sha256 &&
      again->manifest_sha256 == parsed->manifest_sha256 && again->signature == parsed->signature) {
    return;
  }
  std::fprintf(stderr, "a parsed signature does not format and parse back: %s\n",
               again.ok() ? "fields differ" : again.status().ToString().c_str());
  std::abort();
}

void JudgePlugin(const Fixture& fixture) {
  auto trust = host::PluginTrust::Create(fixture.config);
  if (!trust.ok()) return;
  auto opened = trust->Open(fixture.plugin_file);
  if (!opened.ok()) {
    std::fprintf(stderr, "cannot open the stand-in: %s\n", opened.status().ToString().c_str());
    std::abort();
  }
  auto verdict = trust->CheckBeforeLoad(*opened);
  if (!verdict.ok()) return;
  (void)host::PluginTrust::CheckManifest(*verdict, fixture.manifest);
  (void)host::PluginTrust::Describe(*verdict);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  constexpr std::string_view kSeparator = "\n---\n";
  size_t at = input.find(kSeparator);
  std::string_view approved = at == std::string_view::npos ? input : input.substr(0, at);
  std::string_view sig =
      at == std::string_view::npos ? input : input.substr(at + kSeparator.size());
  const Fixture& fixture = TheFixture();
  Write(fixture.config.approved_file, approved);
  Write(fixture.plugin_file + std::string(signing::kSignatureSuffix), sig);
  JudgePlugin(fixture);
  CheckFormatRoundTrip(sig);
  return 0;
}
