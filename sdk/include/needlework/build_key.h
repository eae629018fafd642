// The build key: what must match between the host and a plugin beyond the C ABI version.
// Plugins link libneedlework_sdk.so (the generated protobuf code lives there once), so the
// C++ ABI family, the standard library and the protobuf version must all agree.
#ifndef NEEDLEWORK_BUILD_KEY_H_
#define NEEDLEWORK_BUILD_KEY_H_

#include <google/protobuf/stubs/common.h>

#define NW_BUILD_KEY_STR_INNER(x) #x
#define NW_BUILD_KEY_STR(x) NW_BUILD_KEY_STR_INNER(x)

#if defined(__GXX_ABI_VERSION)
#define NW_BUILD_KEY_CXXABI "itanium"
#else
#define NW_BUILD_KEY_CXXABI "unknown-cxxabi"
#endif

#if defined(_LIBCPP_VERSION)
#define NW_BUILD_KEY_STDLIB "libc++"
#elif defined(__GLIBCXX__)
#define NW_BUILD_KEY_STDLIB "libstdc++"
#else
#define NW_BUILD_KEY_STDLIB "unknown-stdlib"
#endif

// e.g. "itanium/libstdc++/protobuf-3021012". A plugin whose key differs is refused.
#ifndef NEEDLEWORK_BUILD_KEY
#define NEEDLEWORK_BUILD_KEY \
  NW_BUILD_KEY_CXXABI "/" NW_BUILD_KEY_STDLIB "/protobuf-" NW_BUILD_KEY_STR(GOOGLE_PROTOBUF_VERSION)
#endif

#endif  // NEEDLEWORK_BUILD_KEY_H_
