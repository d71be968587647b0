// MULTI / EXEC / DISCARD / WATCH / UNWATCH through Store::execute, and the embedded
// kevy::Transaction: every expected byte string below is what redis-server 7.0.15 replied to
// the same commands (RESP2 unless the session said HELLO 3), recorded with a raw socket.
#include "clients/transaction.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "kevy/store.h"
#include "kevy/transaction.h"
#include "persist/rdb_file.h"
#include "test_support/temp_dir.h"

namespace kevy {
namespace {

constexpr int64_t kStartMs = 1700000000000;

class TransactionTest : public ::testing::Test {
 protected:
  void SetUp() override { store_ = open(Options{}); }

  Store open(Options opts) {
    opts.with_clock(clock_);
    auto s = Store::open(std::move(opts));
    EXPECT_TRUE(s.ok()) << s.status().message();
    return std::move(s.value());
  }

  // The RESP bytes of argv run as the client `s`.
  std::string run(Session& s, std::initializer_list<std::string_view> argv) {
    return store_->execute_resp(std::span(argv.begin(), argv.size()), s);
  }
  std::string a(std::initializer_list<std::string_view> argv) { return run(a_, argv); }
  std::string b(std::initializer_list<std::string_view> argv) { return run(b_, argv); }
  // INFO section `name` with its header and the "\r\n" line ends.
  std::string info(std::string_view name) {
    return store_->execute({"INFO", name}).str();
  }

  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(kStartMs);
  std::optional<Store> store_;
  Session a_ = session(1);
  Session b_ = session(2);

  static Session session(int64_t id) {
    Session s;
    s.client_id = id;
    return s;
  }
};

const std::string kOk = "+OK\r\n";
const std::string kQueued = "+QUEUED\r\n";
const std::string kExecAbort = "-EXECABORT Transaction discarded because of previous errors.\r\n";

TEST_F(TransactionTest, QueuesAndRunsWithRuntimeErrorsKeptPerCommand) {
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "k", "1"}), kQueued);
  EXPECT_EQ(a({"incr", "k"}), kQueued);
  EXPECT_EQ(a({"lpush", "k", "a"}), kQueued);
  EXPECT_EQ(a({"incr", "k"}), kQueued);
  // Nothing ran yet.
  EXPECT_EQ(b({"get", "k"}), "$-1\r\n");
  EXPECT_EQ(a({"exec"}),
            "*4\r\n+OK\r\n:2\r\n-WRONGTYPE Operation against a key holding the wrong kind of "
            "value\r\n:3\r\n");
  EXPECT_EQ(a({"exec"}), "-ERR EXEC without MULTI\r\n");
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"exec"}), "*0\r\n");
}

TEST_F(TransactionTest, QueueTimeErrorsAbortTheExec) {
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "k", "v"}), kQueued);
  EXPECT_EQ(a({"foo", "bar"}), "-ERR unknown command 'foo', with args beginning with: 'bar' \r\n");
  EXPECT_EQ(a({"get"}), "-ERR wrong number of arguments for 'get' command\r\n");
  EXPECT_EQ(a({"exec"}), kExecAbort);
  EXPECT_EQ(b({"exists", "k"}), ":0\r\n");
  EXPECT_EQ(a({"exec"}), "-ERR EXEC without MULTI\r\n");

  // An unknown subcommand flags it too.
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"config", "get", "foo", "bar", "baz"}), kQueued);
  EXPECT_EQ(a({"config", "foo"}), "-ERR unknown subcommand 'foo'. Try CONFIG HELP.\r\n");
  EXPECT_EQ(a({"exec"}), kExecAbort);

  // Wrong arity of MULTI or UNWATCH inside MULTI flags it.
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"multi", "foo"}), "-ERR wrong number of arguments for 'multi' command\r\n");
  EXPECT_EQ(a({"exec"}), kExecAbort);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"unwatch", "foo"}), "-ERR wrong number of arguments for 'unwatch' command\r\n");
  EXPECT_EQ(a({"exec"}), kExecAbort);
}

TEST_F(TransactionTest, NestedMultiAndWatchInsideMultiDoNotAbort) {
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"multi"}), "-ERR MULTI calls can not be nested\r\n");
  EXPECT_EQ(a({"watch", "x"}), "-ERR WATCH inside MULTI is not allowed\r\n");
  EXPECT_EQ(a({"ping"}), kQueued);
  EXPECT_EQ(a({"exec"}), "*1\r\n+PONG\r\n");
}

