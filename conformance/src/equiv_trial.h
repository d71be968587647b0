// One trial of rdb-equiv / aof-equiv (equiv.h): a sequence run on a fresh kevy-server and a
// fresh redis-server, replies compared, both swept and persisted, four servers started on the
// files, and every check of equiv.h made. The driver (equiv.cc) runs trials, shrinks and
// reports.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "corpus.h"
#include "equiv.h"
#include "equiv_gen.h"
#include "equiv_server.h"
#include "props.h"

namespace kevy::conformance::equiv {

struct Binaries {
  std::string kevy;
  std::string redis;
  std::string check;  // redis-check-rdb or redis-check-aof
};

// One failed check of a trial.
struct Check {
  std::string name;    // io, reply, save, persist, redis-check-rdb/-aof, load, state, digest,
                       // expiry, encoding (the order of rank())
  std::string where;   // which servers ("kevy vs redis", "redis<-kevy vs kevy")
  std::string detail;  // what differs, for people
  std::string signature() const { return name + " | " + where; }
};

// The order in which checks are reported (the first one is what shrinking preserves).
inline int rank(const std::string& name) {
  static const char* order[] = {
      "io",   "reply", "save",   "persist", "redis-check-rdb", "redis-check-aof",
      "load", "state", "digest", "expiry",  "encoding"};
  for (int i = 0; i < 11; ++i) {
    if (name == order[i]) return i;
  }
  return 11;
}

struct Trial {
  std::vector<Check> failures;
  CorpusCase replay_case;
  long commands = 0;
  long keys = 0;
  std::string kept_dir;  // the sequence's directory when it was kept
  // Where the time went (start, steps, sweep, persist, load, compare, stop), in seconds.
  double phase[7] = {0, 0, 0, 0, 0, 0, 0};
  std::map<std::string, long> encodings;  // OBJECT ENCODING of the live redis's keys
  bool incr_identical = false;            // aof-equiv: kevy's *.incr.aof == redis's, bytewise
  long expires = 0;                       // keys with a TTL in the live redis
  // redis-server's own reload of its file changed the data (e.g. a -0 score in a small
  // skiplist zset, which loads as a listpack): the loaders were held to redis<-redis.
  bool redis_reload_changed = false;
  bool ok() const { return failures.empty(); }
  const Check* primary() const {
    const Check* best = nullptr;
    for (const Check& c : failures) {
      if (best == nullptr || rank(c.name) < rank(best->name)) best = &c;
    }
    return best;
  }
};

// "rdb-equiv" or "aof-equiv".
const char* mode_name(Persistence m);

class Runner {
 public:
  Runner(const Options& o, const Binaries& b, const props::Tips& tips)
      : o_(o), bin_(b), tips_(tips) {}

  // Runs one sequence. False with *error only when the harness cannot go on (no temp dir, no
  // fork, a live server that does not start empty); differences are in trial->failures.
  bool trial(const Sequence& seq, const std::string& case_id, bool keep_on_failure, Trial* t,
             std::string* error);

 private:
  std::vector<std::string> live_args(const Sequence& seq) const {
    if (o_.mode == Persistence::kRdb) return {"--save", "", "--appendonly", "no"};
    return {"--save",
            "",
            "--appendonly",
            "yes",
            "--aof-use-rdb-preamble",
            seq.rdb_preamble ? "yes" : "no"};
  }
  void fail(Trial* t, std::string name, std::string where, std::string detail) {
    t->failures.push_back(Check{std::move(name), std::move(where), std::move(detail)});
  }
  bool run_steps(const Sequence& seq, ServerProcess& k, ServerProcess& r, Trial* t);
  bool sweep(ServerProcess& k, ServerProcess& r, Trial* t);
  // Returns the number of keys b holds.
  long compare(ServerProcess& a, ServerProcess& b, Trial* t);

  const Options& o_;
  const Binaries& bin_;
  const props::Tips& tips_;  // how replies are compared (SPOP's order is a hashtable's)
};

}  // namespace kevy::conformance::equiv
