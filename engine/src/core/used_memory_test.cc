// used_memory (Keyspace::memory_use, what INFO memory and the maxmemory check read) against
// the real allocator: glibc's mallinfo2() says how many bytes malloc handed out; the model's
// growth over the same workload must match it closely, or eviction would stop at the wrong
// place. Also checks that the running totals equal a full recount after mixed workloads.
#include <gtest/gtest.h>
#include <malloc.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "kevy/store.h"
#include "test_support/temp_dir.h"

// Sanitizers replace malloc, and mallinfo2() then describes nothing kevy allocated.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool kRealMalloc = false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
constexpr bool kRealMalloc = false;
#else
constexpr bool kRealMalloc = true;
#endif
#else
constexpr bool kRealMalloc = true;
#endif

namespace kevy {
namespace {

// Bytes in use in malloc's arenas plus its mmap()ed chunks (large table slot arrays).
uint64_t malloc_in_use() {
  const struct mallinfo2 m = mallinfo2();
  return m.uordblks + m.hblkhd;
}

uint64_t used_memory(Store& store) {
  const std::string text = store.execute({"INFO", "memory"}).str();
  const std::string needle = "\r\nused_memory:";
  const size_t at = text.find(needle) + needle.size();
  return std::stoull(text.substr(at, text.find("\r\n", at) - at));
}

struct Workload {
  const char* name;
  void (*fill)(Store&, int);
};

void strings(Store& s, int n) {
  for (int i = 0; i < n; ++i) {
    s.execute({"SET", "key:" + std::to_string(i), std::string(static_cast<size_t>(i % 200), 'v')});
  }
}
void strings_with_ttl(Store& s, int n) {
  for (int i = 0; i < n; ++i) {
    s.execute({"SET", "key:" + std::to_string(i), std::to_string(i), "EX", "1000"});
  }
}
void small_collections(Store& s, int n) {
  for (int i = 0; i < n / 8; ++i) {
    const std::string k = std::to_string(i);
    s.execute({"HSET", "h:" + k, "a", "1", "b", std::string(30, 'x')});
    s.execute({"RPUSH", "l:" + k, "a", "b", "c"});
    s.execute({"SADD", "s:" + k, "1", "2", "3"});
    s.execute({"ZADD", "z:" + k, "1", "a", "2", "b"});
  }
}
void big_collections(Store& s, int n) {
  for (int i = 0; i < n; ++i) {
    const std::string m = "member:" + std::to_string(i);
    s.execute({"HSET", "h", m, std::string(20, 'x')});
    s.execute({"RPUSH", "l", m});
    s.execute({"SADD", "s", m});
    s.execute({"ZADD", "z", std::to_string(i), m});
  }
}

// The model counts malloc chunks as glibc lays them out (core/heap.h), so for data kevy
// allocates itself it should be within a few percent of what malloc reports; the slack covers
// allocations outside the model (INFO's own strings, reply buffers) and the tables' growth
// steps.
TEST(UsedMemoryTest, TracksTheAllocator) {
  if (!kRealMalloc) GTEST_SKIP() << "malloc is the sanitizer's";
  const Workload workloads[] = {{"strings", strings},
                                {"strings with TTL", strings_with_ttl},
                                {"small collections", small_collections},
                                {"big collections", big_collections}};
  for (const Workload& w : workloads) {
    auto store = Store::open(Options{});
    ASSERT_TRUE(store.ok());
    const uint64_t used0 = used_memory(*store);
    const uint64_t malloc0 = malloc_in_use();
    w.fill(*store, 100000);
    const uint64_t malloc1 = malloc_in_use();
    const uint64_t used1 = used_memory(*store);
    const double model = static_cast<double>(used1 - used0);
    const double real = static_cast<double>(malloc1 - malloc0);
    std::printf("%-18s model %10.0f  malloc %10.0f  ratio %.3f\n", w.name, model, real,
                model / real);
    EXPECT_GT(model / real, 0.95) << w.name;
    EXPECT_LT(model / real, 1.05) << w.name;
  }
}

// Mixed writes, deletes, expiry, renames, moves, swaps and flushes; the store recounts after
// every command (Options::check_memory_accounting) and aborts on a difference.
TEST(UsedMemoryTest, RunningTotalsMatchARecount) {
  auto clock = std::make_shared<ManualClock>(1700000000000);
  TempDir dir;  // DEBUG RELOAD saves and loads dump.rdb there
  auto store = Store::open(
      Options{}.with_clock(clock).with_dir(dir.path()).with_memory_accounting_check());
  ASSERT_TRUE(store.ok());
  Store& s = *store;
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 300; ++i) {
      const std::string k = std::to_string(i);
      s.execute({"SET", "s" + k, std::string(static_cast<size_t>(i), 'x'), "PX", "5000"});
      s.execute({"APPEND", "s" + k, "tail"});
      s.execute({"HSET", "h" + k, "f" + k, std::string(static_cast<size_t>(i % 80), 'y')});
      s.execute({"RPUSH", "l" + k, k, k, k});
      s.execute({"LPOP", "l" + k});
      s.execute({"SADD", "set" + k, k, "member" + k});
      s.execute({"ZADD", "z" + k, k, "m" + k});
      s.execute({"INCRBY", "n" + k, "1000000"});
      s.execute({"SETRANGE", "r" + k, "10", "abc"});
      if (i % 7 == 0) s.execute({"RENAME", "h" + k, "hr" + k});
      if (i % 11 == 0) s.execute({"MOVE", "set" + k, "3"});
      if (i % 13 == 0) s.execute({"COPY", "z" + k, "zc" + k, "DB", "2"});
      if (i % 17 == 0) s.execute({"DEL", "l" + k, "s" + k});
      if (i % 19 == 0) s.execute({"PERSIST", "s" + k});
      if (i % 23 == 0) s.execute({"SUNIONSTORE", "u" + k, "set" + k, "set1"});
    }
    clock->advance_ms(6000);
    s.execute({"SCAN", "0", "COUNT", "1000"});  // expires keys lazily as it goes
    s.execute({"SWAPDB", "0", "2"});
    s.execute({"DEBUG", "RELOAD"});
    s.execute({"FLUSHDB"});
  }
  s.execute({"FLUSHALL"});
  EXPECT_EQ(s.execute({"DBSIZE"}).to_resp(2), ":0\r\n");
}

}  // namespace
}  // namespace kevy
