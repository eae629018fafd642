/* The C ABI between needlework-host and a plugin library.
 *
 * Only C types cross this boundary: serialized needlework.plugin.v1 protobuf messages as
 * bytes, NUL-free strings with explicit sizes, status codes numbered like gRPC's. No C++
 * type, exception or allocation crosses it: whoever allocates frees.
 *
 * A plugin exports exactly one symbol, the alias NEEDLEWORK_ENTRY_POINT, made with
 * BOOST_DLL_ALIAS (the C++ wrapper's NEEDLEWORK_PLUGIN macro does this). It points at a
 * function returning a static nw_plugin_api. The host reads struct_size, abi_major,
 * abi_minor, build_key and message_fingerprints before it calls anything else, and refuses
 * the plugin when
 *   - abi_major differs from the host's,
 *   - abi_minor is newer than the host's,
 *   - build_key differs from the host's (compiler ABI, standard library, protobuf version),
 *   - struct_size is smaller than the fields of the plugin's abi_minor require,
 *   - a contract message both know has another layout in the plugin's view (ABI 1.4).
 *
 * Evolution: structs only grow at the end; a new field or a new hook comes with a new
 * abi_minor (1.1 added the plan and check_booking hooks, 1.2 aftercare and triage, 1.3
 * catalog, 1.4 message_fingerprints). A changed signature gets a new name. Removing or
 * reordering anything is a new abi_major. The versioning policy in full is below, at the
 * version constants.
 */
