#include "usage.h"

#include <algorithm>
#include <string>

#include "registry.h"

namespace needlework::ctl {
namespace {

constexpr std::string_view kProgram = "needleworkctl";

constexpr std::string_view kGlobalFlags =
    "Global flags (accepted anywhere on the line):\n"
    "  --address ADDR     the host: HOST:PORT or unix:/PATH (default 127.0.0.1:50051,\n"
    "                     or $NEEDLEWORK_ADDRESS)\n"
    "  --token TOKEN      bearer token (or $NEEDLEWORK_TOKEN): `admin` for the clinic,\n"
    "                     plugin, resource and hours commands; a clinic's `emr` token for\n"
    "                     therapies, screen and the plan, slot, appointment and\n"
    "                     aftercare commands\n"
    "  --json             print the response as JSON (proto3 JSON mapping) for scripts\n"
    "  --timeout SECONDS  deadline of each call (default 10)\n"
    "  --tls-ca FILE      TLS: the CA (PEM) that signed the host's certificate\n"
    "                     (or $NEEDLEWORK_TLS_CA)\n"
    "  --tls-cert FILE    mutual TLS: this client's certificate (or $NEEDLEWORK_TLS_CERT)\n"
    "  --tls-key FILE     mutual TLS: its private key (or $NEEDLEWORK_TLS_KEY)\n"
    "  --tls-server-name NAME  the name the host's certificate must carry, when it is not\n"
    "                     the host of --address (or $NEEDLEWORK_TLS_SERVER_NAME)\n"
    "  -h, --help         show help\n"
    "  --version          print needleworkctl's version (that of its package) and exit\n"
    "Flags win over the environment. --flag=VALUE works too; -- ends the flags.\n";

constexpr std::string_view kExitStatus =
    "Exit status: 0 done; 1 the host answered with an error or could not be reached;\n"
    "2 usage error or unreadable file.\n";

// "needleworkctl [global flags] clinic create <clinic-id> [--name NAME]".
std::string UsageLine(const Command& info) {
  std::string line = std::string(kProgram) + " [global flags] " + std::string(info.name);
  if (!info.synopsis.empty()) line.append(" ").append(info.synopsis);
  return line;
}

// "usage: <line>" for each command of `topic`, the next ones indented under the first.
std::string UsageLines(std::string_view topic) {
  if (topic.empty()) return "usage: " + std::string(kProgram) + " [global flags] <command> ...\n";
  std::string text;
  for (const Command& info : AllCommands()) {
    if (!InTopic(info, topic)) continue;
    text.append(text.empty() ? "usage: " : "       ").append(UsageLine(info)).append("\n");
  }
  return text;
}

std::string Overview() {
  std::string text =
      "Administers a running needlework-host over gRPC.\n\n" + UsageLines("") + "\nCommands:\n";
  size_t width = 0;
  for (const Command& info : AllCommands()) width = std::max(width, info.name.size());
  for (const Command& info : AllCommands()) {
    std::string name(info.name);
    name.resize(width, ' ');
    text.append("  ").append(name).append("  ").append(info.summary).append("\n");
  }
  text.append("\n").append(kGlobalFlags).append("\n").append(kExitStatus);
  text.append("Run '").append(kProgram).append(" help <command>' for a command's arguments.\n");
  return text;
}

std::string CommandHelp(const Command& info) {
  return UsageLines(info.name) + "\n" + std::string(info.summary) + ".\n\n" +
         std::string(info.details) + "\n\n" + std::string(kGlobalFlags);
}

}  // namespace

std::string HelpText(std::string_view topic) {
  if (topic.empty()) return Overview();
  if (const Command* info = FindCommand(topic)) return CommandHelp(*info);
  return UsageLines(topic) + "Run '" + std::string(kProgram) + " help " + std::string(topic) +
         " <subcommand>' for details.\n";
}

Status UsageError(std::string_view topic, std::string_view problem) {
  std::string message =
      topic.empty() ? std::string(problem) : std::string(topic) + ": " + std::string(problem);
  message.append("\n").append(UsageLines(topic));
  message.append("Run '").append(kProgram).append(" help");
  if (!topic.empty()) message.append(" ").append(topic);
  message.append("' for more.");
  return InvalidArgumentError(std::move(message));
}

}  // namespace needlework::ctl
