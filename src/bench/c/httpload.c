/*
 * httpload: an open-loop HTTP/1.1 load generator that costs the machine little.
 *
 * Requests are due at a fixed rate whatever the answers do; each latency is measured from the
 * moment the request was due, so a stalled server counts against the server instead of slowing
 * the generator down (no coordinated omission). A request that finds no free keep-alive
 * connection waits in a queue, and that wait is part of its latency. One thread, epoll, and a
 * timerfd for the due times: on a two-core machine shared with the server under test, the
 * generator must not be the tail.
 *
 * Build and run (see BENCHMARKS.md and src/bench/http-ranking.sh):
 *   gcc -O2 -Wall -o target/httpload src/bench/c/httpload.c
 *   target/httpload -r 500 -d 20 -w 5 -n 3 URL [URL...]
 *
 * -r rate (requests/s), -d measured seconds per URL and round, -w warm-up seconds per URL and
 * round (not counted), -n rounds (URL order alternates between rounds: A B, B A, A B, ...),
 * -c connections (default 32). Prints one line per URL and round, then all rounds together.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#define BUF 65536

typedef struct {
  char host[256];
  char port[16];
  char path[2048];
  char request[4096];
  size_t request_len;
  struct addrinfo *addr;
} target;

typedef struct {
  int fd;
  int busy;    /* a request is in flight on it */
  long req;    /* index of that request */
  char *buf;
  size_t len;
} conn;

typedef struct {
  int64_t *lat;      /* latency per request, ns from its due time; -1 while unanswered */
  int64_t *lag;      /* how late the generator sent it, ns */
  long total;
  long errors;
  long done;
} run_stats;

static int64_t now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (int64_t)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void die(const char *what) {
  perror(what);
  exit(2);
}

static void parse_url(const char *url, target *t) {
  const char *p = url;
  if (strncmp(p, "http://", 7) != 0) {
    fprintf(stderr, "only http:// URLs: %s\n", url);
    exit(2);
  }
  p += 7;
  const char *slash = strchr(p, '/');
  size_t hostport = slash ? (size_t)(slash - p) : strlen(p);
  char hp[256];
  if (hostport >= sizeof hp) {
    fprintf(stderr, "host too long\n");
    exit(2);
  }
  memcpy(hp, p, hostport);
  hp[hostport] = 0;
  char *colon = strrchr(hp, ':');
  if (colon) {
    *colon = 0;
    snprintf(t->port, sizeof t->port, "%s", colon + 1);
  } else {
    snprintf(t->port, sizeof t->port, "80");
  }
  snprintf(t->host, sizeof t->host, "%s", hp);
  snprintf(t->path, sizeof t->path, "%s", slash ? slash : "/");
  t->request_len = (size_t)snprintf(
      t->request, sizeof t->request,
      "GET %s HTTP/1.1\r\nHost: %s:%s\r\nAccept: application/json\r\nUser-Agent: httpload\r\n\r\n",
      t->path, t->host, t->port);
  struct addrinfo hints = {0};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  int rc = getaddrinfo(t->host, t->port, &hints, &t->addr);
  if (rc != 0) {
    fprintf(stderr, "%s: %s\n", t->host, gai_strerror(rc));
    exit(2);
  }
}

static int open_conn(const target *t) {
  int fd = socket(t->addr->ai_family, SOCK_STREAM, 0);
  if (fd < 0) die("socket");
  if (connect(fd, t->addr->ai_addr, t->addr->ai_addrlen) != 0) die("connect");
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
  return fd;
}

/* Case-insensitive search for a header line's value in the header block; NULL if absent. */
static const char *header(const char *head, size_t head_len, const char *name) {
  size_t n = strlen(name);
  const char *p = head;
  const char *end = head + head_len;
  while (p < end) {
    const char *eol = memmem(p, (size_t)(end - p), "\r\n", 2);
    if (!eol) return NULL;
    if ((size_t)(eol - p) > n && strncasecmp(p, name, n) == 0 && p[n] == ':') {
      const char *v = p + n + 1;
      while (*v == ' ') v++;
      return v;
    }
    p = eol + 2;
  }
  return NULL;
}

/*
 * Whether buf holds one whole response. Returns its length (and the status in *status), 0 if
 * more bytes are needed, -1 if it cannot be parsed.
 */
