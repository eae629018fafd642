// The runner protocol's frames: every message round-trips, and malformed, oversized,
// truncated or random bytes give a clean error, never a crash or a hang.
#include "host/isolation/frame.h"

#include <gmock/gmock.h>
#include <sys/socket.h>

#include <random>
#include <thread>

#include "host/isolation/unique_fd.h"

namespace needlework::host::isolation {
namespace {

using ::testing::HasSubstr;
using Clock = FrameReader::Clock;

constexpr size_t kLimit = 1 << 20;

// Both ends of a socketpair: `host` writes, `runner` reads, or the reverse.
struct Pair {
  Pair() {
    int fds[2];
    EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), 0);
    one.Reset(fds[0]);
    two.Reset(fds[1]);
  }
  void Send(std::string_view bytes) const {
    EXPECT_EQ(::send(one.get(), bytes.data(), bytes.size(), 0), static_cast<ssize_t>(bytes.size()));
  }
  UniqueFd one, two;
};

std::string Header(uint32_t size, uint8_t kind) {
  std::string header;
  for (int shift = 0; shift < 32; shift += 8) header.push_back(static_cast<char>(size >> shift));
  header.push_back(static_cast<char>(kind));
  return header;
}

TEST(FrameTest, EveryMessageRoundTrips) {
  auto create = DecodeCreate(EncodeCreate({"clinic-a", R"({"a":1})"}));
  ASSERT_TRUE(create.ok()) << create.status().ToString();
  EXPECT_EQ(create->clinic_id, "clinic-a");
  EXPECT_EQ(create->config_json, R"({"a":1})");
  std::string binary("\0\xff\n\x01", 4);
  auto invoke = DecodeInvoke(EncodeInvoke(7, binary));
  ASSERT_TRUE(invoke.ok());
  EXPECT_EQ(invoke->hook, 7u);
  EXPECT_EQ(invoke->request, binary);
  auto reply = DecodeCoded(EncodeCoded(-3, binary));
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(reply->code, -3);
  EXPECT_EQ(reply->bytes, binary);
  auto empty = DecodeCreate(EncodeCreate({"", ""}));
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->clinic_id, "");
}

TEST(FrameTest, FramesCrossASocketInOrder) {
  Pair pair;
  ASSERT_TRUE(WriteFrame(pair.one.get(), FrameKind::kInvoke, EncodeInvoke(2, "first")).ok());
  std::string big(300000, 'x');  // more than one socket buffer's worth: written in parts
  std::thread writer([&] { EXPECT_TRUE(WriteFrame(pair.one.get(), FrameKind::kReply, big).ok()); });
  FrameReader reader(pair.two.get(), kLimit);
  auto first = reader.Next();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->kind, FrameKind::kInvoke);
  EXPECT_EQ(DecodeInvoke(first->payload)->request, "first");
  auto second = reader.Next();
  writer.join();
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(second->kind, FrameKind::kReply);
  EXPECT_EQ(second->payload, big);
}

