// Waiting for a condition a test can poll, instead of sleeping for a guessed time.
#ifndef NEEDLEWORK_TESTS_SUPPORT_EVENTUALLY_H_
#define NEEDLEWORK_TESTS_SUPPORT_EVENTUALLY_H_

#include <chrono>
#include <functional>
#include <thread>

namespace needlework::testing {

// Polls `condition` every 5 ms until it holds (true) or `limit` passes (false). The limit is
// generous: it only bounds a test that is failing anyway.
inline bool Eventually(const std::function<bool()>& condition,
                       std::chrono::seconds limit = std::chrono::seconds(30)) {
  auto give_up = std::chrono::steady_clock::now() + limit;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

}  // namespace needlework::testing

#endif  // NEEDLEWORK_TESTS_SUPPORT_EVENTUALLY_H_
