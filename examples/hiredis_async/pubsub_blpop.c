/* An asynchronous hiredis client on libevent against kevy-server (or any Redis): what an
 * event-driven C application does with pub/sub and blocking pops.
 *
 *   pubsub_blpop HOST PORT
 *
 * Two async contexts share one event loop. "sub" SUBSCRIBEs to a channel; "pub" PUBLISHes to it
 * and the message arrives through the subscription callback; sub UNSUBSCRIBEs, then runs a
 * BLPOP that pub wakes with an RPUSH once INFO shows the pop is blocked. Every reply is printed
 * and compared with what Redis 7.0 replies; the exit status is 0 when all matched, 1 on the
 * first mismatch, a connection error or when the whole exchange takes more than 5 seconds.
 *
 * Built only when libevent is found (examples/CMakeLists.txt); the ctest example_hiredis_async
 * runs it against a spawned kevy-server and a spawned redis-server
 * (tests/clients/run_hiredis_async_example.sh).
 */
#include <event2/event.h>
#include <hiredis/adapters/libevent.h>
#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHANNEL "kevy:example:news"
#define PAYLOAD "hello from hiredis"
#define QUEUE "kevy:example:jobs"
#define JOB "job-1"

static struct event_base *base;
static struct event *deadline; /* the 5 s overall timeout */
static struct event *retry;    /* re-polls INFO until the BLPOP is blocked */
static redisAsyncContext *sub; /* the subscriber, later the BLPOP client */
static redisAsyncContext *pub; /* the publisher, later the RPUSH client */
static int failed;             /* set once; the loop stops and main returns 1 */
static int finished;           /* both final replies checked: callbacks may see NULL replies */
static int pending_final = 2;  /* BLPOP reply and RPUSH reply still to come */
static int messages_seen;      /* the subscription callback's "message" calls */

/* Prints a reply the way redis-cli --no-raw shows nesting, on one line. */
static void print_reply(const redisReply *r) {
  size_t i;
  switch (r->type) {
    case REDIS_REPLY_STRING: printf("\"%.*s\"", (int)r->len, r->str); break;
    case REDIS_REPLY_STATUS: printf("%.*s", (int)r->len, r->str); break;
    case REDIS_REPLY_ERROR: printf("(error) %.*s", (int)r->len, r->str); break;
    case REDIS_REPLY_INTEGER: printf("(integer) %lld", r->integer); break;
    case REDIS_REPLY_NIL: printf("(nil)"); break;
    case REDIS_REPLY_ARRAY:
      printf("[");
      for (i = 0; i < r->elements; i++) {
        if (i > 0) printf(", ");
        print_reply(r->element[i]);
      }
      printf("]");
      break;
    default: printf("(type %d)", r->type);
  }
}

static void show(const char *who, const redisReply *r) {
  printf("%-6s ", who);
  print_reply(r);
  printf("\n");
  fflush(stdout);
}

/* Records the first failure and stops the loop; main frees what is still connected. */
static void fail(const char *fmt, ...) {
  va_list ap;
  if (failed || finished) return;
  failed = 1;
  va_start(ap, fmt);
  fprintf(stderr, "FAIL: ");
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\n");
  va_end(ap);
  event_base_loopbreak(base);
}

static int is_string(const redisReply *r, int type, const char *want) {
  return r != NULL && r->type == type && r->len == strlen(want) && memcmp(r->str, want, r->len) == 0;
}
static int is_int(const redisReply *r, long long want) {
  return r != NULL && r->type == REDIS_REPLY_INTEGER && r->integer == want;
}
/* A 3-element pub/sub array: [kind, channel, third] with a bulk or integer third element. */
static int is_push(const redisReply *r, const char *kind, const char *channel) {
  return r != NULL && r->type == REDIS_REPLY_ARRAY && r->elements == 3 &&
         is_string(r->element[0], REDIS_REPLY_STRING, kind) &&
         is_string(r->element[1], REDIS_REPLY_STRING, channel);
}

static void on_final(void) {
  if (--pending_final > 0) return;
  finished = 1;
  evtimer_del(deadline);
  /* Graceful: hiredis frees each context once its pending replies are in. */
  redisAsyncDisconnect(sub);
  redisAsyncDisconnect(pub);
}

static void on_blpop(redisAsyncContext *c, void *reply, void *privdata) {
  const redisReply *r = reply;
  (void)c;
  (void)privdata;
  if (r == NULL) { fail("BLPOP: no reply (connection lost)"); return; }
  show("sub", r);
  if (r->type != REDIS_REPLY_ARRAY || r->elements != 2 ||
      !is_string(r->element[0], REDIS_REPLY_STRING, QUEUE) ||
      !is_string(r->element[1], REDIS_REPLY_STRING, JOB)) {
    fail("BLPOP: want [\"" QUEUE "\", \"" JOB "\"]");
    return;
  }
  on_final();
}

static void on_rpush(redisAsyncContext *c, void *reply, void *privdata) {
  const redisReply *r = reply;
  (void)c;
  (void)privdata;
  if (r == NULL) { fail("RPUSH: no reply"); return; }
  show("pub", r);
  /* The list's length right after the push, before the blocked client takes the element. */
  if (!is_int(r, 1)) { fail("RPUSH: want (integer) 1"); return; }
  on_final();
}

static void poll_blocked(evutil_socket_t fd, short what, void *arg);

