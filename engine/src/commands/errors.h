// Every Redis error text kevy replies with, spelled once. Texts were recorded from
// redis-server 7.0.15 and are the reply line without the leading '-'.
// Handlers name these; they never spell an error themselves. Texts that embed an argument
// are functions.
#pragma once

#include <string>
#include <string_view>

namespace kevy::err {

inline constexpr std::string_view kWrongType =
    "WRONGTYPE Operation against a key holding the wrong kind of value";
inline constexpr std::string_view kSyntax = "ERR syntax error";
inline constexpr std::string_view kNotInteger = "ERR value is not an integer or out of range";
inline constexpr std::string_view kNotFloat = "ERR value is not a valid float";
inline constexpr std::string_view kIncrOverflow = "ERR increment or decrement would overflow";
inline constexpr std::string_view kDecrOverflow = "ERR decrement would overflow";
inline constexpr std::string_view kIncrFloatNanOrInf =
    "ERR increment would produce NaN or Infinity";
inline constexpr std::string_view kEmptyCommand = "ERR empty command";
inline constexpr std::string_view kNoSuchKey = "ERR no such key";
inline constexpr std::string_view kDbIndexOutOfRange = "ERR DB index is out of range";
inline constexpr std::string_view kInvalidDbIndex = "ERR invalid DB index";
inline constexpr std::string_view kSameObject = "ERR source and destination objects are the same";
inline constexpr std::string_view kStringTooLong =
    "ERR string exceeds maximum allowed size (proto-max-bulk-len)";
inline constexpr std::string_view kOffsetOutOfRange = "ERR offset is out of range";
inline constexpr std::string_view kLcsKeysNotStrings =
    "ERR The specified keys must contain string values";
inline constexpr std::string_view kLcsLenAndIdx =
    "ERR If you want both the length and indexes, please just use IDX.";
inline constexpr std::string_view kLcsTableTooLarge =
    "ERR Insufficient memory, transient memory for LCS exceeds proto-max-bulk-len";
inline constexpr std::string_view kLcsAllocFailed =
    "ERR Insufficient memory, failed allocating transient memory for LCS";
inline constexpr std::string_view kInvalidCursor = "ERR invalid cursor";
inline constexpr std::string_view kOutOfRange = "ERR value is out of range, must be positive";
inline constexpr std::string_view kBitOffset = "ERR bit offset is not an integer or out of range";
inline constexpr std::string_view kBitValue = "ERR bit is not an integer or out of range";
inline constexpr std::string_view kBitposBitArg = "ERR The bit argument must be 1 or 0.";
inline constexpr std::string_view kBitopNotSingleKey =
    "ERR BITOP NOT must be called with a single source key.";
inline constexpr std::string_view kBitfieldType =
    "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but "
    "i64 is.";
inline constexpr std::string_view kBitfieldOverflowType = "ERR Invalid OVERFLOW type specified";
inline constexpr std::string_view kBitfieldRoGetOnly =
    "ERR BITFIELD_RO only supports the GET subcommand";
inline constexpr std::string_view kLfuNotSelected =
    "ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note "
    "that when switching between policies at runtime LRU and LFU data will take some time to "
    "adjust.";
// OBJECT IDLETIME under an LFU policy.
inline constexpr std::string_view kLfuSelectedNoIdleTime =
    "ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when "
    "switching between policies at runtime LRU and LFU data will take some time to adjust.";
// getIntFromObjectOrReply on a valid integer outside int (SELECT, MOVE, COPY ... DB).
inline constexpr std::string_view kIntOutOfRange =
    "ERR value is out of range, value must between -2147483648 and 2147483647";
inline constexpr std::string_view kInvalidFirstDbIndex = "ERR invalid first DB index";
inline constexpr std::string_view kInvalidSecondDbIndex = "ERR invalid second DB index";
inline constexpr std::string_view kClientNameInvalid =
    "ERR Client names cannot contain spaces, newlines or special characters.";

inline constexpr std::string_view kExpireNxIncompatible =
    "ERR NX and XX, GT or LT options at the same time are not compatible";
inline constexpr std::string_view kExpireGtLtIncompatible =
    "ERR GT and LT options at the same time are not compatible";

inline constexpr std::string_view kWrongPass =
    "WRONGPASS invalid username-password pair or user is disabled.";
inline constexpr std::string_view kNoProto = "NOPROTO unsupported protocol version";
inline constexpr std::string_view kHelloProtoNotInteger =
    "ERR Protocol version is not an integer or out of range";

// Hashes (HINCRBY, HINCRBYFLOAT, HRANDFIELD).
inline constexpr std::string_view kHashValueNotInteger = "ERR hash value is not an integer";
inline constexpr std::string_view kHashValueNotFloat = "ERR hash value is not a float";
inline constexpr std::string_view kValueNanOrInfinity = "ERR value is NaN or Infinity";
inline constexpr std::string_view kValueOutOfRange = "ERR value is out of range";
// getRangeLongFromObjectOrReply over [-LONG_MAX, LONG_MAX] (HRANDFIELD's count).
inline constexpr std::string_view kCountOutOfLongRange =
    "ERR value is out of range, value must between -9223372036854775807 and "
    "9223372036854775807";

// Lists (LSET, LPOS, LMPOP/BLMPOP, blocking pops' timeouts).
inline constexpr std::string_view kListIndexOutOfRange = "ERR index out of range";
inline constexpr std::string_view kLposRankZero =
    "ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use "
    "negative to start from the end of the list";
inline constexpr std::string_view kLposCountNegative = "ERR COUNT can't be negative";
inline constexpr std::string_view kLposMaxlenNegative = "ERR MAXLEN can't be negative";
inline constexpr std::string_view kMpopNumkeysNotPositive = "ERR numkeys should be greater than 0";
inline constexpr std::string_view kMpopCountNotPositive = "ERR count should be greater than 0";
inline constexpr std::string_view kTimeoutNotFloat = "ERR timeout is not a float or out of range";
inline constexpr std::string_view kTimeoutNegative = "ERR timeout is negative";

// Sets (SINTERCARD; its numkeys error is kMpopNumkeysNotPositive).
inline constexpr std::string_view kNumkeysTooMany =
    "ERR Number of keys can't be greater than number of args";
inline constexpr std::string_view kLimitNegative = "ERR LIMIT can't be negative";

// SORT / SORT_RO: a score (the element or its BY value) that strtod refuses.
inline constexpr std::string_view kSortScoreNotDouble =
    "ERR One or more scores can't be converted into double";

// Sorted sets, part A (zsets.cc): ZADD's option checks and INCR result, range arguments.
inline constexpr std::string_view kZaddXxAndNx =
    "ERR XX and NX options at the same time are not compatible";
inline constexpr std::string_view kZaddGtLtNx =
    "ERR GT, LT, and/or NX options at the same time are not compatible";
inline constexpr std::string_view kZaddIncrSinglePair =
    "ERR INCR option supports a single increment-element pair";
inline constexpr std::string_view kZaddNanResult = "ERR resulting score is not a number (NaN)";
inline constexpr std::string_view kMinMaxNotFloat = "ERR min or max is not a float";
inline constexpr std::string_view kMinMaxNotLexRange =
    "ERR min or max not valid string range item";
inline constexpr std::string_view kZrangeLimitNeedsByscoreOrBylex =
    "ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX";
inline constexpr std::string_view kZrangeWithscoresWithBylex =
    "ERR syntax error, WITHSCORES not supported in combination with BYLEX";

// Sorted sets, part B (zsets_ops.cc): WEIGHTS of ZUNION ZINTER ZUNIONSTORE ZINTERSTORE.
inline constexpr std::string_view kWeightNotFloat = "ERR weight value is not a float";

// "ERR Syntax error in HELLO option 'foo'"
std::string hello_syntax(std::string_view option);
// "ERR Unsupported option foo"
std::string unsupported_option(std::string_view option);
// "ERR wrong number of arguments for 'get' command" (name as in the table, e.g. "object|encoding").
std::string wrong_arity(std::string_view full_name);
// "ERR unknown command 'foo', with args beginning with: 'a' 'b' "
std::string unknown_command(std::string_view name, const std::string_view* args, size_t nargs);
// "ERR unknown subcommand 'foo'. Try OBJECT HELP."
std::string unknown_subcommand(std::string_view sub, std::string_view container);
// "ERR unknown subcommand or wrong number of arguments for 'foo'. Try DEBUG HELP." (commands
// that parse their own subcommands, like DEBUG)
std::string subcommand_syntax(std::string_view sub, std::string_view command);
// "ERR at least 1 input key is needed for 'zunion' command" (ZUNION ZINTER ZDIFF ZINTERCARD and
// the STORE forms, with numkeys below 1).
std::string at_least_one_input_key(std::string_view command);
// "ERR invalid expire time in 'set' command"
std::string invalid_expire(std::string_view command);

}  // namespace kevy::err