TEST_F(TransactionTest, ExecAndDiscardWithoutMulti) {
  EXPECT_EQ(a({"exec"}), "-ERR EXEC without MULTI\r\n");
  EXPECT_EQ(a({"discard"}), "-ERR DISCARD without MULTI\r\n");
  EXPECT_EQ(a({"discard", "foo"}), "-ERR wrong number of arguments for 'discard' command\r\n");
  EXPECT_EQ(a({"watch"}), "-ERR wrong number of arguments for 'watch' command\r\n");
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "k", "v"}), kQueued);
  EXPECT_EQ(a({"discard"}), kOk);
  EXPECT_EQ(a({"exists", "k"}), ":0\r\n");
  EXPECT_EQ(a({"discard"}), "-ERR DISCARD without MULTI\r\n");
}

// EXEC with a wrong argument count is refused as Redis refuses EXEC itself: EXECABORT with
// the reason, and the transaction is gone.
TEST_F(TransactionTest, ExecRefusedItselfAbortsWithTheReason) {
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "k", "v"}), kQueued);
  EXPECT_EQ(a({"exec", "foo"}),
            "-EXECABORT Transaction discarded because of: wrong number of arguments for 'exec' "
            "command\r\n");
  EXPECT_EQ(a({"exec"}), "-ERR EXEC without MULTI\r\n");
  EXPECT_EQ(a({"exists", "k"}), ":0\r\n");
}

TEST_F(TransactionTest, NoMultiCommandsAreRefusedAndAbort) {
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"save"}), "-ERR Command not allowed inside a transaction\r\n");
  EXPECT_EQ(a({"exec"}), kExecAbort);
}

TEST_F(TransactionTest, WatchedKeyTouchedGivesNullArrayInBothProtocols) {
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"set", "k", "2"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "x", "1"}), kQueued);
  EXPECT_EQ(a({"exec"}), "*-1\r\n");
  EXPECT_EQ(a({"exists", "x"}), ":0\r\n");
  // EXEC unwatched: the same transaction now runs.
  EXPECT_EQ(b({"set", "k", "3"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"exec"}), "*0\r\n");

  ASSERT_EQ(a({"hello", "3"}).substr(0, 3), "%7\r");
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"set", "k", "1"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"ping"}), kQueued);
  EXPECT_EQ(a({"exec"}), "_\r\n");
}

TEST_F(TransactionTest, ExecAbortWinsOverTouchedKey) {
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"set", "k", "2"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"nosuch"}), "-ERR unknown command 'nosuch', with args beginning with: \r\n");
  EXPECT_EQ(a({"exec"}), kExecAbort);
}

TEST_F(TransactionTest, UnwatchAndDiscardForgetTheKeys) {
  EXPECT_EQ(a({"set", "k", "1"}), kOk);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"set", "k", "2"}), kOk);
  // UNWATCH also clears the touched state.
  EXPECT_EQ(a({"unwatch"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"exec"}), "*0\r\n");

  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"discard"}), kOk);
  EXPECT_EQ(b({"set", "k", "3"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"exec"}), "*0\r\n");

  // UNWATCH inside MULTI is queued, like any command.
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"unwatch"}), kQueued);
  EXPECT_EQ(a({"exec"}), "*1\r\n+OK\r\n");
}

// SELECT inside MULTI is queued and takes effect in EXEC (and after it); WATCH is per db.
TEST_F(TransactionTest, SelectInsideMultiAndWatchPerDb) {
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"select", "2"}), kQueued);
  EXPECT_EQ(a({"set", "d", "1"}), kQueued);
  EXPECT_EQ(a({"incr", "d"}), kQueued);
  EXPECT_EQ(a({"exec"}), "*3\r\n+OK\r\n+OK\r\n:2\r\n");
  EXPECT_EQ(a_.db, 2);
  EXPECT_EQ(b({"get", "d"}), "$-1\r\n");
  EXPECT_EQ(b({"select", "2"}), kOk);
  EXPECT_EQ(b({"get", "d"}), "$1\r\n2\r\n");

  // a watches s4 in db 2; b writes s4 in db 0: no effect. Then in db 2: touched.
  EXPECT_EQ(a({"watch", "s1", "s2", "s3", "s4"}), kOk);
  EXPECT_EQ(b({"select", "0"}), kOk);
  EXPECT_EQ(b({"set", "s4", "1"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"exec"}), "*0\r\n");
  EXPECT_EQ(a({"watch", "s1", "s2", "s3", "s4"}), kOk);
  EXPECT_EQ(b({"select", "2"}), kOk);
  EXPECT_EQ(b({"set", "s4", "1"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"exec"}), "*-1\r\n");
}

