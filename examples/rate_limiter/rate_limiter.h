// A fixed-window rate limiter over Redis (hiredis): at most `limit` requests per user per
// window. The example application that examples/rate_limiter/rate_limiter_test.cc tests with
// kevy/testing.h.
//
// Protocol: INCR rate:<user>, then EXPIRE rate:<user> <window seconds> NX (the first request
// of a window starts its clock; later ones leave it alone); a refused request also does
// SADD rate:refused <user>. When Redis cannot be reached or answers an error the
// limiter fails open (allows the request) and reports it through degraded(). A broken
// connection is replaced and the INCR sent again once.
#pragma once

#include <hiredis/hiredis.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

class RateLimiter {
 public:
  RateLimiter(std::string host, int port, int64_t limit, std::chrono::seconds window,
              std::chrono::milliseconds timeout = std::chrono::milliseconds(200));
  ~RateLimiter();
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  // True when the user may make one more request now (counting it).
  bool allow(std::string_view user);
  // True when the last allow() could not ask Redis and let the request through.
  bool degraded() const { return degraded_; }
  // Up to n distinct users refused at least once (SRANDMEMBER of the set rate:refused, where
  // each refusal adds its user), for an abuse report; empty when Redis cannot be reached.
  std::vector<std::string> sample_refused(int n);

 private:
  bool connect();
  void disconnect();
  // INCR key, on a new connection when the current one is broken; nullptr when Redis
  // cannot be reached. The caller frees the reply.
  redisReply* incr(const std::string& key);

  std::string host_;
  int port_;
  int64_t limit_;
  std::chrono::seconds window_;
  std::chrono::milliseconds timeout_;
  redisContext* ctx_ = nullptr;
  bool degraded_ = false;
};
