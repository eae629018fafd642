// The version of the installed SDK library, e.g. "0.1.0".
#ifndef NEEDLEWORK_SDK_VERSION_H_
#define NEEDLEWORK_SDK_VERSION_H_

#include "needlework/export.h"

namespace needlework {

// Returns the SDK's semantic version; a static string, never freed.
NEEDLEWORK_EXPORT const char* SdkVersion();

}  // namespace needlework

#endif  // NEEDLEWORK_SDK_VERSION_H_
