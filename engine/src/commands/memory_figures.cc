#include "commands/memory_figures.h"

#include <string_view>

#include "core/process_info.h"

namespace kevy {
namespace {

float ratio(uint64_t a, uint64_t b) { return static_cast<float>(a) / static_cast<float>(b); }

int64_t diff(uint64_t a, uint64_t b) { return static_cast<int64_t>(a) - static_cast<int64_t>(b); }

// MEMORY DOCTOR's texts, recorded from redis-server 7.0.15 (its replies, and the strings of the
// binary for the checks that are hard to trigger there). The high-RSS text names the allocator
// (kMemAllocatorName) after its last sentence.
constexpr std::string_view kDoctorEmpty =
    "Hi Sam, this instance is empty or is using very little memory, my issues detector can't be "
    "used in these conditions. Please, leave for your mission on Earth and fill it with some "
    "data. The new Sam and I will be back to our programming as soon as I finished rebooting.\n";
constexpr std::string_view kDoctorNoIssue =
    "Hi Sam, I can't find any memory issue in your instance. I can only account for what occurs "
    "on this base.\n";
constexpr std::string_view kDoctorHeader =
    "Sam, I detected a few issues in this Redis instance memory implants:\n\n";
constexpr std::string_view kDoctorPeak =
    " * Peak memory: In the past this instance used more than 150% the memory that is currently "
    "using. The allocator is normally not able to release memory after a peak, so you can expect "
    "to see a big fragmentation ratio, however this is actually harmless and is only due to the "
    "memory peak, and if the Redis instance Resident Set Size (RSS) is currently bigger than "
    "expected, the memory will be used as soon as you fill the Redis instance with more data. If "
    "the memory peak was only occasional and you want to try to reclaim memory, please try the "
    "MEMORY PURGE command, otherwise the only other option is to shutdown and restart the "
    "instance.\n\n";
constexpr std::string_view kDoctorHighFrag =
    " * High total RSS: This instance has a memory fragmentation and RSS overhead greater than "
    "1.4 (this means that the Resident Set Size of the Redis process is much larger than the sum "
    "of the logical allocations Redis performed). This problem is usually due either to a large "
    "peak memory (check if there is a peak memory entry above in the report) or may result from "
    "a workload that causes the allocator to fragment memory a lot. If the problem is a large "
    "peak memory, then there is no issue. Otherwise, make sure you are using the Jemalloc "
    "allocator and not the default libc malloc. Note: The currently used allocator is \"";
constexpr std::string_view kDoctorHighFragEnd = "\".\n\n";
constexpr std::string_view kDoctorAllocFrag =
    " * High allocator fragmentation: This instance has an allocator external fragmentation "
    "greater than 1.1. This problem is usually due either to a large peak memory (check if there "
    "is a peak memory entry above in the report) or may result from a workload that causes the "
    "allocator to fragment memory a lot. You can try enabling 'activedefrag' config option.\n\n";
constexpr std::string_view kDoctorAllocRss =
    " * High allocator RSS overhead: This instance has an RSS memory overhead is greater than 1.1 "
    "(this means that the Resident Set Size of the allocator is much larger than the sum what the "
    "allocator actually holds). This problem is usually due to a large peak memory (check if "
    "there is a peak memory entry above in the report), you can try the MEMORY PURGE command to "
    "reclaim it.\n\n";
constexpr std::string_view kDoctorProcRss =
    " * High process RSS overhead: This instance has non-allocator RSS memory overhead is greater "
    "than 1.1 (this means that the Resident Set Size of the Redis process is much larger than the "
    "RSS the allocator holds). This problem may be due to Lua scripts or Modules.\n\n";
constexpr std::string_view kDoctorFooter = "I'm here to keep you safe, Sam. I want to help you.\n";

constexpr uint64_t kMiB = 1024 * 1024;

}  // namespace

float MemoryFigures::dataset_perc() const { return static_cast<float>(dataset) * 100 / net(); }
float MemoryFigures::peak_perc() const {
  return peak == 0 ? 0 : static_cast<float>(used) * 100 / static_cast<float>(peak);
}
float MemoryFigures::allocator_frag() const { return ratio(allocator_active, allocator_allocated); }
int64_t MemoryFigures::allocator_frag_bytes() const {
  return diff(allocator_active, allocator_allocated);
}
float MemoryFigures::allocator_rss() const { return ratio(allocator_resident, allocator_active); }
int64_t MemoryFigures::allocator_rss_bytes() const {
  return diff(allocator_resident, allocator_active);
}
float MemoryFigures::rss_extra() const { return ratio(rss, allocator_resident); }
int64_t MemoryFigures::rss_extra_bytes() const { return diff(rss, allocator_resident); }
float MemoryFigures::frag() const { return ratio(rss, used); }
int64_t MemoryFigures::frag_bytes() const { return diff(rss, used); }

MemoryFigures memory_figures(Keyspace& ks) {
  const MemoryUse use = ks.memory_use();
  MemoryFigures m;
  m.used = use.used();
  m.startup = use.startup;
  m.overhead = use.overhead;
  m.dataset = use.dataset;
  m.peak = ks.instance().stats.note_used_memory(m.used);
  m.rss = process_rss_bytes_sampled();
  if (m.rss == 0) m.rss = m.used;
  m.allocator_allocated = m.used;
  m.allocator_active = m.used;
  m.allocator_resident = m.used;
  for (int i = 0; i < ks.num_dbs(); ++i) {
    const Db& d = ks.db(i);
    if (d.main.empty()) continue;
    m.keys += d.main.size();
    // The split of use.overhead: slots of both tables, plus the expire-time entries (the
    // counterpart of the dictEntries Redis counts for its expires dict).
    m.dbs.push_back({.db = i,
                     .main = d.main.memory_bytes(),
                     .expires = d.expires.memory_bytes() + d.expire_bytes});
  }
  return m;
}

std::string memory_doctor_report(const MemoryFigures& m) {
  if (m.used < 5 * kMiB) return std::string(kDoctorEmpty);
  const bool big_peak = ratio(m.peak, m.used) > 1.5;
  const bool high_frag = m.frag() > 1.4 && m.frag_bytes() > static_cast<int64_t>(10 * kMiB);
  const bool high_alloc_frag =
      m.allocator_frag() > 1.1 && m.allocator_frag_bytes() > static_cast<int64_t>(10 * kMiB);
  const bool high_alloc_rss =
      m.allocator_rss() > 1.1 && m.allocator_rss_bytes() > static_cast<int64_t>(10 * kMiB);
  const bool high_proc_rss =
      m.rss_extra() > 1.1 && m.rss_extra_bytes() > static_cast<int64_t>(10 * kMiB);
  if (!big_peak && !high_frag && !high_alloc_frag && !high_alloc_rss && !high_proc_rss) {
    return std::string(kDoctorNoIssue);
  }
  std::string s(kDoctorHeader);
  if (big_peak) s += kDoctorPeak;
  if (high_frag) {
    s += kDoctorHighFrag;
    s += kMemAllocatorName;
    s += kDoctorHighFragEnd;
  }
  if (high_alloc_frag) s += kDoctorAllocFrag;
  if (high_alloc_rss) s += kDoctorAllocRss;
  if (high_proc_rss) s += kDoctorProcRss;
  s += kDoctorFooter;
  return s;
}

}  // namespace kevy
