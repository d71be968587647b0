#include "core/keyspace.h"

#include "clients/clients.h"

#include <algorithm>
#include <string>

#include "core/heap.h"
#include "types/memory_usage.h"

namespace kevy {
namespace {

constexpr uint32_t kLruClockMax = (1u << 24) - 1;
constexpr uint32_t kLfuInitVal = 5;
// Active expiry parameters of Redis 7.0 at active-expire-effort 1.
constexpr size_t kActiveExpireKeysPerLoop = 20;
constexpr int64_t kActiveExpireFastDurationUs = 1000;
constexpr int64_t kActiveExpireSlowTimePerc = 25;
constexpr uint64_t kActiveExpireAcceptableStalePct = 10;
constexpr unsigned kCronDbsPerCall = 16;

}  // namespace

Db::~Db() { clear(); }

void Db::clear() {
  main.clear([](Entry* e) { Entry::destroy(e); });
  expires.clear([](Entry* e) { Entry::destroy(e); });
  expires_cursor = 0;
  avg_ttl = 0;
  value_bytes = 0;
  expire_bytes = 0;
}

Keyspace::Keyspace(const Options& opts)
    : opts_(opts),
      clock_(opts.clock ? opts.clock : Clock::system()),
      random_(opts.random_seed),
      dbs_(static_cast<size_t>(opts.databases > 0 ? opts.databases : 16)) {
  begin_command();
  instance_.start_ms = now_ms();
  instance_.lastsave_s = now_ms() / 1000;
  clients_ = std::make_unique<Clients>();
  client_events_ = std::make_unique<ClientEvents>(*this, *clients_);
  sink_ = client_events_.get();
}

Keyspace::~Keyspace() = default;

bool Keyspace::lfu_mode() const {
  return opts_.eviction_policy == EvictionPolicy::kAllKeysLfu ||
         opts_.eviction_policy == EvictionPolicy::kVolatileLfu;
}

int64_t Keyspace::access_time_ms() const {
  if (!access_time_known_) {
    access_time_ms_ = clock_->coarse_now_ms();
    access_time_known_ = true;
  }
  return access_time_ms_;
}

uint32_t Keyspace::lru_clock() const {
  return static_cast<uint32_t>(access_time_ms() / 1000) & kLruClockMax;
}

uint32_t Keyspace::lfu_minutes() const {
  return static_cast<uint32_t>(access_time_ms() / 1000 / 60) & 65535;
}

uint8_t Keyspace::lfu_counter(const Entry* e) const {
  uint32_t ldt = e->lru() >> 8;
  uint32_t counter = e->lru() & 255;
  uint32_t now = lfu_minutes();
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
  e->set_lru((lfu_minutes() << 8) | counter);
}

uint64_t Keyspace::idle_ms(const Entry* e) const {
  uint32_t now = lru_clock();
  uint32_t lru = e->lru();
  uint64_t secs = now >= lru ? now - lru : now + (kLruClockMax - lru);
  return secs * 1000;
}

bool Keyspace::is_expired(int db, const Entry* e) {
  if (loading_ || !e->has_expire()) return false;
  int64_t when = get_expire(db, e);
  return when >= 0 && when < now_ms();
}

void Keyspace::delete_expired(int db, std::string_view key) {
  // The hook and the events get their own copy: `key` may point into the entry being freed.
  const std::string copy(key);
  // Propagated as DEL (lazyfree-lazy-expire no) before the key's bytes are freed.
  propagation_.also(db, {"DEL", key});
  remove(db, key);
  // Redis's deleteExpiredKeyAndPropagate: the `expired` event, then signalModifiedKey.
  notify(kNotifyExpired, "expired", db, copy);
  signal_modified(db, copy);
  ++stats_.expired_keys;
  if (expired_hook_) expired_hook_(db, copy);
}

bool Keyspace::expire_if_needed(int db, std::string_view key) {
  Entry* e = dbs_[static_cast<size_t>(db)].main.find(key);
  if (e == nullptr || !is_expired(db, e)) return false;
  delete_expired(db, key);
  return true;
}

Entry* Keyspace::find_live(int db, std::string_view key, uint32_t flags) {
  Entry* e = dbs_[static_cast<size_t>(db)].main.find(key);
  if (e == nullptr) return nullptr;
  if (is_expired(db, e)) {
    delete_expired(db, key);
    return nullptr;
  }
  if (!(flags & kLookupNoTouch)) touch(e);
  // Reads count too: some encodings build caches when read (a zset's rank index).
  if (!e->is_string()) note_changing(db, e);
  return e;
}

Entry* Keyspace::lookup_write(int db, std::string_view key, uint32_t flags) {
  return find_live(db, key, flags);
}

Entry* Keyspace::lookup_read(int db, std::string_view key, uint32_t flags) {
  Entry* e = find_live(db, key, flags);
  if (!(flags & kLookupNoStats)) ++(e == nullptr ? stats_.keyspace_misses : stats_.keyspace_hits);
  if (e == nullptr && !(flags & kLookupNoNotify)) notify(kNotifyKeyMiss, "keymiss", db, key);
  return e;
}

void Keyspace::stamp_new(Entry* e) {
  if (lfu_mode()) {
    e->set_lru((lfu_minutes() << 8) | kLfuInitVal);
  } else {
    e->set_lru(lru_clock());
  }
  e->set_has_expire(false);
}

void Keyspace::note_changing(int db, Entry* e) {
  // Commands touch few keys; skip the common repeat of the last one.
  if (!changing_.empty() && changing_.back().first == e) return;
  changing_.emplace_back(e, db);
}

void Keyspace::charge(int db, Entry* e) {
  Db& d = dbs_[static_cast<size_t>(db)];
  const size_t entry = heap_bytes(e->alloc_size());
  if (e->is_string()) {
    d.value_bytes += entry;
    return;
  }
  e->object()->charged_bytes = value_memory_bytes(*e);
  d.value_bytes += entry + e->object()->charged_bytes;
  note_changing(db, e);
}

void Keyspace::uncharge(int db, Entry* e) {
  Db& d = dbs_[static_cast<size_t>(db)];
  d.value_bytes -= heap_bytes(e->alloc_size());
  if (e->is_string()) return;
  d.value_bytes -= e->object()->charged_bytes;
  std::erase_if(changing_, [e](const std::pair<Entry*, int>& c) { return c.first == e; });
}

void Keyspace::settle_memory() {
  for (const auto& [e, db] : changing_) {
    Object* obj = e->object();
    const size_t now = value_memory_bytes(*e);
    Db& d = dbs_[static_cast<size_t>(db)];
    d.value_bytes = d.value_bytes - obj->charged_bytes + now;
    obj->charged_bytes = now;
  }
  changing_.clear();
}

MemoryUse Keyspace::memory_use() {
  settle_memory();
  MemoryUse m;
  m.startup = heap_bytes(sizeof(Db) * dbs_.size());
  m.overhead = m.startup;
  for (const Db& d : dbs_) {
    m.overhead += d.main.memory_bytes() + d.expires.memory_bytes() + d.expire_bytes;
    m.dataset += d.value_bytes;
  }
  return m;
}

std::string Keyspace::verify_memory() {
  settle_memory();
  for (int i = 0; i < num_dbs(); ++i) {
    const Db& d = dbs_[static_cast<size_t>(i)];
    uint64_t values = 0;
    uint64_t expires = 0;
    // The types' full recount, so the collections' own running counters are checked too.
    d.main.for_each([&](Entry* e) { values += entry_recount_memory_bytes(*e); });
    d.expires.for_each([&](Entry* x) { expires += heap_bytes(x->alloc_size()); });
    if (values != d.value_bytes || expires != d.expire_bytes) {
      return "db " + std::to_string(i) + ": counted values " + std::to_string(d.value_bytes) +
             " expires " + std::to_string(d.expire_bytes) + ", recounted values " +
             std::to_string(values) + " expires " + std::to_string(expires);
    }
  }
  return "";
}

void Keyspace::add(int db, Entry* e) {
  stamp_new(e);
  dbs_[static_cast<size_t>(db)].main.insert(e);
  charge(db, e);
  announce_new(db, e);
}

void Keyspace::announce_new(int db, Entry* e) {
  if (loading_) return;
  // Redis's dbAdd: a new list or sorted set may serve clients blocked on its key.
  if (sink_ != nullptr) {
    if (e->type() == ObjType::kList) sink_->key_ready(db, e->key(), ReadyType::kList);
    if (e->type() == ObjType::kZset) sink_->key_ready(db, e->key(), ReadyType::kZset);
  }
  notify(kNotifyNew, "new", db, e->key());
}

void Keyspace::overwrite(int db, Entry* e, bool keep_ttl) {
  Db& d = dbs_[static_cast<size_t>(db)];
  Entry* old = d.main.upsert(e);
  if (old == nullptr) {
    stamp_new(e);
    charge(db, e);
    announce_new(db, e);  // Redis's setKey adds an absent key with dbAdd
    return;
  }
  e->set_lru(lfu_mode() ? old->lru() : lru_clock());
  bool had_ttl = old->has_expire();
  if (had_ttl && !keep_ttl) drop_expire_entry(d, e->key());
  e->set_has_expire(had_ttl && keep_ttl);
  uncharge(db, old);
  Entry::destroy(old);
  charge(db, e);
}

Entry* Keyspace::replace_string(int db, Entry* e, std::string_view value, Encoding enc) {
  Db& d = dbs_[static_cast<size_t>(db)];
  d.value_bytes -= heap_bytes(e->alloc_size());
  Entry* now = Entry::replace_string(e, value, enc);
  d.main.replace(e, now);
  d.value_bytes += heap_bytes(now->alloc_size());
  return now;
}

Entry* Keyspace::replace_int(int db, Entry* e, int64_t value) {
  Db& d = dbs_[static_cast<size_t>(db)];
  d.value_bytes -= heap_bytes(e->alloc_size());
  Entry* now = Entry::replace_int(e, value);
  d.main.replace(e, now);
  d.value_bytes += heap_bytes(now->alloc_size());
  return now;
}

Entry* Keyspace::detach(int db, std::string_view key) {
  Db& d = dbs_[static_cast<size_t>(db)];
  Entry* e = d.main.erase(key);
  if (e == nullptr) return nullptr;
  if (e->has_expire()) drop_expire_entry(d, key);
  uncharge(db, e);
  return e;
}

Entry* Keyspace::move_key(int src_db, std::string_view from, int dst_db, std::string_view to) {
  int64_t when = -1;
  Entry* e = dbs_[static_cast<size_t>(src_db)].main.find(from);
  if (e->has_expire()) when = get_expire(src_db, e);
  e = detach(src_db, from);
  e->set_has_expire(false);
  if (from != to) e = Entry::rekey(e, to);
  dbs_[static_cast<size_t>(dst_db)].main.insert(e);
  charge(dst_db, e);
  if (when != -1) set_expire(dst_db, e, when);
  // RENAME and MOVE add the key with dbAdd in Redis: `new` (and a ready list or zset), before
  // their own events.
  announce_new(dst_db, e);
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
    d.expire_bytes -= heap_bytes(x->alloc_size());
    Entry* nx = Entry::replace_int(x, when_ms);
    d.expires.replace(x, nx);
    d.expire_bytes += heap_bytes(nx->alloc_size());
    return;
  }
  Entry* x = Entry::make_int(e->key(), when_ms);
  d.expires.insert(x);
  d.expire_bytes += heap_bytes(x->alloc_size());
  e->set_has_expire(true);
}

