// Every Redis error text kevy replies with, spelled once. Texts were recorded from
// redis-server 7.0.15 and are the reply line without the leading '-'.
// Handlers name these; they never spell an error themselves. Texts that embed an argument
// are functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kevy::err {

inline constexpr std::string_view kWrongType =
    "WRONGTYPE Operation against a key holding the wrong kind of value";
inline constexpr std::string_view kSyntax = "ERR syntax error";
// A command that may grow memory while used memory is over maxmemory and nothing can be
// evicted (or the policy is noeviction).
inline constexpr std::string_view kOom = "OOM command not allowed when used memory > 'maxmemory'.";
// SHUTDOWN when saving the snapshot failed (and FORCE was not given).
inline constexpr std::string_view kShutdownErrors = "ERR Errors trying to SHUTDOWN. Check logs.";
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

// COMMAND GETKEYS / GETKEYSANDFLAGS (command_cmds.cc).
inline constexpr std::string_view kInvalidCommandSpecified = "ERR Invalid command specified";
inline constexpr std::string_view kCommandHasNoKeys = "ERR The command has no key arguments";
inline constexpr std::string_view kInvalidArgumentCount =
    "ERR Invalid number of arguments specified for command";
inline constexpr std::string_view kInvalidArgumentsForCommand =
    "ERR Invalid arguments specified for command";

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
inline constexpr std::string_view kUnblocked = "UNBLOCKED client unblocked via CLIENT UNBLOCK";

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

// ---- connection commands (CLIENT, MONITOR)
inline constexpr std::string_view kNoSuchClient = "ERR No such client";
inline constexpr std::string_view kClientIdNotPositive = "ERR client-id should be greater than 0";
inline constexpr std::string_view kInvalidClientId = "ERR Invalid client ID";
inline constexpr std::string_view kUnblockReason =
    "ERR CLIENT UNBLOCK reason should be TIMEOUT or ERROR";
inline constexpr std::string_view kCachingNeedsTracking =
    "ERR CLIENT CACHING can be called only when the client is in tracking mode with OPTIN or "
    "OPTOUT mode enabled";
inline constexpr std::string_view kReplicaKeyspace = "ERR Replica can't interact with the keyspace";

// ---- statistics commands (SLOWLOG, LATENCY)
inline constexpr std::string_view kSlowlogCount =
    "ERR count should be greater than or equal to -1";

// ---- CONFIG (config_cmds.cc, core/config_registry.cc). CONFIG SET's reasons follow
// MULTI / EXEC / DISCARD / WATCH (clients/transaction.cc).
inline constexpr std::string_view kExecWithoutMulti = "ERR EXEC without MULTI";
inline constexpr std::string_view kDiscardWithoutMulti = "ERR DISCARD without MULTI";
inline constexpr std::string_view kMultiNested = "ERR MULTI calls can not be nested";
inline constexpr std::string_view kWatchInsideMulti = "ERR WATCH inside MULTI is not allowed";
// A command with the no-multi flag (SAVE, SHUTDOWN, SYNC, PSYNC) sent inside MULTI.
inline constexpr std::string_view kNotAllowedInMulti =
    "ERR Command not allowed inside a transaction";
// EXEC after a command was refused while queueing.
inline constexpr std::string_view kExecAbort =
    "EXECABORT Transaction discarded because of previous errors.";
// EXEC itself refused (OOM, wrong arity): this prefix, then the refusal without its "ERR ".
inline constexpr std::string_view kExecAbortBecause = "EXECABORT Transaction discarded because of: ";

// "ERR CONFIG SET failed (possibly related to argument 'x') - " (config_set_failed below).
inline constexpr std::string_view kNoConfigFile = "ERR The server is running without a config file";
inline constexpr std::string_view kConfigImmutable = "can't set immutable config";
inline constexpr std::string_view kConfigProtected = "can't set protected config";
inline constexpr std::string_view kConfigDuplicate = "duplicate parameter";
inline constexpr std::string_view kConfigNotBool = "argument must be 'yes' or 'no'";
inline constexpr std::string_view kConfigNotInteger = "argument couldn't be parsed into an integer";
inline constexpr std::string_view kConfigNotMemory = "argument must be a memory value";
inline constexpr std::string_view kConfigNotMemoryOrPercent =
    "argument must be a memory or percent value";
inline constexpr std::string_view kConfigPercentTooLarge =
    "percentage argument must be less or equal to 100";
inline constexpr std::string_view kConfigNotOctal = "argument couldn't be parsed as an octal number";
inline constexpr std::string_view kConfigWrongArgCount = "wrong number of arguments";
inline constexpr std::string_view kConfigSaveParams = "Invalid save parameters";
inline constexpr std::string_view kConfigObufArgCount =
    "Wrong number of arguments in buffer limit configuration.";
