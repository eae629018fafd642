// Symbol visibility for the Needlework SDK. libneedlework_sdk.so is built with
// -fvisibility=hidden; only what is marked NEEDLEWORK_EXPORT leaves a shared library. The
// generated protobuf classes and functions in it are marked NEEDLEWORK_SDK_EXPORT instead
// (protoc's dllexport_decl), a macro the Needlework::sdk target defines to the same
// attribute for the SDK and for everyone who links it.
#ifndef NEEDLEWORK_EXPORT_H_
#define NEEDLEWORK_EXPORT_H_

#if defined(__GNUC__) || defined(__clang__)
#define NEEDLEWORK_EXPORT __attribute__((visibility("default")))
#else
#define NEEDLEWORK_EXPORT
#endif

#endif  // NEEDLEWORK_EXPORT_H_
