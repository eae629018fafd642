# needlework_generate_proto(<out_srcs_var> <out_hdrs_var> GRPC <ON|OFF> PROTOS <files...>
#                           [ROOT <dir>] [OUT_DIR <dir>] [EXPORT_MACRO <name>])
# Runs protoc (and grpc_cpp_plugin when GRPC is ON) on files relative to ROOT (default
# proto/), writing into OUT_DIR (default ${CMAKE_BINARY_DIR}/generated) with the same layout.
# EXPORT_MACRO marks the generated classes and functions with that macro (protoc's
# dllexport_decl), for a shared library built with hidden visibility that must still export
# them; whoever compiles the generated code or includes its headers must define the macro.
set(NEEDLEWORK_PROTO_ROOT "${CMAKE_SOURCE_DIR}/proto")
set(NEEDLEWORK_GENERATED_DIR "${CMAKE_BINARY_DIR}/generated")

function(needlework_generate_proto out_srcs out_hdrs)
  cmake_parse_arguments(ARG "" "GRPC;ROOT;OUT_DIR;EXPORT_MACRO" "PROTOS" ${ARGN})
  if(NOT ARG_ROOT)
    set(ARG_ROOT "${NEEDLEWORK_PROTO_ROOT}")
  endif()
  if(NOT ARG_OUT_DIR)
    set(ARG_OUT_DIR "${NEEDLEWORK_GENERATED_DIR}")
  endif()
  set(cpp_out "${ARG_OUT_DIR}")
  if(ARG_EXPORT_MACRO)
    set(cpp_out "dllexport_decl=${ARG_EXPORT_MACRO}:${ARG_OUT_DIR}")
  endif()
  set(srcs)
  set(hdrs)
  file(MAKE_DIRECTORY "${ARG_OUT_DIR}")
  foreach(rel IN LISTS ARG_PROTOS)
    get_filename_component(stem "${rel}" NAME_WE)
    get_filename_component(dir "${rel}" DIRECTORY)
    set(base "${ARG_OUT_DIR}/${dir}/${stem}")
    set(outputs "${base}.pb.cc" "${base}.pb.h")
    set(args --cpp_out=${cpp_out})
    if(ARG_GRPC)
      list(APPEND outputs "${base}.grpc.pb.cc" "${base}.grpc.pb.h")
      list(APPEND args --grpc_out=${ARG_OUT_DIR}
           --plugin=protoc-gen-grpc=${NEEDLEWORK_GRPC_CPP_PLUGIN})
    endif()
    add_custom_command(
      OUTPUT ${outputs}
      COMMAND protobuf::protoc ${args} -I ${ARG_ROOT} ${ARG_ROOT}/${rel}
      DEPENDS ${ARG_ROOT}/${rel} protobuf::protoc
      COMMENT "protoc ${rel}"
      VERBATIM)
    foreach(o IN LISTS outputs)
      if(o MATCHES "\\.cc$")
        list(APPEND srcs "${o}")
      else()
        list(APPEND hdrs "${o}")
      endif()
    endforeach()
  endforeach()
  set(${out_srcs} ${srcs} PARENT_SCOPE)
  set(${out_hdrs} ${hdrs} PARENT_SCOPE)
endfunction()
