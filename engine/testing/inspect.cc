// Reading a store's keys as a client sees them (kevy/testing/matchers.h: inspect_key,
// dump_keyspace) and printing them (values.h).
#include <algorithm>
#include <cstdlib>
#include <string>

#include "kevy/testing/matchers.h"
#include "kevy/testing/recording.h"
#include "kevy/testing/values.h"

namespace kevy::testing {
namespace {

// A session of the toolkit itself: the command hook neither records nor faults it.
Session toolkit_session(int db) {
  Session s;
  s.client_id = CommandMonitor::kToolkitClientId;
  s.db = db;
  return s;
}

Reply run(Store& store, Session& s, std::initializer_list<std::string_view> argv) {
  return store.execute(std::span<const std::string_view>(argv.begin(), argv.size()), s);
}

std::vector<std::string> strings_of(const Reply& r) {
  std::vector<std::string> out;
  for (const Reply& e : r.elements()) out.push_back(e.str());
  return out;
}

}  // namespace

std::optional<KeyDump> inspect_key(Store& store, std::string_view key, int db) {
  Session s = toolkit_session(db);
  const Reply type = run(store, s, {"TYPE", key});
  if (type.type() != Reply::Type::kSimple || type.str() == "none") return std::nullopt;
  KeyDump out;
  out.type = type.str();
  if (out.type == "string") {
    out.value = run(store, s, {"GET", key}).str();
  } else if (out.type == "list") {
    out.value = List{strings_of(run(store, s, {"LRANGE", key, "0", "-1"}))};
  } else if (out.type == "set") {
    Set set{strings_of(run(store, s, {"SMEMBERS", key}))};
    std::sort(set.members.begin(), set.members.end());
    out.value = std::move(set);
  } else if (out.type == "hash") {
    const std::vector<std::string> flat = strings_of(run(store, s, {"HGETALL", key}));
    Hash hash;
    for (size_t i = 0; i + 1 < flat.size(); i += 2) hash.fields.emplace_back(flat[i], flat[i + 1]);
    std::sort(hash.fields.begin(), hash.fields.end());
    out.value = std::move(hash);
  } else if (out.type == "zset") {
    const Reply r = run(store, s, {"ZRANGE", key, "0", "-1", "WITHSCORES"});
    Zset zset;
    const std::vector<Reply>& flat = r.elements();
    for (size_t i = 0; i + 1 < flat.size(); i += 2) {
      // Scores are double replies in the reply tree (bulk strings only on the wire in RESP2).
      const Reply& score = flat[i + 1];
      zset.members.emplace_back(flat[i].str(), score.type() == Reply::Type::kDouble
                                                   ? score.double_value()
                                                   : std::strtod(score.str().c_str(), nullptr));
    }
    out.value = std::move(zset);
  }
  const int64_t pttl = run(store, s, {"PTTL", key}).integer_value();
  if (pttl >= 0) out.ttl = std::chrono::milliseconds(pttl);
  return out;
}

KeyspaceDump dump_keyspace(Store& store, int db) {
  Session s = toolkit_session(db);
  std::vector<std::string> keys;
  std::string cursor = "0";
  do {
    const Reply page = run(store, s, {"SCAN", cursor, "COUNT", "1000"});
    cursor = page.elements()[0].str();
    for (const Reply& k : page.elements()[1].elements()) keys.push_back(k.str());
  } while (cursor != "0");
  KeyspaceDump out;
  for (const std::string& k : keys) {
    if (out.count(k) != 0) continue;  // SCAN may return a key twice
    if (std::optional<KeyDump> d = inspect_key(store, k, db)) out.emplace(k, std::move(*d));
  }
  return out;
}

void PrintTo(const Value& v, std::ostream* os) {
  struct Printer {
    std::ostream* os;
    void operator()(const std::string& s) const { *os << "string " << ::testing::PrintToString(s); }
    void operator()(const List& l) const { *os << "list " << ::testing::PrintToString(l.items); }
    void operator()(const Set& s) const { *os << "set " << ::testing::PrintToString(s.members); }
    void operator()(const Hash& h) const { *os << "hash " << ::testing::PrintToString(h.fields); }
    void operator()(const Zset& z) const { *os << "zset " << ::testing::PrintToString(z.members); }
  };
  std::visit(Printer{os}, v);
}

void PrintTo(const KeyDump& k, std::ostream* os) {
  static constexpr std::string_view kShown[] = {"string", "list", "set", "hash", "zset"};
  if (std::find(std::begin(kShown), std::end(kShown), k.type) != std::end(kShown)) {
    PrintTo(k.value, os);
  } else {
    *os << k.type;  // a type the toolkit does not read
  }
  if (k.ttl) *os << " ttl " << k.ttl->count() << "ms";
}

std::ostream& operator<<(std::ostream& os, const KeyDump& k) {
  PrintTo(k, &os);
  return os;
}

namespace internal {

std::optional<std::string> error_text(const Reply& r) {
  if (r.type() != Reply::Type::kError) return std::nullopt;
  return r.str();
}

std::optional<std::string> error_text(const Status& s) {
  if (s.is_ok()) return std::nullopt;
  return s.message();
}

}  // namespace internal
}  // namespace kevy::testing
