#include "host/http/http_client.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace needlework::host {
namespace {

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
struct EasyDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// One part of `url` as libcurl parses it, lower-cased by libcurl for the scheme; "" if absent.
std::string UrlPart(CURLU* url, CURLUPart part) {
  char* value = nullptr;
  if (curl_url_get(url, part, &value, 0) != CURLUE_OK || value == nullptr) return "";
  std::string out(value);
  curl_free(value);
  return out;
}

bool LoopbackHost(const std::string& host) {
  return host == "127.0.0.1" || host == "[::1]" || host == "localhost";
}

// The body as it arrives; refuses (stopping the transfer) past `max_bytes`.
struct Sink {
  std::string body;
  size_t max_bytes = 0;
  bool overflowed = false;
};

size_t Write(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  size_t bytes = size * count;
  if (sink->body.size() + bytes > sink->max_bytes) {
    sink->overflowed = true;
    return 0;  // libcurl stops with CURLE_WRITE_ERROR
  }
  sink->body.append(data, bytes);
  return bytes;
}

Status CurlError(CURLcode code, const Sink& sink, const std::string& url,
                 const HttpGetLimits& limits) {
  if (sink.overflowed) {
    return Status(StatusCode::kResourceExhausted, "the answer of " + url + " is larger than " +
                                                      std::to_string(limits.max_bytes) + " bytes");
  }
  if (code == CURLE_OPERATION_TIMEDOUT) {
    return DeadlineExceededError(url + " did not answer within " +
                                 std::to_string(limits.timeout.count()) + " ms");
  }
  return UnavailableError("cannot read " + url + ": " + curl_easy_strerror(code));
}

void SetOptions(CURL* curl, const std::string& url, curl_slist* headers, Sink& sink,
                const HttpGetLimits& limits) {
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // thread-safe timeouts
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_bytes));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Write);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
}

}  // namespace

bool UrlAllowed(const std::string& url) {
  GlobalInit();
  std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return false;
  }
  std::string scheme = UrlPart(parsed.get(), CURLUPART_SCHEME);
  std::string host = UrlPart(parsed.get(), CURLUPART_HOST);
  if (host.empty()) return false;
  return scheme == "https" || (scheme == "http" && LoopbackHost(host));
}

StatusOr<HttpGetReply> HttpGet(const std::string& url, const std::vector<std::string>& headers,
                               const HttpGetLimits& limits) {
  if (!UrlAllowed(url)) {
    return InvalidArgumentError("will not call " + url +
                                ": only https URLs, or http to a loopback host, are allowed");
  }
  std::unique_ptr<CURL, EasyDeleter> curl(curl_easy_init());
  if (!curl) return InternalError("libcurl could not start a request");
  std::unique_ptr<curl_slist, ListDeleter> list;
  for (const auto& header : headers) {
    list.reset(curl_slist_append(list.release(), header.c_str()));
  }
  Sink sink;
  sink.max_bytes = limits.max_bytes;
  SetOptions(curl.get(), url, list.get(), sink, limits);
  CURLcode code = curl_easy_perform(curl.get());
  if (code == CURLE_FILESIZE_EXCEEDED) sink.overflowed = true;
  if (code != CURLE_OK) return CurlError(code, sink, url, limits);
  long status = 0;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
  return HttpGetReply{static_cast<int>(status), std::move(sink.body)};
}

}  // namespace needlework::host
