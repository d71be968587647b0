// TestStore (kevy/testing/fixtures.h): an embedded store with a manual clock, the command
// hook behind recording and faults, time control, seeding.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "kevy/testing/fixtures.h"

namespace kevy::testing {
namespace {

std::vector<std::string_view> views(const std::vector<std::string>& v) {
  return std::vector<std::string_view>(v.begin(), v.end());
}

// Reports a failed step of a helper that has nothing to return it through (seed(),
// fill_memory()) as a test failure naming `what`.
void expect_ok(const Status& s, std::string_view what) {
  if (!s.is_ok()) ADD_FAILURE() << "kevy::testing: " << what << ": " << s.message();
}
template <typename T>
void expect_ok(const Result<T>& r, std::string_view what) {
  if (!r.ok()) expect_ok(r.status(), what);
}

}  // namespace

TestStore::TestStore(Options options)
    : clock_(std::make_shared<ManualClock>()), monitor_(std::make_shared<CommandMonitor>()) {
  open(std::move(options));
}

TestStore::TestStore(DeferOpen)
    : clock_(std::make_shared<ManualClock>()), monitor_(std::make_shared<CommandMonitor>()) {}

TestStore::~TestStore() {
  if (store_) store_->end_session(session_);
}

void TestStore::open(Options options) {
  options.clock = clock_;
  Result<Store> opened = Store::open(std::move(options));
  if (!opened.ok()) {
    // Options a test chose that Store::open refuses: fail loudly, with an empty store so
    // that the test body does not crash.
    ADD_FAILURE() << "kevy::testing: Store::open failed: " << opened.status().message();
    opened = Store::open(Options{}.with_clock(clock_));
  }
  store_ = std::make_shared<Store>(std::move(opened.value()));
  std::shared_ptr<CommandMonitor> monitor = monitor_;
  std::shared_ptr<ManualClock> clock = clock_;
  store_->set_command_hook([monitor, clock](const CommandCall& call) {
    return monitor->on_command(call, clock->now_us());
  });
  session_ = Session{};
}

void TestStore::reset(Options options) {
  verify_commands();  // what was expected of the store being replaced
  if (store_) store_->end_session(session_);
  monitor_->clear_commands();
  monitor_->clear_faults();
  saved_memory_.reset();
  open(std::move(options));
}

Reply TestStore::execute(std::initializer_list<std::string_view> argv) {
  return store_->execute(std::span<const std::string_view>(argv.begin(), argv.size()), session_);
}

Reply TestStore::execute(const std::vector<std::string>& argv) {
  const std::vector<std::string_view> v = views(argv);
  return store_->execute(v, session_);
}

void TestStore::advance(std::chrono::milliseconds d) {
  clock_->advance_ms(d.count());
  store_->expire_due();
}

void TestStore::set_time(std::chrono::system_clock::time_point t) {
  clock_->set_ms(
      std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count());
  store_->expire_due();
}

std::chrono::system_clock::time_point TestStore::now() const {
  return std::chrono::system_clock::time_point(
      std::chrono::duration_cast<std::chrono::system_clock::duration>(
          std::chrono::microseconds(clock_->now_us())));
}

void TestStore::tick() { store_->tick(); }

void TestStore::seed_random(uint64_t seed) { store_->seed_random(seed); }

bool TestStore::wait_for_blocked(int64_t n, std::chrono::milliseconds timeout) {
  const std::string want = "blocked_clients:" + std::to_string(n) + "\r\n";
  Session s;
  s.client_id = CommandMonitor::kToolkitClientId;
  const std::string_view info[] = {"INFO", "clients"};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (store_->execute(info, s).str().find(want) != std::string::npos) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

void TestStore::seed(std::string_view key, const Value& value,
                     std::optional<std::chrono::milliseconds> ttl, int db) {
  store_->del(key, db);
  struct Writer {
    Store& s;
    std::string_view key;
    int db;
    void operator()(const std::string& v) const { expect_ok(s.set(key, v, {}, db), "seed"); }
    void operator()(const List& l) const {
      if (!l.items.empty()) expect_ok(s.rpush(key, views(l.items), db), "seed");
    }
    void operator()(const Set& set) const {
      if (!set.members.empty()) expect_ok(s.sadd(key, views(set.members), db), "seed");
    }
    void operator()(const Hash& h) const {
      std::vector<std::pair<std::string_view, std::string_view>> pairs(h.fields.begin(),
                                                                       h.fields.end());
      if (!pairs.empty()) expect_ok(s.hset(key, pairs, db), "seed");
    }
    void operator()(const Zset& z) const {
      std::vector<std::pair<double, std::string_view>> items;
      for (const auto& [member, score] : z.members) items.emplace_back(score, member);
      if (!items.empty()) expect_ok(s.zadd(key, items, db), "seed");
    }
  };
  std::visit(Writer{*store_, key, db}, value);
  if (ttl && store_->exists(key, db) == 1) store_->expire(key, *ttl, db);
}

Status TestStore::load_rdb(const std::string& path) { return store_->load_rdb(path); }

CommandExpectation& TestStore::expect_command(const char* file, int line,
                                              ::testing::Matcher<const CommandRecord&> m) {
  expectations_.push_back(
      std::make_unique<CommandExpectation>(file, line, std::move(m), monitor_->command_count()));
  return *expectations_.back();
}

void TestStore::verify_commands() {
  const size_t cleared = monitor_->cleared();
  const std::vector<CommandRecord> log = monitor_->commands();
  for (const auto& e : expectations_) e->verify(log, cleared);
  expectations_.clear();
}

void TestStore::clear_faults() {
  monitor_->clear_faults();
  release_memory();
}

void TestStore::fill_memory() {
  if (saved_memory_) return;
  Result<std::string> max = store_->config_get("maxmemory");
  Result<std::string> policy = store_->config_get("maxmemory-policy");
  saved_memory_.emplace(max.ok() ? max.value() : "0", policy.ok() ? policy.value() : "noeviction");
  apply_fill_memory();
}

void TestStore::apply_fill_memory() {
  expect_ok(store_->config_set("maxmemory-policy", "noeviction"), "fill_memory");
  expect_ok(store_->config_set("maxmemory", "1"), "fill_memory");
}

void TestStore::release_memory() {
  if (!saved_memory_) return;
  (void)store_->config_set("maxmemory", saved_memory_->first);
  (void)store_->config_set("maxmemory-policy", saved_memory_->second);
  saved_memory_.reset();
}

}  // namespace kevy::testing
