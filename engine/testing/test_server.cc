// TestServer (kevy/testing/fixtures.h): a TestStore behind a kevy::Server on a free port and a
// unix socket in a temporary directory, with restart and refused connections.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <stdexcept>
#include <string>
#include <system_error>

#include "kevy/testing/fixtures.h"

namespace kevy::testing {
namespace {

std::filesystem::path make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kevy-test-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    ADD_FAILURE() << "kevy::testing: mkdtemp failed for " << pattern;
    return std::filesystem::temp_directory_path();
  }
  return pattern;
}

}  // namespace

TestServer::TestServer(Options options)
    : TestStore(kDeferOpen), dir_(make_temp_dir()), options_(std::move(options)) {
  options_.with_dir(dir_.string());
  open(options_);
  start_server();
}

TestServer::~TestServer() {
  if (server_) server_->stop();
  server_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::string TestServer::url() const { return "redis://" + host_ + ":" + std::to_string(port()); }

void TestServer::start_server() {
  ServerOptions opts;
  opts.bind_address = host_;
  opts.port = port_;
  opts.unix_socket = (dir_ / "kevy.sock").string();
  Result<std::unique_ptr<Server>> started = Server::start(store_, opts);
  if (!started.ok()) {
    // Without a server the test cannot go on; gtest reports an exception from a fixture's
    // constructor or body as the test's failure.
    throw std::runtime_error("kevy::testing: Server::start failed: " +
                             started.status().message());
  }
  server_ = std::move(started.value());
  port_ = server_->port();
}

void TestServer::restart(bool keep_data) {
  // Stopped first, so that nothing a client sends after the snapshot is lost.
  server_->stop();
  server_.reset();
  if (keep_data) {
    const Status saved = store_->save();
    if (!saved.is_ok()) ADD_FAILURE() << "kevy::testing: restart: SAVE failed: " << saved.message();
  }
  store_->end_session(session_);
  store_.reset();
  if (!keep_data) {
    std::error_code ignored;
    std::filesystem::remove(dir_ / options_.dbfilename, ignored);
  }
  open(options_);  // loads dir/dump.rdb when it is there
  // Faults set with the fixture outlive the restart, as the test asked for them.
  if (saved_memory_) apply_fill_memory();
  start_server();
  if (refusing_) refuse_connections(true);
}

void TestServer::refuse_connections(bool on) {
  const Status s = server_->refuse_connections(on);
  if (!s.is_ok()) ADD_FAILURE() << "kevy::testing: refuse_connections: " << s.message();
  refusing_ = on;
}

void TestServer::reset(Options options) {
  if (server_) server_->stop();
  server_.reset();
  refusing_ = false;
  options_ = std::move(options);
  options_.with_dir(dir_.string());
  std::error_code ignored;
  std::filesystem::remove(dir_ / options_.dbfilename, ignored);
  TestStore::reset(options_);
  start_server();
}

}  // namespace kevy::testing
