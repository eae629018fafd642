# CPack: one .deb per component (host, sdk).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME needlework)
set(CPACK_PACKAGE_VENDOR "Needlework")
set(CPACK_PACKAGE_CONTACT "Needlework maintainers <maintainers@needlework.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Microneedling practice plugins served to an EMR")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY "${CMAKE_BINARY_DIR}/packages")
set(CPACK_COMPONENTS_ALL host sdk)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)

set(CPACK_DEBIAN_HOST_PACKAGE_NAME needlework-host)
set(CPACK_DEBIAN_HOST_PACKAGE_SECTION net)
set(CPACK_COMPONENT_HOST_DESCRIPTION
  "Needlework host daemon, built-in plugins and needleworkctl\n"
  "Serves screening, planning, booking and aftercare plugins to an EMR over gRPC.")
# Runtime libraries from the archive, found by dpkg-shlibdeps; the two libraries built here
# (the API library in this package, the SDK library in needlework-sdk-dev) are private.
set(CPACK_DEBIAN_HOST_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${CMAKE_BINARY_DIR}/proto;${CMAKE_BINARY_DIR}/sdk")
# libneedlework_sdk.so.0, which the host and every plugin link, ships in needlework-sdk-dev
# (sdk/CMakeLists.txt installs it with component sdk); see packaging/README.md.
set(CPACK_DEBIAN_HOST_PACKAGE_DEPENDS "needlework-sdk-dev (= ${PROJECT_VERSION}-1), systemd")
set(CPACK_DEBIAN_HOST_PACKAGE_CONTROL_EXTRA "${CMAKE_CURRENT_SOURCE_DIR}/conffiles")

set(CPACK_DEBIAN_SDK_PACKAGE_NAME needlework-sdk-dev)
set(CPACK_DEBIAN_SDK_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_SDK_DESCRIPTION
  "Needlework plugin SDK: headers, library and CMake package\n"
  "Build a Needlework plugin with find_package(NeedleworkSDK) and needlework_add_plugin().")
set(CPACK_DEBIAN_SDK_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_SDK_PACKAGE_DEPENDS "libprotobuf-dev (>= 3.21), libboost-dev (>= 1.74), nlohmann-json3-dev")

include(CPack)
