// Symbol visibility for the Needlework SDK. Everything is built with -fvisibility=hidden;
// only what is marked NEEDLEWORK_EXPORT leaves a shared library.
#ifndef NEEDLEWORK_EXPORT_H_
#define NEEDLEWORK_EXPORT_H_

#if defined(__GNUC__) || defined(__clang__)
#define NEEDLEWORK_EXPORT __attribute__((visibility("default")))
#else
#define NEEDLEWORK_EXPORT
#endif

#endif  // NEEDLEWORK_EXPORT_H_
