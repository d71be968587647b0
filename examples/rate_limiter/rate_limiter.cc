#include "rate_limiter.h"

#include <string>

namespace {

struct ReplyGuard {
  redisReply* r;
  ~ReplyGuard() {
    if (r != nullptr) freeReplyObject(r);
  }
};

}  // namespace

RateLimiter::RateLimiter(std::string host, int port, int64_t limit, std::chrono::seconds window,
                         std::chrono::milliseconds timeout)
    : host_(std::move(host)), port_(port), limit_(limit), window_(window), timeout_(timeout) {}

RateLimiter::~RateLimiter() { disconnect(); }

bool RateLimiter::connect() {
  if (ctx_ != nullptr) return true;
  const timeval tv{static_cast<time_t>(timeout_.count() / 1000),
                   static_cast<suseconds_t>((timeout_.count() % 1000) * 1000)};
  ctx_ = redisConnectWithTimeout(host_.c_str(), port_, tv);
  if (ctx_ == nullptr || ctx_->err) {
    disconnect();
    return false;
  }
  redisSetTimeout(ctx_, tv);
  return true;
}

void RateLimiter::disconnect() {
  if (ctx_ != nullptr) redisFree(ctx_);
  ctx_ = nullptr;
}

redisReply* RateLimiter::incr(const std::string& key) {
  // A broken connection (Redis restarted, a reply cut short, a timeout) is retried once on a
  // new one; a second failure gives up.
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!connect()) return nullptr;
    void* r = redisCommand(ctx_, "INCR %b", key.data(), key.size());
    if (r != nullptr) return static_cast<redisReply*>(r);
    disconnect();
  }
  return nullptr;
}

bool RateLimiter::allow(std::string_view user) {
  degraded_ = true;  // until Redis answers
  const std::string key = "rate:" + std::string(user);
  ReplyGuard incr{this->incr(key)};
  if (incr.r == nullptr) return true;
  if (incr.r->type != REDIS_REPLY_INTEGER) return true;  // an error reply
  // Every request, not only the first of a window: when the INCR that started the window
  // lost its reply (and was sent again), its EXPIRE was never sent, and a counter without a
  // TTL would lock the user out for good. NX keeps the window from moving.
  ReplyGuard expire{static_cast<redisReply*>(
      redisCommand(ctx_, "EXPIRE %b %lld NX", key.data(), key.size(),
                   static_cast<long long>(window_.count())))};
  if (expire.r == nullptr) disconnect();
  degraded_ = false;
  const bool allowed = incr.r->integer <= limit_;
  if (!allowed && ctx_ != nullptr) {
    ReplyGuard added{static_cast<redisReply*>(
        redisCommand(ctx_, "SADD rate:refused %b", user.data(), user.size()))};
    if (added.r == nullptr) disconnect();
  }
  return allowed;
}

std::vector<std::string> RateLimiter::sample_refused(int n) {
  std::vector<std::string> out;
  if (!connect()) return out;
  ReplyGuard r{static_cast<redisReply*>(redisCommand(ctx_, "SRANDMEMBER rate:refused %d", n))};
  if (r.r == nullptr) {
    disconnect();
    return out;
  }
  if (r.r->type != REDIS_REPLY_ARRAY) return out;
  for (size_t i = 0; i < r.r->elements; ++i) {
    out.emplace_back(r.r->element[i]->str, r.r->element[i]->len);
  }
  return out;
}
