// rdb_value at the RDB level. Byte equality with redis-server 7.0.15 and Redis's answers to
// crafted and corrupted payloads are checked through DUMP/RESTORE in
// commands/dump_restore_test.cc (tables recorded from the oracle); here: the contracts the RDB
// file loader relies on — empty collections are told apart from corruption, errors name an
// offset, every truncation of a value fails cleanly, and write/read round-trips every type.
#include "persist/rdb_value.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "types/hash.h"
#include "types/list.h"
#include "types/set.h"
#include "types/zset.h"

namespace kevy::rdb {
namespace {

struct EntryDeleter {
  void operator()(Entry* e) const { Entry::destroy(e); }
};
using EntryPtr = std::unique_ptr<Entry, EntryDeleter>;

EntryPtr read(std::string_view bytes, uint8_t type, Status* status = nullptr,
              const Options& limits = Options{}) {
  RdbReader r(bytes);
  EntryPtr e(read_value(r, type, "k", limits));
  if (status != nullptr) *status = r.status();
  EXPECT_EQ(e == nullptr, !r.ok());
  return e;
}

std::string written(const Entry& e) {
  std::string out;
  RdbWriter w(&out);
  write_value(w, e);
  return out;
}

TEST(RdbValue, EmptyCollectionsAreToldApartFromCorruption) {
  const std::pair<uint8_t, std::string> empties[] = {
      {kTypeList, std::string(1, '\0')},          {kTypeSet, std::string(1, '\0')},
      {kTypeZset2, std::string(1, '\0')},         {kTypeHash, std::string(1, '\0')},
      {kTypeListQuicklist2, std::string(1, '\0')}, {kTypeZset, std::string(1, '\0')}};
  for (const auto& [type, bytes] : empties) {
    Status s;
    EXPECT_EQ(read(bytes, type, &s), nullptr);
    EXPECT_TRUE(is_empty_value_error(s)) << int(type) << " " << s.message();
  }
  // A set with a duplicate member is corruption, not an empty value.
  Status s;
  EXPECT_EQ(read(std::string("\x02\x01" "a\x01" "a", 5), kTypeSet, &s), nullptr);
  EXPECT_FALSE(is_empty_value_error(s));
  EXPECT_NE(s.message().find("offset"), std::string::npos) << s.message();
  EXPECT_FALSE(is_empty_value_error(Status::ok()));
}

TEST(RdbValue, StreamAndModuleValuesAreRefused) {
  for (uint8_t type : {kTypeStreamListpacks, kTypeStreamListpacks2, kTypeModule, kTypeModule2}) {
    Status s;
    EXPECT_EQ(read(std::string(4, '\0'), type, &s), nullptr);
    EXPECT_EQ(s.code(), Status::Code::kCorruption);
    EXPECT_FALSE(is_loadable_type(type));
  }
  EXPECT_FALSE(is_loadable_type(8));
  EXPECT_FALSE(is_loadable_type(20));
  EXPECT_TRUE(is_loadable_type(kTypeHashZipmap));
}

// Builds one value of each type and encoding, writes it, and checks that reading it back
// gives the same bytes when written again, and that every truncation fails cleanly.
TEST(RdbValue, EveryTypeRoundTripsAndTruncationsFail) {
  std::vector<EntryPtr> values;
  values.emplace_back(Entry::make_string("k", "hello", Encoding::kEmbstr));
  values.emplace_back(Entry::make_int("k", -123456789012));
  values.emplace_back(Entry::make_string("k", std::string(300, 'z'), Encoding::kRaw));
  {
    auto l = std::make_unique<ListObject>();
    for (int i = 0; i < 3000; ++i) l->push(ListEnd::kTail, "e" + std::to_string(i * 7));
    values.emplace_back(Entry::make_object("k", ObjType::kList, Encoding::kQuicklist, std::move(l)));
  }
  for (bool ints : {true, false}) {
    auto s = std::make_unique<SetValue>();
    for (int i = 0; i < 100; ++i) s->add(ints ? std::to_string(i * 1000) : "m" + std::to_string(i), 512);
    const Encoding enc = s->encoding();
    values.emplace_back(Entry::make_object("k", ObjType::kSet, enc, std::move(s)));
  }
  for (size_t n : {5, 300}) {
    auto z = std::make_unique<ZsetValue>();
    for (size_t i = 0; i < n; ++i) z->set("m" + std::to_string(i), static_cast<double>(i) / 3, ZsetLimits{});
    const Encoding enc = z->encoding();
    values.emplace_back(Entry::make_object("k", ObjType::kZset, enc, std::move(z)));
  }
  for (size_t n : {5, 600}) {
    auto h = std::make_unique<HashValue>();
    for (size_t i = 0; i < n; ++i) h->set("f" + std::to_string(i), std::to_string(i), HashLimits{});
    const Encoding enc = h->encoding();
    values.emplace_back(Entry::make_object("k", ObjType::kHash, enc, std::move(h)));
  }
  for (const EntryPtr& e : values) {
    const uint8_t type = value_type(*e);
    const std::string bytes = written(*e);
    EntryPtr back = read(bytes, type);
    ASSERT_NE(back, nullptr) << int(type);
    EXPECT_EQ(back->type(), e->type());
    EXPECT_EQ(back->encoding(), e->encoding()) << int(type);
    if (type != kTypeSet && type != kTypeHash) {
      EXPECT_EQ(written(*back), bytes) << int(type);
    }
    // Truncations: every prefix fails (sampled for long values), none crashes.
    const size_t step = bytes.size() > 2000 ? 97 : 1;
    for (size_t n = 0; n < bytes.size(); n += step) {
      Status s;
      EXPECT_EQ(read(bytes.substr(0, n), type, &s), nullptr) << int(type) << " cut " << n;
      EXPECT_FALSE(is_empty_value_error(s));
    }
  }
}

}  // namespace
}  // namespace kevy::rdb
