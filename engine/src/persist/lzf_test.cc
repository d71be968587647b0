// LZF: compressed bytes equal to redis-server 7.0.15's (Debian build, system liblzf 3.6), the
// out-of-space decision, and a decompressor that refuses malformed input without ever reading
// or writing outside its buffers.
//
// Expected bytes come from the oracle: `redis-cli SET k <string>` then `DUMP k`. A DUMP of an
// LZF string is [00][C3][compressed len][plain len][LZF bytes][0A 00][CRC64 LE]; for long
// strings only the payload's size and CRC are kept here (the CRC covers every LZF byte).
#include "persist/lzf.h"
#include "test_support/hex.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <string_view>

#include "persist/crc64.h"

namespace kevy {
namespace {

// RDB length (6/14-bit and 0x80 32-bit forms) at *pos.
uint64_t read_len(std::string_view b, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(b[i]); };
  const uint8_t first = byte(*pos);
  if ((first >> 6) == 0) {
    *pos += 1;
    return first & 0x3f;
  }
  if ((first >> 6) == 1) {
    *pos += 2;
    return (uint64_t{first & 0x3fu} << 8) | byte(*pos - 1);
  }
  uint64_t v = 0;
  for (size_t i = 1; i <= 4; ++i) v = (v << 8) | byte(*pos + i);
  *pos += 5;
  return v;
}

void append_len(std::string* out, uint64_t len) {
  if (len < 64) {
    out->push_back(static_cast<char>(len));
  } else if (len < 16384) {
    out->push_back(static_cast<char>(0x40 | (len >> 8)));
    out->push_back(static_cast<char>(len & 0xff));
  } else {
    out->push_back(static_cast<char>(0x80));
    for (int i = 3; i >= 0; --i) out->push_back(static_cast<char>(len >> (8 * i)));
  }
}

// Compresses as RdbWriter does (output capacity len - 4); "" when it does not fit.
std::string compress(std::string_view s, LzfFlavor flavor = LzfFlavor::kLiblzf36) {
  std::string out(s.size() - 4, '\0');
  const size_t n = lzf_compress(s.data(), s.size(), out.data(), out.size(), flavor);
  out.resize(n);
  return out;
}

// The DUMP payload redis-server produces for SET k s when s compresses.
std::string dump_payload(std::string_view s) {
  const std::string packed = compress(s);
  std::string p("\x00\xc3", 2);
  append_len(&p, packed.size());
  append_len(&p, s.size());
  p += packed;
  p.append("\x0a\x00", 2);
  const uint64_t crc = crc64(0, p.data(), p.size());
  for (int i = 0; i < 8; ++i) p.push_back(static_cast<char>(crc >> (8 * i)));
  return p;
}

// The LZF bytes inside a DUMP payload of a compressed string.
std::string lzf_bytes_of(std::string_view payload) {
  size_t pos = 2;
  const uint64_t clen = read_len(payload, &pos);
  read_len(payload, &pos);
  return std::string(payload.substr(pos, clen));
}

// byte i = 'a' + ((i * 2654435761 mod 2^32) >> 13) % 3: a deterministic, partly compressible
// text that a Python one-liner reproduces for the oracle.
std::string hash3(size_t n) {
  std::string s(n, '\0');
  for (size_t i = 0; i < n; ++i) {
    const uint32_t h = static_cast<uint32_t>(i * 2654435761u);
    s[i] = static_cast<char>('a' + (h >> 13) % 3);
  }
  return s;
}

std::string numbers_csv(int n) {
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (i > 0) s += ',';
    s += std::to_string(i);
  }
  return s;
}

