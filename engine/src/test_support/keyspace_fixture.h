// KeyspaceFixture: runs commands straight on a Keyspace through the command table (as
// Store::execute does), for what the Store API cannot set up or show yet: keys of other types
// (WRONGTYPE cases before the collection types exist) and value encodings.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "commands/call.h"
#include "commands/command_table.h"
#include "core/entry.h"
#include "core/keyspace.h"
#include "types/list.h"

namespace kevy {

class KeyspaceFixture : public ::testing::Test {
 protected:
  std::string run(Args args) {
    Reply reply;
    if (const CommandSpec* spec = CommandTable::instance().resolve(args, &reply)) {
      ks_.begin_command();
      CommandContext ctx{ks_, session_};
      reply = call_command(ctx, *spec, args);
    }
    return reply.to_resp(session_.protocol);
  }
  std::string run(std::initializer_list<std::string_view> argv) {
    return run(Args(argv.begin(), argv.size()));
  }
  std::string run(const std::vector<std::string>& argv) {
    std::vector<std::string_view> views(argv.begin(), argv.end());
    return run(Args(views));
  }
  // What LPUSH key x makes: a key of type list.
  void add_list(std::string_view key) {
    auto list = std::make_unique<ListObject>();
    list->push(ListEnd::kTail, "x");
    ks_.add(0, Entry::make_object(key, ObjType::kList, Encoding::kQuicklist, std::move(list)));
  }
  // What OBJECT ENCODING would report, or "(missing)".
  std::string_view encoding(std::string_view key) {
    Entry* e = ks_.lookup_quiet(0, key);
    return e == nullptr ? "(missing)" : encoding_name(e->encoding());
  }
  // A context for calling family functions directly (what the typed Store API does).
  CommandContext context() {
    ks_.begin_command();
    return CommandContext{ks_, session_};
  }
  void advance_ms(int64_t ms) { clock_->advance_ms(ms); }
  void use_resp3() { session_.protocol = 3; }

  std::shared_ptr<ManualClock> clock_ = std::make_shared<ManualClock>(1700000000000);
  Keyspace ks_{Options{}.with_clock(clock_)};
  Session session_;
};

}  // namespace kevy
