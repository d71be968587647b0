// The evict mode's report (see evict.h): the side-by-side detail of one case and the Markdown
// tables of many.
#include <algorithm>
#include <cstdio>
#include <ostream>
#include <sstream>

#include "evict_internal.h"

namespace kevy::conformance::evict {

std::string fmt_bytes(uint64_t b) {
  char buf[48];
  if (b >= 10 * 1048576ULL)
    std::snprintf(buf, sizeof buf, "%.1f MB", b / 1048576.0);
  else if (b >= 10 * 1024ULL)
    std::snprintf(buf, sizeof buf, "%.0f kB", b / 1024.0);
  else
    std::snprintf(buf, sizeof buf, "%llu B", static_cast<unsigned long long>(b));
  return buf;
}

std::string fmt_pct(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f%%", decimals, v * 100.0);
  return buf;
}

// The sides of a statistical case, in column order.
std::vector<const SideResult*> sides(const CaseResult& c) {
  std::vector<const SideResult*> out;
  for (const auto* s : {&c.redis, &c.same_mm, &c.budget}) {
    if (*s) out.push_back(&**s);
  }
  return out;
}

namespace {

std::string column_name(const SideResult& s) {
  if (s.label == "kevy(same-mm)") return "kevy same maxmemory";
  if (s.label == "kevy(budget)") return "kevy same key budget";
  return s.label;
}

}  // namespace

void print_detail(const Options& o, const Binaries& bin, const CaseResult& c, std::ostream& out) {
  char buf[512];
  if (c.workload == Workload::kLruApprox) {
    out << "\nLRU approximation (" << policy_name(c.policy) << ", samples " << o.samples << ", "
        << o.keys << " keys): fill, " << o.lru_sleep_ms
        << " ms pause, GET the newest half, maxmemory lowered to evict "
        << fmt_pct(o.lru_evict_share, 0) << " of the data's bytes\n";
    std::snprintf(buf, sizeof buf, "  %-26s %16s %16s\n", "", "redis", "kevy");
    out << buf;
    auto row = [&](const char* name, auto f) {
      std::snprintf(buf, sizeof buf, "  %-26s %16s %16s\n", name, f(*c.lru_redis).c_str(),
                    f(*c.lru_kevy).c_str());
      out << buf;
    };
    if (!c.lru_redis->error.empty() || !c.lru_kevy->error.empty()) return;
    row("used_memory after fill", [](const SideResult& s) { return fmt_bytes(s.lru.filled_used); });
    row("lowered maxmemory", [](const SideResult& s) { return fmt_bytes(s.lru.target); });
    row("keys evicted", [](const SideResult& s) { return std::to_string(s.lru.evicted); });
    row("evicted_keys (INFO)",
        [](const SideResult& s) { return std::to_string(s.memory.evicted_keys); });
    row("evicted from the old half", [](const SideResult& s) {
      return std::to_string(s.lru.evicted_old) + " = " + fmt_pct(s.lru.old_share(), 1);
    });
    row("ideal share (all old)",
        [](const SideResult& s) { return fmt_pct(s.lru.ideal_share(), 1); });
    row("share / ideal (gated)", [](const SideResult& s) { return fmt_pct(s.lru.precision(), 1); });
    row("settled in", [](const SideResult& s) {
      char b[32];
      std::snprintf(b, sizeof b, "%.0f ms", s.lru.settle_ms);
      return std::string(b);
    });
    return;
  }
  const std::vector<const SideResult*> ss = sides(c);
  out << "\n"
      << policy_name(c.policy) << " / " << workload_name(c.workload) << ": " << o.keys << " keys, "
      << o.ops << " ops (" << fmt_pct(o.write_ratio, 0) << " writes), value " << o.value_size
      << " B, seed " << o.seed << ", maxmemory-samples " << o.samples
      << (bin.kevy_is_redis ? "  [kevy side is redis-server: --kevy-target]" : "") << "\n";
  for (const std::string& e : c.failures) {
    if (c.io_error) out << "  " << e << "\n";
  }
  if (c.io_error) return;
  std::string header = "  ";
  std::snprintf(buf, sizeof buf, "%-30s", "");
  header += buf;
  for (const SideResult* s : ss) {
    std::snprintf(buf, sizeof buf, " %22s", column_name(*s).c_str());
    header += buf;
  }
  out << header << "\n";
  auto row = [&](const char* name, auto f) {
    std::string line = "  ";
    std::snprintf(buf, sizeof buf, "%-30s", name);
    line += buf;
    for (const SideResult* s : ss) {
      std::snprintf(buf, sizeof buf, " %22s", f(*s).c_str());
      line += buf;
    }
    out << line << "\n";
  };
  auto num = [](uint64_t v) { return std::to_string(v); };
  row("maxmemory", [&](const SideResult& s) {
    return num(s.memory.maxmemory) + " (" + fmt_bytes(s.memory.maxmemory) + ")";
  });
  row("resident after fill", [&](const SideResult& s) { return num(s.resident_after_fill); });
  row("resident at end", [&](const SideResult& s) { return num(s.tallies.resident_end); });
  row("evicted_keys (INFO stats)", [&](const SideResult& s) { return num(s.memory.evicted_keys); });
  row("written keys gone at end",
      [&](const SideResult& s) { return num(s.tallies.missing_written); });
  row("writes refused (OOM)", [&](const SideResult& s) {
    return num(s.tallies.oom_errors) + " of " + num(s.tallies.writes);
  });
  if (c.workload == Workload::kScanThenHot) {
    row("scan hit ratio", [&](const SideResult& s) {
      return fmt_pct(s.tallies.scan_reads == 0
                         ? 0.0
                         : static_cast<double>(s.tallies.scan_hits) / s.tallies.scan_reads);
    });
  }
  row("hit ratio (read phase)", [&](const SideResult& s) {
    return fmt_pct(s.tallies.hit_ratio()) + " of " + num(s.tallies.reads);
  });
  row("max used/maxmemory (writes)",
      [&](const SideResult& s) { return fmt_pct(s.memory.max_ratio(), 3); });
  row("accepted writes, used > max", [&](const SideResult& s) {
    return num(s.memory.probes_over) + " of " + num(s.memory.probes);
  });
  if (c.redis->tallies.evicted_volatile + c.redis->tallies.surviving_volatile > 0) {
    row("TTL left: evicted/survivors", [&](const SideResult& s) {
      char b[64];
      std::snprintf(b, sizeof b, "%.0f/%.0f s (%llu ev)", s.tallies.evicted_ttl_left_s,
                    s.tallies.surviving_ttl_left_s,
                    static_cast<unsigned long long>(s.tallies.evicted_volatile));
      return std::string(b);
    });
  }
  if (o.rate > 0) {
    row("max lag behind the pace", [&](const SideResult& s) {
      char b[32];
      std::snprintf(b, sizeof b, "%.0f ms", s.max_lag_ms);
      return std::string(b);
    });
  }
  row("seconds", [&](const SideResult& s) {
    char b[32];
    std::snprintf(b, sizeof b, "%.1f", s.seconds);
    return std::string(b);
  });
  row("invariants", [&](const SideResult& s) {
    return s.failures.empty() ? std::string("ok") : "FAIL (" + num(s.failures.size()) + ")";
  });
  if (c.budget_reruns > 0) {
    out << "  kevy's key budget maxmemory was moved from " << c.m_budget_first << " to "
        << c.m_budget << " (" << c.budget_reruns
        << " re-run(s)) to hold redis's resident key count: its used_memory per key under "
           "eviction differs from the fill's\n";
  }
  if (c.has_gap) {
    std::snprintf(
        buf, sizeof buf,
        "  hit ratio gap at the same key budget (kevy - redis): %+.2f pp (limit +-%.2f)\n",
        c.gap_pp, o.max_gap_pp);
    out << buf;
  }
  // Resident keys over time: the series of each side, aligned by sample index.
  out << "  resident keys over time (DBSIZE; used_memory):\n";
  std::string hdr = "  ";
  std::snprintf(buf, sizeof buf, "%10s", "ops");
  hdr += buf;
  for (const SideResult* s : ss) {
    std::snprintf(buf, sizeof buf, " %28s", column_name(*s).c_str());
    hdr += buf;
  }
  out << hdr << "\n";
  size_t rows = 0;
  for (const SideResult* s : ss) rows = std::max(rows, s->series.size());
  for (size_t i = 0; i < rows; ++i) {
    std::string line = "  ";
    std::snprintf(
        buf, sizeof buf, "%10llu",
        static_cast<unsigned long long>(i < ss[0]->series.size() ? ss[0]->series[i].op : 0));
    line += buf;
    for (const SideResult* s : ss) {
      if (i < s->series.size()) {
        std::snprintf(buf, sizeof buf, " %12llu; %13s",
                      static_cast<unsigned long long>(s->series[i].dbsize),
                      fmt_bytes(s->series[i].used).c_str());
      } else {
        std::snprintf(buf, sizeof buf, " %28s", "");
      }
      line += buf;
    }
    out << line << "\n";
  }
}

namespace {

// "a / b / c" of f over the sides of a case.
std::string triple(const CaseResult& c, auto f) {
  std::string out;
  for (const SideResult* s : sides(c)) {
    if (!out.empty()) out += " / ";
    out += f(*s);
  }
  return out;
}

}  // namespace

std::string markdown_table(const Options& o, const std::vector<CaseResult>& cases) {
  std::ostringstream md;
  bool any_stat = false, any_lru = false;
  for (const CaseResult& c : cases) {
    (c.workload == Workload::kLruApprox ? any_lru : any_stat) = true;
  }
  std::string cols;
  if (o.compare == Compare::kBoth)
    cols = "redis / kevy same-mm / kevy budget";
  else if (o.compare == Compare::kSameMaxmemory)
    cols = "redis / kevy same-mm";
  else
    cols = "redis / kevy budget";
  if (any_stat) {
    md << "| policy | workload | maxmemory redis / kevy budget | resident after fill (" << cols
       << ") | resident at end | evicted_keys | OOM refusals | hit % redis | hit % kevy same-mm | "
          "hit % kevy budget"
          " | gap pp | max used/maxmemory % | invariants |\n"
       << "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    for (const CaseResult& c : cases) {
      if (c.workload == Workload::kLruApprox) continue;
      md << "| " << policy_name(c.policy) << " | " << workload_name(c.workload) << " | ";
      if (c.io_error) {
        md << "error | | | | | | | | | | "
           << (c.failures.empty() ? "" : c.failures[0].substr(0, 80)) << " |\n";
        continue;
      }
      char buf[64];
      md << fmt_bytes(c.m_redis) << " / " << fmt_bytes(c.m_budget)
         << (c.budget_reruns > 0 ? " (from " + fmt_bytes(c.m_budget_first) + ")" : "") << " | "
         << triple(c, [](const SideResult& s) { return std::to_string(s.resident_after_fill); })
         << " | "
         << triple(c, [](const SideResult& s) { return std::to_string(s.tallies.resident_end); })
         << " | "
         << triple(c, [](const SideResult& s) { return std::to_string(s.memory.evicted_keys); })
         << " | "
         << triple(c, [](const SideResult& s) { return std::to_string(s.tallies.oom_errors); })
         << " | ";
      auto hit = [&](const std::optional<SideResult>& s) {
        if (!s) return std::string("-");
        std::snprintf(buf, sizeof buf, "%.2f", s->tallies.hit_ratio() * 100);
        return std::string(buf);
      };
      md << hit(c.redis) << " | " << hit(c.same_mm) << " | " << hit(c.budget) << " | ";
      if (c.has_gap) {
        std::snprintf(buf, sizeof buf, "%+.2f", c.gap_pp);
        md << buf;
      } else {
        md << "-";
      }
      md << " | "
         << triple(c,
                   [](const SideResult& s) {
                     char b[32];
                     std::snprintf(b, sizeof b, "%.2f", s.memory.max_ratio() * 100);
                     return std::string(b);
                   })
         << " | " << (c.failures.empty() ? "ok" : "**FAIL**: " + c.failures[0]) << " |\n";
    }
  }
  if (any_lru) {
    md << "\n| LRU approximation | keys | bytes evicted | keys evicted redis / kevy | from old "
          "half redis | from old half kevy | of the ideal redis / kevy | gap pp | invariants "
          "|\n|---|---|---|---|---|---|---|---|---|\n";
    for (const CaseResult& c : cases) {
      if (c.workload != Workload::kLruApprox) continue;
      md << "| " << policy_name(c.policy) << ", samples " << o.samples << " | " << o.keys << " | "
         << fmt_pct(o.lru_evict_share, 0) << " | ";
      if (c.io_error) {
        md << "error | | | | | | " << (c.failures.empty() ? "" : c.failures[0].substr(0, 80))
           << " |\n";
        continue;
      }
      char buf[64];
      md << c.lru_redis->lru.evicted << " / " << c.lru_kevy->lru.evicted << " | "
         << fmt_pct(c.lru_redis->lru.old_share(), 1) << " | "
         << fmt_pct(c.lru_kevy->lru.old_share(), 1) << " | "
         << fmt_pct(c.lru_redis->lru.precision(), 1) << " / "
         << fmt_pct(c.lru_kevy->lru.precision(), 1) << " | ";
      std::snprintf(buf, sizeof buf, "%+.2f", c.gap_pp);
      md << buf << " | " << (c.failures.empty() ? "ok" : "**FAIL**: " + c.failures[0]) << " |\n";
    }
  }
  return md.str();
}

}  // namespace kevy::conformance::evict
