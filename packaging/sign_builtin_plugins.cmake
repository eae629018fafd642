# Install-time script (install(CODE) in packaging/CMakeLists.txt): signs every installed
# built-in plugin and writes their hashes, in sha256sum format, to builtin.sha256 beside
# them. Inputs: NW_CTL, NW_SIGNING_DIR (holds the key pair, made on first use), NW_PLUGIN_DIR
# and NW_KEY_DIR (where the public key is installed).
set(_key "${NW_SIGNING_DIR}/needlework-builtin.key.pem")
if(NOT EXISTS "${_key}")
  execute_process(COMMAND "${NW_CTL}" plugin keygen --out "${NW_SIGNING_DIR}"
                          --name needlework-builtin
                  RESULT_VARIABLE _rc OUTPUT_QUIET)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "needleworkctl plugin keygen failed")
  endif()
endif()
file(MAKE_DIRECTORY "${NW_KEY_DIR}")
file(COPY "${NW_SIGNING_DIR}/needlework-builtin.pub.pem" DESTINATION "${NW_KEY_DIR}")

file(GLOB _plugins "${NW_PLUGIN_DIR}/*.so")
list(SORT _plugins)
set(_approved "# SHA-256 of the built-in plugins shipped in this package (sha256sum format).\n")
foreach(_plugin IN LISTS _plugins)
  execute_process(COMMAND "${NW_CTL}" plugin sign "${_plugin}" --key "${_key}"
                  RESULT_VARIABLE _rc OUTPUT_QUIET ERROR_VARIABLE _err)
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "signing ${_plugin} failed: ${_err}")
  endif()
  file(SHA256 "${_plugin}" _hash)
  get_filename_component(_name "${_plugin}" NAME)
  string(APPEND _approved "${_hash}  ${_name}\n")
endforeach()
file(WRITE "${NW_PLUGIN_DIR}/builtin.sha256" "${_approved}")
message(STATUS "Signed and approved built-in plugins: ${NW_PLUGIN_DIR}")
