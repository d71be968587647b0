// Store: the embedded Redis-compatible key-value engine.
//
//   auto store = kevy::Store::open(kevy::Options{});
//   if (!store.ok()) return store.status();
//   kevy::Session s;
//   kevy::Reply r = store->execute({"SET", "k", "v"}, s);   // any command, exact Redis reply
//   std::optional<std::string> v = store->get("k");           // typed call, same code path
//
// Thread-safety: every public method may be called from any thread. One mutex inside the
// Store protects the whole keyspace and its statistics; each call holds it for its duration
// (a command is atomic, as in Redis). A Session must not be used by two threads at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kevy/clock.h"
#include "kevy/config.h"
#include "kevy/reply.h"
#include "kevy/status.h"

namespace kevy {

class ClientHost;   // commands/client_host.h: what a network server tells CLIENT and INFO
struct ClientState;  // clients/client_state.h: transaction, subscriptions, blocked command

// Per-client state: the selected database, the protocol (2 = RESP2, 3 = RESP3) and what the
// connection commands (CLIENT, HELLO, MONITOR, RESET) set.
struct Session {
  enum class ReplyMode { kOn, kOff, kSkipNext };

  int db = 0;
  int protocol = 2;
  int64_t client_id = 1;  // reported by HELLO / CLIENT ID
  std::string name;       // CLIENT SETNAME / HELLO SETNAME
  // CLIENT REPLY: a network server drops replies while kOff; kSkipNext drops the next
  // command's reply only (the server turns it back to kOn).
  ReplyMode reply_mode = ReplyMode::kOn;
  bool no_evict = false;  // CLIENT NO-EVICT
  bool monitor = false;   // MONITOR: the server streams every command to this client
  // Full name ("get", "client|list") of the last command execute() resolved (CLIENT LIST's
  // cmd=); nullptr before the first. Points into the static command table.
  const std::string* last_command = nullptr;
  // Set by kevy::Server for its connections; nullptr for embedded sessions, for which CLIENT
  // and INFO describe the calling session alone.
  ClientHost* host = nullptr;
  // Set by execute() when a blocking command left this session blocked without waiting (a
  // server's connection: ClientState::can_block_async); its reply comes later through
  // ClientState::on_unblocked. The server clears it then.
  bool blocked = false;
  // MULTI queue, WATCHed keys, subscriptions, pushed messages, blocked command: created by the
  // Store when first needed. Copying a Session shares it.
  std::shared_ptr<ClientState> state;
  // Set by execute() when a command hook (Store::set_command_hook) asked for a network fault
  // on this command's reply; a network server applies it and clears it. Embedded sessions
  // never see it set.
  struct ReplyFault {
    int64_t delay_ms = 0;           // send the reply this much later (real time)
    bool close_connection = false;  // send part of the reply, then close the connection
  } reply_fault;
};

// One command as Store::execute received it, shown to a command hook. Everything it refers to
// (argv, keys, session) is valid only during the hook call: copy what must outlive it.
struct CommandCall {
  std::span<const std::string_view> argv;  // argv[0] is the name as the client sent it
  // The keys the command names (COMMAND GETKEYS rules); empty for an unknown command, a
  // wrong argument count or a command without keys.
  std::vector<std::string_view> keys;
  const Session& session;  // client id, name, db, protocol of the caller
};

// What a command hook decides about one command. The default runs it unchanged.
struct CommandHookAction {
  // Set: execute() returns this reply and the command does not run. An error reply counts as
  // a refusal: inside MULTI the transaction is then aborted (EXEC answers EXECABORT), and an
  // error on EXEC discards the transaction, as a queue-time error would.
  std::optional<Reply> reply;
  // A network server (kevy::Server) sends the reply this many milliseconds of real time
  // later, and the replies after it on the same connection behind it; an embedded caller's
  // execute() sleeps that long before it returns.
  int64_t delay_ms = 0;
  // A network server sends about half of the reply's bytes and closes the connection (the
  // command still runs unless `reply` is set; a command that blocks has no reply yet, so its
  // connection is closed at once, which cancels it). No effect on embedded callers.
  bool close_connection = false;
};
using CommandHook = std::function<CommandHookAction(const CommandCall&)>;

// Options of SET (mirrors SET's NX/XX/GET/EX/PX/EXAT/PXAT/KEEPTTL).
struct SetOptions {
  enum class Condition { kAlways, kIfNotExists, kIfExists };
  Condition condition = Condition::kAlways;
  // Relative TTL, or absolute expire time (Unix ms); at most one of them.
  std::optional<std::chrono::milliseconds> ttl;
  std::optional<int64_t> expire_at_ms;
  bool keep_ttl = false;

