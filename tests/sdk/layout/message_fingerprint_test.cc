// The canonical layout and fingerprint of a message (sdk/layout/message_fingerprint.h):
// the form is exactly the documented one, every change that reshapes the generated class
// changes the fingerprint and nothing else does, and the table compiled into this binary
// from the SDK's headers is the one the loaded libneedlework_sdk.so's descriptors give.
#include "sdk/layout/message_fingerprint.h"

#include <gmock/gmock.h>
#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/text_format.h>

#include <functional>
#include <memory>

#include "needlework/message_fingerprints.h"
#include "needlework/plugin/v1/screen.pb.h"
#include "support/status_matchers.h"

namespace needlework::layout {
namespace {

namespace pb = google::protobuf;
using ::needlework::testing::IsOk;
using ::needlework::testing::StatusIs;
using ::testing::HasSubstr;
using ::testing::Not;

// A proto3 file with every kind of field the canonical form distinguishes.
constexpr char kSampleFile[] = R"pb(
  name: "test/layout.proto"
  package: "test.layout"
  syntax: "proto3"
  message_type {
    name: "Sample"
    field { name: "id" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING json_name: "id" }
    field { name: "scores" number: 2 label: LABEL_REPEATED type: TYPE_INT32 }
    field {
      name: "child"
      number: 3
      label: LABEL_OPTIONAL
      type: TYPE_MESSAGE
      type_name: ".test.layout.Sample.Child"
      oneof_index: 0
    }
    field { name: "note" number: 4 label: LABEL_OPTIONAL type: TYPE_STRING oneof_index: 0 }
    field {
      name: "maybe"
      number: 5
      label: LABEL_OPTIONAL
      type: TYPE_DOUBLE
      oneof_index: 1
      proto3_optional: true
    }
    field {
      name: "tags"
      number: 6
      label: LABEL_REPEATED
      type: TYPE_MESSAGE
      type_name: ".test.layout.Sample.TagsEntry"
    }
    field {
      name: "kind"
      number: 7
      label: LABEL_OPTIONAL
      type: TYPE_ENUM
      type_name: ".test.layout.Kind"
    }
    nested_type {
      name: "Child"
      field { name: "size" number: 1 label: LABEL_OPTIONAL type: TYPE_INT64 }
    }
    nested_type {
      name: "TagsEntry"
      field { name: "key" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
      field { name: "value" number: 2 label: LABEL_OPTIONAL type: TYPE_STRING }
      options { map_entry: true }
    }
    oneof_decl { name: "body" }
    oneof_decl { name: "_maybe" }
  }
  enum_type {
    name: "Kind"
    value { name: "KIND_UNSPECIFIED" number: 0 }
  }
)pb";

constexpr char kSampleLayout[] =
    "message test.layout.Sample proto3\n"
    "field 1 id optional string\n"
    "field 2 scores repeated int32 packed\n"
    "field 3 child optional message test.layout.Sample.Child oneof body presence\n"
    "field 4 note optional string oneof body presence\n"
    "field 5 maybe optional double presence\n"
    "field 6 tags repeated message test.layout.Sample.TagsEntry map\n"
    "field 7 kind optional enum test.layout.Kind\n"
    "oneof body\n";

pb::FileDescriptorProto SampleFile() {
  pb::FileDescriptorProto file;
  EXPECT_TRUE(pb::TextFormat::ParseFromString(kSampleFile, &file));
  return file;
}

// Sample's fingerprint after `change` to its file (each in a pool of its own).
std::string FingerprintAfter(const std::function<void(pb::FileDescriptorProto&)>& change) {
  pb::FileDescriptorProto file = SampleFile();
  change(file);
  pb::DescriptorPool pool;
  const pb::FileDescriptor* built = pool.BuildFile(file);
  EXPECT_NE(built, nullptr) << file.DebugString();
  return built != nullptr ? Fingerprint(*built->message_type(0)) : "";
}

pb::FieldDescriptorProto& Field(pb::FileDescriptorProto& file, int index) {
  return *file.mutable_message_type(0)->mutable_field(index);
}

TEST(MessageFingerprintTest, TheCanonicalLayoutIsTheDocumentedForm) {
  pb::DescriptorPool pool;
  const pb::FileDescriptor* file = pool.BuildFile(SampleFile());
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(CanonicalLayout(*file->message_type(0)), kSampleLayout);
  EXPECT_EQ(CanonicalLayout(*file->message_type(0)->nested_type(1)),
            "message test.layout.Sample.TagsEntry proto3 map_entry\n"
            "field 1 key optional string\n"
            "field 2 value optional string\n");
}

TEST(MessageFingerprintTest, TheHashIsFixed) {
  // FNV-1a 64 of kSampleLayout. The form and the hash are part of ABI major 1: every
  // plugin's table was made with them, so this value may never change within the major.
  EXPECT_EQ(FingerprintAfter([](auto&) {}), "9285d5a25439b723");
}

TEST(MessageFingerprintTest, EveryReshapingChangesTheFingerprint) {
  const std::string original = FingerprintAfter([](auto&) {});
  const std::vector<std::pair<const char*, std::function<void(pb::FileDescriptorProto&)>>> changes =
      {
          {"a field added",
           [](auto& f) {
             auto* added = f.mutable_message_type(0)->add_field();
             added->set_name("extra");
             added->set_number(8);
             added->set_label(pb::FieldDescriptorProto::LABEL_OPTIONAL);
             added->set_type(pb::FieldDescriptorProto::TYPE_BOOL);
           }},
          {"a field removed",
           [](auto& f) { f.mutable_message_type(0)->mutable_field()->RemoveLast(); }},
          {"a type changed",
           [](auto& f) { Field(f, 0).set_type(pb::FieldDescriptorProto::TYPE_BYTES); }},
          {"a label changed",
           [](auto& f) { Field(f, 0).set_label(pb::FieldDescriptorProto::LABEL_REPEATED); }},
          {"a number changed", [](auto& f) { Field(f, 0).set_number(9); }},
          {"a name changed", [](auto& f) { Field(f, 0).set_name("ident"); }},
          {"a message type changed",
           [](auto& f) { Field(f, 2).set_type_name(".test.layout.Sample"); }},
          {"declaration order",
           [](auto& f) { f.mutable_message_type(0)->mutable_field()->SwapElements(0, 1); }},
          {"moved out of a oneof", [](auto& f) { Field(f, 3).clear_oneof_index(); }},
          {"unpacked", [](auto& f) { Field(f, 1).mutable_options()->set_packed(false); }},
          {"lite",
           [](auto& f) { f.mutable_options()->set_optimize_for(pb::FileOptions::LITE_RUNTIME); }},
          {"a cord",
           [](auto& f) { Field(f, 0).mutable_options()->set_ctype(pb::FieldOptions::CORD); }},
          {"made proto2",
           [](auto& f) {
             f.set_syntax("proto2");
             Field(f, 4).clear_proto3_optional();
             Field(f, 4).clear_oneof_index();
             f.mutable_message_type(0)->mutable_oneof_decl()->RemoveLast();
           }},
      };
  for (const auto& [what, change] : changes) {
    EXPECT_NE(FingerprintAfter(change), original) << what;
  }
}

TEST(MessageFingerprintTest, WhatShapesNoLayoutLeavesItAlone) {
  const std::string original = FingerprintAfter([](auto&) {});
  const std::vector<std::pair<const char*, std::function<void(pb::FileDescriptorProto&)>>> changes =
      {
          {"a json name", [](auto& f) { Field(f, 0).set_json_name("identifier"); }},
          {"an enum value added",
           [](auto& f) {
             auto* value = f.mutable_enum_type(0)->add_value();
             value->set_name("KIND_OTHER");
             value->set_number(1);
           }},
          {"a nested message added",
           [](auto& f) { f.mutable_message_type(0)->add_nested_type()->set_name("Later"); }},
          {"a nested enum added",
           [](auto& f) {
             auto* nested = f.mutable_message_type(0)->add_enum_type();
             nested->set_name("Mode");
             nested->add_value()->set_name("MODE_UNSPECIFIED");
           }},
          {"a reserved range",
           [](auto& f) {
             auto* reserved = f.mutable_message_type(0)->add_reserved_range();
             reserved->set_start(20);
             reserved->set_end(21);
           }},
          {"deprecated", [](auto& f) { Field(f, 0).mutable_options()->set_deprecated(true); }},
          {"a file option",
           [](auto& f) { f.mutable_options()->set_java_package("dev.needlework"); }},
      };
  for (const auto& [what, change] : changes) {
    EXPECT_EQ(FingerprintAfter(change), original) << what;
  }
}

TEST(MessageFingerprintTest, NestedMessagesAndMapEntriesAreMessagesOfTheirOwn) {
  pb::DescriptorPool pool;
  const pb::FileDescriptor* file = pool.BuildFile(SampleFile());
  ASSERT_NE(file, nullptr);
  FingerprintTable table;
  AddFileFingerprints(*file, &table);
  EXPECT_EQ(
      FormatFingerprintTable(table),
      "test.layout.Sample=" + Fingerprint(*file->message_type(0)) +
          ";test.layout.Sample.Child=" + Fingerprint(*file->message_type(0)->nested_type(0)) +
          ";test.layout.Sample.TagsEntry=" + Fingerprint(*file->message_type(0)->nested_type(1)));
}

TEST(MessageFingerprintTest, WellKnownTypesAreLibprotobufsAndLeftOut) {
  FingerprintTable table;
  AddFileFingerprints(*pb::FileDescriptorProto::descriptor()->file(), &table);
  EXPECT_TRUE(table.empty());
}

// The generated pool knows the SDK's messages once libneedlework_sdk.so is loaded, which
// only a use of its code does (the linker drops a library nothing uses).
class GeneratedPoolTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_NE(plugin::v1::ScreenRequest::descriptor(), nullptr); }
};

