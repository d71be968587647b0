// Store: the public embedded API. Every entry point takes the one mutex, fixes the command
// time, and runs the shared family code (commands/*) — execute() through the command table,
// typed calls directly.
#include "kevy/store.h"

#include "store_impl.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <thread>
#include <type_traits>

#include "clients/client_state.h"
#include "clients/clients.h"
#include "clients/transaction.h"
#include "commands/call.h"
#include "commands/pubsub_cmds.h"
#include "commands/command_stats.h"
#include "commands/command_table.h"
#include "commands/config_cmds.h"
#include "commands/errors.h"
#include "commands/expire.h"
#include "commands/hashes.h"
#include "commands/memory_cmds.h"
#include "commands/sets.h"
#include "commands/keyspace.h"
#include "commands/lists.h"
#include "commands/strings.h"
#include "commands/zsets.h"
#include "core/heap.h"
#include "core/keyspace.h"
#include "core/numbers.h"
#include "evict/eviction.h"
#include "persist/aof.h"
#include "persist/snapshot.h"

namespace kevy {

namespace {

// A typed write propagates the command it stands for, in the form Redis would propagate it,
// built only while the AOF is on. `parts` are appended after the command name.
class TypedForm {
 public:
  explicit TypedForm(CommandContext& ctx) : ctx_(ctx), on_(ctx.ks.propagation().active()) {}
  bool on() const { return on_; }
  TypedForm& add(std::string_view a) {
    if (on_) argv_.emplace_back(a);
    return *this;
  }
  template <typename Range>
  TypedForm& add_all(const Range& items) {
    for (const auto& a : items) add(a);
    return *this;
  }
  // Propagates the form when `changed` (a write that did nothing propagates nothing).
  void propagate(bool changed) {
    if (on_ && changed) ctx_.ks.propagation().also(ctx_.db(), std::move(argv_));
  }

