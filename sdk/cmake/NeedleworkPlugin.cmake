# needlework_add_plugin(<name> SOURCES <files...> [OUTPUT_DIRECTORY <dir>])
#
# Builds a Needlework plugin: a MODULE library named <name>.so (no "lib" prefix) that links
# only Needlework::sdk, with hidden visibility and -fno-gnu-unique (the host never unloads a
# plugin, and a unique symbol would pin it anyway), and checks after linking that the library
# exports the entry point `needlework_plugin_v1`.
function(needlework_add_plugin name)
  cmake_parse_arguments(ARG "" "OUTPUT_DIRECTORY" "SOURCES" ${ARGN})
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "needlework_add_plugin(${name}): SOURCES is required")
  endif()
  add_library(${name} MODULE ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Needlework::sdk)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    C_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_compile_options(${name} PRIVATE $<$<CXX_COMPILER_ID:GNU>:-fno-gnu-unique>)
  target_link_options(${name} PRIVATE -Wl,--no-undefined -Wl,-z,defs)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  endif()
  add_custom_command(TARGET ${name} POST_BUILD
    COMMAND sh -c "nm -D --defined-only \"$1\" | grep -qw needlework_plugin_v1 || { echo \"$1: no entry point needlework_plugin_v1; use NEEDLEWORK_PLUGIN(...)\" >&2; exit 1; }" _ $<TARGET_FILE:${name}>
    VERBATIM)
endfunction()
