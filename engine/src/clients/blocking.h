// BlockedClients: clients waiting in a blocking command (BLPOP BRPOP BRPOPLPUSH BLMOVE BLMPOP
// BZPOPMIN BZPOPMAX BZMPOP), each key's waiters in the order they blocked (FIFO), and the keys
// that became ready (a list or sorted set was added under them) while the current command ran.
// The Store serves ready keys after each command or transaction by running the waiters'
// commands again (Store::Impl::serve_ready_keys), and expires timeouts from its cycle.
//
// Thread-safety: under the store lock only.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clients/client_state.h"
#include "core/key_events.h"

namespace kevy {

struct CommandSpec;

struct Waiter {
  uint64_t id = 0;  // increasing: the FIFO order
  std::weak_ptr<ClientState> client;
  // The session the command runs in again. Valid while the waiter is registered: a server
  // connection removes its waiter before its Session dies; an embedded caller waits in
  // Store::execute until the waiter is gone.
  Session* session = nullptr;
  const CommandSpec* spec = nullptr;
  std::vector<std::string> argv;
  ReadyType type = ReadyType::kList;
  int db = 0;
  std::vector<std::string> keys;
  int64_t deadline_ms = 0;  // 0: none
  Reply timeout_reply;
  // Embedded waiters: the reply lands in *result (owned by the waiting Store::execute) and
  // `wake` is notified; the server's connections get theirs through
  // ClientState::on_unblocked instead.
  std::optional<Reply>* result = nullptr;
  std::condition_variable* wake = nullptr;
};

class BlockedClients {
 public:
  // Registers a waiter (its id is assigned here) and returns its id.
  uint64_t add(Waiter w);
  // Forgets a waiter (disconnected). No-op for unknown ids.
  void remove(uint64_t id);
  // Ends a wait: the client is no longer blocked and gets `reply` — in the embedded caller's
  // result slot (waking it) or through its ClientState::on_unblocked — then is forgotten.
  // No-op for unknown ids.
  void finish(uint64_t id, Reply reply);
  Waiter* find(uint64_t id);
  // The waiter of a client (a client blocks in one command at a time), or nullptr.
  Waiter* find_client(int64_t client_id);

  // signalKeyAsReady: remembers (db, key) when somebody waits on it.
  void key_ready(int db, std::string_view key);
  // SWAPDB: every waited-on key of db a or b may now hold a value.
  void dbs_swapped(int a, int b);
  bool has_ready() const { return !ready_.empty(); }
  // The ready keys in the order they became ready; clears the list.
  std::vector<std::pair<int, std::string>> take_ready();
  // Ids of the waiters on (db, key), oldest first.
  std::vector<uint64_t> waiters_on(int db, std::string_view key) const;

  // Ids of waiters whose deadline has passed (deadline < now_ms, as Redis's timeout < now),
  // oldest first.
  std::vector<uint64_t> timed_out(int64_t now_ms) const;
  // The earliest deadline, or 0 when no waiter has one.
  int64_t next_deadline_ms() const;
  size_t size() const { return waiters_.size(); }
  // Waiters with a deadline (INFO clients_in_timeout_table).
  size_t with_timeout() const;

 private:
  static std::string slot(int db, std::string_view key);
  uint64_t next_id_ = 1;
  std::map<uint64_t, Waiter> waiters_;                          // by id = FIFO order
  std::unordered_map<std::string, std::vector<uint64_t>> by_key_;  // slot -> ids, oldest first
  std::vector<std::pair<int, std::string>> ready_;
  std::set<std::string> ready_set_;
};

}  // namespace kevy