 private:
  CommandContext& ctx_;
  bool on_;
  std::vector<std::string> argv_;
};

}  // namespace

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<Store> Store::open(Options options) {
  if (options.databases < 1) return Status::invalid_argument("databases must be at least 1");
  if (options.hz < 1 || options.hz > 500) return Status::invalid_argument("hz must be 1..500");
  auto impl = std::make_unique<Impl>(options);
  // The snapshot location lives in the CONFIG parameters dir / dbfilename (set as a config
  // file would: both are protected from CONFIG SET by default); then the snapshot is loaded.
  if (!options.dir.empty() || options.dbfilename != "dump.rdb") {
    const ConfigRegistry::NameValue pairs[] = {{"dir", options.dir},
                                               {"dbfilename", options.dbfilename}};
    const size_t from = options.dir.empty() ? 1 : 0;
    Status s = kevy::config_set(impl->ks, std::span(pairs + from, 2 - from),
                                ConfigOrigin::kConfigFile);
    if (!s.is_ok()) return s;
  }
  if (options.appendonly) {
    // As redis-server with appendonly yes: the AOF is loaded (not the snapshot), or created.
    const char* fsync = options.appendfsync == AppendFsync::kAlways ? "always"
                        : options.appendfsync == AppendFsync::kNo   ? "no"
                                                                    : "everysec";
    const ConfigRegistry::NameValue pairs[] = {{"appendonly", "yes"}, {"appendfsync", fsync}};
    Status s = kevy::config_set(impl->ks, pairs, ConfigOrigin::kConfigFile);
    if (s.is_ok()) s = impl->open_persisted(options.load_progress);
    if (!s.is_ok()) return s;
  } else if (!options.dir.empty() && options.load_snapshot_on_open) {
    Status s = impl->open_persisted(options.load_progress);
    if (!s.is_ok()) return s;
  }
  if (options.active_expire) impl->start_expirer();
  return Store(std::move(impl));
}

Reply Store::execute(std::span<const std::string_view> argv, Session& session) {
  if (argv.empty()) return Reply::error(err::kEmptyCommand);
  Reply error;
  const CommandSpec* rejected = nullptr;
  const CommandSpec* spec = CommandTable::instance().resolve(argv, &error, &rejected);
  if (impl_->has_hook.load(std::memory_order_acquire)) {
    if (std::optional<Reply> injected = impl_->intercept(argv, spec, session)) {
      if (!injected->is_error()) return *injected;
      // An injected error is a refusal like a queue-time error: inside MULTI it makes EXEC
      // answer EXECABORT; on EXEC it discards the transaction.
      return impl_->run_no_evict(session, [&](CommandContext& ctx) {
        return transaction_rejection(ctx.ks, session, spec, std::move(*injected));
      });
    }
  }
  if (spec == nullptr) {
    // Refused before running: counted as Redis counts it (errorstats, rejected_calls).
    impl_->run_no_evict(session, [&](CommandContext& ctx) {
      error = transaction_rejection(ctx.ks, session, rejected, std::move(error));
      record_rejected(ctx.ks, rejected, error);
      return 0;
    });
    return error;
  }
  session.last_command = &spec->full_name;
  std::optional<Reply> unblocked;  // an embedded caller's blocked command's reply lands here
  uint64_t waiter = 0;
  Reply reply = impl_->run(session, [&](CommandContext& ctx) {
    // The checks of Redis's processCommand, in its order: OOM, the RESP2 subscribed context,
    // then MULTI queueing.
    if (impl_->oom && ((spec->flags & kCmdDenyOom) != 0 || exec_is_denyoom(session, *spec))) {
      Reply oom = transaction_rejection(ctx.ks, session, spec, Reply::error(err::kOom));
      record_rejected(ctx.ks, spec, oom);
      return oom;
    }
    if (auto refused = pubsub_context_error(ctx, *spec)) {
      Reply r = transaction_rejection(ctx.ks, session, spec, std::move(*refused));
      record_rejected(ctx.ks, spec, r);
      return r;
    }
    if (auto queued = transaction_intercept(ctx, *spec, argv)) return *queued;
    Reply r = call_command(ctx, *spec, argv);
    if ((spec->flags & kCmdTouchesArbitraryKeys) != 0) impl_->end_unit_op_by_op();
    // A blocking command that found no data: the client waits (not inside MULTI/EXEC, where
    // the command's own reply stands).
    if (ctx.ks.block_request().wanted) {
      if (!ctx.ks.options().blocking_commands_wait) {
        r = std::move(ctx.ks.block_request().timeout_reply);
      } else if ((spec->flags & kCmdBlocking) != 0 &&
                 !(session.state && session.state->in_multi)) {
        const bool async = session.state && session.state->can_block_async;
        const uint64_t id = impl_->block_client(session, *spec, argv, async ? nullptr : &unblocked);
        if (async) session.blocked = true;
        else waiter = id;
      }
      ctx.ks.block_request() = BlockRequest{};
    }
    return r;
  });
  if (waiter != 0) return impl_->wait_blocked(waiter, &unblocked);
  return reply;
}

Reply Store::execute(std::initializer_list<std::string_view> argv) {
  Session s;
  return execute(std::span<const std::string_view>(argv.begin(), argv.size()), s);
}

std::string Store::execute_resp(std::span<const std::string_view> argv, Session& session) {
  Reply r = execute(argv, session);
  // After HELLO the reply is already encoded in the new protocol, as Redis does.
  return r.to_resp(session.protocol);
}

std::optional<std::string> Store::get(std::string_view key, int db) {
  auto r = impl_->run_db(db, [&](CommandContext& ctx) { return string_get(ctx, key); });
  return r.ok() ? std::move(r.value()) : std::nullopt;
}

Result<bool> Store::set(std::string_view key, std::string_view value, const SetOptions& opts,
                        int db) {
  return impl_->run_grow_db(db, [&](CommandContext& ctx) {
    Result<bool> r = set_with_options(ctx, key, value, opts);
    TypedForm form(ctx);
    if (form.on() && r.ok()) {
      form.add("SET").add(key).add(value);
      if (opts.ttl || opts.expire_at_ms) {
        // Relative TTLs propagate as the absolute time, as SET EX does.
        const int64_t at = opts.expire_at_ms ? *opts.expire_at_ms : ctx.ks.now_ms() + opts.ttl->count();
        form.add("PXAT").add(std::to_string(at));
      } else if (opts.keep_ttl) {
        form.add("KEEPTTL");
      }
      form.propagate(r.value());
    }
    return r;
  });
}

int64_t Store::del(std::span<const std::string_view> keys, int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) {
    const int64_t n = del_keys(ctx, keys);
    TypedForm(ctx).add("DEL").add_all(keys).propagate(n > 0);
    return n;
  });
}

