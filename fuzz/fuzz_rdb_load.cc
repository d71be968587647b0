// libFuzzer target: any byte string as a whole RDB file, loaded by rdb::load_image into a
// fresh staging keyspace, as kevy-server's startup load and DEBUG RELOAD do.
//
// Besides "no crash, no sanitizer report, no runaway allocation", a file that loads must
// survive a round trip: serialized again it loads again, to the same keys and the same
// DEBUG DIGEST. The checksum is not verified (rdbchecksum no), so mutated files reach the end of
// the parser instead of failing on the CRC64.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "commands/debug_digest.h"
#include "core/keyspace.h"
#include "kevy/clock.h"
#include "persist/rdb_file.h"

namespace {

// The property failed: report and abort, so libFuzzer saves the input as a crash.
[[noreturn]] void fail(const char* what, const kevy::Status& s) {
  std::fprintf(stderr, "fuzz_rdb_load: %s: %s\n", what, s.to_string().c_str());
  std::abort();
}

kevy::Options fuzz_options() {
  // A fixed clock: whether a key's TTL has passed must not depend on when the input runs.
  static const auto clock = std::make_shared<kevy::ManualClock>(1700000000000);
  return kevy::Options{}.with_clock(clock);
}

uint64_t key_count(kevy::Keyspace& ks) {
  uint64_t n = 0;
  for (int i = 0; i < ks.num_dbs(); ++i) n += ks.db(i).main.size();
  return n;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view image(reinterpret_cast<const char*>(data), size);
  kevy::rdb::LoadParams params;
  params.verify_checksum = false;

  kevy::Keyspace staging(fuzz_options());
  staging.set_loading(true);
  kevy::rdb::LoadInfo info;
  if (!kevy::rdb::load_image(image, staging, params, &info).is_ok()) return 0;

  std::string again;
  kevy::Status s = kevy::rdb::serialize(staging, kevy::rdb::SaveParams{}, &again);
  if (!s.is_ok()) fail("a loaded keyspace did not serialize", s);
  kevy::Keyspace reloaded(fuzz_options());
  reloaded.set_loading(true);
  kevy::rdb::LoadInfo info2;
  s = kevy::rdb::load_image(again, reloaded, params, &info2);
  if (!s.is_ok()) fail("kevy's own image of a loaded file did not load", s);
  if (key_count(reloaded) != key_count(staging)) {
    fail("the reloaded image holds another number of keys", kevy::Status::ok());
  }
  if (kevy::dataset_digest(reloaded) != kevy::dataset_digest(staging)) {
    fail("the reloaded image has another DEBUG DIGEST", kevy::Status::ok());
  }
  return 0;
}
