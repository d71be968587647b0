// Store::Impl: the state behind kevy::Store and the steps every entry point shares (lock,
// command time, eviction, the end of a unit). Shared by the files that implement Store's
// methods (store.cc, store_pubsub.cc, store_multi.cc, store_blocking.cc).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>

#include "commands/command_table.h"
#include "commands/context.h"
#include "commands/errors.h"
#include "core/keyspace.h"
#include "evict/eviction.h"
#include "kevy/store.h"
#include "persist/aof.h"
#include "persist/snapshot.h"

namespace kevy {

struct Store::Impl {
  explicit Impl(const Options& opts) : ks(opts) {}
  ~Impl() {
    stop_expirer();
    std::lock_guard<std::mutex> lock(mu);
    aof_collect_rewrite(ks, /*wait=*/true);
    aof_disable(ks);  // final fsync, files closed
  }

  // Runs fn(ctx) under the lock with the command time fixed, after evicting what maxmemory
  // requires (out_of_memory() then tells whether memory is still over the limit).
  template <typename Fn>
  auto run(Session& session, Fn&& fn) {
    return run_locked(session, /*evict=*/true, Timing::kClockAtStart, std::forward<Fn>(fn));
  }
  // The same without eviction: for commands refused before they run, as Redis evicts only
  // for commands it is about to call.
  template <typename Fn>
  auto run_no_evict(Session& session, Fn&& fn) {
    return run_locked(session, /*evict=*/false, Timing::kClockAtStart, std::forward<Fn>(fn));
  }

  // When the command time is read: at the start (execute: the command is timed for its
  // statistics from there), or at first use (typed calls, which record no statistics).
  enum class Timing { kClockAtStart, kClockWhenAsked };

  template <typename Fn>
  auto run_locked(Session& session, bool evict, Timing timing, Fn&& fn) {
    std::lock_guard<std::mutex> lock(mu);
    if (timing == Timing::kClockAtStart) {
      ks.begin_command();
    } else {
      ks.begin_command_lazily();
    }
    poll_bgsave(ks);  // a finished BGSAVE updates LASTSAVE / INFO first, as Redis's cron does
    aof_poll(ks);     // and a finished AOF rewrite switches the manifest
    oom = evict && !make_room(session.db);
    CommandContext ctx{ks, session};
    if constexpr (std::is_void_v<decltype(fn(ctx))>) {
      fn(ctx);
      end_command();
      serve_ready_keys();
    } else {
      auto result = fn(ctx);
      end_command();
      serve_ready_keys();
      return result;
    }
  }

  // ---- blocked clients (store_blocking.cc)

  // After a command or transaction: serves the clients blocked on keys that became ready,
  // each key's waiters oldest first, by running their commands again (each its own unit), as
  // Redis's handleClientsBlockedOnKeys. REQUIRES: the lock.
  void serve_ready_keys();
  // Registers the session as blocked on what ctx.ks.block_request() asks for. Returns the
  // waiter id. REQUIRES: the lock.
  uint64_t block_client(Session& session, const CommandSpec& spec, Args argv,
                        std::optional<Reply>* result);
  // Replies the timeout reply to every waiter whose deadline has passed. REQUIRES: the lock.
  void expire_waiters();
  // An embedded caller of Store::execute waits (without the lock) until its waiter is served,
  // unblocked or times out by the store's clock (checked at least every 10 ms, so a
  // ManualClock moved by another thread is noticed). Returns the command's reply.
  Reply wait_blocked(uint64_t id, std::optional<Reply>* result);
  // Wakes embedded callers waiting in Store::execute.
  std::condition_variable block_cv;

  // Evicts until used memory is under maxmemory (evict/eviction.h); each evicted key goes to
  // the AOF as a DEL unit of its own, before the command, as in redis-server 7.0. False when
  // memory is still over the limit and nothing more can be evicted (or the policy is
  // noeviction): commands that may grow memory are then refused with OOM.
  // REQUIRES: the lock; ks.begin_command() ran.
  bool make_room(int db) {
    if (ks.options().max_memory == 0) return true;
    const EvictResult r = evictor.perform(ks, db);
    end_unit_op_by_op();
    return r != EvictResult::kFail;
  }

  // The end of one command: its unit goes to the AOF, the sizes of the collections it changed
  // are settled (so the changed list stays as short as one command's keys); with
  // check_memory_accounting the running memory totals are recounted.
  void end_command() {
    end_unit();
    ks.settle_memory();
    if (ks.options().check_memory_accounting) {
      const std::string drift = ks.verify_memory();
      if (!drift.empty()) {
        std::fprintf(stderr, "kevy: memory accounting drifted: %s\n", drift.c_str());
        std::abort();
      }
    }
  }

