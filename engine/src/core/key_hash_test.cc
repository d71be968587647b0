// hash_key: the properties core/table.h relies on — spread of the top bits (home slot) and of
// the low byte (tag) over typical key sets, avalanche of every input bit, and every length
// path (0..3, 4..7, 8..16, longer) reading all of its bytes.
#include "core/key_hash.h"

#include <gtest/gtest.h>

#include <bit>
#include <cstdio>
#include <string>
#include <unordered_set>
#include <vector>

namespace kevy {
namespace {

std::vector<std::string> numbered_keys(const char* fmt, size_t n) {
  std::vector<std::string> keys;
  for (size_t i = 0; i < n; ++i) {
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, i);
    keys.emplace_back(buf);
  }
  return keys;
}

// Chi-square statistic of the keys' hashes put into `buckets` buckets by `bucket_of`.
template <typename BucketOf>
double chi_square(const std::vector<std::string>& keys, size_t buckets, BucketOf bucket_of) {
  std::vector<double> counts(buckets, 0);
  for (const std::string& k : keys) counts[bucket_of(hash_key(k))] += 1;
  const double expected = static_cast<double>(keys.size()) / static_cast<double>(buckets);
  double chi = 0;
  for (double c : counts) chi += (c - expected) * (c - expected) / expected;
  return chi;
}

TEST(KeyHashTest, TopBitsAndTagSpreadSequentialKeys) {
  // Sequential keys with shared prefixes, as users name them; short and long ones.
  for (const char* fmt : {"%zu", "key:%zu", "user:session:%08zu", "member-%09zu",
                          "a-rather-long-prefix-that-spans-blocks:%zu:suffix"}) {
    const std::vector<std::string> keys = numbered_keys(fmt, 65536);
    // 1,024 home slots from the top 10 bits; 256 tags from the low byte. For a uniform
    // hash the statistic is about the bucket count (sd ~ sqrt(2 * buckets)); 1.3x is > 6 sd.
    EXPECT_LT(chi_square(keys, 1024, [](uint64_t h) { return h >> 54; }), 1024 * 1.3) << fmt;
    EXPECT_LT(chi_square(keys, 256, [](uint64_t h) { return h & 0xff; }), 256 * 1.3) << fmt;
  }
}

TEST(KeyHashTest, EveryInputBitFlipsAboutHalfTheOutput) {
  // For each length path, flipping any one input bit changes 32 of 64 output bits on average.
  for (size_t len : {1u, 2u, 3u, 4u, 7u, 8u, 11u, 16u, 17u, 31u, 33u, 100u}) {
    std::string key(len, '\0');
    for (size_t i = 0; i < len; ++i) key[i] = static_cast<char>('a' + i % 26);
    const uint64_t base = hash_key(key);
    double flipped = 0;
    for (size_t bit = 0; bit < len * 8; ++bit) {
      std::string changed = key;
      changed[bit / 8] = static_cast<char>(changed[bit / 8] ^ (1 << (bit % 8)));
      const int d = std::popcount(base ^ hash_key(changed));
      EXPECT_GE(d, 8) << "len " << len << " bit " << bit;  // no bit is ignored or weak
      flipped += d;
    }
    const double mean = flipped / static_cast<double>(len * 8);
    EXPECT_GT(mean, 28) << "len " << len;
    EXPECT_LT(mean, 36) << "len " << len;
  }
}

TEST(KeyHashTest, LengthIsPartOfTheHash) {
  // Keys that differ only by trailing zero bytes, and the empty key, hash apart.
  std::unordered_set<uint64_t> seen;
  std::string key;
  for (size_t len = 0; len <= 64; ++len) {
    EXPECT_TRUE(seen.insert(hash_key(key)).second) << "length " << len;
    key.push_back('\0');
  }
}

TEST(KeyHashTest, IsDeterministicAndReadsOnlyTheView) {
  const std::string buf = "xxkeyyy";
  const std::string_view inner(buf.data() + 2, 3);
  EXPECT_EQ(hash_key(inner), hash_key("key"));
  EXPECT_NE(hash_key("key"), hash_key("kez"));
}

}  // namespace
}  // namespace kevy