TEST(Lzf, SmallStringsEqualRedisDump) {
  struct Case {
    std::string plain;
    const char* dump_hex;
  };
  std::string hello;
  for (int i = 0; i < 10; ++i) hello += "hello world ";
  const Case cases[] = {
      {std::string(100, 'a'), "00c3094064016161e057000161610a00e8a3b507b06df271"},
      {hello, "00c31440780c68656c6c6f20776f726c642068e0600b0164200a00d4035f436c9a1bd7"},
      // Ends with a back reference starting 3 bytes before the end (liblzf 3.6 only).
      {"x" + std::string("abcdefgh") + "abcdefgh" + "abcdefgh" + "abcdefgh" + "Qabc",
       "00c3112508786162636465666768e00f07005120180a00ab0005655692fc9c"},
  };
  for (const Case& c : cases) {
    const std::string payload = from_hex(c.dump_hex);
    EXPECT_EQ(compress(c.plain), lzf_bytes_of(payload)) << c.plain;
    EXPECT_EQ(dump_payload(c.plain), payload) << c.plain;
  }
}

TEST(Lzf, BundledFlavorDoesNotMatchAtTheVeryEnd) {
  const std::string s = "x" + std::string("abcdefgh") + "abcdefgh" + "abcdefgh" + "abcdefgh" +
                        "Qabc";
  const std::string bundled = compress(s, LzfFlavor::kRedisBundled);
  const std::string system = compress(s);
  ASSERT_FALSE(bundled.empty());
  EXPECT_NE(bundled, system);
  // The bundled copy ends with a literal run "Qabc"; liblzf 3.6 with "Q" and a reference.
  EXPECT_EQ(bundled.substr(bundled.size() - 5), std::string("\x03Qabc", 5));
  std::string back(s.size(), '\0');
  ASSERT_TRUE(lzf_decompress(bundled.data(), bundled.size(), back.data(), back.size()));
  EXPECT_EQ(back, s);
}

TEST(Lzf, IncompressibleStringIsRefused) {
  // DUMP of SET k abcdefghijklmnopqrstu stores it plain: 00 15 <21 bytes> ...
  const std::string s = "abcdefghijklmnopqrstu";
  EXPECT_EQ(compress(s), "");
  char out[64];
  EXPECT_EQ(lzf_compress(s.data(), s.size(), out, 0), 0u);
  EXPECT_EQ(lzf_compress(s.data(), 0, out, sizeof out), 0u);
  // With room it "compresses" to one literal run of 21 bytes.
  EXPECT_EQ(lzf_compress(s.data(), s.size(), out, sizeof out), 22u);
}

TEST(Lzf, LongStringsEqualRedisDump) {
  struct Case {
    std::string plain;
    size_t payload_size;
    uint64_t payload_crc;
  };
  const Case cases[] = {
      // SET k <"0,1,2,...,2999">
      {numbers_csv(3000), 9303, 0x3918b45cb94468eeULL},
      // SET k <"x" x 200000>: maximal (264-byte) references
      {std::string(200000, 'x'), 2299, 0xb1b09f7d95e573c4ULL},
      // SET k <hash3(5000)>, SET k <hash3(50000)>
      {hash3(5000), 2240, 0x6ec7e077f6997cfdULL},
      {hash3(50000), 22053, 0xb92349cc4a972a3aULL},
  };
  for (const Case& c : cases) {
    const std::string payload = dump_payload(c.plain);
    EXPECT_EQ(payload.size(), c.payload_size) << c.plain.size();
    EXPECT_EQ(crc64(0, payload.data(), payload.size() - 8), c.payload_crc) << c.plain.size();
  }
}

// Inputs of many shapes: random, few-symbol, repeated words, runs.
std::string sample(std::mt19937_64& rng, size_t n) {
  std::string s(n, '\0');
  const int kind = static_cast<int>(rng() % 4);
  const unsigned alphabet = kind == 0 ? 256 : kind == 1 ? 2 : kind == 2 ? 16 : 4;
  for (size_t i = 0; i < n; ++i) {
    if (kind == 3 && i >= 8 && rng() % 4 != 0) {
      s[i] = s[i - 1 - rng() % 8];
    } else {
      s[i] = static_cast<char>(rng() % alphabet);
    }
  }
  return s;
}

