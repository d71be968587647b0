# rdb-equiv / aof-equiv (kevy-conform, conformance/src/equiv*.cc): persistence files of kevy-server
# and redis-server 7.0.15 loaded by both. Included by conformance/CMakeLists.txt.
#
# CI runs 20 fixed-seed sequences per mode (a few seconds each); ci/equiv.sh runs the full 500.
# Every test is skipped (exit 77), not passed, when redis-server 7.0.15, redis-check-rdb/-aof or
# kevy-server is missing. Servers are spawned in temp dirs and stopped by PID.
if(KEVY_TESTS)
  foreach(mode rdb aof)
    add_test(NAME conform_${mode}_equiv
             COMMAND kevy-conform ${mode}-equiv --seed 20240611 --sequences 20 --length 80
                     --out ${CMAKE_CURRENT_BINARY_DIR}/equiv-failures)
    # The gate can fail: kevy gets an extra key on purpose; exit 1 (not 0, not 2) is required.
    add_test(NAME conform_${mode}_equiv_gate_fails
             COMMAND sh -c "\"$0\" ${mode}-equiv --seed 1 --sequences 1 --length 10 --fault key --no-shrink --out \"$1\"; rc=$?; [ $rc -eq 77 ] && exit 77; [ $rc -eq 1 ]"
                     $<TARGET_FILE:kevy-conform> ${CMAKE_CURRENT_BINARY_DIR}/equiv-gate-failures)
    set_tests_properties(conform_${mode}_equiv conform_${mode}_equiv_gate_fails PROPERTIES
      SKIP_RETURN_CODE 77 TIMEOUT 180 ENVIRONMENT KEVY_SERVER=$<TARGET_FILE:kevy-server>)
  endforeach()
  # Sequence 180 of seed 1127 leaves a 2-member skiplist zset with a -0 score: redis-server's
  # own reload loads it as a listpack, which stores 0. The loaders are then held to
  # redis<-redis: the run must be SAME and say so; with a dropped key it must still fail.
  add_test(NAME conform_rdb_equiv_redis_reload_changes_data
           COMMAND sh -c "out=$(\"$0\" rdb-equiv --seed 1127 --only 180 --length 80 --no-shrink --out \"$1\" 2>&1); rc=$?; echo \"$out\"; [ $rc -eq 77 ] && exit 77; [ $rc -eq 0 ] && echo \"$out\" | grep -q 'changed the data in 1 sequences'"
                   $<TARGET_FILE:kevy-conform> ${CMAKE_CURRENT_BINARY_DIR}/equiv-failures)
  add_test(NAME conform_rdb_equiv_redis_reload_changes_data_gate_fails
           COMMAND sh -c "\"$0\" rdb-equiv --seed 1127 --only 180 --length 80 --fault key --no-shrink --out \"$1\"; rc=$?; [ $rc -eq 77 ] && exit 77; [ $rc -eq 1 ]"
                   $<TARGET_FILE:kevy-conform> ${CMAKE_CURRENT_BINARY_DIR}/equiv-gate-failures)
  set_tests_properties(conform_rdb_equiv_redis_reload_changes_data
                       conform_rdb_equiv_redis_reload_changes_data_gate_fails PROPERTIES
    SKIP_RETURN_CODE 77 TIMEOUT 120 ENVIRONMENT KEVY_SERVER=$<TARGET_FILE:kevy-server>)
endif()
