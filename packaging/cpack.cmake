# CPack: one .deb per component (host, runtime, sdk).
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME needlework)
set(CPACK_PACKAGE_VENDOR "Needlework")
set(CPACK_PACKAGE_CONTACT "Needlework maintainers <maintainers@needlework.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Microneedling practice plugins served to an EMR")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY "${CMAKE_BINARY_DIR}/packages")
set(CPACK_COMPONENTS_ALL host runtime sdk)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(_deb_version "${PROJECT_VERSION}-${CPACK_DEBIAN_PACKAGE_RELEASE}")

# The SDK library's package is named after its SONAME (libneedlework_sdk.so.<major>), as
# Debian Policy 8.1 asks: a new major is a new package, installable beside the old one.
set(NW_SDK_RUNTIME_PACKAGE "libneedlework-sdk${PROJECT_VERSION_MAJOR}")
# Control files: packaging/deb/. A package with a library in /usr/lib refreshes the linker
# cache through the ldconfig trigger (Policy 8.1.1); its postinst and postrm do nothing and
# exist only to stop CPack from generating ones that run ldconfig (deb/maintscript.in).
set(_deb_dir "${CMAKE_CURRENT_SOURCE_DIR}/deb")
set(_deb_out "${CMAKE_CURRENT_BINARY_DIR}/deb")
foreach(NW_SCRIPT IN ITEMS postinst postrm)
  configure_file("${_deb_dir}/maintscript.in" "${_deb_out}/${NW_SCRIPT}" @ONLY)
endforeach()
configure_file("${_deb_dir}/shlibs.in" "${_deb_out}/shlibs" @ONLY)
set(_ldconfig_control "${_deb_dir}/triggers;${_deb_out}/postinst;${_deb_out}/postrm")
# Maintainer scripts 0755, every other control file 0644, whatever the source's mode.
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_HOST_PACKAGE_NAME needlework-host)
set(CPACK_DEBIAN_HOST_PACKAGE_SECTION net)
set(CPACK_COMPONENT_HOST_DESCRIPTION
  "Needlework host daemon, built-in plugins and needleworkctl\n"
  "Serves screening, planning, booking and aftercare plugins to an EMR over gRPC.")
# Runtime libraries from the archive, found by dpkg-shlibdeps; the two libraries built here
# (the API library in this package, the SDK library in the runtime package) are named below.
set(CPACK_DEBIAN_HOST_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${CMAKE_BINARY_DIR}/proto;${CMAKE_BINARY_DIR}/sdk")
# The host and the built-in plugins load exactly the SDK library they were built with.
set(CPACK_DEBIAN_HOST_PACKAGE_DEPENDS "${NW_SDK_RUNTIME_PACKAGE} (= ${_deb_version}), systemd")
set(CPACK_DEBIAN_HOST_PACKAGE_CONTROL_EXTRA "${_deb_dir}/conffiles;${_ldconfig_control}")

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME ${NW_SDK_RUNTIME_PACKAGE})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
  "Needlework plugin SDK: shared library\n"
  "The plugin contract's generated code, loaded by needlework-host and by every plugin.")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
# The shlibs file gives a vendor's own plugin package its Depends through dpkg-shlibdeps:
# (>= this version), since within a major the library only grows (sdk/README.md).
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA "${_deb_out}/shlibs;${_ldconfig_control}")

set(CPACK_DEBIAN_SDK_PACKAGE_NAME needlework-sdk-dev)
set(CPACK_DEBIAN_SDK_PACKAGE_SECTION libdevel)
set(CPACK_COMPONENT_SDK_DESCRIPTION
  "Needlework plugin SDK: headers, conformance kit and CMake package\n"
  "Build a Needlework plugin with find_package(NeedleworkSDK) and needlework_add_plugin().")
set(CPACK_DEBIAN_SDK_PACKAGE_SHLIBDEPS ON)
# The library's link (libneedlework_sdk.so) points into the runtime package of this version.
set(CPACK_DEBIAN_SDK_PACKAGE_DEPENDS "${NW_SDK_RUNTIME_PACKAGE} (= ${_deb_version}), libprotobuf-dev (>= 3.21), libboost-dev (>= 1.74), nlohmann-json3-dev")

include(CPack)