TEST(FrameTest, ShortPayloadsAreMalformed) {
  for (std::string_view bytes : {std::string_view(""), std::string_view("\x01\x02\x03")}) {
    EXPECT_EQ(DecodeCreate(bytes).status().code(), StatusCode::kDataLoss);
    EXPECT_EQ(DecodeInvoke(bytes).status().code(), StatusCode::kDataLoss);
    EXPECT_EQ(DecodeCoded(bytes).status().code(), StatusCode::kDataLoss);
  }
  std::string overrun = Header(100, 0).substr(0, 4) + "ab";  // clinic size 100, 2 bytes follow
  auto create = DecodeCreate(overrun);
  EXPECT_EQ(create.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(create.status().message(), HasSubstr("overruns the frame"));
}

TEST(FrameTest, HeadersOfUnknownKindOrOverTheLimitAreRefused) {
  for (uint8_t kind : {0, 6, 255}) {
    auto header = ParseHeader(Header(1, kind).data(), kLimit);
    EXPECT_EQ(header.status().code(), StatusCode::kDataLoss);
    EXPECT_THAT(header.status().message(), HasSubstr("unknown kind"));
  }
  auto big = ParseHeader(Header(kLimit + 1, 3).data(), kLimit);
  EXPECT_EQ(big.status().code(), StatusCode::kDataLoss);
  EXPECT_THAT(big.status().message(), HasSubstr("over the limit"));
  EXPECT_TRUE(ParseHeader(Header(kLimit, 3).data(), kLimit).ok());
}

TEST(FrameTest, AnOversizedFrameIsRefusedBeforeItsPayloadIsRead) {
  Pair pair;
  pair.Send(Header(0xffffffffu, 3));  // claims 4 GiB and sends nothing more
  FrameReader reader(pair.two.get(), kLimit);
  auto frame = reader.Next(Clock::now() + std::chrono::seconds(5));
  EXPECT_EQ(frame.status().code(), StatusCode::kDataLoss);
}

TEST(FrameTest, APeerClosingBetweenOrWithinFramesIsUnavailable) {
  {
    Pair pair;
    pair.one.Reset();
    auto frame = FrameReader(pair.two.get(), kLimit).Next();
    EXPECT_EQ(frame.status().code(), StatusCode::kUnavailable);
    EXPECT_EQ(frame.status().message(), "connection closed");
  }
  for (size_t cut : {size_t{2}, kFrameHeaderSize, kFrameHeaderSize + 3}) {
    Pair pair;
    std::string frame = Header(10, 3) + "0123456789";
    pair.Send(frame.substr(0, cut));
    pair.one.Reset();
    auto read = FrameReader(pair.two.get(), kLimit).Next();
    EXPECT_EQ(read.status().code(), StatusCode::kUnavailable) << cut;
    EXPECT_THAT(read.status().message(), HasSubstr("middle of a frame")) << cut;
  }
}

TEST(FrameTest, AReadStopsAtItsDeadline) {
  Pair pair;
  pair.Send(Header(10, 3) + "01");  // part of a frame, then silence
  auto frame =
      FrameReader(pair.two.get(), kLimit).Next(Clock::now() + std::chrono::milliseconds(20));
  EXPECT_EQ(frame.status().code(), StatusCode::kDeadlineExceeded);
}

TEST(FrameTest, WritingToAClosedPeerIsUnavailableNotSigpipe) {
  Pair pair;
  pair.two.Reset();
  Status written = WriteFrame(pair.one.get(), FrameKind::kReply, "answer");
  EXPECT_EQ(written.code(), StatusCode::kUnavailable);
}

TEST(FrameTest, RandomBytesNeverCrashTheReader) {
  std::mt19937 random(20261207);  // fixed: every run reads the same bytes
  for (int round = 0; round < 300; ++round) {
    Pair pair;
    std::string bytes(random() % 64, '\0');
    for (char& byte : bytes) byte = static_cast<char>(random());
    if (round % 3 == 0 && bytes.size() >= kFrameHeaderSize) {  // a plausible header now and then
      bytes.replace(0, kFrameHeaderSize, Header(random() % 80, 1 + random() % 5));
    }
    pair.Send(bytes);
    pair.one.Reset();
    FrameReader reader(pair.two.get(), 64);
    for (int frames = 0; frames < 100; ++frames) {
      auto frame = reader.Next(Clock::now() + std::chrono::seconds(5));
      if (!frame.ok()) {
        EXPECT_THAT(frame.status().code(),
                    ::testing::AnyOf(StatusCode::kUnavailable, StatusCode::kDataLoss));
        break;
      }
      (void)DecodeCreate(frame->payload);
      (void)DecodeInvoke(frame->payload);
      (void)DecodeCoded(frame->payload);
    }
  }
}

}  // namespace
}  // namespace needlework::host::isolation
