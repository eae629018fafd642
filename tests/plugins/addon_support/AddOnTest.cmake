# needlework_add_addon_test(<plugin> ID <plugin id> SOURCES <files...>)
#
# The unit tests of the built-in add-on plugin <plugin> (plugins/<plugin>): one GoogleTest
# binary <plugin>_plugin_test linking needlework_<plugin>_rules, plus the checks every add-on
# module must pass across the C ABI (addon_module_common_test.cc), run against the built
# needlework_<plugin>.so (NEEDLEWORK_ADDON_MODULE) with id NEEDLEWORK_ADDON_ID, publishing
# plugins/<plugin>/default_config.json (NEEDLEWORK_ADDON_DEFAULT_CONFIG).
function(needlework_add_addon_test plugin)
  cmake_parse_arguments(ARG "" "ID" "SOURCES" ${ARGN})
  needlework_add_test(${plugin}_plugin_test
    SOURCES ${ARG_SOURCES} "${CMAKE_SOURCE_DIR}/tests/plugins/addon_support/addon_module_common_test.cc"
    LIBS needlework_${plugin}_rules ${CMAKE_DL_LIBS})
  add_dependencies(${plugin}_plugin_test needlework_${plugin})
  target_compile_definitions(${plugin}_plugin_test PRIVATE
    NEEDLEWORK_ADDON_MODULE="$<TARGET_FILE:needlework_${plugin}>"
    NEEDLEWORK_ADDON_ID="${ARG_ID}"
    NEEDLEWORK_ADDON_DEFAULT_CONFIG="${CMAKE_SOURCE_DIR}/plugins/${plugin}/default_config.json")
endfunction()
