#include "needlework/sdk_version.h"

namespace needlework {

const char* SdkVersion() { return NEEDLEWORK_SDK_VERSION; }

}  // namespace needlework
