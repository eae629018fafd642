// No double booking, ever: concurrent bookings of one slot, and a crash (SIGKILL) in the
// middle of a booking burst, through the real host and its SQLite store.
#include <gmock/gmock.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "integration/scheduling_helpers.h"

namespace needlework::testing {
namespace {

class BookingStressTest : public ::testing::Test {
 protected:
  void SetUp() override {
    host_ = HostProcess::Start();
    ASSERT_NE(host_, nullptr);
    api_ = std::make_unique<SchedulingApi>(*host_);
    ASSERT_TRUE(SetUpClinic(*api_, host_->admin_token(), "demo"));
  }

  std::vector<std::string> Plans(int count) {
    std::vector<std::string> plans;
    for (int i = 0; i < count; ++i) {
      plans.push_back(CreateFacePlan(*api_, host_->emr_token(), "Patient/p" + std::to_string(i)));
    }
    return plans;
  }

  std::vector<v1::Slot> DisjointSlots(const std::string& plan, size_t wanted) {
    return testing::DisjointSlots(*api_, host_->emr_token(), plan, wanted);
  }

  // Every appointment that holds the pen, checked pairwise for overlap.
  void ExpectNoOverlapOnThePen() {
    v1::ListAppointmentsRequest request;
    request.set_resource_id("pen-1");
    auto reply = api_->ListAppointments(host_->emr_token(), request);
    ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
    const auto& all = reply.response.appointments();
    for (int i = 1; i < all.size(); ++i) {
      EXPECT_LE(all[i - 1].end(), all[i].start())
          << all[i - 1].appointment_id() << " overlaps " << all[i].appointment_id();
    }
  }

  std::unique_ptr<HostProcess> host_;
  std::unique_ptr<SchedulingApi> api_;
};

TEST_F(BookingStressTest, ManyThreadsOneSlotExactlyOneWins) {
  constexpr int kThreads = 16;
  auto plans = Plans(kThreads);
  auto slot = DisjointSlots(plans[0], 1).at(0);
  std::atomic<int> won{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      auto request = BookingFor(plans[i], 0, slot);
      // Half of them ask for the other practitioner and room: the one pen still decides.
      if (i % 2 == 1) {
        request.set_practitioner_id(slot.practitioner_id() == "dr-lee" ? "dr-patel" : "dr-lee");
        request.set_room_id(slot.room_id() == "room-1" ? "room-2" : "room-1");
      }
      auto reply = SchedulingApi(*host_).Book(host_->emr_token(), request);
      if (reply.status.ok()) {
        ++won;
      } else if (reply.status.error_code() == grpc::StatusCode::ABORTED ||
                 reply.status.error_code() == grpc::StatusCode::FAILED_PRECONDITION) {
        // ABORTED when the winner committed while this one was checked, FAILED_PRECONDITION
        // when it had committed before: either way the pen's appointment is named.
        EXPECT_THAT(reply.status.error_message(), ::testing::HasSubstr("is already booked"));
        ++refused;
      } else {
        ADD_FAILURE() << reply.status.error_message();
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(refused.load(), kThreads - 1);
  EXPECT_EQ(other.load(), 0);
  ExpectNoOverlapOnThePen();
}

TEST_F(BookingStressTest, EveryAcknowledgedBookingSurvivesAKill) {
  constexpr int kBookings = 24;
  auto plans = Plans(kBookings);
  auto slots = DisjointSlots(plans[0], kBookings);
  ASSERT_EQ(slots.size(), static_cast<size_t>(kBookings));
  std::mutex mutex;
  std::vector<std::string> acknowledged;
  std::atomic<bool> stop{false};
  std::thread burst([&] {
    SchedulingApi api(*host_);
    for (int i = 0; i < kBookings && !stop; ++i) {
      auto reply = api.Book(host_->emr_token(), BookingFor(plans[i], 0, slots[i]));
      if (!reply.status.ok()) break;  // the host is gone
      std::lock_guard lock(mutex);
      acknowledged.push_back(reply.response.appointment_id());
    }
  });
  while (true) {  // kill once a few bookings are acknowledged, mid-burst
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    std::lock_guard lock(mutex);
    if (acknowledged.size() >= 8) break;
  }
  host_->Kill();
  stop = true;
  burst.join();
  ASSERT_TRUE(host_->Restart());
  api_ = std::make_unique<SchedulingApi>(*host_);

  std::map<std::string, int> found;
  for (int i = 0; i < kBookings; ++i) {
    v1::ListAppointmentsRequest request;
    request.set_patient_ref("Patient/p" + std::to_string(i));
    auto reply = api_->ListAppointments(host_->emr_token(), request);
    ASSERT_TRUE(reply.status.ok()) << reply.status.error_message();
    EXPECT_LE(reply.response.appointments_size(), 1) << "a patient's session was doubled";
    for (const auto& a : reply.response.appointments()) ++found[a.appointment_id()];
  }
  for (const auto& id : acknowledged) EXPECT_EQ(found[id], 1) << id << " was acknowledged but lost";
  ExpectNoOverlapOnThePen();
}

}  // namespace
}  // namespace needlework::testing
