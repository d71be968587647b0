// Internals of props shared by props.cc and props_gen.cc: the RapidCheck generator of whole
// sequences and how RapidCheck prints generated values in its reports.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <rapidcheck.h>
#include <rapidcheck/detail/TestListenerAdapter.h>

#include "props.h"

namespace kevy::conformance::props {

// Sequences of exactly `length` commands; `resp3_percent` of them run in RESP3. Shrinks by
// removing chunks of commands and by simplifying single commands.
// Rows whose label (generated_command_names()) is in `exclude` are never drawn.
rc::Gen<Sequence> sequence_gen(int length, int resp3_percent,
                               const std::vector<std::string>& exclude);

// Found by RapidCheck's rc::show through argument-dependent lookup.
void showValue(const Command& c, std::ostream& os);
void showValue(const Sequence& s, std::ostream& os);

}  // namespace kevy::conformance::props
