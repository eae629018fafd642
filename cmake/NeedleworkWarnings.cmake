# needlework_set_warnings(<target>): the warning set our own code builds clean with.
function(needlework_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                         -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Wunused
                         -Woverloaded-virtual -Wnull-dereference -Wformat=2)
endfunction()
