// libFuzzer target: any byte string as the value part of a DUMP payload (RDB type byte +
// value), given to RESTORE through Store::execute as a client would. The target appends the
// footer (RDB version 10 + CRC64) itself, so mutations reach the value parser instead of
// failing on the checksum.
//
// Besides "no crash, no sanitizer report, no runaway allocation", a value that RESTORE accepts
// must be usable and must round-trip: the commands of its type run on it, and DUMP of it
// RESTOREs to a key with the same DEBUG DIGEST-VALUE.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>

#include "kevy/clock.h"
#include "kevy/store.h"
#include "restore_payload.h"

namespace {

[[noreturn]] void fail(const char* what, const kevy::Reply& r) {
  std::fprintf(stderr, "fuzz_restore: %s: %s\n", what, r.to_resp(2).c_str());
  std::abort();
}

kevy::Store& store() {
  static kevy::Store* s = [] {
    auto clock = std::make_shared<kevy::ManualClock>(1700000000000);
    auto opened = kevy::Store::open(kevy::Options{}.with_clock(clock));
    if (!opened.ok()) std::abort();
    return new kevy::Store(std::move(opened.value()));
  }();
  return *s;
}

kevy::Reply run(kevy::Session& session, std::initializer_list<std::string_view> argv) {
  return store().execute(std::span<const std::string_view>(argv.begin(), argv.size()), session);
}

// Reads and writes of the key's type, for values that load but are inconsistent inside.
void exercise(kevy::Session& s, const std::string& type) {
  if (type == "string") {
    run(s, {"GET", "k"});
    run(s, {"STRLEN", "k"});
    run(s, {"GETRANGE", "k", "-3", "-1"});
    run(s, {"APPEND", "k", "x"});
    run(s, {"INCR", "k"});
  } else if (type == "list") {
    run(s, {"LRANGE", "k", "0", "-1"});
    run(s, {"LINDEX", "k", "-1"});
    run(s, {"LPOS", "k", "x"});
    run(s, {"RPUSH", "k", "x", "12345"});
    run(s, {"LINSERT", "k", "BEFORE", "x", "y"});
    run(s, {"LPOP", "k"});
    run(s, {"LTRIM", "k", "1", "-2"});
  } else if (type == "set") {
    run(s, {"SMEMBERS", "k"});
    run(s, {"SISMEMBER", "k", "1"});
    run(s, {"SRANDMEMBER", "k", "-5"});
    run(s, {"SADD", "k", "x", "7"});
    run(s, {"SREM", "k", "1"});
    run(s, {"SPOP", "k"});
  } else if (type == "zset") {
    run(s, {"ZRANGE", "k", "0", "-1", "WITHSCORES"});
    run(s, {"ZRANGEBYSCORE", "k", "-inf", "+inf"});
    run(s, {"ZRANGEBYLEX", "k", "-", "+"});
    run(s, {"ZRANK", "k", "a"});
    run(s, {"ZADD", "k", "1.5", "x"});
    run(s, {"ZINCRBY", "k", "2", "a"});
    run(s, {"ZREM", "k", "x"});
    run(s, {"ZPOPMIN", "k"});
  } else if (type == "hash") {
    run(s, {"HGETALL", "k"});
    run(s, {"HGET", "k", "f"});
    run(s, {"HRANDFIELD", "k", "-5", "WITHVALUES"});
    run(s, {"HSET", "k", "f", "v", "g", "12"});
    run(s, {"HINCRBY", "k", "g", "1"});
    run(s, {"HDEL", "k", "f"});
  }
  run(s, {"OBJECT", "ENCODING", "k"});
  run(s, {"DEBUG", "DIGEST"});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string payload = kevy::fuzz::dump_payload(data, size);

  kevy::Session s;
  kevy::Reply r = run(s, {"RESTORE", "k", "0", payload, "REPLACE"});
  if (!r.is_error()) {
    const kevy::Reply digest = run(s, {"DEBUG", "DIGEST-VALUE", "k"});
    const kevy::Reply dumped = run(s, {"DUMP", "k"});
    if (dumped.is_error()) fail("DUMP of a restored key failed", dumped);
    const kevy::Reply again = run(s, {"RESTORE", "k2", "0", dumped.str(), "REPLACE"});
    if (again.is_error()) fail("kevy's own DUMP of a restored key did not RESTORE", again);
    const kevy::Reply digest2 = run(s, {"DEBUG", "DIGEST-VALUE", "k2"});
    if (digest.to_resp(2) != digest2.to_resp(2)) {
      fail("DUMP + RESTORE changed DEBUG DIGEST-VALUE", digest2);
    }
    exercise(s, run(s, {"TYPE", "k"}).str());
  }
  run(s, {"FLUSHALL"});
  return 0;
}
