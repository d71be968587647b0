// format_reply: prints a reply the way redis-cli 7.0.15 prints it when stdout is not a tty
// (its "raw" output mode, cliFormatReplyRaw + the "\n" command delimiter):
//
//   bulk / simple string   the bytes as they are          nil (RESP2 or RESP3)   empty
//   integer                the number                     error                  text + "\n"
//   double (RESP3)         the text the server sent       boolean (RESP3)        (true)/(false)
//   verbatim (RESP3)       the text without "txt:"        array / set / push     elements
//                                                                                joined by "\n"
//   map (RESP3)            "key value" pairs joined by "\n"
//
// and a final "\n" after every top-level reply. redis-cli 7.0.15 cannot print a RESP3 big
// number: it writes "Unknown reply type: 13" to stderr and exits with status 1; format_reply
// reports that case through `unsupported` so that the caller can do the same.
#pragma once

#include <string>

#include "resp_value.h"

namespace kevy::cli {

struct FormatResult {
  std::string text;       // what redis-cli writes to stdout
  int unsupported = 0;    // hiredis reply type redis-cli cannot print (13 = big number), or 0
};

FormatResult format_reply(const RespValue& reply);

}  // namespace kevy::cli