  SetOptions& nx() { condition = Condition::kIfNotExists; return *this; }
  SetOptions& xx() { condition = Condition::kIfExists; return *this; }
  SetOptions& ex(std::chrono::milliseconds d) { ttl = d; return *this; }
  SetOptions& px(std::chrono::milliseconds d) { ttl = d; return *this; }
  SetOptions& pxat(int64_t unix_ms) { expire_at_ms = unix_ms; return *this; }
  SetOptions& keepttl() { keep_ttl = true; return *this; }
};

struct ScanOptions {
  std::optional<std::string> match;  // glob pattern, as SCAN MATCH
  std::optional<std::string> type;   // "string", "list", ... as SCAN TYPE
  size_t count = 10;
  int db = 0;
};

struct ScanPage {
  uint64_t cursor = 0;  // 0 when the scan is complete
  std::vector<std::string> keys;
};

// One message delivered to a Store::subscribe / psubscribe callback.
struct PubSubMessage {
  std::string kind;     // "message", "pmessage" (pattern subscriptions) or "smessage"
  std::string pattern;  // the pattern that matched ("pmessage"), else empty
  std::string channel;
  std::string payload;
};

class Subscription;

// Where a Store::config_set comes from: CONFIG SET's rules, or a config file line at startup
// (which may also set immutable and protected parameters, and whose `save` lines add up).
enum class ConfigOrigin { kConfigSet, kConfigFile };

class Store {
 public:
  static Result<Store> open(Options options);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // Runs one command (argv[0] is the name, any case) as redis-server would for the client
  // described by `session`, which the command may change (SELECT, HELLO, MULTI, SUBSCRIBE).
  // A blocking command (BLPOP, BZPOPMIN, ...) that finds no data blocks the calling thread
  // until another thread's write serves it, its timeout passes by clock(), or CLIENT UNBLOCK;
  // inside MULTI it does not block.
  Reply execute(std::span<const std::string_view> argv, Session& session);
  // A client went away: drops its subscriptions, WATCHed keys, queued transaction and blocked
  // command (without a reply). The session may be reused afterwards as a new client.
  void end_session(Session& session);
  // Same, with a default session (db 0, RESP2).
  Reply execute(std::initializer_list<std::string_view> argv);
  // The exact bytes redis-server would send for this command in session.protocol.
  std::string execute_resp(std::span<const std::string_view> argv, Session& session);

