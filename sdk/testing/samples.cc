#include "samples.h"

#include <google/protobuf/util/json_util.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

namespace needlework::conformance {
namespace {

namespace fs = std::filesystem;

// The hook a sample file is for, from its name: "<hook>.<ext>" or "<hook>-<any>.<ext>".
const HookInfo* HookOfFile(const fs::path& file) {
  const std::string stem = file.stem().string();
  for (const auto& hook : AllHooks()) {
    if (stem == hook.name || stem.rfind(hook.name + "-", 0) == 0) return &hook;
  }
  return nullptr;
}

constexpr std::string_view kExpectedSuffix = ".expected.json";

bool IsExpectedAnswer(const fs::path& file) {
  return file.filename().string().ends_with(kExpectedSuffix);
}

bool IsSampleFile(const fs::path& file) {
  if (IsExpectedAnswer(file)) return false;
  return file.extension() == ".json" || file.extension() == ".binpb";
}

// `<dir>/<stem>.expected.json` for the sample `<dir>/<stem>.<ext>`.
fs::path ExpectedAnswerOf(const fs::path& sample) {
  return sample.parent_path() / (sample.stem().string() + std::string(kExpectedSuffix));
}

// The sample whose expected answer `expected` is, when there is one.
bool HasItsSample(const fs::path& expected) {
  std::string name = expected.filename().string();
  name.resize(name.size() - kExpectedSuffix.size());
  const fs::path dir = expected.parent_path();
  return fs::is_regular_file(dir / (name + ".json")) ||
         fs::is_regular_file(dir / (name + ".binpb"));
}

std::string ReadFile(const fs::path& file, bool* ok) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  *ok = static_cast<bool>(in);
  return content.str();
}

std::vector<fs::path> FilesIn(const std::string& dir) {
  std::vector<fs::path> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The file's request, serialized; "" and a problem when it cannot be read as one.
std::string ReadSample(const fs::path& file, const HookInfo& hook,
                       std::vector<std::string>* problems) {
  bool ok = false;
  std::string content = ReadFile(file, &ok);
  if (!ok) {
    problems->push_back(file.string() + ": cannot be read");
    return "";
  }
  if (file.extension() == ".binpb") return content;
  std::unique_ptr<google::protobuf::Message> request(hook.request->New());
  auto parsed = google::protobuf::util::JsonStringToMessage(content, request.get());
  if (!parsed.ok()) {
    problems->push_back(file.string() + ": not a " + request->GetTypeName() + " in proto3 JSON (" +
                        parsed.ToString() + ")");
    return "";
  }
  return request->SerializeAsString();
}

}  // namespace

std::vector<Sample> LoadSamples(const std::string& dir, const HookInfo& hook,
                                std::vector<std::string>* problems) {
  std::vector<Sample> samples;
  if (dir.empty()) return samples;
  for (const auto& file : FilesIn(dir)) {
    if (!IsSampleFile(file) || HookOfFile(file) != &hook) continue;
    std::string bytes = ReadSample(file, hook, problems);
    if (bytes.empty() && file.extension() != ".binpb") continue;
    Sample sample{"sample " + file.filename().string(), bytes, ""};
    const fs::path expected = ExpectedAnswerOf(file);
    if (fs::exists(expected)) {
      bool ok = false;
      sample.expected_json = ReadFile(expected, &ok);
      if (!ok) problems->push_back(expected.string() + ": cannot be read");
    }
    samples.push_back(std::move(sample));
  }
  return samples;
}

std::vector<std::string> UnclaimedSampleFiles(const std::string& dir) {
  std::vector<std::string> problems;
  if (dir.empty()) return problems;
  if (!fs::is_directory(dir)) return {"samples directory " + dir + " does not exist"};
  for (const auto& file : FilesIn(dir)) {
    if (IsExpectedAnswer(file)) {
      if (!HasItsSample(file)) {
        problems.push_back(file.string() + ": an expected answer without its sample " +
                           "(the request goes in the same name without .expected)");
      }
    } else if (!IsSampleFile(file) || HookOfFile(file) == nullptr) {
      problems.push_back(file.string() + ": not a sample (name it <hook>[-<name>].json or .binpb)");
    }
  }
  return problems;
}

std::vector<Sample> MalformedRequests(const HookInfo& hook, const std::string& sample,
                                      uint32_t seed, int count) {
  std::vector<Sample> requests = {
      {"an empty request", ""},
      {"the sample cut in half", sample.substr(0, sample.size() / 2)},
      {"field 1 with the invalid wire type 7", "\x0f"},
      {"field 1 claiming 4 GiB of bytes", std::string("\x0a\xff\xff\xff\xff\x0f", 6)},
      {"a group that never ends", "\x0b"},
  };
  for (size_t at : {size_t{0}, sample.size() / 3, sample.size() - 1}) {
    if (at >= sample.size()) continue;
    std::string flipped = sample;
    flipped[at] = static_cast<char>(~flipped[at]);
    requests.push_back({"the sample with byte " + std::to_string(at) + " flipped", flipped});
  }
  std::mt19937 random(seed ^ (static_cast<uint32_t>(hook.hook) * 2654435761u));
  std::uniform_int_distribution<int> length(0, 256), byte(0, 255);
  for (int i = 0; i < count; ++i) {
    std::string bytes(static_cast<size_t>(length(random)), '\0');
    for (char& c : bytes) c = static_cast<char>(byte(random));
    requests.push_back(
        {"random request #" + std::to_string(i) + " (seed " + std::to_string(seed) + ")", bytes});
  }
  return requests;
}

std::string Hex(const std::string& bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (size_t i = 0; i < bytes.size() && i < 64; ++i) {
    auto c = static_cast<unsigned char>(bytes[i]);
    hex += kDigits[c >> 4];
    hex += kDigits[c & 15];
  }
  if (bytes.size() > 64) hex += "... (" + std::to_string(bytes.size()) + " bytes)";
  return hex.empty() ? "(empty)" : hex;
}

}  // namespace needlework::conformance
