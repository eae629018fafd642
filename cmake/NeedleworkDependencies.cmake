# Third-party packages, all from Debian bookworm (scripts/install-deps installs them).
find_package(Threads REQUIRED)
find_package(Protobuf 3.21 REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(absl CONFIG REQUIRED)  # civil time and time zones (installed with gRPC)
find_package(Boost 1.74 REQUIRED COMPONENTS filesystem)
find_package(CURL 7.85 REQUIRED)  # host/http/http_client (CURLOPT_PROTOCOLS_STR)
find_package(GTest REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3>=3.40)
# The PostgreSQL store's client (host/postgres).
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq>=15)
# Dates and times in patient texts, in the message's language (host/aftercare/patient_time)
pkg_check_modules(ICU REQUIRED IMPORTED_TARGET icu-i18n>=72 icu-uc>=72)
# The HTTP listener: Debian builds cpp-httplib as a library, with OpenSSL (HTTPS) support.
pkg_check_modules(CPPHTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)
# Metrics: prometheus-cpp's core library only (its CMake package also wants pull and push,
# with civetweb and curl, which the host does not use).
find_path(PROMETHEUS_CPP_INCLUDE_DIR prometheus/registry.h REQUIRED)
find_library(PROMETHEUS_CPP_CORE_LIBRARY prometheus-cpp-core REQUIRED)
add_library(PrometheusCpp::core UNKNOWN IMPORTED)
set_target_properties(PrometheusCpp::core PROPERTIES IMPORTED_LOCATION ${PROMETHEUS_CPP_CORE_LIBRARY}
                      INTERFACE_INCLUDE_DIRECTORIES ${PROMETHEUS_CPP_INCLUDE_DIR})
# seccomp filters: the tests install systemd's MemoryDenyWriteExecute filter with it.
pkg_check_modules(SECCOMP REQUIRED IMPORTED_TARGET libseccomp>=2.5)

# bookworm's gRPC CMake config works but is not always complete; fall back to pkg-config.
find_package(gRPC CONFIG QUIET)
if(gRPC_FOUND AND TARGET gRPC::grpc++ AND TARGET gRPC::grpc_cpp_plugin)
  set(NEEDLEWORK_GRPC_LIBS gRPC::grpc++)
  set(NEEDLEWORK_GRPC_REFLECTION gRPC::grpc++_reflection)
  get_target_property(NEEDLEWORK_GRPC_CPP_PLUGIN gRPC::grpc_cpp_plugin IMPORTED_LOCATION_NONE)
else()
  pkg_check_modules(GRPCPP REQUIRED IMPORTED_TARGET grpc++>=1.51)
  set(NEEDLEWORK_GRPC_LIBS PkgConfig::GRPCPP)
  set(NEEDLEWORK_GRPC_REFLECTION grpc++_reflection)
  find_program(NEEDLEWORK_GRPC_CPP_PLUGIN grpc_cpp_plugin REQUIRED)
endif()
if(NOT NEEDLEWORK_GRPC_CPP_PLUGIN)
  find_program(NEEDLEWORK_GRPC_CPP_PLUGIN grpc_cpp_plugin REQUIRED)
endif()
