// A host-side nw_sink that collects what a plugin writes into a std::string.
#ifndef NEEDLEWORK_HOST_PLUGINS_SINK_H_
#define NEEDLEWORK_HOST_PLUGINS_SINK_H_

#include <string>

#include "needlework/plugin_abi.h"

namespace needlework::host {

class StringSink {
 public:
  StringSink() : sink_{this, &StringSink::Write} {}
  StringSink(const StringSink&) = delete;
  StringSink& operator=(const StringSink&) = delete;

  // The C view to hand to a plugin; valid while this object lives.
  nw_sink* get() { return &sink_; }
  const std::string& text() const { return text_; }
  std::string& text() { return text_; }

 private:
  static void Write(void* context, const uint8_t* data, size_t size) {
    static_cast<StringSink*>(context)->text_.assign(reinterpret_cast<const char*>(data), size);
  }
  nw_sink sink_;
  std::string text_;
};

}  // namespace needlework::host

#endif  // NEEDLEWORK_HOST_PLUGINS_SINK_H_
