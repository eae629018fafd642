# Fails when a file of one host folder includes a host folder it has not declared.
#   cmake -DFOLDER=<folder> -DDIR=<its directory> -DUSES=<a,b,...> -DSTAMP=<file> -P check_includes.cmake
# Run at build time for every host library (see needlework_host_folder in CMakeLists.txt);
# on success it touches STAMP.
cmake_minimum_required(VERSION 3.25)
string(REPLACE "," ";" allowed "${USES}")
list(APPEND allowed "${FOLDER}")
file(GLOB files "${DIR}/*.h" "${DIR}/*.cc")
set(errors "")
foreach(file IN LISTS files)
  file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]host/")
  foreach(line IN LISTS lines)
    string(REGEX MATCH "host/([A-Za-z0-9_]+)/" matched "${line}")
    if(NOT matched OR NOT CMAKE_MATCH_1 IN_LIST allowed)
      string(APPEND errors "\n  ${file}: ${line}")
    endif()
  endforeach()
endforeach()
if(errors)
  message(FATAL_ERROR "host/${FOLDER} may use only host/{${FOLDER},${USES}} "
                      "(declared in host/CMakeLists.txt); it includes:${errors}")
endif()
file(TOUCH "${STAMP}")