TEST_F(GeneratedPoolTest, TheCompiledTableIsTheLoadedSdkLibrarys) {
  EXPECT_THAT(CheckAgainstGeneratedPool(NEEDLEWORK_MESSAGE_FINGERPRINTS), IsOk());
}

TEST_F(GeneratedPoolTest, EveryDisagreementIsNamed) {
  auto table = ParseFingerprintTable(NEEDLEWORK_MESSAGE_FINGERPRINTS);
  ASSERT_THAT(table, IsOk());
  (*table)["needlework.plugin.v1.ScreenRequest"] = "0123456789abcdef";
  table->erase("needlework.types.v1.Coding");
  (*table)["needlework.plugin.v1.Unheard"] = "0123456789abcdef";
  auto checked = CheckAgainstGeneratedPool(FormatFingerprintTable(*table));
  EXPECT_THAT(checked, StatusIs(StatusCode::kFailedPrecondition,
                                HasSubstr("needlework.plugin.v1.ScreenRequest (differs)")));
  EXPECT_THAT(checked.message(), HasSubstr("needlework.types.v1.Coding (not in the headers)"));
  EXPECT_THAT(checked.message(), HasSubstr("needlework.plugin.v1.Unheard (not in the library)"));
  EXPECT_THAT(checked.message(), Not(HasSubstr("ScreenResponse")));
  EXPECT_THAT(CheckAgainstGeneratedPool("nonsense"),
              StatusIs(StatusCode::kInvalidArgument, HasSubstr("nonsense")));
}

}  // namespace
}  // namespace needlework::layout