  // Typed calls: the same family code as execute(), without building argv. The writes that
  // may grow memory (set, incr_by, mset, hset, sadd, lpush, rpush, zadd) return the OOM
  // error ("OOM command not allowed when used memory > 'maxmemory'.") when used memory is
  // over Options::max_memory and the policy cannot evict enough, as those commands get it.
  std::optional<std::string> get(std::string_view key, int db = 0);
  // True when the value was set (false when NX/XX prevented it). Error on bad options.
  Result<bool> set(std::string_view key, std::string_view value, const SetOptions& opts = {},
                   int db = 0);
  int64_t del(std::span<const std::string_view> keys, int db = 0);
  int64_t del(std::string_view key, int db = 0) { return del(std::span(&key, 1), db); }
  int64_t exists(std::span<const std::string_view> keys, int db = 0);
  int64_t exists(std::string_view key, int db = 0) { return exists(std::span(&key, 1), db); }
  // Sets a relative TTL; false when the key does not exist.
  bool expire(std::string_view key, std::chrono::milliseconds ttl, int db = 0);
  // Redis PTTL semantics: -2 no such key, -1 no TTL, else remaining ms.
  int64_t pttl(std::string_view key, int db = 0);
  // Redis TTL semantics in seconds (-2, -1, or remaining seconds rounded).
  int64_t ttl(std::string_view key, int db = 0);
  Result<int64_t> incr_by(std::string_view key, int64_t delta, int db = 0);
  std::vector<std::optional<std::string>> mget(std::span<const std::string_view> keys, int db = 0);
  Status mset(std::span<const std::pair<std::string_view, std::string_view>> pairs, int db = 0);
  ScanPage scan(uint64_t cursor, const ScanOptions& opts = {});

  // Hashes. Errors: WRONGTYPE when the key holds another type.
  // HSET: sets each pair; the number of fields that were new.
  Result<int64_t> hset(std::string_view key,
                       std::span<const std::pair<std::string_view, std::string_view>> pairs,
                       int db = 0);
  Result<int64_t> hset(std::string_view key, std::string_view field, std::string_view value,
                       int db = 0) {
    std::pair<std::string_view, std::string_view> p(field, value);
    return hset(key, std::span(&p, 1), db);
  }
  // HGET: nullopt for a missing key or field.
  Result<std::optional<std::string>> hget(std::string_view key, std::string_view field,
                                          int db = 0);
  // HGETALL: every pair, in insertion order while the hash is small (listpack-encoded).
  Result<std::vector<std::pair<std::string, std::string>>> hgetall(std::string_view key,
                                                                   int db = 0);
  // HDEL: the number of fields removed; removing the last field deletes the key.
  Result<int64_t> hdel(std::string_view key, std::span<const std::string_view> fields,
                       int db = 0);

  // Sets. Errors: WRONGTYPE when the key holds another type.
  // SADD: the number of members that were new. No members: the arity error.
  Result<int64_t> sadd(std::string_view key, std::span<const std::string_view> members,
                       int db = 0);
  // SREM: the number removed; removing the last member deletes the key.
  Result<int64_t> srem(std::string_view key, std::span<const std::string_view> members,
                       int db = 0);
  Result<bool> sismember(std::string_view key, std::string_view member, int db = 0);
  // SMEMBERS: ascending while the set is small and all integers (intset-encoded).
  Result<std::vector<std::string>> smembers(std::string_view key, int db = 0);

  // Lists. Errors: WRONGTYPE when the key holds another type.
  // LPUSH/RPUSH: pushes the values in order; the new length. No values: the arity error.
  Result<int64_t> lpush(std::string_view key, std::span<const std::string_view> values,
                        int db = 0);
  Result<int64_t> rpush(std::string_view key, std::span<const std::string_view> values,
                        int db = 0);
  // LRANGE: indexes as Redis reads them (negative from the tail, clamped); empty when missing.
  Result<std::vector<std::string>> lrange(std::string_view key, int64_t start, int64_t stop,
                                          int db = 0);
  // LLEN: 0 when missing.
  Result<int64_t> llen(std::string_view key, int db = 0);

  // Sorted sets. Errors: WRONGTYPE when the key holds another type; a NaN score is refused.
  // ZADD (no flags): sets each (score, member); the number of members that were new.
  Result<int64_t> zadd(std::string_view key,
                       std::span<const std::pair<double, std::string_view>> items, int db = 0);
  // ZSCORE: nullopt for a missing key or member.
  Result<std::optional<double>> zscore(std::string_view key, std::string_view member, int db = 0);
  // ZREM: the number removed; removing the last member deletes the key.
  Result<int64_t> zrem(std::string_view key, std::span<const std::string_view> members,
                       int db = 0);
  // ZRANGE start stop WITHSCORES (ranks as Redis reads them); ascending (member, score).
  Result<std::vector<std::pair<std::string, double>>> zrange(std::string_view key, int64_t start,
                                                             int64_t stop, int db = 0);
  // ZRANGEBYSCORE key min max WITHSCORES with inclusive bounds; ascending (member, score).
  Result<std::vector<std::pair<std::string, double>>> zrange_by_score(std::string_view key,
                                                                      double min, double max,
                                                                      int db = 0);
  // ZCARD: 0 when missing.
  Result<int64_t> zcard(std::string_view key, int db = 0);

