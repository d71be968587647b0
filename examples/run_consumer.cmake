# ctest driver: install the current build into a scratch prefix, build examples/consumer
# against it with find_package(kevy), and run it and its kevy::testing suite.
# Inputs (-D): KEVY_BUILD_DIR, KEVY_SOURCE_DIR, WORK_DIR, GENERATOR, CXX_COMPILER,
#              COMPILER_LAUNCHER (may be empty), CXX_FLAGS and LINKER_FLAGS (sanitizers).
cmake_minimum_required(VERSION 3.20)

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    string(REPLACE ";" " " cmd "${ARGN}")
    message(FATAL_ERROR "consumer test: '${cmd}' failed (${rc})")
  endif()
endfunction()

set(prefix ${WORK_DIR}/prefix)
set(build ${WORK_DIR}/build)
file(REMOVE_RECURSE ${WORK_DIR})

run(${CMAKE_COMMAND} --install ${KEVY_BUILD_DIR} --prefix ${prefix})
foreach(f include/kevy/store.h include/kevy/testing.h)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "consumer test: ${f} was not installed")
  endif()
endforeach()

run(${CMAKE_COMMAND} -S ${KEVY_SOURCE_DIR}/examples/consumer -B ${build} -G ${GENERATOR}
    -DCMAKE_BUILD_TYPE=Release
    -DCMAKE_PREFIX_PATH=${prefix}
    -DCMAKE_CXX_COMPILER=${CXX_COMPILER}
    "-DCMAKE_CXX_COMPILER_LAUNCHER=${COMPILER_LAUNCHER}"
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
run(${CMAKE_COMMAND} --build ${build})
run(${build}/app)
run(${build}/app_test)
