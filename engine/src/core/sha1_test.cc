// SHA-1 against the FIPS 180 example vectors and Python hashlib values for lengths around the
// padding boundaries (55/56/63/64/65/119/120/128 bytes), one-shot and fed in odd pieces.
#include "core/sha1.h"

#include <gtest/gtest.h>

#include <string>

namespace kevy {
namespace {

std::string hex_of(std::string_view s) { return to_hex(Sha1::of(s)); }

TEST(Sha1Test, Fips180Vectors) {
  EXPECT_EQ(hex_of("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
  EXPECT_EQ(hex_of(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  EXPECT_EQ(hex_of("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
                   "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
            "a49b2446a02c645bf419f995b67091253a04a259");
}

TEST(Sha1Test, MillionA) {
  Sha1 h;
  const std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i) h.update(chunk);
  EXPECT_EQ(to_hex(h.finish()), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST(Sha1Test, PaddingBoundaries) {
  const struct {
    size_t n;
    const char* hex;
  } cases[] = {
      {55, "c1c8bbdc22796e28c0e15163d20899b65621d65a"},
      {56, "c2db330f6083854c99d4b5bfb6e8f29f201be699"},
      {63, "03f09f5b158a7a8cdad920bddc29b81c18a551f5"},
      {64, "0098ba824b5c16427bd7a1122a5a442a25ec644d"},
      {65, "11655326c708d70319be2610e8a57d9a5b959d3b"},
      {119, "ee971065aaa017e0632a8ca6c77bb3bf8b1dfc56"},
      {120, "f34c1488385346a55709ba056ddd08280dd4c6d6"},
      {128, "ad5b3fdbcb526778c2839d2f151ea753995e26a0"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(hex_of(std::string(c.n, 'a')), c.hex) << c.n;
  }
}

TEST(Sha1Test, PiecewiseEqualsOneShot) {
  std::string all;
  for (int r = 0; r < 3; ++r)
    for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  const std::string expect = "ac2a264c8ec1f4232a40854e8239bc3a697ab1d2";
  EXPECT_EQ(hex_of(all), expect);
  for (size_t step : {1u, 3u, 7u, 63u, 64u, 65u, 200u}) {
    Sha1 h;
    for (size_t i = 0; i < all.size(); i += step) h.update(std::string_view(all).substr(i, step));
    EXPECT_EQ(to_hex(h.finish()), expect) << step;
  }
  Sha1 h;
  h.update("abc");
  (void)h.finish();
  h.reset();
  h.update("abc");
  EXPECT_EQ(to_hex(h.finish()), "a9993e364706816aba3e25717850c26c9cd0d89d");
}

}  // namespace
}  // namespace kevy
