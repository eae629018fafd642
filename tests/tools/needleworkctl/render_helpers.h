// For the render tests: what a renderer prints, and the procedure codings (the base treatment
// and its add-ons) responses carry.
#ifndef NEEDLEWORK_TESTS_TOOLS_NEEDLEWORKCTL_RENDER_HELPERS_H_
#define NEEDLEWORK_TESTS_TOOLS_NEEDLEWORKCTL_RENDER_HELPERS_H_

#include <sstream>
#include <string>

#include "needlework/code_systems.h"
#include "needlework/types/v1/clinical.pb.h"

namespace needlework::ctl {

// What `render(response, out)` writes.
template <typename Response, typename Render>
std::string Rendered(const Response& response, Render render) {
  std::ostringstream out;
  render(response, out);
  return out.str();
}

// `code` in Needlework's procedure code system, with `display` ("" for none).
inline types::v1::Coding Procedure(const std::string& code, const std::string& display = "") {
  types::v1::Coding coding;
  coding.set_system(std::string(code_systems::kProcedure));
  coding.set_code(code);
  coding.set_display(display);
  return coding;
}

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TESTS_TOOLS_NEEDLEWORKCTL_RENDER_HELPERS_H_