void Keyspace::drop_expire_entry(Db& d, std::string_view key) {
  Entry* x = d.expires.erase(key);
  if (x == nullptr) return;
  d.expire_bytes -= heap_bytes(x->alloc_size());
  Entry::destroy(x);
}

bool Keyspace::persist(int db, Entry* e) {
  if (!e->has_expire()) return false;
  drop_expire_entry(dbs_[static_cast<size_t>(db)], e->key());
  e->set_has_expire(false);
  return true;
}

uint64_t Keyspace::active_expire_round(int db, size_t* sampled) {
  Db& d = dbs_[static_cast<size_t>(db)];
  const size_t want = std::min(d.expires.size(), kActiveExpireKeysPerLoop);
  std::vector<std::string> expired;
  size_t seen = 0;
  double ttl_sum = 0;  // double: TTLs near INT64_MAX would overflow an integer sum
  int64_t ttl_samples = 0;
  auto visit = [&](Entry* x) {
    ++seen;
    int64_t ttl = x->int_value() - now_ms();
    if (ttl < 0) {
      expired.emplace_back(x->key());  // copied: deleting frees the entry
    } else if (ttl > 0) {
      ttl_sum += static_cast<double>(ttl);
      ++ttl_samples;
    }
  };
  d.expires_cursor = d.expires.scan(d.expires_cursor, want, visit);
  // The cursor ran off the end of the table: continue from the start, as dictScan wraps.
  if (seen < want && d.expires_cursor == 0) {
    d.expires_cursor = d.expires.scan(0, want - seen, visit);
  }
  for (const std::string& k : expired) delete_expired(db, k);
  if (ttl_samples > 0) {
    // Running average weighting the new sample 2%, as Redis keeps avg_ttl.
    int64_t avg = static_cast<int64_t>(ttl_sum / static_cast<double>(ttl_samples));
    if (d.avg_ttl == 0) d.avg_ttl = avg;
    d.avg_ttl = (d.avg_ttl / 50) * 49 + avg / 50;
  }
  *sampled = seen;
  return expired.size();
}

