# needlework_generate_proto(<out_srcs_var> <out_hdrs_var> GRPC <ON|OFF> PROTOS <files...>)
# Runs protoc (and grpc_cpp_plugin when GRPC is ON) on files relative to proto/, writing
# into ${CMAKE_BINARY_DIR}/generated with the same relative layout.
set(NEEDLEWORK_PROTO_ROOT "${CMAKE_SOURCE_DIR}/proto")
set(NEEDLEWORK_GENERATED_DIR "${CMAKE_BINARY_DIR}/generated")

function(needlework_generate_proto out_srcs out_hdrs)
  cmake_parse_arguments(ARG "" "GRPC" "PROTOS" ${ARGN})
  set(srcs)
  set(hdrs)
  file(MAKE_DIRECTORY "${NEEDLEWORK_GENERATED_DIR}")
  foreach(rel IN LISTS ARG_PROTOS)
    get_filename_component(stem "${rel}" NAME_WE)
    get_filename_component(dir "${rel}" DIRECTORY)
    set(base "${NEEDLEWORK_GENERATED_DIR}/${dir}/${stem}")
    set(outputs "${base}.pb.cc" "${base}.pb.h")
    set(args --cpp_out=${NEEDLEWORK_GENERATED_DIR})
    if(ARG_GRPC)
      list(APPEND outputs "${base}.grpc.pb.cc" "${base}.grpc.pb.h")
      list(APPEND args --grpc_out=${NEEDLEWORK_GENERATED_DIR}
           --plugin=protoc-gen-grpc=${NEEDLEWORK_GRPC_CPP_PLUGIN})
    endif()
    add_custom_command(
      OUTPUT ${outputs}
      COMMAND protobuf::protoc ${args} -I ${NEEDLEWORK_PROTO_ROOT} ${NEEDLEWORK_PROTO_ROOT}/${rel}
      DEPENDS ${NEEDLEWORK_PROTO_ROOT}/${rel} protobuf::protoc
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
