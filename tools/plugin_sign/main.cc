// needlework-plugin-sign: needleworkctl's local signing commands (plugin keygen, sign,
// verify, hash) for a vendor's machine, installed with the SDK (needlework-sdk-dev), which
// has neither the host nor needleworkctl. The same code as needleworkctl's commands
// (needleworkctl_trust), without the gRPC client: `needlework-plugin-sign sign F --key K`
// does exactly what `needleworkctl plugin sign F --key K` does.
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "commands/trust.h"
#include "ctl.h"

namespace {

using needlework::ctl::TrustArgs;

constexpr char kUsage[] =
    "usage: needlework-plugin-sign <command> [args]\n"
    "  keygen --out DIR [--name NAME]   make an Ed25519 key pair: DIR/NAME.key.pem (secret,\n"
    "                                   mode 0600) and DIR/NAME.pub.pem (for hosts)\n"
    "  sign <plugin-file> --key PRIVATE.pem\n"
    "                                   write <plugin-file>.sig (sign the very file you ship)\n"
    "  verify <plugin-file> --key PUBLIC.pem\n"
    "                                   check the signature as the host will (exit 1: not)\n"
    "  hash <plugin-file>...            print the SHA-256 a clinic's admin approves\n"
    "These are needleworkctl's `plugin keygen|sign|verify|hash`; sdk/README.md, \"Signing\n"
    "and shipping\", says how they fit together.\n";

int Usage(std::string_view problem) {
  std::cerr << "needlework-plugin-sign: " << problem << "\n" << kUsage;
  return needlework::ctl::kExitUsage;
}

// Reads `--flag VALUE`, `--flag=VALUE` and plugin files into `args`; a problem, or "".
std::string ParseArgs(const std::vector<std::string>& words, TrustArgs* args) {
  for (size_t i = 0; i < words.size(); ++i) {
    std::string word = words[i], value;
    if (word.rfind("--", 0) != 0) {
      args->plugin_files.push_back(word);
      continue;
    }
    if (size_t equals = word.find('='); equals != std::string::npos) {
      value = word.substr(equals + 1);
      word.resize(equals);
    } else if (i + 1 < words.size()) {
      value = words[++i];
    } else {
      return word + " needs a value";
    }
    if (word == "--out") {
      args->out_dir = value;
    } else if (word == "--name") {
      args->display_name = value;
    } else if (word == "--key") {
      args->key_file = value;
    } else {
      return "unknown flag " + word;
    }
  }
  return "";
}

// What `command` needs that `args` lacks, or "".
std::string Missing(std::string_view command, const TrustArgs& args) {
  if (command == "keygen") return args.out_dir.empty() ? "keygen needs --out DIR" : "";
  if (command == "hash") return args.plugin_files.empty() ? "hash needs a plugin file" : "";
  if (args.plugin_files.size() != 1) return std::string(command) + " takes one plugin file";
  return args.key_file.empty() ? std::string(command) + " needs --key" : "";
}

}  // namespace

int main(int argc, char** argv) {
  namespace ctl = needlework::ctl;
  std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty()) return Usage("which command?");
  const std::string command = words.front();
  words.erase(words.begin());
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return ctl::kExitOk;
  }
  if (command != "keygen" && command != "sign" && command != "verify" && command != "hash") {
    return Usage("unknown command " + command);
  }
  TrustArgs args;
  if (std::string problem = ParseArgs(words, &args); !problem.empty()) return Usage(problem);
  if (std::string problem = Missing(command, args); !problem.empty()) return Usage(problem);
  if (command == "keygen") return ctl::PluginKeygen(args, std::cout, std::cerr);
  if (command == "sign") return ctl::PluginSign(args, std::cout, std::cerr);
  if (command == "verify") return ctl::PluginVerify(args, std::cout, std::cerr);
  return ctl::PluginHash(args, std::cout, std::cerr);
}
