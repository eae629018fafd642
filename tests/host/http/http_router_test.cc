#include "host/http/http_router.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace needlework::host {
namespace {

HttpHandler Answer(std::string body) {
  return [body](const HttpRequest&) {
    HttpReply reply;
    reply.body = body;
    return reply;
  };
}

HttpRequest Request(std::string method, std::string path) {
  HttpRequest request;
  request.method = std::move(method);
  request.path = std::move(path);
  return request;
}

HttpRouter CdsLikeRouter() {
  HttpRouter router;
  EXPECT_TRUE(router.Add({"GET", "/cds-services", false, Answer("discovery")}).ok());
  EXPECT_TRUE(router.Add({"POST", "/cds-services/", true, Answer("hook")}).ok());
  EXPECT_TRUE(router.Add({"POST", "/cds-services/a/feedback", false, Answer("feedback")}).ok());
  return router;
}

TEST(HttpRouterTest, ExactBeatsPrefixAndPrefixMatchesBelowIt) {
  HttpRouter router = CdsLikeRouter();
  EXPECT_EQ(router.Dispatch(Request("GET", "/cds-services")).body, "discovery");
  EXPECT_EQ(router.Dispatch(Request("POST", "/cds-services/a")).body, "hook");
  EXPECT_EQ(router.Dispatch(Request("POST", "/cds-services/a/feedback")).body, "feedback");
}

TEST(HttpRouterTest, UnknownPathIsAJson404) {
  HttpReply reply = CdsLikeRouter().Dispatch(Request("GET", "/nothing"));
  EXPECT_EQ(reply.status, 404);
  auto body = nlohmann::json::parse(reply.body);
  EXPECT_EQ(body["error"]["code"], "NOT_FOUND");
}

TEST(HttpRouterTest, WrongMethodIsA405NamingTheAllowedOnes) {
  HttpReply reply = CdsLikeRouter().Dispatch(Request("DELETE", "/cds-services/a/feedback"));
  EXPECT_EQ(reply.status, 405);
  ASSERT_EQ(reply.headers.size(), 1u);
  EXPECT_EQ(reply.headers[0].first, "Allow");
  EXPECT_EQ(reply.headers[0].second, "POST");
  EXPECT_TRUE(nlohmann::json::parse(reply.body)["error"].contains("message"));
}

TEST(HttpRouterTest, RefusesBadAndDuplicateRoutes) {
  HttpRouter router;
  EXPECT_EQ(router.Add({"GET", "healthz", false, Answer("")}).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(router.Add({"GET", "/healthz", false, nullptr}).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(router.Add({"GET", "/healthz", false, Answer("")}).ok());
  EXPECT_EQ(router.Add({"GET", "/healthz", false, Answer("")}).code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace needlework::host
