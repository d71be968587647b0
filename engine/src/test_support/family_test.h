// FamilyTest: the default fixture for command tests. A fresh Store per test with a manual
// clock and the memory accounting recounted after every command; run({"SET","k","v"})
// returns the exact RESP bytes (RESP2 unless the session says otherwise), reply({...}) the
// typed Reply.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kevy/store.h"

namespace kevy {

// Blocking commands that find no data reply their timeout reply at once here
// (Options::blocking_commands_wait false); store_blocking_test.cc tests real waiting.
class FamilyTest : public ::testing::Test {
 protected:
  FamilyTest()
      : clock_(std::make_shared<ManualClock>(1700000000000)),
        store_(std::move(
            Store::open(Options{}
                            .with_clock(clock_)
                            .with_memory_accounting_check()
                            .with_blocking_commands_wait(false))
                .value())) {}

  std::string run(std::initializer_list<std::string_view> argv) {
    return store_.execute_resp(std::span<const std::string_view>(argv.begin(), argv.size()),
                               session_);
  }
  std::string run(const std::vector<std::string>& argv) {
    std::vector<std::string_view> views(argv.begin(), argv.end());
    return store_.execute_resp(views, session_);
  }
  Reply reply(std::initializer_list<std::string_view> argv) {
    return store_.execute(std::span<const std::string_view>(argv.begin(), argv.size()), session_);
  }
  void advance_ms(int64_t ms) { clock_->advance_ms(ms); }
  void use_resp3() { session_.protocol = 3; }

  std::shared_ptr<ManualClock> clock_;
  Store store_;
  Session session_;
};

}  // namespace kevy
