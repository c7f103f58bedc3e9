#![cfg(feature = "vsock")]
//! Regression tests for issue 13 in sock-vsock: the `SO_VM_SOCKETS_BUFFER_*` options are
//! 64-bit, and a 4-byte (`int`) value is `EINVAL` in the kernel. Needs only the `vsock` core
//! (creating a socket and setting its options), not a transport.

use sock_core::{Family, Socket, Type};
use sock_vsock::{
    VsockSocketExt, BUFFER_MAX_SIZE, BUFFER_MIN_SIZE, BUFFER_SIZE, SOL_VSOCK, SO_VM_SOCKETS_BUFFER_MAX_SIZE,
    SO_VM_SOCKETS_BUFFER_MIN_SIZE, SO_VM_SOCKETS_BUFFER_SIZE,
};

fn vsock_stream() -> Option<Socket> {
    let probe = Socket::new(Family::VSOCK, Type::STREAM, None);
    if !sock_tests::require("AF_VSOCK sockets (vsock module)", probe.as_ref().map(|_| ())) {
        return None;
    }
    probe.ok()
}

/// The typed 64-bit accessors round-trip doubled values, as CPython's BasicVSOCKTest does,
/// and agree with the `SockOpt<u64>` declarations.
#[test]
fn typed_buffer_sizes_round_trip() {
    let Some(s) = vsock_stream() else { return };
    let (min, size, max) = (s.buffer_min_size().unwrap(), s.buffer_size().unwrap(), s.buffer_max_size().unwrap());
    assert!(min <= size && size <= max, "{min} <= {size} <= {max}");
    s.set_buffer_max_size(max * 2).unwrap();
    s.set_buffer_size(size * 2).unwrap();
    s.set_buffer_min_size(min * 2).unwrap();
    assert_eq!(s.buffer_max_size().unwrap(), max * 2);
    assert_eq!(s.buffer_size().unwrap(), size * 2);
    assert_eq!(s.buffer_min_size().unwrap(), min * 2);
    assert_eq!(s.get(BUFFER_SIZE).unwrap(), size * 2);
    // A value above 4 GiB needs the full 64 bits (the kernel clamps the size to max).
    let big = (1u64 << 32) + 4096;
    s.set_buffer_max_size(big).unwrap();
    assert_eq!(s.get(BUFFER_MAX_SIZE).unwrap(), big);
    assert!(s.get(BUFFER_MIN_SIZE).unwrap() <= big);
}

/// The kernel's own answer to a 4-byte value: `EINVAL`. This is why the integer forms need
/// the 64-bit width (see `int_forms_use_64_bits`).
#[test]
fn four_byte_values_are_einval_in_the_kernel() {
    let Some(s) = vsock_stream() else { return };
    let e = s.setsockopt_bytes(SOL_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, &1024i32.to_ne_bytes()).unwrap_err();
    assert_eq!(sock_core::errno(&e), Some(libc::EINVAL), "{e}");
    let mut four = [0u8; 4];
    let e = s.getsockopt_into(SOL_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, &mut four).unwrap_err();
    assert_eq!(sock_core::errno(&e), Some(libc::EINVAL), "{e}");
}

/// CPython's `s.setsockopt(AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, n)` and
/// `s.getsockopt(AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE)` work: the integer forms must pass
/// 8 bytes for these options. Needs the sock-core change described in issue 13 (a width
/// table in `Socket::getsockopt_int`/`setsockopt_int`); until then they fail with EINVAL.
#[test]
fn int_forms_use_64_bits() {
    let Some(s) = vsock_stream() else { return };
    for name in [SO_VM_SOCKETS_BUFFER_MAX_SIZE, SO_VM_SOCKETS_BUFFER_SIZE, SO_VM_SOCKETS_BUFFER_MIN_SIZE] {
        let v = s.getsockopt_int(SOL_VSOCK, name).unwrap();
        s.setsockopt_int(SOL_VSOCK, name, v * 2).unwrap();
        assert_eq!(s.getsockopt_int(SOL_VSOCK, name).unwrap(), v * 2);
    }
    let e = s.setsockopt_int(SOL_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, -1).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidInput, "{e}");
    // A value that does not fit an int is reported, not truncated.
    s.set_buffer_max_size(1 << 40).unwrap();
    let e = s.getsockopt_int(SOL_VSOCK, SO_VM_SOCKETS_BUFFER_MAX_SIZE).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::InvalidData, "{e}");
}