inline constexpr std::string_view kConfigObufClass =
    "Invalid client class specified in buffer limit configuration.";
inline constexpr std::string_view kConfigObufValues =
    "Error in hard, soft or soft_seconds setting in buffer limit configuration.";
inline constexpr std::string_view kConfigBindTooMany = "Too many bind addresses specified.";
inline constexpr std::string_view kConfigKeyspaceEvents =
    "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";
inline constexpr std::string_view kConfigOomScoreValues =
    "Invalid oom-score-adj-values, elements must be between -2000 and 2000.";
inline constexpr std::string_view kConfigPercentilesInvalid =
    "Invalid latency-tracking-info-percentiles parameters";
inline constexpr std::string_view kConfigPercentilesRange =
    "latency-tracking-info-percentiles parameters should sit between [0.0,100.0]";
inline constexpr std::string_view kConfigProcTitleTemplate =
    "template format is invalid or contains unknown variables";
inline constexpr std::string_view kConfigShutdownSaveNosave =
    "shutdown options SAVE and NOSAVE can't be used simultaneously";
// The Debian build's jemalloc has no defragmentation support; kevy answers as it does.
inline constexpr std::string_view kConfigActiveDefrag =
    "Active defragmentation cannot be enabled: it requires a Redis server compiled with a "
    "modified Jemalloc like the one shipped by default with the Redis source distribution";
inline constexpr std::string_view kConfigNoSuchDirectory = "No such file or directory";
// ---- SAVE / BGSAVE / DEBUG RELOAD (persist_cmds.cc)
inline constexpr std::string_view kBgsaveInProgress = "ERR Background save already in progress";
inline constexpr std::string_view kAofRewriteInProgress =
    "ERR Background append only file rewriting already in progress";
inline constexpr std::string_view kAofNotEnabled = "ERR DEBUG LOADAOF needs appendonly yes";
inline constexpr std::string_view kAofReloadFailed = "ERR Error trying to load the AOF files";
inline constexpr std::string_view kAofEnableFailed =
    "ERR CONFIG SET failed (possibly related to argument 'appendonly') - Unable to turn on AOF. "
    "Check server logs.";
inline constexpr std::string_view kBareErr = "ERR";  // Redis's shared.err: a save that failed
inline constexpr std::string_view kDebugReloadOptions =
    "ERR DEBUG RELOAD only supports the MERGE, NOFLUSH and NOSAVE options.";
inline constexpr std::string_view kRdbReloadFailed = "ERR Error trying to load the RDB dump";

// ---- DUMP / RESTORE (dump_restore.cc)
inline constexpr std::string_view kBusyKey = "BUSYKEY Target key name already exists.";
inline constexpr std::string_view kInvalidTtl = "ERR Invalid TTL value, must be >= 0";
inline constexpr std::string_view kInvalidIdletime = "ERR Invalid IDLETIME value, must be >= 0";
inline constexpr std::string_view kInvalidFreq = "ERR Invalid FREQ value, must be >= 0 and <= 255";
inline constexpr std::string_view kDumpPayloadWrong =
    "ERR DUMP payload version or checksum are wrong";
inline constexpr std::string_view kBadDataFormat = "ERR Bad data format";

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
// "ERR Unknown client type 'foo'"
std::string unknown_client_type(std::string_view type);
// "ERR No such user 'foo'"
std::string no_such_user(std::string_view user);
// "ERR No samples available for event 'foo'" (LATENCY GRAPH)
std::string no_latency_samples(std::string_view event);

// "ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are
// allowed in this context" (a RESP2 client in subscribed mode; name as in the table, e.g.
// "client|info").
std::string pubsub_context(std::string_view full_name);
// The same refusal of EXEC: "EXECABORT Transaction discarded because of: Can't execute 'exec':
// only ... in this context" (Redis's execCommandAbort of a rejected EXEC).
std::string pubsub_context_execabort();

// "ERR CONFIG SET failed (possibly related to argument 'hz') - <reason>"
std::string config_set_failed(std::string_view name, std::string_view reason);
// "ERR Unknown option or number of arguments for CONFIG SET - 'foo'"
std::string config_unknown_option(std::string_view name);
// CONFIG SET reason "argument must be between 0 and 100 inclusive"
std::string config_range(int64_t min, int64_t max);
// CONFIG SET reason "argument(s) must be one of the following: a, b, c"
std::string config_enum(std::string_view names_comma_separated);
// "ERR Rewriting config file: <strerror text>"
std::string config_rewrite_failed(std::string_view reason);

}  // namespace kevy::err
