// Transaction: MULTI / EXEC with optimistic locking (WATCH) for embedded callers, with exactly
// the semantics of the commands — every call goes through Store::execute on the Session, so
// queueing errors, EXECABORT, WATCH invalidation and the MULTI/EXEC propagation are the ones a
// network client gets.
//
//   kevy::Session s;
//   kevy::Transaction tx(store, s);
//   tx.watch({"balance"});
//   auto v = store.execute({"GET", "balance"}, s);        // read under WATCH
//   tx.queue({"SET", "balance", "90"});                  // MULTI is sent on the first queue()
//   kevy::Reply r = tx.exec();  // array of replies, or a null array when "balance" changed
//
// A Transaction that is destroyed (or discard()ed) before exec() drops the queued commands
// and the WATCHed keys. Thread-safety: as the Session it uses (one thread at a time).
#pragma once

#include <initializer_list>
#include <span>
#include <string_view>

#include "kevy/reply.h"
#include "kevy/store.h"

namespace kevy {

class Transaction {
 public:
  Transaction(Store& store, Session& session) : store_(store), session_(session) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  // WATCH keys (in the session's db). Only before the first queue(): inside MULTI, Redis
  // replies "ERR WATCH inside MULTI is not allowed".
  Reply watch(std::span<const std::string_view> keys);
  Reply watch(std::initializer_list<std::string_view> keys) {
    return watch(std::span(keys.begin(), keys.size()));
  }
  // UNWATCH.
  Reply unwatch();
  // Queues one command (MULTI first if not yet begun). Returns +QUEUED, or the error that
  // refused the command (unknown command, wrong arity, OOM, not allowed in MULTI): EXEC then
  // replies EXECABORT.
  Reply queue(std::span<const std::string_view> argv);
  Reply queue(std::initializer_list<std::string_view> argv) {
    return queue(std::span(argv.begin(), argv.size()));
  }
  // EXEC (MULTI first if nothing was queued): the array of the commands' replies, a null
  // array when a WATCHed key changed, or the EXECABORT error.
  Reply exec();
  // DISCARD when begun, else UNWATCH: the transaction and WATCHed keys are dropped. +OK.
  Reply discard();
  // True between the first queue() and exec()/discard().
  bool begun() const { return begun_; }

 private:
  Reply run(std::span<const std::string_view> argv) { return store_.execute(argv, session_); }
  Reply begin();

  Store& store_;
  Session& session_;
  bool begun_ = false;
};

}  // namespace kevy