int64_t Store::exists(std::span<const std::string_view> keys, int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) { return exists_keys(ctx, keys); });
}

bool Store::expire(std::string_view key, std::chrono::milliseconds ttl, int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) {
    // A TTL so large that the expire time overflows is refused, as PEXPIRE refuses it.
    if (ttl.count() > std::numeric_limits<int64_t>::max() - ctx.ks.now_ms()) return false;
    const int64_t at = ctx.ks.now_ms() + ttl.count();
    const bool done = expire_at(ctx, key, at) == 1;
    TypedForm form(ctx);
    if (form.on()) form.add("PEXPIREAT").add(key).add(std::to_string(at)).propagate(done);
    return done;
  });
}

int64_t Store::pttl(std::string_view key, int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) { return pttl_of(ctx, key); });
}

int64_t Store::ttl(std::string_view key, int db) { return rounded_seconds(pttl(key, db)); }

Result<int64_t> Store::incr_by(std::string_view key, int64_t delta, int db) {
  return impl_->run_grow_db(db, [&](CommandContext& ctx) {
    Result<int64_t> r = kevy::incr_by(ctx, key, delta);
    TypedForm form(ctx);
    if (form.on()) form.add("INCRBY").add(key).add(std::to_string(delta)).propagate(r.ok());
    return r;
  });
}

std::vector<std::optional<std::string>> Store::mget(std::span<const std::string_view> keys,
                                                    int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) { return kevy::mget(ctx, keys); });
}

Status Store::mset(std::span<const std::pair<std::string_view, std::string_view>> pairs,
                   int db) {
  std::vector<std::string_view> flat;
  flat.reserve(pairs.size() * 2);
  for (const auto& [k, v] : pairs) {
    flat.push_back(k);
    flat.push_back(v);
  }
  return impl_->run_grow_db(db, [&](CommandContext& ctx) {
    kevy::mset(ctx, flat);
    TypedForm(ctx).add("MSET").add_all(flat).propagate(!flat.empty());
    return Status::ok();
  });
}

Result<int64_t> Store::hset(
    std::string_view key, std::span<const std::pair<std::string_view, std::string_view>> pairs,
    int db) {
  if (pairs.empty()) return Status::command_error(err::wrong_arity("hset"));
  return impl_->run_grow_db(db, [&](CommandContext& ctx) {
    Result<int64_t> r = hash_set_pairs(ctx, key, pairs);
    TypedForm form(ctx);
    form.add("HSET").add(key);
    for (const auto& [f, v] : pairs) form.add(f).add(v);
    form.propagate(r.ok());
    return r;
  });
}

Result<std::optional<std::string>> Store::hget(std::string_view key, std::string_view field,
                                               int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) { return hash_get(ctx, key, field); });
}

Result<std::vector<std::pair<std::string, std::string>>> Store::hgetall(std::string_view key,
                                                                        int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) { return hash_get_all(ctx, key); });
}

Result<int64_t> Store::hdel(std::string_view key, std::span<const std::string_view> fields,
                            int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) {
    Result<int64_t> r = hash_del(ctx, key, fields);
    TypedForm(ctx).add("HDEL").add(key).add_all(fields).propagate(r.ok() && r.value() > 0);
    return r;
  });
}