TEST(Lzf, RoundTripsAndRespectsCapacity) {
  std::mt19937_64 rng(42);
  for (int t = 0; t < 400; ++t) {
    const size_t n = 1 + rng() % (t % 10 == 0 ? 70000 : 600);
    const std::string s = sample(rng, n);
    // Exactly sized heap buffers, so a sanitizer build catches any overrun.
    // Worst case output: one control byte per 32 literals, plus slack for the final check.
    const size_t cap = t % 3 == 0 ? n + n / 32 + 8 : 1 + rng() % (n + 8);
    auto out = std::make_unique<char[]>(cap);
    const size_t got = lzf_compress(s.data(), s.size(), out.get(), cap);
    ASSERT_LE(got, cap);
    if (t % 3 == 0) {
      ASSERT_GT(got, 0u) << n;
    }
    if (got == 0) continue;
    auto back = std::make_unique<char[]>(n);
    ASSERT_TRUE(lzf_decompress(out.get(), got, back.get(), n)) << t;
    ASSERT_EQ(std::string_view(back.get(), n), s) << t;
    // One byte short or long of the real size is refused.
    if (n > 1) {
      auto shorter = std::make_unique<char[]>(n - 1);
      EXPECT_FALSE(lzf_decompress(out.get(), got, shorter.get(), n - 1));
    }
    auto longer = std::make_unique<char[]>(n + 1);
    EXPECT_FALSE(lzf_decompress(out.get(), got, longer.get(), n + 1));
  }
}

TEST(Lzf, DecompressRefusesMalformedInput) {
  char out[16];
  // Literal run of 3 bytes with only 2 present.
  EXPECT_FALSE(lzf_decompress("\x02" "ab", 3, out, 3));
  // Back reference with nothing before it.
  EXPECT_FALSE(lzf_decompress("\x20\x00", 2, out, 3));
  // Back reference one byte too far back: "a" then copy 3 from 2 back.
  EXPECT_FALSE(lzf_decompress("\x00" "a\x20\x01", 4, out, 4));
  EXPECT_TRUE(lzf_decompress("\x00" "a\x20\x00", 4, out, 4));  // "aaaa"
  EXPECT_EQ(std::string(out, 4), "aaaa");
  // Truncated back references (missing offset byte, missing extra length byte).
  EXPECT_FALSE(lzf_decompress("\x00" "a\x20", 3, out, 4));
  EXPECT_FALSE(lzf_decompress("\x00" "a\xe0", 3, out, 12));
  EXPECT_FALSE(lzf_decompress("\x00" "a\xe0\x00", 4, out, 12));
  EXPECT_TRUE(lzf_decompress("\x00" "a\xe0\x00\x00", 5, out, 10));  // 1 + 9 bytes
  // Output larger than the buffer.
  EXPECT_FALSE(lzf_decompress("\x00" "a\x20\x00", 4, out, 3));
  // Empty input decompresses to nothing.
  EXPECT_TRUE(lzf_decompress("", 0, out, 0));
  EXPECT_FALSE(lzf_decompress("", 0, out, 1));
}

TEST(Lzf, RandomAndCorruptInputNeverEscapesBuffers) {
  std::mt19937_64 rng(7);
  // Valid streams with bytes flipped or cut, and pure noise; exact-size heap buffers.
  std::string valid = numbers_csv(300);
  const std::string packed = compress(valid);
  ASSERT_FALSE(packed.empty());
  for (int t = 0; t < 20000; ++t) {
    std::string in;
    if (t % 2 == 0) {
      in = packed.substr(0, rng() % (packed.size() + 1));
      for (int k = static_cast<int>(rng() % 4); k > 0 && !in.empty(); --k) {
        in[rng() % in.size()] = static_cast<char>(rng());
      }
    } else {
      in.resize(rng() % 64);
      for (char& c : in) c = static_cast<char>(rng());
    }
    const size_t out_len = t % 2 == 0 ? valid.size() - rng() % 3 : rng() % 300;
    auto in_buf = std::make_unique<char[]>(in.size());
    std::copy(in.begin(), in.end(), in_buf.get());
    auto out = std::make_unique<char[]>(out_len);
    lzf_decompress(in_buf.get(), in.size(), out.get(), out_len);
  }
}

}  // namespace
}  // namespace kevy