static long complete_response(const char *buf, size_t len, int *status, int *closing) {
  const char *eoh = memmem(buf, len, "\r\n\r\n", 4);
  if (!eoh) return 0;
  size_t head_len = (size_t)(eoh - buf) + 4;
  if (len < 12 || strncmp(buf, "HTTP/1.", 7) != 0) return -1;
  *status = atoi(buf + 9);
  /* the server ends keep-alive after so many requests (Tomcat: 100 by default) */
  const char *connection = header(buf, head_len, "Connection");
  *closing = connection != NULL && strncasecmp(connection, "close", 5) == 0;
  const char *cl = header(buf, head_len, "Content-Length");
  if (cl) {
    size_t body = (size_t)strtoull(cl, NULL, 10);
    return len >= head_len + body ? (long)(head_len + body) : 0;
  }
  const char *te = header(buf, head_len, "Transfer-Encoding");
  if (te && strncasecmp(te, "chunked", 7) == 0) {
    size_t pos = head_len;
    for (;;) {
      const char *eol = memmem(buf + pos, len - pos, "\r\n", 2);
      if (!eol) return 0;
      size_t size = (size_t)strtoull(buf + pos, NULL, 16);
      pos = (size_t)(eol - buf) + 2;
      if (size == 0) {
        /* no trailers expected: the last chunk is followed by an empty line */
        return len >= pos + 2 ? (long)(pos + 2) : 0;
      }
      if (len < pos + size + 2) return 0;
      pos += size + 2;
    }
  }
  /* no body (e.g. 204/304) */
  return (long)head_len;
}

static int cmp64(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

static double pct(const int64_t *sorted, long n, double q) {
  long i = (long)(q * (double)n + 0.999999) - 1;
  if (i < 0) i = 0;
  if (i >= n) i = n - 1;
  return (double)sorted[i] / 1e6;
}

static void send_on(conn *c, long req, const target *t, run_stats *s, int64_t due) {
  ssize_t w = write(c->fd, t->request, t->request_len);
  if (w != (ssize_t)t->request_len) {
    /* loopback and a few hundred bytes: a short write means the connection is broken */
    s->lat[req] = now_ns() - due;
    s->errors++;
    s->done++;
    return;
  }
  s->lag[req] = now_ns() - due;
  c->busy = 1;
  c->req = req;
  c->len = 0;
}

/* One run of `seconds` at `rate` against t; fills s (caller frees). */
static double run(const target *t, int rate, int seconds, int nconns, run_stats *s) {
  long total = (long)rate * seconds;
  int64_t interval = 1000000000LL / rate;
  s->total = total;
  s->errors = 0;
  s->done = 0;
  s->lat = malloc(sizeof(int64_t) * (size_t)total);
  s->lag = malloc(sizeof(int64_t) * (size_t)total);
  long *queue = malloc(sizeof(long) * (size_t)total);
  if (!s->lat || !s->lag || !queue) die("malloc");
  for (long i = 0; i < total; i++) s->lat[i] = -1, s->lag[i] = 0;
  long qhead = 0, qtail = 0;

  int ep = epoll_create1(0);
  if (ep < 0) die("epoll_create1");
  conn *conns = calloc((size_t)nconns, sizeof(conn));
  for (int i = 0; i < nconns; i++) {
    conns[i].fd = open_conn(t);
    conns[i].buf = malloc(BUF);
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
    if (epoll_ctl(ep, EPOLL_CTL_ADD, conns[i].fd, &ev) != 0) die("epoll_ctl");
  }
  int tfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK);
  if (tfd < 0) die("timerfd_create");
  struct epoll_event tev = {.events = EPOLLIN, .data.u32 = UINT32_MAX};
  if (epoll_ctl(ep, EPOLL_CTL_ADD, tfd, &tev) != 0) die("epoll_ctl timer");

  int64_t start = now_ns() + 1000000; /* 1 ms from now */
  long next = 0;
  int64_t last = start;
  struct epoll_event events[64];
  while (s->done < total) {
    int64_t now = now_ns();
    /* everything due by now: onto a free connection, else into the queue */
    while (next < total && start + next * interval <= now) {
      int sent = 0;
      if (qhead == qtail) {
        for (int i = 0; i < nconns; i++) {
          if (!conns[i].busy) {
            send_on(&conns[i], next, t, s, start + next * interval);
            sent = 1;
            break;
          }
        }
      }
      if (!sent) queue[qtail++] = next;
      next++;
    }
    if (next < total) {
      int64_t due = start + next * interval;
      struct itimerspec its = {0};
      its.it_value.tv_sec = due / 1000000000LL;
      its.it_value.tv_nsec = due % 1000000000LL;
      timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, NULL);
    }
    int n = epoll_wait(ep, events, 64, next < total ? -1 : 10000);
    if (n < 0) {
      if (errno == EINTR) continue;
      die("epoll_wait");
    }
    if (n == 0) {
      fprintf(stderr, "no answer for 10 s; giving up on %ld requests\n", total - s->done);
      for (long i = 0; i < total; i++)
        if (s->lat[i] < 0) s->lat[i] = now_ns() - (start + i * interval), s->errors++;
      break;
    }
    for (int e = 0; e < n; e++) {
      uint32_t id = events[e].data.u32;
      if (id == UINT32_MAX) {
        uint64_t expirations;
        (void)!read(tfd, &expirations, sizeof expirations);
        continue;
      }
      conn *c = &conns[id];
      ssize_t r = read(c->fd, c->buf + c->len, BUF - c->len);
      if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
      int status = 0, closing = 0;
      long whole = 0;
      if (r > 0) {
        c->len += (size_t)r;
        whole = complete_response(c->buf, c->len, &status, &closing);
        if (whole == 0 && c->len < BUF) continue;
      }
      int64_t at = now_ns();
      last = at;
      if (c->busy) {
        s->lat[c->req] = at - (start + c->req * interval);
        if (whole <= 0 || status != 200) s->errors++;
        s->done++;
      }
      c->busy = 0;
      c->len = 0;
      if (whole <= 0 || closing) {
        /* closed, closing, unreadable or oversized: open a fresh connection in its place */
        epoll_ctl(ep, EPOLL_CTL_DEL, c->fd, NULL);
        close(c->fd);
        c->fd = open_conn(t);
        struct epoll_event ev = {.events = EPOLLIN, .data.u32 = id};
        epoll_ctl(ep, EPOLL_CTL_ADD, c->fd, &ev);
      }
      if (qhead < qtail) {
        long q = queue[qhead++];
        send_on(c, q, t, s, start + q * interval);
      }
    }
  }
  for (int i = 0; i < nconns; i++) {
    close(conns[i].fd);
    free(conns[i].buf);
  }
  free(conns);
  free(queue);
  close(tfd);
  close(ep);
  return (double)(last - start) / 1e9;
}