  // Bytes kevy holds for key and its value (entry, collection buffers, tables), the
  // counterpart of Redis's MEMORY USAGE with all samples; nullopt when the key is missing.
  // As MEMORY USAGE, a key whose TTL has passed but that was not deleted yet still counts, and
  // the call neither updates the key's access time nor counts a keyspace hit or miss.
  std::optional<size_t> memory_usage(std::string_view key, int db = 0);

  // RDB snapshots in CONFIG dir / dbfilename (Options::dir / dbfilename), byte-compatible with
  // redis-server 7.0.15's dump.rdb.
  // SAVE: writes the snapshot now (temporary file, fsync, rename). Error while a BGSAVE runs.
  Status save();
  // BGSAVE: serializes the keyspace now (under the lock, no I/O) and writes the file on a
  // background thread, so commands wait only for the serialization. Error when one runs.
  Status bgsave();
  // Waits for a running BGSAVE and returns its outcome (OK when none was running).
  Status wait_bgsave();
  // Replaces every database with the contents of the RDB file at path: all or nothing (on error
  // the store is unchanged and the Status names the byte offset). not_found when it is missing.
  Status load_rdb(const std::string& path);
  // load_rdb of CONFIG dir / dbfilename (what kevy-server does at startup).
  Status load_snapshot();
  // What redis-server loads at startup, for a caller that set CONFIG parameters after open (as
  // kevy-server does from its config file): with appendonly yes the AOF in dir/appenddirname —
  // created when missing, and appended to from then on — else dir/dbfilename when it exists.
  Status load_persisted();
  // BGREWRITEAOF, waiting for it (and first for one already running): the AOF's base is rewritten from the current keyspace (or,
  // with the AOF off, one is written). The keyspace is serialized under the lock; the file is
  // written off it, so other threads' commands go on meanwhile and land in the new increment.
  Status rewrite_aof();

  // Unix seconds of the last successful save (LASTSAVE).
  int64_t last_save();

  // One active-expiry cycle (what the background thread runs hz times per second); it also
  // times out blocked commands whose timeout has passed by clock().
  // Returns the number of keys deleted.
  uint64_t tick();

  // Blocking calls: BLPOP / BRPOP on keys in db, waiting up to `timeout` by clock() (0: no
  // limit) for another thread's push. nullopt on timeout, else (key, element).
  Result<std::optional<std::pair<std::string, std::string>>> blpop(
      std::span<const std::string_view> keys, std::chrono::milliseconds timeout, int db = 0);
  Result<std::optional<std::pair<std::string, std::string>>> brpop(
      std::span<const std::string_view> keys, std::chrono::milliseconds timeout, int db = 0);

  // For network servers (kevy::Server): answers the commands blocked past their timeout, and
  // tells when the next timeout falls (Unix ms; 0 when none is pending).
  void time_out_blocked();
  int64_t next_block_deadline_ms();
  Clock& clock();
  // Reseeds the generator behind RANDOMKEY and sampling.
  void seed_random(uint64_t seed);
  // Called, under the store lock, with each key the maxmemory policy evicts (db, key) — the
  // in-process view of the "evicted" keyspace event. It must not call back into the store.
  void on_evicted(std::function<void(int db, std::string_view key)> callback);