#ifndef NEEDLEWORK_PLUGIN_ABI_H_
#define NEEDLEWORK_PLUGIN_ABI_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Versioning policy (tested by tests/integration/abi_test.cc; sdk/README.md explains it).
 *
 * NEEDLEWORK_ABI_MAJOR changes for any incompatible change: a field of an ABI struct
 * removed, reordered or retyped, a function's signature or meaning changed, a status code
 * renumbered, a hook or a host service removed. A host loads only plugins of its own major.
 *
 * NEEDLEWORK_ABI_MINOR changes for every compatible addition: a new hook (a new Hook
 * value and its request/response messages), a new field at the end of a struct (guarded
 * by struct_size), a new optional host service. A host loads plugins of its minor and of
 * every older one, and refuses a newer one. A hook is asked only of plugins whose manifest
 * lists it, so a plugin built before a hook existed is never asked for it.
 *
 * NEEDLEWORK_BUILD_KEY (build_key.h) names what must match beyond the C ABI because the
 * generated protobuf code lives once, in libneedlework_sdk.so, shared by host and plugins:
 * the C++ ABI family, the C++ standard library and the exact protobuf version. It changes
 * when any of those does; a plugin whose key differs is refused whatever its version.
 *
 * Message layouts. A C++ plugin compiles the inline layout of the generated message classes
 * from the SDK headers it was built with, while their out-of-line code is the host's
 * libneedlework_sdk.so: the two must agree on every message the plugin's code can touch.
 * So since ABI 1.4 a plugin reports, in message_fingerprints, the layout fingerprint of
 * every contract message its SDK's headers declare (needlework/message_fingerprints.h,
 * computed when that SDK was built from the descriptors of its generated headers;
 * NEEDLEWORK_PLUGIN fills it in). The rule:
 *   - every message the plugin and the host both know must have the same fingerprint, or
 *     the plugin is refused, naming each differing message and the SDK version to rebuild
 *     against;
 *   - a message only the host knows (added after the plugin's SDK) is not compared: the
 *     plugin cannot use it, so a plugin that only lacks newer messages loads;
 *   - a message only the plugin knows is not compared either: its code is not in the
 *     host's library, so a plugin that used it would fail to load on the undefined symbol;
 *   - NULL reads as the empty table: a plugin that uses no generated message class (one in
 *     C that reads and writes the wire format itself) reports NULL, and nothing is compared;
 *   - a plugin of ABI 1.0 to 1.3 reports no table: it loads as the older-minor promise
 *     above says, with a warning in the host's log that its layouts are unchecked.
 * So within a major, new data goes into new messages (a new hook's request and response,
 * a new nested message) and existing plugins keep loading. A field added to an existing
 * contract message changes its fingerprint: every C++ plugin built before is refused,
 * saying so, until it is rebuilt. The wire is unaffected (an older reader skips a field it
 * does not know). The canonical form that is hashed is written down in the SDK's README;
 * it and the hash are part of the major. */
#define NEEDLEWORK_ABI_MAJOR 1
#define NEEDLEWORK_ABI_MINOR 4
#define NEEDLEWORK_ENTRY_POINT "needlework_plugin_v1"

/* Status codes, numbered like gRPC's (0 = OK). */
enum {
  NW_OK = 0,
  NW_CANCELLED = 1,
  NW_UNKNOWN = 2,
  NW_INVALID_ARGUMENT = 3,
  NW_DEADLINE_EXCEEDED = 4,
  NW_NOT_FOUND = 5,
  NW_ALREADY_EXISTS = 6,
  NW_PERMISSION_DENIED = 7,
  NW_RESOURCE_EXHAUSTED = 8,
  NW_FAILED_PRECONDITION = 9,
  NW_ABORTED = 10,
  NW_OUT_OF_RANGE = 11,
  NW_UNIMPLEMENTED = 12,
  NW_INTERNAL = 13,
  NW_UNAVAILABLE = 14,
  NW_DATA_LOSS = 15,
  NW_UNAUTHENTICATED = 16
};

enum { NW_LOG_DEBUG = 0, NW_LOG_INFO = 1, NW_LOG_WARNING = 2, NW_LOG_ERROR = 3 };

/* A plugin's per-clinic instance. Opaque to the host; created and destroyed by the plugin. */
typedef struct nw_instance nw_instance;

/* A host-owned byte sink. `write` copies the bytes; it may be called at most once per call
 * that receives the sink. The sink is valid only for the duration of that call. */
typedef struct nw_sink {
  void* context;
  void (*write)(void* context, const uint8_t* data, size_t size);
} nw_sink;

/* Services the host offers a plugin instance. Owned by the host; valid until
 * destroy_instance returns for every instance it was given to. Thread-safe. */
typedef struct nw_host_services {
  uint32_t struct_size;
  void* context;
  /* Appends one line to the host's structured log, attributed to the plugin and clinic. */
  void (*log)(void* context, int32_t level, const char* message, size_t size);
  /* Wall-clock time, microseconds since the Unix epoch (tests may fix it). */
  int64_t (*now_unix_micros)(void* context);
} nw_host_services;

/* The table a plugin returns from its entry point. Static; never freed. */
typedef struct nw_plugin_api {
  /* ABI 1.0: the version block. Read before anything else. */
  uint32_t struct_size;
  uint32_t abi_major;
  uint32_t abi_minor;
  const char* build_key; /* NUL-terminated, static */

  /* Writes a serialized needlework.plugin.v1.Manifest to `out` and returns NW_OK, or
   * returns an error code and writes a UTF-8 message to `out`. */
  int32_t (*describe)(nw_sink* out);

  /* Creates the instance for one clinic from its effective config (a JSON object: the
   * manifest's defaults with the clinic's merge patch applied). On NW_OK, *instance is set
   * and owned by the host until it passes it to destroy_instance. On an error code (a
   * refused config is NW_INVALID_ARGUMENT), a UTF-8 reason is written to `error`. */
  int32_t (*create_instance)(const nw_host_services* host, const char* clinic_id,
                             size_t clinic_id_size, const char* config_json,
                             size_t config_json_size, nw_instance** instance, nw_sink* error);

  /* Serves one hook call (hook = needlework.plugin.v1.Hook value). The request is a
   * serialized <Hook>Request; on NW_OK the serialized <Hook>Response is written to `out`,
   * otherwise a UTF-8 error message. May be called from many threads at once. */
  int32_t (*invoke)(nw_instance* instance, uint32_t hook, const uint8_t* request,
                    size_t request_size, nw_sink* out);

  /* Frees an instance. No invoke on it is running or will run. */
  void (*destroy_instance)(nw_instance* instance);

  /* ABI 1.4: the layout fingerprint of every contract message the plugin's SDK headers
   * declare, "full.message.Name=<16 hex digits>" entries joined by ';' in name order
   * (NEEDLEWORK_MESSAGE_FINGERPRINTS of needlework/message_fingerprints.h). NUL-terminated,
   * static; NULL when the plugin uses no generated message class. Read with the version
   * block; the rule is at the version constants above. */
  const char* message_fingerprints;
} nw_plugin_api;

/* The smallest struct_size a plugin of ABI 1.0 (to 1.3) may report. */
#define NEEDLEWORK_API_SIZE_1_0 (offsetof(nw_plugin_api, destroy_instance) + sizeof(void*))
/* The smallest struct_size a plugin of ABI 1.4 may report. */
#define NEEDLEWORK_API_SIZE_1_4 \
  (offsetof(nw_plugin_api, message_fingerprints) + sizeof(const char*))

typedef const nw_plugin_api* (*nw_entry_point)(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* NEEDLEWORK_PLUGIN_ABI_H_ */