/* INFO clients on pub: RPUSH once it reports the BLPOP as blocked, else ask again in 10 ms. */
static void on_info(redisAsyncContext *c, void *reply, void *privdata) {
  const redisReply *r = reply;
  struct timeval ten_ms = {0, 10000};
  (void)c;
  (void)privdata;
  if (r == NULL) { fail("INFO: no reply"); return; }
  if (r->type != REDIS_REPLY_STRING) { fail("INFO: not a bulk string"); return; }
  if (strstr(r->str, "\r\nblocked_clients:1\r\n") == NULL) {
    evtimer_add(retry, &ten_ms);
    return;
  }
  printf("pub    INFO clients: blocked_clients:1\n");
  redisAsyncCommand(pub, on_rpush, NULL, "RPUSH %s %s", QUEUE, JOB);
}

static void poll_blocked(evutil_socket_t fd, short what, void *arg) {
  (void)fd;
  (void)what;
  (void)arg;
  redisAsyncCommand(pub, on_info, NULL, "INFO clients");
}

static void on_publish(redisAsyncContext *c, void *reply, void *privdata) {
  const redisReply *r = reply;
  (void)c;
  (void)privdata;
  if (r == NULL) { fail("PUBLISH: no reply"); return; }
  show("pub", r);
  if (!is_int(r, 1)) { fail("PUBLISH: want (integer) 1 (one subscriber)"); return; }
}

/* Called for every reply on the subscription: the confirmation, each message, and the
 * UNSUBSCRIBE confirmation (after which the context is an ordinary one again). */
static void on_subscription(redisAsyncContext *c, void *reply, void *privdata) {
  const redisReply *r = reply;
  (void)c;
  (void)privdata;
  if (r == NULL) {
    if (!finished) fail("subscription: no reply (connection lost)");
    return;
  }
  show("sub", r);
  if (is_push(r, "subscribe", CHANNEL)) {
    if (!is_int(r->element[2], 1)) { fail("SUBSCRIBE: want count 1"); return; }
    redisAsyncCommand(pub, on_publish, NULL, "PUBLISH %s %s", CHANNEL, PAYLOAD);
  } else if (is_push(r, "message", CHANNEL)) {
    if (!is_string(r->element[2], REDIS_REPLY_STRING, PAYLOAD)) {
      fail("message: payload");
      return;
    }
    if (++messages_seen != 1) { fail("message: delivered more than once"); return; }
    redisAsyncCommand(sub, NULL, NULL, "UNSUBSCRIBE %s", CHANNEL);
  } else if (is_push(r, "unsubscribe", CHANNEL)) {
    if (!is_int(r->element[2], 0)) { fail("UNSUBSCRIBE: want count 0"); return; }
    if (messages_seen != 1) { fail("UNSUBSCRIBE before the message"); return; }
    /* Out of subscribe mode: a blocking pop on the same connection. */
    redisAsyncCommand(sub, on_blpop, NULL, "BLPOP %s 5", QUEUE);
    poll_blocked(-1, 0, NULL);
  } else {
    fail("subscription: unexpected reply");
  }
}

static void on_ready(redisAsyncContext *c, void *reply, void *privdata) {
  const redisReply *r = reply;
  (void)c;
  (void)privdata;
  if (r == NULL) { fail("DEL: no reply"); return; }
  show("pub", r);
  if (r->type != REDIS_REPLY_INTEGER) { fail("DEL: want an integer"); return; }
  redisAsyncCommand(sub, on_subscription, NULL, "SUBSCRIBE %s", CHANNEL);
}

/* On a failed connect hiredis frees the context without calling on_disconnect. */
static void on_connect(const redisAsyncContext *c, int status) {
  if (status == REDIS_OK) return;
  fail("connect: %s", c->errstr);
  if (c == sub) sub = NULL;
  if (c == pub) pub = NULL;
}

static void on_disconnect(const redisAsyncContext *c, int status) {
  if (status != REDIS_OK) fail("disconnected: %s", c->errstr);
  if (c == sub) sub = NULL;
  if (c == pub) pub = NULL;
}

static void on_deadline(evutil_socket_t fd, short what, void *arg) {
  (void)fd;
  (void)what;
  (void)arg;
  fail("timeout: the exchange did not finish within 5 s");
}

static redisAsyncContext *connect_to(const char *host, int port) {
  redisAsyncContext *c = redisAsyncConnect(host, port);
  if (c == NULL || c->err) {
    fprintf(stderr, "FAIL: connect %s:%d: %s\n", host, port, c ? c->errstr : "out of memory");
    exit(1);
  }
  redisLibeventAttach(c, base);
  redisAsyncSetConnectCallback(c, on_connect);
  redisAsyncSetDisconnectCallback(c, on_disconnect);
  return c;
}

int main(int argc, char **argv) {
  struct timeval five_s = {5, 0};
  if (argc != 3) {
    fprintf(stderr, "usage: %s HOST PORT\n", argv[0]);
    return 2;
  }
  base = event_base_new();
  deadline = evtimer_new(base, on_deadline, NULL);
  retry = evtimer_new(base, poll_blocked, NULL);
  evtimer_add(deadline, &five_s);
  sub = connect_to(argv[1], atoi(argv[2]));
  pub = connect_to(argv[1], atoi(argv[2]));

  /* Commands are queued until the connection is up. The queue key starts out absent. */
  redisAsyncCommand(pub, on_ready, NULL, "DEL %s", QUEUE);
  event_base_dispatch(base);

  if (sub != NULL) redisAsyncFree(sub);
  if (pub != NULL) redisAsyncFree(pub);
  event_free(retry);
  event_free(deadline);
  event_base_free(base);
  if (failed || !finished) {
    if (!failed) fprintf(stderr, "FAIL: the event loop ended early\n");
    return 1;
  }
  printf("all replies as expected\n");
  return 0;
}
