# props (kevy-conform props, conformance/src/props*.cc): build settings and ctests. Included by
# conformance/CMakeLists.txt after kevy_conformance, kevy-conform and the unit-test binary.

# commands.json (the tips) is found relative to the working directory or, failing that, in
# this source tree.
target_compile_definitions(kevy_conformance PRIVATE KEVY_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

if(KEVY_TESTS)
  # props_test.cc checks the generators against kevy's command table (engine/src).
  target_include_directories(kevy_conformance_unit_tests PRIVATE ${PROJECT_SOURCE_DIR}/engine/src)
  target_compile_definitions(kevy_conformance_unit_tests
    PRIVATE KEVY_SOURCE_DIR="${PROJECT_SOURCE_DIR}")

  # A small fixed-seed run against redis-server 7.0.15 (ci/run.sh runs 2,000 x 50), and
  # redis-server against a second redis-server: zero differences means no false positives.
  # Both are skipped (exit 77), not passed, when redis-server 7.0.15 is not installed.
  add_test(NAME conform_props_redis
           COMMAND kevy-conform props --seed 20240601 --runs 200 --length 30
                   --target spawn:redis-server --target embedded
                   --out ${CMAKE_CURRENT_BINARY_DIR}/props-failures)
  add_test(NAME conform_props_redis_vs_redis
           COMMAND kevy-conform props --seed 777 --runs 300 --length 50
                   --target spawn:redis-server --target spawn:redis-server
                   --out ${CMAKE_CURRENT_BINARY_DIR}/props-failures)
  set_tests_properties(conform_props_redis conform_props_redis_vs_redis PROPERTIES
    SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
