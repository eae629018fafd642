// needlework-plugin-sign: needleworkctl's local signing commands (plugin keygen, sign,
// verify, hash) for a vendor's machine, installed with the SDK (needlework-sdk-dev), which
// has no host and no needleworkctl. `needlework-plugin-sign sign F --key K` runs exactly
// `needleworkctl plugin sign F --key K`: the same code, the same files, the same checks.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "ctl.h"

namespace {

constexpr char kUsage[] =
    "usage: needlework-plugin-sign <command> [args]\n"
    "  keygen --out DIR [--name NAME]   make an Ed25519 key pair (NAME.key.pem, NAME.pub.pem)\n"
    "  sign <plugin-file> --key PRIVATE.pem\n"
    "                                   write <plugin-file>.sig (sign the very file you ship)\n"
    "  verify <plugin-file> --key PUBLIC.pem\n"
    "                                   check the signature as the host will\n"
    "  hash <plugin-file>...            print the SHA-256 a clinic's admin approves\n"
    "`needlework-plugin-sign <command> --help` says more; these are needleworkctl's\n"
    "`plugin keygen|sign|verify|hash`, and its messages say needleworkctl.\n";

bool IsCommand(const char* word) {
  for (const char* command : {"keygen", "sign", "verify", "hash"}) {
    if (std::strcmp(word, command) == 0) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !IsCommand(argv[1])) {
    const bool help = argc >= 2 && (std::strcmp(argv[1], "--help") == 0 ||
                                    std::strcmp(argv[1], "-h") == 0 ||
                                    std::strcmp(argv[1], "help") == 0);
    (help ? std::cout : std::cerr) << kUsage;
    return help ? needlework::ctl::kExitOk : needlework::ctl::kExitUsage;
  }
  std::vector<std::string> args = {"plugin"};
  args.insert(args.end(), argv + 1, argv + argc);
  return needlework::ctl::RunCtl(args, std::cout, std::cerr);
}
