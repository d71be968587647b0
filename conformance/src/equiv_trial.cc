// Runner::trial and its helpers (equiv_trial.h).
#include "equiv_trial.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>
#include <tuple>

#include "compare.h"
#include "replay.h"
#include "resp_value.h"
#include "state_diff.h"

namespace kevy::conformance::equiv {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr int kDatabases = 16;
constexpr int kStartTimeoutMs = 15000;

std::string tail_lines(const std::string& s, size_t max = 1200) {
  return s.size() > max ? "..." + s.substr(s.size() - max) : s;
}

// One command on one server; false with *error (which names the server) on an I/O error.
bool call(ServerProcess& s, const std::vector<std::string>& argv, std::string* reply,
          std::string* error) {
  if (s.client().run(argv, reply, error)) return true;
  *error = s.label() + ": " + format_command(argv) + ": " + *error + "; log:\n" + s.log_tail(800);
  return false;
}

// The keys of the selected db, by a full SCAN (which also deletes the expired ones).
bool scan_keys(ServerProcess& s, std::vector<std::string>* keys, std::string* reply,
               std::string* error) {
  CorpusStep scan;
  scan.kind = CorpusStep::Kind::kScan;
  if (!run_step(s.client(), scan, reply, error)) {
    *error = s.label() + ": SCAN: " + *error;
    return false;
  }
  cli::RespValue v;
  size_t used = 0;
  if (cli::parse_resp(*reply, &v, &used) != cli::ParseStatus::kOk || v.type != '*') {
    *error = s.label() + ": not a SCAN result: " + quote_bytes(*reply);
    return false;
  }
  keys->clear();
  for (cli::RespValue& k : v.elems) keys->push_back(std::move(k.str));
  return true;
}

// True when a server has its AOF settled: no rewrite running or scheduled, and nothing left
// in its AOF buffer (aof_buffer_length of INFO persistence). redis-server under appendfsync
// everysec postpones the write of its buffer while a background fsync runs (up to 2 s), so
// a reply does not mean the command is in the file yet.
bool aof_settled(ServerProcess& s, bool* settled, std::string* error) {
  std::string reply;
  if (!call(s, {"INFO", "persistence"}, &reply, error)) return false;
  *settled = reply.find("aof_rewrite_in_progress:1") == std::string::npos &&
             reply.find("aof_rewrite_scheduled:1") == std::string::npos &&
             (reply.find("aof_buffer_length:") == std::string::npos ||
              reply.find("aof_buffer_length:0\r\n") != std::string::npos);
  return true;
}

bool wait_aof_settled(ServerProcess& s, std::string* error) {
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  for (;;) {
    bool settled = false;
    if (!aof_settled(s, &settled, error)) return false;
    if (settled) return true;
    if (Clock::now() > deadline) {
      *error = s.label() + ": AOF rewrite or buffered writes still pending after 20 s";
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

// Per-key facts that neither state_diff (PTTL within a tolerance) nor DEBUG DIGEST (which
// only mixes in *whether* a key has a TTL) compare: the exact expiry time (PEXPIRETIME) and,
// with `encoding`, OBJECT ENCODING. For every key a holds in every db; keys only one of them
// has are left to state_diff. Differences go to *expiry and *encoding; `seen` (when not null)
// counts a's encodings.
bool meta_diff(ServerProcess& a, ServerProcess& b, bool encoding, std::vector<std::string>* expiry,
               std::vector<std::string>* encodings, std::map<std::string, long>* seen,
               std::string* error) {
  std::string reply, ra, rb;
  std::vector<std::string> keys;
  auto note = [&](std::vector<std::string>* out, int db, const std::string& k) {
    out->push_back("db " + std::to_string(db) + " key " + quote_bytes(k) + ": " + a.label() + " " +
                   quote_bytes(ra) + ", " + b.label() + " " + quote_bytes(rb));
  };
  for (int db = 0; db < kDatabases; ++db) {
    const std::vector<std::string> select = {"SELECT", std::to_string(db)};
    if (!call(a, select, &reply, error) || !call(b, select, &reply, error)) return false;
    if (!scan_keys(a, &keys, &reply, error)) return false;
    for (const std::string& k : keys) {
      if (!call(a, {"PEXPIRETIME", k}, &ra, error) || !call(b, {"PEXPIRETIME", k}, &rb, error)) {
        return false;
      }
      if (rb == ":-2\r\n") continue;  // b lacks the key: state_diff reports it
      if (ra != rb) note(expiry, db, k);
      if (!encoding) continue;
      if (!call(a, {"OBJECT", "ENCODING", k}, &ra, error) ||
          !call(b, {"OBJECT", "ENCODING", k}, &rb, error)) {
        return false;
      }
      cli::RespValue v;
      size_t used = 0;
      if (seen != nullptr && cli::parse_resp(ra, &v, &used) == cli::ParseStatus::kOk)
        ++(*seen)[v.str];
      if (ra != rb) note(encodings, db, k);
    }
  }
  return call(a, {"SELECT", "0"}, &reply, error) && call(b, {"SELECT", "0"}, &reply, error);
}

// True when every *.incr.aof of redis's appendonlydir has a byte-identical file of the same
// name in kevy's (information for the summary, not a check: equal data is what is required).
bool same_incr_files(const std::string& kevy_dir, const std::string& redis_dir) {
  std::error_code ec;
  bool any = false;
  for (const fs::directory_entry& e : fs::directory_iterator(redis_dir, ec)) {
    const std::string name = e.path().filename().string();
    if (name.size() < 9 || name.compare(name.size() - 9, 9, ".incr.aof") != 0) continue;
    std::ifstream a(e.path(), std::ios::binary), b(kevy_dir + "/" + name, std::ios::binary);
    if (!b) return false;
    std::stringstream sa, sb;
    sa << a.rdbuf();
    sb << b.rdbuf();
    if (sa.str() != sb.str()) return false;
    any = true;
  }
  return any;
}

// describe() of state_diff.h, with long values cut to a window around their first
// difference (a 500-member zset would otherwise fill the report).
std::string describe_short(const StateDifference& d, const ServerProcess& a,
                           const ServerProcess& b) {
  constexpr size_t kMax = 240;
  if (d.kind != StateDifference::Kind::kValue || d.a.size() + d.b.size() <= 2 * kMax) {
    return describe(d, a.label().c_str(), b.label().c_str());
  }
  size_t same = 0;
  while (same < d.a.size() && same < d.b.size() && d.a[same] == d.b[same]) ++same;
  const size_t from = same > 60 ? same - 60 : 0;
  auto window = [&](const std::string& v) {
    return (from > 0 ? "..." : "") + v.substr(from, kMax) + (from + kMax < v.size() ? "..." : "");
  };
  return "db " + std::to_string(d.db) + " key " + quote_bytes(d.key) +
         ": value differs from escaped byte " + std::to_string(same) + " (of " +
         std::to_string(d.a.size()) + " / " + std::to_string(d.b.size()) + "): " + a.label() + " " +
         window(d.a) + "  " + b.label() + " " + window(d.b);
}

void add_command_step(CorpusCase* c, const std::vector<std::string>& argv,
                      const std::string& expected, Compare compare = Compare::kExact) {
  CorpusStep s;
  s.kind = CorpusStep::Kind::kCommand;
  s.argv = argv;
  s.has_expected = true;
  s.compare = compare;
  s.expected = expected;
  c->steps.push_back(std::move(s));
}

}  // namespace

const char* mode_name(Persistence m) { return m == Persistence::kRdb ? "rdb-equiv" : "aof-equiv"; }

bool Runner::run_steps(const Sequence& seq, ServerProcess& k, ServerProcess& r, Trial* t) {
  std::string rk, rr, error;
  for (size_t i = 0; i < seq.steps.size(); ++i) {
    const Step& st = seq.steps[i];
    if (st.is_sleep()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(st.sleep_ms));
      CorpusStep s;
      s.kind = CorpusStep::Kind::kSleep;
      s.sleep_ms = st.sleep_ms;
      t->replay_case.steps.push_back(s);
      continue;
    }
    if (!call(k, st.argv, &rk, &error)) {
      fail(t, "io", k.label(), "step " + std::to_string(i) + ": " + error);
      return false;
    }
    if (!call(r, st.argv, &rr, &error)) {
      fail(t, "io", r.label(), "step " + std::to_string(i) + ": " + error);
      return false;
    }
    ++t->commands;
    const Compare how = tips_.compare_for(st.argv);
    add_command_step(&t->replay_case, st.argv, rr, how);
    if (!replies_match(how, rr, rk)) {
      fail(t, "reply", "kevy vs redis",
           "step " + std::to_string(i) + ": " + format_command(st.argv) +
               "\n  redis: " + quote_bytes(rr) + "\n  kevy:  " + quote_bytes(rk));
      return false;
    }
  }
  return true;
}

// SELECT + full SCAN of every db on both (deleting expired keys on both, as Redis's SCAN
// does), recorded in the case as `SELECT n` / `@scan`; the key sets must be equal.
bool Runner::sweep(ServerProcess& k, ServerProcess& r, Trial* t) {
  std::string rk, rr, error;
  std::vector<std::string> keys;
  for (int db = 0; db < kDatabases; ++db) {
    const std::vector<std::string> select = {"SELECT", std::to_string(db)};
    if (!call(k, select, &rk, &error) || !call(r, select, &rr, &error)) {
      fail(t, "io", "sweep", error);
      return false;
    }
    add_command_step(&t->replay_case, select, rr);
    if (!scan_keys(k, &keys, &rk, &error) || !scan_keys(r, &keys, &rr, &error)) {
      fail(t, "io", "sweep", error);
      return false;
    }
    CorpusStep scan;
    scan.kind = CorpusStep::Kind::kScan;
    scan.has_expected = true;
    scan.compare = Compare::kScan;
    scan.expected = rr;
    t->replay_case.steps.push_back(scan);
    if (!replies_match(Compare::kScan, rr, rk)) {
      fail(t, "reply", "kevy vs redis",
           "keys of db " + std::to_string(db) + " after the sequence:\n  redis: " +
               quote_bytes(rr) + "\n  kevy:  " + quote_bytes(rk));
    }
  }
  if (!call(k, {"SELECT", "0"}, &rk, &error) || !call(r, {"SELECT", "0"}, &rr, &error)) {
    fail(t, "io", "sweep", error);
    return false;
  }
  add_command_step(&t->replay_case, {"SELECT", "0"}, rr);
  return true;
}

// state_diff of b against a (a is the reference).
long Runner::compare(ServerProcess& a, ServerProcess& b, Trial* t) {
  StateDiffOptions options;
  options.databases = kDatabases;
  options.max_differences = 5;
  StateDiffResult result;
  std::string error;
  const std::string where = b.label() + " vs " + a.label();
  if (!state_diff(a.client(), b.client(), options, &result, &error)) {
    fail(t, "io", where, error);
    return 0;
  }
  if (!result.same()) {
    std::string detail = std::to_string(result.total_differences) + " differences (" + a.label() +
                         " has " + std::to_string(result.keys_a) + " keys, " + b.label() + " has " +
                         std::to_string(result.keys_b) + ")";
    for (const StateDifference& d : result.differences) detail += "\n  " + describe_short(d, a, b);
    fail(t, "state", where, detail);
  }
  return static_cast<long>(result.keys_b);
}

bool Runner::trial(const Sequence& seq, const std::string& case_id, bool keep_on_failure, Trial* t,
                   std::string* error) {
  *t = Trial{};
  t->replay_case.id = case_id;
  t->replay_case.set_tag("family", "equiv");
  t->replay_case.set_tag("proto", "2");
  t->replay_case.set_tag("source", mode_name(o_.mode));

  TempDir root("kevy-equiv", error);
  if (root.path().empty()) return false;
  struct Keeper {
    TempDir& root;
    Trial* t;
    bool keep_on_failure;
    bool keep_always;
    ~Keeper() {
      if (keep_always || (keep_on_failure && !t->ok())) {
        root.keep();
        t->kept_dir = root.path();
      }
    }
  } keeper{root, t, keep_on_failure, o_.keep};

  const std::string kdir = root.path() + "/kevy", rdir = root.path() + "/redis";
  fs::create_directories(kdir);
  fs::create_directories(rdir);
  auto mark = [t, last = Clock::now()](int phase) mutable {
    const auto now = Clock::now();
    t->phase[phase] += std::chrono::duration<double>(now - last).count();
    last = now;
  };
  auto kevy = ServerProcess::spawn(bin_.kevy, kdir, live_args(seq), "kevy", false, error);
  if (!kevy) return false;
  auto redis = ServerProcess::spawn(bin_.redis, rdir, live_args(seq), "redis", true, error);
  if (!redis) return false;
  if (!wait_all_ready({kevy.get(), redis.get()}, kStartTimeoutMs, error)) return false;
  mark(0);

  // 1. The sequence, replies compared.
  if (!run_steps(seq, *kevy, *redis, t)) return true;
  mark(1);
  // 2. The sweep; then the deliberate faults of --fault.
  if (!sweep(*kevy, *redis, t)) return true;
  mark(2);
  std::string rk, rr;
  if (o_.fault == "key") {
    if (!call(*kevy, {"SET", "equiv:fault", "1"}, &rk, error)) return false;
  } else if (o_.fault == "ttl") {
    const std::vector<std::string> set = {"SET", "equiv:fault", "1", "PXAT", "4102444800000"};
    if (!call(*kevy, set, &rk, error) || !call(*redis, set, &rr, error)) return false;
    add_command_step(&t->replay_case, set, rr);
    if (!call(*kevy, {"PEXPIREAT", "equiv:fault", "4102444800001"}, &rk, error)) return false;
  }
  // 3. Live digests (the case ends with redis's; exact only when both must be equal).
  std::string dk, dr;
  if (!call(*kevy, {"DEBUG", "DIGEST"}, &dk, error) ||
      !call(*redis, {"DEBUG", "DIGEST"}, &dr, error)) {
    fail(t, "io", "live", *error);
    return true;
  }
  add_command_step(&t->replay_case, {"DEBUG", "DIGEST"}, dr,
                   seq.absolute_ttls ? Compare::kExact : Compare::kShape);

  // 4. Persist.
  std::string check_target;
  if (o_.mode == Persistence::kRdb) {
    if (!call(*kevy, {"SAVE"}, &rk, error) || !call(*redis, {"SAVE"}, &rr, error)) {
      fail(t, "io", "SAVE", *error);
      return true;
    }
    if (rk != "+OK\r\n" || rr != "+OK\r\n") {
      fail(t, "save", "kevy vs redis",
           "SAVE: kevy " + quote_bytes(rk) + ", redis " + quote_bytes(rr));
      return true;
    }
    check_target = kdir + "/dump.rdb";
  } else {
    if (!wait_aof_settled(*kevy, error) || !wait_aof_settled(*redis, error)) {
      fail(t, "persist", "AOF", *error);
      return true;
    }
    check_target = kdir + "/appendonlydir/appendonly.aof.manifest";
    if (!fs::exists(check_target)) {
      fail(t, "persist", "kevy", "kevy-server wrote no " + check_target);
      return true;
    }
    t->incr_identical = same_incr_files(kdir + "/appendonlydir", rdir + "/appendonlydir");
  }
  std::string out;
  const int rc = run_tool({bin_.check, check_target}, &out);
  if (rc != 0) {
    fail(t, o_.mode == Persistence::kRdb ? "redis-check-rdb" : "redis-check-aof", "kevy",
         "exit " + std::to_string(rc) + ":\n" + tail_lines(out));
  }

  mark(3);
  // 5. Four servers on copies of the files, started together.
  struct Loader {
    const char* label;
    bool kevy_binary;
    const std::string* source;
  };
  const Loader loaders[4] = {{"kevy<-kevy", true, &kdir},
                             {"redis<-kevy", false, &kdir},
                             {"kevy<-redis", true, &rdir},
                             {"redis<-redis", false, &rdir}};
  std::unique_ptr<ServerProcess> loaded[4];
  for (int i = 0; i < 4; ++i) {
    const std::string dir = root.path() + "/" + (loaders[i].kevy_binary ? "k" : "r") + "-from-" +
                            (loaders[i].source == &kdir ? "kevy" : "redis");
    fs::create_directories(dir);
    const std::string what = o_.mode == Persistence::kRdb ? "/dump.rdb" : "/appendonlydir";
    if (!copy_path(*loaders[i].source + what, dir + what, error)) return false;
    loaded[i] =
        ServerProcess::spawn(loaders[i].kevy_binary ? bin_.kevy : bin_.redis, dir, live_args(seq),
                             loaders[i].label, !loaders[i].kevy_binary, error);
    if (!loaded[i]) return false;
  }
  bool ready[4];
  for (int i = 0; i < 4; ++i) {
    std::string why;
    ready[i] = loaded[i]->wait_ready(kStartTimeoutMs, &why);
    if (!ready[i]) fail(t, "load", loaders[i].label, why);
  }

  mark(4);
  // 6. Digests: each loader equals the writer of its file; kevy equals redis when the
  //    sequence's expiry times are absolute.
  //    A reload may change data on redis-server itself, e.g. a small skiplist zset loads as a
  //    listpack, which stores a -0 score as 0. Redis's own reload is then the reference: when
  //    redis<-redis differs from redis, each file's kevy loader is held to redis-server's
  //    loader of the same file, and the two files must load the same data into redis-server.
  ServerProcess* writer[4] = {kevy.get(), kevy.get(), redis.get(), redis.get()};
  const std::string* writer_digest[4] = {&dk, &dk, &dr, &dr};
  std::string loaded_digest[4];
  for (int i = 0; i < 4; ++i) {
    if (!ready[i]) continue;
    std::string why;
    if (!call(*loaded[i], {"DEBUG", "DIGEST"}, &loaded_digest[i], &why)) {
      fail(t, "io", loaders[i].label, why);
      ready[i] = false;
    }
  }
  const bool redis_reload_changes = ready[3] && loaded_digest[3] != dr;
  // The reference of each loader: kWriter (its file's writer), or, when Redis's reload
  // changes data, the index of redis-server's loader of the same file; kNone for that loader
  // itself. redis<-kevy is then held to redis<-redis by state only (step 7): the two files
  // hold the same data, but their relative expiry times may differ by the time between saves.
  constexpr int kWriter = -1, kNone = -2;
  int reference[4] = {kWriter, kWriter, kWriter, kWriter};
  if (redis_reload_changes) {
    t->redis_reload_changed = true;
    reference[0] = 1;      // kevy<-kevy against redis<-kevy
    reference[1] = 3;      // redis<-kevy against redis<-redis (state)
    reference[2] = 3;      // kevy<-redis against redis<-redis
    reference[3] = kNone;  // the reference itself
  }
  auto reference_of = [&](int i) -> ServerProcess* {
    if (reference[i] == kWriter) return writer[i];
    if (reference[i] == kNone || !ready[reference[i]]) return nullptr;
    return loaded[reference[i]].get();
  };
  for (int i = 0; i < 4; ++i) {
    ServerProcess* ref = reference_of(i);
    if (!ready[i] || ref == nullptr || (i == 1 && redis_reload_changes)) continue;
    const std::string& ref_digest =
        reference[i] == kWriter ? *writer_digest[i] : loaded_digest[reference[i]];
    if (loaded_digest[i] != ref_digest) {
      fail(t, "digest", std::string(loaders[i].label) + " vs " + ref->label(),
           loaders[i].label + std::string(" ") + quote_bytes(loaded_digest[i]) + ", " +
               ref->label() + " " + quote_bytes(ref_digest));
    }
  }
  if (seq.absolute_ttls && dk != dr) {
    fail(t, "digest", "kevy vs redis", "kevy " + quote_bytes(dk) + ", redis " + quote_bytes(dr));
  }

  {
    std::string info, why;
    if (call(*redis, {"INFO", "keyspace"}, &info, &why)) {
      for (size_t p = info.find("expires="); p != std::string::npos;
           p = info.find("expires=", p + 1)) {
        t->expires += std::atol(info.c_str() + p + 8);
      }
    }
  }
  // 7. Keyspaces: the live pair, then each loader against its reference.
  t->keys = compare(*redis, *kevy, t);
  for (int i = 0; i < 4; ++i) {
    ServerProcess* ref = reference_of(i);
    if (ready[i] && ref != nullptr) compare(*ref, *loaded[i], t);
  }

  // 8. Exact expiry times and encodings: a loaded server has its file's expiry times to the
  //    millisecond; kevy and redis holding the same data have the same encodings (the live
  //    pair, and the two loaders of each file) and, when the sequence set absolute times
  //    only, the same expiry times.
  struct Meta {
    ServerProcess* a;
    ServerProcess* b;
    bool usable;
    bool expiry;
    bool encoding;
  };
  const Meta metas[7] = {
      {redis.get(), kevy.get(), true, seq.absolute_ttls, o_.encodings},
      {kevy.get(), loaded[0].get(), ready[0], true, false},
      {kevy.get(), loaded[1].get(), ready[1], true, false},
      {redis.get(), loaded[2].get(), ready[2], true, false},
      {redis.get(), loaded[3].get(), ready[3], true, false},
      {loaded[1].get(), loaded[0].get(), ready[1] && ready[0], true, o_.encodings},
      {loaded[3].get(), loaded[2].get(), ready[3] && ready[2], true, o_.encodings}};
  for (int i = 0; i < 7; ++i) {
    const Meta& m = metas[i];
    if (!m.usable) continue;
    std::vector<std::string> expiry, encodings;
    std::string why;
    if (!meta_diff(*m.a, *m.b, m.encoding, &expiry, &encodings, i == 0 ? &t->encodings : nullptr,
                   &why)) {
      fail(t, "io", m.b->label() + " vs " + m.a->label(), why);
      continue;
    }
    for (auto [name, list, on] : {std::tuple{"expiry", &expiry, m.expiry},
                                  std::tuple{"encoding", &encodings, m.encoding}}) {
      if (!on || list->empty()) continue;
      std::string detail = std::to_string(list->size()) + " keys";
      for (size_t j = 0; j < list->size() && j < 5; ++j) detail += "\n  " + (*list)[j];
      fail(t, name, m.b->label() + " vs " + m.a->label(), detail);
    }
  }
  // 9. aof-equiv: kevy-server stopped by SIGTERM (its own shutdown: exit 0) and started again
  //    on its own directory holds the same data.
  std::unique_ptr<ServerProcess> restarted;
  if (o_.mode == Persistence::kAof) {
    kevy->stop();
    if (kevy->ended() != "exit 0") {
      fail(t, "persist", "kevy shutdown",
           "kevy-server ended with " + kevy->ended() + " on SIGTERM; log:\n" + kevy->log_tail(800));
    }
    restarted =
        ServerProcess::spawn(bin_.kevy, kdir, live_args(seq), "kevy-restarted", false, error);
    if (!restarted) return false;
    std::string why, d;
    if (!restarted->wait_ready(kStartTimeoutMs, &why)) {
      fail(t, "load", restarted->label(), why);
    } else if (!call(*restarted, {"DEBUG", "DIGEST"}, &d, &why)) {
      fail(t, "io", restarted->label(), why);
    } else {
      if (d != dk) {
        fail(t, "digest", "kevy-restarted vs kevy",
             "kevy-restarted " + quote_bytes(d) + ", kevy " + quote_bytes(dk));
      }
      // Against redis: kevy itself is gone (exact expiry times were checked above through
      // kevy<-kevy, which loaded the same files).
      compare(*redis, *restarted, t);
    }
  }
  mark(5);
  std::vector<ServerProcess*> all = {kevy.get(), redis.get()};
  for (auto& l : loaded) all.push_back(l.get());
  if (restarted) all.push_back(restarted.get());
  stop_all(all);
  mark(6);
  return true;
}

}  // namespace kevy::conformance::equiv
