// `kevy-conform evict`: eviction under maxmemory, kevy-server against redis-server 7.0.15.
//
//   kevy-conform evict [--policy P[,P...]] [--workload W[,W...]] [--cases P/W[,P/W...]]
//                      [--maxmemory M|N%] [--all]
//                      [--keys N] [--ops N] [--seed S] [--samples N] [--value-size B]
//                      [--write-ratio R] [--ttl-share X] [--sample-every K]
//                      [--compare both|same-maxmemory|same-budget] [--max-gap PP]
//                      [--tolerance PCT] [--ttl-ratio R] [--rate OPS] [--budget-rounds N]
//                      [--lru-sleep-ms MS] [--lru-evict SHARE] [--fault delete]
//                      [--kevy-target kevy-server|redis-server|PATH] [--markdown FILE]
//
// For each policy x workload (or each --cases pair; evict_workload.h) fresh servers (no config
// file, --save '', --appendonly no) run the same seeded command stream (evict_side.h) after
// CONFIG SET maxmemory-samples, maxmemory-policy and maxmemory:
//   redis                    redis-server with maxmemory M
//   kevy (same maxmemory)    kevy-server with M too: its smaller objects may hold more keys
//   kevy (same key budget)   kevy-server with the maxmemory at which it holds as many keys as
//                            redis does at M (from the calibration below, then re-run up to
//                            --budget-rounds times, default 2, with the maxmemory moved until
//                            the keys resident at the end match within 0.2%)
// Every side is paced (--rate, default 10000 operations per second, starting on a whole second
// of the wall clock): LRU idle times count whole seconds, so the sides must see the seconds
// change at the same operations for their LRU choices to be comparable (an unpaced side that
// runs twice as long sees twice as many ticks and evicts better). --rate 0 runs unpaced.
//
// The key budget comes from a calibration: both servers do the fill without a limit, reading
// used_memory after every SET; redis's curve says how many keys fit in M, kevy's what that
// many keys cost it. M is bytes (with Redis's units: 2mb, 500kb) or N% = the empty server's
// used_memory plus N% of what the whole fill added (per server, so it is a key share).
//
// Reported side by side: resident keys over time (DBSIZE), INFO evicted_keys, the hit ratio of
// the read phase, writes refused with OOM, the highest used_memory after an accepted write
// against maxmemory, the policy invariants (evict_checks.h). lru-approx is the LRU approximation
// test (evict_side.h): the share of evicted keys from the untouched old half, kevy against redis
// (--lru-evict: the share of the data's bytes to evict, default a quarter as in the issue; 0.45
// shows the approximation's limits).
// --fault delete deletes a key without TTL on kevy's sides after the read phase: a volatile-*
// or noeviction run must then fail (the gate's own test). --kevy-target redis-server runs the
// harness with redis-server on both sides (the noise floor of every number).
//
// Exit codes: 0 all invariants hold and every same-key-budget hit ratio is within --max-gap
// percentage points (default 2) of redis's, and kevy's lru-approx share is at least redis's
// minus --max-gap points; 1 otherwise; 2 usage or a server failure; 77 redis-server 7.0.15 or
// kevy-server is not installed.
#pragma once

#include <string>
#include <vector>

namespace kevy::conformance {
int evict_mode(const std::vector<std::string>& args);
}  // namespace kevy::conformance