  // ---- Pub/sub (store_pubsub.cc)
  // In-process subscribers: `callback` gets every message published on the channels (or on
  // the channels matching the glob patterns, KEYS rules) — PUBLISH from any session or
  // publish() below, and keyspace notifications once notify-keyspace-events enables them —
  // until the returned Subscription is cancelled or destroyed. The callback runs on the
  // publishing thread while the store lock is held: it must return quickly and must not call
  // into the store (nor cancel a Subscription), or it deadlocks.
  Subscription subscribe(std::vector<std::string> channels,
                         std::function<void(const PubSubMessage&)> callback);
  Subscription psubscribe(std::vector<std::string> patterns,
                          std::function<void(const PubSubMessage&)> callback);
  // PUBLISH: the number of receivers (network clients, sessions and subscriptions; a receiver
  // subscribed to the channel and to n matching patterns counts 1 + n).
  int64_t publish(std::string_view channel, std::string_view message);
  // The messages pushed to an embedded session since the last call, oldest first: what a
  // session that ran SUBSCRIBE / PSUBSCRIBE / SSUBSCRIBE through execute() received
  // (Reply::push trees, ["message", channel, payload] and the like). Empty for a session
  // served by kevy::Server (its messages go to the connection).
  std::vector<Reply> take_pushed(Session& session);

  // ---- Test hooks (store_hook.cc; kevy/testing.h builds fault injection and command
  // recording on them)
  // Runs `hook` at the start of every execute() — from every thread, embedded sessions and
  // kevy::Server connections alike, including commands queued inside MULTI (not those EXEC
  // runs, nor AUTH/HELLO-before-AUTH/QUIT/SHUTDOWN, which a server answers itself), and the
  // typed blpop()/brpop(), which run through execute(); not the other typed calls. It runs
  // outside the store lock and may run on several threads at once: it must be thread-safe
  // and must not call execute(). An empty hook removes it. Without a hook execute() pays one
  // atomic load.
  void set_command_hook(CommandHook hook);
  // Deletes every key whose TTL has passed by clock() in every database — what lazy expiry
  // would do on access, with the same `expired` notifications and propagated DELs — and
  // answers the blocked commands whose timeout has passed. Deterministic, unlike tick()'s
  // sampling. Returns the number of keys deleted.
  uint64_t expire_due();

  // CONFIG parameters, as CONFIG GET / CONFIG SET see them (kevy::Server reads port, bind,
  // requirepass, timeout... through these).
  // The canonical value of one parameter, named by its name or an alias in any case (memory in
  // bytes, enums lowercase); not_found for an unknown name.
  Result<std::string> config_get(std::string_view name);
  // Sets one parameter with CONFIG SET's validation; the error's message is Redis's reply text
  // ("ERR CONFIG SET failed (possibly related to argument 'hz') - ...").
  Status config_set(std::string_view name, std::string_view value,
                    ConfigOrigin origin = ConfigOrigin::kConfigSet);
  // The file CONFIG REWRITE rewrites; empty (the default) means none, and CONFIG REWRITE then
  // fails as redis-server does without a config file.
  void set_config_file(std::string path);

  struct Impl;

 private:
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A Store::subscribe / psubscribe registration (RAII): destroying or cancelling it
// unsubscribes, after which its callback is not called again. Move-only; it must not outlive
// its Store (moving the Store is fine).
class Subscription {
 public:
  Subscription() = default;
  Subscription(Subscription&& other) noexcept;
  Subscription& operator=(Subscription&& other) noexcept;
  Subscription(const Subscription&) = delete;
  Subscription& operator=(const Subscription&) = delete;
  ~Subscription();

  // Unsubscribes from everything; idempotent. Must not be called from a callback.
  void cancel();
  bool active() const { return impl_ != nullptr; }

 private:
  friend class Store;
  Subscription(Store::Impl* impl, std::shared_ptr<ClientState> state)
      : impl_(impl), state_(std::move(state)) {}
  Store::Impl* impl_ = nullptr;
  std::shared_ptr<ClientState> state_;
};

}  // namespace kevy
