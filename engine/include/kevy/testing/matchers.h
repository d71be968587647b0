// kevy::testing matchers: keys of a store (HasKey, HasTtl, ListEq, HashEq, SetEq, ZsetEq,
// StringEq) and error replies (IsRespError).
//
//   EXPECT_THAT(store(), HasKey("user:1"));
//   EXPECT_THAT(key("user:1"), HasTtl(60s));
//   EXPECT_THAT(key("queue"), ListEq({"a", "b"}));
//   EXPECT_THAT(execute({"LPUSH", "user:1", "x"}), IsRespError("WRONGTYPE"));
//
// Key matchers read the store as a client would (TYPE, LRANGE, PTTL...) through the
// toolkit's own session, which is never recorded nor faulted; like any read they count as
// keyspace hits and delete a key whose TTL has passed.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gmock/gmock.h>

#include "kevy/status.h"
#include "kevy/store.h"
#include "kevy/testing/values.h"

namespace kevy::testing {

// A key of a store, as the key matchers take it (TestStore::key() makes one). It keeps the
// store alive: a KeyRef kept across reset()/restart() still reads the store it was made for.
struct KeyRef {
  std::shared_ptr<Store> store;
  std::string name;
  int db = 0;
};
void PrintTo(const KeyRef& k, std::ostream* os);

// The key as a client sees it now; nullopt when it does not exist.
std::optional<KeyDump> inspect_key(Store& store, std::string_view key, int db = 0);
// Every key of db (SCAN, then inspect_key each).
KeyspaceDump dump_keyspace(Store& store, int db = 0);

// The store (Store& or a KeyspaceDump) has the key (in db).
::testing::Matcher<const Store&> HasKey(std::string key, int db = 0);
::testing::Matcher<const KeyspaceDump&> HasKeyIn(std::string key);
// The key exists and its TTL is expected ± tolerance (the manual clock makes TTLs exact, so
// the default tolerance is 0).
::testing::Matcher<const KeyRef&> HasTtl(std::chrono::milliseconds expected,
                                         std::chrono::milliseconds tolerance = {});
// The key exists and has no TTL.
::testing::Matcher<const KeyRef&> HasNoTtl();
::testing::Matcher<const KeyRef&> StringEq(std::string value);
// The list's elements, head first.
::testing::Matcher<const KeyRef&> ListEq(std::vector<std::string> items);
// The set's members, in any order.
::testing::Matcher<const KeyRef&> SetEq(std::vector<std::string> members);
// The hash's fields and values, in any order.
::testing::Matcher<const KeyRef&> HashEq(std::vector<std::pair<std::string, std::string>> fields);
// The sorted set's (member, score) pairs, in rank order (ascending score, then member).
::testing::Matcher<const KeyRef&> ZsetEq(std::vector<std::pair<std::string, double>> members);

namespace internal {
std::optional<std::string> error_text(const Reply& r);
std::optional<std::string> error_text(const Status& s);
template <typename T>
std::optional<std::string> error_text(const Result<T>& r) {
  if (r.ok()) return std::nullopt;
  return error_text(r.status());
}
}  // namespace internal

// An error reply (Reply, Status or Result<T>) whose text starts with `prefix` ("WRONGTYPE",
// "ERR value is not an integer"). A reply that is not an error does not match.
MATCHER_P(IsRespError, prefix,
          std::string(negation ? "is not" : "is") + " an error reply starting with \"" +
              std::string(prefix) + "\"") {
  const std::optional<std::string> text = ::kevy::testing::internal::error_text(arg);
  if (!text) {
    *result_listener << "which is not an error";
    return false;
  }
  *result_listener << "whose text is \"" << *text << "\"";
  return std::string_view(*text).substr(0, std::string_view(prefix).size()) ==
         std::string_view(prefix);
}

}  // namespace kevy::testing
