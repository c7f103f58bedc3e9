//! Shared probes and helpers of the VSOCK integration tests (`vsock.rs`, `async_vsock.rs`).
//! Node-local vsock traffic needs the `vsock_loopback` transport, which only the test VM has:
//! on the host the probes print `SOCK-SKIP:`; under `SOCK_REQUIRE_ALL=1` they fail.

#![allow(dead_code)]

use sock_core::{Family, Socket, Type};
use sock_vsock::{local_cid, VsockAddr, VMADDR_CID_ANY, VMADDR_CID_HOST, VMADDR_CID_LOCAL, VMADDR_PORT_ANY};

/// A VSOCK socket of `ty`, or `None` (skipped) where the family is missing.
pub fn vsock_socket(ty: Type) -> Option<Socket> {
    let probe = Socket::new(Family::VSOCK, ty, None);
    if !sock_tests::require("AF_VSOCK sockets (vsock module)", probe.as_ref().map(|_| ())) {
        return None;
    }
    probe.ok()
}

/// Whether node-local vsock traffic works: the `vsock_loopback` transport is loaded.
pub fn require_loopback() -> bool {
    let probe = std::fs::metadata("/sys/module/vsock_loopback").map_err(|e| format!("/sys/module/vsock_loopback: {e}"));
    sock_tests::require("AF_VSOCK loopback transport (modprobe vsock_loopback)", probe)
}

/// Both of the above for sockets of type `ty`.
pub fn have_loopback(ty: Type) -> bool {
    vsock_socket(ty).is_some() && require_loopback()
}

/// The CID a client uses to reach a server of this machine: its own, or CID_LOCAL when it is
/// HOST or ANY (CPython gh-119461).
pub fn peer_cid() -> u32 {
    match local_cid() {
        Ok(cid) if cid != VMADDR_CID_HOST && cid != VMADDR_CID_ANY => cid,
        _ => VMADDR_CID_LOCAL,
    }
}

/// A listening socket of type `ty` on a kernel-chosen port, and the port.
pub fn listener(ty: Type) -> (Socket, u32) {
    let server = Socket::new(Family::VSOCK, ty, None).unwrap();
    server.bind(VsockAddr::new(VMADDR_CID_ANY, VMADDR_PORT_ANY)).unwrap();
    server.listen(None).unwrap();
    let port = VsockAddr::try_from(&server.local_addr().unwrap()).unwrap().port;
    assert_ne!(port, VMADDR_PORT_ANY);
    (server, port)
}
