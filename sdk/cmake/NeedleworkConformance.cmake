# needlework_add_conformance_test(<name> PLUGIN <plugin target or file>
#                                 [SAMPLES <dir>] [BAD_CONFIG <json merge patch>...]
#                                 [DEADLINE_MS <n>])
#
# Adds the ctest test <name>: the SDK's conformance kit (Needlework::plugin_testing, see
# needlework/testing/conformance.h) run against the plugin. PLUGIN is a target made with
# needlework_add_plugin or a path (generator expressions allowed, e.g.
# $<TARGET_FILE:lumen>). SAMPLES is a directory of extra requests (<hook>[-<name>].json or
# .binpb); each BAD_CONFIG is a merge patch over the plugin's defaults that it must refuse.
# Every such test of a project runs the one executable needlework_conformance_runner.
function(needlework_add_conformance_test name)
  cmake_parse_arguments(ARG "" "PLUGIN;SAMPLES;DEADLINE_MS" "BAD_CONFIG" ${ARGN})
  if(NOT ARG_PLUGIN)
    message(FATAL_ERROR "needlework_add_conformance_test(${name}): PLUGIN is required")
  endif()
  if(NOT TARGET Needlework::plugin_testing)
    message(FATAL_ERROR "needlework_add_conformance_test(${name}) needs the conformance kit: "
            "find_package(NeedleworkSDK REQUIRED COMPONENTS plugin_testing) (and GoogleTest)")
  endif()
  _needlework_conformance_runner()
  set(plugin_file "${ARG_PLUGIN}")
  if(TARGET "${ARG_PLUGIN}")
    set(plugin_file "$<TARGET_FILE:${ARG_PLUGIN}>")
  endif()
  set(args "--plugin=${plugin_file}")
  if(ARG_SAMPLES)
    get_filename_component(samples "${ARG_SAMPLES}" ABSOLUTE)
    list(APPEND args "--samples=${samples}")
  endif()
  foreach(bad IN LISTS ARG_BAD_CONFIG)
    list(APPEND args "--bad-config=${bad}")
  endforeach()
  if(ARG_DEADLINE_MS)
    list(APPEND args "--deadline-ms=${ARG_DEADLINE_MS}")
  endif()
  add_test(NAME ${name} COMMAND $<TARGET_FILE:needlework_conformance_runner> ${args})
  set_tests_properties(${name} PROPERTIES TIMEOUT 120 LABELS conformance)
endfunction()

# The runner: a generated main() calling needlework::conformance::Main, made once per
# project as <build dir>/needlework_conformance_runner.
function(_needlework_conformance_runner)
  if(TARGET needlework_conformance_runner)
    return()
  endif()
  set(main "${CMAKE_BINARY_DIR}/needlework_conformance_runner.cc")
  file(CONFIGURE OUTPUT "${main}" CONTENT [[
#include "needlework/testing/conformance.h"

int main(int argc, char** argv) { return needlework::conformance::Main(argc, argv); }
]])
  add_executable(needlework_conformance_runner "${main}")
  target_link_libraries(needlework_conformance_runner PRIVATE Needlework::plugin_testing)
  # At the top of the build tree, not beside the plugins it tests.
  set_target_properties(needlework_conformance_runner PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
endfunction()