Result<int64_t> Store::sadd(std::string_view key, std::span<const std::string_view> members,
                            int db) {
  if (members.empty()) return Status::command_error(err::wrong_arity("sadd"));
  return impl_->run_grow_db(db, [&](CommandContext& ctx) {
    Result<int64_t> r = set_add(ctx, key, members);
    TypedForm(ctx).add("SADD").add(key).add_all(members).propagate(r.ok() && r.value() > 0);
    return r;
  });
}

Result<int64_t> Store::srem(std::string_view key, std::span<const std::string_view> members,
                            int db) {
  if (members.empty()) return Status::command_error(err::wrong_arity("srem"));
  return impl_->run_db(db, [&](CommandContext& ctx) {
    Result<int64_t> r = set_rem(ctx, key, members);
    TypedForm(ctx).add("SREM").add(key).add_all(members).propagate(r.ok() && r.value() > 0);
    return r;
  });
}

Result<bool> Store::sismember(std::string_view key, std::string_view member, int db) {
  return impl_->run_db(db,
                       [&](CommandContext& ctx) { return set_is_member(ctx, key, member); });
}

Result<std::vector<std::string>> Store::smembers(std::string_view key, int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) { return set_members(ctx, key); });
}

Result<int64_t> Store::zadd(std::string_view key,
                            std::span<const std::pair<double, std::string_view>> items, int db) {
  if (items.empty()) return Status::command_error(err::wrong_arity("zadd"));
  return impl_->run_grow_db(db, [&](CommandContext& ctx) -> Result<int64_t> {
    auto r = zset_add(ctx, key, items, ZaddFlags{});
    if (!r.ok()) return r.status();
    TypedForm form(ctx);
    if (form.on()) {
      form.add("ZADD").add(key);
      for (const auto& [score, member] : items) form.add(format_double_reply(score)).add(member);
      form.propagate(r->added + r->updated > 0);
    }
    return r->added;
  });
}

Result<std::optional<double>> Store::zscore(std::string_view key, std::string_view member,
                                            int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) { return zset_score(ctx, key, member); });
}

Result<int64_t> Store::zrem(std::string_view key, std::span<const std::string_view> members,
                            int db) {
  if (members.empty()) return Status::command_error(err::wrong_arity("zrem"));
  return impl_->run_db(db, [&](CommandContext& ctx) {
    Result<int64_t> r = zset_rem(ctx, key, members);
    TypedForm(ctx).add("ZREM").add(key).add_all(members).propagate(r.ok() && r.value() > 0);
    return r;
  });
}

Result<std::vector<std::pair<std::string, double>>> Store::zrange(std::string_view key,
                                                                  int64_t start, int64_t stop,
                                                                  int db) {
  return impl_->run_db(
      db, [&](CommandContext& ctx) { return zset_range_by_rank(ctx, key, start, stop); });
}

Result<std::vector<std::pair<std::string, double>>> Store::zrange_by_score(std::string_view key,
                                                                           double min,
                                                                           double max, int db) {
  const ScoreRange range{min, max, false, false};
  return impl_->run_db(db,
                       [&](CommandContext& ctx) { return zset_range_by_score(ctx, key, range); });
}

Result<int64_t> Store::zcard(std::string_view key, int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) { return zset_card(ctx, key); });
}

Result<int64_t> Store::lpush(std::string_view key, std::span<const std::string_view> values,
                             int db) {
  if (values.empty()) return Status::command_error(err::wrong_arity("lpush"));
  return impl_->run_grow_db(db, [&](CommandContext& ctx) {
    Result<int64_t> r = list_push(ctx, key, values, ListEnd::kHead, true);
    TypedForm(ctx).add("LPUSH").add(key).add_all(values).propagate(r.ok());
    return r;
  });
}

Result<int64_t> Store::rpush(std::string_view key, std::span<const std::string_view> values,
                             int db) {
  if (values.empty()) return Status::command_error(err::wrong_arity("rpush"));
  return impl_->run_grow_db(db, [&](CommandContext& ctx) {
    Result<int64_t> r = list_push(ctx, key, values, ListEnd::kTail, true);
    TypedForm(ctx).add("RPUSH").add(key).add_all(values).propagate(r.ok());
    return r;
  });
}