// Blocking commands inside MULTI do not block: each replies what it replies on timeout, a null
// array, except BRPOPLPUSH and BLMOVE (a null bulk); in RESP3 all are nulls.
TEST_F(TransactionTest, BlockingCommandsInsideMultiDoNotBlock) {
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"blpop", "l", "0"}), kQueued);
  EXPECT_EQ(a({"brpoplpush", "l", "m", "0"}), kQueued);
  EXPECT_EQ(a({"blmove", "l", "m", "left", "right", "0"}), kQueued);
  EXPECT_EQ(a({"bzpopmin", "z", "0"}), kQueued);
  EXPECT_EQ(a({"blmpop", "0", "1", "l", "left"}), kQueued);
  EXPECT_EQ(a({"exec"}), "*5\r\n*-1\r\n$-1\r\n$-1\r\n*-1\r\n*-1\r\n");
  // Nothing was left blocked: the next command runs normally.
  EXPECT_EQ(a({"ping"}), "+PONG\r\n");

  ASSERT_EQ(a({"hello", "3"}).substr(0, 3), "%7\r");
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"blpop", "l", "0"}), kQueued);
  EXPECT_EQ(a({"brpoplpush", "l", "m", "0"}), kQueued);
  EXPECT_EQ(a({"bzmpop", "0", "1", "z", "min"}), kQueued);
  EXPECT_EQ(a({"brpop", "l", "1"}), kQueued);
  EXPECT_EQ(a({"exec"}), "*4\r\n_\r\n_\r\n_\r\n_\r\n");
}

// A push inside MULTI/EXEC serves a client blocked on the key once the EXEC is over.
TEST_F(TransactionTest, PushInsideExecWakesABlockedPopper) {
  Session c = session(3);
  std::string popped;
  std::thread popper([&] { popped = run(c, {"blpop", "q", "0"}); });
  // Wait until the popper is blocked (CLIENT LIST of the store shows it through INFO clients).
  for (int i = 0; i < 2000 && info("clients").find("blocked_clients:1") == std::string::npos;
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"rpush", "q", "x", "y"}), kQueued);
  EXPECT_EQ(a({"exec"}), "*1\r\n:2\r\n");
  popper.join();
  EXPECT_EQ(popped, "*2\r\n$1\r\nq\r\n$1\r\nx\r\n");
  EXPECT_EQ(a({"lrange", "q", "0", "-1"}), "*1\r\n$1\r\ny\r\n");
}

// Over maxmemory: in MULTI every command but EXEC DISCARD QUIT RESET is refused with OOM (and
// flags the transaction); EXEC is refused when a queued command is denyoom, replying the
// EXECABORT with the reason and dropping the transaction.
TEST_F(TransactionTest, OutOfMemoryInsideMulti) {
  EXPECT_EQ(a({"set", "k", "v"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "k", "v"}), kQueued);
  EXPECT_EQ(b({"config", "set", "maxmemory", "1"}), kOk);
  const std::string oom = "-OOM command not allowed when used memory > 'maxmemory'.\r\n";
  EXPECT_EQ(a({"get", "k"}), oom);
  EXPECT_EQ(a({"exec"}),
            "-EXECABORT Transaction discarded because of: OOM command not allowed when used "
            "memory > 'maxmemory'.\r\n");
  EXPECT_EQ(a({"exec"}), "-ERR EXEC without MULTI\r\n");
  // Only reads queued before going over: EXEC is not denyoom, but the GET queued now is refused.
  EXPECT_EQ(b({"config", "set", "maxmemory", "0"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"get", "k"}), kQueued);
  EXPECT_EQ(b({"config", "set", "maxmemory", "1"}), kOk);
  EXPECT_EQ(a({"exec"}), "*1\r\n$1\r\nv\r\n");
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"get", "k"}), oom);
  EXPECT_EQ(a({"multi"}), oom);  // even the nested-MULTI and WATCH errors become OOM
  EXPECT_EQ(a({"watch", "k"}), oom);
  EXPECT_EQ(a({"save"}), "-ERR Command not allowed inside a transaction\r\n");  // checked first
  EXPECT_EQ(a({"discard"}), kOk);
  EXPECT_EQ(b({"config", "set", "maxmemory", "0"}), kOk);
}