static void print_row(const char *label, const char *url, int64_t *lat, int64_t *lag, long n,
                      long errors, double seconds) {
  qsort(lat, (size_t)n, sizeof(int64_t), cmp64);
  qsort(lag, (size_t)n, sizeof(int64_t), cmp64);
  printf("%-7s %-52s %7ld %6ld %8.0f %8.2f %8.2f %8.2f %8.2f %9.2f %9.2f\n", label, url, n, errors,
         (double)n / seconds, pct(lat, n, 0.50), pct(lat, n, 0.90), pct(lat, n, 0.99),
         pct(lat, n, 0.999), pct(lat, n, 1.0), pct(lag, n, 0.99));
}

int main(int argc, char **argv) {
  int rate = 500, seconds = 20, warmup = 5, rounds = 1, nconns = 32, opt;
  while ((opt = getopt(argc, argv, "r:d:w:n:c:")) != -1) {
    switch (opt) {
      case 'r': rate = atoi(optarg); break;
      case 'd': seconds = atoi(optarg); break;
      case 'w': warmup = atoi(optarg); break;
      case 'n': rounds = atoi(optarg); break;
      case 'c': nconns = atoi(optarg); break;
      default:
        fprintf(stderr, "usage: %s [-r rate] [-d seconds] [-w warmup] [-n rounds] [-c conns] URL...\n",
                argv[0]);
        return 2;
    }
  }
  int nurls = argc - optind;
  if (nurls < 1 || rate < 1 || seconds < 1 || rounds < 1 || nconns < 1) {
    fprintf(stderr, "usage: %s [-r rate] [-d seconds] [-w warmup] [-n rounds] [-c conns] URL...\n",
            argv[0]);
    return 2;
  }
  target *targets = calloc((size_t)nurls, sizeof(target));
  for (int u = 0; u < nurls; u++) parse_url(argv[optind + u], &targets[u]);

  long per = (long)rate * seconds;
  int64_t **all_lat = calloc((size_t)nurls, sizeof(int64_t *));
  int64_t **all_lag = calloc((size_t)nurls, sizeof(int64_t *));
  long *all_err = calloc((size_t)nurls, sizeof(long));
  for (int u = 0; u < nurls; u++) {
    all_lat[u] = malloc(sizeof(int64_t) * (size_t)(per * rounds));
    all_lag[u] = malloc(sizeof(int64_t) * (size_t)(per * rounds));
  }
  printf("%d requests/s, %d s measured after %d s warm-up, %d connection(s), %d round(s)\n", rate,
         seconds, warmup, nconns, rounds);
  printf("%-7s %-52s %7s %6s %8s %8s %8s %8s %8s %9s %9s\n", "round", "url", "sent", "errors",
         "req/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "lag p99");
  for (int round = 0; round < rounds; round++) {
    for (int k = 0; k < nurls; k++) {
      int u = round % 2 == 0 ? k : nurls - 1 - k; /* alternate the order between rounds */
      run_stats s;
      if (warmup > 0) {
        run(&targets[u], rate, warmup, nconns, &s);
        free(s.lat);
        free(s.lag);
      }
      double took = run(&targets[u], rate, seconds, nconns, &s);
      memcpy(all_lat[u] + per * round, s.lat, sizeof(int64_t) * (size_t)per);
      memcpy(all_lag[u] + per * round, s.lag, sizeof(int64_t) * (size_t)per);
      all_err[u] += s.errors;
      char label[16];
      snprintf(label, sizeof label, "%d", round + 1);
      print_row(label, targets[u].path, s.lat, s.lag, per, s.errors, took);
      fflush(stdout);
      free(s.lat);
      free(s.lag);
    }
  }
  if (rounds > 1) {
    for (int u = 0; u < nurls; u++) {
      print_row("all", targets[u].path, all_lat[u], all_lag[u], per * rounds, all_err[u],
                (double)seconds * rounds);
    }
  }
  return 0;
}
