// needlework-plugin-harness: calls one hook of a plugin file and prints the answer. See
// --help and sdk/README.md, "Seeing one answer".
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>

#include "harness.h"

namespace {

using needlework::harness::HarnessOptions;

constexpr char kUsage[] =
    "usage: needlework-plugin-harness --plugin=<file.so> --hook=<hook>\n"
    "         [--request=<file.json>] [--fhir=<bundle.json>] [--config=<json merge patch>]\n"
    "         [--mode=in_process|process] [--runner=<needlework-plugin-runner>]\n"
    "         [--deadline-ms=<n>]\n";

constexpr char kHelp[] =
    "Loads a plugin file the way needlework-host does (development mode: unsigned is fine),\n"
    "creates its instance with its default config, calls one hook once, and prints the\n"
    "answer as proto3 JSON on stdout. The plugin's log lines go to stderr as the host logs\n"
    "them (\"event\":\"plugin_log\").\n"
    "  --hook=<hook>        screen, plan, check_booking, aftercare, triage or catalog\n"
    "  --request=<file>     the <Hook>Request in proto3 JSON (default: an empty request)\n"
    "  --fhir=<file>        screen, plan: the patient as a FHIR R4 Bundle, read as the host\n"
    "                       reads an EMR's (over any patient in --request)\n"
    "  --config=<json>      a merge patch over the default config, as a clinic sets one\n"
    "  --mode=<mode>        in_process (default) or process: in a needlework-plugin-runner\n"
    "                       child with the limits a host gives it\n"
    "  --runner=<file>      process mode's runner (default: ../libexec/needlework/ beside\n"
    "                       this program, as installed)\n"
    "  --deadline-ms=<n>    create_instance's and the hook's deadline (default 500)\n"
    "Exit status: 0 answered OK, 1 refused or failed (the reason on stderr), 2 usage.\n";

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  *ok = static_cast<bool>(in);
  return content.str();
}

// Sets one flag; false (with a message on stderr) when it is unknown or its value is bad.
bool SetFlag(std::string_view name, const std::string& value, HarnessOptions* options) {
  bool ok = true;
  if (name == "--plugin") {
    options->plugin_file = value;
  } else if (name == "--hook") {
    options->hook = value;
  } else if (name == "--request") {
    options->request_json = ReadFile(value, &ok);
  } else if (name == "--fhir") {
    options->fhir_json = ReadFile(value, &ok);
  } else if (name == "--config") {
    options->config_patch = value;
  } else if (name == "--mode" && (value == "in_process" || value == "process")) {
    options->mode = value == "process" ? needlework::host::IsolationMode::kProcess
                                       : needlework::host::IsolationMode::kInProcess;
  } else if (name == "--runner") {
    options->runner = value;
  } else if (name == "--deadline-ms" && !value.empty() &&
             value.find_first_not_of("0123456789") == std::string::npos && value.size() < 7) {
    options->deadline = std::chrono::milliseconds(std::stoi(value));
  } else {
    std::fprintf(stderr, "needlework-plugin-harness: unknown flag or bad value: %s=%s\n",
                 std::string(name).c_str(), value.c_str());
    return false;
  }
  if (!ok) std::fprintf(stderr, "needlework-plugin-harness: cannot read %s\n", value.c_str());
  return ok;
}

// 0 when the flags are complete, 2 after a message, -1 for --help.
int ParseFlags(int argc, char** argv, HarnessOptions* options) {
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--help" || arg == "-h") return -1;
    size_t equals = arg.find('=');
    std::string value;
    if (equals != std::string_view::npos) {
      value = std::string(arg.substr(equals + 1));
      arg = arg.substr(0, equals);
    } else if (i + 1 < argc) {
      value = argv[++i];
    }
    if (!SetFlag(arg, value, options)) return 2;
  }
  if (options->plugin_file.empty() || options->hook.empty()) {
    std::fputs("needlework-plugin-harness: --plugin and --hook are required\n", stderr);
    return 2;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  HarnessOptions options;
  const int parsed = ParseFlags(argc, argv, &options);
  if (parsed != 0) {
    std::fputs(kUsage, parsed == -1 ? stdout : stderr);
    if (parsed == -1) std::fputs(kHelp, stdout);
    return parsed == -1 ? 0 : 2;
  }
  auto answer = needlework::harness::RunHook(options);
  if (!answer.ok()) {
    std::cerr << "needlework-plugin-harness: " << answer.status().ToString() << "\n";
    return 1;
  }
  std::cout << *answer << "\n";
  return 0;
}
