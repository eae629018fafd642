#include "host/limits/cgroup_paths.h"

#include <filesystem>
#include <sstream>
#include <vector>

#include "host/limits/kernel_files.h"

namespace needlework::host {
namespace {

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  std::istringstream in{std::string(text)};
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> Fields(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  for (std::string field; in >> field;) fields.push_back(field);
  return fields;
}

// mountinfo writes a space, tab, newline and backslash in a path as \040, \011, \012, \134.
std::string Unescape(const std::string& field) {
  std::string out;
  for (size_t i = 0; i < field.size(); ++i) {
    bool octal = field[i] == '\\' && i + 3 < field.size() &&
                 field.substr(i + 1, 3).find_first_not_of("01234567") == std::string::npos;
    if (octal) {
      out += static_cast<char>(std::stoi(field.substr(i + 1, 3), nullptr, 8));
      i += 3;
    } else {
      out += field[i];
    }
  }
  return out;
}

// `path` is `root` or lies under it ("/a" holds "/a" and "/a/b", not "/ab").
bool Holds(const std::string& root, const std::string& path) {
  if (root == "/") return true;
  return path.compare(0, root.size(), root) == 0 &&
         (path.size() == root.size() || path[root.size()] == '/');
}

// "/sys/fs/cgroup/" (the root cgroup's directory, joined) as "/sys/fs/cgroup".
std::string WithoutTrailingSlash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

}  // namespace

StatusOr<std::string> CgroupV2Path(std::string_view proc_cgroup) {
  for (const std::string& line : Lines(proc_cgroup)) {
    if (line.rfind("0::", 0) == 0 && line.size() > 3 && line[3] == '/') return line.substr(3);
  }
  return UnavailableError(
      "no cgroup v2 hierarchy: /proc/self/cgroup has no \"0::\" line "
      "(cgroup v1 only)");
}

StatusOr<std::string> CgroupV2Directory(std::string_view mountinfo,
                                        const std::string& cgroup_path) {
  // Fields: id parent major:minor root mount-point options [optional...] - type source ...
  for (const std::string& line : Lines(mountinfo)) {
    std::vector<std::string> fields = Fields(line);
    size_t dash = 6;
    while (dash < fields.size() && fields[dash] != "-") ++dash;
    if (dash + 1 >= fields.size() || fields[dash + 1] != "cgroup2") continue;
    std::string root = Unescape(fields[3]);
    if (!Holds(root, cgroup_path)) continue;
    std::string below = root == "/" ? cgroup_path : cgroup_path.substr(root.size());
    return WithoutTrailingSlash(
        (std::filesystem::path(Unescape(fields[4])) / std::filesystem::path(below).relative_path())
            .lexically_normal()
            .string());
  }
  return UnavailableError("no cgroup2 file system is mounted that holds the host's cgroup " +
                          cgroup_path);
}

StatusOr<OwnCgroup> FindOwnCgroupV2(const std::string& root) {
  const std::filesystem::path base(root);
  NW_ASSIGN_OR_RETURN(std::string cgroups, ReadKernelFile((base / "proc/self/cgroup").string()));
  NW_ASSIGN_OR_RETURN(std::string path, CgroupV2Path(cgroups));
  NW_ASSIGN_OR_RETURN(std::string mounts, ReadKernelFile((base / "proc/self/mountinfo").string()));
  NW_ASSIGN_OR_RETURN(std::string dir, CgroupV2Directory(mounts, path));
  std::string under_root = (base / std::filesystem::path(dir).relative_path()).string();
  return OwnCgroup{path, WithoutTrailingSlash(under_root)};
}

}  // namespace needlework::host
