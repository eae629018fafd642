#include "support/postgres_cluster.h"

#include <pwd.h>
#include <signal.h>
#include <unistd.h>

#include <filesystem>
#include <thread>
#include <vector>

#include "support/child_process.h"

namespace needlework::testing {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

namespace fs = std::filesystem;

constexpr char kSocketPort[] = "5432";  // names the socket file; nothing listens on TCP

// The server binaries: $NEEDLEWORK_PG_BIN, else the newest /usr/lib/postgresql/N/bin.
std::string FindBinDir() {
  if (const char* configured = std::getenv("NEEDLEWORK_PG_BIN")) return configured;
  std::string best;
  std::error_code ignored;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ignored)) {
    std::string bin = entry.path().string() + "/bin";
    if (fs::exists(bin + "/postgres") && bin > best) best = bin;
  }
  return best;
}

// The command prefix that runs a program as `nobody` when we are root (setpriv execs in
// place, so the pid we spawn is the program's own).
std::vector<std::string> AsServerUser() {
  if (::geteuid() != 0) return {};
  const passwd* nobody = ::getpwnam("nobody");
  if (nobody == nullptr) return {};
  return {"/usr/bin/setpriv", "--reuid=" + std::to_string(nobody->pw_uid),
          "--regid=" + std::to_string(nobody->pw_gid), "--clear-groups", "--"};
}

Status GiveToServerUser(const std::string& path) {
  if (::geteuid() != 0) return Status();
  const passwd* nobody = ::getpwnam("nobody");
  if (nobody == nullptr) {
    return Status(StatusCode::kFailedPrecondition, "no user \"nobody\" to run PostgreSQL as");
  }
  if (::chown(path.c_str(), nobody->pw_uid, nobody->pw_gid) != 0) {
    return Status(StatusCode::kInternal, "cannot chown " + path + " to nobody");
  }
  return Status();
}

std::string MakeDirectory() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base ? base : "/tmp") + "/needlework-pg-XXXXXX";
  return ::mkdtemp(pattern.data()) ? pattern : std::string();
}

std::vector<std::string> Prefixed(std::vector<std::string> command) {
  std::vector<std::string> argv = AsServerUser();
  argv.insert(argv.end(), command.begin(), command.end());
  return argv;
}

}  // namespace

StatusOr<std::unique_ptr<PostgresCluster>> PostgresCluster::Create(
    const PostgresClusterOptions& options) {
  std::unique_ptr<PostgresCluster> cluster(new PostgresCluster());
  cluster->options_ = options;
  cluster->bin_dir_ = FindBinDir();
  if (cluster->bin_dir_.empty()) {
    return Status(StatusCode::kFailedPrecondition,
                  "PostgreSQL server binaries not found under /usr/lib/postgresql (run "
                  "scripts/install-deps, or set NEEDLEWORK_PG_BIN)");
  }
  cluster->directory_ = MakeDirectory();
  if (cluster->directory_.empty()) return Status(StatusCode::kInternal, "mkdtemp failed");
  cluster->log_path_ = cluster->directory_ + "/server.log";
  NW_RETURN_IF_ERROR(GiveToServerUser(cluster->directory_));
  std::string out;
  std::string err;
  int code =
      RunProcess(Prefixed({cluster->bin_dir_ + "/initdb", "-D", cluster->directory_ + "/data", "-U",
                           "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"}),
                 seconds(120), &out, &err);
  if (code != 0) {
    return Status(StatusCode::kInternal,
                  "initdb failed (exit " + std::to_string(code) + "): " + err);
  }
  NW_RETURN_IF_ERROR(cluster->Start());
  return cluster;
}

PostgresCluster::~PostgresCluster() {
  if (running()) {
    if (!Stop().ok()) Kill();
  }
  std::error_code ignored;
  if (!directory_.empty()) fs::remove_all(directory_, ignored);
}

std::string PostgresCluster::Dsn(const std::string& database) const {
  return "host=" + directory_ + " port=" + kSocketPort + " user=postgres dbname=" + database;
}

Status PostgresCluster::Start() {
  if (running()) return Status();
  std::vector<std::string> command = {
      bin_dir_ + "/postgres",
      "-D",
      directory_ + "/data",
      "-k",
      directory_,
      "-p",
      kSocketPort,
      "-c",
      "listen_addresses=",
      "-c",
      "max_connections=" + std::to_string(options_.max_connections)};
  if (!options_.durable) {
    // A commit still writes its WAL to the kernel before it answers (synchronous_commit
    // stays on), so a killed server loses nothing; only the fsync is skipped.
    for (const char* setting : {"fsync=off", "full_page_writes=off"}) {
      command.insert(command.end(), {"-c", setting});
    }
  }
  SpawnOptions spawn;
  spawn.stdout_path = log_path_;
  spawn.stderr_path = log_path_;
  auto deadline = std::chrono::steady_clock::now() + seconds(60);
  // After a kill, the old server's backends may hold its shared memory for a moment; a
  // postmaster that exits at start-up is started again until the deadline.
  while (std::chrono::steady_clock::now() < deadline) {
    pid_ = SpawnProcess(Prefixed(command), spawn);
    if (pid_ < 0) return Status(StatusCode::kInternal, "fork failed for postgres");
    while (std::chrono::steady_clock::now() < deadline) {
      int code = RunProcess({bin_dir_ + "/pg_isready", "-q", "-h", directory_, "-p", kSocketPort},
                            seconds(10), nullptr, nullptr);
      if (code == 0) return Status();
      if (WaitForExit(pid_, milliseconds(100)) >= 0) {
        pid_ = -1;
        break;
      }
    }
    if (running()) break;
    std::this_thread::sleep_for(milliseconds(200));
  }
  Kill();
  return Status(StatusCode::kDeadlineExceeded,
                "postgres did not accept connections within 60 s; its log: " + log_path_ + "\n" +
                    ReadWholeFile(log_path_));
}

Status PostgresCluster::Stop() {
  if (!running()) return Status();
  ::kill(pid_, SIGINT);  // PostgreSQL's "fast" shutdown
  int code = WaitForExit(pid_, seconds(60));
  if (code < 0) {
    Kill();
    return Status(StatusCode::kDeadlineExceeded, "postgres did not stop within 60 s");
  }
  pid_ = -1;
  return Status();
}

void PostgresCluster::Kill() {
  if (!running()) return;
  ::kill(pid_, SIGKILL);
  WaitForExit(pid_, seconds(10));
  pid_ = -1;
  // The postmaster's children notice it is gone and exit on their own; Start() retries
  // while they linger.
}

StatusOr<std::string> PostgresCluster::Psql(const std::string& sql, const std::string& database) {
  std::string out;
  std::string err;
  int code =
      RunProcess({bin_dir_ + "/psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h",
                  directory_, "-p", kSocketPort, "-U", "postgres", "-d", database, "-c", sql},
                 seconds(60), &out, &err);
  if (code != 0) return Status(StatusCode::kInternal, "psql failed: " + err);
  return out;
}

}  // namespace needlework::testing
