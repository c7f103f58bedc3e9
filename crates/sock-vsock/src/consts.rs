//! `AF_VSOCK` constants under their Python names with the Linux values
//! (`<linux/vm_sockets.h>`).

#![allow(missing_docs)] // each constant is the Linux constant of the same name

use libc::c_int;

/// The option level of the `SO_VM_SOCKETS_*` options: the family number itself.
pub const SOL_VSOCK: c_int = libc::AF_VSOCK;

// Option names (level AF_VSOCK); the buffer sizes are 64-bit values.
pub const SO_VM_SOCKETS_BUFFER_SIZE: c_int = 0;
pub const SO_VM_SOCKETS_BUFFER_MIN_SIZE: c_int = 1;
pub const SO_VM_SOCKETS_BUFFER_MAX_SIZE: c_int = 2;
pub const SO_VM_SOCKETS_PEER_HOST_VM_ID: c_int = 3;
pub const SO_VM_SOCKETS_TRUSTED: c_int = 5;
/// The 64-bit `struct timeval` variant, which is what `SO_VM_SOCKETS_CONNECT_TIMEOUT` means on
/// 64-bit Linux.
pub const SO_VM_SOCKETS_CONNECT_TIMEOUT_OLD: c_int = 6;
pub const SO_VM_SOCKETS_NONBLOCK_TXRX: c_int = 7;
pub const SO_VM_SOCKETS_CONNECT_TIMEOUT_NEW: c_int = 8;
pub const SO_VM_SOCKETS_CONNECT_TIMEOUT: c_int = SO_VM_SOCKETS_CONNECT_TIMEOUT_OLD;

// Context ids and ports (address values, hence `u32`).
pub const VMADDR_CID_ANY: u32 = libc::VMADDR_CID_ANY;
pub const VMADDR_CID_HYPERVISOR: u32 = libc::VMADDR_CID_HYPERVISOR;
pub const VMADDR_CID_LOCAL: u32 = libc::VMADDR_CID_LOCAL;
pub const VMADDR_CID_HOST: u32 = libc::VMADDR_CID_HOST;
pub const VMADDR_PORT_ANY: u32 = libc::VMADDR_PORT_ANY;
/// `svm_flags`: route to the host even when the CID is not the host's (nested VMs).
pub const VMADDR_FLAG_TO_HOST: u8 = 0x01;
pub const VM_SOCKETS_INVALID_VERSION: u32 = 0xffff_ffff;

/// `_IO(7, 0xb9)`: the `ioctl` on `/dev/vsock` that reports the local CID.
pub const IOCTL_VM_SOCKETS_GET_LOCAL_CID: u32 = 0x7b9;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_match_python() {
        // python3 -c 'import socket as s; print(s.SO_VM_SOCKETS_BUFFER_SIZE, ...)'
        assert_eq!(
            (SO_VM_SOCKETS_BUFFER_SIZE, SO_VM_SOCKETS_BUFFER_MIN_SIZE, SO_VM_SOCKETS_BUFFER_MAX_SIZE),
            (0, 1, 2)
        );
        assert_eq!((VMADDR_CID_ANY, VMADDR_PORT_ANY, VMADDR_CID_LOCAL, VMADDR_CID_HOST), (u32::MAX, u32::MAX, 1, 2));
        assert_eq!(IOCTL_VM_SOCKETS_GET_LOCAL_CID, 1977);
        assert_eq!(VM_SOCKETS_INVALID_VERSION, 4294967295);
        assert_eq!(SOL_VSOCK, 40);
    }
}
