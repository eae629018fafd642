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

# needlework_message_fingerprints(OUTPUT <header> PROTOS <files...> [IMPORT_DIRS <dirs...>]
#                                 [MACRO <name>])
# Writes <header>, defining MACRO (default NEEDLEWORK_MESSAGE_FINGERPRINTS) as the layout
# fingerprint of every message in PROTOS and their imports (sdk/layout/message_fingerprint.h):
# protoc makes a descriptor set of them, needlework_fingerprint_generator hashes it. PROTOS
# are relative to IMPORT_DIRS (default proto/), searched in order, so a directory listed
# before proto/ can stand in an older copy of a contract file.
function(needlework_message_fingerprints)
  cmake_parse_arguments(ARG "" "OUTPUT;MACRO" "PROTOS;IMPORT_DIRS" ${ARGN})
  if(NOT ARG_IMPORT_DIRS)
    set(ARG_IMPORT_DIRS "${NEEDLEWORK_PROTO_ROOT}")
  endif()
  if(NOT ARG_MACRO)
    set(ARG_MACRO NEEDLEWORK_MESSAGE_FINGERPRINTS)
  endif()
  set(include_args)
  foreach(dir IN LISTS ARG_IMPORT_DIRS)
    list(APPEND include_args -I "${dir}")
  endforeach()
  set(inputs)
  foreach(rel IN LISTS ARG_PROTOS)
    foreach(dir IN LISTS ARG_IMPORT_DIRS)
      if(EXISTS "${dir}/${rel}")
        list(APPEND inputs "${dir}/${rel}")
        break()
      endif()
    endforeach()
  endforeach()
  get_filename_component(out_dir "${ARG_OUTPUT}" DIRECTORY)
  file(MAKE_DIRECTORY "${out_dir}")
  set(descriptor_set "${ARG_OUTPUT}.descriptors")
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND protobuf::protoc --include_imports "--descriptor_set_out=${descriptor_set}"
            ${include_args} ${ARG_PROTOS}
    COMMAND needlework_fingerprint_generator --descriptor-set "${descriptor_set}"
            --output "${ARG_OUTPUT}" --macro ${ARG_MACRO}
    DEPENDS ${inputs} protobuf::protoc needlework_fingerprint_generator
    BYPRODUCTS "${descriptor_set}"
    WORKING_DIRECTORY "${out_dir}"
    COMMENT "Message-layout fingerprints ${ARG_OUTPUT}"
    VERBATIM)
endfunction()
