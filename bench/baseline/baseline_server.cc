// needlework-bench-baseline: the bare gRPC server the host is compared with. It serves the
// same methods with the same message types and sizes, on the same callback API and server
// settings, but with no plugins, no auth and no store: each call parses its request and
// answers a canned reply (a real reply of the host, captured by the driver).
//
//   needlework-bench-baseline --listen 127.0.0.1:0 --ready-file F [--replies DIR]
// DIR/<Method>.bin holds the serialized reply of that method (Screen-facts, Screen-fhir,
// FindSlots, Book, GetAftercarePlan); a missing file means an empty reply. SIGTERM/SIGINT stop it.
#include <grpcpp/grpcpp.h>
#include <signal.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "needlework/v1/aftercare.grpc.pb.h"
#include "needlework/v1/scheduling.grpc.pb.h"
#include "needlework/v1/screening.grpc.pb.h"

namespace needlework::bench {
namespace {

namespace v1 = needlework::v1;

template <typename Message>
Message LoadReply(const std::string& dir, const std::string& method) {
  Message reply;
  std::ifstream in(dir + "/" + method + ".bin", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (in) reply.ParseFromString(bytes.str());
  return reply;
}

// Answers `reply` on the call's default reactor: the least a callback server can do.
template <typename Message>
grpc::ServerUnaryReactor* Answer(grpc::CallbackServerContext* context, const Message& reply,
                                 Message* response) {
  *response = reply;
  auto* reactor = context->DefaultReactor();
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

class Screening final : public v1::ScreeningService::CallbackService {
 public:
  explicit Screening(const std::string& dir)
      : facts_(LoadReply<v1::ScreenResponse>(dir, "Screen-facts")),
        fhir_(LoadReply<v1::ScreenResponse>(dir, "Screen-fhir")) {}
  grpc::ServerUnaryReactor* Screen(grpc::CallbackServerContext* context,
                                   const v1::ScreenRequest* request,
                                   v1::ScreenResponse* response) override {
    return Answer(context, request->has_fhir() ? fhir_ : facts_, response);
  }

 private:
  v1::ScreenResponse facts_, fhir_;
};

class Scheduling final : public v1::SchedulingService::CallbackService {
 public:
  explicit Scheduling(const std::string& dir)
      : slots_(LoadReply<v1::FindSlotsResponse>(dir, "FindSlots")),
        booked_(LoadReply<v1::Appointment>(dir, "Book")) {}
  grpc::ServerUnaryReactor* FindSlots(grpc::CallbackServerContext* context,
                                      const v1::FindSlotsRequest*,
                                      v1::FindSlotsResponse* response) override {
    return Answer(context, slots_, response);
  }
  grpc::ServerUnaryReactor* Book(grpc::CallbackServerContext* context, const v1::BookRequest*,
                                 v1::Appointment* response) override {
    return Answer(context, booked_, response);
  }

 private:
  v1::FindSlotsResponse slots_;
  v1::Appointment booked_;
};

class Aftercare final : public v1::AftercareService::CallbackService {
 public:
  explicit Aftercare(const std::string& dir)
      : plan_(LoadReply<v1::AftercarePlan>(dir, "GetAftercarePlan")) {}
  grpc::ServerUnaryReactor* GetAftercarePlan(grpc::CallbackServerContext* context,
                                             const v1::GetAftercarePlanRequest*,
                                             v1::AftercarePlan* response) override {
    return Answer(context, plan_, response);
  }

 private:
  v1::AftercarePlan plan_;
};

int Serve(const std::string& listen, const std::string& ready_file, const std::string& dir) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  Screening screening(dir);
  Scheduling scheduling(dir);
  Aftercare aftercare(dir);
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort(listen, grpc::InsecureServerCredentials(), &port);
  builder.SetMaxReceiveMessageSize(8 * 1024 * 1024);  // the host's default max_message_bytes
  builder.RegisterService(&screening);
  builder.RegisterService(&scheduling);
  builder.RegisterService(&aftercare);
  auto server = builder.BuildAndStart();
  if (!server || port == 0) {
    std::cerr << "needlework-bench-baseline: cannot listen on " << listen << "\n";
    return 1;
  }
  std::ofstream(ready_file) << listen.substr(0, listen.rfind(':') + 1) << port << "\n";
  int signal = 0;
  sigwait(&signals, &signal);
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
  return 0;
}

}  // namespace
}  // namespace needlework::bench

int main(int argc, char** argv) {
  std::string listen = "127.0.0.1:0", ready_file, replies = ".";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--listen") listen = argv[i + 1];
    if (flag == "--ready-file") ready_file = argv[i + 1];
    if (flag == "--replies") replies = argv[i + 1];
  }
  if (ready_file.empty()) {
    std::cerr << "usage: needlework-bench-baseline --listen ADDR --ready-file F [--replies DIR]\n";
    return 2;
  }
  return needlework::bench::Serve(listen, ready_file, replies);
}
