// A plugin file as needleworkctl sees it when signing: its hash and its manifest.
#ifndef NEEDLEWORK_TOOLS_NEEDLEWORKCTL_PLUGIN_FILE_H_
#define NEEDLEWORK_TOOLS_NEEDLEWORKCTL_PLUGIN_FILE_H_

#include <string>

#include "needlework/plugin/v1/manifest.pb.h"
#include "needlework/status.h"

namespace needlework::ctl {

// Lower-case hex SHA-256 of the file's bytes. NOT_FOUND when it cannot be read.
StatusOr<std::string> HashPluginFile(const std::string& file);

// Loads the plugin (never unloaded; this is a short-lived process), checks its version
// block against this build's ABI major and build key and its message layouts against this
// build's SDK (as the host does), and returns the manifest its describe call answers.
// FAILED_PRECONDITION naming the problem. Runs the plugin's code: call it only on a file
// you mean to sign, or after its signature verified.
StatusOr<needlework::plugin::v1::Manifest> ReadPluginManifest(const std::string& file);

// The whole file, or NOT_FOUND naming it.
StatusOr<std::string> ReadWholeFile(const std::string& file);

}  // namespace needlework::ctl

#endif  // NEEDLEWORK_TOOLS_NEEDLEWORKCTL_PLUGIN_FILE_H_
