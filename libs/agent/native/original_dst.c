/*
 * SO_ORIGINAL_DST for Node: the address a connection was sent to before an iptables REDIRECT (or DNAT) rewrote it.
 * The capture listeners (15001/15006) accept redirected connections and need it to pick the listener/cluster of the
 * real destination. One function: originalDst(fd) -> {address, port, family} | {errno, message}.
 * Plain node-api (ABI-stable across Node versions), no C++ wrapper library needed.
 */
#include <node_api.h>

#include <arpa/inet.h>
#include <errno.h>
#include <linux/netfilter_ipv4.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#ifndef IP6T_SO_ORIGINAL_DST
#define IP6T_SO_ORIGINAL_DST 80 /* linux/netfilter_ipv6/ip6_tables.h; not included to avoid its kernel-header deps */
#endif

static napi_value make_string(napi_env env, const char *text) {
  napi_value value;
  napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &value);
  return value;
}

static napi_value make_int(napi_env env, int number) {
  napi_value value;
  napi_create_int32(env, number, &value);
  return value;
}

static napi_value error_result(napi_env env, int error_number, const char *what) {
  char message[160];
  napi_value result;
  snprintf(message, sizeof message, "%s: %s", what, strerror(error_number));
  napi_create_object(env, &result);
  napi_set_named_property(env, result, "errno", make_int(env, error_number));
  napi_set_named_property(env, result, "message", make_string(env, message));
  return result;
}

static napi_value address_result(napi_env env, const struct sockaddr_storage *storage) {
  char text[INET6_ADDRSTRLEN];
  int port;
  int family;
  napi_value result;
  if (storage->ss_family == AF_INET) {
    const struct sockaddr_in *in4 = (const struct sockaddr_in *)storage;
    inet_ntop(AF_INET, &in4->sin_addr, text, sizeof text);
    port = ntohs(in4->sin_port);
    family = 4;
  } else {
    const struct sockaddr_in6 *in6 = (const struct sockaddr_in6 *)storage;
    inet_ntop(AF_INET6, &in6->sin6_addr, text, sizeof text);
    port = ntohs(in6->sin6_port);
    family = 6;
  }
  napi_create_object(env, &result);
  napi_set_named_property(env, result, "address", make_string(env, text));
  napi_set_named_property(env, result, "port", make_int(env, port));
  napi_set_named_property(env, result, "family", make_int(env, family));
  return result;
}

static napi_value original_dst(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t fd;
  struct sockaddr_storage local;
  struct sockaddr_storage original;
  socklen_t length;

  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 1 || napi_get_value_int32(env, argv[0], &fd) != napi_ok || fd < 0) {
    napi_throw_type_error(env, NULL, "originalDst(fd): fd must be a non-negative integer");
    return NULL;
  }

  length = sizeof local;
  if (getsockname(fd, (struct sockaddr *)&local, &length) != 0) return error_result(env, errno, "getsockname");

  memset(&original, 0, sizeof original);
  if (local.ss_family == AF_INET) {
    length = sizeof(struct sockaddr_in);
    if (getsockopt(fd, SOL_IP, SO_ORIGINAL_DST, &original, &length) != 0) return error_result(env, errno, "getsockopt(SO_ORIGINAL_DST)");
    return address_result(env, &original);
  }
  if (local.ss_family == AF_INET6) {
    length = sizeof(struct sockaddr_in6);
    int ipv6_error;
    length = sizeof(struct sockaddr_in6);
    if (getsockopt(fd, SOL_IPV6, IP6T_SO_ORIGINAL_DST, &original, &length) == 0) return address_result(env, &original);
    ipv6_error = errno;
    /* An IPv4 client on a dual-stack socket: conntrack has an IPv4 entry. */
    length = sizeof(struct sockaddr_in);
    memset(&original, 0, sizeof original);
    if (getsockopt(fd, SOL_IP, SO_ORIGINAL_DST, &original, &length) == 0) return address_result(env, &original);
    return error_result(env, ipv6_error, "getsockopt(IP6T_SO_ORIGINAL_DST)");
  }
  return error_result(env, EAFNOSUPPORT, "originalDst");
}

NAPI_MODULE_INIT(/* napi_env env, napi_value exports */) {
  napi_value function;
  napi_create_function(env, "originalDst", NAPI_AUTO_LENGTH, original_dst, NULL, &function);
  napi_set_named_property(env, exports, "originalDst", function);
  return exports;
}
