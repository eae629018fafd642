// needlework-plugin-runner's side of the runner protocol (host/isolation/frame.h): one
// plugin instance, served on every inherited connection.
#ifndef NEEDLEWORK_HOST_RUNNER_RUNNER_SERVER_H_
#define NEEDLEWORK_HOST_RUNNER_RUNNER_SERVER_H_

#include <memory>
#include <mutex>

#include "host/isolation/frame.h"
#include "host/isolation/runner_args.h"
#include "host/plugins/in_process_code.h"

namespace needlework::host::runner {

// The runner's exit codes.
inline constexpr int kExitServed = 0;      // the host closed the connections
inline constexpr int kExitHostGone = 1;    // no create_instance came (the host went away)
inline constexpr int kExitRefused = 3;     // the plugin was not loaded (kRefusal sent)
inline constexpr int kExitNotCreated = 4;  // create_instance failed (its reply sent)

class RunnerServer {
 public:
  // `plugin`: the loaded plugin, or why it was refused (sent as the answer to kCreate).
  RunnerServer(const isolation::RunnerArgs& args, StatusOr<LoadedPlugin> plugin);

  // Answers the host's kCreate on connection 0; when the instance is created, serves kInvoke
  // on every connection, one thread each (read, call the plugin, write the reply), until the
  // host closes them. Returns the exit code.
  int Run();

 private:
  // Creates the instance from connection 0's first frame and answers it: kExitServed when
  // there is an instance to serve, else the exit code.
  int CreateInstance(isolation::FrameReader& reader);
  void Serve(int fd, isolation::FrameReader reader) const;
  // The plugin's `log` host service: a kLog frame on the connection of the call this thread
  // serves (before the call's reply), or else on the log channel.
  void Log(int32_t level, std::string_view message);

  const isolation::RunnerArgs& args_;
  StatusOr<LoadedPlugin> plugin_;
  std::unique_ptr<InProcessCode> code_;
  std::mutex log_mutex_;  // one log frame at a time
};

}  // namespace needlework::host::runner

#endif  // NEEDLEWORK_HOST_RUNNER_RUNNER_SERVER_H_