// INFO commandstats / errorstats as redis-server counts a transaction: MULTI and EXEC are
// calls, queued commands are counted when EXEC runs them (not when queued), an EXECABORT is a
// failed EXEC call, an EXEC refused for OOM a rejected one.
TEST_F(TransactionTest, CommandStatsCountExecAndTheQueuedCommands) {
  EXPECT_EQ(a({"config", "resetstat"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "k", "v"}), kQueued);
  EXPECT_EQ(a({"get", "k"}), kQueued);
  EXPECT_EQ(a({"foo"}), "-ERR unknown command 'foo', with args beginning with: \r\n");
  EXPECT_EQ(a({"exec"}), kExecAbort);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "k", "v"}), kQueued);
  EXPECT_EQ(a({"get", "k"}), kQueued);
  EXPECT_EQ(a({"incr", "k"}), kQueued);
  EXPECT_EQ(a({"exec"}).substr(0, 4), "*3\r\n");
  const std::string stats = info("commandstats");
  auto line = [&](std::string_view cmd) {
    const std::string key = "cmdstat_" + std::string(cmd) + ":";
    const size_t at = stats.find(key);
    if (at == std::string::npos) return std::string();
    const std::string l = stats.substr(at, stats.find("\r\n", at) - at);
    // calls=...,usec=...,usec_per_call=...,rejected_calls=..,failed_calls=..: drop the times.
    return l.substr(0, l.find(",usec=")) + l.substr(l.find(",rejected_calls"));
  };
  EXPECT_EQ(line("multi"), "cmdstat_multi:calls=2,rejected_calls=0,failed_calls=0");
  EXPECT_EQ(line("exec"), "cmdstat_exec:calls=2,rejected_calls=0,failed_calls=1");
  EXPECT_EQ(line("set"), "cmdstat_set:calls=1,rejected_calls=0,failed_calls=0");
  EXPECT_EQ(line("get"), "cmdstat_get:calls=1,rejected_calls=0,failed_calls=0");
  EXPECT_EQ(line("incr"), "cmdstat_incr:calls=1,rejected_calls=0,failed_calls=1");
  const std::string errors = info("errorstats");
  EXPECT_NE(errors.find("errorstat_ERR:count=2\r\n"), std::string::npos) << errors;
  EXPECT_NE(errors.find("errorstat_EXECABORT:count=1\r\n"), std::string::npos) << errors;

  EXPECT_EQ(a({"config", "resetstat"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "k", "v"}), kQueued);
  EXPECT_EQ(b({"config", "set", "maxmemory", "1"}), kOk);
  EXPECT_EQ(a({"exec"}).substr(0, 11), "-EXECABORT ");
  EXPECT_EQ(b({"config", "set", "maxmemory", "0"}), kOk);
  const std::string stats2 = info("commandstats");
  EXPECT_NE(stats2.find("cmdstat_exec:calls=0,usec=0,usec_per_call=0.00,rejected_calls=1,"
                        "failed_calls=0"),
            std::string::npos)
      << stats2;
  EXPECT_NE(info("errorstats").find("errorstat_EXECABORT:count=1\r\n"), std::string::npos);
}

// CLIENT INFO: multi= counts the queued commands (-1 outside MULTI), flags x (in MULTI) and d
// (a WATCHed key was touched: set at once, and further commands are no longer kept).
TEST_F(TransactionTest, ClientInfoShowsMultiAndDirtyFlags) {
  auto field = [&](std::string_view name) {
    const std::string r = run(a_, {"client", "info"});
    const std::string key = " " + std::string(name) + "=";
    const size_t at = r.find(key) + key.size();
    return r.substr(at, r.find(' ', at) - at);
  };
  EXPECT_EQ(field("multi"), "-1");
  EXPECT_EQ(field("flags"), "N");
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "k", "v"}), kQueued);
  EXPECT_EQ(a({"get", "k"}), kQueued);
  // CLIENT INFO would itself be queued here; ClientStateCountsAndFlagsWhileQueueing reads it
  // inside EXEC.
  EXPECT_EQ(transaction_queued_count(a_), 2u);
  EXPECT_EQ(a({"discard"}), kOk);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(b({"set", "k", "2"}), kOk);
  EXPECT_EQ(field("flags"), "d");
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "x", "1"}), kQueued);
  EXPECT_EQ(a({"exec"}), "*-1\r\n");
  EXPECT_EQ(field("flags"), "N");
}

