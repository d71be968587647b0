#include "core/keyspace.h"

#include <string>

namespace kevy {
namespace {

constexpr uint32_t kLruClockMax = (1u << 24) - 1;
constexpr uint32_t kLfuInitVal = 5;
constexpr size_t kActiveExpireKeysPerLoop = 20;
constexpr uint64_t kActiveExpireAcceptableStalePct = 10;

}  // namespace

Db::~Db() { clear(); }

void Db::clear() {
  main.clear([](Entry* e) { Entry::destroy(e); });
  expires.clear([](Entry* e) { Entry::destroy(e); });
}

Keyspace::Keyspace(const Options& opts)
    : opts_(opts),
      clock_(opts.clock ? opts.clock : Clock::system()),
      random_(opts.random_seed),
      dbs_(static_cast<size_t>(opts.databases > 0 ? opts.databases : 16)),
      expire_cursor_(dbs_.size(), 0) {
  begin_command();
}

bool Keyspace::lfu_mode() const {
  return opts_.eviction_policy == EvictionPolicy::kAllKeysLfu ||
         opts_.eviction_policy == EvictionPolicy::kVolatileLfu;
}

uint32_t Keyspace::lru_clock() const {
  return static_cast<uint32_t>(now_ms_ / 1000) & kLruClockMax;
}

namespace {
uint32_t lfu_minutes(int64_t now_ms) { return static_cast<uint32_t>(now_ms / 1000 / 60) & 65535; }
}  // namespace

uint8_t Keyspace::lfu_counter(const Entry* e) const {
  uint32_t ldt = e->lru() >> 8;
  uint32_t counter = e->lru() & 255;
  uint32_t now = lfu_minutes(now_ms_);
  uint32_t elapsed = now >= ldt ? now - ldt : 65535 - ldt + now;
  uint32_t periods = opts_.lfu_decay_time > 0 ? elapsed / static_cast<uint32_t>(opts_.lfu_decay_time) : 0;
  if (periods) counter = periods > counter ? 0 : counter - periods;
  return static_cast<uint8_t>(counter);
}

void Keyspace::touch(Entry* e) {
  if (!lfu_mode()) {
    e->set_lru(lru_clock());
    return;
  }
  uint32_t counter = lfu_counter(e);
  if (counter < 255) {
    double base = counter > kLfuInitVal ? counter - kLfuInitVal : 0;
    double p = 1.0 / (base * opts_.lfu_log_factor + 1);
    if (random_.unit() < p) ++counter;
  }
  e->set_lru((lfu_minutes(now_ms_) << 8) | counter);
}

uint64_t Keyspace::idle_ms(const Entry* e) const {
  uint32_t now = lru_clock();
  uint32_t lru = e->lru();
  uint64_t secs = now >= lru ? now - lru : now + (kLruClockMax - lru);
  return secs * 1000;
}

bool Keyspace::is_expired(int db, const Entry* e) {
  if (!e->has_expire()) return false;
  int64_t when = get_expire(db, e);
  return when >= 0 && when < now_ms_;
}

bool Keyspace::expire_if_needed(int db, std::string_view key) {
  Entry* e = dbs_[static_cast<size_t>(db)].main.find(key);
  if (e == nullptr || !is_expired(db, e)) return false;
  remove(db, key);
  ++stats_.expired_keys;
  return true;
}

Entry* Keyspace::lookup_write(int db, std::string_view key) {
  Entry* e = dbs_[static_cast<size_t>(db)].main.find(key);
  if (e != nullptr && e->has_expire() && is_expired(db, e)) {
    remove(db, key);
    ++stats_.expired_keys;
    return nullptr;
  }
  return e;
}

Entry* Keyspace::lookup_read(int db, std::string_view key) {
  Entry* e = lookup_write(db, key);
  if (e == nullptr) {
    ++stats_.keyspace_misses;
    return nullptr;
  }
  ++stats_.keyspace_hits;
  touch(e);
  return e;
}

void Keyspace::add(int db, Entry* e) {
  if (lfu_mode()) {
    e->set_lru((lfu_minutes(now_ms_) << 8) | kLfuInitVal);
  } else {
    e->set_lru(lru_clock());
  }
  e->set_has_expire(false);
  dbs_[static_cast<size_t>(db)].main.insert(e);
}

void Keyspace::overwrite(int db, Entry* e, bool keep_ttl) {
  Db& d = dbs_[static_cast<size_t>(db)];
  Entry* old = d.main.find(e->key());
  if (old == nullptr) {
    add(db, e);
    return;
  }
  e->set_lru(old->lru());
  bool had_ttl = old->has_expire();
  if (had_ttl && !keep_ttl) Entry::destroy(d.expires.erase(e->key()));
  e->set_has_expire(had_ttl && keep_ttl);
  d.main.replace(old, e);
  Entry::destroy(old);
}

void Keyspace::replaced(int db, const Entry* old, Entry* now) {
  dbs_[static_cast<size_t>(db)].main.replace(old, now);
}

Entry* Keyspace::detach(int db, std::string_view key) {
  Db& d = dbs_[static_cast<size_t>(db)];
  Entry* e = d.main.erase(key);
  if (e != nullptr && e->has_expire()) Entry::destroy(d.expires.erase(key));
  return e;
}

bool Keyspace::remove(int db, std::string_view key) {
  Entry* e = detach(db, key);
  if (e == nullptr) return false;
  Entry::destroy(e);
  return true;
}

int64_t Keyspace::get_expire(int db, const Entry* e) {
  if (!e->has_expire()) return -1;
  Entry* x = dbs_[static_cast<size_t>(db)].expires.find(e->key());
  return x == nullptr ? -1 : x->int_value();
}

void Keyspace::set_expire(int db, Entry* e, int64_t when_ms) {
  Db& d = dbs_[static_cast<size_t>(db)];
  if (e->has_expire()) {
    Entry* x = d.expires.find(e->key());
    Entry* nx = Entry::replace_int(x, when_ms);
    d.expires.replace(x, nx);
    return;
  }
  d.expires.insert(Entry::make_int(e->key(), when_ms));
  e->set_has_expire(true);
}

bool Keyspace::persist(int db, Entry* e) {
  if (!e->has_expire()) return false;
  Entry::destroy(dbs_[static_cast<size_t>(db)].expires.erase(e->key()));
  e->set_has_expire(false);
  return true;
}

uint64_t Keyspace::active_expire_cycle(int64_t time_budget_us) {
  if (!active_expire_enabled_) return 0;
  const int64_t start_us = clock_->now_us();
  uint64_t total_expired = 0;
  uint64_t total_sampled = 0;
  for (int db = 0; db < num_dbs(); ++db) {
    Db& d = dbs_[static_cast<size_t>(db)];
    uint64_t sampled;
    uint64_t expired;
    do {
      if (d.expires.empty()) break;
      std::vector<std::string> keys;
      expire_cursor_[static_cast<size_t>(db)] =
          d.expires.scan(expire_cursor_[static_cast<size_t>(db)], kActiveExpireKeysPerLoop,
                         [&](Entry* x) { keys.emplace_back(x->key()); });
      sampled = keys.size();
      expired = 0;
      for (const std::string& k : keys) {
        if (expire_if_needed(db, k)) ++expired;
      }
      total_sampled += sampled;
      total_expired += expired;
      if (clock_->now_us() - start_us > time_budget_us) {
        db = num_dbs();
        break;
      }
    } while (sampled > 0 && expired * 100 / sampled > kActiveExpireAcceptableStalePct);
  }
  if (total_sampled) stats_.expired_stale_perc = total_expired * 100 / total_sampled;
  return total_expired;
}

void Keyspace::flush_db(int db) {
  dbs_[static_cast<size_t>(db)].clear();
  expire_cursor_[static_cast<size_t>(db)] = 0;
}

void Keyspace::flush_all() {
  for (int i = 0; i < num_dbs(); ++i) flush_db(i);
}

void Keyspace::swap_db(int a, int b) {
  std::swap(dbs_[static_cast<size_t>(a)], dbs_[static_cast<size_t>(b)]);
  std::swap(expire_cursor_[static_cast<size_t>(a)], expire_cursor_[static_cast<size_t>(b)]);
}

}  // namespace kevy
