// Seeded operation streams of `kevy-conform evict` (see evict_workload.h).
#include "evict_workload.h"

#include <algorithm>
#include <cmath>

namespace kevy::conformance::evict {
namespace {

// Seeds of the independent streams derived from the user's seed.
constexpr uint64_t kTtlStream = 0x7474'6c00;
constexpr uint64_t kPermStream = 0x7065'726d;
constexpr uint64_t kOpStream = 0x6f70'7300;

}  // namespace

std::string_view workload_name(Workload w) {
  switch (w) {
    case Workload::kUniform:
      return "uniform";
    case Workload::kZipf:
      return "zipf";
    case Workload::kScanThenHot:
      return "scan-then-hot";
    case Workload::kTtlMix:
      return "ttl-mix";
    case Workload::kLruApprox:
      return "lru-approx";
  }
  return "?";
}

bool parse_workload(std::string_view name, Workload* out) {
  for (Workload w : {Workload::kUniform, Workload::kZipf, Workload::kScanThenHot, Workload::kTtlMix,
                     Workload::kLruApprox}) {
    if (name == workload_name(w)) {
      *out = w;
      return true;
    }
  }
  return false;
}

const std::vector<Workload>& statistical_workloads() {
  static const std::vector<Workload> all = {Workload::kUniform, Workload::kZipf,
                                            Workload::kScanThenHot, Workload::kTtlMix};
  return all;
}

uint64_t Rng::next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t Rng::below(uint64_t n) {
  // Lemire's multiply-shift; the tiny bias is irrelevant here and the result is portable.
  return static_cast<uint64_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
}

double Rng::unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

ZipfSampler::ZipfSampler(uint64_t n, double s) {
  cdf_.resize(n);
  double sum = 0;
  for (uint64_t i = 0; i < n; ++i) {
    sum += 1.0 / std::pow(static_cast<double>(i + 1), s);
    cdf_[i] = sum;
  }
  for (double& c : cdf_) c /= sum;
}

uint64_t ZipfSampler::sample(Rng& rng) const {
  const double u = rng.unit();
  auto it = std::lower_bound(cdf_.begin(), cdf_.end(), u);
  if (it == cdf_.end()) return cdf_.size() - 1;
  return static_cast<uint64_t>(it - cdf_.begin());
}

std::string key_name(uint32_t key) { return "key:" + std::to_string(key); }

Generator::Generator(const WorkloadOptions& o)
    : o_(o), rng_(o.seed ^ kOpStream), zipf_(o.workload == Workload::kZipf ? o.keys : 0, o.zipf_s) {
  Rng ttl_rng(o.seed ^ kTtlStream);
  ttl_.resize(o.keys);
  for (uint32_t& t : ttl_) {
    const bool volatile_key = ttl_rng.unit() < o.ttl_share;
    const uint32_t length = 1000 + static_cast<uint32_t>(ttl_rng.below(9000));
    t = volatile_key ? length : 0;
  }
  perm_.resize(o.keys);
  for (uint32_t i = 0; i < o.keys; ++i) perm_[i] = i;
  Rng perm_rng(o.seed ^ kPermStream);
  for (uint64_t i = o.keys; i > 1; --i) std::swap(perm_[i - 1], perm_[perm_rng.below(i)]);
  hot_n_ = std::max<uint64_t>(1, static_cast<uint64_t>(static_cast<double>(o.keys) * o.hot_share));
  // A value that is not an integer (no int encoding) and differs per key at the front.
  value_.assign(o.value_size, 'v');
}

uint32_t Generator::pick_key() {
  switch (o_.workload) {
    case Workload::kZipf:
      return perm_[zipf_.sample(rng_)];
    case Workload::kScanThenHot:
      if (rng_.unit() < o_.hot_access) return perm_[rng_.below(hot_n_)];
      return static_cast<uint32_t>(rng_.below(o_.keys));
    case Workload::kUniform:
    case Workload::kTtlMix:
    case Workload::kLruApprox:
      break;
  }
  return static_cast<uint32_t>(rng_.below(o_.keys));
}

bool Generator::next(Op* op) {
  const uint64_t i = emitted_;
  if (i < fill_ops()) {
    *op = Op{Op::Kind::kSet, Phase::kFill, static_cast<uint32_t>(i)};
  } else if (i < fill_ops() + scan_ops()) {
    *op = Op{Op::Kind::kGet, Phase::kScan, static_cast<uint32_t>(i - fill_ops())};
  } else if (i < fill_ops() + scan_ops() + read_ops()) {
    // One draw decides read or write, then the key: the same number of draws either way.
    const bool write = rng_.unit() < o_.write_ratio;
    *op = Op{write ? Op::Kind::kSet : Op::Kind::kGet, Phase::kRead, pick_key()};
  } else {
    return false;
  }
  ++emitted_;
  return true;
}

std::vector<std::string> Generator::command(const Op& op) const {
  std::string key = key_name(op.key);
  if (op.kind == Op::Kind::kGet) return {"GET", std::move(key)};
  std::string value = value_;
  const std::string tag = std::to_string(op.key) + ":";
  value.replace(0, std::min(tag.size(), value.size()), tag, 0, value.size());
  if (ttl_[op.key] == 0) return {"SET", std::move(key), std::move(value)};
  return {"SET", std::move(key), std::move(value), "EX", std::to_string(ttl_[op.key])};
}

}  // namespace kevy::conformance::evict