TEST_F(TransactionTest, ClientStateCountsAndFlagsWhileQueueing) {
  // CLIENT INFO cannot run inside MULTI (it is queued): read the state directly.
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "k", "v"}), kQueued);
  EXPECT_EQ(transaction_queued_count(a_), 1u);
  EXPECT_EQ(a({"client", "info"}), kQueued);
  const std::string exec = a({"exec"});
  // CLIENT INFO ran inside EXEC, still in MULTI, with the queue being run.
  EXPECT_NE(exec.find("flags=x "), std::string::npos) << exec;
  EXPECT_NE(exec.find(" multi=2 "), std::string::npos) << exec;
  EXPECT_NE(exec.find(" cmd=exec "), std::string::npos) << exec;
  EXPECT_EQ(transaction_queued_count(a_), 0u);

  // Once the transaction is flagged (or a WATCHed key touched), commands reply +QUEUED but
  // are not kept (redis-server's CLIENT LIST then shows multi=0 / multi=1).
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"nosuch"}).substr(0, 4), "-ERR");
  EXPECT_EQ(a({"set", "x", "1"}), kQueued);
  EXPECT_EQ(transaction_queued_count(a_), 0u);
  EXPECT_EQ(a({"exec"}), kExecAbort);
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "x", "1"}), kQueued);
  EXPECT_EQ(b({"set", "k", "3"}), kOk);
  EXPECT_EQ(a({"set", "y", "1"}), kQueued);
  EXPECT_EQ(transaction_queued_count(a_), 1u);
  EXPECT_EQ(a({"exec"}), "*-1\r\n");
}

