// The key matchers of kevy/testing/matchers.h: each reads the key (inspect_key) and compares
// one aspect, explaining what it found.
#include "kevy/testing/matchers.h"

#include <algorithm>
#include <functional>
#include <sstream>

namespace kevy::testing {
namespace {

// A matcher over a KeyRef: `check` gets the key's dump (nullopt: missing) and says whether it
// matches, writing what it found to the listener.
class KeyMatcher : public ::testing::MatcherInterface<const KeyRef&> {
 public:
  using Check = std::function<bool(const std::optional<KeyDump>&, ::testing::MatchResultListener*)>;
  KeyMatcher(std::string description, Check check)
      : description_(std::move(description)), check_(std::move(check)) {}

  bool MatchAndExplain(const KeyRef& k, ::testing::MatchResultListener* listener) const override {
    return check_(inspect_key(*k.store, k.name, k.db), listener);
  }
  void DescribeTo(std::ostream* os) const override { *os << description_; }
  void DescribeNegationTo(std::ostream* os) const override { *os << "not (" << description_ << ")"; }

 private:
  std::string description_;
  Check check_;
};

::testing::Matcher<const KeyRef&> key_matcher(std::string description, KeyMatcher::Check check) {
  return ::testing::MakeMatcher(new KeyMatcher(std::move(description), std::move(check)));
}

// Compares the key's value with `expected` (T: List, Set, Hash, Zset or std::string).
template <typename T>
::testing::Matcher<const KeyRef&> value_matcher(const char* type, T expected) {
  std::ostringstream description;
  description << "is ";
  PrintTo(Value(expected), &description);
  return key_matcher(description.str(), [type, expected](const std::optional<KeyDump>& d,
                                                              ::testing::MatchResultListener* l) {
    if (!d) {
      *l << "which does not exist";
      return false;
    }
    *l << "which is " << ::testing::PrintToString(*d);
    if (d->type != type) return false;
    const T* actual = std::get_if<T>(&d->value);
    return actual != nullptr && *actual == expected;
  });
}

}  // namespace

void PrintTo(const KeyRef& k, std::ostream* os) {
  *os << "key " << ::testing::PrintToString(k.name);
  if (k.db != 0) *os << " in db " << k.db;
}

namespace {

class HasKeyMatcher : public ::testing::MatcherInterface<const Store&> {
 public:
  HasKeyMatcher(std::string key, int db) : key_(std::move(key)), db_(db) {}
  bool MatchAndExplain(const Store& s, ::testing::MatchResultListener* l) const override {
    // Reading runs commands, which needs a non-const Store; the keyspace is not changed
    // (beyond what any read does: access times, a lazily expired key).
    const std::optional<KeyDump> d = inspect_key(const_cast<Store&>(s), key_, db_);
    if (d) *l << "whose key " << ::testing::PrintToString(key_) << " is " << ::testing::PrintToString(*d);
    return d.has_value();
  }
  void DescribeTo(std::ostream* os) const override { describe("has", os); }
  void DescribeNegationTo(std::ostream* os) const override { describe("has no", os); }

 private:
  void describe(const char* verb, std::ostream* os) const {
    *os << verb << " key " << ::testing::PrintToString(key_);
    if (db_ != 0) *os << " in db " << db_;
  }
  std::string key_;
  int db_;
};

}  // namespace

::testing::Matcher<const Store&> HasKey(std::string key, int db) {
  return ::testing::MakeMatcher(new HasKeyMatcher(std::move(key), db));
}

::testing::Matcher<const KeyspaceDump&> HasKeyIn(std::string key) {
  return ::testing::Contains(::testing::Key(key));
}

::testing::Matcher<const KeyRef&> HasTtl(std::chrono::milliseconds expected,
                                         std::chrono::milliseconds tolerance) {
  std::string description = "has a TTL of " + std::to_string(expected.count()) + " ms";
  if (tolerance.count() != 0) description += " +- " + std::to_string(tolerance.count()) + " ms";
  return key_matcher(std::move(description), [expected, tolerance](
                                                 const std::optional<KeyDump>& d,
                                                 ::testing::MatchResultListener* l) {
    if (!d) {
      *l << "which does not exist";
      return false;
    }
    if (!d->ttl) {
      *l << "which has no TTL";
      return false;
    }
    *l << "whose TTL is " << d->ttl->count() << " ms";
    const auto diff = *d->ttl > expected ? *d->ttl - expected : expected - *d->ttl;
    return diff <= tolerance;
  });
}

::testing::Matcher<const KeyRef&> HasNoTtl() {
  return key_matcher("exists without a TTL", [](const std::optional<KeyDump>& d,
                                                ::testing::MatchResultListener* l) {
    if (!d) {
      *l << "which does not exist";
      return false;
    }
    if (d->ttl) *l << "whose TTL is " << d->ttl->count() << " ms";
    return !d->ttl.has_value();
  });
}

::testing::Matcher<const KeyRef&> StringEq(std::string value) {
  return value_matcher("string", std::move(value));
}

::testing::Matcher<const KeyRef&> ListEq(std::vector<std::string> items) {
  return value_matcher("list", List{std::move(items)});
}

::testing::Matcher<const KeyRef&> SetEq(std::vector<std::string> members) {
  std::sort(members.begin(), members.end());  // inspect_key sorts too
  members.erase(std::unique(members.begin(), members.end()), members.end());
  return value_matcher("set", Set{std::move(members)});
}

::testing::Matcher<const KeyRef&> HashEq(std::vector<std::pair<std::string, std::string>> fields) {
  std::sort(fields.begin(), fields.end());
  return value_matcher("hash", Hash{std::move(fields)});
}

::testing::Matcher<const KeyRef&> ZsetEq(std::vector<std::pair<std::string, double>> members) {
  std::stable_sort(members.begin(), members.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second < b.second : a.first < b.first;
  });
  return value_matcher("zset", Zset{std::move(members)});
}

}  // namespace kevy::testing