uint64_t Keyspace::expire_all_due() {
  if (loading_) return 0;
  uint64_t deleted = 0;
  for (int db = 0; db < num_dbs(); ++db) {
    std::vector<std::pair<int64_t, std::string>> due;  // (expire ms, key): copied, as deleting frees
    dbs_[static_cast<size_t>(db)].expires.for_each([&](Entry* x) {
      if (x->int_value() < now_ms()) due.emplace_back(x->int_value(), std::string(x->key()));
    });
    std::sort(due.begin(), due.end());
    for (const auto& [when, key] : due) delete_expired(db, key);
    deleted += due.size();
  }
  return deleted;
}

uint64_t Keyspace::active_expire_cycle(ExpireCycle type) {
  if (!active_expire_enabled_ || loading_) return 0;
  begin_command();
  const int64_t start_us = clock_->now_us();
  if (type == ExpireCycle::kFast) {
    // Redis also lets a fast cycle run when its stale estimate is high, but it compares a
    // fraction (0..1) with 10, so only a slow cycle that ran out of time enables one.
    if (!expire_timelimit_exit_) return 0;
    if (start_us < last_fast_cycle_us_ + 2 * kActiveExpireFastDurationUs) return 0;
    last_fast_cycle_us_ = start_us;
  }
  const unsigned ndbs = static_cast<unsigned>(num_dbs());
  const unsigned dbs_per_call =
      expire_timelimit_exit_ ? ndbs : std::min(kCronDbsPerCall, ndbs);
  const int hz = opts_.hz > 0 ? opts_.hz : 10;
  const int64_t time_limit_us =
      type == ExpireCycle::kFast
          ? kActiveExpireFastDurationUs
          : std::max<int64_t>(1, kActiveExpireSlowTimePerc * 1000000 / hz / 100);
  expire_timelimit_exit_ = false;

  uint64_t total_sampled = 0;
  uint64_t total_expired = 0;
  unsigned iteration = 0;
  for (unsigned j = 0; j < dbs_per_call && !expire_timelimit_exit_; ++j) {
    // Advance first, so that a cycle that runs out of time resumes at the next db.
    const int db = static_cast<int>(next_expire_db_++ % ndbs);
    Db& d = dbs_[static_cast<size_t>(db)];
    size_t sampled = 0;
    uint64_t expired = 0;
    do {
      ++iteration;
      if (d.expires.empty()) {
        d.avg_ttl = 0;
        break;
      }
      // Never 0 here: a round over a non-empty table samples at least one key.
      expired = active_expire_round(db, &sampled);
      total_sampled += sampled;
      total_expired += expired;
      if ((iteration & 0xf) == 0 && clock_->now_us() - start_us > time_limit_us) {
        expire_timelimit_exit_ = true;
        ++stats_.expired_time_cap_reached_count;
        break;
      }
    } while (sampled == 0 || expired * 100 / sampled > kActiveExpireAcceptableStalePct);
  }
  stats_.expire_cycle_time_used_us += static_cast<uint64_t>(clock_->now_us() - start_us);
  // Running estimate of the stale share, weighting this cycle 5%.
  double current = total_sampled == 0 ? 0.0
                                      : 100.0 * static_cast<double>(total_expired) /
                                            static_cast<double>(total_sampled);
  stats_.expired_stale_perc = current * 0.05 + stats_.expired_stale_perc * 0.95;
  return total_expired;
}

void Keyspace::flush_db(int db) {
  settle_memory();  // nothing in the changed list may point into the freed keys
  dbs_[static_cast<size_t>(db)].clear();
}

void Keyspace::flush_all() {
  for (int i = 0; i < num_dbs(); ++i) flush_db(i);
}

void Keyspace::flush_db_signalled(int db) {
  if (sink_ != nullptr) sink_->dbs_flushing(db);
  if (db < 0) {
    flush_all();
  } else {
    flush_db(db);
  }
}

void Keyspace::swap_db_signalled(int a, int b) {
  if (sink_ != nullptr) sink_->dbs_swapping(a, b);
  swap_db(a, b);
}

void Keyspace::swap_db(int a, int b) {
  // The expires cursor, avg_ttl and byte counts travel with their db, as in Redis's SWAPDB.
  settle_memory();  // the changed list names dbs by index
  std::swap(dbs_[static_cast<size_t>(a)], dbs_[static_cast<size_t>(b)]);
}

}  // namespace kevy
