// memory_figures: the memory numbers INFO memory, MEMORY STATS and MEMORY DOCTOR report, read
// once from the Keyspace's running byte counts (Keyspace::memory_use(), O(number of dbs)), with
// the ratios derived as redis-server 7.0.15 derives them (in float, as Redis computes them),
// and the text of MEMORY DOCTOR.
//
// kevy has no allocator to ask: "allocated" is kevy's model of its own heap (core/heap.h), the
// allocator_* figures repeat it (so the allocator ratios are 1), and RSS is the whole process's
// as /proc reports it (the host process when kevy is embedded). These are kevy's numbers, not
// Redis's; only the names, the formulas and the order follow Redis.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/keyspace.h"

namespace kevy {

// The allocator name INFO's mem_allocator and MEMORY DOCTOR print: kevy's heap model is glibc
// malloc's (core/heap.h), and kevy answers as redis-server built with MALLOC=libc does.
inline constexpr const char* kMemAllocatorName = "libc";

// One database's table overhead, as MEMORY STATS prints it under "db.N" (non-empty dbs only).
struct DbOverhead {
  int db = 0;
  uint64_t main = 0;     // overhead.hashtable.main: the key table's slots
  uint64_t expires = 0;  // overhead.hashtable.expires: the expires table's slots and entries
};

struct MemoryFigures {
  uint64_t peak = 0;      // peak.allocated / used_memory_peak (never below `used`)
  uint64_t used = 0;      // total.allocated / used_memory
  uint64_t startup = 0;   // startup.allocated / used_memory_startup
  uint64_t overhead = 0;  // overhead.total / used_memory_overhead
  uint64_t dataset = 0;   // dataset.bytes / used_memory_dataset
  uint64_t keys = 0;      // keys.count: keys in all dbs
  uint64_t rss = 0;       // process resident set; `used` when /proc cannot tell
  uint64_t allocator_allocated = 0;
  uint64_t allocator_active = 0;
  uint64_t allocator_resident = 0;
  std::vector<DbOverhead> dbs;

  // What the data took beyond the empty instance; 1 when nothing (a divisor, as in Redis).
  uint64_t net() const { return used > startup ? used - startup : 1; }
  uint64_t bytes_per_key() const { return keys == 0 ? 0 : net() / keys; }
  float dataset_perc() const;    // dataset * 100 / net
  float peak_perc() const;       // used * 100 / peak
  float allocator_frag() const;  // active / allocated
  int64_t allocator_frag_bytes() const;
  float allocator_rss() const;  // resident / active
  int64_t allocator_rss_bytes() const;
  float rss_extra() const;  // rss / resident (rss-overhead.ratio)
  int64_t rss_extra_bytes() const;
  float frag() const;  // rss / used (fragmentation, mem_fragmentation_ratio)
  int64_t frag_bytes() const;
};

// The figures now. Notes `used` as a candidate peak (ServerStats::note_used_memory), as every
// report of used memory does.
MemoryFigures memory_figures(Keyspace& ks);

// MEMORY DOCTOR's text for these figures: Redis's report with its thresholds (under 5 MiB
// used: "empty"; peak over 150% of used; fragmentation over 1.4 and 10 MiB; allocator
// fragmentation, allocator RSS and process RSS overheads over 1.1 and 10 MiB). The replica,
// client-buffer and script checks never fire: kevy has none of those to account.
std::string memory_doctor_report(const MemoryFigures& m);

}  // namespace kevy