// RESET and the end of a session drop the transaction and the WATCHed keys.
TEST_F(TransactionTest, ResetAndEndSessionDropTheTransaction) {
  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "x", "1"}), kQueued);
  EXPECT_EQ(a({"reset"}), "+RESET\r\n");
  EXPECT_EQ(a({"exec"}), "-ERR EXEC without MULTI\r\n");
  EXPECT_EQ(b({"set", "k", "1"}), kOk);  // no longer watched
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"exec"}), "*0\r\n");

  EXPECT_EQ(a({"watch", "k"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  store_->end_session(a_);
  EXPECT_EQ(a({"exec"}), "-ERR EXEC without MULTI\r\n");
}

// ---- the embedded Transaction

TEST_F(TransactionTest, EmbeddedTransactionRunsQueuedCommands) {
  Transaction tx(*store_, a_);
  EXPECT_EQ(tx.queue({"SET", "k", "1"}).to_resp(2), kQueued);
  EXPECT_TRUE(tx.begun());
  EXPECT_EQ(tx.queue({"INCR", "k"}).to_resp(2), kQueued);
  EXPECT_EQ(tx.queue({"LPUSH", "k", "x"}).to_resp(2), kQueued);
  EXPECT_EQ(tx.exec().to_resp(2),
            "*3\r\n+OK\r\n:2\r\n-WRONGTYPE Operation against a key holding the wrong kind of "
            "value\r\n");
  EXPECT_FALSE(tx.begun());
  EXPECT_EQ(store_->get("k"), "2");
  // Reusable, and EXEC of nothing is an empty array.
  EXPECT_EQ(tx.exec().to_resp(2), "*0\r\n");
}

TEST_F(TransactionTest, EmbeddedTransactionWatchSeesTypedWrites) {
  ASSERT_TRUE(store_->set("balance", "100").ok());
  Transaction tx(*store_, a_);
  EXPECT_EQ(tx.watch({"balance"}).to_resp(2), kOk);
  EXPECT_EQ(tx.queue({"SET", "balance", "90"}).to_resp(2), kQueued);
  EXPECT_EQ(tx.watch({"other"}).to_resp(2), "-ERR WATCH inside MULTI is not allowed\r\n");
  ASSERT_TRUE(store_->set("balance", "50").ok());  // the typed API touches it too
  EXPECT_EQ(tx.exec().to_resp(2), "*-1\r\n");
  EXPECT_EQ(store_->get("balance"), "50");

  EXPECT_EQ(tx.watch({"balance"}).to_resp(2), kOk);
  EXPECT_EQ(tx.queue({"DECRBY", "balance", "10"}).to_resp(2), kQueued);
  EXPECT_EQ(tx.exec().to_resp(2), "*1\r\n:40\r\n");
}

TEST_F(TransactionTest, EmbeddedTransactionAbortsAndDiscards) {
  {
    Transaction tx(*store_, a_);
    EXPECT_EQ(tx.queue({"SET", "k", "1"}).to_resp(2), kQueued);
    EXPECT_EQ(tx.queue({"GET"}).to_resp(2),
              "-ERR wrong number of arguments for 'get' command\r\n");
    EXPECT_EQ(tx.exec().to_resp(2), kExecAbort);
  }
  {
    Transaction tx(*store_, a_);
    EXPECT_EQ(tx.queue({"SET", "k", "1"}).to_resp(2), kQueued);
    EXPECT_EQ(tx.discard().to_resp(2), kOk);
    EXPECT_FALSE(tx.begun());
  }
  {
    Transaction tx(*store_, a_);
    EXPECT_EQ(tx.watch({"k"}).to_resp(2), kOk);
    EXPECT_EQ(tx.queue({"SET", "k", "1"}).to_resp(2), kQueued);
  }  // destroyed before exec: discarded
  EXPECT_EQ(store_->exists("k"), 0);
  EXPECT_EQ(a({"exec"}), "-ERR EXEC without MULTI\r\n");
  EXPECT_EQ(b({"set", "k", "2"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);  // no key is watched any more
  EXPECT_EQ(a({"exec"}), "*0\r\n");
}

// ---- propagation: what redis-server 7.0.15 appended to its AOF for the same transactions:
// one write alone (no MULTI/EXEC), several wrapped in MULTI ... EXEC (the SELECT of the first
// op's db before MULTI), a read-only transaction nothing, a failed command left out.

std::string slurp(const std::string& path) {
  std::string out;
  Status s = rdb::read_file(path, &out);
  EXPECT_TRUE(s.is_ok()) << s.message();
  return out;
}

TEST_F(TransactionTest, ExecPropagatesAsOneUnit) {
  TempDir dir;
  store_.reset();
  store_ = open(Options{}.with_persist(dir.path()));
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "a", "1"}), kQueued);
  EXPECT_EQ(a({"exec"}), "*1\r\n+OK\r\n");
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"set", "b", "1"}), kQueued);
  EXPECT_EQ(a({"set", "c", "1"}), kQueued);
  EXPECT_EQ(a({"exec"}), "*2\r\n+OK\r\n+OK\r\n");
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"get", "a"}), kQueued);
  EXPECT_EQ(a({"exec"}), "*1\r\n$1\r\n1\r\n");
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"select", "2"}), kQueued);
  EXPECT_EQ(a({"set", "d", "1"}), kQueued);
  EXPECT_EQ(a({"incr", "d"}), kQueued);
  EXPECT_EQ(a({"exec"}), "*3\r\n+OK\r\n+OK\r\n:2\r\n");
  EXPECT_EQ(a({"set", "e", "1"}), kOk);
  EXPECT_EQ(a({"multi"}), kOk);
  EXPECT_EQ(a({"incr", "e"}), kQueued);
  EXPECT_EQ(a({"lpush", "e", "1"}), kQueued);
  EXPECT_EQ(a({"exec"}).substr(0, 9), "*2\r\n:2\r\n-");
  EXPECT_EQ(slurp(dir.file("appendonlydir/appendonly.aof.1.incr.aof")),
            "*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n"
            "*3\r\n$3\r\nset\r\n$1\r\na\r\n$1\r\n1\r\n"
            "*1\r\n$5\r\nMULTI\r\n"
            "*3\r\n$3\r\nset\r\n$1\r\nb\r\n$1\r\n1\r\n"
            "*3\r\n$3\r\nset\r\n$1\r\nc\r\n$1\r\n1\r\n"
            "*1\r\n$4\r\nEXEC\r\n"
            "*2\r\n$6\r\nSELECT\r\n$1\r\n2\r\n"
            "*1\r\n$5\r\nMULTI\r\n"
            "*3\r\n$3\r\nset\r\n$1\r\nd\r\n$1\r\n1\r\n"
            "*2\r\n$4\r\nincr\r\n$1\r\nd\r\n"
            "*1\r\n$4\r\nEXEC\r\n"
            "*3\r\n$3\r\nset\r\n$1\r\ne\r\n$1\r\n1\r\n"
            "*2\r\n$4\r\nincr\r\n$1\r\ne\r\n");
}

}  // namespace
}  // namespace kevy
