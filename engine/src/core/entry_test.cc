// Entry: the one-allocation key+value layout.
#include "core/entry.h"

#include <gtest/gtest.h>

#include <string>

namespace kevy {
namespace {

struct EntryDeleter {
  void operator()(Entry* e) const { Entry::destroy(e); }
};
using EntryPtr = std::unique_ptr<Entry, EntryDeleter>;

class FakeList : public Object {
 public:
  explicit FakeList(int v) : v(v) {}
  std::unique_ptr<Object> clone() const override { return std::make_unique<FakeList>(v); }
  int v;
};

TEST(Entry, CompactLayoutForTheBenchmarkShape) {
  // key:%012d with a 16-byte value: 4 header + 1 + 16 + 1 + 16 = 38 bytes (a 48-byte chunk).
  EntryPtr e(Entry::make_string("key:000000000001", "0123456789abcdef", Encoding::kEmbstr));
  EXPECT_EQ(e->alloc_size(), 38u);
  EXPECT_EQ(e->key(), "key:000000000001");
  EXPECT_EQ(e->str(), "0123456789abcdef");
  EXPECT_EQ(e->type(), ObjType::kString);
  EXPECT_EQ(e->encoding(), Encoding::kEmbstr);
}

TEST(Entry, BinaryAndEmptyKeysAndValues) {
  std::string key("a\0b", 3);
  std::string value("\0\0x", 3);
  EntryPtr e(Entry::make_string(key, value, Encoding::kRaw));
  EXPECT_EQ(e->key(), key);
  EXPECT_EQ(e->str(), value);
  EntryPtr empty(Entry::make_string("", "", Encoding::kEmbstr));
  EXPECT_EQ(empty->key(), "");
  EXPECT_EQ(empty->str(), "");
}

TEST(Entry, LongValuesUseMultiByteLengths) {
  std::string key(300, 'k');
  std::string value(100000, 'v');
  EntryPtr e(Entry::make_string(key, value, Encoding::kRaw));
  EXPECT_EQ(e->key(), key);
  EXPECT_EQ(e->str(), value);
  EXPECT_EQ(e->alloc_size(), 4u + 2 + 300 + 3 + 100000);
}

TEST(Entry, IntEncodingPrintsDecimal) {
  EntryPtr e(Entry::make_int("n", INT64_MIN));
  char buf[24];
  EXPECT_EQ(e->string_value(buf), "-9223372036854775808");
  EXPECT_EQ(e->int_value(), INT64_MIN);
  EXPECT_EQ(e->encoding(), Encoding::kInt);
}

TEST(Entry, MetadataBitsAreIndependent) {
  EntryPtr e(Entry::make_string("k", "v", Encoding::kEmbstr));
  e->set_lru(0xABCDEF);
  e->set_has_expire(true);
  e->set_encoding(Encoding::kRaw);
  EXPECT_EQ(e->lru(), 0xABCDEFu);
  EXPECT_TRUE(e->has_expire());
  EXPECT_EQ(e->encoding(), Encoding::kRaw);
  EXPECT_EQ(e->type(), ObjType::kString);
  e->set_has_expire(false);
  EXPECT_FALSE(e->has_expire());
  EXPECT_EQ(e->lru(), 0xABCDEFu);
}

TEST(Entry, ReplaceKeepsKeyAndMetadata) {
  Entry* e = Entry::make_string("k", "v", Encoding::kEmbstr);
  e->set_lru(77);
  e->set_has_expire(true);
  e = Entry::replace_string(e, std::string(100, 'x'), Encoding::kRaw);
  EntryPtr owned(Entry::replace_int(e, 42));
  EXPECT_EQ(owned->key(), "k");
  EXPECT_EQ(owned->int_value(), 42);
  EXPECT_EQ(owned->lru(), 77u);
  EXPECT_TRUE(owned->has_expire());
}

TEST(Entry, RekeyMovesObjectsAndCloneCopiesThem) {
  Entry* e = Entry::make_object("list", ObjType::kList, Encoding::kQuicklist,
                                std::make_unique<FakeList>(7));
  Object* obj = e->object();
  EntryPtr moved(Entry::rekey(e, "renamed"));
  EXPECT_EQ(moved->key(), "renamed");
  EXPECT_EQ(moved->object(), obj);  // moved, not copied
  EntryPtr copy(Entry::clone(moved.get(), "copy"));
  EXPECT_NE(copy->object(), obj);
  EXPECT_EQ(static_cast<FakeList*>(copy->object())->v, 7);
  EXPECT_EQ(copy->type(), ObjType::kList);
  EXPECT_EQ(copy->encoding(), Encoding::kQuicklist);
}

TEST(Entry, NamesMatchRedis) {
  EXPECT_EQ(type_name(ObjType::kZset), "zset");
  EXPECT_EQ(encoding_name(Encoding::kEmbstr), "embstr");
  EXPECT_EQ(encoding_name(Encoding::kListpack), "listpack");
}

}  // namespace
}  // namespace kevy
