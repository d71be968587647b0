// DEBUG DIGEST / DIGEST-VALUE signatures; the algorithm is described in debug_digest.h.
#include "commands/debug_digest.h"

#include <cstdint>
#include <cstdio>
#include <string_view>

#include "core/sha1.h"
#include "types/hash.h"
#include "types/list.h"
#include "types/set.h"
#include "types/zset.h"

namespace kevy {
namespace {

// A 20-byte running digest with Redis's two combining steps.
struct Digest {
  Sha1Digest d{};  // zero-initialised

  // d ^= SHA1(data): order does not matter.
  void add(std::string_view data) {
    const Sha1Digest h = Sha1::of(data);
    for (size_t i = 0; i < d.size(); ++i) d[i] ^= h[i];
  }
  void add(const Digest& other) {
    add(std::string_view(reinterpret_cast<const char*>(other.d.data()), other.d.size()));
  }
  // d = SHA1(d ^ SHA1(data)): order matters, and "fo"+"obar" differs from "foo"+"bar".
  void mix(std::string_view data) {
    add(data);
    d = Sha1::of(d.data(), d.size());
  }
  void mix_u32_be(uint32_t v) {
    const char b[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                       static_cast<char>(v >> 8), static_cast<char>(v)};
    mix(std::string_view(b, 4));
  }
};

// Digest of one (member, score) or (field, value) pair, xored into the value digest.
Digest pair_digest(std::string_view first, std::string_view second) {
  Digest e;
  e.mix(first);
  e.mix(second);
  return e;
}

// Continues `dig` with the value of e (type, content, TTL marker), as Redis's xorObjectDigest.
void digest_value_into(Keyspace& ks, int db, const Entry& e, Digest* dig) {
  dig->mix_u32_be(static_cast<uint32_t>(e.type()));
  switch (e.type()) {
    case ObjType::kString: {
      char buf[24];
      dig->mix(e.string_value(buf));
      break;
    }
    case ObjType::kList:
      static_cast<const ListObject*>(e.object())->visit(0, false, [&](size_t, std::string_view v) {
        dig->mix(v);
        return true;
      });
      break;
    case ObjType::kSet:
      static_cast<const SetValue*>(e.object())->for_each([&](std::string_view m) { dig->add(m); });
      break;
    case ObjType::kZset:
      static_cast<const ZsetValue*>(e.object())->for_each([&](const ZsetItem& it) {
        // glibc's "%.17g" (inf, -inf, -0 spelled as Redis's snprintf spells them).
        char buf[64];
        const int n = std::snprintf(buf, sizeof buf, "%.17g", it.score);
        dig->add(pair_digest(it.member, std::string_view(buf, static_cast<size_t>(n))));
      });
      break;
    case ObjType::kHash:
      static_cast<const HashValue*>(e.object())
          ->for_each([&](std::string_view f, std::string_view v) { dig->add(pair_digest(f, v)); });
      break;
    case ObjType::kStream:
      // kevy has no stream values; only the type number is mixed in.
      break;
  }
  if (ks.get_expire(db, &e) != -1) dig->add("!!expire!!");
}

}  // namespace

std::string dataset_digest(Keyspace& ks) {
  Digest final_digest;
  for (int j = 0; j < ks.num_dbs(); ++j) {
    Db& db = ks.db(j);
    if (db.main.size() == 0) continue;
    // The db number is mixed in so the same keys in another db give another digest.
    final_digest.mix_u32_be(static_cast<uint32_t>(j));
    db.main.for_each([&](Entry* e) {
      Digest key_digest;
      key_digest.mix(e->key());
      digest_value_into(ks, j, *e, &key_digest);
      final_digest.add(key_digest);
    });
  }
  return to_hex(final_digest.d);
}

std::string value_digest(Keyspace& ks, int db, const Entry& e) {
  Digest dig;
  digest_value_into(ks, db, e, &dig);
  return to_hex(dig.d);
}

}  // namespace kevy
