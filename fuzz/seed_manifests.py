#!/usr/bin/env python3
# Regenerates fuzz/corpus/manifest/ from a default build: python3 fuzz/seed_manifests.py fuzz/corpus/manifest
# (run from the repository root after `make build`).
import ctypes, glob, os, sys
out = sys.argv[1]
SINK_WRITE = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint8), ctypes.c_size_t)
class Sink(ctypes.Structure):
    _fields_ = [("context", ctypes.c_void_p), ("write", SINK_WRITE)]
DESCRIBE = ctypes.CFUNCTYPE(ctypes.c_int32, ctypes.POINTER(Sink))
class Api(ctypes.Structure):
    _fields_ = [("struct_size", ctypes.c_uint32), ("abi_major", ctypes.c_uint32),
                ("abi_minor", ctypes.c_uint32), ("build_key", ctypes.c_char_p),
                ("describe", DESCRIBE)]
ctypes.CDLL(glob.glob("build/sdk/libneedlework_sdk.so*")[0], mode=ctypes.RTLD_GLOBAL)
for so in sorted(glob.glob("build/plugins/*.so")):
    lib = ctypes.CDLL(so)
    # BOOST_DLL_ALIAS exports a variable holding the function's address.
    address = ctypes.c_void_p.in_dll(lib, "needlework_plugin_v1").value
    entry = ctypes.CFUNCTYPE(ctypes.POINTER(Api))(address)
    api = entry().contents
    data = bytearray()
    def write(ctx, ptr, size):
        data[:] = ctypes.string_at(ptr, size)
    sink = Sink(None, SINK_WRITE(write))
    assert api.describe(ctypes.byref(sink)) == 0
    name = os.path.basename(so)[len("needlework_"):-3]
    open(os.path.join(out, name + ".pb"), "wb").write(data)
    print(name, len(data))