  // Typed calls of commands that may grow memory (Redis's denyoom): refused with the OOM
  // error when make_room() failed. fn returns a Status or a Result<T>.
  template <typename Fn>
  auto run_grow_db(int db, Fn&& fn) {
    return run_db(db, [&](CommandContext& ctx) -> decltype(fn(ctx)) {
      if (oom) return Status::command_error(err::kOom);
      return fn(ctx);
    });
  }

  // What redis-server does at startup: with appendonly yes, loads the AOF (or creates it) and
  // keeps appending; else loads the snapshot when there is one.
  Status open_persisted(std::function<void(uint64_t, uint64_t)> progress) {
    std::lock_guard<std::mutex> lock(mu);
    ks.begin_command();
    if (ks.instance().config.get("appendonly", ks.options()) == "yes") {
      return aof_open_at_start(ks, std::move(progress));
    }
    Status s =
        kevy::load_snapshot(ks, snapshot_path(ks), rdb::LoadMode::kReplace, std::move(progress));
    return s.code() == Status::Code::kNotFound ? Status::ok() : s;
  }

  // Hands what the unit propagated to the AOF (persist/aof.h), wrapped in MULTI/EXEC when it
  // is more than one command. REQUIRES: the lock.
  void end_unit() {
    if (ks.propagation().has_ops()) aof_feed_unit(ks, ks.propagation().take());
  }
  // A typed call on db: run() with the clock read only when the call needs the time.
  template <typename Fn>
  auto run_db(int db, Fn&& fn) {
    Session s;
    s.db = db;
    return run_locked(s, /*evict=*/true, Timing::kClockWhenAsked, std::forward<Fn>(fn));
  }

  // One slow active-expire cycle under the store lock.
  // Each key it deletes is propagated as a DEL of its own, as Redis's active expiry does.
  uint64_t cycle() {
    std::lock_guard<std::mutex> lock(mu);
    aof_poll(ks);
    const uint64_t deleted = ks.active_expire_cycle(ExpireCycle::kSlow);
    expire_waiters();
    // An eviction stopped by its time limit goes on here, as Redis's eviction time proc does.
    if (ks.options().max_memory != 0) evictor.perform(ks);
    end_unit_op_by_op();
    return deleted;
  }

  // Hands each op propagated so far to the AOF as a unit of its own (no MULTI/EXEC).
  // REQUIRES: the lock.
  void end_unit_op_by_op() {
    for (PropagatedOp& op : ks.propagation().take()) {
      std::vector<PropagatedOp> unit;
      unit.push_back(std::move(op));
      aof_feed_unit(ks, std::move(unit));
    }
  }

  // The pause between two background cycles: 1/hz, with hz read under the lock because
  // CONFIG SET may change it.
  std::chrono::microseconds cycle_period() {
    std::lock_guard<std::mutex> lock(mu);
    int hz = ks.options().hz > 0 ? ks.options().hz : 10;
    return std::chrono::microseconds(1000000 / hz);
  }

  // Runs cycle() hz times per second until stop_expirer(). The store mutex is held only
  // inside cycle()/cycle_period(), never while waiting.
  void start_expirer() {
    expirer = std::thread([this] {
      for (;;) {
        cycle();
        std::chrono::microseconds period = cycle_period();
        std::unique_lock<std::mutex> lock(stop_mu);
        if (stop_cv.wait_for(lock, period, [this] { return stopping; })) return;
      }
    });
  }

  // Idempotent; REQUIRES: not called from the expirer thread.
  void stop_expirer() {
    {
      std::lock_guard<std::mutex> lock(stop_mu);
      stopping = true;
    }
    stop_cv.notify_all();
    if (expirer.joinable()) expirer.join();
  }

  // ---- the command hook (store_hook.cc)
  // Runs the hook, if any, on argv (spec: the row resolve() found, or nullptr) and applies
  // its delay or network fault. Returns the reply that replaces the command, if any.
  // REQUIRES: the lock is not held.
  std::optional<Reply> intercept(Args argv, const CommandSpec* spec, Session& session);
  std::atomic<bool> has_hook{false};  // hook != nullptr, read without hook_mu
  std::mutex hook_mu;
  std::shared_ptr<const CommandHook> hook;  // guarded by hook_mu

  std::mutex mu;  // protects ks and everything reachable from it
  Keyspace ks;
  Evictor evictor;
  bool oom = false;  // the running command found memory over maxmemory after make_room()

  std::mutex stop_mu;  // protects stopping
  std::condition_variable stop_cv;
  bool stopping = false;
  std::thread expirer;
};


}  // namespace kevy