Result<std::vector<std::string>> Store::lrange(std::string_view key, int64_t start, int64_t stop,
                                               int db) {
  return impl_->run_db(db,
                       [&](CommandContext& ctx) { return list_range(ctx, key, start, stop); });
}

Result<int64_t> Store::llen(std::string_view key, int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) { return list_length(ctx, key); });
}

std::optional<size_t> Store::memory_usage(std::string_view key, int db) {
  return impl_->run_db(db, [&](CommandContext& ctx) { return key_memory_usage(ctx.ks, db, key); });
}

ScanPage Store::scan(uint64_t cursor, const ScanOptions& opts) {
  return impl_->run_db(opts.db, [&](CommandContext& ctx) {
    ScanRequest req;
    req.cursor = cursor;
    req.count = opts.count > 0 ? opts.count : 10;
    if (opts.match) req.match = *opts.match;
    if (opts.type) req.type = *opts.type;
    ScanResult r = scan_keys(ctx, req);
    return ScanPage{r.cursor, std::move(r.keys)};
  });
}

Status Store::save() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->ks.begin_command();
  return save_snapshot(impl_->ks);
}

Status Store::bgsave() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->ks.begin_command();
  return start_bgsave(impl_->ks);
}

Status Store::wait_bgsave() {
  // The writer thread never takes the store lock, so waiting under it cannot deadlock.
  std::lock_guard<std::mutex> lock(impl_->mu);
  return collect_bgsave(impl_->ks, true);
}

Status Store::load_rdb(const std::string& path) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->ks.begin_command();
  return kevy::load_snapshot(impl_->ks, path, rdb::LoadMode::kReplace);
}

Status Store::load_snapshot() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->ks.begin_command();
  return kevy::load_snapshot(impl_->ks, snapshot_path(impl_->ks), rdb::LoadMode::kReplace);
}

Status Store::load_persisted() { return impl_->open_persisted(nullptr); }

Status Store::rewrite_aof() {
  {
    std::lock_guard<std::mutex> lock(impl_->mu);
    impl_->ks.begin_command();
    // One already running (a BGREWRITEAOF) is finished first, so this one starts from now.
    aof_collect_rewrite(impl_->ks, /*wait=*/true);
    Status s = aof_start_rewrite(impl_->ks);
    if (!s.is_ok()) return s;
  }
  // The base is written off the lock; commands (and their AOF writes) go on meanwhile.
  for (;;) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::lock_guard<std::mutex> lock(impl_->mu);
    if (!aof_rewrite_in_progress(impl_->ks)) return Status::ok();  // collected by a command
    if (impl_->ks.instance().aof.rewrite_writer.finished()) {
      impl_->ks.begin_command();
      return aof_collect_rewrite(impl_->ks);
    }
  }
}

int64_t Store::last_save() {
  std::lock_guard<std::mutex> lock(impl_->mu);
  poll_bgsave(impl_->ks);
  return impl_->ks.instance().lastsave_s;
}

uint64_t Store::tick() { return impl_->cycle(); }

Clock& Store::clock() { return impl_->ks.clock(); }

void Store::seed_random(uint64_t seed) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->ks.random().seed(seed);
}

void Store::on_evicted(std::function<void(int db, std::string_view key)> callback) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->evictor.set_evicted_hook(std::move(callback));
}

Result<std::string> Store::config_get(std::string_view name) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  auto v = impl_->ks.instance().config.get(name, impl_->ks.options());
  if (!v) return Status::not_found("unknown config parameter '" + std::string(name) + "'");
  return std::move(*v);
}

Status Store::config_set(std::string_view name, std::string_view value, ConfigOrigin origin) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  const ConfigRegistry::NameValue pair(name, value);
  return kevy::config_set(impl_->ks, std::span(&pair, 1), origin);
}

void Store::set_config_file(std::string path) {
  std::lock_guard<std::mutex> lock(impl_->mu);
  impl_->ks.instance().config.set_config_file(std::move(path));
}

}  // namespace kevy
